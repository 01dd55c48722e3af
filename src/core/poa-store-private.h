/* poa-store-private.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "poa-store.h"

G_BEGIN_DECLS

/* Stamped in the file header (PRAGMA application_id) so that another program's SQLite file is
 * recognised and refused rather than "migrated". "POA1" in ASCII. */
#define POA_STORE_APPLICATION_ID 0x504f4131

gboolean _poa_store_migrate    (sqlite3  *db,
                                int       from_version,
                                GError  **error);
gboolean _poa_store_migrate_to (sqlite3  *db,
                                int       from_version,
                                int       to_version,
                                GError  **error);
gboolean _poa_store_check_version (sqlite3     *db,
                                   const char  *path,
                                   int          version,
                                   gboolean     restoring,
                                   GError     **error);

G_END_DECLS
