/* poa-export-error.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-export"

#include "config.h"

#include "poa-export-error.h"

/* The domain lives apart from poa-export.c, which chooses a writer by extension, so that the
 * writers report in it without depending on the module that depends on them. */

G_DEFINE_QUARK (poa-export-error-quark, poa_export_error)

/**
 * _poa_export_propagate_error:
 * @dest: (out) (optional): where the export's error goes
 * @src: (transfer full): why a file could not be written, its message naming the file
 *
 * Moves @src to @dest as a %POA_EXPORT_ERROR_FAILED with the same message: whatever a writer
 * meets, its caller sees one domain.
 *
 * Returns: %FALSE, for the writer to return
 */
gboolean
_poa_export_propagate_error (GError **dest,
                             GError  *src)
{
  g_return_val_if_fail (src != NULL, FALSE);

  g_set_error_literal (dest, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED, src->message);
  g_error_free (src);
  return FALSE;
}
