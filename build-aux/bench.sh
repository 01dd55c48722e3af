#!/bin/sh
# bench.sh — builds POA with optimisation and runs every benchmark, printing one table.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Medians of several runs and peak memory; the targets are those of the issues. The window
# benchmarks run under their own Xvfb (tests/run-with-display.sh). Run it on a quiet machine:
# the figures are wall times. Usage: sh build-aux/bench.sh [RESULTS_FILE]
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh >/dev/null
[ -f build-release/build.ninja ] || meson setup build-release --buildtype=release >/dev/null
meson compile -C build-release >/dev/null

b=build-release
bench=$b/tests/bench
results=${1:-$b/bench-results.txt}
: > "$results"

# Xvfb has no GPU: GTK's GL renderer would run on llvmpipe, in software, and its start-up and
# frames would measure Mesa. The cairo renderer is GTK's own software path, the same for both
# programs compared.
export LC_ALL=C.UTF-8 NO_AT_BRIDGE=1 GTK_A11Y=none GDK_BACKEND=x11 GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo
export GSETTINGS_SCHEMA_DIR="$PWD/$b/data" POA_LOCALEDIR="$PWD/$b/po"
display="tests/run-with-display.sh"

run() {
  echo "bench.sh: $*" >&2
  "$@" | tee -a "$results.log" | grep '^RESULT' >> "$results" || true
}

run $display $bench/bench-startup $b/src/poa $bench/bench-empty-window
run $display $bench/bench-load $b/src/poa $bench/bench-empty-window
run $bench/bench-edit
run $bench/bench-report
run $bench/bench-cronograma
run $display $bench/bench-gantt-view
run $display $bench/bench-activities-table
run $display $bench/bench-follow-page
run $bench/bench-xlsx $b/src/poa
run $bench/bench-summary $b/src/poa

# perfui (issue 21 items 3-5): bench-activities-table above also times the search per keystroke
# (median, p95, first), the scrollbar drag per frame and the long-text plan's first frame in
# one process; here the long-text plan's first frame as the user sees it.
run $display $bench/bench-load-long $b/src/poa $bench/bench-empty-window

echo
echo "POA benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo
awk -F'\t' 'BEGIN { printf "| %-50s | %-44s | %10s | %9s | %-40s |\n|%s|%s|%s|%s|%s|\n", "benchmark", "size", "median ms", "peak MB", "target", "---", "---", "---:", "---:", "---" }
  { peak = ($5 == "0.0") ? "" : $5; t = ($6 == "") ? "" : $6 " (" $7 ")"; printf "| %-50s | %-44s | %10s | %9s | %-40s |\n", $2, $3, $4, peak, t }' "$results"
