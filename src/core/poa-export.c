/* poa-export.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-export"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-cronograma-pages.h"
#include "poa-export.h"
#include "poa-plan-json.h"
#include "poa-plan.h"

G_DEFINE_QUARK (poa-export-error-quark, poa_export_error)

typedef gboolean (*ExportFunc) (PoaPlan     *plan,
                                const char  *path,
                                GError     **error);

/* Every writer writes beside the target and renames into place: a failure leaves no partial
 * file at @path. */
static const struct {
  const char *extension;
  ExportFunc  export;
} formats[] = {
  { ".json", poa_plan_json_save },
  { ".pdf", poa_cronograma_write_pdf },
  { ".png", poa_cronograma_write_png },
};

/**
 * poa_export_plan:
 * @path: the file to write; its extension chooses the format
 *
 * Writes the plan in the format that @path's extension names: `.json` (the plan file), `.pdf`
 * (the cronograma on landscape letter pages, with the signatures) or `.png` (the cronograma as
 * one image).
 */
gboolean
poa_export_plan (PoaPlan     *plan,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_utf8_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      return formats[i].export (plan, path, error);

  g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("Cannot export to “%s”: the name must end in .json, .pdf or .png"), path);
  return FALSE;
}
