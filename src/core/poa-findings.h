/* poa-findings.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "poa-types.h"

G_BEGIN_DECLS

/* How many errors, and how many warnings, the plan's list keeps: what a window can list. */
#define POA_FINDINGS_LISTED 200

#define POA_TYPE_FINDINGS (poa_findings_get_type ())

G_DECLARE_FINAL_TYPE (PoaFindings, poa_findings, POA, FINDINGS, GObject)

PoaFindings *poa_findings_new              (PoaPlan      *plan);
PoaPlan     *poa_findings_get_plan         (PoaFindings  *self);
GListModel  *poa_findings_get_listed       (PoaFindings  *self,
                                            guint        *n_errors,
                                            guint        *n_warnings);
GListModel  *poa_findings_get_for_activity (PoaFindings  *self,
                                            PoaActivity  *activity);
void         poa_findings_invalidate       (PoaFindings  *self,
                                            gpointer      object);

G_END_DECLS
