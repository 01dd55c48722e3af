/* poa-plan-pages.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-plan-pages"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-catalog.h"
#include "poa-check.h"
#include "poa-cronograma-renderer.h"
#include "poa-date.h"
#include "poa-indicator.h"
#include "poa-metrics.h"
#include "poa-money.h"
#include "poa-plan-pages.h"
#include "poa-plan.h"
#include "poa-progress-chart.h"
#include "poa-report.h"
#include "poa-signature.h"

/* The documents the office signs, built from a plan on PoaPages: the whole POA in the official
 * order (general data, activities, cronograma, indicator, budget, observaciones, signatures,
 * and the errors `check` finds, on a page of their own), and a quarter's avance de metas in the
 * PbRM-08c's columns. The words are the official Spanish ones whatever the interface's
 * language: these are the municipality's documents. */

#define MONTH_RGB        0x9DB7D5u   /* a scheduled month, shaded */
#define TOTAL_RGB        0xEEF1F5u
#define HEADING_FILL_RGB 0xDCE3ECu

static const char *const month_abbr[12] = {
  "Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic",
};

static void
title_for_plan (PoaPlan       *plan,
                PoaPagesTitle *title,
                const char    *text)
{
  title->municipality = poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY);
  title->administration = poa_plan_get_text (plan, POA_PLAN_ADMINISTRATION);
  title->direction = poa_plan_get_text (plan, POA_PLAN_DIRECTION);
  title->area = poa_plan_get_area (plan);
  title->title = text;
}

static char *
format_count (guint64 n)
{
  return poa_format_count (n);
}

static char *
format_percent (gboolean has,
                double   percent)
{
  return has ? g_strdup_printf ("%.0f %%", percent) : g_strdup ("");
}

static char *
format_date (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? poa_date_format_dmy (date) : g_strdup ("");
}

/* Datos generales */

static void
add_general (PoaPages *pages,
             PoaPlan  *plan)
{
  static const double widths[] = { 22, 78 };
  static const struct { PoaPlanText field; const char *label; } rows[] = {
    { POA_PLAN_DIRECTION, "Dirección" },
    { POA_PLAN_AREA, "Área" },
    { POA_PLAN_OBJECTIVE, "Objetivo" },
    { POA_PLAN_SPECIFIC_OBJECTIVES, "Objetivos específicos" },
  };
  PoaPagesTable *table;

  poa_pages_add_heading (pages, "Datos generales");
  table = poa_pages_add_table (pages, 2, widths, 11);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, rows[i].label, 1, POA_CELL_BOLD | POA_CELL_FILL, 0xF3F5F8);
      poa_pages_table_add_cell (table, poa_plan_get_text (plan, rows[i].field), 1, 0, 0);
    }
}

/* Actividades: the six columns of the official table */

static void
add_activities (PoaPages *pages,
                PoaPlan  *plan)
{
  static const double widths[] = { 3, 15, 13, 13, 28, 28 };
  static const char *const headings[] = {
    "Nº", "Actividad / Proyecto General", "Eje Estratégico del Plan Municipal de Desarrollo",
    "Línea Estratégica del Plan Municipal de Desarrollo", "Línea de Acción del Plan Municipal de Desarrollo",
    "Actividad Específica",
  };
  static const PoaActivityText fields[] = {
    POA_ACTIVITY_NAME, POA_ACTIVITY_STRATEGIC_AXIS, POA_ACTIVITY_STRATEGIC_LINE,
    POA_ACTIVITY_ACTION_LINE, POA_ACTIVITY_SPECIFIC_ACTIVITY,
  };
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);
  PoaPagesTable *table;

  poa_pages_add_heading (pages, "Actividades");
  table = poa_pages_add_table (pages, G_N_ELEMENTS (widths), widths, 9.5);
  poa_pages_table_begin_row (table, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    poa_pages_table_add_cell (table, headings[i], 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      char number[16];

      g_snprintf (number, sizeof number, "%u", poa_activity_get_number (activity));
      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, number, 1, POA_CELL_CENTER, 0);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        poa_pages_table_add_cell (table, poa_activity_get_text (activity, fields[f]), 1, 0, 0);
    }
}

/* Cronograma: the official table, the months shaded, or with their figures */

enum {
  CR_NUMBER, CR_NAME, CR_RESPONSIBLE, CR_UNIT, CR_ANNUAL,
  CR_P_NUMBER, CR_P_PERCENT, CR_A_NUMBER, CR_A_PERCENT,
  CR_MONTHS, CR_START = CR_MONTHS + 12, CR_END, CR_N_COLUMNS
};

static void
add_cronograma (PoaPages *pages,
                PoaPlan  *plan)
{
  double widths[CR_N_COLUMNS] = {
    /* Points of a landscape letter page's 732: the months and dates as wide as their texts. */
    [CR_NUMBER] = 16, [CR_NAME] = 108, [CR_RESPONSIBLE] = 66, [CR_UNIT] = 50, [CR_ANNUAL] = 30,
    [CR_P_NUMBER] = 24, [CR_P_PERCENT] = 30, [CR_A_NUMBER] = 24, [CR_A_PERCENT] = 30,
    [CR_START] = 48, [CR_END] = 48,
  };
  /* A portrait page's 552 points: a smaller type, the figures, months and dates as wide as
   * their texts in it, and the rest to the texts, so that no heading or date is cut in two. */
  static const double narrow_widths[CR_N_COLUMNS] = {
    [CR_NUMBER] = 16, [CR_NAME] = 50, [CR_RESPONSIBLE] = 48, [CR_UNIT] = 28, [CR_ANNUAL] = 24,
    [CR_P_NUMBER] = 18, [CR_P_PERCENT] = 26, [CR_A_NUMBER] = 18, [CR_A_PERCENT] = 26,
    [CR_START] = 41, [CR_END] = 41,
  };
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);
  g_autofree char *months_heading = g_strdup_printf ("Cronograma programado %u", poa_plan_get_year (plan));
  gboolean figures = FALSE;
  gboolean narrow = poa_pages_get_content_width (pages) < 700;
  PoaPagesTable *table;

  if (narrow)
    memcpy (widths, narrow_widths, sizeof widths);
  for (guint m = 0; m < 12; m++)
    widths[CR_MONTHS + m] = narrow ? 18 : 21.5;

  /* The months carry their figures when the plan has any month programmed. */
  for (guint i = 0; i < n && !figures; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      figures = poa_calendar_has_programmed (poa_activity_get_calendar (activity));
    }

  poa_pages_add_heading (pages, "Cronograma");
  table = poa_pages_add_table (pages, CR_N_COLUMNS, widths, narrow ? 6.5 : 7.5);

  poa_pages_table_begin_row (table, TRUE);
  poa_pages_table_add_cell (table, "Nº", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Actividad", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Responsable", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Unidad de medida", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Meta anual", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Meta programada", 2, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Meta alcanzada", 2, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, months_heading, 12, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Fechas", 2, POA_CELL_BOLD | POA_CELL_CENTER, 0);

  poa_pages_table_begin_row (table, TRUE);
  for (guint c = CR_NUMBER; c <= CR_ANNUAL; c++)
    poa_pages_table_add_cell (table, NULL, 1, POA_CELL_MERGE_UP, 0);
  poa_pages_table_add_cell (table, "N°", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "%", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "N°", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "%", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  for (guint m = 0; m < 12; m++)
    poa_pages_table_add_cell (table, month_abbr[m], 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Inicio", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Fin", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      PoaCalendar *calendar = poa_activity_get_calendar (activity);
      g_autofree char *annual = format_count (poa_activity_get_goal (activity, POA_ACTIVITY_ANNUAL_GOAL));
      g_autofree char *programmed = format_count (poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED));
      g_autofree char *achieved = format_count (poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED));
      g_autofree char *p_percent = NULL;
      g_autofree char *a_percent = NULL;
      g_autofree char *start = format_date (poa_activity_get_start (activity));
      g_autofree char *end = format_date (poa_activity_get_end (activity));
      double percent = 0;
      gboolean has;
      char number[16];

      has = poa_activity_get_programmed_percent (activity, &percent);
      p_percent = format_percent (has, percent);
      has = poa_activity_get_achieved_percent (activity, &percent);
      a_percent = format_percent (has, percent);

      g_snprintf (number, sizeof number, "%u", poa_activity_get_number (activity));
      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, number, 1, POA_CELL_CENTER, 0);
      poa_pages_table_add_cell (table, poa_activity_get_text (activity, POA_ACTIVITY_NAME), 1, 0, 0);
      poa_pages_table_add_cell (table, poa_activity_get_text (activity, POA_ACTIVITY_RESPONSIBLE), 1, 0, 0);
      poa_pages_table_add_cell (table, poa_activity_get_text (activity, POA_ACTIVITY_UNIT), 1, 0, 0);
      poa_pages_table_add_cell (table, annual, 1, POA_CELL_RIGHT, 0);
      poa_pages_table_add_cell (table, programmed, 1, POA_CELL_RIGHT, 0);
      poa_pages_table_add_cell (table, p_percent, 1, POA_CELL_RIGHT, 0);
      poa_pages_table_add_cell (table, achieved, 1, POA_CELL_RIGHT, 0);
      poa_pages_table_add_cell (table, a_percent, 1, POA_CELL_RIGHT, 0);

      for (guint m = 1; m <= 12; m++)
        {
          guint figure = figures ? poa_calendar_get_programmed (calendar, m) : 0;
          g_autofree char *text = figure > 0 ? format_count (figure) : NULL;

          poa_pages_table_add_cell (table, text, 1,
                                    POA_CELL_CENTER | (poa_activity_has_month (activity, m) ? POA_CELL_FILL : 0),
                                    MONTH_RGB);
        }
      poa_pages_table_add_cell (table, start, 1, POA_CELL_CENTER, 0);
      poa_pages_table_add_cell (table, end, 1, POA_CELL_CENTER, 0);
    }
}

/* The Gantt drawing, by the cronograma's own renderer, row by row */

static guint
gantt_n_rows (gpointer data)
{
  return poa_cronograma_renderer_get_n_rows (data);
}

static double
gantt_heading_height (gpointer data)
{
  return poa_cronograma_renderer_get_heading_height (data);
}

static double
gantt_row_height (gpointer data,
                  guint    row)
{
  return poa_cronograma_renderer_get_row_height_at (data, row);
}

static void
gantt_draw_heading (gpointer  data,
                    cairo_t  *cr)
{
  poa_cronograma_renderer_draw_heading (data, cr);
}

static void
gantt_draw_rows (gpointer  data,
                 cairo_t  *cr,
                 guint     first,
                 guint     n_rows)
{
  poa_cronograma_renderer_draw_rows (data, cr, first, n_rows);
}

static const PoaPagesRowsFuncs gantt_funcs = {
  gantt_n_rows, gantt_heading_height, gantt_row_height, gantt_draw_heading, gantt_draw_rows,
};

static void
add_gantt (PoaPages    *pages,
           PoaPlan     *plan,
           const GDate *today)
{
  PoaCronogramaRenderer *renderer = poa_cronograma_renderer_new (plan, NULL);
  PoaCronogramaPalette palette;
  g_autofree char *heading = g_strdup_printf ("Cronograma programado %u (diagrama)", poa_plan_get_year (plan));

  poa_cronograma_palette_init_print (&palette);
  poa_cronograma_renderer_set_palette (renderer, &palette);
  poa_cronograma_renderer_set_columns (renderer, POA_CRONOGRAMA_COLUMN_GOALS | POA_CRONOGRAMA_COLUMN_DATES);
  poa_cronograma_renderer_set_wrap_names (renderer, TRUE);
  poa_cronograma_renderer_set_width (renderer, poa_pages_get_content_width (pages));
  poa_cronograma_renderer_set_today (renderer, today);

  poa_pages_add_page_break (pages);
  poa_pages_add_heading (pages, heading);
  poa_pages_add_rows (pages, &gantt_funcs, renderer, g_object_unref);
}

/* The progress chart, as many rows as fit on each page under its legend */

typedef struct
{
  PoaPlan               *plan;
  GDate                  date;
  double                 width;
  PoaProgressChartStyle  style;
  double                 legend;
  double                 row;
  GArray                *heights;  /* (nullable): each row's height, once measured */
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_object_unref (chart->plan);
  g_clear_pointer (&chart->heights, g_array_unref);
  g_free (chart);
}

static guint
chart_n_rows (gpointer data)
{
  Chart *chart = data;

  return g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (chart->plan)));
}

static double
chart_heading_height (gpointer data)
{
  return ((Chart *)data)->legend;
}

/* Every row's height, measured once: a name is wrapped whole over the lines it needs (no text
 * is cut on paper, issue 17). Measured on a PDF surface that writes nowhere, whose fonts are the
 * ones the PDF and the print operation's PDF draw with. */
static void
chart_measure (Chart *chart)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (chart->plan));
  guint n = g_list_model_get_n_items (activities);
  cairo_surface_t *surface;
  cairo_t *cr;

  chart->heights = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, chart->width, chart->width);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      double height = poa_progress_chart_get_row_height (cr, activity, chart->width, &chart->style);

      g_array_append_val (chart->heights, height);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static double
chart_row_height (gpointer data,
                  guint    row)
{
  Chart *chart = data;

  if (chart->heights == NULL)
    chart_measure (chart);
  return row < chart->heights->len ? g_array_index (chart->heights, double, row) : chart->row;
}

static void
chart_draw_heading (gpointer  data,
                    cairo_t  *cr)
{
  Chart *chart = data;
  g_autoptr(GListStore) none = g_list_store_new (POA_TYPE_ACTIVITY);

  poa_progress_chart_draw (cr, chart->plan, G_LIST_MODEL (none), &chart->date, chart->width, &chart->style);
}

static void
chart_draw_rows (gpointer  data,
                 cairo_t  *cr,
                 guint     first,
                 guint     n_rows)
{
  Chart *chart = data;
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (chart->plan));
  g_autoptr(GListStore) some = g_list_store_new (POA_TYPE_ACTIVITY);
  PoaProgressChartStyle style = chart->style;

  for (guint i = first; i < first + n_rows; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      g_list_store_append (some, activity);
    }
  style.legend_achieved = style.legend_expected = NULL;
  poa_progress_chart_draw (cr, chart->plan, G_LIST_MODEL (some), &chart->date, chart->width, &style);
}

static const PoaPagesRowsFuncs chart_funcs = {
  chart_n_rows, chart_heading_height, chart_row_height, chart_draw_heading, chart_draw_rows,
};

static void
add_chart (PoaPages    *pages,
           PoaPlan     *plan,
           const GDate *today)
{
  Chart *chart = g_new0 (Chart, 1);
  PoaProgressChartStyle bare;
  double top, bottom;

  chart->plan = g_object_ref (plan);
  chart->date = *today;
  chart->width = poa_pages_get_content_width (pages);
  poa_progress_chart_style_init (&chart->style);
  chart->style.font = "Cantarell, DejaVu Sans 8";
  chart->style.legend_achieved = "Alcanzado ÷ programado, en el color de su estado";
  chart->style.legend_expected = "Lo esperado a la fecha según el cronograma";
  chart->style.late_format = "%u atrasadas";
  chart->style.wrap_names = TRUE;
  bare = chart->style;
  bare.legend_achieved = bare.legend_expected = NULL;
  chart->legend = poa_progress_chart_get_height (0, chart->width, &chart->style);
  poa_pages_get_content_area (pages, &top, &bottom);
  chart->style.max_row_height = bottom - top - chart->legend;
  chart->row = poa_progress_chart_get_height (1, chart->width, &bare);

  poa_pages_add_rows (pages, &chart_funcs, chart, chart_free);
}

/* Indicador de medida: the indicators, the result and its semáforo, the chart */

static void
add_indicator (PoaPages    *pages,
               PoaPlan     *plan,
               const GDate *today)
{
  static const double widths[] = { 22, 34, 44 };
  static const double result_widths[] = { 22, 78 };
  GListModel *indicators = G_LIST_MODEL (poa_plan_get_indicators (plan));
  g_autofree char *achieved = format_count (poa_plan_sum_goal (plan, POA_ACTIVITY_ACHIEVED));
  g_autofree char *programmed = format_count (poa_plan_sum_goal (plan, POA_ACTIVITY_PROGRAMMED));
  g_autofree char *result = NULL;
  g_autofree char *level_text = NULL;
  PoaPagesTable *table;
  PoaSemaforo level;
  double percent = 0;

  poa_pages_add_heading (pages, "Indicador de medida");
  table = poa_pages_add_table (pages, 3, widths, 10);
  poa_pages_table_begin_row (table, TRUE);
  poa_pages_table_add_cell (table, "Nombre", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Variables", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Fórmula", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PoaIndicator) indicator = g_list_model_get_item (indicators, i);

      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, poa_indicator_get_name (indicator), 1, 0, 0);
      poa_pages_table_add_cell (table, poa_indicator_get_variables (indicator), 1, 0, 0);
      poa_pages_table_add_cell (table, poa_indicator_get_formula (indicator), 1, 0, 0);
    }

  level = poa_plan_get_semaforo (plan, &percent);
  if (level == POA_SEMAFORO_NONE)
    result = g_strdup ("Sin metas programadas: el índice no se puede calcular");
  else
    result = g_strdup_printf ("Índice de eficiencia = %s ÷ %s × 100 = %.1f %%", achieved, programmed, percent);
  level_text = g_strdup_printf ("%s (umbrales: verde desde %u %%, amarillo desde %u %%)",
                                poa_semaforo_label_spanish (level), poa_plan_get_semaforo_green (plan),
                                poa_plan_get_semaforo_yellow (plan));

  table = poa_pages_add_table (pages, 2, result_widths, 10);
  poa_pages_table_begin_row (table, FALSE);
  poa_pages_table_add_cell (table, "Resultado", 1, POA_CELL_BOLD | POA_CELL_FILL, 0xF3F5F8);
  poa_pages_table_add_cell (table, result, 1, 0, 0);
  poa_pages_table_begin_row (table, FALSE);
  poa_pages_table_add_cell (table, "Semáforo", 1, POA_CELL_BOLD | POA_CELL_FILL, 0xF3F5F8);
  poa_pages_table_add_cell (table, level_text, 1, level != POA_SEMAFORO_NONE ? POA_CELL_FILL : 0,
                            level != POA_SEMAFORO_NONE ? (poa_semaforo_rgb (level) & 0xfefefe) / 2 + 0x7f7f7f : 0);

  if (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))) > 0)
    {
      g_autofree char *date = poa_date_format_dmy (today);
      g_autofree char *heading = g_strdup_printf ("Avance por actividad al %s", date);

      poa_pages_add_heading (pages, heading);
      add_chart (pages, plan, today);
    }
}

/* Presupuesto: the lines with their CONAC names, the capítulos' totals, the total */

static void
add_budget (PoaPages *pages,
            PoaPlan  *plan)
{
  static const double widths[] = { 10, 38, 34, 18 };
  GListModel *budget = G_LIST_MODEL (poa_plan_get_budget (plan));
  g_autoptr(GArray) chapters = poa_budget_chapter_totals (plan);
  g_autofree char *total = poa_money_format (poa_plan_get_budget_total (plan));
  PoaPagesTable *table;

  poa_pages_add_heading (pages, "Presupuesto estimado");
  table = poa_pages_add_table (pages, 4, widths, 10);
  poa_pages_table_begin_row (table, TRUE);
  poa_pages_table_add_cell (table, "Partida", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Nombre", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Partida genérica (CONAC)", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Cantidad", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);

  for (guint i = 0; i < g_list_model_get_n_items (budget); i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);
      g_autofree char *amount = poa_money_format (poa_budget_line_get_centavos (line));
      const char *generic = NULL;
      PoaPartidaStatus status = poa_catalog_classify (poa_budget_line_get_code (line), &generic);

      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, poa_budget_line_get_code (line), 1, POA_CELL_CENTER, 0);
      poa_pages_table_add_cell (table, poa_budget_line_get_name (line), 1, 0, 0);
      poa_pages_table_add_cell (table,
                                status == POA_PARTIDA_KNOWN && generic != NULL ? generic
                                : status == POA_PARTIDA_UNLISTED ? "(no está en el clasificador)"
                                : "(clave mal formada)", 1, 0, 0);
      poa_pages_table_add_cell (table, amount, 1, POA_CELL_RIGHT, 0);
    }

  for (guint i = 0; i < chapters->len; i++)
    {
      const PoaChapterTotal *chapter = &g_array_index (chapters, PoaChapterTotal, i);
      g_autofree char *amount = poa_money_format (chapter->centavos);
      g_autofree char *label = NULL;
      const char *name = poa_catalog_chapter_name (chapter->chapter);

      label = chapter->chapter == 0 ? g_strdup ("Partidas con clave mal formada")
                                    : g_strdup_printf ("Total capítulo %u%s%s", chapter->chapter,
                                                       name != NULL ? " — " : "", name != NULL ? name : "");
      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, label, 3, POA_CELL_FILL, TOTAL_RGB);
      poa_pages_table_add_cell (table, amount, 1, POA_CELL_RIGHT | POA_CELL_FILL, TOTAL_RGB);
    }

  poa_pages_table_begin_row (table, FALSE);
  poa_pages_table_add_cell (table, "Total", 3, POA_CELL_BOLD | POA_CELL_RIGHT | POA_CELL_FILL, HEADING_FILL_RGB);
  poa_pages_table_add_cell (table, total, 1, POA_CELL_BOLD | POA_CELL_RIGHT | POA_CELL_FILL, HEADING_FILL_RGB);
}

static void
add_signatures (PoaPages          *pages,
                PoaPlan           *plan,
                const char *const *roles)
{
  const char *role[POA_PLAN_N_SIGNATURES], *name[POA_PLAN_N_SIGNATURES], *title[POA_PLAN_N_SIGNATURES];

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = poa_plan_get_signature (plan, i);

      role[i] = roles != NULL ? roles[i] : poa_signature_get_role (signature);
      name[i] = poa_signature_get_name (signature);
      title[i] = poa_signature_get_title (signature);
    }
  poa_pages_add_signatures (pages, role, name, title, POA_PLAN_N_SIGNATURES);
}

/* "activity 7" as the document says it. */
static char *
where_spanish (const char *where)
{
  if (g_str_has_prefix (where, "activity "))
    return g_strconcat ("Actividad ", where + strlen ("activity "), NULL);
  if (g_str_has_prefix (where, "budget "))
    return g_strconcat ("Partida ", where + strlen ("budget "), NULL);
  if (g_str_equal (where, "plan"))
    return g_strdup ("Plan");
  return g_strdup (where);
}

static void
add_findings (PoaPages *pages,
              PoaPlan  *plan)
{
  static const double widths[] = { 16, 84 };
  g_autoptr(GListStore) findings = poa_check_plan (plan);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (findings));
  guint n_errors = poa_check_count (G_LIST_MODEL (findings), POA_SEVERITY_ERROR);
  g_autofree char *intro = NULL;
  PoaPagesTable *table;

  if (n_errors == 0)
    return;

  intro = g_strdup_printf (n_errors == 1
                           ? "La revisión del plan encontró %u error. Corríjalo antes de firmar."
                           : "La revisión del plan encontró %u errores. Corríjalos antes de firmar.",
                           n_errors);
  poa_pages_add_page_break (pages);
  poa_pages_add_heading (pages, "Errores encontrados en la revisión del plan");
  poa_pages_add_text (pages, NULL, intro);
  table = poa_pages_add_table (pages, 2, widths, 10);
  poa_pages_table_begin_row (table, TRUE);
  poa_pages_table_add_cell (table, "Dónde", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Error", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *where = NULL;

      if (poa_finding_get_severity (finding) != POA_SEVERITY_ERROR)
        continue;
      where = where_spanish (poa_finding_get_where (finding));
      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, where, 1, 0, 0);
      poa_pages_table_add_cell (table, poa_finding_get_message (finding), 1, 0, 0);
    }
}

/**
 * poa_plan_pages_new:
 * @width: the page's width in points
 * @height: its height
 * @today: (nullable): the date printed and judged on; today's without
 *
 * Returns: (transfer full): the whole POA of @plan in pages, in the official order
 */
PoaPages *
poa_plan_pages_new (PoaPlan           *plan,
                    double             width,
                    double             height,
                    PoaPlanPagesFlags  flags,
                    const GDate       *today)
{
  g_autofree char *text = NULL;
  const char *observations;
  PoaPagesTitle title;
  PoaPages *pages;
  GDate date;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  if (today != NULL)
    date = *today;
  else
    poa_date_get_today (&date);

  text = g_strdup_printf ("Programa Operativo Anual (POA) %u", poa_plan_get_year (plan));
  title_for_plan (plan, &title, text);
  pages = poa_pages_new (width, height, &title);
  poa_pages_set_date (pages, &date);

  add_general (pages, plan);
  add_activities (pages, plan);
  add_cronograma (pages, plan);
  if (flags & POA_PLAN_PAGES_GANTT)
    add_gantt (pages, plan, &date);
  add_indicator (pages, plan, &date);
  add_budget (pages, plan);

  observations = poa_plan_get_text (plan, POA_PLAN_OBSERVATIONS);
  poa_pages_add_heading (pages, "Observaciones");
  poa_pages_add_text (pages, NULL, observations[0] != '\0' ? observations : "Sin observaciones.");
  add_signatures (pages, plan, NULL);

  add_findings (pages, plan);

  return pages;
}

/* Avance trimestral de metas: the PbRM-08c */

enum {
  AV_NUMBER, AV_NAME, AV_UNIT, AV_ANNUAL,
  AV_Q_PROGRAMMED, AV_Q_ACHIEVED, AV_Q_VARIANCE, AV_Q_PERCENT,
  AV_A_PROGRAMMED, AV_A_ACHIEVED, AV_A_VARIANCE, AV_A_PERCENT,
  AV_STATUS, AV_JUSTIFICATION, AV_N_COLUMNS
};


static char *
format_variance (gint64 variance)
{
  g_autofree char *magnitude = poa_format_count ((guint64)ABS (variance));

  return g_strdup_printf ("%s%s", variance < 0 ? "−" : "", magnitude);
}

static char *
format_variance_percent (gboolean has,
                         double   percent)
{
  return has ? g_strdup_printf ("%s%.1f %%", percent < 0 ? "−" : "", ABS (percent)) : g_strdup ("");
}

static void
add_report_figures (PoaPagesTable       *table,
                    const PoaReportLine *line,
                    PoaCellFlags         flags,
                    guint32              fill)
{
  g_autofree char *qp = format_count (line->quarter_programmed);
  g_autofree char *qa = format_count (line->quarter_achieved);
  g_autofree char *qv = format_variance (line->quarter_variance);
  g_autofree char *qpc = format_variance_percent (line->has_quarter_percent, line->quarter_variance_percent);
  g_autofree char *ap = format_count (line->accumulated_programmed);
  g_autofree char *aa = format_count (line->accumulated_achieved);
  g_autofree char *av = format_variance (line->accumulated_variance);
  g_autofree char *apc = format_variance_percent (line->has_accumulated_percent, line->accumulated_variance_percent);
  const char *cells[] = { qp, qa, qv, qpc, ap, aa, av, apc };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    poa_pages_table_add_cell (table, cells[i], 1, POA_CELL_RIGHT | flags, fill);
}

/**
 * poa_report_pages_new:
 * @quarter: 1 … 4
 * @today: (nullable): the date printed and judged on (which quarters have ended)
 *
 * Returns: (transfer full): the quarter's avance de metas in the PbRM-08c's columns, the
 *   justifications whole, the totals and the signatures Elaboró, Revisó, Autorizó
 */
PoaPages *
poa_report_pages_new (PoaPlan     *plan,
                      guint        quarter,
                      double       width,
                      double       height,
                      const GDate *today)
{
  static const double widths[AV_N_COLUMNS] = {
    /* Points of a landscape letter page's 732: the figures as wide as their headings' words. */
    [AV_NUMBER] = 16, [AV_NAME] = 96, [AV_UNIT] = 54, [AV_ANNUAL] = 46,
    [AV_Q_PROGRAMMED] = 48, [AV_Q_ACHIEVED] = 48, [AV_Q_VARIANCE] = 48, [AV_Q_PERCENT] = 48,
    [AV_A_PROGRAMMED] = 48, [AV_A_ACHIEVED] = 48, [AV_A_VARIANCE] = 48, [AV_A_PERCENT] = 48,
    [AV_STATUS] = 56, [AV_JUSTIFICATION] = 80,
  };
  static const char *const sub[] = { "Programada", "Alcanzada", "Variación N°", "Variación %" };
  static const char *const roles[] = { "Elaboró", "Revisó", "Autorizó" };
  g_autoptr(PoaReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *band = NULL;
  const PoaReportLine *totals;
  guint64 annual = 0;
  g_autofree char *annual_text = NULL;
  PoaPagesTitle title;
  PoaPagesTable *table;
  PoaPages *pages;
  GDate date;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  if (today != NULL)
    date = *today;
  else
    poa_date_get_today (&date);

  text = g_strdup_printf ("Avance trimestral de metas de actividad %u", poa_plan_get_year (plan));
  title_for_plan (plan, &title, text);
  pages = poa_pages_new (width, height, &title);
  poa_pages_set_date (pages, &date);

  report = poa_report_new (plan, quarter, &date);
  band = g_strdup_printf ("Rango de tolerancia: de %u %% a %u %% de lo programado al trimestre. "
                          "Las cifras son las de los meses; lo alcanzado sin mes no cuenta en ningún trimestre.",
                          poa_plan_get_tolerance_low (plan), poa_plan_get_tolerance_high (plan));
  poa_pages_add_heading (pages, poa_report_quarter_official (quarter));
  poa_pages_add_text (pages, NULL, band);

  table = poa_pages_add_table (pages, AV_N_COLUMNS, widths, 8);
  poa_pages_table_begin_row (table, TRUE);
  poa_pages_table_add_cell (table, "Nº", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Meta de actividad", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Unidad de medida", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Programada anual", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Avance del trimestre", 4, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Avance acumulado al trimestre", 4, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Estado", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, "Justificación", 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_begin_row (table, TRUE);
  for (guint c = AV_NUMBER; c <= AV_ANNUAL; c++)
    poa_pages_table_add_cell (table, NULL, 1, POA_CELL_MERGE_UP, 0);
  for (guint twice = 0; twice < 2; twice++)
    for (guint i = 0; i < G_N_ELEMENTS (sub); i++)
      poa_pages_table_add_cell (table, sub[i], 1, POA_CELL_BOLD | POA_CELL_CENTER, 0);
  poa_pages_table_add_cell (table, NULL, 1, POA_CELL_MERGE_UP, 0);
  poa_pages_table_add_cell (table, NULL, 1, POA_CELL_MERGE_UP, 0);

  for (guint i = 0; i < poa_report_get_n_lines (report); i++)
    {
      const PoaReportLine *line = poa_report_get_line (report, i);
      PoaActivity *activity = line->activity;
      guint programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
      g_autofree char *programmed_text = format_count (programmed);
      const char *justification = poa_calendar_get_justification (poa_activity_get_calendar (activity), quarter);
      char number[16];

      annual += programmed;
      g_snprintf (number, sizeof number, "%u", poa_activity_get_number (activity));
      poa_pages_table_begin_row (table, FALSE);
      poa_pages_table_add_cell (table, number, 1, POA_CELL_CENTER, 0);
      poa_pages_table_add_cell (table, poa_activity_get_text (activity, POA_ACTIVITY_NAME), 1, 0, 0);
      poa_pages_table_add_cell (table, poa_activity_get_text (activity, POA_ACTIVITY_UNIT), 1, 0, 0);
      poa_pages_table_add_cell (table, programmed_text, 1, POA_CELL_RIGHT, 0);
      if (line->status == POA_REPORT_UNCALENDARIZED)
        /* Not zero: nothing was programmed by month, so there is nothing to measure. */
        poa_pages_table_add_cell (table, "sin calendarizar", 8, POA_CELL_CENTER | POA_CELL_BOLD, 0);
      else
        add_report_figures (table, line, 0, 0);
      poa_pages_table_add_cell (table, poa_report_status_official (line->status), 1, 0, 0);
      poa_pages_table_add_cell (table,
                                justification != NULL && justification[0] != '\0' ? justification
                                : line->justification_required ? "Falta la justificación" : NULL,
                                1, line->justification_required && (justification == NULL || justification[0] == '\0')
                                   ? POA_CELL_BOLD : 0, 0);
    }

  totals = poa_report_get_totals (report);
  annual_text = format_count (annual);
  poa_pages_table_begin_row (table, FALSE);
  poa_pages_table_add_cell (table, "Total", 3, POA_CELL_BOLD | POA_CELL_RIGHT | POA_CELL_FILL, HEADING_FILL_RGB);
  poa_pages_table_add_cell (table, annual_text, 1, POA_CELL_BOLD | POA_CELL_RIGHT | POA_CELL_FILL, HEADING_FILL_RGB);
  add_report_figures (table, totals, POA_CELL_BOLD | POA_CELL_FILL, HEADING_FILL_RGB);
  poa_pages_table_add_cell (table, totals->accumulated_programmed > 0 ? poa_report_status_official (totals->status) : NULL, 1,
                            POA_CELL_BOLD | POA_CELL_FILL, HEADING_FILL_RGB);
  poa_pages_table_add_cell (table, NULL, 1, POA_CELL_FILL, HEADING_FILL_RGB);

  add_signatures (pages, plan, roles);

  return pages;
}

/**
 * poa_plan_write_pdf_with:
 * @paper: the sheet
 *
 * Writes the whole POA of @plan as a PDF. A failure leaves @path as it was.
 */
gboolean
poa_plan_write_pdf_with (PoaPlan            *plan,
                         const char         *path,
                         PoaPaper            paper,
                         PoaPlanPagesFlags   flags,
                         GError            **error)
{
  g_autoptr(PoaPages) pages = NULL;
  g_autofree char *title = NULL;
  double width, height;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  poa_paper_get_size (paper, &width, &height);
  pages = poa_plan_pages_new (plan, width, height, flags, NULL);
  title = g_strdup_printf ("POA %u — %s", poa_plan_get_year (plan), poa_plan_get_area (plan));
  return poa_pages_write_pdf (pages, path, title, error);
}

/**
 * poa_plan_write_pdf:
 *
 * Writes the whole POA of @plan on landscape letter pages, the official document's.
 */
gboolean
poa_plan_write_pdf (PoaPlan     *plan,
                    const char  *path,
                    GError     **error)
{
  return poa_plan_write_pdf_with (plan, path, POA_PAPER_LETTER_LANDSCAPE, POA_PLAN_PAGES_DEFAULT, error);
}

/**
 * poa_report_write_pdf:
 * @quarter: 1 … 4
 *
 * Writes the quarter's avance de metas on landscape letter pages.
 */
gboolean
poa_report_write_pdf (PoaPlan     *plan,
                      guint        quarter,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(PoaPages) pages = NULL;
  g_autofree char *title = NULL;
  double width, height;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  poa_paper_get_size (POA_PAPER_LETTER_LANDSCAPE, &width, &height);
  pages = poa_report_pages_new (plan, quarter, width, height, NULL);
  title = g_strdup_printf ("Avance trimestral %u, trimestre %u — %s", poa_plan_get_year (plan), quarter,
                           poa_plan_get_area (plan));
  return poa_pages_write_pdf (pages, path, title, error);
}
