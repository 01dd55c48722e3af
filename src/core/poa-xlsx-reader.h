/* poa-xlsx-reader.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define POA_XLSX_ERROR (poa_xlsx_error_quark ())

typedef enum
{
  POA_XLSX_ERROR_READ,       /* the file cannot be read */
  POA_XLSX_ERROR_NOT_ZIP,    /* not a zip archive */
  POA_XLSX_ERROR_MISSING,    /* a part a workbook must have is not there */
  POA_XLSX_ERROR_TOO_LARGE,  /* a limit: size, compression ratio, rows, cells, strings */
  POA_XLSX_ERROR_MALFORMED,  /* the XML or a value in it is not what a workbook holds */
  POA_XLSX_ERROR_CONTENT,    /* the cells do not make a plan (poa-xlsx-import.c) */
} PoaXlsxError;

/* The limits, so that a hostile file costs little: see poa-xlsx-reader.c. */
#define POA_XLSX_MAX_PART_BYTES   (256u * 1024 * 1024)
#define POA_XLSX_MAX_TOTAL_BYTES  (G_GUINT64_CONSTANT (1024) * 1024 * 1024)
#define POA_XLSX_MAX_RATIO        200
#define POA_XLSX_MAX_ROWS         500000u
#define POA_XLSX_MAX_COLUMNS      16384u
#define POA_XLSX_MAX_CELLS        4000000u
#define POA_XLSX_MAX_STRINGS      2000000u

typedef enum
{
  POA_XLSX_CELL_EMPTY,
  POA_XLSX_CELL_NUMBER,
  POA_XLSX_CELL_TEXT,
  POA_XLSX_CELL_BOOL,
  POA_XLSX_CELL_ERROR,
} PoaXlsxCellKind;

typedef struct
{
  PoaXlsxCellKind kind;
  const char     *text;     /* TEXT and ERROR: the text (owned by the sheet); else NULL */
  double          number;   /* NUMBER and BOOL */
  gboolean        is_date;  /* a NUMBER whose format shows a date */
  gboolean        shaded;   /* filled with a colour other than white */
} PoaXlsxCell;

typedef struct _PoaXlsxBook  PoaXlsxBook;
typedef void (*PoaXlsxProgressFunc) (double   fraction,
                                     gpointer data);
typedef struct _PoaXlsxSheet PoaXlsxSheet;

GQuark        poa_xlsx_error_quark          (void);

PoaXlsxBook  *poa_xlsx_book_open            (const char    *path,
                                             GError       **error);
PoaXlsxBook  *poa_xlsx_book_open_memory     (const guint8  *data,
                                             gsize          size,
                                             const char    *name,
                                             GError       **error);
void          poa_xlsx_book_set_progress    (PoaXlsxBook   *book,
                                             PoaXlsxProgressFunc progress,
                                             gpointer       data);
void          poa_xlsx_book_free            (PoaXlsxBook   *book);
const char   *poa_xlsx_book_get_name        (PoaXlsxBook   *book);
guint         poa_xlsx_book_get_n_sheets    (PoaXlsxBook   *book);
const char   *poa_xlsx_book_get_sheet_name  (PoaXlsxBook   *book,
                                             guint          index);
gboolean      poa_xlsx_book_sheet_is_hidden (PoaXlsxBook   *book,
                                             guint          index);
int           poa_xlsx_book_find_sheet      (PoaXlsxBook   *book,
                                             const char    *name);
gboolean      poa_xlsx_book_is_date1904     (PoaXlsxBook   *book);
const char   *poa_xlsx_book_get_defined_name (PoaXlsxBook  *book,
                                              const char   *name);
PoaXlsxSheet *poa_xlsx_book_read_sheet      (PoaXlsxBook   *book,
                                             guint          index,
                                             GError       **error);

void          poa_xlsx_sheet_free           (PoaXlsxSheet  *sheet);
const char   *poa_xlsx_sheet_get_name       (PoaXlsxSheet  *sheet);
guint         poa_xlsx_sheet_get_n_rows     (PoaXlsxSheet  *sheet);
guint         poa_xlsx_sheet_get_n_columns  (PoaXlsxSheet  *sheet);
void          poa_xlsx_sheet_get_cell       (PoaXlsxSheet  *sheet,
                                             guint          row,
                                             guint          col,
                                             PoaXlsxCell   *cell);
gboolean      poa_xlsx_sheet_get_merge      (PoaXlsxSheet  *sheet,
                                             guint          row,
                                             guint          col,
                                             guint         *last_row,
                                             guint         *last_col);

char         *poa_xlsx_cell_name            (guint          row,
                                             guint          col);
char         *poa_xlsx_normalize            (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaXlsxBook, poa_xlsx_book_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaXlsxSheet, poa_xlsx_sheet_free)

G_END_DECLS
