#!/bin/sh
# check-package.sh SOURCE_DIR VERSION — builds the Debian package from a copy of the source tree
# (`dpkg-buildpackage -us -uc -b`, with nocheck: the suite is what is running it), unpacks it
# into a throwaway root, and runs the command line from there: `poa --version`, `poa plans` on a
# new database, `poa export` to every format, and `man` on both pages. The window is not opened:
# the program takes its module from /usr/lib/…/poa/, which is not the throwaway root's.
#
# Skipped (exit 77) where there is no dpkg-buildpackage, a system other than Debian's family;
# a missing build dependency fails, naming it (build-aux/install-deps.sh installs them).
# A full build: a minute and a half on two busy cores, hence the suite `package` of its own.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

source=$1 version=$2

if ! command -v dpkg-buildpackage >/dev/null 2>&1; then
  echo "check-package: no dpkg-buildpackage (Debian package dpkg-dev): skipped" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/poa-package-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "check-package: $*" >&2
  exit 1
}

# The source as it is in the working tree (changes not yet committed included), without the
# repository, any Meson build folder (the ones holding a build.ninja) or a package built in place.
tree=$work/poa-$version
mkdir "$tree"
(cd "$source" && tar -c --exclude-tag-all=build.ninja --exclude='./.git' \
   --exclude='./debian/.debhelper' --exclude='./debian/poa' --exclude='./debian/poa-dbgsym' \
   --exclude='./debian/files' --exclude='./debian/*.substvars' \
   --exclude='./debian/debhelper-build-stamp' --exclude='__pycache__' .) |
  tar -x -C "$tree"

changelog_version=$(cd "$tree" && dpkg-parsechangelog -S Version)
[ "$changelog_version" = "$version" ] ||
  fail "debian/changelog says $changelog_version, meson.build says $version"

(cd "$tree" && dpkg-checkbuilddeps -Pnocheck) ||
  fail "build dependencies missing: run build-aux/install-deps.sh"

# The caller's test environment is not the package's: a plain one, as a terminal has.
(cd "$tree" && env -u POA_LOCALEDIR -u POA_BINARY -u LANGUAGE -u LC_ALL \
   DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b -Pnocheck) >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log" >&2; fail "dpkg-buildpackage failed (the whole log: rerun by hand)"; }

arch=$(dpkg --print-architecture)
deb=$work/poa_${version}_$arch.deb
[ -f "$deb" ] || fail "no $(basename "$deb") built"

root=$work/root
dpkg-deb -x "$deb" "$root"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for f in usr/bin/poa "usr/lib/$multiarch/poa/libpoa-window.so" \
         usr/share/applications/mx.gob.sombrerete.Poa.desktop \
         usr/share/metainfo/mx.gob.sombrerete.Poa.metainfo.xml \
         usr/share/locale/es/LC_MESSAGES/poa.mo \
         usr/share/man/man1/poa.1.gz usr/share/man/es/man1/poa.1.gz \
         usr/share/doc/poa/copyright; do
  [ -f "$root/$f" ] || fail "not in the package: /$f"
done
# The package depends on what the program links, found by dpkg-shlibdeps.
dpkg-deb -f "$deb" Depends | grep -q 'libadwaita-1-0' || fail "Depends lacks libadwaita-1-0"
dpkg-deb -f "$deb" Depends | grep -q 'libxlsxwriter' || fail "Depends lacks libxlsxwriter"

poa=$root/usr/bin/poa
export POA_DB="$work/new.sqlite3" HOME="$work/home" XDG_DATA_HOME="$work/home/data"
unset POA_LOCALEDIR
[ "$("$poa" --version)" = "poa $version" ] || fail "poa --version does not say poa $version"

# A new database holds the default plan: one line, plan 1 of 2026.
"$poa" plans >"$work/plans" || fail "poa plans failed"
[ "$(wc -l <"$work/plans")" -eq 1 ] || fail "poa plans on a new database: $(cat "$work/plans")"
cut -f 1,2 "$work/plans" | grep -qx "1	2026" || fail "poa plans: not plan 1 of 2026: $(cat "$work/plans")"

for ext in json xlsx pdf png; do
  out=$work/plan.$ext
  "$poa" export --output "$out" || fail "poa export --output plan.$ext failed"
  [ -s "$out" ] || fail "poa export wrote an empty plan.$ext"
done
# Each file is what its name says, by its first bytes.
head -c 1 "$work/plan.json" | grep -q '{' || fail "plan.json is not JSON"
head -c 2 "$work/plan.xlsx" | grep -q 'PK' || fail "plan.xlsx is not a zip"
head -c 5 "$work/plan.pdf" | grep -q '%PDF-' || fail "plan.pdf is not a PDF"
head -c 4 "$work/plan.png" | tail -c 3 | grep -q 'PNG' || fail "plan.png is not a PNG"

# The manual pages as man shows them, from the package's files.
if command -v man >/dev/null 2>&1; then
  for page in man1/poa.1.gz es/man1/poa.1.gz; do
    MANWIDTH=80 man -l "$root/usr/share/man/$page" 2>/dev/null | grep -q 'restore' ||
      fail "man -l /usr/share/man/$page shows no restore"
  done
fi

echo "check-package: $(basename "$deb") built, unpacked and run"
