/* poa-plan-editor.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_PLAN_EDITOR (poa_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (PoaPlanEditor, poa_plan_editor, POA, PLAN_EDITOR, AdwWindow)

PoaPlanEditor *poa_plan_editor_new         (GtkWindow     *parent,
                                            PoaDocument   *document);
gboolean       poa_plan_editor_focus_field (PoaPlanEditor *self,
                                            GObject       *subject,
                                            const char    *field);
GtkWidget     *poa_plan_editor_get_entry   (PoaPlanEditor *self,
                                            GObject       *subject,
                                            const char    *field);

G_END_DECLS
