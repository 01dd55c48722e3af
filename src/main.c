/* main.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "poa-application.h"
#include "poa-cli.h"

/* Translations come from the install prefix, or from the build tree when run from there. */
static void
setup_gettext (void)
{
  g_autofree char *catalog = NULL;
  const char *localedir = g_getenv ("POA_LOCALEDIR");

  if (localedir == NULL)
    {
      catalog = g_build_filename (LOCALEDIR, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      localedir = g_file_test (catalog, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(PoaCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;

  setup_gettext ();

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

  return poa_application_run (options.db_path, options.plan_id);
}
