#!/usr/bin/python3
# bench-xlsx-anchor.py POA_BINARY DEFAULT_PLAN_JSON [RUNS] — issue 21's anchor for the workbook:
# `poa export --output X.xlsx` of a 10,000-activity plan against a Python script writing the same
# cells with XlsxWriter (Debian's python3-xlsxwriter), both whole processes, run in alternation;
# target ≤ 0.45×. Prints one RESULT line as the other benchmarks do (bench-util.c's format).
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The plan is the default plan's 16 activities repeated to 10,000, as test_plan_with_activities()
# makes it (tests/test-plans.c), imported through `poa import`. The anchor writes, in
# XlsxWriter's constant-memory mode, what POA's two big sheets hold for it: the POA sheet (the
# number and five texts a row, wrapped) and the Cronograma (number, three texts, the three metas,
# the two percentages as formulas with their values, twelve months filled or not, two dates).
# Without XlsxWriter the row says so and nothing is measured.

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

N = 10000

ANCHOR = r'''
import datetime, json, sys
import xlsxwriter
plan = json.load(open(sys.argv[1], encoding="utf-8"))
wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
text = wb.add_format({"border": 1, "text_wrap": True})
number = wb.add_format({"border": 1, "align": "center"})
percent = wb.add_format({"border": 1, "align": "center", "num_format": "0 %"})
month = wb.add_format({"border": 1})
scheduled = wb.add_format({"border": 1, "bg_color": "#4472C4"})
date = wb.add_format({"border": 1, "align": "center", "num_format": "dd/mm/yyyy"})
poa = wb.add_worksheet("POA")
cron = wb.add_worksheet("Cronograma")
keys = ["name", "strategic_axis", "strategic_line", "action_line", "specific_activity"]
for i, a in enumerate(plan["activities"]):
    poa.write_number(i, 0, a["number"], number)
    for c, key in enumerate(keys, 1):
        poa.write_string(i, c, a.get(key, ""), text)
for i, a in enumerate(plan["activities"]):
    r = i + 5
    cron.write_number(r, 0, a["number"], number)
    for c, key in enumerate(["name", "responsible", "unit"], 1):
        cron.write_string(r, c, a.get(key, ""), text)
    annual, programmed, achieved = a["annual_goal"], a["programmed"], a["achieved"]
    cron.write_number(r, 4, annual, number)
    cron.write_number(r, 5, programmed, number)
    cron.write_formula(r, 6, f'=IF(E{r + 1}=0,"",F{r + 1}/E{r + 1})', percent,
                       programmed / annual if annual else "")
    cron.write_number(r, 7, achieved, number)
    cron.write_formula(r, 8, f'=IF(F{r + 1}=0,"",H{r + 1}/F{r + 1})', percent,
                       achieved / programmed if programmed else "")
    months = set(a.get("months", []))
    for m in range(1, 13):
        cron.write_blank(r, 8 + m, None, scheduled if m in months else month)
    for c, key in ((21, "start"), (22, "end")):
        if a.get(key):
            cron.write_datetime(r, c, datetime.datetime.fromisoformat(a[key]), date)
        else:
            cron.write_blank(r, c, None, date)
wb.close()
'''


def result(name, size, median, target, met):
    # bench-util.c's bench_result(): RESULT, name, size, median ms, peak MB, target, met.
    print(f"RESULT\t{name}\t{size}\t{median:.2f}\t0.0\t{target}\t{'met' if met else 'NOT MET'}")


def timed(argv):
    start = time.monotonic()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return (time.monotonic() - start) * 1000


def main():
    poa, default_plan = sys.argv[1:3]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    python = "/usr/bin/python3"
    try:
        subprocess.run([python, "-c", "import xlsxwriter"], check=True, stderr=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, OSError):
        print("bench-xlsx-anchor: Python XlsxWriter is not installed (python3-xlsxwriter): the "
              "anchor is not measured")
        return 0

    with open(default_plan, encoding="utf-8") as f:
        plan = json.load(f)
    originals = plan["activities"]
    activities = []
    for i in range(N):
        a = dict(originals[i % len(originals)])
        if i >= len(originals):
            a["number"] = i + 1
            a["name"] = f"{originals[i % len(originals)]['name']} ({i + 1})"
        activities.append(a)
    plan["activities"] = activities

    with tempfile.TemporaryDirectory(prefix="poa-bench-") as folder:
        plan_path = os.path.join(folder, "plan.json")
        database = os.path.join(folder, "plan.sqlite3")
        script = os.path.join(folder, "anchor.py")
        with open(plan_path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False)
        with open(script, "w", encoding="utf-8") as f:
            f.write(ANCHOR)
        # A new database starts with the default plan: this one, of the same área and year, replaces it.
        subprocess.run([poa, "--db", database, "import", "--replace", plan_path], check=True,
                       stdout=subprocess.DEVNULL)

        ours, anchor = [], []
        for r in range(runs + 1):
            t_ours = timed([poa, "--db", database, "export", "--output", os.path.join(folder, "poa.xlsx")])
            t_anchor = timed([python, script, plan_path, os.path.join(folder, "anchor.xlsx")])
            if r > 0:
                ours.append(t_ours)
                anchor.append(t_anchor)

    ours_ms, anchor_ms = statistics.median(ours), statistics.median(anchor)
    ratio = ours_ms / anchor_ms
    print(f"{N} activities, {runs} alternating runs: poa export {ours_ms:.0f} ms, Python XlsxWriter "
          f"{anchor_ms:.0f} ms ({ratio:.2f}×)")
    result("xlsx: poa export against Python XlsxWriter", f"{N} (XlsxWriter: {anchor_ms:.0f} ms; {ratio:.2f}×)",
           ours_ms, "≤ 0.45× Python XlsxWriter", ratio <= 0.45)
    return 0


if __name__ == "__main__":
    sys.exit(main())
