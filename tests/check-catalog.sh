#!/bin/sh
# check-catalog.sh PO_FILE… — each catalog compiles with its formats checked, and has no
# untranslated or fuzzy message (a fuzzy one is not used by the program).
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

status=0
for po in "$@"; do
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$po: msgfmt --check failed:" >&2
    echo "$stats" >&2
    status=1
    continue
  fi
  echo "$po: $stats"
  case $stats in
    *untranslated*|*fuzzy*)
      echo "$po: translate every message and remove the fuzzy flags:" >&2
      msgattrib --only-fuzzy --no-wrap "$po" | grep '^msgid ' >&2 || true
      msgattrib --untranslated --no-fuzzy --no-wrap "$po" | grep '^msgid ' >&2 || true
      status=1
      ;;
  esac
done
exit $status
