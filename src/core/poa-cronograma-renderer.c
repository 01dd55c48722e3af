/* poa-cronograma-renderer.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-cronograma-renderer"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "poa-activity.h"
#include "poa-check.h"
#include "poa-cronograma-renderer.h"
#include "poa-date.h"
#include "poa-findings.h"
#include "poa-plan.h"

/* The cronograma of a plan drawn into any cairo context: the window's view, the PNG and PDF
 * writers and the printer all draw through here, so that they show the same thing.
 *
 * The drawing is split in a heading and a range of rows, each drawn at the context's origin:
 * the view draws only the rows it shows (a plan may have 100,000 activities), the documents
 * draw the rows of one page. Left of the timeline are Nº, the name and optionally the metas;
 * right of it, optionally, the dates. When the timeline is wider than its room (zoomed to
 * weeks) it scrolls sideways under the fixed columns, by set_scroll_x().
 *
 * Sizes come from the font: in the window they are pixels, in documents points. */

struct _PoaCronogramaRenderer
{
  GObject               parent_instance;

  PoaPlan              *plan;
  GListModel           *activities;
  PangoContext         *context;
  PangoLayout          *layout;
  PangoLayout          *bold_layout;
  PangoFontDescription *font;

  PoaCronogramaPalette  palette;
  PoaCronogramaZoom     zoom;
  PoaCronogramaColumns  columns;
  GDate                 today;
  PoaActivity          *selected;
  int                   cursor_row;
  guint                 cursor_month;
  double                width;
  double                scroll_x;
  gboolean              official;
  gboolean              own_context;
  gboolean              wrap_names;

  /* The percentages drawn by the current draw_rows(), that the today line goes round. */
  GArray               *labels;

  /* What `check` finds in the plan: the document's when it has one (the window), or the
   * renderer's own (the command line's documents). */
  PoaFindings          *findings;

  /* Geometry, from the font and the width; recomputed when either changes. */
  gboolean              geometry_valid;
  double                line;
  double                pad;
  double                row_height;
  double                heading_height;
  double                mark_size;
  double                number_width;
  double                name_width;
  double                goal_width;
  double                date_width;
  double                timeline_x;
  double                timeline_view;
  double                timeline_width;
  double                min_width;
  double                month_widths[3];   /* the widest month name, whole, in three letters, in one */
};

G_DEFINE_FINAL_TYPE (PoaCronogramaRenderer, poa_cronograma_renderer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PoaCronogramaZoom, poa_cronograma_zoom,
                    G_DEFINE_ENUM_VALUE (POA_CRONOGRAMA_ZOOM_MONTHS, "months"),
                    G_DEFINE_ENUM_VALUE (POA_CRONOGRAMA_ZOOM_WEEKS, "weeks"))

typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END,
} Align;

/* The fields of a finding that the cronograma shows: its dates, months and metas. A missing
 * unit of measure is a finding too, but not one about the schedule. */
static const char *schedule_fields[] = { "start", "end", "months", "programmed", "achieved" };

/* The findings come from a PoaFindings, which computes each activity's once per change and
 * keeps a few screens' worth: see poa_cronograma_renderer_set_findings(). */

/* ─── Palette ────────────────────────────────────────────────────────────────────────────── */

/**
 * poa_cronograma_palette_init_print:
 *
 * The colours of printed cronogramas: dark text on white, a pale bar with a dark achieved
 * share, so that it reads on a black-and-white printer too.
 */
void
poa_cronograma_palette_init_print (PoaCronogramaPalette *palette)
{
  g_return_if_fail (palette != NULL);

  poa_color_init_rgb (&palette->background, 0xffffff);
  poa_color_init_rgb (&palette->foreground, 0x000000);
  poa_color_init_rgb (&palette->dim, 0x505050);
  poa_color_init_rgb (&palette->heading, 0xe4eaf2);
  poa_color_init_rgb (&palette->grid, 0xa8a8a8);
  poa_color_init_rgb (&palette->bar, 0xb9cfea);
  poa_color_init_rgb (&palette->achieved, 0x1c4f8c);
  poa_color_init_rgb (&palette->achieved_text, 0xffffff);
  poa_color_init_rgb (&palette->today, 0x813d9c);
  poa_color_init_rgb (&palette->error, 0xc01c28);
  /* Adwaita's warning text colour: #C17D11 read only 3.4:1 on white (issue 15). */
  poa_color_init_rgb (&palette->warning, 0x9c6e03);
  poa_color_init_rgb (&palette->selection, 0xffffff);
  poa_color_init_rgb (&palette->focus, 0x1c71d8);
}

/* ─── Drawing helpers ────────────────────────────────────────────────────────────────────── */

static void
set_color_faded (cairo_t        *cr,
                 const PoaColor *color,
                 double          fade)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * fade);
}

/* Vector targets (PDF, PostScript, SVG) have no pixels to align lines with. */
static gboolean
is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_WIN32_PRINTING:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The thinnest line worth drawing: one pixel on screen, half a point on paper. */
static double
hairline (PoaCronogramaRenderer *self)
{
  return self->own_context ? 0.5 : 1.0;
}

/* Moves a point so that a line of the current width through it, along the y axis (or the x
 * axis when @across_y), covers whole device pixels: crisp instead of two half-lit pixels,
 * whatever the scale. */
static void
snap (cairo_t  *cr,
      double   *x,
      double   *y,
      gboolean  across_y)
{
  double w = cairo_get_line_width (cr), h = w;
  double *value;
  int pixels;

  if (is_vector (cr))
    return;

  cairo_user_to_device_distance (cr, &w, &h);
  pixels = MAX (1, (int)round (fabs (across_y ? h : w)));
  cairo_user_to_device (cr, x, y);
  value = across_y ? y : x;
  *value = pixels % 2 ? floor (*value) + 0.5 : round (*value);
  cairo_device_to_user (cr, x, y);
}

static void
vertical_line (cairo_t *cr,
               double   x,
               double   y0,
               double   y1)
{
  snap (cr, &x, &y0, FALSE);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
}

static void
horizontal_line (cairo_t *cr,
                 double   x0,
                 double   x1,
                 double   y)
{
  snap (cr, &x0, &y, TRUE);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
}

static double
text_width (PoaCronogramaRenderer *self,
            const char            *text,
            gboolean               bold)
{
  PangoLayout *layout = bold ? self->bold_layout : self->layout;
  g_autofree char *flat = poa_draw_one_line (text);
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, flat, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

/* The name's layout wrapped to the name column, whole: for paper, where a row grows to hold
 * it. Leaves the layout wrapping; show_text() puts it back to one ellipsized line. */
static PangoLayout *
wrapped_name_layout (PoaCronogramaRenderer *self,
                     const char            *name)
{
  g_autofree char *flat = poa_draw_one_line (name);

  pango_layout_set_text (self->layout, flat, -1);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (self->layout, (int)(MAX (1, self->name_width - self->pad) * PANGO_SCALE));
  return self->layout;
}

/* Draws @text in the box, centred vertically; @width > 0 ellipsizes it to the box. A text
 * with line breaks is drawn as one line. */
static void
show_text (PoaCronogramaRenderer *self,
           cairo_t               *cr,
           const char            *text,
           double                 x,
           double                 y,
           double                 width,
           double                 height,
           Align                  align,
           const PoaColor        *color,
           gboolean               bold)
{
  PangoLayout *layout = bold ? self->bold_layout : self->layout;
  g_autofree char *flat = poa_draw_one_line (text);
  PangoRectangle logical;
  double tx, text_w, text_h;

  if (width <= 0)
    return;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, flat, -1);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_get_extents (layout, NULL, &logical);
  text_w = (double)logical.width / PANGO_SCALE;
  text_h = (double)logical.height / PANGO_SCALE;

  if (align == ALIGN_START)
    tx = x;
  else if (align == ALIGN_END)
    tx = x + width - text_w;
  else
    tx = x + (width - text_w) / 2;

  poa_draw_set_color (cr, color);
  cairo_move_to (cr, tx - (double)logical.x / PANGO_SCALE, y + (height - text_h) / 2);
  pango_cairo_show_layout (cr, layout);
  /* No current point left behind: the next arc would draw a line from it. */
  cairo_new_path (cr);
}

/* ─── Geometry ───────────────────────────────────────────────────────────────────────────── */

static guint
count_digits (guint n)
{
  guint digits = 1;

  while (n >= 10)
    {
      n /= 10;
      digits++;
    }
  return digits;
}

static const char *
label (PoaCronogramaRenderer *self,
       const char            *official,
       const char            *translated)
{
  return self->official ? official : translated;
}

static const char *
month_name (PoaCronogramaRenderer *self,
            guint                  month)
{
  return self->official ? poa_month_name_spanish (month) : poa_month_name (month);
}

/* The heading's month names: whole, in three letters, or in one, as the width allows. */
static const guint month_label_lengths[] = { G_MAXUINT, 3, 1 };

static void
update_geometry (PoaCronogramaRenderer *self)
{
  PangoFontMetrics *metrics;
  double digit, left, right, min_month;
  guint n_rows;

  if (self->geometry_valid)
    return;

  metrics = pango_context_get_metrics (self->context, self->font, NULL);
  self->line = ceil ((double)(pango_font_metrics_get_ascent (metrics) +
                              pango_font_metrics_get_descent (metrics)) / PANGO_SCALE);
  digit = (double)pango_font_metrics_get_approximate_digit_width (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  self->pad = ceil (self->line * 0.3);
  self->row_height = self->line + 2 * self->pad;
  self->heading_height = 2 * (self->line + self->pad) + self->pad;
  self->mark_size = round (self->line * 0.8);

  n_rows = g_list_model_get_n_items (self->activities);
  self->number_width = ceil (self->pad + self->mark_size + self->pad / 2 +
                             MAX (2, count_digits (n_rows)) * digit + self->pad);
  self->name_width = floor (CLAMP (self->width * 0.25, 8 * digit, 36 * digit));

  self->goal_width = 0;
  if (self->columns & POA_CRONOGRAMA_COLUMN_GOALS)
    self->goal_width = ceil (MAX (text_width (self, label (self, "Programada", _("Programmed")), TRUE),
                                  text_width (self, label (self, "Alcanzada", _("Achieved")), TRUE))
                             + 2 * self->pad);
  self->date_width = 0;
  if (self->columns & POA_CRONOGRAMA_COLUMN_DATES)
    self->date_width = ceil (text_width (self, "00/00/0000", FALSE) + 2 * self->pad);

  /* Measured once per font, not at every frame of the heading. */
  for (guint i = 0; i < G_N_ELEMENTS (month_label_lengths); i++)
    {
      self->month_widths[i] = 0;
      for (guint m = 1; m <= 12; m++)
        {
          const char *name = month_name (self, m);
          g_autofree char *text = g_utf8_substring (name, 0, MIN (month_label_lengths[i],
                                                                  (guint)g_utf8_strlen (name, -1)));

          self->month_widths[i] = MAX (self->month_widths[i], text_width (self, text, TRUE));
        }
    }

  left = self->number_width + self->name_width + 2 * self->goal_width;
  right = 2 * self->date_width;
  min_month = ceil (self->line * 1.2);

  self->timeline_x = left;
  self->timeline_view = MAX (0, floor (self->width - left - right));
  if (self->zoom == POA_CRONOGRAMA_ZOOM_WEEKS)
    {
      double week = MAX (self->line * 2.2, 2 * digit + 2 * self->pad);
      self->timeline_width = ceil (week * poa_time_scale_days_in_year (poa_plan_get_year (self->plan)) / 7);
    }
  else
    self->timeline_width = MAX (self->timeline_view, 12 * min_month);

  self->min_width = self->number_width + 8 * digit + 12 * min_month + right;
  self->scroll_x = CLAMP (self->scroll_x, 0, MAX (0, self->timeline_width - self->timeline_view));
  self->geometry_valid = TRUE;
}

static void
invalidate_geometry (PoaCronogramaRenderer *self)
{
  self->geometry_valid = FALSE;
}

static void
time_scale (PoaCronogramaRenderer *self,
            PoaTimeScale          *scale)
{
  update_geometry (self);
  scale->year = poa_plan_get_year (self->plan);
  scale->x = self->timeline_x - self->scroll_x;
  scale->width = self->timeline_width;
}

/* ─── Findings ───────────────────────────────────────────────────────────────────────────── */

static gboolean
is_schedule_field (const char *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (schedule_fields); i++)
    if (strcmp (field, schedule_fields[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The worst finding about each field of a row's schedule, and about any of them: an error, a
 * warning, or -1. The activity's findings are about all its fields; one pass sorts them. */
typedef struct
{
  int any;
  int field[G_N_ELEMENTS (schedule_fields)];
} Severities;

static void
worst_severities (GListModel *findings,
                  Severities *worst)
{
  worst->any = -1;
  for (guint j = 0; j < G_N_ELEMENTS (schedule_fields); j++)
    worst->field[j] = -1;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (findings, i);
      const char *field = poa_finding_get_field (finding);
      int severity = (int)poa_finding_get_severity (finding);

      /* An error anywhere (a missing name) is the row's error sign: the activity cannot be
       * signed as it is. Warnings elsewhere (the unit) are not the schedule's business. */
      if (severity == POA_SEVERITY_ERROR)
        worst->any = MAX (worst->any, severity);
      for (guint j = 0; field != NULL && j < G_N_ELEMENTS (schedule_fields); j++)
        if (strcmp (field, schedule_fields[j]) == 0)
          {
            worst->field[j] = MAX (worst->field[j], severity);
            worst->any = MAX (worst->any, severity);
            break;
          }
    }
}

static int
worst_severity (const Severities *worst,
                const char       *field)
{
  for (guint j = 0; j < G_N_ELEMENTS (schedule_fields); j++)
    if (strcmp (field, schedule_fields[j]) == 0)
      return worst->field[j];
  return -1;
}

static void
activities_changed_cb (PoaCronogramaRenderer *self,
                       guint                  position,
                       guint                  removed,
                       guint                  added,
                       GListModel            *model)
{
  invalidate_geometry (self);
}

static void
plan_year_changed_cb (PoaCronogramaRenderer *self,
                      GParamSpec            *pspec,
                      PoaPlan               *plan)
{
  invalidate_geometry (self);
}

/* ─── Rows ───────────────────────────────────────────────────────────────────────────────── */

/* A mark in the Nº column: a red disc for an error, an amber triangle for a warning, both
 * with an exclamation sign, so that they differ in shape as well as colour. */
static void
draw_finding_mark (PoaCronogramaRenderer *self,
                   cairo_t               *cr,
                   double                 x,
                   double                 y,
                   PoaSeverity            severity)
{
  double s = self->mark_size;
  double cx = x + s / 2;

  if (severity == POA_SEVERITY_ERROR)
    {
      poa_draw_set_color (cr, &self->palette.error);
      cairo_arc (cr, cx, y + s / 2, s / 2, 0, 2 * G_PI);
    }
  else
    {
      poa_draw_set_color (cr, &self->palette.warning);
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, x + s, y + s);
      cairo_line_to (cr, x, y + s);
      cairo_close_path (cr);
    }
  cairo_fill (cr);

  poa_draw_set_color (cr, &self->palette.background);
  cairo_rectangle (cr, cx - s * 0.07, y + s * (severity == POA_SEVERITY_ERROR ? 0.2 : 0.3),
                   s * 0.14, s * 0.4);
  cairo_rectangle (cr, cx - s * 0.07, y + s * 0.74, s * 0.14, s * 0.12);
  cairo_fill (cr);
}

/* A bracket at an exact start (opening right) or end (opening left) day. */
static void
draw_day_mark (PoaCronogramaRenderer *self,
               cairo_t               *cr,
               double                 x,
               double                 y0,
               double                 y1,
               double                 direction)
{
  double stub = MAX (2, self->pad * 0.6) * direction;

  snap (cr, &x, &y0, FALSE);
  cairo_move_to (cr, x + stub, y0);
  cairo_line_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_line_to (cr, x + stub, y1);
  cairo_stroke (cr);
}

/* A small arrowhead at the edge of the year: the activity goes on beyond it. */
static void
draw_beyond_mark (PoaCronogramaRenderer *self,
                  cairo_t               *cr,
                  double                 x,
                  double                 cy,
                  double                 direction)
{
  double s = self->pad;

  cairo_move_to (cr, x + direction * s, cy);
  cairo_line_to (cr, x, cy - s);
  cairo_line_to (cr, x, cy + s);
  cairo_close_path (cr);
  cairo_fill (cr);
}

typedef struct
{
  double x0;
  double x1;
} Run;

/* The scheduled months as bars: adjacent months make one bar. Returns the number of runs. */
static guint
month_runs (const PoaTimeScale *scale,
            guint               months,
            double              inset,
            Run                 runs[6])
{
  guint n = 0, last;

  for (guint m = 1; poa_months_next_run (months, &m, &last); m = last + 1)
    {
      runs[n].x0 = poa_time_scale_x_for_month (scale, m) + inset;
      runs[n].x1 = poa_time_scale_x_for_month (scale, last + 1) - inset;
      n++;
    }
  return n;
}

/* The percentage inside the bar: dark where it lies on the pale part, light on the achieved
 * part, as a progress bar writes it. */
static void
draw_percent (PoaCronogramaRenderer *self,
              cairo_t               *cr,
              const char            *text,
              const Run             *last,
              double                 fill_end,
              double                 bar_y,
              double                 bar_h)
{
  double text_w = text_width (self, text, FALSE);
  double x = last->x1 - self->pad - text_w;
  cairo_rectangle_t label;

  if (text_w + 2 * self->pad <= last->x1 - last->x0)
    {
      label = (cairo_rectangle_t) { x - 1, bar_y, text_w + 3, bar_h };
      g_array_append_val (self->labels, label);

      cairo_save (cr);
      cairo_rectangle (cr, fill_end, bar_y, last->x1 - fill_end, bar_h);
      cairo_clip (cr);
      show_text (self, cr, text, x, bar_y, text_w + 1, bar_h, ALIGN_START, &self->palette.foreground, FALSE);
      cairo_restore (cr);

      cairo_save (cr);
      cairo_rectangle (cr, last->x0, bar_y, fill_end - last->x0, bar_h);
      cairo_clip (cr);
      show_text (self, cr, text, x, bar_y, text_w + 1, bar_h, ALIGN_START, &self->palette.achieved_text, FALSE);
      cairo_restore (cr);
    }
  else
    {
      /* Too short a bar: the percentage follows it. */
      label = (cairo_rectangle_t) { last->x1 + self->pad / 2 - 1, bar_y, text_w + 3, bar_h };
      g_array_append_val (self->labels, label);
      show_text (self, cr, text, last->x1 + self->pad / 2, bar_y, text_w + 1, bar_h, ALIGN_START,
                 &self->palette.dim, FALSE);
    }
}

/* The percentage inside the bar of an activity with month figures, whose achieved parts are
 * @fills (up to one per month) rather than one stretch from the start: light on them, dark
 * elsewhere, the two clips being each other's complement (even-odd over the last run). */
static void
draw_percent_months (PoaCronogramaRenderer *self,
                     cairo_t               *cr,
                     const char            *text,
                     const Run             *last,
                     const Run             *fills,
                     guint                  n_fills,
                     double                 bar_y,
                     double                 bar_h)
{
  double text_w = text_width (self, text, FALSE);
  double x = last->x1 - self->pad - text_w;
  cairo_rectangle_t label;

  if (text_w + 2 * self->pad > last->x1 - last->x0)
    {
      /* Too short a bar: the percentage follows it, as for any activity. */
      draw_percent (self, cr, text, last, last->x0, bar_y, bar_h);
      return;
    }

  label = (cairo_rectangle_t) { x - 1, bar_y, text_w + 3, bar_h };
  g_array_append_val (self->labels, label);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle (cr, last->x0, bar_y, last->x1 - last->x0, bar_h);
  for (guint i = 0; i < n_fills; i++)
    if (fills[i].x1 > fills[i].x0 && fills[i].x0 >= last->x0 && fills[i].x1 <= last->x1)
      cairo_rectangle (cr, fills[i].x0, bar_y, fills[i].x1 - fills[i].x0, bar_h);
  cairo_clip (cr);
  show_text (self, cr, text, x, bar_y, text_w + 1, bar_h, ALIGN_START, &self->palette.foreground, FALSE);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < n_fills; i++)
    if (fills[i].x1 > fills[i].x0 && fills[i].x0 >= last->x0 && fills[i].x1 <= last->x1)
      cairo_rectangle (cr, fills[i].x0, bar_y, fills[i].x1 - fills[i].x0, bar_h);
  cairo_clip (cr);
  show_text (self, cr, text, x, bar_y, text_w + 1, bar_h, ALIGN_START, &self->palette.achieved_text, FALSE);
  cairo_restore (cr);
}

/* The bar of an activity with month figures: each scheduled month's part filled by that
 * month's achieved ÷ programmed (whole where something was achieved in a month with nothing
 * programmed), so that the bar says when the work was done. Achieved without a month fills no
 * month; the percentage is the activity's, as for any other. */
static void
draw_month_bars (PoaCronogramaRenderer *self,
                 cairo_t               *cr,
                 PoaActivity           *activity,
                 const PoaTimeScale    *scale,
                 const Run             *runs,
                 guint                  n_runs,
                 double                 bar_y,
                 double                 bar_h)
{
  PoaCalendar *calendar = poa_activity_get_calendar (activity);
  guint programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
  guint achieved = poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED);
  Run fills[12];
  guint n_fills = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      double w = runs[i].x1 - runs[i].x0;

      poa_draw_rounded_rectangle (cr, runs[i].x0, bar_y, w, bar_h, bar_h * 0.25);
      poa_draw_set_color (cr, &self->palette.bar);
      cairo_save (cr);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      poa_draw_set_color (cr, &self->palette.achieved);

      /* The fills of the last run are kept for the percentage's colours. */
      n_fills = 0;
      for (guint m = 1; m <= 12; m++)
        {
          double x0 = MAX (runs[i].x0, poa_time_scale_x_for_month (scale, m));
          double x1 = MIN (runs[i].x1, poa_time_scale_x_for_month (scale, m + 1));
          guint month_programmed = poa_calendar_get_programmed (calendar, m);
          guint month_achieved = poa_calendar_get_achieved (calendar, m);
          double share;

          if (x1 <= x0 || month_achieved == 0)
            continue;
          share = month_programmed > 0 ? MIN (1.0, (double)month_achieved / month_programmed) : 1.0;
          fills[n_fills] = (Run) { x0, x0 + (x1 - x0) * share };
          cairo_rectangle (cr, fills[n_fills].x0, bar_y, fills[n_fills].x1 - fills[n_fills].x0, bar_h);
          cairo_fill (cr);
          n_fills++;
        }
      cairo_restore (cr);
    }

  if (n_runs > 0 && programmed > 0)
    {
      char text[32];

      g_snprintf (text, sizeof text, "%.0f %%", 100.0 * achieved / programmed);
      draw_percent_months (self, cr, text, &runs[n_runs - 1], fills, n_fills, bar_y, bar_h);
    }
}

static void
draw_timeline_row (PoaCronogramaRenderer *self,
                   cairo_t               *cr,
                   PoaActivity           *activity,
                   const PoaTimeScale    *scale,
                   double                 y,
                   double                 row_h)
{
  guint programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
  guint achieved = poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED);
  const GDate *start = poa_activity_get_start (activity);
  const GDate *end = poa_activity_get_end (activity);
  double bar_h = round (self->row_height * 0.56);
  double bar_y = y + round ((row_h - bar_h) / 2);
  double month_w = scale->width / 12;
  double inset = CLAMP (round (month_w * 0.06), 1, 3);
  double total = 0, fill, fill_end = 0;
  double year_end = scale->x + scale->width;
  gboolean reversed;
  Run runs[6];
  guint n_runs;

  n_runs = month_runs (scale, poa_activity_get_months (activity), inset, runs);
  for (guint i = 0; i < n_runs; i++)
    total += runs[i].x1 - runs[i].x0;

  /* Where the months hold figures, each month shows its own achieved share; else the achieved
   * share fills the scheduled months from the first, across gaps. */
  if (poa_calendar_has_programmed (poa_activity_get_calendar (activity)))
    draw_month_bars (self, cr, activity, scale, runs, n_runs, bar_y, bar_h);
  else
    {
      fill = programmed > 0 ? total * MIN (1.0, (double)achieved / programmed) : 0;
      for (guint i = 0; i < n_runs; i++)
        {
          double w = runs[i].x1 - runs[i].x0;
          double part = CLAMP (fill, 0, w);

          poa_draw_rounded_rectangle (cr, runs[i].x0, bar_y, w, bar_h, bar_h * 0.25);
          poa_draw_set_color (cr, &self->palette.bar);
          if (part <= 0)
            {
              cairo_fill (cr);
              fill_end = runs[i].x0;
              continue;
            }

          cairo_save (cr);
          cairo_fill_preserve (cr);
          cairo_clip (cr);
          poa_draw_set_color (cr, &self->palette.achieved);
          cairo_rectangle (cr, runs[i].x0, bar_y, part, bar_h);
          cairo_fill (cr);
          cairo_restore (cr);
          fill_end = runs[i].x0 + part;
          fill -= part;
        }

      if (n_runs > 0 && programmed > 0)
        {
          char text[32];

          g_snprintf (text, sizeof text, "%.0f %%", 100.0 * achieved / programmed);
          draw_percent (self, cr, text, &runs[n_runs - 1], fill_end, bar_y, bar_h);
        }
    }

  /* The exact days, as brackets around the bar; arrowheads when the dates lie beyond the
   * year. Reversed dates are drawn as they are, in the colour of errors. */
  reversed = start != NULL && end != NULL && g_date_compare (end, start) < 0;
  poa_draw_set_color (cr, reversed ? &self->palette.error : &self->palette.foreground);
  cairo_set_line_width (cr, hairline (self) * 1.5);
  if (start != NULL)
    {
      double x = poa_time_scale_x_for_date (scale, start);

      if (x < scale->x)
        draw_beyond_mark (self, cr, scale->x, y + row_h / 2, -1);
      else if (x < year_end)
        draw_day_mark (self, cr, x, bar_y - self->pad / 2, bar_y + bar_h + self->pad / 2, 1);
    }
  if (end != NULL)
    {
      double x = poa_time_scale_x_after_date (scale, end);

      if (x > year_end)
        draw_beyond_mark (self, cr, year_end, y + row_h / 2, 1);
      else if (x > scale->x)
        draw_day_mark (self, cr, x, bar_y - self->pad / 2, bar_y + bar_h + self->pad / 2, -1);
    }
}

static void
draw_fixed_columns (PoaCronogramaRenderer *self,
                    cairo_t               *cr,
                    PoaActivity           *activity,
                    GListModel            *findings,
                    double                 y,
                    double                 h)
{
  const PoaCronogramaPalette *p = &self->palette;
  double x = self->pad;
  Severities worst;
  char number[16];

  worst_severities (findings, &worst);
  if (worst.any >= 0)
    draw_finding_mark (self, cr, x, y + (h - self->mark_size) / 2, worst.any);

  x += self->mark_size + self->pad / 2;
  g_snprintf (number, sizeof number, "%u", poa_activity_get_number (activity));
  show_text (self, cr, number, x, y, self->number_width - x - self->pad, h, ALIGN_END, &p->dim, FALSE);

  x = self->number_width;
  if (self->wrap_names)
    {
      PangoLayout *layout = wrapped_name_layout (self, poa_activity_get_name (activity));
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      poa_draw_set_color (cr, &p->foreground);
      cairo_move_to (cr, x - (double)logical.x / PANGO_SCALE,
                     y + (h - (double)logical.height / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }
  else
    show_text (self, cr, poa_activity_get_name (activity), x, y, self->name_width - self->pad, h,
               ALIGN_START, &p->foreground, FALSE);
  x += self->name_width;

  if (self->columns & POA_CRONOGRAMA_COLUMN_GOALS)
    {
      static const PoaActivityGoal goals[] = { POA_ACTIVITY_PROGRAMMED, POA_ACTIVITY_ACHIEVED };

      for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
        {
          int severity = worst_severity (&worst, poa_activity_goal_key (goals[i]));
          g_snprintf (number, sizeof number, "%u", poa_activity_get_goal (activity, goals[i]));
          show_text (self, cr, number, x + self->pad, y, self->goal_width - 2 * self->pad, h,
                     ALIGN_END, severity == POA_SEVERITY_ERROR ? &p->error :
                                severity == POA_SEVERITY_WARNING ? &p->warning : &p->foreground,
                     FALSE);
          x += self->goal_width;
        }
    }

  if (self->columns & POA_CRONOGRAMA_COLUMN_DATES)
    {
      const GDate *dates[] = { poa_activity_get_start (activity), poa_activity_get_end (activity) };
      const char *fields[] = { "start", "end" };

      x = self->timeline_x + self->timeline_view;
      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        {
          g_autofree char *text = poa_date_format_dmy (dates[i]);
          int severity = worst_severity (&worst, fields[i]);

          show_text (self, cr, text ? text : "—", x, y, self->date_width, h, ALIGN_CENTER,
                     severity == POA_SEVERITY_ERROR ? &p->error :
                     severity == POA_SEVERITY_WARNING ? &p->warning : &p->foreground,
                     FALSE);
          x += self->date_width;
        }
    }
}

/* Month lines (and week lines when zoomed to weeks) over a band of the timeline. */
static void
draw_timeline_grid (PoaCronogramaRenderer *self,
                    cairo_t               *cr,
                    const PoaTimeScale    *scale,
                    double                 y0,
                    double                 y1)
{
  cairo_set_line_width (cr, hairline (self));

  if (self->zoom == POA_CRONOGRAMA_ZOOM_WEEKS)
    {
      int days = poa_time_scale_days_in_year (scale->year);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, scale->year);
      set_color_faded (cr, &self->palette.grid, 0.45);
      for (int day = 0; day < days; day++, g_date_add_days (&date, 1))
        if (g_date_get_weekday (&date) == G_DATE_MONDAY && g_date_get_day (&date) != 1)
          vertical_line (cr, poa_time_scale_x_for_day (scale, day), y0, y1);
      cairo_stroke (cr);
    }

  poa_draw_set_color (cr, &self->palette.grid);
  for (guint m = 2; m <= 12; m++)
    vertical_line (cr, poa_time_scale_x_for_month (scale, m), y0, y1);
  cairo_stroke (cr);
}

static void
draw_today (PoaCronogramaRenderer *self,
            cairo_t               *cr,
            const PoaTimeScale    *scale,
            double                 y0,
            double                 y1)
{
  double x;

  if (!g_date_valid (&self->today) || g_date_get_year (&self->today) != scale->year)
    return;

  x = (poa_time_scale_x_for_date (scale, &self->today) +
       poa_time_scale_x_after_date (scale, &self->today)) / 2;
  poa_draw_set_color (cr, &self->palette.today);
  cairo_set_line_width (cr, 2 * hairline (self));
  vertical_line (cr, x, y0, y1);
  cairo_stroke (cr);
}

/* Separators between the fixed columns and around the timeline, over a band. */
static void
draw_column_lines (PoaCronogramaRenderer *self,
                   cairo_t               *cr,
                   double                 y0,
                   double                 y1,
                   gboolean               heading)
{
  double x = self->number_width + self->name_width;

  cairo_set_line_width (cr, hairline (self));
  poa_draw_set_color (cr, &self->palette.grid);
  if (self->columns & POA_CRONOGRAMA_COLUMN_GOALS)
    {
      vertical_line (cr, x, y0, y1);
      /* In the heading the two metas share the word "Meta" above them. */
      vertical_line (cr, x + self->goal_width, heading ? y0 + self->line + self->pad : y0, y1);
    }
  vertical_line (cr, self->timeline_x, y0, y1);
  if (self->columns & POA_CRONOGRAMA_COLUMN_DATES)
    {
      x = self->timeline_x + self->timeline_view;
      vertical_line (cr, x, y0, y1);
      vertical_line (cr, x + self->date_width, heading ? y0 + self->line + self->pad : y0, y1);
    }
  cairo_stroke (cr);
}

/**
 * poa_cronograma_renderer_draw_rows:
 * @cr: where to draw; the first row goes at its origin
 * @first: the first row, from 0
 * @n_rows: how many rows, at most; those past the plan's last activity are left out
 *
 * Draws a range of activities' rows, each get_row_height_at() high, in the width given by
 * set_width(). Only those rows are read: the cost follows @n_rows, not the plan's size.
 */
void
poa_cronograma_renderer_draw_rows (PoaCronogramaRenderer *self,
                                   cairo_t               *cr,
                                   guint                  first,
                                   guint                  n_rows)
{
  const PoaCronogramaPalette *p;
  PoaTimeScale scale;
  guint n_items;
  double height;
  g_autofree double *tops = NULL;

  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (cr != NULL);

  update_geometry (self);
  time_scale (self, &scale);
  p = &self->palette;

  n_items = g_list_model_get_n_items (self->activities);
  if (first >= n_items)
    return;
  n_rows = MIN (n_rows, n_items - first);

  /* Each row's top and height: all alike on screen, as tall as the whole name on paper. */
  tops = g_new (double, n_rows + 1);
  tops[0] = 0;
  for (guint i = 0; i < n_rows; i++)
    tops[i + 1] = tops[i] + poa_cronograma_renderer_get_row_height_at (self, first + i);
  height = tops[n_rows];

  cairo_save (cr);

  poa_draw_set_color (cr, &p->background);
  cairo_rectangle (cr, 0, 0, self->width, height);
  cairo_fill (cr);

  /* Grounds and separators first, for all rows at once; then each row's contents. */
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (self->activities, first + i);
      double y = tops[i];
      double h = tops[i + 1] - tops[i];

      if (activity == self->selected && self->selected != NULL)
        {
          poa_draw_set_color (cr, &p->selection);
          cairo_rectangle (cr, 0, y, self->width, h);
          cairo_fill (cr);
        }
      cairo_set_line_width (cr, hairline (self));
      poa_draw_set_color (cr, &p->grid);
      horizontal_line (cr, 0, self->width, y + h - hairline (self) / 2);
      cairo_stroke (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->timeline_x, 0, self->timeline_view, height);
  cairo_clip (cr);
  draw_timeline_grid (self, cr, &scale, 0, height);
  g_array_set_size (self->labels, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (self->activities, first + i);

      draw_timeline_row (self, cr, activity, &scale, tops[i], tops[i + 1] - tops[i]);
    }

  /* The today line goes round the percentages rather than through them (issue 15). */
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle (cr, self->timeline_x, 0, self->timeline_view, height);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const cairo_rectangle_t *label = &g_array_index (self->labels, cairo_rectangle_t, i);

      cairo_rectangle (cr, label->x, label->y, label->width, label->height);
    }
  cairo_clip (cr);
  draw_today (self, cr, &scale, 0, height);
  cairo_restore (cr);

  if (self->cursor_row >= (int)first && self->cursor_row < (int)(first + n_rows))
    {
      double y = tops[self->cursor_row - first];
      double h = tops[self->cursor_row - first + 1] - y;
      double x0 = poa_time_scale_x_for_month (&scale, self->cursor_month);
      double x1 = poa_time_scale_x_for_month (&scale, self->cursor_month + 1);
      double w = 2 * hairline (self);

      poa_draw_set_color (cr, &p->focus);
      cairo_set_line_width (cr, w);
      cairo_rectangle (cr, x0 + w, y + w, x1 - x0 - 2 * w, h - 2 * w);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (self->activities, first + i);
      g_autoptr(GListModel) findings = poa_findings_get_for_activity (self->findings, activity);

      draw_fixed_columns (self, cr, activity, findings, tops[i], tops[i + 1] - tops[i]);
    }
  draw_column_lines (self, cr, 0, height, FALSE);

  cairo_restore (cr);
}

/* ─── Heading ────────────────────────────────────────────────────────────────────────────── */

/* The longest month name that fits every month's width: full, three letters, or one. */
static guint
month_label_length (PoaCronogramaRenderer *self,
                    double                 room)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_label_lengths); i++)
    if (self->month_widths[i] + self->pad <= room)
      return month_label_lengths[i];

  return 1;
}

static void
draw_timeline_heading (PoaCronogramaRenderer *self,
                       cairo_t               *cr,
                       const PoaTimeScale    *scale)
{
  const PoaCronogramaPalette *p = &self->palette;
  double top = self->pad;
  double band = self->line + self->pad;
  double bottom = top + band;

  if (self->zoom == POA_CRONOGRAMA_ZOOM_WEEKS)
    {
      int days = poa_time_scale_days_in_year (scale->year);
      GDate date;

      for (guint m = 1; m <= 12; m++)
        {
          double x0 = poa_time_scale_x_for_month (scale, m);
          double x1 = poa_time_scale_x_for_month (scale, m + 1);

          show_text (self, cr, month_name (self, m), x0, top, x1 - x0, band, ALIGN_CENTER,
                     &p->foreground, TRUE);
        }

      /* Each week by the day of the month its Monday falls on. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, scale->year);
      for (int day = 0; day < days; day++, g_date_add_days (&date, 1))
        if (g_date_get_weekday (&date) == G_DATE_MONDAY)
          {
            char text[4];
            double x = poa_time_scale_x_for_day (scale, day);
            /* The week's number stays inside its own month and year: a week that ends in the
             * next month would be split by the month line, or cut by the Fechas column at the
             * year's end (issue 15). It starts at its Monday, and a week too short for it in
             * its month goes without. */
            double x1 = MIN (poa_time_scale_x_for_day (scale, MIN (day + 7, days)),
                             poa_time_scale_x_for_month (scale, g_date_get_month (&date) + 1));

            g_snprintf (text, sizeof text, "%u", g_date_get_day (&date));
            if (text_width (self, text, FALSE) + self->pad <= x1 - x)
              show_text (self, cr, text, x + self->pad / 2, bottom, x1 - x - self->pad / 2, band,
                         ALIGN_START, &p->dim, FALSE);
          }
    }
  else
    {
      double month_w = scale->width / 12;
      guint length = month_label_length (self, month_w);

      for (guint q = 0; q < 4; q++)
        {
          double x0 = poa_time_scale_x_for_month (scale, 3 * q + 1);
          double x1 = poa_time_scale_x_for_month (scale, 3 * q + 4);
          g_autofree char *text = NULL;

          text = self->official ? g_strdup_printf ("Trimestre %u", q + 1)
                                : g_strdup_printf (_("Quarter %u"), q + 1);
          if (text_width (self, text, FALSE) + self->pad > x1 - x0)
            {
              g_free (text);
              text = self->official ? g_strdup_printf ("T%u", q + 1)
                                    : g_strdup_printf (_("Q%u"), q + 1);
            }
          show_text (self, cr, text, x0, top, x1 - x0, band, ALIGN_CENTER, &p->dim, FALSE);
        }

      for (guint m = 1; m <= 12; m++)
        {
          const char *name = month_name (self, m);
          g_autofree char *text = g_utf8_substring (name, 0, MIN (length, g_utf8_strlen (name, -1)));
          double x0 = poa_time_scale_x_for_month (scale, m);
          double x1 = poa_time_scale_x_for_month (scale, m + 1);

          show_text (self, cr, text, x0, bottom, x1 - x0, band, ALIGN_CENTER, &p->foreground, TRUE);
        }
    }

  /* Month lines under the upper band; quarter (or month) lines through it. */
  cairo_set_line_width (cr, hairline (self));
  poa_draw_set_color (cr, &p->grid);
  for (guint m = 2; m <= 12; m++)
    {
      gboolean through = self->zoom == POA_CRONOGRAMA_ZOOM_WEEKS || (m - 1) % 3 == 0;

      vertical_line (cr, poa_time_scale_x_for_month (scale, m), through ? 0 : bottom,
                     self->heading_height);
    }
  horizontal_line (cr, scale->x, scale->x + scale->width, bottom);
  cairo_stroke (cr);

  if (g_date_valid (&self->today) && g_date_get_year (&self->today) == scale->year)
    {
      double x = (poa_time_scale_x_for_date (scale, &self->today) +
                  poa_time_scale_x_after_date (scale, &self->today)) / 2;
      /* Half the padding: under the month names' line, not on them (issue 15). */
      double s = self->pad / 2;

      draw_today (self, cr, scale, self->heading_height - s, self->heading_height);
      cairo_move_to (cr, x - s, self->heading_height - s);
      cairo_line_to (cr, x + s, self->heading_height - s);
      cairo_line_to (cr, x, self->heading_height);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/**
 * poa_cronograma_renderer_draw_heading:
 * @cr: where to draw; the heading goes at its origin
 *
 * Draws the heading, get_heading_height() high: Nº, Actividad, the metas, quarters and months
 * (or months and weeks), and the dates.
 */
void
poa_cronograma_renderer_draw_heading (PoaCronogramaRenderer *self,
                                      cairo_t               *cr)
{
  const PoaCronogramaPalette *p;
  PoaTimeScale scale;
  double h, band, x;

  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (cr != NULL);

  update_geometry (self);
  time_scale (self, &scale);
  p = &self->palette;
  h = self->heading_height;
  band = self->line + self->pad;

  cairo_save (cr);

  poa_draw_set_color (cr, &p->heading);
  cairo_rectangle (cr, 0, 0, self->width, h);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, self->timeline_x, 0, self->timeline_view, h);
  cairo_clip (cr);
  draw_timeline_heading (self, cr, &scale);
  cairo_restore (cr);

  show_text (self, cr, label (self, "Nº", _("Nº")), 0, 0, self->number_width - self->pad, h,
             ALIGN_END, &p->foreground, TRUE);
  x = self->number_width;
  show_text (self, cr, label (self, "Actividad", _("Activity")), x, 0, self->name_width - self->pad, h,
             ALIGN_START, &p->foreground, TRUE);
  x += self->name_width;

  if (self->columns & POA_CRONOGRAMA_COLUMN_GOALS)
    {
      show_text (self, cr, label (self, "Meta", _("Goal")), x, self->pad, 2 * self->goal_width,
                 band, ALIGN_CENTER, &p->dim, FALSE);
      show_text (self, cr, label (self, "Programada", _("Programmed")), x, self->pad + band,
                 self->goal_width, band, ALIGN_CENTER, &p->foreground, TRUE);
      show_text (self, cr, label (self, "Alcanzada", _("Achieved")), x + self->goal_width,
                 self->pad + band, self->goal_width, band, ALIGN_CENTER, &p->foreground, TRUE);
    }

  if (self->columns & POA_CRONOGRAMA_COLUMN_DATES)
    {
      x = self->timeline_x + self->timeline_view;
      show_text (self, cr, label (self, "Fechas", _("Dates")), x, self->pad, 2 * self->date_width,
                 band, ALIGN_CENTER, &p->dim, FALSE);
      show_text (self, cr, label (self, "Inicio", _("Start")), x, self->pad + band,
                 self->date_width, band, ALIGN_CENTER, &p->foreground, TRUE);
      show_text (self, cr, label (self, "Fin", _("End")), x + self->date_width, self->pad + band,
                 self->date_width, band, ALIGN_CENTER, &p->foreground, TRUE);
    }

  draw_column_lines (self, cr, 0, h, TRUE);
  poa_draw_set_color (cr, &p->grid);
  cairo_set_line_width (cr, hairline (self));
  horizontal_line (cr, 0, self->width, h - hairline (self) / 2);
  cairo_stroke (cr);

  cairo_restore (cr);
}

/* ─── Legend ─────────────────────────────────────────────────────────────────────────────── */

typedef enum
{
  SAMPLE_BAR,
  SAMPLE_ACHIEVED,
  SAMPLE_TODAY,
  SAMPLE_ERROR,
  SAMPLE_WARNING,
} Sample;

static void
draw_sample (PoaCronogramaRenderer *self,
             cairo_t               *cr,
             Sample                 sample,
             double                 x,
             double                 w)
{
  double h = self->line;
  double bar_h = round (self->line * 0.7);

  switch (sample)
    {
    case SAMPLE_BAR:
    case SAMPLE_ACHIEVED:
      poa_draw_set_color (cr, sample == SAMPLE_BAR ? &self->palette.bar : &self->palette.achieved);
      poa_draw_rounded_rectangle (cr, x, (h - bar_h) / 2, w, bar_h, bar_h * 0.25);
      cairo_fill (cr);
      break;

    case SAMPLE_TODAY:
      poa_draw_set_color (cr, &self->palette.today);
      cairo_set_line_width (cr, 2 * hairline (self));
      cairo_move_to (cr, x + w / 2, 0);
      cairo_line_to (cr, x + w / 2, h);
      cairo_stroke (cr);
      break;

    case SAMPLE_ERROR:
    case SAMPLE_WARNING:
      draw_finding_mark (self, cr, x + (w - self->mark_size) / 2, (h - self->mark_size) / 2,
                         sample == SAMPLE_ERROR ? POA_SEVERITY_ERROR : POA_SEVERITY_WARNING);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * poa_cronograma_renderer_draw_legend:
 * @cr: (nullable): where to draw, at its origin, one line high; %NULL only to measure
 *
 * What the colours and marks mean: scheduled, achieved, today, error, warning.
 *
 * Returns: the legend's width.
 */
double
poa_cronograma_renderer_draw_legend (PoaCronogramaRenderer *self,
                                     cairo_t               *cr)
{
  const struct {
    Sample      sample;
    const char *official;
    const char *translated;
  } items[] = {
    { SAMPLE_BAR, "Programado", N_("Scheduled") },
    { SAMPLE_ACHIEVED, "Alcanzado", N_("Achieved share") },
    { SAMPLE_TODAY, "Hoy", N_("Today") },
    { SAMPLE_ERROR, "Error", N_("Error") },
    { SAMPLE_WARNING, "Advertencia", N_("Warning") },
  };
  double x = 0;

  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  update_geometry (self);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const char *text = label (self, items[i].official, _(items[i].translated));
      double sample_w = items[i].sample <= SAMPLE_ACHIEVED ? 2 * self->line : self->mark_size;
      double text_w = text_width (self, text, FALSE);

      if (i > 0)
        x += 2 * self->pad;
      if (cr != NULL)
        {
          draw_sample (self, cr, items[i].sample, x, sample_w);
          show_text (self, cr, text, x + sample_w + self->pad / 2, 0, text_w + 1, self->line,
                     ALIGN_START, &self->palette.foreground, FALSE);
        }
      x += sample_w + self->pad / 2 + text_w;
    }

  return ceil (x);
}

/* ─── Object ─────────────────────────────────────────────────────────────────────────────── */

static void
poa_cronograma_renderer_dispose (GObject *object)
{
  PoaCronogramaRenderer *self = (PoaCronogramaRenderer *)object;

  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_data (self->activities, self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->activities);
  g_clear_object (&self->plan);
  g_clear_object (&self->selected);
  g_clear_object (&self->layout);
  g_clear_object (&self->bold_layout);
  g_clear_object (&self->context);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (poa_cronograma_renderer_parent_class)->dispose (object);
}

static void
poa_cronograma_renderer_finalize (GObject *object)
{
  PoaCronogramaRenderer *self = (PoaCronogramaRenderer *)object;

  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->labels, g_array_unref);

  G_OBJECT_CLASS (poa_cronograma_renderer_parent_class)->finalize (object);
}

static void
poa_cronograma_renderer_class_init (PoaCronogramaRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_cronograma_renderer_dispose;
  object_class->finalize = poa_cronograma_renderer_finalize;
}

static void
poa_cronograma_renderer_init (PoaCronogramaRenderer *self)
{
  GDateTime *now = g_date_time_new_now_local ();

  self->cursor_row = -1;
  self->cursor_month = 1;
  self->labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->width = 800;
  poa_cronograma_palette_init_print (&self->palette);

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_time_unref (now);
}

static void
update_layouts (PoaCronogramaRenderer *self)
{
  g_autoptr(PangoFontDescription) bold = pango_font_description_copy (self->font);

  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (self->layout, self->font);
  pango_layout_set_font_description (self->bold_layout, bold);
  pango_layout_context_changed (self->layout);
  pango_layout_context_changed (self->bold_layout);
  invalidate_geometry (self);
}

/**
 * poa_cronograma_renderer_new:
 * @context: (nullable): the window's Pango context, for sizes in pixels; %NULL for documents:
 *   sizes in points, the same on every surface, and the official Spanish headings
 *
 * Returns: (transfer full): a renderer of @plan's cronograma.
 */
PoaCronogramaRenderer *
poa_cronograma_renderer_new (PoaPlan      *plan,
                             PangoContext *context)
{
  PoaCronogramaRenderer *self;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_object_new (POA_TYPE_CRONOGRAMA_RENDERER, NULL);
  self->plan = g_object_ref (plan);
  self->activities = g_object_ref (G_LIST_MODEL (poa_plan_get_activities (plan)));
  self->findings = poa_findings_new (plan);
  g_signal_connect_swapped (self->activities, "items-changed", G_CALLBACK (activities_changed_cb), self);
  g_signal_connect_swapped (plan, "notify::year", G_CALLBACK (plan_year_changed_cb), self);

  if (context != NULL)
    {
      self->context = g_object_ref (context);
      self->font = pango_font_description_copy (pango_context_get_font_description (context));
    }
  else
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      /* Metrics unhinted and at 72 dpi, so that a point is a unit and the pages come out the
       * same on PDF, PNG and every printer. */
      self->own_context = TRUE;
      self->official = TRUE;
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 72);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      cairo_font_options_destroy (options);
      self->font = pango_font_description_from_string ("Sans 7");
    }

  self->layout = pango_layout_new (self->context);
  self->bold_layout = pango_layout_new (self->context);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (self->bold_layout, PANGO_ELLIPSIZE_END);
  update_layouts (self);

  return self;
}

PoaPlan *
poa_cronograma_renderer_get_plan (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), NULL);

  return self->plan;
}

/**
 * poa_cronograma_renderer_get_context:
 *
 * Returns: (transfer none): the Pango context the renderer lays text out with; documents
 *   write their other texts with it, so that they have the same metrics.
 */
PangoContext *
poa_cronograma_renderer_get_context (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), NULL);

  return self->context;
}

void
poa_cronograma_renderer_set_palette (PoaCronogramaRenderer      *self,
                                     const PoaCronogramaPalette *palette)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (palette != NULL);

  self->palette = *palette;
}

/**
 * poa_cronograma_renderer_set_font:
 *
 * Sets the font of the rows (the heading is its bold); every size follows from it. Call it
 * also when the Pango context's settings change.
 */
void
poa_cronograma_renderer_set_font (PoaCronogramaRenderer      *self,
                                  const PangoFontDescription *font)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (font != NULL);

  pango_font_description_free (self->font);
  self->font = pango_font_description_copy (font);
  update_layouts (self);
}

/**
 * poa_cronograma_renderer_set_official:
 * @official: %TRUE for the official Spanish headings, %FALSE for the interface language
 */
void
poa_cronograma_renderer_set_official (PoaCronogramaRenderer *self,
                                      gboolean               official)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  if (self->official != !!official)
    {
      self->official = !!official;
      invalidate_geometry (self);
    }
}

void
poa_cronograma_renderer_set_zoom (PoaCronogramaRenderer *self,
                                  PoaCronogramaZoom      zoom)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  if (self->zoom != zoom)
    {
      self->zoom = zoom;
      invalidate_geometry (self);
    }
}

PoaCronogramaZoom
poa_cronograma_renderer_get_zoom (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), POA_CRONOGRAMA_ZOOM_MONTHS);

  return self->zoom;
}

void
poa_cronograma_renderer_set_columns (PoaCronogramaRenderer *self,
                                     PoaCronogramaColumns   columns)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  if (self->columns != columns)
    {
      self->columns = columns;
      invalidate_geometry (self);
    }
}

/**
 * poa_cronograma_renderer_set_today:
 * @today: (nullable): the day to mark; %NULL for none. A new renderer marks the current day.
 */
void
poa_cronograma_renderer_set_today (PoaCronogramaRenderer *self,
                                   const GDate           *today)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

void
poa_cronograma_renderer_set_selected (PoaCronogramaRenderer *self,
                                      PoaActivity           *activity)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  g_set_object (&self->selected, activity);
}

/**
 * poa_cronograma_renderer_set_cursor:
 * @row: the row of the focused cell, or -1 for none
 * @month: its month, 1 to 12
 */
void
poa_cronograma_renderer_set_cursor (PoaCronogramaRenderer *self,
                                    int                    row,
                                    guint                  month)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->cursor_row = row;
  self->cursor_month = month;
}

void
poa_cronograma_renderer_set_width (PoaCronogramaRenderer *self,
                                   double                 width)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  if (self->width != width)
    {
      self->width = width;
      invalidate_geometry (self);
    }
}

/**
 * poa_cronograma_renderer_set_scroll_x:
 *
 * Scrolls the timeline sideways, when it is wider than its room; clamped.
 */
void
poa_cronograma_renderer_set_scroll_x (PoaCronogramaRenderer *self,
                                      double                 scroll_x)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  update_geometry (self);
  self->scroll_x = CLAMP (scroll_x, 0, MAX (0, self->timeline_width - self->timeline_view));
}

guint
poa_cronograma_renderer_get_n_rows (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  return g_list_model_get_n_items (self->activities);
}

double
poa_cronograma_renderer_get_row_height (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  update_geometry (self);
  return self->row_height;
}

/**
 * poa_cronograma_renderer_set_wrap_names:
 * @wrap: %TRUE to wrap each name whole over as many lines as it needs, the row growing to
 *   hold it (paper); %FALSE for one ellipsized line in rows all alike (the screen, which
 *   shows the whole name in a tooltip)
 */
void
poa_cronograma_renderer_set_wrap_names (PoaCronogramaRenderer *self,
                                        gboolean               wrap)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  self->wrap_names = !!wrap;
}

/**
 * poa_cronograma_renderer_get_row_height_at:
 * @row: an activity's row, from 0
 *
 * Returns: the row's height: get_row_height(), or more when names wrap and the row's name
 *   needs more lines.
 */
double
poa_cronograma_renderer_get_row_height_at (PoaCronogramaRenderer *self,
                                           guint                  row)
{
  g_autoptr(PoaActivity) activity = NULL;
  PangoRectangle logical;

  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  update_geometry (self);
  if (!self->wrap_names || row >= g_list_model_get_n_items (self->activities))
    return self->row_height;

  activity = g_list_model_get_item (self->activities, row);
  pango_layout_get_extents (wrapped_name_layout (self, poa_activity_get_name (activity)),
                            NULL, &logical);
  return MAX (self->row_height, ceil ((double)logical.height / PANGO_SCALE) + 2 * self->pad);
}

double
poa_cronograma_renderer_get_heading_height (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  update_geometry (self);
  return self->heading_height;
}

/**
 * poa_cronograma_renderer_get_min_width:
 *
 * Returns: the narrowest width that still shows every month and a few letters of the names.
 */
double
poa_cronograma_renderer_get_min_width (PoaCronogramaRenderer *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  update_geometry (self);
  return self->min_width;
}

/**
 * poa_cronograma_renderer_get_timeline:
 * @x: (out) (optional): where the timeline's room starts
 * @view_width: (out) (optional): the room's width
 * @content_width: (out) (optional): the whole year's width; wider than the room when zoomed
 *   to weeks
 */
void
poa_cronograma_renderer_get_timeline (PoaCronogramaRenderer *self,
                                      double                *x,
                                      double                *view_width,
                                      double                *content_width)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  update_geometry (self);
  if (x != NULL)
    *x = self->timeline_x;
  if (view_width != NULL)
    *view_width = self->timeline_view;
  if (content_width != NULL)
    *content_width = self->timeline_width;
}

/**
 * poa_cronograma_renderer_get_time_scale:
 * @scale: (out caller-allocates): where the year lies now, scrolling included
 */
void
poa_cronograma_renderer_get_time_scale (PoaCronogramaRenderer *self,
                                        PoaTimeScale          *scale)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (scale != NULL);

  time_scale (self, scale);
}

/**
 * poa_cronograma_renderer_month_at:
 *
 * Returns: the month whose cells are at @x, or 0 when @x is not over the timeline.
 */
guint
poa_cronograma_renderer_month_at (PoaCronogramaRenderer *self,
                                  double                 x)
{
  PoaTimeScale scale;

  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), 0);

  time_scale (self, &scale);
  if (x < self->timeline_x || x >= self->timeline_x + self->timeline_view)
    return 0;
  return poa_time_scale_month_at (&scale, x);
}

/**
 * poa_cronograma_renderer_set_findings:
 * @findings: (nullable): the plan's findings, kept by its document; %NULL for the renderer's
 *   own
 *
 * Marks what @findings say: the window's renderer shares its document's, computed once per
 * change for everything that shows them.
 */
void
poa_cronograma_renderer_set_findings (PoaCronogramaRenderer *self,
                                      PoaFindings           *findings)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));
  g_return_if_fail (findings == NULL || POA_IS_FINDINGS (findings));
  g_return_if_fail (findings == NULL || poa_findings_get_plan (findings) == self->plan);

  if (findings == self->findings)
    return;

  g_clear_object (&self->findings);
  self->findings = findings != NULL ? g_object_ref (findings) : poa_findings_new (self->plan);
}

/**
 * poa_cronograma_renderer_get_findings:
 *
 * What `check` reports about @activity's dates, months and metas: what the marks show. They
 * come from the renderer's #PoaFindings, which computes them once per change.
 *
 * Returns: (transfer full): a list of #PoaFinding.
 */
GListModel *
poa_cronograma_renderer_get_findings (PoaCronogramaRenderer *self,
                                      PoaActivity           *activity)
{
  g_autoptr(GListModel) all = NULL;
  GListStore *findings;

  g_return_val_if_fail (POA_IS_CRONOGRAMA_RENDERER (self), NULL);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), NULL);

  all = poa_findings_get_for_activity (self->findings, activity);
  findings = g_list_store_new (POA_TYPE_FINDING);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (all, i);

      if (is_schedule_field (poa_finding_get_field (finding)))
        g_list_store_append (findings, finding);
    }

  return G_LIST_MODEL (findings);
}

/**
 * poa_cronograma_renderer_invalidate:
 * @activity: (nullable): the activity that changed, or %NULL for all
 *
 * Forgets what was computed about @activity, after it changed.
 */
void
poa_cronograma_renderer_invalidate (PoaCronogramaRenderer *self,
                                    PoaActivity           *activity)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_RENDERER (self));

  poa_findings_invalidate (self->findings, activity);
}
