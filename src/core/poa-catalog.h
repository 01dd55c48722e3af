/* poa-catalog.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

/* What the catalog says of a partida code as the office writes it (2111). */
typedef enum
{
  POA_PARTIDA_MALFORMED,  /* not four digits, or a first digit of 0 */
  POA_PARTIDA_UNLISTED,   /* well formed, but its partida genérica is not in the catalog */
  POA_PARTIDA_KNOWN,      /* its partida genérica is in the catalog */
} PoaPartidaStatus;

/* One capítulo's share of a plan's budget. */
typedef struct
{
  guint  chapter;   /* 1000 … 9000, or 0 for lines whose code is malformed */
  gint64 centavos;
} PoaChapterTotal;

const char       *poa_catalog_lookup        (const char  *key);
gboolean          poa_catalog_is_well_formed (const char *code);
PoaPartidaStatus  poa_catalog_classify      (const char  *code,
                                             const char **generic_name);
guint             poa_catalog_chapter_of    (const char  *code);
const char       *poa_catalog_chapter_name  (guint        chapter);
GArray           *poa_budget_chapter_totals (PoaPlan     *plan);

G_END_DECLS
