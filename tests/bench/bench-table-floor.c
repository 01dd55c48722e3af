/* bench-table-floor.c — what a scrollbar drag of the Actividades table costs GTK 4.8 itself.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures. The same drag as bench-activities-table's (60 jumps from top
 * to bottom of 100,000 long-text activities, each landing on rows never shown; then the wheel,
 * a quarter of a page a frame), side by side in one process on column views of the same six
 * columns (the same widths, the last one expanding) over the same items, whose cells are:
 *
 *   empty  a widget that draws nothing and answers a fixed size (a four-line row's): GTK's own
 *          binding, measuring, allocating and drawing of rows, the floor under any cell;
 *   label  a GtkLabel given a short text (the Nº) on each bind, GTK's cheapest text cell;
 *   cells  the program's columns (poa-list-columns.c, PoaCellText) in a bare column view;
 *   page   the Actividades page itself (bench-activities-table's figure).
 *
 * It counts per drag frame the binds and unbinds (all columns), the cells' measures, snapshots,
 * resizes asked and CSS changes (the empty cells' and PoaCellText's own counts), so that what
 * is GTK's and what is the program's can be told apart. The table's height is the page's in
 * every case (a spacer above the others takes the page's header). `bench-table-floor VARIANT…`
 * runs some of them only, for a profiler.
 */

#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "poa-activities-page.h"
#include "poa-activity.h"
#include "poa-cell-text.h"
#include "poa-document.h"
#include "poa-list-columns.h"
#include "poa-plan.h"
#include "bench-page.h"
#include "bench-util.h"
#include "test-ui-util.h"

#define N_ACTIVITIES  100000
#define SCROLL_FRAMES 60
#define FLOOR_HEIGHT  72     /* four lines of the page's font, about */

/* ─── The empty cell ─────────────────────────────────────────────────────────────────────── */

#define FLOOR_TYPE_CELL (floor_cell_get_type ())
G_DECLARE_FINAL_TYPE (FloorCell, floor_cell, FLOOR, CELL, GtkWidget)

struct _FloorCell
{
  GtkWidget parent_instance;
  int       width;
};

G_DEFINE_FINAL_TYPE (FloorCell, floor_cell, GTK_TYPE_WIDGET)

typedef struct
{
  guint binds, unbinds, measures, snapshots, resizes, css_changes;
} Counts;

static Counts floor_counts;

static void
floor_cell_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  floor_counts.measures++;
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? FLOOR_CELL (widget)->width : FLOOR_HEIGHT;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = FLOOR_HEIGHT;
}

static void
floor_cell_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  floor_counts.snapshots++;
}

static void
floor_cell_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  floor_counts.css_changes++;
  GTK_WIDGET_CLASS (floor_cell_parent_class)->css_changed (widget, change);
}

static void
floor_cell_class_init (FloorCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = floor_cell_measure;
  widget_class->snapshot = floor_cell_snapshot;
  widget_class->css_changed = floor_cell_css_changed;
  gtk_widget_class_set_css_name (widget_class, "label");
}

static void
floor_cell_init (FloorCell *self)
{
}

/* ─── The tables ─────────────────────────────────────────────────────────────────────────── */

typedef enum
{
  VARIANT_EMPTY,
  VARIANT_LABEL,
  VARIANT_CELLS,
  VARIANT_PAGE,
  N_VARIANTS
} Variant;

static const char *variant_names[] = { "empty", "label", "cells", "page" };
static const char *variant_titles[] = { "empty cells (GTK's floor)", "GtkLabel cells", "the program's columns, bare",
                                        "the Actividades page" };

static const struct {
  const char *property;
  int         width;   /* -1: its natural width */
} columns[] = {
  { "number", -1 },
  { "name", 200 },
  { "strategic-axis", 180 },
  { "strategic-line", 160 },
  { "action-line", 320 },
  { "specific-activity", 320 },
};

static void
count_bind_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               guint              *count)
{
  (*count)++;
}

static void
empty_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  width)
{
  FloorCell *cell = g_object_new (FLOOR_TYPE_CELL, NULL);

  cell->width = GPOINTER_TO_INT (width);
  gtk_list_item_set_child (list_item, GTK_WIDGET (cell));
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", poa_activity_get_number (gtk_list_item_get_item (list_item)));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* Counts the binds and unbinds of every column of @table. */
static void
count_binds (GtkColumnView *table)
{
  GListModel *table_columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (table_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (table_columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      g_signal_connect (factory, "bind", G_CALLBACK (count_bind_cb), &floor_counts.binds);
      g_signal_connect (factory, "unbind", G_CALLBACK (count_bind_cb), &floor_counts.unbinds);
    }
}

/* A column view of @variant's cells over @activities, as the page makes its own: a selection
 * over a sort model over a filter model, in a scrolled window. */
static GtkWidget *
table_new (Variant     variant,
           GListModel *activities)
{
  GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (activities), NULL);
  GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), NULL);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  GtkWidget *table = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (table), TRUE);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (table), TRUE);
  gtk_widget_add_css_class (table, "data-table");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;

      if (variant == VARIANT_CELLS)
        column = i == 0 ? test_ui_number_column_new ()
                        : _poa_text_column_new (columns[i].property, columns[i].property, columns[i].width, TRUE);
      else
        {
          GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

          if (variant == VARIANT_EMPTY)
            g_signal_connect (factory, "setup", G_CALLBACK (empty_setup_cb),
                              GINT_TO_POINTER (columns[i].width > 0 ? columns[i].width : 48));
          else
            {
              g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
              g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
            }
          column = gtk_column_view_column_new (columns[i].property, factory);
          gtk_column_view_column_set_resizable (column, TRUE);
          if (columns[i].width > 0)
            gtk_column_view_column_set_fixed_width (column, columns[i].width);
        }
      gtk_column_view_column_set_expand (column, i == G_N_ELEMENTS (columns) - 1);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (table), column);
    }
  count_binds (GTK_COLUMN_VIEW (table));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), table);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

/* ─── The drag ───────────────────────────────────────────────────────────────────────────── */

static Counts
counts_now (void)
{
  PoaCellTextCounts cells;
  Counts now = floor_counts;

  _poa_cell_text_get_counts (&cells);
  now.measures += cells.measures;
  now.snapshots += cells.snapshots;
  now.resizes += cells.resizes;
  now.css_changes += cells.css_changes;
  return now;
}

static void
drag (const char *name,
      const char *title,
      GtkWidget  *table)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  double drag_cpu[SCROLL_FRAMES], wheel_cpu[SCROLL_FRAMES];
  Counts before, after;
  guint layouts = _poa_cell_text_get_layouts_made ();

  test_ui_wait_for_frames (table, 3);
  before = counts_now ();
  for (guint i = 0; i < SCROLL_FRAMES; i++)
    {
      double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      bench_page_scroll_frame (table, adjustment, top * (i + 1) / SCROLL_FRAMES, NULL, &drag_cpu[i], NULL);
    }
  after = counts_now ();
  layouts = _poa_cell_text_get_layouts_made () - layouts;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  test_ui_wait_for_frames (table, 3);
  for (guint i = 0; i < SCROLL_FRAMES; i++)
    bench_page_scroll_frame (table, adjustment,
                             gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 4,
                             NULL, &wheel_cpu[i], NULL);

#define PER_FRAME(field) ((after.field - before.field) / (double)SCROLL_FRAMES)
  {
    g_autofree char *result_name = g_strdup_printf ("activities table floor: drag per frame, %s", title);
    g_autofree char *size = g_strdup_printf ("%u, long texts (p95 %.1f ms; wheel %.1f ms; %.0f resizes, %.0f layouts a frame)",
                                             N_ACTIVITIES, bench_percentile (drag_cpu, SCROLL_FRAMES, 95),
                                             bench_median (wheel_cpu, SCROLL_FRAMES), PER_FRAME (resizes),
                                             layouts / (double)SCROLL_FRAMES);

    bench_result (result_name, size, bench_median (drag_cpu, SCROLL_FRAMES), 0, NULL, TRUE);
  }
  g_print ("%-5s drag %5.1f ms (p95 %5.1f), wheel %5.1f ms (p95 %5.1f) | a drag frame: %4.0f binds, "
           "%4.0f unbinds, %5.0f measures, %4.0f snapshots, %4.0f resizes, %4.0f css changes, "
           "%4.0f layouts; table %d px high\n",
           name, bench_median (drag_cpu, SCROLL_FRAMES), bench_percentile (drag_cpu, SCROLL_FRAMES, 95),
           bench_median (wheel_cpu, SCROLL_FRAMES), bench_percentile (wheel_cpu, SCROLL_FRAMES, 95),
           PER_FRAME (binds), PER_FRAME (unbinds), PER_FRAME (measures), PER_FRAME (snapshots),
           PER_FRAME (resizes), PER_FRAME (css_changes), layouts / (double)SCROLL_FRAMES,
           gtk_widget_get_height (table));
#undef PER_FRAME
}

int
main (int   argc,
      char *argv[])
{
  BenchPage setup = { 0 };
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaDocument) document = NULL;
  GtkWidget *page_table;
  int page_height, header;
  gboolean run[N_VARIANTS] = { argc < 2, argc < 2, argc < 2, argc < 2 };

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    for (guint v = 0; v < N_VARIANTS; v++)
      run[v] |= g_str_equal (argv[i], variant_names[v]);

  bench_page_open (&setup, POA_TYPE_ACTIVITIES_PAGE);
  plan = bench_plan_with_long_texts (N_ACTIVITIES);
  poa_plan_set_id (plan, 1);
  document = poa_document_new (setup.store, plan);

  /* The page first: its table's height is the others'. */
  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (setup.page), document);
  test_ui_wait_for_frames (setup.page, 3);
  page_table = test_ui_find_widget (setup.page, GTK_TYPE_COLUMN_VIEW);
  count_binds (GTK_COLUMN_VIEW (page_table));
  page_height = gtk_widget_get_height (gtk_widget_get_parent (page_table));
  header = gtk_widget_get_height (setup.page) - page_height;
  if (run[VARIANT_PAGE])
    drag ("page", variant_titles[VARIANT_PAGE], page_table);
  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (setup.page), NULL);
  test_ui_wait_for_frames (setup.page, 2);

  for (Variant v = VARIANT_EMPTY; v < VARIANT_PAGE; v++)
    {
      GtkWidget *box, *spacer, *scrolled;

      if (!run[v])
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_size_request (spacer, -1, header);
      scrolled = table_new (v, G_LIST_MODEL (poa_plan_get_activities (plan)));
      gtk_box_append (GTK_BOX (box), spacer);
      gtk_box_append (GTK_BOX (box), scrolled);
      gtk_window_set_child (GTK_WINDOW (setup.window), box);
      test_ui_wait_for_frames (setup.window, 3);
      drag (variant_names[v], variant_titles[v], gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
      gtk_window_set_child (GTK_WINDOW (setup.window), NULL);
      test_ui_wait_for_frames (setup.window, 2);
    }

  g_clear_object (&document);
  bench_page_close (&setup);
  return 0;
}
