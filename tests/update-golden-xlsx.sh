#!/bin/sh
# update-golden-xlsx.sh [BUILDDIR] — accepts the default plan's workbook as it is now: writes its
# XML parts into tests/data/xlsx/, which test-golden-xlsx compares with. Review the result with
# `git diff tests/data/xlsx` before committing it.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# It runs the test itself through `meson test` (which builds `poa` first), in update mode, so the
# parts come from the same binary and environment as the test's.
set -eu
cd "$(dirname "$0")/.."

POA_UPDATE_GOLDEN_XLSX=1 exec meson test -C "${1:-build}" --print-errorlogs --verbose test-golden-xlsx
