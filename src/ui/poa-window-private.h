/* poa-window-private.h — what the files of PoaWindow share among themselves.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "poa-window.h"

G_BEGIN_DECLS

void _poa_window_class_add_import_action (GtkWidgetClass *widget_class);

G_END_DECLS
