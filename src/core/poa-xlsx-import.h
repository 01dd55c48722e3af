/* poa-xlsx-import.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"
#include "poa-xlsx-reader.h"

G_BEGIN_DECLS

/* How many problems one message names before it only counts the rest. */
#define POA_XLSX_IMPORT_MAX_NAMED 20

gboolean  poa_plan_file_is_workbook    (const char    *path);
PoaPlan  *poa_plan_file_load           (const char    *path,
                                        GPtrArray    **warnings,
                                        GError       **error);
PoaPlan  *poa_plan_file_load_with_progress (const char          *path,
                                             GPtrArray          **warnings,
                                             PoaXlsxProgressFunc  progress,
                                             gpointer             data,
                                             GError             **error);
PoaPlan  *poa_xlsx_import_load         (const char    *path,
                                        GPtrArray    **warnings,
                                        GError       **error);
PoaPlan  *poa_xlsx_import_book         (PoaXlsxBook   *book,
                                        GPtrArray    **warnings,
                                        GError       **error);

G_END_DECLS
