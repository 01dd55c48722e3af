#!/bin/sh
# check-install.sh BUILD_DIR PREFIX BINDIR LIBDIR DATADIR LOCALEDIR APP_ID VERSION — `meson
# install --destdir` into a temporary folder lays out every file where the desktop looks for it:
# the shell (applications/, icons/hicolor/), GNOME Software (metainfo/), GSettings (schemas) and
# gettext (locale/); and the window module where the program, and only it, looks for it.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$1 prefix=$2 bindir=$3 libdir=$4 datadir=$5 localedir=$6 app_id=$7 version=$8
dest=$(mktemp -d "${TMPDIR:-/tmp}/poa-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT

fail() {
  echo "check-install: $*" >&2
  exit 1
}

# Relative options are relative to the prefix; absolute ones (say /etc) are not.
under_prefix() {
  case $1 in
    /*) echo "$dest$1" ;;
    *) echo "$dest$prefix/$1" ;;
  esac
}

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1 ||
  { cat "$dest.log" >&2; rm -f "$dest.log"; fail "meson install failed"; }
rm -f "$dest.log"

bin=$(under_prefix "$bindir")
lib=$(under_prefix "$libdir")
data=$(under_prefix "$datadir")
locale=$(under_prefix "$localedir")

desktop=$data/applications/$app_id.desktop
metainfo=$data/metainfo/$app_id.metainfo.xml
schema=$data/glib-2.0/schemas/$app_id.gschema.xml
icon=$data/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
catalog=$locale/es/LC_MESSAGES/poa.mo
module=$lib/poa/libpoa-window.so

for f in "$bin/poa" "$module" "$desktop" "$metainfo" "$schema" "$icon" "$symbolic" "$catalog"; do
  [ -f "$f" ] || fail "not installed: ${f#"$dest"}"
done

# Nothing may land outside the prefix: a package would put it somewhere nobody looks.
stray=$(find "$dest" -type f | grep -v "^$dest$prefix/" || true)
[ -z "$stray" ] || fail "installed outside the prefix: $stray"

[ -x "$bin/poa" ] || fail "poa is not executable"
[ "$("$bin/poa" --version)" = "poa $version" ] || fail "poa --version does not say poa $version"

# The window is a private module: nothing of POA on the libraries' public path, GTK linked by
# the module and not by the program (its commands run without it), and no library path left
# from the build (Meson gives the module $ORIGIN/.. there).
public=$(find "$lib" -maxdepth 1 -name '*poa*' ! -path "$lib/poa")
[ -z "$public" ] || fail "installed on the public library path: ${public#"$dest"}"
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
needed "$bin/poa" | grep -q '^libgtk-4\|^libadwaita' && fail "poa links GTK or libadwaita"
needed "$module" | grep -q '^libgtk-4' || fail "${module#"$dest"} does not link GTK"
readelf -d "$bin/poa" "$module" | grep -q '(RPATH)\|(RUNPATH)' &&
  fail "the build tree's library path is left in poa or its module"

# The installed program looks for its module in its prefix only, never in the build tree: from
# the temporary folder it finds none (unless POA is really installed there) and says where.
case $libdir in
  /*) installed_module=$libdir/poa/libpoa-window.so ;;
  *) installed_module=$prefix/$libdir/poa/libpoa-window.so ;;
esac
if [ ! -e "$installed_module" ]; then
  status=0
  POA_REPORT_FIRST_FRAME=quit "$bin/poa" --db "$dest/poa.sqlite3" 2>"$dest/err" || status=$?
  [ $status -eq 2 ] && grep -qF "$installed_module" "$dest/err" ||
    fail "without its module poa did not say it misses $installed_module (exit $status): $(cat "$dest/err")"
  rm -f "$dest/err" "$dest"/poa.sqlite3*
fi

# The menu entry starts the program with its icon, in Spanish too.
desktop-file-validate "$desktop" || fail "desktop-file-validate refused ${desktop#"$dest"}"
grep -qx "Exec=poa" "$desktop" || fail "the desktop entry does not run poa"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry does not name the icon $app_id"
grep -qx "Comment\[es\]=.*" "$desktop" || fail "the desktop entry has no Spanish comment"

# The software centre's page: names the desktop entry, in Spanish too; validate-tree also checks
# that the desktop entry and the icon it names are installed beside it.
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
  fail "the metainfo does not launch $app_id.desktop"
grep -q 'xml:lang="es"' "$metainfo" || fail "the metainfo has no Spanish translation"
appstreamcli validate-tree --no-net "$dest$prefix" || fail "appstreamcli validate-tree refused the tree"

glib-compile-schemas --strict --dry-run "$(dirname "$schema")" || fail "the installed schema does not compile"

# The catalog is the compiled Spanish one.
msgunfmt "$catalog" | grep -q '^msgstr "_Acerca de POA"$' || fail "${catalog#"$dest"} is not the Spanish catalog"

echo "check-install: installed under $prefix:"
(cd "$dest$prefix" && find . -type f | sort)
