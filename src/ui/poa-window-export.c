/* poa-window-export.c — the window's “Export to Excel…”.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-export.h"
#include "poa-plan.h"
#include "poa-window-private.h"
#include "poa-xlsx-export.h"

/* The workbook is written on a worker thread, from a copy of the plan taken when the user
 * chose the file: the window stays responsive, and edits made meanwhile cannot reach a
 * half-written file. A toast says when it is done, with a button to open it; a dialog says
 * why it failed. */

typedef struct
{
  PoaPlan *plan;
  char    *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->plan);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (poa_xlsx_export (job->plan, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoaWindow *self = POA_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _poa_window_show_error (self, _("The workbook could not be exported"), error);
      return;
    }

  name = g_filename_display_basename (job->path);
  uri = g_filename_to_uri (job->path, NULL, NULL);
  toast = adw_toast_new_format (_("Exported “%s”"), name);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  _poa_window_add_toast (self, toast);
}

/**
 * _poa_window_export_xlsx_to_file:
 * @file: the workbook to write; “.xlsx” is added to its name when missing
 *
 * Starts writing the window's plan to @file; a toast or a dialog tells how it ended.
 */
void
_poa_window_export_xlsx_to_file (PoaWindow *self,
                                 GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (poa_window_get_plan (self) == NULL)
    return;

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                                             _("Cannot write “%s”: only files on this computer can be written"),
                                             uri);
      _poa_window_show_error (self, _("The workbook could not be exported"), error);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->plan = poa_plan_copy (poa_window_get_plan (self));
  job->path = g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX")
              ? g_steal_pointer (&path) : g_strconcat (path, ".xlsx", NULL);

  /* One export at a time: a second one could only race the first for the same file. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", FALSE);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, _poa_window_export_xlsx_to_file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(PoaWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    _poa_window_export_xlsx_to_file (self, file);
}

/* “POA 2026 - Migrantes y Ex braceros.xlsx”: the name the office gives the workbook. */
static char *
proposed_name (PoaPlan *plan)
{
  g_autofree char *area = g_strdup (poa_plan_get_area (plan));

  /* A slash cannot be part of a file name. */
  g_strdelimit (area, "/", '-');
  if (area[0] == '\0')
    return g_strdup_printf ("POA %u.xlsx", poa_plan_get_year (plan));

  return g_strdup_printf ("POA %u - %s.xlsx", poa_plan_get_year (plan), area);
}

static void
export_xlsx_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  name = proposed_name (poa_window_get_plan (self));
  chooser = _poa_window_export_chooser_new (self, _("Export to Excel"), _("Excel workbooks"),
                                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                            "xlsx", name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_uri_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/**
 * _poa_window_class_export_init:
 *
 * Installs win.export-xlsx (Ctrl+E) and win.open-uri, which the toasts' buttons use.
 */
void
_poa_window_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_activated);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-xlsx", NULL);
}
