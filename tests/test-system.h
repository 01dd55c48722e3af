/* test-system.h — the conditions a database can meet: read-only files, a full disk.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean test_obey_file_modes          (void);
void     test_obey_file_modes_cb       (gpointer     user_data);
gboolean test_file_modes_are_obeyed    (const char  *dir);
gboolean test_enter_mount_namespace    (GError     **error);
gboolean test_mount_tmpfs              (const char  *dir,
                                        gsize        size,
                                        GError     **error);
void     test_fill_disk                (const char  *dir,
                                        gsize        leave_free);
void     test_limit_file_size_cb       (gpointer     user_data);

G_END_DECLS
