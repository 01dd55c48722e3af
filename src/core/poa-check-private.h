/* poa-check-private.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many whole-plan checks (poa_check_plan(), poa_check_plan_limited()) and one-activity
 * checks (poa_check_activity()) the process has run: the tests count them to see that one
 * change is checked once, whoever shows the findings. */
void _poa_check_get_runs (guint *plan_runs,
                          guint *activity_runs);

G_END_DECLS
