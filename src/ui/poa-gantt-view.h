/* poa-gantt-view.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-cronograma-renderer.h"
#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_GANTT_VIEW (poa_gantt_view_get_type ())

G_DECLARE_FINAL_TYPE (PoaGanttView, poa_gantt_view, POA, GANTT_VIEW, GtkWidget)

GtkWidget             *poa_gantt_view_new                   (void);
PoaDocument           *poa_gantt_view_get_document          (PoaGanttView       *self);
void                   poa_gantt_view_set_document          (PoaGanttView       *self,
                                                             PoaDocument        *document);
PoaActivity           *poa_gantt_view_get_selected_activity (PoaGanttView       *self);
void                   poa_gantt_view_set_selected_activity (PoaGanttView       *self,
                                                             PoaActivity        *activity);
PoaCronogramaZoom      poa_gantt_view_get_zoom              (PoaGanttView       *self);
void                   poa_gantt_view_set_zoom              (PoaGanttView       *self,
                                                             PoaCronogramaZoom   zoom);
void                   poa_gantt_view_get_cursor            (PoaGanttView       *self,
                                                             guint              *row,
                                                             guint              *month);
gboolean               poa_gantt_view_get_cell_area         (PoaGanttView       *self,
                                                             guint               row,
                                                             guint               month,
                                                             graphene_rect_t    *area);
PoaCronogramaRenderer *poa_gantt_view_get_renderer          (PoaGanttView       *self);

G_END_DECLS
