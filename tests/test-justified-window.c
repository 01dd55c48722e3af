/* test-justified-window.c — the window asks why before a change that needs a justification:
 * a closed quarter's month and an approved plan's April typed in Seguimiento with real key
 * events (XTest on the test's X server), an approved plan's activity deleted; the review
 * popover's quarter toggles; the answer found in the change record through a new connection.
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

#include "poa-activities-page.h"
#include "poa-activity-editor.h"
#include "poa-activity.h"
#include "poa-application.h"
#include "poa-calendar.h"
#include "poa-change-record.h"
#include "poa-document.h"
#include "poa-follow-page.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-store.h"
#include "poa-window.h"
#include "test-sqlite.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  char           *db;
  PoaApplication *app;
  PoaWindow      *window;
} Fixture;

/* The review popover's toggle for quarter @quarter: its label begins "T@quarter ". */
static GtkWidget *
find_quarter_toggle (GtkWidget *widget,
                     guint      quarter)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      g_autofree char *prefix = g_strdup_printf ("T%u ", quarter);
      const char *label = adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))));

      if (g_str_has_prefix (label, prefix))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_quarter_toggle (child, quarter);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover is its child too, but one only the popover knows of. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    return find_quarter_toggle (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), quarter);

  return NULL;
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

static PoaDocument *
document (Fixture *fixture)
{
  return poa_session_get_document (poa_window_get_session (fixture->window));
}

static void
approve (Fixture *fixture)
{
  PoaDocument *doc = document (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (poa_review_apply (poa_document_get_store (doc), poa_document_get_plan (doc),
                                   POA_REVIEW_SUBMIT, NULL, "Área", &error));
  g_assert_true (poa_review_apply (poa_document_get_store (doc), poa_document_get_plan (doc),
                                   POA_REVIEW_APPROVE, NULL, "Paulo", &error));
  g_assert_no_error (error);
}

/* The justification typed in the dialog's entry, which has the keyboard, and its answer given.
 * (XTest's keys reach the window's cells but not the dialog's entry under Xvfb without a window
 * manager: the text is set rather than typed.) */
static void
answer (AdwMessageDialog *dialog,
        const char       *justification)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  /* Empty, the answer is refused. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "modify"));
  gtk_editable_set_text (GTK_EDITABLE (entry), justification);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "modify"));
  /* Enter in the entry. */
  g_signal_emit_by_name (entry, "activate");
  test_ui_wait_ms (200);
  if (test_ui_find_message_dialog () != NULL)
    g_error ("still asked: %s — %s", adw_message_dialog_get_heading (test_ui_find_message_dialog ()),
             adw_message_dialog_get_body (test_ui_find_message_dialog ()));
}

/* Types @figure in activity @row's @month and Enter: returns the dialog that asks why. */
static AdwMessageDialog *
type_figure (Fixture       *fixture,
             PoaFollowPage *page,
             guint          row,
             guint          month,
             const char    *figure)
{
  GtkWidget *entry = poa_follow_page_get_cell_entry (page, row, month);

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  test_ui_iterate ();
  test_ui_type_text (figure);
  test_ui_press_key (XK_Return, NoSymbol);
  test_ui_wait_ms (200);
  return test_ui_find_message_dialog ();
}

static gint64
month_achieved (Fixture *fixture,
                guint    number,
                guint    month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT m.achieved FROM activity_month m"
                                          " JOIN activity a ON a.id = m.activity_id"
                                          " WHERE a.number = %u AND m.month = %u), 0)", number, month);

  return test_sql_int (fixture->db, sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *window = NULL;

  g_setenv ("POA_TODAY", "2026-04-15", TRUE);
  g_setenv ("POA_USER", "Paulo", TRUE);
  fixture->dir = test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->app = test_ui_open_window (fixture->dir, &window);
  fixture->window = POA_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 900);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  while (poa_window_get_plan (fixture->window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  test_ui_focus_window (window, 600);
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
  g_unsetenv ("POA_USER");
}

/* The first quarter closed from the review popover's toggle: January asks why, the answer
 * typed goes in with the figure; April, open, goes in at once. */
static void
test_closed_quarter_asks (Fixture       *fixture,
                          gconstpointer  data)
{
  PoaFollowPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *toggle;
  gint64 april_before = month_achieved (fixture, 2, 4);

  /* The toggles say their state in words, and to a screen reader. */
  toggle = find_quarter_toggle (GTK_WIDGET (fixture->window), 1);
  g_assert_nonnull (toggle);
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (toggle)))),
                   ==, "T1 abierto");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  test_ui_iterate ();
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT closed_quarters FROM plan"), ==, 1);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM change_record WHERE field = 'closed_quarters' AND after = '1'"), ==, 1);
  toggle = find_quarter_toggle (GTK_WIDGET (fixture->window), 1);
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (toggle)))),
                   ==, "T1 cerrado");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* The main menu's check item, for a narrow window: the second quarter, then back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "quarters.closed-2", NULL));
  test_ui_iterate ();
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT closed_quarters FROM plan"), ==, 3);
  toggle = find_quarter_toggle (GTK_WIDGET (fixture->window), 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "quarters.closed-2", NULL));
  test_ui_iterate ();
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT closed_quarters FROM plan"), ==, 1);

  page = show_follow_page (fixture);

  /* April of activity 2: open, saved at once, no question. */
  g_assert_null (type_figure (fixture, page, 1, 4, "3"));
  g_assert_cmpint (month_achieved (fixture, 2, 4), ==, april_before + 3);

  /* January of activity 1: asked; nothing saved until answered. */
  dialog = type_figure (fixture, page, 0, 1, "2");
  g_assert_nonnull (dialog);
  g_assert_cmpint (month_achieved (fixture, 1, 1), ==, 0);
  answer (dialog, "cifra corregida");
  test_ui_wait_ms (200);
  g_assert_null (test_ui_find_message_dialog ());
  g_assert_cmpint (month_achieved (fixture, 1, 1), ==, 2);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM change_record WHERE place = 'activity 1'"
                                              " AND field = 'calendar' AND justification = 'cifra corregida'"
                                              " AND by = 'Paulo'"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (poa_follow_page_get_cell_entry (page, 0, 1))), ==, "2");
}

/* An approved plan: a month typed asks, closing the question cancels and the cell shows the
 * saved figure; an
 * activity deleted asks, and goes with the answer. */
static void
test_approved_plan_asks (Fixture       *fixture,
                         gconstpointer  data)
{
  PoaFollowPage *page;
  AdwMessageDialog *dialog;
  gint64 n_activities;
  GtkWidget *activities;

  approve (fixture);
  page = show_follow_page (fixture);

  dialog = type_figure (fixture, page, 2, 4, "7");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_has_focus (adw_message_dialog_get_extra_child (dialog)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), adw_message_dialog_get_extra_child (dialog)));
  /* Escape closes it, which answers its close response, Cancel. */
  gtk_window_close (GTK_WINDOW (dialog));
  test_ui_wait_ms (200);
  g_assert_null (test_ui_find_message_dialog ());
  g_assert_cmpint (month_achieved (fixture, 3, 4), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (poa_follow_page_get_cell_entry (page, 2, 4))), ==, "");

  /* Actividades: the selected activity deleted (its action, as the Delete key runs it). */
  test_ui_focus_window (GTK_WINDOW (fixture->window), 600);
  test_ui_press_key (XK_1, XK_Alt_L);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  activities = test_ui_find_widget (GTK_WIDGET (fixture->window), POA_TYPE_ACTIVITIES_PAGE);
  n_activities = test_sql_int (fixture->db, "SELECT count(*) FROM activity");
  {
    g_autoptr(PoaActivity) first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (poa_window_get_plan (fixture->window))), 0);

    poa_activities_page_set_selected_activity (POA_ACTIVITIES_PAGE (activities), first);
  }
  g_assert_true (gtk_widget_activate_action (activities, "activities.delete", NULL));
  test_ui_wait_ms (200);
  dialog = test_ui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM activity"), ==, n_activities);
  answer (dialog, "duplicada");
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM activity"), ==, n_activities - 1);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM change_record WHERE field = 'activities'"
                                              " AND justification = 'duplicada'"), ==, 1);
}

/* An AdwActionRow titled @title under @widget, popovers included. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    return find_row (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), title);

  return NULL;
}

/* Observations shown where they apply: the plan's in the review popover, an activity's in its
 * editor and not the plan's; a return's note among the plan's. */
static void
test_observations_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  PoaDocument *doc = document (fixture);
  PoaPlan *plan = poa_document_get_plan (doc);
  g_autoptr(PoaActivity) second = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 1);
  g_autoptr(GError) error = NULL;
  PoaActivityEditor *editor;
  GtkWidget *row;

  g_assert_nonnull (find_row (GTK_WIDGET (fixture->window), "Sin observaciones"));
  g_assert_true (poa_review_observe (poa_document_get_store (doc), plan, "activity 2", "Meta alta", NULL, &error));
  g_assert_true (poa_review_apply (poa_document_get_store (doc), plan, POA_REVIEW_SUBMIT, NULL, NULL, &error));
  g_assert_true (poa_review_apply (poa_document_get_store (doc), plan, POA_REVIEW_RETURN, "Faltan firmas", NULL, &error));
  g_assert_no_error (error);
  test_ui_iterate ();

  row = find_row (GTK_WIDGET (fixture->window), "Faltan firmas");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Paulo"));
  g_assert_null (find_row (GTK_WIDGET (fixture->window), "Meta alta"));
  g_assert_null (find_row (GTK_WIDGET (fixture->window), "Sin observaciones"));

  /* The popover, looked at. */
  {
    GtkWidget *button = NULL;
    GtkWidget *toggle = find_quarter_toggle (GTK_WIDGET (fixture->window), 1);
    GtkPopover *popover;

    for (button = toggle; button != NULL && !GTK_IS_POPOVER (button); button = gtk_widget_get_parent (button))
      ;
    popover = GTK_POPOVER (button);
    g_assert_nonnull (popover);
    gtk_popover_popup (popover);
    test_ui_wait_for_frames (GTK_WIDGET (popover), 5);
    test_ui_render_to_png (GTK_WIDGET (popover), "ui-review-popover.png");
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (popover)), <=, 400);
    gtk_popover_popdown (popover);
  }

  editor = poa_activity_editor_new (GTK_WINDOW (fixture->window), doc, second, 1);
  gtk_window_present (GTK_WINDOW (editor));
  test_ui_wait_for_frames (GTK_WIDGET (editor), 3);
  g_assert_nonnull (find_row (GTK_WIDGET (editor), "Meta alta"));
  g_assert_null (find_row (GTK_WIDGET (editor), "Faltan firmas"));

  /* One more, added while the editor is open: shown at once. */
  g_assert_true (poa_review_observe (poa_document_get_store (doc), plan, "activity 2", "Revisar fechas", NULL, &error));
  test_ui_iterate ();
  g_assert_nonnull (find_row (GTK_WIDGET (editor), "Revisar fechas"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  test_ui_keys_init ();

  g_test_add ("/justified/closed-quarter-asks", Fixture, NULL, fixture_set_up,
              test_closed_quarter_asks, fixture_tear_down);
  g_test_add ("/justified/approved-plan-asks", Fixture, NULL, fixture_set_up,
              test_approved_plan_asks, fixture_tear_down);
  g_test_add ("/justified/observations-shown", Fixture, NULL, fixture_set_up,
              test_observations_shown, fixture_tear_down);

  return g_test_run ();
}
