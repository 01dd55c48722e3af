#!/bin/sh
# run-with-display.sh PROGRAM [ARGS…] — runs a window test under a display and a session bus.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# With no DISPLAY, it starts a private Xvfb (xvfb-run -a); with no session bus, a private one
# (dbus-run-session). A missing Xvfb is an error, never a silent skip.
set -eu

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
  exec dbus-run-session -- "$0" "$@"
fi

if [ -z "${DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "run-with-display.sh: no DISPLAY and no xvfb-run; run build-aux/install-deps.sh" >&2
    exit 1
  fi
  exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
fi

exec "$@"
