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

/* How many awkward activities: 300, or 30 under the sanitizers (build-aux/test.sh sets
 * POA_TEST_LIGHT), where laying 300 of them out several times takes many minutes. */
static guint
n_awkward (void)
{
  return g_getenv ("POA_TEST_LIGHT") != NULL ? 30 : 300;
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
  g_autoptr(PoaPlan) plan = awkward_plan (n_awkward ());
  g_autoptr(PoaPages) pages = poa_plan_pages_new (plan, 792, 612, 0, NULL);
  guint n_split;

  assert_layout_sound (pages, &n_split);
  /* The 2,000-character texts make rows taller than a page, in two tables. */
  g_assert_cmpuint (n_split, >=, n_awkward ());

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
  g_autoptr(PoaPlan) plan = awkward_plan (n_awkward ());
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
  /* Some 500 words an activity. */
  g_assert_cmpuint (checked, >, 330 * n_awkward ());

  test_remove_tree (dir);
}

/* The progress chart on paper (issue 17): each activity's whole name, wrapped, in its row. */

typedef struct
{
  double x_min, y_min, x_max, y_max;
  char  *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *)data)->text);
}

static double
bbox_attribute (const char *line,
                const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s=\"", name);
  const char *at = strstr (line, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* The words of every page with their boxes, as `pdftotext -bbox` reads them: an array of pages,
 * each an array of Word. */
static GPtrArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  GArray *words = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strchug (lines[i]);

      if (g_str_has_prefix (line, "<page "))
        {
          words = g_array_new (FALSE, FALSE, sizeof (Word));
          g_array_set_clear_func (words, word_clear);
          g_ptr_array_add (pages, words);
        }
      else if (g_str_has_prefix (line, "<word "))
        {
          const char *start = strchr (line, '>') + 1;
          const char *end = strstr (start, "</word>");
          g_autofree char *escaped = g_strndup (start, end - start);
          g_auto(GStrv) parts = NULL;
          Word word;

          g_assert_nonnull (words);
          word.x_min = bbox_attribute (line, "xMin");
          word.y_min = bbox_attribute (line, "yMin");
          word.x_max = bbox_attribute (line, "xMax");
          word.y_max = bbox_attribute (line, "yMax");
          /* pdftotext escapes the five XML characters. */
          parts = g_strsplit (escaped, "&amp;", -1);
          word.text = g_strjoinv ("&", parts);
          for (const char *const *e = (const char *const[]){ "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'", NULL };
               *e != NULL; e += 2)
            {
              g_auto(GStrv) pieces = g_strsplit (word.text, e[0], -1);

              g_free (word.text);
              word.text = g_strjoinv (e[1], pieces);
            }
          g_array_append_val (words, word);
        }
    }
  return pages;
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  const Word *first = *(const Word *const *)a;
  const Word *second = *(const Word *const *)b;

  /* Words on one line share their top, give or take a fallback font's. */
  if (ABS (first->y_min - second->y_min) > 2)
    return first->y_min < second->y_min ? -1 : 1;
  return first->x_min < second->x_min ? -1 : first->x_min > second->x_min;
}

/* Whether @word may be Pango's box for a missing glyph, read back: its code in hexadecimal. */
static gboolean
is_hex_box (const char *word)
{
  gboolean hex = strlen (word) >= 2 && strlen (word) <= 6;

  for (const char *p = word; *p != '\0'; p++)
    hex &= g_ascii_isdigit (*p) || (*p >= 'A' && *p <= 'F');
  return hex;
}

/* The words of @text that the fonts installed can draw, one space between them: the emoji have
 * no glyph here, and pdftotext reads their boxes as the codes in them. Both sides of a
 * comparison go through here, so a name's own hexadecimal-looking word is left out of both. */
static char *
drawable_words (const char *const *words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean emoji = FALSE;

      for (const char *p = words[i]; *p != '\0'; p++)
        emoji |= (guchar)*p >= 0xf0;
      if (emoji || words[i][0] == '\0' || is_hex_box (words[i]))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_figure (const char *text)
{
  gboolean digits = *text != '\0';

  for (const char *p = text; *p != '\0'; p++)
    digits &= g_ascii_isdigit (*p);
  return digits || g_str_equal (text, "%") || g_str_equal (text, "—") || g_str_equal (text, "atrasadas");
}

/* Lays @plan out on @width × @height, writes it, and reads the chart's rows back: every row
 * whole on one page, none over another, the text in its left half exactly its activity's
 * number and whole name, no "…" anywhere in it. Returns how many rows take more than one
 * line (read back: its words on more than one line). */
static guint
assert_chart_names_whole (PoaPlan *plan,
                          double   width,
                          double   height)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.pdf", NULL);
  g_autoptr(PoaPages) pages = poa_plan_pages_new (plan, width, height, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);
  g_autofree guint *seen = g_new0 (guint, n);
  guint n_split, n_rows = 0, n_tall = 0, block = G_MAXUINT;

  assert_layout_sound (pages, &n_split);
  g_assert_true (poa_pages_write_pdf (pages, path, "chart", &error));
  g_assert_no_error (error);
  words = pdf_words (path);
  g_assert_cmpuint (words->len, ==, poa_pages_get_n_pages (pages));
  /* To look at the pages: POA_TEST_KEEP=DIR keeps each PDF there. */
  if (g_getenv ("POA_TEST_KEEP") != NULL)
    {
      static guint kept;
      g_autofree char *name = g_strdup_printf ("chart-%u-%.0fx%.0f.pdf", ++kept, width, height);
      g_autofree char *keep = g_build_filename (g_getenv ("POA_TEST_KEEP"), name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (keep, contents, length, NULL));
    }

  for (guint page = 0; page < poa_pages_get_n_pages (pages); page++)
    {
      g_autoptr(GArray) rects = poa_pages_get_rects (pages, page);
      GArray *page_words = g_ptr_array_index (words, page);

      for (guint i = 0; i < rects->len; i++)
        {
          const PoaPagesRect *rect = &g_array_index (rects, PoaPagesRect, i);
          g_autoptr(GPtrArray) name = g_ptr_array_new ();
          g_autoptr(PoaActivity) activity = NULL;
          g_autofree char *label = NULL;
          g_autofree char *flat = NULL;
          g_auto(GStrv) expected = NULL;
          g_autofree char *expected_words = NULL;
          g_autofree char *found = NULL;

          /* Without the Gantt, the chart is the only block of drawn rows. */
          if (rect->kind != POA_PAGES_RECT_DRAWN_ROW)
            continue;
          if (block == G_MAXUINT)
            block = rect->block;
          g_assert_cmpuint (rect->block, ==, block);
          g_assert_cmpint (rect->row, >=, 0);
          g_assert_cmpint (rect->row, <, (int)n);
          /* Never split, never clipped: the row is whole on its page. */
          g_assert_cmpuint (rect->part, ==, 0);
          seen[rect->row]++;
          n_rows++;

          for (guint w = 0; w < page_words->len; w++)
            {
              Word *word = &g_array_index (page_words, Word, w);
              double middle = (word->y_min + word->y_max) / 2;

              if (middle < rect->y || middle >= rect->y + rect->height)
                continue;
              if (strstr (word->text, "…") != NULL || strstr (word->text, "...") != NULL)
                g_error ("page %u, chart row %d: “%s”", page + 1, rect->row + 1, word->text);
              /* An ellipsis keeps the text it hides, as one glyph's text: pdftotext reads it
               * back as one "word" with spaces in it, squeezed into the width of "…". Every
               * word drawn is as wide as its letters. */
              if (strchr (word->text, ' ') != NULL ||
                  (word->x_max - word->x_min) < 1.5 * g_utf8_strlen (word->text, -1))
                g_error ("page %u, chart row %d: “%s” is hidden in %.1f points", page + 1, rect->row + 1,
                         word->text, word->x_max - word->x_min);
              /* The row's figures, on the right: "30 %" or "—", "12 atrasadas"; all else is
               * the name, on a portrait page as wide as the chart. */
              if (word->x_min > width / 2 && is_figure (word->text))
                continue;
              g_ptr_array_add (name, word);
            }
          g_ptr_array_sort (name, compare_reading_order);
          /* A name wrapped: its words on more than one line. */
          n_tall += name->len > 0 &&
                    ((Word *)g_ptr_array_index (name, name->len - 1))->y_min >
                    ((Word *)g_ptr_array_index (name, 0))->y_min + 2;
          g_ptr_array_add (name, NULL);
          {
            g_autofree char **texts = g_new0 (char *, name->len);

            for (guint w = 0; w + 1 < name->len; w++)
              texts[w] = ((Word *)g_ptr_array_index (name, w))->text;
            found = drawable_words ((const char *const *)texts);
          }

          activity = g_list_model_get_item (activities, (guint)rect->row);
          label = g_strdup_printf ("%u. %s", poa_activity_get_number (activity), poa_activity_get_name (activity));
          flat = test_flatten (label);
          expected = g_strsplit (flat, " ", -1);
          expected_words = drawable_words ((const char *const *)expected);
          if (g_strcmp0 (found, expected_words) != 0)
            g_error ("page %u, chart row %d:\nexpected “%s”\nfound    “%s”", page + 1, rect->row + 1,
                     expected_words, found);
        }
    }

  /* Every activity once. */
  g_assert_cmpuint (n_rows, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (seen[i], ==, 1);

  test_remove_tree (dir);
  return n_tall;
}

static void
test_default_plan_chart_names_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  GListModel *activities;
  g_autoptr(PoaActivity) first = NULL;

  g_assert_no_error (error);
  assert_chart_names_whole (plan, 792, 612);

  /* A name longer than its column wraps, in landscape and portrait alike. */
  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  first = g_list_model_get_item (activities, 0);
  poa_activity_set_text (first, POA_ACTIVITY_NAME,
                         "Corazón de Plata: encuentro anual de las familias de migrantes con sus "
                         "paisanos que regresan, con su comida, su música y sus trámites");
  g_assert_cmpuint (assert_chart_names_whole (plan, 792, 612), >=, 1);
  g_assert_cmpuint (assert_chart_names_whole (plan, 612, 792), >=, 1);
}

static void
test_awkward_plan_chart_names_whole (void)
{
  g_autoptr(PoaPlan) plan = awkward_plan (n_awkward ());
  g_autoptr(PoaPlan) small = awkward_plan (20);

  g_assert_cmpuint (assert_chart_names_whole (plan, 792, 612), ==, n_awkward ());
  g_assert_cmpuint (assert_chart_names_whole (small, 612, 792), ==, 20);
  g_assert_cmpuint (assert_chart_names_whole (small, 1008, 612), ==, 20);
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
  g_test_add_func ("/documents/chart/default-plan-names-whole", test_default_plan_chart_names_whole);
  g_test_add_func ("/documents/chart/awkward-plan-names-whole", test_awkward_plan_chart_names_whole);

  return g_test_run ();
}
