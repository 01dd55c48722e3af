#!/bin/sh
# install-deps.sh — installs everything POA needs to build, run and test on Debian 12.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Idempotent: packages already present are left alone, and the es_MX.UTF-8 locale is generated
# only when missing.  Run as root, or as a user that may use sudo.
set -eu

SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi

PACKAGES="
  build-essential binutils pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3 libjansson-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev zlib1g-dev
  libxml2-dev libminizip-dev
  scdoc groff-base
  desktop-file-utils appstream
  dpkg-dev debhelper
  adwaita-icon-theme hicolor-icon-theme librsvg2-common fonts-cantarell
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-openpyxl
  poppler-utils
  valgrind
  locales tzdata
"

missing=
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "install-deps: installing:$missing"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
else
  echo "install-deps: all packages present"
fi

# The window is in Spanish under es_MX.UTF-8; the tests also write a workbook under es_ES.UTF-8,
# whose decimal comma must not reach its formulas. Make sure both locales exist.
generated=no
for wanted in es_MX es_ES; do
  if ! locale -a 2>/dev/null | grep -qi "^$wanted\.utf-\?8\$"; then
    echo "install-deps: generating $wanted.UTF-8"
    if [ -f /etc/locale.gen ] && grep -q "^# *$wanted.UTF-8" /etc/locale.gen; then
      $SUDO sed -i "s/^# *\($wanted.UTF-8 UTF-8\)/\1/" /etc/locale.gen
    elif ! grep -q "^$wanted.UTF-8" /etc/locale.gen 2>/dev/null; then
      echo "$wanted.UTF-8 UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
    fi
    generated=yes
  fi
done
if [ "$generated" = yes ]; then
  $SUDO locale-gen
fi
