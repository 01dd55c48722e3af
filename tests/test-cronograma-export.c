/* test-cronograma-export.c — the cronograma as PDF and PNG, read back by independent tools.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <jansson.h>

#include "poa-activity.h"
#include "poa-cronograma-pages.h"
#include "poa-default-plan.h"
#include "poa-export.h"
#include "poa-plan.h"
#include "test-plans.h"
#include "test-util.h"

/* `poa export --section cronograma`: the cronograma alone, as a .pdf or a .png. */
static gboolean
write_cronograma (PoaPlan     *plan,
                  const char  *path,
                  GError     **error)
{
  return poa_export_printout (plan, POA_PRINTOUT_CRONOGRAMA, 0, 0, path, error);
}

static void
test_default_plan_is_one_page_with_signatures (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (write_cronograma (plan, path, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (test_pdf_page_count (path, "792 x 612 pts (letter)"), ==, 1);
  text = test_pdf_page_text (path, 1);
  test_assert_contains (text, "POA (PLAN OPERATIVO ANUAL) 2026");
  test_assert_contains (text, "Secretaría de Gobierno");
  test_assert_contains (text, "Cronograma programado 2026");
  test_assert_contains (text, "Ene");
  test_assert_contains (text, "Dic");
  test_assert_contains (text, "Corazón de Plata");
  test_assert_contains (text, "31/12/2025");
  test_assert_contains (text, "30 %");
  test_assert_contains (text, "Elaboró");
  test_assert_contains (text, "Revisó");
  test_assert_contains (text, "Aprobó");
  test_assert_contains (text, "Lic. J. Santos Ramiro Hinojosa Aguay");
  test_assert_contains (text, "Página 1 de 1");

  test_remove_tree (dir);
}

/* A hundred activities take four pages of 30 one-line rows, or five since the names too
 * long for a line wrap whole and their rows grow (issue 15); each page repeats the
 * plan's header and the table's heading; every activity is on exactly one page; the
 * signatures come once, after the last row. */
static void
test_hundred_activities_paginate (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (100);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_pages;

  g_assert_true (write_cronograma (plan, path, &error));
  g_assert_no_error (error);

  n_pages = test_pdf_page_count (path, "792 x 612 pts (letter)");
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, <=, 5);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = test_pdf_page_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Página %u de %u", page, n_pages);

      test_assert_contains (text, "POA (PLAN OPERATIVO ANUAL) 2026");
      test_assert_contains (text, "Migrantes y Ex braceros");
      test_assert_contains (text, "Actividad");
      test_assert_contains (text, "Trimestre 1");
      test_assert_contains (text, footer);
      g_assert_true ((strstr (text, "Aprobó") != NULL) == (page == n_pages));
      g_string_append (all, text);
    }

  for (guint n = 17; n <= 100; n++)
    {
      g_autofree char *name = g_strdup_printf ("(%u)", n);
      const char *found = strstr (all->str, name);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, name));
    }

  test_remove_tree (dir);
}

static void
test_pages_hold_every_row_once (void)
{
  const guint sizes[] = { 0, 1, 16, 30, 31, 100, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PoaPlan) plan = test_plan_with_activities (sizes[i]);
      g_autoptr(PoaCronogramaPages) pages = poa_cronograma_pages_new (plan, POA_PAGE_WIDTH, POA_PAGE_HEIGHT);
      guint next = 0, n_pages = poa_cronograma_pages_get_n_pages (pages);

      g_assert_cmpuint (n_pages, >=, 1);
      for (guint page = 0; page < n_pages; page++)
        {
          guint first;
          guint n_rows = poa_cronograma_pages_get_rows (pages, page, &first);

          g_assert_cmpuint (first, ==, next);
          next += n_rows;
        }
      g_assert_cmpuint (next, ==, sizes[i]);
    }
}

static void
test_png_is_a_page_wide_and_the_plan_tall (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.png", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autoptr(PoaPlan) longer = test_plan_with_activities (40);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  int height;

  g_assert_true (write_cronograma (plan, path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * POA_PAGE_WIDTH);
  height = cairo_image_surface_get_height (image);
  cairo_surface_destroy (image);

  /* 24 more activities, 24 more rows. */
  g_assert_true (write_cronograma (longer, path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, height + 24 * 20);
  cairo_surface_destroy (image);

  test_remove_tree (dir);
}

static void
test_too_long_png_is_refused_and_not_written (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.png", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (2000);
  g_autoptr(GError) error = NULL;

  g_assert_false (write_cronograma (plan, path, &error));
  g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, ".pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  test_remove_tree (dir);
}

/* Issue 21: past 300 activities the image is refused at once, pointing to the PDF; 300 are
 * drawn. */
static void
test_png_past_300_activities_is_refused_at_once (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.png", NULL);
  g_autoptr(PoaPlan) most = test_plan_with_activities (300);
  g_autoptr(PoaPlan) more = test_plan_with_activities (301);
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  g_assert_false (write_cronograma (more, path, &error));
  /* Nothing laid out: far less than drawing the image would take (about a second). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100000);
  g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "300"));
  g_assert_nonnull (strstr (error->message, "301"));
  g_assert_nonnull (strstr (error->message, ".pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (write_cronograma (most, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  test_remove_tree (dir);
}

static void
test_failed_pdf_leaves_nothing (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing", "cronograma.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "cronograma.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_false (write_cronograma (plan, path, &error));
  g_assert_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));

  /* Writing over a file replaces it whole, leaving no temporary beside it. */
  test_write_file (existing, "old");
  g_assert_true (write_cronograma (plan, existing, NULL));
  g_assert_cmpuint (test_pdf_page_count (existing, "792 x 612 pts (letter)"), ==, 1);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "cronograma.pdf");
  g_assert_null (g_dir_read_name (listing));

  test_remove_tree (dir);
}

/* Whitespace of any kind, runs of it, as one space: how a name wrapped over lines reads. */
static char *
collapse_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_steal_pointer (&collapsed));
}

/* Issue 15: on paper each name is whole, never cut with "…": the names are read from the
 * default plan's own file here, not from the program, and looked for in pdftotext's text. */
static void
test_default_plan_names_are_whole (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.pdf", NULL);
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "data", "default-plan.json", NULL);
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  json_error_t json_error;
  json_t *root = json_load_file (json, 0, &json_error);
  json_t *activities;
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  if (root == NULL)
    g_error ("%s: %s", json, json_error.text);
  activities = json_object_get (root, "activities");
  g_assert_cmpuint (json_array_size (activities), ==, 16);

  plan = poa_default_plan_new (&error);
  g_assert_no_error (error);
  g_assert_true (write_cronograma (plan, path, &error));
  g_assert_no_error (error);

  text = test_run_tool (argv);
  flat = collapse_spaces (text);
  g_assert_null (strstr (flat, "…"));
  for (size_t i = 0; i < json_array_size (activities); i++)
    {
      json_t *activity = json_array_get (activities, i);
      g_autofree char *name = collapse_spaces (json_string_value (json_object_get (activity, "name")));
      g_autofree char *expected = g_strdup_printf ("%" JSON_INTEGER_FORMAT " %s",
                                                   json_integer_value (json_object_get (activity, "number")),
                                                   name);

      if (strstr (flat, expected) == NULL)
        g_error ("“%s” not found whole in:\n%s", expected, text);
    }

  json_decref (root);
  test_remove_tree (dir);
}

/* A name of three paragraphs is wrapped inside its own row: the next activity's row starts
 * after it, and the rows' text does not mix. */
static void
test_name_with_line_breaks_is_whole_in_its_row (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cronograma.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autoptr(PoaActivity) second = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  poa_activity_set_text (second, POA_ACTIVITY_NAME,
                         "Primer párrafo de un nombre largo que ocupa más de una línea\n"
                         "Segundo párrafo\nTercer párrafo del mismo nombre");
  g_assert_true (write_cronograma (plan, path, &error));
  g_assert_no_error (error);

  text = test_run_tool (argv);
  flat = collapse_spaces (text);
  test_assert_contains (flat, "2 Primer párrafo de un nombre largo que ocupa más de una línea Segundo "
                         "párrafo Tercer párrafo del mismo nombre");
  /* Activity 3 follows, on a row of its own. */
  test_assert_contains (text, "\n3 Doble nacionalidad");

  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/pdf/default-plan-is-one-page-with-signatures", test_default_plan_is_one_page_with_signatures);
  g_test_add_func ("/export/pdf/hundred-activities-paginate", test_hundred_activities_paginate);
  g_test_add_func ("/export/pdf/pages-hold-every-row-once", test_pages_hold_every_row_once);
  g_test_add_func ("/export/pdf/failure-leaves-nothing", test_failed_pdf_leaves_nothing);
  g_test_add_func ("/export/pdf/default-plan-names-are-whole", test_default_plan_names_are_whole);
  g_test_add_func ("/export/pdf/name-with-line-breaks-is-whole-in-its-row", test_name_with_line_breaks_is_whole_in_its_row);
  g_test_add_func ("/export/png/is-a-page-wide-and-the-plan-tall", test_png_is_a_page_wide_and_the_plan_tall);
  g_test_add_func ("/export/png/too-long-plan-is-refused-and-not-written", test_too_long_png_is_refused_and_not_written);
  g_test_add_func ("/export/png/past-300-activities-is-refused-at-once", test_png_past_300_activities_is_refused_at_once);

  return g_test_run ();
}
