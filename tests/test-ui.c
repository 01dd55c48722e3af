/* test-ui.c — the window under a display (Xvfb): every page shows the plan, in Spanish.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-application.h"
#include "poa-budget-line.h"
#include "poa-indicators-page.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-window-private.h"
#include "poa-document.h"
#include "poa-session.h"
#include "poa-window.h"
#include "test-ui-util.h"
#include "test-util.h"

static void
assert_shows (GtkWidget  *window,
              const char *page,
              const char * const *expected)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  test_ui_collect_labels (window, texts);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (texts->str, expected[i]) == NULL)
      g_error ("page %s does not show “%s”; it shows:\n%s", page, expected[i], texts->str);
}

/* The first widget under @widget of @type, or named @name, depth first. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  if ((type != G_TYPE_NONE && G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) ||
      (name != NULL && g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_shows_every_page (void)
{
  static const struct {
    const char *name;
    const char *expected[8];
  } pages[] = {
    { "activities", { "Actividades", "Dirección", "Secretaría de Gobierno", "Corazón de Plata", "Actividad / Proyecto general", NULL } },
    { "cronograma", { "Cronograma programado 2026", "Meses", "Semanas", NULL } },
    { "indicators", { "Índice de Eficiencia", "11.6 %", "Crítico", "23 logradas de 198 metas programadas",
                      "Al 01/07/2026, 10 de 16 actividades van atrasadas", NULL } },
    { "budget", { "Presupuesto estimado", "Papelería de oficina",
                  "Partida 2111 · CONAC: Materiales, útiles y equipos menores de oficina",
                  "3000 Servicios generales", "$ 90,000.00", NULL } },
  };
  g_autofree char *dir = test_make_tmpdir ();
  GtkWindow *window;
  g_autoptr(PoaApplication) app = test_ui_open_window (dir, &window);

  gtk_window_set_default_size (window, 1280, 800);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2026 — Migrantes y Ex braceros");

  /* The pages but the first are made when first shown. */
  g_assert_null (find_widget (GTK_WIDGET (window), POA_TYPE_INDICATORS_PAGE, NULL));
  poa_window_show_page (POA_WINDOW (window), "indicators");

  /* Progress is measured on a fixed date, so that what is late does not depend on today. */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, 7, 2026);
    poa_indicators_page_set_date (POA_INDICATORS_PAGE (find_widget (GTK_WIDGET (window), POA_TYPE_INDICATORS_PAGE, NULL)),
                                  &date);
  }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("ui-%s.png", pages[i].name);

      poa_window_show_page (POA_WINDOW (window), pages[i].name);
      test_ui_wait_for_frames (GTK_WIDGET (window), 3);
      assert_shows (GTK_WIDGET (window), pages[i].name, pages[i].expected);
      test_ui_render_to_png (GTK_WIDGET (window), png);
    }

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

/* The row of the Indicadores page whose title starts with @prefix ("10. "). */
static AdwActionRow *
find_activity_row (GtkWidget  *widget,
                   const char *prefix)
{
  if (ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "status") != NULL &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_activity_row (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 15: on 29/11/2026 activity 10 (1 goal over the year, none done) owes nothing yet: its
 * row says so in grey, not "0 % · Crítico" in red beside "Al corriente". Activity 3 (20 over
 * the year, none done) owes ⌊20 × (10 + 28/30) / 12⌋ = 18: late, in red. Activity 8 (10 in
 * February, none done) has its whole meta due: graded by the semáforo, 0 %, Crítico. */
static void
test_indicators_rows_tell_one_story (void)
{
  static const struct {
    const char *prefix;
    const char *level;
    const char *status;
    const char *css_class;
  } expected[] = {
    { "10. ", "0 % de la meta", "Sin adeudo a la fecha", "dim-label" },
    { "16. ", "0 % de la meta", "Sin adeudo a la fecha", "dim-label" },
    { "3. ", "0 % de la meta", "Atrasada: faltan 18 metas", "error" },
    { "8. ", "0 % · Crítico", "Plazo vencido: faltan 10", "error" },
  };
  g_autofree char *dir = test_make_tmpdir ();
  GtkWindow *window;
  g_autoptr(PoaApplication) app = test_ui_open_window (dir, &window);
  GtkWidget *page;
  GDate date;

  gtk_window_set_default_size (window, 1280, 800);
  poa_window_show_page (POA_WINDOW (window), "indicators");
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  page = find_widget (GTK_WIDGET (window), POA_TYPE_INDICATORS_PAGE, NULL);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, 11, 2026);
  poa_indicators_page_set_date (POA_INDICATORS_PAGE (page), &date);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AdwActionRow *row = find_activity_row (page, expected[i].prefix);
      GtkWidget *level, *status;

      g_assert_nonnull (row);
      level = g_object_get_data (G_OBJECT (row), "level");
      status = g_object_get_data (G_OBJECT (row), "status");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (level)), ==, expected[i].level);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==, expected[i].status);
      g_assert_true (gtk_widget_has_css_class (status, expected[i].css_class));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (g_object_get_data (G_OBJECT (row), "icon")),
                                               expected[i].css_class));
      /* Never the semáforo's red on a row that owes nothing. */
      if (g_str_equal (expected[i].css_class, "dim-label"))
        {
          g_assert_false (gtk_widget_has_css_class (status, "error"));
          g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (level)), "Crítico"));
        }
    }

  /* For the eye: the rows from 7 on, rendered to ui-indicators-rows.png in the build tree. */
  {
    AdwActionRow *row = find_activity_row (page, "7. ");
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
    double x, y;

    g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (row), content, 0, 0, &x, &y));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), y);
    test_ui_wait_for_frames (GTK_WIDGET (window), 3);
    test_ui_render_to_png (GTK_WIDGET (window), "ui-indicators-rows.png");
  }

  /* The page says what each signal measures. */
  {
    const char *shown[] = { "El semáforo mide el índice frente a la meta del año.",
                            "Cada actividad se mide frente a su cronograma a la fecha", NULL };

    assert_shows (GTK_WIDGET (window), "indicators", shown);
  }

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

static void
apply_amount (GtkWidget  *entry,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
}

/* Types an amount into the first partida, as the office would, then a bad one, then undoes. */
static void
test_budget_edit_and_undo (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaApplication) app = NULL;
  g_autoptr(PoaBudgetLine) line = NULL;
  GtkWidget *entry, *message;
  GtkWindow *window;
  PoaPlan *plan;
  const char *expected_after[] = { "$ 92,500.00", "$ 7,500.00", NULL };
  const char *expected_before[] = { "$ 90,000.00", NULL };

  app = test_ui_open_window (dir, &window);
  gtk_window_set_default_size (window, 1280, 800);
  poa_window_show_page (POA_WINDOW (window), "budget");
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  plan = poa_window_get_plan (POA_WINDOW (window));
  line = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (plan)), 0);
  entry = find_widget (GTK_WIDGET (window), G_TYPE_NONE, "budget-amount");
  message = find_widget (GTK_WIDGET (window), G_TYPE_NONE, "budget-amount-message");
  g_assert_nonnull (entry);
  g_assert_nonnull (message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "$ 5,000.00");

  apply_amount (entry, "7,500.00");
  test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 750000);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, 9250000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "$ 7,500.00");
  assert_shows (GTK_WIDGET (window), "budget", expected_after);

  /* A European amount is refused with a message, and nothing changes. */
  apply_amount (entry, "5.000,00");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "«5.000,00»"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 750000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 500000);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, 9000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "$ 5,000.00");
  assert_shows (GTK_WIDGET (window), "budget", expected_before);

  /* Three decimals are refused, not rounded. */
  apply_amount (entry, "12345.678");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 500000);

  /* With nine partidas of $ 1,000,000,000,000.00 added, the most one may hold, this one at as
   * much would take the total ($ 9,000,000,085,000.00 + $ 1,000,000,000,000.00) past the
   * $ 10,000,000,000,000.00 a plan may hold: refused, said under the amount, nothing saved. */
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(PoaBudgetLine) big = poa_budget_line_new ("3990", "Grande", G_GINT64_CONSTANT (100000000000000));
      g_autoptr(GError) error = NULL;

      g_assert_true (poa_document_insert (poa_session_get_document (poa_window_get_session (POA_WINDOW (window))),
                                          big, G_MAXUINT, &error));
      g_assert_no_error (error);
    }
  test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  apply_amount (entry, "1,000,000,000,000.00");
  test_ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "10,000,000,000,000.00"));
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (message)));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 500000);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, G_GINT64_CONSTANT (900000009000000));

  g_clear_object (&line);
  test_ui_close_windows (app);
  test_remove_tree (dir);
}

static gboolean
window_shows (GtkWidget  *window,
              const char *text)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  test_ui_collect_labels (window, texts);
  return strstr (texts->str, text) != NULL;
}

/* The first toplevel of @type other than @except, or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && GTK_WIDGET (window) != except &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (done (data));
}

static gboolean
chooser_open (gpointer window)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, window) != NULL;
}

static gboolean
chooser_closed (gpointer window)
{
  return !chooser_open (window);
}

static gboolean
export_toast_shown (gpointer window)
{
  return window_shows (window, "Se exportó «POA 2026 - Migrantes y Ex braceros.xlsx»");
}

static gboolean
error_dialog_open (gpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, window) != NULL;
}

/* Ctrl+E's action opens a file chooser proposing the official name; accepting it writes the
 * workbook off the main thread and says so in a toast. A failure is said in a dialog. */
static void
exports_to_excel (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *workbook = g_build_filename (dir, "POA 2026 - Migrantes y Ex braceros.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "poa.xlsx", NULL);
  g_autoptr(PoaApplication) app = NULL;
  g_autofree char *typed = g_build_filename (dir, "POA 2026 - Migrantes y Ex braceros", NULL);
  g_autoptr(GFile) chosen = g_file_new_for_path (typed);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *window, *chooser, *dialog;
  gsize length = 0;

  app = test_ui_open_window (dir, &window);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-xlsx", NULL));
  spin_until (chooser_open, window);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WIDGET (window));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "POA 2026 - Migrantes y Ex braceros.xlsx");

  /* GTK's own saving steps (the overwrite question …) are not ours to test: the chooser is
   * cancelled, and a name typed without its extension is exported directly. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  spin_until (chooser_closed, window);
  _poa_window_export_xlsx_to_file (POA_WINDOW (window), chosen);

  spin_until (export_toast_shown, window);
  g_assert_true (g_file_get_contents (workbook, &contents, &length, NULL));
  g_assert_cmpmem (contents, 2, "PK", 2);

  {
    g_autoptr(GFile) file = g_file_new_for_path (missing);

    _poa_window_export_xlsx_to_file (POA_WINDOW (window), file);
    spin_until (error_dialog_open, window);
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WIDGET (window));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), missing));
    gtk_window_destroy (dialog);
  }

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

static void
test_window_exports_to_excel (void)
{
  exports_to_excel ();
}

static gboolean
choice_open (gpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, window) != NULL;
}

/* Export to PDF… first asks which document (the whole POA by default), then proposes its name
 * the workbook's way (poa_export_suggest_name()). test-print and test-documents follow the
 * documents themselves. */
static void
test_window_proposes_the_pdf_name (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaApplication) app = NULL;
  g_autofree char *name = NULL;
  GtkWindow *window, *chooser, *choice;

  app = test_ui_open_window (dir, &window);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  spin_until (choice_open, window);
  choice = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WIDGET (window));
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (choice), "accept");
  gtk_window_destroy (choice);
  spin_until (chooser_open, window);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WIDGET (window));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "POA 2026 - Migrantes y Ex braceros.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  spin_until (chooser_closed, window);

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

typedef struct
{
  GtkWindow  *window;
  const char *toast;
} ShownText;

static gboolean
text_shown (gpointer data)
{
  ShownText *shown = data;

  return window_shows (GTK_WIDGET (shown->window), shown->toast);
}

/* The menu's “Export Plan (JSON)…” and “Export Cronograma as Image…”: their choosers propose
 * the official names, and the plan file and the image are written the way the workbook is. */
static void
test_window_exports_the_plan_file_and_the_image (void)
{
  static const struct {
    const char *action;
    const char *extension;
    const char *name;
    const char *toast;
  } exports[] = {
    { "win.export-json", ".json", "POA 2026 - Migrantes y Ex braceros.json",
      "Se exportó «POA 2026 - Migrantes y Ex braceros.json»" },
    { "win.export-png", ".png", "Cronograma 2026 - Migrantes y Ex braceros.png",
      "Cronograma exportado a «Cronograma 2026 - Migrantes y Ex braceros.png»" },
  };
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(PoaApplication) app = NULL;
  GtkWindow *window;

  app = test_ui_open_window (dir, &window);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (dir, exports[i].name, NULL);
      g_autofree char *typed = g_strndup (path, strlen (path) - strlen (exports[i].extension));
      g_autoptr(GFile) file = g_file_new_for_path (typed);
      g_autofree char *name = NULL;
      g_autofree char *contents = NULL;
      ShownText shown = { window, exports[i].toast };
      GtkWindow *chooser;
      gsize length = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), exports[i].action, NULL));
      spin_until (chooser_open, window);
      chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WIDGET (window));
      name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (name, ==, exports[i].name);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      spin_until (chooser_closed, window);

      _poa_window_export_to_file (POA_WINDOW (window), file, exports[i].extension);
      spin_until (text_shown, &shown);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (i == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PoaPlan) read = poa_plan_json_load (path, &error);

          /* The plan file reads back as the plan shown. */
          g_assert_no_error (error);
          g_assert_true (poa_plan_equal (read, poa_window_get_plan (POA_WINDOW (window))));
        }
      else
        {
          g_assert_cmpuint (length, >, 8);
          g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
        }
    }

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/shows-every-page-in-spanish", test_window_shows_every_page);
  g_test_add_func ("/ui/budget/edits-an-amount-and-undoes-it", test_budget_edit_and_undo);
  g_test_add_func ("/ui/indicators/rows-tell-one-story", test_indicators_rows_tell_one_story);
  g_test_add_func ("/ui/window/exports-to-excel", test_window_exports_to_excel);
  g_test_add_func ("/ui/window/proposes-the-pdf-name", test_window_proposes_the_pdf_name);
  g_test_add_func ("/ui/window/exports-the-plan-file-and-the-image", test_window_exports_the_plan_file_and_the_image);

  return g_test_run ();
}
