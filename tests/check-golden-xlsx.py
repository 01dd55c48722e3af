#!/usr/bin/python3
# check-golden-xlsx.py [--update] POA EXPECTED_DIR — the default plan's workbook, part by part,
# against the parts kept in EXPECTED_DIR (tests/data/xlsx), as libxlsxwriter's own functional
# tests compare theirs with Excel's.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The program itself writes the workbook (`POA --db NEW export --output X.xlsx`, a new database
# holding the embedded default plan), twice: under the locale it is given, and under es_ES.UTF-8,
# whose decimals take a comma. Every XML part of both is split one element per line, indented
# by depth, and must equal the expected part, so that a change in merges, heights, widths or
# formats is a diff someone accepts on purpose: tests/update-golden-xlsx.sh, which runs this with
# POA_UPDATE_GOLDEN_XLSX=1 (the same as --update) and writes the parts found into EXPECTED_DIR.
#
# Only the creation and modification times of docProps/core.xml are masked: they are the
# clock's. Nothing else in the workbook depends on the date or the run (zip entries are dated
# 1980-01-01 by libxlsxwriter, and no cell holds today's date). Standard library only.

import difflib
import locale
import os
import re
import subprocess
import sys
import tempfile
import zipfile

# A locale whose decimals take a comma (build-aux/install-deps.sh generates it).
COMMA_LOCALE = "es_ES.UTF-8"
DIFF_LINES = 60
W3CDTF = re.compile(r"(<dcterms:(?:created|modified) [^>]*>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(<)")


def normalise(name, data):
    """The part as text, one element per line, indented by depth, volatile values masked."""
    text = data.decode("utf-8")
    if name == "docProps/core.xml":
        text = W3CDTF.sub(r"\1YYYY-MM-DDThh:mm:ssZ\2", text)
    lines = []
    # libxlsxwriter writes the declaration and a line break, then the rest on one line.
    if text.startswith("<?xml"):
        declaration, _, text = text.partition("?>")
        lines.append(declaration + "?>")
    # '<' is always escaped inside text and attribute values, so a '>' followed by a '<' only
    # ever joins two tags. Line breaks inside a value are written as character references,
    # which keeps every line one element and every whitespace of a value.
    depth = 0
    for piece in re.split(r"(?<=>)(?=<)", text.strip("\r\n")):
        piece = piece.replace("\r", "&#13;").replace("\n", "&#10;")
        closing = piece.startswith("</")
        if closing:
            depth -= 1
        lines.append("  " * max(depth, 0) + piece)
        # An opening tag whose element goes on: not empty, not closed on its own line
        # (<t>text</t>), not a declaration or comment.
        if not closing and not piece.endswith("/>") and "</" not in piece \
                and not piece.startswith(("<?", "<!")):
            depth += 1
    return "\n".join(lines) + "\n"


def export(poa, folder, tag, lc_all):
    """Writes the default plan's workbook from a new database; returns {part: text}."""
    database = os.path.join(folder, tag + ".sqlite3")
    workbook = os.path.join(folder, tag + ".xlsx")
    env = dict(os.environ)
    env.pop("POA_DB", None)
    if lc_all is not None:
        env["LC_ALL"] = lc_all
    run = subprocess.run([poa, "--db", database, "export", "--output", workbook], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if run.returncode != 0:
        sys.exit(f"{poa} export failed ({run.returncode}):\n{run.stdout}")
    with zipfile.ZipFile(workbook) as z:
        return {name: normalise(name, z.read(name)) for name in z.namelist()
                if name.endswith(".xml") or name.endswith(".rels")}


def expected_parts(folder):
    parts = {}
    for root, _dirs, files in os.walk(folder):
        for file in files:
            path = os.path.join(root, file)
            with open(path, encoding="utf-8") as f:
                parts[os.path.relpath(path, folder).replace(os.sep, "/")] = f.read()
    return parts


def diff(name, expected, got, labels):
    lines = list(difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                      labels[0] + name, labels[1] + name, lineterm=""))
    shown = "\n".join(lines[:DIFF_LINES])
    if len(lines) > DIFF_LINES:
        shown += f"\n... {len(lines) - DIFF_LINES} more lines of diff"
    return shown


def main():
    args = sys.argv[1:]
    # tests/update-golden-xlsx.sh sets the variable and runs this through `meson test`, so that
    # the expected parts come from the very binary and environment the test uses.
    update = "--update" in args or os.environ.get("POA_UPDATE_GOLDEN_XLSX") == "1"
    args = [a for a in args if a != "--update"]
    if len(args) != 2:
        sys.exit("usage: check-golden-xlsx.py [--update] POA EXPECTED_DIR")
    poa, folder = args

    # Else the second run would silently fall back to the C locale and prove nothing.
    try:
        locale.setlocale(locale.LC_NUMERIC, COMMA_LOCALE)
        comma = locale.localeconv()["decimal_point"] == ","
    except locale.Error:
        comma = False
    if not comma:
        sys.exit(f"the locale {COMMA_LOCALE} is missing or has no decimal comma: "
                 "run build-aux/install-deps.sh")

    with tempfile.TemporaryDirectory(prefix="poa-golden-") as tmp:
        got = export(poa, tmp, "first", None)
        comma_got = export(poa, tmp, "comma", COMMA_LOCALE)

    # Two runs that differ would make the test flaky, or the workbook depend on the locale.
    problems = []
    for name in sorted(set(got) | set(comma_got)):
        if got.get(name) != comma_got.get(name):
            problems.append(f"{name} differs between two runs (the second under {COMMA_LOCALE}):\n"
                            + diff(name, got.get(name, ""), comma_got.get(name, ""),
                                   ("first/", f"{COMMA_LOCALE}/")))
    if problems:
        print("\n\n".join(problems))
        return 1

    if update:
        for name, text in expected_parts(folder).items():
            if name not in got:
                os.remove(os.path.join(folder, name))
                print(f"removed {name}")
        for name, text in sorted(got.items()):
            path = os.path.join(folder, name)
            old = None
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    old = f.read()
            if old != text:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                print(f"{'wrote' if old is None else 'updated'} {name}")
        print(f"{folder} holds the workbook's parts: review them with `git diff` and commit them")
        return 0

    expected = expected_parts(folder)
    for name in sorted(set(got) | set(expected)):
        if name not in expected:
            problems.append(f"{name}: a new part of the workbook, not in {folder}")
        elif name not in got:
            problems.append(f"{name}: expected, but the workbook has no such part")
        elif got[name] != expected[name]:
            problems.append(f"{name} differs from the expected part:\n"
                            + diff(name, expected[name], got[name], ("expected/", "got/")))
        else:
            print(f"ok {name}")
    if problems:
        print("\n\n".join(problems))
        print("\nIf the change is meant, accept it with: sh tests/update-golden-xlsx.sh [BUILDDIR]"
              "\nthen review `git diff tests/data/xlsx` and commit it.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
