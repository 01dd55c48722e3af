/* poa-about.c — the About window: version, licence, who the program is for and who made it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-about"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-about.h"
#include "poa-store.h"

/* What support needs to know about this installation; shown under “Troubleshooting”. */
static char *
build_debug_info (PoaStore *store)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "POA %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n",
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version ());
  if (store != NULL)
    g_string_append_printf (info, "%s\n", poa_store_get_path (store));

  return g_string_free (info, FALSE);
}

/**
 * poa_about_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): the open database, named in the troubleshooting information
 *
 * Returns: (transfer none): the About window, not yet shown; GTK keeps it until it is closed.
 */
GtkWidget *
poa_about_window_new (GtkWindow *parent,
                      PoaStore  *store)
{
  /* The offices that wrote the plan this program follows and review it: proper names. */
  static const char *requirements[] = {
    "Departamento de Migrantes y Ex braceros",
    "Unidad de Planeación, Municipio de Sombrerete",
    NULL
  };
  static const char *libraries[] = {
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "SQLite https://sqlite.org",
    "Jansson https://github.com/akheron/jansson",
    "Cairo https://cairographics.org",
    "libxlsxwriter https://libxlsxwriter.github.io",
    NULL
  };
  g_autofree char *debug_info = build_debug_info (store);
  AdwAboutWindow *about;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || POA_IS_STORE (store), NULL);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);

  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_application_name (about, "POA");
  adw_about_window_set_developer_name (about, "Municipio de Sombrerete, Zacatecas");
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("Write and follow each area’s annual operating plan"));
  adw_about_window_set_copyright (about, "© 2026 Municipio de Sombrerete, Zacatecas");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_add_credit_section (about, _("Requirements and review"), requirements);
  adw_about_window_add_acknowledgement_section (about, _("Built with"), libraries);
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "poa-debug-info.txt");

  return GTK_WIDGET (about);
}
