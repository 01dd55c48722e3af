#!/usr/bin/python3
# check-consolidate.py POA_BINARY — `poa consolidate` on three areas with figures known here,
# read back with openpyxl (an independent reader). Every expected figure below is worked out by
# hand from the three plan files, never by the program.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by Debian's /usr/bin/python3 (python3-openpyxl). Prints every difference found and exits 1
# when there is any.

import json
import os
import subprocess
import sys
import tempfile

import openpyxl

problems = []


def same(where, got, expected):
    if isinstance(expected, float) and isinstance(got, (int, float)):
        ok = abs(got - expected) < 1e-6
    else:
        ok = got == expected
    if not ok:
        problems.append(f"{where}: got {got!r}, expected {expected!r}")


def activity(number, name, programmed, achieved, calendar=None):
    a = {"number": number, "name": name, "annual_goal": programmed, "programmed": programmed,
         "achieved": achieved, "start": "2026-01-01", "end": "2026-12-31"}
    if calendar is not None:
        a["calendar"] = [{"month": m, "programmed": p, "achieved": x, "note": ""}
                         for m, p, x in calendar]
    return a


def plan(direction, area, activities, budget):
    return {"format": "poa-plan", "version": 2, "year": 2026, "direction": direction,
            "area": area, "activities": activities,
            "budget": [{"code": c, "name": n, "amount": a} for c, n, a in budget]}


PLANS = [
    # Índice 16/20 = 80.0 (Con riesgo). Activity 2 owes 10 by June and has 6: late, and below
    # the band at the third quarter (6/10).
    plan("Dirección de Obras", "Obras Públicas",
         [activity(1, "Bacheo", 10, 10, [(2, 4, 4), (7, 6, 6)]),
          activity(2, "Banquetas", 10, 6, [(3, 10, 6)])],
         [("2111", "Papelería de oficina", 1000.50), ("2611", "Gasolina", 2000.00)]),
    # Índice 5/20 = 25.0 (Crítico). Owes 5 by June and has 5: not late; 5/20 to September: below.
    plan("Dirección de Salud", "Salud",
         [activity(1, "Vacunación", 20, 5, [(1, 5, 5), (9, 15, 0)])],
         [("2611", "Gasolina", 500.25), ("3761", "Viáticos", 300.00)]),
    # Índice 11/10 = 110.0 (Aceptable). Activity 1: 5/4 above the band; activity 2 has no
    # calendar (sin calendarizar) and 6 of 6 done: neither late.
    plan("Dirección de Cultura", "Cultura",
         [activity(1, "Festival", 4, 5, [(4, 4, 5)]),
          activity(2, "Talleres", 6, 6)],
         [("2111", "Papelería de oficina", 99.50)]),
]

# Ranked by índice: Cultura, Obras Públicas, Salud.
EXPECTED_ROWS = [
    # dirección, área, activities, programmed, achieved, index, semáforo, late, below, budget
    ("Dirección de Cultura", "Cultura", 2, 10, 11, 110.0, "Aceptable", 0, 0, 99.50),
    ("Dirección de Obras", "Obras Públicas", 2, 20, 16, 80.0, "Con riesgo", 1, 1, 3000.50),
    ("Dirección de Salud", "Salud", 1, 20, 5, 25.0, "Crítico", 0, 1, 800.25),
]
EXPECTED_TOTALS = (5, 50, 32, 64.0, 1, 2, 3900.25)
# Partida → amounts per area in the ranked order, and the total.
EXPECTED_BUDGET = [
    ("2111", [99.50, 1000.50, 0.0], 1100.00),
    ("2611", [0.0, 2000.00, 500.25], 2500.25),
    ("3761", [0.0, 0.0, 300.00], 300.00),
]
# Avance at the third quarter: per area, (number, q_programmed, q_achieved, acc_programmed,
# acc_achieved, estado); None for the figures of an activity without a calendar.
EXPECTED_AVANCE = {
    "Cultura": [(1, 0, 0, 4, 5, "Arriba de la banda"), (2, None, None, None, None, "Sin calendarizar")],
    "Obras Públicas": [(1, 6, 6, 10, 10, "Dentro de la banda"), (2, 0, 0, 10, 6, "Debajo de la banda")],
    "Salud": [(1, 15, 0, 20, 5, "Debajo de la banda")],
}


def run(poa, env, *args, check=True):
    result = subprocess.run([poa, *args], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"poa {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def formula_of(value):
    return value if isinstance(value, str) and value.startswith("=") else None


def main():
    poa = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, POA_TODAY="2026-07-10", LC_ALL="C.UTF-8", LANGUAGE="")
        db = os.path.join(folder, "poa.sqlite3")
        files = []
        for i, p in enumerate(PLANS):
            name = os.path.join(folder, f"area{i}.json")
            with open(name, "w", encoding="utf-8") as f:
                json.dump(p, f, ensure_ascii=False)
            files.append(name)
        # The database starts with the default plan (2026 too): it is in the year's totals.
        ids = run(poa, env, "--db", db, "import", *files).stdout.split()
        same("imported", len(ids), 3)

        # `check`'s counts, from `poa check` itself (another path than the summary's counts).
        findings = {}
        for plan_id in ids:
            out = run(poa, env, "--db", db, "--plan", plan_id, "check", check=False).stdout.splitlines()
            findings[plan_id] = (sum(l.startswith("error\t") for l in out),
                                 sum(l.startswith("warning\t") for l in out))
        by_area = {p["area"]: findings[i] for p, i in zip(PLANS, ids)}

        # Usage errors.
        same("without --year", run(poa, env, "--db", db, "consolidate", "--output", "x.xlsx", check=False).returncode, 2)
        same("not .xlsx", run(poa, env, "--db", db, "consolidate", "--year", "2026", "--output",
                              os.path.join(folder, "x.txt"), check=False).returncode, 2)

        output = os.path.join(folder, "consolidado.xlsx")
        result = run(poa, env, "--db", db, "consolidate", "--year", "2026", "--output", output)
        same("stdout", result.stdout, "")

        book = openpyxl.load_workbook(output)
        values = openpyxl.load_workbook(output, data_only=True)
        same("sheets", book.sheetnames, ["Resumen", "Avance T3", "Presupuesto"])

        sheet, cached = book["Resumen"], values["Resumen"]
        rows = [r for r in cached.iter_rows(min_row=4, values_only=True)]
        areas = [r[1] for r in rows if r[0] not in (None, "Total")]
        ours = [r for r in rows if r[1] in by_area]
        same("our areas ranked", [r[1] for r in ours], [e[1] for e in EXPECTED_ROWS])
        for got, want in zip(ours, EXPECTED_ROWS):
            where = f"Resumen {want[1]}"
            for k, label in enumerate(("dirección", "área", "actividades", "programadas",
                                       "alcanzadas", "índice", "semáforo", "atrasadas",
                                       "debajo", "presupuesto")):
                same(f"{where} {label}", got[k], want[k])
            same(f"{where} errores", got[10], by_area[want[1]][0])
            same(f"{where} advertencias", got[11], by_area[want[1]][1])
            same(f"{where} estado", got[12], "Borrador")
        # The index is a formula over its own row's metas.
        for row in range(4, 4 + len(areas)):
            same(f"Resumen F{row} formula", sheet[f"F{row}"].value, f'=IF(D{row}>0,E{row}/D{row}*100,"")')

        foot = 4 + len(areas)
        same("Resumen foot label", sheet[f"A{foot}"].value, "Total")
        same("Resumen foot activities formula", sheet[f"C{foot}"].value, f"=SUM(C4:C{foot - 1})")
        same("Resumen foot budget formula", sheet[f"J{foot}"].value, f"=SUM(J4:J{foot - 1})")
        same("Resumen foot index formula", sheet[f"F{foot}"].value, f'=IF(D{foot}>0,E{foot}/D{foot}*100,"")')
        # The foot's cached values: ours plus whatever else is in the year (the default plan).
        others = [r for r in rows if r[1] not in by_area and r[0] not in (None, "Total")]
        extra = lambda k: sum(r[k] for r in others)
        want_totals = (EXPECTED_TOTALS[0] + extra(2), EXPECTED_TOTALS[1] + extra(3),
                       EXPECTED_TOTALS[2] + extra(4))
        foot_values = [cached[f"{c}{foot}"].value for c in "CDEFHIJ"]
        same("foot activities", foot_values[0], want_totals[0])
        same("foot programmed", foot_values[1], want_totals[1])
        same("foot achieved", foot_values[2], want_totals[2])
        same("foot index", foot_values[3], want_totals[2] / want_totals[1] * 100)
        same("foot late", foot_values[4], EXPECTED_TOTALS[4] + extra(7))
        same("foot below", foot_values[5], EXPECTED_TOTALS[5] + extra(8))
        same("foot budget", foot_values[6], round(EXPECTED_TOTALS[6] + extra(9), 2))

        # Avance T3: the section of each of our areas.
        avance = list(values["Avance T3"].iter_rows(values_only=True))
        for direction, area, *_ in EXPECTED_ROWS:
            heading = f"{direction} — {area}"
            at = next((i for i, r in enumerate(avance) if r[0] == heading), None)
            if at is None:
                problems.append(f"Avance T3: no section {heading!r}")
                continue
            same(f"Avance {area} header", avance[at + 1][:2], ("Nº", "Actividad"))
            lines = EXPECTED_AVANCE[area]
            for k, want in enumerate(lines):
                got = avance[at + 2 + k]
                same(f"Avance {area} line {k + 1}", (got[0], got[2], got[3], got[4], got[5], got[6]), want)
            total = avance[at + 2 + len(lines)]
            same(f"Avance {area} total label", total[1], "Total")
            same(f"Avance {area} total figures", total[2:6],
                 tuple(sum(l[j] or 0 for l in lines) for j in range(1, 5)))

        # Presupuesto: our areas' columns, found by their header.
        budget_sheet, budget_values = book["Presupuesto"], values["Presupuesto"]
        header = [c.value for c in budget_sheet[3]]
        same("Presupuesto header start", header[:2], ["Partida", "Concepto"])
        same("Presupuesto header end", header[-1], "Total")
        columns = [header.index(e[1]) for e in EXPECTED_ROWS if e[1] in header]
        same("Presupuesto area columns", len(columns), 3)
        budget_rows = {r[0]: r for r in budget_values.iter_rows(min_row=4, values_only=True) if r[0]}
        for code, amounts, total in EXPECTED_BUDGET:
            row = budget_rows.get(code)
            if row is None:
                problems.append(f"Presupuesto: no partida {code}")
                continue
            same(f"Presupuesto {code} by area", [row[c] for c in columns], amounts)
            others_total = sum(row[c] or 0 for c in range(2, len(header) - 1) if c not in columns)
            same(f"Presupuesto {code} total", row[-1], round(total + others_total, 2))
        for r, row in enumerate(budget_sheet.iter_rows(min_row=4), start=4):
            if row[0].value:
                last = openpyxl.utils.get_column_letter(len(header) - 1)
                same(f"Presupuesto row {r} total formula", row[-1].value, f"=SUM(C{r}:{last}{r})")

        # A year without plans: a workbook whose foot sums nothing (no formula over itself).
        empty = os.path.join(folder, "vacio.xlsx")
        run(poa, env, "--db", db, "consolidate", "--year", "2030", "--output", empty)
        empty_book = openpyxl.load_workbook(empty)
        same("empty year foot", [empty_book["Resumen"]["A4"].value, empty_book["Resumen"]["C4"].value],
             ["Total", 0])
        same("empty year avance sheet", empty_book.sheetnames[1], "Avance T1")
        same("empty year budget foot", empty_book["Presupuesto"]["C4"].value, 0)

        # A failure leaves no file: a folder that does not exist.
        bad = os.path.join(folder, "missing", "x.xlsx")
        same("missing folder status", run(poa, env, "--db", db, "consolidate", "--year", "2026",
                                          "--output", bad, check=False).returncode, 2)
        same("missing folder no file", os.path.exists(bad), False)

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
