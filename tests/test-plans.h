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
PoaPlan     *test_plan_small           (const char  *area,
                                        guint        year,
                                        const guint (*goals)[2],
                                        guint        n);
void         test_store_insert_area_copies (PoaStore   *store,
                                            PoaPlan    *model,
                                            guint       n);
void         test_assert_plan_json_refuses (guint       case_number,
                                            const char *members,
                                            const char *mention);

G_END_DECLS
