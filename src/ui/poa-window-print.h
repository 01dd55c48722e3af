/* poa-window-print.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _poa_window_class_add_print_actions (GtkWidgetClass *widget_class);

G_END_DECLS
