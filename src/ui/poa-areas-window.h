/* poa-areas-window.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_AREAS_WINDOW (poa_areas_window_get_type ())

G_DECLARE_FINAL_TYPE (PoaAreasWindow, poa_areas_window, POA, AREAS_WINDOW, AdwWindow)

PoaAreasWindow *poa_areas_window_new         (GtkWindow      *parent,
                                              PoaSession     *session);
void            poa_areas_window_set_year    (PoaAreasWindow *self,
                                              guint           year);
guint           poa_areas_window_get_year    (PoaAreasWindow *self);
gboolean        poa_areas_window_is_loading  (PoaAreasWindow *self);
GListModel     *poa_areas_window_get_rows    (PoaAreasWindow *self);
GtkColumnView  *poa_areas_window_get_view    (PoaAreasWindow *self);
gint64          poa_areas_window_row_plan_id (gpointer        row);
const char     *poa_areas_window_row_area    (gpointer        row);
GtkLabel       *poa_areas_window_get_totals  (PoaAreasWindow *self);
GtkListBox     *poa_areas_window_get_budget  (PoaAreasWindow *self);
void            poa_areas_window_export      (PoaAreasWindow *self,
                                              const char     *path);
gboolean        poa_areas_window_is_exporting (PoaAreasWindow *self);

G_END_DECLS
