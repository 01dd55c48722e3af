/* poa-atomic-file.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PoaAtomicFile PoaAtomicFile;

PoaAtomicFile *poa_atomic_file_begin         (const char     *path,
                                              int             mode,
                                              GError        **error);
const char    *poa_atomic_file_get_path      (PoaAtomicFile  *self);
const char    *poa_atomic_file_get_temp_path (PoaAtomicFile  *self);
gboolean       poa_atomic_file_write         (PoaAtomicFile  *self,
                                              const void     *data,
                                              gsize           size,
                                              GError        **error);
gboolean       poa_atomic_file_commit        (PoaAtomicFile  *self,
                                              GError        **error);
void           poa_atomic_file_free          (PoaAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaAtomicFile, poa_atomic_file_free)

G_END_DECLS
