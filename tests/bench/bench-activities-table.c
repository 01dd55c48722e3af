/* bench-activities-table.c — the Actividades table's first frame, inside one process.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it under a display. It times
 * the activities page from being given a plan to the end of the frame that shows it: GTK 4.8
 * makes, binds, measures and draws some 200 rows of six cells whatever the window's height.
 * Inside one process, and counting the processor time of the main thread beside the wall
 * time, the figures hold on a machine busy with other work, where bench-load's do not.
 *
 * Plans: the default one (16 activities); 100,000 made from it as bench-load's are, whose
 * texts repeat every 16 rows; and the same with every text made unique, the worst case for the
 * cells, which share the layouts of equal texts (a real plan repeats its strategic axes, lines
 * and action lines, not its names and specific activities). The first round is timed apart:
 * it loads the fonts and fills the caches, as at the program's start.
 */

#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "poa-activities-page.h"
#include "poa-activity.h"
#include "poa-cell-text.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "bench-page.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"

#define ROUNDS 15

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* The store the page's documents come from, and the page in its window. */
static BenchPage setup;

/* Gives @page @document and waits for the frame that shows its plan. */
static void
show_plan (GtkWidget   *page,
           PoaDocument *document,
           double    *wall_ms,
           double    *cpu_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page);
  gboolean painted = FALSE;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = bench_thread_cpu_ms ();
  gulong id;

  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), document);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (page);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu_ms = bench_thread_cpu_ms () - cpu_start;
}

static void
make_texts_unique (PoaPlan *plan)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      for (PoaActivityText field = 0; field < POA_ACTIVITY_N_TEXTS; field++)
        {
          g_autofree char *text = g_strdup_printf ("%s %u", poa_activity_get_text (activity, field), i);

          poa_activity_set_text (activity, field, text);
        }
    }
}

typedef enum
{
  TEXTS_REPEATED,   /* bench-load's plan: texts repeat every 16 rows */
  TEXTS_UNIQUE,     /* the same, a number added to every text */
  TEXTS_LONG,       /* bench_plan_with_long_texts() */
} Texts;

static const char *texts_names[] = { "", ", unique texts", ", long texts" };

static PoaPlan *
make_plan (guint n_activities,
           Texts texts)
{
  PoaPlan *plan;

  if (texts == TEXTS_LONG)
    return bench_plan_with_long_texts (n_activities);

  plan = test_plan_with_activities (n_activities);
  if (texts == TEXTS_UNIQUE)
    make_texts_unique (plan);
  return plan;
}

static void
bench (GtkWidget  *page,
       guint       n_activities,
       Texts       texts)
{
  g_autoptr(PoaPlan) plan = make_plan (n_activities, texts);
  g_autoptr(PoaDocument) document = NULL;
  g_autofree char *size = NULL;
  g_autofree char *name = NULL;
  double wall[ROUNDS], cpu[ROUNDS], first_wall, first_cpu;

  /* A page shows a document's plan; never edited here, it need not be in the store. */
  poa_plan_set_id (plan, 1);
  document = poa_document_new (setup.store, plan);

  show_plan (page, document, &first_wall, &first_cpu);
  for (guint i = 0; i < ROUNDS; i++)
    {
      poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), NULL);
      test_ui_wait_for_frames (page, 2);
      show_plan (page, document, &wall[i], &cpu[i]);
    }
  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), NULL);
  test_ui_wait_for_frames (page, 2);

  g_print ("%7u activities%s: first %.1f ms (%.1f ms processor), then median %.1f ms (%.1f ms processor)\n",
           n_activities, texts_names[texts], first_wall, first_cpu,
           bench_median (wall, ROUNDS), bench_median (cpu, ROUNDS));

  name = g_strdup_printf ("activities table: plan to first frame%s", texts_names[texts]);
  size = g_strdup_printf ("%u (processor %.1f ms; first time %.1f ms)", n_activities,
                          bench_median (cpu, ROUNDS), first_wall);
  bench_result (name, size, bench_median (wall, ROUNDS), 0, NULL, TRUE);
}

/* ─── Search as you type ─────────────────────────────────────────────────────────────────── */

/* Words of the plan's texts typed one letter at a time, then deleted one letter at a time, then
 * the entry emptied: keystrokes that narrow, widen, keep the same rows (the first rows shown
 * for "migr" are those for "migra") and restore the whole list. */
static const char *search_words[] = { "migrantes", "apoyo", "sezami", "consulado", "2x1" };

static void
search_changed_cb (GtkSearchEntry *entry,
                   guint          *changed)
{
  (*changed)++;
}

static void
count_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               guint                    *binds)
{
  (*binds)++;
}

/* What one keystroke did, for BENCH_VERBOSE. */
typedef struct
{
  guint  rows_before;
  guint  rows_after;
  guint  searches;      /* search-changed emissions: 1 for a keystroke */
  guint  binds;         /* cells bound (six a row) */
  guint  layouts;       /* Pango layouts the cells made */
  double search_ms;     /* wall time in the page's search, the filter and the rows' rebinding */
} Keystroke;

/* Types @text in @entry as a person does, one letter added at the end or one deleted from it
 * (gtk_editable_set_text() would delete the whole text first: a search for "" that restores
 * every row, then another for the new text, which no keystroke does), and waits for the frame
 * painted after the page's search: the wall time from the keystroke to that frame, GTK's search
 * delay left out (the bench sets it to 0 and says the page's), and the main thread's processor
 * time. */
static void
keystroke (GtkWidget   *page,
           GtkEditable *entry,
           const char  *text,
           double      *wall_ms,
           double      *cpu_ms,
           Keystroke   *what)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page);
  GListModel *shown = poa_activities_page_get_shown (POA_ACTIVITIES_PAGE (page));
  g_autofree char *before = g_strdup (gtk_editable_get_text (entry));
  gsize before_len = strlen (before), len = strlen (text);
  gboolean painted = FALSE;
  guint changed = 0;
  gint64 start, searched;
  double cpu_start;
  gulong changed_id, paint_id;
  guint layouts = _poa_cell_text_get_layouts_made ();

  what->rows_before = g_list_model_get_n_items (shown);
  what->binds = 0;
  changed_id = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &changed);
  start = g_get_monotonic_time ();
  cpu_start = bench_thread_cpu_ms ();
  if (g_getenv ("BENCH_SET_TEXT") != NULL)
    /* As this bench did before round 6, for comparison: two searches a keystroke. */
    gtk_editable_set_text (entry, text);
  else if (len > before_len && strncmp (before, text, before_len) == 0)
    {
      int position = g_utf8_strlen (before, -1);

      gtk_editable_insert_text (entry, text + before_len, len - before_len, &position);
    }
  else if (len < before_len && strncmp (before, text, len) == 0)
    gtk_editable_delete_text (entry, g_utf8_strlen (text, -1), -1);
  else
    gtk_editable_set_text (entry, text);
  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  searched = g_get_monotonic_time ();

  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (page);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (entry, changed_id);

  *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu_ms = bench_thread_cpu_ms () - cpu_start;
  what->search_ms = (searched - start) / 1000.0;
  what->searches = changed;
  what->rows_after = g_list_model_get_n_items (shown);
  what->layouts = _poa_cell_text_get_layouts_made () - layouts;
}

/* Counts the cells bound, through each column's factory (GtkSignalListItemFactory). */
static void
count_binds (GtkWidget *page,
             guint     *binds,
             gboolean   counting)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (test_ui_find_widget (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      if (!GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory))
        continue;
      if (counting)
        g_signal_connect (factory, "bind", G_CALLBACK (count_bind_cb), binds);
      else
        g_signal_handlers_disconnect_by_func (factory, count_bind_cb, binds);
    }
}

static void
bench_search (GtkWidget *page,
              guint      n_activities,
              guint      n_plans)
{
  g_autoptr(PoaPlan) model = bench_plan_with_long_texts (n_activities);
  GtkEditable *entry = GTK_EDITABLE (test_ui_find_widget (page, GTK_TYPE_SEARCH_ENTRY));
  GtkSearchBar *bar = GTK_SEARCH_BAR (test_ui_find_widget (page, GTK_TYPE_SEARCH_BAR));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *first_wall = g_new0 (double, n_plans);
  g_autofree double *first_cpu = g_new0 (double, n_plans);
  g_autofree double *fold_ms = g_new0 (double, n_plans);
  g_autofree char *size = NULL;
  guint delay = gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (entry));
  double median, p95, first, median_cpu, p95_cpu;

  /* Each plan is new, as after opening it: the first keystroke finds no text folded yet. */
  for (guint p = 0; p < n_plans; p++)
    {
      g_autoptr(PoaPlan) plan = poa_plan_copy (model);
      g_autoptr(PoaDocument) document = NULL;

      poa_plan_set_id (plan, 1);
      document = poa_document_new (setup.store, plan);
      gint64 opened;

      poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), document);
      opened = g_get_monotonic_time ();
      test_ui_wait_for_frames (page, 3);
      /* A user takes longer to type than the page takes to fold the plan's texts, in a thread;
       * how long it took is printed. */
      while (_poa_activities_page_is_folding (POA_ACTIVITIES_PAGE (page)))
        g_main_context_iteration (NULL, TRUE);
      fold_ms[p] = (g_get_monotonic_time () - opened) / 1000.0;
      /* BENCH_SORTED: the table sorted by its first text column (the activities' names), Z first. */
      if (g_getenv ("BENCH_SORTED") != NULL)
        {
          GtkColumnView *table = GTK_COLUMN_VIEW (test_ui_find_widget (page, GTK_TYPE_COLUMN_VIEW));
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), 1);

          gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
          test_ui_wait_for_frames (page, 2);
        }
      /* BENCH_SELECTED: a row selected, as when the user clicked one before searching (the
       * 5,000th activity, which every word of the bench's but "2x1" finds). */
      if (g_getenv ("BENCH_SELECTED") != NULL)
        {
          g_autoptr(PoaActivity) selected = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 4999);

          poa_activities_page_set_selected_activity (POA_ACTIVITIES_PAGE (page), selected);
          test_ui_wait_for_frames (page, 2);
        }
      gtk_search_bar_set_search_mode (bar, TRUE);
      delay = gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (entry));
      gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
      test_ui_wait_for_frames (page, 2);

      for (guint w = 0; w < (p == 0 ? G_N_ELEMENTS (search_words) : 1); w++)
        {
          const char *word = search_words[w];
          guint len = strlen (word);

          for (guint i = 1; i <= 2 * len; i++)
            {
              g_autofree char *typed = g_strndup (word, i <= len ? i : 2 * len - i);
              double wall_ms, cpu_ms;
              Keystroke what;

              count_binds (page, &what.binds, TRUE);
              keystroke (page, entry, typed, &wall_ms, &cpu_ms, &what);
              count_binds (page, &what.binds, FALSE);
              if (g_getenv ("BENCH_VERBOSE") != NULL)
                g_print ("  %-10s %6.1f ms, %6.1f ms processor; rows %6u -> %6u; search %5.1f ms (%u); "
                         "%4u cells bound, %4u layouts\n", typed[0] != '\0' ? typed : "(empty)", wall_ms, cpu_ms,
                         what.rows_before, what.rows_after, what.search_ms, what.searches, what.binds, what.layouts);
              if (w == 0 && i == 1)
                {
                  first_wall[p] = wall_ms;
                  first_cpu[p] = cpu_ms;
                }
              else
                {
                  g_array_append_val (wall, wall_ms);
                  g_array_append_val (cpu, cpu_ms);
                }
            }
        }

      gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), delay);
      gtk_search_bar_set_search_mode (bar, FALSE);
      poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), NULL);
      test_ui_wait_for_frames (page, 2);
    }

  median = bench_median ((double *)wall->data, wall->len);
  p95 = bench_percentile ((double *)wall->data, wall->len, 95);
  median_cpu = bench_median ((double *)cpu->data, cpu->len);
  p95_cpu = bench_percentile ((double *)cpu->data, cpu->len, 95);
  first = bench_median (first_wall, n_plans);
  g_print ("%7u activities, long texts: search keystroke median %.1f ms (%.1f processor), p95 %.1f ms (%.1f processor), "
           "first %.1f ms (%.1f processor, median of %u); the page's search delay %u ms; "
           "texts folded in a thread %.0f ms after the plan was given\n",
           n_activities, median, median_cpu, p95, p95_cpu, first, bench_median (first_cpu, n_plans), n_plans, delay,
           bench_median (fold_ms, n_plans));
  size = g_strdup_printf ("%u, long texts (p95 %.0f ms, first %.0f ms; %u keystrokes; delay %u ms)",
                          n_activities, p95, first, wall->len, delay);
  bench_result ("activities search: keystroke to painted frame", size, median,
                0, n_activities <= 10000 ? "<= 50 ms, first too" : "<= 100 ms, first too",
                MAX (MAX (median, p95), first) <= (n_activities <= 10000 ? 50 : 100));
}

/* ─── Scrolling ──────────────────────────────────────────────────────────────────────────── */

/* With BENCH_PNG=PREFIX, saves the window as PREFIX-NAME.png, for a person to look at: rows
 * scrolled into view are drawn, none blank. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  if (g_getenv ("BENCH_PNG") == NULL)
    return;

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s-%s.png", g_getenv ("BENCH_PNG"), name);
  gdk_texture_save_to_png (texture, path);
}

#define SCROLL_FRAMES 60

/* A drag of the scrollbar from top to bottom in SCROLL_FRAMES frames (each frame lands on rows
 * never shown), and the wheel: a quarter of a page a frame. The main thread's processor time
 * per frame is what the frame costs; its wall time also waits for the frame clock. */
static void
bench_scroll (GtkWidget *page,
              guint      n_activities)
{
  g_autoptr(PoaPlan) plan = bench_plan_with_long_texts (n_activities);
  g_autoptr(PoaDocument) document = NULL;
  GtkWidget *table = test_ui_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  double drag_wall[SCROLL_FRAMES], drag_cpu[SCROLL_FRAMES], wheel_wall[SCROLL_FRAMES], wheel_cpu[SCROLL_FRAMES];
  double bind[SCROLL_FRAMES], layout[SCROLL_FRAMES], paint[SCROLL_FRAMES], rest[SCROLL_FRAMES];
  g_autofree char *size = NULL;
  /* build-aux/bench.sh runs it twice: without accessibility, as every window benchmark, and with
   * the bus a desktop runs for screen readers, where each accessible change is a message. */
  const char *a11y_bus = g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0 ? "" : ", accessibility bus";
  guint layouts;

  poa_plan_set_id (plan, 1);
  document = poa_document_new (setup.store, plan);
  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), document);
  test_ui_wait_for_frames (page, 3);

  layouts = _poa_cell_text_get_layouts_made ();
  for (guint i = 0; i < SCROLL_FRAMES; i++)
    {
      double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      BenchFramePhases phases;

      bench_page_scroll_frame (page, adjustment, top * (i + 1) / SCROLL_FRAMES, &drag_wall[i], &drag_cpu[i], &phases);
      bind[i] = phases.bind;
      layout[i] = phases.layout;
      paint[i] = phases.paint;
      rest[i] = phases.rest;
      /* BENCH_FRAMES=1: each frame, for a person looking for the slow ones. */
      if (g_getenv ("BENCH_FRAMES") != NULL)
        g_print ("  drag frame %2u: %5.1f ms (bind %4.1f, layout %4.1f, paint %4.1f, rest %4.1f)\n",
                 i + 1, drag_cpu[i], phases.bind, phases.layout, phases.paint, phases.rest);
    }

  layouts = _poa_cell_text_get_layouts_made () - layouts;
  save_png (page, "drag");
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment)) / 3);
  test_ui_wait_for_frames (page, 3);
  for (guint i = 0; i < SCROLL_FRAMES; i++)
    bench_page_scroll_frame (page, adjustment,
                             gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 4,
                             &wheel_wall[i], &wheel_cpu[i], NULL);

  save_png (page, "wheel");
  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), NULL);
  test_ui_wait_for_frames (page, 2);

  g_print ("%7u activities, long texts%s: scrollbar drag, per frame %.1f ms processor (p95 %.1f, max %.1f), "
           "%.1f ms wall, %.0f cell layouts a frame; wheel %.1f ms processor (p95 %.1f), %.1f ms wall\n",
           n_activities, a11y_bus, bench_median (drag_cpu, SCROLL_FRAMES), bench_percentile (drag_cpu, SCROLL_FRAMES, 95),
           bench_percentile (drag_cpu, SCROLL_FRAMES, 100), bench_median (drag_wall, SCROLL_FRAMES),
           layouts / (double)SCROLL_FRAMES,
           bench_median (wheel_cpu, SCROLL_FRAMES), bench_percentile (wheel_cpu, SCROLL_FRAMES, 95),
           bench_median (wheel_wall, SCROLL_FRAMES));
  g_print ("         a drag frame's medians: binding the rows %.1f ms, layout %.1f, paint %.1f, the rest %.1f\n",
           bench_median (bind, SCROLL_FRAMES), bench_median (layout, SCROLL_FRAMES),
           bench_median (paint, SCROLL_FRAMES), bench_median (rest, SCROLL_FRAMES));
  size = g_strdup_printf ("%u, long texts%s (p95 %.1f ms; wheel %.1f ms, p95 %.1f)", n_activities, a11y_bus,
                          bench_percentile (drag_cpu, SCROLL_FRAMES, 95), bench_median (wheel_cpu, SCROLL_FRAMES),
                          bench_percentile (wheel_cpu, SCROLL_FRAMES, 95));
  bench_result ("activities table: scrollbar drag, main thread per frame", size,
                bench_median (drag_cpu, SCROLL_FRAMES), 0, "<= 16 ms",
                bench_percentile (drag_cpu, SCROLL_FRAMES, 95) <= 16 &&
                bench_percentile (wheel_cpu, SCROLL_FRAMES, 95) <= 16);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bench_page_open (&setup, POA_TYPE_ACTIVITIES_PAGE);

  /* An argument runs one part alone (first, search or scroll), for a profiler. */
  if (argc < 2 || g_str_equal (argv[1], "first"))
    {
      bench (setup.page, 16, TEXTS_REPEATED);
      bench (setup.page, 100000, TEXTS_REPEATED);
      bench (setup.page, 100000, TEXTS_UNIQUE);
      bench (setup.page, 100000, TEXTS_LONG);
    }
  if (argc < 2 || g_str_has_prefix (argv[1], "search"))
    {
      /* "search-10000" or "search-100000": one size alone. */
      if (argc < 2 || !g_str_equal (argv[1], "search-100000"))
        bench_search (setup.page, 10000, 5);
      if (argc < 2 || !g_str_equal (argv[1], "search-10000"))
        bench_search (setup.page, 100000, 3);
    }
  if (argc < 2 || g_str_equal (argv[1], "scroll"))
    bench_scroll (setup.page, 100000);

  bench_page_close (&setup);
  return 0;
}
