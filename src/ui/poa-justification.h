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

/* An edit refused for want of a justification, to be made again once one is given. */
typedef struct _PoaRetry PoaRetry;

/* Called once the retried edit is over: @done whether it went in (cancelled, or refused again). */
typedef void (*PoaRetryFinishedFunc) (gboolean done,
                                      gpointer user_data);

PoaRetry *poa_retry_insert              (gpointer       item,
                                         guint          position);
PoaRetry *poa_retry_remove              (gpointer       item);
PoaRetry *poa_retry_move                (gpointer       item,
                                         guint          position);
PoaRetry *poa_retry_set_values          (gpointer       object,
                                         guint          n_values,
                                         const char   **properties,
                                         const GValue  *values);
PoaRetry *poa_retry_set_uint            (gpointer       object,
                                         const char    *property,
                                         guint          value);
PoaRetry *poa_retry_set_text            (gpointer       object,
                                         const char    *property,
                                         const char    *text);
PoaRetry *poa_retry_set_value_of_each   (GPtrArray     *objects,
                                         const char    *property,
                                         const GValue  *value,
                                         const char    *label);
void      poa_retry_set_finished        (PoaRetry             *retry,
                                         PoaRetryFinishedFunc  func,
                                         gpointer              user_data,
                                         GDestroyNotify        destroy);
gboolean  poa_justify_and_retry         (GtkWidget     *widget,
                                         PoaDocument   *document,
                                         const GError  *error,
                                         PoaRetry      *retry);

G_END_DECLS
