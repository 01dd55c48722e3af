/* test-plans.h — plans for the tests and the benchmark.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "poa-types.h"

G_BEGIN_DECLS

PoaPlan     *test_plan_with_activities (guint       n_activities);
PoaDocument *test_document_for_plan    (PoaPlan    *plan,
                                        const char *path);

G_END_DECLS
