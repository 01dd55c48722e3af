/* poa-cronograma-renderer.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "poa-draw.h"
#include "poa-time-scale.h"
#include "poa-types.h"

G_BEGIN_DECLS

/* The colours of a cronograma: the window fills them from its style (light, dark, high
 * contrast); documents use poa_cronograma_palette_init_print(). */
typedef struct
{
  PoaColor background;     /* the rows' ground */
  PoaColor foreground;     /* names and numbers */
  PoaColor dim;            /* Nº, quarters, week days, percentages outside a bar */
  PoaColor heading;        /* the heading's ground */
  PoaColor grid;           /* month lines and row separators */
  PoaColor bar;            /* the scheduled months */
  PoaColor achieved;       /* the achieved share, inside the bar */
  PoaColor achieved_text;  /* the percentage where it lies over the achieved share */
  PoaColor today;          /* the line at today's date */
  PoaColor error;          /* marks of errors */
  PoaColor warning;        /* marks of warnings */
  PoaColor selection;      /* the selected activity's row */
  PoaColor focus;          /* the outline of the focused month cell */
} PoaCronogramaPalette;

typedef enum
{
  POA_CRONOGRAMA_ZOOM_MONTHS,  /* the whole year in the width at hand */
  POA_CRONOGRAMA_ZOOM_WEEKS,   /* a column per week; the year scrolls sideways */
} PoaCronogramaZoom;

/* Columns beside the timeline, besides Nº and the activity's name. */
typedef enum
{
  POA_CRONOGRAMA_COLUMNS_NONE = 0,
  POA_CRONOGRAMA_COLUMN_GOALS = 1 << 0,  /* meta programada and alcanzada, before the months */
  POA_CRONOGRAMA_COLUMN_DATES = 1 << 1,  /* inicio and fin, after the months */
} PoaCronogramaColumns;

void     poa_cronograma_palette_init_print (PoaCronogramaPalette *palette);

#define POA_TYPE_CRONOGRAMA_ZOOM (poa_cronograma_zoom_get_type ())
GType    poa_cronograma_zoom_get_type (void);

#define POA_TYPE_CRONOGRAMA_RENDERER (poa_cronograma_renderer_get_type ())

G_DECLARE_FINAL_TYPE (PoaCronogramaRenderer, poa_cronograma_renderer, POA, CRONOGRAMA_RENDERER, GObject)

PoaCronogramaRenderer *poa_cronograma_renderer_new        (PoaPlan                    *plan,
                                                            PangoContext               *context);
PoaPlan     *poa_cronograma_renderer_get_plan              (PoaCronogramaRenderer      *self);
PangoContext *poa_cronograma_renderer_get_context          (PoaCronogramaRenderer      *self);
void         poa_cronograma_renderer_set_palette           (PoaCronogramaRenderer      *self,
                                                            const PoaCronogramaPalette *palette);
void         poa_cronograma_renderer_set_font              (PoaCronogramaRenderer      *self,
                                                            const PangoFontDescription *font);
void         poa_cronograma_renderer_set_official          (PoaCronogramaRenderer      *self,
                                                            gboolean                    official);
void         poa_cronograma_renderer_set_zoom              (PoaCronogramaRenderer      *self,
                                                            PoaCronogramaZoom           zoom);
PoaCronogramaZoom poa_cronograma_renderer_get_zoom         (PoaCronogramaRenderer      *self);
void         poa_cronograma_renderer_set_columns           (PoaCronogramaRenderer      *self,
                                                            PoaCronogramaColumns        columns);
void         poa_cronograma_renderer_set_today             (PoaCronogramaRenderer      *self,
                                                            const GDate                *today);
void         poa_cronograma_renderer_set_selected          (PoaCronogramaRenderer      *self,
                                                            PoaActivity                *activity);
void         poa_cronograma_renderer_set_cursor            (PoaCronogramaRenderer      *self,
                                                            int                         row,
                                                            guint                       month);
void         poa_cronograma_renderer_set_width             (PoaCronogramaRenderer      *self,
                                                            double                      width);
void         poa_cronograma_renderer_set_scroll_x          (PoaCronogramaRenderer      *self,
                                                            double                      scroll_x);

guint        poa_cronograma_renderer_get_n_rows            (PoaCronogramaRenderer      *self);
double       poa_cronograma_renderer_get_row_height        (PoaCronogramaRenderer      *self);
double       poa_cronograma_renderer_get_heading_height    (PoaCronogramaRenderer      *self);
void         poa_cronograma_renderer_set_wrap_names        (PoaCronogramaRenderer      *self,
                                                            gboolean                    wrap);
double       poa_cronograma_renderer_get_row_height_at     (PoaCronogramaRenderer      *self,
                                                            guint                       row);
double       poa_cronograma_renderer_get_min_width         (PoaCronogramaRenderer      *self);
void         poa_cronograma_renderer_get_timeline          (PoaCronogramaRenderer      *self,
                                                            double                     *x,
                                                            double                     *view_width,
                                                            double                     *content_width);
void         poa_cronograma_renderer_get_time_scale        (PoaCronogramaRenderer      *self,
                                                            PoaTimeScale               *scale);
guint        poa_cronograma_renderer_month_at              (PoaCronogramaRenderer      *self,
                                                            double                      x);

void         poa_cronograma_renderer_set_findings          (PoaCronogramaRenderer      *self,
                                                            PoaFindings                *findings);
GListModel  *poa_cronograma_renderer_get_findings          (PoaCronogramaRenderer      *self,
                                                            PoaActivity                *activity);
void         poa_cronograma_renderer_invalidate            (PoaCronogramaRenderer      *self,
                                                            PoaActivity                *activity);

void         poa_cronograma_renderer_draw_heading          (PoaCronogramaRenderer      *self,
                                                            cairo_t                    *cr);
double       poa_cronograma_renderer_draw_legend           (PoaCronogramaRenderer      *self,
                                                            cairo_t                    *cr);
void         poa_cronograma_renderer_draw_rows             (PoaCronogramaRenderer      *self,
                                                            cairo_t                    *cr,
                                                            guint                       first,
                                                            guint                       n_rows);

G_END_DECLS
