/* poa-summary.h
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

/* One plan as the planning unit sees it beside the others (`poa summary`, *Todas las áreas*). */
typedef struct
{
  gint64           id;
  guint            year;
  char            *direction;
  char            *area;
  guint            n_activities;
  guint64          programmed;
  guint64          achieved;
  gboolean         has_index;     /* FALSE when nothing is programmed */
  double           index;         /* Σ achieved ÷ Σ programmed × 100 */
  gint64           budget_total;  /* centavos */
  PoaReviewStatus  status;
  guint            n_errors;      /* `check`'s */
  guint            n_warnings;
} PoaSummaryLine;

void       poa_summary_line_free    (PoaSummaryLine       *line);
PoaSummaryLine *poa_summary_line_new (PoaPlan             *plan);
char      *poa_summary_line_to_text (const PoaSummaryLine *line);
GPtrArray *poa_summary_read         (PoaStore             *store,
                                     guint                 year,
                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaSummaryLine, poa_summary_line_free)

G_END_DECLS
