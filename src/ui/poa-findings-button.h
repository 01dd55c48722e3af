/* poa-findings-button.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_FINDINGS_BUTTON (poa_findings_button_get_type ())

G_DECLARE_FINAL_TYPE (PoaFindingsButton, poa_findings_button, POA, FINDINGS_BUTTON, GtkWidget)

PoaDocument *poa_findings_button_get_document (PoaFindingsButton *self);
void         poa_findings_button_set_document (PoaFindingsButton *self,
                                               PoaDocument       *document);
GListModel  *poa_findings_button_get_findings (PoaFindingsButton *self);
void         poa_findings_button_update       (PoaFindingsButton *self);
void         poa_findings_button_go_to        (PoaFindingsButton *self,
                                               guint              position);

G_END_DECLS
