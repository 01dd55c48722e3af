/* test-observations.c — the planning unit's observations and closed quarters: in the store
 * (schema version 6, and the upgrade from 5), in the plan file, through backup and restore, and
 * in PoaDocument, which refuses a closed quarter's month figures without a justification.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-calendar.h"
#include "poa-change-record.h"
#include "poa-default-plan.h"
#include "poa-document.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-store.h"
#include "test-plans.h"
#include "test-sqlite.h"
#include "test-util.h"

static PoaPlan *
load_default (PoaStore *store)
{
  g_autoptr(GError) error = NULL;
  PoaPlan *plan = poa_store_load_plan (store, poa_store_resolve_plan (store, 0, NULL), &error);

  g_assert_no_error (error);
  return plan;
}

static const PoaObservation *
observation_at (PoaPlan *plan,
                guint    i)
{
  return g_ptr_array_index (poa_plan_get_observations (plan), i);
}

/* Added on their own and with a return, kept in the store, refused when they name nothing,
 * and kept by backup → restore. */
static void
test_store_and_backup (TestFiles     *files,
                       gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaPlan) again = NULL;
  g_autoptr(PoaPlan) restored = NULL;
  g_autoptr(GError) error = NULL;

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  plan = load_default (store);
  g_assert_cmpuint (poa_plan_get_observations (plan)->len, ==, 0);

  g_assert_true (poa_review_observe (store, plan, "activity 3", "  La meta no cuadra  ", "Paulo", &error));
  g_assert_no_error (error);
  /* Empty, a place that is not one, an activity the plan has not: refused, nothing written. */
  g_assert_false (poa_review_observe (store, plan, "plan", " \n", "Paulo", &error));
  g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  g_assert_false (poa_review_observe (store, plan, "budget 2111", "x", "Paulo", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (poa_review_observe (store, plan, "activity 17", "x", "Paulo", &error));
  g_assert_nonnull (strstr (error->message, "17"));
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM observation"), ==, 1);

  /* A return's note is the plan's observation too, in the same transaction as the step. */
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_SUBMIT, NULL, "Área", &error));
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_RETURN, "Faltan firmas", "Paulo", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM observation"), ==, 2);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM observation WHERE place = 'plan' AND text = 'Faltan firmas'"), ==, 1);

  again = load_default (store);
  g_assert_cmpuint (poa_plan_get_observations (again)->len, ==, 2);
  g_assert_cmpstr (observation_at (again, 0)->where, ==, "activity 3");
  g_assert_cmpstr (observation_at (again, 0)->text, ==, "La meta no cuadra");
  g_assert_cmpstr (observation_at (again, 0)->by, ==, "Paulo");
  g_assert_true (poa_review_date_is_valid (observation_at (again, 0)->date));
  g_assert_cmpstr (observation_at (again, 1)->where, ==, "plan");
  g_assert_true (poa_plan_equal (plan, again));

  /* Backup, one more, restore: the backup's two. */
  g_assert_true (poa_store_backup (store, files->backup, &error));
  g_assert_no_error (error);
  g_assert_true (poa_review_observe (store, plan, "plan", "Después del respaldo", "Paulo", &error));
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM observation"), ==, 3);
  {
    g_autofree char *kept = NULL;

    g_assert_true (poa_store_restore (store, files->backup, &kept, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  restored = load_default (store);
  g_assert_cmpuint (poa_plan_get_observations (restored)->len, ==, 2);
  g_assert_cmpstr (observation_at (restored, 1)->text, ==, "Faltan firmas");
}

static PoaCalendar *
calendar_with (PoaActivity *activity,
               guint        month,
               guint        achieved)
{
  PoaCalendar *calendar = poa_calendar_copy (poa_activity_get_calendar (activity));

  poa_calendar_set_month (calendar, month, poa_calendar_get_programmed (calendar, month), achieved,
                          poa_calendar_get_note (calendar, month));
  return calendar;
}

static gboolean
set_calendar (PoaDocument  *document,
              PoaActivity  *activity,
              PoaCalendar  *calendar,
              GError      **error)
{
  GValue value = G_VALUE_INIT;
  gboolean ok;

  g_value_init (&value, POA_TYPE_CALENDAR);
  g_value_set_boxed (&value, calendar);
  ok = poa_document_set_value (document, activity, "calendar", &value, error);
  g_value_unset (&value);
  return ok;
}

/* Closing a quarter is recorded; its months' figures then change only with a justification,
 * the other quarters' freely; reopening it frees them. On an approved plan, closing needs no
 * justification of its own. */
static void
test_closed_quarter (TestFiles     *files,
                     gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaPlan) again = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(PoaActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *history;
  const PoaHistoryEntry *last;

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  plan = load_default (store);
  document = poa_document_new (store, plan);
  activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);

  g_assert_false (poa_document_month_needs_justification (document, 2));
  g_assert_true (poa_document_set_uint (document, plan, "closed-quarters", 1u << 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (files->db, "SELECT closed_quarters FROM plan"), ==, 1);
  history = poa_plan_get_history (plan);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->field, ==, "closed_quarters");
  g_assert_cmpstr (last->before, ==, "");
  g_assert_cmpstr (last->after, ==, "1");
  g_assert_true (poa_document_month_needs_justification (document, 2));
  g_assert_false (poa_document_month_needs_justification (document, 4));

  /* February, in the closed first quarter: refused, the file as it was. */
  {
    g_autoptr(PoaCalendar) february = calendar_with (activity, 2, 4);

    g_assert_false (set_calendar (document, activity, february, &error));
    g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED);
    g_assert_nonnull (strstr (error->message, "1"));
    g_clear_error (&error);
    g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM activity_month WHERE month = 2 AND achieved = 4"), ==, 0);

    poa_document_set_justification (document, "Cifra corregida por el área");
    g_assert_true (set_calendar (document, activity, february, &error));
    g_assert_no_error (error);
    g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM activity_month WHERE month = 2 AND achieved = 4"), ==, 1);
    last = g_ptr_array_index (history, history->len - 1);
    g_assert_cmpstr (last->field, ==, "calendar");
    g_assert_cmpstr (last->justification, ==, "Cifra corregida por el área");
  }
  /* April, in the open second quarter: free. */
  {
    g_autoptr(PoaCalendar) april = calendar_with (activity, 4, 2);

    g_assert_true (set_calendar (document, activity, april, &error));
    g_assert_no_error (error);
  }

  /* Approved, then the second quarter closed with no justification: a setting, not a change
   * of the plan. */
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_SUBMIT, NULL, "Área", &error));
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_APPROVE, NULL, "Paulo", &error));
  g_assert_true (poa_document_set_uint (document, plan, "closed-quarters", 0x3, &error));
  g_assert_no_error (error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->before, ==, "1");
  g_assert_cmpstr (last->after, ==, "1,2");

  again = load_default (store);
  g_assert_cmpuint (poa_plan_get_closed_quarters (again), ==, 0x3);
}

/* The plan file carries both (an extension of version 2), only when there is something to say,
 * and its reader refuses what is not right. */
static void
test_json (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaPlan) back = NULL;
  g_autoptr(PoaPlan) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = poa_plan_json_to_string (plan);
  g_autofree char *text = NULL;
  static const struct {
    const char *members;
    const char *mention;
  } bad[] = {
    { "\"closed_quarters\": [5]", "closed_quarters" },
    { "\"closed_quarters\": \"1\"", "closed_quarters" },
    { "\"review_observations\": [{\"date\": \"2026-01-01T00:00:00Z\", \"by\": \"A\", \"where\": \"budget 2111\", \"text\": \"x\"}]", "where" },
    { "\"review_observations\": [{\"date\": \"ayer\", \"by\": \"A\", \"where\": \"plan\", \"text\": \"x\"}]", "date" },
    { "\"review_observations\": [{\"date\": \"2026-01-01T00:00:00Z\", \"quien\": \"A\"}]", "quien" },
  };

  g_assert_null (strstr (plain, "review_observations"));
  g_assert_null (strstr (plain, "closed_quarters"));

  poa_plan_add_observation (plan, poa_observation_new ("2026-04-02T10:00:00Z", "Paulo", "activity 2", "Meta \"alta\"\nrevisar"));
  poa_plan_add_observation (plan, poa_observation_new ("2026-04-03T10:00:00-06:00", "Paulo", "plan", "Faltan firmas"));
  poa_plan_set_closed_quarters (plan, (1u << 0) | (1u << 2));
  text = poa_plan_json_to_string (plan);
  g_assert_nonnull (strstr (text, "\"version\": 2,"));
  g_assert_nonnull (strstr (text, "\"closed_quarters\": [1, 3]"));
  back = poa_plan_json_parse (text, strlen (text), "plan.json", &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, back));
  g_assert_cmpuint (poa_plan_get_observations (back)->len, ==, 2);
  g_assert_cmpstr (observation_at (back, 0)->text, ==, "Meta \"alta\"\nrevisar");
  g_assert_cmpuint (poa_plan_get_closed_quarters (back), ==, 5);

  /* Next year's plan starts its review afresh: no observation, no quarter closed. */
  next = poa_plan_copy_to_next_year (plan);
  g_assert_cmpuint (poa_plan_get_observations (next)->len, ==, 0);
  g_assert_cmpuint (poa_plan_get_closed_quarters (next), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    test_assert_plan_json_refuses (i, bad[i].members, bad[i].mention);
}

/* A version-5 database is upgraded after the usual copy: no observation, no quarter closed. */
static void
test_migrates_version_5 (TestFiles     *files,
                         gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  test_sql_exec (files->db,
                 "DROP TABLE observation; ALTER TABLE plan DROP COLUMN closed_quarters;"
                 "PRAGMA user_version = 5;");

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (files->db, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM observation"), ==, 0);
  backups = test_list_backups (files->db);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (test_sql_int (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (test_sql_int (g_ptr_array_index (backups, 0),
                                 "SELECT count(*) FROM pragma_table_info ('plan') WHERE name = 'closed_quarters'"), ==, 0);

  plan = load_default (store);
  g_assert_cmpuint (poa_plan_get_observations (plan)->len, ==, 0);
  g_assert_cmpuint (poa_plan_get_closed_quarters (plan), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))), ==, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("POA_USER", "Prueba", TRUE);

  TEST_ADD_WITH_FILES ("/observations/store-and-backup", test_store_and_backup);
  TEST_ADD_WITH_FILES ("/observations/closed-quarter", test_closed_quarter);
  g_test_add_func ("/observations/json", test_json);
  TEST_ADD_WITH_FILES ("/observations/migrates-version-5", test_migrates_version_5);

  return g_test_run ();
}
