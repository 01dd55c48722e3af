/* main.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "poa-cli.h"
#include "poa-opening.h"
#include "poa-window-module.h"

/* Whether this process is the program the build made, rather than an installed copy: compared
 * by file (device and inode), so that symbolic links to either do not matter. The build-tree
 * program then takes everything from the build tree and an installed one from its prefix, never
 * the other's: a stale installed window module would not fit a program just rebuilt. */
static gboolean
runs_from_build_tree (void)
{
  GStatBuf self, built;

  return g_stat ("/proc/self/exe", &self) == 0 && g_stat (BUILD_PROGRAM, &built) == 0 &&
         self.st_dev == built.st_dev && self.st_ino == built.st_ino;
}

/* Translations come from $POA_LOCALEDIR, or from where the window module comes from. */
static void
setup_gettext (gboolean from_build_tree)
{
  const char *localedir = g_getenv ("POA_LOCALEDIR");

  if (localedir == NULL)
    localedir = from_build_tree ? BUILD_LOCALEDIR : LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* g_print() converts to the locale's character set, so that under LC_ALL=C "Migración" came
 * out as "Migraci?n". The plan's texts and the messages are UTF-8 and are written as they are,
 * whatever the locale: a script reading the output gets the bytes of the plan. */
static void
print_utf8_cb (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static void
printerr_utf8_cb (const char *text)
{
  fputs (text, stderr);
}

/* The window is a module, loaded only when it is asked for: a command maps GLib, SQLite and the
 * exporters' libraries, not GTK, libadwaita and the thirty more they bring, which took some 20
 * ms of every command. */
static int
run_window (const char *module_path,
            const char *db_path,
            gint64      plan_id)
{
  g_autoptr(PoaOpening) opening = NULL;
  GModule *module;
  PoaWindowModuleRun run = NULL;

  /* The database is opened and the plan read meanwhile, from before GTK is loaded (see
   * poa-opening.c). */
  opening = poa_opening_start (db_path, plan_id);

  /* Lazily bound, as GIO loads its modules: binding every function of GTK and the libraries it
   * brings at once took some 10 ms more before the first frame. Local: what it brings stays
   * its own. */
  module = g_module_open (module_path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, POA_WINDOW_MODULE_ENTRY, (gpointer *)&run))
    {
      g_autofree char *message = g_strdup_printf (_("The window could not be loaded from “%s”: %s"),
                                                  module_path, g_module_error ());

      g_printerr ("poa: %s\n", message);
      g_clear_pointer (&module, g_module_close);
      return POA_EXIT_ERROR;
    }

  /* Never closed: the types and resources it registers live as long as the process. */
  g_module_make_resident (module);

  return run (db_path, plan_id, g_steal_pointer (&opening));
}

int
main (int   argc,
      char *argv[])
{
  g_auto(PoaCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean from_build_tree = runs_from_build_tree ();

  setup_gettext (from_build_tree);
  g_set_print_handler (print_utf8_cb);
  g_set_printerr_handler (printerr_utf8_cb);

  if (!poa_cli_parse (argc, argv, &options, &error))
    {
      g_printerr ("poa: %s\n%s\n", error->message, _("Try “poa --help”."));
      return POA_EXIT_ERROR;
    }

  if (options.help)
    {
      poa_cli_print_help ();
      return POA_EXIT_OK;
    }

  if (options.version)
    {
      g_print ("poa %s\n", PACKAGE_VERSION);
      return POA_EXIT_OK;
    }

  if (options.command != NULL)
    return poa_cli_run (&options);

  return run_window (from_build_tree ? BUILD_WINDOW_MODULE : WINDOW_MODULE,
                     options.db_path, options.plan_id);
}
