/* poa-window-print.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-cronograma-pages.h"
#include "poa-plan.h"
#include "poa-print-operation.h"
#include "poa-window-private.h"

/* The window's "Print…" and "Export to PDF…": both give the cronograma's pages as
 * PoaCronogramaPages lays them out. */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PoaWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _poa_window_show_error (self, _("The cronograma could not be printed"), error);
    }
  g_object_unref (self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(PoaPrintOperation) operation = NULL;
  g_autoptr(PoaPlan) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* Pages are laid out when printing begins and drawn later, while the window stays open for
   * edits: they come from a copy, as the PDF's do. */
  copy = poa_plan_copy (poa_window_get_plan (self));
  operation = poa_print_operation_new (copy);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), &error);
  if (error != NULL)
    _poa_window_show_error (self, _("The cronograma could not be printed"), error);
}

/* A plan may have thousands of pages: the PDF is written in a thread, from a copy of the
 * plan, so that the window stays responsive and later edits do not reach a half-written file. */
static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PoaPlan *plan = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (poa_cronograma_write_pdf (plan, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
pdf_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoaWindow *self = POA_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _poa_window_show_error (self, _("The PDF could not be written"), error);
      return;
    }

  name = g_path_get_basename (g_object_get_data (G_OBJECT (result), "path"));
  message = g_strdup_printf (_("Cronograma exported to “%s”"), name);
  _poa_window_add_toast (self, adw_toast_new (message));
}

static void
export_pdf_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        PoaWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  PoaPlan *plan = poa_window_get_plan (self);

  if (response == GTK_RESPONSE_ACCEPT && plan != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* The file's name decides its format: a name without .pdf gets it. */
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);
      g_free (path);
      path = with_extension;
    }

  task = g_task_new (self, NULL, pdf_written_cb, NULL);
  g_task_set_source_tag (task, export_pdf_response_cb);
  g_task_set_task_data (task, poa_plan_copy (plan), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  PoaPlan *plan = poa_window_get_plan (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  /* Named as the office names its files: what, which year, which area. */
  name = g_strdup_printf ("Cronograma %u - %s.pdf", poa_plan_get_year (plan), poa_plan_get_area (plan));
  dialog = _poa_window_export_chooser_new (self, _("Export to PDF"), _("PDF documents"),
                                           "application/pdf", "pdf", name);

  g_signal_connect_object (dialog, "response", G_CALLBACK (export_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * _poa_window_class_print_init:
 *
 * Installs win.print (Ctrl+P) and win.export-pdf on the window's class.
 */
void
_poa_window_class_print_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
