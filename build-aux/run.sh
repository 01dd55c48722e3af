#!/bin/sh
# run.sh — installs what POA needs, builds it, and opens the window in Spanish.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Arguments are passed to the program: `sh build-aux/run.sh --db /tmp/prueba.sqlite3`.
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build
# The settings schema compiled in the build tree, so that the window remembers its size.
exec env LANGUAGE=es LC_ALL=es_MX.UTF-8 GSETTINGS_SCHEMA_DIR="$PWD/build/data" ./build/src/poa "$@"
