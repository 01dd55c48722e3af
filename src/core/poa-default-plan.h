/* poa-default-plan.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "poa-types.h"

G_BEGIN_DECLS

PoaPlan *poa_default_plan_new (GError **error);

G_END_DECLS
