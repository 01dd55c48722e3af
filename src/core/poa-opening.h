/* poa-opening.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

/* How many activities a big plan's first part holds: more than a window shows. */
#define POA_OPENING_FIRST 500

typedef struct _PoaOpening PoaOpening;

gboolean    poa_open_plan      (const char  *db_path,
                                gint64       plan_id,
                                PoaStore   **store,
                                PoaPlan    **plan,
                                GError     **error);

PoaOpening *poa_opening_start     (const char  *db_path,
                                   gint64       plan_id);
PoaPlan    *poa_opening_wait_plan (PoaOpening  *self,
                                   PoaStore   **store);
gboolean    poa_opening_finish (PoaOpening  *self,
                                PoaStore   **store,
                                PoaPlan    **plan,
                                GError     **error);
void        poa_opening_free   (PoaOpening  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaOpening, poa_opening_free)

G_END_DECLS
