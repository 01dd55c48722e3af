/* poa-consolidate.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-metrics.h"
#include "poa-summary.h"
#include "poa-types.h"

G_BEGIN_DECLS

/* One area of the planning unit's consolidated view: the summary line, and what the follow-up
 * says of it on a given day (activities late, the current quarter's avance). */
typedef struct
{
  PoaSummaryLine *line;
  PoaPlan        *plan;        /* (owned) for its avance and its budget */
  PoaSemaforo     semaforo;
  guint           n_late;      /* behind their cronograma at the day */
  guint           quarter;     /* the day's quarter of the plan's year */
  guint           n_below;     /* activities below the tolerance band to the quarter's end */
  guint           n_above;
} PoaConsolidateArea;

/* One spending partida added up across the areas (by its code): what each area gives it. */
typedef struct
{
  char   *code;
  char   *name;       /* as the first area to hold the code names it */
  gint64 *centavos;   /* one per area, in the areas' order */
  guint   n_areas;    /* the areas that hold it */
  gint64  total;      /* the sum of @centavos */
} PoaConsolidatePartida;

void       poa_consolidate_area_free   (PoaConsolidateArea *area);
void       poa_consolidate_partida_free (PoaConsolidatePartida *partida);
GPtrArray *poa_consolidate_partidas    (GPtrArray          *areas);
gint       poa_consolidate_area_rank   (gconstpointer       a,
                                        gconstpointer       b);
GPtrArray *poa_consolidate_read        (PoaStore           *store,
                                        guint               year,
                                        const GDate        *today,
                                        GError            **error);
gboolean   poa_consolidate_write_xlsx  (GPtrArray          *areas,
                                        guint               year,
                                        const GDate        *today,
                                        const char         *path,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaConsolidateArea, poa_consolidate_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaConsolidatePartida, poa_consolidate_partida_free)

G_END_DECLS
