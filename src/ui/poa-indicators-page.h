/* poa-indicators-page.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_INDICATORS_PAGE (poa_indicators_page_get_type ())

G_DECLARE_FINAL_TYPE (PoaIndicatorsPage, poa_indicators_page, POA, INDICATORS_PAGE, GtkWidget)

PoaPlan *poa_indicators_page_get_plan (PoaIndicatorsPage *self);
void     poa_indicators_page_set_date (PoaIndicatorsPage *self,
                                       const GDate       *date);

G_END_DECLS
