/* test-ui-chrome.c — what surrounds the pages: the primary menu, the About and keyboard
 * shortcuts windows, the remembered window size and importing a plan, in Spanish, under a
 * display (Xvfb). g_test_init() makes every GTK warning or critical fatal.
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
#include "poa-document.h"
#include "poa-plan-json.h"
#include "poa-xlsx-export.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-settings.h"
#include "poa-store.h"
#include "poa-ui-util.h"
#include "poa-window.h"
#include "test-plans.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  PoaApplication *app;
  GtkWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->app = test_ui_open_window (fixture->dir, &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_ui_close_windows (fixture->app);
  g_clear_object (&fixture->app);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The visible window of @type: a dialog the test made the program open. */
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
collect_menu_actions (GMenuModel *model,
                      GString    *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;

      if (section != NULL)
        collect_menu_actions (section, actions);
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (actions, "%s=%s\n", action, label);
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The main menu's button: the header bar holds other menu buttons (the plan chooser). */
static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_menu_has_import_shortcuts_and_about (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (fixture->window));
  g_autoptr(GString) actions = g_string_new (NULL);

  g_assert_nonnull (button);
  collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);

  /* Every item the features put in the menu, in Spanish: a lost section shows here. */
  {
    static const char *expected[] = {
      "win.import=_Importar plan…\n",
      "win.backup-database=_Respaldar base de datos…\n",
      "win.restore-backup=Res_taurar respaldo…\n",
      "win.export-xlsx=_Exportar a Excel…\n",
      "win.export-pdf=Exportar a _PDF…\n",
      "win.export-json=E_xportar plan (JSON)…\n",
      "win.export-png=Exportar cronograma como _imagen…\n",
      "win.print=_Imprimir…\n",
      "win.review-submit=_Enviar a revisión\n",
      "win.review-return=Devolver con _observaciones…\n",
      "win.review-approve=_Aprobar\n",
      "win.history=_Historial de cambios\n",
      "win.user-name=Su _nombre…\n",
      "win.review-observe=Agregar _observación…\n",
      "win.show-help-overlay=_Atajos de teclado\n",
      "app.about=_Acerca de POA\n",
    };
    g_auto(GStrv) lines = g_strsplit (actions->str, "\n", -1);

    /* Each entry once, and nothing else: a copied section shows here as a second line. */
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      if (strstr (actions->str, expected[i]) == NULL)
        g_error ("the main menu lacks %s; it has:\n%s", expected[i], actions->str);
    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
    for (guint i = 0; lines[i] != NULL; i++)
      for (guint j = i + 1; lines[j] != NULL; j++)
        if (lines[i][0] != '\0')
          g_assert_cmpstr (lines[i], !=, lines[j]);
    /* GNOME apps leave Quit out of the main menu; Ctrl+Q still quits. */
    g_assert_null (strstr (actions->str, "app.quit"));
  }
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");

    g_assert_cmpstr (accels[0], ==, "<Control>q");
  }

  /* The actions behind the items exist, so that none of them is greyed out. */
  /* Built when first asked for, not with every window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "about"));
}

static void
test_about_shows_version_licence_and_municipality (Fixture       *fixture,
                                                   gconstpointer  data)
{
  AdwAboutWindow *about;
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkIconTheme *theme;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  about = (AdwAboutWindow *)find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  test_ui_wait_for_frames (GTK_WIDGET (about), 3);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "POA");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "Municipio de Sombrerete, Zacatecas");
  g_assert_cmpstr (adw_about_window_get_comments (about), ==,
                   "Elabore y dé seguimiento al Plan Operativo Anual de cada área");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == fixture->window);
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "poa.sqlite3"));

  /* The icon comes from the resources when nothing is installed; a missing one would show
   * as a broken image. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about)));
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID "-symbolic"));
  icon = gtk_icon_theme_lookup_icon (theme, APPLICATION_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, APPLICATION_ID);

  test_ui_render_to_png (GTK_WIDGET (about), "ui-about.png");
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_shortcuts_list_every_shortcut_in_spanish (Fixture       *fixture,
                                               gconstpointer  data)
{
  /* Those the program has, and those the export, print, editing and cronograma features add. */
  static const char *expected[] = {
    "<Control>question", "F10", "<Control>q", "<Control>o", "<Control>e", "<Control>p",
    "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5", "<Control>n", "<Shift><Control>n",
    "<Control>d", "<Alt>Up <Alt>Down",
    "Delete", "<Control>f",
    "<Control>z", "<Shift><Control>z", "<Control>plus", "<Control>minus",
  };
  g_auto(GStrv) help_accels = NULL;
  g_autoptr(GString) listed = g_string_new ("\n");
  GtkShortcutsWindow *shortcuts;
  guint n_shortcuts = 0;
  GtkWidget *section;
  GtkWidget *widget;

  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                       "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char *const *)help_accels, "<Control>question"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  test_ui_wait_for_frames (GTK_WIDGET (shortcuts), 3);

  /* Walks every shortcut of the section, shown or on a later page; the search page beside it
   * holds copies. */
  section = find_descendant (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION);
  g_assert_nonnull (section);
  for (widget = section; widget != NULL; )
    {
      GtkWidget *next;

      if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
        {
          g_autofree char *title = NULL;
          g_autofree char *accelerator = NULL;

          g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
          test_ui_assert_translated (title);
          g_string_append_printf (listed, "%s\n", accelerator);
          n_shortcuts++;
        }

      /* Depth first, without recursion: first child, else next sibling up the tree. */
      next = gtk_widget_get_first_child (widget);
      while (next == NULL && widget != section)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  g_assert_cmpuint (n_shortcuts, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", expected[i]);

      if (strstr (listed->str, line) == NULL)
        g_error ("the shortcuts window does not list %s; it lists:%s", expected[i], listed->str);
    }

  test_ui_render_to_png (GTK_WIDGET (shortcuts), "ui-shortcuts.png");
  gtk_window_close (GTK_WINDOW (shortcuts));
}

static void
test_window_remembers_its_size (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = poa_settings_new ();
  PoaWindow *second;
  int width, height;

  /* The tests find the schema compiled in the build tree (GSETTINGS_SCHEMA_DIR). */
  g_assert_nonnull (settings);

  /* Above the window's minimum size, which would win over a smaller one. */
  gtk_window_set_default_size (fixture->window, 1100, 800);
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  /* The size is kept as it changes (g_settings_bind); Ctrl+Q closes the window. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  fixture->window = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = poa_window_new (GTK_APPLICATION (fixture->app), poa_application_get_session (fixture->app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 800);
  gtk_window_destroy (GTK_WINDOW (second));
}

/* The widest descendants of @widget at their minimum width, for the message of a failure. */
static void
collect_too_wide (GtkWidget *widget,
                  int        limit,
                  GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > limit)
        {
          g_string_append_printf (out, "\n  %s (%s) %d", G_OBJECT_TYPE_NAME (child),
                                  gtk_widget_get_name (child), minimum);
          collect_too_wide (child, limit, out);
        }
    }
}

/* The window fits a 360-pixel-wide screen (the metainfo's display_length) on every page: the
 * header bar, the tools and the pages narrow down rather than widen the window. */
static void
test_window_fits_360_pixels_on_every_page (Fixture       *fixture,
                                           gconstpointer  data)
{
  static const char *const pages[] = { "activities", "cronograma", "indicators", "budget", "follow" };

  /* GNOME's own button layout (org.gnome.desktop.wm.preferences): a close button alone, where
   * Xvfb's default would also show minimize and maximize. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (fixture->window, 360, 700);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GString) too_wide = g_string_new (NULL);
      int minimum;

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", pages[i]);
      test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 3);
      /* The window's frame, without the shadow a client-side decorated window draws around it. */
      gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (fixture->window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      collect_too_wide (GTK_WIDGET (fixture->window), 360, too_wide);
      if (minimum > 360)
        g_error ("on page %s the window is at least %d pixels wide:%s", pages[i], minimum, too_wide->str);
    }
}

/* The review's, the observations' and the change record's moments, in the office's time. */
static void
test_timestamps_read_in_local_time (void)
{
  g_autofree char *winter = NULL;
  g_autofree char *by_hand = NULL;

  /* Mexico City keeps UTC−6 all year since 2022. */
  g_setenv ("TZ", "America/Mexico_City", TRUE);
  winter = _poa_format_timestamp ("2026-12-05T08:00:53Z");
  g_assert_cmpstr (winter, ==, "05/12/2026 02:00");
  by_hand = _poa_format_timestamp ("ayer por la tarde");
  g_assert_cmpstr (by_hand, ==, "ayer por la tarde");
  g_unsetenv ("TZ");
}

/* Run from the build tree with no schema anywhere, the window still opens. */
static void
test_window_opens_without_settings_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_tmpdir ();
      g_autoptr(PoaApplication) app = NULL;
      GtkWindow *window;

      g_assert_null (poa_settings_new ());
      app = test_ui_open_window (dir, &window);
      g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2026 — Migrantes y Ex braceros");
      gtk_window_close (window);
      test_ui_close_windows (app);
      test_remove_tree (dir);
      return;
    }

  {
    g_autofree char *schema_dir = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
    g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

    /* GTK's own schemas stay (Debian's /usr/share); POA's is neither in the build tree nor in
     * /usr/local/share, where a developer may have installed it. */
    g_unsetenv ("GSETTINGS_SCHEMA_DIR");
    g_setenv ("XDG_DATA_DIRS", "/usr/share", TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
    if (data_dirs != NULL)
      g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
    else
      g_unsetenv ("XDG_DATA_DIRS");

    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr_unmatched ("*WARNING*");
    g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  }
}

static void
test_import_shows_the_new_plan (Fixture       *fixture,
                                gconstpointer  data)
{
  PoaWindow *window = POA_WINDOW (fixture->window);
  PoaStore *store = poa_session_get_store (poa_application_get_session (fixture->app));
  g_autofree char *path = g_build_filename (fixture->dir, "cultura.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  PoaPlan *plan = poa_window_get_plan (window);
  gint64 first_id = poa_plan_get_id (plan);

  poa_plan_set_text (plan, POA_PLAN_AREA, "Cultura");
  g_assert_true (poa_plan_json_save (plan, path, &error));
  g_assert_no_error (error);

  g_assert_true (poa_window_import_file (window, file));

  plan = poa_window_get_plan (window);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, "Cultura");
  g_assert_cmpint (poa_plan_get_id (plan), !=, first_id);
  g_assert_cmpstr (gtk_window_get_title (fixture->window), ==, "POA 2026 — Cultura");
  plans = poa_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);

  /* The next start opens the plan the window shows. */
  g_assert_cmpint (poa_store_resolve_plan (store, 0, &error), ==, poa_plan_get_id (plan));
}

static void
test_import_error_names_the_file_and_the_place (Fixture       *fixture,
                                                gconstpointer  data)
{
  PoaWindow *window = POA_WINDOW (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "roto.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) plans = NULL;
  PoaPlan *before = poa_window_get_plan (window);
  AdwMessageDialog *dialog;
  const char *body;

  test_write_file (path, "{\n  \"format\": \"poa-plan\",\n  \"year\": 2026,,\n}\n");

  g_assert_false (poa_window_import_file (window, file));

  g_assert_true (poa_window_get_plan (window) == before);
  plans = poa_store_list_plans (poa_session_get_store (poa_application_get_session (fixture->app)), NULL);
  g_assert_cmpuint (plans->len, ==, 1);

  dialog = (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No se pudo importar el plan");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "línea 3"));
  test_ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  test_ui_render_to_png (GTK_WIDGET (dialog), "ui-import-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The import reads each file on a thread: the window's loop runs until a dialog is up. */
static AdwMessageDialog *
wait_for_dialog (void)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return (AdwMessageDialog *) dialog;
}

/* Four files at once: a new área, a workbook of another área, the área and year of the plan
 * already there, and a broken file. The duplicate is asked about (answered “keep both”), the broken one is named in the
 * dialog at the end, and the other two are in. */
static void
test_import_several_asks_about_a_duplicate (Fixture       *fixture,
                                            gconstpointer  data)
{
  PoaWindow *window = POA_WINDOW (fixture->window);
  PoaStore *store = poa_session_get_store (poa_application_get_session (fixture->app));
  g_autofree char *cultura = g_build_filename (fixture->dir, "cultura.json", NULL);
  g_autofree char *same = g_build_filename (fixture->dir, "same.json", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "roto.json", NULL);
  g_autofree char *deporte = g_build_filename (fixture->dir, "deporte.xlsx", NULL);
  g_autoptr(PoaPlan) workbook_plan = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) copy = NULL;
  PoaPlan *plan = poa_window_get_plan (window);
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (poa_plan_json_save (plan, same, &error));
  g_assert_no_error (error);
  copy = poa_plan_json_load (same, &error);
  g_assert_no_error (error);
  poa_plan_set_text (copy, POA_PLAN_AREA, "Cultura");
  g_assert_true (poa_plan_json_save (copy, cultura, &error));
  g_assert_no_error (error);
  test_write_file (broken, "{\n  \"format\": \"poa-plan\",\n  \"year\": 2026,,\n}\n");
  workbook_plan = poa_plan_copy (copy);
  poa_plan_set_text (workbook_plan, POA_PLAN_AREA, "Deporte");
  g_assert_true (poa_xlsx_export (workbook_plan, deporte, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 4; i++)
    {
      const char *paths[] = { cultura, deporte, same, broken };
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_list_store_append (files, file);
    }
  poa_window_import_files (window, G_LIST_MODEL (files));

  /* Cultura and Deporte (the workbook) are in; the duplicate waits on the question. */
  dialog = wait_for_dialog ();
  plans = poa_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 3);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "¿Reemplazar el plan?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "same.json"));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  test_ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  test_ui_render_to_png (GTK_WIDGET (dialog), "ui-import-duplicate.png");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The broken file failed alone, named. */
  dialog = wait_for_dialog ();
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = poa_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 4);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Un archivo no se pudo importar");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, broken));
  g_assert_null (strstr (body, cultura));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The window shows the last plan imported: the duplicate kept beside the first. */
  plan = poa_window_get_plan (window);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, "Migrantes y Ex braceros");
  g_assert_cmpint (poa_plan_get_id (plan), ==, 4);
}

/* How the program starts for real (poa_application_run): the database is opened and the plan
 * read on a thread while GTK starts, and the window shows that plan. */
static void
test_start_shows_the_plan_read_meanwhile (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_tmpdir ();
      g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaStore) store = poa_store_open (db, &error);
      g_autoptr(PoaPlan) other = poa_plan_new (2027);
      gint64 id;

      g_assert_no_error (error);
      poa_plan_set_text (other, POA_PLAN_AREA, "Área de prueba");
      id = poa_store_insert_plan (store, other, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      /* The window reports its first frame and closes: the run returns. */
      g_setenv ("POA_REPORT_FIRST_FRAME", "quit", TRUE);
      g_assert_cmpint (poa_application_run (db, id, NULL), ==, 0);

      /* Showing a plan records it as the last opened: the one asked for was shown. */
      store = poa_store_open (db, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poa_store_resolve_plan (store, 0, &error), ==, id);
      g_clear_object (&store);
      test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("first-frame *");
}

/* A database that does not exist yet is not the opening thread's to create: the program that
 * shows the window creates it, with the default plan. */
static void
test_start_creates_a_new_database (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_tmpdir ();
      g_autofree char *db = g_build_filename (dir, "nueva.sqlite3", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaStore) store = NULL;
      g_autoptr(GPtrArray) plans = NULL;

      g_setenv ("POA_REPORT_FIRST_FRAME", "quit", TRUE);
      g_assert_cmpint (poa_application_run (db, 0, NULL), ==, 0);

      store = poa_store_open (db, &error);
      g_assert_no_error (error);
      plans = poa_store_list_plans (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (plans->len, ==, 1);
      g_clear_object (&store);
      test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("first-frame *");
}

typedef struct
{
  char  *db;
  guint  n_shown;
  gboolean equal;
} BigPlanCheck;

static gboolean
check_big_plan_cb (gpointer data)
{
  BigPlanCheck *check = data;
  PoaWindow *window = POA_WINDOW (find_toplevel (POA_TYPE_WINDOW));
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  PoaPlan *plan;

  if (window == NULL || (plan = poa_window_get_plan (window)) == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))) < 1200)
    return G_SOURCE_CONTINUE;

  check->n_shown = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  store = poa_store_open (check->db, &error);
  g_assert_no_error (error);
  stored = poa_store_load_plan (store, poa_plan_get_id (plan), &error);
  g_assert_no_error (error);
  check->equal = poa_plan_equal (stored, plan);
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/* A big plan opens in two parts, the window painted on the first: the window ends up with the
 * whole plan, in its order. */
static void
test_start_shows_a_big_plan_whole (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_tmpdir ();
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaStore) store = NULL;
      g_autoptr(PoaPlan) big = test_plan_with_activities (1200);
      BigPlanCheck check = { g_build_filename (dir, "poa.sqlite3", NULL), 0, FALSE };
      gint64 id;

      store = poa_store_open (check.db, &error);
      g_assert_no_error (error);
      id = poa_store_insert_plan (store, big, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      g_timeout_add (20, check_big_plan_cb, &check);
      g_assert_cmpint (poa_application_run (check.db, id, NULL), ==, 0);
      g_assert_cmpuint (check.n_shown, ==, 1200);
      g_assert_true (check.equal);

      g_free (check.db);
      test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
answer_fatal_dialog_cb (gpointer data)
{
  char **body = data;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;

  *body = g_strdup (adw_message_dialog_get_body (dialog));
  /* As a click on its button: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* A database that cannot be read, found by the opening thread, is said in a dialog naming the
 * file, and closing it ends the program. */
static void
test_start_says_why_the_database_cannot_be_opened (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = test_make_tmpdir ();
      g_autofree char *db = g_build_filename (dir, "no-es-una-base.sqlite3", NULL);
      g_autofree char *body = NULL;
      char garbage[4096];

      memset (garbage, 'x', sizeof garbage);
      g_assert_true (g_file_set_contents (db, garbage, sizeof garbage, NULL));

      g_timeout_add (50, answer_fatal_dialog_cb, &body);
      poa_application_run (db, 0, NULL);

      g_assert_nonnull (body);
      g_assert_nonnull (strstr (body, db));
      test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* While a big plan's rest is still being read, what needs the whole plan is off: the window's
 * actions follow the document's `loading`, and so does every button or menu item on them. */
static void
test_actions_wait_for_the_whole_plan (Fixture       *fixture,
                                      gconstpointer  data)
{
  PoaDocument *document = poa_session_get_document (poa_application_get_session (fixture->app));
  GtkWidget *header_bar = test_ui_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);
  const char *actions[] = { "win.export-xlsx", "win.export-pdf", "win.print" };
  GtkWidget *buttons[G_N_ELEMENTS (actions)];

  g_assert_nonnull (header_bar);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      buttons[i] = gtk_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), actions[i]);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), buttons[i]);
      g_assert_true (gtk_widget_get_sensitive (buttons[i]));
    }

  poa_document_set_loading (document, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_false (gtk_widget_get_sensitive (buttons[i]));

  poa_document_set_loading (document, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (gtk_widget_get_sensitive (buttons[i]));
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  g_test_add ("/ui/menu/has-import-shortcuts-and-about", Fixture, NULL,
              fixture_set_up, test_menu_has_import_shortcuts_and_about, fixture_tear_down);
  g_test_add ("/ui/about/shows-version-licence-and-municipality", Fixture, NULL,
              fixture_set_up, test_about_shows_version_licence_and_municipality, fixture_tear_down);
  g_test_add ("/ui/shortcuts/list-every-shortcut-in-spanish", Fixture, NULL,
              fixture_set_up, test_shortcuts_list_every_shortcut_in_spanish, fixture_tear_down);
  g_test_add ("/ui/window/actions-wait-for-the-whole-plan", Fixture, NULL,
              fixture_set_up, test_actions_wait_for_the_whole_plan, fixture_tear_down);
  g_test_add_func ("/ui/util/timestamps-read-in-local-time", test_timestamps_read_in_local_time);
  g_test_add ("/ui/window/fits-360-pixels-on-every-page", Fixture, NULL,
              fixture_set_up, test_window_fits_360_pixels_on_every_page, fixture_tear_down);
  g_test_add ("/ui/window/remembers-its-size", Fixture, NULL,
              fixture_set_up, test_window_remembers_its_size, fixture_tear_down);
  g_test_add_func ("/ui/start/shows-the-plan-read-meanwhile",
                   test_start_shows_the_plan_read_meanwhile);
  g_test_add_func ("/ui/start/creates-a-new-database",
                   test_start_creates_a_new_database);
  g_test_add_func ("/ui/start/shows-a-big-plan-whole",
                   test_start_shows_a_big_plan_whole);
  g_test_add_func ("/ui/start/says-why-the-database-cannot-be-opened",
                   test_start_says_why_the_database_cannot_be_opened);
  g_test_add_func ("/ui/window/opens-without-settings-schema",
                   test_window_opens_without_settings_schema);
  g_test_add ("/ui/import/several-asks-about-a-duplicate", Fixture, NULL,
              fixture_set_up, test_import_several_asks_about_a_duplicate, fixture_tear_down);
  g_test_add ("/ui/import/shows-the-new-plan", Fixture, NULL,
              fixture_set_up, test_import_shows_the_new_plan, fixture_tear_down);
  g_test_add ("/ui/import/error-names-the-file-and-the-place", Fixture, NULL,
              fixture_set_up, test_import_error_names_the_file_and_the_place, fixture_tear_down);

  return g_test_run ();
}
