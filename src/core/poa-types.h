/* poa-types.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PoaActivity   PoaActivity;
typedef struct _PoaBudgetLine PoaBudgetLine;
typedef struct _PoaDocument   PoaDocument;
typedef struct _PoaFindings   PoaFindings;
typedef struct _PoaIndicator  PoaIndicator;
typedef struct _PoaPlan       PoaPlan;
typedef struct _PoaSession    PoaSession;
typedef struct _PoaSignature  PoaSignature;
typedef struct _PoaStore      PoaStore;

/* A plan year has twelve months; month sets are bit masks, bit 0 = Enero. */
#define POA_MONTHS_ALL 0x0fffu

G_END_DECLS
