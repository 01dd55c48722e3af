/* test-backup.c — copies of the database: on demand, before an upgrade, and restoring them.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "test-sqlite.h"
#include "test-system.h"
#include "test-util.h"

typedef TestFiles Fixture;

/* Files in @dir, not counting the -wal and -shm of an open database: no temporary file may be
 * left behind. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm");
  return n;
}

static PoaPlan *
small_plan (const char *area)
{
  PoaPlan *plan = poa_plan_new (2027);
  g_autoptr(PoaActivity) activity = poa_activity_new ();

  poa_plan_set_text (plan, POA_PLAN_AREA, area);
  poa_activity_set_text (activity, POA_ACTIVITY_NAME, "Feria del migrante");
  g_list_store_append (poa_plan_get_activities (plan), activity);
  return plan;
}

static PoaStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PoaStore *store = poa_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static guint
count_plans (PoaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = poa_store_list_plans (store, &error);

  g_assert_no_error (error);
  return plans->len;
}

static void
test_backup_is_a_private_self_contained_copy (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(PoaStore) copy = NULL;
  g_autoptr(PoaPlan) original = NULL;
  g_autoptr(PoaPlan) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *check = NULL;

  g_assert_true (poa_store_backup (store, fixture->backup, &error));
  g_assert_no_error (error);
  test_assert_private (fixture->backup);

  /* One file, no -wal needed: it can be carried on a memory stick as it is. */
  mode = test_sql_text (fixture->backup, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  check = test_sql_text (fixture->backup, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);

  copy = open_store (fixture->backup);
  original = poa_store_load_plan (store, 1, &error);
  g_assert_no_error (error);
  restored = poa_store_load_plan (copy, 1, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (original, restored));
}

static void
test_backup_replaces_an_existing_file (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(GError) error = NULL;

  test_write_file (fixture->backup, "an older file with the same name");
  g_assert_true (poa_store_backup (store, fixture->backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (fixture->backup, "SELECT count(*) FROM activity"), ==, 16);
}

static void
test_backup_refuses_the_database_itself (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_file_checksum (fixture->db);
  g_autofree char *after = NULL;

  g_assert_false (poa_store_backup (store, fixture->db, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fixture->db));
  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_failed_backup_leaves_no_file (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "r.sqlite3", NULL);

  g_assert_false (poa_store_backup (store, missing, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* The body of the full-disk test, in a child process that owns its mounts: a backup into a
 * folder on a disk with room for its temporary file and not for the copy fails, says so, and
 * leaves nothing behind: no copy, no temporary, no -journal. In @dir, from the parent; a file
 * "no-tmpfs" there says why the test could not be run. */
static void
full_disk_in_child (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autofree char *disk = g_build_filename (dir, "disco", NULL);
  g_autofree char *target = g_build_filename (disk, "respaldo.sqlite3", NULL);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!test_enter_mount_namespace (&error) ||
      !test_mount_tmpfs (disk, 512 * 1024, &error))
    {
      g_autofree char *marker = g_build_filename (dir, "no-tmpfs", NULL);

      test_write_file (marker, error->message);
      return;
    }

  store = open_store (db);
  /* The default plan's database is some 100 kB, more than is left. */
  test_fill_disk (disk, 8 * 1024);
  g_assert_cmpuint (count_files (disk), ==, 1);

  g_assert_false (poa_store_backup (store, target, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, target));
  /* Only the file that fills the disk. */
  g_assert_cmpuint (count_files (disk), ==, 1);
  g_print ("refused\n");
}

static void
test_failed_backup_on_a_full_disk_leaves_no_temporary (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *reason = NULL;

  if (g_test_subprocess ())
    {
      full_disk_in_child (g_getenv ("POA_TEST_BACKUP_DIR"));
      return;
    }

  dir = test_make_tmpdir ();
  marker = g_build_filename (dir, "no-tmpfs", NULL);
  g_setenv ("POA_TEST_BACKUP_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("POA_TEST_BACKUP_DIR");
  g_test_trap_assert_passed ();
  if (g_file_get_contents (marker, &reason, NULL, NULL))
    {
      g_autofree char *message = g_strdup_printf ("no tmpfs may be mounted here (%s)", reason);

      test_remove_tree (dir);
      g_test_skip (message);
      return;
    }
  test_remove_tree (dir);
  g_test_trap_assert_stdout ("*refused*");
}

static void
test_upgrade_keeps_a_dated_copy_first (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GRegex) dated = g_regex_new ("/poa\\.sqlite3\\.[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}\\.bak$", 0, 0, NULL);

  test_make_version_0 (fixture->db);
  store = open_store (fixture->db);
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA user_version"), ==, POA_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (count_plans (store), ==, 0);

  /* The copy is the file as it was before the upgrade, whatever it held. */
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (g_regex_match (dated, g_ptr_array_index (backups, 0), 0, NULL));
  test_assert_private (g_ptr_array_index (backups, 0));
  g_assert_cmpint (test_sql_int (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (test_sql_int (g_ptr_array_index (backups, 0),
                                 "SELECT count(*) FROM sqlite_schema WHERE name = 'plan'"), ==, 0);
  note = test_sql_text (g_ptr_array_index (backups, 0), "SELECT note FROM scratch");
  g_assert_cmpstr (note, ==, "notas de la oficina");

  /* A database that needs no upgrade gets no copy. */
  g_clear_object (&store);
  g_clear_pointer (&backups, g_ptr_array_unref);
  store = open_store (fixture->db);
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 1);
}

static void
test_new_database_needs_no_copy (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(GPtrArray) backups = test_list_backups (fixture->db);

  g_assert_cmpuint (backups->len, ==, 0);
  g_assert_cmpuint (count_plans (store), ==, 1);
}

static void
test_restore_replaces_the_plans_and_keeps_the_old (Fixture       *fixture,
                                                   gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(PoaStore) other = NULL;
  g_autoptr(PoaPlan) plan = small_plan ("Cultura");
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (poa_store_backup (store, fixture->backup, &error));
  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), ==, 2);
  g_assert_no_error (error);

  /* A second connection, as the window would hold while the command line restores. */
  other = open_store (fixture->db);
  g_assert_cmpuint (count_plans (other), ==, 2);

  g_assert_true (poa_store_restore (store, fixture->backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (store), ==, 1);
  g_assert_cmpuint (count_plans (other), ==, 1);

  /* What was replaced is kept beside the database, private. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, fixture->db));
  test_assert_private (kept);
  g_assert_cmpint (test_sql_int (kept, "SELECT count(*) FROM plan"), ==, 2);

  /* The database stays in WAL mode and whole. */
  g_clear_object (&store);
  g_clear_object (&other);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan"), ==, 1);
  g_free (kept);
  kept = test_sql_text (fixture->db, "PRAGMA journal_mode");
  g_assert_cmpstr (kept, ==, "wal");
}

static void
test_restore_refuses_bad_backups (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notas.txt", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "contactos.sqlite3", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "nuevo.sqlite3", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "cortado.sqlite3", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-existe.sqlite3", NULL);
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(PoaPlan) plan = small_plan ("Cultura");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const struct {
    const char *file;
    int         code;
  } cases[] = {
    { text, POA_STORE_ERROR_NOT_A_DATABASE },
    { other, POA_STORE_ERROR_NOT_A_DATABASE },
    { newer, POA_STORE_ERROR_NEWER_SCHEMA },
    { cut, POA_STORE_ERROR_CORRUPT },
    { missing, POA_STORE_ERROR_NOT_FOUND },
    { fixture->db, POA_STORE_ERROR_INVALID },
  };

  test_write_file (text, "Esto no es un respaldo.\n");
  test_sql_exec (other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  g_assert_true (poa_store_backup (store, newer, &error));
  test_sql_exec (newer, "PRAGMA user_version = 99;");
  g_assert_true (poa_store_backup (store, cut, &error));
  g_assert_true (g_file_get_contents (cut, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));
  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *kept = NULL;

      g_assert_false (poa_store_restore (store, cases[i].file, &kept, &error));
      g_assert_error (error, POA_STORE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].file) == NULL)
        g_error ("“%s” does not name “%s”", error->message, cases[i].file);
      g_clear_error (&error);
      g_assert_null (kept);

      /* Refused before anything changed: no copy kept, both plans still there. */
      backups = test_list_backups (fixture->db);
      g_assert_cmpuint (backups->len, ==, 0);
      g_assert_cmpuint (count_plans (store), ==, 2);
    }
}

static void
test_restore_upgrades_an_older_backup (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(GError) error = NULL;

  test_make_version_0 (fixture->backup);
  g_assert_true (poa_store_restore (store, fixture->backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (store), ==, 0);
  g_clear_object (&store);
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA user_version"), ==, POA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM scratch"), ==, 1);
}

static void
test_restore_file_replaces_a_damaged_database (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_sum = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *wal_contents = NULL;

  g_assert_true (poa_store_backup (store, fixture->backup, &error));
  g_clear_object (&store);

  test_write_file (fixture->db, "destrozado");
  damaged = test_file_checksum (fixture->db);
  store = poa_store_open (fixture->db, &error);
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  test_write_file (wal, "restos del registro");

  g_assert_true (poa_store_restore_file (fixture->db, fixture->backup, &kept, &error));
  g_assert_no_error (error);

  /* The damaged file is kept byte for byte, with its -wal; none is left for the new file. */
  kept_sum = test_file_checksum (kept);
  g_assert_cmpstr (kept_sum, ==, damaged);
  kept_wal = g_strconcat (kept, "-wal", NULL);
  g_assert_true (g_file_get_contents (kept_wal, &wal_contents, NULL, NULL));
  g_assert_cmpstr (wal_contents, ==, "restos del registro");

  store = open_store (fixture->db);
  g_assert_cmpuint (count_plans (store), ==, 1);
  test_assert_private (fixture->db);
}

static void
test_restore_file_creates_a_missing_database (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(PoaStore) store = open_store (fixture->backup);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_clear_object (&store);
  g_assert_true (poa_store_restore_file (fixture->db, fixture->backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);
  store = open_store (fixture->db);
  g_assert_cmpuint (count_plans (store), ==, 1);
}

static void
test_restore_file_refuses_bad_backups (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_write_file (fixture->db, "destrozado");
  test_write_file (fixture->backup, "tampoco es un respaldo");
  before = test_file_checksum (fixture->db);

  g_assert_false (poa_store_restore_file (fixture->db, fixture->backup, NULL, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->backup));
  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

/* A window (one connection, with its document) stays open while another program restores a
 * backup: its next edit is refused, and the restored plans are left as restored. */
static void
test_edit_after_another_restore_is_refused (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(PoaStore) window = open_store (fixture->db);
  g_autoptr(PoaStore) other = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(PoaActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *after = NULL;

  plan = poa_store_load_plan (window, poa_store_resolve_plan (window, 0, NULL), &error);
  g_assert_no_error (error);
  document = poa_document_new (window, plan);
  activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_assert_true (poa_store_backup (window, fixture->backup, &error));
  g_assert_true (poa_document_set_text (document, activity, "unit", "Apoyos", &error));

  other = open_store (fixture->db);
  g_assert_true (poa_store_restore (other, fixture->backup, NULL, &error));
  g_assert_no_error (error);
  restored = test_sql_text (fixture->db, "SELECT group_concat (unit, '|') FROM activity");

  g_assert_false (poa_document_set_text (document, activity, "unit", "Reuniones", &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_REPLACED);
  g_assert_nonnull (strstr (error->message, fixture->db));
  g_assert_cmpstr (poa_activity_get_text (activity, POA_ACTIVITY_UNIT), ==, "Apoyos");
  after = test_sql_text (fixture->db, "SELECT group_concat (unit, '|') FROM activity");
  g_assert_cmpstr (restored, ==, after);

  /* The connection that restored goes on writing: it knows the new generation. */
  g_clear_error (&error);
  g_clear_object (&plan);
  plan = poa_store_load_plan (other, poa_store_resolve_plan (other, 0, NULL), &error);
  g_clear_object (&document);
  document = poa_document_new (other, plan);
  g_clear_object (&activity);
  activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_assert_true (poa_document_set_text (document, activity, "unit", "Reuniones", &error));
  g_assert_no_error (error);
}

/* Issue 14, item 3: backups with POA's application id that are not whole POA databases of
 * their version, refused by both restores before anything changes. */
static void
test_restore_checks_the_whole_backup (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const char *damage[] = {
    "PRAGMA user_version = 0;",
    "PRAGMA writable_schema = ON; DELETE FROM sqlite_schema; PRAGMA writable_schema = OFF;"
    "PRAGMA user_version = 1;",
    "PRAGMA user_version = -1;",
    "DROP TABLE generation;",
    "PRAGMA ignore_check_constraints = ON; UPDATE activity SET months = 5000 WHERE id = 3;",
    "PRAGMA ignore_check_constraints = ON; UPDATE budget_line SET centavos = -1;",
    "ALTER TABLE indicator DROP COLUMN formula;",
    "CREATE VIEW v AS SELECT 1;",
    "PRAGMA foreign_keys = OFF; DELETE FROM plan;",
  };
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(PoaPlan) plan = small_plan ("Cultura");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (poa_store_backup (store, fixture->backup, &error));
  g_assert_true (g_file_get_contents (fixture->backup, &contents, &length, NULL));
  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", damage[i]);
      g_assert_true (g_file_set_contents (fixture->backup, contents, length, NULL));
      test_sql_exec (fixture->backup, damage[i]);

      g_assert_false (poa_store_restore (store, fixture->backup, &kept, &error));
      g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, fixture->backup));
      g_clear_error (&error);
      g_assert_null (kept);
      backups = test_list_backups (fixture->db);
      g_assert_cmpuint (backups->len, ==, 0);
      g_assert_cmpuint (count_plans (store), ==, 2);

      before = test_file_checksum (fixture->db);
      g_assert_false (poa_store_restore_file (fixture->db, fixture->backup, &kept, &error));
      g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_null (kept);
      after = test_file_checksum (fixture->db);
      g_assert_cmpstr (before, ==, after);
    }

  /* The backup as it was made is restored. */
  g_assert_true (g_file_set_contents (fixture->backup, contents, length, NULL));
  g_assert_true (poa_store_restore (store, fixture->backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (store), ==, 1);
}

/* Issue 14, item 7: a -wal beside a database that a store of this process has open is that
 * store's: a second store opens it without copies or a notice (and without dropping the first
 * one's locks, which it goes on using). */
static void
test_wal_of_a_store_of_this_process (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autoptr(PoaStore) first = open_store (fixture->db);
  g_autoptr(PoaStore) second = NULL;
  g_autoptr(PoaPlan) plan = small_plan ("Cultura");
  g_autoptr(PoaPlan) other = small_plan ("Deporte");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (poa_store_insert_plan (first, plan, &error), ==, 2);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 32);

  second = open_store (fixture->db);
  g_assert_null (poa_store_get_notice (second));
  g_clear_object (&second);
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 0);

  g_assert_cmpint (poa_store_insert_plan (first, other, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (first), ==, 3);
}

/* The -wal a killed POA leaves is the database's own: applied, with copies kept first and a
 * notice naming them. */
static void
test_wal_left_by_a_killed_program (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(PoaPlan) plan = small_plan ("Cultura");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal_contents = NULL;
  g_autofree char *db_contents = NULL;
  gsize wal_length, db_length;
  const char *notice;

  g_clear_object (&store);
  g_assert_true (g_file_get_contents (fixture->db, &db_contents, &db_length, NULL));
  store = open_store (fixture->db);
  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), ==, 2);
  /* As it is when the program is killed: the file without the edit, the -wal with it. */
  g_assert_true (g_file_get_contents (wal, &wal_contents, &wal_length, NULL));
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (fixture->db, db_contents, db_length, NULL));
  g_assert_true (g_file_set_contents (wal, wal_contents, wal_length, NULL));

  store = open_store (fixture->db);
  g_assert_cmpuint (count_plans (store), ==, 2);
  notice = poa_store_get_notice (store);
  g_assert_nonnull (notice);
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    const char *kept = g_ptr_array_index (backups, 0);
    g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_nonnull (strstr (notice, kept));
    g_assert_nonnull (strstr (notice, kept_wal));
    g_assert_true (g_file_get_contents (kept, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, db_contents, db_length);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (kept_wal, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, wal_contents, wal_length);
  }
}

/* SQLite's online backup cannot change the page size of a WAL database: a good backup with
 * other pages was once refused as "read-only", after the copy of the current plans was made. */
static void
restore_with_page_size (Fixture *fixture,
                        int      page_size)
{
  g_autoptr(PoaStore) store = open_store (fixture->db);
  g_autoptr(PoaPlan) plan = small_plan ("Cultura");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "respaldo.sqlite3", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA page_size = %d; VACUUM;", page_size);
  g_autofree char *kept = NULL;
  g_autofree char *restored_file = g_build_filename (fixture->dir, "otra.sqlite3", NULL);
  g_autoptr(PoaStore) other = NULL;
  gint64 store_page_size = test_sql_int (fixture->db, "PRAGMA page_size");

  g_assert_true (poa_store_backup (store, backup, &error));
  g_assert_no_error (error);
  test_sql_exec (backup, sql);
  g_assert_cmpint (test_sql_int (backup, "PRAGMA page_size"), ==, page_size);
  g_assert_cmpint (store_page_size, !=, page_size);

  g_assert_cmpint (poa_store_insert_plan (store, plan, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (store), ==, 2);

  poa_store_restore (store, backup, &kept, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (store), ==, 1);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  backups = test_list_backups (fixture->db);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, kept);
  /* The store's pages are as they were; no scratch file is left. */
  g_assert_cmpint (test_sql_int (fixture->db, "PRAGMA page_size"), ==, store_page_size);
  /* The database, its -wal and -shm, the backup, the kept copy. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 3);

  /* A restore as a file takes the backup's pages as they are. */
  g_assert_true (poa_store_restore_file (restored_file, backup, NULL, &error));
  g_assert_no_error (error);
  other = open_store (restored_file);
  g_assert_cmpuint (count_plans (other), ==, 1);
}

static void
test_restore_with_1024_byte_pages (Fixture       *fixture,
                                   gconstpointer  data)
{
  restore_with_page_size (fixture, 1024);
}

static void
test_restore_with_65536_byte_pages (Fixture       *fixture,
                                    gconstpointer  data)
{
  restore_with_page_size (fixture, 65536);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/backup/backup/is-a-private-self-contained-copy", test_backup_is_a_private_self_contained_copy);
  ADD ("/backup/backup/replaces-an-existing-file", test_backup_replaces_an_existing_file);
  ADD ("/backup/backup/refuses-the-database-itself", test_backup_refuses_the_database_itself);
  ADD ("/backup/backup/failure-leaves-no-file", test_failed_backup_leaves_no_file);
  ADD ("/backup/upgrade/keeps-a-dated-copy-first", test_upgrade_keeps_a_dated_copy_first);
  ADD ("/backup/upgrade/new-database-needs-no-copy", test_new_database_needs_no_copy);
  ADD ("/backup/restore/replaces-the-plans-and-keeps-the-old", test_restore_replaces_the_plans_and_keeps_the_old);
  ADD ("/backup/restore/refuses-bad-backups", test_restore_refuses_bad_backups);
  ADD ("/backup/restore/upgrades-an-older-backup", test_restore_upgrades_an_older_backup);
  ADD ("/backup/restore-file/replaces-a-damaged-database", test_restore_file_replaces_a_damaged_database);
  ADD ("/backup/restore-file/creates-a-missing-database", test_restore_file_creates_a_missing_database);
  ADD ("/backup/restore-file/refuses-bad-backups", test_restore_file_refuses_bad_backups);
  ADD ("/backup/restore/edit-after-another-restore-is-refused", test_edit_after_another_restore_is_refused);
  ADD ("/backup/restore/checks-the-whole-backup", test_restore_checks_the_whole_backup);
  ADD ("/backup/wal/of-a-store-of-this-process", test_wal_of_a_store_of_this_process);
  ADD ("/backup/wal/left-by-a-killed-program", test_wal_left_by_a_killed_program);
  ADD ("/backup/restore/1024-byte-pages", test_restore_with_1024_byte_pages);
  ADD ("/backup/restore/65536-byte-pages", test_restore_with_65536_byte_pages);
#undef ADD
  g_test_add_func ("/backup/backup/full-disk-leaves-no-temporary",
                   test_failed_backup_on_a_full_disk_leaves_no_temporary);

  return g_test_run ();
}
