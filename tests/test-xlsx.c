/* test-xlsx.c — the official workbook: written, then read back by an independent reader.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is check-xlsx.py, run with Debian's Python and openpyxl ($POA_PYTHON3): it
 * compares the workbook with the plan file written from the same plan.
 */

#include "config.h"

#include <locale.h>

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-default-plan.h"
#include "poa-export-error.h"
#include "poa-export.h"
#include "poa-indicator.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-xlsx-export.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *xlsx;
  char *json;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->xlsx = g_build_filename (fixture->dir, "POA 2026 - Área.xlsx", NULL);
  fixture->json = g_build_filename (fixture->dir, "plan.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->xlsx);
  g_free (fixture->json);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted and joined by spaces: what a failed export may have left. */
static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

/* Writes @plan as a workbook and as a plan file, and has the reader compare them. */
static void
export_and_read_back (Fixture *fixture,
                      PoaPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) reader = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx.py", NULL);
  g_autofree char *out = NULL;
  const char *python = g_getenv ("POA_PYTHON3");

  g_assert_nonnull (python);

  g_assert_true (poa_export_plan (plan, fixture->xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (poa_plan_json_save (plan, fixture->json, &error));
  g_assert_no_error (error);

  reader = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                             python, script, fixture->json, fixture->xlsx, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (reader, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_test_message ("%s", lines[i]);
  }
  if (!g_subprocess_get_successful (reader))
    g_error ("the workbook does not read back as the plan: see the lines above");
}

static void
test_default_plan_reads_back (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);

  g_assert_no_error (error);
  export_and_read_back (fixture, plan);

  /* Only the workbook and the plan file: the temporary file was renamed into place. */
  {
    g_autofree char *names = list_folder (fixture->dir);
    g_assert_cmpstr (names, ==, "POA 2026 - Área.xlsx plan.json");
  }
}

/* Under a locale whose decimals take a comma (build-aux/install-deps.sh generates es_ES.UTF-8),
 * the semáforo's thresholds still reach the formulas and number formats with a point. */
static void
test_decimal_comma_locale_reads_back (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_no_error (error);
  g_assert_nonnull (setlocale (LC_NUMERIC, "es_ES.UTF-8"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  export_and_read_back (fixture, plan);
  setlocale (LC_NUMERIC, old);
}

static char *
repeat (const char *text,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, text);
  return g_string_free (s, FALSE);
}

static void
add_activity (PoaPlan    *plan,
              guint       number,
              const char *texts[POA_ACTIVITY_N_TEXTS],
              guint       annual,
              guint       programmed,
              guint       achieved,
              const GDate *start,
              const GDate *end,
              guint       months)
{
  g_autoptr(PoaActivity) activity = poa_activity_new ();

  poa_activity_set_number (activity, number);
  for (guint t = 0; t < POA_ACTIVITY_N_TEXTS; t++)
    poa_activity_set_text (activity, t, texts[t]);
  poa_activity_set_goal (activity, POA_ACTIVITY_ANNUAL_GOAL, annual);
  poa_activity_set_goal (activity, POA_ACTIVITY_PROGRAMMED, programmed);
  poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, achieved);
  poa_activity_set_start (activity, start);
  poa_activity_set_end (activity, end);
  poa_activity_set_months (activity, months);
  g_list_store_append (poa_plan_get_activities (plan), activity);
}

/* 300 activities of everything a plan may hold that a workbook could trip on: very long texts
 * and words, accents and ñ, XML's special characters, texts that look like formulas, empty
 * fields, zero and huge metas, missing dates, dates outside the year or before 1900. */
static PoaPlan *
make_awkward_plan (void)
{
  PoaPlan *plan = poa_plan_new (2027);
  g_autofree char *long_text = repeat ("Atención a niñas, niños y señoras del año en curso; ", 60);
  g_autofree char *huge_text = repeat ("Pequeña acción comunitaria número ñ. ", 540);
  g_autofree char *long_word = repeat ("Ñandú", 60);
  GDate jan1, dec31, late, slip;

  g_date_set_dmy (&jan1, 1, 1, 2027);
  g_date_set_dmy (&dec31, 31, 12, 2027);
  g_date_set_dmy (&late, 15, 3, 2029);
  g_date_set_dmy (&slip, 2, 5, 207);

  poa_plan_set_text (plan, POA_PLAN_MUNICIPALITY, "Sombrerete, Zac. & «Compañía» <S.A.>");
  poa_plan_set_text (plan, POA_PLAN_ADMINISTRATION, "2027 - 2030");
  poa_plan_set_text (plan, POA_PLAN_DIRECTION, "");
  poa_plan_set_text (plan, POA_PLAN_AREA, "Niñez, Adolescencia y Señoríos");
  poa_plan_set_text (plan, POA_PLAN_OBJECTIVE, long_text);
  poa_plan_set_text (plan, POA_PLAN_SPECIFIC_OBJECTIVES, "Uno.\nDos.\n\tTres, con tabulador.");
  poa_plan_set_text (plan, POA_PLAN_OBSERVATIONS, long_text);
  poa_signature_set_name (poa_plan_get_signature (plan, 0), "");
  poa_signature_set_title (poa_plan_get_signature (plan, 0), "");
  poa_signature_set_name (poa_plan_get_signature (plan, 2), "Lic. Ñoño Peñaloza Muñoz");

  for (guint i = 0; i < 300; i++)
    {
      const char *empty[POA_ACTIVITY_N_TEXTS] = { "", "", "", "", "", "", "" };
      const char *accents[POA_ACTIVITY_N_TEXTS] = {
        "Campaña de vacunación", "Más bienestar", "Atención", long_text, "Año nuevo", "Dirección de Niñez", "Niños atendidos",
      };
      const char *specials[POA_ACTIVITY_N_TEXTS] = {
        "=SUM(A1:A9)", "  espacios alrededor  ", "<b>&amp;</b> \"citas\" 'sencillas'", "+1", "@arroba", "-menos", "100%",
      };
      const char *longest[POA_ACTIVITY_N_TEXTS] = {
        long_word, long_text, long_word, huge_text, long_text, long_text, long_word,
      };

      switch (i % 6)
        {
        case 0: /* nothing filled in */
          add_activity (plan, i + 1, empty, 0, 0, 0, NULL, NULL, 0);
          break;
        case 1: /* programmed without an annual goal: no programmed percentage */
          add_activity (plan, i + 1, accents, 0, 5, 3, &jan1, &dec31, POA_MONTHS_ALL);
          break;
        case 2: /* nothing programmed: no achieved percentage */
          add_activity (plan, i + 1, specials, 10, 0, 0, &jan1, NULL, 0x0a5);
          break;
        case 3:
          add_activity (plan, i + 1, longest, 3, 3, 1, NULL, &dec31, 0x800);
          break;
        case 4: /* the largest metas */
          add_activity (plan, 0, accents, POA_GOAL_MAX, POA_GOAL_MAX, POA_GOAL_MAX / 3, &dec31, &late, 0x001);
          break;
        default: /* a year mistyped, before spreadsheets' dates begin */
          add_activity (plan, i + 1, accents, 7, 3, 2, &slip, &jan1, 0x001);
        }
    }

  {
    g_autoptr(PoaIndicator) other = poa_indicator_new ("Cobertura", "1. Atendidos 2. Población", "Atendidos / Población × 100");
    g_autoptr(PoaIndicator) blank = poa_indicator_new ("", "", "");
    g_autoptr(PoaBudgetLine) zero = poa_budget_line_new ("0211", "Útiles & «papelería» <oficina>", 0);
    g_autoptr(PoaBudgetLine) cents = poa_budget_line_new ("3761", long_text, 123456);
    g_autoptr(PoaBudgetLine) large = poa_budget_line_new ("", "", G_GINT64_CONSTANT (99999999999999));

    g_list_store_append (poa_plan_get_indicators (plan), other);
    g_list_store_append (poa_plan_get_indicators (plan), blank);
    g_list_store_append (poa_plan_get_budget (plan), zero);
    g_list_store_append (poa_plan_get_budget (plan), cents);
    g_list_store_append (poa_plan_get_budget (plan), large);
  }

  return plan;
}

static void
test_awkward_plan_reads_back (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PoaPlan) plan = make_awkward_plan ();

  export_and_read_back (fixture, plan);
}

static void
test_empty_plan_reads_back (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);

  export_and_read_back (fixture, plan);
}

/* Whatever goes wrong, the target keeps what it had and no temporary file is left. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "poa.xlsx", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "a folder.xlsx", NULL);
  g_autofree char *names = NULL;

  g_assert_false (poa_xlsx_export (plan, missing, &error));
  g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The workbook is written whole, then cannot replace a folder. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (poa_xlsx_export (plan, folder, &error));
  g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, folder));

  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, "a folder.xlsx");
}

static void
test_text_too_long_is_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autofree char *text = repeat ("ñ", 32768);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *texts[POA_ACTIVITY_N_TEXTS] = { "Uno", "", "", text, "", "", "" };

  add_activity (plan, 1, texts, 1, 1, 1, NULL, NULL, 0);
  test_write_file (fixture->xlsx, "the previous workbook");
  before = test_file_checksum (fixture->xlsx);

  g_assert_false (poa_xlsx_export (plan, fixture->xlsx, &error));
  g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fixture->xlsx));
  g_assert_nonnull (strstr (error->message, "POA!E9"));

  after = test_file_checksum (fixture->xlsx);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *names = list_folder (fixture->dir);
    g_assert_cmpstr (names, ==, "POA 2026 - Área.xlsx");
  }

  /* One character less fits. */
  g_clear_error (&error);
  g_free (text);
  texts[3] = text = repeat ("ñ", 32767);
  g_clear_object (&plan);
  plan = poa_plan_new (2026);
  add_activity (plan, 1, texts, 1, 1, 1, NULL, NULL, 0);
  g_assert_true (poa_xlsx_export (plan, fixture->xlsx, &error));
  g_assert_no_error (error);
}

static void
test_export_replaces_the_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autofree char *upper = g_build_filename (fixture->dir, "PLAN.XLSX", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  test_write_file (upper, "old");
  g_assert_true (poa_export_plan (plan, upper, &error));
  g_assert_no_error (error);

  /* A zip file, as every .xlsx is. */
  g_assert_true (g_file_get_contents (upper, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 2, "PK", 2);
}

/* The follow-up: a plan with month figures, read back by check-xlsx-follow-up.py, which works
 * out every quarter's figures from the plan file itself. Among the activities: one whose months
 * need a wider column, one without a calendar (sin calendarizar), one above the band with a
 * justification, one with nothing programmed in the second quarter, a month with only an
 * achieved figure, and achieved units without a month. */
static const char follow_up_plan[] =
  "{\"format\": \"poa-plan\", \"version\": 2, \"year\": 2026, \"tolerance_low\": 85, \"tolerance_high\": 115,"
  " \"semaforo_green\": 80, \"semaforo_yellow\": 60, \"municipality\": \"Sombrerete, Zac.\","
  " \"review\": {\"status\": \"observado\", \"history\": ["
  "   {\"date\": \"2026-01-10T09:00:00-06:00\", \"by\": \"Ana Ruiz\", \"status\": \"enviado\", \"note\": \"\"},"
  "   {\"date\": \"2026-01-12T16:30:00-06:00\", \"by\": \"Planeación\", \"status\": \"observado\","
  "    \"note\": \"Falta la meta de ferias;\\nrevisar unidades\"}]},"
  " \"history\": ["
  "   {\"date\": \"2026-01-05T10:00:00-06:00\", \"by\": \"Ana Ruiz\", \"where\": \"activity 1\", \"field\": \"programmed\","
  "    \"before\": \"10\", \"after\": \"12\", \"justification\": \"\"},"
  "   {\"date\": \"2026-02-01T11:15:00-06:00\", \"by\": \"Luis Pérez\", \"where\": \"plan\", \"field\": \"objective\","
  "    \"before\": \"Atender\", \"after\": \"Atender a «migrantes»\\ny familias\", \"justification\": \"Acuerdo de cabildo 12\"}],"
  " \"direction\": \"Secretaría de Gobierno\", \"area\": \"Migrantes\","
  " \"signatures\": [{\"role\": \"Elaboró\", \"name\": \"Ana Ruiz\", \"title\": \"Titular\"},"
  "                {\"role\": \"Revisó\", \"name\": \"Luis Pérez\", \"title\": \"Planeación\"},"
  "                {\"role\": \"Aprobó\", \"name\": \"Eva Soto\", \"title\": \"Presidenta\"}],"
  " \"activities\": ["
  "  {\"number\": 1, \"name\": \"Talleres\", \"unit\": \"Taller\", \"annual_goal\": 12, \"programmed\": 12,"
  "   \"achieved\": 10, \"months\": [1, 2, 3, 4, 5, 6],"
  "   \"calendar\": [{\"month\": 1, \"programmed\": 2, \"achieved\": 2, \"note\": \"feria\"},"
  "                {\"month\": 2, \"programmed\": 2, \"achieved\": 1},"
  "                {\"month\": 3, \"programmed\": 2, \"achieved\": 3},"
  "                {\"month\": 4, \"programmed\": 3, \"achieved\": 1},"
  "                {\"month\": 5, \"programmed\": 3, \"achieved\": 0}],"
  "   \"justifications\": [{\"quarter\": 2, \"text\": \"Lluvias en mayo\"}]},"
  "  {\"number\": 2, \"name\": \"Visitas\", \"unit\": \"Visita\", \"annual_goal\": 10, \"programmed\": 10,"
  "   \"achieved\": 4, \"months\": [3]},"
  "  {\"number\": 3, \"name\": \"Apoyos entregados\", \"unit\": \"Apoyo\", \"annual_goal\": 15000,"
  "   \"programmed\": 15000, \"achieved\": 14000, \"months\": [4, 5, 6],"
  "   \"calendar\": [{\"month\": 4, \"programmed\": 5000, \"achieved\": 12000},"
  "                {\"month\": 5, \"programmed\": 10000, \"achieved\": 2000}],"
  "   \"justifications\": [{\"quarter\": 1, \"text\": \"Nada en el trimestre\"}]},"
  "  {\"number\": 4, \"name\": \"Ferias\", \"unit\": \"Feria\", \"annual_goal\": 4, \"programmed\": 4,"
  "   \"achieved\": 3, \"months\": [2, 11],"
  "   \"calendar\": [{\"month\": 2, \"programmed\": 2, \"achieved\": 3},"
  "                {\"month\": 6, \"achieved\": 0, \"note\": \"sin sede\"},"
  "                {\"month\": 11, \"programmed\": 2}]}"
  " ]}";

static void
run_follow_up_reader (Fixture    *fixture,
                      const char *xlsx,
                      const char *today,
                      const char *quarter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) reader = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx-follow-up.py", NULL);
  g_autofree char *out = NULL;
  const char *python = g_getenv ("POA_PYTHON3");

  g_assert_nonnull (python);
  reader = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                             python, script, fixture->json, xlsx, today, quarter, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (reader, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_test_message ("%s", lines[i]);
  }
  if (!g_subprocess_get_successful (reader))
    g_error ("the workbook's follow-up does not read back as the plan: see the lines above");
}

static PoaPlan *
follow_up_plan_new (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PoaPlan *plan = poa_plan_json_parse (follow_up_plan, strlen (follow_up_plan), "seguimiento.json", &error);

  g_assert_no_error (error);
  g_assert_true (poa_plan_json_save (plan, fixture->json, &error));
  g_assert_no_error (error);
  return plan;
}

static void
test_follow_up_reads_back (Fixture       *fixture,
                           gconstpointer  data)
{
  /* The first quarter alone, then the first two; after the year, all four. */
  static const char *const days[] = { "2026-02-15", "2026-05-10", "2027-01-20" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaPlan) plan = follow_up_plan_new (fixture);

      g_setenv ("POA_TODAY", days[i], TRUE);
      g_assert_true (poa_export_plan (plan, fixture->xlsx, &error));
      g_unsetenv ("POA_TODAY");
      g_assert_no_error (error);
      run_follow_up_reader (fixture, fixture->xlsx, days[i], NULL);
    }
}

static void
test_follow_up_report_reads_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *report = g_build_filename (fixture->dir, "avance.xlsx", NULL);

  for (guint quarter = 1; quarter <= 4; quarter++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaPlan) plan = follow_up_plan_new (fixture);
      char number[2] = { '0' + quarter, '\0' };

      g_setenv ("POA_TODAY", "2026-05-10", TRUE);
      g_assert_true (poa_xlsx_export_report (plan, quarter, report, &error));
      g_unsetenv ("POA_TODAY");
      g_assert_no_error (error);
      g_assert_true (poa_xlsx_export_check (report, &error));
      run_follow_up_reader (fixture, report, "2026-05-10", number);
    }
}

/* The export's reading back says a part is well-formed exactly when an independent XML parser
 * (Python's expat) does: the sheet of a sound workbook is damaged in ways a full disk or a
 * broken writer could (a piece missing from the middle, the end cut, a tag closed wrong, a
 * stray byte that is not UTF-8, an unknown reference, a second root), and some sound but
 * unusual forms are written (a comment, CDATA, references, single quotes). */
static void
test_check_agrees_with_expat (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char script[] =
    "import sys, zipfile, xml.parsers.expat\n"
    "good, out = sys.argv[1], sys.argv[2]\n"
    "z = zipfile.ZipFile(good)\n"
    "sheet = z.read('xl/worksheets/sheet2.xml')\n"
    "middle = len(sheet) // 2\n"
    "cases = {\n"
    "  'piece': sheet[:middle] + sheet[middle + 4096:],\n"
    "  'cut': sheet[:middle],\n"
    "  'tag': sheet.replace(b'</row>', b'</rows>', 1),\n"
    "  'utf8': sheet.replace(b'</sheetData>', b'<row r=\"99999\"><c r=\"A99999\" t=\"inlineStr\"><is><t>\\xc3(</t></is></c></row></sheetData>', 1),\n"
    "  'overlong': sheet.replace(b'</sheetData>', b'<row r=\"99999\"><c r=\"A99999\" t=\"inlineStr\"><is><t>\\xe0\\x80\\x80</t></is></c></row></sheetData>', 1),\n"
    "  'entity': sheet.replace(b'</sheetData>', b'<row r=\"99999\"><c r=\"A99999\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row></sheetData>', 1),\n"
    "  'roots': sheet + b'<worksheet/>',\n"
    "  'quote': sheet.replace(b'<sheetData>', b'<sheetData x=\"1>', 1),\n"
    "  'unusual': sheet.replace(b'</sheetData>', b'<!-- a <comment> --><row r=\"99999\" spans=\\'1:1\\'><c r=\"A99999\" t=\"inlineStr\"><is><t><![CDATA[a < b & c]]> &#233;&#xE9;&amp;&lt;\\xc3\\xb1\\xf0\\x9f\\x98\\x80</t></is></c></row></sheetData>', 1),\n"
    "}\n"
    "for name, part in cases.items():\n"
    "    w = zipfile.ZipFile(out + '/' + name + '.xlsx', 'w', zipfile.ZIP_DEFLATED)\n"
    "    for n in z.namelist():\n"
    "        w.writestr(n, part if n == 'xl/worksheets/sheet2.xml' else z.read(n))\n"
    "    w.close()\n"
    "    try:\n"
    "        xml.parsers.expat.ParserCreate().Parse(part, True)\n"
    "        print(name, 'well-formed')\n"
    "    except xml.parsers.expat.ExpatError:\n"
    "        print(name, 'malformed')\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autoptr(GSubprocess) maker = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint malformed = 0;

  g_assert_no_error (error);
  g_assert_true (poa_xlsx_export (plan, fixture->xlsx, &error));
  g_assert_no_error (error);
  maker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("POA_PYTHON3"), "-c", script,
                            fixture->xlsx, fixture->dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (maker, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (maker));

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 2);
      g_autofree char *file = g_strdup_printf ("%s/%s.xlsx", fixture->dir, words[0]);
      g_autoptr(GError) check_error = NULL;
      gboolean sound = poa_xlsx_export_check (file, &check_error);

      g_test_message ("%s: expat says %s, the export's check %s", words[0], words[1],
                      sound ? "sound" : check_error->message);
      g_assert_cmpint (sound, ==, g_str_equal (words[1], "well-formed"));
      if (!sound)
        {
          g_assert_error (check_error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
          g_assert_nonnull (strstr (check_error->message, "sheet2.xml"));
          malformed++;
        }
    }
  /* The cases are what they are meant to be: all but the unusual one are damaged. */
  g_assert_cmpuint (malformed, ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xlsx/default-plan/reads-back-as-the-document", test_default_plan_reads_back);
  ADD ("/xlsx/default-plan/reads-back-under-a-decimal-comma", test_decimal_comma_locale_reads_back);
  ADD ("/xlsx/awkward-plan/reads-back-with-right-cached-values", test_awkward_plan_reads_back);
  ADD ("/xlsx/empty-plan/reads-back", test_empty_plan_reads_back);
  ADD ("/xlsx/failure/leaves-nothing-behind", test_failure_leaves_nothing);
  ADD ("/xlsx/failure/text-too-long-for-a-cell-is-refused", test_text_too_long_is_refused);
  ADD ("/xlsx/export/replaces-the-file-by-extension", test_export_replaces_the_file);
  ADD ("/xlsx/follow-up/reads-back-month-figures-and-avance", test_follow_up_reads_back);
  ADD ("/xlsx/follow-up/report-reads-back", test_follow_up_report_reads_back);
  ADD ("/xlsx/check/agrees-with-expat", test_check_agrees_with_expat);
#undef ADD

  return g_test_run ();
}
