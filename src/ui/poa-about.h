/* poa-about.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

GtkWidget *poa_about_window_new (GtkWindow *parent,
                                 PoaStore  *store);

G_END_DECLS
