/* test-several-plans.c — several plans in one database: an empty one, next year's copy, deletion.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-indicator.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-store.h"
#include "test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  PoaStore *store;
  PoaPlan  *plan;   /* the default 2026 plan */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->store = poa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->plan = poa_store_load_plan (fixture->store, poa_store_resolve_plan (fixture->store, 0, NULL), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Reads a plan back through a new connection, as the next start of the program would. */
static PoaPlan *
load_fresh (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->path, &error);
  PoaPlan *plan;

  g_assert_no_error (error);
  plan = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  return plan;
}

static PoaActivity *
activity_at (PoaPlan *plan,
             guint    position)
{
  PoaActivity *activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), position);

  g_object_unref (activity);
  return activity;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = poa_date_format_dmy (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_empty_plan_is_created_and_edited (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_new_empty (fixture->plan, 2027, "Migrantes y Ex braceros");
  g_autoptr(PoaPlan) stored = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(PoaActivity) activity = poa_activity_new ();
  g_autoptr(GPtrArray) plans = NULL;
  gint64 id;

  g_assert_cmpuint (poa_plan_get_year (plan), ==, 2027);
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY), ==, "Sombrerete, Zac.");
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_ADMINISTRATION), ==, "2024 - 2027");
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_OBJECTIVE), ==, "");
  g_assert_cmpstr (poa_signature_get_role (poa_plan_get_signature (plan, 2)), ==, "Aprobó");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))), ==, 0);

  id = poa_store_insert_plan (fixture->store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, poa_plan_get_id (fixture->plan));

  plans = poa_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (plans->len, ==, 2);

  /* The new plan is edited like any other, and the old one is left alone. */
  document = poa_document_new (fixture->store, plan);
  poa_activity_set_text (activity, POA_ACTIVITY_NAME, "Corazón de Plata");
  g_assert_true (poa_document_insert (document, activity, 0, &error));
  g_assert_true (poa_document_set_text (document, plan, "objective", "Brindar apoyo", &error));
  g_assert_no_error (error);

  stored = load_fresh (fixture, id);
  g_assert_true (poa_plan_equal (stored, plan));
  g_clear_object (&stored);
  stored = load_fresh (fixture, poa_plan_get_id (fixture->plan));
  g_assert_true (poa_plan_equal (stored, fixture->plan));
  g_clear_object (&stored);

  /* Undoing the first activity leaves the new plan as empty as it began. */
  g_assert_true (poa_document_undo (document, &error));
  g_assert_true (poa_document_undo (document, &error));
  stored = load_fresh (fixture, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (stored))), ==, 0);
  g_assert_cmpstr (poa_plan_get_text (stored, POA_PLAN_OBJECTIVE), ==, "");
}

static void
test_copy_to_next_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) next = poa_plan_copy_to_next_year (fixture->plan);
  g_autoptr(PoaPlan) stored = NULL;
  g_autoptr(PoaBudgetLine) line = NULL;
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (next));
  gint64 id;

  g_assert_cmpuint (poa_plan_get_year (next), ==, 2027);
  g_assert_cmpuint (poa_plan_get_year (fixture->plan), ==, 2026);
  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    g_assert_cmpstr (poa_plan_get_text (next, i), ==, poa_plan_get_text (fixture->plan, i));
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 16);
  g_assert_cmpint (poa_plan_get_budget_total (next), ==, poa_plan_get_budget_total (fixture->plan));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_indicators (next))), ==, 1);
  g_assert_cmpstr (poa_signature_get_name (poa_plan_get_signature (next, 1)), ==, "Ing. Paulo César Tarango Rojero");

  for (guint i = 0; i < 16; i++)
    {
      PoaActivity *old = activity_at (fixture->plan, i);
      PoaActivity *copy = activity_at (next, i);

      g_assert_true (copy != old);
      g_assert_cmpuint (poa_activity_get_number (copy), ==, i + 1);
      g_assert_cmpstr (poa_activity_get_name (copy), ==, poa_activity_get_name (old));
      g_assert_cmpuint (poa_activity_get_goal (copy, POA_ACTIVITY_ANNUAL_GOAL), ==,
                        poa_activity_get_goal (old, POA_ACTIVITY_ANNUAL_GOAL));
      g_assert_cmpuint (poa_activity_get_goal (copy, POA_ACTIVITY_PROGRAMMED), ==,
                        poa_activity_get_goal (old, POA_ACTIVITY_PROGRAMMED));
      g_assert_cmpuint (poa_activity_get_goal (copy, POA_ACTIVITY_ACHIEVED), ==, 0);
      g_assert_cmphex (poa_activity_get_months (copy), ==, poa_activity_get_months (old));
    }

  /* Activity 1: all 2026 becomes all 2027; 7 keeps its contradiction, one year on; 14 started
   * in 2025 and now starts in 2026. */
  assert_date (poa_activity_get_start (activity_at (next, 0)), "01/01/2027");
  assert_date (poa_activity_get_end (activity_at (next, 0)), "31/12/2027");
  assert_date (poa_activity_get_end (activity_at (next, 6)), "31/12/2026");
  assert_date (poa_activity_get_start (activity_at (next, 13)), "01/01/2026");
  g_assert_cmpuint (poa_activity_get_goal (activity_at (fixture->plan, 0), POA_ACTIVITY_ACHIEVED), ==, 6);

  id = poa_store_insert_plan (fixture->store, next, &error);
  g_assert_no_error (error);
  stored = load_fresh (fixture, id);
  g_assert_true (poa_plan_equal (stored, next));
  line = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (stored)), 3);
  g_assert_cmpstr (poa_budget_line_get_code (line), ==, "3761");
}

static void
test_leap_day_becomes_28_february (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2028);
  g_autoptr(PoaActivity) activity = poa_activity_new ();
  g_autoptr(PoaPlan) next = NULL;
  GDate date;

  g_date_set_dmy (&date, 29, 2, 2028);
  poa_activity_set_start (activity, &date);
  poa_activity_set_months (activity, 0x2);
  g_list_store_append (poa_plan_get_activities (plan), activity);

  next = poa_plan_copy_to_next_year (plan);
  assert_date (poa_activity_get_start (activity_at (next, 0)), "28/02/2029");
  g_assert_null (poa_activity_get_end (activity_at (next, 0)));
  g_assert_cmphex (poa_activity_get_months (activity_at (next, 0)), ==, 0x2);
}

static void
test_delete_plan_leaves_the_others (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) next = poa_plan_copy_to_next_year (fixture->plan);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  gint64 id = poa_store_insert_plan (fixture->store, next, &error);
  gint64 first = poa_plan_get_id (fixture->plan);

  g_assert_no_error (error);

  /* The last plan opened is the one the window reopens on; after it is deleted, another. */
  g_assert_true (poa_store_mark_opened (fixture->store, id, &error));
  g_assert_cmpint (poa_store_resolve_plan (fixture->store, 0, &error), ==, id);
  g_assert_true (poa_store_mark_opened (fixture->store, first, &error));
  g_assert_cmpint (poa_store_resolve_plan (fixture->store, 0, &error), ==, first);

  g_assert_true (poa_store_delete_plan (fixture->store, first, &error));
  g_assert_no_error (error);
  plans = poa_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (((PoaPlanSummary *)plans->pdata[0])->id, ==, id);
  g_assert_cmpuint (((PoaPlanSummary *)plans->pdata[0])->n_activities, ==, 16);
  g_assert_cmpint (poa_store_resolve_plan (fixture->store, 0, &error), ==, id);

  stored = load_fresh (fixture, id);
  g_assert_true (poa_plan_equal (stored, next));

  g_assert_false (poa_store_delete_plan (fixture->store, first, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plans/empty-plan-is-created-and-edited", test_empty_plan_is_created_and_edited);
  ADD ("/plans/copy-to-next-year", test_copy_to_next_year);
  ADD ("/plans/copy-to-next-year/leap-day-becomes-28-february", test_leap_day_becomes_28_february);
  ADD ("/plans/delete-leaves-the-others", test_delete_plan_leaves_the_others);
#undef ADD

  return g_test_run ();
}
