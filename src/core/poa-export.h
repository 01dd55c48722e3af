/* poa-export.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_EXPORT_ERROR (poa_export_error_quark ())

typedef enum
{
  POA_EXPORT_ERROR_UNKNOWN_FORMAT,
  POA_EXPORT_ERROR_FAILED,
} PoaExportError;

GQuark   poa_export_error_quark (void);
gboolean poa_export_plan        (PoaPlan     *plan,
                                 const char  *path,
                                 GError     **error);

/* For the writers: an empty file beside the target to write into, then renamed over it. */
char    *_poa_export_begin      (const char  *path,
                                 GError     **error);
gboolean _poa_export_commit     (const char  *temp_path,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
