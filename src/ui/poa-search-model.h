/* poa-search-model.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define POA_TYPE_SEARCH_MODEL (poa_search_model_get_type ())

G_DECLARE_FINAL_TYPE (PoaSearchModel, poa_search_model, POA, SEARCH_MODEL, GObject)

PoaSearchModel *poa_search_model_new           (void);
void            poa_search_model_set_model     (PoaSearchModel *self,
                                                GListModel     *activities);
void            poa_search_model_set_search    (PoaSearchModel *self,
                                                const char     *typed);
gboolean        poa_search_model_is_searching  (PoaSearchModel *self);
guint           poa_search_model_find          (PoaSearchModel *self,
                                                gpointer        activity);
void            poa_search_model_fold_texts    (PoaSearchModel *self);
void            poa_search_model_stop_folding  (PoaSearchModel *self);
void            poa_search_model_hold_folding  (PoaSearchModel *self,
                                                guint           ms);
gboolean        poa_search_model_is_folding    (PoaSearchModel *self);

guint           _poa_search_model_get_looked_at (PoaSearchModel *self);
guint           _poa_search_model_get_folded_here (void);

G_END_DECLS
