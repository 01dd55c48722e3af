#!/usr/bin/env python3
# anchor-export.py — what a user would otherwise write to save a plan as a file: sqlite3 + json,
# the same columns `poa export --output FILE.json` writes, indented as poa writes them (issue 21's
# anchor; build-aux/bench.sh runs it in alternation with poa).
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: anchor-export.py DATABASE PLAN_ID OUTPUT.json
import json
import sqlite3
import sys

db, plan_id, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
con = sqlite3.connect(db)
texts = ["municipality", "administration", "direction", "area", "objective",
         "specific_objectives", "observations"]
row = con.execute("SELECT year, " + ", ".join(texts) + " FROM plan WHERE id = ?", (plan_id,)).fetchone()
plan = {"format": "poa-plan", "version": 1, "year": row[0]}
plan.update(zip(texts, row[1:]))
plan["signatures"] = [{"role": r, "name": n, "title": t} for r, n, t in con.execute(
    "SELECT role, name, title FROM signature WHERE plan_id = ? ORDER BY position", (plan_id,))]

months = {}
for activity_id, month, programmed, achieved, note in con.execute(
        "SELECT m.activity_id, m.month, m.programmed, m.achieved, m.note FROM activity_month m"
        " JOIN activity a ON a.id = m.activity_id WHERE a.plan_id = ? ORDER BY m.month", (plan_id,)):
    months.setdefault(activity_id, []).append(
        {"month": month, "programmed": programmed, "achieved": achieved, "note": note})
justifications = {}
for activity_id, quarter, text in con.execute(
        "SELECT j.activity_id, j.quarter, j.text FROM activity_justification j"
        " JOIN activity a ON a.id = j.activity_id WHERE a.plan_id = ? ORDER BY j.quarter", (plan_id,)):
    justifications.setdefault(activity_id, []).append({"quarter": quarter, "text": text})
if months or justifications:
    plan["version"] = 2

fields = ["number", "name", "strategic_axis", "strategic_line", "action_line", "specific_activity",
          "responsible", "unit", "annual_goal", "programmed", "achieved", "start", "end"]
activities = []
for row in con.execute(
        "SELECT id, number, name, strategic_axis, strategic_line, action_line, specific_activity,"
        " responsible, unit, annual_goal, programmed, achieved, start_date, end_date, months"
        " FROM activity WHERE plan_id = ? ORDER BY position, id", (plan_id,)):
    activity = dict(zip(fields, row[1:14]))
    activity["months"] = [m for m in range(1, 13) if row[14] & (1 << (m - 1))]
    if row[0] in months:
        activity["calendar"] = months[row[0]]
    if row[0] in justifications:
        activity["justifications"] = justifications[row[0]]
    activities.append(activity)
plan["activities"] = activities
plan["indicators"] = [{"name": n, "variables": v, "formula": f} for n, v, f in con.execute(
    "SELECT name, variables, formula FROM indicator WHERE plan_id = ? ORDER BY position", (plan_id,))]
plan["budget"] = [{"code": c, "name": n, "amount": round(cents / 100, 2)} for c, n, cents in con.execute(
    "SELECT code, name, centavos FROM budget_line WHERE plan_id = ? ORDER BY position", (plan_id,))]

with open(output, "w", encoding="utf-8") as f:
    json.dump(plan, f, ensure_ascii=False, indent=2)
    f.write("\n")
