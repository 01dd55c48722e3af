/* test-review.c — the planning unit's review and the change record, in the core.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-change-record.h"
#include "poa-default-plan.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-signature.h"
#include "poa-store.h"
#include "poa-summary.h"
#include "test-plans.h"
#include "test-sqlite.h"
#include "test-util.h"

/* Every status against every step: the expected outcome written out by hand from the spec's
 * transitions, not from the function under test. */
static void
test_transitions (void)
{
  static const struct {
    PoaReviewStatus from;
    PoaReviewAction action;
    gboolean        allowed;
    PoaReviewStatus to;
  } cases[] = {
    { POA_REVIEW_BORRADOR,  POA_REVIEW_SUBMIT,  TRUE,  POA_REVIEW_ENVIADO },
    { POA_REVIEW_BORRADOR,  POA_REVIEW_RETURN,  FALSE, 0 },
    { POA_REVIEW_BORRADOR,  POA_REVIEW_APPROVE, FALSE, 0 },
    { POA_REVIEW_ENVIADO,   POA_REVIEW_SUBMIT,  FALSE, 0 },
    { POA_REVIEW_ENVIADO,   POA_REVIEW_RETURN,  TRUE,  POA_REVIEW_OBSERVADO },
    { POA_REVIEW_ENVIADO,   POA_REVIEW_APPROVE, TRUE,  POA_REVIEW_APROBADO },
    { POA_REVIEW_OBSERVADO, POA_REVIEW_SUBMIT,  TRUE,  POA_REVIEW_ENVIADO },
    { POA_REVIEW_OBSERVADO, POA_REVIEW_RETURN,  FALSE, 0 },
    { POA_REVIEW_OBSERVADO, POA_REVIEW_APPROVE, FALSE, 0 },
    { POA_REVIEW_APROBADO,  POA_REVIEW_SUBMIT,  FALSE, 0 },
    { POA_REVIEW_APROBADO,  POA_REVIEW_RETURN,  FALSE, 0 },
    { POA_REVIEW_APROBADO,  POA_REVIEW_APPROVE, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PoaReviewStatus to = 99;
      gboolean ok = poa_review_next_status (cases[i].from, cases[i].action, "una nota", &to, &error);

      g_assert_cmpint (ok, ==, cases[i].allowed);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (to, ==, cases[i].to);
        }
      else
        {
          g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED);
          g_assert_cmpint (to, ==, 99);
        }
    }

  /* A return needs its observations; blanks are none. */
  {
    g_autoptr(GError) error = NULL;
    PoaReviewStatus to;

    g_assert_false (poa_review_next_status (POA_REVIEW_ENVIADO, POA_REVIEW_RETURN, NULL, &to, &error));
    g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOTE_REQUIRED);
    g_clear_error (&error);
    g_assert_false (poa_review_next_status (POA_REVIEW_ENVIADO, POA_REVIEW_RETURN, "  \n", &to, &error));
    g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOTE_REQUIRED);
  }

  /* An approved plan takes a change only with a justification. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (poa_review_allows_change (POA_REVIEW_BORRADOR, NULL, NULL));
    g_assert_true (poa_review_allows_change (POA_REVIEW_OBSERVADO, "", NULL));
    g_assert_true (poa_review_allows_change (POA_REVIEW_APROBADO, "Ajuste", NULL));
    g_assert_false (poa_review_allows_change (POA_REVIEW_APROBADO, " ", &error));
    g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_JUSTIFICATION_REQUIRED);
  }
}

static void
test_user_name (void)
{
  g_autofree char *from_env = NULL;
  g_autofree char *from_preferences = NULL;
  g_autofree char *from_account = NULL;

  g_setenv ("POA_USER", "Lic. Ana", TRUE);
  from_env = poa_review_user_name ("Preferencias");
  g_assert_cmpstr (from_env, ==, "Lic. Ana");

  g_unsetenv ("POA_USER");
  from_preferences = poa_review_user_name ("Preferencias");
  g_assert_cmpstr (from_preferences, ==, "Preferencias");
  from_account = poa_review_user_name (NULL);
  g_assert_nonnull (from_account);
  g_assert_cmpstr (from_account, !=, "");
}

/* The name kept in the window's preferences (the settings' user-name, here in GSettings'
 * memory backend) comes after $POA_USER and before the account's name, and an empty one is
 * none. */
static void
test_user_name_preference (void)
{
  g_autofree char *account = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *env_first = NULL;
  g_autofree char *cleared = NULL;
  g_autofree char *kept = NULL;

  g_unsetenv ("POA_USER");
  g_assert_true (poa_review_set_preferred_user_name (""));
  g_assert_null (poa_review_preferred_user_name ());
  account = poa_review_user_name (NULL);

  g_assert_true (poa_review_set_preferred_user_name ("  Mtra. Luz Ríos "));
  kept = poa_review_preferred_user_name ();
  g_assert_cmpstr (kept, ==, "Mtra. Luz Ríos");
  preferred = poa_review_user_name (NULL);
  g_assert_cmpstr (preferred, ==, "Mtra. Luz Ríos");

  g_setenv ("POA_USER", "Lic. Ana", TRUE);
  env_first = poa_review_user_name (NULL);
  g_assert_cmpstr (env_first, ==, "Lic. Ana");
  g_unsetenv ("POA_USER");

  g_assert_true (poa_review_set_preferred_user_name ("   "));
  cleared = poa_review_user_name (NULL);
  g_assert_cmpstr (cleared, ==, account);
  g_assert_cmpstr (cleared, !=, "Mtra. Luz Ríos");
}

/* An edit's property changes become entries named as `check` and the plan file name them. */
static void
test_entry_for_edit (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 2);
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2111", "Papelería", 500000);
  g_autoptr(PoaHistoryEntry) goal = NULL;
  g_autoptr(PoaHistoryEntry) amount = NULL;
  g_autoptr(PoaHistoryEntry) date = NULL;
  g_autoptr(PoaHistoryEntry) months = NULL;
  g_autoptr(PoaHistoryEntry) area = NULL;
  GValue before = G_VALUE_INIT, after = G_VALUE_INIT;
  GDate march, june;

  g_value_init (&before, G_TYPE_UINT);
  g_value_init (&after, G_TYPE_UINT);
  g_value_set_uint (&before, 20);
  g_value_set_uint (&after, 25);
  goal = poa_history_entry_for_edit (plan, G_OBJECT (activity), "annual-goal", &before, &after,
                                     "2026-03-01T10:00:00Z", "Ana", "Reconducción");
  g_assert_cmpstr (goal->where, ==, "activity 3");
  g_assert_cmpstr (goal->field, ==, "annual_goal");
  g_assert_cmpstr (goal->before, ==, "20");
  g_assert_cmpstr (goal->after, ==, "25");
  g_assert_cmpstr (goal->justification, ==, "Reconducción");
  g_assert_cmpstr (goal->date, ==, "2026-03-01T10:00:00Z");
  g_assert_cmpstr (goal->by, ==, "Ana");

  /* The same value: nothing to record. */
  g_assert_null (poa_history_entry_for_edit (plan, G_OBJECT (activity), "annual-goal", &after, &after,
                                             NULL, NULL, NULL));

  /* months: January to March, then March alone */
  g_value_set_uint (&before, 0x7);
  g_value_set_uint (&after, 0x4);
  months = poa_history_entry_for_edit (plan, G_OBJECT (activity), "months", &before, &after,
                                       NULL, NULL, NULL);
  g_assert_cmpstr (months->before, ==, "1,2,3");
  g_assert_cmpstr (months->after, ==, "3");
  g_assert_cmpstr (months->justification, ==, "");
  g_assert_true (poa_review_date_is_valid (months->date));
  g_value_unset (&before);
  g_value_unset (&after);

  g_value_init (&before, G_TYPE_INT64);
  g_value_init (&after, G_TYPE_INT64);
  g_value_set_int64 (&before, 500000);
  g_value_set_int64 (&after, 600050);
  amount = poa_history_entry_for_edit (plan, G_OBJECT (line), "centavos", &before, &after,
                                       "2026-03-01T10:00:00Z", "Ana", NULL);
  g_assert_cmpstr (amount->where, ==, "budget 2111");
  g_assert_cmpstr (amount->field, ==, "amount");
  g_assert_cmpstr (amount->before, ==, "5000.00");
  g_assert_cmpstr (amount->after, ==, "6000.50");
  g_value_unset (&before);
  g_value_unset (&after);

  g_date_clear (&march, 1);
  g_date_clear (&june, 1);
  g_date_set_dmy (&march, 31, G_DATE_MARCH, 2026);
  g_date_set_dmy (&june, 1, G_DATE_JUNE, 2026);
  g_value_init (&before, G_TYPE_DATE);
  g_value_init (&after, G_TYPE_DATE);
  g_value_set_boxed (&before, NULL);
  g_value_set_boxed (&after, &june);
  date = poa_history_entry_for_edit (plan, G_OBJECT (activity), "start", &before, &after,
                                     "2026-03-01T10:00:00Z", "Ana", NULL);
  g_assert_cmpstr (date->field, ==, "start");
  g_assert_cmpstr (date->before, ==, "");
  g_assert_cmpstr (date->after, ==, "2026-06-01");
  g_value_unset (&before);
  g_value_unset (&after);

  g_value_init (&before, G_TYPE_STRING);
  g_value_init (&after, G_TYPE_STRING);
  g_value_set_string (&before, "Migrantes");
  g_value_set_string (&after, "Migrantes y Ex braceros");
  area = poa_history_entry_for_edit (plan, G_OBJECT (plan), "specific-objectives", &before, &after,
                                     "2026-03-01T10:00:00Z", "Ana", NULL);
  g_assert_cmpstr (area->where, ==, "plan");
  g_assert_cmpstr (area->field, ==, "specific_objectives");
  g_value_unset (&before);
  g_value_unset (&after);
}

static PoaHistoryEntry *
entry (const char *after)
{
  return poa_history_entry_new ("2026-02-03T04:05:06Z", "Ana", "activity 1", "programmed",
                                "20", after, "Ajuste\tcon tab");
}

/* The review and the record in the store: written, read back, and kept by backup → restore. */
static void
test_store_backup_restore (TestFiles     *files,
                           gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaPlan) again = NULL;
  g_autoptr(PoaPlan) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaHistoryEntry) first = entry ("25");
  g_autoptr(PoaHistoryEntry) second = entry ("30");
  g_autoptr(PoaHistoryEntry) third = entry ("35");
  const PoaHistoryEntry *two[] = { first, second };
  GPtrArray *steps;
  gint64 id;

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  id = poa_store_resolve_plan (store, 0, &error);
  plan = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_plan_get_review_status (plan), ==, POA_REVIEW_BORRADOR);
  g_assert_cmpuint (poa_plan_get_history (plan)->len, ==, 0);

  /* Refused steps leave the plan and the file as they were. */
  g_assert_false (poa_review_apply (store, plan, POA_REVIEW_APPROVE, NULL, "Paulo", &error));
  g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_SUBMIT, NULL, "Área", &error));
  g_assert_false (poa_review_apply (store, plan, POA_REVIEW_RETURN, "", "Paulo", &error));
  g_assert_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_RETURN, "Falta la meta 3", "Paulo", &error));
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_SUBMIT, NULL, "Área", &error));
  g_assert_true (poa_review_apply (store, plan, POA_REVIEW_APPROVE, "Visto bueno", "Paulo", &error));
  g_assert_no_error (error);
  g_assert_cmpint (poa_plan_get_review_status (plan), ==, POA_REVIEW_APROBADO);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM review_step"), ==, 4);
  g_assert_cmpint (test_sql_int (files->db, "SELECT review_status FROM plan"), ==, 3);

  g_assert_true (poa_store_record_changes (store, id, two, 2, &error));
  g_assert_no_error (error);

  again = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_plan_get_review_status (again), ==, POA_REVIEW_APROBADO);
  steps = poa_plan_get_review_steps (again);
  g_assert_cmpuint (steps->len, ==, 4);
  g_assert_cmpint (((PoaReviewStep *)g_ptr_array_index (steps, 1))->status, ==, POA_REVIEW_OBSERVADO);
  g_assert_cmpstr (((PoaReviewStep *)g_ptr_array_index (steps, 1))->note, ==, "Falta la meta 3");
  g_assert_cmpstr (((PoaReviewStep *)g_ptr_array_index (steps, 1))->by, ==, "Paulo");
  g_assert_cmpuint (poa_plan_get_history (again)->len, ==, 2);
  g_assert_true (poa_history_entry_equal (g_ptr_array_index (poa_plan_get_history (again), 0), first));
  g_assert_true (poa_history_entry_equal (g_ptr_array_index (poa_plan_get_history (again), 1), second));

  /* A change to a plan that is not there is refused, and writes nothing. */
  g_assert_false (poa_store_record_changes (store, id + 100, two, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM change_record"), ==, 2);

  /* Backup, one more change, restore: the record is the backup's. */
  g_assert_true (poa_store_backup (store, files->backup, &error));
  g_assert_no_error (error);
  g_assert_true (poa_store_record_changes (store, id, (const PoaHistoryEntry *const *)&third, 1, &error));
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM change_record"), ==, 3);
  {
    g_autofree char *kept = NULL;

    g_assert_true (poa_store_restore (store, files->backup, &kept, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);
  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  restored = poa_store_load_plan (store, poa_store_resolve_plan (store, 0, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_history (restored)->len, ==, 2);
  g_assert_true (poa_history_entry_equal (g_ptr_array_index (poa_plan_get_history (restored), 1), second));
  g_assert_cmpint (poa_plan_get_review_status (restored), ==, POA_REVIEW_APROBADO);
  g_assert_cmpuint (poa_plan_get_review_steps (restored)->len, ==, 4);
}

/* Export → import keeps the review and the record, field for field; a plan with neither is
 * written as version 1, without the keys. */
static void
test_json_round_trip (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = poa_plan_json_to_string (plan);
  g_autofree char *text = NULL;

  g_assert_nonnull (strstr (plain, "\"version\": 1,"));
  g_assert_null (strstr (plain, "\"review\""));
  g_assert_null (strstr (plain, "\"history\""));

  poa_plan_add_review_step (plan, poa_review_step_new ("2026-01-10T09:00:00Z", "Área", POA_REVIEW_ENVIADO, ""));
  poa_plan_add_review_step (plan, poa_review_step_new ("2026-01-11T09:00:00-06:00", "Paulo", POA_REVIEW_OBSERVADO, "Falta \"meta\"\nlínea 2"));
  poa_plan_add_history_entry (plan, entry ("25"));
  poa_plan_add_history_entry (plan, poa_history_entry_new ("2026-02-03T04:05:06Z", "Ana", "budget 2111",
                                                           "amount", "5000.00", "6000.50", ""));

  text = poa_plan_json_to_string (plan);
  g_assert_nonnull (strstr (text, "\"version\": 2,"));
  g_assert_nonnull (strstr (text, "\"status\": \"observado\""));
  back = poa_plan_json_parse (text, strlen (text), "plan.json", &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, back));
  g_assert_cmpint (poa_plan_get_review_status (back), ==, POA_REVIEW_OBSERVADO);
  g_assert_cmpuint (poa_plan_get_history (back)->len, ==, 2);
  g_assert_cmpstr (((PoaHistoryEntry *)g_ptr_array_index (poa_plan_get_history (back), 0))->justification,
                   ==, "Ajuste\tcon tab");
}

/* The reader is strict about the new keys like about the rest. */
static void
test_json_refuses (void)
{
  static const struct {
    const char *members;
    const char *mention;
  } cases[] = {
    { "\"review\": {\"status\": \"aprobada\"}", "status" },
    { "\"review\": {\"status\": \"enviado\", \"histori\": []}", "histori" },
    { "\"review\": {\"status\": \"enviado\", \"history\": [{\"date\": \"ayer\", \"by\": \"A\", \"status\": \"enviado\", \"note\": \"\"}]}", "date" },
    { "\"review\": {\"status\": \"enviado\", \"history\": [{\"date\": \"2026-01-01T00:00:00Z\", \"status\": \"visto\"}]}", "status" },
    { "\"review\": []", "review" },
    { "\"history\": [{\"date\": \"2026-01-01T00:00:00Z\", \"who\": \"A\"}]", "who" },
    { "\"history\": [{\"date\": \"2026-01-01\", \"by\": \"A\"}]", "date" },
    { "\"history\": [{\"date\": \"2026-01-01T00:00:00Z\", \"before\": 5}]", "before" },
    { "\"history\": {}", "history" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    test_assert_plan_json_refuses (i, cases[i].members, cases[i].mention);
}

/* Next year's plan starts a record of its own, whose first entry says where it came from. */
static void
test_copy_to_next_year (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaPlan) next = NULL;
  const PoaHistoryEntry *first;

  poa_plan_add_review_step (plan, poa_review_step_new ("2026-01-10T09:00:00Z", "Área", POA_REVIEW_ENVIADO, ""));
  poa_plan_add_history_entry (plan, entry ("25"));
  next = poa_plan_copy_to_next_year (plan);

  g_assert_cmpint (poa_plan_get_review_status (next), ==, POA_REVIEW_BORRADOR);
  g_assert_cmpuint (poa_plan_get_review_steps (next)->len, ==, 0);
  g_assert_cmpuint (poa_plan_get_history (next)->len, ==, 1);
  first = g_ptr_array_index (poa_plan_get_history (next), 0);
  g_assert_cmpstr (first->where, ==, "plan");
  g_assert_cmpstr (first->field, ==, "year");
  g_assert_cmpstr (first->before, ==, "2026");
  g_assert_cmpstr (first->after, ==, "2027");
  g_assert_cmpstr (first->justification, ==, "copied from 2026");
  /* The old plan keeps its own. */
  g_assert_cmpuint (poa_plan_get_history (plan)->len, ==, 1);
}

/* A version-4 database (as the follow-up's POA wrote it) is upgraded after the usual copy: every
 * plan a draft with an empty record. */
static void
test_migrates_version_4 (TestFiles     *files,
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
                 "DROP TABLE review_step; DROP TABLE change_record;"
                 "ALTER TABLE plan DROP COLUMN review_status;"
                 "DROP TABLE observation; ALTER TABLE plan DROP COLUMN closed_quarters;"
                 "PRAGMA user_version = 4;");

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (files->db, "PRAGMA user_version"), ==, 6);
  backups = test_list_backups (files->db);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (test_sql_int (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==, 4);

  plan = poa_store_load_plan (store, poa_store_resolve_plan (store, 0, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_plan_get_review_status (plan), ==, POA_REVIEW_BORRADOR);
  g_assert_cmpuint (poa_plan_get_history (plan)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))), ==, 16);
}

/* Three areas with figures worked out by hand: 10+30 programmed, 5+27 achieved → 80.0 %;
 * 7 programmed, 7 achieved → 100.0 %; 3 programmed, 1 achieved → 33.3 %. */
static void
test_summary (TestFiles     *files,
              gconstpointer  data)
{
  static const guint a[][2] = { { 10, 5 }, { 30, 27 } };
  static const guint b[][2] = { { 7, 7 } };
  static const guint c[][2] = { { 3, 1 } };
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(PoaPlan) first = test_plan_small ("Agua Potable", 2027, a, 2);
  g_autoptr(PoaPlan) second = test_plan_small ("Bibliotecas", 2027, b, 1);
  g_autoptr(PoaPlan) third = test_plan_small ("Catastro", 2027, c, 1);
  g_autofree char *text = NULL;
  PoaSummaryLine *line;

  /* Catastro: its activity ends on 31/12/2026, before it starts (an error) and outside the plan
   * year (a warning), and has no responsible (a warning). */
  {
    g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (third)), 0);
    GDate early;

    g_date_clear (&early, 1);
    g_date_set_dmy (&early, 31, G_DATE_DECEMBER, 2026);
    poa_activity_set_end (activity, &early);
    poa_activity_set_text (activity, POA_ACTIVITY_RESPONSIBLE, "");
  }

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  poa_plan_add_review_step (second, poa_review_step_new ("2027-01-10T09:00:00Z", "Área", POA_REVIEW_ENVIADO, ""));
  g_assert_cmpint (poa_store_insert_plan (store, third, &error), >, 0);
  g_assert_cmpint (poa_store_insert_plan (store, first, &error), >, 0);
  g_assert_cmpint (poa_store_insert_plan (store, second, &error), >, 0);

  lines = poa_summary_read (store, 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);

  line = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (line->area, ==, "Agua Potable");
  g_assert_cmpuint (line->n_activities, ==, 2);
  g_assert_cmpuint (line->programmed, ==, 40);
  g_assert_cmpuint (line->achieved, ==, 32);
  text = poa_summary_line_to_text (line);
  g_assert_cmpstr (strchr (text, '\t'), ==, "\t2027\tAgua Potable\t2\t40\t32\t80.0\tborrador\t0\t0");

  line = g_ptr_array_index (lines, 1);
  g_clear_pointer (&text, g_free);
  text = poa_summary_line_to_text (line);
  g_assert_cmpstr (strchr (text, '\t'), ==, "\t2027\tBibliotecas\t1\t7\t7\t100.0\tenviado\t0\t0");

  line = g_ptr_array_index (lines, 2);
  g_clear_pointer (&text, g_free);
  text = poa_summary_line_to_text (line);
  g_assert_cmpstr (strchr (text, '\t'), ==, "\t2027\tCatastro\t1\t3\t1\t33.3\tborrador\t1\t2");

  /* Every year: the default 2026 plan comes first. */
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = poa_summary_read (store, 0, &error);
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpuint (((PoaSummaryLine *)g_ptr_array_index (lines, 0))->year, ==, 2026);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/transitions", test_transitions);
  g_test_add_func ("/review/user-name", test_user_name);
  g_test_add_func ("/review/user-name/preference", test_user_name_preference);
  g_test_add_func ("/review/history/entry-for-edit", test_entry_for_edit);
  TEST_ADD_WITH_FILES ("/review/store/backup-restore", test_store_backup_restore);
  g_test_add_func ("/review/json/round-trip", test_json_round_trip);
  g_test_add_func ("/review/json/refuses", test_json_refuses);
  g_test_add_func ("/review/plan/copy-to-next-year", test_copy_to_next_year);
  TEST_ADD_WITH_FILES ("/review/store/migrates-version-4", test_migrates_version_4);
  TEST_ADD_WITH_FILES ("/review/summary", test_summary);

  return g_test_run ();
}
