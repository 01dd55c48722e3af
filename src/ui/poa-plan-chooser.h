/* poa-plan-chooser.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_PLAN_CHOOSER (poa_plan_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PoaPlanChooser, poa_plan_chooser, POA, PLAN_CHOOSER, GtkWidget)

PoaSession *poa_plan_chooser_get_session (PoaPlanChooser *self);
void        poa_plan_chooser_set_session (PoaPlanChooser *self,
                                          PoaSession     *session);
gboolean  poa_plan_chooser_open_plan (PoaPlanChooser *self,
                                      gint64          plan_id,
                                      GError        **error);
void      poa_plan_chooser_refresh   (PoaPlanChooser *self);
void        poa_plan_chooser_set_title (PoaPlanChooser *self,
                                        const char     *title,
                                        const char     *year);
const char *poa_plan_chooser_get_title (PoaPlanChooser *self);

G_END_DECLS
