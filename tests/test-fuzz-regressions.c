/* test-fuzz-regressions.c — what the fuzzers found, kept: every seed and every input that once
 * crashed a reader goes through the fuzz targets on every run of the suite.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-targets.h"
#include "poa-plan-json.h"
#include "poa-plan.h"

typedef int (*Target) (const guint8 *data,
                       gsize         size);

/* Feeds every file of tests/fuzz/KIND/@name to @target; a missing folder holds nothing yet. */
static guint
replay (const char *kind,
        const char *name,
        Target      target)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", kind, name, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *file;
  guint n = 0;

  while (d != NULL && (file = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_test_message ("%s", path);
      target ((const guint8 *)contents, length);
      n++;
    }

  return n;
}

static void
test_replay (gconstpointer data)
{
  const char *name = data;
  Target target = g_str_equal (name, "plan-json") ? poa_fuzz_plan_json
                : g_str_equal (name, "money") ? poa_fuzz_money
                : g_str_equal (name, "text") ? poa_fuzz_text
                : g_str_equal (name, "xlsx") ? poa_fuzz_xlsx
                : poa_fuzz_date;
  guint seeds = replay ("corpus", name, target);
  guint regressions = replay ("regressions", name, target);

  g_test_message ("%s: %u seeds, %u regressions", name, seeds, regressions);
  g_assert_cmpuint (seeds, >, 0);
}

/* Found by hand while setting up the fuzzers: json-glib recurses once per level, and a file of
 * nested "[" crashed `poa import` with a stack overflow. */
static void
test_deep_nesting_is_refused (void)
{
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_json_parse (deep, strlen (deep), "profundo.json", &error);

  g_assert_null (plan);
  g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "profundo.json, line 1, column 65:"));
}

/* Found by libFuzzer with UBSan: a whole number was cast to an integer before its range was
 * checked, undefined behaviour for 1e300; now it is refused like any out-of-range goal. */
static void
test_huge_goal_is_refused (void)
{
  const char *numbers[] = { "1e300", "-1e300", "4294967296.0", "20.5", "1e9", "1000000001" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text =
        g_strdup_printf ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026,"
                         " \"activities\": [{\"annual_goal\": %s}]}", numbers[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaPlan) plan = poa_plan_json_parse (text, strlen (text), "meta.json", &error);

      if (g_str_equal (numbers[i], "1e9"))
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "annual_goal"));
    }
}

/* Found by libFuzzer: json-glib reads "\udad0" (half a UTF-16 pair) as bytes that are not UTF-8;
 * the plan was accepted, and its export could not be imported again. */
static void
test_lone_surrogate_is_refused (void)
{
  const char *texts[] = {
    "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"area\": \"rec\\udad0dos\"}",
    "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"name\": \"\\udc00\"}]}",
    "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"\\ud800\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaPlan) plan = poa_plan_json_parse (texts[i], strlen (texts[i]), "mitad.json", &error);

      /* Refused, by json-glib or by POA, with a message that can be shown. */
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (error->domain == POA_PLAN_JSON_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "mitad.json"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("%s", error->message);
    }

  /* A whole pair is a character, and stays one. */
  {
    const char *pair = "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"area\": \"\\ud83d\\ude00\"}";
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaPlan) plan = poa_plan_json_parse (pair, strlen (pair), "par.json", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (poa_plan_get_area (plan), ==, "😀");
  }
}

/* A plan as deep as the format is must still read: the limit is far above it. */
static void
test_nesting_of_a_plan_is_accepted (void)
{
  const char *text = "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026,"
                     " \"activities\": [{\"months\": [1, 2]}], \"area\": \"[{[{\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_json_parse (text, strlen (text), "plan.json", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, "[{[{");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/fuzz/replay/plan-json", "plan-json", test_replay);
  g_test_add_data_func ("/fuzz/replay/money", "money", test_replay);
  g_test_add_data_func ("/fuzz/replay/date", "date", test_replay);
  g_test_add_data_func ("/fuzz/replay/text", "text", test_replay);
  g_test_add_data_func ("/fuzz/replay/xlsx", "xlsx", test_replay);
  g_test_add_func ("/fuzz/plan-json/deep-nesting-is-refused", test_deep_nesting_is_refused);
  g_test_add_func ("/fuzz/plan-json/nesting-of-a-plan-is-accepted", test_nesting_of_a_plan_is_accepted);
  g_test_add_func ("/fuzz/plan-json/huge-goal-is-refused", test_huge_goal_is_refused);
  g_test_add_func ("/fuzz/plan-json/lone-surrogate-is-refused", test_lone_surrogate_is_refused);

  return g_test_run ();
}
