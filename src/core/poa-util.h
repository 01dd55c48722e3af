/* poa-util.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _poa_set_text (char       **field,
                        const char  *text);

gboolean _poa_text_is_digits (const char *text);

G_END_DECLS
