/* bench-util.h — what the benchmarks share.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bench_report (guint   n_activities,
                   double *times,
                   guint   n_frames);

G_END_DECLS
