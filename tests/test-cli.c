/* test-cli.c — the command line, run as a script would run it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE 1 /* memmem() */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "test-cli-util.h"
#include "test-sqlite.h"
#include "test-util.h"

/* A temporary folder with a database's name in it (test-util.h). */
typedef TestFiles Fixture;

static void
test_plans_lists_the_default_plan (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "plans");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n");
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_check_reports_and_exits_1 (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) format = g_regex_new ("^(error|warning)\t(plan|activity [0-9]+|budget( [^\t]+)?)\t[^\t]+$", 0, 0, NULL);

  run (&r, "--db", fixture->db, "check");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "error\tactivity 7\tends on 31/12/2025, before it starts on 01/01/2026\n"));
  g_assert_nonnull (strstr (r.out, "warning\tactivity 14\tstarts on 01/01/2025, outside the plan year 2026\n"));

  lines = g_strsplit (g_strchomp (r.out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_regex_match (format, lines[i], 0, NULL))
      g_error ("not a finding line: “%s”", lines[i]);
}

static void
test_check_speaks_spanish (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  const char *env[] = { "LANGUAGE=es", "LC_ALL=es_MX.UTF-8", NULL };

  run_env (&r, env, "--db", fixture->db, "check", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "error\tactivity 7\ttermina el 31/12/2025, antes de empezar el 01/01/2026\n"));
}

static void
test_export_then_import_round_trips (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "again.json", NULL);
  g_auto(Result) r = { 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  run (&r, "--db", fixture->db, "export", "--output", first);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  /* The same área and year as the plan there: added beside it, as asked. */
  run (&r, "--db", fixture->db, "import", "--keep-both", first);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "2\n");
  result_clear (&r);

  run (&r, "--db", fixture->db, "plans");
  g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n2\t2026\tMigrantes y Ex braceros\t16\n");
  result_clear (&r);

  run (&r, "--db", fixture->db, "--plan", "2", "export", "--output=" , second);
  g_assert_cmpint (r.status, !=, 0);
  result_clear (&r);
  run (&r, "--db", fixture->db, "--plan", "2", "export", "-o", second);
  g_assert_cmpint (r.status, ==, 0);

  a = test_file_checksum (first);
  b = test_file_checksum (second);
  g_assert_cmpstr (a, ==, b);
}

static void
test_bad_import_changes_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const struct {
    const char *contents;
    const char *mention;
  } cases[] = {
    { "{ \"format\": \"poa-plan\", \"version\": 1,\n  \"year\": 2026, }", "line 2" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"colour\": \"red\"}", "colour" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"annual_goal\": -4}]}", "annual_goal" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"end\": \"2026-02-30\"}]}", "end" },
    /* Issue 14: read as other values, exit 0, before the reader was strict. */
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"budget\": [{\"code\": \"2111\", \"amount\": 05000}]}", "column 90" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"annual_goal\": 010}]}", "line 1" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"annual_goal\": 0X1F}]}", "line 1" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"activities\": [{\"annual_goal\": 0b101}]}", "line 1" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026,\n \"activities\": [{\"name\": \"a\"}],\n \"activities\": []}", "“activities” appears twice" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026}\n{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2027}", "line 2" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"area\": \"A\\u000bB\"}", "“area” holds the control character U+000B" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"area\": \"antes\\u0000despues\"}", "“area” holds the control character U+0000" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"budget\": [{\"code\": \"2111\", \"amount\": 12345.678}]}", "two decimals" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"budget\": [{\"code\": \"2111\", \"amount\": 9223372036854775808}]}", "too large" },
    { "{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"\\u001b[2J\\u001b]0;x\\u0007\": 1}", "unknown key “\\u001B[2J\\u001B]0;x\\u0007”" },
  };
  g_autofree char *plan = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *before = NULL;
  g_auto(Result) setup = { 0 };

  run (&setup, "--db", fixture->db, "plans");
  before = test_file_checksum (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };
      g_autofree char *after = NULL;

      test_write_file (plan, cases[i].contents);
      run (&r, "--db", fixture->db, "import", plan);
      g_assert_cmpint (r.status, ==, 2);
      assert_one_error_line (&r, "bad.json");
      assert_one_error_line (&r, cases[i].mention);

      after = test_file_checksum (fixture->db);
      g_assert_cmpstr (before, ==, after);
      /* Nothing raw from the file reaches the terminal. */
      g_assert_null (strchr (r.err, '\x1b'));
      g_assert_null (strchr (r.err, '\x07'));
    }
}

/* 100,000 unknown keys gave a line of 1.4 MB: the first five are named, the rest counted. */
static void
test_many_unknown_keys_make_one_short_line (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *plan = g_build_filename (fixture->dir, "keys.json", NULL);
  GString *text = g_string_new ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026");
  g_auto(Result) r = { 0 };

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, ", \"clave%u\": 1", i);
  g_string_append (text, "}");
  test_write_file (plan, text->str);
  g_string_free (text, TRUE);

  run (&r, "--db", fixture->db, "import", plan);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, "“clave4” and 99995 more");
  g_assert_cmpuint (strlen (r.err), <, 200);
}

static void
test_bad_databases_exit_2_untouched (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.sqlite3", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) r = { 0 };

  test_write_file (text, "Esto no es una base de datos.\n");
  before = test_file_checksum (text);
  run (&r, "--db", text, "plans");
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, text);
  after = test_file_checksum (text);
  g_assert_cmpstr (before, ==, after);
}

static void
test_failed_export_leaves_no_file (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "plan.json", NULL);
  g_autofree char *unknown = g_build_filename (fixture->dir, "plan.txt", NULL);
  g_auto(Result) r = { 0 };

  run (&r, "--db", fixture->db, "export", "--output", missing);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  result_clear (&r);

  run (&r, "--db", fixture->db, "export", "--output", unknown);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, unknown);
  assert_one_error_line (&r, ".json, .xlsx, .pdf or .png");
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));
  result_clear (&r);

  g_free (missing);
  missing = g_build_filename (fixture->dir, "no-such-folder", "poa.xlsx", NULL);
  run (&r, "--db", fixture->db, "export", "--output", missing);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_export_writes_a_workbook (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *workbook = g_build_filename (fixture->dir, "poa.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_auto(Result) r = { 0 };
  gsize length = 0;

  run (&r, "--db", fixture->db, "export", "--output", workbook);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "");

  /* An .xlsx is a zip file; test-xlsx reads its contents back. */
  g_assert_true (g_file_get_contents (workbook, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 2, "PK", 2);
}

/* The cronograma as a document: the format follows the name, as for .json. */
static void
test_export_writes_pdf_and_png (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "cronograma.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "Cronograma.PNG", NULL);
  g_autofree char *contents = NULL;
  g_auto(Result) r = { 0 };
  gsize length;

  run (&r, "--db", fixture->db, "export", "--output", pdf);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  result_clear (&r);

  run (&r, "--db", fixture->db, "export", "-o", png);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  result_clear (&r);

  run (&r, "--help");
  g_assert_nonnull (strstr (r.out, ".json, .xlsx, .pdf or .png"));
}

static void
test_usage_errors_exit_2 (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *cases[][4] = {
    { "frobnicate", NULL },
    { "export", NULL },
    { "plans", "extra", NULL },
    { "--plan", "abc", "plans", NULL },
    { "--plan", "99", "check", NULL },
    { "--colour", "plans", NULL },
    { "import", NULL },
    { "backup", NULL },
    { "backup", "--output", NULL },
    { "backup", "--output=", NULL },
    { "backup", "copia.sqlite3", NULL },
    { "restore", NULL },
    { "restore", "a.sqlite3", "b.sqlite3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };

      run (&r, "--db", fixture->db, cases[i][0], cases[i][1], cases[i][2], cases[i][3]);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_cmpstr (r.err, !=, "");
    }
}

static void
test_poa_db_names_the_database (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  g_autofree char *setting = g_strdup_printf ("POA_DB=%s", fixture->db);
  const char *env[] = { setting, NULL };
  g_auto(Result) r = { 0 };

  run_env (&r, env, "plans", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  result_clear (&r);

  /* --db wins over POA_DB. */
  run_env (&r, env, "--db", other, "plans", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* Issue 16: `record` sets one month through the document, the activity's achieved moving by
 * the difference; `report` prints the quarter's lines. Figures worked out by hand below. */
static void
test_record_then_report (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(Result) r = { 0 };

  /* Activity 1 of the default plan: 20 programmed, 6 achieved, all without a month. */
  struct { const char *activity, *month, *programmed, *achieved; } entries[] = {
    { "1", "1", "5", "4" },
    { "1", "4", "5", "3" },
    { "1", "5", "5", "2" },
    { "1", "6", "5", "0" },
    { "2", "2", "2", "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_auto(Result) rr = { 0 };

      run (&rr, "--db", fixture->db, "record", "--activity", entries[i].activity,
           "--month", entries[i].month, "--programmed", entries[i].programmed,
           "--achieved", entries[i].achieved, "--note", "visitas");
      g_assert_cmpstr (rr.err, ==, "");
      g_assert_cmpint (rr.status, ==, 0);
      g_assert_cmpstr (rr.out, ==, "");
    }

  /* 6 + 4 + 3 + 2 + 0 */
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT achieved FROM activity WHERE number = 1"), ==, 15);
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM activity_month"), ==, 5);

  /* Quarter 2 of activity 1: April–June 5+5+5 = 15 programmed, 3+2+0 = 5 achieved; January to
   * June 20 and 9, 45 %: below. Activity 2: nothing in April–June; January to June 2 of 2:
   * within. The others have no month programmed. */
  g_string_append (expected, "1\t15\t5\t20\t9\tbelow\n");
  g_string_append (expected, "2\t0\t0\t2\t2\twithin\n");
  for (guint n = 3; n <= 16; n++)
    g_string_append_printf (expected, "%u\t\t\t\t\tuncalendarized\n", n);
  run (&r, "--db", fixture->db, "report", "--quarter", "2");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, expected->str);

  /* The same quarter as a workbook: the one sheet, sound, written whole. */
  {
    g_auto(Result) rr = { 0 };
    g_autofree char *xlsx = g_build_filename (fixture->dir, "avance.xlsx", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    run (&rr, "--db", fixture->db, "report", "--quarter", "2", "--output", xlsx);
    g_assert_cmpstr (rr.err, ==, "");
    g_assert_cmpint (rr.status, ==, 0);
    g_assert_cmpstr (rr.out, ==, "");
    /* A zip whose directory names one sheet (names are stored uncompressed). */
    g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
    g_assert_cmpmem (contents, 2, "PK", 2);
    g_assert_nonnull (memmem (contents, length, "xl/worksheets/sheet1.xml", 24));
    g_assert_null (memmem (contents, length, "xl/worksheets/sheet2.xml", 24));
  }

  /* April again, 1 instead of 3: the total goes down by 2, the note stays. */
  {
    g_auto(Result) rr = { 0 };
    g_autofree char *note = NULL;

    run (&rr, "--db", fixture->db, "record", "--activity", "1", "--month", "4", "--achieved", "1");
    g_assert_cmpint (rr.status, ==, 0);
    g_assert_cmpint (test_sql_int (fixture->db, "SELECT achieved FROM activity WHERE number = 1"), ==, 13);
    g_assert_cmpint (test_sql_int (fixture->db, "SELECT programmed FROM activity_month WHERE month = 4"), ==, 5);
    note = test_sql_text (fixture->db, "SELECT note FROM activity_month WHERE month = 4");
    g_assert_cmpstr (note, ==, "visitas");
  }
}

static void
test_record_refuses_bad_figures (Fixture       *fixture,
                                 gconstpointer  data)
{
  struct { const char *option, *value, *mention; } bad[] = {
    { "--month", "13", "--month" },
    { "--month", "0", "--month" },
    { "--achieved", "-1", "--achieved" },
    { "--programmed", "-3", "--programmed" },
    { "--achieved", "2.5", "--achieved" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Result) r = { 0 };

      if (g_str_equal (bad[i].option, "--month"))
        run (&r, "--db", fixture->db, "record", "--activity", "1", "--month", bad[i].value);
      else
        run (&r, "--db", fixture->db, "record", "--activity", "1", "--month", "3",
             bad[i].option, bad[i].value);
      g_assert_cmpint (r.status, ==, 2);
      assert_one_error_line (&r, bad[i].mention);
    }

  /* Nothing was written (nor even the database made). */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "report", "--quarter", "5");
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, "--quarter");
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", fixture->db, "report", "--quarter", "1", "--output", "r.csv");
    g_assert_cmpint (r.status, ==, 2);
    assert_one_error_line (&r, ".xlsx");
  }
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* A plan file whose months achieved more than the activity's total is refused whole. */
static void
test_import_refuses_months_above_the_total (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "meses.json", NULL);
  g_auto(Result) r = { 0 };
  g_auto(Result) made = { 0 };

  run (&made, "--db", fixture->db, "plans");
  g_assert_cmpint (made.status, ==, 0);
  test_write_file (path,
                   "{\"format\": \"poa-plan\", \"version\": 2, \"year\": 2026, \"activities\": [\n"
                   "  {\"name\": \"Uno\", \"achieved\": 5},\n"
                   "  {\"name\": \"Dos\", \"achieved\": 2,\n"
                   "   \"calendar\": [{\"month\": 1, \"achieved\": 2}, {\"month\": 2, \"achieved\": 1}]}\n"
                   "]}\n");
  run (&r, "--db", fixture->db, "import", path);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, "meses.json: activity 2: ");
  g_assert_nonnull (strstr (r.err, "3"));
  g_assert_cmpint (test_sql_int (fixture->db, "SELECT count(*) FROM plan"), ==, 1);
}

/* Issue 15: under LC_ALL=C the output was "Elabor?": the plan's texts are written in UTF-8 as
 * they are, whatever the locale's character set. */
static void
test_output_is_utf8_in_any_locale (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  const char *env[] = { "LC_ALL=C", NULL };

  run_env (&r, env, "--db", fixture->db, "check", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_utf8_validate (r.out, -1, NULL));
  g_assert_nonnull (strstr (r.out, "\xe2\x80\x9c" "Elabor\xc3\xb3" "\xe2\x80\x9d"));
  g_assert_null (strstr (r.out, "?"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) TEST_ADD_WITH_FILES (path, func)
  ADD ("/cli/plans/lists-the-default-plan", test_plans_lists_the_default_plan);
  ADD ("/cli/check/reports-and-exits-1", test_check_reports_and_exits_1);
  ADD ("/cli/check/speaks-spanish", test_check_speaks_spanish);
  ADD ("/cli/check/output-is-utf8-in-any-locale", test_output_is_utf8_in_any_locale);
  ADD ("/cli/export-import/round-trips", test_export_then_import_round_trips);
  ADD ("/cli/import/bad-file-changes-nothing", test_bad_import_changes_nothing);
  ADD ("/cli/import/many-unknown-keys-make-one-short-line", test_many_unknown_keys_make_one_short_line);
  ADD ("/cli/db/bad-database-exits-2-untouched", test_bad_databases_exit_2_untouched);
  ADD ("/cli/export/failure-leaves-no-file", test_failed_export_leaves_no_file);
  ADD ("/cli/export/writes-pdf-and-png", test_export_writes_pdf_and_png);
  ADD ("/cli/export/writes-a-workbook", test_export_writes_a_workbook);
  ADD ("/cli/usage/errors-exit-2", test_usage_errors_exit_2);
  ADD ("/cli/db/poa-db-names-the-database", test_poa_db_names_the_database);
  ADD ("/cli/follow-up/record-then-report", test_record_then_report);
  ADD ("/cli/follow-up/record-refuses-bad-figures", test_record_refuses_bad_figures);
  ADD ("/cli/follow-up/import-refuses-months-above-the-total", test_import_refuses_months_above_the_total);
#undef ADD

  return g_test_run ();
}
