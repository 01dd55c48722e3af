/* test-areas-window.c — *Todas las áreas* under a display (Xvfb), in Spanish: three areas of
 * 2027 with figures worked out by hand beside the default plan of 2026.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "poa-activity.h"
#include "poa-application.h"
#include "poa-areas-window.h"
#include "poa-budget-line.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-session.h"
#include "poa-signature.h"
#include "poa-store.h"
#include "poa-window.h"
#include "test-plans.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  PoaApplication *app;
  GtkWindow      *window;
  gint64          ids[3];  /* Agua Potable, Bibliotecas, Catastro */
} Fixture;

static void
add_budget (PoaPlan    *plan,
            const char *code,
            const char *name,
            gint64      centavos)
{
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new (code, name, centavos);

  g_list_store_append (poa_plan_get_budget (plan), line);
}

/* 10+30 programmed, 5+27 achieved → 80.0 %; 7 and 7 → 100.0 %; 3 and 1 → 33.3 %. Together:
 * 4 activities, 50 programmed, 40 achieved, 80.0 %. The budget: 2111 in two areas, $1,000.00
 * + $500.50 = $1,500.50; 3751 in one, $200.00; all $1,700.50. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const guint a[][2] = { { 10, 5 }, { 30, 27 } };
  static const guint b[][2] = { { 7, 7 } };
  static const guint c[][2] = { { 3, 1 } };
  g_autofree char *db = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) agua = test_plan_small ("Agua Potable", 2027, a, 2);
  g_autoptr(PoaPlan) bibliotecas = test_plan_small ("Bibliotecas", 2027, b, 1);
  g_autoptr(PoaPlan) catastro = test_plan_small ("Catastro", 2027, c, 1);

  g_setenv ("POA_TODAY", "2027-05-15", TRUE);
  fixture->dir = test_make_tmpdir ();
  fixture->app = test_ui_open_window (fixture->dir, &fixture->window);

  poa_plan_set_text (agua, POA_PLAN_DIRECTION, "Dirección de Servicios");
  poa_plan_set_text (bibliotecas, POA_PLAN_DIRECTION, "Dirección de Servicios");
  poa_plan_set_text (catastro, POA_PLAN_DIRECTION, "Dirección de Servicios");
  add_budget (agua, "2111", "Materiales, útiles y equipos menores de oficina", 100000);
  add_budget (bibliotecas, "2111", "Materiales, útiles y equipos menores de oficina", 50050);
  add_budget (bibliotecas, "3751", "Viáticos en el país", 20000);
  poa_plan_add_review_step (bibliotecas, poa_review_step_new ("2027-01-10T09:00:00Z", "Área", POA_REVIEW_ENVIADO, ""));

  db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  store = poa_store_open (db, &error);
  g_assert_no_error (error);
  fixture->ids[0] = poa_store_insert_plan (store, agua, &error);
  fixture->ids[1] = poa_store_insert_plan (store, bibliotecas, &error);
  fixture->ids[2] = poa_store_insert_plan (store, catastro, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Not the application's: test_ui_close_windows() would leave it to the next test. */
  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (POA_IS_AREAS_WINDOW (window))
        gtk_window_destroy (window);
    }
  test_ui_close_windows (fixture->app);
  g_clear_object (&fixture->app);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_unsetenv ("POA_TODAY");
}

static void
wait_until_read (PoaAreasWindow *areas)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (poa_areas_window_is_loading (areas) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (poa_areas_window_is_loading (areas));
}

static PoaAreasWindow *
open_areas (Fixture *fixture)
{
  PoaSession *session = poa_window_get_session (POA_WINDOW (fixture->window));
  PoaAreasWindow *areas;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* The window's plan is read on a thread of its own. */
  while (poa_session_get_plan (session) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (poa_session_get_plan (session));

  /* Reached from the plan chooser, as the user does. */
  {
    GtkWidget *chooser = test_ui_find_widget (GTK_WIDGET (fixture->window), g_type_from_name ("PoaPlanChooser"));

    g_assert_nonnull (chooser);
    g_assert_true (gtk_widget_activate_action (chooser, "plans.all-areas", NULL));
  }
  areas = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && areas == NULL; i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (POA_IS_AREAS_WINDOW (window))
          areas = POA_AREAS_WINDOW (window);
      }
  }
  g_assert_nonnull (areas);

  /* The plan shown is 2026's: its year first. */
  wait_until_read (areas);
  g_assert_cmpuint (poa_areas_window_get_year (areas), ==, 2026);
  g_assert_cmpuint (g_list_model_get_n_items (poa_areas_window_get_rows (areas)), ==, 1);

  poa_areas_window_set_year (areas, 2027);
  g_assert_cmpuint (poa_areas_window_get_year (areas), ==, 2027);
  wait_until_read (areas);
  return areas;
}

static void
assert_order (PoaAreasWindow *areas,
              const char     *first,
              const char     *second,
              const char     *third)
{
  GListModel *rows = poa_areas_window_get_rows (areas);
  const char *expected[] = { first, second, third };

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      g_assert_cmpstr (poa_areas_window_row_area (row), ==, expected[i]);
    }
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("«%s» does not contain «%s»", text, part);
}

/* Ranked by índice, totals at the foot, the budget by partida; sorted by a header. */
static void
test_ranked_with_totals (Fixture       *fixture,
                         gconstpointer  data)
{
  PoaAreasWindow *areas = open_areas (fixture);
  GtkColumnView *view = poa_areas_window_get_view (areas);
  GListModel *columns = gtk_column_view_get_columns (view);
  const char *totals = gtk_label_get_label (poa_areas_window_get_totals (areas));
  GtkListBox *budget = poa_areas_window_get_budget (areas);
  g_autoptr(GtkColumnViewColumn) area_column = NULL;
  g_autoptr(GtkColumnViewColumn) activities_column = NULL;

  assert_order (areas, "Bibliotecas", "Agua Potable", "Catastro");

  assert_contains (totals, "3 áreas");
  assert_contains (totals, "4 actividades");
  assert_contains (totals, "programadas 50, alcanzadas 40");
  assert_contains (totals, "80.0 %");
  assert_contains (totals, "1,700.50");

  /* Two partidas, by code. */
  {
    GtkListBoxRow *row0 = gtk_list_box_get_row_at_index (budget, 0);
    GtkListBoxRow *row1 = gtk_list_box_get_row_at_index (budget, 1);

    g_assert_nonnull (row0);
    g_assert_nonnull (row1);
    g_assert_null (gtk_list_box_get_row_at_index (budget, 2));
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row0)), "2111 "));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row0)), ==, "2 áreas");
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row1)), "3751 "));
  }

  /* Every column has a header to sort by, named. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 13);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      g_assert_cmpstr (gtk_column_view_column_get_title (column), !=, "");
    }

  area_column = g_list_model_get_item (columns, 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (area_column), ==, "Área");
  gtk_column_view_sort_by_column (view, area_column, GTK_SORT_DESCENDING);
  assert_order (areas, "Catastro", "Bibliotecas", "Agua Potable");
  gtk_column_view_sort_by_column (view, area_column, GTK_SORT_ASCENDING);
  assert_order (areas, "Agua Potable", "Bibliotecas", "Catastro");

  /* Equal in a column (Catastro and Bibliotecas have one activity each): ranked by índice. */
  activities_column = g_list_model_get_item (columns, 2);
  gtk_column_view_sort_by_column (view, activities_column, GTK_SORT_ASCENDING);
  assert_order (areas, "Bibliotecas", "Catastro", "Agua Potable");
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  assert_order (areas, "Bibliotecas", "Agua Potable", "Catastro");
  gtk_column_view_sort_by_column (view, area_column, GTK_SORT_ASCENDING);

  /* Look at it: wide, light and dark, and narrow. */
  gtk_window_set_default_size (GTK_WINDOW (areas), 1200, 500);
  test_ui_wait_for_frames (GTK_WIDGET (areas), 3);
  test_ui_render_to_png (GTK_WIDGET (areas), "ui-areas.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  test_ui_wait_for_frames (GTK_WIDGET (areas), 3);
  test_ui_render_to_png (GTK_WIDGET (areas), "ui-areas-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (areas), 400, 700);
  /* The view switcher moves to the bottom with an animation: its end. */
  test_ui_wait_for_frames (GTK_WIDGET (areas), 40);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (areas)), <=, 400);
  test_ui_render_to_png (GTK_WIDGET (areas), "ui-areas-narrow.png");
}

/* The export button's workbook, read back by openpyxl: the summary ranked as the view is,
 * its total of metas alcanzadas a formula, and the budget by partida. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  PoaAreasWindow *areas = open_areas (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "Consolidado 2027.xlsx", NULL);
  const char *python = g_getenv ("POA_PYTHON3") != NULL ? g_getenv ("POA_PYTHON3") : "/usr/bin/python3";
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "print(','.join(wb.sheetnames))\n"
    "ws = wb['Resumen']\n"
    "names = [str(c.value) for c in ws['B'] if c.value in ('Agua Potable', 'Bibliotecas', 'Catastro')]\n"
    "print(','.join(names))\n"
    "print(sum(1 for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith('=SUM(')) > 0)\n";
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  poa_areas_window_export (areas, path);
  g_assert_true (poa_areas_window_is_exporting (areas));
  while (poa_areas_window_is_exporting (areas) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  {
    const char *argv[] = { python, "-c", script, path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }
  if (status != 0)
    g_error ("openpyxl: %s", err);
  g_assert_true (g_str_has_prefix (out, "Resumen,"));
  g_assert_nonnull (strstr (out, "Presupuesto"));
  g_assert_nonnull (strstr (out, "\nBibliotecas,Agua Potable,Catastro\n"));
  g_assert_nonnull (strstr (out, "\nTrue\n"));
}

/* Activating a row (double-click, Enter) opens that plan in the main window. */
static void
test_activate_opens_the_plan (Fixture       *fixture,
                              gconstpointer  data)
{
  PoaAreasWindow *areas = open_areas (fixture);
  PoaSession *session = poa_window_get_session (POA_WINDOW (fixture->window));

  g_object_add_weak_pointer (G_OBJECT (areas), (gpointer *)&areas);
  g_signal_emit_by_name (poa_areas_window_get_view (areas), "activate", 2);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (session)), ==, fixture->ids[2]);
  g_assert_cmpstr (poa_plan_get_area (poa_session_get_plan (session)), ==, "Catastro");
  test_ui_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_null (areas);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  g_test_add ("/ui/areas/ranked-with-totals", Fixture, NULL, fixture_set_up,
              test_ranked_with_totals, fixture_tear_down);
  g_test_add ("/ui/areas/export", Fixture, NULL, fixture_set_up,
              test_export, fixture_tear_down);
  g_test_add ("/ui/areas/activate-opens-the-plan", Fixture, NULL, fixture_set_up,
              test_activate_opens_the_plan, fixture_tear_down);

  return g_test_run ();
}
