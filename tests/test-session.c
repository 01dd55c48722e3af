/* test-session.c — every plan the window shows comes through the session: the one opened at
 * start-up (whole, in two parts, or from a database to be created), one chosen by id, a new
 * or copied plan, the one shown after a deletion, an import and a restored backup.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "poa-document.h"
#include "poa-opening.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-store.h"
#include "test-plans.h"
#include "test-sqlite.h"
#include "test-util.h"

/* What the default database holds: the reference document's plan. */
#define DEFAULT_YEAR 2026
#define DEFAULT_AREA "Migrantes y Ex braceros"
#define DEFAULT_ACTIVITIES 16

typedef struct
{
  char       *dir;
  char       *path;
  PoaSession *session;
  guint       n_documents;   /* notify::document emissions */
} Fixture;

static void
document_notified_cb (PoaSession *session,
                      GParamSpec *pspec,
                      Fixture    *fixture)
{
  fixture->n_documents++;
}

static void
watch (Fixture    *fixture,
       PoaSession *session)
{
  fixture->session = session;
  g_signal_connect (session, "notify::document", G_CALLBACK (document_notified_cb), fixture);
}

/* A session on a new database with the default plan, loaded. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  watch (fixture, poa_session_new (fixture->path, 0, NULL));
  g_assert_true (poa_session_load (fixture->session, &error));
  g_assert_no_error (error);
  fixture->n_documents = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
n_activities (PoaPlan *plan)
{
  return g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
}

/* The plans of the file, through a connection of their own. */
static GPtrArray *
list_plans (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->path, &error);
  GPtrArray *plans;

  g_assert_no_error (error);
  plans = poa_store_list_plans (store, &error);
  g_assert_no_error (error);
  return plans;
}

/* The plan the next start of the program would open. */
static gint64
last_opened (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->path, &error);
  gint64 id;

  g_assert_no_error (error);
  id = poa_store_resolve_plan (store, 0, &error);
  g_assert_no_error (error);
  return id;
}

static void
assert_shows (Fixture    *fixture,
              guint       year,
              const char *area,
              guint       activities)
{
  PoaDocument *document = poa_session_get_document (fixture->session);
  PoaPlan *plan = poa_session_get_plan (fixture->session);

  g_assert_nonnull (document);
  g_assert_true (poa_document_get_plan (document) == plan);
  g_assert_true (poa_document_get_store (document) == poa_session_get_store (fixture->session));
  g_assert_false (poa_document_get_loading (document));
  g_assert_cmpuint (poa_plan_get_year (plan), ==, year);
  g_assert_cmpstr (poa_plan_get_area (plan), ==, area);
  g_assert_cmpuint (n_activities (plan), ==, activities);
  g_assert_cmpint (last_opened (fixture), ==, poa_plan_get_id (plan));
}

/* Without an opening thread, a new database is created with the default plan. */
static void
test_load_creates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = list_plans (fixture);

  assert_shows (fixture, DEFAULT_YEAR, DEFAULT_AREA, DEFAULT_ACTIVITIES);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_true (poa_session_finish_loading (fixture->session, NULL));
}

/* A second plan, @n activities, inserted behind the session's back: its id. */
static gint64
insert_plan (Fixture *fixture,
             guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->path, &error);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  gint64 id;

  g_assert_no_error (error);
  id = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
loading_notified_cb (PoaDocument *document,
                     GParamSpec  *pspec,
                     guint       *count)
{
  (*count)++;
}

/* A big plan comes in two parts: the document is shown on the first, loading, refusing every
 * edit, until the rest is added. */
static void
test_load_in_two_parts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaSession) session = NULL;
  gint64 id = insert_plan (fixture, POA_OPENING_FIRST + 100);
  guint n_loading = 0;
  PoaDocument *document;
  PoaPlan *plan;

  g_clear_object (&fixture->session);
  watch (fixture, poa_session_new (fixture->path, id, poa_opening_start (fixture->path, id)));
  fixture->n_documents = 0;

  g_assert_true (poa_session_load (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  document = poa_session_get_document (fixture->session);
  plan = poa_session_get_plan (fixture->session);
  g_assert_cmpint (poa_plan_get_id (plan), ==, id);
  g_assert_true (poa_document_get_loading (document));
  g_assert_cmpuint (n_activities (plan), ==, POA_OPENING_FIRST);

  g_assert_false (poa_document_set_text (document, plan, "area", "Parte", &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_OPENING);
  g_clear_error (&error);

  g_signal_connect (document, "notify::loading", G_CALLBACK (loading_notified_cb), &n_loading);
  g_assert_true (poa_session_finish_loading (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_loading, ==, 1);
  g_assert_false (poa_document_get_loading (document));
  g_assert_cmpuint (n_activities (plan), ==, POA_OPENING_FIRST + 100);
  /* The same document, not a new one. */
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_true (poa_session_get_document (fixture->session) == document);
  g_assert_cmpint (last_opened (fixture), ==, id);

  g_assert_true (poa_document_set_text (document, plan, "area", "Entero", &error));
  g_assert_no_error (error);
}

/* A database that does not exist is not the opening thread's to create: the session creates
 * it itself. */
static void
test_load_opening_new_database (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "nueva.sqlite3", NULL);

  g_clear_object (&fixture->session);
  g_free (fixture->path);
  fixture->path = g_strdup (path);
  watch (fixture, poa_session_new (path, 0, poa_opening_start (path, 0)));
  g_assert_true (poa_session_load (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_true (poa_session_finish_loading (fixture->session, &error));
  assert_shows (fixture, DEFAULT_YEAR, DEFAULT_AREA, DEFAULT_ACTIVITIES);
}

/* A file that is no database: no plan, and the reason. */
static void
test_load_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "basura.sqlite3", NULL);

  test_write_file (path, "esto no es una base de datos, sino un texto cualquiera que la ocupa");
  g_clear_object (&fixture->session);
  watch (fixture, poa_session_new (path, 0, poa_opening_start (path, 0)));
  g_assert_false (poa_session_load (fixture->session, &error));
  g_assert_nonnull (error);
  g_assert_null (poa_session_get_document (fixture->session));
  g_assert_cmpuint (fixture->n_documents, ==, 0);
}

static void
test_open_plan (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaDocument *before = poa_session_get_document (fixture->session);
  gint64 first = poa_plan_get_id (poa_session_get_plan (fixture->session));
  gint64 id = insert_plan (fixture, 3);

  g_assert_true (poa_session_open_plan (fixture->session, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_true (poa_session_get_document (fixture->session) != before);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (fixture->session)), ==, id);
  g_assert_cmpuint (n_activities (poa_session_get_plan (fixture->session)), ==, 3);
  g_assert_cmpint (last_opened (fixture), ==, id);

  /* A plan that is not there: the plan shown stays. */
  g_assert_false (poa_session_open_plan (fixture->session, id + 100, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (fixture->session)), ==, id);

  g_assert_true (poa_session_open_plan (fixture->session, first, &error));
  g_assert_cmpuint (fixture->n_documents, ==, 2);
  assert_shows (fixture, DEFAULT_YEAR, DEFAULT_AREA, DEFAULT_ACTIVITIES);
}

static void
test_new_plan (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *municipality =
    g_strdup (poa_plan_get_text (poa_session_get_plan (fixture->session), POA_PLAN_MUNICIPALITY));
  gint64 first = poa_plan_get_id (poa_session_get_plan (fixture->session));

  g_assert_true (poa_session_new_plan (fixture->session, 2027, "Cultura", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  assert_shows (fixture, 2027, "Cultura", 0);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (fixture->session)), !=, first);
  g_assert_cmpstr (municipality, !=, "");
  g_assert_cmpstr (poa_plan_get_text (poa_session_get_plan (fixture->session), POA_PLAN_MUNICIPALITY), ==,
                   municipality);

  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 2);
}

static void
test_copy_to_next_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  gint64 first = poa_plan_get_id (poa_session_get_plan (fixture->session));

  g_assert_true (poa_session_copy_to_next_year (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  assert_shows (fixture, DEFAULT_YEAR + 1, DEFAULT_AREA, DEFAULT_ACTIVITIES);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (fixture->session)), !=, first);

  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 2);
}

static void
test_delete_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  gint64 first = poa_plan_get_id (poa_session_get_plan (fixture->session));
  gint64 copy;
  gboolean deleted = FALSE;

  g_assert_true (poa_session_copy_to_next_year (fixture->session, &error));
  copy = poa_plan_get_id (poa_session_get_plan (fixture->session));
  fixture->n_documents = 0;

  /* The plan shown goes; the one opened most recently among those left is shown. */
  g_assert_true (poa_session_delete_plan (fixture->session, &deleted, &error));
  g_assert_no_error (error);
  g_assert_true (deleted);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (fixture->session)), ==, first);
  assert_shows (fixture, DEFAULT_YEAR, DEFAULT_AREA, DEFAULT_ACTIVITIES);

  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (((PoaPlanSummary *)plans->pdata[0])->id, ==, first);
  g_assert_cmpint (copy, !=, first);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "roto.json", NULL);
  g_autoptr(PoaPlan) other = test_plan_with_activities (4);
  PoaDocument *before;

  poa_plan_set_text (other, POA_PLAN_AREA, "Deporte");
  g_assert_true (poa_plan_json_save (other, json, &error));
  g_assert_no_error (error);

  g_assert_true (poa_session_import (fixture->session, json, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  assert_shows (fixture, poa_plan_get_year (other), "Deporte", 4);
  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 2);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* A broken file: nothing added, the plan shown stays. */
  test_write_file (bad, "{ \"year\": ");
  before = poa_session_get_document (fixture->session);
  g_assert_false (poa_session_import (fixture->session, bad, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_true (poa_session_get_document (fixture->session) == before);
  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 2);
}

/* The área and year already there: refused (to be asked about), replaced with its change
 * record kept ahead of the file's, or kept beside it. */
static void
test_import_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autoptr(PoaPlan) other = test_plan_with_activities (4);
  g_autoptr(PoaHistoryEntry) entry = poa_history_entry_new ("2026-03-01T10:00:00Z", "Ana", "plan",
                                                            "objective", "a", "b", "");
  PoaStore *store = poa_session_get_store (fixture->session);
  gint64 first;

  poa_plan_set_text (other, POA_PLAN_AREA, "Deporte");
  g_assert_true (poa_plan_json_save (other, json, &error));
  g_assert_no_error (error);
  g_assert_true (poa_session_import_with_mode (fixture->session, json, POA_SESSION_IMPORT_REFUSE, &error));
  g_assert_no_error (error);
  first = poa_plan_get_id (poa_session_get_plan (fixture->session));
  g_assert_true (poa_store_record_changes (store, first, (const PoaHistoryEntry *const *)&entry, 1, &error));
  g_assert_no_error (error);

  /* Refused: nothing changes, and the error says which file. */
  g_assert_false (poa_session_import_with_mode (fixture->session, json, POA_SESSION_IMPORT_REFUSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, json));
  g_clear_error (&error);
  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 2);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* Replaced: still two plans, the old one's record carried over (the new plan may take the
   * freed ID: SQLite reuses the highest rowid). */
  g_assert_true (poa_session_import_with_mode (fixture->session, json, POA_SESSION_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  assert_shows (fixture, poa_plan_get_year (other), "Deporte", 4);
  {
    g_autoptr(PoaPlan) stored = poa_store_load_plan (store, poa_plan_get_id (poa_session_get_plan (fixture->session)), &error);
    PoaHistoryEntry *kept;

    g_assert_no_error (error);
    g_assert_cmpuint (poa_plan_get_history (stored)->len, ==, 1);
    kept = g_ptr_array_index (poa_plan_get_history (stored), 0);
    g_assert_true (poa_history_entry_equal (kept, entry));
  }
  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 2);
  g_clear_pointer (&plans, g_ptr_array_unref);

  /* Kept both: a third plan. */
  g_assert_true (poa_session_import_with_mode (fixture->session, json, POA_SESSION_IMPORT_KEEP_BOTH, &error));
  g_assert_no_error (error);
  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 3);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "respaldo.sqlite3", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-existe.sqlite3", NULL);
  g_autofree char *kept = NULL;
  gint64 first = poa_plan_get_id (poa_session_get_plan (fixture->session));

  g_assert_true (poa_store_backup (poa_session_get_store (fixture->session), backup, &error));
  g_assert_no_error (error);
  g_assert_true (poa_session_new_plan (fixture->session, 2030, "Después del respaldo", &error));
  fixture->n_documents = 0;

  g_assert_true (poa_session_restore (fixture->session, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (fixture->n_documents, ==, 1);
  g_assert_cmpint (poa_plan_get_id (poa_session_get_plan (fixture->session)), ==, first);
  assert_shows (fixture, DEFAULT_YEAR, DEFAULT_AREA, DEFAULT_ACTIVITIES);
  plans = list_plans (fixture);
  g_assert_cmpuint (plans->len, ==, 1);
  g_clear_pointer (&kept, g_free);

  /* No backup there: nothing restored, nothing kept, the plan shown stays. */
  g_assert_false (poa_session_restore (fixture->session, missing, &kept, &error));
  g_assert_nonnull (error);
  g_assert_null (kept);
  g_assert_cmpuint (fixture->n_documents, ==, 1);
}

/* A -wal left by a killed POA is applied with copies kept first (poa-store-file.c): the session
 * hands the store's notice over once, for the window to show. */
static void
test_take_notice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PoaSession) session = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  /* Nothing to say about a database opened plainly. */
  g_assert_null (poa_session_take_notice (fixture->session));
  g_clear_object (&fixture->session);

  test_leave_wal (fixture->path, "UPDATE plan SET area = 'Cultura'");
  session = poa_session_new (fixture->path, 0, NULL);
  g_assert_null (poa_session_take_notice (session));
  g_assert_true (poa_session_load (session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (poa_plan_get_text (poa_session_get_plan (session), POA_PLAN_AREA), ==, "Cultura");

  notice = poa_session_take_notice (session);
  g_assert_nonnull (notice);
  backups = test_list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (strstr (notice, g_ptr_array_index (backups, 0)));
  /* Once. */
  g_assert_null (poa_session_take_notice (session));
}

/* A restore that fails after the current plans were copied aside (here another connection
 * holds the write lock) says where that copy is, and the plan shown stays. */
static void
test_failed_restore_gives_the_kept_copy (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *backup = g_build_filename (fixture->dir, "respaldo.sqlite3", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(PoaStore) other = NULL;
  PoaDocument *shown;

  g_assert_true (poa_store_backup (poa_session_get_store (fixture->session), backup, &error));
  g_assert_no_error (error);
  shown = poa_session_get_document (fixture->session);

  other = poa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (poa_store_begin (other, &error));

  g_assert_false (poa_session_restore (fixture->session, backup, &kept, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_BUSY);
  g_assert_nonnull (kept);
  backups = test_list_backups (fixture->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, kept);
  g_assert_true (poa_session_get_document (fixture->session) == shown);
  g_assert_cmpuint (fixture->n_documents, ==, 0);
  poa_store_rollback (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/session/load/creates", test_load_creates);
  ADD ("/session/load/in-two-parts", test_load_in_two_parts);
  ADD ("/session/load/opening-new-database", test_load_opening_new_database);
  ADD ("/session/load/fails", test_load_fails);
  ADD ("/session/open-plan", test_open_plan);
  ADD ("/session/new-plan", test_new_plan);
  ADD ("/session/copy-to-next-year", test_copy_to_next_year);
  ADD ("/session/delete-plan", test_delete_plan);
  ADD ("/session/import", test_import);
  ADD ("/session/import/duplicate", test_import_duplicate);
  ADD ("/session/restore", test_restore);
  ADD ("/session/restore/failed-gives-the-kept-copy", test_failed_restore_gives_the_kept_copy);
  ADD ("/session/take-notice", test_take_notice);
#undef ADD

  return g_test_run ();
}
