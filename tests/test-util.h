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

/* Runs a program (pdfinfo, pdftotext…) and returns what it prints; a missing program or a
 * failed run fails the test. */
char  *test_run_tool         (const char * const *argv);
/* @text with every run of white space made one space. */
char  *test_flatten          (const char *text);
/* @text folded as the Actividades search is meant to fold it: decomposed, marks dropped, case
 * folded (the program folds its own way, character by character). */
char  *test_fold_for_search  (const char *text);
/* A PDF read back through poppler-utils: `pdfinfo`'s report; its number of pages, checking
 * that pdfinfo's "Page size" line shows @size; one page's text as laid out; the whole text in
 * drawing order, flattened. */
char  *test_pdf_info         (const char *path);
guint  test_pdf_page_count   (const char *path,
                              const char *size);
char  *test_pdf_page_text    (const char *path,
                              guint       page);
char  *test_pdf_flat_text    (const char *path);
/* Fails the test, showing @text, when @expected is not in it. */
void   test_assert_contains  (const char *text,
                              const char *expected);

G_END_DECLS
