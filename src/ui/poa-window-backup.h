/* poa-window-backup.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-window.h"

G_BEGIN_DECLS

void              _poa_window_backup_class_init  (GtkWidgetClass *widget_class);

/* What the file choosers lead to; the tests call them directly. */
gboolean          _poa_window_backup_to          (PoaWindow      *self,
                                                  GFile          *file);
AdwMessageDialog *_poa_window_confirm_restore    (PoaWindow      *self,
                                                  GFile          *file);

G_END_DECLS
