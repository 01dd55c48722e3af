#!/usr/bin/python3
# check-xlsx-follow-up.py PLAN.json WORKBOOK.xlsx TODAY [QUARTER]
#
# Reads back, with openpyxl, the follow-up in a workbook exported from a plan whose activities
# have month figures (`calendar`): the Cronograma's two rows per activity (the months programmed
# above, achieved below) and the Avance trimestral sheet, every quarter from the first to the
# one holding TODAY (YYYY-MM-DD, the POA_TODAY the export ran with). With QUARTER, the workbook
# is `report --quarter QUARTER --output`'s: that quarter's Avance trimestral alone.
#
# The expected figures are worked out here from the plan file, independently of the program.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import math
import sys

import openpyxl
from openpyxl.utils import get_column_letter

import xlsx_plan_data

MONTH_FILL = "FF4472C4"
QUARTER_TITLES = {
    1: "Primer trimestre (enero – marzo)",
    2: "Segundo trimestre (abril – junio)",
    3: "Tercer trimestre (julio – septiembre)",
    4: "Cuarto trimestre (octubre – diciembre)",
}
STATUS_WORDS = {"within": "Dentro del rango", "below": "Por debajo del rango",
                "above": "Por encima del rango", "uncalendarized": "Sin calendarizar"}

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def same(where, got, expected):
    return check(got == expected, f"{where}: got {got!r}, expected {expected!r}")


def close(where, got, expected):
    if expected is None:
        return check(got in (None, ""), f"{where}: got {got!r}, expected an empty result")
    return check(isinstance(got, (int, float)) and math.isclose(got, expected, rel_tol=1e-12),
                 f"{where}: got {got!r}, expected {expected!r}")


def months_of(activity):
    """The calendar as {month: (programmed, achieved, note)}."""
    return {m["month"]: (m.get("programmed", 0), m.get("achieved", 0), m.get("note", ""))
            for m in activity.get("calendar", [])}


def status(programmed, achieved, low, high):
    # Whole-number comparison: 90 % exactly is within.
    if achieved * 100 < programmed * low:
        return "below"
    if achieved * 100 > programmed * high:
        return "above"
    return "within"


def figures(activity, quarter):
    cal = months_of(activity)
    if not any(p > 0 for p, _, _ in cal.values()):
        return None
    q_months = range(quarter * 3 - 2, quarter * 3 + 1)
    a_months = range(1, quarter * 3 + 1)
    return (sum(cal[m][0] for m in q_months if m in cal), sum(cal[m][1] for m in q_months if m in cal),
            sum(cal[m][0] for m in a_months if m in cal), sum(cal[m][1] for m in a_months if m in cal))


def check_cronograma(ws, plan):
    activities = plan["activities"]
    first = 6
    total = first + 2 * len(activities)
    same("Cronograma!J3", ws["J3"].value, f"{plan['year']} Cronograma Programado (arriba) y Alcanzado (abajo)")
    merges = {str(r) for r in ws.merged_cells.ranges}
    for i, a in enumerate(activities):
        top, bottom = first + 2 * i, first + 2 * i + 1
        where = f"Cronograma activity {a['number']}"
        cal = months_of(a)
        same(f"{where} A{top}", ws[f"A{top}"].value, a["number"])
        same(f"{where} F{top}", ws[f"F{top}"].value, a["programmed"])
        same(f"{where} H{top}", ws[f"H{top}"].value, a["achieved"])
        same(f"{where} I{top} formula", ws.formulas.get(f"I{top}"), f'=IF(F{top}=0,"",H{top}/F{top})')
        for column in "ABCDEFGHIVW":
            check(f"{column}{top}:{column}{bottom}" in merges, f"{where}: {column}{top}:{column}{bottom} not merged")
        for m in range(1, 13):
            column = get_column_letter(9 + m)
            upper, lower = ws[f"{column}{top}"], ws[f"{column}{bottom}"]
            same(f"{where} month {m} programmed", upper.value, cal[m][0] if m in cal else None)
            same(f"{where} month {m} achieved", lower.value, cal[m][1] if m in cal else None)
            filled = upper.fill.fill_type == "solid" and upper.fill.fgColor.rgb == MONTH_FILL
            same(f"{where} month {m} filled", filled, m in a["months"])
            check(lower.fill.fill_type != "solid", f"{where} month {m}: the achieved row is filled")
            if m in cal and cal[m][0] >= 1000:
                width = ws.column_dimensions[column].width
                check(width >= len(str(cal[m][0])) + 1, f"Cronograma column {column}: {width} too narrow")
    same(f"Cronograma!A{total}", ws[f"A{total}"].value, "Total")
    same(f"Cronograma!F{total} formula", ws.formulas.get(f"F{total}"), f"=SUM(F{first}:F{total - 1})")
    same(f"Cronograma!F{total}", ws[f"F{total}"].value, sum(a["programmed"] for a in activities))
    same(f"Cronograma!H{total}", ws[f"H{total}"].value, sum(a["achieved"] for a in activities))
    return total


def check_quarter(ws, plan, quarter, title_row):
    activities = plan["activities"]
    low, high = plan.get("tolerance_low", 90), plan.get("tolerance_high", 110)
    same(f"Avance trimestral!A{title_row}", ws[f"A{title_row}"].value, QUARTER_TITLES[quarter])
    sums = [0, 0, 0, 0]
    for i, a in enumerate(activities):
        row = title_row + 1 + i
        where = f"Avance trimestral Q{quarter} activity {a['number']} (row {row})"
        same(f"{where} Nº", ws[f"A{row}"].value, a["number"])
        same(f"{where} name", ws[f"B{row}"].value, a["name"])
        same(f"{where} unit", ws[f"C{row}"].value or "", a["unit"])
        same(f"{where} annual", ws[f"D{row}"].value, a["programmed"])
        justification = {j["quarter"]: j["text"] for j in a.get("justifications", [])}.get(quarter, "")
        same(f"{where} justification", ws[f"N{row}"].value or "", justification)
        f = figures(a, quarter)
        if f is None:
            same(f"{where} sin calendarizar", ws[f"E{row}"].value, "sin calendarizar")
            check(f"E{row}:L{row}" in {str(r) for r in ws.merged_cells.ranges}, f"{where}: E:L not merged")
            for column in "FGHIJKL":
                same(f"{where} {column}", ws[f"{column}{row}"].value, None)
            same(f"{where} status", ws[f"M{row}"].value, STATUS_WORDS["uncalendarized"])
            continue
        qp, qa, ap, aa = f
        sums = [s + x for s, x in zip(sums, f)]
        for column, value in zip("EFIJ", f):
            same(f"{where} {column}", ws[f"{column}{row}"].value, value)
        same(f"{where} G formula", ws.formulas.get(f"G{row}"), f"=F{row}-E{row}")
        same(f"{where} H formula", ws.formulas.get(f"H{row}"), f'=IF(E{row}=0,"",G{row}/E{row})')
        same(f"{where} K formula", ws.formulas.get(f"K{row}"), f"=J{row}-I{row}")
        same(f"{where} L formula", ws.formulas.get(f"L{row}"), f'=IF(I{row}=0,"",K{row}/I{row})')
        same(f"{where} G", ws[f"G{row}"].value, qa - qp)
        close(f"{where} H", ws[f"H{row}"].value, (qa - qp) / qp if qp else None)
        same(f"{where} K", ws[f"K{row}"].value, aa - ap)
        close(f"{where} L", ws[f"L{row}"].value, (aa - ap) / ap if ap else None)
        same(f"{where} % format", ws[f"L{row}"].number_format, "0 %")
        same(f"{where} status", ws[f"M{row}"].value, STATUS_WORDS[status(ap, aa, low, high)])

    total = title_row + 1 + len(activities)
    where = f"Avance trimestral Q{quarter} totals (row {total})"
    same(f"{where} label", ws[f"A{total}"].value, "Total")
    same(f"{where} D", ws[f"D{total}"].value, sum(a["programmed"] for a in activities))
    same(f"{where} D formula", ws.formulas.get(f"D{total}"), f"=SUM(D{title_row + 1}:D{total - 1})")
    for column, value in zip("EFIJ", sums):
        same(f"{where} {column} formula", ws.formulas.get(f"{column}{total}"),
             f"=SUM({column}{title_row + 1}:{column}{total - 1})")
        same(f"{where} {column}", ws[f"{column}{total}"].value, value)
    qp, qa, ap, aa = sums
    same(f"{where} G", ws[f"G{total}"].value, qa - qp)
    close(f"{where} H", ws[f"H{total}"].value, (qa - qp) / qp if qp else None)
    same(f"{where} K", ws[f"K{total}"].value, aa - ap)
    close(f"{where} L", ws[f"L{total}"].value, (aa - ap) / ap if ap else None)
    same(f"{where} status", ws[f"M{total}"].value, STATUS_WORDS[status(ap, aa, low, high)] if ap else None)

    signatures = total + 2
    for column, role in zip("BFK", ("Elaboró", "Revisó", "Autorizó")):
        same(f"Avance trimestral Q{quarter} {column}{signatures}", ws[f"{column}{signatures}"].value, role)
    names = [s["name"] for s in plan["signatures"]]
    for column, name in zip("BFK", names):
        same(f"Avance trimestral Q{quarter} signature name {column}{signatures + 2}",
             ws[f"{column}{signatures + 2}"].value or "", name)
    return signatures + 3


def check_avance(ws, plan, quarters):
    same("Avance trimestral!A1", ws["A1"].value, f"AVANCE TRIMESTRAL DE METAS DE ACTIVIDAD {plan['year']}")
    same("Avance trimestral!D3", ws["D3"].value or "", plan["direction"])
    same("Avance trimestral!D4", ws["D4"].value or "", plan["area"])
    headings = {"A6": "Nº", "B6": "Meta de actividad", "C6": "Unidad de medida", "D6": "Programada anual",
                "E6": "Avance del trimestre", "I6": "Avance acumulado al trimestre", "M6": "Estado",
                "N6": "Justificación", "E7": "Programada", "F7": "Alcanzada", "G7": "Variación N°",
                "H7": "Variación %", "I7": "Programada", "J7": "Alcanzada", "K7": "Variación N°",
                "L7": "Variación %"}
    for coordinate, heading in headings.items():
        same(f"Avance trimestral!{coordinate}", ws[coordinate].value, heading)

    row = 8
    breaks = []
    for n, quarter in enumerate(quarters):
        if n > 0:
            row += 2
            breaks.append(row - 1)
        last = check_quarter(ws, plan, quarter, row)
        row = last
    same("Avance trimestral page breaks", sorted(b.id for b in ws.row_breaks.brk), breaks)
    # After the last quarter there is nothing.
    same("Avance trimestral rows", ws.max_row, row)

    same("Avance trimestral orientation", ws.page_setup.orientation, "landscape")
    same("Avance trimestral paper", str(ws.page_setup.paperSize), "1")
    same("Avance trimestral fit to page", bool(ws.sheet_properties.pageSetUpPr.fitToPage), True)
    same("Avance trimestral pages tall", int(ws.page_setup.fitToHeight), 0)
    same("Avance trimestral repeated rows", ws.print_title_rows, "$6:$7")
    same("Avance trimestral footer", ws.oddFooter.center.text, "Página &P de &N")
    area = ws.print_area if isinstance(ws.print_area, str) else ",".join(ws.print_area)
    same("Avance trimestral print area", area.split("!")[-1], f"$A$1:$N${row}")


def main():
    plan_path, workbook_path, today = sys.argv[1:4]
    report_quarter = int(sys.argv[4]) if len(sys.argv) > 4 else None
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    today = datetime.date.fromisoformat(today)

    formulas = openpyxl.load_workbook(workbook_path)
    wb = openpyxl.load_workbook(workbook_path, data_only=True)
    for ws in wb:
        ws.formulas = {cell.coordinate: cell.value for row in formulas[ws.title].iter_rows()
                       for cell in row if isinstance(cell.value, str) and cell.value.startswith("=")}

    if report_quarter:
        same("sheets", wb.sheetnames, ["Avance trimestral"])
        quarters = [report_quarter]
    else:
        same("sheets", wb.sheetnames, ["POA", "Cronograma", "Indicadores", "Presupuesto", "Avance trimestral",
                                       "Modificaciones", "_poa"])
        check_cronograma(wb["Cronograma"], plan)
        xlsx_plan_data.check_plan_data(wb, plan, same, check)
        if today.year < plan["year"]:
            current = 1
        elif today.year > plan["year"]:
            current = 4
        else:
            current = (today.month - 1) // 3 + 1
        quarters = list(range(1, current + 1))
    if "Avance trimestral" in wb.sheetnames:
        check_avance(wb["Avance trimestral"], plan, quarters)

    for problem in problems[:50]:
        print(problem)
    print(f"{workbook_path}: quarters {quarters}, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
