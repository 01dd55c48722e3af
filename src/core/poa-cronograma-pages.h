/* poa-cronograma-pages.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "poa-types.h"

G_BEGIN_DECLS

/* Landscape US Letter, in points: the paper the municipality prints on. */
#define POA_PAGE_WIDTH  792.0
#define POA_PAGE_HEIGHT 612.0

/* The most activities a PNG of the cronograma holds: past it, the PDF. */
#define POA_PNG_MAX_ACTIVITIES 300

#define POA_TYPE_CRONOGRAMA_PAGES (poa_cronograma_pages_get_type ())

G_DECLARE_FINAL_TYPE (PoaCronogramaPages, poa_cronograma_pages, POA, CRONOGRAMA_PAGES, GObject)

PoaCronogramaPages *poa_cronograma_pages_new            (PoaPlan            *plan,
                                                          double              width,
                                                          double              height);
void                poa_cronograma_pages_set_today       (PoaCronogramaPages *self,
                                                          const GDate        *today);
guint               poa_cronograma_pages_get_n_pages     (PoaCronogramaPages *self);
double              poa_cronograma_pages_get_page_height (PoaCronogramaPages *self);
guint               poa_cronograma_pages_get_rows        (PoaCronogramaPages *self,
                                                          guint               page,
                                                          guint              *first);
void                poa_cronograma_pages_draw_page       (PoaCronogramaPages *self,
                                                          cairo_t            *cr,
                                                          guint               page);

gboolean            poa_cronograma_write_pdf             (PoaPlan            *plan,
                                                          const char         *path,
                                                          GError            **error);
gboolean            poa_cronograma_write_png             (PoaPlan            *plan,
                                                          const char         *path,
                                                          GError            **error);

G_END_DECLS
