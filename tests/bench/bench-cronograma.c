/* bench-cronograma.c — how long one window-sized frame of the cronograma takes to draw.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it and prints, for plans of 16,
 * 10,000 and 100,000 activities, the median and 95th percentile time per frame. A frame is
 * what the window draws while scrolling: the heading and the rows in view, into a
 * 1200 × 800 image, at the window's font (Cantarell 11 at 96 dpi), scrolled by a third of a
 * page each frame so that every frame meets rows it has not drawn before. The target is under
 * 4 ms per frame at 100,000 activities; the cost follows the rows shown, not the plan.
 */

#include "config.h"

#include <locale.h>

#include <math.h>

#include <pango/pangocairo.h>

#include "poa-cronograma-renderer.h"
#include "poa-plan.h"
#include "bench-util.h"
#include "test-plans.h"

#define WIDTH   1200
#define HEIGHT  800
#define FRAMES  300

static void
bench (guint            n_activities,
       cairo_surface_t *surface)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n_activities);
  g_autoptr(GObject) context_object = G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  g_autoptr(PoaCronogramaRenderer) renderer = NULL;
  double times[FRAMES];
  double row, heading, rows_h, scroll = 0, max_scroll;

  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_font_description (context, font);
  renderer = poa_cronograma_renderer_new (plan, context);
  poa_cronograma_renderer_set_official (renderer, FALSE);
  poa_cronograma_renderer_set_columns (renderer, POA_CRONOGRAMA_COLUMN_GOALS | POA_CRONOGRAMA_COLUMN_DATES);
  poa_cronograma_renderer_set_width (renderer, WIDTH);

  row = poa_cronograma_renderer_get_row_height (renderer);
  heading = poa_cronograma_renderer_get_heading_height (renderer);
  rows_h = HEIGHT - heading;
  max_scroll = MAX (0, n_activities * row - rows_h);

  for (guint i = 0; i < FRAMES; i++)
    {
      cairo_t *cr = cairo_create (surface);
      guint first = (guint)floor (scroll / row);
      guint count = (guint)ceil ((scroll + rows_h) / row) - first;
      gint64 start = g_get_monotonic_time ();

      /* As the window does: ground, rows at their scrolled place, heading over them. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_save (cr);
      cairo_rectangle (cr, 0, heading, WIDTH, rows_h);
      cairo_clip (cr);
      cairo_translate (cr, 0, heading + first * row - scroll);
      poa_cronograma_renderer_draw_rows (renderer, cr, first, count);
      cairo_restore (cr);
      poa_cronograma_renderer_draw_heading (renderer, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      scroll = max_scroll > 0 ? fmod (scroll + rows_h / 3 + max_scroll / FRAMES, max_scroll) : 0;
    }

  bench_report ("gantt: renderer, one 1200×800 frame", n_activities, times, FRAMES);
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 16, 10000, 100000 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  setlocale (LC_ALL, "");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench (sizes[i], surface);

  cairo_surface_destroy (surface);
  return 0;
}
