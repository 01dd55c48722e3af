/* poa-window.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_WINDOW (poa_window_get_type ())

G_DECLARE_FINAL_TYPE (PoaWindow, poa_window, POA, WINDOW, AdwApplicationWindow)

PoaWindow   *poa_window_new                   (GtkApplication *application,
                                               PoaSession     *session);
PoaSession  *poa_window_get_session           (PoaWindow      *self);
PoaPlan     *poa_window_get_plan              (PoaWindow      *self);
void         poa_window_show_page             (PoaWindow      *self,
                                               const char     *name);
PoaActivity *poa_window_get_selected_activity (PoaWindow      *self);
void         poa_window_set_selected_activity (PoaWindow      *self,
                                               PoaActivity    *activity);

/* poa-window-import.c */
gboolean     poa_window_import_file           (PoaWindow      *self,
                                               GFile          *file);
void         poa_window_import_files          (PoaWindow      *self,
                                               GListModel     *files);

G_END_DECLS
