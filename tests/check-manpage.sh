#!/bin/sh
# check-manpage.sh POA PAGE SECTION — renders the manual page PAGE (roff, as scdoc wrote it) and
# checks that it documents what `POA --help` lists: every subcommand as an entry of the section
# SECTION (SUBCOMMANDS, or SUBÓRDENES in Spanish), and every option (--db, --output, ...)
# somewhere in the page. A subcommand added to the program but not to doc/poa.1.scd and
# doc/es/poa.1.scd fails here.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

poa=$1 page=$2 section=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/poa-man-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "check-manpage: $page: $*" >&2
  exit 1
}

command -v groff >/dev/null 2>&1 ||
  fail "groff is not installed (Debian package groff-base): run build-aux/install-deps.sh"

# Rendered as man(1) would, in plain text (-k: the page is UTF-8, read through preconv); groff's warnings (-ww) are errors of the page.
LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -P-cbou "$page" >"$tmp/page.txt" 2>"$tmp/warnings"
[ ! -s "$tmp/warnings" ] || { cat "$tmp/warnings" >&2; fail "groff warns"; }
[ -s "$tmp/page.txt" ] || fail "renders to nothing"

"$poa" --help >"$tmp/help"
# Subcommands are the help's lines indented by two spaces that begin with a word (options
# begin with --, and continuation lines are indented further).
sed -n 's/^  \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p' "$tmp/help" >"$tmp/commands"
[ "$(wc -l <"$tmp/commands")" -ge 10 ] || fail "found too few subcommands in poa --help"

# The entries of SECTION: its lines indented by seven, as man lays out a tagged paragraph.
awk -v section="$section" '
  /^[^ ]/ { inside = ($0 == section); next }
  inside && /^       [a-z]/ { sub(/^       /, ""); split($0, word, " "); print word[1] }
' "$tmp/page.txt" >"$tmp/entries"

missing=
while read -r command; do
  grep -qx "$command" "$tmp/entries" || missing="$missing $command"
done <"$tmp/commands"
[ -z "$missing" ] || fail "subcommands of poa --help not in $section:$missing"

for option in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
  grep -q -- "$option" "$tmp/page.txt" || missing="$missing $option"
done
[ -z "$missing" ] || fail "options of poa --help not in the page:$missing"

for variable in POA_DB POA_USER POA_TODAY XDG_DATA_HOME; do
  grep -q "$variable" "$tmp/page.txt" || fail "does not name $variable"
done

echo "check-manpage: $(wc -l <"$tmp/commands") subcommands and every option documented in $page"
