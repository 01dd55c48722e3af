/* poa-draw.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-draw"

#include "config.h"

#include <string.h>

#include "poa-draw.h"

/* What the core's drawings (the cronograma and the progress chart) share: one colour type and
 * the shapes both draw, so that they look alike on screen and on paper. */

/**
 * poa_color_init_rgb:
 * @rgb: 0xRRGGBB
 *
 * Fills @color with @rgb, opaque.
 */
void
poa_color_init_rgb (PoaColor *color,
                    guint32   rgb)
{
  g_return_if_fail (color != NULL);

  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

void
poa_draw_set_color (cairo_t        *cr,
                    const PoaColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * poa_draw_rounded_rectangle:
 * @radius: of the corners; no more than half the shorter side, however large it is asked
 *
 * Adds a rectangle with rounded corners to the path, as a sub-path of its own.
 */
void
poa_draw_rounded_rectangle (cairo_t *cr,
                            double   x,
                            double   y,
                            double   width,
                            double   height,
                            double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/**
 * poa_draw_one_line:
 *
 * A text of several paragraphs laid out as one long line: every line break becomes a space,
 * so that a drawn name never grows out of its row (issue 15). "\r\n" is one break.
 *
 * Returns: (transfer full): the text on one line
 */
char *
poa_draw_one_line (const char *text)
{
  GString *line = g_string_sized_new (strlen (text));

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == '\n' || ch == '\r' || ch == '\t' || ch == '\v' || ch == '\f' ||
          ch == 0x85 || ch == 0x2028 || ch == 0x2029)
        {
          if (ch == '\r' && c[1] == '\n')
            c++;
          g_string_append_c (line, ' ');
        }
      else
        g_string_append_unichar (line, ch);
    }
  return g_string_free (line, FALSE);
}
