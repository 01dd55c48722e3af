/* poa-pages.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* The sheets the office prints on. Letter landscape is the official document's. */
typedef enum
{
  POA_PAPER_LETTER_LANDSCAPE,
  POA_PAPER_LETTER_PORTRAIT,
  POA_PAPER_LEGAL_LANDSCAPE,
  POA_PAPER_N
} PoaPaper;

/* What the title block on every page says. */
typedef struct
{
  const char *municipality;    /* "Sombrerete, Zac." */
  const char *administration;  /* "2024 - 2027" */
  const char *direction;
  const char *area;
  const char *title;           /* "Programa Operativo Anual 2026" */
} PoaPagesTitle;

/* A cell's look. */
typedef enum
{
  POA_CELL_PLAIN        = 0,
  POA_CELL_BOLD         = 1 << 0,
  POA_CELL_CENTER       = 1 << 1,
  POA_CELL_RIGHT        = 1 << 2,
  POA_CELL_MARKUP       = 1 << 3,  /* the text is Pango markup, already escaped */
  POA_CELL_MERGE_UP     = 1 << 4,  /* heading rows only: this cell is the one above, grown down */
  POA_CELL_FILL         = 1 << 5,  /* the cell's ground is its fill colour */
} PoaCellFlags;

typedef enum
{
  POA_PAGES_RECT_ROW,         /* a table's row, or a part of one */
  POA_PAGES_RECT_HEADING,     /* a table's heading rows, or a drawn block's heading */
  POA_PAGES_RECT_SECTION,     /* a section's heading */
  POA_PAGES_RECT_DRAWN_ROW,   /* a row of a block drawn by others */
  POA_PAGES_RECT_SIGNATURES,
} PoaPagesRectKind;

/* Where one row, or the part of a row, lies on a page, in points from the page's top left:
 * what tests ask to see that nothing is drawn over anything else. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
  guint  block;     /* which block, in the order they were added */
  int    row;       /* its row in the block; -1 for the block's heading rows */
  guint  part;      /* 0, or which part of a row split between pages, from 1 */
  PoaPagesRectKind kind;
} PoaPagesRect;

/* A block drawn by someone else (the Gantt, the progress chart) row by row: a heading repeated
 * on each page, then rows of known heights. Row heights must not exceed a page's room. */
typedef struct
{
  guint  (*get_n_rows)       (gpointer data);
  double (*get_heading_height) (gpointer data);
  double (*get_row_height)   (gpointer data,
                              guint    row);
  void   (*draw_heading)     (gpointer data,
                              cairo_t *cr);
  void   (*draw_rows)        (gpointer data,
                              cairo_t *cr,
                              guint    first,
                              guint    n_rows);
} PoaPagesRowsFuncs;

typedef struct _PoaPagesTable PoaPagesTable;

#define POA_TYPE_PAGES (poa_pages_get_type ())

G_DECLARE_FINAL_TYPE (PoaPages, poa_pages, POA, PAGES, GObject)

void           poa_paper_get_size          (PoaPaper                 paper,
                                            double                  *width,
                                            double                  *height);
gboolean       poa_paper_from_name         (const char              *name,
                                            PoaPaper                *paper);

PoaPages      *poa_pages_new               (double                   width,
                                            double                   height,
                                            const PoaPagesTitle     *title);
void           poa_pages_set_date          (PoaPages                *self,
                                            const GDate             *date);
double         poa_pages_get_width         (PoaPages                *self);
double         poa_pages_get_height        (PoaPages                *self);
double         poa_pages_get_content_width (PoaPages                *self);

void           poa_pages_add_heading       (PoaPages                *self,
                                            const char              *text);
void           poa_pages_add_text          (PoaPages                *self,
                                            const char              *label,
                                            const char              *text);
void           poa_pages_add_page_break    (PoaPages                *self);
PoaPagesTable *poa_pages_add_table         (PoaPages                *self,
                                            guint                    n_columns,
                                            const double            *widths,
                                            double                   font_size);
void           poa_pages_table_begin_row   (PoaPagesTable           *table,
                                            gboolean                 heading);
void           poa_pages_table_add_cell    (PoaPagesTable           *table,
                                            const char              *text,
                                            guint                    span,
                                            PoaCellFlags             flags,
                                            guint32                  fill_rgb);
void           poa_pages_add_rows          (PoaPages                *self,
                                            const PoaPagesRowsFuncs *funcs,
                                            gpointer                 data,
                                            GDestroyNotify           destroy);
void           poa_pages_add_signatures    (PoaPages                *self,
                                            const char *const       *roles,
                                            const char *const       *names,
                                            const char *const       *titles,
                                            guint                    n);

guint          poa_pages_get_n_pages       (PoaPages                *self);
GArray        *poa_pages_get_rects         (PoaPages                *self,
                                            guint                    page);
void           poa_pages_get_content_area  (PoaPages                *self,
                                            double                  *top,
                                            double                  *bottom);
void           poa_pages_draw_page         (PoaPages                *self,
                                            cairo_t                 *cr,
                                            guint                    page);
gboolean       poa_pages_write_pdf         (PoaPages                *self,
                                            const char              *path,
                                            const char              *title,
                                            GError                 **error);

G_END_DECLS
