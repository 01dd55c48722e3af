/* test-print.c — printing the documents through GtkPrintOperation gives the pages the PDF
 * export gives, and the window asks which document.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "poa-export.h"
#include "poa-plan-pages.h"
#include "poa-plan.h"
#include "poa-print-operation.h"
#include "poa-window-private.h"
#include "poa-window.h"
#include "test-plans.h"
#include "test-ui-util.h"
#include "test-util.h"

/* The PDF's text, line by line, the spaces pdftotext guesses from positions made one. */
static char *
pdf_text (const char *path,
          guint      *n_pages)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *info = NULL;
  GString *text;
  gboolean space = FALSE;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_spawn_sync (NULL, (char **)info_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &info, NULL, &status, &error);
  g_assert_no_error (error);
  *n_pages = (guint)g_ascii_strtoull (strstr (info, "\nPages:") + strlen ("\nPages:"), NULL, 10);

  text = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        space = TRUE;
      else
        {
          if (space && *p != '\n')
            g_string_append_c (text, ' ');
          space = FALSE;
          g_string_append_c (text, *p);
        }
    }
  return g_string_free (text, FALSE);
}

static void
print_to_file (PoaPrintOperation *operation,
               const char        *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

/* The printer gets the PDF's pages: the same count, the same text, for the whole POA and for
 * the avance. */
static void
test_printing_gives_the_export_pages (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaPlan) plan = test_plan_with_activities (40);

  for (PoaPrintout printout = POA_PRINTOUT_PLAN; printout <= POA_PRINTOUT_REPORT; printout++)
    {
      g_autofree char *printed = g_strdup_printf ("%s/printed-%d.pdf", dir, printout);
      g_autofree char *exported = g_strdup_printf ("%s/exported-%d.pdf", dir, printout);
      g_autoptr(PoaPrintOperation) operation = poa_print_operation_new_for (plan, printout, 2, 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *printed_text = NULL;
      g_autofree char *exported_text = NULL;
      guint printed_pages, exported_pages;

      print_to_file (operation, printed);
      g_assert_true (poa_export_printout (plan, printout, 2, 0, exported, &error));
      g_assert_no_error (error);

      printed_text = pdf_text (printed, &printed_pages);
      exported_text = pdf_text (exported, &exported_pages);
      g_assert_cmpuint (printed_pages, ==, exported_pages);
      g_assert_cmpuint (printed_pages, >, 1);
      g_assert_cmpstr (printed_text, ==, exported_text);
      g_assert_nonnull (strstr (printed_text, printout == POA_PRINTOUT_PLAN ? "Presupuesto estimado"
                                              : printout == POA_PRINTOUT_REPORT ? "Segundo trimestre"
                                              : "Cronograma programado 2026"));
    }

  test_remove_tree (dir);
}

typedef struct
{
  PoaPrintout       printout;
  guint             quarter;
  PoaPlanPagesFlags flags;
  gboolean          called;
} Chosen;

static Chosen chosen;

static void
chosen_cb (PoaWindow         *self,
           PoaPrintout        printout,
           guint              quarter,
           PoaPlanPagesFlags  flags)
{
  chosen.printout = printout;
  chosen.quarter = quarter;
  chosen.flags = flags;
  chosen.called = TRUE;
}

/* Print… asks which document: the whole POA by default; the avance with its quarter. */
static void
test_window_asks_which_document (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaApplication) app = NULL;
  GtkWindow *window = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *child;
  GtkCheckButton *report = NULL;
  GtkDropDown *quarter = NULL;

  app = test_ui_open_window (dir, &window);

  dialog = _poa_window_choose_printout (POA_WINDOW (window), "Imprimir", "_Imprimir…", chosen_cb);
  test_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  test_ui_render_to_png (GTK_WIDGET (dialog), "ui-print-choice.png");
  adw_message_dialog_response (dialog, "accept");
  g_assert_true (chosen.called);
  g_assert_cmpint (chosen.printout, ==, POA_PRINTOUT_PLAN);
  gtk_window_destroy (GTK_WINDOW (dialog));

  memset (&chosen, 0, sizeof chosen);
  dialog = _poa_window_choose_printout (POA_WINDOW (window), "Imprimir", "_Imprimir…", chosen_cb);
  box = adw_message_dialog_get_extra_child (dialog);
  for (child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DROP_DOWN (child))
        quarter = GTK_DROP_DOWN (child);
      else if (GTK_IS_CHECK_BUTTON (child) && strstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), "vance") != NULL)
        report = GTK_CHECK_BUTTON (child);
    }
  g_assert_nonnull (report);
  g_assert_nonnull (quarter);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (quarter)));
  gtk_check_button_set_active (report, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (quarter)));
  gtk_drop_down_set_selected (quarter, 2);
  adw_message_dialog_response (dialog, "accept");
  g_assert_cmpint (chosen.printout, ==, POA_PRINTOUT_REPORT);
  g_assert_cmpuint (chosen.quarter, ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Cancelled: nothing chosen. */
  memset (&chosen, 0, sizeof chosen);
  dialog = _poa_window_choose_printout (POA_WINDOW (window), "Imprimir", "_Imprimir…", chosen_cb);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_false (chosen.called);
  gtk_window_destroy (GTK_WINDOW (dialog));

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/print/operation/gives-the-export-pages", test_printing_gives_the_export_pages);
  g_test_add_func ("/print/window/asks-which-document", test_window_asks_which_document);

  return g_test_run ();
}
