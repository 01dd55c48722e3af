/* poa-findings.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-findings"

#include "config.h"

#include "poa-activity.h"
#include "poa-check.h"
#include "poa-findings.h"
#include "poa-plan.h"

/* What `check` finds in one plan, computed once and kept until the plan changes: the list the
 * findings button shows (the whole plan, its first findings), and each activity's own findings,
 * which the cronograma marks and the Gantt view's tooltips and screen reader say. Each is
 * computed when first asked for after a change, so that a change nobody looks at costs
 * nothing. PoaDocument owns the one of an open plan and says what an edit changed
 * (poa_findings_invalidate()); a renderer drawing a plan without a document (the command line,
 * the PDF) has its own.
 *
 * What an edit cannot tell comes from the plan itself: activities added or taken out without
 * an edit (the rest of a big plan, read after its first part) and a new plan year, against
 * which every date is checked. */

struct _PoaFindings
{
  GObject      parent_instance;

  PoaPlan     *plan;

  /* The plan's list, or NULL until asked for after a change. */
  GListStore  *listed;
  guint        n_errors;
  guint        n_warnings;

  /* PoaActivity → GListStore of its findings; only the rows drawn are ever asked for. */
  GHashTable  *activities;
};

G_DEFINE_FINAL_TYPE (PoaFindings, poa_findings, G_TYPE_OBJECT)

/* A few screens' worth of rows: enough for scrolling back and forth, without keeping a huge
 * plan's every finding. */
#define ACTIVITIES_KEPT 4096

static void
activities_changed_cb (PoaFindings *self,
                       guint        position,
                       guint        removed,
                       guint        added,
                       GListModel  *list)
{
  /* An activity's own findings do not depend on the others: only the plan's list changes.
   * (An activity taken out by an edit is forgotten when the document says so.) */
  g_clear_object (&self->listed);
}

static void
plan_year_changed_cb (PoaFindings *self)
{
  poa_findings_invalidate (self, NULL);
}

static void
poa_findings_dispose (GObject *object)
{
  PoaFindings *self = (PoaFindings *)object;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (poa_plan_get_activities (self->plan), self);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }
  g_clear_object (&self->plan);
  g_clear_object (&self->listed);
  g_clear_pointer (&self->activities, g_hash_table_unref);

  G_OBJECT_CLASS (poa_findings_parent_class)->dispose (object);
}

static void
poa_findings_class_init (PoaFindingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_findings_dispose;
}

static void
poa_findings_init (PoaFindings *self)
{
  self->activities = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}

/**
 * poa_findings_new:
 * @plan: the plan checked
 *
 * Returns: (transfer full): @plan's findings, none computed yet.
 */
PoaFindings *
poa_findings_new (PoaPlan *plan)
{
  PoaFindings *self;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  self = g_object_new (POA_TYPE_FINDINGS, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_object (poa_plan_get_activities (plan), "items-changed",
                           G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::year", G_CALLBACK (plan_year_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * poa_findings_get_plan:
 *
 * Returns: (transfer none): the plan checked.
 */
PoaPlan *
poa_findings_get_plan (PoaFindings *self)
{
  g_return_val_if_fail (POA_IS_FINDINGS (self), NULL);

  return self->plan;
}

/**
 * poa_findings_get_listed:
 * @n_errors: (out) (optional): how many errors the plan has in all
 * @n_warnings: (out) (optional): how many warnings it has in all
 *
 * The findings about the whole plan, in the order of the document, the first
 * %POA_FINDINGS_LISTED errors and warnings of them: a plan of 100,000 activities has as many
 * findings, and a window lists a few hundred.
 *
 * Returns: (transfer none): a list of #PoaFinding, valid until the plan changes.
 */
GListModel *
poa_findings_get_listed (PoaFindings *self,
                         guint       *n_errors,
                         guint       *n_warnings)
{
  g_return_val_if_fail (POA_IS_FINDINGS (self), NULL);

  if (self->listed == NULL)
    self->listed = poa_check_plan_limited (self->plan, POA_FINDINGS_LISTED,
                                           &self->n_errors, &self->n_warnings);

  if (n_errors != NULL)
    *n_errors = self->n_errors;
  if (n_warnings != NULL)
    *n_warnings = self->n_warnings;
  return G_LIST_MODEL (self->listed);
}

/**
 * poa_findings_get_for_activity:
 *
 * What `check` reports about @activity on its own (a Nº used twice is a finding about the
 * plan: see poa_findings_get_listed()).
 *
 * Returns: (transfer full): a list of #PoaFinding.
 */
GListModel *
poa_findings_get_for_activity (PoaFindings *self,
                               PoaActivity *activity)
{
  GListStore *findings;

  g_return_val_if_fail (POA_IS_FINDINGS (self), NULL);
  g_return_val_if_fail (POA_IS_ACTIVITY (activity), NULL);

  findings = g_hash_table_lookup (self->activities, activity);
  if (findings == NULL)
    {
      findings = g_list_store_new (POA_TYPE_FINDING);
      poa_check_activity (self->plan, activity, findings);

      if (g_hash_table_size (self->activities) >= ACTIVITIES_KEPT)
        g_hash_table_remove_all (self->activities);
      g_hash_table_insert (self->activities, g_object_ref (activity), findings);
    }

  return g_object_ref (G_LIST_MODEL (findings));
}

/**
 * poa_findings_invalidate:
 * @object: (nullable): what changed: an activity, another object of the plan, or %NULL for
 *   all of it
 *
 * Forgets what was found about @object, and the plan's list, which counts it.
 */
void
poa_findings_invalidate (PoaFindings *self,
                         gpointer     object)
{
  g_return_if_fail (POA_IS_FINDINGS (self));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  g_clear_object (&self->listed);
  if (object == NULL)
    g_hash_table_remove_all (self->activities);
  else if (POA_IS_ACTIVITY (object))
    g_hash_table_remove (self->activities, object);
}
