/* test-sqlite.c — a test's own SQLite connection, behind the store's back.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "test-sqlite.h"

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  return db;
}

/* Runs SQL on the file as another program, or an older POA, would. */
void
test_sql_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = open_db (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, message);
  sqlite3_close (db);
}

static sqlite3_stmt *
first_row (sqlite3    *db,
           const char *path,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s: %s", path, sql, sqlite3_errmsg (db));
  return stmt;
}

gint64
test_sql_int (const char *path,
              const char *sql)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = first_row (db, path, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
test_sql_text (const char *path,
               const char *sql)
{
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = first_row (db, path, sql);
  char *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A POA database at schema version 0 holding something worth keeping: opening it upgrades it. */
void
test_make_version_0 (const char *path)
{
  test_sql_exec (path,
                 "PRAGMA application_id = 1347371313;"
                 "CREATE TABLE scratch (note TEXT);"
                 "INSERT INTO scratch VALUES ('notas de la oficina');");
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The copies the store keeps beside @db_path: "DB.DATE.bak", sorted. */
GPtrArray *
test_list_backups (const char *db_path)
{
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, base) && name[strlen (base)] == '.' && g_str_has_suffix (name, ".bak"))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (found, compare_paths);
  return found;
}

/**
 * test_leave_wal:
 * @path: a POA database that nothing has open
 * @sql: a change to make
 *
 * Leaves the database as POA killed right after an edit does: the file without the change,
 * and its -wal (and -shm) with it, which the next opening finds.
 */
void
test_leave_wal (const char *path,
                const char *sql)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
}
