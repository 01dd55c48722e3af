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
#include "poa-activity-editor.h"
#include "poa-activity.h"
#include "poa-change-record.h"
#include "poa-cell-text.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-review.h"
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


/* Every row in view is as high as its highest text, laid out by Pango: no estimate is shown.
 * (Not while a search shows whole texts: GTK measures a row's cells at its columns' last widths,
 * which a whole text may fill with a line more than at the width it is then given.) */
static void
assert_rows_in_view_are_exact (Fixture *fixture)
{
  g_autoptr(GArray) rows = rows_on_screen (fixture);

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      int highest = 0;

      for (guint c = 1; c < N_COLUMNS; c++)
        highest = MAX (highest, test_ui_pango_height (GTK_WIDGET (fixture->view), poa_cell_text_get_text (row->cells[c]),
                                              gtk_widget_get_width (GTK_WIDGET (row->cells[c]))));
      for (guint c = 1; c < N_COLUMNS; c++)
        {
          if (gtk_widget_get_height (GTK_WIDGET (row->cells[c])) != highest)
            g_test_message ("row %u, column %u: “%s”", r, c, poa_cell_text_get_text (row->cells[c]));
          g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row->cells[c])), ==, highest);
        }
    }
}

/* GTK 4.8 makes some 200 rows: only the texts of those in view are laid out, when a scroll
 * lands on rows never shown; the rows in view have their true heights. */
static void
test_only_rows_in_view_are_laid_out (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->view));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GArray) rows = NULL;
  guint before, made, n_rows;

  assert_rows_in_view_are_exact (fixture);

  before = _poa_cell_text_get_layouts_made ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait (fixture);
  made = _poa_cell_text_get_layouts_made () - before;
  g_array_unref (assert_rows_show_their_activities (fixture));
  assert_rows_in_view_are_exact (fixture);

  collect_cells (fixture->list, cells);
  n_rows = cells->len / N_COLUMNS;
  rows = rows_on_screen (fixture);
  g_test_message ("%u rows made, %u in view; %u layouts made by the scroll", n_rows, rows->len, made);
  g_assert_cmpuint (n_rows, >, 3 * rows->len);
  /* The Nº of every row made (its width sizes the column), and the paragraphs of the rows in
   * view, once or twice (rows that come into view as others take their true heights). */
  g_assert_cmpuint (made, <=, n_rows + 2 * (N_COLUMNS - 1) * (rows->len + 2));
}

static void
count_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               guint                    *binds)
{
  (*binds)++;
}

/* Counts in @binds the cells the table binds while @counting. */
static void
count_binds (Fixture  *fixture,
             guint    *binds,
             gboolean  counting)
{
  GListModel *columns = gtk_column_view_get_columns (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      g_assert_true (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
      if (counting)
        g_signal_connect (factory, "bind", G_CALLBACK (count_bind_cb), binds);
      else
        g_signal_handlers_disconnect_by_func (factory, count_bind_cb, binds);
    }
}

/* Types @text in the search entry as a person does: one letter added at the end, or one
 * deleted from it. */
static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkEditable *search = GTK_EDITABLE (test_ui_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY));
  g_autofree char *before = g_strdup (gtk_editable_get_text (search));
  gsize before_len = strlen (before), len = strlen (text);

  if (len == before_len + 1 && strncmp (before, text, before_len) == 0)
    {
      int position = g_utf8_strlen (before, -1);

      gtk_editable_insert_text (search, text + before_len, 1, &position);
    }
  else if (len + 1 == before_len && strncmp (before, text, len) == 0)
    gtk_editable_delete_text (search, g_utf8_strlen (text, -1), -1);
  else
    gtk_editable_set_text (search, text);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, text);
  g_signal_emit_by_name (search, "search-changed");
  wait (fixture);
}

/* The Nºs of the plan's activities any of whose texts mention @typed, or whose Nº it is, in the
 * plan's order. */
static GArray *
expected_matches (Fixture    *fixture,
                  const char *typed)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (fixture->plan));
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *needle = test_fold_for_search (typed);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      g_autofree char *number = g_strdup_printf ("%u", poa_activity_get_number (activity));
      gboolean found = g_str_equal (number, typed);

      for (PoaActivityText t = 0; t < POA_ACTIVITY_N_TEXTS && !found; t++)
        {
          g_autofree char *text = test_fold_for_search (poa_activity_get_text (activity, t));

          found = strstr (text, needle) != NULL;
        }
      if (found)
        {
          guint n = poa_activity_get_number (activity);

          g_array_append_val (numbers, n);
        }
    }

  return numbers;
}

static void
assert_shown_are (Fixture    *fixture,
                  const char *typed)
{
  GListModel *shown = poa_activities_page_get_shown (fixture->page);
  g_autoptr(GArray) expected = expected_matches (fixture, typed);

  g_test_message ("“%s”: %u shown", typed, g_list_model_get_n_items (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (shown, i);

      g_assert_cmpuint (poa_activity_get_number (activity), ==, g_array_index (expected, guint, i));
    }
  /* (It needs more than two rows on screen.) */
  if (expected->len > 2)
    g_array_unref (assert_rows_show_their_activities (fixture));
}

static guint
find_shown (Fixture     *fixture,
                                PoaActivity *activity)
{
  GListModel *shown = poa_activities_page_get_shown (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PoaActivity) item = g_list_model_get_item (shown, i);

      if (item == activity)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* A letter typed at the end only narrows what is shown: the search looks at the activities
 * shown, not at all 3,000; one deleted only widens it: it looks at those not shown. What it
 * shows is what a plain search of every text finds, the rows on screen show it, and an edit,
 * an insertion or a deletion during a search is searched too. */
static void
test_a_search_looks_only_where_a_keystroke_can_change_it (Fixture       *fixture,
                                                         gconstpointer  data)
{
  GListModel *shown = poa_activities_page_get_shown (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaActivity) added = NULL;
  PoaActivity *edited;
  guint n_shown;

  type_search (fixture, "s");
  g_assert_cmpuint (_poa_activities_page_get_looked_at (fixture->page), ==, N_ACTIVITIES);
  assert_shown_are (fixture, "s");

  type_search (fixture, "se");
  n_shown = g_list_model_get_n_items (shown);
  type_search (fixture, "sez");
  g_assert_cmpuint (_poa_activities_page_get_looked_at (fixture->page), ==, n_shown);
  assert_shown_are (fixture, "sez");
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_shown);

  n_shown = g_list_model_get_n_items (shown);
  type_search (fixture, "se");
  g_assert_cmpuint (_poa_activities_page_get_looked_at (fixture->page), ==, N_ACTIVITIES - n_shown);
  assert_shown_are (fixture, "se");

  /* Accents and case do not count, a Nº is whole. */
  type_search (fixture, "MIGRACIÓN");
  assert_shown_are (fixture, "MIGRACIÓN");
  type_search (fixture, "2998");
  assert_shown_are (fixture, "2998");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* An activity edited to mention what is searched is found by the next keystroke; one
   * added or removed during a search at once. */
  type_search (fixture, "sezam");
  edited = activity_at (fixture, 0);
  g_assert_cmpuint (find_shown (fixture, edited), ==, GTK_INVALID_LIST_POSITION);
  poa_activity_set_text (edited, POA_ACTIVITY_UNIT, "Trámites ante SEZAMI");
  type_search (fixture, "sezami");
  assert_shown_are (fixture, "sezami");
  g_assert_cmpuint (find_shown (fixture, edited), ==, 0);

  added = poa_activity_copy (edited);
  g_assert_true (poa_document_insert (fixture->document, added, 0, &error));
  g_assert_no_error (error);
  wait (fixture);
  assert_shown_are (fixture, "sezami");
  g_assert_true (poa_document_remove (fixture->document, edited, &error));
  g_assert_no_error (error);
  wait (fixture);
  assert_shown_are (fixture, "sezami");

  type_search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_ACTIVITIES);
}

/* A letter more that shows the same rows (every activity that mentions “migra” mentions
 * “migran”) lays no text out and binds no cell again; the search delay is none for a plan of
 * this size. */
static void
test_a_keystroke_that_keeps_the_rows_lays_nothing_out (Fixture       *fixture,
                                                      gconstpointer  data)
{
  guint binds = 0;
  GListModel *shown = poa_activities_page_get_shown (fixture->page);
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (test_ui_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY));
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  guint before;

  g_assert_cmpuint (gtk_search_entry_get_search_delay (search), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (search), "migra");
  g_signal_emit_by_name (search, "search-changed");
  wait (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (first, g_list_model_get_item (shown, i));
  g_assert_cmpuint (first->len, >, 20);
  g_array_unref (assert_rows_show_their_activities (fixture));

  before = _poa_cell_text_get_layouts_made ();
  count_binds (fixture, &binds, TRUE);
  type_search (fixture, "migran");
  count_binds (fixture, &binds, FALSE);
  g_assert_cmpuint (binds, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, first->len);
  for (guint i = 0; i < first->len; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (shown, i);

      g_assert_true (activity == g_ptr_array_index (first, i));
    }
  g_assert_cmpuint (_poa_cell_text_get_layouts_made () - before, ==, 0);
  g_array_unref (assert_rows_show_their_activities (fixture));

  /* A letter that changes the rows lays out the new ones in view. */
  before = _poa_cell_text_get_layouts_made ();
  gtk_editable_set_text (GTK_EDITABLE (search), "sezami");
  g_signal_emit_by_name (search, "search-changed");
  wait (fixture);
  g_assert_cmpuint (_poa_cell_text_get_layouts_made () - before, >, 0);
  g_array_unref (assert_rows_show_their_activities (fixture));
}

/* A row's height follows its text and its column's width: the heights kept for a text at a
 * width are not those of another text, or of the same at another width. */
static void
test_heights_follow_text_and_width (Fixture       *fixture,
                                    gconstpointer  data)
{
  PoaActivity *second = activity_at (fixture, 1);
  GListModel *columns = gtk_column_view_get_columns (fixture->view);
  g_autoptr(GtkColumnViewColumn) specific = g_list_model_get_item (columns, N_COLUMNS - 1);
  g_autoptr(GtkColumnViewColumn) action = g_list_model_get_item (columns, N_COLUMNS - 2);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  int short_height, long_height, narrow_height;

  /* Some 240 characters: six lines or more in a column of 300 pixels, two in one of 900. */
  for (guint i = 0; i < 6; i++)
    g_string_append (paragraph, "Brindar apoyo en la obtención de citas. ");

  /* Every text of the row short: one line. */
  for (guint c = 0; c < G_N_ELEMENTS (text_properties); c++)
    g_assert_true (poa_document_set_text (fixture->document, second, text_properties[c], "Apoyo", &error));
  g_assert_no_error (error);
  wait (fixture);
  rows = rows_on_screen (fixture);
  short_height = gtk_widget_get_height (GTK_WIDGET (g_array_index (rows, Row, 1).cells[5]));
  g_assert_cmpint (short_height, ==, test_ui_pango_height (GTK_WIDGET (fixture->view), "Apoyo", 300));
  assert_rows_in_view_are_exact (fixture);
  g_clear_pointer (&rows, g_array_unref);

  g_assert_true (poa_document_set_text (fixture->document, second, "specific-activity", paragraph->str, &error));
  wait (fixture);
  rows = rows_on_screen (fixture);
  long_height = gtk_widget_get_height (GTK_WIDGET (g_array_index (rows, Row, 1).cells[5]));
  g_assert_cmpint (long_height, >, short_height);
  assert_rows_in_view_are_exact (fixture);
  g_clear_pointer (&rows, g_array_unref);

  /* The other columns narrower, the paragraph's wider: it takes fewer lines. */
  gtk_column_view_column_set_expand (specific, FALSE);
  gtk_column_view_column_set_fixed_width (specific, 900);
  gtk_column_view_column_set_fixed_width (action, 60);
  wait (fixture);
  rows = rows_on_screen (fixture);
  narrow_height = gtk_widget_get_height (GTK_WIDGET (g_array_index (rows, Row, 1).cells[5]));
  g_test_message ("one line %d px, the paragraph %d px, %d px in a wider column", short_height, long_height,
                  narrow_height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (g_array_index (rows, Row, 1).cells[5])), >, 800);
  assert_rows_in_view_are_exact (fixture);
  g_assert_cmpint (narrow_height, <, long_height);
}

/* The marker of the planning unit's observations in the row showing activity @number (on
 * screen), the button before its Nº; NULL if no row on screen shows it. */
static GtkWidget *
marker_of_row (Fixture *fixture,
               guint    number)
{
  g_autoptr(GArray) rows = rows_on_screen (fixture);
  g_autofree char *text = g_strdup_printf ("%u", number);

  for (guint i = 0; i < rows->len; i++)
    {
      PoaCellText *cell = g_array_index (rows, Row, i).cells[0];

      if (g_strcmp0 (poa_cell_text_get_text (cell), text) == 0)
        {
          GtkWidget *marker = gtk_widget_get_prev_sibling (GTK_WIDGET (cell));

          g_assert_true (GTK_IS_BUTTON (marker));
          return marker;
        }
    }

  return NULL;
}

/* Whether a marker shows: drawn, so it can be clicked and read (a row without observations
 * keeps its room, not drawn). */
static gboolean
marker_shows (GtkWidget *marker)
{
  return gtk_widget_get_mapped (marker) && gtk_widget_get_visible (marker) &&
         gtk_widget_get_width (marker) > 0;
}

/* The rows on screen whose markers show, by Nº. */
static GArray *
marked_rows (Fixture *fixture)
{
  g_autoptr(GArray) rows = rows_on_screen (fixture);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < rows->len; i++)
    {
      PoaCellText *cell = g_array_index (rows, Row, i).cells[0];

      if (marker_shows (gtk_widget_get_prev_sibling (GTK_WIDGET (cell))))
        {
          guint number = (guint)g_ascii_strtoull (poa_cell_text_get_text (cell), NULL, 10);

          g_array_append_val (numbers, number);
        }
    }

  return numbers;
}

static GtkWidget *
find_activity_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (POA_IS_ACTIVITY_EDITOR (window))
        return GTK_WIDGET (window);
    }

  return NULL;
}

/* issue 18: the planning unit's observation on an activity shows in its row, as a marker that
 * says how many and the latest (to the eye in its tooltip, to a screen reader in its label),
 * as soon as it is added; a second updates it; the marker follows the Nº the observation is
 * on; clicking it opens the activity's editor on its observations. */
static void
test_observations_mark_their_rows (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marked = NULL;
  g_autoptr(PoaActivity) inserted = poa_activity_new ();
  GtkWidget *marker, *editor, *focus, *list, *row;

  /* No observations: no row has a marker. */
  marked = marked_rows (fixture);
  g_assert_cmpuint (marked->len, ==, 0);
  g_clear_pointer (&marked, g_array_unref);
  marker = marker_of_row (fixture, 3);
  g_assert_nonnull (marker);
  g_assert_false (gtk_widget_get_visible (marker));

  /* One on activity 3, one on the plan (which marks no row), as the window adds them. */
  g_assert_true (poa_review_observe (poa_document_get_store (fixture->document), fixture->plan,
                                     "activity 3", "Falta la unidad de medida", "Paulo", &error));
  g_assert_no_error (error);
  g_assert_true (poa_review_observe (poa_document_get_store (fixture->document), fixture->plan,
                                     "plan", "Revisar el presupuesto", "Paulo", &error));
  g_assert_no_error (error);
  wait (fixture);

  marked = marked_rows (fixture);
  g_assert_cmpuint (marked->len, ==, 1);
  g_assert_cmpuint (g_array_index (marked, guint, 0), ==, 3);
  g_clear_pointer (&marked, g_array_unref);
  marker = marker_of_row (fixture, 3);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "1 observación: «Falta la unidad de medida»");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (marker), ==, "1 observación: «Falta la unidad de medida»");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (marker_of_row (fixture, 2)),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* A second, added to the plan directly: the count and the latest text follow. */
  poa_plan_add_observation (fixture->plan, poa_observation_new ("2026-04-03T09:00:00Z", "Paulo", "activity 3",
                                                                "Corregir la fecha de término"));
  wait (fixture);
  marker = marker_of_row (fixture, 3);
  g_assert_true (marker_shows (marker));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "2 observaciones, la más reciente: «Corregir la fecha de término»");
  marked = marked_rows (fixture);
  g_assert_cmpuint (marked->len, ==, 1);
  g_clear_pointer (&marked, g_array_unref);

  /* The observations are on Nº 3: an activity inserted first renumbers the rows, and the
   * marker is on the row that is now Nº 3. */
  g_object_set (inserted, "name", "Actividad insertada al principio", NULL);
  g_assert_true (poa_document_insert (fixture->document, inserted, 0, &error));
  g_assert_no_error (error);
  wait (fixture);
  marked = marked_rows (fixture);
  g_assert_cmpuint (marked->len, ==, 1);
  g_assert_cmpuint (g_array_index (marked, guint, 0), ==, 3);
  g_clear_pointer (&marked, g_array_unref);
  g_array_unref (assert_rows_show_their_activities (fixture));

  /* The keyboard reaches it: Down from the row above puts the focus on it (a row without
   * observations is focused whole), and Enter (a button's activation) opens the editor of
   * Nº 3 on its observations, the newest in focus. */
  g_assert_null (find_activity_editor ());
  marker = marker_of_row (fixture, 3);
  row = marker_of_row (fixture, 2);
  g_assert_false (gtk_widget_get_visible (row));
  while (gtk_widget_get_parent (row) != fixture->list)
    row = gtk_widget_get_parent (row);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) != marker_of_row (fixture, 2));
  g_assert_true (gtk_widget_child_focus (fixture->list, GTK_DIR_DOWN));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == marker);
  g_assert_true (gtk_widget_activate (marker));
  /* A button shows itself pressed a moment before it is clicked. */
  for (guint i = 0; i < 100 && find_activity_editor () == NULL; i++)
    test_ui_wait_for_frames (fixture->window, 1);
  editor = find_activity_editor ();
  g_assert_nonnull (editor);
  g_assert_true (poa_activity_editor_get_activity (POA_ACTIVITY_EDITOR (editor)) == activity_at (fixture, 2));
  g_assert_true (poa_activities_page_get_selected_activity (fixture->page) == activity_at (fixture, 2));
  for (guint i = 0; i < 50 && !GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (editor))); i++)
    test_ui_wait_for_frames (editor, 1);
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  list = gtk_widget_get_parent (focus);
  g_assert_true (gtk_widget_get_first_child (list) == focus);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==, "Corregir la fecha de término");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Clicked, the same. */
  g_signal_emit_by_name (marker_of_row (fixture, 3), "clicked");
  editor = find_activity_editor ();
  g_assert_nonnull (editor);
  g_assert_true (poa_activity_editor_get_activity (POA_ACTIVITY_EDITOR (editor)) == activity_at (fixture, 2));
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's accessibility backend for tests, which keeps what a screen reader would be told (the
   * markers' labels); the other window tests run with none. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/activities-table/rows-show-their-activities-texts-in-their-columns", test_rows_show_their_activities);
  ADD ("/activities-table/scrolling-never-shows-stale-text", test_scrolling_never_shows_stale_text);
  ADD ("/activities-table/an-edit-through-the-document-shows-in-its-row", test_an_edit_shows_in_its_row);
  ADD ("/activities-table/sorting-and-search-show-the-right-rows", test_sorting_and_search);
  ADD ("/activities-table/only-rows-in-view-are-laid-out", test_only_rows_in_view_are_laid_out);
  ADD ("/activities-table/a-keystroke-that-keeps-the-rows-lays-nothing-out",
       test_a_keystroke_that_keeps_the_rows_lays_nothing_out);
  ADD ("/activities-table/a-search-looks-only-where-a-keystroke-can-change-it",
       test_a_search_looks_only_where_a_keystroke_can_change_it);
  ADD ("/activities-table/heights-follow-text-and-width", test_heights_follow_text_and_width);
  ADD ("/activities-table/observations-mark-their-rows", test_observations_mark_their_rows);
#undef ADD

  return g_test_run ();
}
