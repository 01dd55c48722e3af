/* poa-export.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "poa-export-error.h"
#include "poa-plan-pages.h"
#include "poa-types.h"

G_BEGIN_DECLS

gboolean poa_export_plan          (PoaPlan              *plan,
                                   const char           *path,
                                   GError              **error);
void     poa_export_plan_async    (PoaPlan              *plan,
                                   const char           *path,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean poa_export_plan_finish   (PoaPlan              *plan,
                                   GAsyncResult         *result,
                                   GError              **error);
gboolean poa_export_printout      (PoaPlan              *plan,
                                   PoaPrintout           printout,
                                   guint                 quarter,
                                   PoaPlanPagesFlags     flags,
                                   const char           *path,
                                   GError              **error);
void     poa_export_printout_async (PoaPlan             *plan,
                                   PoaPrintout           printout,
                                   guint                 quarter,
                                   PoaPlanPagesFlags     flags,
                                   const char           *path,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
char    *poa_export_suggest_printout_name (PoaPlan      *plan,
                                   PoaPrintout           printout,
                                   guint                 quarter,
                                   const char           *extension);
char    *poa_export_suggest_name  (PoaPlan              *plan,
                                   const char           *extension);
char    *poa_export_path_for_file (GFile                *file,
                                   const char           *extension,
                                   GError              **error);

G_END_DECLS
