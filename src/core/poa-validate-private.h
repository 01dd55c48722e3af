/* poa-validate-private.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many typed texts (metas, years, dates) the process has read: the tests count them to
 * see that a value typed in an editor is checked once. */
void _poa_validate_get_runs (guint *texts);

G_END_DECLS
