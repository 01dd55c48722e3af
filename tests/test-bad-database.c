/* test-bad-database.c — every way the database file can be wrong, on the command line: each is
 * said in one line that names the file, with exit status 2, and the folder is left as it was.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-cli-util.h"
#include "test-sqlite.h"
#include "test-system.h"
#include "test-util.h"

typedef TestFiles Fixture;

/* How many bad files the suite offered the program, for the report at the end. */
static guint n_bad_files;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* Every file in @dir with its checksum: "the folder is left as it was" means this is equal, so
 * no -wal, -shm or temporary file appeared either. */
static char *
snapshot (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sum = test_file_checksum (path);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s", name, sum));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

static void
make_database (const char *path)
{
  g_auto(Result) r = { 0 };

  run (&r, "--db", path, "plans");
  g_assert_cmpint (r.status, ==, 0);
}

/* `poa --db DB SUBCOMMAND` must refuse: exit 2, one line on stderr naming the file and saying
 * @why, nothing on stdout, and nothing changed in the folder. */
static void
assert_refused (const char           *db,
                const char           *subcommand,
                const char           *why,
                GSpawnChildSetupFunc  setup,
                gpointer              setup_data)
{
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *before = snapshot (folder);
  g_autofree char *after = NULL;
  g_auto(Result) r = { 0 };

  run_env_setup (&r, NULL, setup, setup_data, "--db", db, subcommand, NULL);
  if (r.status == 77 && setup != NULL)
    g_error ("the test could not set up the child process");
  g_test_message ("%s %s: %s", db, subcommand, r.err);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, db);
  if (why != NULL && strstr (r.err, why) == NULL)
    g_error ("“%s” does not say “%s”", r.err, why);

  after = snapshot (folder);
  g_assert_cmpstr (before, ==, after);
  n_bad_files++;
}

static void
test_not_sqlite (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *binary = g_malloc (8192);

  test_write_file (fixture->db, "Plan operativo anual, escrito a mano.\n");
  assert_refused (fixture->db, "plans", "not a POA database", NULL, NULL);

  for (guint i = 0; i < 8192; i++)
    binary[i] = (char)(i * 7 + 3);
  g_assert_true (g_file_set_contents (fixture->db, binary, 8192, NULL));
  assert_refused (fixture->db, "check", "not a POA database", NULL, NULL);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *whole = g_build_filename (fixture->dir, "whole.sqlite3", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_database (whole);
  g_assert_true (g_file_get_contents (whole, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);

  /* Nothing at all, part of the header, the header page alone, and cuts inside and between
   * later pages. */
  {
    const gsize cuts[] = { 0, 50, 100, 4096, 2 * 4096 + 1000, 5 * 4096, length - 4096 };
    const char *why[] = { "empty", "not a POA database", NULL, "damaged", "damaged", "damaged", "damaged" };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", cuts[i], length);
        g_assert_true (g_file_set_contents (fixture->db, contents, cuts[i], NULL));
        assert_refused (fixture->db, "plans", why[i], NULL, NULL);
      }
  }
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  make_database (fixture->db);
  test_sql_exec (fixture->db, "PRAGMA user_version = 99;");
  assert_refused (fixture->db, "plans", "newer version of POA", NULL, NULL);
}

static void
test_another_programs_database (Fixture       *fixture,
                                gconstpointer  data)
{
  test_sql_exec (fixture->db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused (fixture->db, "plans", "not a POA database", NULL, NULL);
}

static gboolean
can_test_file_modes (Fixture *fixture)
{
  if (test_file_modes_are_obeyed (fixture->dir))
    return TRUE;

  g_test_skip ("running as root, and root could not give up CAP_DAC_OVERRIDE here: "
               "a read-only file would still be written");
  return FALSE;
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  if (!can_test_file_modes (fixture))
    return;

  make_database (fixture->db);
  g_assert_cmpint (g_chmod (fixture->db, 0400), ==, 0);
  assert_refused (fixture->db, "plans", "read-only", test_obey_file_modes_cb, NULL);
  assert_refused (fixture->db, "check", "read-only", test_obey_file_modes_cb, NULL);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (fixture->dir, "nueva.sqlite3", NULL);

  if (!can_test_file_modes (fixture))
    return;

  make_database (fixture->db);
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  assert_refused (fixture->db, "plans", "read-only", test_obey_file_modes_cb, NULL);
  assert_refused (fresh, "plans", "read-only", test_obey_file_modes_cb, NULL);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "poa.sqlite3", NULL);
  g_autofree char *folder = g_path_get_dirname (missing);
  g_auto(Result) r = { 0 };

  run (&r, "--db", missing, "plans");
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, missing);
  g_assert_nonnull (strstr (r.err, "does not exist"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  n_bad_files++;
}

/* A plan too big for what is left of the disk: one text of 600 kB. */
static char *
write_big_plan (const char *dir)
{
  g_autofree char *json = g_build_filename (dir, "grande.json", NULL);
  g_autofree char *text = g_strnfill (600 * 1024, 'a');
  g_autofree char *contents =
    g_strdup_printf ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"objective\": \"%s\"}", text);

  test_write_file (json, contents);
  return g_steal_pointer (&json);
}

/* Issue 14, item 6: a database bigger than the size read whole at every start (16 MB), with
 * garbage over pages in its middle. SQLite's online backup copies pages without reading them:
 * the backup is refused rather than written damaged, an import is refused rather than written
 * into it, both advising a restore, and a restore repairs it. */
static void
test_big_damaged_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "otro-respaldo.sqlite3", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *damaged = NULL;
  g_auto(Result) r = { 0 };
  gsize length = 0;

  make_database (fixture->db);
  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run (&r, "--db", fixture->db, "export", "--output", json);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* 30,000 more activities of some 650 bytes: about 20 MB. */
  test_sql_exec (fixture->db,
                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)"
                 " INSERT INTO activity (plan_id, position, name)"
                 " SELECT 1, 100 + i, hex (randomblob (320)) FROM n;");
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 1024 * 1024);

  /* 64 pages of garbage from the middle on, where the activities are. */
  garbage = g_strnfill (64 * 4096, 'Z');
  memcpy (contents + (length / 2 / 4096) * 4096, garbage, 64 * 4096);
  g_assert_true (g_file_set_contents (fixture->db, contents, length, NULL));
  damaged = test_file_checksum (fixture->db);
  n_bad_files++;

  before = snapshot (fixture->dir);
  run (&r, "--db", fixture->db, "backup", "--output", copy);
  g_test_message ("backup: %s", r.err);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, fixture->db);
  g_assert_nonnull (strstr (r.err, "damaged"));
  g_assert_nonnull (strstr (r.err, "restore"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  result_clear (&r);

  run (&r, "--db", fixture->db, "import", json);
  g_test_message ("import: %s", r.err);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, fixture->db);
  g_assert_nonnull (strstr (r.err, "damaged"));
  g_assert_nonnull (strstr (r.err, "restore"));
  g_clear_pointer (&after, g_free);
  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (damaged, ==, after);
  result_clear (&r);

  run (&r, "--db", fixture->db, "restore", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  assert_lists_default_plan (fixture->db);
}

/* A connection to @path in WAL mode that never writes its -wal into the file, so that the -wal
 * holds its changes while it is open. */
static sqlite3 *
open_wal_connection (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* The -wal of @path as it is while a connection makes @sql and is still open. */
static char *
take_wal_of (const char *path,
             const char *sql,
             gsize      *length)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = open_wal_connection (path, sql);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (wal, &contents, length, NULL));
  g_assert_cmpuint (*length, >, 32);
  sqlite3_close (db);
  return contents;
}

/* The one copy set aside of @db and its -wal: named in @err, as they were (@db_sum, @wal_sum),
 * readable by the owner only. Removed afterwards, so that the next step finds none. */
static void
assert_copied_aside (const char *db,
                     const char *err,
                     const char *db_sum,
                     const char *wal_sum)
{
  g_autoptr(GPtrArray) backups = test_list_backups (db);
  const char *kept;
  g_autofree char *kept_wal = NULL;
  g_autofree char *kept_sum = NULL;
  g_autofree char *kept_wal_sum = NULL;

  g_assert_cmpuint (backups->len, ==, 1);
  kept = g_ptr_array_index (backups, 0);
  kept_wal = g_strconcat (kept, "-wal", NULL);
  kept_sum = test_file_checksum (kept);
  kept_wal_sum = test_file_checksum (kept_wal);
  g_assert_nonnull (strstr (err, kept));
  g_assert_nonnull (strstr (err, kept_wal));
  g_assert_cmpstr (kept_sum, ==, db_sum);
  g_assert_cmpstr (kept_wal_sum, ==, wal_sum);
  test_assert_private (kept);
  test_assert_private (kept_wal);
  g_unlink (kept);
  g_unlink (kept_wal);
}

/* Issue 14, item 7: a -wal from elsewhere beside the database, which no program is using. */
static void
test_stray_wal (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *other_poa = g_build_filename (fixture->dir, "otra.sqlite3", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "contactos.sqlite3", NULL);
  g_autofree char *poa_wal = NULL;
  g_autofree char *foreign_wal = NULL;
  g_autofree char *db_sum = NULL;
  g_autofree char *wal_sum = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_auto(Result) r = { 0 };
  gsize poa_wal_length, foreign_wal_length;

  make_database (fixture->db);
  make_database (other_poa);
  run (&r, "--db", fixture->db, "backup", "--output", fixture->backup);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  poa_wal = take_wal_of (other_poa, "UPDATE plan SET area = 'Otra oficina'", &poa_wal_length);
  foreign_wal = take_wal_of (other,
                             "PRAGMA application_id = 7;"
                             "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');",
                             &foreign_wal_length);

  /* Another program's -wal: refused in one line naming both copies; the database is as it was
   * and the -wal gone, both kept byte for byte; the next command opens it. */
  db_sum = test_file_checksum (fixture->db);
  g_assert_true (g_file_set_contents (wal, foreign_wal, foreign_wal_length, NULL));
  wal_sum = test_file_checksum (wal);
  run (&r, "--db", fixture->db, "plans");
  g_test_message ("another program's -wal: %s", r.err);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, fixture->db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *now = test_file_checksum (fixture->db);
    g_assert_cmpstr (now, ==, db_sum);
  }
  assert_copied_aside (fixture->db, r.err, db_sum, wal_sum);
  n_bad_files++;
  result_clear (&r);

  run (&r, "--db", fixture->db, "plans");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n");
  result_clear (&r);

  /* Another POA database's -wal makes a POA database: applied, but said, after both files were
   * copied aside as they were. */
  g_clear_pointer (&db_sum, g_free);
  g_clear_pointer (&wal_sum, g_free);
  db_sum = test_file_checksum (fixture->db);
  g_assert_true (g_file_set_contents (wal, poa_wal, poa_wal_length, NULL));
  wal_sum = test_file_checksum (wal);
  run (&r, "--db", fixture->db, "plans");
  g_test_message ("another POA's -wal: %s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  /* The plan the other database's -wal brought, and one line saying so on stderr. */
  g_assert_cmpstr (r.out, ==, "1\t2026\tOtra oficina\t16\n");
  g_assert_true (g_str_has_prefix (r.err, "poa: "));
  g_assert_cmpuint (strlen (r.err), ==, strcspn (r.err, "\n") + 1);
  assert_copied_aside (fixture->db, r.err, db_sum, wal_sum);
  n_bad_files++;
  result_clear (&r);

  /* Then it is the file's own: no more copies, nothing said. */
  run (&r, "--db", fixture->db, "plans");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);
  result_clear (&r);

  /* Another program's -wal again, then a restore of a good backup: it works. */
  g_assert_true (g_file_set_contents (wal, foreign_wal, foreign_wal_length, NULL));
  run (&r, "--db", fixture->db, "restore", fixture->backup);
  g_test_message ("restore: %s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  assert_lists_default_plan (fixture->db);
}

/* A -wal that a program has open is that program's, live: left to SQLite, no copy, nothing
 * said. */
static void
test_wal_in_use_is_left_alone (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_auto(Result) r = { 0 };
  sqlite3 *db;

  make_database (fixture->db);
  db = open_wal_connection (fixture->db, "UPDATE plan SET area = 'Cultura'");

  run (&r, "--db", fixture->db, "plans");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpstr (r.out, ==, "1\t2026\tCultura\t16\n");
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 0);
  sqlite3_close (db);
}

/* The body of the full-disk test, in a child process that owns its mounts. */
static void
full_disk_on_tmpfs (Fixture *fixture)
{
  g_autofree char *roomy = g_build_filename (fixture->dir, "roomy", NULL);
  g_autofree char *full = g_build_filename (fixture->dir, "full", NULL);
  g_autofree char *nearly = g_build_filename (fixture->dir, "nearly", NULL);
  g_autofree char *db = g_build_filename (roomy, "poa.sqlite3", NULL);
  g_autofree char *fresh = g_build_filename (full, "nueva.sqlite3", NULL);
  g_autofree char *copy = g_build_filename (full, "respaldo.sqlite3", NULL);
  g_autofree char *old = g_build_filename (nearly, "antigua.sqlite3", NULL);
  g_autofree char *json = write_big_plan (fixture->dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };

  if (!test_enter_mount_namespace (&error) ||
      !test_mount_tmpfs (roomy, 512 * 1024, &error) ||
      !test_mount_tmpfs (full, 256 * 1024, &error) ||
      !test_mount_tmpfs (nearly, 512 * 1024, &error))
    {
      g_autofree char *marker = g_build_filename (fixture->dir, "no-tmpfs", NULL);

      test_write_file (marker, error->message);
      exit (0);
    }

  /* Room to open the database (its -shm takes 32 kB), none for a 600 kB plan. */
  make_database (db);
  test_fill_disk (roomy, 64 * 1024);
  before = snapshot (roomy);
  run (&r, "--db", db, "import", json);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, db);
  g_assert_nonnull (strstr (r.err, "disk is full"));
  after = snapshot (roomy);
  g_assert_cmpstr (before, ==, after);
  n_bad_files++;
  result_clear (&r);

  /* Nor for the copy that a restore keeps first. */
  run (&r, "--db", db, "restore", db);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  g_clear_pointer (&after, g_free);

  /* Nothing left at all: no new database, no backup. */
  test_fill_disk (full, 0);
  assert_refused (fresh, "plans", "disk is full", NULL, NULL);
  g_clear_pointer (&before, g_free);
  before = snapshot (full);
  run (&r, "--db", db, "backup", "--output", copy);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, copy);
  g_assert_nonnull (strstr (r.err, "disk is full"));
  after = snapshot (full);
  g_assert_cmpstr (before, ==, after);
  result_clear (&r);

  /* A database that needs an upgrade, with no room for its copy: no upgrade. */
  test_make_version_0 (old);
  test_sql_exec (old, "INSERT INTO scratch VALUES (zeroblob (200000));");
  test_fill_disk (nearly, 64 * 1024);
  assert_refused (old, "plans", "backup failed", NULL, NULL);
  g_assert_cmpint (test_sql_int (old, "PRAGMA user_version"), ==, 0);

  g_print ("n_bad_files=%u\n", n_bad_files);
}

/* Where no file system may be mounted, a file-size limit stands in for the full disk. */
static void
full_disk_by_file_size_limit (Fixture *fixture)
{
  g_autofree char *json = write_big_plan (fixture->dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) r = { 0 };
  gpointer limit = GSIZE_TO_POINTER (64 * 1024);

  make_database (fixture->db);
  before = snapshot (fixture->dir);
  run_env_setup (&r, NULL, test_limit_file_size_cb, limit, "--db", fixture->db, "import", json, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, fixture->db);
  after = snapshot (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  result_clear (&r);

  g_test_message ("tmpfs not allowed here: a full disk stood in by RLIMIT_FSIZE (EFBIG)");
  n_bad_files++;
}

static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *marker = g_build_filename (fixture->dir, "no-tmpfs", NULL);
  g_autofree char *reason = NULL;

  if (g_test_subprocess ())
    {
      full_disk_on_tmpfs (fixture);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (g_test_trap_has_passed () && g_file_get_contents (marker, &reason, NULL, NULL))
    {
      g_test_message ("%s", reason);
      g_unlink (marker);
      full_disk_by_file_size_limit (fixture);
      return;
    }

  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*n_bad_files=*");
  n_bad_files += 3;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/bad-database/cli/not-sqlite", test_not_sqlite);
  ADD ("/bad-database/cli/truncated", test_truncated);
  ADD ("/bad-database/cli/newer-schema", test_newer_schema);
  ADD ("/bad-database/cli/another-programs-database", test_another_programs_database);
  ADD ("/bad-database/cli/read-only-file", test_read_only_file);
  ADD ("/bad-database/cli/read-only-folder", test_read_only_folder);
  ADD ("/bad-database/cli/missing-folder", test_missing_folder);
  ADD ("/bad-database/cli/full-disk", test_full_disk);
  ADD ("/bad-database/cli/big-damaged-database", test_big_damaged_database);
  ADD ("/bad-database/cli/stray-wal", test_stray_wal);
  ADD ("/bad-database/cli/wal-in-use-is-left-alone", test_wal_in_use_is_left_alone);
#undef ADD

  status = g_test_run ();
  if (!g_test_subprocess ())
    g_test_message ("bad database files tried: %u", n_bad_files);
  return status;
}
