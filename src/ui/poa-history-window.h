/* poa-history-window.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-plan.h"

G_BEGIN_DECLS

GtkWidget *poa_history_list_new       (PoaPlan    *plan,
                                       const char *where);
GtkWindow *poa_history_window_present (GtkWidget  *widget,
                                       PoaPlan    *plan,
                                       const char *where,
                                       const char *title);

G_END_DECLS
