/* test-util.h — helpers shared by the tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A temporary folder, removed afterwards, with the names of a database and a backup in it (the
 * files are not created): the fixture of the tests that work on files. */
typedef struct
{
  char *dir;
  char *db;       /* DIR/poa.sqlite3 */
  char *backup;   /* DIR/respaldo.sqlite3 */
} TestFiles;

void   test_files_set_up     (TestFiles     *files,
                              gconstpointer  data);
void   test_files_tear_down  (TestFiles     *files,
                              gconstpointer  data);
#define TEST_ADD_WITH_FILES(path, func) \
  g_test_add (path, TestFiles, NULL, test_files_set_up, func, test_files_tear_down)

char  *test_make_tmpdir      (void);
void   test_assert_private   (const char    *path);
void   test_remove_tree      (const char *path);
char  *test_file_checksum    (const char *path);
void   test_write_file       (const char *path,
                              const char *contents);

G_END_DECLS
