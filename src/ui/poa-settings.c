/* poa-settings.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-settings"

#include "config.h"

#include "poa-settings.h"

/**
 * poa_settings_new:
 *
 * The program's settings (schema `mx.gob.sombrerete.Poa`).
 *
 * g_settings_new() aborts when the schema is not installed, which is the case when the program
 * runs straight from the build tree (`build/src/poa`) without `GSETTINGS_SCHEMA_DIR`; what is
 * kept there is only a convenience, so the program then works without it.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the schema is not installed.
 */
GSettings *
poa_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: nothing will be remembered", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
