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

/* Shared by the store's files: poa-store.c (the connection's helpers and the rows) and
 * poa-store-file.c (the file: open, create, upgrade, backup, restore). */
struct _PoaStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  gint64      generation;  /* of the plans it opened; see _poa_store_read_generation() */
  gboolean    checked;     /* every page was read whole once; see _poa_store_check_whole() */
  char       *file_key;    /* device and inode of the file it has open, see _poa_store_forget_file() */
  char       *notice;      /* what opening it did that the user must be told, or NULL */
};

/* A prepared statement on loan from the cache: g_autoptr() resets it when the borrower is done,
 * so a statement is never left half-stepped holding a read lock. */
typedef sqlite3_stmt PoaStmt;

static inline void
poa_stmt_release (PoaStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaStmt, poa_stmt_release)

gboolean _poa_store_set_file_error   (const char  *path,
                                      sqlite3     *db,
                                      int          rc,
                                      GError     **error);
gboolean _poa_store_set_error        (PoaStore    *self,
                                      int          rc,
                                      GError     **error);
PoaStmt *_poa_store_prepare          (PoaStore    *self,
                                      const char  *sql,
                                      GError     **error);
gboolean _poa_store_step_done        (PoaStore    *self,
                                      PoaStmt     *stmt,
                                      GError     **error);
gboolean _poa_store_exec             (PoaStore    *self,
                                      const char  *sql,
                                      GError     **error);
gboolean _poa_store_begin            (PoaStore    *self,
                                      GError     **error);
gboolean _poa_store_commit           (PoaStore    *self,
                                      GError     **error);
void     _poa_store_rollback         (PoaStore    *self);
gboolean _poa_store_insert_plan_rows (PoaStore    *self,
                                      PoaPlan     *plan,
                                      GError     **error);
gboolean _poa_store_check_whole      (PoaStore    *self,
                                      GError     **error);
void     _poa_store_forget_file      (PoaStore    *self);
gboolean _poa_store_read_generation  (PoaStore    *self,
                                      gint64      *generation,
                                      GError     **error);

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
