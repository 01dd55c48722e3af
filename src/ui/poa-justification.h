/* poa-justification.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-document.h"

G_BEGIN_DECLS

/* Called once the user has answered: @justification is what was typed, already given to the
 * document for the next edit, or %NULL when the change was cancelled. */
typedef void (*PoaJustifiedFunc) (const char *justification,
                                  gpointer    user_data);

void poa_ask_justification (GtkWidget        *widget,
                            PoaDocument      *document,
                            PoaJustifiedFunc  func,
                            gpointer          user_data,
                            GDestroyNotify    destroy);

G_END_DECLS
