/* test-cell-text.c — PoaCellText, the text of a table's cell: it must look as the GtkLabel it
 * replaces, pixel for pixel, cut a paragraph at four lines, and show its item's property only
 * while bound to it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "poa-activity.h"
#include "poa-cell-text.h"
#include "poa-list-columns.h"
#include "test-ui-util.h"

#define PARAGRAPH "Desarrollar programas específicos de orientación y bienvenida, así como la " \
                  "ampliación de servicios y asesoramiento jurídico para la población migrante " \
                  "extranjera, con la participación de los clubes de migrantes zacatecanos en " \
                  "Estados Unidos y de las dependencias de los tres órdenes de gobierno."

/* What the table showed before PoaCellText: a label per cell. */
static GtkWidget *
label_like_a_cell (const char *text,
                   guint       lines,
                   float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (lines > 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_lines (GTK_LABEL (label), lines);
    }

  return label;
}

static GBytes *
render (GtkWidget *widget,
        int       *width,
        int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  g_assert_cmpint (*width, >, 0);
  g_assert_cmpint (*height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    return g_bytes_new (NULL, 0);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize)*width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize)*width * 4);

  return g_bytes_new_take (pixels, (gsize)*width * *height * 4);
}

/* A label and a cell side by side, as wide as a column of @width, give the same pixels. */
static void
assert_looks_like_a_label (const char *text,
                           guint       lines,
                           float       xalign,
                           int         width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = label_like_a_cell (text, lines, xalign);
  GtkWidget *cell = poa_cell_text_new (lines, xalign);
  g_autoptr(GBytes) label_pixels = NULL;
  g_autoptr(GBytes) cell_pixels = NULL;
  int label_width, label_height, cell_width, cell_height;

  poa_cell_text_set_text (POA_CELL_TEXT (cell), text);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (cell, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 2 * width, 200);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_for_frames (window, 3);

  label_pixels = render (label, &label_width, &label_height);
  cell_pixels = render (cell, &cell_width, &cell_height);
  g_test_message ("“%.20s…”, %d lines, xalign %.1f: label %d × %d, cell %d × %d", text, lines,
                  xalign, label_width, label_height, cell_width, cell_height);
  g_assert_cmpint (cell_width, ==, label_width);
  g_assert_cmpint (cell_height, ==, label_height);
  g_assert_true (g_bytes_equal (cell_pixels, label_pixels));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_looks_like_a_label (void)
{
  assert_looks_like_a_label ("Corazón de Plata", 4, 0.0f, 200);
  assert_looks_like_a_label ("Reuniones, revisión de expedientes y agenda con SEZAMI", 4, 0.0f, 200);
  assert_looks_like_a_label (PARAGRAPH, 4, 0.0f, 320);
  assert_looks_like_a_label (PARAGRAPH, 4, 0.0f, 160);
  /* Long enough for the cell to shape only a start of it; and a start of narrow letters that
   * fits in four lines, where the cell shapes the whole text. */
  assert_looks_like_a_label (PARAGRAPH " " PARAGRAPH, 4, 0.0f, 320);
  {
    g_autoptr(GString) narrow = g_string_new (NULL);

    for (guint i = 0; i < 150; i++)
      g_string_append (narrow, "il ");
    g_string_append (narrow, PARAGRAPH);
    assert_looks_like_a_label (narrow->str, 4, 0.0f, 320);
  }
  /* A start that fits twice over (zero-width spaces): the whole text. */
  {
    g_autoptr(GString) invisible = g_string_new (NULL);

    for (guint i = 0; i < 600; i++)
      g_string_append (invisible, "\u200b");
    g_string_append (invisible, PARAGRAPH " " PARAGRAPH);
    assert_looks_like_a_label (invisible->str, 4, 0.0f, 320);
  }
  assert_looks_like_a_label ("Supercalifragilisticoespialidosamente-larguísima", 4, 0.0f, 120);
  assert_looks_like_a_label ("", 4, 0.0f, 200);
  assert_looks_like_a_label ("16", 0, 1.0f, 60);
  assert_looks_like_a_label ("100000", 0, 1.0f, 30);
  assert_looks_like_a_label ("31/12/2026", 0, 1.0f, 120);
}

/* The cell in a window at @width, laid out. */
static GtkWidget *
show_cell (const char *text,
           guint       lines,
           int         width,
           GtkWidget **window)
{
  GtkWidget *cell = poa_cell_text_new (lines, 0.0f);

  poa_cell_text_set_text (POA_CELL_TEXT (cell), text);
  gtk_widget_set_size_request (cell, width, -1);
  gtk_widget_set_halign (cell, GTK_ALIGN_START);
  gtk_widget_set_valign (cell, GTK_ALIGN_START);
  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), cell);
  gtk_window_present (GTK_WINDOW (*window));
  test_ui_wait_for_frames (*window, 3);

  return cell;
}

static void
test_long_paragraph_is_cut_at_four_lines (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  GtkWidget *window_one, *window_long, *window_short;
  GtkWidget *one = show_cell ("Atención al migrante", 4, 300, &window_one);
  GtkWidget *cut, *whole;
  int line;

  for (guint i = 0; i < 5; i++)
    g_string_append (long_text, PARAGRAPH " ");
  cut = show_cell (long_text->str, 4, 300, &window_long);
  whole = show_cell ("Hacer difusión de las fechas en las que se realizan los trámites", 4, 300, &window_short);

  line = gtk_widget_get_height (one);
  g_assert_cmpint (line, >, 8);
  g_assert_false (poa_cell_text_is_cut (POA_CELL_TEXT (one)));

  /* Four lines high, whatever the length, and cut short with an ellipsis; the whole text is
   * still the cell's (its tooltip and what a screen reader reads). */
  g_assert_cmpint (gtk_widget_get_height (cut), >=, 4 * line - 2);
  g_assert_cmpint (gtk_widget_get_height (cut), <=, 4 * line + 2);
  g_assert_true (poa_cell_text_is_cut (POA_CELL_TEXT (cut)));
  g_assert_cmpstr (poa_cell_text_get_text (POA_CELL_TEXT (cut)), ==, long_text->str);
  g_assert_true (gtk_widget_get_has_tooltip (cut));

  /* A shorter paragraph takes the lines it needs, whole. */
  g_assert_cmpint (gtk_widget_get_height (whole), >, line);
  g_assert_cmpint (gtk_widget_get_height (whole), <, 4 * line - 2);
  g_assert_false (poa_cell_text_is_cut (POA_CELL_TEXT (whole)));

  /* Made wider, a cell lays its text out again. */
  gtk_widget_set_size_request (whole, 1000, -1);
  test_ui_wait_for_frames (window_short, 3);
  g_assert_cmpint (gtk_widget_get_height (whole), ==, line);

  gtk_window_destroy (GTK_WINDOW (window_one));
  gtk_window_destroy (GTK_WINDOW (window_long));
  gtk_window_destroy (GTK_WINDOW (window_short));
}

/* Four lines in all, not four per paragraph: a name typed with line breaks (eleven short
 * paragraphs, or two long ones) is cut at four lines like one long paragraph. */
static void
test_paragraphs_share_the_four_lines (void)
{
  GtkWidget *window_one, *window_short, *window_many, *window_long, *window_three;
  GtkWidget *one = show_cell ("Atención al migrante", 4, 300, &window_one);
  GtkWidget *short_lines = show_cell ("uno\ndos\ntres\ncuatro\ncinco\nseis\nsiete\nocho\nnueve\ndiez\nonce",
                                      4, 300, &window_short);
  GtkWidget *many = show_cell ("Primera línea\r\nSegunda línea\n\nCuarta línea\nQuinta línea", 4, 300, &window_many);
  GtkWidget *long_paragraphs = show_cell (PARAGRAPH "\n" PARAGRAPH, 4, 300, &window_long);
  GtkWidget *three = show_cell ("uno\ndos\ntres", 4, 300, &window_three);
  int line = gtk_widget_get_height (one);

  g_assert_cmpint (line, >, 8);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *cut = (GtkWidget *[]){ short_lines, many, long_paragraphs }[i];

      g_test_message ("cell %u: %d px high, a line is %d", i, gtk_widget_get_height (cut), line);
    }
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *cut = (GtkWidget *[]){ short_lines, many, long_paragraphs }[i];

      g_assert_cmpint (gtk_widget_get_height (cut), >=, 4 * line - 2);
      g_assert_cmpint (gtk_widget_get_height (cut), <=, 4 * line + 2);
      g_assert_true (poa_cell_text_is_cut (POA_CELL_TEXT (cut)));
    }
  /* The whole text stays the cell's, for its tooltip and screen readers. */
  g_assert_cmpstr (poa_cell_text_get_text (POA_CELL_TEXT (short_lines)), ==,
                   "uno\ndos\ntres\ncuatro\ncinco\nseis\nsiete\nocho\nnueve\ndiez\nonce");

  /* Three paragraphs of a line each take three lines, whole. */
  g_assert_cmpint (gtk_widget_get_height (three), >=, 3 * line - 2);
  g_assert_cmpint (gtk_widget_get_height (three), <=, 3 * line + 2);
  g_assert_false (poa_cell_text_is_cut (POA_CELL_TEXT (three)));

  gtk_window_destroy (GTK_WINDOW (window_one));
  gtk_window_destroy (GTK_WINDOW (window_short));
  gtk_window_destroy (GTK_WINDOW (window_many));
  gtk_window_destroy (GTK_WINDOW (window_long));
  gtk_window_destroy (GTK_WINDOW (window_three));
}

/* Another font (here the desktop's, made bigger) lays the texts out again: the cells ask for
 * more room. */
static void
test_follows_the_font (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  GtkWidget *window_number, *window_paragraph;
  GtkWidget *number = show_cell ("100000", 0, -1, &window_number);
  GtkWidget *paragraph = show_cell (PARAGRAPH, 4, 300, &window_paragraph);
  g_autoptr(PangoFontDescription) description = NULL;
  g_autofree char *bigger = NULL;
  int number_width, number_height, paragraph_height, natural;

  g_object_get (settings, "gtk-font-name", &font, NULL);
  gtk_widget_measure (number, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &number_width, NULL, NULL);
  number_height = gtk_widget_get_height (number);
  paragraph_height = gtk_widget_get_height (paragraph);
  g_test_message ("font “%s”: number %d wide, paragraph %d high", font, number_width, paragraph_height);

  description = pango_font_description_from_string (font);
  bigger = g_strdup_printf ("%s 30", pango_font_description_get_family (description));
  g_object_set (settings, "gtk-font-name", bigger, NULL);
  test_ui_wait_for_frames (window_number, 3);
  test_ui_wait_for_frames (window_paragraph, 3);

  gtk_widget_measure (number, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, number_width * 3 / 2);
  g_assert_cmpint (gtk_widget_get_height (number), >, number_height * 3 / 2);
  g_assert_cmpint (gtk_widget_get_height (paragraph), >, paragraph_height * 3 / 2);

  g_object_set (settings, "gtk-font-name", font, NULL);
  gtk_window_destroy (GTK_WINDOW (window_number));
  gtk_window_destroy (GTK_WINDOW (window_paragraph));
}

static char *
format_number (const GValue *value)
{
  return g_strdup_printf ("Nº %u", g_value_get_uint (value));
}

static void
test_follows_its_item_until_unbound (void)
{
  g_autoptr(PoaActivity) first = poa_activity_new ();
  g_autoptr(PoaActivity) second = poa_activity_new ();
  GParamSpec *name = g_object_class_find_property (G_OBJECT_GET_CLASS (first), "name");
  GParamSpec *number = g_object_class_find_property (G_OBJECT_GET_CLASS (first), "number");
  PoaCellText *cell = POA_CELL_TEXT (g_object_ref_sink (poa_cell_text_new (4, 0.0f)));
  PoaCellText *number_cell = POA_CELL_TEXT (g_object_ref_sink (poa_cell_text_new (0, 1.0f)));

  poa_activity_set_text (first, POA_ACTIVITY_NAME, "Apostillado");
  poa_activity_set_text (second, POA_ACTIVITY_NAME, "Doble nacionalidad");
  poa_activity_set_number (first, 4);

  poa_cell_text_bind (cell, G_OBJECT (first), name, NULL);
  poa_cell_text_bind (number_cell, G_OBJECT (first), number, format_number);
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "Apostillado");
  g_assert_cmpstr (poa_cell_text_get_text (number_cell), ==, "Nº 4");

  /* A change to the item shows at once; another property of it changes nothing. */
  poa_activity_set_text (first, POA_ACTIVITY_NAME, "Apostillado de actas");
  poa_activity_set_number (first, 5);
  poa_activity_set_text (first, POA_ACTIVITY_UNIT, "Trámite");
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "Apostillado de actas");
  g_assert_cmpstr (poa_cell_text_get_text (number_cell), ==, "Nº 5");

  /* Given another item, the cell shows and follows only that one. */
  poa_cell_text_bind (cell, G_OBJECT (second), name, NULL);
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "Doble nacionalidad");
  poa_activity_set_text (first, POA_ACTIVITY_NAME, "Otra vez el primero");
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "Doble nacionalidad");
  poa_activity_set_text (second, POA_ACTIVITY_NAME, "Doble nacionalidad mexicana");
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "Doble nacionalidad mexicana");

  /* Unbound, it is empty and follows nothing, and holds its item no more. */
  poa_cell_text_unbind (cell);
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "");
  poa_activity_set_text (second, POA_ACTIVITY_NAME, "Ya no se ve");
  g_assert_cmpstr (poa_cell_text_get_text (cell), ==, "");
  g_assert_finalize_object (g_steal_pointer (&second));

  /* A cell destroyed while bound lets its item go. */
  g_assert_finalize_object (number_cell);
  g_assert_finalize_object (cell);
  g_assert_finalize_object (g_steal_pointer (&first));
}

/* A screen reader reads a cell as the label it looks like, with its whole text. */
static void
test_is_a_label_to_screen_readers (void)
{
  GtkWidget *cell = g_object_ref_sink (poa_cell_text_new (4, 0.0f));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_LABEL);
  poa_cell_text_set_text (POA_CELL_TEXT (cell), PARAGRAPH);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, PARAGRAPH);
  poa_cell_text_set_text (POA_CELL_TEXT (cell), "Atención al migrante");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "Atención al migrante");

  g_assert_finalize_object (cell);
}


/* ─── A table scrolled far ───────────────────────────────────────────────────────────────── */

/* The Actividades table's columns (poa-list-columns.c): the Nº, then five paragraphs. */
static const struct {
  const char *property;
  int         width;
} table_columns[] = {
  { "number", -1 },
  { "name", 200 },
  { "strategic-axis", 180 },
  { "strategic-line", 160 },
  { "action-line", 320 },
  { "specific-activity", 320 },
};

#define TABLE_ROWS   20000
#define FIRST_NUMBER 10000

/* Activities numbered from FIRST_NUMBER (numbers of as many digits, as wide: a number of a
 * digit more widens its column) whose texts are the start of PARAGRAPH, of lengths that take one
 * to four lines and more (cut at four) in their columns, unlike in each row. */
static GListStore *
activities_with_texts_of_every_length (void)
{
  static const char *properties[] = { "name", "strategic-axis", "strategic-line", "action-line", "specific-activity" };
  GListStore *store = g_list_store_new (POA_TYPE_ACTIVITY);
  glong paragraph = g_utf8_strlen (PARAGRAPH, -1);

  for (guint i = 0; i < TABLE_ROWS; i++)
    {
      g_autoptr(PoaActivity) activity = poa_activity_new ();

      poa_activity_set_number (activity, FIRST_NUMBER + i);
      for (guint p = 0; p < G_N_ELEMENTS (properties); p++)
        {
          g_autofree char *start = g_utf8_substring (PARAGRAPH, 0, 5 + (i * 37 + p * 101) % (guint)(paragraph - 5));
          g_autofree char *text = g_strdup_printf ("%s (%u)", start, FIRST_NUMBER + i);

          g_object_set (activity, properties[p], text, NULL);
        }
      g_list_store_append (store, activity);
    }

  return store;
}

static PoaCellText *
cell_of (GtkWidget *column_cell)
{
  GtkWidget *child = gtk_widget_get_first_child (column_cell);

  /* The Nº's cell is in a box, after its marker. */
  return POA_CELL_TEXT (POA_IS_CELL_TEXT (child) ? child : gtk_widget_get_last_child (child));
}

/* The Actividades table's columns over @activities (a model of PoaActivity, taken), the last one
 * expanding when @expand_last, in a window of @width × @height presented and drawn. Returns the
 * table; *@window is to be destroyed. */
static GtkWidget *
table_in_window (GListModel *activities,
                 gboolean    expand_last,
                 int         width,
                 int         height,
                 GtkWidget **window)
{
  GtkSingleSelection *selection = gtk_single_selection_new (activities);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *table = gtk_column_view_new (GTK_SELECTION_MODEL (selection));

  gtk_single_selection_set_autoselect (selection, FALSE);
  for (guint c = 0; c < G_N_ELEMENTS (table_columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        c == 0 ? test_ui_number_column_new ()
               : _poa_text_column_new (table_columns[c].property, table_columns[c].property, table_columns[c].width, TRUE);

      gtk_column_view_column_set_expand (column, expand_last && c == G_N_ELEMENTS (table_columns) - 1);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (table), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), table);
  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (*window), width, height);
  gtk_window_present (GTK_WINDOW (*window));
  test_ui_wait_for_frames (table, 3);

  return table;
}

/* The rows of @table's list that show (GTK hides those it keeps out of view), top to bottom:
 * an array of arrays of their PoaCellText. */
static GPtrArray *
rows_in_view (GtkWidget *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GtkWidget *list = test_ui_find_widget (table, GTK_TYPE_LIST_VIEW);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;
      GPtrArray *cells;

      if (!gtk_widget_get_child_visible (row) || !gtk_widget_compute_bounds (row, list, &bounds) ||
          bounds.origin.y >= gtk_widget_get_height (list) || bounds.origin.y + bounds.size.height <= 0 ||
          bounds.size.height <= 0)
        continue;

      cells = g_ptr_array_new ();
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        g_ptr_array_add (cells, cell_of (cell));
      g_assert_cmpuint (cells->len, ==, G_N_ELEMENTS (table_columns));
      g_ptr_array_add (rows, cells);
    }

  return rows;
}

/* GTK 4.8's list makes some 200 rows and, scrolled far, binds them all to other items; a dozen
 * show. A row given another item keeps its height until it shows: no cell is resized for a bind
 * (a resize has GTK measure every row of the cell's column again), and only the cells that show
 * are laid out. Those have their true heights; an edit that makes a row lower shows at once. */
static void
test_a_far_scroll_lays_out_only_what_shows (void)
{
  g_autoptr(GListStore) activities = activities_with_texts_of_every_length ();
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (activities)), NULL);
  GtkWidget *window;
  /* Narrower than the columns: none is given more than it was measured at. */
  GtkWidget *table = table_in_window (G_LIST_MODEL (sorted), TRUE, 1400, 600, &window);
  GtkAdjustment *adjustment;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  /* GTK 4.8's list, scrolled far at once from its first rows, binds none (a drag starts with
   * a little). */
  gtk_adjustment_set_value (adjustment, 100);
  test_ui_wait_for_frames (window, 3);

  for (guint jump = 1; jump <= 5; jump++)
    {
      PoaCellTextCounts before, after;
      g_autoptr(GPtrArray) rows = NULL;
      guint cells_in_view;

      _poa_cell_text_get_counts (&before);
      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) * jump / 6);
      test_ui_wait_for_frames (table, 3);
      _poa_cell_text_get_counts (&after);

      rows = rows_in_view (table);
      cells_in_view = rows->len * G_N_ELEMENTS (table_columns);
      g_test_message ("jump %u: %u rows in view; %u binds, %u values read, %u resizes, %u layouts, %u measures, %u labels", jump,
                      rows->len, after.binds - before.binds, after.values - before.values, after.resizes - before.resizes,
                      after.layouts - before.layouts, after.measures - before.measures, after.labels - before.labels);
      g_assert_cmpuint (rows->len, >=, 5);
      /* Rows never shown: GTK bound many more than show. */
      g_assert_cmpuint (after.binds - before.binds, >=, 10 * cells_in_view);
      /* The cells bound out of view read nothing of their items: only those that show do (and
       * those of a row or two that come into view as the rows above take their heights). */
      g_assert_cmpuint (after.values - before.values, <=, cells_in_view + 2 * G_N_ELEMENTS (table_columns));
      /* A cell that shows is resized at most once, if the height its row kept was not its own;
       * no other is. */
      g_assert_cmpuint (after.resizes - before.resizes, <=, cells_in_view);
      /* Once each (at the width GTK measures it, which is the width it has), and those of a row
       * or two that come into view as the rows above take their true heights: not the rows GTK
       * keeps out of view. */
      g_assert_cmpuint (after.layouts - before.layouts, <=, cells_in_view + 2 * G_N_ELEMENTS (table_columns));
      /* Assistive technologies are told the texts that show, not those of the rows bound out of
       * view (each a message on their bus), and told right. */
      g_assert_cmpuint (after.labels - before.labels, <=, cells_in_view + 2 * G_N_ELEMENTS (table_columns));
      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (rows, r);

          for (guint c = 0; c < cells->len; c++)
            gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (cells, c)),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 poa_cell_text_get_text (g_ptr_array_index (cells, c)));
        }

      /* The rows that show are as high as their highest text, laid out by Pango. */
      for (guint r = 0; r < rows->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (rows, r);
          int highest = 0;

          for (guint c = 1; c < cells->len; c++)
            {
              PoaCellText *cell = g_ptr_array_index (cells, c);

              highest = MAX (highest, test_ui_pango_height (table, poa_cell_text_get_text (cell),
                                                    gtk_widget_get_width (GTK_WIDGET (cell))));
            }
          for (guint c = 1; c < cells->len; c++)
            g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (cells, c)), ==, highest);
        }
    }

  /* Edits that make a row in view a line high: all its texts but the last first (the row keeps
   * the last one's height, its cells being as high as it), then the last. */
  {
    g_autoptr(GPtrArray) rows = rows_in_view (table);
    GPtrArray *cells = g_ptr_array_index (rows, rows->len / 2);
    guint number = (guint)g_ascii_strtoull (poa_cell_text_get_text (g_ptr_array_index (cells, 0)), NULL, 10);
    g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities), number - FIRST_NUMBER);
    PoaCellText *name = g_ptr_array_index (cells, 1);
    PoaCellText *last = g_ptr_array_index (cells, G_N_ELEMENTS (table_columns) - 1);
    int one_line = test_ui_pango_height (table, "Corto", 100);
    guint n_last = G_N_ELEMENTS (table_columns) - 1;

    g_assert_cmpuint (poa_activity_get_number (activity), ==, number);
    g_object_set (activity, table_columns[n_last].property, PARAGRAPH, NULL);
    test_ui_wait_for_frames (table, 3);
    for (guint c = 1; c < n_last; c++)
      g_object_set (activity, table_columns[c].property, "Corto", NULL);
    test_ui_wait_for_frames (table, 3);
    g_assert_cmpstr (poa_cell_text_get_text (name), ==, "Corto");
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (name)), ==,
                     test_ui_pango_height (table, PARAGRAPH, gtk_widget_get_width (GTK_WIDGET (last))));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (name)), >, 3 * one_line);

    g_object_set (activity, table_columns[n_last].property, "Corto", NULL);
    test_ui_wait_for_frames (table, 3);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (name)), ==, one_line);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (last)), ==, one_line);

    /* And four lines high again. */
    g_object_set (activity, "name", PARAGRAPH, NULL);
    test_ui_wait_for_frames (table, 3);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (name)), ==,
                     test_ui_pango_height (table, PARAGRAPH, gtk_widget_get_width (GTK_WIDGET (name))));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (name)), >, 3 * one_line);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A table scrolled across to its last column, then far down, then back: the Nº cells of the rows
 * bound meanwhile were drawn out of view; once they show, assistive technologies are told their
 * numbers, not those of the rows they showed before. */
static void
test_labels_follow_a_table_scrolled_across (void)
{
  g_autoptr(GListStore) activities = activities_with_texts_of_every_length ();
  GtkWidget *window;
  GtkWidget *table = table_in_window (g_object_ref (G_LIST_MODEL (activities)), FALSE, 500, 400, &window);
  GtkAdjustment *across, *down;
  g_autoptr(GPtrArray) rows = NULL;

  across = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (table));
  down = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  gtk_adjustment_set_value (down, 100);
  test_ui_wait_for_frames (table, 3);

  gtk_adjustment_set_value (across, gtk_adjustment_get_upper (across) - gtk_adjustment_get_page_size (across));
  test_ui_wait_for_frames (table, 3);
  gtk_adjustment_set_value (down, (gtk_adjustment_get_upper (down) - gtk_adjustment_get_page_size (down)) / 2);
  test_ui_wait_for_frames (table, 3);
  gtk_adjustment_set_value (across, 0);
  test_ui_wait_for_frames (table, 3);

  rows = rows_in_view (table);
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);
      PoaCellText *number = g_ptr_array_index (cells, 0);

      /* Far from the first rows: the numbers are those of the middle of the list. */
      g_assert_cmpuint (g_ascii_strtoull (poa_cell_text_get_text (number), NULL, 10), >, FIRST_NUMBER + 5000);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (number), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           poa_cell_text_get_text (number));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A table wider than its window squeezes its columns to their minimum widths: the Nº's cells
 * keep the width of their digits, never "999…". */
static void
test_a_number_is_never_cut (void)
{
  g_autoptr(GListStore) activities = g_list_store_new (POA_TYPE_ACTIVITY);
  GtkWidget *window, *table;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(PoaActivity) activity = poa_activity_new ();

      poa_activity_set_number (activity, 99990 + i);
      g_object_set (activity, "name", PARAGRAPH, "action-line", PARAGRAPH, NULL);
      g_list_store_append (activities, activity);
    }
  table = table_in_window (g_object_ref (G_LIST_MODEL (activities)), FALSE, 500, 400, &window);

  rows = rows_in_view (table);
  g_assert_cmpuint (rows->len, >=, 1);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);
      PoaCellText *number = g_ptr_array_index (cells, 0);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (number),
                                                                      poa_cell_text_get_text (number));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      g_assert_cmpuint (strlen (poa_cell_text_get_text (number)), ==, 5);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (number)), >=, width);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first row in view, or the row in view that shows @number (0: the last): its cells. */
static GPtrArray *
row_in_view (GtkWidget *table,
             guint      number)
{
  g_autoptr(GPtrArray) rows = rows_in_view (table);

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);
      const char *shown = poa_cell_text_get_text (g_ptr_array_index (cells, 0));

      if ((number == 0 && r == rows->len - 1) || (guint)g_ascii_strtoull (shown, NULL, 10) == number)
        return g_ptr_array_ref (cells);
    }

  return NULL;
}

/* GTK 4.8 binds some 200 rows around those in view. A row bound out of view reads nothing of its
 * item, nor follows it, until it shows; then it shows the item as it is, edits made meanwhile
 * included. */
static void
test_a_row_bound_out_of_view_shows_its_item_as_it_is (void)
{
  g_autoptr(GListStore) activities = activities_with_texts_of_every_length ();
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  GtkWidget *window, *table;
  GtkAdjustment *adjustment;
  PoaCellTextCounts before, after;
  guint target;

  table = table_in_window (g_object_ref (G_LIST_MODEL (activities)), FALSE, 1400, 600, &window);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  gtk_adjustment_set_value (adjustment, 100);
  test_ui_wait_for_frames (window, 3);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 2);
  test_ui_wait_for_frames (window, 3);

  /* Twenty rows below the last in view: bound, not shown. */
  last = row_in_view (table, 0);
  if (last == NULL)
    g_error ("no row in view");
  target = (guint)g_ascii_strtoull (poa_cell_text_get_text (g_ptr_array_index (last, 0)), NULL, 10) + 20;
  _poa_cell_text_get_counts (&before);
  {
    g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities), target - FIRST_NUMBER);

    g_assert_cmpuint (poa_activity_get_number (activity), ==, target);
    poa_activity_set_text (activity, POA_ACTIVITY_NAME, "Editada mientras no se veía");
  }
  _poa_cell_text_get_counts (&after);
  g_assert_cmpuint (after.values, ==, before.values);

  /* Scrolled down until it shows. */
  for (guint step = 0; step < 40 && shown == NULL; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 4);
      test_ui_wait_for_frames (window, 2);
      shown = row_in_view (table, target);
    }
  if (shown == NULL)
    g_error ("Nº %u never showed", target);
  g_assert_cmpstr (poa_cell_text_get_text (g_ptr_array_index (shown, 1)), ==, "Editada mientras no se veía");

  /* Shown, it follows its item again. */
  {
    g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities), target - FIRST_NUMBER);

    poa_activity_set_text (activity, POA_ACTIVITY_NAME, "Editada a la vista");
  }
  g_assert_cmpstr (poa_cell_text_get_text (g_ptr_array_index (shown, 1)), ==, "Editada a la vista");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A table told how many digits its numbers have gives every Nº that width: a row given a number
 * of more digits than its last (Nº 9 to Nº 1000) is not measured again, where it was, with every
 * row of its column. A number wider than told still shows whole. */
static void
test_numbers_are_as_wide_as_the_table_says (void)
{
  g_autoptr(GListStore) activities = g_list_store_new (POA_TYPE_ACTIVITY);
  PoaCellTextCounts before, after;
  GtkWidget *window, *table;
  GtkAdjustment *adjustment;
  g_autoptr(PangoLayout) four = NULL;
  int four_width;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(PoaActivity) activity = poa_activity_new ();

      poa_activity_set_number (activity, i < 2999 ? i + 1 : 123456);
      g_object_set (activity, "name", "Asesoría", NULL);
      g_list_store_append (activities, activity);
    }
  table = table_in_window (g_object_ref (G_LIST_MODEL (activities)), FALSE, 700, 400, &window);
  poa_cell_text_set_number_digits (GTK_COLUMN_VIEW (table), 4);
  test_ui_wait_for_frames (table, 3);

  four = gtk_widget_create_pango_layout (table, "8888");
  pango_layout_get_pixel_size (four, &four_width, NULL);
  {
    g_autoptr(GPtrArray) rows = rows_in_view (table);
    PoaCellText *first;

    g_assert_cmpuint (rows->len, >=, 1);
    first = g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, 0), 0);

    g_assert_cmpstr (poa_cell_text_get_text (first), ==, "1");
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (first)), >=, four_width);
  }

  /* From Nºs of one to three digits to Nºs of four (GTK 4.8's list, scrolled far at once from
   * its first rows, binds none: a drag starts with a little). */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  gtk_adjustment_set_value (adjustment, 100);
  test_ui_wait_for_frames (window, 3);
  _poa_cell_text_get_counts (&before);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 2);
  test_ui_wait_for_frames (table, 3);
  _poa_cell_text_get_counts (&after);
  g_assert_cmpuint (after.binds - before.binds, >=, 100);
  g_assert_cmpuint (after.resizes, ==, before.resizes);
  {
    g_autoptr(GPtrArray) rows = rows_in_view (table);
    PoaCellText *number;

    g_assert_cmpuint (rows->len, >=, 1);
    number = g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, 0), 0);
    g_assert_cmpuint (strlen (poa_cell_text_get_text (number)), ==, 4);
  }

  /* Told six digits: the rows bound out of view, which have not read their Nºs yet, are as wide
   * too when they show, without a resize of their own. */
  poa_cell_text_set_number_digits (GTK_COLUMN_VIEW (table), 6);
  test_ui_wait_for_frames (table, 3);
  _poa_cell_text_get_counts (&before);
  for (guint step = 0; step < 6; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2);
      test_ui_wait_for_frames (table, 2);
    }
  _poa_cell_text_get_counts (&after);
  g_assert_cmpuint (after.values - before.values, >, 0);
  g_assert_cmpuint (after.resizes, ==, before.resizes);
  {
    g_autoptr(GPtrArray) rows = rows_in_view (table);
    g_autoptr(PangoLayout) six = gtk_widget_create_pango_layout (table, "888888");
    PoaCellText *number;
    int six_width;

    pango_layout_get_pixel_size (six, &six_width, NULL);
    g_assert_cmpuint (rows->len, >=, 1);
    number = g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, rows->len - 1), 0);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (number)), >=, six_width);
  }

  /* The last, of six digits, is wider than told: whole. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  test_ui_wait_for_frames (table, 3);
  {
    g_autoptr(GPtrArray) rows = rows_in_view (table);
    PoaCellText *last;
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (table, "123456");
    int width;

    g_assert_cmpuint (rows->len, >=, 1);
    last = g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, rows->len - 1), 0);

    pango_layout_get_pixel_size (layout, &width, NULL);
    g_assert_cmpstr (poa_cell_text_get_text (last), ==, "123456");
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (last)), >=, width);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own accessibility backend for tests, which keeps what a screen reader would be told
   * (the other window tests run with none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_ui_init (&argc, &argv);

  g_test_add_func ("/cell-text/looks-like-the-label-it-replaces", test_looks_like_a_label);
  g_test_add_func ("/cell-text/cuts-a-long-paragraph-at-four-lines-with-an-ellipsis",
                   test_long_paragraph_is_cut_at_four_lines);
  g_test_add_func ("/cell-text/counts-four-lines-across-paragraphs", test_paragraphs_share_the_four_lines);
  g_test_add_func ("/cell-text/lays-its-text-out-again-in-another-font", test_follows_the_font);
  g_test_add_func ("/cell-text/follows-its-item-until-unbound", test_follows_its_item_until_unbound);
  g_test_add_func ("/cell-text/is-a-label-to-screen-readers", test_is_a_label_to_screen_readers);
  g_test_add_func ("/cell-text/a-far-scroll-lays-out-only-what-shows", test_a_far_scroll_lays_out_only_what_shows);
  g_test_add_func ("/cell-text/a-number-is-never-cut", test_a_number_is_never_cut);
  g_test_add_func ("/cell-text/numbers-are-as-wide-as-the-table-says", test_numbers_are_as_wide_as_the_table_says);
  g_test_add_func ("/cell-text/a-row-bound-out-of-view-shows-its-item-as-it-is",
                   test_a_row_bound_out_of_view_shows_its_item_as_it_is);
  g_test_add_func ("/cell-text/labels-follow-a-table-scrolled-across", test_labels_follow_a_table_scrolled_across);

  return g_test_run ();
}
