/* poa-editor-util.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-form.h"
#include "poa-types.h"

G_BEGIN_DECLS

void _poa_editor_class_init  (GtkWidgetClass              *widget_class,
                              GtkWidgetActionActivateFunc  undo_activated);
void _poa_editor_undo        (GtkWidget                   *widget,
                              PoaDocument                 *document,
                              gboolean                     redo);
gboolean _poa_editor_ask_before_closing (GtkWindow     *editor,
                                         PoaForm *const *forms,
                                         guint          n_forms);

G_END_DECLS
