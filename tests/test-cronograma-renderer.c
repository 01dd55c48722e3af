/* test-cronograma-renderer.c — the cronograma drawn into an image, checked pixel by pixel.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "poa-activity.h"
#include "poa-check.h"
#include "poa-cronograma-renderer.h"
#include "poa-date.h"
#include "poa-plan.h"
#include "poa-progress-chart.h"
#include "test-plans.h"

/* ─── Date ↔ x ───────────────────────────────────────────────────────────────────────────── */

static GDate *
dmy (guint day,
     guint month,
     guint year)
{
  return g_date_new_dmy (day, month, year);
}

static void
test_scale_days_map_linearly (void)
{
  /* A pixel per day: every position is a whole number. */
  PoaTimeScale scale = { 2026, 100, 365 };
  PoaTimeScale leap = { 2028, 0, 366 };
  g_autoptr(GDate) jan1 = dmy (1, 1, 2026);
  g_autoptr(GDate) jan2 = dmy (2, 1, 2026);
  g_autoptr(GDate) dec31 = dmy (31, 12, 2026);
  g_autoptr(GDate) mar1 = dmy (1, 3, 2028);

  g_assert_cmpfloat (poa_time_scale_x_for_date (&scale, jan1), ==, 100);
  g_assert_cmpfloat (poa_time_scale_x_for_date (&scale, jan2), ==, 101);
  g_assert_cmpfloat (poa_time_scale_x_after_date (&scale, jan1), ==, 101);
  g_assert_cmpfloat (poa_time_scale_x_for_date (&scale, dec31), ==, 464);
  g_assert_cmpfloat (poa_time_scale_x_after_date (&scale, dec31), ==, 465);

  g_assert_cmpfloat (poa_time_scale_x_for_month (&scale, 1), ==, 100);
  g_assert_cmpfloat (poa_time_scale_x_for_month (&scale, 2), ==, 131);
  g_assert_cmpfloat (poa_time_scale_x_for_month (&scale, 3), ==, 159);
  g_assert_cmpfloat (poa_time_scale_x_for_month (&scale, 13), ==, 465);

  /* February has its 29th day in a leap year. */
  g_assert_cmpfloat (poa_time_scale_x_for_month (&leap, 3), ==, 60);
  g_assert_cmpfloat (poa_time_scale_x_for_date (&leap, mar1), ==, 60);

  /* Centuries leap only every fourth. */
  g_assert_cmpint (poa_time_scale_days_in_year (2026), ==, 365);
  g_assert_cmpint (poa_time_scale_days_in_year (2028), ==, 366);
  g_assert_cmpint (poa_time_scale_days_in_year (2000), ==, 366);
  g_assert_cmpint (poa_time_scale_days_in_year (2100), ==, 365);
}

static void
test_scale_dates_outside_the_year_fall_outside (void)
{
  PoaTimeScale scale = { 2026, 100, 365 };
  g_autoptr(GDate) before = dmy (31, 12, 2025);
  g_autoptr(GDate) after = dmy (1, 1, 2027);

  g_assert_cmpfloat (poa_time_scale_x_for_date (&scale, before), ==, 99);
  g_assert_cmpfloat (poa_time_scale_x_for_date (&scale, after), ==, 465);
  g_assert_cmpuint (poa_time_scale_month_at (&scale, 99.9), ==, 0);
  g_assert_cmpuint (poa_time_scale_month_at (&scale, 465), ==, 0);
}

static void
test_scale_x_maps_back_to_its_day_and_month (void)
{
  PoaTimeScale scale = { 2026, 37.5, 731.25 };
  g_autoptr(GDate) day = dmy (1, 1, 2026);

  for (guint i = 0; i < 365; i++, g_date_add_days (day, 1))
    {
      double x0 = poa_time_scale_x_for_date (&scale, day);
      double x1 = poa_time_scale_x_after_date (&scale, day);
      GDate found;

      g_assert_true (poa_time_scale_date_at (&scale, (x0 + x1) / 2, &found));
      g_assert_cmpint (g_date_compare (&found, day), ==, 0);
      g_assert_cmpuint (poa_time_scale_month_at (&scale, (x0 + x1) / 2), ==, g_date_get_month (day));
    }
}

static void
test_months_come_in_runs (void)
{
  /* January to March, June, October to December. */
  guint months = 0x7 | (1u << 5) | (0x7u << 9);
  guint first = 1, last = 0;

  g_assert_true (poa_months_next_run (months, &first, &last));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 3);
  first = last + 1;
  g_assert_true (poa_months_next_run (months, &first, &last));
  g_assert_cmpuint (first, ==, 6);
  g_assert_cmpuint (last, ==, 6);
  first = last + 1;
  g_assert_true (poa_months_next_run (months, &first, &last));
  g_assert_cmpuint (first, ==, 10);
  g_assert_cmpuint (last, ==, 12);
  first = last + 1;
  g_assert_false (poa_months_next_run (months, &first, &last));

  first = 1;
  g_assert_false (poa_months_next_run (0, &first, &last));
}

/* ─── Pixels ─────────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  PoaPlan               *plan;
  PoaCronogramaRenderer *renderer;
  PoaCronogramaPalette   palette;
  cairo_surface_t       *surface;
  double                 heading;
  double                 row;
} Fixture;

#define WIDTH 1000

/* Colours far apart, so that no two can be mistaken for each other. */
static void
test_palette (PoaCronogramaPalette *palette)
{
  static const PoaColor white = { 1, 1, 1, 1 };

  poa_cronograma_palette_init_print (palette);
  palette->background = white;
  palette->bar = (PoaColor) { 0.6, 0.8, 1.0, 1 };
  palette->achieved = (PoaColor) { 0.0, 0.2, 0.6, 1 };
  palette->today = (PoaColor) { 0.0, 0.8, 0.0, 1 };
  palette->error = (PoaColor) { 0.9, 0.0, 0.0, 1 };
  palette->selection = white;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = test_plan_with_activities (16);
  fixture->renderer = poa_cronograma_renderer_new (fixture->plan, NULL);
  test_palette (&fixture->palette);
  poa_cronograma_renderer_set_palette (fixture->renderer, &fixture->palette);
  poa_cronograma_renderer_set_width (fixture->renderer, WIDTH);
  poa_cronograma_renderer_set_today (fixture->renderer, NULL);
  fixture->heading = poa_cronograma_renderer_get_heading_height (fixture->renderer);
  fixture->row = poa_cronograma_renderer_get_row_height (fixture->renderer);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);
  g_clear_object (&fixture->renderer);
  g_clear_object (&fixture->plan);
}

/* Draws the heading and @n_rows rows from @first, as the window does, into a new image. */
static void
draw (Fixture *fixture,
      guint    first,
      guint    n_rows)
{
  int height = (int)ceil (fixture->heading + n_rows * fixture->row);
  cairo_t *cr;

  g_clear_pointer (&fixture->surface, cairo_surface_destroy);
  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, height);
  cr = cairo_create (fixture->surface);
  poa_cronograma_renderer_draw_heading (fixture->renderer, cr);
  cairo_translate (cr, 0, fixture->heading);
  poa_cronograma_renderer_draw_rows (fixture->renderer, cr, first, n_rows);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (fixture->surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (fixture->surface);
}

static gboolean
pixel_is (Fixture        *fixture,
          double          x,
          double          y,
          const PoaColor *color)
{
  const guchar *data = cairo_image_surface_get_data (fixture->surface);
  int stride = cairo_image_surface_get_stride (fixture->surface);
  guint32 pixel = *(const guint32 *)(data + (int)y * stride + 4 * (int)x);
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return abs (r - (int)round (color->red * 255)) <= 3 &&
         abs (g - (int)round (color->green * 255)) <= 3 &&
         abs (b - (int)round (color->blue * 255)) <= 3;
}

/* The middle of a row, drawn @rows_down rows under the heading. */
static double
row_middle (Fixture *fixture,
            guint    rows_down)
{
  return fixture->heading + (rows_down + 0.5) * fixture->row;
}

static double
month_middle (Fixture *fixture,
              guint    month)
{
  PoaTimeScale scale;

  poa_cronograma_renderer_get_time_scale (fixture->renderer, &scale);
  return (poa_time_scale_x_for_month (&scale, month) + poa_time_scale_x_for_month (&scale, month + 1)) / 2;
}

static void
test_scheduled_month_is_bar_coloured (Fixture       *fixture,
                                      gconstpointer  data)
{
  double y = row_middle (fixture, 1);

  /* Activity 2 is scheduled January to September, 6 of 50 achieved: June is pale bar,
   * October has no bar at all. */
  draw (fixture, 0, 16);
  g_assert_true (pixel_is (fixture, month_middle (fixture, 6), y, &fixture->palette.bar));
  g_assert_true (pixel_is (fixture, month_middle (fixture, 10), y, &fixture->palette.background));
  g_assert_false (pixel_is (fixture, month_middle (fixture, 10), y, &fixture->palette.bar));
}

static void
test_achieved_fill_stops_at_its_fraction (Fixture       *fixture,
                                          gconstpointer  data)
{
  struct {
    guint  row;
    double fraction;
  } cases[] = {
    { 0, 6.0 / 20 },   /* Corazón de Plata, the whole year */
    { 1, 6.0 / 50 },   /* Apoyo a deportados, January to September */
    { 5, 5.0 / 10 },   /* COVAM y Programa 2x1, the whole year */
  };
  PoaTimeScale scale;

  draw (fixture, 0, 16);
  poa_cronograma_renderer_get_time_scale (fixture->renderer, &scale);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), cases[i].row);
      guint last = 12;
      double x0, x1, end, y = row_middle (fixture, cases[i].row);

      while (!poa_activity_has_month (activity, last))
        last--;
      x0 = poa_time_scale_x_for_month (&scale, 1);
      x1 = poa_time_scale_x_for_month (&scale, last + 1);
      end = x0 + cases[i].fraction * (x1 - x0);

      g_test_message ("row %u: fill should end at %.1f", cases[i].row, end);
      g_assert_true (pixel_is (fixture, end - 4, y, &fixture->palette.achieved));
      g_assert_true (pixel_is (fixture, end + 4, y, &fixture->palette.bar));
    }
}

/* With month figures each month's part of the bar is filled by its own achieved ÷ programmed:
 * Corazón de Plata (the whole year, 6 of 20) gets January 2 of 2, February 1 of 2, March 0
 * of 2, April 3 of 4. The old drawing would fill the first 6/20 of the year, March included. */
static void
test_month_figures_fill_their_months (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), 0);
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  static const struct {
    guint  month;
    double x;      /* where in the month, 0 its start, 1 its end */
    gboolean achieved;
  } points[] = {
    { 1, 0.5, TRUE },
    { 2, 0.3, TRUE }, { 2, 0.7, FALSE },
    { 3, 0.2, FALSE }, { 3, 0.5, FALSE },
    { 4, 0.6, TRUE }, { 4, 0.9, FALSE },
    { 5, 0.5, FALSE },
  };
  double y = row_middle (fixture, 0);
  PoaTimeScale scale;

  poa_calendar_set_month (calendar, 1, 2, 2, NULL);
  poa_calendar_set_month (calendar, 2, 2, 1, NULL);
  poa_calendar_set_month (calendar, 3, 2, 0, NULL);
  poa_calendar_set_month (calendar, 4, 4, 3, NULL);
  for (guint m = 5; m <= 12; m++)
    poa_calendar_set_month (calendar, m, m <= 10 ? 1 : 2, 0, NULL);
  g_assert_cmpuint (poa_calendar_sum_programmed (calendar, 1, 12), ==, 20);
  poa_activity_set_calendar (activity, calendar);

  draw (fixture, 0, 16);
  poa_cronograma_renderer_get_time_scale (fixture->renderer, &scale);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double x0 = poa_time_scale_x_for_month (&scale, points[i].month);
      double x1 = poa_time_scale_x_for_month (&scale, points[i].month + 1);
      double x = x0 + points[i].x * (x1 - x0);

      g_test_message ("month %u at %.1f", points[i].month, points[i].x);
      g_assert_true (pixel_is (fixture, x, y, points[i].achieved ? &fixture->palette.achieved :
                                                                  &fixture->palette.bar));
    }

  /* Without month figures again, the fill is the old one: March is achieved colour. */
  poa_activity_set_calendar (activity, NULL);
  draw (fixture, 0, 16);
  g_assert_true (pixel_is (fixture, month_middle (fixture, 3), y, &fixture->palette.achieved));
}

static void
test_today_line_falls_on_its_day (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GDate) today = dmy (15, 6, 2026);
  g_autoptr(GDate) last_year = dmy (15, 6, 2025);
  PoaTimeScale scale;
  double x, y = row_middle (fixture, 6);

  /* Activity 7 has no month scheduled: nothing but the line is drawn across its row. */
  poa_cronograma_renderer_set_today (fixture->renderer, today);
  draw (fixture, 0, 16);
  poa_cronograma_renderer_get_time_scale (fixture->renderer, &scale);
  x = (poa_time_scale_x_for_date (&scale, today) + poa_time_scale_x_after_date (&scale, today)) / 2;
  g_assert_true (pixel_is (fixture, x, y, &fixture->palette.today));
  g_assert_true (pixel_is (fixture, x + 5, y, &fixture->palette.background));

  /* A day outside the plan year draws no line. */
  poa_cronograma_renderer_set_today (fixture->renderer, last_year);
  draw (fixture, 0, 16);
  g_assert_false (pixel_is (fixture, x, y, &fixture->palette.today));
}

/* Whether the row @rows_down rows under the heading has an error mark left of the name. */
static gboolean
row_has_error_mark (Fixture *fixture,
                    guint    rows_down)
{
  double timeline_x;

  poa_cronograma_renderer_get_timeline (fixture->renderer, &timeline_x, NULL, NULL);
  for (double x = 0; x < timeline_x / 4; x++)
    if (pixel_is (fixture, x, row_middle (fixture, rows_down), &fixture->palette.error))
      return TRUE;
  return FALSE;
}

static void
test_findings_are_marked_and_exposed (Fixture       *fixture,
                                      gconstpointer  data)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (fixture->plan));
  g_autoptr(PoaActivity) first = g_list_model_get_item (activities, 0);
  g_autoptr(PoaActivity) seventh = g_list_model_get_item (activities, 6);
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) mended = NULL;
  g_autoptr(PoaFinding) finding = NULL;

  /* Activity 1 lacks only its unit of measure: nothing about its schedule. */
  none = poa_cronograma_renderer_get_findings (fixture->renderer, first);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* Activity 7 ends before it starts: an error, about its end date. */
  findings = poa_cronograma_renderer_get_findings (fixture->renderer, seventh);
  g_assert_cmpuint (poa_check_count (findings, POA_SEVERITY_ERROR), ==, 1);
  finding = g_list_model_get_item (findings, 0);
  g_assert_cmpstr (poa_finding_get_field (finding), ==, "end");

  draw (fixture, 0, 16);
  g_assert_false (row_has_error_mark (fixture, 0));
  g_assert_true (row_has_error_mark (fixture, 6));

  /* Once the dates are mended and the renderer told, the mark goes. */
  poa_activity_set_end (seventh, poa_activity_get_start (seventh));
  poa_cronograma_renderer_invalidate (fixture->renderer, seventh);
  mended = poa_cronograma_renderer_get_findings (fixture->renderer, seventh);
  g_assert_cmpuint (poa_check_count (mended, POA_SEVERITY_ERROR), ==, 0);
  draw (fixture, 0, 16);
  g_assert_false (row_has_error_mark (fixture, 6));
}

static void
test_draws_only_the_rows_asked (Fixture       *fixture,
                                gconstpointer  data)
{
  double y = row_middle (fixture, 0);

  /* From row 6 on, the first row drawn is activity 7's: an error mark and no bar. */
  draw (fixture, 6, 1);
  g_assert_true (row_has_error_mark (fixture, 0));
  g_assert_true (pixel_is (fixture, month_middle (fixture, 3), y, &fixture->palette.background));

  /* From row 5, activity 6's: half the year achieved. */
  draw (fixture, 5, 1);
  g_assert_false (row_has_error_mark (fixture, 0));
  g_assert_true (pixel_is (fixture, month_middle (fixture, 3), y, &fixture->palette.achieved));

  /* Rows past the last activity are left out, not read. */
  draw (fixture, 15, 10);
  draw (fixture, 16, 1);
}

static void
test_weeks_zoom_widens_and_scrolls_the_year (Fixture       *fixture,
                                             gconstpointer  data)
{
  double x, view, content;

  poa_cronograma_renderer_get_timeline (fixture->renderer, &x, &view, &content);
  g_assert_cmpfloat (content, ==, view);
  g_assert_cmpuint (poa_cronograma_renderer_month_at (fixture->renderer, x + 1), ==, 1);

  poa_cronograma_renderer_set_zoom (fixture->renderer, POA_CRONOGRAMA_ZOOM_WEEKS);
  poa_cronograma_renderer_get_timeline (fixture->renderer, &x, &view, &content);
  g_assert_cmpfloat (content, >, view);

  /* Scrolled to the end, the last month is at the right edge, and the scroll is clamped. */
  poa_cronograma_renderer_set_scroll_x (fixture->renderer, 1e9);
  g_assert_cmpuint (poa_cronograma_renderer_month_at (fixture->renderer, x + view - 1), ==, 12);
  g_assert_cmpuint (poa_cronograma_renderer_month_at (fixture->renderer, x + view + 1), ==, 0);
  draw (fixture, 0, 16);
}

/* Ink of the foreground colour (magenta in these tests): the names' text. */
static guint
name_ink (Fixture *fixture,
          double   x1,
          double   y0,
          double   y1)
{
  const guchar *data = cairo_image_surface_get_data (fixture->surface);
  int stride = cairo_image_surface_get_stride (fixture->surface);
  guint ink = 0;

  for (int y = (int)ceil (y0); y < (int)floor (y1); y++)
    for (int x = 0; x < (int)x1; x++)
      {
        guint32 pixel = *(const guint32 *)(data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (r - g > 60 && b - g > 60)
          ink++;
      }
  return ink;
}

/* Issue 15: a name of three paragraphs is laid out as one long line, inside its own row; on
 * paper (wrapped names) the row grows to hold it, and the rows around keep their height. */
static void
test_name_with_line_breaks_stays_in_its_row (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(PoaActivity) first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), 0);
  g_autoptr(PoaActivity) second = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), 1);
  g_autoptr(PoaActivity) third = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), 2);
  double timeline_x, tall, y;

  fixture->palette.foreground = (PoaColor) { 1, 0, 1, 1 };
  poa_cronograma_renderer_set_palette (fixture->renderer, &fixture->palette);
  poa_cronograma_renderer_set_columns (fixture->renderer, 0);
  poa_activity_set_text (first, POA_ACTIVITY_NAME, "");
  poa_activity_set_text (second, POA_ACTIVITY_NAME, "Primera línea del nombre\nSegunda línea\r\nTercera línea");
  poa_activity_set_text (third, POA_ACTIVITY_NAME, "");
  poa_cronograma_renderer_invalidate (fixture->renderer, second);
  poa_cronograma_renderer_get_timeline (fixture->renderer, &timeline_x, NULL, NULL);

  /* The screen: one line, all rows alike. */
  g_assert_cmpfloat (poa_cronograma_renderer_get_row_height_at (fixture->renderer, 1), ==, fixture->row);
  draw (fixture, 0, 3);
  y = fixture->heading;
  g_assert_cmpuint (name_ink (fixture, timeline_x, y, y + fixture->row), ==, 0);
  g_assert_cmpuint (name_ink (fixture, timeline_x, y + fixture->row, y + 2 * fixture->row), >, 0);
  g_assert_cmpuint (name_ink (fixture, timeline_x, y + 2 * fixture->row, y + 3 * fixture->row), ==, 0);

  /* Paper: a narrow name column wraps the name over several lines; its row grows. */
  poa_cronograma_renderer_set_wrap_names (fixture->renderer, TRUE);
  poa_cronograma_renderer_set_width (fixture->renderer, 400);
  tall = poa_cronograma_renderer_get_row_height_at (fixture->renderer, 1);
  g_assert_cmpfloat (poa_cronograma_renderer_get_row_height_at (fixture->renderer, 0), ==, fixture->row);
  g_assert_cmpfloat (poa_cronograma_renderer_get_row_height_at (fixture->renderer, 2), ==, fixture->row);
  g_assert_cmpfloat (tall, >, 1.5 * fixture->row);
  poa_cronograma_renderer_get_timeline (fixture->renderer, &timeline_x, NULL, NULL);
  {
    int height = (int)ceil (2 * fixture->row + tall);
    cairo_t *cr;

    g_clear_pointer (&fixture->surface, cairo_surface_destroy);
    fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, height);
    cr = cairo_create (fixture->surface);
    poa_cronograma_renderer_draw_rows (fixture->renderer, cr, 0, 3);
    cairo_destroy (cr);
    cairo_surface_flush (fixture->surface);
  }
  g_assert_cmpuint (name_ink (fixture, timeline_x, 0, fixture->row), ==, 0);
  g_assert_cmpuint (name_ink (fixture, timeline_x, fixture->row, fixture->row + tall), >, 0);
  g_assert_cmpuint (name_ink (fixture, timeline_x, fixture->row + tall, 2 * fixture->row + tall), ==, 0);
  /* Several lines of it: ink in the row's upper and lower halves. */
  g_assert_cmpuint (name_ink (fixture, timeline_x, fixture->row, fixture->row + tall / 2), >, 0);
  g_assert_cmpuint (name_ink (fixture, timeline_x, fixture->row + tall / 2, fixture->row + tall), >, 0);
}

/* Issue 15: a name left empty is an error, not about the schedule: the row's sign is still
 * the error sign, not the warning's. */
static void
test_error_outside_the_schedule_shows_the_error_sign (Fixture       *fixture,
                                                      gconstpointer  data)
{
  g_autoptr(PoaActivity) first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), 0);

  draw (fixture, 0, 16);
  g_assert_false (row_has_error_mark (fixture, 0));

  poa_activity_set_text (first, POA_ACTIVITY_NAME, "");
  poa_cronograma_renderer_invalidate (fixture->renderer, first);
  draw (fixture, 0, 16);
  g_assert_true (row_has_error_mark (fixture, 0));
}

/* WCAG 2 relative luminance and contrast ratio, written out here rather than taken from the
 * program: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio */
static double
wcag_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
wcag_luminance (const PoaColor *color)
{
  return 0.2126 * wcag_channel (color->red) + 0.7152 * wcag_channel (color->green) +
         0.0722 * wcag_channel (color->blue);
}

/* @text, over @ground with its alpha, against @ground. */
static double
contrast (const PoaColor *text,
          const PoaColor *ground)
{
  PoaColor over = {
    text->alpha * text->red + (1 - text->alpha) * ground->red,
    text->alpha * text->green + (1 - text->alpha) * ground->green,
    text->alpha * text->blue + (1 - text->alpha) * ground->blue,
    1,
  };
  double a = wcag_luminance (&over), b = wcag_luminance (ground);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

static void
assert_readable (const char     *what,
                 const PoaColor *text,
                 const PoaColor *ground)
{
  double ratio = contrast (text, ground);

  if (ratio < 4.5)
    g_error ("%s: contrast %.2f:1, below 4.5:1", what, ratio);
}

/* Issue 15: every text of the drawings reads 4.5:1 on its ground, in print and for the
 * chart's lateness words on light and dark pages (libadwaita 1.2's window, view and card
 * grounds: #FAFAFA, #FFFFFF; #242424, #1E1E1E, #353535). */
static void
test_texts_reach_four_and_a_half_to_one (void)
{
  static const guint32 light_grounds[] = { 0xffffff, 0xfafafa };
  static const guint32 dark_grounds[] = { 0x242424, 0x1e1e1e, 0x353535 };
  PoaCronogramaPalette p;
  PoaProgressChartStyle style;
  PoaColor ground, late, semaforo_red;

  poa_cronograma_palette_init_print (&p);
  assert_readable ("names on the ground", &p.foreground, &p.background);
  assert_readable ("names on the heading", &p.foreground, &p.heading);
  assert_readable ("names on a selected row", &p.foreground, &p.selection);
  assert_readable ("percentage on the bar", &p.foreground, &p.bar);
  assert_readable ("percentage on the achieved share", &p.achieved_text, &p.achieved);
  assert_readable ("numbers", &p.dim, &p.background);
  assert_readable ("figures in error", &p.error, &p.background);
  assert_readable ("figures with a warning", &p.warning, &p.background);

  poa_progress_chart_style_init (&style);
  for (guint i = 0; i < G_N_ELEMENTS (light_grounds); i++)
    {
      poa_color_init_rgb (&ground, light_grounds[i]);
      assert_readable ("chart text", &style.text, &ground);
      assert_readable ("lateness in the default style", &style.late, &ground);
      poa_progress_chart_late_color (FALSE, &late);
      assert_readable ("lateness on light", &late, &ground);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dark_grounds); i++)
    {
      poa_color_init_rgb (&ground, dark_grounds[i]);
      poa_progress_chart_late_color (TRUE, &late);
      assert_readable ("lateness on dark", &late, &ground);
    }

  /* The test can fail: the semáforo's red, as the words were drawn, does not reach it. */
  poa_color_init_rgb (&semaforo_red, 0xe01b24);
  poa_color_init_rgb (&ground, 0x353535);
  g_assert_cmpfloat (contrast (&semaforo_red, &ground), <, 4.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cronograma/scale/days-map-linearly", test_scale_days_map_linearly);
  g_test_add_func ("/cronograma/scale/dates-outside-the-year-fall-outside", test_scale_dates_outside_the_year_fall_outside);
  g_test_add_func ("/cronograma/scale/x-maps-back-to-its-day-and-month", test_scale_x_maps_back_to_its_day_and_month);
  g_test_add_func ("/cronograma/months/come-in-runs", test_months_come_in_runs);
  g_test_add_func ("/cronograma/colours/texts-reach-4.5-to-1", test_texts_reach_four_and_a_half_to_one);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cronograma/render/scheduled-month-is-bar-coloured", test_scheduled_month_is_bar_coloured);
  ADD ("/cronograma/render/achieved-fill-stops-at-its-fraction", test_achieved_fill_stops_at_its_fraction);
  ADD ("/cronograma/render/month-figures-fill-their-months", test_month_figures_fill_their_months);
  ADD ("/cronograma/render/today-line-falls-on-its-day", test_today_line_falls_on_its_day);
  ADD ("/cronograma/render/findings-are-marked-and-exposed", test_findings_are_marked_and_exposed);
  ADD ("/cronograma/render/draws-only-the-rows-asked", test_draws_only_the_rows_asked);
  ADD ("/cronograma/render/weeks-zoom-widens-and-scrolls-the-year", test_weeks_zoom_widens_and_scrolls_the_year);
  ADD ("/cronograma/render/name-with-line-breaks-stays-in-its-row", test_name_with_line_breaks_stays_in_its_row);
  ADD ("/cronograma/render/error-outside-the-schedule-shows-the-error-sign", test_error_outside_the_schedule_shows_the_error_sign);
#undef ADD

  return g_test_run ();
}
