/* poa-window-import.c — the window's “Import Plan…”: a plan file becomes a new plan in the
 * database and the window shows it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-session.h"
#include "poa-window-private.h"

/**
 * poa_window_import_file:
 * @file: a plan file (JSON)
 *
 * Adds the plan in @file to the application's database as a new plan, all or nothing, and shows
 * it in the window with a toast; or says in a dialog why it could not.
 *
 * Returns: whether the plan was imported.
 */
gboolean
poa_window_import_file (PoaWindow *self,
                        GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (POA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The file chooser portal hands out local paths too, so only a remote location without a
   * local mount gets here. */
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot read “%s”: only files on this computer can be imported"), uri);
    }

  /* The message names the file and the line and column or the field (poa-plan-json.c), or the
   * database and what went wrong with it (poa-store.c). */
  if (path == NULL || !poa_session_import (self->session, path, &error))
    {
      _poa_window_show_error (self, _("The plan could not be imported"), error);
      return FALSE;
    }

  /* Translators: %s is the window's title, which names the plan: "POA 2026 — Migrantes" */
  message = g_strdup_printf (_("Imported “%s”"), gtk_window_get_title (GTK_WINDOW (self)));
  _poa_window_add_toast (self, adw_toast_new (message));

  return TRUE;
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            PoaWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      poa_window_import_file (self, file);
    }

  g_object_unref (chooser);
}

/* Files come through the file chooser portal when sandboxed: the program has no access to the
 * user's folders of its own (build-aux/flatpak). */
static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Plan files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  chooser = gtk_file_chooser_native_new (_("Import Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_poa_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}
