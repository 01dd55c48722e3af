/* test-store.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-indicator.h"
#include "poa-plan.h"
#include "poa-opening.h"
#include "poa-signature.h"
#include "poa-store-private.h"
#include "test-plans.h"
#include "test-sqlite.h"
#include "test-util.h"

typedef TestFiles Fixture;

static void
test_new_database_holds_the_default_plan (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(GPtrArray) plans = NULL;
  PoaPlanSummary *summary;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  plans = poa_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  summary = g_ptr_array_index (plans, 0);
  g_assert_cmpuint (summary->year, ==, 2026);
  g_assert_cmpstr (summary->area, ==, "Migrantes y Ex braceros");
  g_assert_cmpuint (summary->n_activities, ==, 16);

  /* Readable by its owner only. */
  g_assert_cmpint (g_stat (fixture->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA user_version"), ==, POA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA application_id"), ==, 0x504f4131);
}

static void
test_reopen_keeps_the_plans (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(PoaPlan) first = NULL;
  g_autoptr(PoaPlan) second = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = poa_store_resolve_plan (store, 0, &error);
  g_assert_no_error (error);
  first = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Reopening must not add the default plan again. */
  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  plans = poa_store_list_plans (store, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  second = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (first, second));
}

static PoaPlan *
awkward_plan (void)
{
  PoaPlan *plan = poa_plan_new (2027);
  g_autoptr(PoaActivity) a = poa_activity_new ();
  g_autoptr(PoaActivity) b = poa_activity_new ();
  g_autoptr(PoaIndicator) indicator = NULL;
  g_autoptr(PoaBudgetLine) line = NULL;
  GDate start, end;

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Señalización «%u» — año, niño, acción, ü, “comillas”, 'apóstrofo'\nsegunda línea\t✓", i);
      poa_plan_set_text (plan, i, text);
    }
  poa_signature_set_name (poa_plan_get_signature (plan, 0), "Ma. Guadalupe Núñez Ibáñez");
  poa_plan_set_semaforo_green (plan, 100);
  poa_plan_set_semaforo_yellow (plan, 0);
  poa_signature_set_title (poa_plan_get_signature (plan, 2), "Presidenta Municipal");

  poa_activity_set_number (a, 7);
  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Campaña %u: “¿Año nuevo?” \\ ; DROP TABLE plan; --", i);
      poa_activity_set_text (a, i, text);
    }
  poa_activity_set_goal (a, POA_ACTIVITY_ANNUAL_GOAL, POA_GOAL_MAX);
  poa_activity_set_goal (a, POA_ACTIVITY_PROGRAMMED, 0);
  poa_activity_set_goal (a, POA_ACTIVITY_ACHIEVED, 13);
  g_date_set_dmy (&start, 29, 2, 2028);
  g_date_set_dmy (&end, 1, 1, 2027);
  poa_activity_set_start (a, &start);
  poa_activity_set_end (a, &end);
  poa_activity_set_months (a, 0x855);

  /* b keeps every default: empty texts, no dates, no months. */
  g_list_store_append (poa_plan_get_activities (plan), a);
  g_list_store_append (poa_plan_get_activities (plan), b);

  indicator = poa_indicator_new ("Índice de Eficiencia", "1. Logradas\n2. Programadas", "L ÷ P × 100");
  g_list_store_append (poa_plan_get_indicators (plan), indicator);
  line = poa_budget_line_new ("2111", "Papelería y útiles, año 2027", 123456789012);
  g_list_store_append (poa_plan_get_budget (plan), line);

  return plan;
}

static void
test_every_field_round_trips (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(PoaPlan) plan = awkward_plan ();
  g_autoptr(PoaPlan) loaded = NULL;
  g_autoptr(PoaActivity) activity = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (poa_plan_get_id (plan), ==, id);

  activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_assert_cmpint (poa_activity_get_id (activity), >, 0);

  /* Through a new connection, so nothing comes from a cache. */
  g_clear_object (&store);
  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  loaded = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);

  g_assert_true (poa_plan_equal (plan, loaded));
  g_assert_cmpint (poa_plan_get_budget_total (loaded), ==, 123456789012);
  g_assert_cmpuint (poa_plan_get_semaforo_green (loaded), ==, 100);
  g_assert_cmpuint (poa_plan_get_semaforo_yellow (loaded), ==, 0);
  g_assert_cmpstr (poa_signature_get_name (poa_plan_get_signature (loaded, 0)), ==,
                   "Ma. Guadalupe Núñez Ibáñez");
}

static void
test_insert_is_all_or_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(PoaPlan) plan = awkward_plan ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* The last table written refuses the row: everything before it must roll back. */
  test_sql_exec (fixture->db,
           "CREATE TRIGGER refuse BEFORE INSERT ON budget_line "
           "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;");

  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), ==, 0);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fixture->db));
  g_clear_error (&error);
  g_assert_cmpint (poa_plan_get_id (plan), ==, 0);

  plans = poa_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM activity"), ==, 16);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM signature"), ==, 3);
}

static void
test_refuses_newer_schema (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  test_sql_exec (fixture->db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  before = test_file_checksum (fixture->db);

  store = poa_store_open (fixture->db, &error);
  g_assert_null (store);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->db));
  g_assert_nonnull (strstr (error->message, "99"));

  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

/* A file as POA wrote it before the semáforo's thresholds existed (schema version 1): made by
 * the real version-1 migration, with a plan in it, then opened by this program. */
static void
test_migrates_from_version_1 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  sqlite3 *db = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_poa_store_migrate_to (db, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO plan (year, area) VALUES (2025, 'Área de 2025');"
                                 "INSERT INTO budget_line (plan_id, position, code, name, centavos)"
                                 "  VALUES (last_insert_rowid (), 0, '2111', 'Papelería', 150000);"
                                 "COMMIT",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA user_version"), ==, 1);

  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA user_version"), ==, POA_STORE_SCHEMA_VERSION);

  /* The plan is kept, with the default thresholds, and no default plan is added to it. */
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan"), ==, 1);
  id = poa_store_resolve_plan (store, 0, &error);
  g_assert_no_error (error);
  plan = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_year (plan), ==, 2025);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, "Área de 2025");
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, 150000);
  g_assert_cmpuint (poa_plan_get_semaforo_green (plan), ==, POA_SEMAFORO_DEFAULT_GREEN);
  g_assert_cmpuint (poa_plan_get_semaforo_yellow (plan), ==, POA_SEMAFORO_DEFAULT_YELLOW);

  /* And the new columns take writes, within their limits. */
  poa_plan_set_semaforo_green (plan, 80);
  g_assert_true (poa_store_update_plan (store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT semaforo_green FROM plan"), ==, 80);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE plan SET semaforo_yellow = 101", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT semaforo_yellow FROM plan"), ==, 70);
}

static void
test_refuses_a_file_that_is_not_sqlite (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = g_strnfill (5000, 'x');

  test_write_file (fixture->db, text);
  before = test_file_checksum (fixture->db);

  store = poa_store_open (fixture->db, &error);
  g_assert_null (store);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->db));

  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_another_programs_database (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_sql_exec (fixture->db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  before = test_file_checksum (fixture->db);

  store = poa_store_open (fixture->db, &error);
  g_assert_null (store);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_FOREIGN);

  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

/* A file that lost its end is refused from its header, without reading it whole (which POA
 * does not do for big files). */
static void
test_truncation_is_found_from_the_header (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->db, contents, length - 4096, NULL));

  store = poa_store_open (fixture->db, &error);
  g_assert_null (store);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->db));
}

static void
test_missing_folder_is_named (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "poa.sqlite3", NULL);

  store = poa_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The file named on the command line comes first, then $POA_DB; neither has its folder
 * created, so that a typo in it is said rather than followed. */
static void
test_resolve_path_prefers_the_named_file (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *named_folder = g_build_filename (fixture->dir, "no-such-folder", NULL);
  g_autofree char *env_folder = g_build_filename (fixture->dir, "other-folder", NULL);
  g_autofree char *named = g_build_filename (named_folder, "a.sqlite3", NULL);
  g_autofree char *from_env = g_build_filename (env_folder, "b.sqlite3", NULL);
  g_autofree char *old_env = g_strdup (g_getenv ("POA_DB"));
  g_autofree char *path = NULL;

  g_setenv ("POA_DB", from_env, TRUE);

  path = poa_store_resolve_path (named, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, named);
  g_clear_pointer (&path, g_free);

  path = poa_store_resolve_path (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, from_env);

  g_assert_false (g_file_test (named_folder, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (env_folder, G_FILE_TEST_EXISTS));

  if (old_env != NULL)
    g_setenv ("POA_DB", old_env, TRUE);
  else
    g_unsetenv ("POA_DB");
}

static void
test_resolve_prefers_the_last_opened (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(PoaPlan) plan = awkward_plan ();
  gint64 first, second;

  g_assert_no_error (error);
  first = poa_store_resolve_plan (store, 0, &error);
  g_assert_no_error (error);
  second = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);

  /* Never opened: the newest plan. */
  g_assert_cmpint (poa_store_resolve_plan (store, 0, NULL), ==, second);
  g_assert_true (poa_store_mark_opened (store, first, &error));
  g_assert_cmpint (poa_store_resolve_plan (store, 0, NULL), ==, first);
  g_assert_cmpint (poa_store_resolve_plan (store, second, NULL), ==, second);

  g_assert_cmpint (poa_store_resolve_plan (store, 9999, &error), ==, 0);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
}

typedef struct
{
  guint    n_first;
  PoaPlan *plan;
} FirstRead;

static gboolean
first_read_cb (PoaPlan  *plan,
               gpointer  data)
{
  FirstRead *first = data;

  first->n_first = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  first->plan = plan;
  return TRUE;
}

/* A plan read in two parts (as the program opens a big one) is the plan read whole: the first
 * part has the header, budget, indicators and the first activities; the rest follows them in
 * the plan's order. */
static void
test_plan_in_parts_is_the_whole_plan (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
  g_autoptr(PoaPlan) big = test_plan_with_activities (1234);
  g_autoptr(PoaPlan) whole = NULL;
  g_autoptr(PoaPlan) parts = NULL;
  g_autoptr(PoaPlan) small = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  FirstRead first = { 0 };
  gint64 id;

  g_assert_no_error (error);
  id = poa_store_insert_plan (store, big, &error);
  g_assert_no_error (error);

  /* The plan moved around first, so that its order is not the rows' order in the file. */
  {
    g_autoptr(PoaActivity) last = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (big)), 1233);

    g_assert_true (poa_store_move_activity (store, last, 3, &error));
    g_list_store_remove (poa_plan_get_activities (big), 1233);
    g_list_store_insert (poa_plan_get_activities (big), 3, last);
  }

  whole = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (whole, big));

  parts = poa_store_load_plan_in_parts (store, id, 500, first_read_cb, &first, &rest, &error);
  g_assert_no_error (error);
  g_assert_true (first.plan == parts);
  g_assert_cmpuint (first.n_first, ==, 500);
  g_assert_cmpuint (rest->len, ==, 734);
  g_list_store_splice (poa_plan_get_activities (parts), 500, 0, rest->pdata, rest->len);
  g_assert_true (poa_plan_equal (parts, whole));

  /* A plan no bigger than the first part comes whole, with nothing after it. */
  g_clear_pointer (&rest, g_ptr_array_unref);
  first.plan = NULL;
  small = poa_store_load_plan_in_parts (store, 1, 500, first_read_cb, &first, &rest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first.n_first, ==, 16);
  g_assert_cmpuint (rest->len, ==, 0);
}

/* The opening thread of the window never creates or upgrades a database: it may belong to a
 * second start of the program, a newer one, handing its window over to a running POA. It says
 * so, and leaves the file as it was; a current database it reads whole. */
static void
test_opening_leaves_databases_as_they_are (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaStore) store = NULL;
  sqlite3 *db = NULL;

  /* None yet. */
  g_assert_false (poa_opening_finish (poa_opening_start (fixture->db, 0), &store, &plan, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_CURRENT);
  g_assert_null (plan);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_object (&store);

  /* An older schema. */
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_poa_store_migrate_to (db, 0, 1, &error));
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO plan (year, area) VALUES (2025, 'A'); COMMIT",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (poa_opening_finish (poa_opening_start (fixture->db, 0), &store, &plan, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_CURRENT);
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA user_version"), ==, 1);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Upgraded by the program that shows it, then read whole by the thread. */
  store = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (poa_opening_finish (poa_opening_start (fixture->db, 0), &store, &plan, &error));
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, "A");

  /* Dropped unfinished, as by a second start: nothing is left running. */
  poa_opening_free (poa_opening_start (fixture->db, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/store/open/new-database-holds-the-default-plan", test_new_database_holds_the_default_plan);
  ADD ("/store/open/reopen-keeps-the-plans", test_reopen_keeps_the_plans);
  ADD ("/store/open/refuses-a-file-that-is-not-sqlite", test_refuses_a_file_that_is_not_sqlite);
  ADD ("/store/open/refuses-another-programs-database", test_refuses_another_programs_database);
  ADD ("/store/open/missing-folder-is-named", test_missing_folder_is_named);
  ADD ("/store/open/resolve-path-prefers-the-named-file", test_resolve_path_prefers_the_named_file);
  ADD ("/store/open/truncation-is-found-from-the-header", test_truncation_is_found_from_the_header);
  ADD ("/store/migrate/refuses-newer-schema", test_refuses_newer_schema);
  ADD ("/store/migrate/from-version-1-keeps-the-plan-with-default-thresholds", test_migrates_from_version_1);
  ADD ("/store/plan/every-field-round-trips", test_every_field_round_trips);
  ADD ("/store/plan/insert-is-all-or-nothing", test_insert_is_all_or_nothing);
  ADD ("/store/plan/resolve-prefers-the-last-opened", test_resolve_prefers_the_last_opened);
  ADD ("/store/plan/in-parts-is-the-whole-plan", test_plan_in_parts_is_the_whole_plan);
  ADD ("/store/opening/leaves-databases-as-they-are", test_opening_leaves_databases_as_they_are);
#undef ADD

  return g_test_run ();
}
