/* poa-pages.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-pages"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "poa-atomic-file.h"
#include "poa-date.h"
#include "poa-export-error.h"
#include "poa-pages.h"

/* The documents that get signed, laid out in pages: a title block on every page (the
 * Ayuntamiento, the administration, the dirección and área, the document's title), then the
 * blocks one after another (section headings, texts, tables, drawings that others draw row by
 * row, the signatures), and a footer with the date printed and "Página N de M".
 *
 * Nothing is ever cut or ellipsized: a table's cells wrap their whole texts and the row grows;
 * a row too tall for what is left of a page moves to the next, and one taller than a whole page
 * is split between lines, each cell at its own line boundary, so that no line is cut either.
 * A table's heading rows repeat on each page it reaches; a section heading never ends a page;
 * the signatures never stand alone on a page, but take the last rows before them along.
 *
 * Blocks are added first, then laid out once, when pages are first asked for. The layout is
 * kept as "pieces" (a table's heading, a row or a part of one, a run of drawn rows), each with
 * its page and place: drawing a page draws its pieces, and poa_pages_get_rects() hands them to
 * tests. Row heights are measured once with one PangoLayout; a row is laid out again only when
 * it is drawn or split. Units are points. */

#define MARGIN           30.0
#define FOOTER_HEIGHT    16.0
#define TITLE_GAP        8.0
#define HEADING_GAP      12.0
#define TABLE_GAP        4.0
#define SIGNATURE_GAP    26.0
#define SIGNATURE_SPACE  34.0   /* room to sign, above the line */
#define MIN_SPLIT_LINES  4      /* fewer lines left on a page: a split row starts on the next */

/* Cantarell is what the install script provides; DejaVu Sans is on every Debian system and
 * has the glyphs Cantarell lacks. Cairo embeds both as subsets. */
#define FONT_FAMILY      "Cantarell, DejaVu Sans"

#define HEADING_FILL     0xDCE3ECu
#define SECTION_RGB      0x1F3A5Fu
#define GRID_RGB         0x8A96A3u
#define DIM_RGB          0x4F4F4Fu

typedef enum
{
  BLOCK_TABLE,
  BLOCK_ROWS,
  BLOCK_SIGNATURES,
  BLOCK_BREAK,
} BlockKind;

typedef enum
{
  TABLE_GRID    = 1 << 0,   /* lines around every cell */
  TABLE_SECTION = 1 << 1,   /* a section heading: never ends a page, ruled underneath */
} TableStyle;

typedef struct
{
  const char *text;   /* in the pages' string chunk */
  guint16     span;
  guint16     flags;
  guint32     fill;
} Cell;

typedef struct
{
  guint    first_cell;
  guint    n_cells;
  gboolean heading;
  double   height;
} Row;

struct _PoaPagesTable
{
  PoaPages  *pages;
  guint      n_columns;
  double    *x;          /* the columns' left edges from the content's left, and the right end */
  double     font_size;
  double     padding;
  TableStyle style;
  GArray    *rows;       /* Row: the heading rows first */
  GArray    *cells;      /* Cell */
  guint      n_heading;
  double     heading_height;
  double     gap;        /* space before the table, unless it starts a page */
};

typedef struct
{
  BlockKind                kind;
  PoaPagesTable           *table;
  const PoaPagesRowsFuncs *funcs;
  gpointer                 data;
  GDestroyNotify           destroy;
  GPtrArray               *signatures;   /* roles, names, titles, three by three */
  double                   height;       /* the signatures' */
  guint                    heading_page; /* the page the heading rows were last placed on */
} Block;

typedef struct
{
  guint   page;
  guint   block;
  int     row;        /* -1: the table's heading rows, or a drawn block's heading */
  guint   n_rows;     /* a drawn block's run of rows */
  guint   part;
  double  y;
  double  height;
  double *offsets;    /* a split row's part: each cell's first and last point of its text */
} Piece;

struct _PoaPages
{
  GObject       parent_instance;

  double        width;
  double        height;
  char         *municipality;
  char         *administration;
  char         *direction;
  char         *area;
  char         *title;
  GDate         date;

  PangoContext *context;
  PangoLayout  *layout;
  GStringChunk *strings;
  /* Cells repeat their texts (a responsable, a línea, a date, 100 %): each text at each width
   * is measured once, and the short ones are shaped once for drawing. */
  GHashTable   *heights;
  GHashTable   *short_layouts;

  GPtrArray    *blocks;
  GArray       *pieces;
  gboolean      laid_out;
  guint         n_pages;
  double        top;
  double        bottom;

  /* While laying out. */
  guint         page;
  double        y;
};

G_DEFINE_FINAL_TYPE (PoaPages, poa_pages, G_TYPE_OBJECT)

static const struct {
  const char *name;
  double      width;
  double      height;
} papers[POA_PAPER_N] = {
  [POA_PAPER_LETTER_LANDSCAPE] = { "letter", 792, 612 },
  [POA_PAPER_LETTER_PORTRAIT]  = { "letter-portrait", 612, 792 },
  [POA_PAPER_LEGAL_LANDSCAPE]  = { "legal", 1008, 612 },
};

/**
 * poa_paper_get_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
poa_paper_get_size (PoaPaper  paper,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (paper < POA_PAPER_N);

  *width = papers[paper].width;
  *height = papers[paper].height;
}

/**
 * poa_paper_from_name:
 * @name: "letter" (landscape), "letter-portrait" or "legal" (landscape)
 *
 * Returns: whether @name is one of them
 */
gboolean
poa_paper_from_name (const char *name,
                     PoaPaper   *paper)
{
  for (guint i = 0; i < POA_PAPER_N; i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = i;
        return TRUE;
      }
  return FALSE;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  if (block->table != NULL)
    {
      g_free (block->table->x);
      g_array_unref (block->table->rows);
      g_array_unref (block->table->cells);
      g_free (block->table);
    }
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_clear_pointer (&block->signatures, g_ptr_array_unref);
  g_free (block);
}

static void
clear_pieces (PoaPages *self)
{
  for (guint i = 0; i < self->pieces->len; i++)
    g_free (g_array_index (self->pieces, Piece, i).offsets);
  g_array_set_size (self->pieces, 0);
}

static void
poa_pages_finalize (GObject *object)
{
  PoaPages *self = (PoaPages *)object;

  clear_pieces (self);
  g_array_unref (self->pieces);
  g_ptr_array_unref (self->blocks);
  g_string_chunk_free (self->strings);
  g_hash_table_unref (self->heights);
  g_hash_table_unref (self->short_layouts);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_free (self->municipality);
  g_free (self->administration);
  g_free (self->direction);
  g_free (self->area);
  g_free (self->title);

  G_OBJECT_CLASS (poa_pages_parent_class)->finalize (object);
}

static void
poa_pages_class_init (PoaPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = poa_pages_finalize;
}

static void
poa_pages_init (PoaPages *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->strings = g_string_chunk_new (64 * 1024);
  self->heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->short_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* The layout set for @text in a box @width wide. */
static PangoLayout *
set_text (PoaPages       *self,
          const char     *text,
          gboolean        markup,
          double          width,
          double          size,
          gboolean        bold,
          PangoAlignment  align)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (self->layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (self->layout, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_alignment (self->layout, align);
  if (markup)
    pango_layout_set_markup (self->layout, text, -1);
  else
    {
      /* set_text keeps the attributes the last markup left. */
      pango_layout_set_attributes (self->layout, NULL);
      pango_layout_set_text (self->layout, text, -1);
    }

  return self->layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

/* Writes @text, or only measures it without @cr; returns its height. */
static double
put_text (PoaPages       *self,
          cairo_t        *cr,
          const char     *text,
          gboolean        markup,
          double          x,
          double          y,
          double          width,
          double          size,
          gboolean        bold,
          PangoAlignment  align,
          guint32         rgb)
{
  PangoLayout *layout = set_text (self, text, markup, width, size, bold, align);

  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                            (rgb & 0xff) / 255.0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return layout_height (layout);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* The title block, the same on every page: the Ayuntamiento and the administration at the
 * left, the dirección and área at the right, the document's title under them, and a rule.
 * Returns where the content starts. */
static double
draw_title (PoaPages *self,
            cairo_t  *cr)
{
  double content = self->width - 2 * MARGIN;
  double left_w = content * 0.5, right_w = content * 0.5 - 12;
  double y = MARGIN, left = 0, right = 0;
  g_autofree char *ayuntamiento = NULL;
  g_autofree char *administration = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *area = NULL;

  ayuntamiento = g_str_has_prefix (self->municipality, "H. Ayuntamiento")
                 ? g_markup_escape_text (self->municipality, -1)
                 : g_markup_printf_escaped ("H. Ayuntamiento de %s", self->municipality);
  administration = self->administration[0] != '\0'
                   ? g_markup_printf_escaped ("Administración %s", self->administration)
                   : g_strdup ("");
  direction = g_markup_printf_escaped ("<b>Dirección:</b> %s", self->direction);
  area = g_markup_printf_escaped ("<b>Área:</b> %s", self->area);

  left += put_text (self, cr, ayuntamiento, TRUE, MARGIN, y, left_w, 14, TRUE, PANGO_ALIGN_LEFT, SECTION_RGB);
  if (administration[0] != '\0')
    left += put_text (self, cr, administration, TRUE, MARGIN, y + left, left_w, 10, FALSE,
                      PANGO_ALIGN_LEFT, DIM_RGB);
  right += put_text (self, cr, direction, TRUE, MARGIN + content - right_w, y, right_w, 10, FALSE,
                     PANGO_ALIGN_RIGHT, 0);
  right += put_text (self, cr, area, TRUE, MARGIN + content - right_w, y + right, right_w, 10, FALSE,
                     PANGO_ALIGN_RIGHT, 0);
  y += MAX (left, right) + 4;

  y += put_text (self, cr, self->title, FALSE, MARGIN, y, content, 16, TRUE, PANGO_ALIGN_CENTER, 0) + 3;
  if (cr != NULL)
    {
      set_rgb (cr, SECTION_RGB);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, MARGIN, y + 0.6);
      cairo_line_to (cr, MARGIN + content, y + 0.6);
      cairo_stroke (cr);
    }

  return ceil (y + 1.2 + TITLE_GAP);
}

static void
draw_footer (PoaPages *self,
             cairo_t  *cr,
             guint     page)
{
  double content = self->width - 2 * MARGIN;
  double y = self->height - MARGIN - FOOTER_HEIGHT + 5;
  g_autofree char *date = poa_date_format_dmy (&self->date);
  g_autofree char *left = g_strdup_printf ("Fecha de impresión: %s", date != NULL ? date : "");
  g_autofree char *right = g_strdup_printf ("Página %u de %u", page + 1, self->n_pages);

  set_rgb (cr, GRID_RGB);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 3);
  cairo_line_to (cr, MARGIN + content, y - 3);
  cairo_stroke (cr);

  put_text (self, cr, left, FALSE, MARGIN, y, content * 0.3, 9, FALSE, PANGO_ALIGN_LEFT, DIM_RGB);
  put_text (self, cr, self->title, FALSE, MARGIN + content * 0.3, y, content * 0.4, 9, FALSE,
            PANGO_ALIGN_CENTER, DIM_RGB);
  put_text (self, cr, right, FALSE, MARGIN + content * 0.7, y, content * 0.3, 9, FALSE,
            PANGO_ALIGN_RIGHT, DIM_RGB);
}

/**
 * poa_pages_new:
 * @width: the page's width in points
 * @height: the page's height in points
 * @title: what the title block on every page says; copied
 *
 * Returns: (transfer full): an empty document; add its blocks, then ask for its pages.
 */
PoaPages *
poa_pages_new (double               width,
               double               height,
               const PoaPagesTitle *title)
{
  PoaPages *self;
  cairo_font_options_t *options;
  PangoFontMap *map;

  g_return_val_if_fail (width > 4 * MARGIN && height > 8 * MARGIN, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (POA_TYPE_PAGES, NULL);
  self->width = width;
  self->height = height;
  self->municipality = g_strdup (title->municipality != NULL ? title->municipality : "");
  self->administration = g_strdup (title->administration != NULL ? title->administration : "");
  self->direction = g_strdup (title->direction != NULL ? title->direction : "");
  self->area = g_strdup (title->area != NULL ? title->area : "");
  self->title = g_strdup (title->title != NULL ? title->title : "");
  poa_date_get_today (&self->date);

  /* Measured as drawn on paper: no hinting, no rounding to device pixels, so that what was
   * measured is what the PDF and the printer get. */
  map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Sizes are in points, and so is the page. */
  pango_cairo_context_set_resolution (self->context, 72);

  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);

  self->top = draw_title (self, NULL);
  self->bottom = height - MARGIN - FOOTER_HEIGHT;

  return self;
}

/**
 * poa_pages_set_date:
 * @date: the date printed in the footer; today's by default
 */
void
poa_pages_set_date (PoaPages    *self,
                    const GDate *date)
{
  g_return_if_fail (POA_IS_PAGES (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
}

double
poa_pages_get_width (PoaPages *self)
{
  g_return_val_if_fail (POA_IS_PAGES (self), 0);
  return self->width;
}

double
poa_pages_get_height (PoaPages *self)
{
  g_return_val_if_fail (POA_IS_PAGES (self), 0);
  return self->height;
}

/**
 * poa_pages_get_content_width:
 *
 * Returns: the width between the margins, which tables and drawn blocks fill
 */
double
poa_pages_get_content_width (PoaPages *self)
{
  g_return_val_if_fail (POA_IS_PAGES (self), 0);
  return self->width - 2 * MARGIN;
}

/**
 * poa_pages_get_content_area:
 * @top: (out): where the blocks start, under the title block
 * @bottom: (out): where they end, over the footer
 */
void
poa_pages_get_content_area (PoaPages *self,
                            double   *top,
                            double   *bottom)
{
  g_return_if_fail (POA_IS_PAGES (self));
  *top = self->top;
  *bottom = self->bottom;
}

static Block *
add_block (PoaPages  *self,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  g_return_val_if_fail (!self->laid_out, block);

  block->kind = kind;
  block->heading_page = G_MAXUINT;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static PoaPagesTable *
new_table (PoaPages      *self,
           guint          n_columns,
           const double  *widths,
           double         font_size,
           TableStyle     style)
{
  Block *block = add_block (self, BLOCK_TABLE);
  PoaPagesTable *table = g_new0 (PoaPagesTable, 1);
  double content = self->width - 2 * MARGIN, total = 0;

  table->pages = self;
  table->n_columns = n_columns;
  table->font_size = font_size;
  table->padding = (style & TABLE_GRID) ? 2.5 : 1.5;
  table->style = style;
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  table->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  table->gap = (style & TABLE_SECTION) ? HEADING_GAP : TABLE_GAP;
  table->x = g_new0 (double, n_columns + 1);

  /* The widths are shares of the content's width. */
  for (guint i = 0; i < n_columns; i++)
    total += widths != NULL ? widths[i] : 1;
  for (guint i = 0; i < n_columns; i++)
    table->x[i + 1] = table->x[i] + content * (widths != NULL ? widths[i] : 1) / total;
  table->x[n_columns] = content;

  block->table = table;
  return table;
}

/**
 * poa_pages_add_heading:
 *
 * Adds a section's heading: it never ends a page, but goes with what follows it.
 */
void
poa_pages_add_heading (PoaPages   *self,
                       const char *text)
{
  PoaPagesTable *table;

  g_return_if_fail (POA_IS_PAGES (self));

  table = new_table (self, 1, NULL, 13, TABLE_SECTION);
  poa_pages_table_begin_row (table, FALSE);
  poa_pages_table_add_cell (table, text, 1, POA_CELL_BOLD, 0);
}

/**
 * poa_pages_add_text:
 * @label: (nullable): a few words in bold before the text, "Objetivo:"
 *
 * Adds a paragraph, split between lines where it does not fit a page.
 */
void
poa_pages_add_text (PoaPages   *self,
                    const char *label,
                    const char *text)
{
  PoaPagesTable *table;
  g_autofree char *markup = NULL;

  g_return_if_fail (POA_IS_PAGES (self));

  table = new_table (self, 1, NULL, 11, 0);
  markup = label != NULL ? g_markup_printf_escaped ("<b>%s</b> %s", label, text != NULL ? text : "")
                         : g_markup_escape_text (text != NULL ? text : "", -1);
  poa_pages_table_begin_row (table, FALSE);
  poa_pages_table_add_cell (table, markup, 1, POA_CELL_MARKUP, 0);
}

/**
 * poa_pages_add_page_break:
 *
 * What follows starts a page (unless it would start one anyway).
 */
void
poa_pages_add_page_break (PoaPages *self)
{
  g_return_if_fail (POA_IS_PAGES (self));
  add_block (self, BLOCK_BREAK);
}

/**
 * poa_pages_add_table:
 * @widths: (array length=n_columns) (nullable): the columns' shares of the width; equal
 *   without
 * @font_size: in points
 *
 * Adds a ruled table; its heading rows (added first) repeat on every page it reaches.
 *
 * Returns: (transfer none): the table, to add its rows to
 */
PoaPagesTable *
poa_pages_add_table (PoaPages     *self,
                     guint         n_columns,
                     const double *widths,
                     double        font_size)
{
  g_return_val_if_fail (POA_IS_PAGES (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  return new_table (self, n_columns, widths, font_size, TABLE_GRID);
}

/**
 * poa_pages_table_begin_row:
 * @heading: a heading row, repeated on every page; they all come before the others
 */
void
poa_pages_table_begin_row (PoaPagesTable *table,
                           gboolean       heading)
{
  Row row = { table->cells->len, 0, heading, 0 };

  g_return_if_fail (!heading || table->rows->len == table->n_heading);

  if (heading)
    table->n_heading++;
  g_array_append_val (table->rows, row);
}

/**
 * poa_pages_table_add_cell:
 * @text: (nullable): the cell's whole text
 * @span: how many columns it takes, at least 1
 * @fill_rgb: its ground as 0xRRGGBB, with %POA_CELL_FILL
 */
void
poa_pages_table_add_cell (PoaPagesTable *table,
                          const char    *text,
                          guint          span,
                          PoaCellFlags   flags,
                          guint32        fill_rgb)
{
  Cell cell;
  Row *row;

  g_return_if_fail (table->rows->len > 0);

  row = &g_array_index (table->rows, Row, table->rows->len - 1);
  cell.text = text != NULL && text[0] != '\0' ? g_string_chunk_insert (table->pages->strings, text) : "";
  cell.span = (guint16)MAX (span, 1);
  cell.flags = (guint16)flags;
  cell.fill = fill_rgb;
  g_array_append_val (table->cells, cell);
  row->n_cells++;
}

/**
 * poa_pages_add_rows:
 * @funcs: (not nullable): how to measure and draw the rows; kept, not copied
 * @destroy: (nullable): frees @data with the pages
 *
 * Adds a block someone else draws row by row, under its heading repeated on each page.
 */
void
poa_pages_add_rows (PoaPages                *self,
                    const PoaPagesRowsFuncs *funcs,
                    gpointer                 data,
                    GDestroyNotify           destroy)
{
  Block *block;

  g_return_if_fail (POA_IS_PAGES (self));
  g_return_if_fail (funcs != NULL);

  block = add_block (self, BLOCK_ROWS);
  block->funcs = funcs;
  block->data = data;
  block->destroy = destroy;
}

static double draw_signatures (PoaPages *self, Block *block, cairo_t *cr, double y);

/**
 * poa_pages_add_signatures:
 * @roles: (array length=n): "Elaboró" …
 * @names: (array length=n):
 * @titles: (array length=n):
 *
 * Adds the signatures side by side, each with its role, room to sign, a line, the name and
 * the title. They never stand alone on a page.
 */
void
poa_pages_add_signatures (PoaPages          *self,
                          const char *const *roles,
                          const char *const *names,
                          const char *const *titles,
                          guint              n)
{
  Block *block;

  g_return_if_fail (POA_IS_PAGES (self));
  g_return_if_fail (n > 0);

  block = add_block (self, BLOCK_SIGNATURES);
  block->signatures = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (block->signatures, g_strdup (roles[i] != NULL ? roles[i] : ""));
      g_ptr_array_add (block->signatures, g_strdup (names[i] != NULL ? names[i] : ""));
      g_ptr_array_add (block->signatures, g_strdup (titles[i] != NULL ? titles[i] : ""));
    }
  block->height = draw_signatures (self, block, NULL, 0);
}

static double
draw_signatures (PoaPages *self,
                 Block    *block,
                 cairo_t  *cr,
                 double    y)
{
  guint n = block->signatures->len / 3;
  double content = self->width - 2 * MARGIN;
  double column = content / n;
  double height = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *role = g_ptr_array_index (block->signatures, 3 * i);
      const char *name = g_ptr_array_index (block->signatures, 3 * i + 1);
      const char *title = g_ptr_array_index (block->signatures, 3 * i + 2);
      double x = MARGIN + i * column + column * 0.08;
      double w = column * 0.84;
      double sy = y;

      sy += put_text (self, cr, role, FALSE, x, sy, w, 11, TRUE, PANGO_ALIGN_CENTER, 0);
      sy += SIGNATURE_SPACE;
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, 0.7);
          cairo_move_to (cr, x + w * 0.08, sy);
          cairo_line_to (cr, x + w * 0.92, sy);
          cairo_stroke (cr);
        }
      sy += 3;
      sy += put_text (self, cr, name[0] != '\0' ? name : " ", FALSE, x, sy, w, 10.5, TRUE,
                      PANGO_ALIGN_CENTER, 0);
      sy += put_text (self, cr, title, FALSE, x, sy, w, 10, FALSE, PANGO_ALIGN_CENTER, DIM_RGB);
      height = MAX (height, sy - y);
    }

  return ceil (height);
}

/* Layout of tables */

static inline Cell *
row_cell (PoaPagesTable *table,
          const Row     *row,
          guint          i)
{
  return &g_array_index (table->cells, Cell, row->first_cell + i);
}

static PangoLayout *
set_cell (PoaPagesTable *table,
          const Cell    *cell,
          double         width)
{
  PangoAlignment align = (cell->flags & POA_CELL_CENTER) ? PANGO_ALIGN_CENTER
                         : (cell->flags & POA_CELL_RIGHT) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;

  return set_text (table->pages, cell->text, (cell->flags & POA_CELL_MARKUP) != 0,
                   width - 2 * table->padding, table->font_size, (cell->flags & POA_CELL_BOLD) != 0,
                   align);
}

#define SHORT_TEXT      64
#define SHORT_LAYOUTS   4096

static char *
cell_key (PoaPagesTable *table,
          const Cell    *cell,
          double         width)
{
  return g_strdup_printf ("%d %d %u %s", (int)(width * 64), (int)(table->font_size * 64),
                          cell->flags & (POA_CELL_BOLD | POA_CELL_CENTER | POA_CELL_RIGHT | POA_CELL_MARKUP),
                          cell->text);
}

/* The height of @cell's text at @width, measured once for every cell alike. */
static double
cell_height (PoaPagesTable *table,
             const Cell    *cell,
             double         width)
{
  g_autofree char *key = cell_key (table, cell, width);
  double *height = g_hash_table_lookup (table->pages->heights, key);

  if (height == NULL)
    {
      height = g_new (double, 1);
      *height = layout_height (set_cell (table, cell, width));
      g_hash_table_insert (table->pages->heights, g_steal_pointer (&key), height);
    }
  return *height;
}

/* The layout to draw @cell with: short texts are shaped once, for all their cells. */
static PangoLayout *
cell_layout (PoaPagesTable *table,
             const Cell    *cell,
             double         width)
{
  PoaPages *self = table->pages;
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (strlen (cell->text) > SHORT_TEXT)
    return set_cell (table, cell, width);

  key = cell_key (table, cell, width);
  if ((layout = g_hash_table_lookup (self->short_layouts, key)) != NULL)
    return layout;

  if (g_hash_table_size (self->short_layouts) >= SHORT_LAYOUTS)
    g_hash_table_remove_all (self->short_layouts);
  layout = pango_layout_copy (set_cell (table, cell, width));
  g_hash_table_insert (self->short_layouts, g_steal_pointer (&key), layout);
  return layout;
}

static double
line_height (PoaPagesTable *table)
{
  return layout_height (set_text (table->pages, "Ág", FALSE, 100, table->font_size, FALSE,
                                  PANGO_ALIGN_LEFT));
}

static void
measure_table (PoaPagesTable *table)
{
  double min = line_height (table) + 2 * table->padding;

  table->heading_height = 0;
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);
      guint column = 0;

      row->height = min;
      for (guint i = 0; i < row->n_cells; i++)
        {
          Cell *cell = row_cell (table, row, i);
          guint last = MIN (column + cell->span, table->n_columns);

          if (!(cell->flags & POA_CELL_MERGE_UP) && cell->text[0] != '\0')
            row->height = MAX (row->height, cell_height (table, cell, table->x[last] - table->x[column])
                                            + 2 * table->padding);
          column = last;
        }
      row->height = ceil (row->height * 4) / 4;
      if (row->heading)
        table->heading_height += row->height;
    }
}

/* Pagination */

static void
new_page (PoaPages *self)
{
  self->page++;
  self->y = self->top;
}

static Piece *
add_piece (PoaPages *self,
           guint     block,
           int       row,
           double    height)
{
  Piece piece = { self->page, block, row, 0, 0, self->y, height, NULL };

  g_array_append_val (self->pieces, piece);
  self->y += height;
  return &g_array_index (self->pieces, Piece, self->pieces->len - 1);
}

/* Puts the table's heading rows on this page, once. */
static void
ensure_heading (PoaPages *self,
                guint     index)
{
  Block *block = g_ptr_array_index (self->blocks, index);

  if (block->heading_page == self->page)
    return;
  block->heading_page = self->page;
  if (block->kind == BLOCK_TABLE && block->table->n_heading > 0)
    add_piece (self, index, -1, block->table->heading_height);
  else if (block->kind == BLOCK_ROWS)
    {
      double h = block->funcs->get_heading_height (block->data);

      if (h > 0)
        add_piece (self, index, -1, h);
    }
}

static double
heading_room (PoaPages *self,
              Block    *block)
{
  if (block->heading_page == self->page)
    return 0;
  if (block->kind == BLOCK_TABLE)
    return block->table->heading_height;
  if (block->kind == BLOCK_ROWS)
    return block->funcs->get_heading_height (block->data);
  return 0;
}

/* The lines' bottoms in @layout, from its top. */
static double
line_bottom_at_or_before (PangoLayout *layout,
                          double       start,
                          double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double best = start, next = -1;

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double)y1 / PANGO_SCALE;
      if (bottom <= start + 0.01)
        continue;
      if (bottom <= limit + 0.01)
        best = bottom;
      else if (next < 0)
        next = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* Not even one line fits: it goes anyway, on a page of its own (only a line taller than a
   * page could get here). */
  if (best <= start + 0.01 && next > 0)
    best = next;
  return best;
}

/* A row taller than a page: as many of its lines as fit here, then on the next pages, each cell
 * cut at a line boundary of its own. */
static void
split_row (PoaPages *self,
           guint     index,
           guint     r)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  PoaPagesTable *table = block->table;
  const Row *row = &g_array_index (table->rows, Row, r);
  g_autofree double *start = g_new0 (double, row->n_cells);
  g_autofree double *total = g_new0 (double, row->n_cells);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  guint part = 1, column = 0;

  /* Each cell laid out once, for all the parts. */
  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = row_cell (table, row, i);
      guint last = MIN (column + cell->span, table->n_columns);
      PangoLayout *layout = pango_layout_copy (set_cell (table, cell, table->x[last] - table->x[column]));

      total[i] = layout_height (layout);
      g_ptr_array_add (layouts, layout);
      column = last;
    }

  for (;;)
    {
      double room, used = 0;
      double *offsets = g_new0 (double, 2 * row->n_cells);
      gboolean done = TRUE;
      Piece *piece;

      room = self->bottom - self->y - heading_room (self, block) - 2 * table->padding;
      ensure_heading (self, index);

      for (guint i = 0; i < row->n_cells; i++)
        {
          double end;

          if (total[i] - start[i] <= room + 0.01)
            end = total[i];
          else
            {
              end = line_bottom_at_or_before (g_ptr_array_index (layouts, i), start[i], start[i] + room);
              done = done && end >= total[i] - 0.01;
            }
          offsets[2 * i] = start[i];
          offsets[2 * i + 1] = end;
          used = MAX (used, end - start[i]);
          start[i] = end;
        }

      piece = add_piece (self, index, (int)r, ceil ((used + 2 * table->padding) * 4) / 4);
      piece->offsets = offsets;
      piece->part = part++;
      if (done)
        break;
      new_page (self);
    }
}

/* The least that must follow a section heading on its page: the next block's first row. */
static double
first_unit_height (PoaPages *self,
                   guint     index)
{
  Block *block;

  if (index >= self->blocks->len)
    return 0;
  block = g_ptr_array_index (self->blocks, index);
  switch (block->kind)
    {
    case BLOCK_TABLE:
      {
        PoaPagesTable *table = block->table;
        double h = table->heading_height;

        if (table->rows->len > table->n_heading)
          h += MIN (g_array_index (table->rows, Row, table->n_heading).height,
                    MIN_SPLIT_LINES * line_height (table));
        if (table->style & TABLE_SECTION)
          h += first_unit_height (self, index + 1);
        return h + table->gap;
      }
    case BLOCK_ROWS:
      return block->funcs->get_heading_height (block->data) +
             (block->funcs->get_n_rows (block->data) > 0 ? block->funcs->get_row_height (block->data, 0) : 0);
    case BLOCK_SIGNATURES:
      return SIGNATURE_GAP + block->height;
    case BLOCK_BREAK:
    default:
      return 0;
    }
}

static void
place_table (PoaPages *self,
             guint     index)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  PoaPagesTable *table = block->table;
  double page_room = self->bottom - self->top;

  if (self->y > self->top)
    self->y += table->gap;

  if (table->style & TABLE_SECTION)
    {
      /* A heading goes with what follows it, as much of it as a page can hold. */
      double need = first_unit_height (self, index) - table->gap;

      if (self->y > self->top && self->y + MIN (need, page_room) > self->bottom)
        new_page (self);
    }

  if (table->rows->len == table->n_heading)
    {
      if (self->y + table->heading_height > self->bottom && self->y > self->top)
        new_page (self);
      ensure_heading (self, index);
      return;
    }

  for (guint r = table->n_heading; r < table->rows->len; r++)
    {
      double h = g_array_index (table->rows, Row, r).height;

      for (;;)
        {
          double room = self->bottom - self->y - heading_room (self, block);

          if (h <= room + 0.01)
            {
              ensure_heading (self, index);
              add_piece (self, index, (int)r, h);
              break;
            }
          if (self->y > self->top &&
              (h <= page_room - table->heading_height || room < MIN_SPLIT_LINES * line_height (table)))
            {
              new_page (self);
              continue;
            }
          split_row (self, index, r);
          break;
        }
    }
}

static void
place_rows (PoaPages *self,
            guint     index)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  guint n = block->funcs->get_n_rows (block->data);
  double heading = block->funcs->get_heading_height (block->data);
  guint first = 0;

  if (self->y > self->top)
    self->y += TABLE_GAP;

  while (first < n)
    {
      double room = self->bottom - self->y - heading, used = 0;
      guint k = 0;
      Piece *piece;

      while (first + k < n)
        {
          double h = block->funcs->get_row_height (block->data, first + k);

          if (used + h > room + 0.01)
            break;
          used += h;
          k++;
        }
      if (k == 0)
        {
          if (self->y > self->top)
            {
              new_page (self);
              continue;
            }
          /* A drawn row taller than a page: it goes alone, clipped to its page. */
          used = MIN (block->funcs->get_row_height (block->data, first), room);
          k = 1;
        }

      ensure_heading (self, index);
      piece = add_piece (self, index, (int)first, used);
      piece->n_rows = k;
      first += k;
      if (first < n)
        new_page (self);
    }
}

static gboolean
is_section (PoaPages *self,
            guint     index)
{
  Block *block = g_ptr_array_index (self->blocks, index);

  return block->kind == BLOCK_TABLE && (block->table->style & TABLE_SECTION);
}

/* The signatures never stand alone: where they do not fit under the last rows, the last row
 * (and the headings over it) go to the next page with them. */
static void
place_signatures (PoaPages *self,
                  guint     index)
{
  Block *block = g_ptr_array_index (self->blocks, index);
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (Piece));
  guint on_page = 0;

  if (self->y + SIGNATURE_GAP + block->height <= self->bottom || self->y <= self->top)
    {
      if (self->y > self->top)
        self->y += SIGNATURE_GAP;
      add_piece (self, index, 0, block->height);
      return;
    }

  for (guint i = self->pieces->len; i > 0; i--)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i - 1);

      if (piece->page != self->page)
        break;
      if (piece->row >= 0 && !is_section (self, piece->block))
        on_page++;
    }

  /* One whole row, if another stays behind, and the headings right over it. */
  while (on_page > 1 && self->pieces->len > 0)
    {
      Piece *last = &g_array_index (self->pieces, Piece, self->pieces->len - 1);
      Block *owner = g_ptr_array_index (self->blocks, last->block);
      gboolean heading = last->row < 0 || is_section (self, last->block);

      if (last->page != self->page || owner->kind != BLOCK_TABLE || last->part != 0)
        break;
      if (heading ? moved->len == 0 : moved->len > 0)
        break;
      g_array_prepend_val (moved, *last);
      g_array_set_size (self->pieces, self->pieces->len - 1);
    }

  new_page (self);
  for (guint i = 0; i < moved->len; i++)
    {
      Piece *piece = &g_array_index (moved, Piece, i);
      Block *owner = g_ptr_array_index (self->blocks, piece->block);

      if (piece->row < 0)
        continue;
      if (self->y > self->top)
        self->y += owner->table->gap;
      ensure_heading (self, piece->block);
      add_piece (self, piece->block, piece->row, piece->height);
    }
  if (self->y > self->top)
    self->y += SIGNATURE_GAP;
  add_piece (self, index, 0, block->height);
}

static void
lay_out (PoaPages *self)
{
  if (self->laid_out)
    return;
  self->laid_out = TRUE;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == BLOCK_TABLE)
        measure_table (block->table);
    }

  self->page = 0;
  self->y = self->top;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_TABLE:
          place_table (self, i);
          break;
        case BLOCK_ROWS:
          place_rows (self, i);
          break;
        case BLOCK_SIGNATURES:
          place_signatures (self, i);
          break;
        case BLOCK_BREAK:
        default:
          if (self->y > self->top)
            new_page (self);
          break;
        }
    }
  self->n_pages = self->page + 1;
}

/**
 * poa_pages_get_n_pages:
 *
 * Lays the document out, the first time, and says how many pages it takes. Blocks cannot be
 * added afterwards.
 */
guint
poa_pages_get_n_pages (PoaPages *self)
{
  g_return_val_if_fail (POA_IS_PAGES (self), 0);

  lay_out (self);
  return self->n_pages;
}

/**
 * poa_pages_get_rects:
 * @page: from 0
 *
 * Returns: (transfer full) (element-type PoaPagesRect): where each row, heading and block of
 *   @page lies, in the order drawn
 */
GArray *
poa_pages_get_rects (PoaPages *self,
                     guint     page)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (PoaPagesRect));

  g_return_val_if_fail (POA_IS_PAGES (self), rects);
  lay_out (self);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block = g_ptr_array_index (self->blocks, piece->block);
      PoaPagesRect rect = { MARGIN, piece->y, self->width - 2 * MARGIN, piece->height,
                            piece->block, piece->row, piece->part, POA_PAGES_RECT_ROW };

      if (piece->page != page)
        continue;
      if (block->kind == BLOCK_SIGNATURES)
        rect.kind = POA_PAGES_RECT_SIGNATURES;
      else if (piece->row < 0)
        rect.kind = POA_PAGES_RECT_HEADING;
      else if (block->kind == BLOCK_TABLE && (block->table->style & TABLE_SECTION))
        rect.kind = POA_PAGES_RECT_SECTION;
      else if (block->kind == BLOCK_ROWS)
        rect.kind = POA_PAGES_RECT_DRAWN_ROW;
      if (block->kind == BLOCK_ROWS && piece->row >= 0)
        {
          /* One rectangle per drawn row. */
          double y = piece->y;

          for (guint r = (guint)piece->row; r < (guint)piece->row + piece->n_rows; r++)
            {
              rect.y = y;
              rect.row = (int)r;
              rect.height = MIN (block->funcs->get_row_height (block->data, r), piece->height);
              g_array_append_val (rects, rect);
              y += rect.height;
            }
          continue;
        }
      g_array_append_val (rects, rect);
    }

  return rects;
}

/* Drawing */

static void
stroke_box (cairo_t *cr,
            double   x,
            double   y,
            double   w,
            double   h)
{
  set_rgb (cr, GRID_RGB);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

/* One cell's box and text; @start and @end, for a split row's part, the lines it shows. */
static void
draw_cell (PoaPagesTable *table,
           cairo_t       *cr,
           const Cell    *cell,
           double         x,
           double         y,
           double         w,
           double         h,
           gboolean       center_vertically,
           const double  *range)
{
  PangoLayout *layout;
  double text_y = y + table->padding;

  if (cell->flags & POA_CELL_FILL)
    {
      set_rgb (cr, cell->fill);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
    }

  /* A part of a split row shows its lines from range[0] to range[1], none where the cell's
   * text ended on an earlier page. */
  if (cell->text[0] != '\0' && (range == NULL || range[1] > range[0] + 0.01))
    {
      layout = cell_layout (table, cell, w);
      if (center_vertically)
        text_y = y + MAX ((h - layout_height (layout)) / 2, table->padding);

      cairo_save (cr);
      if (range != NULL)
        {
          cairo_rectangle (cr, x, y + table->padding, w, range[1] - range[0]);
          cairo_clip (cr);
          text_y -= range[0];
        }
      set_rgb (cr, (table->style & TABLE_SECTION) ? SECTION_RGB : 0);
      cairo_move_to (cr, x + table->padding, text_y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  if (table->style & TABLE_GRID)
    stroke_box (cr, x, y, w, h);
}

static const Cell *
cell_at_column (PoaPagesTable *table,
                const Row     *row,
                guint          column)
{
  guint c = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = row_cell (table, row, i);

      if (c == column)
        return cell;
      c += cell->span;
    }
  return NULL;
}

static void
draw_heading_rows (PoaPagesTable *table,
                   cairo_t       *cr,
                   double         x0,
                   double         y)
{
  for (guint r = 0; r < table->n_heading; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);
      guint column = 0;

      for (guint i = 0; i < row->n_cells; i++)
        {
          Cell cell = *row_cell (table, row, i);
          guint last = MIN (column + cell.span, table->n_columns);
          double h = row->height;

          if (!(cell.flags & POA_CELL_MERGE_UP))
            {
              /* Grown down over the cells below that merge up into it. */
              for (guint below = r + 1; below < table->n_heading; below++)
                {
                  const Row *next = &g_array_index (table->rows, Row, below);
                  const Cell *under = cell_at_column (table, next, column);

                  if (under == NULL || !(under->flags & POA_CELL_MERGE_UP))
                    break;
                  h += next->height;
                }
              if (!(cell.flags & POA_CELL_FILL))
                {
                  cell.flags |= POA_CELL_FILL;
                  cell.fill = HEADING_FILL;
                }
              draw_cell (table, cr, &cell, x0 + table->x[column], y, table->x[last] - table->x[column], h,
                         TRUE, NULL);
            }
          column = last;
        }
      y += row->height;
    }
}

static void
draw_row (PoaPagesTable *table,
          cairo_t       *cr,
          const Row     *row,
          double         x0,
          double         y,
          double         h,
          const double  *offsets)
{
  guint column = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = row_cell (table, row, i);
      guint last = MIN (column + cell->span, table->n_columns);

      draw_cell (table, cr, cell, x0 + table->x[column], y, table->x[last] - table->x[column], h,
                 FALSE, offsets != NULL ? offsets + 2 * i : NULL);
      column = last;
    }

  if (table->style & TABLE_SECTION)
    {
      set_rgb (cr, SECTION_RGB);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, x0, y + h - 0.4);
      cairo_line_to (cr, x0 + table->x[table->n_columns], y + h - 0.4);
      cairo_stroke (cr);
    }
}

static void
draw_piece (PoaPages    *self,
            cairo_t     *cr,
            const Piece *piece)
{
  Block *block = g_ptr_array_index (self->blocks, piece->block);

  switch (block->kind)
    {
    case BLOCK_TABLE:
      if (piece->row < 0)
        draw_heading_rows (block->table, cr, MARGIN, piece->y);
      else
        draw_row (block->table, cr, &g_array_index (block->table->rows, Row, piece->row), MARGIN, piece->y,
                  piece->height, piece->offsets);
      break;

    case BLOCK_ROWS:
      cairo_save (cr);
      cairo_rectangle (cr, MARGIN, piece->y, self->width - 2 * MARGIN, piece->height);
      cairo_clip (cr);
      cairo_translate (cr, MARGIN, piece->y);
      if (piece->row < 0)
        block->funcs->draw_heading (block->data, cr);
      else
        block->funcs->draw_rows (block->data, cr, (guint)piece->row, piece->n_rows);
      cairo_restore (cr);
      break;

    case BLOCK_SIGNATURES:
      draw_signatures (self, block, cr, piece->y);
      break;

    case BLOCK_BREAK:
    default:
      break;
    }
}

/**
 * poa_pages_draw_page:
 * @cr: a context whose unit is the point, origin at the page's top left corner
 * @page: from 0
 */
void
poa_pages_draw_page (PoaPages *self,
                     cairo_t  *cr,
                     guint     page)
{
  guint lo = 0, hi;

  g_return_if_fail (POA_IS_PAGES (self));
  g_return_if_fail (cr != NULL);

  lay_out (self);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_title (self, cr);

  /* Pieces are in page order: find the page's first by bisection. */
  hi = self->pieces->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->pieces, Piece, mid).page < page)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < self->pieces->len && g_array_index (self->pieces, Piece, i).page == page; i++)
    draw_piece (self, cr, &g_array_index (self->pieces, Piece, i));

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* Cairo hands the document over piece by piece, straight to the file. */
static cairo_status_t
write_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  return poa_atomic_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                             : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * poa_pages_write_pdf:
 * @title: the PDF's title in its metadata
 *
 * Writes the pages as a PDF, with its fonts embedded. A failure leaves @path as it was.
 */
gboolean
poa_pages_write_pdf (PoaPages    *self,
                     const char  *path,
                     const char  *title,
                     GError     **error)
{
  g_autoptr(PoaAtomicFile) file = NULL;
  GError *file_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (POA_IS_PAGES (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = poa_atomic_file_begin (path, 0644, &file_error)))
    return _poa_export_propagate_error (error, file_error);

  n = poa_pages_get_n_pages (self);
  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, file, self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "POA " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      poa_pages_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (!poa_atomic_file_commit (file, &file_error))
    return _poa_export_propagate_error (error, file_error);

  return TRUE;
}
