#!/bin/sh
# run-fuzzer.sh FUZZER SECONDS NEW_CORPUS ARTIFACTS SEEDS… — runs a libFuzzer harness for a
# bounded time, from the seed folders; new inputs go to NEW_CORPUS, crashes to ARTIFACTS/.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

fuzzer=$1 seconds=$2 corpus=$3 artifacts=$4
shift 4
mkdir -p "$corpus" "$artifacts"
# Keeps only the seed folders that exist (git keeps no empty folder).
for seeds in "$@"; do
  [ -d "$seeds" ] && set -- "$@" "$seeds"
  shift
done

# Undefined behaviour is a crash too, not a line of warning to scroll past.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS

# libFuzzer prints its statistics on stderr at the end (-print_final_stats).
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$@"
