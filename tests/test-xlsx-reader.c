/* test-xlsx-reader.c — the workbook reader's cells, on the default plan's own workbook: what
 * a spreadsheet shows in known cells (values, dates, shading, merged ranges), and the helpers
 * messages and headings rest on. The layout's meaning is tested through `poa import`
 * (check-xlsx-import.py).
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "poa-default-plan.h"
#include "poa-plan.h"
#include "poa-xlsx-export.h"
#include "poa-xlsx-reader.h"
#include "test-util.h"

static void
test_cell_names (void)
{
  static const struct { guint row, col; const char *name; } cases[] = {
    { 0, 0, "A1" }, { 11, 5, "F12" }, { 0, 25, "Z1" }, { 9, 26, "AA10" }, { 0, 16383, "XFD1" },
    { 1048575, 0, "A1048576" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = poa_xlsx_cell_name (cases[i].row, cases[i].col);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_normalize (void)
{
  static const struct { const char *text, *normal; } cases[] = {
    { "Actividad / Proyecto General", "actividad proyecto general" },
    { "  ACTIVIDAD/PROYECTO   GENERAL ", "actividad proyecto general" },
    { "Dirección:", "direccion" },
    { "Línea de Acción del Plan Municipal de Desarrollo", "linea de accion del plan municipal de desarrollo" },
    { "Nº", "n" },
    { "N°", "n" },
    { "%", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = poa_xlsx_normalize (cases[i].text);

      g_assert_cmpstr (normal, ==, cases[i].normal);
    }
}

/* The default plan's Cronograma, as poa-xlsx-export.c lays it out: headings on rows 3 to 5,
 * activity 1 on row 6 (20 / 20 / 6, every month shaded, 01/01/2026 to 31/12/2026). */
static void
test_default_workbook_cells (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "poa.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  g_autoptr(PoaXlsxBook) book = NULL;
  g_autoptr(PoaXlsxSheet) sheet = NULL;
  PoaXlsxCell cell;
  guint last_row = 0, last_col = 0;
  int index;

  g_assert_no_error (error);
  g_assert_true (poa_xlsx_export (plan, path, &error));
  g_assert_no_error (error);
  book = poa_xlsx_book_open (path, &error);
  g_assert_no_error (error);

  /* The four official sheets, the change record and the hidden _poa (the workbook contract). */
  g_assert_cmpuint (poa_xlsx_book_get_n_sheets (book), ==, 6);
  g_assert_cmpstr (poa_xlsx_book_get_sheet_name (book, 0), ==, "POA");
  g_assert_cmpstr (poa_xlsx_book_get_sheet_name (book, 4), ==, "Modificaciones");
  g_assert_false (poa_xlsx_book_sheet_is_hidden (book, 4));
  g_assert_cmpstr (poa_xlsx_book_get_sheet_name (book, 5), ==, "_poa");
  g_assert_true (poa_xlsx_book_sheet_is_hidden (book, 5));
  index = poa_xlsx_book_find_sheet (book, "  cronograma ");
  g_assert_cmpint (index, ==, 1);
  g_assert_false (poa_xlsx_book_sheet_is_hidden (book, index));
  g_assert_cmpint (poa_xlsx_book_find_sheet (book, "Hoja1"), ==, -1);

  sheet = poa_xlsx_book_read_sheet (book, index, &error);
  g_assert_no_error (error);

  /* The title, merged over the 23 columns. */
  poa_xlsx_sheet_get_cell (sheet, 0, 0, &cell);
  g_assert_cmpint (cell.kind, ==, POA_XLSX_CELL_TEXT);
  g_assert_cmpstr (cell.text, ==, "Cronograma");
  g_assert_true (poa_xlsx_sheet_get_merge (sheet, 0, 0, &last_row, &last_col));
  g_assert_cmpuint (last_row, ==, 0);
  g_assert_cmpuint (last_col, ==, 22);

  /* "Meta Programada" spans N° and %; "Enero" is merged down over two rows. */
  poa_xlsx_sheet_get_cell (sheet, 3, 5, &cell);
  g_assert_cmpstr (cell.text, ==, "Meta Programada");
  g_assert_true (poa_xlsx_sheet_get_merge (sheet, 3, 5, &last_row, &last_col));
  g_assert_cmpuint (last_col, ==, 6);
  poa_xlsx_sheet_get_cell (sheet, 3, 9, &cell);
  g_assert_cmpstr (cell.text, ==, "Enero");

  /* Activity 1: its number, name, metas, a shaded month, its dates as date cells. */
  poa_xlsx_sheet_get_cell (sheet, 5, 0, &cell);
  g_assert_cmpint (cell.kind, ==, POA_XLSX_CELL_NUMBER);
  g_assert_cmpfloat (cell.number, ==, 1);
  g_assert_false (cell.is_date);
  poa_xlsx_sheet_get_cell (sheet, 5, 1, &cell);
  g_assert_cmpstr (cell.text, ==, "Corazón de Plata");
  poa_xlsx_sheet_get_cell (sheet, 5, 4, &cell);
  g_assert_cmpfloat (cell.number, ==, 20);
  poa_xlsx_sheet_get_cell (sheet, 5, 7, &cell);
  g_assert_cmpfloat (cell.number, ==, 6);
  /* The percentage is a formula: its cached value, 20 / 20. */
  poa_xlsx_sheet_get_cell (sheet, 5, 6, &cell);
  g_assert_cmpint (cell.kind, ==, POA_XLSX_CELL_NUMBER);
  g_assert_cmpfloat (cell.number, ==, 1);
  poa_xlsx_sheet_get_cell (sheet, 5, 9, &cell);
  g_assert_cmpint (cell.kind, ==, POA_XLSX_CELL_EMPTY);
  g_assert_true (cell.shaded);
  poa_xlsx_sheet_get_cell (sheet, 5, 21, &cell);
  g_assert_cmpint (cell.kind, ==, POA_XLSX_CELL_NUMBER);
  g_assert_true (cell.is_date);
  g_assert_cmpfloat (cell.number, ==, 46023);  /* 1 January 2026, counted from 1900 */

  /* Activity 2 runs to September: October is not shaded. */
  poa_xlsx_sheet_get_cell (sheet, 6, 18, &cell);
  g_assert_false (cell.shaded);

  /* Beyond the sheet: empty. */
  poa_xlsx_sheet_get_cell (sheet, 100000, 3, &cell);
  g_assert_cmpint (cell.kind, ==, POA_XLSX_CELL_EMPTY);

  g_clear_pointer (&sheet, poa_xlsx_sheet_free);
  g_clear_pointer (&book, poa_xlsx_book_free);
  test_remove_tree (dir);
}

static void
test_not_a_workbook (void)
{
  static const char text[] = "Nº\tActividad\n1\tCorazón de Plata\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaXlsxBook) book = poa_xlsx_book_open_memory ((const guint8 *) text, sizeof text - 1,
                                                           "texto.xlsx", &error);

  g_assert_null (book);
  g_assert_error (error, POA_XLSX_ERROR, POA_XLSX_ERROR_NOT_ZIP);
  g_assert_true (g_str_has_prefix (error->message, "texto.xlsx: "));
  g_assert_null (strchr (error->message, '\n'));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx-reader/cell-names", test_cell_names);
  g_test_add_func ("/xlsx-reader/normalize", test_normalize);
  g_test_add_func ("/xlsx-reader/default-workbook-cells", test_default_workbook_cells);
  g_test_add_func ("/xlsx-reader/not-a-workbook", test_not_a_workbook);

  return g_test_run ();
}
