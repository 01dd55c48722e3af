/* test-plan-file.c — big plan files through `poa import` and `poa export`, read and written an
 * activity at a time (issue 21), byte for byte as the whole-plan writer wrote them.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected texts are not the program's: the default plan's file is kept in data/json/ as
 * the writer before issue 21 wrote it, and the big plan's file is known by its SHA-256 as that
 * writer wrote it (POA_TEST_OLD_BINARY=path/to/an/older/poa compares with it byte for byte).
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-calendar.h"
#include "poa-default-plan.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "test-cli-util.h"
#include "test-plans.h"
#include "test-util.h"

/* The big plan's file as main's writer wrote it on 2026-12-05 (before issue 21). */
#define BIG_PLAN_SHA256 "168e4a3ebfc0d59fbdedf503ff992aadd76f6f86f786591b6ecf8259776dc6d4"
#define BIG_PLAN_ACTIVITIES 20000

/* A temporary folder with a database's name in it (test-util.h). */
typedef TestFiles Fixture;

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_assert_no_error (error);
  return data;
}

static void
assert_same_file (const char *path,
                  const char *expected_path)
{
  gsize length, expected_length;
  g_autofree char *data = read_file (path, &length);
  g_autofree char *expected = read_file (expected_path, &expected_length);

  g_assert_cmpuint (length, ==, expected_length);
  g_assert_true (memcmp (data, expected, length) == 0);
}

/* The default plan, written by `poa export` and by poa_plan_json_to_string(), is the file kept
 * in data/json/ byte for byte. */
static void
test_default_plan_as_before (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *golden = g_build_filename (g_getenv ("POA_TEST_JSON_DIR"), "default-plan.json", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize length;
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "export", "--output", out);
  g_assert_cmpint (r.status, ==, 0);
  assert_same_file (out, golden);

  g_assert_no_error (error);
  text = poa_plan_json_to_string (plan);
  expected = read_file (golden, &length);
  g_assert_cmpstr (text, ==, expected);
}

/* A plan of 20,000 activities, some with months (notes with quotes and line breaks) and
 * justifications, in the database; returns its id. */
static gint64
make_big_plan (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (db, &error);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (BIG_PLAN_ACTIVITIES);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  g_assert_no_error (error);
  poa_plan_set_text (plan, POA_PLAN_AREA, "Área \"grande\"");
  for (guint i = 0; i < BIG_PLAN_ACTIVITIES; i += 7)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
      guint achieved = 0;

      for (guint m = 1 + i % 3; m <= 12; m += 2)
        {
          g_autofree char *note = g_strdup_printf ("Mes %u: \"hecho\"\n\tsegún lo previsto \\ %u", m, i);

          poa_calendar_set_month (calendar, m, m, m % 3, m % 4 ? note : NULL);
          achieved += m % 3;
        }
      if (i % 11 == 0)
        poa_calendar_set_justification (calendar, 1 + i % 4, "Sin recursos en el trimestre");
      poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, achieved + i % 5);
      poa_activity_set_calendar (activity, calendar);
    }

  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), >, 0);
  g_assert_no_error (error);
  return poa_plan_get_id (plan);
}

/* `poa export` writes the big plan as it reads it from the store: the same bytes as the
 * whole-plan writer, and as the writer before issue 21 (its SHA-256). */
static void
test_big_plan_as_before (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "big.json", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, make_big_plan (fixture->db));
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *written = NULL;
  g_autofree char *sha = NULL;
  const char *old_binary = g_getenv ("POA_TEST_OLD_BINARY");
  gsize length;
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "--plan", id, "export", "--output", out);
  g_assert_cmpint (r.status, ==, 0);
  written = read_file (out, &length);
  g_assert_cmpuint (strlen (written), ==, length);
  g_assert_nonnull (strstr (written, "\"version\": 2"));

  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  plan = poa_store_load_plan (store, g_ascii_strtoll (id, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))), ==,
                    BIG_PLAN_ACTIVITIES);
  whole = poa_plan_json_to_string (plan);
  g_assert_true (g_str_equal (written, whole));

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)written, length);
  if (old_binary != NULL)
    {
      g_autofree char *old_out = g_build_filename (fixture->dir, "old.json", NULL);
      g_auto(Result) old = { 0 };

      run_binary_env (&old, old_binary, NULL, "--db", fixture->db, "--plan", id, "export",
                      "--output", old_out, NULL);
      g_assert_cmpint (old.status, ==, 0);
      assert_same_file (out, old_out);
    }
  g_assert_cmpstr (sha, ==, BIG_PLAN_SHA256);
}

/* The big file imported again and exported: the same file; with one bad activity deep in it,
 * nothing is written and the message names it. */
static void
test_big_plan_round_trips (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "big.json", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, make_big_plan (fixture->db));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *new_id = NULL;
  char *at;
  gsize length;

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "--plan", id, "export", "--output", out);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", "--keep-both", out);
    g_assert_cmpint (r.status, ==, 0);
    new_id = g_strdup (g_strstrip (r.out));
    g_assert_cmpstr (new_id, !=, id);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "--plan", new_id, "export", "--output", again);
    g_assert_cmpint (r.status, ==, 0);
    assert_same_file (again, out);
  }

  /* Activity 15,000's annual goal made negative (and not -0, which JSON reads as 0). */
  text = read_file (out, &length);
  at = strstr (text, "\"number\": 15000,");
  g_assert_nonnull (at);
  at = strstr (at, "\"annual_goal\": ");
  g_assert_nonnull (at);
  {
    g_autoptr(GString) changed = g_string_new (text);

    g_string_insert (changed, at - text + strlen ("\"annual_goal\": "), "-7");
    test_write_file (bad, changed->str);
  }

  before = test_file_checksum (fixture->db);
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", "--keep-both", bad);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "bad.json: activity 15000: ");
    assert_one_error_line (&r, "annual_goal");
  }
  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)

  ADD ("/plan-file/default-plan-as-before", test_default_plan_as_before);
  ADD ("/plan-file/big-plan-as-before", test_big_plan_as_before);
  ADD ("/plan-file/big-plan-round-trips", test_big_plan_round_trips);

  return g_test_run ();
}
