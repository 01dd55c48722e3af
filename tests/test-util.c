/* test-util.c — helpers shared by the tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

/* Readable and writable by its owner only: a database, a backup. */
void
test_assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

char *
test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("poa-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Returns the SHA-256 of a file, or "missing": enough to prove a file was left untouched. */
char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

void
test_write_file (const char *path,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

void
test_files_set_up (TestFiles     *files,
                   gconstpointer  data)
{
  files->dir = test_make_tmpdir ();
  files->db = g_build_filename (files->dir, "poa.sqlite3", NULL);
  files->backup = g_build_filename (files->dir, "respaldo.sqlite3", NULL);
}

void
test_files_tear_down (TestFiles     *files,
                      gconstpointer  data)
{
  test_remove_tree (files->dir);
  g_clear_pointer (&files->dir, g_free);
  g_clear_pointer (&files->db, g_free);
  g_clear_pointer (&files->backup, g_free);
}
