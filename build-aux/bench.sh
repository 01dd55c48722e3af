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
# pdf17 (issue 17): the whole POA as a PDF, beside LibreOffice converting the workbook.
run $bench/bench-documents $b/src/poa
# xlsxout: the workbook against Python XlsxWriter writing the same cells (issue 21: ≤ 0.45×; says
# so when python3-xlsxwriter is missing). bench-xlsx above holds the rows against libxlsxwriter
# alone (≤ 1.3×) and for full calendars (issue 16: ≤ 1.3× the plan without).
run /usr/bin/python3 tests/bench/bench-xlsx-anchor.py $b/src/poa data/default-plan.json
# xlsxin19 (issue 19): poa import FILE.xlsx beside poa export and openpyxl.
run $bench/bench-xlsx-import $b/src/poa
# desk18: Todas las áreas, a year of 1,000 plans.
run $display $bench/bench-areas-window
# perfcore (issue 21 items 1, 2 and 7): a plan file of 100,000 activities through `poa import`,
# `export` to .json and `check`, time and peak memory, in alternation with the Python anchors
# (tests/bench/anchor-import.py, anchor-export.py). bench-report (above) gives issue 16's
# quarterly report and one month recorded, beside the disk's own floor.
run $bench/bench-plan-file $b/src/poa tests/bench

# perfui (issue 21 items 3-5): bench-activities-table above also times the search per keystroke
# (median, p95, first), the scrollbar drag per frame and the long-text plan's first frame in
# one process; here the long-text plan's first frame as the user sees it.
run $display $bench/bench-load-long $b/src/poa $bench/bench-empty-window

# obsrow18 (issue 18): the Actividades table's observation markers at 100,000 activities.
run $display $bench/bench-observation-marker

# drag6 (issue 21 item 4): the scrollbar drag of bench-activities-table on column views of the
# same columns with the cheapest cells (GTK 4.8's own cost), beside the page, with counts.
run $display $bench/bench-table-floor
# The same drag with the accessibility bus a desktop runs (each accessible label changed is a
# message on it): the scroll part of bench-activities-table without GTK_A11Y=none.
run env -u NO_AT_BRIDGE -u GTK_A11Y $display $bench/bench-activities-table scroll

echo
echo "POA benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo
awk -F'\t' 'BEGIN { printf "| %-50s | %-44s | %10s | %9s | %-40s |\n|%s|%s|%s|%s|%s|\n", "benchmark", "size", "median ms", "peak MB", "target", "---", "---", "---:", "---:", "---" }
  { peak = ($5 == "0.0") ? "" : $5; t = ($6 == "") ? "" : $6 " (" $7 ")"; printf "| %-50s | %-44s | %10s | %9s | %-40s |\n", $2, $3, $4, peak, t }' "$results"
