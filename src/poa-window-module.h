/* poa-window-module.h — the entry point of the window module, which `poa` loads at run time.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-opening.h"

G_BEGIN_DECLS

/* The symbol src/main.c looks up in the module, and its type. */
#define POA_WINDOW_MODULE_ENTRY "poa_window_module_run"

typedef int (*PoaWindowModuleRun) (const char *db_path,
                                   gint64      plan_id,
                                   PoaOpening *opening);

int poa_window_module_run (const char *db_path,
                           gint64      plan_id,
                           PoaOpening *opening);

G_END_DECLS
