/* test-plans.c — plans for the tests and the benchmark.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "poa-activity.h"
#include "poa-default-plan.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "test-plans.h"

/* The default plan grown (or cut) to @n_activities: the 16 real activities repeated, each
 * copy numbered in turn and named after its original with its Nº, so that every name is
 * unique and as long as a real one. */
PoaPlan *
test_plan_with_activities (guint n_activities)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  GListStore *activities;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_assert_no_error (error);
  activities = poa_plan_get_activities (plan);
  n = g_list_model_get_n_items (G_LIST_MODEL (activities));
  g_assert_cmpuint (n, ==, 16);

  if (n_activities < n)
    {
      g_list_store_splice (activities, n_activities, n - n_activities, NULL, 0);
      return g_steal_pointer (&plan);
    }

  for (guint i = n; i < n_activities; i++)
    {
      g_autoptr(PoaActivity) original = g_list_model_get_item (G_LIST_MODEL (activities), i % n);
      PoaActivity *copy = poa_activity_copy (original);
      g_autofree char *name = g_strdup_printf ("%s (%u)", poa_activity_get_name (original), i + 1);

      poa_activity_set_number (copy, i + 1);
      poa_activity_set_text (copy, POA_ACTIVITY_NAME, name);
      g_ptr_array_add (added, copy);
    }

  /* One splice: a hundred thousand appends would each notify the list's watchers. */
  g_list_store_splice (activities, n, 0, added->pdata, added->len);
  return g_steal_pointer (&plan);
}

/* A document for @plan on a store at @path (created if missing), for the views that only
 * show a plan, such as the benchmark's. The plan's rows are not written to the store: the
 * document writes only when edited, and inserting 100,000 activities would take longer than
 * what is measured. A plan without an id is given one, since a document's plan has one. Not
 * for a test that edits through the document. */
PoaDocument *
test_document_for_plan (PoaPlan    *plan,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);

  g_assert_no_error (error);
  if (poa_plan_get_id (plan) <= 0)
    poa_plan_set_id (plan, 1);
  return poa_document_new (store, plan);
}
