/* poa-gantt-accessible.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_GANTT_ROW (poa_gantt_row_get_type ())

G_DECLARE_FINAL_TYPE (PoaGanttRow, poa_gantt_row, POA, GANTT_ROW, GtkWidget)

guint        poa_gantt_row_get_row         (PoaGanttRow  *self);
gboolean     poa_gantt_row_is_described    (PoaGanttRow  *self);
guint        poa_gantt_row_get_n_described (PoaGanttRow  *self);
void         poa_gantt_row_describe        (PoaGanttRow  *self,
                                            PoaActivity  *activity,
                                            guint         cursor_month,
                                            gboolean      selected,
                                            GListModel   *findings);

PoaGanttRow *poa_gantt_rows_find           (GPtrArray    *rows,
                                            guint         row);
PoaGanttRow *poa_gantt_rows_take           (GPtrArray    *rows,
                                            GtkWidget    *parent,
                                            guint         row);
void         poa_gantt_rows_hide           (GPtrArray    *rows,
                                            guint         first,
                                            guint         count,
                                            guint         n_rows);
void         poa_gantt_rows_forget         (GPtrArray    *rows,
                                            GHashTable   *activities,
                                            GListModel   *list);

char        *poa_gantt_tooltip_markup      (PoaActivity  *activity,
                                            guint         month,
                                            GListModel   *findings,
                                            gboolean      editable);

G_END_DECLS
