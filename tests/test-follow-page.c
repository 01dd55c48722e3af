/* test-follow-page.c — Seguimiento in the window: a month's achievements typed through real
 * key events (XTest on the test's X server), found in the database through a new connection,
 * one undone with Ctrl+Z and the Indicadores index following; and the quarterly report's
 * figures for a known plan on a fixed day.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <X11/keysym.h>

#include "poa-activity.h"
#include "poa-application.h"
#include "poa-calendar.h"
#include "poa-document.h"
#include "poa-follow-page.h"
#include "poa-indicators-page.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-session.h"
#include "poa-store.h"
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
} Fixture;

static PoaPlan *
load_fresh (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  PoaPlan *plan;

  g_assert_no_error (error);
  plan = poa_store_load_plan (store, poa_plan_get_id (poa_window_get_plan (fixture->window)), &error);
  g_assert_no_error (error);
  return plan;
}

static PoaActivity *
activity_at (PoaPlan *plan,
             guint    position)
{
  PoaActivity *activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), position);

  g_object_unref (activity);
  return activity;
}

/* The sums of the index, by hand: Σ achieved and Σ programmed over the activities. */
static void
sum_goals (PoaPlan *plan,
           guint64 *programmed,
           guint64 *achieved)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  *programmed = *achieved = 0;
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      guint programmed_goal, achieved_goal;

      g_object_get (activity, "programmed", &programmed_goal, "achieved", &achieved_goal, NULL);
      *programmed += programmed_goal;
      *achieved += achieved_goal;
    }
}

static PoaFollowPage *
show_follow_page (Fixture *fixture)
{
  GtkWidget *page;

  test_ui_press_key (XK_5, XK_Alt_L);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  page = test_ui_find_widget (GTK_WIDGET (fixture->window), POA_TYPE_FOLLOW_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return POA_FOLLOW_PAGE (page);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *window = NULL;

  /* 15 April 2026: the second quarter, the first one ended. */
  g_setenv ("POA_TODAY", "2026-04-15", TRUE);
  fixture->dir = test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->app = test_ui_open_window (fixture->dir, &window);
  fixture->window = POA_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 900);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  /* The keys go to the window: the X server's focus on it, as a window manager would. */
  test_ui_focus_window (window, 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_ui_destroy_message_dialogs ();
  test_ui_close_windows (fixture->app);
  g_clear_object (&fixture->app);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_unsetenv ("POA_TODAY");
}

/* Three activities' January typed by keyboard, Enter moving down; each saved at once, one
 * undone with Ctrl+Z; the index follows. */
static void
test_capture_by_keyboard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PoaPlan) before = load_fresh (fixture);
  g_autoptr(PoaPlan) after = NULL;
  g_autoptr(PoaPlan) undone = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *expected_index = NULL;
  PoaFollowPage *page = show_follow_page (fixture);
  GtkWidget *entry;
  guint old_achieved[3];
  guint64 programmed, achieved;
  const guint typed[3] = { 2, 3, 4 };

  for (guint i = 0; i < 3; i++)
    old_achieved[i] = poa_activity_get_goal (activity_at (before, i), POA_ACTIVITY_ACHIEVED);

  /* Shown, the page has the keyboard in the first activity's month of today: April. */
  test_ui_wait_ms (200);
  g_assert_true (has_focus_within (poa_follow_page_get_cell_entry (page, 0, 4)));

  entry = poa_follow_page_get_cell_entry (page, 0, 1);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  test_ui_iterate ();

  /* A bad figure is marked at once, and nothing is saved: Enter stays. */
  test_ui_type_text ("x");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  test_ui_press_key (XK_Return, NoSymbol);
  g_assert_true (has_focus_within (entry));
  test_ui_press_key (XK_BackSpace, NoSymbol);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  test_ui_type_text ("2");
  test_ui_press_key (XK_Return, NoSymbol);
  g_assert_true (has_focus_within (poa_follow_page_get_cell_entry (page, 1, 1)));
  test_ui_type_text ("3");
  test_ui_press_key (XK_Return, NoSymbol);
  g_assert_true (has_focus_within (poa_follow_page_get_cell_entry (page, 2, 1)));
  test_ui_type_text ("4");
  /* Tab saves too, and goes across: February of the same activity; Shift+Tab back. */
  test_ui_press_key (XK_Tab, NoSymbol);
  g_assert_true (has_focus_within (poa_follow_page_get_cell_entry (page, 2, 2)));
  test_ui_press_key (XK_Tab, XK_Shift_L);
  g_assert_true (has_focus_within (poa_follow_page_get_cell_entry (page, 2, 1)));

  after = load_fresh (fixture);
  for (guint i = 0; i < 3; i++)
    {
      PoaActivity *activity = activity_at (after, i);

      g_assert_cmpuint (poa_calendar_get_achieved (poa_activity_get_calendar (activity), 1), ==, typed[i]);
      g_assert_cmpuint (poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED), ==, old_achieved[i] + typed[i]);
    }

  /* Ctrl+Z, with the focus in a cell: the window's undo, the last entry (activity 3's 4). */
  test_ui_press_key (XK_z, XK_Control_L);
  undone = load_fresh (fixture);
  g_assert_cmpuint (poa_calendar_get_achieved (poa_activity_get_calendar (activity_at (undone, 2)), 1), ==, 0);
  g_assert_cmpuint (poa_activity_get_goal (activity_at (undone, 2), POA_ACTIVITY_ACHIEVED), ==, old_achieved[2]);
  g_assert_cmpuint (poa_calendar_get_achieved (poa_activity_get_calendar (activity_at (undone, 1)), 1), ==, 3);
  /* The cell shows it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (poa_follow_page_get_cell_entry (page, 2, 1))), ==, "");

  /* Indicadores: Σ achieved ÷ Σ programmed of the database's plan, with 2 + 3 more achieved. */
  sum_goals (before, &programmed, &achieved);
  g_assert_cmpuint (programmed, >, 0);
  expected_index = g_strdup_printf (_("%.1f %%"), 100.0 * (double)(achieved + 5) / (double)programmed);
  test_ui_press_key (XK_3, XK_Alt_L);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  test_ui_collect_labels (test_ui_find_widget (GTK_WIDGET (fixture->window), POA_TYPE_INDICATORS_PAGE), labels);
  g_assert_nonnull (strstr (labels->str, expected_index));
}

/* Sets an activity's months as `poa record` would: the calendar and the total achieved. */
static void
set_months (PoaDocument *document,
            PoaActivity *activity,
            const guint  programmed[3],
            const guint  achieved[3])
{
  const char *names[] = { "calendar", "achieved" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  g_autoptr(GError) error = NULL;
  guint total = poa_activity_get_achieved_without_month (activity);

  for (guint m = 1; m <= 3; m++)
    {
      poa_calendar_set_month (calendar, m, programmed[m - 1], achieved[m - 1], NULL);
      total += achieved[m - 1];
    }

  g_value_init (&values[0], POA_TYPE_CALENDAR);
  g_value_set_boxed (&values[0], calendar);
  g_value_init (&values[1], G_TYPE_UINT);
  g_value_set_uint (&values[1], total);
  g_assert_true (poa_document_set_values (document, activity, 2, names, values, &error));
  g_assert_no_error (error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
}

/* On 15 April 2026, the first quarter's report of a known plan: activity 1 programmed 5 a
 * month and achieved 4 (80 %, below the 90–110 band, a justification owed and missing),
 * activity 2 programmed 2 in January and achieved 2 (within), the rest sin calendarizar. */
static void
test_report_first_quarter (Fixture       *fixture,
                           gconstpointer  data)
{
  PoaDocument *document = poa_session_get_document (poa_window_get_session (fixture->window));
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaFollowPage *page = show_follow_page (fixture);
  g_autofree char *row1 = NULL;
  g_autofree char *row2 = NULL;
  g_autofree char *row3 = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *expected1 = NULL;
  g_autofree char *expected2 = NULL;
  g_autoptr(PoaPlan) saved = NULL;
  const guint five[3] = { 5, 5, 5 }, four[3] = { 4, 4, 4 };
  const guint two[3] = { 2, 0, 0 };
  PoaActivity *first = activity_at (plan, 0), *second = activity_at (plan, 1);

  set_months (document, first, five, four);
  set_months (document, second, two, two);
  poa_follow_page_set_quarter (page, 1);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);

  /* Nº, activity, unit, annual, Q: 15, 12, −3, −3 ÷ 15 = −20 %; accumulated the same. */
  row1 = poa_follow_page_get_report_row (page, 0);
  g_assert_nonnull (row1);
  expected1 = g_strdup_printf ("1\t%s\t%s\t%u\t15\t12\t-3\t-20.0 %%\t15\t12\t-3\t-20.0 %%\t%s\t %s",
                               poa_activity_get_name (first),
                               poa_activity_get_text (first, POA_ACTIVITY_UNIT),
                               poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED),
                               poa_report_status_label (POA_REPORT_BELOW), _("Missing"));
  g_assert_cmpstr (row1, ==, expected1);

  row2 = poa_follow_page_get_report_row (page, 1);
  expected2 = g_strdup_printf ("2\t%s\t%s\t%u\t2\t2\t0\t0.0 %%\t2\t2\t0\t0.0 %%\t%s\t",
                               poa_activity_get_name (second),
                               poa_activity_get_text (second, POA_ACTIVITY_UNIT),
                               poa_activity_get_goal (second, POA_ACTIVITY_PROGRAMMED),
                               poa_report_status_label (POA_REPORT_WITHIN));
  g_assert_cmpstr (row2, ==, expected2);

  /* No month programmed: sin calendarizar, not zeros. */
  row3 = poa_follow_page_get_report_row (page, 2);
  g_assert_nonnull (strstr (row3, "\t—\t—\t—\t—\t—\t—\t—\t—\t"));
  g_assert_nonnull (strstr (row3, poa_report_status_label (POA_REPORT_UNCALENDARIZED)));

  /* The foot: 17 programmed, 14 achieved, −3, −3 ÷ 17 = −17.6 %. */
  totals = poa_follow_page_get_totals_text (page);
  g_assert_nonnull (strstr (totals, "17"));
  g_assert_nonnull (strstr (totals, "14"));
  g_assert_nonnull (strstr (totals, "-17.6 %"));
  /* … and the page's foot says the same. */
  {
    g_autoptr(GString) labels = g_string_new (NULL);

    test_ui_collect_labels (GTK_WIDGET (page), labels);
    g_assert_nonnull (strstr (labels->str, totals));
  }

  /* The justification typed in place is saved, one edit; the "missing" mark goes. */
  {
    GtkWidget *entry = poa_follow_page_get_justification_entry (page, 0);

    g_assert_nonnull (entry);
    gtk_widget_grab_focus (entry);
    test_ui_iterate ();
    test_ui_type_text ("retraso");
    test_ui_press_key (XK_Return, NoSymbol);
    g_assert_cmpstr (poa_calendar_get_justification (poa_activity_get_calendar (first), 1), ==, "retraso");
    g_free (row1);
    row1 = poa_follow_page_get_report_row (page, 0);
    g_assert_true (g_str_has_suffix (row1, "\tretraso"));
  }

  saved = load_fresh (fixture);
  g_assert_cmpuint (poa_calendar_get_achieved (poa_activity_get_calendar (activity_at (saved, 0)), 3), ==, 4);
  g_assert_cmpstr (poa_calendar_get_justification (poa_activity_get_calendar (activity_at (saved, 0)), 1), ==, "retraso");

  /* Undone as one edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  g_assert_cmpstr (poa_calendar_get_justification (poa_activity_get_calendar (first), 1), ==, "");
  g_free (row1);
  row1 = poa_follow_page_get_report_row (page, 0);
  g_assert_true (g_str_has_suffix (row1, _("Missing")));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* "Repartir la meta programada" (Alt+R) proposes the months first, saves nothing until
 * accepted, then saves them as one edit. Activity 1 of the default plan: its meta programada
 * over its schedule's months, the first months taking the remainder. */
static void
test_spread (Fixture       *fixture,
             gconstpointer  data)
{
  PoaFollowPage *page = show_follow_page (fixture);
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *first = activity_at (plan, 0);
  guint programmed = poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED);
  guint n_months = 0, share, extra, seen_extra = 0;
  g_autoptr(PoaPlan) saved = NULL;
  AdwMessageDialog *dialog;

  for (guint m = 1; m <= 12; m++)
    n_months += poa_activity_has_month (first, m);
  g_assert_cmpuint (n_months, >, 0);
  share = programmed / n_months;
  extra = programmed % n_months;

  gtk_widget_grab_focus (poa_follow_page_get_cell_entry (page, 0, 1));
  test_ui_iterate ();
  {
    g_autoptr(PoaActivity) selected = NULL;

    g_object_get (page, "selected-activity", &selected, NULL);
    g_assert_true (selected == first);
  }
  /* Alt+R, the button's mnemonic in Spanish ("_Repartir…"); a button shows itself pressed for
   * 250 ms before it acts. */
  g_assert_nonnull (find_button (GTK_WIDGET (page), _("_Spread the Programmed Goal…")));
  test_ui_press_key (XK_r, XK_Alt_L);
  test_ui_wait_ms (400);
  dialog = test_ui_find_message_dialog ();
  g_assert_nonnull (dialog);
  /* Nothing saved yet. */
  g_assert_false (poa_calendar_has_programmed (poa_activity_get_calendar (first)));

  adw_message_dialog_response (dialog, "spread");
  test_ui_iterate ();
  for (guint m = 1; m <= 12; m++)
    {
      guint month_programmed = poa_calendar_get_programmed (poa_activity_get_calendar (first), m);

      if (!poa_activity_has_month (first, m))
        g_assert_cmpuint (month_programmed, ==, 0);
      else if (month_programmed == share + 1)
        seen_extra++;
      else
        g_assert_cmpuint (month_programmed, ==, share);
    }
  g_assert_cmpuint (seen_extra, ==, extra);

  saved = load_fresh (fixture);
  g_assert_true (poa_calendar_equal (poa_activity_get_calendar (activity_at (saved, 0)),
                                     poa_activity_get_calendar (first)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_false (poa_calendar_has_programmed (poa_activity_get_calendar (first)));
}


static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = type == G_TYPE_NONE || G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

/* The rows the grid has made: its list's children named "row". Checks each: at most two
 * widgets a column (GtkColumnView's cell and what it holds, drawn), and no entry but the one
 * of the cell being edited; returns how many rows, and the entries in @n_entries. */
static guint
check_grid_rows (GtkWidget *grid,
                 guint     *n_entries)
{
  guint n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (grid)));
  guint n_rows = 0;

  *n_entries = 0;
  for (GtkWidget *list = gtk_widget_get_first_child (grid); list; list = gtk_widget_get_next_sibling (list))
    for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
      {
        guint entries, widgets;

        if (g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0)
          continue;
        n_rows++;
        entries = count_widgets (row, GTK_TYPE_ENTRY);
        widgets = count_widgets (row, G_TYPE_NONE);
        *n_entries += entries;
        /* A GtkEntry is itself two widgets (the entry and its GtkText). */
        g_assert_cmpuint (widgets - 2 * entries, <=, 1 + 2 * n_columns);
        g_assert_cmpuint (entries, <=, 1);
      }

  return n_rows;
}

/* A plan of 2,000 activities: the grid makes the rows GtkColumnView keeps around the view (a
 * couple of hundred in GTK 4.8, whatever the plan's length), each a handful of drawn cells, and
 * an entry only for the cell being typed in; the same after a scroll to the middle. A cell
 * asked for its entry gets one, and it goes once the keyboard has left it. */
static void
test_grid_builds_only_what_is_shown (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (db, &error);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (2000);
  g_autoptr(PoaDocument) document = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (POA_TYPE_FOLLOW_PAGE, NULL);
  GtkWidget *grid, *entry, *other;
  GtkAdjustment *vadjustment;
  guint n_rows, n_entries, middle = 0;

  g_assert_no_error (error);
  poa_plan_set_id (plan, 1);
  document = poa_document_new (store, plan);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (page, "document", document, NULL);
  test_ui_wait_for_frames (window, 4);
  test_ui_wait_ms (100);

  grid = test_ui_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  n_rows = check_grid_rows (grid, &n_entries);
  g_assert_cmpuint (n_rows, >=, 8);
  g_assert_cmpuint (n_rows, <=, 300);
  g_assert_cmpuint (n_entries, <=, 1);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  test_ui_wait_for_frames (window, 4);
  n_rows = check_grid_rows (grid, &n_entries);
  g_assert_cmpuint (n_rows, >=, 8);
  g_assert_cmpuint (n_rows, <=, 300);
  g_assert_cmpuint (n_entries, <=, 1);

  /* The rows in view are the middle's: some activity near the 1,000th has its cells made. */
  for (guint position = 900; position < 1100 && middle == 0; position++)
    if ((other = poa_follow_page_get_cell_entry (POA_FOLLOW_PAGE (page), position, 2)) != NULL)
      middle = position;
  g_assert_cmpuint (middle, >, 0);

  /* Typed in, a cell has its entry; left, the entry goes and the figure is drawn. */
  entry = poa_follow_page_get_cell_entry (POA_FOLLOW_PAGE (page), middle, 1);
  g_assert_nonnull (entry);
  g_object_add_weak_pointer (G_OBJECT (entry), (gpointer *)&entry);
  gtk_widget_grab_focus (entry);
  test_ui_iterate ();
  gtk_widget_grab_focus (other);
  test_ui_wait_ms (50);
  test_ui_wait_for_frames (window, 2);
  g_assert_true (poa_follow_page_get_cell_entry (POA_FOLLOW_PAGE (page), middle, 2) == other);
  g_assert_cmpuint (check_grid_rows (grid, &n_entries), >=, 8);
  /* @other's, and the one the page put in today's month of the first row if still made. */
  g_assert_cmpuint (n_entries, <=, 2);
  g_assert_null (entry);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&document);
  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  test_ui_keys_init ();

  g_test_add ("/follow-page/capture-by-keyboard", Fixture, NULL, fixture_set_up,
              test_capture_by_keyboard, fixture_tear_down);
  g_test_add ("/follow-page/report-first-quarter", Fixture, NULL, fixture_set_up,
              test_report_first_quarter, fixture_tear_down);

  g_test_add ("/follow-page/spread", Fixture, NULL, fixture_set_up,
              test_spread, fixture_tear_down);
  g_test_add_func ("/follow-page/grid-builds-only-what-is-shown", test_grid_builds_only_what_is_shown);

  return g_test_run ();
}
