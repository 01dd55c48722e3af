#!/bin/sh
# update-golden-xlsx.sh [BUILDDIR] — accepts the default plan's workbook as it is now: writes its
# XML parts into tests/data/xlsx/, which test-golden-xlsx compares with. Review the result with
# `git diff tests/data/xlsx` before committing it.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}

meson compile -C "$build" src/poa
exec /usr/bin/python3 tests/check-golden-xlsx.py --update "$build/src/poa" tests/data/xlsx
