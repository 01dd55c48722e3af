/* poa-budget-line.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_BUDGET_LINE (poa_budget_line_get_type ())

G_DECLARE_FINAL_TYPE (PoaBudgetLine, poa_budget_line, POA, BUDGET_LINE, GObject)

PoaBudgetLine *poa_budget_line_new          (const char    *code,
                                             const char    *name,
                                             gint64         centavos);
PoaBudgetLine *poa_budget_line_copy         (PoaBudgetLine *self);
gboolean       poa_budget_line_equal        (PoaBudgetLine *a,
                                             PoaBudgetLine *b);
gint64         poa_budget_line_get_id       (PoaBudgetLine *self);
void           poa_budget_line_set_id       (PoaBudgetLine *self,
                                             gint64         id);
const char    *poa_budget_line_get_code     (PoaBudgetLine *self);
void           poa_budget_line_set_code     (PoaBudgetLine *self,
                                             const char    *code);
const char    *poa_budget_line_get_name     (PoaBudgetLine *self);
void           poa_budget_line_set_name     (PoaBudgetLine *self,
                                             const char    *name);
gint64         poa_budget_line_get_centavos (PoaBudgetLine *self);
void           poa_budget_line_set_centavos (PoaBudgetLine *self,
                                             gint64         centavos);

G_END_DECLS
