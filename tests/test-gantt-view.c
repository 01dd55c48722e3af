/* test-gantt-view.c — the cronograma page under a display: clicks and keys change months,
 * saved at once and undoable; selection, zoom, scrolling a huge plan, and printing.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "poa-activity.h"
#include "poa-application.h"
#include "poa-check-private.h"
#include "poa-cronograma-page.h"
#include "poa-cronograma-pages.h"
#include "poa-document.h"
#include "poa-findings-button.h"
#include "poa-gantt-accessible.h"
#include "poa-gantt-view.h"
#include "poa-plan.h"
#include "poa-print-operation.h"
#include "poa-store.h"
#include "poa-session.h"
#include "poa-window.h"
#include "test-plans.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  char           *db;
  PoaApplication *app;
  PoaWindow      *window;
  PoaGanttView   *view;
} Fixture;

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *window;

  fixture->dir = test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->app = test_ui_open_window (fixture->dir, &window);
  fixture->window = POA_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 800);
  poa_window_show_page (fixture->window, "cronograma");
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  fixture->view = POA_GANTT_VIEW (find_widget (GTK_WIDGET (window), POA_TYPE_GANTT_VIEW));
  g_assert_nonnull (fixture->view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_ui_close_windows (fixture->app);
  g_clear_object (&fixture->app);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static PoaActivity *
window_activity (Fixture *fixture,
                 guint    position)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), position);

  /* The plan holds a reference for as long as the test needs it. */
  g_object_unref (activity);
  return activity;
}

/* The months of an activity as the file holds them, read through a new connection. */
static guint
stored_months (Fixture *fixture,
               guint    position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaActivity) activity = NULL;

  g_assert_no_error (error);
  plan = poa_store_load_plan (store, poa_plan_get_id (poa_window_get_plan (fixture->window)), &error);
  g_assert_no_error (error);
  activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), position);
  return poa_activity_get_months (activity);
}

/* A click as the view's click gesture sees it: pressed then released at the same point. */
static void
click (PoaGanttView *view,
       double        x,
       double        y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkGesture *gesture = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && gesture == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gesture = GTK_GESTURE (controller);
    }
  g_assert_nonnull (gesture);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
}

static void
click_cell (Fixture *fixture,
            guint    row,
            guint    month)
{
  graphene_rect_t area;
  graphene_point_t centre;

  g_assert_true (poa_gantt_view_get_cell_area (fixture->view, row, month, &area));
  graphene_rect_get_center (&area, &centre);
  click (fixture->view, centre.x, centre.y);
}

#define OCTOBER (1u << 9)

static void
test_click_toggles_a_month_saved_and_undoable (Fixture       *fixture,
                                               gconstpointer  data)
{
  PoaActivity *second = window_activity (fixture, 1);
  graphene_rect_t area;

  /* Apoyo a deportados runs January to September. */
  g_assert_cmpuint (stored_months (fixture, 1) & OCTOBER, ==, 0);

  click_cell (fixture, 1, 10);
  g_assert_true (poa_activity_has_month (second, 10));
  g_assert_cmpuint (stored_months (fixture, 1) & OCTOBER, ==, OCTOBER);

  /* The click selected the activity, for every page. */
  g_assert_true (poa_window_get_selected_activity (fixture->window) == second);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_false (poa_activity_has_month (second, 10));
  g_assert_cmpuint (stored_months (fixture, 1) & OCTOBER, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpuint (stored_months (fixture, 1) & OCTOBER, ==, OCTOBER);

  /* A click on the heading does nothing; on a name, it selects without changing anything. */
  click (fixture->view, 40, 1);
  g_assert_true (poa_window_get_selected_activity (fixture->window) == second);
  g_assert_true (poa_gantt_view_get_cell_area (fixture->view, 2, 1, &area));
  click (fixture->view, 40, area.origin.y + area.size.height / 2);
  g_assert_true (poa_window_get_selected_activity (fixture->window) == window_activity (fixture, 2));
  g_assert_cmpuint (stored_months (fixture, 2), ==, POA_MONTHS_ALL);
}

/* The shown button that activates @action, as a toast's is. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
window_texts (Fixture *fixture)
{
  GString *texts = g_string_new (NULL);

  test_ui_collect_labels (GTK_WIDGET (fixture->window), texts);
  return g_string_free (texts, FALSE);
}

/* One click changes the schedule: a toast says what it changed, and its Deshacer undoes it. */
static void
test_click_says_what_changed_with_undo (Fixture       *fixture,
                                        gconstpointer  data)
{
  PoaActivity *third = window_activity (fixture, 2);
  g_autofree char *texts = NULL;
  GtkWidget *undo;

  /* Activity 3 runs the whole year: a click on November takes it off. */
  g_assert_cmpuint (stored_months (fixture, 2), ==, POA_MONTHS_ALL);
  click_cell (fixture, 2, 11);
  g_assert_false (poa_activity_has_month (third, 11));
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  texts = window_texts (fixture);
  if (strstr (texts, "Noviembre quitado del cronograma de la actividad 3\n") == NULL)
    g_error ("no toast says what the click changed; the window shows:\n%s", texts);

  undo = find_action_button (GTK_WIDGET (fixture->window), "win.undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (undo)), ==, "_Deshacer");
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (poa_activity_has_month (third, 11));
  g_assert_cmpuint (stored_months (fixture, 2), ==, POA_MONTHS_ALL);

  /* Clicked again, it is scheduled back: the toast says so. */
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  click_cell (fixture, 2, 11);
  click_cell (fixture, 2, 11);
  g_assert_cmpuint (stored_months (fixture, 2), ==, POA_MONTHS_ALL);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  g_clear_pointer (&texts, g_free);
  texts = window_texts (fixture);
  if (strstr (texts, "Noviembre agregado al cronograma de la actividad 3\n") == NULL)
    g_error ("no toast says the month came back; the window shows:\n%s", texts);
}

static void
test_keys_move_the_cursor_and_space_toggles (Fixture       *fixture,
                                             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *focus;
  guint row, month;

  g_assert_true (gtk_widget_grab_focus (view));
  test_ui_wait_for_frames (view, 2);

  /* The focus is on the row's stand-in, which carries the row's accessible name. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_parent (focus) == view);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM);

  /* Down three times, right nine: activity 4 (Apostillado, January to October), November. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (view, "gantt.move-cursor", "(ii)", 0, 1));
  for (guint i = 0; i < 20; i++)
    g_assert_true (gtk_widget_activate_action (view, "gantt.move-cursor", "(ii)", 1, 0));
  g_assert_true (gtk_widget_activate_action (view, "gantt.move-cursor", "(ii)", -1, 0));
  poa_gantt_view_get_cursor (fixture->view, &row, &month);
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpuint (month, ==, 11);
  g_assert_true (poa_window_get_selected_activity (fixture->window) == window_activity (fixture, 3));

  /* The focus followed the cursor to the new row. */
  test_ui_wait_for_frames (view, 1);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_get_parent (focus) == view);
  {
    graphene_rect_t bounds, cell;

    g_assert_true (gtk_widget_compute_bounds (focus, view, &bounds));
    g_assert_true (poa_gantt_view_get_cell_area (fixture->view, 3, 1, &cell));
    g_assert_cmpfloat_with_epsilon (bounds.origin.y, cell.origin.y, 1);
  }

  g_assert_cmpuint (stored_months (fixture, 3) & (1u << 10), ==, 0);
  g_assert_true (gtk_widget_activate_action (view, "gantt.toggle-month", NULL));
  g_assert_cmpuint (stored_months (fixture, 3) & (1u << 10), ==, 1u << 10);
}

static void
test_selection_is_shared_with_the_window (Fixture       *fixture,
                                          gconstpointer  data)
{
  PoaActivity *fourteenth = window_activity (fixture, 13);
  guint row;

  poa_window_set_selected_activity (fixture->window, fourteenth);
  g_assert_true (poa_gantt_view_get_selected_activity (fixture->view) == fourteenth);
  poa_gantt_view_get_cursor (fixture->view, &row, NULL);
  g_assert_cmpuint (row, ==, 13);

  poa_gantt_view_set_selected_activity (fixture->view, window_activity (fixture, 0));
  g_assert_true (poa_window_get_selected_activity (fixture->window) == window_activity (fixture, 0));
}

static void
test_ctrl_plus_zooms_to_weeks (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *page = find_widget (GTK_WIDGET (fixture->window), POA_TYPE_CRONOGRAMA_PAGE);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view));

  g_assert_cmpint (poa_gantt_view_get_zoom (fixture->view), ==, POA_CRONOGRAMA_ZOOM_MONTHS);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));

  g_assert_true (gtk_widget_activate_action (page, "cronograma.zoom-in", NULL));
  test_ui_wait_for_frames (page, 2);
  g_assert_cmpint (poa_gantt_view_get_zoom (fixture->view), ==, POA_CRONOGRAMA_ZOOM_WEEKS);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, 1.5 * gtk_adjustment_get_page_size (hadjustment));

  /* The cursor's month comes into view: December, scrolled to the end. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "gantt.move-cursor", "(ii)", 12, 0);
  test_ui_wait_for_frames (page, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==,
                     gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment));

  g_assert_true (gtk_widget_activate_action (page, "cronograma.zoom-out", NULL));
  g_assert_cmpint (poa_gantt_view_get_zoom (fixture->view), ==, POA_CRONOGRAMA_ZOOM_MONTHS);
}

static guint
count_row_children (GtkWidget *view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_child_visible (child);
  return n;
}

static void
test_huge_plan_keeps_only_visible_rows (void)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (100000);
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(PoaDocument) document = test_document_for_plan (plan, path);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = poa_gantt_view_new ();
  GtkAdjustment *vadjustment;
  double page_rows;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  poa_gantt_view_set_document (POA_GANTT_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_for_frames (view, 3);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), ==,
                     100000 * poa_cronograma_renderer_get_row_height (poa_gantt_view_get_renderer (POA_GANTT_VIEW (view))));
  page_rows = gtk_adjustment_get_page_size (vadjustment) /
              poa_cronograma_renderer_get_row_height (poa_gantt_view_get_renderer (POA_GANTT_VIEW (view)));

  /* Wherever it is scrolled, only the rows in view have a child (the first and last maybe
   * in part), and the focused row keeps its own. */
  for (double at = 0; at <= 1; at += 0.25)
    {
      gtk_adjustment_set_value (vadjustment, at * (gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment)));
      test_ui_wait_for_frames (view, 2);
      g_assert_cmpuint (count_row_children (view), <=, (guint)ceil (page_rows) + 2);
      g_assert_cmpuint (count_row_children (view), >=, (guint)page_rows);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&document);
  test_remove_tree (dir);
}

/* How many times the view's row children were described, each: child → count. */
static GHashTable *
descriptions (PoaGanttView *view)
{
  GHashTable *counts = g_hash_table_new (NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (POA_IS_GANTT_ROW (child))
      g_hash_table_insert (counts, child, GUINT_TO_POINTER (poa_gantt_row_get_n_described (POA_GANTT_ROW (child))));
  return counts;
}

/* An edit of one activity redoes its row only: its words for the screen reader, and its
 * findings, which the document computes once for the view, its tooltip and the findings
 * button. (Before, every row in view was described again and checked again, and the button
 * checked the whole plan on its own.) */
static void
test_an_edit_redoes_only_its_row (Fixture       *fixture,
                                  gconstpointer  data)
{
  PoaDocument *document = poa_session_get_document (poa_window_get_session (fixture->window));
  PoaFindingsButton *button = POA_FINDINGS_BUTTON (find_widget (GTK_WIDGET (fixture->window), POA_TYPE_FINDINGS_BUTTON));
  PoaActivity *fifth = window_activity (fixture, 4);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tooltip_findings = NULL;
  GHashTableIter iter;
  gpointer child, count;
  guint plan_before, activity_before, plan_runs, activity_runs;
  guint redone = 0, shown = 0;

  g_assert_nonnull (button);
  poa_findings_button_update (button);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->view), 2);
  before = descriptions (fixture->view);
  _poa_check_get_runs (&plan_before, &activity_before);

  /* What a click on a month does. */
  g_assert_true (poa_document_set_uint (document, fifth, "months", poa_activity_get_months (fifth) ^ 1, &error));
  g_assert_no_error (error);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->view), 2);

  /* The fifth row's child, and only it, was described again. */
  after = descriptions (fixture->view);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &child, &count))
    {
      guint was = GPOINTER_TO_UINT (g_hash_table_lookup (before, child));

      shown += gtk_widget_get_child_visible (child);
      if (GPOINTER_TO_UINT (count) != was)
        {
          g_assert_cmpuint (GPOINTER_TO_UINT (count), ==, was + 1);
          g_assert_cmpuint (poa_gantt_row_get_row (child), ==, 4);
          redone++;
        }
    }
  g_assert_cmpuint (shown, >=, 10);
  g_assert_cmpuint (redone, ==, 1);

  /* The findings button, twice, and the row's tooltip: the plan checked once, the fifth
   * activity once, the others not at all. */
  poa_findings_button_update (button);
  poa_findings_button_update (button);
  tooltip_findings = poa_cronograma_renderer_get_findings (poa_gantt_view_get_renderer (fixture->view), fifth);
  _poa_check_get_runs (&plan_runs, &activity_runs);
  g_assert_cmpuint (plan_runs - plan_before, ==, 1);
  g_assert_cmpuint (activity_runs - activity_before, ==, 1);

  /* An undo, the same. */
  g_clear_pointer (&before, g_hash_table_unref);
  before = descriptions (fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_wait_for_frames (GTK_WIDGET (fixture->view), 2);
  poa_findings_button_update (button);
  g_clear_pointer (&after, g_hash_table_unref);
  after = descriptions (fixture->view);
  redone = 0;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &child, &count))
    redone += GPOINTER_TO_UINT (count) != GPOINTER_TO_UINT (g_hash_table_lookup (before, child));
  g_assert_cmpuint (redone, ==, 1);
  g_assert_cmpuint (stored_months (fixture, 4), ==, poa_activity_get_months (fifth));
  _poa_check_get_runs (&plan_runs, &activity_runs);
  g_assert_cmpuint (plan_runs - plan_before, ==, 2);
  g_assert_cmpuint (activity_runs - activity_before, ==, 2);
}

/* The PDF's text, page by page and line by line. The spaces pdftotext guesses between words
 * from their positions are reduced to one: they differ with a fraction of a point. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GRegex) spaces = g_regex_new ("[ \t]+", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The printer gets the PDF's pages: the same count, the same text. */
static void
test_printing_gives_the_pdf_pages (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (100);
  g_autoptr(PoaPrintOperation) operation = poa_print_operation_new (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (poa_cronograma_write_pdf (plan, exported, &error));
  g_assert_no_error (error);

  printed_text = pdf_text (printed);
  exported_text = pdf_text (exported);
  /* Four or five pages: the names too long for a line wrap whole, their rows growing. */
  g_assert_true (strstr (printed_text, "Página 4 de 4") != NULL || strstr (printed_text, "Página 5 de 5") != NULL);
  g_assert_cmpstr (printed_text, ==, exported_text);

  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gantt/click/toggles-a-month-saved-and-undoable", test_click_toggles_a_month_saved_and_undoable);
  ADD ("/gantt/click/says-what-changed-with-undo", test_click_says_what_changed_with_undo);
  ADD ("/gantt/keys/move-the-cursor-and-space-toggles", test_keys_move_the_cursor_and_space_toggles);
  ADD ("/gantt/selection/is-shared-with-the-window", test_selection_is_shared_with_the_window);
  ADD ("/gantt/zoom/ctrl-plus-zooms-to-weeks", test_ctrl_plus_zooms_to_weeks);
  ADD ("/gantt/edit/redoes-only-its-row", test_an_edit_redoes_only_its_row);
#undef ADD
  g_test_add_func ("/gantt/scroll/huge-plan-keeps-only-visible-rows", test_huge_plan_keeps_only_visible_rows);
  g_test_add_func ("/print/operation/gives-the-pdf-pages", test_printing_gives_the_pdf_pages);

  return g_test_run ();
}
