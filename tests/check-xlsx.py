#!/usr/bin/python3
# check-xlsx.py PLAN.json WORKBOOK.xlsx — reads an exported POA workbook back with openpyxl, an
# independent reader, and compares it with the plan file it was made from.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by test-xlsx with Debian's /usr/bin/python3 (python3-openpyxl). Prints every difference
# found and exits 1 when there is any.

import datetime
import json
import math
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

import xlsx_plan_data

MONTHS = ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto",
          "Septiembre", "Octubre", "Noviembre", "Diciembre"]
MONTH_FILL = "FF4472C4"
ROW_HEIGHT_MAX = 409

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def same(where, got, expected):
    return check(got == expected, f"{where}: got {got!r}, expected {expected!r}")


def close(where, got, expected):
    if expected is None:
        # An undefined percentage is an empty result, never an error value.
        return check(got in (None, ""), f"{where}: got {got!r}, expected an empty result")
    # Numbers are written with 16 significant digits.
    return check(isinstance(got, (int, float)) and math.isclose(got, expected, rel_tol=1e-15, abs_tol=1e-300),
                 f"{where}: got {got!r}, expected {expected!r}")


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def text(value):
    """openpyxl reads an empty cell as None; the plan file holds ""."""
    return "" if value is None else value


def check_texts_fit(ws, row, columns_texts):
    """A rough, independent lower bound on the lines each wrapped text needs: a row must be at
    least that tall (up to Excel's maximum), so that opening the file cuts no text."""
    height = ws.row_dimensions[row].height or 15
    for column, value in columns_texts:
        width = ws.column_dimensions[get_column_letter(column)].width
        lines = sum(max(1, math.ceil(len(part) * 0.8 / max(width - 1, 1))) for part in value.split("\n"))
        needed = min(ROW_HEIGHT_MAX, lines * 12)
        check(height >= needed, f"{ws.title}!{get_column_letter(column)}{row}: row {height} pt high, "
                                f"a text of {len(value)} characters needs about {needed}")
    check(height <= ROW_HEIGHT_MAX, f"{ws.title} row {row}: {height} pt is more than Excel allows")


def check_title(ws, title):
    same(f"{ws.title}!A1", ws["A1"].value, title)
    check(ws["A1"].font.b and ws["A1"].alignment.horizontal == "center", f"{ws.title}!A1: title not bold and centred")


def check_print_setup(ws, title_rows, last_row, last_column):
    same(f"{ws.title} orientation", ws.page_setup.orientation, "landscape")
    same(f"{ws.title} paper", str(ws.page_setup.paperSize), "1")
    same(f"{ws.title} fit to page", bool(ws.sheet_properties.pageSetUpPr.fitToPage), True)
    # Absent means 1, the default of the file format.
    same(f"{ws.title} pages wide", int(ws.page_setup.fitToWidth or 1), 1)
    same(f"{ws.title} pages tall", int(ws.page_setup.fitToHeight), 0)
    same(f"{ws.title} repeated rows", ws.print_title_rows, title_rows)
    area = ws.print_area if isinstance(ws.print_area, str) else ",".join(ws.print_area)
    same(f"{ws.title} print area", area.split("!")[-1], f"$A$1:${get_column_letter(last_column)}${last_row}")
    same(f"{ws.title} footer", ws.oddFooter.center.text, "Página &P de &N")
    for column in range(1, last_column + 1):
        width = ws.column_dimensions[get_column_letter(column)].width
        check(width and 3 <= width <= 62, f"{ws.title} column {get_column_letter(column)}: width {width}")


def check_merges(ws, expected):
    got = sorted(str(r) for r in ws.merged_cells.ranges)
    same(f"{ws.title} merged ranges", got, sorted(expected))
    ranges = list(ws.merged_cells.ranges)
    for i, a in enumerate(ranges):
        for b in ranges[i + 1:]:
            check(a.isdisjoint(b), f"{ws.title}: merged ranges {a} and {b} overlap (Excel would repair the file)")


def check_no_error_values(wb):
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and re.fullmatch(r"#(DIV/0!|VALUE!|REF!|NAME\?|N/A|NUM!|NULL!)", cell.value):
                    problems.append(f"{ws.title}!{cell.coordinate}: error value {cell.value}")


def check_poa(ws, plan):
    activities = plan["activities"]
    check_title(ws, f"POA (PLAN OPERATIVO ANUAL) {plan['year']}")
    header = [("Dirección:", "direction"), ("Área:", "area"), ("Objetivo:", "objective"),
              ("Objetivos específicos:", "specific_objectives")]
    for i, (label, key) in enumerate(header):
        row = 3 + i
        same(f"POA!A{row}", ws.cell(row, 1).value, label)
        same(f"POA!C{row}", text(ws.cell(row, 3).value), plan[key])
    headings = ["Nº", "Actividad / Proyecto General", "Eje Estratégico del Plan Municipal de Desarrollo",
                "Línea Estratégica del Plan Municipal de Desarrollo",
                "Línea de Acción del Plan Municipal de Desarrollo", "Actividad Específica"]
    for column, heading in enumerate(headings, 1):
        cell = ws.cell(8, column)
        same(f"POA!{cell.coordinate}", cell.value, heading)
        check(cell.font.b and cell.fill.fill_type == "solid", f"POA!{cell.coordinate}: heading not bold and shaded")
        check(cell.border.left.style == "thin", f"POA!{cell.coordinate}: heading without a border")
    keys = ["name", "strategic_axis", "strategic_line", "action_line", "specific_activity"]
    for i, activity in enumerate(activities):
        row = 9 + i
        same(f"POA!A{row}", ws.cell(row, 1).value, activity["number"])
        for column, key in enumerate(keys, 2):
            same(f"POA!{get_column_letter(column)}{row}", text(ws.cell(row, column).value), activity[key])
            check(ws.cell(row, column).border.top.style == "thin", f"POA!{get_column_letter(column)}{row}: no border")
            check(ws.cell(row, column).alignment.wrap_text, f"POA!{get_column_letter(column)}{row}: not wrapped")
        check_texts_fit(ws, row, [(c, activity[k]) for c, k in enumerate(keys, 2)])
    check_merges(ws, ["A1:F1"] + [f"{a}{r}:{b}{r}" for r in range(3, 7) for a, b in (("A", "B"), ("C", "F"))])
    check_print_setup(ws, "$8:$8", 8 + len(activities), 6)


def check_cronograma(ws, plan):
    activities = plan["activities"]
    year = plan["year"]
    first, total = 6, 6 + len(activities)
    check_title(ws, "Cronograma")
    expected_headings = {
        "A3": "N°", "B3": "Actividad", "C3": "Responsable", "D3": "Unidad de medida", "E3": "Meta Anual",
        "F3": str(year), "J3": f"{year} Cronograma Programado", "V3": "Fechas de metas",
        "F4": "Meta Programada", "H4": "Meta Alcanzada", "V4": "Inicio", "W4": "Fin",
        "F5": "N°", "G5": "%", "H5": "N°", "I5": "%",
    }
    for m, name in enumerate(MONTHS):
        expected_headings[f"{get_column_letter(10 + m)}4"] = name
    for coordinate, heading in expected_headings.items():
        same(f"Cronograma!{coordinate}", ws[coordinate].value, heading)
        check(ws[coordinate].font.b, f"Cronograma!{coordinate}: heading not bold")

    for i, a in enumerate(activities):
        row = first + i
        where = f"Cronograma row {row} (activity {a['number']})"
        values = {"A": a["number"], "B": a["name"], "C": a["responsible"], "D": a["unit"],
                  "E": a["annual_goal"], "F": a["programmed"], "H": a["achieved"]}
        for column, value in values.items():
            got = ws[f"{column}{row}"].value
            same(f"{where} {column}", text(got) if isinstance(value, str) else got, value)
        same(f"{where} G formula", ws.formulas[f"G{row}"], f'=IF(E{row}=0,"",F{row}/E{row})')
        same(f"{where} I formula", ws.formulas[f"I{row}"], f'=IF(F{row}=0,"",H{row}/F{row})')
        close(f"{where} G cached", ws[f"G{row}"].value, ratio(a["programmed"], a["annual_goal"]))
        close(f"{where} I cached", ws[f"I{row}"].value, ratio(a["achieved"], a["programmed"]))
        # As the window writes it, "12 %"; the value stays a fraction, for the formulas.
        same(f"{where} % format", ws[f"G{row}"].number_format, "0 %")
        # Every row is given its height, whole lines of 15.75 points (one line included): no
        # row is left to a spreadsheet's own default, cramped beside the others. 409 points is
        # the most a row may be.
        height = ws.row_dimensions[row].height
        check(height == 409 or
              (height is not None and height >= 15.75 and abs(height / 15.75 - round(height / 15.75)) < 1e-9),
              f"{where} height {height!r} is not whole lines of 15.75 points")
        for m in range(12):
            cell = ws.cell(row, 10 + m)
            filled = cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == MONTH_FILL
            same(f"{where} {MONTHS[m]} filled", filled, (m + 1) in a["months"])
            check(cell.border.left.style == "thin", f"{where} {MONTHS[m]}: no border")
        for column, key in (("V", "start"), ("W", "end")):
            cell = ws[f"{column}{row}"]
            if a[key] and a[key] < "1900":
                # Spreadsheet dates start in 1900: an earlier one is written as it reads.
                year, month, day = a[key].split("-")
                same(f"{where} {key}", cell.value, f"{day}/{month}/{year}")
                continue
            expected = datetime.datetime.fromisoformat(a[key]) if a[key] else None
            same(f"{where} {key}", cell.value, expected)
            if expected:
                check(cell.is_date, f"{where} {key}: not a date")
                same(f"{where} {key} format", cell.number_format, "dd/mm/yyyy")
        check_texts_fit(ws, row, [(2, a["name"]), (3, a["responsible"]), (4, a["unit"])])

    same(f"Cronograma!A{total}", ws[f"A{total}"].value, "Total")
    sums = {c: sum(a[k] for a in activities) for c, k in (("E", "annual_goal"), ("F", "programmed"), ("H", "achieved"))}
    for column, expected in sums.items():
        if activities:
            same(f"Cronograma!{column}{total} formula", ws.formulas[f"{column}{total}"],
                 f"=SUM({column}{first}:{column}{total - 1})")
        same(f"Cronograma!{column}{total} cached", ws[f"{column}{total}"].value, expected)
    close(f"Cronograma!G{total} cached", ws[f"G{total}"].value, ratio(sums["F"], sums["E"]))
    close(f"Cronograma!I{total} cached", ws[f"I{total}"].value, ratio(sums["H"], sums["F"]))

    merges = ["A1:W1", "F3:I3", "J3:U3", "V3:W3", "F4:G4", "H4:I4", "V4:V5", "W4:W5", f"A{total}:D{total}"]
    merges += [f"{c}3:{c}5" for c in "ABCDE"] + [f"{get_column_letter(10 + m)}4:{get_column_letter(10 + m)}5" for m in range(12)]
    check_merges(ws, merges)
    check_print_setup(ws, "$3:$5", total, 23)
    return total, sums


def check_indicators(ws, plan, totals_row, sums):
    check_title(ws, "Indicador de Medida")
    for column, heading in enumerate(["Nombre", "Variables", "Fórmula", "Resultado"], 1):
        same(f"Indicadores!{get_column_letter(column)}3", ws.cell(3, column).value, heading)
    # A numbered list on one line ("1. A 2. B") shows one item per line, never wrapped mid-list.
    rows = [(i["name"], xlsx_plan_data.one_item_per_line(i["variables"]), i["formula"])
            for i in plan["indicators"]]
    if not any(re.sub(r"\s+", " ", n).strip().lower() in ("índice de eficiencia", "indice de eficiencia") for n, _, _ in rows):
        rows.append(("Índice de Eficiencia", "1. Actividades Logradas\n2. Actividades Programadas",
                     "Actividades Logradas / Actividades Programadas × 100"))
    efficiency_rows = 0
    for i, (name, variables, formula) in enumerate(rows):
        row = 4 + i
        for column, value in enumerate((name, variables, formula), 1):
            same(f"Indicadores!{get_column_letter(column)}{row}", text(ws.cell(row, column).value), value)
        if name.strip().lower() in ("índice de eficiencia", "indice de eficiencia") and efficiency_rows == 0:
            efficiency_rows += 1
            same(f"Indicadores!D{row} formula", ws.formulas[f"D{row}"],
                 f'=IF(Cronograma!F{totals_row}=0,"",Cronograma!H{totals_row}/Cronograma!F{totals_row})')
            close(f"Indicadores!D{row} cached", ws[f"D{row}"].value, ratio(sums["H"], sums["F"]))
            # The semáforo: its word through the number format, its colour through conditional
            # formats, both on the plan's thresholds (the defaults: plan files do not hold them).
            same(f"Indicadores!D{row} format", ws[f"D{row}"].number_format,
                 '[>=0.9]0.0 %" · Aceptable";[>=0.7]0.0 %" · Con riesgo";0.0 %" · Crítico"')
            rules = [(rule.formula, rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None)
                     for cf in ws.conditional_formatting for rule in cf.rules
                     if f"D{row}" in str(cf.sqref)]
            same(f"Indicadores!D{row} semáforo rules", [formula for formula, _ in rules],
                 [[f"AND(ISNUMBER(D{row}),D{row}>=0.9)"], [f"AND(ISNUMBER(D{row}),D{row}>=0.7)"],
                  [f"ISNUMBER(D{row})"]])
            same(f"Indicadores!D{row} semáforo fills", [str(fill)[-6:].upper() for _, fill in rules],
                 ["26A269", "E5A50A", "E01B24"])
    same("Indicadores: rows with the efficiency index", efficiency_rows, 1)
    legend_row = 3 + len(rows) + 2
    same(f"Indicadores!A{legend_row}", ws.cell(legend_row, 1).value,
         "Semáforo del Índice de Eficiencia: Aceptable desde 90 %, Con riesgo desde 70 %, "
         "Crítico debajo de 70 %.")
    check_merges(ws, ["A1:D1", f"A{legend_row}:D{legend_row}"])
    check_print_setup(ws, "$3:$3", legend_row, 4)


def check_budget(ws, plan):
    lines = plan["budget"]
    check_title(ws, "Presupuesto Estimado")
    for column, heading in enumerate(["PARTIDA", "NOMBRE", "CANTIDAD"], 1):
        same(f"Presupuesto!{get_column_letter(column)}3", ws.cell(3, column).value, heading)
    for i, line in enumerate(lines):
        row = 4 + i
        same(f"Presupuesto!A{row}", text(ws[f"A{row}"].value), line["code"])
        same(f"Presupuesto!B{row}", text(ws[f"B{row}"].value), line["name"])
        close(f"Presupuesto!C{row}", ws[f"C{row}"].value, line["amount"])
        same(f"Presupuesto!C{row} format", ws[f"C{row}"].number_format, "$ #,##0.00")
    total = 4 + len(lines)
    same(f"Presupuesto!A{total}", ws[f"A{total}"].value, "TOTAL")
    if lines:
        same(f"Presupuesto!C{total} formula", ws.formulas[f"C{total}"], f"=SUM(C4:C{total - 1})")
    close(f"Presupuesto!C{total} cached", ws[f"C{total}"].value, round(sum(l["amount"] for l in lines), 2))
    same(f"Presupuesto!C{total} format", ws[f"C{total}"].number_format, "$ #,##0.00")

    same(f"Presupuesto!A{total + 2}", ws[f"A{total + 2}"].value, "Observaciones.")
    same(f"Presupuesto!A{total + 3}", text(ws[f"A{total + 3}"].value), plan["observations"])
    row = total + 5
    for signature in plan["signatures"]:
        same(f"Presupuesto!A{row}", ws[f"A{row}"].value, signature["role"] + ":")
        check(ws[f"B{row}"].border.bottom.style == "thin", f"Presupuesto!B{row}: no line to sign over")
        same(f"Presupuesto!B{row + 1}", text(ws[f"B{row + 1}"].value), signature["name"])
        same(f"Presupuesto!B{row + 2}", text(ws[f"B{row + 2}"].value), signature["title"])
        row += 4
    same(f"Presupuesto!A{row}", text(ws[f"A{row}"].value), plan["municipality"].upper())
    same(f"Presupuesto!A{row + 1}", text(ws[f"A{row + 1}"].value), plan["administration"])
    check_merges(ws, ["A1:C1", f"A{total}:B{total}", f"A{total + 2}:C{total + 2}", f"A{total + 3}:C{total + 3}",
                      f"A{row}:C{row}", f"A{row + 1}:C{row + 1}"])
    check_print_setup(ws, "$3:$3", row + 1, 3)


def check_properties(path, wb, plan):
    title = f"POA {plan['year']} - {plan['area']}" if plan["area"] else f"POA {plan['year']}"
    same("title", wb.properties.title, title)
    same("subject", wb.properties.subject, f"Plan Operativo Anual {plan['year']}")
    same("author", text(wb.properties.creator), plan["area"])
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
    company = re.search(r"<Company>(.*?)</Company>", app)
    same("company", company.group(1) if company else "",
         plan["municipality"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def main():
    plan_path, workbook_path = sys.argv[1:3]
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)

    # Formulas as written, then the values every reader shows without recalculating.
    formulas = openpyxl.load_workbook(workbook_path)
    wb = openpyxl.load_workbook(workbook_path, data_only=True)
    same("sheets", wb.sheetnames, ["POA", "Cronograma", "Indicadores", "Presupuesto", "Modificaciones",
                                   "_poa"])
    for ws in wb:
        ws.formulas = {cell.coordinate: cell.value for row in formulas[ws.title].iter_rows()
                       for cell in row if isinstance(cell.value, str) and cell.value.startswith("=")}

    check_poa(wb["POA"], plan)
    totals_row, sums = check_cronograma(wb["Cronograma"], plan)
    check_indicators(wb["Indicadores"], plan, totals_row, sums)
    check_budget(wb["Presupuesto"], plan)
    check_properties(workbook_path, wb, plan)
    check_no_error_values(wb)
    xlsx_plan_data.check_plan_data(wb, plan, same, check)

    for problem in problems[:50]:
        print(problem)
    if len(problems) > 50:
        print(f"… and {len(problems) - 50} more")
    print(f"{workbook_path}: {len(plan['activities'])} activities, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
