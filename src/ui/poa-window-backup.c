/* poa-window-backup.c — the window's "Back Up Database…" and "Restore Backup…".
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-session.h"
#include "poa-store.h"
#include "poa-window-private.h"

/* The copying itself is the store's (poa_store_backup(), poa_store_restore()) and the
 * restored plan is opened by the session; here are the file choosers, the confirmation, and
 * what the window says afterwards. */

/* A new outcome replaces the toast of the previous one rather than waiting behind it. */
static void
show_toast (PoaWindow  *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  if (self->backup_toast != NULL)
    adw_toast_dismiss (self->backup_toast);
  g_set_weak_pointer (&self->backup_toast, toast);
  _poa_window_add_toast (self, toast);
}

/* The chosen file as a local path; a location without one (a network share GIO cannot map) is
 * said as an error rather than copied somewhere else. */
static char *
get_local_path (GFile   *file,
                GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer"), uri);
    }

  return path;
}

/**
 * _poa_window_backup_to:
 *
 * Copies the database to @file and says so in a toast, or in a dialog why not.
 */
gboolean
_poa_window_backup_to (PoaWindow *self,
                       GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  PoaStore *store = poa_session_get_store (self->session);

  g_return_val_if_fail (POA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  if (!(path = get_local_path (file, &error)) || !poa_store_backup (store, path, &error))
    {
      _poa_window_show_error (self, _("The database could not be backed up"), error);
      return FALSE;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Database backed up to “%s”"), name);
  show_toast (self, title);
  return TRUE;
}

static void
show_chooser (PoaWindow            *self,
              GtkFileChooserNative *chooser,
              GCallback             response_cb)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", response_cb, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The file the user accepted in @chooser, or %NULL. The chooser goes with its response. */
static GFile *
take_chosen_file (GtkNativeDialog *chooser,
                  int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  /* The reference gtk_file_chooser_native_new() gave. */
  g_object_unref (chooser);
  return file;
}

static void
backup_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            PoaWindow       *self)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    _poa_window_backup_to (self, file);
}

static void
backup_database_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* Translators: the suggested name of a backup file; %s is today's date, 2026-11-29. */
  name = g_strdup_printf (_("POA backup %s.sqlite3"), date);

  chooser = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  show_chooser (self, chooser, G_CALLBACK (backup_chooser_response_cb));
}

/* The session shows the restored plans: the one last opened, as at start-up. */
static void
restore_from (PoaWindow *self,
              GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *title = NULL;

  if (!(path = get_local_path (file, &error)) ||
      !poa_session_restore (self->session, path, &kept, &error))
    {
      g_autofree char *heading = NULL;

      /* Once the plans are copied aside, whatever failed after, the user must know where
       * that copy is. */
      if (kept != NULL)
        heading = g_strdup_printf (_("The restore failed; the plans as they were before it are "
                                     "kept in “%s”"), kept);
      _poa_window_show_error (self, heading != NULL ? heading
                                                    : _("The backup could not be restored"),
                              error);
      return;
    }

  kept_name = g_path_get_basename (kept);
  title = g_strdup_printf (_("Backup restored; the replaced plans were kept in “%s”"), kept_name);
  show_toast (self, title);
}

static void
restore_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            PoaWindow        *self)
{
  if (g_str_equal (response, "restore"))
    restore_from (self, g_object_get_data (G_OBJECT (dialog), "file"));
}

/**
 * _poa_window_confirm_restore:
 *
 * Asks before replacing every plan with those in @file, naming both files.
 *
 * Returns: (transfer none): the dialog, shown; its "restore" response restores.
 */
AdwMessageDialog *
_poa_window_confirm_restore (PoaWindow *self,
                             GFile     *file)
{
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  PoaStore *store = poa_session_get_store (self->session);

  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  name = g_file_get_basename (file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore this backup?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Every plan in “%s” will be replaced by the plans in the "
                                    "backup “%s”. A copy of the current database is kept "
                                    "beside it."),
                                  poa_store_get_path (store), name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
restore_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             PoaWindow       *self)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    _poa_window_confirm_restore (self, file);
}

static void
restore_backup_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (backups, _("POA backups"));
  gtk_file_filter_add_pattern (backups, "*.sqlite3");
  gtk_file_filter_add_pattern (backups, "*.bak");
  gtk_file_filter_add_pattern (backups, "*.db");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Restore Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), backups);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  show_chooser (self, chooser, G_CALLBACK (restore_chooser_response_cb));
}

void
_poa_window_class_backup_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.backup-database", NULL,
                                   backup_database_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_activated);
}
