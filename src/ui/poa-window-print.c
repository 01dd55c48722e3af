/* poa-window-print.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-plan.h"
#include "poa-print-operation.h"
#include "poa-window-private.h"

/* The window's "Print…": the cronograma's pages as PoaCronogramaPages lays them out, the same
 * pages as the PDF's (poa-window-export.c). */

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

/**
 * _poa_window_class_print_init:
 *
 * Installs win.print (Ctrl+P) on the window's class.
 */
void
_poa_window_class_print_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
