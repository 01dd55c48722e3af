/* bench-xlsx.c — how long `poa export --output FILE.xlsx` takes, and how much memory it uses,
 * for plans of 16, 1,000 and 10,000 activities. A benchmark, not a test: it prints figures.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-xlsx POA_BINARY [RUNS]
 *        bench-xlsx --in-process N RUNS     (the alternating in-process comparison alone)
 *        bench-xlsx --profile N plain|calendars|floor|plain-cells|calendars-cells ROUNDS
 *                                           (one workbook, for a profiler; -cells: libxlsxwriter
 *                                           alone writing that workbook's cells)
 *
 * Each size gets a database holding the default plan's activities repeated up to that size.
 * The whole process is run RUNS times (default 9) after one unmeasured run that brings the
 * files into the page cache: median wall time, processor time, and the largest resident set
 * any run reached. The same work is then timed inside this process, to tell loading the plan
 * from the store from writing the workbook.
 */

#include "config.h"

#include <locale.h>
#include <time.h>

#include <glib/gstdio.h>

#include <unzip.h>
#include <xlsxwriter.h>

#include "poa-activity.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "poa-xlsx-export.h"
#include "bench-util.h"
#include "test-plans.h"

static void
bench_size (const char *binary,
            const char *dir,
            guint       n,
            guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup_printf ("%s/poa-%u.sqlite3", dir, n);
  g_autofree char *out = g_strdup_printf ("%s/poa-%u.xlsx", dir, n);
  g_autofree char *plan_arg = NULL;
  g_autofree char *size = NULL;
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *load = g_new (double, runs);
  g_autofree double *write = g_new (double, runs);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  GStatBuf st;
  double wall_median;
  gsize peak = 0;
  gint64 id;

  store = poa_store_open (db, &error);
  g_assert_no_error (error);
  id = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);
  plan_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  {
    char *argv[] = { (char *)binary, (char *)"--db", db, (char *)"--plan", plan_arg,
                     (char *)"export", (char *)"--output", out, NULL };

    bench_spawn_runs (argv, NULL, runs, wall, cpu, &peak);
  }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(PoaPlan) loaded = NULL;
      gint64 t0 = g_get_monotonic_time (), t1;

      loaded = poa_store_load_plan (store, id, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      poa_xlsx_export (loaded, out, &error);
      g_assert_no_error (error);
      load[r] = (t1 - t0) / 1000.0;
      write[r] = (g_get_monotonic_time () - t1) / 1000.0;
    }

  wall_median = bench_median (wall, runs);
  g_stat (out, &st);
  g_print ("%6u activities: process %6.1f ms median (%.1f to %.1f), CPU %6.1f ms, peak RSS %5.1f MB;"
           " in process: load %6.1f ms, write %6.1f ms; file %.0f KB\n",
           n, wall_median, wall[0], wall[runs - 1], bench_median (cpu, runs), peak / 1024.0,
           bench_median (load, runs), bench_median (write, runs), st.st_size / 1024.0);

  size = g_strdup_printf ("%u (in process: load %.0f ms, write %.0f ms)", n,
                          bench_median (load, runs), bench_median (write, runs));
  if (n == 10000)
    bench_result ("xlsx: poa export, whole process", size, wall_median, peak,
                  "< 100 ms and < 30 MB", wall_median < 100 && peak < 30 * 1024);
  else
    bench_result ("xlsx: poa export, whole process", size, wall_median, peak, NULL, TRUE);
}

/* The least libxlsxwriter does for a workbook of the same size: the cells POA writes for
 * @n activities (6 a row on the POA sheet, 23 on the Cronograma) as bare numbers, without a
 * format, a text, a formula or a merged range, with the same constant_memory option. Whatever
 * POA adds to that, the whole `poa export` process cannot take less. */
/* The processor time of this process, all its threads, in milliseconds: on a machine shared
 * with other work it tells the work done apart from the wait for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double last_cpu;

static double
write_floor (const char *out,
             guint       n)
{
  double cpu0 = cpu_ms ();
  static const guint columns[] = { 6, 23 };
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  gint64 start = g_get_monotonic_time ();
  lxw_workbook *workbook = workbook_new_opt (out, &options);

  for (guint s = 0; s < G_N_ELEMENTS (columns); s++)
    {
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

      for (guint row = 0; row < n; row++)
        for (guint col = 0; col < columns[s]; col++)
          worksheet_write_number (sheet, row, (lxw_col_t)col, row + col, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  last_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
write_poa (PoaPlan    *plan,
           const char *out)
{
  g_autoptr(GError) error = NULL;
  double cpu0 = cpu_ms ();
  gint64 start = g_get_monotonic_time ();

  poa_xlsx_export (plan, out, &error);
  g_assert_no_error (error);
  last_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Every activity with all twelve months programmed and achieved, a note in some months, and a
 * justification for every quarter: what a year of follow-up leaves. */
static PoaPlan *
plan_with_calendars (guint n)
{
  PoaPlan *plan = test_plan_with_activities (n);
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint m = 1; m <= 12; m++)
    poa_calendar_set_month (calendar, m, 2 + m % 3, 1 + m % 2, m % 4 == 0 ? "Se realizó en la cabecera" : NULL);
  for (guint q = 1; q <= 4; q++)
    poa_calendar_set_justification (calendar, q, "Las lluvias retrasaron las visitas a las comunidades");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      poa_activity_set_calendar (activity, calendar);
    }
  return plan;
}

/* libxlsxwriter alone writing exactly the cells of a workbook POA wrote: every value, text and
 * formula (with its cached result) of every sheet, hidden _poa included, read back from the
 * workbook's own XML, written in the same order with the same constant_memory option, without
 * a format, a merged range, a row height or a column width (a blank cell, which holds nothing
 * but its format, is then no cell at all). Whatever POA adds to that is its own overhead. */

typedef enum { CELL_NUMBER, CELL_TEXT, CELL_FORMULA_NUMBER, CELL_FORMULA_TEXT } CellKind;

typedef struct
{
  guint32     row;
  guint16     col;
  guint8      kind;
  double      number;
  const char *text;     /* the text, or the formula's text result */
  const char *formula;
} Cell;

typedef struct
{
  GArray       *sheets;  /* of GArray of Cell, one per sheet in the workbook's order */
  GStringChunk *texts;
} WorkbookCells;

static void
workbook_cells_free (WorkbookCells *cells)
{
  for (guint i = 0; i < cells->sheets->len; i++)
    g_array_unref (g_array_index (cells->sheets, GArray *, i));
  g_array_unref (cells->sheets);
  g_string_chunk_free (cells->texts);
  g_free (cells);
}

/* The text between @start and @end, with XML's five references resolved. */
static const char *
unescaped (WorkbookCells *cells,
           const char    *start,
           const char    *end)
{
  GString *text = g_string_sized_new (end - start);
  const char *kept;

  for (const char *p = start; p < end; p++)
    {
      static const struct { const char *reference; char c; } references[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
      };
      gboolean replaced = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (references) && !replaced; i++)
          if (g_str_has_prefix (p, references[i].reference))
            {
              g_string_append_c (text, references[i].c);
              p += strlen (references[i].reference) - 1;
              replaced = TRUE;
            }
      if (!replaced)
        g_string_append_c (text, *p);
    }
  kept = g_string_chunk_insert_len (cells->texts, text->str, (gssize)text->len);
  g_string_free (text, TRUE);
  return kept;
}

/* The content of the element @name (<name>…</name> or <name attributes>…</name>) first met
 * between @from and @limit, or NULL. */
static const char *
element_text (WorkbookCells *cells,
              const char    *from,
              const char    *limit,
              const char    *name)
{
  g_autofree char *open = g_strdup_printf ("<%s", name);
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  const char *start = g_strstr_len (from, limit - from, open);
  const char *end;

  while (start != NULL && start[strlen (open)] != '>' && start[strlen (open)] != ' ')
    start = g_strstr_len (start + 1, limit - start - 1, open);
  if (start == NULL || (start = strchr (start, '>')) == NULL || start >= limit)
    return NULL;
  start++;
  end = g_strstr_len (start, limit - start, close);
  return end != NULL ? unescaped (cells, start, end) : NULL;
}

static GArray *
sheet_cells (WorkbookCells *cells,
             const char    *xml)
{
  GArray *sheet = g_array_new (FALSE, FALSE, sizeof (Cell));
  const char *p = strstr (xml, "<sheetData");

  while (p != NULL && (p = strstr (p, "<c r=\"")) != NULL)
    {
      const char *tag_end = strchr (p, '>');
      const char *end;
      Cell cell = { 0 };
      const char *type;
      guint col = 0;

      p += strlen ("<c r=\"");
      for (; g_ascii_isupper (*p); p++)
        col = col * 26 + (guint)(*p - 'A' + 1);
      cell.col = (guint16)(col - 1);
      cell.row = (guint32)g_ascii_strtoull (p, NULL, 10) - 1;
      if (tag_end[-1] == '/')
        {
          /* A blank cell: its format alone. */
          p = tag_end;
          continue;
        }
      end = strstr (tag_end, "</c>");
      type = g_strstr_len (p, tag_end - p, " t=\"");
      if (type != NULL && g_str_has_prefix (type, " t=\"inlineStr\""))
        {
          cell.kind = CELL_TEXT;
          cell.text = element_text (cells, tag_end, end, "t");
        }
      else if ((cell.formula = element_text (cells, tag_end, end, "f")) != NULL)
        {
          const char *value = element_text (cells, tag_end, end, "v");

          if (type != NULL && g_str_has_prefix (type, " t=\"str\""))
            {
              cell.kind = CELL_FORMULA_TEXT;
              cell.text = value != NULL ? value : "";
            }
          else
            {
              cell.kind = CELL_FORMULA_NUMBER;
              cell.number = value != NULL ? g_ascii_strtod (value, NULL) : 0;
            }
        }
      else
        {
          const char *value = element_text (cells, tag_end, end, "v");

          cell.kind = CELL_NUMBER;
          cell.number = value != NULL ? g_ascii_strtod (value, NULL) : 0;
        }
      g_array_append_val (sheet, cell);
      p = end;
    }

  return sheet;
}

/* Every cell of the workbook @path, sheet by sheet. */
static WorkbookCells *
read_workbook_cells (const char *path)
{
  WorkbookCells *cells = g_new0 (WorkbookCells, 1);
  unzFile zip = unzOpen64 (path);

  g_assert_nonnull (zip);
  cells->sheets = g_array_new (FALSE, FALSE, sizeof (GArray *));
  cells->texts = g_string_chunk_new (1024 * 1024);
  for (guint i = 1;; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autoptr(GString) xml = g_string_new (NULL);
      char buffer[64 * 1024];
      GArray *sheet;
      int n;

      if (unzLocateFile (zip, name, 1) != UNZ_OK)
        break;
      g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
      while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
        g_string_append_len (xml, buffer, n);
      g_assert_cmpint (n, ==, 0);
      unzCloseCurrentFile (zip);
      sheet = sheet_cells (cells, xml->str);
      g_array_append_val (cells->sheets, sheet);
    }
  unzClose (zip);
  return cells;
}

static guint
workbook_cells_count (const WorkbookCells *cells)
{
  guint n = 0;

  for (guint i = 0; i < cells->sheets->len; i++)
    n += g_array_index (cells->sheets, GArray *, i)->len;
  return n;
}

static double
write_cells_floor (const char          *out,
                   const WorkbookCells *cells)
{
  double cpu0 = cpu_ms ();
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  gint64 start = g_get_monotonic_time ();
  lxw_workbook *workbook = workbook_new_opt (out, &options);

  for (guint s = 0; s < cells->sheets->len; s++)
    {
      GArray *sheet = g_array_index (cells->sheets, GArray *, s);
      lxw_worksheet *ws = workbook_add_worksheet (workbook, NULL);

      for (guint i = 0; i < sheet->len; i++)
        {
          const Cell *cell = &g_array_index (sheet, Cell, i);

          switch ((CellKind)cell->kind)
            {
            case CELL_NUMBER:
              worksheet_write_number (ws, cell->row, cell->col, cell->number, NULL);
              break;
            case CELL_TEXT:
              worksheet_write_string (ws, cell->row, cell->col, cell->text, NULL);
              break;
            case CELL_FORMULA_NUMBER:
              worksheet_write_formula_num (ws, cell->row, cell->col, cell->formula, NULL, cell->number);
              break;
            case CELL_FORMULA_TEXT:
            default:
              worksheet_write_formula_str (ws, cell->row, cell->col, cell->formula, NULL, cell->text);
              break;
            }
        }
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  last_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* In this process, alternating, so that the machine's slow and fast phases fall on all alike:
 * libxlsxwriter alone (above), POA's workbook of @n activities as today's plans are, the same
 * plan with full calendars (issue 16: the Cronograma's second rows and an Avance trimestral of
 * all four quarters, on a December day), and libxlsxwriter alone writing exactly the cells of
 * each of POA's two workbooks (write_cells_floor()). Targets: POA within 1.3× of libxlsxwriter
 * alone (issue 21), the calendars within 1.3× of the plan without (issue 16), and the calendar
 * workbook within 1.3× of libxlsxwriter alone writing its cells (POA's own overhead there). */
static void
bench_in_process (const char *dir,
                  guint       n,
                  guint       runs)
{
  enum { FLOOR, PLAIN, FULL, PLAIN_CELLS, FULL_CELLS, N_KINDS };
  static const char *const names[N_KINDS] = {
    "libxlsxwriter alone", "POA", "POA with full calendars", "libxlsxwriter alone, POA's cells",
    "libxlsxwriter alone, the full-calendar workbook's cells"
  };
  g_autofree char *out = g_strdup_printf ("%s/in-process-%u.xlsx", dir, n);
  g_autofree double *wall = g_new (double, N_KINDS * runs);
  g_autofree double *cpu = g_new (double, N_KINDS * runs);
  g_autoptr(PoaPlan) plain_plan = test_plan_with_activities (n);
  g_autoptr(PoaPlan) full_plan = plan_with_calendars (n);
  WorkbookCells *plain_cells, *full_cells;
  double ms[N_KINDS], cpu_median[N_KINDS];
  g_autofree char *size = NULL;

  g_setenv ("POA_TODAY", "2026-12-15", TRUE);
  /* One unmeasured round brings the code and the files' room in, and gives the cells. */
  write_floor (out, n);
  write_poa (plain_plan, out);
  plain_cells = read_workbook_cells (out);
  write_poa (full_plan, out);
  full_cells = read_workbook_cells (out);
  write_cells_floor (out, plain_cells);
  write_cells_floor (out, full_cells);
  for (guint r = 0; r < runs; r++)
    for (guint k = 0; k < N_KINDS; k++)
      {
        switch (k)
          {
          case FLOOR:
            wall[k * runs + r] = write_floor (out, n);
            break;
          case PLAIN:
            wall[k * runs + r] = write_poa (plain_plan, out);
            break;
          case FULL:
            wall[k * runs + r] = write_poa (full_plan, out);
            break;
          case PLAIN_CELLS:
            wall[k * runs + r] = write_cells_floor (out, plain_cells);
            break;
          case FULL_CELLS:
          default:
            wall[k * runs + r] = write_cells_floor (out, full_cells);
            break;
          }
        cpu[k * runs + r] = last_cpu;
      }
  g_unsetenv ("POA_TODAY");

  for (guint k = 0; k < N_KINDS; k++)
    {
      ms[k] = bench_median (wall + k * runs, runs);
      cpu_median[k] = bench_median (cpu + k * runs, runs);
    }
  g_print ("%6u activities, in process, %u alternating runs: libxlsxwriter alone %.1f ms, POA %.1f ms (%.2f×), "
           "POA with full calendars %.1f ms (%.2f× without)\n",
           n, runs, ms[FLOOR], ms[PLAIN], ms[PLAIN] / ms[FLOOR], ms[FULL], ms[FULL] / ms[PLAIN]);
  g_print ("%6u activities, processor time (all threads): libxlsxwriter alone %.1f ms, POA %.1f ms (%.2f×), "
           "POA with full calendars %.1f ms (%.2f× without)\n",
           n, cpu_median[FLOOR], cpu_median[PLAIN], cpu_median[PLAIN] / cpu_median[FLOOR], cpu_median[FULL],
           cpu_median[FULL] / cpu_median[PLAIN]);
  g_print ("%6u activities, libxlsxwriter alone writing POA's cells (%u) %.1f ms wall / %.1f ms processor: "
           "POA %.2f× / %.2f×; the full-calendar workbook's cells (%u) %.1f / %.1f ms: POA with full calendars "
           "%.2f× / %.2f×\n",
           n, workbook_cells_count (plain_cells), ms[PLAIN_CELLS], cpu_median[PLAIN_CELLS],
           ms[PLAIN] / ms[PLAIN_CELLS], cpu_median[PLAIN] / cpu_median[PLAIN_CELLS],
           workbook_cells_count (full_cells), ms[FULL_CELLS], cpu_median[FULL_CELLS],
           ms[FULL] / ms[FULL_CELLS], cpu_median[FULL] / cpu_median[FULL_CELLS]);
  for (guint k = 0; k < N_KINDS; k++)
    g_print ("  %-56s wall %8.1f ms, processor %8.1f ms\n", names[k], ms[k], cpu_median[k]);

  size = g_strdup_printf ("%u (%u cells, no formats)", n, n * 29);
  bench_result ("xlsx: libxlsxwriter alone, in process", size, ms[FLOOR], 0, NULL, TRUE);
  g_free (size);
  size = g_strdup_printf ("%u (libxlsxwriter alone: %.0f ms; %.2f×)", n, ms[FLOOR], ms[PLAIN] / ms[FLOOR]);
  bench_result ("xlsx: POA workbook, in process", size, ms[PLAIN], 0, "≤ 1.3× libxlsxwriter alone",
                ms[PLAIN] <= 1.3 * ms[FLOOR]);
  g_free (size);
  size = g_strdup_printf ("%u, full calendars (without: %.0f ms; %.2f×)", n, ms[PLAIN], ms[FULL] / ms[PLAIN]);
  bench_result ("xlsx: workbook with month figures, in process", size, ms[FULL], 0, "≤ 1.3× without",
                ms[FULL] <= 1.3 * ms[PLAIN]);
  g_free (size);
  size = g_strdup_printf ("%u, full calendars (%u cells: values, texts, formulas; no formats)", n,
                          workbook_cells_count (full_cells));
  bench_result ("xlsx: libxlsxwriter alone, the full-calendar workbook's cells", size, ms[FULL_CELLS], 0,
                NULL, TRUE);
  g_free (size);
  size = g_strdup_printf ("%u, full calendars (its cells alone: %.0f ms; %.2f×)", n, ms[FULL_CELLS],
                          ms[FULL] / ms[FULL_CELLS]);
  bench_result ("xlsx: workbook with month figures against its cells alone", size, ms[FULL], 0,
                "≤ 1.3× libxlsxwriter alone (its cells)", ms[FULL] <= 1.3 * ms[FULL_CELLS]);

  workbook_cells_free (plain_cells);
  workbook_cells_free (full_cells);
}

/* `bench-xlsx --profile N plain|calendars|floor|plain-cells|calendars-cells ROUNDS`: writes that
 * workbook ROUNDS times and nothing else, for perf or callgrind. */
static int
profile (guint       n,
         const char *what,
         guint       rounds)
{
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "profile.xlsx", NULL);
  g_autoptr(PoaPlan) plan = g_str_has_prefix (what, "calendars") ? plan_with_calendars (n) :
                            test_plan_with_activities (n);

  WorkbookCells *cells = NULL;

  g_setenv ("POA_TODAY", "2026-12-15", TRUE);
  if (g_str_has_suffix (what, "-cells"))
    {
      write_poa (plan, out);
      cells = read_workbook_cells (out);
    }
  for (guint r = 0; r < rounds; r++)
    {
      double ms = cells != NULL ? write_cells_floor (out, cells) :
                  g_str_equal (what, "floor") ? write_floor (out, n) : write_poa (plan, out);

      g_print ("%s %u: %.1f ms, processor %.1f ms\n", what, n, ms, last_cpu);
    }
  if (g_getenv ("POA_BENCH_KEEP") != NULL)
    {
      g_autofree char *kept = g_strdup_printf ("%s.xlsx", g_getenv ("POA_BENCH_KEEP"));

      g_rename (out, kept);
    }
  if (cells != NULL)
    workbook_cells_free (cells);
  bench_remove_dir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 16, 1000, 10000 };
  g_autofree char *dir = NULL;
  guint runs = 9;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--profile"))
    return profile ((guint)g_ascii_strtoull (argv[2], NULL, 10), argv[3],
                    (guint)g_ascii_strtoull (argv[4], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "--in-process"))
    {
      dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
      bench_in_process (dir, (guint)g_ascii_strtoull (argv[2], NULL, 10),
                        (guint)g_ascii_strtoull (argv[3], NULL, 10));
      bench_remove_dir (dir);
      return 0;
    }
  if (argc < 2)
    {
      g_printerr ("usage: %s POA_BINARY [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    runs = CLAMP ((guint)g_ascii_strtoull (argv[2], NULL, 10), 1, 100);

  dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_size (argv[1], dir, sizes[i], runs);
  bench_in_process (dir, 10000, runs);

  bench_remove_dir (dir);
  return 0;
}
