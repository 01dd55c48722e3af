/* poa-export-error.h — the error domain of every export writer.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define POA_EXPORT_ERROR (poa_export_error_quark ())

typedef enum
{
  POA_EXPORT_ERROR_UNKNOWN_FORMAT,
  POA_EXPORT_ERROR_FAILED,
} PoaExportError;

GQuark   poa_export_error_quark       (void);

/* For the writers: a file's failure (poa-atomic-file.c) said as the export's. */
gboolean _poa_export_propagate_error  (GError **dest,
                                       GError  *src);

G_END_DECLS
