# xlsx_plan_data.py — reads back, with openpyxl, the two sheets of the workbook that carry what
# the plan file holds beyond the printed document: *Modificaciones* (the change record) and the
# hidden *_poa* (the workbook contract with the reader, README "The official workbook").
# Imported by check-xlsx.py and check-xlsx-follow-up.py; the expected rows are worked out here
# from the plan file itself (json), with the plan file's defaults, never by the program.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later

import re

CHANGE_HEADINGS = ["Fecha", "Por", "Dónde", "Campo", "Antes", "Después", "Justificación"]
CHANGE_KEYS = ["date", "by", "where", "field", "before", "after", "justification"]
DEFAULT_ROLES = ["Elaboró", "Revisó", "Aprobó"]


def one_item_per_line(text):
    """A numbered list written on one line, "1. A 2. B", as the workbook shows it: a line break
    before each item after the first. Any other text as it is."""
    if not re.match(r"\d{1,3}[.)] ", text or ""):
        return text
    return re.sub(r"(?<=[^\n]) (?=\d{1,3}[.)] )", "\n", text)


def data_rows(ws, first_row):
    """The rows from first_row on, as written: a text as str, a number as int ('' for a blank),
    trailing blanks cut; the cells that are neither a text nor a whole number are listed apart."""
    rows, odd = [], []
    for row in ws.iter_rows(min_row=first_row):
        values = []
        for cell in row:
            value = cell.value
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if value is not None and not isinstance(value, (str, int)):
                odd.append(f"{cell.coordinate} = {cell.value!r}")
            values.append("" if value is None else value)
        while values and values[-1] == "":
            values.pop()
        if values:
            rows.append(values)
    return rows, odd


def text_rows(ws, first_row):
    """The rows from first_row on, every cell a text ('' for a blank), trailing blanks cut;
    the cells that are not text are listed apart."""
    rows, not_text = [], []
    for row in ws.iter_rows(min_row=first_row):
        values = []
        for cell in row:
            if cell.value is not None and not isinstance(cell.value, str):
                not_text.append(f"{cell.coordinate} = {cell.value!r}")
            values.append("" if cell.value is None else cell.value)
        while values and values[-1] == "":
            values.pop()
        if values:
            rows.append(values)
    return rows, not_text


def expected_plan_data(plan):
    """The _poa rows the contract asks for (layout 2), from the plan file: numbers as numbers,
    one row per activity with its months, its twelve months' notes and four justifications."""
    rows = [["format", "poa-workbook", 2],
            ["year", plan["year"]],
            ["municipality", plan.get("municipality", "")],
            ["semaforo_green", plan.get("semaforo_green", 90)],
            ["semaforo_yellow", plan.get("semaforo_yellow", 70)],
            ["tolerance_low", plan.get("tolerance_low", 90)],
            ["tolerance_high", plan.get("tolerance_high", 110)],
            ["indicators.count", len(plan.get("indicators", []))]]
    signatures = plan.get("signatures") or [{"role": r} for r in DEFAULT_ROLES]
    for i, signature in enumerate(signatures[:3]):
        rows.append(["signature.role", i + 1, signature.get("role", DEFAULT_ROLES[i])])
    for i, indicator in enumerate(plan.get("indicators", [])):
        if one_item_per_line(indicator["variables"]) != indicator["variables"]:
            rows.append(["indicator.variables", i + 1, indicator["variables"]])
    review = plan.get("review") or {}
    rows.append(["review.status", review.get("status", "borrador")])
    for step in review.get("history", []):
        rows.append(["review.history", step["date"], step.get("by", ""), step["status"],
                     step.get("note", "")])
    for activity in plan["activities"]:
        notes = {m["month"]: m.get("note", "") for m in activity.get("calendar", [])}
        texts = {j["quarter"]: j.get("text", "") for j in activity.get("justifications", [])}
        rows.append(["activity", activity["number"],
                     ",".join(str(m) for m in sorted(activity.get("months", [])))]
                    + [notes.get(m, "") for m in range(1, 13)]
                    + [texts.get(q, "") for q in range(1, 5)])
    # A row's trailing empty values are no cells, read back as nothing.
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    return rows


def check_plan_data(wb, plan, same, check):
    """Modificaciones and _poa, against the plan file: every row, in order."""
    names = wb.sheetnames
    check(names[-2:] == ["Modificaciones", "_poa"],
          f"Modificaciones and _poa are not the last two sheets: {names}")
    if "Modificaciones" in names:
        ws = wb["Modificaciones"]
        same("Modificaciones visible", ws.sheet_state, "visible")
        same("Modificaciones title", ws["A1"].value, "Modificaciones")
        same("Modificaciones headings", [c.value for c in ws[2]][:7], CHANGE_HEADINGS)
        rows, not_text = text_rows(ws, 3)
        same("Modificaciones cells that are not text", not_text, [])
        expected = []
        for entry in plan.get("history", []):
            row = [entry.get(key, "") or "" for key in CHANGE_KEYS]
            while row and row[-1] == "":
                row.pop()
            expected.append(row)
        same("Modificaciones rows", len(rows), len(expected))
        for i, (got, want) in enumerate(zip(rows, expected)):
            same(f"Modificaciones row {i + 3}", got, want)
    if "_poa" in names:
        ws = wb["_poa"]
        same("_poa hidden", ws.sheet_state, "hidden")
        rows, odd = data_rows(ws, 1)
        same("_poa cells neither text nor whole number", odd, [])
        expected = expected_plan_data(plan)
        same("_poa rows", len(rows), len(expected))
        for i, (got, want) in enumerate(zip(rows, expected)):
            same(f"_poa row {i + 1}", got, want)
