#!/usr/bin/python3
# check-flatpak-manifest.py MANIFEST APP_ID WINDOW_MODULE — the Flatpak manifest is valid JSON for
# this program, on the platform it targets, with the narrowest permissions and pinned sources,
# and keeps the window module. flatpak-builder itself needs the network and is not run here.
#
# Copyright 2026 Municipio de Sombrerete, Zacatecas
# SPDX-License-Identifier: GPL-3.0-or-later

import fnmatch
import json
import os
import sys

manifest_path, app_id, window_module = sys.argv[1], sys.argv[2], sys.argv[3]
errors = []


def check(condition, message):
    if not condition:
        errors.append(message)


with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

check(os.path.basename(manifest_path) == app_id + ".json", "the file is not named after the app ID")
check(manifest.get("id", manifest.get("app-id")) == app_id, "id is not " + app_id)
check(manifest.get("command") == "poa", "command is not poa")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
# GNOME 43 has GTK 4.8 and libadwaita 1.2, the versions the code is written for (Debian 12).
check(manifest.get("runtime-version") == "43", "runtime-version is not 43")

# Files come through the portal's file chooser: no folder of the user's, no network, and the
# display through Wayland or, failing that, X11.
finish_args = manifest.get("finish-args", [])
check(sorted(finish_args) == ["--share=ipc", "--socket=fallback-x11", "--socket=wayland"],
      "finish-args are not exactly ipc, fallback-x11 and wayland: %s" % finish_args)

modules = manifest.get("modules", [])
names = [m.get("name") for m in modules if isinstance(m, dict)]
check(names[-1:] == ["poa"], "the last module is not poa")
check("libxlsxwriter" in names, "libxlsxwriter is not built as a module")
for module in modules:
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file"):
            check(any(k in source for k in ("sha256", "sha512")),
                  "%s: %s has no checksum" % (module["name"], source.get("url")))
        elif source.get("type") == "git":
            check("commit" in source, "%s: git source not pinned to a commit" % module["name"])
        elif source.get("type") == "dir":
            path = os.path.join(os.path.dirname(manifest_path), source.get("path", ""))
            check(os.path.isfile(os.path.join(path, "meson.build")),
                  "%s: dir source %s is not the project" % (module["name"], source.get("path")))

# The window is a module in /app/lib/poa (flatpak-builder's libdir is lib): no cleanup pattern
# may take it or a folder above it, or `poa` would run its commands and never open the window.
# A pattern starting with / is a path under /app, matched name by name; one without matches a
# file or folder's name anywhere (flatpak-builder(1), "cleanup").
def removes(pattern, path):
    names = path.strip("/").split("/")
    if not pattern.startswith("/"):
        return any(fnmatch.fnmatchcase(name, pattern) for name in names)
    wanted = pattern.strip("/").split("/")
    return len(wanted) <= len(names) and all(map(fnmatch.fnmatchcase, names, wanted))


module_path = "/lib/poa/" + window_module
for module in [manifest] + modules:
    for pattern in module.get("cleanup", []):
        check(not removes(pattern, module_path),
              "cleanup %s removes the window module %s" % (pattern, module_path))

if errors:
    for e in errors:
        print("%s: %s" % (manifest_path, e), file=sys.stderr)
    sys.exit(1)
print("%s: %d modules, finish-args %s" % (manifest_path, len(modules), " ".join(finish_args)))
