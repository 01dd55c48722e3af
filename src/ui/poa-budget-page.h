/* poa-budget-page.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_BUDGET_PAGE (poa_budget_page_get_type ())

G_DECLARE_FINAL_TYPE (PoaBudgetPage, poa_budget_page, POA, BUDGET_PAGE, GtkWidget)

PoaPlan *poa_budget_page_get_plan (PoaBudgetPage *self);

G_END_DECLS
