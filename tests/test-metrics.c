/* test-metrics.c — the efficiency index, its semáforo, progress against the cronograma, the
 * spending catalog and the bar chart.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-catalog.h"
#include "poa-check.h"
#include "poa-default-plan.h"
#include "poa-metrics.h"
#include "poa-plan.h"
#include "poa-progress-chart.h"

static PoaActivity *
activity_new (guint programmed,
              guint achieved,
              guint months)
{
  PoaActivity *activity = poa_activity_new ();

  poa_activity_set_goal (activity, POA_ACTIVITY_ANNUAL_GOAL, programmed);
  poa_activity_set_goal (activity, POA_ACTIVITY_PROGRAMMED, programmed);
  poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, achieved);
  poa_activity_set_months (activity, months);
  return activity;
}

static void
test_index_of_the_default_plan (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  double percent = 0;

  /* 23 achieved of 198 programmed: 11.6 %, far below the default yellow threshold of 70. */
  g_assert_cmpint (poa_plan_get_semaforo (plan, &percent), ==, POA_SEMAFORO_RED);
  g_assert_cmpfloat_with_epsilon (percent, 100.0 * 23 / 198, 1e-9);
  g_assert_cmpuint (poa_plan_get_semaforo_green (plan), ==, 90);
  g_assert_cmpuint (poa_plan_get_semaforo_yellow (plan), ==, 70);

  /* The thresholds are the plan's: lower them and the same index changes colour. */
  poa_plan_set_semaforo_yellow (plan, 10);
  g_assert_cmpint (poa_plan_get_semaforo (plan, NULL), ==, POA_SEMAFORO_YELLOW);
  poa_plan_set_semaforo_green (plan, 11);
  g_assert_cmpint (poa_plan_get_semaforo (plan, NULL), ==, POA_SEMAFORO_GREEN);
}

static void
test_index_without_activities (void)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  double percent = 42;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 7, 2026);
  g_assert_cmpint (poa_plan_get_semaforo (plan, &percent), ==, POA_SEMAFORO_NONE);
  g_assert_cmpfloat (percent, ==, 0);
  g_assert_cmpuint (poa_plan_count_late (plan, &date), ==, 0);
}

static void
test_index_with_nothing_programmed (void)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autoptr(PoaActivity) activity = activity_new (0, 3, POA_MONTHS_ALL);
  double percent = 42;

  g_list_store_append (poa_plan_get_activities (plan), activity);
  g_assert_cmpint (poa_plan_get_semaforo (plan, &percent), ==, POA_SEMAFORO_NONE);
  g_assert_cmpint (poa_activity_get_semaforo (activity, plan, &percent), ==, POA_SEMAFORO_NONE);
  g_assert_cmpfloat (percent, ==, 0);
  g_assert_cmpstr (poa_semaforo_label_spanish (POA_SEMAFORO_NONE), ==, "Sin índice");
}

static void
test_index_above_programmed (void)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autoptr(PoaActivity) activity = activity_new (10, 15, POA_MONTHS_ALL);
  double percent = 0;

  g_list_store_append (poa_plan_get_activities (plan), activity);
  g_assert_cmpint (poa_plan_get_semaforo (plan, &percent), ==, POA_SEMAFORO_GREEN);
  g_assert_cmpfloat_with_epsilon (percent, 150.0, 1e-9);
  g_assert_cmpint (poa_activity_get_semaforo (activity, plan, NULL), ==, POA_SEMAFORO_GREEN);

  /* The bar is full, not longer than its track. */
  g_assert_cmpfloat (poa_progress_chart_bar_fraction (percent), ==, 1.0);
  g_assert_cmpfloat (poa_progress_chart_bar_fraction (30), ==, 0.3);
  g_assert_cmpfloat (poa_progress_chart_bar_fraction (-5), ==, 0.0);
}

static void
test_semaforo_thresholds_are_inclusive (void)
{
  g_assert_cmpint (poa_semaforo_for_percent (90.0, 90, 70), ==, POA_SEMAFORO_GREEN);
  g_assert_cmpint (poa_semaforo_for_percent (100.0 * 63 / 70, 90, 70), ==, POA_SEMAFORO_GREEN);
  g_assert_cmpint (poa_semaforo_for_percent (89.99, 90, 70), ==, POA_SEMAFORO_YELLOW);
  g_assert_cmpint (poa_semaforo_for_percent (70.0, 90, 70), ==, POA_SEMAFORO_YELLOW);
  g_assert_cmpint (poa_semaforo_for_percent (69.9, 90, 70), ==, POA_SEMAFORO_RED);
  g_assert_cmpint (poa_semaforo_for_percent (0, 90, 70), ==, POA_SEMAFORO_RED);
  g_assert_cmpint (poa_semaforo_for_percent (0, 0, 0), ==, POA_SEMAFORO_GREEN);
  g_assert_cmpint (poa_semaforo_for_percent (NAN, 90, 70), ==, POA_SEMAFORO_NONE);

  /* Yellow above green: green wins, and check says so. */
  g_assert_cmpint (poa_semaforo_for_percent (85, 80, 95), ==, POA_SEMAFORO_GREEN);
  g_assert_cmpint (poa_semaforo_for_percent (75, 80, 95), ==, POA_SEMAFORO_RED);

  /* Every level has a word and a colour of its own: colour is never the only sign. */
  for (PoaSemaforo a = POA_SEMAFORO_NONE; a <= POA_SEMAFORO_GREEN; a++)
    for (PoaSemaforo b = a + 1; b <= POA_SEMAFORO_GREEN; b++)
      {
        g_assert_cmpstr (poa_semaforo_label (a), !=, poa_semaforo_label (b));
        g_assert_cmpuint (poa_semaforo_rgb (a), !=, poa_semaforo_rgb (b));
      }
}

static void
test_check_warns_of_reversed_thresholds (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(GListStore) findings = NULL;
  gboolean seen = FALSE;

  poa_plan_set_semaforo_yellow (plan, 95);
  findings = poa_check_plan (plan);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      seen |= g_strcmp0 (poa_finding_get_field (finding), "semaforo_yellow") == 0;
    }
  g_assert_true (seen);
}

static void
assert_share (guint       months,
              guint       year,
              guint       day,
              guint       month,
              guint       date_year,
              double      expected)
{
  GDate date;
  double share = -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, date_year);
  g_assert_true (poa_months_elapsed_share (months, year, &date, &share));
  if (fabs (share - expected) > 1e-9)
    g_error ("months 0x%03x of %u on %02u/%02u/%u: share %.6f, expected %.6f",
             months, year, day, month, date_year, share, expected);
}

static void
test_schedule_share_on_fixed_dates (void)
{
  const guint march_april = (1u << 2) | (1u << 3);
  const guint february = 1u << 1;
  GDate date;
  double share = -1;

  /* All year: nothing before it starts, half on 1 July, everything once it is over. */
  assert_share (POA_MONTHS_ALL, 2026, 31, 12, 2025, 0.0);
  assert_share (POA_MONTHS_ALL, 2026, 1, 1, 2026, 0.0);
  assert_share (POA_MONTHS_ALL, 2026, 1, 7, 2026, 0.5);
  assert_share (POA_MONTHS_ALL, 2026, 1, 1, 2027, 1.0);
  /* Today is not over: on 31 December, 30 of its 31 days have passed. */
  assert_share (POA_MONTHS_ALL, 2026, 31, 12, 2026, (11 + 30.0 / 31) / 12);

  /* March and April: half of March is a quarter of the schedule; May is past it. */
  assert_share (march_april, 2026, 16, 3, 2026, (15.0 / 31) / 2);
  assert_share (march_april, 2026, 1, 4, 2026, 0.5);
  assert_share (march_april, 2026, 1, 5, 2026, 1.0);
  assert_share (march_april, 2026, 28, 2, 2026, 0.0);

  /* February counts its own days, 29 in a leap year. */
  assert_share (february, 2028, 15, 2, 2028, 14.0 / 29);
  assert_share (february, 2026, 15, 2, 2026, 14.0 / 28);

  /* No month scheduled: nothing can be expected. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 7, 2026);
  g_assert_false (poa_months_elapsed_share (0, 2026, &date, &share));
  g_assert_cmpfloat (share, ==, 0);
}

static void
test_schedule_owes_only_whole_goals (void)
{
  g_autoptr(PoaActivity) one = activity_new (1, 0, POA_MONTHS_ALL);
  g_autoptr(PoaActivity) twenty = activity_new (20, 6, POA_MONTHS_ALL);
  g_autoptr(PoaActivity) ahead = activity_new (20, 19, POA_MONTHS_ALL);
  g_autoptr(PoaActivity) unscheduled = activity_new (3, 1, 0);
  PoaScheduleStatus status;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 7, 2026);

  /* Half a goal is owed on 1 July, which is no whole goal yet. */
  g_assert_true (poa_activity_get_schedule_status (one, 2026, &date, &status));
  g_assert_cmpfloat (status.expected, ==, 0.5);
  g_assert_cmpuint (status.expected_whole, ==, 0);
  g_assert_cmpuint (status.behind, ==, 0);

  g_assert_true (poa_activity_get_schedule_status (twenty, 2026, &date, &status));
  g_assert_cmpuint (status.expected_whole, ==, 10);
  g_assert_cmpuint (status.behind, ==, 4);

  g_assert_true (poa_activity_get_schedule_status (ahead, 2026, &date, &status));
  g_assert_cmpuint (status.behind, ==, 0);

  g_assert_false (poa_activity_get_schedule_status (unscheduled, 2026, &date, &status));
  g_assert_cmpuint (status.expected_whole, ==, 0);
  g_assert_cmpuint (status.behind, ==, 0);

  /* Once the year is over, all of it is owed. */
  g_date_set_dmy (&date, 15, 1, 2027);
  g_assert_true (poa_activity_get_schedule_status (one, 2026, &date, &status));
  g_assert_cmpuint (status.behind, ==, 1);
}

static void
test_schedule_of_the_default_plan (void)
{
  static const guint behind_on_1_july[16] = { 4, 27, 10, 12, 4, 0, 0, 10, 1, 0, 0, 0, 1, 10, 10, 0 };
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 7, 2026);

  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 16);
  for (guint i = 0; i < 16; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      PoaScheduleStatus status;

      poa_activity_get_schedule_status (activity, 2026, &date, &status);
      if (status.behind != behind_on_1_july[i])
        g_error ("activity %u is %u behind on 01/07/2026, expected %u",
                 i + 1, status.behind, behind_on_1_july[i]);
    }

  g_assert_cmpuint (poa_plan_count_late (plan, &date), ==, 10);
  g_date_set_dmy (&date, 29, 11, 2026);
  g_assert_cmpuint (poa_plan_count_late (plan, &date), ==, 13);
  g_date_set_dmy (&date, 1, 1, 2026);
  g_assert_cmpuint (poa_plan_count_late (plan, &date), ==, 0);
}

static void
test_catalog_lookups (void)
{
  const char *name = NULL;

  g_assert_cmpstr (poa_catalog_lookup ("2000"), ==, "Materiales y suministros");
  g_assert_cmpstr (poa_catalog_lookup ("2100"), ==,
                   "Materiales de administración, emisión de documentos y artículos oficiales");
  g_assert_cmpstr (poa_catalog_lookup ("211"), ==, "Materiales, útiles y equipos menores de oficina");
  g_assert_null (poa_catalog_lookup ("2111"));
  g_assert_null (poa_catalog_lookup (""));

  g_assert_cmpint (poa_catalog_classify ("2111", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Materiales, útiles y equipos menores de oficina");
  g_assert_cmpint (poa_catalog_classify ("2121", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Materiales y útiles de impresión y reproducción");

  g_assert_cmpint (poa_catalog_classify ("2611", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Combustibles, lubricantes y aditivos");
  g_assert_cmpint (poa_catalog_classify ("3761", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Viáticos en el extranjero");
  g_assert_cmpint (poa_catalog_classify ("4244", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Transferencias otorgadas a entidades federativas y municipios");

  /* Issue 15: the office's viáticos, once "not in the catalog" (CONAC: 375 Viáticos en el país). */
  g_assert_cmpstr (poa_catalog_lookup ("375"), ==, "Viáticos en el país");
  g_assert_cmpint (poa_catalog_classify ("3751", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Viáticos en el país");
  g_assert_cmpint (poa_catalog_classify ("5151", &name), ==, POA_PARTIDA_KNOWN);
  g_assert_cmpstr (name, ==, "Equipo de cómputo y de tecnologías de la información");

  /* Well formed but not among the names that could be checked: unlisted, not wrong. */
  g_assert_cmpint (poa_catalog_classify ("3851", &name), ==, POA_PARTIDA_UNLISTED);
  g_assert_null (name);

  for (guint i = 0; i < 6; i++)
    {
      static const char *bad[] = { "21A1", "0111", "211", "21111", "", " 211" };
      g_assert_cmpint (poa_catalog_classify (bad[i], &name), ==, POA_PARTIDA_MALFORMED);
      g_assert_null (name);
    }

  g_assert_cmpuint (poa_catalog_chapter_of ("3761"), ==, 3000);
  g_assert_cmpuint (poa_catalog_chapter_of ("37A1"), ==, 0);
  g_assert_cmpstr (poa_catalog_chapter_name (3000), ==, "Servicios generales");
  g_assert_cmpstr (poa_catalog_chapter_name (9000), ==, "Deuda pública");
  g_assert_null (poa_catalog_chapter_name (0));
  g_assert_null (poa_catalog_chapter_name (2100));
}

/* The shipped file itself: every line is CODE<TAB>NAME, every code of a catalog level, every
 * capítulo present and every entry under a capítulo that is. */
static void
test_catalog_file_is_consistent (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "conac-cog.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint entries = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  for (guint chapter = 1000; chapter <= 9000; chapter += 1000)
    g_assert_nonnull (poa_catalog_chapter_name (chapter));

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *code;
      gsize len;
      char chapter[5] = "0000";

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      code = fields[0];
      len = strlen (code);
      g_assert_true (len == 3 || (len == 4 && code[3] == '0'));
      for (gsize c = 0; c < len; c++)
        g_assert_true (g_ascii_isdigit (code[c]));
      g_assert_cmpint (code[0], !=, '0');
      g_assert_cmpstr (poa_catalog_lookup (code), ==, fields[1]);
      {
        g_autofree char *stripped = g_strstrip (g_strdup (fields[1]));
        g_assert_cmpstr (stripped, ==, fields[1]);
      }

      chapter[0] = code[0];
      g_assert_nonnull (poa_catalog_lookup (chapter));
      entries++;
    }

  g_assert_cmpuint (entries, >=, 9);
}

static void
test_chapter_totals_of_the_default_plan (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaBudgetLine) bad = poa_budget_line_new ("x", "Sin clave", 123);
  g_autoptr(GArray) totals = poa_budget_chapter_totals (plan);
  g_autoptr(GArray) with_bad = NULL;
  static const PoaChapterTotal expected[] = {
    { 2000, 2000000 },  /* 2111, 2121, 2611: $ 20,000.00 */
    { 3000, 5000000 },  /* 3761: $ 50,000.00 */
    { 4000, 2000000 },  /* 4244: $ 20,000.00 */
  };
  gint64 sum = 0;

  g_assert_cmpuint (totals->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < totals->len; i++)
    {
      PoaChapterTotal *total = &g_array_index (totals, PoaChapterTotal, i);

      g_assert_cmpuint (total->chapter, ==, expected[i].chapter);
      g_assert_cmpint (total->centavos, ==, expected[i].centavos);
      sum += total->centavos;
    }
  g_assert_cmpint (sum, ==, poa_plan_get_budget_total (plan));

  /* A malformed code's amount is not lost: it is summed last, as chapter 0. */
  g_list_store_append (poa_plan_get_budget (plan), bad);
  with_bad = poa_budget_chapter_totals (plan);
  g_assert_cmpuint (with_bad->len, ==, 4);
  g_assert_cmpuint (g_array_index (with_bad, PoaChapterTotal, 3).chapter, ==, 0);
  g_assert_cmpint (g_array_index (with_bad, PoaChapterTotal, 3).centavos, ==, 123);
}

/* Every partida of the default plan, 4244 (the municipality's own, under 424) among them, has
 * its genérica in the catalog: check warns about none of them. */
static void
test_check_knows_the_default_plans_partidas (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(GListStore) findings = poa_check_plan (plan);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = poa_finding_to_line (finding);

      g_assert_null (strstr (line, "\tbudget "));
    }
}

static void
test_check_flags_unlisted_and_malformed_codes (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaBudgetLine) bad = poa_budget_line_new ("21A1", "Mala", 100);
  g_autoptr(PoaBudgetLine) unlisted = poa_budget_line_new ("3851", "Gastos de representación", 100);
  g_autoptr(GListStore) findings = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);

  g_list_store_append (poa_plan_get_budget (plan), bad);
  g_list_store_append (poa_plan_get_budget (plan), unlisted);
  findings = poa_check_plan (plan);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = poa_finding_to_line (finding);

      g_string_append_printf (lines, "%s\n", line);
    }

  g_assert_nonnull (strstr (lines->str, "error\tbudget 21A1\t"));
  g_assert_nonnull (strstr (lines->str, "warning\tbudget 3851\tthe partida genérica 385 is not in"));
  g_assert_null (strstr (lines->str, "budget 2611"));
  g_assert_null (strstr (lines->str, "budget 3761"));
  g_assert_null (strstr (lines->str, "budget 4244"));
  g_assert_null (strstr (lines->str, "budget 2111"));
  g_assert_null (strstr (lines->str, "budget 2121"));
}

/* Reads the colour of one pixel of an ARGB32 surface as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 argb = *(const guint32 *)(data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  return argb & 0xffffff;
}

/* @plan's chart on @date, 800 px wide and @height tall, drawn on white. */
static cairo_surface_t *
draw_chart (PoaPlan                     *plan,
            const GDate                 *date,
            double                       height,
            const PoaProgressChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, (int)height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poa_progress_chart_draw (cr, plan, NULL, date, 800, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_chart_draws_bars_and_marks (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  PoaProgressChartStyle style;
  cairo_surface_t *surface;
  GDate date;
  double height;
  int row1, bar_x;

  poa_progress_chart_style_init (&style);
  height = poa_progress_chart_get_height (16, 800, &style);
  g_assert_cmpfloat (height, ==, 16 * POA_PROGRESS_CHART_ROW_HEIGHT);
  /* Narrow, each row takes two lines; a legend adds to the top. */
  g_assert_cmpfloat (poa_progress_chart_get_height (16, 400, &style), >, 1.8 * height);
  style.legend_achieved = style.legend_expected = "x";
  g_assert_cmpfloat (poa_progress_chart_get_height (16, 800, &style), >, height);
  style.legend_achieved = style.legend_expected = NULL;

  /* Activity 1 has 30 %, green by the semáforo once green starts at 25; but on 1 July it owes
   * 10 of its 20 goals and did 6: late, so its bar is red, one story with its row. */
  poa_plan_set_semaforo_green (plan, 25);
  poa_plan_set_semaforo_yellow (plan, 10);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 7, 2026);

  surface = draw_chart (plan, &date, height, &style);

  /* Labels take 260 px and a gap of 8: the bar starts at 268 and is 800 - 268 - 8 - 64 wide. */
  row1 = (int)(POA_PROGRESS_CHART_ROW_HEIGHT / 2);
  bar_x = 268;
  g_assert_cmphex (pixel_at (surface, bar_x + 20, row1), ==, poa_semaforo_rgb (POA_SEMAFORO_RED));
  /* Past 30 % of the track the bar is empty (light grey on white) … */
  g_assert_cmphex (pixel_at (surface, bar_x + (int)(460 * 0.4), row1), !=,
                   poa_semaforo_rgb (POA_SEMAFORO_RED));
  g_assert_cmphex (pixel_at (surface, bar_x + (int)(460 * 0.4), row1), !=, 0xffffff);
  /* … and the mark, half way on 1 July, is dark. */
  g_assert_cmphex (pixel_at (surface, bar_x + 230, row1) & 0xff, <, 0x40);

  /* Activity 7 (1 of 3) schedules no month: no mark anywhere on the empty part of its track. */
  for (int x = bar_x + (int)(460 * 0.35); x < bar_x + 450; x++)
    g_assert_cmphex (pixel_at (surface, x, (int)(6.5 * POA_PROGRESS_CHART_ROW_HEIGHT)) & 0xff, >, 0x80);

  cairo_surface_destroy (surface);

  /* With a text for lateness, row 1 (4 behind on 1 July) says so in red, row 6 (on time) not. */
  style.late_format = "%u late";
  surface = draw_chart (plan, &date, height, &style);
  for (guint row = 0; row < 6; row += 5)
    {
      gboolean red = FALSE;

      for (int x = 800 - 96; x < 800; x++)
        for (int y = (int)(row * POA_PROGRESS_CHART_ROW_HEIGHT); y < (int)((row + 1) * POA_PROGRESS_CHART_ROW_HEIGHT); y++)
          {
            guint32 rgb = pixel_at (surface, x, y);
            red |= (rgb >> 16) > 0xc0 && ((rgb >> 8) & 0xff) < 0x80;
          }
      g_assert_true (red == (row == 0));
    }
  cairo_surface_destroy (surface);
}

/* Issue 15: the semáforo (index against the year's meta) and the schedule to date tell one
 * story per activity. On 29/11/2026 an activity scheduled all year has (10 + 28/30) of its 12
 * months behind it, 0.9111 of its meta owed, rounded down to whole goals. By hand:
 *   10 and 16: 1 programmed, 0 achieved, all year: ⌊0.911⌋ = 0 owed → nothing due, not red;
 *   3: 20 programmed, 0 achieved, all year: ⌊18.22⌋ = 18 owed → late by 18;
 *   6: 10 programmed, 5 achieved, all year: ⌊9.11⌋ = 9 owed → late by 4;
 *   8: 10 programmed, 0 achieved, February only: its meta is all due → graded: 0 %, Critical;
 *   7: schedules no month → unscheduled. */
static void
test_progress_state_tells_one_story (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  static const struct {
    guint number;
    PoaProgressState state;
    guint behind;
    PoaSemaforo color;
  } expected[] = {
    { 10, POA_PROGRESS_NOTHING_DUE, 0,  POA_SEMAFORO_NONE },
    { 16, POA_PROGRESS_NOTHING_DUE, 0,  POA_SEMAFORO_NONE },
    { 3,  POA_PROGRESS_LATE,        18, POA_SEMAFORO_RED },
    { 6,  POA_PROGRESS_LATE,        4,  POA_SEMAFORO_RED },
    { 8,  POA_PROGRESS_DUE,         10, POA_SEMAFORO_RED },
    { 7,  POA_PROGRESS_UNSCHEDULED, 0,  POA_SEMAFORO_NONE },
  };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, expected[i].number - 1);
      PoaScheduleStatus status;
      PoaSemaforo level;
      PoaProgressState state;

      g_assert_cmpuint (poa_activity_get_number (activity), ==, expected[i].number);
      state = poa_activity_get_progress_state (activity, plan, &date, &status, &level);
      g_assert_cmpint (state, ==, expected[i].state);
      g_assert_cmpuint (status.behind, ==, expected[i].behind);
      g_assert_cmpint (poa_progress_state_color_level (state, level), ==, expected[i].color);
      /* The semáforo itself still says what the index is: 10's 0 % is Critical, but its row
       * does not wear it until the meta is due. */
      if (expected[i].number == 10)
        g_assert_cmpint (level, ==, POA_SEMAFORO_RED);
    }

  /* Half way through the year, 6 of 12 done is on schedule: green. */
  {
    g_autoptr(PoaActivity) half = activity_new (12, 6, 0xfff);
    PoaScheduleStatus status;
    PoaSemaforo level;

    g_list_store_append (poa_plan_get_activities (plan), half);
    g_date_set_dmy (&date, 1, 7, 2026);
    g_assert_cmpint (poa_activity_get_progress_state (half, plan, &date, &status, &level), ==,
                     POA_PROGRESS_ON_SCHEDULE);
    g_assert_cmpuint (status.expected_whole, ==, 6);
    g_assert_cmpint (poa_progress_state_color_level (POA_PROGRESS_ON_SCHEDULE, level), ==,
                     POA_SEMAFORO_GREEN);
  }

  /* Once the year is over every meta is due: 10 is graded, 0 % Critical, at last. */
  {
    g_autoptr(PoaActivity) ten = g_list_model_get_item (activities, 9);
    PoaSemaforo level;

    g_date_set_dmy (&date, 15, 1, 2027);
    g_assert_cmpint (poa_activity_get_progress_state (ten, plan, &date, NULL, &level), ==,
                     POA_PROGRESS_DUE);
    g_assert_cmpint (level, ==, POA_SEMAFORO_RED);
  }
}

/* The chart on 29/11/2026, with words for lateness: by the hand count above and in the plan
 * (every activity but 7, 10 and 16 owes goals it has not done, or is graded Critical), red is
 * drawn in every row but those three. */
static void
test_chart_reds_only_what_is_late_or_due (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  PoaProgressChartStyle style;
  cairo_surface_t *surface;
  GDate date;
  double height;

  poa_progress_chart_style_init (&style);
  style.late_format = "%u late";
  height = poa_progress_chart_get_height (16, 800, &style);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, 11, 2026);

  surface = draw_chart (plan, &date, height, &style);

  for (guint row = 0; row < 16; row++)
    {
      gboolean red = FALSE;
      gboolean expected = row + 1 != 7 && row + 1 != 10 && row + 1 != 16;

      for (int x = 0; x < 800; x++)
        for (int y = (int)(row * POA_PROGRESS_CHART_ROW_HEIGHT); y < (int)((row + 1) * POA_PROGRESS_CHART_ROW_HEIGHT); y++)
          {
            guint32 rgb = pixel_at (surface, x, y);
            red |= (rgb >> 16) > 0xc0 && ((rgb >> 8) & 0xff) < 0x80;
          }
      if (red != expected)
        g_error ("row %u of the chart is %sred", row + 1, red ? "" : "not ");
    }

  /* 7 (1 of 3, no month scheduled) has a bar, grey: nothing to judge it by. */
  g_assert_cmphex (pixel_at (surface, 268 + 20, (int)(6.5 * POA_PROGRESS_CHART_ROW_HEIGHT)), ==,
                   poa_semaforo_rgb (POA_SEMAFORO_NONE));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/index/of-the-default-plan-is-23-of-198", test_index_of_the_default_plan);
  g_test_add_func ("/metrics/progress/tells-one-story", test_progress_state_tells_one_story);
  g_test_add_func ("/metrics/chart/reds-only-what-is-late-or-due", test_chart_reds_only_what_is_late_or_due);
  g_test_add_func ("/metrics/index/without-activities-has-no-semaforo", test_index_without_activities);
  g_test_add_func ("/metrics/index/with-nothing-programmed-has-no-semaforo", test_index_with_nothing_programmed);
  g_test_add_func ("/metrics/index/above-programmed-is-green", test_index_above_programmed);
  g_test_add_func ("/metrics/semaforo/thresholds-are-inclusive", test_semaforo_thresholds_are_inclusive);
  g_test_add_func ("/metrics/semaforo/check-warns-of-reversed-thresholds", test_check_warns_of_reversed_thresholds);
  g_test_add_func ("/metrics/schedule/share-on-fixed-dates", test_schedule_share_on_fixed_dates);
  g_test_add_func ("/metrics/schedule/owes-only-whole-goals", test_schedule_owes_only_whole_goals);
  g_test_add_func ("/metrics/schedule/of-the-default-plan", test_schedule_of_the_default_plan);
  g_test_add_func ("/catalog/lookups", test_catalog_lookups);
  g_test_add_func ("/catalog/shipped-file-is-consistent", test_catalog_file_is_consistent);
  g_test_add_func ("/catalog/chapter-totals-of-the-default-plan", test_chapter_totals_of_the_default_plan);
  g_test_add_func ("/catalog/check-flags-unlisted-and-malformed-codes", test_check_flags_unlisted_and_malformed_codes);
  g_test_add_func ("/catalog/check-knows-the-default-plans-partidas", test_check_knows_the_default_plans_partidas);
  g_test_add_func ("/chart/draws-bars-and-marks", test_chart_draws_bars_and_marks);

  return g_test_run ();
}
