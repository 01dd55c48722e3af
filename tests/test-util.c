/* test-util.c — helpers shared by the tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/* poppler-utils are in build-aux/install-deps.sh: a missing program fails the test rather than
 * skipping it. */
char *
test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = 0;

  if (program == NULL)
    g_error ("%s is missing: run build-aux/install-deps.sh (poppler-utils)", argv[0]);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

char *
test_fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (plain, g_utf8_get_char (p));

  return g_utf8_casefold (plain->str, -1);
}

/* By hand: GRegex over megabytes of text takes minutes. */
char *
test_flatten (const char *text)
{
  GString *flat = g_string_sized_new (strlen (text));
  gboolean space = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && flat->len > 0)
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_c (flat, *p);
        }
    }
  return g_string_free (flat, FALSE);
}

char *
test_pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return test_run_tool (argv);
}

guint
test_pdf_page_count (const char *path,
                     const char *size)
{
  g_autofree char *info = test_pdf_info (path);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  if (strstr (info, size) == NULL)
    g_error ("not “%s”:\n%s", size, info);
  return (guint)g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

char *
test_pdf_page_text (const char *path,
                    guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };

  return test_run_tool (argv);
}

/* A cell's lines follow one another in drawing order, so a whole text wrapped over several
 * lines is found whole. */
char *
test_pdf_flat_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *out = test_run_tool (argv);

  return test_flatten (out);
}

void
test_assert_contains (const char *text,
                      const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not found in:\n%s", expected, text);
}
