/* test-plan-json.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-default-plan.h"
#include "poa-plan-json.h"
#include "poa-plan.h"

static PoaPlan *
parse (const char *text,
       GError    **error)
{
  return poa_plan_json_parse (text, strlen (text), "plan.json", error);
}

static void
test_default_plan_round_trips (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autoptr(PoaPlan) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  text = poa_plan_json_to_string (plan);
  again = parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, again));

  text_again = poa_plan_json_to_string (again);
  g_assert_cmpstr (text, ==, text_again);
}

static void
test_awkward_texts_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_new (2030);
  g_autoptr(PoaPlan) again = NULL;
  g_autoptr(PoaActivity) activity = poa_activity_new ();
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("3761", "Viáticos \"internacionales\"", 1);
  g_autofree char *text = NULL;
  /* Every character the text rule allows that JSON must escape or that is rare; the control
   * characters it forbids are refused on reading (test_refuses_forbidden_characters). */
  const char *awkward = "comillas \" barra \\ salto\nlínea tab\t DEL \x7f ñ Ñ ü € 🌵 / </script> \u00a0 \U0010fffd";

  poa_plan_set_text (plan, POA_PLAN_OBSERVATIONS, awkward);
  poa_activity_set_text (activity, POA_ACTIVITY_NAME, awkward);
  poa_activity_set_months (activity, 0x801);
  g_list_store_append (poa_plan_get_activities (plan), activity);
  g_list_store_append (poa_plan_get_budget (plan), line);

  text = poa_plan_json_to_string (plan);
  again = parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, again));
  g_assert_nonnull (strstr (text, "\"amount\": 0.01"));
}

static void
test_months_follow_dates_when_absent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaActivity) a = NULL;
  g_autoptr(PoaActivity) b = NULL;

  plan = parse ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": ["
                " {\"name\": \"a\", \"start\": \"2025-06-01\", \"end\": \"2026-03-15\"},"
                " {\"name\": \"b\", \"start\": \"2026-01-01\", \"end\": \"2026-12-31\", \"months\": [2, 4]}]}",
                &error);
  g_assert_no_error (error);

  a = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  b = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 1);
  g_assert_cmphex (poa_activity_get_months (a), ==, 0x7);
  g_assert_cmphex (poa_activity_get_months (b), ==, 0xa);
  g_assert_cmpuint (poa_activity_get_number (b), ==, 2);
  g_assert_cmpstr (poa_activity_get_text (a, POA_ACTIVITY_UNIT), ==, "");
}

static void
test_whole_numbers_may_be_written_20_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaActivity) a = NULL;

  plan = parse ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026,"
                " \"activities\": [{\"programmed\": 20.0, \"start\": null}]}", &error);
  g_assert_no_error (error);
  a = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_assert_cmpuint (poa_activity_get_goal (a, POA_ACTIVITY_PROGRAMMED), ==, 20);
  g_assert_null (poa_activity_get_start (a));
}

/* Each bad file gets an error that names the file and what and where is wrong. */
static void
test_refuses_bad_input (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *expected[3];
  } cases[] = {
    { "{\n  \"format\": \"poa-plan\",\n  \"year\": }", POA_PLAN_JSON_ERROR_SYNTAX,
      { "plan.json", "line 3", "column 11" } },
    { "", POA_PLAN_JSON_ERROR_SYNTAX, { "plan.json", NULL } },
    { "[1, 2]", POA_PLAN_JSON_ERROR_INVALID, { "plan.json", NULL } },
    { "{\"format\": \"plan\", \"version\": 1, \"year\": 2026}", POA_PLAN_JSON_ERROR_FORMAT,
      { "plan.json", "format", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 7, \"year\": 2026}", POA_PLAN_JSON_ERROR_FORMAT,
      { "plan.json", "7", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"aera\": \"x\", \"obs\": 1}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "aera", "obs" } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{}, {\"progamed\": 3}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "2", "progamed" } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"achieved\": -1}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "1", "achieved" } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"programmed\": 2.5}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "programmed", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"programmed\": \"20\"}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "programmed", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"start\": \"2026-02-30\"}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "start", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"end\": \"31/12/2026\"}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "end", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"months\": [1, 13]}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "months", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 1800}", POA_PLAN_JSON_ERROR_INVALID,
      { "plan.json", "year", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1}", POA_PLAN_JSON_ERROR_INVALID,
      { "plan.json", "year", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"area\": 5}", POA_PLAN_JSON_ERROR_INVALID,
      { "plan.json", "area", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"budget\": [{\"code\": \"2111\", \"amount\": 5.005}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "amount", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"budget\": [{\"code\": \"2111\", \"amount\": \"5000\"}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "amount", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"budget\": [{\"code\": \"2111\", \"amount\": -5}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "amount", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"semaforo_green\": 101}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "semaforo_green", "100" } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"semaforo_yellow\": \"70\"}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "semaforo_yellow", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"signatures\": [{}, {}, {}, {}]}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "signatures", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": {}}",
      POA_PLAN_JSON_ERROR_INVALID, { "plan.json", "activities", NULL } },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026,\n \"area\": \"caf\xe9\"}",
      POA_PLAN_JSON_ERROR_SYNTAX, { "plan.json", "2", "UTF-8" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaPlan) plan = parse (cases[i].text, &error);

      g_test_message ("case %u", i);
      g_assert_null (plan);
      g_assert_error (error, POA_PLAN_JSON_ERROR, cases[i].code);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].expected) && cases[i].expected[j]; j++)
        if (strstr (error->message, cases[i].expected[j]) == NULL)
          g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].expected[j]);
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* The semáforo's thresholds: absent in files written before them (defaults), written only when
 * they differ from the defaults, and back field for field. */
static void
test_semaforo_thresholds_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autoptr(PoaPlan) again = NULL;
  g_autofree char *defaults = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_semaforo_green (plan), ==, POA_SEMAFORO_DEFAULT_GREEN);
  g_assert_cmpuint (poa_plan_get_semaforo_yellow (plan), ==, POA_SEMAFORO_DEFAULT_YELLOW);
  defaults = poa_plan_json_to_string (plan);
  g_assert_null (strstr (defaults, "semaforo"));

  poa_plan_set_semaforo_green (plan, 85);
  text = poa_plan_json_to_string (plan);
  g_assert_nonnull (strstr (text, "\"semaforo_green\": 85,\n  \"semaforo_yellow\": 70,"));
  again = parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, again));

  /* Equality sees the thresholds: a plan with other thresholds is another plan. */
  poa_plan_set_semaforo_green (again, POA_SEMAFORO_DEFAULT_GREEN);
  g_assert_false (poa_plan_equal (plan, again));

  g_clear_object (&again);
  again = parse ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"semaforo_yellow\": 0}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_semaforo_green (again), ==, POA_SEMAFORO_DEFAULT_GREEN);
  g_assert_cmpuint (poa_plan_get_semaforo_yellow (again), ==, 0);
}

static void
test_load_names_a_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_json_load ("/nonexistent/plan.json", &error);

  g_assert_null (plan);
  g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "/nonexistent/plan.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-json/round-trip/default-plan", test_default_plan_round_trips);
  g_test_add_func ("/plan-json/round-trip/awkward-texts", test_awkward_texts_round_trip);
  g_test_add_func ("/plan-json/round-trip/semaforo-thresholds", test_semaforo_thresholds_round_trip);
  g_test_add_func ("/plan-json/read/months-follow-dates-when-absent", test_months_follow_dates_when_absent);
  g_test_add_func ("/plan-json/read/whole-numbers-may-be-written-20.0", test_whole_numbers_may_be_written_20_0);
  g_test_add_func ("/plan-json/read/refuses-bad-input", test_refuses_bad_input);
  g_test_add_func ("/plan-json/read/names-a-missing-file", test_load_names_a_missing_file);

  return g_test_run ();
}
