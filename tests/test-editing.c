/* test-editing.c — writing a plan in the window, as a user would: the activity editor with
 * typed values (bad ones refused with a reason), delete and undo, search and sort, several
 * plans, and the check's findings leading to the field. Every change is looked for in the
 * database through a new connection, as the next start of the program would read it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-activities-page.h"
#include "poa-activity-editor.h"
#include "poa-activity.h"
#include "poa-application.h"
#include "poa-cell-text.h"
#include "poa-check.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-findings-button.h"
#include "poa-plan-chooser.h"
#include "poa-plan-editor.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-session.h"
#include "poa-store.h"
#include "poa-validate-private.h"
#include "poa-window.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  char           *db;
  PoaApplication *app;
  PoaWindow      *window;
  PoaActivitiesPage *page;
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

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      /* GTK's list of toplevels keeps the window alive. */
      g_object_unref (window);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Clicks a button the way the keyboard would: through the widget, so an insensitive button
 * (an action disabled) does nothing. A button shows itself pressed for a moment (250 ms)
 * before it emits "clicked". */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  if (gtk_widget_is_sensitive (button))
    gtk_widget_activate (button);

  test_ui_wait_ms (400);
}

/* Types @text into an entry and presses Enter. */
static void
type_into (GtkWidget  *entry,
           const char *text)
{
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What Enter does: GtkEntry says "activate", AdwEntryRow "entry-activated". */
  g_signal_emit_by_name (entry, GTK_IS_ENTRY (entry) ? "activate" : "entry-activated");
  test_ui_iterate ();
}

/* @stored is @before field for field, but for the change record gained since: an undo is
 * recorded as a change, not erased. */
static gboolean
equal_but_record (PoaPlan *stored,
                  PoaPlan *before)
{
  g_autoptr(PoaPlan) expected = poa_plan_copy (before);
  GPtrArray *was = poa_plan_get_history (before);
  GPtrArray *now = poa_plan_get_history (stored);

  if (now->len <= was->len)
    return FALSE;
  for (guint i = was->len; i < now->len; i++)
    poa_plan_add_history_entry (expected, poa_history_entry_copy (g_ptr_array_index (now, i)));
  return poa_plan_equal (stored, expected);
}

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

static guint
n_activities (PoaPlan *plan)
{
  return g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *window = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->app = test_ui_open_window (fixture->dir, &window);
  fixture->window = POA_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 800);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  fixture->page = POA_ACTIVITIES_PAGE (find_widget (GTK_WIDGET (window), POA_TYPE_ACTIVITIES_PAGE));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;

  /* The editors and dialogs are not the application's windows: close them first. */
  while ((window = find_toplevel (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  test_ui_close_windows (fixture->app);
  g_clear_object (&fixture->app);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static PoaActivityEditor *
open_new_activity_editor (Fixture *fixture)
{
  PoaActivityEditor *editor;

  click (find_action_button (GTK_WIDGET (fixture->page), "activities.add"));
  editor = POA_ACTIVITY_EDITOR (find_toplevel (POA_TYPE_ACTIVITY_EDITOR));
  g_assert_nonnull (editor);
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  return editor;
}

/* The editor of an activity of the plan, as a double click on its row opens it. */
static PoaActivityEditor *
open_activity_editor (Fixture     *fixture,
                      PoaActivity *activity)
{
  PoaActivityEditor *editor = poa_activity_editor_new (GTK_WINDOW (fixture->window),
                                                       poa_session_get_document (poa_window_get_session (fixture->window)),
                                                       activity, 0);

  gtk_window_present (GTK_WINDOW (editor));
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  return editor;
}

static void
assert_refused (PoaActivityEditor *editor,
                const char        *field,
                const char        *text)
{
  GtkWidget *entry = poa_activity_editor_get_entry (editor, field);

  type_into (entry, text);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (poa_activity_editor_get_message (editor, field));
  g_test_message ("%s “%s”: %s", field, text, poa_activity_editor_get_message (editor, field));
}

static void
test_add_activity_through_the_editor (Fixture       *fixture,
                                      gconstpointer  data)
{
  PoaActivityEditor *editor = open_new_activity_editor (fixture);
  GtkWidget *add = find_action_button (GTK_WIDGET (editor), "editor.add");
  g_autoptr(PoaPlan) stored = NULL;
  PoaActivity *added;

  /* Nothing can be added before it has a name. */
  g_assert_false (gtk_widget_is_sensitive (add));
  type_into (poa_activity_editor_get_entry (editor, "name"), "Taller de remesas productivas");
  type_into (poa_activity_editor_get_entry (editor, "strategic-axis"), "Mas desarrollo y competitividad");
  type_into (poa_activity_editor_get_entry (editor, "responsible"), "Migrantes y Ex braceros");
  type_into (poa_activity_editor_get_entry (editor, "unit"), "Talleres");

  /* Every bad value is refused with a reason, and Add is off while one is shown. */
  assert_refused (editor, "annual-goal", "-4");
  g_assert_cmpstr (poa_activity_editor_get_message (editor, "annual-goal"), ==,
                   "Una meta no puede ser negativa: escriba 0 o más");
  g_assert_false (gtk_widget_is_sensitive (add));
  assert_refused (editor, "annual-goal", "2.5");
  assert_refused (editor, "annual-goal", "doce");
  assert_refused (editor, "annual-goal", "");
  assert_refused (editor, "annual-goal", "2000000000");
  type_into (poa_activity_editor_get_entry (editor, "annual-goal"), "12");
  g_assert_false (gtk_widget_has_css_class (poa_activity_editor_get_entry (editor, "annual-goal"), "error"));
  type_into (poa_activity_editor_get_entry (editor, "programmed"), "10");
  type_into (poa_activity_editor_get_entry (editor, "achieved"), "0");

  assert_refused (editor, "start", "31/02/2026");
  assert_refused (editor, "start", "1/3/26");
  assert_refused (editor, "start", "2026-03-01");
  type_into (poa_activity_editor_get_entry (editor, "start"), "01/03/2026");
  assert_refused (editor, "end", "15/02/2026");
  g_assert_cmpstr (poa_activity_editor_get_message (editor, "end"), ==,
                   "El fin (15/02/2026) es anterior al inicio (01/03/2026)");
  g_assert_false (gtk_widget_is_sensitive (add));

  /* A date outside the plan year is accepted, but flagged. */
  type_into (poa_activity_editor_get_entry (editor, "end"), "15/01/2027");
  g_assert_true (gtk_widget_has_css_class (poa_activity_editor_get_entry (editor, "end"), "warning"));
  g_assert_cmpstr (poa_activity_editor_get_message (editor, "end"), ==, "15/01/2027 está fuera del año del plan 2026");
  type_into (poa_activity_editor_get_entry (editor, "end"), "30/11/2026");
  g_assert_null (poa_activity_editor_get_message (editor, "end"));

  /* Nothing reached the database while the editor was being filled in. */
  stored = load_fresh (fixture);
  g_assert_cmpuint (n_activities (stored), ==, 16);
  g_clear_object (&stored);

  g_assert_true (gtk_widget_is_sensitive (add));
  click (add);
  g_assert_null (find_toplevel (POA_TYPE_ACTIVITY_EDITOR));

  /* Added at the end (nothing was selected), numbered 17, with the months of its dates. */
  stored = load_fresh (fixture);
  g_assert_cmpuint (n_activities (stored), ==, 17);
  added = activity_at (stored, 16);
  g_assert_cmpuint (poa_activity_get_number (added), ==, 17);
  g_assert_cmpstr (poa_activity_get_name (added), ==, "Taller de remesas productivas");
  g_assert_cmpstr (poa_activity_get_text (added, POA_ACTIVITY_UNIT), ==, "Talleres");
  g_assert_cmpuint (poa_activity_get_goal (added, POA_ACTIVITY_ANNUAL_GOAL), ==, 12);
  g_assert_cmpuint (poa_activity_get_goal (added, POA_ACTIVITY_PROGRAMMED), ==, 10);
  g_assert_cmphex (poa_activity_get_months (added), ==, 0x7fc);
  g_assert_true (poa_window_get_selected_activity (fixture->window) ==
                 activity_at (poa_window_get_plan (fixture->window), 16));
  g_clear_object (&stored);

  /* One undo takes the whole activity away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  stored = load_fresh (fixture);
  g_assert_cmpuint (n_activities (stored), ==, 16);
  g_assert_cmpuint (n_activities (poa_window_get_plan (fixture->window)), ==, 16);
}

/* What the findings button shows, as "icon-name count …" over its visible parts: its wide face
 * (both kinds), or with @narrow the one it shows when the header bar has no room. */
static char *
findings_button_face (PoaFindingsButton *findings,
                      gboolean           narrow)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (findings), GTK_TYPE_MENU_BUTTON));
  GtkWidget *squeezer = gtk_menu_button_get_child (button);
  GtkWidget *shown = narrow ? gtk_widget_get_last_child (squeezer) : gtk_widget_get_first_child (squeezer);
  GString *face = g_string_new (NULL);

  g_assert_true (ADW_IS_SQUEEZER (squeezer));
  for (GtkWidget *child = gtk_widget_get_first_child (shown);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_IMAGE (child))
        g_string_append_printf (face, "%s%s", face->len ? " " : "", gtk_image_get_icon_name (GTK_IMAGE (child)));
      else if (GTK_IS_LABEL (child))
        g_string_append_printf (face, " %s", gtk_label_get_label (GTK_LABEL (child)));
    }
  return g_string_free (face, FALSE);
}

static void
test_findings_button_shows_errors_and_warnings_apart (Fixture       *fixture,
                                                      gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaDocument *document = poa_session_get_document (poa_window_get_session (fixture->window));
  PoaFindingsButton *findings = POA_FINDINGS_BUTTON (find_widget (GTK_WIDGET (fixture->window), POA_TYPE_FINDINGS_BUTTON));
  GListModel *list;
  g_autoptr(GError) error = NULL;
  g_autofree char *face = NULL;
  g_autofree char *expected = NULL;
  guint errors = 0, warnings = 0;

  /* The default plan: activity 7 ends before it starts (an error), and warnings besides. */
  poa_findings_button_update (findings);
  list = poa_findings_button_get_findings (findings);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (list, i);

      if (poa_finding_get_severity (finding) == POA_SEVERITY_ERROR)
        errors++;
      else
        warnings++;
    }
  g_assert_cmpuint (errors, ==, 1);
  g_assert_cmpuint (warnings, >, 1);
  face = findings_button_face (findings, FALSE);
  expected = g_strdup_printf ("dialog-error-symbolic 1 dialog-warning-symbolic %u", warnings);
  g_assert_cmpstr (face, ==, expected);
  /* Narrow, the worst kind alone: the error, not the sum of both. */
  g_clear_pointer (&face, g_free);
  face = findings_button_face (findings, TRUE);
  g_assert_cmpstr (face, ==, "dialog-error-symbolic 1");

  /* Without activity 7 only warnings are left: no red sign, and the count is theirs. */
  g_assert_true (poa_document_remove (document, activity_at (plan, 6), &error));
  g_assert_no_error (error);
  poa_findings_button_update (findings);
  g_clear_pointer (&face, g_free);
  g_clear_pointer (&expected, g_free);
  face = findings_button_face (findings, FALSE);
  g_assert_null (strstr (face, "dialog-error-symbolic"));
  g_assert_true (g_str_has_prefix (face, "dialog-warning-symbolic "));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("dialog-warning-symbolic %u",
                              poa_check_count (poa_findings_button_get_findings (findings), POA_SEVERITY_WARNING));
  g_clear_pointer (&face, g_free);
  face = findings_button_face (findings, TRUE);
  g_assert_cmpstr (face, ==, expected);
  g_assert_cmpuint (poa_check_count (poa_findings_button_get_findings (findings), POA_SEVERITY_ERROR), ==, 0);
}

static void respond (const char *response);

static guint
count_without_unit (PoaPlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < n_activities (plan); i++)
    n += poa_activity_get_text (activity_at (plan, i), POA_ACTIVITY_UNIT)[0] == '\0';
  return n;
}

/* “Unidad de medida está vacío” for most activities: one dialog sets a unit for all of them,
 * and one undo takes it back. */
static void
test_unit_for_every_activity_without_one (Fixture       *fixture,
                                          gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaFindingsButton *findings = POA_FINDINGS_BUTTON (find_widget (GTK_WIDGET (fixture->window), POA_TYPE_FINDINGS_BUTTON));
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (findings), GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  guint without = count_without_unit (plan);
  g_autofree char *expected = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button = NULL;
  const char *had_one = NULL;
  guint with_one = 0;

  g_assert_cmpuint (without, >, 1);
  for (guint i = 0; i < n_activities (plan) && had_one == NULL; i++)
    if (poa_activity_get_text (activity_at (plan, i), POA_ACTIVITY_UNIT)[0] != '\0')
      {
        had_one = poa_activity_get_text (activity_at (plan, i), POA_ACTIVITY_UNIT);
        with_one = i;
      }

  poa_findings_button_update (findings);
  gtk_menu_button_popup (menu_button);
  test_ui_iterate ();
  expected = g_strdup_printf ("Poner _unidad de medida a las %u actividades sin ella…", without);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && gtk_widget_get_visible (w))
      button = w;
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==, expected);
  test_ui_wait_for_frames (popover, 3);
  test_ui_render_to_png (popover, "ui-findings-popover.png");

  g_signal_emit_by_name (button, "clicked");
  test_ui_wait_for_frames (GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), 3);
  test_ui_render_to_png (GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "ui-unit-dialog.png");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "  Talleres ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  respond ("set");

  /* Every activity that had none has “Talleres”, saved; the others kept theirs. */
  g_assert_cmpuint (count_without_unit (plan), ==, 0);
  stored = load_fresh (fixture);
  g_assert_cmpuint (count_without_unit (stored), ==, 0);
  for (guint i = 0, n = 0; i < n_activities (stored); i++)
    {
      if (i == with_one && had_one != NULL)
        g_assert_cmpstr (poa_activity_get_text (activity_at (stored, i), POA_ACTIVITY_UNIT), !=, "Talleres");
      n += g_str_equal (poa_activity_get_text (activity_at (stored, i), POA_ACTIVITY_UNIT), "Talleres");
      if (i + 1 == n_activities (stored))
        g_assert_cmpuint (n, >=, without);
    }
  g_clear_object (&stored);
  poa_findings_button_update (findings);
  g_assert_false (gtk_widget_get_visible (button));

  /* One undo takes it back from all of them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  g_assert_cmpuint (count_without_unit (plan), ==, without);
  stored = load_fresh (fixture);
  g_assert_cmpuint (count_without_unit (stored), ==, without);
}

/* Writes a name in the new activity's editor opened by @action and adds it. */
static void
add_named_activity (Fixture    *fixture,
                    const char *action,
                    const char *name)
{
  PoaActivityEditor *editor;

  click (find_action_button (GTK_WIDGET (fixture->page), action));
  editor = POA_ACTIVITY_EDITOR (find_toplevel (POA_TYPE_ACTIVITY_EDITOR));
  g_assert_nonnull (editor);
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  type_into (poa_activity_editor_get_entry (editor, "name"), name);
  click (find_action_button (GTK_WIDGET (editor), "editor.add"));
  g_assert_null (find_toplevel (POA_TYPE_ACTIVITY_EDITOR));
}

static void
test_add_appends_insert_after_inserts (Fixture       *fixture,
                                       gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *second = activity_at (plan, 1);
  PoaActivity *third = activity_at (plan, 2);
  g_autoptr(PoaPlan) stored = NULL;

  /* Add, with activity 2 selected: the new one is Nº 17, and 2 and 3 keep their numbers. */
  poa_window_set_selected_activity (fixture->window, second);
  test_ui_iterate ();
  add_named_activity (fixture, "activities.add", "Al final");
  stored = load_fresh (fixture);
  g_assert_cmpuint (n_activities (stored), ==, 17);
  g_assert_cmpstr (poa_activity_get_name (activity_at (stored, 16)), ==, "Al final");
  g_assert_cmpuint (poa_activity_get_number (activity_at (stored, 16)), ==, 17);
  g_assert_cmpstr (poa_activity_get_name (activity_at (stored, 2)), ==, poa_activity_get_name (third));
  g_assert_cmpuint (poa_activity_get_number (third), ==, 3);
  g_clear_object (&stored);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();

  /* Insert After is the explicit way to put it below the selected one: Nº 3, the old 3 is 4. */
  poa_window_set_selected_activity (fixture->window, second);
  test_ui_iterate ();
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page), "activities.insert-after")));
  add_named_activity (fixture, "activities.insert-after", "Después de la 2");
  stored = load_fresh (fixture);
  g_assert_cmpuint (n_activities (stored), ==, 17);
  g_assert_cmpstr (poa_activity_get_name (activity_at (stored, 2)), ==, "Después de la 2");
  g_assert_cmpuint (poa_activity_get_number (activity_at (stored, 2)), ==, 3);
  g_assert_cmpuint (poa_activity_get_number (third), ==, 4);
  g_clear_object (&stored);

  /* With nothing selected there is no “after”. */
  poa_window_set_selected_activity (fixture->window, NULL);
  test_ui_iterate ();
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (fixture->page), "activities.insert-after")));
}

/* The activity editor shown, found among the toplevels as the user would see it: none or
 * exactly one. */
static PoaActivityEditor *
shown_activity_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  PoaActivityEditor *editor = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (POA_IS_ACTIVITY_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      {
        g_assert_null (editor);
        editor = l->data;
      }
  return editor;
}

static void
test_fix_activity_7_dates (Fixture       *fixture,
                           gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *seventh = activity_at (plan, 6);
  PoaFindingsButton *findings = POA_FINDINGS_BUTTON (find_widget (GTK_WIDGET (fixture->window), POA_TYPE_FINDINGS_BUTTON));
  GListModel *list = poa_findings_button_get_findings (findings);
  PoaActivityEditor *editor = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  g_autofree char *end = NULL;
  guint errors = poa_check_count (list, POA_SEVERITY_ERROR);
  GtkWidget *entry, *focus;

  g_assert_cmpuint (errors, ==, 1);

  /* The popover's rows are made when it is first opened, one per finding, errors first. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (findings), GTK_TYPE_MENU_BUTTON));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    GtkWidget *box = find_widget (popover, GTK_TYPE_LIST_BOX);
    guint rows = 0;

    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), 0));
    gtk_menu_button_popup (button);
    test_ui_iterate ();
    while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), (int)rows) != NULL)
      rows++;
    g_assert_cmpuint (rows, ==, g_list_model_get_n_items (list));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), 0))),
                     ==, "termina el 31/12/2025, antes de empezar el 01/01/2026");
    gtk_menu_button_popdown (button);
    test_ui_iterate ();
  }

  /* The one error of the 2026 plan takes the user to activity 7's end date. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (list, i);

      if (poa_finding_get_severity (finding) == POA_SEVERITY_ERROR)
        {
          /* The button asks the window (win.edit-activity), which opens the editor. */
          g_assert_null (shown_activity_editor ());
          poa_findings_button_go_to (findings, i);
          editor = shown_activity_editor ();
        }
    }
  g_assert_nonnull (editor);
  g_assert_true (poa_activity_editor_get_activity (editor) == seventh);
  g_assert_true (poa_window_get_selected_activity (fixture->window) == seventh);
  entry = poa_activity_editor_get_entry (editor, "end");
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  test_ui_render_to_png (GTK_WIDGET (editor), "ui-activity-editor.png");

  /* A bad fix is refused and never stored. */
  type_into (entry, "31/02/2026");
  stored = load_fresh (fixture);
  end = poa_date_format_dmy (poa_activity_get_end (activity_at (stored, 6)));
  g_assert_cmpstr (end, ==, "31/12/2025");
  g_clear_object (&stored);
  g_clear_pointer (&end, g_free);

  type_into (entry, "31/12/2026");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  stored = load_fresh (fixture);
  end = poa_date_format_dmy (poa_activity_get_end (activity_at (stored, 6)));
  g_assert_cmpstr (end, ==, "31/12/2026");
  g_assert_cmphex (poa_activity_get_months (activity_at (stored, 6)), ==, POA_MONTHS_ALL);
  g_clear_object (&stored);

  /* The findings follow, once the edits settle. */
  poa_findings_button_update (findings);
  g_assert_cmpuint (poa_check_count (list, POA_SEVERITY_ERROR), ==, 0);

  /* Ctrl+Z in the editor undoes, and the field shows the old date again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  test_ui_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "31/12/2025");
  stored = load_fresh (fixture);
  g_assert_true (poa_plan_equal (stored, plan));
}

/* Both dates moved past the saved end, typed one after the other, and the editor closed with
 * Escape: both are kept, in one edit, with the months of the new pair. The start alone would be
 * after the saved end: it was checked against the end as typed. */
static void
test_both_dates_moved_are_kept_on_escape (Fixture       *fixture,
                                          gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *second = activity_at (plan, 1);   /* 01/01/2026 – 30/09/2026 */
  PoaActivityEditor *editor;
  g_autoptr(PoaPlan) stored = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GtkWidget *start_entry, *end_entry;

  editor = open_activity_editor (fixture, second);
  start_entry = poa_activity_editor_get_entry (editor, "start");
  end_entry = poa_activity_editor_get_entry (editor, "end");

  /* Typed, not yet committed: refused against the end as it stands. */
  gtk_widget_grab_focus (start_entry);
  gtk_editable_set_text (GTK_EDITABLE (start_entry), "01/10/2026");
  test_ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (start_entry, "error"));

  /* Moving the focus commits what can be committed: nothing yet. Then the new end is typed:
   * the start is now acceptable. */
  gtk_widget_grab_focus (end_entry);
  gtk_editable_set_text (GTK_EDITABLE (end_entry), "30/11/2026");
  test_ui_iterate ();
  g_assert_false (gtk_widget_has_css_class (start_entry, "error"));
  g_assert_false (gtk_widget_has_css_class (end_entry, "error"));

  /* Escape closes the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  test_ui_iterate ();

  stored = load_fresh (fixture);
  start = poa_date_format_dmy (poa_activity_get_start (activity_at (stored, 1)));
  end = poa_date_format_dmy (poa_activity_get_end (activity_at (stored, 1)));
  g_assert_cmpstr (start, ==, "01/10/2026");
  g_assert_cmpstr (end, ==, "30/11/2026");
  g_assert_cmphex (poa_activity_get_months (activity_at (stored, 1)), ==, 0x600);

  /* One undo brings both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  g_clear_pointer (&start, g_free);
  start = poa_date_format_dmy (poa_activity_get_start (second));
  g_assert_cmpstr (start, ==, "01/01/2026");
  g_clear_object (&stored);
  stored = load_fresh (fixture);
  g_assert_true (poa_plan_equal (stored, plan));
}

/* An editor open on an activity that an edit in the window takes out of the plan closes; a
 * move, which takes it out and puts it back, leaves it open. */
/* The month buttons of an editor, January first. */
static void
collect_month_buttons (GtkWidget *widget,
                       GPtrArray *buttons)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "month-toggle"))
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_month_buttons (child, buttons);
}

static guint
months_shown (PoaActivityEditor *editor)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint months = 0;

  collect_month_buttons (GTK_WIDGET (editor), buttons);
  g_assert_cmpuint (buttons->len, ==, 12);
  for (guint m = 0; m < 12; m++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (buttons, m)))
      months |= 1u << m;

  return months;
}

/* A new activity's month buttons follow its dates as typed, as an existing one's do; months
 * chosen by hand then stay. */
static void
test_new_activity_months_follow_dates (Fixture       *fixture,
                                       gconstpointer  data)
{
  PoaActivityEditor *editor = open_new_activity_editor (fixture);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_assert_cmphex (months_shown (editor), ==, 0);
  type_into (poa_activity_editor_get_entry (editor, "start"), "01/03/2026");
  type_into (poa_activity_editor_get_entry (editor, "end"), "30/05/2026");
  g_assert_cmphex (months_shown (editor), ==, 0x1c);       /* March to May */
  type_into (poa_activity_editor_get_entry (editor, "end"), "31/07/2026");
  g_assert_cmphex (months_shown (editor), ==, 0x7c);       /* March to July */

  /* January chosen by hand: new dates no longer move the months. */
  collect_month_buttons (GTK_WIDGET (editor), buttons);
  gtk_toggle_button_set_active (g_ptr_array_index (buttons, 0), TRUE);
  test_ui_iterate ();
  g_assert_cmphex (months_shown (editor), ==, 0x7d);
  type_into (poa_activity_editor_get_entry (editor, "end"), "31/08/2026");
  g_assert_cmphex (months_shown (editor), ==, 0x7d);
}

static AdwMessageDialog *
close_question (void)
{
  return (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the dialog's button for @response, as the user would. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  GtkWidget *button = find_button_labelled (GTK_WIDGET (dialog),
                                            adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_test_message ("answering “%s”", gtk_button_get_label (GTK_BUTTON (button)));
  g_signal_emit_by_name (button, "clicked");
  test_ui_iterate ();
}

/* Closing an editor with a field in error asks, naming the fields: "go back" keeps the editor
 * open with the text typed; "discard" closes it and keeps the saved values. What is valid is
 * kept either way. */
static void
test_close_with_a_field_in_error_asks (Fixture       *fixture,
                                       gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *second = activity_at (plan, 1);
  guint goal = poa_activity_get_goal (second, POA_ACTIVITY_ANNUAL_GOAL);
  g_autofree char *start = poa_date_format_dmy (poa_activity_get_start (second));
  g_autoptr(PoaPlan) stored = NULL;
  g_autofree char *stored_start = NULL;
  PoaActivityEditor *editor = open_activity_editor (fixture, second);
  GtkWidget *goal_entry = poa_activity_editor_get_entry (editor, "annual-goal");
  GtkWidget *start_entry = poa_activity_editor_get_entry (editor, "start");
  AdwMessageDialog *dialog;
  GtkWidget *plan_editor;
  GtkWidget *year_entry;

  type_into (poa_activity_editor_get_entry (editor, "unit"), "Talleres nuevos");
  type_into (goal_entry, "2o");
  g_assert_true (gtk_widget_has_css_class (goal_entry, "error"));

  /* Escape: the editor stays, and a question names the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  test_ui_iterate ();
  dialog = close_question ();
  g_assert_nonnull (dialog);
  g_assert_true (shown_activity_editor () == editor);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "«Meta anual»"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "«Meta anual»"));

  /* Go back: the editor is still open, with what was typed. */
  answer (dialog, "back");
  g_assert_null (close_question ());
  g_assert_true (shown_activity_editor () == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goal_entry)), ==, "2o");

  /* Two fields in error: both named. */
  type_into (start_entry, "31/02/2026");
  g_assert_true (gtk_widget_has_css_class (start_entry, "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  test_ui_iterate ();
  dialog = close_question ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "«Meta anual»"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "«Inicio»"));

  /* Discard: the editor closes; the saved values stay, and the valid change is kept. */
  answer (dialog, "discard");
  g_assert_null (close_question ());
  g_assert_null (shown_activity_editor ());
  stored = load_fresh (fixture);
  g_assert_cmpuint (poa_activity_get_goal (activity_at (stored, 1), POA_ACTIVITY_ANNUAL_GOAL), ==, goal);
  stored_start = poa_date_format_dmy (poa_activity_get_start (activity_at (stored, 1)));
  g_assert_cmpstr (stored_start, ==, start);
  g_assert_cmpstr (poa_activity_get_text (activity_at (stored, 1), POA_ACTIVITY_UNIT), ==, "Talleres nuevos");

  /* The general data's editor asks too. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-general-data", "(is)", -1, "year");
  test_ui_iterate ();
  plan_editor = GTK_WIDGET (find_toplevel (POA_TYPE_PLAN_EDITOR));
  g_assert_nonnull (plan_editor);
  test_ui_wait_for_frames (plan_editor, 2);
  year_entry = poa_plan_editor_get_entry (POA_PLAN_EDITOR (plan_editor), NULL, "year");
  type_into (year_entry, "20x6");
  g_assert_true (gtk_widget_activate_action (plan_editor, "window.close", NULL));
  test_ui_iterate ();
  dialog = close_question ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "«Año»"));
  answer (dialog, "discard");
  g_assert_null (find_toplevel (POA_TYPE_PLAN_EDITOR));
  g_assert_cmpuint (poa_plan_get_year (poa_window_get_plan (fixture->window)), ==, 2026);
}

/* The label whose tooltip is @tooltip. */
static GtkWidget *
find_label_with_tooltip (GtkWidget  *widget,
                         const char *tooltip)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Specific objectives of five paragraphs take two lines over the table, not two a paragraph;
 * the whole text is the label's tooltip. */
static void
test_objectives_take_two_lines (Fixture       *fixture,
                                gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  const char *text = "1. Uno\n2. Dos\n\n3. Tres\r\n4. Cuatro\n5. Cinco";
  GtkWidget *label, *one_line;
  int line, height;

  g_object_set (plan, "specific-objectives", text, NULL);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  label = find_label_with_tooltip (GTK_WIDGET (fixture->page), text);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   "1. Uno · 2. Dos · 3. Tres · 4. Cuatro · 5. Cinco");

  one_line = gtk_label_new ("1. Uno");
  gtk_widget_measure (one_line, GTK_ORIENTATION_VERTICAL, -1, NULL, &line, NULL, NULL);
  g_object_ref_sink (one_line);
  g_object_unref (one_line);
  height = gtk_widget_get_height (label);
  g_test_message ("objectives %d px high, a line %d", height, line);
  g_assert_cmpint (height, <=, 2 * line);
}

/* The cell whose text starts with @prefix. */
static PoaCellText *
find_cell (GtkWidget  *widget,
           const char *prefix)
{
  if (POA_IS_CELL_TEXT (widget) && g_str_has_prefix (poa_cell_text_get_text (POA_CELL_TEXT (widget)), prefix))
    return POA_CELL_TEXT (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      PoaCellText *found = find_cell (child, prefix);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* "tránsito" lies past the four lines of activity 1's action line: while a search shows the
 * rows that match, their cells show the whole text; the search cleared, four lines again. */
static void
test_search_shows_the_whole_match (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (find_widget (page, GTK_TYPE_SEARCH_ENTRY));
  PoaCellText *cell = find_cell (page, "Fortalecer el vínculo");
  int cut_height;

  g_assert_nonnull (cell);
  g_assert_true (poa_cell_text_is_cut (cell));
  cut_height = gtk_widget_get_height (GTK_WIDGET (cell));

  gtk_editable_set_text (GTK_EDITABLE (search), "transito");
  g_signal_emit_by_name (search, "search-changed");
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  cell = find_cell (page, "Fortalecer el vínculo");
  g_assert_nonnull (cell);
  g_test_message ("cut %d px, whole %d px", cut_height, gtk_widget_get_height (GTK_WIDGET (cell)));
  g_assert_false (poa_cell_text_is_cut (cell));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (cell)), >, cut_height);

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  cell = find_cell (page, "Fortalecer el vínculo");
  g_assert_nonnull (cell);
  g_assert_true (poa_cell_text_is_cut (cell));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (cell)), ==, cut_height);
}

static void
test_editor_goes_with_its_activity (Fixture       *fixture,
                                    gconstpointer  data)
{
  PoaDocument *document = poa_session_get_document (poa_window_get_session (fixture->window));
  PoaActivity *third = activity_at (poa_window_get_plan (fixture->window), 2);
  g_autoptr(GError) error = NULL;
  PoaActivityEditor *editor;
  GtkWidget *watched;

  editor = open_activity_editor (fixture, third);
  watched = GTK_WIDGET (editor);
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *)&watched);

  g_assert_true (poa_document_move (document, third, 5, &error));
  test_ui_iterate ();
  g_assert_nonnull (watched);

  g_assert_true (poa_document_remove (document, third, &error));
  test_ui_iterate ();
  g_assert_null (watched);
  g_assert_null (find_toplevel (POA_TYPE_ACTIVITY_EDITOR));

  /* Undone in the main window, the removal brings the activity back; redone, it takes it out
   * again, and an editor opened on it meanwhile goes with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  editor = open_activity_editor (fixture, third);
  watched = GTK_WIDGET (editor);
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *)&watched);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  test_ui_iterate ();
  g_assert_null (watched);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A value typed in the activity editor is read once, as it is typed, and committed once: Enter
 * hands on the value read then, and when the model says it changed the field is not read
 * again. (Before, the text was read again at the commit, again to compare it with the model,
 * and every field of the form once more after the commit.) */
static void
test_typed_value_is_validated_once (Fixture       *fixture,
                                    gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *first = activity_at (plan, 0);
  PoaDocument *document = poa_session_get_document (poa_window_get_session (fixture->window));
  PoaActivityEditor *editor = open_activity_editor (fixture, first);
  GtkWidget *entry = poa_activity_editor_get_entry (editor, "achieved");
  guint achieved = poa_activity_get_goal (first, POA_ACTIVITY_ACHIEVED) * 10 + 3;
  g_autofree char *text = g_strdup_printf ("%u", achieved);
  g_autoptr(PoaPlan) stored = NULL;
  guint changed = 0, before, after;
  int end = -1;

  gtk_widget_grab_focus (entry);
  test_ui_iterate ();
  g_signal_connect_swapped (document, "changed", G_CALLBACK (count_cb), &changed);
  _poa_validate_get_runs (&before);

  /* One keystroke: a 3 after what is there. */
  gtk_editable_insert_text (GTK_EDITABLE (entry), "3", -1, &end);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_signal_emit_by_name (entry, "activate");
  test_ui_iterate ();

  _poa_validate_get_runs (&after);
  g_assert_cmpuint (after - before, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_ACHIEVED), ==, achieved);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  stored = load_fresh (fixture);
  g_assert_cmpuint (poa_activity_get_goal (activity_at (stored, 0), POA_ACTIVITY_ACHIEVED), ==, achieved);

  /* Leaving the field and closing the editor commit nothing more, and read nothing again. */
  gtk_widget_grab_focus (poa_activity_editor_get_entry (editor, "programmed"));
  test_ui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  test_ui_iterate ();
  _poa_validate_get_runs (&after);
  g_assert_cmpuint (after - before, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* The undo is one step, and shows in no editor: the form is gone with it. */
  g_assert_cmpstr (poa_document_get_undo_label (document), ==, "Cambiar actividad 1");
  g_signal_handlers_disconnect_by_data (document, &changed);
}

static void
test_delete_move_search_sort (Fixture       *fixture,
                              gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *third = activity_at (plan, 2);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GListModel *shown = poa_activities_page_get_shown (fixture->page);
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (find_widget (page, GTK_TYPE_SEARCH_ENTRY));
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  g_autoptr(PoaPlan) before = poa_plan_copy (plan);
  g_autoptr(PoaActivity) first_shown = NULL;

  /* Delete, then the toast's Deshacer (win.undo). */
  poa_window_set_selected_activity (fixture->window, third);
  click (find_action_button (page, "activities.delete"));
  stored = load_fresh (fixture);
  g_assert_cmpuint (n_activities (stored), ==, 15);
  g_assert_cmpstr (poa_activity_get_name (activity_at (stored, 2)), ==, "Apostillado");
  g_assert_cmpuint (poa_activity_get_number (activity_at (stored, 2)), ==, 3);
  g_clear_object (&stored);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  stored = load_fresh (fixture);
  g_assert_true (equal_but_record (stored, before));
  g_clear_object (&stored);

  /* Move activity 3 up: it becomes Nº 2. */
  poa_window_set_selected_activity (fixture->window, third);
  click (find_action_button (page, "activities.move-up"));
  stored = load_fresh (fixture);
  g_assert_cmpstr (poa_activity_get_name (activity_at (stored, 1)), ==, "Doble nacionalidad");
  g_assert_cmpuint (poa_activity_get_number (activity_at (stored, 1)), ==, 2);
  g_assert_true (poa_window_get_selected_activity (fixture->window) == third);
  g_clear_object (&stored);

  /* Duplicate it: the copy goes just below, Nº 3. */
  click (find_action_button (page, "activities.duplicate"));
  g_assert_cmpuint (n_activities (plan), ==, 17);
  g_assert_cmpstr (poa_activity_get_name (activity_at (plan, 2)), ==, "Doble nacionalidad");
  g_assert_true (activity_at (plan, 2) != third);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  test_ui_iterate ();
  stored = load_fresh (fixture);
  g_assert_true (equal_but_record (stored, before));
  g_clear_object (&stored);

  /* Search as you type, without accents or case: "sezami" and "migracion". */
  gtk_editable_set_text (GTK_EDITABLE (search), "sezami");
  g_signal_emit_by_name (search, "search-changed");
  test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  first_shown = g_list_model_get_item (shown, 1);
  g_assert_cmpuint (poa_activity_get_number (first_shown), ==, 7);
  g_clear_object (&first_shown);
  gtk_editable_set_text (GTK_EDITABLE (search), "MIGRACION");
  g_signal_emit_by_name (search, "search-changed");
  test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 16);

  /* Sorted by name, Z first: moving is off until the document's order comes back. */
  columns = gtk_column_view_get_columns (view);
  g_object_ref (columns);
  name_column = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  test_ui_iterate ();
  first_shown = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (poa_activity_get_name (first_shown), ==, "Seguros Americanos");
  poa_window_set_selected_activity (fixture->window, activity_at (plan, 5));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (page, "activities.move-up")));
  g_assert_true (gtk_widget_get_visible (find_action_button (page, "activities.unsort")));
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  test_ui_render_to_png (GTK_WIDGET (fixture->window), "ui-activities-sorted.png");
  click (find_action_button (page, "activities.unsort"));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (page, "activities.move-up")));
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  /* What clicking the response's button does after emitting it. */
  gtk_window_close (GTK_WINDOW (dialog));
  test_ui_iterate ();
}

/* Whether the window shows @text in a label on screen now. */
static gboolean
window_shows (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  test_ui_collect_labels (GTK_WIDGET (fixture->window), texts);
  if (strstr (texts->str, text) == NULL)
    g_test_message ("“%s” is not on screen; the window shows:\n%s", text, texts->str);
  return strstr (texts->str, text) != NULL;
}

/* The plan's área and year are on screen on every page, wide or narrow: after Copy to 2027
 * the window says 2027, not only in its title, which GNOME's header bars do not show. */
static void
test_year_in_sight_after_copy (Fixture       *fixture,
                               gconstpointer  data)
{
  PoaPlanChooser *chooser = POA_PLAN_CHOOSER (find_widget (GTK_WIDGET (fixture->window), POA_TYPE_PLAN_CHOOSER));
  static const char *pages[] = { "activities", "indicators", "budget", "cronograma" };

  g_assert_true (window_shows (fixture, "POA 2026 — Migrantes y Ex braceros"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "plans.copy", NULL));
  respond ("copy");
  g_assert_cmpuint (poa_plan_get_year (poa_window_get_plan (fixture->window)), ==, 2027);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      poa_window_show_page (fixture->window, pages[i]);
      test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
      g_assert_true (window_shows (fixture, "POA 2027 — Migrantes y Ex braceros\n"));
      g_assert_false (window_shows (fixture, "2026 —"));
    }

  /* Wide, the plan button names the plan; at 900 pixels and at 400 it still says the year. */
  g_assert_cmpstr (poa_plan_chooser_get_title (chooser), ==, "POA 2027 — Migrantes y Ex braceros");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 5);
  g_assert_true (g_str_has_suffix (poa_plan_chooser_get_title (chooser), "2027"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 800);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 5);
  g_assert_cmpstr (poa_plan_chooser_get_title (chooser), ==, "2027");
  /* … and the header bar's title gives the área. */
  g_assert_true (window_shows (fixture, "\nMigrantes y Ex braceros\n"));

  /* Wide again, the button says it whole again. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 5);
  g_assert_cmpstr (poa_plan_chooser_get_title (chooser), ==, "POA 2027 — Migrantes y Ex braceros");
}

/* What the findings button asks for, asked directly: win.edit-activity opens the activity's
 * editor on the field, and makes it the window's selection; win.edit-general-data opens the
 * general data on a signature's field, or the plan's. */
static void
test_edit_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  PoaActivityEditor *editor;
  GtkWindow *plan_editor;
  GtkWidget *entry, *focus;

  g_assert_null (shown_activity_editor ());
  g_assert_true (gtk_widget_activate_action (widget, "win.edit-activity", "(us)", 2, "end"));
  test_ui_iterate ();
  editor = shown_activity_editor ();
  g_assert_nonnull (editor);
  g_assert_true (poa_activity_editor_get_activity (editor) == activity_at (plan, 2));
  g_assert_true (poa_window_get_selected_activity (fixture->window) == activity_at (plan, 2));
  entry = poa_activity_editor_get_entry (editor, "end");
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gtk_window_close (GTK_WINDOW (editor));
  test_ui_iterate ();

  /* A position past the end opens nothing. */
  gtk_widget_activate_action (widget, "win.edit-activity", "(us)", 100000, "");
  test_ui_iterate ();
  g_assert_null (shown_activity_editor ());

  g_assert_null (find_toplevel (POA_TYPE_PLAN_EDITOR));
  gtk_widget_activate_action (widget, "win.edit-general-data", "(is)", 1, "signatures");
  test_ui_iterate ();
  plan_editor = find_toplevel (POA_TYPE_PLAN_EDITOR);
  g_assert_nonnull (plan_editor);
  entry = poa_plan_editor_get_entry (POA_PLAN_EDITOR (plan_editor), G_OBJECT (poa_plan_get_signature (plan, 1)), "name");
  g_assert_nonnull (entry);
  test_ui_wait_for_frames (GTK_WIDGET (plan_editor), 2);
  focus = gtk_window_get_focus (plan_editor);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gtk_window_close (plan_editor);
  test_ui_iterate ();

  gtk_widget_activate_action (widget, "win.edit-general-data", "(is)", -1, "administration");
  test_ui_iterate ();
  plan_editor = find_toplevel (POA_TYPE_PLAN_EDITOR);
  g_assert_nonnull (plan_editor);
  entry = poa_plan_editor_get_entry (POA_PLAN_EDITOR (plan_editor), NULL, "administration");
  test_ui_wait_for_frames (GTK_WIDGET (plan_editor), 2);
  focus = gtk_window_get_focus (plan_editor);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gtk_window_close (plan_editor);
  test_ui_iterate ();
}

static void
test_several_plans (Fixture       *fixture,
                    gconstpointer  data)
{
  PoaPlanChooser *chooser = POA_PLAN_CHOOSER (find_widget (GTK_WIDGET (fixture->window), POA_TYPE_PLAN_CHOOSER));
  gint64 first = poa_plan_get_id (poa_window_get_plan (fixture->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  PoaPlan *plan;
  gint64 copy_id;

  /* Copy into 2027: the window shows the copy, and the program would reopen on it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "plans.copy", NULL));
  respond ("copy");
  plan = poa_window_get_plan (fixture->window);
  copy_id = poa_plan_get_id (plan);
  g_assert_cmpint (copy_id, !=, first);
  g_assert_cmpuint (poa_plan_get_year (plan), ==, 2027);
  g_assert_cmpuint (poa_activity_get_goal (activity_at (plan, 0), POA_ACTIVITY_ACHIEVED), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "POA 2027 — Migrantes y Ex braceros");
  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_store_resolve_plan (store, 0, &error), ==, copy_id);

  /* Edits go to the plan shown. */
  g_assert_nonnull (poa_session_get_document (poa_window_get_session (fixture->window)));
  type_into (poa_plan_editor_get_entry (POA_PLAN_EDITOR (poa_activities_page_edit_general_data (fixture->page, NULL, NULL)),
                                        NULL, "administration"), "2027 - 2030");
  gtk_window_close (find_toplevel (POA_TYPE_PLAN_EDITOR));
  test_ui_iterate ();
  g_clear_object (&store);
  store = poa_store_open (fixture->db, &error);
  {
    g_autoptr(PoaPlan) copy = poa_store_load_plan (store, copy_id, &error);
    g_autoptr(PoaPlan) original = poa_store_load_plan (store, first, &error);
    g_assert_cmpstr (poa_plan_get_text (copy, POA_PLAN_ADMINISTRATION), ==, "2027 - 2030");
    g_assert_cmpstr (poa_plan_get_text (original, POA_PLAN_ADMINISTRATION), ==, "2024 - 2027");
  }

  /* A new empty plan, for another área. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "plans.new", NULL));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    GtkWidget *area = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
    GtkWidget *year = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);

    g_assert_nonnull (area);
    g_assert_nonnull (year);
    gtk_editable_set_text (GTK_EDITABLE (area), "Desarrollo Social");
    gtk_editable_set_text (GTK_EDITABLE (year), "1999");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
    gtk_editable_set_text (GTK_EDITABLE (year), "2027");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  }
  respond ("create");
  plan = poa_window_get_plan (fixture->window);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, "Desarrollo Social");
  g_assert_cmpuint (n_activities (plan), ==, 0);
  plans = poa_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 3);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* Delete it after the confirmation that names it; the window goes back to the copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "plans.delete", NULL));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))), ==,
                   "¿Eliminar el plan «Desarrollo Social 2027»?");
  respond ("delete");
  plans = poa_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (poa_plan_get_id (poa_window_get_plan (fixture->window)), ==, copy_id);

  /* Back to 2026 through the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "plans.open", "x", first));
  test_ui_iterate ();
  g_assert_cmpuint (poa_plan_get_year (poa_window_get_plan (fixture->window)), ==, 2026);
  g_assert_cmpint (poa_store_resolve_plan (store, 0, &error), ==, first);
}

/* The text rule in the editor, as typed and as pasted: Word's line break (U+000B) typed into
 * an entry, and pasted into a paragraph, mark the field and its row says why; a text longer
 * than a workbook cell does too. Leaving the fields commits none of it: the file is as it was. */
static void
test_forbidden_text_is_marked (Fixture       *fixture,
                               gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *first = activity_at (plan, 0);
  g_autofree char *name = g_strdup (poa_activity_get_name (first));
  g_autofree char *specific = g_strdup (poa_activity_get_text (first, POA_ACTIVITY_SPECIFIC_ACTIVITY));
  g_autofree char *too_long = g_strnfill (32768, 'x');
  PoaActivityEditor *editor = open_activity_editor (fixture, first);
  GtkWidget *view = poa_activity_editor_get_entry (editor, "specific-activity");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(PoaPlan) stored = NULL;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  /* Typed. */
  assert_refused (editor, "name", "Uno\vDos");
  g_assert_nonnull (strstr (poa_activity_editor_get_message (editor, "name"), "U+000B"));

  /* Pasted, as Word's clipboard brings it. */
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (buffer, "", -1);
  gdk_clipboard_set_text (clipboard, "Primera línea\vsegunda");
  g_signal_emit_by_name (view, "paste-clipboard");
  for (guint i = 0; i < 50 && gtk_text_buffer_get_char_count (buffer) == 0; i++)
    {
      g_usleep (10000);
      test_ui_iterate ();
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Primera línea\vsegunda");
  g_assert_true (gtk_widget_has_css_class (view, "error"));
  g_assert_nonnull (strstr (poa_activity_editor_get_message (editor, "specific-activity"), "U+000B"));

  /* Too long for a cell. */
  gtk_text_buffer_set_text (buffer, too_long, -1);
  test_ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (view, "error"));
  g_assert_nonnull (strstr (poa_activity_editor_get_message (editor, "specific-activity"), "32768"));

  /* Leaving the fields commits nothing refused. */
  gtk_widget_grab_focus (poa_activity_editor_get_entry (editor, "programmed"));
  test_ui_iterate ();
  g_assert_cmpstr (poa_activity_get_name (first), ==, name);
  g_assert_cmpstr (poa_activity_get_text (first, POA_ACTIVITY_SPECIFIC_ACTIVITY), ==, specific);
  stored = load_fresh (fixture);
  g_assert_cmpstr (poa_activity_get_name (activity_at (stored, 0)), ==, name);
  g_assert_cmpstr (poa_activity_get_text (activity_at (stored, 0), POA_ACTIVITY_SPECIFIC_ACTIVITY), ==, specific);

  /* A tab and a line break are text: accepted. */
  gtk_text_buffer_set_text (buffer, "Primera línea\n\tsegunda", -1);
  test_ui_iterate ();
  g_assert_false (gtk_widget_has_css_class (view, "error"));
  g_assert_null (poa_activity_editor_get_message (editor, "specific-activity"));
}

/* The review button's tooltip, which says the status even where only its icon fits. */
static const char *
review_status_shown (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_MENU_BUTTON (widget) && tooltip != NULL && g_str_has_prefix (tooltip, "Estado de la revisión: "))
    return tooltip + strlen ("Estado de la revisión: ");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = review_status_shown (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An approved plan's meta changes only with a justification: the window asks for it; cancel
 * leaves the value as it was, and an answer records the change with it, in the file. */
static void
test_approved_plan_asks_justification (Fixture       *fixture,
                                       gconstpointer  data)
{
  PoaPlan *plan = poa_window_get_plan (fixture->window);
  PoaActivity *first = activity_at (plan, 0);
  guint programmed = poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED);
  g_autofree char *before = g_strdup_printf ("%u", programmed);
  g_autofree char *after = g_strdup_printf ("%u", programmed + 4);
  g_autoptr(PoaPlan) stored = NULL;
  PoaActivityEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GPtrArray *history;
  const PoaHistoryEntry *last;
  guint recorded;

  g_setenv ("POA_USER", "Ana Pérez", TRUE);
  g_assert_cmpstr (review_status_shown (GTK_WIDGET (fixture->window)), ==, "Borrador");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-submit", NULL));
  test_ui_iterate ();
  g_assert_cmpstr (review_status_shown (GTK_WIDGET (fixture->window)), ==, "Enviado");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-approve", NULL));
  test_ui_iterate ();
  g_assert_cmpstr (review_status_shown (GTK_WIDGET (fixture->window)), ==, "Aprobado");
  recorded = poa_plan_get_history (plan)->len;

  editor = open_activity_editor (fixture, first);
  entry = poa_activity_editor_get_entry (editor, "programmed");

  /* Cancelled: nothing changes, and the field shows the value again. */
  type_into (entry, after);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "modify"));
  answer (dialog, "cancel");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED), ==, programmed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
  stored = load_fresh (fixture);
  g_assert_cmpuint (poa_plan_get_history (stored)->len, ==, recorded);
  g_clear_object (&stored);

  /* Justified: the change is in, recorded with its reason. */
  type_into (entry, after);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Reconducción de meta");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "modify"));
  answer (dialog, "modify");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED), ==, programmed + 4);

  stored = load_fresh (fixture);
  history = poa_plan_get_history (stored);
  g_assert_cmpuint (history->len, ==, recorded + 1);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->where, ==, "activity 1");
  g_assert_cmpstr (last->field, ==, "programmed");
  g_assert_cmpstr (last->before, ==, before);
  g_assert_cmpstr (last->after, ==, after);
  g_assert_cmpstr (last->justification, ==, "Reconducción de meta");
  g_assert_cmpstr (last->by, ==, "Ana Pérez");
  g_unsetenv ("POA_USER");
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/editing/add-activity-through-the-editor-then-undo", test_add_activity_through_the_editor);
  ADD ("/ui/editing/add-appends-insert-after-inserts", test_add_appends_insert_after_inserts);
  ADD ("/ui/editing/unit-for-every-activity-without-one", test_unit_for_every_activity_without_one);
  ADD ("/ui/editing/findings-button-shows-errors-and-warnings-apart", test_findings_button_shows_errors_and_warnings_apart);
  ADD ("/ui/editing/findings-lead-to-activity-7-end-date", test_fix_activity_7_dates);
  ADD ("/ui/editing/both-dates-moved-are-kept-on-escape", test_both_dates_moved_are_kept_on_escape);
  ADD ("/ui/editing/editor-goes-with-its-activity", test_editor_goes_with_its_activity);
  ADD ("/ui/editing/new-activity-months-follow-typed-dates", test_new_activity_months_follow_dates);
  ADD ("/ui/editing/close-with-a-field-in-error-asks", test_close_with_a_field_in_error_asks);
  ADD ("/ui/editing/objectives-take-two-lines", test_objectives_take_two_lines);
  ADD ("/ui/editing/search-shows-the-whole-match", test_search_shows_the_whole_match);
  ADD ("/ui/editing/typed-value-is-validated-once", test_typed_value_is_validated_once);
  ADD ("/ui/editing/forbidden-text-is-marked", test_forbidden_text_is_marked);
  ADD ("/ui/editing/delete-move-duplicate-search-sort", test_delete_move_search_sort);
  ADD ("/ui/editing/edit-actions-open-the-editors", test_edit_actions);
  ADD ("/ui/plans/copy-create-delete-switch", test_several_plans);
  ADD ("/ui/plans/year-in-sight-after-copy", test_year_in_sight_after_copy);
  ADD ("/ui/review/approved-plan-asks-justification", test_approved_plan_asks_justification);
#undef ADD

  return g_test_run ();
}
