/* test-plans.c — plans for the tests and the benchmark.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "poa-activity.h"
#include "poa-default-plan.h"
#include "poa-document.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-store-private.h"
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

/* A plan of @area for @year with @n activities, the whole year each, activity i's programmed
 * (and annual) goal goals[i][0] and its achieved goals[i][1]. */
PoaPlan *
test_plan_small (const char  *area,
                 guint        year,
                 const guint (*goals)[2],
                 guint        n)
{
  PoaPlan *plan = poa_plan_new (year);

  /* Every text filled, so that `check` finds nothing but what a test puts there. */
  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    poa_plan_set_text (plan, i, "Texto");
  poa_plan_set_text (plan, POA_PLAN_AREA, area);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    poa_signature_set_name (poa_plan_get_signature (plan, i), "Firma");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = poa_activity_new ();
      GDate start, end;

      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (&end, 31, G_DATE_DECEMBER, year);
      poa_activity_set_number (activity, i + 1);
      for (guint t = 0; t < POA_ACTIVITY_N_TEXTS; t++)
        poa_activity_set_text (activity, t, "Actividad");
      poa_activity_set_goal (activity, POA_ACTIVITY_ANNUAL_GOAL, goals[i][0]);
      poa_activity_set_goal (activity, POA_ACTIVITY_PROGRAMMED, goals[i][0]);
      poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, goals[i][1]);
      poa_activity_set_start (activity, &start);
      poa_activity_set_end (activity, &end);
      poa_activity_set_months (activity, 0xfff);
      g_list_store_append (poa_plan_get_activities (plan), activity);
    }

  return plan;
}

/* A version-2 plan file for 2026 with @members (JSON members, no braces) is refused, its error
 * mentioning @mention; @case_number names the case when it is not. */
void
test_assert_plan_json_refuses (guint       case_number,
                               const char *members,
                               const char *mention)
{
  g_autofree char *text = g_strdup_printf ("{\"format\": \"poa-plan\", \"version\": 2, \"year\": 2026, %s}",
                                           members);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_json_parse (text, strlen (text), "plan.json", &error);

  g_assert_null (plan);
  g_assert_nonnull (error);
  if (strstr (error->message, mention) == NULL)
    g_error ("case %u: “%s” does not mention “%s”", case_number, error->message, mention);
}

/* @n copies of @model in @store, in one transaction, of areas “Área 0000”, “Área 0001”…: a
 * municipality's worth of plans, quickly. */
void
test_store_insert_area_copies (PoaStore *store,
                               PoaPlan  *model,
                               guint     n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_poa_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaPlan) plan = poa_plan_copy (model);
      g_autofree char *area = g_strdup_printf ("Área %04u", i);

      poa_plan_set_text (plan, POA_PLAN_AREA, area);
      g_assert_true (_poa_store_insert_plan_rows (store, plan, &error));
    }
  g_assert_true (_poa_store_commit (store, &error));
  g_assert_no_error (error);
}
