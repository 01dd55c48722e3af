/* fuzz-targets.h — what the fuzzers feed the readers of untrusted text.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes any bytes, must never crash, and checks that what it accepts survives being
 * written and read again. libFuzzer calls them (fuzz-main.c); so does the regression test,
 * on every file of the corpus and of regressions/. */
int poa_fuzz_plan_json (const guint8 *data,
                        gsize         size);
int poa_fuzz_money     (const guint8 *data,
                        gsize         size);
int poa_fuzz_date      (const guint8 *data,
                        gsize         size);
int poa_fuzz_text      (const guint8 *data,
                        gsize         size);
int poa_fuzz_xlsx      (const guint8 *data,
                        gsize         size);

G_END_DECLS
