/* test-cli-documents.c — `poa export` and `poa report --output FILE.pdf`: the documents that
 * get signed, from the command line, read back by pdftotext and pdfinfo.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "test-cli-util.h"
#include "test-util.h"

/* The avance as a PDF carries `poa report`'s figures: for each calendarized activity its
 * quarter's programmed and achieved, then the accumulated ones, in that order after its name. */
static void
test_report_pdf_has_the_report_figures (TestFiles     *files,
                                        gconstpointer  data)
{
  static const struct { const char *activity, *month, *programmed, *achieved; } months[] = {
    { "1", "1", "3", "2" }, { "1", "2", "2", "2" }, { "1", "4", "5", "1" },
    { "2", "3", "10", "12" }, { "2", "5", "6", "0" },
    { "5", "3", "4", "4" },
  };
  static const char *const names[] = { NULL, "Corazón de Plata", "Apoyo a deportados", NULL, NULL, "Seguros Americanos" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_auto(Result) r = { 0 };

      run (&r, "--db", files->db, "record", "--activity", months[i].activity, "--month", months[i].month,
           "--programmed", months[i].programmed, "--achieved", months[i].achieved);
      g_assert_cmpint (r.status, ==, 0);
    }

  for (guint quarter = 1; quarter <= 2; quarter++)
    {
      g_autofree char *q = g_strdup_printf ("%u", quarter);
      g_autofree char *pdf = g_strdup_printf ("%s/avance-%u.pdf", files->dir, quarter);
      g_autofree char *flat = NULL;
      g_autofree char *info = NULL;
      g_auto(GStrv) lines = NULL;
      g_auto(Result) text = { 0 };
      g_auto(Result) r = { 0 };
      guint calendarized = 0;

      run (&text, "--db", files->db, "report", "--quarter", q);
      g_assert_cmpint (text.status, ==, 0);
      run (&r, "--db", files->db, "report", "--quarter", q, "--output", pdf);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");

      info = test_pdf_info (pdf);
      test_assert_contains (info, "792 x 612 pts (letter)");
      flat = test_pdf_flat_text (pdf);
      test_assert_contains (flat, quarter == 1 ? "Primer trimestre" : "Segundo trimestre");

      lines = g_strsplit (text.out, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
          guint number = (guint)g_ascii_strtoull (f[0], NULL, 10);
          g_autofree char *quarter_figures = NULL;
          g_autofree char *accumulated = NULL;
          g_autofree char *row = NULL;
          const char *at, *next;

          g_assert_cmpuint (g_strv_length (f), ==, 6);
          if (g_str_equal (f[5], "uncalendarized"))
            continue;
          calendarized++;
          g_assert_true (number < G_N_ELEMENTS (names) && names[number] != NULL);

          /* The row: from its name to the next row's number. */
          at = strstr (flat, names[number]);
          g_assert_nonnull (at);
          next = strstr (at, " sin calendarizar");
          row = next != NULL ? g_strndup (at, (gsize)(next - at)) : g_strdup (at);

          quarter_figures = g_strdup_printf (" %s %s ", f[1], f[2]);
          accumulated = g_strdup_printf (" %s %s ", f[3], f[4]);
          test_assert_contains (row, quarter_figures);
          test_assert_contains (strstr (row, quarter_figures) + strlen (quarter_figures) - 1, accumulated);
          test_assert_contains (row, g_str_equal (f[5], "within") ? "Dentro del rango"
                                : g_str_equal (f[5], "below") ? "Por debajo del rango" : "Por encima del rango");
        }
      g_assert_cmpuint (calendarized, ==, 3);
      test_assert_contains (flat, "Elaboró");
      test_assert_contains (flat, "Autorizó");
      test_assert_contains (flat, "Total");
    }
}

static void
test_export_sections (TestFiles     *files,
                      gconstpointer  data)
{
  g_autofree char *whole = g_build_filename (files->dir, "poa.pdf", NULL);
  g_autofree char *cronograma = g_build_filename (files->dir, "cronograma.pdf", NULL);
  g_autofree char *png = g_build_filename (files->dir, "cronograma.png", NULL);
  g_autofree char *legal = g_build_filename (files->dir, "legal.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", files->db, "export", "--output", whole);
    g_assert_cmpint (r.status, ==, 0);
    text = test_pdf_flat_text (whole);
    test_assert_contains (text, "Programa Operativo Anual (POA) 2026");
    test_assert_contains (text, "Presupuesto estimado");
    g_clear_pointer (&text, g_free);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", files->db, "export", "--section", "cronograma", "--output", cronograma);
    g_assert_cmpint (r.status, ==, 0);
    text = test_pdf_flat_text (cronograma);
    test_assert_contains (text, "Cronograma programado 2026");
    g_assert_null (strstr (text, "Presupuesto estimado"));
    g_clear_pointer (&text, g_free);
    info = test_pdf_info (cronograma);
    test_assert_contains (info, "Pages:           1");
    g_clear_pointer (&info, g_free);
  }
  {
    g_auto(Result) r = { 0 };
    g_autofree char *contents = NULL;
    gsize length;

    run (&r, "--db", files->db, "export", "--section=cronograma", "-o", png);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  }
  {
    g_auto(Result) r = { 0 };

    run (&r, "--db", files->db, "export", "--paper", "legal", "--gantt", "--output", legal);
    g_assert_cmpint (r.status, ==, 0);
    info = test_pdf_info (legal);
    test_assert_contains (info, "1008 x 612 pts");
    text = test_pdf_flat_text (legal);
    test_assert_contains (text, "(diagrama)");
  }

  /* Bad uses: said on one line, nothing written. */
  {
    static const char *const bad[][6] = {
      { "export", "--section", "presupuesto", "--output", "x.pdf", "cronograma" },
      { "export", "--section", "cronograma", "--output", "x.xlsx", ".png" },
      { "export", "--paper", "a4", "--output", "x.pdf", "legal" },
      { "export", "--gantt", "--section=cronograma", "--output", "x.pdf", "--gantt" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Result) r = { 0 };
        g_autofree char *target = g_build_filename (files->dir, bad[i][4], NULL);

        run (&r, "--db", files->db, bad[i][0], bad[i][1], bad[i][2], bad[i][3], target);
        g_assert_cmpint (r.status, ==, 2);
        assert_one_error_line (&r, bad[i][5]);
        g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST_ADD_WITH_FILES ("/cli/documents/report-pdf-has-the-report-figures", test_report_pdf_has_the_report_figures);
  TEST_ADD_WITH_FILES ("/cli/documents/export-sections", test_export_sections);

  return g_test_run ();
}
