/* test-plan-json.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

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

#define HEAD "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026"

/* Reads @text, which must be refused with @code, and checks that the one-line message holds
 * each of @mentions (NULL-terminated). */
static void
assert_refused (const char *text,
                int         code,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = parse (text, &error);
  const char *mention;
  va_list args;

  if (plan != NULL)
    g_error ("accepted: %s", text);
  g_assert_error (error, POA_PLAN_JSON_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "plan.json"));
  g_assert_null (strchr (error->message, '\n'));

  va_start (args, code);
  while ((mention = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, mention) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, mention);
  va_end (args);
}

/* Issue 14, item 5: json-glib read these as other values and the import said nothing. The
 * grammar is RFC 8259's: no leading zero, no hex or binary, one document. */
static void
test_refuses_numbers_json_does_not_have (void)
{
  /* 05000 was $ 2,560.00 (octal), 010 was 8, 0X1F 31, 0b101 5. */
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 05000}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", "column", "not valid JSON", NULL);
  assert_refused (HEAD ", \"activities\": [{\"annual_goal\": 010}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", "column", NULL);
  assert_refused (HEAD ", \"activities\": [{\"annual_goal\": 0X1F}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", "column", NULL);
  assert_refused (HEAD ", \"activities\": [{\"annual_goal\": 0b101}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", "column", NULL);
  assert_refused (HEAD ", \"activities\": [{\"annual_goal\": +5}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", NULL);
  assert_refused (HEAD ", \"activities\": [{\"annual_goal\": .5}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", NULL);
  assert_refused (HEAD ", \"activities\": [{\"annual_goal\": NaN}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", NULL);

  /* What RFC 8259 does allow still reads: 0, an exponent, 20.0. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaPlan) plan = parse (HEAD ", \"activities\": [{\"annual_goal\": 5e3, \"programmed\": 0,"
                                     " \"achieved\": 20.0}], \"budget\": [{\"code\": \"2111\","
                                     " \"amount\": 0.5E1}]}", &error);
    g_autoptr(PoaActivity) a = NULL;
    g_autoptr(PoaBudgetLine) line = NULL;

    g_assert_no_error (error);
    a = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
    g_assert_cmpuint (poa_activity_get_goal (a, POA_ACTIVITY_ANNUAL_GOAL), ==, 5000);
    g_assert_cmpuint (poa_activity_get_goal (a, POA_ACTIVITY_ACHIEVED), ==, 20);
    line = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (plan)), 0);
    g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 500);
  }
}

/* A second "activities": [] silently dropped every activity: now the key is named, and where. */
static void
test_refuses_duplicate_keys (void)
{
  assert_refused ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026,\n"
                  " \"activities\": [{\"name\": \"Feria\"}],\n"
                  " \"activities\": []}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "“activities”", "line 3", "column", "twice", NULL);
  assert_refused (HEAD ", \"activities\": [{\"name\": \"a\", \"name\": \"b\"}]}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "“name”", "twice", NULL);
  assert_refused (HEAD ", \"year\": 2027}", POA_PLAN_JSON_ERROR_SYNTAX, "“year”", NULL);
  /* The key as written, escapes and all, is what is named (decoded, control characters escaped). */
  assert_refused (HEAD ", \"a\\\"b\": 1, \"a\\u0022b\": 2}", POA_PLAN_JSON_ERROR_SYNTAX, "“a\"b”", NULL);
  assert_refused (HEAD ", \"\\u001b[2J\": 1, \"\\u001b[2J\": 2}", POA_PLAN_JSON_ERROR_SYNTAX,
                  "“\\u001B[2J”", NULL);
}

/* A second document after the first was ignored. */
static void
test_refuses_trailing_data (void)
{
  assert_refused (HEAD "} {\"format\": \"poa-plan\", \"version\": 1, \"year\": 2027}",
                  POA_PLAN_JSON_ERROR_SYNTAX, "line 1", "column", "one plan", NULL);
  assert_refused (HEAD "}\n[]\n", POA_PLAN_JSON_ERROR_SYNTAX, "line 2", "one plan", NULL);
  assert_refused (HEAD "}}", POA_PLAN_JSON_ERROR_SYNTAX, "one plan", NULL);

  /* White space after the plan is not data. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaPlan) plan = parse (HEAD "}\n\n  \t\r\n", &error);

    g_assert_no_error (error);
  }
}

/* Issue 14, item 2: tab and newline are kept; other C0 and C1 controls, U+FFFE, U+FFFF and NUL
 * are refused naming the field. "antes\u0000despues" was stored as "antes". */
static void
test_text_rule (void)
{
  assert_refused (HEAD ", \"area\": \"A\\u000bB\"}", POA_PLAN_JSON_ERROR_INVALID,
                  "“area”", "U+000B", NULL);
  assert_refused (HEAD ", \"area\": \"antes\\u0000despues\"}", POA_PLAN_JSON_ERROR_INVALID,
                  "“area”", "U+0000", "character 6", NULL);
  assert_refused (HEAD ", \"municipality\": \"x\\u001b[31m\"}", POA_PLAN_JSON_ERROR_INVALID,
                  "“municipality”", "U+001B", NULL);
  assert_refused (HEAD ", \"activities\": [{}, {\"name\": \"\\r\"}]}", POA_PLAN_JSON_ERROR_INVALID,
                  "activity 2", "“name”", "U+000D", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"name\": \"\\u0085\"}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "budget line 1", "“name”", "U+0085", NULL);
  assert_refused (HEAD ", \"signatures\": [{\"name\": \"ok\", \"title\": \"L\\u009fic.\"}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "signature 1", "“title”", "U+009F", NULL);
  assert_refused (HEAD ", \"indicators\": [{\"formula\": \"a\\uFFFEb\"}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "indicator 1", "“formula”", "U+FFFE", NULL);
  assert_refused (HEAD ", \"observations\": \"\\uffff\"}", POA_PLAN_JSON_ERROR_INVALID,
                  "“observations”", "U+FFFF", "character 1", NULL);
  /* The same characters written raw in the file, not as escapes: U+0085, U+FFFE as UTF-8 (a raw
   * C0 control in a string is not JSON at all). */
  assert_refused (HEAD ", \"area\": \"a\xc2\x85\"}", POA_PLAN_JSON_ERROR_INVALID, "“area”", "U+0085", NULL);
  assert_refused (HEAD ", \"area\": \"a\xef\xbf\xbe\"}", POA_PLAN_JSON_ERROR_INVALID, "“area”", "U+FFFE", NULL);
  assert_refused (HEAD ", \"area\": \"a\x0b\"}", POA_PLAN_JSON_ERROR_SYNTAX, "line 1", NULL);
  /* A date is a text too: a NUL must not cut it short into a valid date. */
  assert_refused (HEAD ", \"activities\": [{\"start\": \"2026-01-01\\u0000x\"}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "“start”", NULL);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaPlan) plan = parse (HEAD ", \"area\": \"a\\tb\\nc\", \"direction\": \"\\u00a0\\u007f\\u00a9\"}", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (poa_plan_get_area (plan), ==, "a\tb\nc");
    g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_DIRECTION), ==, "\xc2\xa0\x7f\xc2\xa9");
  }
}

/* Issue 14, item 8: three decimals are refused whatever the size (12345.678 became 12345.68);
 * 2^63 is too large, not "negative"; the total has a ceiling. */
static void
test_amounts (void)
{
  GString *many = g_string_new (HEAD ", \"budget\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaBudgetLine) line = NULL;

  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 12345.678}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "budget line 1", "“amount”", "two decimals", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 100.001}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "“amount”", "two decimals", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 999999999999.999}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "“amount”", "two decimals", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 9223372036854775808}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "“amount”", "too large", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 1000000000000.01}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "“amount”", "too large", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 18446744073709551616}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "too large", NULL);
  assert_refused (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": -9223372036854775809}]}",
                  POA_PLAN_JSON_ERROR_INVALID, "negative", NULL);

  /* The ceiling itself is accepted, to the centavo. */
  plan = parse (HEAD ", \"budget\": [{\"code\": \"2111\", \"amount\": 1000000000000.00},"
                " {\"code\": \"2112\", \"amount\": 999999999999.99}]}", &error);
  g_assert_no_error (error);
  line = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (plan)), 1);
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, G_GINT64_CONSTANT (99999999999999));

  /* Ten amounts at their ceiling are the total's ceiling; one centavo more is refused. */
  for (guint i = 0; i < 10; i++)
    g_string_append (many, "{\"code\": \"2111\", \"amount\": 1000000000000}, ");
  g_string_append (many, "{\"code\": \"2111\", \"amount\": 0}]}");
  g_clear_object (&plan);
  plan = parse (many->str, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, G_GINT64_CONSTANT (1000000000000000));

  g_string_truncate (many, many->len - strlen ("0}]}"));
  g_string_append (many, "0.01}]}");
  assert_refused (many->str, POA_PLAN_JSON_ERROR_INVALID, "budget line 11", "total",
                  "$ 10,000,000,000,000.01", "$ 10,000,000,000,000.00", NULL);
  g_string_free (many, TRUE);
}

/* Issue 14, item 11: an unknown key is the user's text; its escape sequences must not reach
 * the terminal, and 100,000 of them must not make a line of 1.4 MB. */
static void
test_unknown_keys_are_quoted_safely (void)
{
  GString *text = g_string_new (HEAD);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = NULL;

  assert_refused (HEAD ", \"\\u001b]0;owned\\u0007\\u001b[2J\": 1}", POA_PLAN_JSON_ERROR_INVALID,
                  "unknown key “\\u001B]0;owned\\u0007\\u001B[2J”", NULL);
  assert_refused (HEAD ", \"\\u009b31m\": 1}", POA_PLAN_JSON_ERROR_INVALID, "“\\u009B31m”", NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, ", \"k%u\": 0", i);
  g_string_append (text, "}");
  plan = parse (text->str, &error);
  g_assert_null (plan);
  g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "plan.json: unknown keys “k0”, “k1”, “k2”, “k3”, “k4” and 99995 more");
  g_string_free (text, TRUE);

  /* Six keys: five named, one counted. */
  assert_refused (HEAD ", \"a\": 1, \"b\": 1, \"c\": 1, \"d\": 1, \"e\": 1, \"f\": 1}",
                  POA_PLAN_JSON_ERROR_INVALID, "“e” and 1 more", NULL);
  /* A long key is cut. */
  {
    g_autofree char *key = g_strnfill (1000, 'x');
    g_autofree char *long_key = g_strdup_printf (HEAD ", \"%s\": 1}", key);
    g_autoptr(GError) long_error = NULL;
    g_autoptr(PoaPlan) none = parse (long_key, &long_error);

    g_assert_null (none);
    g_assert_cmpuint (strlen (long_error->message), <, 200);
  }
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

/* The reader decodes the usual spelling of an activity itself and leaves every other spelling
 * (a \u escape, 20.0) to jansson: both must read the same activity. In each pair one spelling
 * goes to each decoder (escapes, numbers, keys in another order, spaces, nulls, members after
 * the activities), and both must read to the same plan; a few fields are also checked by hand. */
static void
test_spellings_read_alike (void)
{
  static const struct {
    const char *plain;
    const char *variant;
  } cases[] = {
    { "{\"number\": 7, \"name\": \"Aé/b\\n\\\"c\\\"\", \"annual_goal\": 20}",
      "{\"annual_goal\": 20.0, \"name\": \"A\\u00e9\\/b\\u000a\\u0022c\\\"\", \"number\": 7e0}" },
    { "{\"name\": \"x\", \"start\": \"2026-02-01\", \"end\": \"2026-04-30\"}",
      "{ \"end\" : \"2026-04-30\" ,\n\t\"start\":\"2026-02-01\",\r\n \"name\":\"\\u0078\", \"months\": null }" },
    { "{\"name\": \"y\", \"achieved\": 5, \"months\": [1, 12], \"calendar\": [{\"month\": 3, \"programmed\": 2, \"achieved\": 4, \"note\": \"nota\"}], \"justifications\": [{\"quarter\": 1, \"text\": \"porque\"}]}",
      "{\"justifications\": [{\"text\": \"porqu\\u0065\", \"quarter\": 1.0}], \"calendar\": [{\"note\": \"nota\", \"achieved\": 4, \"month\": 3, \"programmed\": 2}], \"months\": [12, 1, 12], \"achieved\": 5, \"name\": \"y\"}" },
    { "{\"name\": \"\\u007a\", \"calendar\": []}",
      "{\"calendar\": [ ], \"name\": \"z\", \"justifications\": null, \"unit\": null}" },
    { "{\"name\": \"a\\u002fb\\u0009c\\u005c\\u0022\\u000a\", \"programmed\": 3e0}",
      "{\"name\": \"a\\/b\\tc\\\\\\\"\\n\", \"programmed\": 3}" },
    { "{}", "{ }" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *plain_text = g_strdup_printf (
        "{\"format\": \"poa-plan\", \"version\": 2, \"year\": 2026, \"area\": \"Á\", \"activities\": [%s, %s],"
        " \"budget\": [{\"code\": \"1\", \"amount\": 2}]}", cases[i].plain, cases[i].plain);
      g_autofree char *variant_text = g_strdup_printf (
        "{\"budget\": [{\"amount\": 2.00, \"code\": \"1\"}], \"activities\": [%s, %s], \"year\": 2026,"
        " \"area\": \"\\u00c1\", \"version\": 2, \"format\": \"poa-plan\"}", cases[i].plain, cases[i].variant);
      g_autoptr(PoaPlan) plain = parse (plain_text, &error);
      g_autoptr(PoaPlan) variant = NULL;

      g_assert_no_error (error);
      variant = parse (variant_text, &error);
      g_assert_no_error (error);
      g_assert_true (poa_plan_equal (plain, variant));
    }

  /* By hand: the first case, both spellings. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaPlan) plan = parse ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": ["
                                     "{\"number\": 7, \"name\": \"Aé/b\\n\\\"c\\\"\", \"annual_goal\": 20},"
                                     "{\"annual_goal\": 20.0, \"name\": \"A\\u00e9\\/b\\u000a\\u0022c\\\"\"}]}",
                                     &error);
    GListModel *activities;

    g_assert_no_error (error);
    activities = G_LIST_MODEL (poa_plan_get_activities (plan));
    g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(PoaActivity) a = g_list_model_get_item (activities, i);

        g_assert_cmpstr (poa_activity_get_name (a), ==, "A\xc3\xa9/b\n\"c\"");
        g_assert_cmpuint (poa_activity_get_goal (a, POA_ACTIVITY_ANNUAL_GOAL), ==, 20);
        /* The first says its number; the second is numbered by its place. */
        g_assert_cmpuint (poa_activity_get_number (a), ==, i == 0 ? 7 : 2);
      }
  }
}

/* A fault deep in a big file is said as it always was, and a fault of the file's grammar after
 * it is said first, as when the file was read whole. */
static void
test_faults_far_in_a_big_file (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = NULL;

  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (text, "%s\n{\"number\": %u, \"name\": \"Actividad %u\", \"annual_goal\": %d}",
                            i > 1 ? "," : "", i, i, i == 2500 ? -4 : 1);
  g_string_append (text, "\n]}");

  plan = parse (text->str, &error);
  g_assert_null (plan);
  g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "plan.json: activity 2500: "));
  g_assert_nonnull (strstr (error->message, "annual_goal"));
  g_clear_error (&error);

  /* The same, with a comma too many at the end: line 3002, column 2. */
  g_string_truncate (text, text->len - 3);
  g_string_append (text, ",\n]}");
  plan = parse (text->str, &error);
  g_assert_null (plan);
  g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 3002"));
}

/* poa_plan_json_reader_*: the plan without its activities, then each in turn. */
static void
test_reader_hands_on_activities (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("poa-test-reader-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(PoaPlanJsonReader) reader = NULL;
  PoaPlan *plan;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path,
                                      "{\"activities\": [{\"name\": \"uno\"}, {\"name\": \"dos\", \"achieved\": 1.0}, {}],"
                                      " \"format\": \"poa-plan\", \"version\": 1, \"year\": 2031, \"area\": \"Obras\"}",
                                      -1, NULL));
  reader = poa_plan_json_reader_open (path, &error);
  g_assert_no_error (error);
  plan = poa_plan_json_reader_get_plan (reader);
  g_assert_cmpuint (poa_plan_get_year (plan), ==, 2031);
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_AREA), ==, "Obras");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))), ==, 0);

  for (;;)
    {
      g_autoptr(PoaActivity) activity = NULL;
      const char *names[] = { "uno", "dos", "" };

      g_assert_true (poa_plan_json_reader_next (reader, &activity, &error));
      g_assert_no_error (error);
      if (activity == NULL)
        break;
      g_assert_cmpuint (n, <, 3);
      g_assert_cmpstr (poa_activity_get_name (activity), ==, names[n]);
      g_assert_cmpuint (poa_activity_get_number (activity), ==, n + 1);
      n++;
    }
  g_assert_cmpuint (n, ==, 3);

  g_unlink (path);
  g_rmdir (dir);
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
  g_test_add_func ("/plan-json/read/spellings-read-alike", test_spellings_read_alike);
  g_test_add_func ("/plan-json/read/faults-far-in-a-big-file", test_faults_far_in_a_big_file);
  g_test_add_func ("/plan-json/read/reader-hands-on-activities", test_reader_hands_on_activities);
  g_test_add_func ("/plan-json/strict/refuses-numbers-json-does-not-have", test_refuses_numbers_json_does_not_have);
  g_test_add_func ("/plan-json/strict/refuses-duplicate-keys", test_refuses_duplicate_keys);
  g_test_add_func ("/plan-json/strict/refuses-trailing-data", test_refuses_trailing_data);
  g_test_add_func ("/plan-json/strict/text-rule", test_text_rule);
  g_test_add_func ("/plan-json/strict/amounts", test_amounts);
  g_test_add_func ("/plan-json/strict/unknown-keys-are-quoted-safely", test_unknown_keys_are_quoted_safely);

  return g_test_run ();
}
