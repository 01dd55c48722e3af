/* poa-cronograma-page.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-gantt-view.h"
#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_CRONOGRAMA_PAGE (poa_cronograma_page_get_type ())

G_DECLARE_FINAL_TYPE (PoaCronogramaPage, poa_cronograma_page, POA, CRONOGRAMA_PAGE, GtkWidget)

PoaPlan      *poa_cronograma_page_get_plan      (PoaCronogramaPage *self);
PoaDocument  *poa_cronograma_page_get_document  (PoaCronogramaPage *self);
void          poa_cronograma_page_set_document  (PoaCronogramaPage *self,
                                                 PoaDocument       *document);
PoaGanttView *poa_cronograma_page_get_gantt_view (PoaCronogramaPage *self);

G_END_DECLS
