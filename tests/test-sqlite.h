/* test-sqlite.h — a test's own SQLite connection, behind the store's back.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ways a file can be wrong; "POA version 0" is a POA database from before its first
 * schema, the only older version there is. */
void     test_sql_exec            (const char *path,
                                   const char *sql);
gint64   test_sql_int             (const char *path,
                                   const char *sql);
char    *test_sql_text            (const char *path,
                                   const char *sql);
void     test_make_version_0      (const char *path);
GPtrArray *test_list_backups      (const char *db_path);
void     test_leave_wal           (const char *path,
                                   const char *sql);

G_END_DECLS
