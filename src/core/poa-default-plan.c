/* poa-default-plan.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-default-plan"

#include "config.h"

#include <gio/gio.h>

#include "poa-core-resources.h"
#include "poa-default-plan.h"
#include "poa-plan-json.h"

/**
 * poa_default_plan_new:
 *
 * The plan every new database starts with: the 2026 POA of the Migrantes y Ex braceros office,
 * exactly as its document writes it, contradictions included. It is an ordinary plan file
 * (`data/default-plan.json`) compiled into the program, read by the same reader as an import.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set.
 */
PoaPlan *
poa_default_plan_new (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  bytes = g_resource_lookup_data (poa_core_get_resource (),
                                  RESOURCE_PATH "/default-plan.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return poa_plan_json_parse (data, length, "default-plan.json", error);
}
