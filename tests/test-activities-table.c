/* test-activities-table.c — what the Actividades table shows, row by row, as the user scrolls,
 * edits, sorts and searches a plan of 3,000 activities.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK recycles the rows of the table: a row that scrolls out is given another activity. So
 * every row on screen is read back, cell by cell, and compared with the activity its Nº names
 * (the plan's names are unique: test_plan_with_activities() numbers them).
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "poa-activities-page.h"
#include "poa-activity.h"
#include "poa-cell-text.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "test-plans.h"
#include "test-ui-util.h"
#include "test-util.h"

#define N_ACTIVITIES 3000
#define N_COLUMNS    6

/* The table's columns after Nº, as PoaActivitiesPage shows them. */
static const char * const text_properties[] = {
  "name", "strategic-axis", "strategic-line", "action-line", "specific-activity",
};

typedef struct
{
  char              *dir;
  PoaStore          *store;
  PoaPlan           *plan;
  PoaDocument       *document;
  GtkWidget         *window;
  PoaActivitiesPage *page;
  GtkColumnView     *view;
  GtkWidget         *list;
} Fixture;

/* One row on screen: its cells, left to right, and where it is. */
typedef struct
{
  PoaCellText *cells[N_COLUMNS];
  double       y;
} Row;

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (POA_IS_CELL_TEXT (widget))
    g_ptr_array_add (cells, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *row_a = a;
  const Row *row_b = b;

  return (row_a->y > row_b->y) - (row_a->y < row_b->y);
}

/* The rows of the table that can be seen, top to bottom. */
static GArray *
rows_on_screen (Fixture *fixture)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  int height = gtk_widget_get_height (fixture->list);

  for (GtkWidget *child = gtk_widget_get_first_child (fixture->list); child; child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      graphene_rect_t bounds;
      Row row = { { NULL }, 0 };

      if (!gtk_widget_get_mapped (child) || !gtk_widget_compute_bounds (child, fixture->list, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;

      collect_cells (child, cells);
      if (cells->len == 0)
        continue;
      g_assert_cmpuint (cells->len, ==, N_COLUMNS);
      memcpy (row.cells, cells->pdata, sizeof row.cells);
      row.y = bounds.origin.y;
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_rows);
  return rows;
}

/* Every row on screen shows, in each cell, the text of the activity its Nº names. Returns the
 * Nº of each row, top to bottom. */
static GArray *
assert_rows_show_their_activities (Fixture *fixture)
{
  g_autoptr(GArray) rows = rows_on_screen (fixture);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (fixture->plan));
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (rows->len, >, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      const char *number_text = poa_cell_text_get_text (row->cells[0]);
      guint number = (guint)g_ascii_strtoull (number_text, NULL, 10);
      g_autoptr(PoaActivity) activity = NULL;

      g_assert_cmpuint (number, >=, 1);
      g_assert_cmpuint (number, <=, g_list_model_get_n_items (activities));
      activity = g_list_model_get_item (activities, number - 1);
      g_assert_cmpuint (poa_activity_get_number (activity), ==, number);

      for (guint c = 0; c < G_N_ELEMENTS (text_properties); c++)
        {
          g_autofree char *expected = NULL;

          g_object_get (activity, text_properties[c], &expected, NULL);
          if (g_strcmp0 (poa_cell_text_get_text (row->cells[c + 1]), expected) != 0)
            g_error ("row Nº %u, column %s shows “%s”, not “%s”", number, text_properties[c],
                     poa_cell_text_get_text (row->cells[c + 1]), expected);
        }
      g_array_append_val (numbers, number);
    }

  return numbers;
}

/* The rows on screen, from the top, are consecutive items of the table's model: they are in
 * its order (where the view stays after a sort is GTK's choice). */
static void
assert_rows_follow (Fixture    *fixture,
                    GListModel *shown)
{
  g_autoptr(GArray) numbers = assert_rows_show_their_activities (fixture);
  guint first = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (shown) && first == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (shown, i);

      if (poa_activity_get_number (activity) == g_array_index (numbers, guint, 0))
        first = i;
    }
  g_assert_cmpuint (first, !=, GTK_INVALID_LIST_POSITION);

  for (guint i = 1; i < numbers->len && first + i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (shown, first + i);

      g_assert_cmpuint (g_array_index (numbers, guint, i), ==, poa_activity_get_number (activity));
    }
}

/* The height @cell asks for at its width. */
static int
text_height (PoaCellText *cell)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (cell), GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (cell)),
                      &height, NULL, NULL, NULL);
  return height;
}

static void
wait (Fixture *fixture)
{
  test_ui_wait_for_frames (fixture->window, 3);
}

static PoaActivity *
activity_at (Fixture *fixture,
             guint    position)
{
  PoaActivity *activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), position);

  g_object_unref (activity);
  return activity;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->store = poa_store_open (db, &error);
  g_assert_no_error (error);
  fixture->plan = test_plan_with_activities (N_ACTIVITIES);
  g_assert_cmpint (poa_store_insert_plan (fixture->store, fixture->plan, &error), >, 0);
  g_assert_no_error (error);
  fixture->document = poa_document_new (fixture->store, fixture->plan);

  fixture->window = gtk_window_new ();
  fixture->page = g_object_new (POA_TYPE_ACTIVITIES_PAGE,
                                "document", fixture->document,
                                NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait (fixture);

  fixture->view = GTK_COLUMN_VIEW (test_ui_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW));
  fixture->list = test_ui_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (fixture->list);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->document);
  g_assert_finalize_object (g_steal_pointer (&fixture->plan));
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_rows_show_their_activities (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GArray) numbers = assert_rows_show_their_activities (fixture);

  /* The document's order, from the first activity. */
  for (guint i = 0; i < numbers->len; i++)
    g_assert_cmpuint (g_array_index (numbers, guint, i), ==, i + 1);
}

/* Scrolled far and step by step, rows are given other activities: none keeps a text of the
 * one it showed before. */
static void
test_scrolling_never_shows_stale_text (Fixture       *fixture,
                                       gconstpointer  data)
{
  static const guint targets[] = { 2999, 1500, 0, 1200, 40 };
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->view));

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GArray) numbers = NULL;
      gboolean seen = FALSE;

      poa_activities_page_set_selected_activity (fixture->page, activity_at (fixture, targets[i]));
      wait (fixture);
      numbers = assert_rows_show_their_activities (fixture);
      for (guint r = 0; r < numbers->len; r++)
        seen |= g_array_index (numbers, guint, r) == targets[i] + 1;
      g_assert_true (seen);
    }

  for (guint step = 0; step < 40; step++)
    {
      g_autoptr(GArray) numbers = NULL;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 3);
      wait (fixture);
      numbers = assert_rows_show_their_activities (fixture);
      for (guint r = 1; r < numbers->len; r++)
        g_assert_cmpuint (g_array_index (numbers, guint, r), ==, g_array_index (numbers, guint, r - 1) + 1);
    }
}

/* An edit through the document shows in its row at once, a long paragraph cut at four lines;
 * undone, the row shows the old text again. */
static void
test_an_edit_shows_in_its_row (Fixture       *fixture,
                               gconstpointer  data)
{
  PoaActivity *second = activity_at (fixture, 1);
  g_autofree char *old_specific = g_strdup (poa_activity_get_text (second, POA_ACTIVITY_SPECIFIC_ACTIVITY));
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  Row *row;
  int line, height;

  for (guint i = 0; i < 12; i++)
    g_string_append (paragraph, "Brindar apoyo en la obtención de citas para pasaporte mexicano. ");

  g_assert_true (poa_document_set_text (fixture->document, second, "name", "Apoyo a deportados y retornados", &error));
  g_assert_true (poa_document_set_text (fixture->document, second, "specific-activity", paragraph->str, &error));
  g_assert_no_error (error);
  wait (fixture);
  g_clear_pointer (&rows, g_array_unref);
  rows = rows_on_screen (fixture);
  row = &g_array_index (rows, Row, 1);
  g_assert_cmpstr (poa_cell_text_get_text (row->cells[0]), ==, "2");
  g_assert_cmpstr (poa_cell_text_get_text (row->cells[1]), ==, "Apoyo a deportados y retornados");
  g_assert_cmpstr (poa_cell_text_get_text (row->cells[5]), ==, paragraph->str);

  /* The Nº takes one line: the paragraph, four, and ends in an ellipsis. (The cells are as
   * high as their row: what they ask for is what their texts take.) */
  line = text_height (row->cells[0]);
  height = text_height (row->cells[5]);
  g_assert_cmpint (line, >, 8);
  g_assert_cmpint (height, >=, 4 * line - 2);
  g_assert_cmpint (height, <=, 4 * line + 2);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row->cells[5])), >=, height);
  g_assert_true (poa_cell_text_is_cut (row->cells[5]));
  g_clear_pointer (&rows, g_array_unref);
  g_array_unref (assert_rows_show_their_activities (fixture));

  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  wait (fixture);
  rows = rows_on_screen (fixture);
  g_assert_cmpstr (poa_cell_text_get_text (g_array_index (rows, Row, 1).cells[5]), ==, old_specific);
  g_clear_pointer (&rows, g_array_unref);
  g_array_unref (assert_rows_show_their_activities (fixture));

  /* Renumbered by a move, the rows show their new Nº. */
  g_assert_true (poa_document_move (fixture->document, activity_at (fixture, 0), 2, &error));
  g_assert_no_error (error);
  wait (fixture);
  assert_rows_follow (fixture, G_LIST_MODEL (poa_plan_get_activities (fixture->plan)));
}

static void
test_sorting_and_search (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *shown = poa_activities_page_get_shown (fixture->page);
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (test_ui_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY));
  GListModel *columns = gtk_column_view_get_columns (fixture->view);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 1);
  g_autoptr(PoaActivity) first = NULL;

  /* Z first. */
  gtk_column_view_sort_by_column (fixture->view, name_column, GTK_SORT_DESCENDING);
  wait (fixture);
  first = g_list_model_get_item (shown, 0);
  g_assert_true (g_str_has_prefix (poa_activity_get_name (first), "Seguros Americanos"));
  assert_rows_follow (fixture, shown);
  g_clear_object (&first);

  /* Names end in their Nº: “(2998)” is in one only. */
  gtk_editable_set_text (GTK_EDITABLE (search), "(2998)");
  g_signal_emit_by_name (search, "search-changed");
  wait (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autoptr(GArray) rows = rows_on_screen (fixture);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (poa_cell_text_get_text (g_array_index (rows, Row, 0).cells[0]), ==, "2998");
  }

  /* Less strict, then no search: every activity again, in the column's order. */
  gtk_editable_set_text (GTK_EDITABLE (search), "sezami");
  g_signal_emit_by_name (search, "search-changed");
  wait (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, N_ACTIVITIES);
  assert_rows_follow (fixture, shown);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  wait (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_ACTIVITIES);
  assert_rows_follow (fixture, shown);

  gtk_column_view_sort_by_column (fixture->view, NULL, GTK_SORT_ASCENDING);
  wait (fixture);
  assert_rows_follow (fixture, G_LIST_MODEL (poa_plan_get_activities (fixture->plan)));
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/activities-table/rows-show-their-activities-texts-in-their-columns", test_rows_show_their_activities);
  ADD ("/activities-table/scrolling-never-shows-stale-text", test_scrolling_never_shows_stale_text);
  ADD ("/activities-table/an-edit-through-the-document-shows-in-its-row", test_an_edit_shows_in_its_row);
  ADD ("/activities-table/sorting-and-search-show-the-right-rows", test_sorting_and_search);
#undef ADD

  return g_test_run ();
}
