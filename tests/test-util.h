/* test-util.h — helpers shared by the tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *test_make_tmpdir      (void);
void   test_remove_tree      (const char *path);
char  *test_file_checksum    (const char *path);
void   test_write_file       (const char *path,
                              const char *contents);

G_END_DECLS
