/* test-cli-backup.c — `poa backup` and `poa restore`, run as a script would run them.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-cli-util.h"
#include "test-sqlite.h"
#include "test-util.h"

typedef TestFiles Fixture;

/* A database with two plans, and a backup of it taken when it had only the first. */
static void
make_two_plans_and_a_backup (Fixture *fixture)
{
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run (&r, "--db", fixture->db, "export", "--output", json);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run (&r, "--db", fixture->db, "import", "--keep-both", json);
  g_assert_cmpstr (r.out, ==, "2\n");
}

static void
test_backup_writes_a_private_copy (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *check = NULL;

  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "");

  test_assert_private (fixture->backup);
  check = test_sql_text (fixture->backup, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (test_sql_int (fixture->backup, "SELECT count(*) FROM activity"), ==, 16);
}

static void
test_backup_failure_names_the_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "r.sqlite3", NULL);
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "backup", "-o", missing);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  result_clear (&r);

  run (&r, "--db", fixture->db, "backup", "--output", fixture->db);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, fixture->db);
}

static void
test_restore_replaces_and_prints_the_kept_copy (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *kept = NULL;

  make_two_plans_and_a_backup (fixture);

  run (&r, "--db", fixture->db, "restore", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, fixture->db));
  g_assert_true (g_str_has_suffix (r.out, ".bak\n"));
  kept = g_strndup (r.out, strlen (r.out) - 1);
  test_assert_private (kept);
  g_assert_cmpint (test_sql_int (kept, "SELECT count(*) FROM plan"), ==, 2);
  result_clear (&r);

  assert_lists_default_plan (fixture->db);
}

static void
test_restore_refuses_bad_backups_untouched (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notas.sqlite3", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "contactos.sqlite3", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "nuevo.sqlite3", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-existe.sqlite3", NULL);
  const char *cases[] = { text, other, newer, missing };
  g_autofree char *before = NULL;
  g_auto(Result) r = { 0 };

  test_write_file (text, "Esto no es un respaldo.\n");
  test_sql_exec (other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  run (&r, "--db", fixture->db, "backup", "--output", newer);
  g_assert_cmpint (r.status, ==, 0);
  test_sql_exec (newer, "PRAGMA user_version = 7;");
  before = test_file_checksum (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *after = NULL;

      result_clear (&r);
      run (&r, "--db", fixture->db, "restore", cases[i]);
      g_assert_cmpint (r.status, ==, 2);
      assert_one_error_line (&r, cases[i]);

      after = test_file_checksum (fixture->db);
      g_assert_cmpstr (before, ==, after);
      backups = test_list_backups (fixture->db);
      g_assert_cmpuint (backups->len, ==, 0);
    }
}

static void
test_restore_over_a_damaged_database (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *damaged = NULL;
  g_autofree char *kept_sum = NULL;
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  test_write_file (fixture->db, "SQLite format 3, o lo que queda de él");
  damaged = test_file_checksum (fixture->db);
  result_clear (&r);

  run (&r, "--db", fixture->db, "plans");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  run (&r, "--db", fixture->db, "restore", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  g_strchomp (r.out);
  kept_sum = test_file_checksum (r.out);
  g_assert_cmpstr (kept_sum, ==, damaged);
  result_clear (&r);

  assert_lists_default_plan (fixture->db);
}

/* Another program's database at the path is its, not a damaged POA file: never replaced. */
static void
test_restore_refuses_another_programs_database (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "contactos.sqlite3", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  test_sql_exec (other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  before = test_file_checksum (other);
  run (&r, "--db", other, "restore", fixture->backup);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, other));
  after = test_file_checksum (other);
  g_assert_cmpstr (before, ==, after);
}

static void
test_restore_creates_a_missing_database (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (fixture->dir, "nueva.sqlite3", NULL);
  g_auto(Result) r = { 0 };

  make_two_plans_and_a_backup (fixture);
  result_clear (&r);
  run (&r, "--db", fresh, "restore", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  test_assert_private (fresh);
  result_clear (&r);

  assert_lists_default_plan (fresh);
}

/* Issue 14, item 3: backups with POA's application id that are not whole POA databases of
 * their version. Each is refused before anything changes (the database keeps its bytes, no copy
 * is kept), and a good backup restored afterwards works. */
static void
test_restore_checks_the_whole_backup_first (Fixture       *fixture,
                                            gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *sql;
  } cases[] = {
    { "version 0 with tables", "PRAGMA user_version = 0;" },
    { "version 1 without tables",
      "PRAGMA writable_schema = ON; DELETE FROM sqlite_schema; PRAGMA writable_schema = OFF;"
      "PRAGMA user_version = 1;" },
    { "version -1", "PRAGMA user_version = -1;" },
    { "no generation table", "DROP TABLE generation;" },
    { "a CHECK constraint broken",
      "PRAGMA ignore_check_constraints = ON; UPDATE plan SET year = 1999;" },
    { "a missing column", "ALTER TABLE indicator DROP COLUMN formula;" },
    { "a trigger", "CREATE TRIGGER t AFTER INSERT ON plan BEGIN DELETE FROM activity; END;" },
    { "a row without its plan",
      "PRAGMA foreign_keys = OFF; UPDATE activity SET plan_id = 77 WHERE id = 1;" },
  };
  g_autofree char *bad = g_build_filename (fixture->dir, "malo.sqlite3", NULL);
  g_auto(Result) r = { 0 };

  make_two_plans_and_a_backup (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("a backup with %s", cases[i].name);
      g_assert_true (g_file_get_contents (fixture->backup, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (bad, contents, length, NULL));
      test_sql_exec (bad, cases[i].sql);
      before = test_file_checksum (fixture->db);

      result_clear (&r);
      run (&r, "--db", fixture->db, "restore", bad);
      g_assert_cmpint (r.status, ==, 2);
      assert_one_error_line (&r, bad);
      g_assert_cmpstr (r.out, ==, "");
      after = test_file_checksum (fixture->db);
      g_assert_cmpstr (before, ==, after);
      backups = test_list_backups (fixture->db);
      g_assert_cmpuint (backups->len, ==, 0);

      result_clear (&r);
      run (&r, "--db", fixture->db, "plans");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n"
                                  "2\t2026\tMigrantes y Ex braceros\t16\n");
    }

  result_clear (&r);
  run (&r, "--db", fixture->db, "restore", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, ".bak\n"));
  result_clear (&r);
  assert_lists_default_plan (fixture->db);
}

/* Whatever state the database is in, a good backup repairs it, and the copy kept of it is
 * named. */
static void
test_restore_repairs_any_database (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char *damage[] = {
    "PRAGMA user_version = -1;",
    "PRAGMA user_version = 0;",
    "DROP TABLE generation;",
    "DROP TABLE activity;",
    "ALTER TABLE indicator DROP COLUMN formula;",
    "PRAGMA ignore_check_constraints = ON; UPDATE plan SET year = 1999;",
  };
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (damage) + 1; i++)
    {
      g_autofree char *kept = NULL;

      if (i < G_N_ELEMENTS (damage))
        {
          g_test_message ("a database after %s", damage[i]);
          test_sql_exec (fixture->db, damage[i]);
        }
      else
        {
          g_test_message ("a database overwritten with garbage");
          test_write_file (fixture->db, "basura basura basura");
        }

      result_clear (&r);
      run (&r, "--db", fixture->db, "restore", fixture->backup);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_str_has_suffix (r.out, ".bak\n"));
      kept = g_strndup (r.out, strlen (r.out) - 1);
      g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

      result_clear (&r);
      run (&r, "--db", fixture->db, "plans");
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n");
    }
}

/* With every debug message switched on, nothing from the plans reaches stderr: only errors,
 * which name files. */
static void
test_no_plan_text_in_the_log (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *personal[] = {
    "Paulo", "Hinojosa", "Migrantes", "Corazón", "Brindar", "Papelería", "Zacarías", NULL
  };
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "malo.json", NULL);
  const char *env[] = { "G_MESSAGES_DEBUG=all", NULL };
  g_autoptr(GString) log = g_string_new (NULL);
  const char *commands[][4] = {
    { "plans", NULL },
    { "check", NULL },
    { "export", "--output", json, NULL },
    { "import", "--keep-both", json, NULL },
    { "import", bad, NULL },
    { "backup", "--output", fixture->backup, NULL },
    { "restore", fixture->backup, NULL },
  };

  test_write_file (bad, "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, "
                        "\"area\": \"Zacarías\", \"colour\": 1}");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) r = { 0 };

      run_env (&r, env, "--db", fixture->db, commands[i][0], commands[i][1], commands[i][2],
               commands[i][3], NULL);
      g_assert_cmpint (r.status, <=, 2);
      g_string_append (log, r.err);
    }

  g_test_message ("stderr of all the commands:\n%s", log->str);
  for (guint i = 0; personal[i] != NULL; i++)
    if (strstr (log->str, personal[i]) != NULL)
      g_error ("“%s” reached the log:\n%s", personal[i], log->str);
}

/* Issue 14, item 4: user_version −1 aborted every command (exit 134), and a current database
 * set back to version 0 wrote a new full-size copy beside itself on every start. Both get the
 * one-line refusal of a damaged file, write nothing, and a restore of a good backup repairs them. */
static void
test_schema_version_set_back_is_refused (Fixture       *fixture,
                                         gconstpointer  data)
{
  const int versions[] = { -1, 0, 1, 2, G_MININT32 };
  g_autofree char *bad_backup = g_build_filename (fixture->dir, "malo.bak", NULL);
  g_auto(Result) setup = { 0 };

  run (&setup, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (setup.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %d", versions[i]);
      g_autofree char *mention = g_strdup_printf ("database version, %d", versions[i]);
      g_autofree char *before = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_auto(Result) restored = { 0 };
      g_auto(Result) plans = { 0 };

      g_test_message ("user_version %d", versions[i]);
      test_sql_exec (fixture->db, set);
      before = test_file_checksum (fixture->db);

      /* Five starts: five refusals, not five copies. */
      for (guint start = 0; start < 5; start++)
        {
          g_auto(Result) r = { 0 };
          g_autofree char *after = NULL;

          run (&r, "--db", fixture->db, "plans");
          g_assert_cmpint (r.status, ==, 2);
          assert_one_error_line (&r, fixture->db);
          assert_one_error_line (&r, "is damaged");
          assert_one_error_line (&r, mention);
          after = test_file_checksum (fixture->db);
          g_assert_cmpstr (before, ==, after);
        }
      backups = test_list_backups (fixture->db);
      g_assert_cmpuint (backups->len, ==, i);

      /* A good backup repairs it, and the kept copy is named. */
      run (&restored, "--db", fixture->db, "restore", fixture->backup);
      g_assert_cmpint (restored.status, ==, 0);
      g_assert_true (g_str_has_suffix (g_strchomp (restored.out), ".bak"));
      g_assert_true (g_file_test (restored.out, G_FILE_TEST_EXISTS));
      run (&plans, "--db", fixture->db, "plans");
      g_assert_cmpint (plans.status, ==, 0);
      g_assert_cmpstr (plans.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n");
    }

  /* A backup so made is refused before anything changes. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *before = test_file_checksum (fixture->db);
    g_autofree char *after = NULL;
    gsize length = 0;
    g_auto(Result) r = { 0 };

    g_assert_true (g_file_get_contents (fixture->backup, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (bad_backup, contents, length, NULL));
    test_sql_exec (bad_backup, "PRAGMA user_version = -1");
    run (&r, "--db", fixture->db, "restore", bad_backup);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "malo.bak");
    assert_one_error_line (&r, "cannot be restored");
    after = test_file_checksum (fixture->db);
    g_assert_cmpstr (before, ==, after);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/cli/backup/writes-a-private-copy", test_backup_writes_a_private_copy);
  ADD ("/cli/backup/failure-names-the-file", test_backup_failure_names_the_file);
  ADD ("/cli/restore/replaces-and-prints-the-kept-copy", test_restore_replaces_and_prints_the_kept_copy);
  ADD ("/cli/restore/refuses-bad-backups-untouched", test_restore_refuses_bad_backups_untouched);
  ADD ("/cli/restore/over-a-damaged-database", test_restore_over_a_damaged_database);
  ADD ("/cli/restore/creates-a-missing-database", test_restore_creates_a_missing_database);
  ADD ("/cli/restore/refuses-another-programs-database", test_restore_refuses_another_programs_database);
  ADD ("/cli/restore/checks-the-whole-backup-first", test_restore_checks_the_whole_backup_first);
  ADD ("/cli/restore/repairs-any-database", test_restore_repairs_any_database);
  ADD ("/cli/privacy/no-plan-text-in-the-log", test_no_plan_text_in_the_log);
  ADD ("/cli/db/schema-version-set-back-is-refused", test_schema_version_set_back_is_refused);
#undef ADD

  return g_test_run ();
}
