/* poa-change-record.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-review.h"
#include "poa-types.h"

G_BEGIN_DECLS

char            *poa_history_where           (PoaPlan         *plan,
                                              GObject         *object);
char            *poa_history_field           (GObject         *object,
                                              const char      *property);
char            *poa_history_value_text      (const GValue    *value,
                                              const char      *property);
PoaHistoryEntry *poa_history_entry_for_edit  (PoaPlan         *plan,
                                              GObject         *object,
                                              const char      *property,
                                              const GValue    *before,
                                              const GValue    *after,
                                              const char      *date,
                                              const char      *by,
                                              const char      *justification);

gboolean         poa_review_apply            (PoaStore        *store,
                                              PoaPlan         *plan,
                                              PoaReviewAction  action,
                                              const char      *note,
                                              const char      *by,
                                              GError         **error);
gboolean         poa_review_observe          (PoaStore        *store,
                                              PoaPlan         *plan,
                                              const char      *where,
                                              const char      *text,
                                              const char      *by,
                                              GError         **error);

G_END_DECLS
