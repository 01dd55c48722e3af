#!/bin/sh
# test.sh — installs what POA needs, builds it, and runs every test.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window tests start their own Xvfb (tests/run-with-display.sh). Arguments go to
# `meson test`: `sh build-aux/test.sh --suite core`.
#
# Without arguments (as CI runs it) the core, command-line and crash tests then run again in a
# second build under AddressSanitizer and UndefinedBehaviorSanitizer (build-sanitize/, where
# any undefined behaviour fails), and the core tests under valgrind, where a definite leak or a
# memory error fails. POA_QUICK=1 leaves those two out.
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
meson test -C build --print-errorlogs "$@"

if [ $# -gt 0 ] || [ -n "${POA_QUICK:-}" ]; then
  exit 0
fi

[ -f build-sanitize/build.ninja ] || meson setup build-sanitize \
  -Db_sanitize=address,undefined \
  -Dc_args='-fsanitize=float-cast-overflow -fno-sanitize-recover=all'
meson compile -C build-sanitize
# fontconfig keeps its configuration for the life of the process: see tests/lsan.supp.
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" POA_TEST_LIGHT=1 \
  meson test -C build-sanitize --print-errorlogs --suite core --suite cli --suite crash --suite documents

meson test -C build --print-errorlogs --setup valgrind --suite core
