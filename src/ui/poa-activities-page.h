/* poa-activities-page.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_ACTIVITIES_PAGE (poa_activities_page_get_type ())

G_DECLARE_FINAL_TYPE (PoaActivitiesPage, poa_activities_page, POA, ACTIVITIES_PAGE, GtkWidget)

PoaPlan     *poa_activities_page_get_plan              (PoaActivitiesPage *self);
PoaDocument *poa_activities_page_get_document          (PoaActivitiesPage *self);
void         poa_activities_page_set_document          (PoaActivitiesPage *self,
                                                        PoaDocument       *document);
PoaActivity *poa_activities_page_get_selected_activity (PoaActivitiesPage *self);
void         poa_activities_page_set_selected_activity (PoaActivitiesPage *self,
                                                        PoaActivity       *activity);
GtkWindow   *poa_activities_page_edit_activity         (PoaActivitiesPage *self,
                                                        PoaActivity       *activity,
                                                        const char        *field);
GtkWindow   *poa_activities_page_insert_activity_after (PoaActivitiesPage *self);
GtkWindow   *poa_activities_page_edit_general_data     (PoaActivitiesPage *self,
                                                        GObject           *subject,
                                                        const char        *field);
GListModel  *poa_activities_page_get_shown             (PoaActivitiesPage *self);

gboolean     _poa_activities_page_is_folding           (PoaActivitiesPage *self);
guint        _poa_activities_page_get_looked_at        (PoaActivitiesPage *self);

G_END_DECLS
