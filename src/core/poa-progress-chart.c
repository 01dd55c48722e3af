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

/* The Indicadores bar chart: one bar per activity, achieved ÷ programmed and labelled with its
 * percentage, with a dark mark where the cronograma says the bar should have reached by the
 * date. A bar that stops short of its mark is late. The bar is coloured by what its row tells
 * (poa_activity_get_progress_state()): red when late, green when on schedule, grey when nothing
 * is owed yet, and by the semáforo once the whole meta is due, so that no bar is red for an
 * activity that owes nothing. The drawing knows nothing of widgets: the window draws it in a
 * snapshot, the PDF on a page. */

#define LABEL_MAX_WIDTH 260.0
#define VALUE_WIDTH     64.0
#define LATE_WIDTH      96.0
#define GAP             8.0
#define BAR_HEIGHT      14.0
#define LEGEND_HEIGHT   24.0

/* Below this width a row takes two lines, its name and figures over a bar as wide as the
 * chart, so that the bars stay readable on a narrow window or a portrait page. */
#define COMPACT_WIDTH   560.0

/* Where the parts of every row go, for one width. */
typedef struct
{
  double row_height;
  double text_y;     /* middle of the line with the name and the figures */
  double bar_y;      /* middle of the bar */
  double label_width;
  double bar_x;
  double bar_width;
  double value_x;
  double late_x;
  double late_width;
  double legend_height;
} Layout;

static void
compute_layout_stacked (Layout                      *layout,
                        double                       width,
                        const PoaProgressChartStyle *style,
                        gboolean                     stacked)
{
  gboolean compact = stacked || width < COMPACT_WIDTH;
  gboolean legend = style->legend_achieved != NULL && style->legend_expected != NULL;

  layout->late_width = style->late_format != NULL ? LATE_WIDTH : 0;
  layout->late_x = width - layout->late_width;
  layout->value_x = layout->late_x - VALUE_WIDTH;

  if (compact)
    {
      layout->row_height = 2 * POA_PROGRESS_CHART_ROW_HEIGHT - 4;
      layout->text_y = POA_PROGRESS_CHART_ROW_HEIGHT / 2;
      layout->bar_y = POA_PROGRESS_CHART_ROW_HEIGHT + (POA_PROGRESS_CHART_ROW_HEIGHT - 4) / 2 - 2;
      layout->label_width = MAX (layout->value_x - GAP, 10);
      layout->bar_x = 0;
      layout->bar_width = width;
      layout->legend_height = legend ? 2 * LEGEND_HEIGHT : 0;
    }
  else
    {
      layout->row_height = POA_PROGRESS_CHART_ROW_HEIGHT;
      layout->text_y = layout->bar_y = POA_PROGRESS_CHART_ROW_HEIGHT / 2;
      layout->label_width = MIN (width * 0.4, LABEL_MAX_WIDTH);
      layout->bar_x = layout->label_width + GAP;
      layout->bar_width = MAX (layout->value_x - GAP - layout->bar_x, 10);
      layout->legend_height = legend ? LEGEND_HEIGHT : 0;
    }
}

static void
compute_layout (Layout                      *layout,
                double                       width,
                const PoaProgressChartStyle *style)
{
  compute_layout_stacked (layout, width, style, FALSE);
}

/* The row's name: its number and its name, whole. */
static char *
row_label (PoaActivity *activity)
{
  return g_strdup_printf ("%u. %s", poa_activity_get_number (activity), poa_activity_get_name (activity));
}

/* @pango set to @label wrapped whole in @width, for paper; back to one ellipsized line after
 * with unwrap(). Returns how much taller than one line the name is. */
static double
wrap_label (PangoLayout *pango,
            const char  *label,
            double       width)
{
  g_autofree char *flat = poa_draw_one_line (label);
  PangoRectangle logical, line;

  /* One line's height, measured in the same font, so that a name of one line adds nothing. */
  pango_layout_set_ellipsize (pango, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (pango, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (pango, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_text (pango, "X", -1);
  pango_layout_get_pixel_extents (pango, NULL, &line);
  pango_layout_set_text (pango, flat, -1);
  pango_layout_get_pixel_extents (pango, NULL, &logical);
  return MAX (logical.height - line.height, 0);
}

static void
unwrap (PangoLayout *pango)
{
  pango_layout_set_ellipsize (pango, PANGO_ELLIPSIZE_END);
}

/* Where @activity's row puts its parts when names wrap, and how much taller than one line its
 * name is. A name too long for its column beside the bar to fit on a page goes over the whole
 * width, the bar under it, as on a narrow page. */
static double
wrapped_row_layout (PangoLayout                 *pango,
                    PoaActivity                 *activity,
                    double                       width,
                    const PoaProgressChartStyle *style,
                    Layout                      *layout)
{
  g_autofree char *label = row_label (activity);
  double extra;

  compute_layout (layout, width, style);
  extra = ceil (wrap_label (pango, label, layout->label_width));
  if (style->max_row_height > 0 && layout->row_height + extra > style->max_row_height &&
      width >= COMPACT_WIDTH)
    {
      compute_layout_stacked (layout, width, style, TRUE);
      extra = ceil (wrap_label (pango, label, layout->label_width));
    }
  unwrap (pango);
  return extra;
}

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
    NULL,
  };

  g_return_if_fail (style != NULL);

  *style = light;
  poa_progress_chart_late_color (FALSE, &style->late);
}

/**
 * poa_progress_chart_late_color:
 * @dark: whether the chart is drawn on a dark background (light text)
 * @color: (out caller-allocates): the red of the lateness words
 *
 * The semáforo's red #E01B24 reads 2.5:1 on libadwaita's dark #353535: words take Adwaita's
 * error reds instead, #C01C28 on light and #FF7B63 on dark, both 4.5:1 or more (issue 15;
 * test-metrics computes the ratios).
 */
void
poa_progress_chart_late_color (gboolean  dark,
                               PoaColor *color)
{
  g_return_if_fail (color != NULL);

  poa_color_init_rgb (color, dark ? 0xff7b63 : 0xc01c28);
}

/**
 * poa_progress_chart_get_height:
 * @n_rows: how many activities the chart shows
 * @width: the width the chart will be drawn at
 *
 * Returns: the height the chart takes for @n_rows activities at @width.
 */
double
poa_progress_chart_get_height (guint                        n_rows,
                               double                       width,
                               const PoaProgressChartStyle *style)
{
  Layout layout;

  g_return_val_if_fail (style != NULL, 0);

  compute_layout (&layout, width, style);
  return n_rows * layout.row_height + layout.legend_height;
}

/**
 * poa_progress_chart_get_row_height:
 * @cr: a context like the one the chart will be drawn on (its fonts measure the name)
 * @activity: the row's activity
 * @width: the chart's width
 *
 * Returns: the height of @activity's row: poa_progress_chart_get_height() of one row, or more
 *   when @style wraps names and the name takes more than one line.
 */
double
poa_progress_chart_get_row_height (cairo_t                     *cr,
                                   PoaActivity                 *activity,
                                   double                       width,
                                   const PoaProgressChartStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) pango = NULL;
  Layout layout;
  double extra;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), 0);
  g_return_val_if_fail (style != NULL, 0);

  compute_layout (&layout, width, style);
  if (!style->wrap_names)
    return layout.row_height;

  pango = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 10");
  pango_layout_set_font_description (pango, font);
  extra = wrapped_row_layout (pango, activity, width, style, &layout);
  return layout.row_height + extra;
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
set_semaforo_color (cairo_t     *cr,
                    PoaSemaforo  level)
{
  PoaColor color;

  poa_color_init_rgb (&color, poa_semaforo_rgb (level));
  poa_draw_set_color (cr, &color);
}

/* A bar: rounded at both ends, whatever its length. */
static void
bar (cairo_t *cr,
     double   x,
     double   y,
     double   width,
     double   height)
{
  poa_draw_rounded_rectangle (cr, x, y, width, height, height / 2);
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
  g_autofree char *flat = poa_draw_one_line (text);
  int text_height;

  /* A name of several paragraphs is one line, ellipsized, inside its row (issue 15). */
  pango_layout_set_text (layout, flat, -1);
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
             double                       width,
             gboolean                     stacked)
{
  double y = LEGEND_HEIGHT / 2 - 2;
  double x = stacked ? 0 : width / 2 + 10;
  double second_y = stacked ? y + LEGEND_HEIGHT : y;
  double text_width = stacked ? width - 30 : width / 2 - 36;

  /* The bar's swatch in its three colours, a third each, for the three states a bar shows
   * before its meta is due: late, on schedule, nothing owed yet. */
  cairo_save (cr);
  bar (cr, 0, y - BAR_HEIGHT / 2, 24, BAR_HEIGHT);
  cairo_clip (cr);
  for (guint i = 0; i < 3; i++)
    {
      static const PoaSemaforo swatch[] = { POA_SEMAFORO_RED, POA_SEMAFORO_GREEN, POA_SEMAFORO_NONE };

      set_semaforo_color (cr, swatch[i]);
      cairo_rectangle (cr, 8 * i, y - BAR_HEIGHT / 2, 8, BAR_HEIGHT);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  poa_draw_set_color (cr, &style->text);
  draw_text (cr, layout, style->legend_achieved, 30, y, text_width, PANGO_ALIGN_LEFT);

  poa_draw_set_color (cr, &style->marker);
  cairo_rectangle (cr, x + 10, second_y - BAR_HEIGHT / 2 - 3, 3, BAR_HEIGHT + 6);
  cairo_fill (cr);
  poa_draw_set_color (cr, &style->text);
  draw_text (cr, layout, style->legend_expected, x + 30, second_y, text_width, PANGO_ALIGN_LEFT);
}

static void
draw_row (cairo_t                     *cr,
          PangoLayout                 *pango,
          const PoaProgressChartStyle *style,
          const Layout                *layout,
          PoaPlan                     *plan,
          PoaActivity                 *activity,
          const GDate                 *date,
          double                       y,
          double                       extra)
{
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  PoaScheduleStatus status;
  PoaProgressState state;
  PoaSemaforo level, semaforo;
  double percent = 0;
  double text_y = y + layout->text_y;
  /* A wrapped name's first line is where a one-line name is; the figures and, side by side,
   * the bar stay on that line, like a table's cells read from their top. Stacked, the bar goes
   * under the whole name. */
  double bar_y = y + layout->bar_y + (layout->bar_y > layout->text_y ? extra : 0);

  label = row_label (activity);
  poa_draw_set_color (cr, &style->text);
  if (style->wrap_names)
    {
      int height;

      wrap_label (pango, label, layout->label_width);
      pango_layout_set_alignment (pango, PANGO_ALIGN_LEFT);
      pango_layout_get_pixel_size (pango, NULL, &height);
      cairo_move_to (cr, 0, text_y - (height - extra) / 2.0);
      pango_cairo_show_layout (cr, pango);
      cairo_new_path (cr);
      unwrap (pango);
    }
  else
    draw_text (cr, pango, label, 0, text_y, layout->label_width, PANGO_ALIGN_LEFT);

  poa_draw_set_color (cr, &style->track);
  bar (cr, layout->bar_x, bar_y - BAR_HEIGHT / 2, layout->bar_width, BAR_HEIGHT);
  cairo_fill (cr);

  semaforo = poa_activity_get_semaforo (activity, plan, &percent);
  state = poa_activity_get_progress_state (activity, plan, date, &status, NULL);
  level = poa_progress_state_color_level (state, semaforo);
  if (poa_progress_chart_bar_fraction (percent) > 0)
    {
      set_semaforo_color (cr, level);
      bar (cr, layout->bar_x, bar_y - BAR_HEIGHT / 2,
           MAX (layout->bar_width * poa_progress_chart_bar_fraction (percent), BAR_HEIGHT),
           BAR_HEIGHT);
      cairo_fill (cr);
    }

  /* The mark is where the bar should be by the date; none when no month is scheduled. */
  if (poa_activity_get_schedule_status (activity, poa_plan_get_year (plan), date, &status))
    {
      poa_draw_set_color (cr, &style->marker);
      cairo_rectangle (cr, layout->bar_x + round (layout->bar_width * status.share) - 1.5,
                       bar_y - BAR_HEIGHT / 2 - 3, 3, BAR_HEIGHT + 6);
      cairo_fill (cr);
    }

  value = semaforo == POA_SEMAFORO_NONE ? g_strdup ("—") : g_strdup_printf ("%.0f %%", percent);
  poa_draw_set_color (cr, &style->text);
  draw_text (cr, pango, value, layout->value_x, text_y, VALUE_WIDTH, PANGO_ALIGN_RIGHT);

  /* Lateness in words too, in the semáforo's red, for whoever cannot tell the mark apart. */
  if (style->late_format != NULL && status.behind > 0)
    {
      const char *format = style->late_format_for != NULL ? style->late_format_for (status.behind)
                                                          : style->late_format;
      g_autofree char *late = NULL;

      /* The format is the caller's translated text, with one %u, as documented. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      late = g_strdup_printf (format, status.behind);
#pragma GCC diagnostic pop
      /* Red, but a red that reads on the background: the bar's red does not on dark. Once the
       * meta is due the semáforo grades it: a green 95 % owing one goal says so in plain text. */
      poa_draw_set_color (cr, level == POA_SEMAFORO_RED ? &style->late : &style->text);
      draw_text (cr, pango, late, layout->late_x, text_y, layout->late_width, PANGO_ALIGN_RIGHT);
    }
}

/**
 * poa_progress_chart_draw:
 * @cr: where to draw, with the origin at the chart's top left corner
 * @date: the date the marks stand for, usually today
 * @activities: (nullable): the activities to draw, in their order, or %NULL for all of @plan's
 * @width: the chart's width; its height is poa_progress_chart_get_height()
 *
 * Draws one row per activity. A window shows a part of a big plan (its first rows); the plan
 * gives the year and the semáforo's thresholds.
 */
void
poa_progress_chart_draw (cairo_t                     *cr,
                         PoaPlan                     *plan,
                         GListModel                  *activities,
                         const GDate                 *date,
                         double                       width,
                         const PoaProgressChartStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) pango = NULL;
  Layout layout;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (POA_IS_PLAN (plan));
  g_return_if_fail (activities == NULL || G_IS_LIST_MODEL (activities));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (style != NULL);

  pango = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 10");
  pango_layout_set_font_description (pango, font);
  pango_layout_set_ellipsize (pango, PANGO_ELLIPSIZE_END);
  compute_layout (&layout, width, style);

  cairo_save (cr);

  if (layout.legend_height > 0)
    draw_legend (cr, pango, style, width, width < COMPACT_WIDTH);

  y = layout.legend_height;
  if (activities == NULL)
    activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      Layout row = layout;
      double extra = 0;

      if (style->wrap_names)
        extra = wrapped_row_layout (pango, activity, width, style, &row);
      draw_row (cr, pango, style, &row, plan, activity, date, y, extra);
      y += row.row_height + extra;
    }

  cairo_restore (cr);
}
