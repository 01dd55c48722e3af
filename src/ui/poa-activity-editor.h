/* poa-activity-editor.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_ACTIVITY_EDITOR (poa_activity_editor_get_type ())

G_DECLARE_FINAL_TYPE (PoaActivityEditor, poa_activity_editor, POA, ACTIVITY_EDITOR, AdwWindow)

PoaActivityEditor *poa_activity_editor_new         (GtkWindow          *parent,
                                                    PoaDocument        *document,
                                                    PoaActivity        *activity,
                                                    guint               position);
PoaActivity       *poa_activity_editor_get_activity (PoaActivityEditor *self);
gboolean           poa_activity_editor_focus_field (PoaActivityEditor  *self,
                                                    const char         *field);
GtkWidget         *poa_activity_editor_get_entry   (PoaActivityEditor  *self,
                                                    const char         *field);
const char        *poa_activity_editor_get_message (PoaActivityEditor  *self,
                                                    const char         *field);

G_END_DECLS
