#!/bin/sh
# screenshots.sh [BUILD_DIR] — retakes data/screenshots/ from the real window: the default plan
# on a new database, in Spanish, light theme, the window 1280×800 on a display of that size
# (a private Xvfb), one image per page the software centre shows. Needs xvfb, xdotool and
# ImageMagick's import (Debian packages xvfb, xdotool, imagemagick).
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}

if [ -z "${POA_SCREENSHOTS_INSIDE:-}" ]; then
  for tool in xvfb-run xdotool import dbus-run-session; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshots: $tool is missing" >&2; exit 1; }
  done
  meson compile -C "$build" >/dev/null
  exec env POA_SCREENSHOTS_INSIDE=1 dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" sh "$0" "$build"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/poa-screenshots-XXXXXX")
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# A user of its own: new database (the default plan), settings in a key file sized 1280×800,
# no dark preference anywhere (no portal in a private session bus), a fixed "today" so that the
# follow-up looks the same every time.
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export POA_DB="$work/poa.sqlite3" POA_TODAY=2026-06-30
export LANGUAGE=es LC_ALL=es_MX.UTF-8 GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data" GSETTINGS_BACKEND=keyfile
gsettings set mx.gob.sombrerete.Poa window-width 1280
gsettings set mx.gob.sombrerete.Poa window-height 800
gsettings set mx.gob.sombrerete.Poa window-maximized false

"$build/src/poa" &
pid=$!
window=$(xdotool search --sync --onlyvisible --name 'POA' | head -n 1)
xdotool windowmove "$window" 0 0 windowfocus --sync "$window"
sleep 2

# Alt+1…4 are the window's own shortcuts to its pages (win.show-page).
for shot in 1:actividades 2:cronograma 3:indicadores 4:presupuesto; do
  xdotool key --clearmodifiers "alt+${shot%%:*}"
  sleep 2
  import -window root -crop 1280x800+0+0 +repage "data/screenshots/${shot#*:}.png"
  echo "screenshots: data/screenshots/${shot#*:}.png"
done
