/* poa-xlsx-export.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

gboolean poa_xlsx_export (PoaPlan     *plan,
                          const char  *path,
                          GError     **error);
gboolean poa_xlsx_export_report (PoaPlan     *plan,
                                 guint        quarter,
                                 const char  *path,
                                 GError     **error);
gboolean poa_xlsx_export_check (const char  *path,
                                GError     **error);

G_END_DECLS
