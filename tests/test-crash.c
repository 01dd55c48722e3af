/* test-crash.c — edits survive the process being killed at any moment.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program is both the test and the editor it kills. `test-crash --edit DB FIRST` opens the
 * database through the core and makes edits one after another, printing "NAME N RESULT" once
 * each is committed; the test starts it, kills it with SIGKILL after a random delay, reopens the
 * file, runs PRAGMA integrity_check on its own connection, and checks that every edit reported
 * in any round is there. `--restore` and `--backup` do the same for those operations.
 *
 * Adding an edit: write its apply (through the core) and its check (in SQL, on the test's own
 * connection) and add both to `edits`. The finer edits of the editing API belong here.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "test-sqlite.h"
#include "test-util.h"

/* ---- The edits ------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  /* Makes edit number @n; returns what the check needs (an id, a time), or 0 on failure. */
  gint64    (*apply) (PoaStore *store, guint n, gint64 last_plan, GError **error);
  /* Whether edit @n, which returned @result, is in the file at @path. */
  gboolean  (*check) (const char *path, guint n, gint64 result);
} Edit;

/* A plan of three activities and two budget lines, every value derived from @n. */
static gint64
apply_insert_plan (PoaStore  *store,
                   guint      n,
                   gint64     last_plan,
                   GError   **error)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autofree char *area = g_strdup_printf ("Edición %u", n);

  poa_plan_set_text (plan, POA_PLAN_AREA, area);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PoaActivity) activity = poa_activity_new ();
      g_autofree char *name = g_strdup_printf ("Actividad %u.%u", n, i);

      poa_activity_set_number (activity, i + 1);
      poa_activity_set_text (activity, POA_ACTIVITY_NAME, name);
      poa_activity_set_goal (activity, POA_ACTIVITY_ANNUAL_GOAL, n);
      g_list_store_append (poa_plan_get_activities (plan), activity);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2111", area, (gint64)n * 100 + i);
      g_list_store_append (poa_plan_get_budget (plan), line);
    }

  return poa_store_insert_plan (store, plan, error);
}

static gboolean
check_insert_plan (const char *path,
                   guint       n,
                   gint64      id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM plan p WHERE id = %lld AND area = 'Edición %u'"
                     "  AND (SELECT count(*) FROM activity a WHERE a.plan_id = p.id AND annual_goal = %u) = 3"
                     "  AND (SELECT sum(centavos) FROM budget_line b WHERE b.plan_id = p.id) = %lld",
                     (long long)id, n, n, (long long)n * 200 + 1);

  return test_sql_int (path, sql) == 1;
}

/* Marks the last plan inserted as opened; the result is a time no later than the mark. */
static gint64
apply_mark_opened (PoaStore  *store,
                   guint      n,
                   gint64     last_plan,
                   GError   **error)
{
  gint64 before = g_get_real_time ();

  if (!poa_store_mark_opened (store, last_plan, error))
    return 0;
  return before;
}

static gboolean
check_mark_opened (const char *path,
                   guint       n,
                   gint64      before)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM plan WHERE opened_at >= %lld", (long long)before);

  return test_sql_int (path, sql) >= 1;
}

static const Edit edits[] = {
  { "insert-plan", apply_insert_plan, check_insert_plan },
  { "mark-opened", apply_mark_opened, check_mark_opened },
};

/* ---- The programs that get killed ------------------------------------------------------ */

G_GNUC_NORETURN static void
run_editor (const char *path,
            guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);
  gint64 last_plan = 1;

  if (store == NULL)
    g_error ("%s", error->message);

  for (guint n = first; ; n++)
    {
      const Edit *edit = &edits[n % G_N_ELEMENTS (edits)];
      gint64 result = edit->apply (store, n, last_plan, &error);

      if (result == 0)
        g_error ("%s: %s", edit->name, error->message);
      if (edit->apply == apply_insert_plan)
        last_plan = result;

      /* Only now is it done: a line is written whole or not at all. */
      printf ("%s %u %lld\n", edit->name, n, (long long)result);
      fflush (stdout);
    }
}

/* Restores A and B in turn, saying which is in place after each. */
G_GNUC_NORETURN static void
run_restorer (const char *path,
              const char *a,
              const char *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);

  for (guint n = 0; ; n++)
    {
      const char *backup = n % 2 == 0 ? a : b;

      if (!poa_store_restore (store, backup, NULL, &error))
        g_error ("%s", error->message);
      printf ("%s\n", n % 2 == 0 ? "A" : "B");
      fflush (stdout);
    }
}

G_GNUC_NORETURN static void
run_backer (const char *path,
            const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);

  for (;;)
    if (!poa_store_backup (store, output, &error))
      g_error ("%s", error->message);
}

/* ---- The test -------------------------------------------------------------------------- */

typedef TestFiles Fixture;

static guint
rounds (guint default_rounds)
{
  const char *env = g_getenv ("POA_CRASH_ROUNDS");

  return env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : default_rounds;
}

/* Starts this program as `test-crash MODE ARGS…`, kills it after @delay_ms, and returns the
 * lines it finished writing. */
static GStrv
run_and_kill (guint delay_ms,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *arg;
  char *end;
  va_list args;

  g_ptr_array_add (argv, self);
  va_start (args, delay_ms);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_usleep (delay_ms * 1000);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);

  /* Killed, not failed: an editor that stopped by itself met an error. */
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* Only whole lines were reported. */
  end = strrchr (out, '\n');
  if (end == NULL)
    return g_new0 (char *, 1);
  end[0] = '\0';
  return g_strsplit (out, "\n", -1);
}

/* What survives a crash must open: in SQLite's eyes and in POA's. */
static void
assert_whole (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = NULL;
  g_autofree char *check = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  check = test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  store = poa_store_open (path, &error);
  g_assert_no_error (error);
}

typedef struct
{
  const Edit *edit;
  guint       n;
  gint64      result;
} Done;

static void
assert_reported_edits_there (const char *path,
                             GArray     *done,
                             guint       from,
                             guint       round)
{
  for (guint i = from; i < done->len; i++)
    {
      Done *d = &g_array_index (done, Done, i);

      if (!d->edit->check (path, d->n, d->result))
        g_error ("round %u: %s %u was reported done and is missing", round, d->edit->name, d->n);
    }

  /* Nor half of a plan: an insert is one transaction. */
  g_assert_cmpint (test_sql_int (path,
                                 "SELECT count(*) FROM plan p WHERE id > 1 AND ("
                                 "  (SELECT count(*) FROM activity a WHERE a.plan_id = p.id) != 3 OR"
                                 "  (SELECT count(*) FROM budget_line b WHERE b.plan_id = p.id) != 2)"), ==, 0);
}

static void
test_every_reported_edit_survives (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (Done));
  guint n_rounds = rounds (60);
  guint next = 1, empty_rounds = 0;
  guint max_delay = 120;

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autofree char *first = g_strdup_printf ("%u", next);
      g_auto(GStrv) lines = run_and_kill (g_test_rand_int_range (0, max_delay), "--edit", fixture->db, first, NULL);
      guint before = done->len;

      /* On a slow machine (a sanitizer build, a busy CI) an editor may not even reach the
       * database in 120 ms: widen the window while rounds report nothing, narrow it back when
       * they do, so that kills keep landing among edits. */
      max_delay = lines[0] == NULL ? MIN (max_delay * 2, 2000) : MAX (120, max_delay / 2);
      empty_rounds += lines[0] == NULL;
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);
          Done d = { NULL, (guint)g_ascii_strtoull (words[1], NULL, 10), g_ascii_strtoll (words[2], NULL, 10) };

          for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
            if (g_str_equal (words[0], edits[e].name))
              d.edit = &edits[e];
          g_assert_nonnull (d.edit);
          g_array_append_val (done, d);
          next = d.n + 1;
        }
      /* An edit may have been committed and not reported: never reuse its number. */
      next += 1;

      assert_whole (fixture->db);
      if (g_file_test (fixture->db, G_FILE_TEST_EXISTS))
        assert_reported_edits_there (fixture->db, done, before, round);
    }

  /* And at the end, every edit of every round. */
  g_assert_cmpuint (done->len, >, 0);
  assert_reported_edits_there (fixture->db, done, 0, n_rounds);
  g_test_message ("crash: %u kills, %u edits reported and all found intact (%u kills before the "
                  "first edit of their round), %lld plans in the file",
                  n_rounds, done->len, empty_rounds,
                  (long long)test_sql_int (fixture->db, "SELECT count(*) FROM plan"));
  g_assert_cmpuint (done->len, >, 0);
}

static void
test_restore_is_whole_or_not_at_all (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *a = g_build_filename (fixture->dir, "a.sqlite3", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  guint n_rounds = rounds (60) / 3 + 1, n_done = 0;

  /* A: the default plan; B: three plans. */
  {
    g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);
    g_autoptr(PoaPlan) plan = poa_store_load_plan (store, 1, &error);

    g_assert_true (poa_store_backup (store, a, &error));
    poa_store_insert_plan (store, plan, &error);
    poa_store_insert_plan (store, plan, &error);
    g_assert_no_error (error);
    g_assert_true (poa_store_backup (store, b, &error));
  }

  for (guint round = 0; round < n_rounds; round++)
    {
      g_auto(GStrv) lines = run_and_kill (g_test_rand_int_range (0, 150), "--restore", fixture->db, a, b, NULL);
      gint64 plans, activities;

      n_done += g_strv_length (lines);
      assert_whole (fixture->db);
      plans = test_sql_int (fixture->db, "SELECT count(*) FROM plan");
      activities = test_sql_int (fixture->db, "SELECT count(*) FROM activity");
      if (!((plans == 1 && activities == 16) || (plans == 3 && activities == 48)))
        g_error ("round %u: %lld plans, %lld activities: neither A nor B", round,
                 (long long)plans, (long long)activities);
    }

  g_test_message ("crash: %u kills during restores, %u restores completed, the file always A or B",
                  n_rounds, n_done);
}

static void
test_backup_is_whole_or_absent (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "respaldo.sqlite3", NULL);
  guint n_rounds = rounds (60) / 3 + 1, n_whole = 0;

  for (guint round = 0; round < n_rounds; round++)
    {
      g_auto(GStrv) lines = run_and_kill (g_test_rand_int_range (0, 150), "--backup", fixture->db, output, NULL);

      /* The backer prints nothing: what counts is the file it leaves. */
      g_assert_null (lines[0]);
      if (!g_file_test (output, G_FILE_TEST_EXISTS))
        continue;
      assert_whole (output);
      g_assert_cmpint (test_sql_int (output, "SELECT count(*) FROM activity"), ==, 16);
      n_whole++;
    }

  g_test_message ("crash: %u kills during backups, the copy absent or whole (%u times whole)",
                  n_rounds, n_whole);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--edit"))
    run_editor (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 5 && g_str_equal (argv[1], "--restore"))
    run_restorer (argv[2], argv[3], argv[4]);
  if (argc == 4 && g_str_equal (argv[1], "--backup"))
    run_backer (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/crash/edit/every-reported-edit-survives", test_every_reported_edit_survives);
  ADD ("/crash/restore/is-whole-or-not-at-all", test_restore_is_whole_or_not_at_all);
  ADD ("/crash/backup/is-whole-or-absent", test_backup_is_whole_or_absent);
#undef ADD

  return g_test_run ();
}
