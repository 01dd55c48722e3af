#!/usr/bin/env python3
# anchor-import.py — what a user would otherwise write to load a plan file: json + sqlite3, one
# transaction, the same columns as `poa import` (issue 21's anchor; build-aux/bench.sh runs it
# in alternation with poa). No validation beyond what the database's constraints do.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: anchor-import.py DATABASE PLAN.json   (prints the new plan's id)
import json
import sqlite3
import sys

db, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    plan = json.load(f)

con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA foreign_keys = ON")
con.execute("PRAGMA synchronous = FULL")
con.execute("BEGIN IMMEDIATE")
texts = ["municipality", "administration", "direction", "area", "objective",
         "specific_objectives", "observations"]
cur = con.execute(
    "INSERT INTO plan (year, " + ", ".join(texts) + ", semaforo_green, semaforo_yellow,"
    " tolerance_low, tolerance_high, review_status) VALUES (" + ", ".join("?" * 13) + ")",
    [plan["year"]] + [plan.get(k) or "" for k in texts]
    + [plan.get("semaforo_green", 90), plan.get("semaforo_yellow", 70),
       plan.get("tolerance_low", 90), plan.get("tolerance_high", 110), 0])
plan_id = cur.lastrowid
for i, s in enumerate(plan.get("signatures") or []):
    con.execute("INSERT INTO signature (plan_id, position, role, name, title) VALUES (?, ?, ?, ?, ?)",
                (plan_id, i, s.get("role") or "", s.get("name") or "", s.get("title") or ""))
fields = ["number", "name", "strategic_axis", "strategic_line", "action_line", "specific_activity",
          "responsible", "unit", "annual_goal", "programmed", "achieved", "start", "end"]
for i, a in enumerate(plan.get("activities") or []):
    months = 0
    for m in a.get("months") or []:
        months |= 1 << (m - 1)
    cur = con.execute(
        "INSERT INTO activity (plan_id, position, number, name, strategic_axis, strategic_line,"
        " action_line, specific_activity, responsible, unit, annual_goal, programmed, achieved,"
        " start_date, end_date, months) VALUES (" + ", ".join("?" * 16) + ")",
        [plan_id, i] + [a.get(k) if a.get(k) is not None else ("" if k not in ("start", "end") else None)
                        for k in fields] + [months])
    activity_id = cur.lastrowid
    for m in a.get("calendar") or []:
        con.execute("INSERT INTO activity_month (activity_id, month, programmed, achieved, note)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (activity_id, m["month"], m.get("programmed", 0), m.get("achieved", 0),
                     m.get("note") or ""))
    for j in a.get("justifications") or []:
        con.execute("INSERT INTO activity_justification (activity_id, quarter, text) VALUES (?, ?, ?)",
                    (activity_id, j["quarter"], j.get("text") or ""))
for i, x in enumerate(plan.get("indicators") or []):
    con.execute("INSERT INTO indicator (plan_id, position, name, variables, formula) VALUES (?, ?, ?, ?, ?)",
                (plan_id, i, x.get("name") or "", x.get("variables") or "", x.get("formula") or ""))
for i, b in enumerate(plan.get("budget") or []):
    con.execute("INSERT INTO budget_line (plan_id, position, code, name, centavos) VALUES (?, ?, ?, ?, ?)",
                (plan_id, i, b.get("code") or "", b.get("name") or "", round((b.get("amount") or 0) * 100)))
con.execute("COMMIT")
print(plan_id)
