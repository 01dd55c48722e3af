/* poa-window-print.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-date.h"
#include "poa-plan.h"
#include "poa-print-operation.h"
#include "poa-report.h"
#include "poa-window-private.h"

/* The window's "Print…" and the choice it shares with "Export to PDF…": the whole POA, the
 * cronograma, or a quarter's avance de metas. The printer gets the pages the PDF has: the same
 * core renderers lay them out (poa-print-operation.c). */

typedef struct
{
  PoaWindow         *window;
  PoaPrintoutChosen  chosen;
  GtkCheckButton    *plan;
  GtkCheckButton    *cronograma;
  GtkCheckButton    *report;
  GtkDropDown       *quarter;
  GtkCheckButton    *gantt;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_object_unref (choice->window);
  g_free (choice);
}

static void
choice_toggled_cb (GtkCheckButton *button,
                   Choice         *choice)
{
  gtk_widget_set_sensitive (GTK_WIDGET (choice->quarter), gtk_check_button_get_active (choice->report));
  gtk_widget_set_sensitive (GTK_WIDGET (choice->gantt), gtk_check_button_get_active (choice->plan));
}

static void
choice_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Choice           *choice)
{
  PoaPrintout printout = POA_PRINTOUT_PLAN;

  if (!g_str_equal (response, "accept"))
    return;

  if (gtk_check_button_get_active (choice->cronograma))
    printout = POA_PRINTOUT_CRONOGRAMA;
  else if (gtk_check_button_get_active (choice->report))
    printout = POA_PRINTOUT_REPORT;

  choice->chosen (choice->window, printout, gtk_drop_down_get_selected (choice->quarter) + 1,
                  gtk_check_button_get_active (choice->gantt) ? POA_PLAN_PAGES_GANTT : 0);
}

/**
 * _poa_window_choose_printout:
 * @heading: the dialog's heading, "Print"
 * @accept: its button, "_Print…"
 * @chosen: called with what the user chose, unless the dialog is cancelled
 *
 * Asks which document: the whole POA (with the Gantt drawing or not), the cronograma, or the
 * avance of a quarter (today's by default).
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
_poa_window_choose_printout (PoaWindow         *self,
                             const char        *heading,
                             const char        *accept,
                             PoaPrintoutChosen  chosen)
{
  static const char *quarters[] = {
    N_("First quarter (January–March)"), N_("Second quarter (April–June)"),
    N_("Third quarter (July–September)"), N_("Fourth quarter (October–December)"), NULL,
  };
  const char *labels[G_N_ELEMENTS (quarters)];
  PoaPlan *plan = poa_window_get_plan (self);
  Choice *choice = g_new0 (Choice, 1);
  GtkWidget *dialog, *box;
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    labels[i] = quarters[i] != NULL ? _(quarters[i]) : NULL;

  choice->window = g_object_ref (self);
  choice->chosen = chosen;
  choice->plan = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Whole POA")));
  choice->gantt = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("With the Gantt _chart")));
  choice->cronograma = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Cronograma")));
  choice->report = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Quarter’s avance de metas")));
  choice->quarter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice->quarter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quarter"), -1);
  gtk_check_button_set_group (choice->cronograma, choice->plan);
  gtk_check_button_set_group (choice->report, choice->plan);
  gtk_check_button_set_active (choice->plan, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (choice->gantt), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (choice->quarter), 24);

  poa_date_get_today (&today);
  if (plan != NULL)
    gtk_drop_down_set_selected (choice->quarter,
                                poa_report_current_quarter (poa_plan_get_year (plan), &today) - 1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->plan));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->gantt));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->cronograma));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->report));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->quarter));
  choice_toggled_cb (NULL, choice);
  g_signal_connect (choice->plan, "toggled", G_CALLBACK (choice_toggled_cb), choice);
  g_signal_connect (choice->report, "toggled", G_CALLBACK (choice_toggled_cb), choice);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, _("Which document?"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept", accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (choice_response_cb), choice,
                         (GClosureNotify)(void (*) (void))choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PoaWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _poa_window_show_error (self, _("The document could not be printed"), error);
    }
  g_object_unref (self);
}

static void
print_chosen (PoaWindow         *self,
              PoaPrintout        printout,
              guint              quarter,
              PoaPlanPagesFlags  flags)
{
  g_autoptr(PoaPrintOperation) operation = NULL;
  g_autoptr(PoaPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  PoaPlan *plan = poa_window_get_plan (self);

  if (plan == NULL)
    return;

  /* Pages are laid out when printing begins and drawn later, while the window stays open for
   * edits: they come from a copy, as the PDF's do. */
  copy = poa_plan_copy (plan);
  operation = poa_print_operation_new_for (copy, printout, quarter, flags);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), &error);
  if (error != NULL)
    _poa_window_show_error (self, _("The document could not be printed"), error);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _poa_window_choose_printout (POA_WINDOW (widget), _("Print"), _("_Print…"), print_chosen);
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
