/* poa-ui-util.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-metrics.h"

G_BEGIN_DECLS

void _poa_widget_unparent_children (GtkWidget    *widget);
void _poa_widget_report_error      (GtkWidget    *widget,
                                    const char   *heading,
                                    const GError *error);
void _poa_widget_show_undo_toast   (GtkWidget    *page,
                                    const char   *message);
void _poa_connect_items            (GListModel          *list,
                                    guint                position,
                                    guint                added,
                                    const char * const  *signals,
                                    GCallback            callback,
                                    gpointer             widget);
void _poa_disconnect_items         (GListModel   *list,
                                    gpointer      widget);

void _poa_report_first_frame (GtkWindow *window);

void     _poa_focus_when_shown (GtkWidget *widget);

char    *_poa_format_timestamp (const char *iso8601);

void        _poa_widget_set_semaforo_class (GtkWidget   *widget,
                                            PoaSemaforo  level);
const char *_poa_semaforo_icon_name        (PoaSemaforo  level);

G_END_DECLS
