/* test-accessibility.c — what a screen reader hears: every control of the main window, of each
 * of its pages and of both editors has a name, and every window a title.
 *
 * GTK 4.8 has no public getter for an accessible's properties, but it says whether one is set
 * (gtk_test_accessible_has_property/_relation). A control is named by its accessible label, by
 * a label it is labelled by, or by the text it shows (a button's label, a row's title), which
 * is what GTK's AT-SPI bridge reads when neither is set. An icon alone, or a tooltip (only a
 * description), names nothing: a screen reader then says "GtkImage" or "menu button".
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "poa-activities-page.h"
#include "poa-activity-editor.h"
#include "poa-application.h"
#include "poa-plan-editor.h"
#include "poa-plan.h"
#include "poa-window.h"
#include "test-ui-util.h"
#include "test-util.h"

/* Whether @widget shows a text of its own: a label in it, however deep. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      return text != NULL && text[0] != '\0' && gtk_widget_get_visible (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child) && shows_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* The button inside a menu button, and the text inside an entry, are its parts: the menu
   * button or the entry is what is named. */
  if (parent != NULL && GTK_IS_MENU_BUTTON (parent))
    return FALSE;
  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (parent, GTK_TYPE_EDITABLE) != NULL)
    return FALSE;

  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget);
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      return title != NULL && title[0] != '\0';
    }

  /* A button, a check button or a menu button says the text it shows. */
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    return shows_text (widget);

  return FALSE;
}

static void
describe (GtkWidget *widget,
          GString   *where)
{
  g_string_append (where, G_OBJECT_TYPE_NAME (widget));
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *name = gtk_widget_get_name (up);

      g_string_append_printf (where, " < %s", G_OBJECT_TYPE_NAME (up));
      if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (up)))
        g_string_append_printf (where, "#%s", name);
      if (GTK_IS_WINDOW (up))
        break;
    }
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (where, " (tooltip “%s”, a description only)", gtk_widget_get_tooltip_text (widget));
}

/* Adds to @unnamed every control under @widget without a name. */
static void
walk (GtkWidget *widget,
      GPtrArray *unnamed,
      guint     *n_controls)
{
  /* What is hidden is not heard (a row's switch it does not show, a button not needed yet). */
  if (!gtk_widget_get_visible (widget))
    return;

  if (is_control (widget))
    {
      (*n_controls)++;
      if (!has_name (widget))
        {
          GString *where = g_string_new (NULL);

          describe (widget, where);
          g_ptr_array_add (unnamed, g_string_free (where, FALSE));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    walk (child, unnamed, n_controls);
}

static void
assert_every_control_named (GtkWidget  *window,
                            const char *what)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  const char *title = gtk_window_get_title (GTK_WINDOW (window));
  guint n_controls = 0;

  g_assert_nonnull (title);
  g_assert_cmpstr (title, !=, "");
  walk (window, unnamed, &n_controls);
  g_test_message ("%s, “%s”: %u controls, %u without a name", what, title, n_controls, unnamed->len);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("  no name: %s", (char *)g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (n_controls, >, 3);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_every_control_has_a_name (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  GtkWindow *window = NULL;
  g_autoptr(PoaApplication) app = test_ui_open_window (dir, &window);
  static const char *pages[] = { "activities", "cronograma", "indicators", "budget", "follow" };
  PoaPlan *plan;
  GtkWindow *editor;

  gtk_window_set_default_size (window, 1280, 800);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);
  plan = poa_window_get_plan (POA_WINDOW (window));
  g_assert_nonnull (plan);

  /* The whole window holds every page; each is shown in turn, so that what a page makes when
   * shown is there too. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      test_ui_wait_for_frames (GTK_WIDGET (window), 2);
      assert_every_control_named (GTK_WIDGET (window), pages[i]);
    }

  /* The activity editor, on an activity of the plan and on a new one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-activity", "(us)", 2, "");
  editor = find_toplevel (POA_TYPE_ACTIVITY_EDITOR);
  g_assert_nonnull (editor);
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Actividad 3");
  assert_every_control_named (GTK_WIDGET (editor), "activity editor");
  gtk_window_destroy (editor);

  gtk_widget_activate_action (test_ui_find_widget (GTK_WIDGET (window), POA_TYPE_ACTIVITIES_PAGE),
                              "activities.add", NULL);
  editor = find_toplevel (POA_TYPE_ACTIVITY_EDITOR);
  g_assert_nonnull (editor);
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Nueva actividad");
  assert_every_control_named (GTK_WIDGET (editor), "new activity editor");
  gtk_window_destroy (editor);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-general-data", "(is)", -1, "");
  editor = find_toplevel (POA_TYPE_PLAN_EDITOR);
  g_assert_nonnull (editor);
  test_ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Datos generales");
  assert_every_control_named (GTK_WIDGET (editor), "general data editor");
  gtk_window_destroy (editor);

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The other window tests run with no accessibility at all (GTK_A11Y=none): here GTK keeps
   * what each widget tells a screen reader, in its test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/accessibility/every-control-has-a-name", test_every_control_has_a_name);

  return g_test_run ();
}
