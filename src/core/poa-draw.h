/* poa-draw.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A colour as cairo takes it, components from 0 to 1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PoaColor;

void poa_color_init_rgb         (PoaColor       *color,
                                 guint32         rgb);
char *poa_draw_one_line        (const char     *text);
void poa_draw_set_color         (cairo_t        *cr,
                                 const PoaColor *color);
void poa_draw_rounded_rectangle (cairo_t        *cr,
                                 double          x,
                                 double          y,
                                 double          width,
                                 double          height,
                                 double          radius);

G_END_DECLS
