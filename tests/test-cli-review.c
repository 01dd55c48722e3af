/* test-cli-review.c — the planning unit's commands: review, set, history, summary, and import
 * of several files, run as a script would run them.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "test-cli-util.h"
#include "test-sqlite.h"
#include "test-util.h"

/* A temporary folder with a database's name in it (test-util.h). */
typedef TestFiles Fixture;

static const char *as_ana[] = { "POA_USER=Ana Planeación", NULL };
static const char *as_paulo[] = { "POA_USER=Paulo", NULL };

/* Runs `poa ARGV…` as POA_USER=Ana with an argument list built at run time. */
static void
run_argv (Result    *result,
          GPtrArray *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer)g_getenv ("POA_BINARY"));
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "POA_DB");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "POA_USER", "Ana", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The date field: ISO 8601 in UTC, to the second. */
static void
assert_date (const char *field)
{
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       field, 0, 0));
}

/* Each step allowed and refused, then the review as printed: STATUS, then the steps. */
static void
test_review_transitions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "review");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "borrador\n");
  }

  /* From borrador: neither return nor approve. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "approve", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "Only a submitted plan can be approved; this one is “borrador”");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "return", "--note", "x", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "Only a submitted plan can be returned");
  }

  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "review", "submit", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_cmpstr (r.err, ==, "");
  }

  /* From enviado: not submitted again; a return needs its note. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "review", "submit", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "this one is “enviado”");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "return", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "requires a note");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "return", "--note", "Falta la meta\tde la actividad 3", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  /* From observado: only submit. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "approve", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "this one is “observado”");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "review", "submit", "--note", "Corregida", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "approve", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  /* From aprobado: nothing. */
  {
    const char *verbs[] = { "submit", "return", "approve" };

    for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
      {
        g_auto(Result) r = { 0 };

        run_env (&r, as_paulo, "--db", fixture->db, "review", verbs[i], "--note", "otra", NULL);
        g_assert_cmpint (r.status, ==, 2);
        assert_one_error_line (&r, "this one is “aprobado”");
      }
  }

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "review");
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (r.out, "\n", -1);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 6);  /* status, 4 steps, "" after the last \n */
  g_assert_cmpstr (lines[0], ==, "aprobado");
  g_assert_cmpstr (lines[5], ==, "");

  {
    const char *expected[][3] = {
      { "Ana Planeación", "enviado", "" },
      { "Paulo", "observado", "Falta la meta de la actividad 3" },  /* the tab is a space */
      { "Ana Planeación", "enviado", "Corregida" },
      { "Paulo", "aprobado", "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_clear_pointer (&fields, g_strfreev);
        fields = g_strsplit (lines[i + 1], "\t", -1);
        g_assert_cmpuint (g_strv_length (fields), ==, 4);
        assert_date (fields[0]);
        g_assert_cmpstr (fields[1], ==, expected[i][0]);
        g_assert_cmpstr (fields[2], ==, expected[i][1]);
        g_assert_cmpstr (fields[3], ==, expected[i][2]);
      }
  }

  /* The refused steps wrote nothing. */
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM review_step"), ==, 4);
}

static void
approve (Fixture *fixture)
{
  const char *verbs[] = { "submit", "approve" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_auto(Result) r = { 0 };

      run_env (&r, as_paulo, "--db", fixture->db, "review", verbs[i], NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
}

/* An approved plan refuses a change without a justification, and records one with it. */
static void
test_set_on_approved_plan (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(GStrv) fields = NULL;

  /* Before approval, a change needs no justification, and is recorded all the same. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--activity", "2", "unit", "Apoyos", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }

  approve (fixture);

  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--activity", "1", "programmed", "25", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "requires a justification");
  }
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT programmed FROM activity WHERE number = 1"), ==, 20);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM change_record"), ==, 1);

  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--activity", "1", "programmed", "25",
             "--justification", "Reconducción por lluvias", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_cmpstr (r.err, ==, "");
  }
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT programmed FROM activity WHERE number = 1"), ==, 25);

  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--budget", "2111", "amount", "6000.5",
             "--justification", "Más papel", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "area", "Migrantes", "--justification", "Nombre corto", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* A key that is not the plan file's, and a value the field refuses. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--activity", "1", "meta", "3", "--justification", "x", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "“meta”"));
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--activity", "1", "start", "2026-02-30", "--justification", "x", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }

  {
    g_auto(Result) r = { 0 };
    g_auto(GStrv) lines = NULL;
    const char *expected[][6] = {
      { "activity 2", "unit", "", "Apoyos", "" },
      { "activity 1", "programmed", "20", "25", "Reconducción por lluvias" },
      { "budget 2111", "amount", "5000.00", "6000.50", "Más papel" },
      { "plan", "area", "Migrantes y Ex braceros", "Migrantes", "Nombre corto" },
    };

    run (&r, "--db", fixture->db, "history");
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (g_strchomp (r.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_clear_pointer (&fields, g_strfreev);
        fields = g_strsplit (lines[i], "\t", -1);
        g_assert_cmpuint (g_strv_length (fields), ==, 7);
        assert_date (fields[0]);
        g_assert_cmpstr (fields[1], ==, "Ana Planeación");
        for (guint f = 0; f < 5; f++)
          g_assert_cmpstr (fields[2 + f], ==, expected[i][f]);
      }
  }
}

/* Without $POA_USER the command line writes the name kept in the window's preferences (the
 * settings, here GSettings' keyfile backend in the test's own folder), read with GIO alone. */
static void
test_user_name_preference (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *settings_dir = g_build_filename (fixture->dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *config_home = g_strdup_printf ("XDG_CONFIG_HOME=%s", fixture->dir);
  const char *env[] = { "POA_USER=", "GSETTINGS_BACKEND=keyfile", config_home, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_file_set_contents (keyfile, "[mx/gob/sombrerete/Poa]\nuser-name='Mtra. Luz Ríos'\n", -1, &error);
  g_assert_no_error (error);

  {
    g_auto(Result) r = { 0 };

    run_env (&r, env, "--db", fixture->db, "set", "--activity", "2", "unit", "Apoyos", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "history");
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (g_strchomp (r.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    fields = g_strsplit (lines[0], "\t", -1);
    g_assert_cmpstr (fields[1], ==, "Mtra. Luz Ríos");
  }
}

/* The planning unit's observations and closed quarters from the command line: added, listed,
 * kept by export → import; a closed quarter's month refused without a justification. */
static void
test_observations_and_closed_quarters (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "otra.sqlite3", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "observe", "--activity", "3",
             "--note", "La meta\tno cuadra", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "observe", "--activity", "40", "--note", "x", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "40");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "observe", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--note"));
  }
  {
    g_auto(Result) r = { 0 };

    g_auto(Result) r2 = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "submit", NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_env (&r2, as_paulo, "--db", fixture->db, "review", "return", "--note", "Faltan firmas", NULL);
    g_assert_cmpint (r2.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "review", "observations");
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (g_strchomp (r.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    fields = g_strsplit (lines[0], "\t", -1);
    g_assert_cmpuint (g_strv_length (fields), ==, 4);
    assert_date (fields[0]);
    g_assert_cmpstr (fields[1], ==, "Paulo");
    g_assert_cmpstr (fields[2], ==, "activity 3");
    g_assert_cmpstr (fields[3], ==, "La meta no cuadra");
    g_clear_pointer (&fields, g_strfreev);
    fields = g_strsplit (lines[1], "\t", -1);
    g_assert_cmpstr (fields[2], ==, "plan");
    g_assert_cmpstr (fields[3], ==, "Faltan firmas");
  }

  /* The first quarter closed: February needs a justification, April does not. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "close-quarter", "1", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (test_sql_int (fixture->db, "SELECT closed_quarters FROM plan"), ==, 1);
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "close-quarter", "5", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "1 to 4"));
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "record", "--activity", "1", "--month", "2", "--achieved", "4", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "justification");
    g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM activity_month WHERE month = 2 AND achieved = 4"), ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    g_auto(Result) r2 = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "record", "--activity", "1", "--month", "4", "--achieved", "2", NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_env (&r2, as_ana, "--db", fixture->db, "record", "--activity", "1", "--month", "2", "--achieved", "4",
             "--justification", "Corrección del área", NULL);
    g_assert_cmpint (r2.status, ==, 0);
    g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM activity_month WHERE month = 2 AND achieved = 4"), ==, 1);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "history");
    g_assert_nonnull (strstr (r.out, "\tplan\tclosed_quarters\t\t1\t\n"));
    g_assert_nonnull (strstr (r.out, "\tCorrección del área\n"));
  }

  /* Export → import into another database: both kept. */
  {
    g_auto(Result) r = { 0 };

    g_auto(Result) r2 = { 0 };

    run (&r, "--db", fixture->db, "export", "--output", json);
    g_assert_cmpint (r.status, ==, 0);
    run (&r2, "--db", other, "import", "--keep-both", json);
    g_assert_cmpint (r2.status, ==, 0);
    g_assert_cmpint (test_sql_int (other, "SELECT count(*) FROM observation"), ==, 2);
    g_assert_cmpint (test_sql_int (other, "SELECT max(closed_quarters) FROM plan"), ==, 1);
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "review", "reopen-quarter", "1", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (test_sql_int (fixture->db, "SELECT closed_quarters FROM plan"), ==, 0);
  }
}

/* `record` is a change like any other: the month and the total, each once. */
static void
test_record_is_recorded (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint round = 0; round < 2; round++)
    {
      g_auto(Result) r = { 0 };

      /* The second time, the same figures: nothing changes, nothing is recorded. */
      run_env (&r, as_ana, "--db", fixture->db, "record", "--activity", "2", "--month", "3",
               "--programmed", "5", "--achieved", "2", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }

  {
    g_auto(Result) r = { 0 };
    g_auto(GStrv) lines = NULL;

    run (&r, "--db", fixture->db, "history");
    /* Not chomped: the last field, empty, ends in the tab before it. */
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (lines[2], ==, "");
    /* Activity 2 of the default plan achieved 6, all without a month. */
    g_assert_true (g_str_has_suffix (lines[0], "\tAna Planeación\tactivity 2\tcalendar\t\t3: 5/2\t"));
    g_assert_true (g_str_has_suffix (lines[1], "\tAna Planeación\tactivity 2\tachieved\t6\t8\t"));
  }
}

/* The record and the review go out with the plan file and come back with it. */
static void
test_history_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "otra.sqlite3", NULL);
  g_autofree char *history = NULL;

  approve (fixture);
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "set", "--activity", "3", "achieved", "4",
             "--justification", "Dato corregido", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "history");
    g_assert_cmpuint (count_lines (r.out), ==, 1);
    history = g_strdup (r.out);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "export", "--output", json);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    /* Into another database: the default plan there is the same área and year. */
    run (&r, "--db", other, "import", "--keep-both", json);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "2\n");
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", other, "--plan", "2", "history");
    g_assert_cmpstr (r.out, ==, history);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", other, "--plan", "2", "review");
    g_assert_true (g_str_has_prefix (r.out, "aprobado\n"));
    g_assert_cmpuint (count_lines (r.out), ==, 3);
  }
}

static char *
area_file (const char *dir,
           guint       i,
           guint       programmed,
           guint       achieved)
{
  g_autofree char *name = g_strdup_printf ("area-%02u.json", i);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text =
    g_strdup_printf ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2027,"
                     " \"area\": \"Área %02u\", \"direction\": \"Dirección\","
                     " \"activities\": [{\"number\": 1, \"name\": \"A\", \"annual_goal\": %u,"
                     " \"programmed\": %u, \"achieved\": %u,"
                     " \"start\": \"2027-01-01\", \"end\": \"2027-12-31\"}]}",
                     i, programmed, programmed, achieved);

  test_write_file (path, text);
  return path;
}

/* Thirty files at once: the bad one fails alone, named; the others are in, one ID each. */
static void
test_import_thirty (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bad = NULL;
  g_auto(Result) r = { 0 };
  g_auto(GStrv) ids = NULL;

  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (fixture->db));
  g_ptr_array_add (args, g_strdup ("import"));
  for (guint i = 1; i <= 30; i++)
    {
      char *path = area_file (fixture->dir, i, 10, i % 11);

      if (i == 17)
        {
          /* A typo in a key: the whole file is refused. */
          test_write_file (path, "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2027,"
                                 " \"area\": \"Área 17\", \"activites\": []}");
          bad = g_strdup (path);
        }
      g_ptr_array_add (args, path);
    }

  run_argv (&r, args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, bad));
  g_assert_nonnull (strstr (r.err, "activites"));

  ids = g_strsplit (g_strchomp (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (ids), ==, 29);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan WHERE year = 2027"), ==, 29);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan WHERE area = 'Área 17'"), ==, 0);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM plan WHERE id = %s AND year = 2027", ids[i]);
      g_assert_cmpint (test_sql_int (fixture->db, sql), ==, 1);
    }
}

/* The same área and year again: refused, saying what to do, unless a flag says it. */
static void
test_import_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = area_file (fixture->dir, 1, 10, 5);
  g_autofree char *again = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *replaced = NULL;

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", first);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "2\n");
  }
  /* A change recorded on it, which --replace keeps. */
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "--plan", "2", "set", "--activity", "1", "achieved", "6", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  /* An observation the file carries too (it is exported with it, below), and one made after. */
  {
    g_auto(Result) r = { 0 };
    g_auto(Result) r2 = { 0 };
    g_auto(Result) r3 = { 0 };

    run_env (&r, as_paulo, "--db", fixture->db, "--plan", "2", "review", "observe", "--note",
             "Antes de exportar", NULL);
    g_assert_cmpint (r.status, ==, 0);
    run (&r2, "--db", fixture->db, "--plan", "2", "export", "--output", again);
    g_assert_cmpint (r2.status, ==, 0);
    run_env (&r3, as_paulo, "--db", fixture->db, "--plan", "2", "review", "observe", "--activity", "1",
             "--note", "Después de exportar", NULL);
    g_assert_cmpint (r3.status, ==, 0);
  }

  /* The same área in other letters' case is the same área. */
  {
    g_autofree char *text = NULL;
    g_autoptr(GRegex) area = g_regex_new ("Área 01", 0, 0, NULL);
    g_autofree char *changed = NULL;

    g_assert_true (g_file_get_contents (again, &text, NULL, NULL));
    changed = g_regex_replace_literal (area, text, -1, 0, "ÁREA 01", 0, NULL);
    test_write_file (again, changed);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", again);
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, again);
    g_assert_nonnull (strstr (r.err, "already holds plan 2 for “Área 01”, 2027"));
    g_assert_nonnull (strstr (r.err, "--replace"));
    g_assert_nonnull (strstr (r.err, "--keep-both"));
  }
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan"), ==, 2);

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", "--replace", again);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpuint (count_lines (r.out), ==, 1);
    replaced = g_strdup (g_strchomp (r.out));
  }
  /* One plan for the área, the file's (its name as the file writes it). */
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan"), ==, 2);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan WHERE area = 'ÁREA 01'"), ==, 1);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan WHERE area = 'Área 01'"), ==, 0);
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "--plan", replaced, "history");
    g_assert_cmpuint (count_lines (r.out), ==, 1);
    g_assert_nonnull (strstr (r.out, "\tactivity 1\tachieved\t5\t6\t"));
  }
  /* Both observations, oldest first, the one the file carried once. */
  {
    g_auto(Result) r = { 0 };
    g_auto(GStrv) lines = NULL;

    run (&r, "--db", fixture->db, "--plan", replaced, "review", "observations");
    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (g_strchomp (r.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_true (g_str_has_suffix (lines[0], "\tPaulo\tplan\tAntes de exportar"));
    g_assert_true (g_str_has_suffix (lines[1], "\tPaulo\tactivity 1\tDespués de exportar"));
  }

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", "--keep-both", again);
    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan"), ==, 3);
}

/* Three áreas with figures worked out by hand. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *a = area_file (fixture->dir, 1, 40, 30);  /* 75.0 % */
  g_autofree char *b = area_file (fixture->dir, 2, 3, 2);    /* 66.7 % */
  g_autofree char *c = area_file (fixture->dir, 3, 8, 9);    /* 112.5 % */

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "import", c, a, b);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "2\n3\n4\n");
  }
  {
    g_auto(Result) r = { 0 };

    run_env (&r, as_ana, "--db", fixture->db, "--plan", "4", "review", "submit", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = { 0 };

    /* The files leave empty what `check` warns about: 5 warnings on the plan (objective,
     * specific objectives, the three signatures' names) and 6 on its one activity (its texts
     * but the name), and a 7th when it achieves more than programmed (the third). */
    run (&r, "--db", fixture->db, "summary", "--year", "2027");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpstr (r.out, ==,
                     "3\t2027\tÁrea 01\t1\t40\t30\t75.0\tborrador\t0\t11\n"
                     "4\t2027\tÁrea 02\t1\t3\t2\t66.7\tenviado\t0\t11\n"
                     "2\t2027\tÁrea 03\t1\t8\t9\t112.5\tborrador\t0\t12\n");
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "summary");
    g_assert_cmpuint (count_lines (r.out), ==, 4);
    g_assert_true (g_str_has_prefix (r.out, "1\t2026\tMigrantes y Ex braceros\t16\t198\t23\t11.6\tborrador\t"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/cli/review/transitions", test_review_transitions);
  ADD ("/cli/review/set-on-approved-plan", test_set_on_approved_plan);
  ADD ("/cli/review/history-round-trip", test_history_round_trip);
  ADD ("/cli/review/record-is-recorded", test_record_is_recorded);
  ADD ("/cli/import/thirty-files", test_import_thirty);
  ADD ("/cli/import/duplicate", test_import_duplicate);
  ADD ("/cli/summary", test_summary);
  ADD ("/cli/review/user-name-preference", test_user_name_preference);
  ADD ("/cli/review/observations-and-closed-quarters", test_observations_and_closed_quarters);
#undef ADD

  return g_test_run ();
}
