#!/bin/sh
# test.sh — installs what POA needs, builds it, and runs every test.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window tests start their own Xvfb (tests/run-with-display.sh). Arguments go to
# `meson test`: `sh build-aux/test.sh --suite core`.
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
meson test -C build --print-errorlogs "$@"
