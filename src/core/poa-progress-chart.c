/* poa-progress-chart.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-progress-chart"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "poa-activity.h"
#include "poa-metrics.h"
#include "poa-plan.h"
#include "poa-progress-chart.h"

/* The Indicadores bar chart: one bar per activity, achieved ÷ programmed, coloured by the
 * semáforo and labelled with its percentage, with a dark mark where the cronograma says the
 * bar should have reached by the date. A bar that stops short of its mark is late. The drawing
 * knows nothing of widgets: the window draws it in a snapshot, the PDF on a page. */

#define LABEL_MAX_WIDTH 260.0
#define VALUE_WIDTH     64.0
#define LATE_WIDTH      96.0
#define GAP             8.0
#define BAR_HEIGHT      14.0
#define LEGEND_HEIGHT   24.0

/**
 * poa_progress_chart_style_init:
 *
 * Fills @style for dark text on a light background, without a legend.
 */
void
poa_progress_chart_style_init (PoaProgressChartStyle *style)
{
  static const PoaProgressChartStyle light = {
    { 0.0, 0.0, 0.0, 0.8 },
    { 0.0, 0.0, 0.0, 0.1 },
    { 0.0, 0.0, 0.0, 0.85 },
    "Sans 10",
    NULL,
    NULL,
    NULL,
  };

  g_return_if_fail (style != NULL);

  *style = light;
}

static gboolean
has_legend (const PoaProgressChartStyle *style)
{
  return style->legend_achieved != NULL && style->legend_expected != NULL;
}

/**
 * poa_progress_chart_get_height:
 *
 * Returns: the height the chart takes for @plan, whatever its width.
 */
double
poa_progress_chart_get_height (PoaPlan                     *plan,
                               const PoaProgressChartStyle *style)
{
  guint n;

  g_return_val_if_fail (POA_IS_PLAN (plan), 0);
  g_return_val_if_fail (style != NULL, 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  return n * POA_PROGRESS_CHART_ROW_HEIGHT + (has_legend (style) ? LEGEND_HEIGHT : 0);
}

/**
 * poa_progress_chart_bar_fraction:
 * @percent: achieved ÷ programmed × 100
 *
 * Returns: how much of its track a bar fills: above 100 % the bar is full (its label says by
 *   how much), never negative.
 */
double
poa_progress_chart_bar_fraction (double percent)
{
  if (isnan (percent))
    return 0;
  return CLAMP (percent / 100.0, 0.0, 1.0);
}

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static void
set_rgb_hex (cairo_t *cr,
             guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  double r = MIN (height / 2, width / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Draws @text in a box of @width at (@x, middle @y), ellipsized, aligned by @alignment. */
static void
draw_text (cairo_t        *cr,
           PangoLayout    *layout,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  int text_height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  cairo_move_to (cr, x, y - text_height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (cairo_t                     *cr,
             PangoLayout                 *layout,
             const PoaProgressChartStyle *style,
             double                       width)
{
  double y = LEGEND_HEIGHT / 2 - 2;
  double half = width / 2;

  set_rgb_hex (cr, poa_semaforo_rgb (POA_SEMAFORO_GREEN));
  rounded_rectangle (cr, 0, y - BAR_HEIGHT / 2, 24, BAR_HEIGHT);
  cairo_fill (cr);
  set_rgba (cr, style->text);
  draw_text (cr, layout, style->legend_achieved, 30, y, half - 36, PANGO_ALIGN_LEFT);

  set_rgba (cr, style->marker);
  cairo_rectangle (cr, half + 10, y - BAR_HEIGHT / 2 - 3, 3, BAR_HEIGHT + 6);
  cairo_fill (cr);
  set_rgba (cr, style->text);
  draw_text (cr, layout, style->legend_expected, half + 20, y, half - 20, PANGO_ALIGN_LEFT);
}

static void
draw_row (cairo_t                     *cr,
          PangoLayout                 *layout,
          const PoaProgressChartStyle *style,
          PoaPlan                     *plan,
          PoaActivity                 *activity,
          const GDate                 *date,
          double                       y,
          double                       label_width,
          double                       width)
{
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  PoaScheduleStatus status;
  PoaSemaforo level;
  double percent = 0;
  double middle = y + POA_PROGRESS_CHART_ROW_HEIGHT / 2;
  double late_width = style->late_format != NULL ? LATE_WIDTH : 0;
  double bar_x = label_width + GAP;
  double bar_width = MAX (width - bar_x - GAP - VALUE_WIDTH - late_width, 10);

  label = g_strdup_printf ("%u. %s", poa_activity_get_number (activity),
                           poa_activity_get_name (activity));
  set_rgba (cr, style->text);
  draw_text (cr, layout, label, 0, middle, label_width, PANGO_ALIGN_LEFT);

  set_rgba (cr, style->track);
  rounded_rectangle (cr, bar_x, middle - BAR_HEIGHT / 2, bar_width, BAR_HEIGHT);
  cairo_fill (cr);

  level = poa_activity_get_semaforo (activity, plan, &percent);
  if (poa_progress_chart_bar_fraction (percent) > 0)
    {
      set_rgb_hex (cr, poa_semaforo_rgb (level));
      rounded_rectangle (cr, bar_x, middle - BAR_HEIGHT / 2,
                         MAX (bar_width * poa_progress_chart_bar_fraction (percent), BAR_HEIGHT),
                         BAR_HEIGHT);
      cairo_fill (cr);
    }

  /* The mark is where the bar should be by the date; none when no month is scheduled. */
  if (poa_activity_get_schedule_status (activity, poa_plan_get_year (plan), date, &status))
    {
      set_rgba (cr, style->marker);
      cairo_rectangle (cr, bar_x + round (bar_width * status.share) - 1.5,
                       middle - BAR_HEIGHT / 2 - 3, 3, BAR_HEIGHT + 6);
      cairo_fill (cr);
    }

  value = level == POA_SEMAFORO_NONE ? g_strdup ("—") : g_strdup_printf ("%.0f %%", percent);
  set_rgba (cr, style->text);
  draw_text (cr, layout, value, width - late_width - VALUE_WIDTH, middle, VALUE_WIDTH,
             PANGO_ALIGN_RIGHT);

  /* Lateness in words too, in the semáforo's red, for whoever cannot tell the mark apart. */
  if (style->late_format != NULL && status.behind > 0)
    {
      g_autofree char *late = NULL;

      /* The format is the caller's translated text, with one %u, as documented. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      late = g_strdup_printf (style->late_format, status.behind);
#pragma GCC diagnostic pop
      set_rgb_hex (cr, poa_semaforo_rgb (POA_SEMAFORO_RED));
      draw_text (cr, layout, late, width - late_width, middle, late_width, PANGO_ALIGN_RIGHT);
    }
}

/**
 * poa_progress_chart_draw:
 * @cr: where to draw, with the origin at the chart's top left corner
 * @date: the date the marks stand for, usually today
 * @width: the chart's width; its height is poa_progress_chart_get_height()
 *
 * Draws one row per activity of @plan, in the plan's order.
 */
void
poa_progress_chart_draw (cairo_t                     *cr,
                         PoaPlan                     *plan,
                         const GDate                 *date,
                         double                       width,
                         const PoaProgressChartStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GListModel *activities;
  double label_width, y = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (POA_IS_PLAN (plan));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (style != NULL);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 10");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  cairo_save (cr);

  if (has_legend (style))
    {
      draw_legend (cr, layout, style, width);
      y = LEGEND_HEIGHT;
    }

  label_width = MIN (width * 0.4, LABEL_MAX_WIDTH);
  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      draw_row (cr, layout, style, plan, activity, date, y, label_width, width);
      y += POA_PROGRESS_CHART_ROW_HEIGHT;
    }

  cairo_restore (cr);
}
