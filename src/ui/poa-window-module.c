/* poa-window-module.c — the window, as the module `poa` loads when no subcommand is given.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window-module"

#include "config.h"

#include <gmodule.h>

#include "poa-application.h"
#include "poa-window-module.h"

/* The type src/main.c calls it through: should the two differ, this does not build. */
G_GNUC_UNUSED static const PoaWindowModuleRun entry_point_type_check = poa_window_module_run;

/**
 * poa_window_module_run:
 * @db_path: (nullable): the database; %NULL for $POA_DB or the default file
 * @plan_id: the plan to open, or 0 for the last one opened
 * @opening: (transfer full): the opening of that plan, started by the program before it loaded
 *   this module
 *
 * Opens the window and runs until it closes. The program's locale and translations are already
 * set up.
 *
 * Returns: the process exit status.
 */
G_MODULE_EXPORT int
poa_window_module_run (const char *db_path,
                       gint64      plan_id,
                       PoaOpening *opening)
{
  return poa_application_run (db_path, plan_id, opening);
}
