#!/bin/sh
# fuzz.sh [SECONDS] — builds the libFuzzer harnesses of tests/fuzz with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer (build-fuzz/), and runs each for SECONDS (default 60) from
# its corpus. A crash is written to build-fuzz/tests/fuzz/fuzz-artifacts/: copy it into
# tests/fuzz/regressions/TARGET/, fix the reader, and add a test (tests/fuzz/README.md).
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}

sh build-aux/install-deps.sh

# clang and its libFuzzer runtime are needed here only, not by the test suite.
if ! command -v clang >/dev/null 2>&1 ||
   ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null |
     grep -q 'install ok installed'; then
  SUDO=
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    clang libclang-rt-14-dev
fi

[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz \
  -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
meson configure build-fuzz -Dfuzz_seconds="$seconds"
# Only the harnesses: the rest of the program is built and tested by build-aux/test.sh.
meson compile -C build-fuzz tests/fuzz/fuzz-plan-json tests/fuzz/fuzz-money tests/fuzz/fuzz-date \
  tests/fuzz/fuzz-text tests/fuzz/fuzz-xlsx
meson test -C build-fuzz --no-rebuild --print-errorlogs --suite fuzz
