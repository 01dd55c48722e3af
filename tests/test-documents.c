/* test-documents.c — the documents that get signed (the whole POA, the quarterly avance), read
 * back by independent tools (pdfinfo, pdftotext, pdffonts) and by their layout.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <jansson.h>

#include "poa-activity.h"
#include "poa-default-plan.h"
#include "poa-export.h"
#include "poa-pages.h"
#include "poa-plan-pages.h"
#include "poa-plan.h"
#include "test-plans.h"
#include "test-util.h"

/* The default plan's own file, read here rather than through the program. */
static json_t *
default_plan_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "default-plan.json", NULL);
  json_error_t error;
  json_t *root = json_load_file (path, 0, &error);

  if (root == NULL)
    g_error ("%s: %s", path, error.text);
  return root;
}

static void
test_default_plan_whole_poa (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autofree char *flat = NULL;
  json_t *root = default_plan_json ();
  json_t *item;
  size_t i;
  guint n_pages, signed_page = 0;

  g_assert_no_error (error);
  g_assert_true (poa_export_plan (plan, path, &error));
  g_assert_no_error (error);

  n_pages = test_pdf_page_count (path, "792 x 612 pts (letter)");
  g_assert_cmpuint (n_pages, >=, 4);

  /* Every page: the title block and its number. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = test_pdf_page_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Página %u de %u", page, n_pages);

      test_assert_contains (text, "H. Ayuntamiento de Sombrerete, Zac.");
      test_assert_contains (text, "Administración 2024 - 2027");
      test_assert_contains (text, "Secretaría de Gobierno");
      test_assert_contains (text, "Migrantes y Ex braceros");
      test_assert_contains (text, "Programa Operativo Anual (POA) 2026");
      test_assert_contains (text, "Fecha de impresión:");
      test_assert_contains (text, footer);
      if (strstr (text, "Elaboró") != NULL)
        {
          g_assert_cmpuint (signed_page, ==, 0);
          signed_page = page;
          test_assert_contains (text, "Revisó");
          test_assert_contains (text, "Aprobó");
          test_assert_contains (text, "Ing. Paulo César Tarango Rojero");
          test_assert_contains (text, "Lic. J. Santos Ramiro Hinojosa Aguay");
        }
    }

  /* The default plan has an error (activity 7 ends before it starts): a last page says so,
   * right after the signatures' page. */
  g_assert_cmpuint (signed_page, ==, n_pages - 1);
  {
    g_autofree char *last = test_pdf_page_text (path, n_pages);

    test_assert_contains (last, "Errores encontrados");
    test_assert_contains (last, "Actividad 7");
    test_assert_contains (last, "31/12/2025");
  }

  /* Every section, every activity's whole name and texts, every budget line. */
  flat = test_pdf_flat_text (path);
  test_assert_contains (flat, "Datos generales");
  test_assert_contains (flat, "Actividades");
  test_assert_contains (flat, "Cronograma programado 2026");
  test_assert_contains (flat, "Indicador de medida");
  test_assert_contains (flat, "Presupuesto estimado");
  test_assert_contains (flat, "Observaciones");
  json_array_foreach (json_object_get (root, "activities"), i, item)
    {
      static const char *const keys[] = { "name", "strategic_axis", "strategic_line", "action_line",
                                          "specific_activity", "responsible" };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *text = test_flatten (json_string_value (json_object_get (item, keys[k])));

          test_assert_contains (flat, text);
        }
    }
  json_array_foreach (json_object_get (root, "budget"), i, item)
    {
      g_autofree char *name = test_flatten (json_string_value (json_object_get (item, "name")));
      json_t *amount = json_object_get (item, "amount");
      g_autofree char *money = NULL;
      double pesos = json_number_value (amount);
      guint64 whole = (guint64)pesos;

      /* "$ 50,000.00", grouped by hand. */
      money = whole >= 1000 ? g_strdup_printf ("$ %" G_GUINT64_FORMAT ",%03" G_GUINT64_FORMAT ".%02u",
                                               whole / 1000, whole % 1000, (guint)((pesos - whole) * 100 + 0.5))
                            : g_strdup_printf ("$ %" G_GUINT64_FORMAT ".%02u", whole, (guint)((pesos - whole) * 100 + 0.5));
      test_assert_contains (flat, json_string_value (json_object_get (item, "code")));
      test_assert_contains (flat, name);
      test_assert_contains (flat, money);
    }
  test_assert_contains (flat, "$ 90,000.00");

  json_decref (root);
  test_remove_tree (dir);
}

/* Without errors there is no findings page: the signatures are on the last page. */
static void
test_plan_without_errors_ends_with_signatures (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (6);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint n_pages;

  g_assert_true (poa_export_plan (plan, path, &error));
  g_assert_no_error (error);
  n_pages = test_pdf_page_count (path, "792 x 612 pts (letter)");
  last = test_pdf_page_text (path, n_pages);
  test_assert_contains (last, "Elaboró");
  test_assert_contains (last, "Lic. J. Santos Ramiro Hinojosa Aguay");
  g_assert_null (strstr (last, "Errores encontrados"));

  test_remove_tree (dir);
}

/* The fonts are in the file: it looks the same on any computer. */
static void
test_fonts_are_embedded (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (16);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (poa_export_plan (plan, path, &error));
  g_assert_no_error (error);
  fonts = test_run_tool (argv);
  lines = g_strsplit (fonts, "\n", -1);
  /* name type encoding emb sub uni object ID: "emb" is the fourth field from the end. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      guint len = g_strv_length (fields);

      if (len < 6)
        continue;
      if (!g_str_equal (fields[len - 5], "yes"))
        g_error ("font not embedded:\n%s", fonts);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_true (strstr (fonts, "Cantarell") != NULL || strstr (fonts, "DejaVu") != NULL);

  test_remove_tree (dir);
}

/* Awkward texts: long, with line breaks and emoji, made of words numbered so that each can be
 * looked for. */
static char *
awkward_text (guint activity,
              guint field,
              guint length)
{
  GString *text = g_string_new (NULL);
  guint w = 0;

  while (text->len < length)
    {
      g_string_append_printf (text, "a%uf%uw%u", activity, field, w++);
      g_string_append (text, w % 17 == 0 ? "\n" : w % 23 == 0 ? " 🌵🇲🇽 " : " ");
    }
  return g_string_free (text, FALSE);
}

static PoaPlan *
awkward_plan (guint n)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      for (guint f = 0; f < POA_ACTIVITY_N_TEXTS; f++)
        {
          /* The name and the línea de acción of 2,000 characters, the others shorter. */
          guint length = f == POA_ACTIVITY_NAME || f == POA_ACTIVITY_ACTION_LINE ? 2000 : 160;
          g_autofree char *text = awkward_text (i, f, length);

          poa_activity_set_text (activity, f, text);
        }
    }
  return g_steal_pointer (&plan);
}

/* No row is drawn over another: the renderer's rectangles, page by page, follow each other
 * between the title block and the footer; the rows taller than a page are split. */
static void
assert_layout_sound (PoaPages *pages,
                     guint    *n_split)
{
  double top, bottom;
  guint n_pages = poa_pages_get_n_pages (pages);

  poa_pages_get_content_area (pages, &top, &bottom);
  *n_split = 0;
  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GArray) rects = poa_pages_get_rects (pages, page);
      double y = top;

      g_assert_cmpuint (rects->len, >, 0);
      for (guint i = 0; i < rects->len; i++)
        {
          const PoaPagesRect *rect = &g_array_index (rects, PoaPagesRect, i);

          g_assert_cmpfloat (rect->height, >, 0);
          if (rect->y < y - 0.01)
            g_error ("page %u: block %u row %d at %.2f overlaps what ends at %.2f", page + 1, rect->block,
                     rect->row, rect->y, y);
          y = rect->y + rect->height;
          if (y > bottom + 0.01)
            g_error ("page %u: block %u row %d ends at %.2f, below %.2f", page + 1, rect->block, rect->row, y,
                     bottom);
          *n_split += rect->part > 1;
        }
    }
}

static void
test_awkward_plan_layout (void)
{
  g_autoptr(PoaPlan) plan = awkward_plan (300);
  g_autoptr(PoaPages) pages = poa_plan_pages_new (plan, 792, 612, 0, NULL);
  guint n_split;

  assert_layout_sound (pages, &n_split);
  /* The 2,000-character texts make rows taller than a page, in two tables. */
  g_assert_cmpuint (n_split, >=, 300);

  /* The other papers too. */
  for (PoaPaper paper = POA_PAPER_LETTER_PORTRAIT; paper < POA_PAPER_N; paper++)
    {
      g_autoptr(PoaPlan) small = awkward_plan (20);
      g_autoptr(PoaPages) other = NULL;
      double width, height;

      poa_paper_get_size (paper, &width, &height);
      other = poa_plan_pages_new (small, width, height, POA_PLAN_PAGES_GANTT, NULL);
      assert_layout_sound (other, &n_split);
      g_assert_cmpuint (n_split, >, 0);
    }
}

/* No text is cut: every word of every text is found in the PDF. */
static void
test_awkward_plan_texts_are_whole (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.pdf", NULL);
  g_autoptr(PoaPlan) plan = awkward_plan (300);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *flat = NULL;
  g_auto(GStrv) found = NULL;
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint checked = 0;

  g_assert_true (poa_export_plan (plan, path, &error));
  g_assert_no_error (error);

  flat = test_pdf_flat_text (path);
  found = g_strsplit (flat, " ", -1);
  for (guint i = 0; found[i] != NULL; i++)
    g_hash_table_insert (words, found[i],
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (words, found[i])) + 1));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      for (guint f = 0; f < POA_ACTIVITY_N_TEXTS; f++)
        {
          g_autofree char *text = test_flatten (poa_activity_get_text (activity, f));
          g_auto(GStrv) expected = g_strsplit (text, " ", -1);

          for (guint w = 0; expected[w] != NULL; w++)
            {
              /* Emoji have no glyph in the fonts installed; the words around them are checked. */
              if (expected[w][0] != 'a')
                continue;
              if (!g_hash_table_contains (words, expected[w]))
                g_error ("activity %u, field %u: “%s” is not in the PDF", i + 1, f, expected[w]);
              /* The línea de acción is only in the activities table: once, not drawn again on
               * the pages its row's other cells go on to. */
              if (f == POA_ACTIVITY_ACTION_LINE &&
                  GPOINTER_TO_UINT (g_hash_table_lookup (words, expected[w])) != 1)
                g_error ("activity %u: “%s” is in the PDF %u times", i + 1, expected[w],
                         GPOINTER_TO_UINT (g_hash_table_lookup (words, expected[w])));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 100000);

  test_remove_tree (dir);
}

/* The signatures never stand alone: whatever the number of rows before them, the page they are
 * on holds some of the content before them too. */
static void
test_signatures_never_alone (void)
{
  guint moved = 0;

  for (guint n = 1; n <= 40; n++)
    {
      g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
      g_autoptr(PoaPages) pages = NULL;
      guint n_pages, found = 0;

      poa_plan_set_text (plan, POA_PLAN_OBSERVATIONS, n % 3 == 0 ? "" : "Una observación de varias palabras.");
      pages = poa_plan_pages_new (plan, 792, 612, 0, NULL);
      n_pages = poa_pages_get_n_pages (pages);
      for (guint page = 0; page < n_pages; page++)
        {
          g_autoptr(GArray) rects = poa_pages_get_rects (pages, page);
          gboolean content = FALSE;

          for (guint i = 0; i < rects->len; i++)
            {
              const PoaPagesRect *rect = &g_array_index (rects, PoaPagesRect, i);

              if (rect->kind == POA_PAGES_RECT_SIGNATURES)
                {
                  g_assert_true (content);
                  found++;
                  /* Whether Observaciones went along to a page of their own. */
                  moved += g_array_index (rects, PoaPagesRect, 0).kind == POA_PAGES_RECT_SECTION &&
                           rects->len <= 3;
                }
              content = content || rect->kind == POA_PAGES_RECT_ROW;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }
  /* Some of these plans had the signatures under the page's last rows. */
  g_assert_cmpuint (moved, >, 0);
}

/* The quarterly avance: every activity with its figures. */
static void
test_report_pdf (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "avance.pdf", NULL);
  g_autoptr(PoaPlan) plan = test_plan_with_activities (30);
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *last = NULL;
  guint n_pages;

  g_assert_true (poa_report_write_pdf (plan, 1, path, &error));
  g_assert_no_error (error);
  n_pages = test_pdf_page_count (path, "792 x 612 pts (letter)");
  flat = test_pdf_flat_text (path);
  test_assert_contains (flat, "Avance trimestral de metas de actividad 2026");
  test_assert_contains (flat, "Primer trimestre (enero – marzo)");
  test_assert_contains (flat, "Avance acumulado al trimestre");
  test_assert_contains (flat, "Apoyo a comunidades mediante clubs migrantes (30)");
  last = test_pdf_page_text (path, n_pages);
  test_assert_contains (last, "Elaboró");
  test_assert_contains (last, "Revisó");
  test_assert_contains (last, "Autorizó");
  test_assert_contains (last, "Total");

  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/poa/default-plan", test_default_plan_whole_poa);
  g_test_add_func ("/documents/poa/without-errors-ends-with-signatures", test_plan_without_errors_ends_with_signatures);
  g_test_add_func ("/documents/poa/fonts-are-embedded", test_fonts_are_embedded);
  g_test_add_func ("/documents/poa/signatures-never-alone", test_signatures_never_alone);
  g_test_add_func ("/documents/layout/awkward-plan-rows-never-overlap", test_awkward_plan_layout);
  g_test_add_func ("/documents/poa/awkward-plan-texts-are-whole", test_awkward_plan_texts_are_whole);
  g_test_add_func ("/documents/report/pdf", test_report_pdf);

  return g_test_run ();
}
