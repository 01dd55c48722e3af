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
void _poa_window_add_toast                (PoaWindow      *self,
                                           AdwToast       *toast);
gboolean _poa_window_plan_is_whole        (PoaWindow      *self);
GtkFileChooserNative *_poa_window_export_chooser_new (PoaWindow  *self,
                                                      const char *title,
                                                      const char *filter_name,
                                                      const char *mime_type,
                                                      const char *suffix,
                                                      const char *name);

/* poa-window-export.c */
void _poa_window_class_add_export_action  (GtkWidgetClass *widget_class);
void _poa_window_export_xlsx_to_file      (PoaWindow      *self,
                                           GFile          *file);

G_END_DECLS
