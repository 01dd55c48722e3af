/* poa-observations.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-document.h"

G_BEGIN_DECLS

void poa_observations_fill (GtkListBox  *list,
                            PoaPlan     *plan,
                            const char  *where);
void poa_ask_observation   (GtkWidget   *widget,
                            PoaDocument *document,
                            const char  *where);

G_END_DECLS
