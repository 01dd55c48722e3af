/* poa-summary.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-summary"

#include "config.h"

#include "poa-activity.h"
#include "poa-check.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "poa-summary.h"

/* Every plan of a year side by side, for the planning unit: the figures of each plan's own
 * header (Σ metas, índice de eficiencia, budget), `check`'s counts and the review's status. */

void
poa_summary_line_free (PoaSummaryLine *line)
{
  if (line == NULL)
    return;

  g_free (line->direction);
  g_free (line->area);
  g_free (line);
}

/**
 * poa_summary_line_new:
 *
 * Returns: (transfer full): @plan's line of the summary.
 */
PoaSummaryLine *
poa_summary_line_new (PoaPlan *plan)
{
  PoaSummaryLine *line = g_new0 (PoaSummaryLine, 1);
  g_autoptr(GListStore) findings = NULL;

  line->id = poa_plan_get_id (plan);
  line->year = poa_plan_get_year (plan);
  line->direction = g_strdup (poa_plan_get_text (plan, POA_PLAN_DIRECTION));
  line->area = g_strdup (poa_plan_get_area (plan));
  line->n_activities = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  line->programmed = poa_plan_sum_goal (plan, POA_ACTIVITY_PROGRAMMED);
  line->achieved = poa_plan_sum_goal (plan, POA_ACTIVITY_ACHIEVED);
  line->has_index = poa_plan_get_efficiency_index (plan, &line->index);
  line->budget_total = poa_plan_get_budget_total (plan);
  line->status = poa_plan_get_review_status (plan);
  /* Only the counts: no finding is built. */
  findings = poa_check_plan_limited (plan, 0, &line->n_errors, &line->n_warnings);

  return line;
}

/**
 * poa_summary_line_to_text:
 *
 * Returns: (transfer full): the line as `poa summary` prints it, without its newline:
 *   ID, YEAR, AREA, ACTIVITIES, PROGRAMMED, ACHIEVED, INDEX (one decimal and a point, empty
 *   when nothing is programmed), STATUS, ERRORS, WARNINGS, tab-separated, with a tab or a line
 *   break inside the área written as a space.
 */
char *
poa_summary_line_to_text (const PoaSummaryLine *line)
{
  g_autofree char *area = g_strdup (line->area != NULL ? line->area : "");
  char index[G_ASCII_DTOSTR_BUF_SIZE] = "";

  g_strdelimit (area, "\t\n\r", ' ');
  if (line->has_index)
    g_ascii_formatd (index, sizeof index, "%.1f", line->index);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\t%u\t%s\t%u\t%" G_GUINT64_FORMAT "\t%"
                          G_GUINT64_FORMAT "\t%s\t%s\t%u\t%u",
                          line->id, line->year, area, line->n_activities, line->programmed,
                          line->achieved, index, poa_review_status_key (line->status),
                          line->n_errors, line->n_warnings);
}

/**
 * poa_summary_read:
 * @year: the plans' year, or 0 for every year
 *
 * Returns: (transfer full) (element-type PoaSummaryLine): one line per plan, by year then área
 *   (as poa_store_list_plans()), or %NULL with @error set.
 */
GPtrArray *
poa_summary_read (PoaStore  *store,
                  guint      year,
                  GError   **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (POA_IS_STORE (store), NULL);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_summary_line_free);

  /* A year's plans are read together, for their figures only (poa_store_load_year()). */
  if (year != 0)
    {
      if (!(plans = poa_store_load_year (store, year, error)))
        return NULL;
      for (guint i = 0; i < plans->len; i++)
        g_ptr_array_add (lines, poa_summary_line_new (g_ptr_array_index (plans, i)));
      return g_steal_pointer (&lines);
    }

  if (!(plans = poa_store_list_plans (store, error)))
    return NULL;

  for (guint i = 0; i < plans->len; i++)
    {
      PoaPlanSummary *summary = g_ptr_array_index (plans, i);
      g_autoptr(PoaPlan) plan = NULL;

      if (!(plan = poa_store_load_plan (store, summary->id, error)))
        return NULL;
      g_ptr_array_add (lines, poa_summary_line_new (plan));
    }

  return g_steal_pointer (&lines);
}
