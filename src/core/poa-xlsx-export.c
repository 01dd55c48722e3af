/* poa-xlsx-export.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-xlsx-export"

/* memfd_create() */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include "poa-activity.h"
#include "poa-atomic-file.h"
#include "poa-budget-line.h"
#include "poa-date.h"
#include "poa-export-error.h"
#include "poa-indicator.h"
#include "poa-metrics.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-signature.h"
#include "poa-validate.h"
#include "poa-xlsx-export.h"

/* The official workbook: four sheets laid out as the printed POA (and the Avance trimestral
 * where the plan has month figures), with live formulas whose computed values are cached, so
 * that every reader shows them without recalculating; then Modificaciones, the change record,
 * and the hidden _poa, what the plan file holds and no visible cell shows (write_plan_data()):
 * the workbook reader (import) relies on the sheets' names and headings, which stay as they are.
 *
 * The headings are Spanish literals on purpose: the document is the same whatever the
 * interface language.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode: a row goes to disk as soon
 * as the next one starts, so a plan of any size costs a few megabytes. The price is that rows
 * are written top to bottom, each one whole (its height first) before the next; column widths
 * and row heights are therefore worked out from the plan before a row is written. */

/* Excel's limits: characters in a cell, and points in a row's height. */
#define MAX_CELL_CHARS 32767
#define MAX_ROW_HEIGHT 409.0
/* A line of Calibri 11, the default font, in points, with a little air: 21 pixels. Not Excel's
 * default of 15, which libxlsxwriter leaves out of the file, and LibreOffice then draws its
 * own, 12.8: a row of one line would look cramped beside the others. */
#define LINE_HEIGHT 15.75
#define PAPER_LETTER 1
#define MAX_COLUMNS 23
/* POA, Cronograma, Indicadores, Presupuesto, Modificaciones and the hidden _poa; and Avance
 * trimestral before the last two where the plan has month figures. */
#define N_SHEETS 6
#define MAX_SHEETS (N_SHEETS + 1)

typedef enum
{
  STYLE_TITLE,
  STYLE_LABEL,
  STYLE_VALUE,
  STYLE_HEADING,
  STYLE_HEADING_VERTICAL,
  STYLE_TEXT,
  STYLE_NUMBER,
  STYLE_PERCENT,
  STYLE_INDEX,
  STYLE_DATE,
  STYLE_CODE,
  STYLE_MONEY,
  STYLE_MONTH,
  STYLE_MONTH_SCHEDULED,
  STYLE_MONTH_FIGURE,
  STYLE_MONTH_FIGURE_SCHEDULED,
  STYLE_TOTAL_LABEL,
  STYLE_TOTAL_NUMBER,
  STYLE_TOTAL_PERCENT,
  STYLE_TOTAL_MONEY,
  STYLE_BOX,
  STYLE_SIGNATURE_ROLE,
  STYLE_SIGNATURE_LINE,
  STYLE_CENTRED,
  STYLE_CENTRED_BOLD,
  N_STYLES
} Style;

enum {
  BOLD        = 1 << 0,
  BORDER      = 1 << 1,
  SHADED      = 1 << 2,
  WRAP        = 1 << 3,
  CENTRE      = 1 << 4,
  RIGHT       = 1 << 5,
  TOP         = 1 << 6,  /* else centred vertically */
  BOTTOM      = 1 << 11,
  VERTICAL    = 1 << 7,  /* text turned a quarter */
  FILLED      = 1 << 8,  /* a scheduled month */
  LARGE       = 1 << 9,
  BOTTOM_LINE = 1 << 10,
};

#define SHADE_COLOUR 0xD9E1F2
#define MONTH_COLOUR 0x4472C4
#define MONEY_FORMAT "$ #,##0.00"

static const struct {
  guint       flags;
  const char *number_format;
} style_specs[N_STYLES] = {
  [STYLE_TITLE]            = { BOLD | CENTRE | LARGE, NULL },
  [STYLE_LABEL]            = { BOLD | WRAP | TOP, NULL },
  [STYLE_VALUE]            = { WRAP | TOP, NULL },
  [STYLE_HEADING]          = { BOLD | BORDER | SHADED | WRAP | CENTRE, NULL },
  [STYLE_HEADING_VERTICAL] = { BOLD | BORDER | SHADED | CENTRE | VERTICAL, NULL },
  [STYLE_TEXT]             = { BORDER | WRAP, NULL },
  [STYLE_NUMBER]           = { BORDER | CENTRE, "0" },
  [STYLE_PERCENT]          = { BORDER | CENTRE, "0 %" },
  [STYLE_INDEX]            = { BOLD | BORDER | CENTRE, "0.0 %" },
  [STYLE_DATE]             = { BORDER | CENTRE, "dd/mm/yyyy" },
  [STYLE_CODE]             = { BORDER | CENTRE, "@" },
  [STYLE_MONEY]            = { BORDER, MONEY_FORMAT },
  [STYLE_MONTH]            = { BORDER, NULL },
  [STYLE_MONTH_SCHEDULED]  = { BORDER | FILLED, NULL },
  [STYLE_MONTH_FIGURE]     = { BORDER | CENTRE, "0" },
  [STYLE_MONTH_FIGURE_SCHEDULED] = { BORDER | CENTRE | FILLED, "0" },
  [STYLE_TOTAL_LABEL]      = { BOLD | BORDER | SHADED | RIGHT, NULL },
  [STYLE_TOTAL_NUMBER]     = { BOLD | BORDER | SHADED | CENTRE, "0" },
  [STYLE_TOTAL_PERCENT]    = { BOLD | BORDER | SHADED | CENTRE, "0 %" },
  [STYLE_TOTAL_MONEY]      = { BOLD | BORDER | SHADED, MONEY_FORMAT },
  [STYLE_BOX]              = { BORDER | WRAP | TOP, NULL },
  [STYLE_SIGNATURE_ROLE]   = { BOLD | BOTTOM, NULL },
  [STYLE_SIGNATURE_LINE]   = { BOTTOM_LINE, NULL },
  [STYLE_CENTRED]          = { CENTRE | WRAP, NULL },
  [STYLE_CENTRED_BOLD]     = { BOLD | CENTRE | WRAP, NULL },
};

typedef struct
{
  PoaPlan      *plan;
  const char   *path;
  lxw_workbook *workbook;
  lxw_format   *styles[N_STYLES];
  /* The first problem met; writing goes on and the file is thrown away at the end. */
  lxw_error     xlsx_error;
  int           xlsx_errno;
  GError       *error;
  lxw_worksheet *sheets[MAX_SHEETS];
  guint         n_sheets;
  /* Why writing a sheet's rows to its temporary failed, if it did, and the size of those
   * temporaries, all and the largest (see check_row_files()). */
  int           rows_errno;
  guint64       rows_size;
  guint64       largest_rows_size;
  /* The Cronograma's row of totals, which the Indicadores' formula reads, and its sums. */
  lxw_row_t     totals_row;
  guint64       sums[POA_ACTIVITY_N_GOALS];
  /* Some activity has month figures: the Cronograma gives each activity a second row, of the
   * months' achieved, and the Avance trimestral sheet is written. */
  gboolean      calendarized;
  /* The sheets the workbook holds, for reading it back. */
  guint         expected_sheets;
  /* The plan's activities, taken once from its list: a GListStore remembers the last item it
   * was asked for, so two threads must not read it at once (see write_sheets()). */
  PoaActivity **activities;
  guint         n_activities;
  /* The signatures, taken out of theirs for the same reason: three sheets show them. */
  PoaSignature *signatures[POA_PLAN_N_SIGNATURES];
} Book;

typedef struct
{
  Book          *book;
  const char    *name;
  lxw_worksheet *sheet;
  double         widths[MAX_COLUMNS];
  lxw_col_t      n_columns;
  /* The row being written. */
  lxw_row_t      row;
} Sheet;

/* Text measures ---------------------------------------------------------------------------- */

/* Widths are in Excel's unit, the width of the digit 0 in Calibri 11, counted here in tenths
 * per byte of UTF-8: Calibri's own advance widths (its digits are 1038 units of 2048), so that
 * a row is as tall as its wrapped text in Excel, or in LibreOffice with Carlito, Calibri's
 * metric twin; the padding of a cell is left out of the room a line has (see count_lines()).
 * Only the lead byte of a non-ASCII character counts, as an ordinary letter: ñ, á … Zero means
 * 10, a digit's width. */
static const guint8 ascii_widths[128] = {
  [' '] = 5, ['!'] = 5, ['"'] = 7, ['\''] = 4, ['('] = 6, [')'] = 6, ['*'] = 9, [','] = 5,
  ['-'] = 6, ['.'] = 5, ['/'] = 8, [':'] = 5, [';'] = 5, ['['] = 6, [']'] = 6, ['|'] = 9,
  ['a'] = 10, ['b'] = 11, ['c'] = 9, ['d'] = 11, ['e'] = 10, ['f'] = 6, ['g'] = 10, ['h'] = 11,
  ['i'] = 5, ['j'] = 5, ['k'] = 9, ['l'] = 5, ['m'] = 16, ['n'] = 11, ['o'] = 11, ['p'] = 11,
  ['q'] = 11, ['r'] = 7, ['s'] = 8, ['t'] = 7, ['u'] = 11, ['v'] = 9, ['w'] = 15, ['x'] = 9,
  ['y'] = 9, ['z'] = 8,
  ['A'] = 12, ['B'] = 11, ['C'] = 11, ['D'] = 13, ['E'] = 10, ['F'] = 10, ['G'] = 13, ['H'] = 13,
  ['I'] = 5, ['J'] = 7, ['K'] = 11, ['L'] = 9, ['M'] = 17, ['N'] = 13, ['O'] = 14, ['P'] = 11,
  ['Q'] = 14, ['R'] = 11, ['S'] = 10, ['T'] = 10, ['U'] = 13, ['V'] = 12, ['W'] = 18, ['X'] = 11,
  ['Y'] = 10, ['Z'] = 10,
};

static inline guint
byte_width (guchar c)
{
  if (c >= 0x80)
    return (c & 0xc0) == 0x80 ? 0 : 10;

  return ascii_widths[c] != 0 ? ascii_widths[c] : 10;
}

/* The width of @text's longest line, in Excel's unit; measuring stops past @limit. */
static double
text_width (const char *text,
            double      limit)
{
  guint widest = 0, line = 0;
  guint stop = (guint)(limit * 10);

  for (const guchar *p = (const guchar *)text; *p != '\0' && widest <= stop; p++)
    {
      if (*p == '\n')
        line = 0;
      else
        line += byte_width (*p);
      widest = MAX (widest, line);
    }

  return widest / 10.0;
}

/* How many lines @text takes in a column @width wide that wraps it, as Excel wraps: words
 * go on a line while they fit, a word longer than a line is cut. */
static guint
count_lines (const char *text,
             double      width,
             gboolean    bold)
{
  /* A cell keeps some padding, a little under a digit; bold letters are a few hundredths
   * wider. */
  guint capacity = (guint)MAX ((width - 0.7) * (bold ? 9.4 : 10.0), 10.0);
  guint lines = 1, line = 0, word = 0;

  for (const guchar *p = (const guchar *)text;; p++)
    {
      if (*p != ' ' && *p != '\n' && *p != '\0')
        {
          word += byte_width (*p);
          continue;
        }

      if (line > 0 && line + word > capacity)
        {
          lines++;
          line = 0;
        }
      for (; word > capacity; word -= capacity)
        lines++;
      line += word;
      word = 0;

      if (*p == '\0')
        break;
      if (*p == '\n')
        {
          lines++;
          line = 0;
        }
      else
        line += byte_width (' ');
    }

  return lines;
}

static double
lines_height (guint lines)
{
  return MIN (lines * LINE_HEIGHT, MAX_ROW_HEIGHT);
}

/* @text's width, plus padding, within [@min, @max]. */
static double
fit_width (double      current,
           const char *text,
           double      min,
           double      max)
{
  double width = text_width (text, max) + 1.5;

  return CLAMP (MAX (current, width), min, max);
}

static gboolean
is_efficiency_index (PoaIndicator *indicator)
{
  g_autofree char *ascii = g_str_to_ascii (poa_indicator_get_name (indicator), "C");

  return g_ascii_strcasecmp (g_strstrip (ascii), "Indice de Eficiencia") == 0;
}

/* Writing cells ---------------------------------------------------------------------------- */

/* Texts saved before the text rule (poa-validate.c) may hold characters XML cannot carry, and
 * libxlsxwriter writes them as they are: the workbook would be malformed. Such a text is
 * written with them replaced; any other is written as it is. */
static const char *
clean_text (const char  *text,
            char       **owned)
{
  *owned = NULL;
  if (text == NULL ||
      (g_utf8_validate (text, -1, NULL) && !poa_text_find_forbidden (text, strlen (text), NULL, NULL)))
    return text;

  return *owned = poa_text_sanitize_for_xml (text);
}

static void
keep_error (Book      *book,
            lxw_error  error)
{
  if (error != LXW_NO_ERROR && book->xlsx_error == LXW_NO_ERROR)
    {
      book->xlsx_error = error;
      book->xlsx_errno = errno;
    }
}

/* Excel refuses longer texts; saying where is more useful than cutting them short. */
static gboolean
text_fits (Sheet      *sheet,
           lxw_col_t   col,
           const char *text)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  if (strlen (text) <= MAX_CELL_CHARS || g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return TRUE;

  if (sheet->book->error == NULL)
    {
      lxw_rowcol_to_cell (cell, sheet->row, col);
      g_set_error (&sheet->book->error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: the text of %s!%s is longer than the %d characters a spreadsheet cell holds"),
                   sheet->book->path, sheet->name, cell, MAX_CELL_CHARS);
    }
  return FALSE;
}

static lxw_format *
style (Sheet *sheet,
       Style  id)
{
  return sheet->book->styles[id];
}

/* Starts the next row, @height points tall, 0 for one line. Every row is given its height,
 * one line included: spreadsheets differ in their default (see LINE_HEIGHT). */
static void
begin_row (Sheet     *sheet,
           lxw_row_t  row,
           double     height)
{
  sheet->row = row;
  keep_error (sheet->book, worksheet_set_row (sheet->sheet, row, height > 0 ? height : LINE_HEIGHT, NULL));
}

static void
put_text (Sheet      *sheet,
          lxw_col_t   col,
          const char *text,
          Style       id)
{
  g_autofree char *cleaned = NULL;
  lxw_error error;

  text = clean_text (text, &cleaned);
  if (text == NULL || text[0] == '\0')
    error = worksheet_write_blank (sheet->sheet, sheet->row, col, style (sheet, id));
  else if (text_fits (sheet, col, text))
    error = worksheet_write_string (sheet->sheet, sheet->row, col, text, style (sheet, id));
  else
    return;

  keep_error (sheet->book, error);
}

static void
put_number (Sheet     *sheet,
            lxw_col_t  col,
            double     value,
            Style      id)
{
  keep_error (sheet->book, worksheet_write_number (sheet->sheet, sheet->row, col, value, style (sheet, id)));
}

static void
put_formula (Sheet      *sheet,
             lxw_col_t   col,
             const char *formula,
             double      value,
             Style       id)
{
  keep_error (sheet->book,
              worksheet_write_formula_num (sheet->sheet, sheet->row, col, formula, style (sheet, id), value));
}

/* @numerator ÷ @denominator (cell references) as a percentage, empty when the denominator is
 * zero, as the model has it (poa_activity_get_achieved_percent () …). The cached value is the
 * division the formula makes rather than the model's percentage ÷ 100, one rounding less;
 * libxlsxwriter writes it with 16 significant digits. */
static void
put_ratio (Sheet      *sheet,
           lxw_col_t   col,
           const char *numerator,
           const char *denominator,
           guint64     numerator_value,
           guint64     denominator_value,
           Style       id)
{
  char formula[128];
  lxw_error error;

  g_snprintf (formula, sizeof formula, "=IF(%s=0,\"\",%s/%s)", denominator, numerator, denominator);
  if (denominator_value != 0)
    error = worksheet_write_formula_num (sheet->sheet, sheet->row, col, formula, style (sheet, id),
                                         (double)numerator_value / (double)denominator_value);
  else
    error = worksheet_write_formula_str (sheet->sheet, sheet->row, col, formula, style (sheet, id), "");

  keep_error (sheet->book, error);
}

/* Merges the current row's cells @first to @last, holding @text. */
static void
merge (Sheet      *sheet,
       lxw_col_t   first,
       lxw_col_t   last,
       const char *text,
       Style       id)
{
  g_autofree char *cleaned = NULL;

  text = clean_text (text, &cleaned);
  if (!text_fits (sheet, first, text))
    text = "";

  keep_error (sheet->book, worksheet_merge_range (sheet->sheet, sheet->row, first, sheet->row, last,
                                                  text, style (sheet, id)));
}

/* Merges column @col from @first_row down to the current row: the top cell, written already,
 * with @text, the others blank in the same style. libxlsxwriter's merge writes those blanks
 * itself, so the callers leave the merged cells of the current row to it. In constant-memory
 * mode the rows above are on disk, so the merge's own writes there are refused and only the
 * range is recorded. */
static void
merge_down (Sheet      *sheet,
            lxw_row_t   first_row,
            lxw_col_t   col,
            const char *text,
            Style       id)
{
  g_autofree char *cleaned = NULL;

  worksheet_merge_range (sheet->sheet, first_row, col, sheet->row, col, clean_text (text, &cleaned),
                         style (sheet, id));
}

/* Sheets ----------------------------------------------------------------------------------- */

static gboolean
add_sheet (Book       *book,
           Sheet      *sheet,
           const char *name,
           lxw_col_t   n_columns)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->book = book;
  sheet->name = name;
  sheet->n_columns = n_columns;
  /* Made beforehand, in their order (prepare_sheets()); one that could not be made is already
   * an error. */
  sheet->sheet = workbook_get_worksheet_by_name (book->workbook, name);

  return sheet->sheet != NULL;
}

/* Adds the sheets, in the workbook's order, before any is written: they may then be written on
 * threads of their own. */
static void
prepare_sheets (Book              *book,
                const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      lxw_worksheet *ws = workbook_add_worksheet (book->workbook, names[i]);

      /* In constant-memory mode a sheet starts with a temporary file; that is what fails. */
      if (ws == NULL)
        keep_error (book, LXW_ERROR_CREATING_TMPFILE);
      else if (book->n_sheets < MAX_SHEETS)
        book->sheets[book->n_sheets++] = ws;
    }
}

/* Printing: landscape letter, one page wide, the headings on every page, numbered pages. */
static void
finish_sheet (Sheet     *sheet,
              lxw_row_t  heading_first,
              lxw_row_t  heading_last)
{
  lxw_worksheet *ws = sheet->sheet;
  Book *book = sheet->book;

  for (lxw_col_t col = 0; col < sheet->n_columns; col++)
    keep_error (book, worksheet_set_column (ws, col, col, sheet->widths[col], NULL));

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, PAPER_LETTER);
  worksheet_set_margins (ws, 0.4, 0.4, 0.5, 0.7);
  worksheet_center_horizontally (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  keep_error (book, worksheet_repeat_rows (ws, heading_first, heading_last));
  keep_error (book, worksheet_print_area (ws, 0, 0, sheet->row, sheet->n_columns - 1));
  keep_error (book, worksheet_set_footer (ws, "&CPágina &P de &N"));
}

/* A sheet's title in its first row, merged over its width; the tables start on the third. */
static void
put_title (Sheet      *sheet,
           const char *title)
{
  begin_row (sheet, 0, 24);
  merge (sheet, 0, sheet->n_columns - 1, title, STYLE_TITLE);
}

/* The headings of a table in the current row, one per column, as tall as the tallest. */
static void
put_headings (Sheet             *sheet,
              const char *const *headings)
{
  guint lines = 1;

  for (lxw_col_t c = 0; c < sheet->n_columns; c++)
    lines = MAX (lines, count_lines (headings[c], sheet->widths[c], TRUE));

  begin_row (sheet, sheet->row, lines_height (lines));
  for (lxw_col_t c = 0; c < sheet->n_columns; c++)
    put_text (sheet, c, headings[c], STYLE_HEADING);
}

/* POA: the plan's header and the activities as they tie to the Plan Municipal de Desarrollo. */

static const struct {
  const char *label;
  PoaPlanText field;
} poa_header[] = {
  { "Dirección:",             POA_PLAN_DIRECTION },
  { "Área:",                  POA_PLAN_AREA },
  { "Objetivo:",              POA_PLAN_OBJECTIVE },
  { "Objetivos específicos:", POA_PLAN_SPECIFIC_OBJECTIVES },
};

enum { POA_NUMBER, POA_NAME, POA_AXIS, POA_LINE, POA_ACTION, POA_SPECIFIC, POA_N_COLUMNS };

static const struct {
  const char *heading;
  int         text;  /* a PoaActivityText; the number has none */
  double      min_width;
  double      max_width;
} poa_columns[POA_N_COLUMNS] = {
  { "Nº",                                                 -1,                             5, 5 },
  { "Actividad / Proyecto General",                       POA_ACTIVITY_NAME,              16, 30 },
  { "Eje Estratégico del Plan Municipal de Desarrollo",   POA_ACTIVITY_STRATEGIC_AXIS,    18, 26 },
  { "Línea Estratégica del Plan Municipal de Desarrollo", POA_ACTIVITY_STRATEGIC_LINE,    18, 26 },
  { "Línea de Acción del Plan Municipal de Desarrollo",   POA_ACTIVITY_ACTION_LINE,       20, 50 },
  { "Actividad Específica",                               POA_ACTIVITY_SPECIFIC_ACTIVITY, 20, 50 },
};

/* Labels span the first two columns, values the rest. */
#define POA_VALUE_FIRST POA_AXIS

static void
write_poa (Book *book)
{
  guint n = book->n_activities;
  const char *headings[POA_N_COLUMNS];
  g_autofree char *title = NULL;
  double label_width, value_width = 0;
  lxw_row_t heading_row;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "POA", POA_N_COLUMNS))
    return;

  for (guint c = 0; c < POA_N_COLUMNS; c++)
    {
      sheet.widths[c] = poa_columns[c].min_width;
      headings[c] = poa_columns[c].heading;
    }
  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = book->activities[i];

      for (guint c = POA_NAME; c < POA_N_COLUMNS; c++)
        sheet.widths[c] = fit_width (sheet.widths[c],
                                     poa_activity_get_text (activity, poa_columns[c].text),
                                     poa_columns[c].min_width, poa_columns[c].max_width);
    }

  title = g_strdup_printf ("POA (PLAN OPERATIVO ANUAL) %u", poa_plan_get_year (book->plan));
  put_title (&sheet, title);

  label_width = sheet.widths[POA_NUMBER] + sheet.widths[POA_NAME];
  for (guint c = POA_VALUE_FIRST; c < POA_N_COLUMNS; c++)
    value_width += sheet.widths[c];

  for (guint i = 0; i < G_N_ELEMENTS (poa_header); i++)
    {
      const char *value = poa_plan_get_text (book->plan, poa_header[i].field);
      guint lines = MAX (count_lines (value, value_width, FALSE),
                         count_lines (poa_header[i].label, label_width, TRUE));

      begin_row (&sheet, 2 + i, lines_height (lines));
      merge (&sheet, POA_NUMBER, POA_NAME, poa_header[i].label, STYLE_LABEL);
      merge (&sheet, POA_VALUE_FIRST, POA_N_COLUMNS - 1, value, STYLE_VALUE);
    }

  heading_row = 2 + G_N_ELEMENTS (poa_header) + 1;
  sheet.row = heading_row;
  put_headings (&sheet, headings);
  worksheet_freeze_panes (sheet.sheet, heading_row + 1, 0);

  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = book->activities[i];
      guint lines = 1;

      for (guint c = POA_NAME; c < POA_N_COLUMNS; c++)
        lines = MAX (lines, count_lines (poa_activity_get_text (activity, poa_columns[c].text),
                                         sheet.widths[c], FALSE));

      begin_row (&sheet, heading_row + 1 + i, lines_height (lines));
      put_number (&sheet, POA_NUMBER, poa_activity_get_number (activity), STYLE_NUMBER);
      for (guint c = POA_NAME; c < POA_N_COLUMNS; c++)
        put_text (&sheet, c, poa_activity_get_text (activity, poa_columns[c].text), STYLE_TEXT);
    }

  finish_sheet (&sheet, heading_row, heading_row);
}

/* Cronograma: metas, their percentages as formulas, the months shaded, and the dates. */

enum {
  CRON_NUMBER,
  CRON_NAME,
  CRON_RESPONSIBLE,
  CRON_UNIT,
  CRON_ANNUAL,
  CRON_PROGRAMMED,
  CRON_PROGRAMMED_PERCENT,
  CRON_ACHIEVED,
  CRON_ACHIEVED_PERCENT,
  CRON_JANUARY,
  CRON_DECEMBER = CRON_JANUARY + 11,
  CRON_START,
  CRON_END,
  CRON_N_COLUMNS
};

G_STATIC_ASSERT (CRON_N_COLUMNS <= MAX_COLUMNS);

/* The heading's three rows, as the document has them. */
#define CRON_HEADING_FIRST 2
#define CRON_HEADING_LAST 4

static const struct {
  const char *heading;
  int         text;  /* a PoaActivityText, or -1 */
  double      min_width;
  double      max_width;
} cron_columns[CRON_N_COLUMNS] = {
  [CRON_NUMBER]             = { "N°",               -1,                       5, 5 },
  [CRON_NAME]               = { "Actividad",        POA_ACTIVITY_NAME,        14, 36 },
  [CRON_RESPONSIBLE]        = { "Responsable",      POA_ACTIVITY_RESPONSIBLE, 13, 24 },
  [CRON_UNIT]               = { "Unidad de medida", POA_ACTIVITY_UNIT,        10, 18 },
  [CRON_ANNUAL]             = { "Meta Anual",       -1,                       8, 8 },
  [CRON_PROGRAMMED]         = { "N°",               -1,                       7, 7 },
  [CRON_PROGRAMMED_PERCENT] = { "%",                -1,                       7, 7 },
  [CRON_ACHIEVED]           = { "N°",               -1,                       7, 7 },
  [CRON_ACHIEVED_PERCENT]   = { "%",                -1,                       7, 7 },
  [CRON_START]              = { "Inicio",           -1,                       11, 11 },
  [CRON_END]                = { "Fin",              -1,                       11, 11 },
};

#define MONTH_WIDTH 4

static void
write_cronograma_heading (Sheet *sheet,
                          guint  year)
{
  g_autofree char *year_text = g_strdup_printf ("%u", year);
  /* With month figures, each activity's first row is the months programmed, its second
   * the months achieved. */
  g_autofree char *months_text = g_strdup_printf (sheet->book->calendarized ?
                                                  "%u Cronograma Programado (arriba) y Alcanzado (abajo)" :
                                                  "%u Cronograma Programado", year);
  double month_names = 0;
  guint lines = 1;

  for (guint c = CRON_NUMBER; c <= CRON_ANNUAL; c++)
    lines = MAX (lines, count_lines (cron_columns[c].heading, sheet->widths[c], TRUE));
  for (guint m = 1; m <= 12; m++)
    month_names = MAX (month_names, text_width (poa_month_name_spanish (m), 100));

  /* First row: the columns that span all three, and the groups. */
  begin_row (sheet, CRON_HEADING_FIRST, 0);
  for (guint c = CRON_NUMBER; c <= CRON_ANNUAL; c++)
    put_text (sheet, c, cron_columns[c].heading, STYLE_HEADING);
  merge (sheet, CRON_PROGRAMMED, CRON_ACHIEVED_PERCENT, year_text, STYLE_HEADING);
  merge (sheet, CRON_JANUARY, CRON_DECEMBER, months_text, STYLE_HEADING);
  merge (sheet, CRON_START, CRON_END, "Fechas de metas", STYLE_HEADING);

  /* Second row: the two metas, the months turned upright, the dates. A Calibri 0 is some 5.3
   * points wide; the months get half as much again, for bold and for wider fonts standing in. */
  begin_row (sheet, CRON_HEADING_FIRST + 1,
             MAX (MAX (2, lines - 1) * LINE_HEIGHT, month_names * 5.3 * 1.55 + 6 - LINE_HEIGHT));
  for (guint c = CRON_NUMBER; c <= CRON_ANNUAL; c++)
    put_text (sheet, c, NULL, STYLE_HEADING);
  merge (sheet, CRON_PROGRAMMED, CRON_PROGRAMMED_PERCENT, "Meta Programada", STYLE_HEADING);
  merge (sheet, CRON_ACHIEVED, CRON_ACHIEVED_PERCENT, "Meta Alcanzada", STYLE_HEADING);
  for (guint m = 1; m <= 12; m++)
    put_text (sheet, CRON_JANUARY + m - 1, poa_month_name_spanish (m), STYLE_HEADING_VERTICAL);
  put_text (sheet, CRON_START, cron_columns[CRON_START].heading, STYLE_HEADING);
  put_text (sheet, CRON_END, cron_columns[CRON_END].heading, STYLE_HEADING);

  /* Third row: N° and % under each meta. */
  begin_row (sheet, CRON_HEADING_LAST, 0);
  for (guint c = CRON_NUMBER; c <= CRON_ANNUAL; c++)
    put_text (sheet, c, NULL, STYLE_HEADING);
  for (guint c = CRON_PROGRAMMED; c <= CRON_ACHIEVED_PERCENT; c++)
    put_text (sheet, c, cron_columns[c].heading, STYLE_HEADING);
  for (guint c = CRON_JANUARY; c <= CRON_DECEMBER; c++)
    put_text (sheet, c, NULL, STYLE_HEADING_VERTICAL);
  put_text (sheet, CRON_START, NULL, STYLE_HEADING);
  put_text (sheet, CRON_END, NULL, STYLE_HEADING);

  for (guint c = CRON_NUMBER; c <= CRON_ANNUAL; c++)
    merge_down (sheet, CRON_HEADING_FIRST, c, cron_columns[c].heading, STYLE_HEADING);
  for (guint m = 1; m <= 12; m++)
    merge_down (sheet, CRON_HEADING_FIRST + 1, CRON_JANUARY + m - 1, poa_month_name_spanish (m),
                STYLE_HEADING_VERTICAL);
  merge_down (sheet, CRON_HEADING_FIRST + 1, CRON_START, cron_columns[CRON_START].heading, STYLE_HEADING);
  merge_down (sheet, CRON_HEADING_FIRST + 1, CRON_END, cron_columns[CRON_END].heading, STYLE_HEADING);
}

/* A real date, shown dd/mm/yyyy. Spreadsheets count days from 1900: an earlier date, surely a
 * typing slip, is written as the text the office would read, rather than as ####. */
static void
put_date (Sheet       *sheet,
          lxw_col_t    col,
          const GDate *date)
{
  lxw_datetime datetime = { 0 };

  if (date == NULL || g_date_get_year (date) < 1900)
    {
      g_autofree char *text = poa_date_format_dmy (date);

      put_text (sheet, col, text, STYLE_DATE);
      return;
    }

  datetime.year = g_date_get_year (date);
  datetime.month = g_date_get_month (date);
  datetime.day = g_date_get_day (date);
  keep_error (sheet->book, worksheet_write_datetime (sheet->sheet, sheet->row, col, &datetime,
                                                     style (sheet, STYLE_DATE)));
}

/* The current row's two percentages: programada ÷ anual and alcanzada ÷ programada. */
static void
put_percentages (Sheet   *sheet,
                 guint64  annual,
                 guint64  programmed,
                 guint64  achieved,
                 Style    id)
{
  char annual_cell[LXW_MAX_CELL_NAME_LENGTH], programmed_cell[LXW_MAX_CELL_NAME_LENGTH];
  char achieved_cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (annual_cell, sheet->row, CRON_ANNUAL);
  lxw_rowcol_to_cell (programmed_cell, sheet->row, CRON_PROGRAMMED);
  lxw_rowcol_to_cell (achieved_cell, sheet->row, CRON_ACHIEVED);
  put_ratio (sheet, CRON_PROGRAMMED_PERCENT, programmed_cell, annual_cell, programmed, annual, id);
  put_ratio (sheet, CRON_ACHIEVED_PERCENT, achieved_cell, programmed_cell, achieved, programmed, id);
}

/* An activity's second row: each month's achieved figure where the month holds something,
 * under the programmed one; the other columns are merged down from the first row. The merge
 * writes this row's cells of the range itself, blank in its style (merge_down()): they are not
 * written before it, which would make each cell twice. */
static void
write_cronograma_achieved_row (Sheet       *sheet,
                               PoaActivity *activity,
                               double       height)
{
  PoaCalendar *calendar = poa_activity_get_calendar (activity);
  lxw_row_t first = sheet->row;

  begin_row (sheet, first + 1, height);
  for (guint m = 1; m <= 12; m++)
    {
      if (poa_calendar_month_holds_something (calendar, m))
        put_number (sheet, CRON_JANUARY + m - 1, poa_calendar_get_achieved (calendar, m),
                    STYLE_MONTH_FIGURE);
      else
        put_text (sheet, CRON_JANUARY + m - 1, NULL, STYLE_MONTH);
    }

  for (guint c = CRON_NUMBER; c <= CRON_UNIT; c++)
    merge_down (sheet, first, c, "", c == CRON_NUMBER ? STYLE_NUMBER : STYLE_TEXT);
  for (guint c = CRON_ANNUAL; c <= CRON_ACHIEVED_PERCENT; c++)
    merge_down (sheet, first, c, "", c == CRON_PROGRAMMED_PERCENT || c == CRON_ACHIEVED_PERCENT ?
                                       STYLE_PERCENT : STYLE_NUMBER);
  merge_down (sheet, first, CRON_START, "", STYLE_DATE);
  merge_down (sheet, first, CRON_END, "", STYLE_DATE);
}

static void
write_cronograma_activity (Sheet       *sheet,
                           PoaActivity *activity)
{
  guint annual = poa_activity_get_goal (activity, POA_ACTIVITY_ANNUAL_GOAL);
  guint programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
  guint achieved = poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED);
  guint lines = 1;
  double height;

  for (guint c = CRON_NAME; c <= CRON_UNIT; c++)
    lines = MAX (lines, count_lines (poa_activity_get_text (activity, cron_columns[c].text),
                                     sheet->widths[c], FALSE));

  /* With month figures the activity takes two rows, the texts and metas merged over both:
   * the months programmed above, shaded where scheduled as without figures, and the months
   * achieved below. Height is what the texts need, shared by the two, each at least a line. */
  if (sheet->book->calendarized)
    height = MAX (LINE_HEIGHT, lines_height (lines) / 2);
  else
    height = lines_height (lines);
  begin_row (sheet, sheet->row, height);
  put_number (sheet, CRON_NUMBER, poa_activity_get_number (activity), STYLE_NUMBER);
  for (guint c = CRON_NAME; c <= CRON_UNIT; c++)
    put_text (sheet, c, poa_activity_get_text (activity, cron_columns[c].text), STYLE_TEXT);

  put_number (sheet, CRON_ANNUAL, annual, STYLE_NUMBER);
  put_number (sheet, CRON_PROGRAMMED, programmed, STYLE_NUMBER);
  put_number (sheet, CRON_ACHIEVED, achieved, STYLE_NUMBER);
  put_percentages (sheet, annual, programmed, achieved, STYLE_PERCENT);

  for (guint m = 1; m <= 12; m++)
    {
      gboolean scheduled = poa_activity_has_month (activity, m);
      PoaCalendar *calendar = poa_activity_get_calendar (activity);

      if (sheet->book->calendarized && poa_calendar_month_holds_something (calendar, m))
        put_number (sheet, CRON_JANUARY + m - 1, poa_calendar_get_programmed (calendar, m),
                    scheduled ? STYLE_MONTH_FIGURE_SCHEDULED : STYLE_MONTH_FIGURE);
      else
        put_text (sheet, CRON_JANUARY + m - 1, NULL, scheduled ? STYLE_MONTH_SCHEDULED : STYLE_MONTH);
    }

  put_date (sheet, CRON_START, poa_activity_get_start (activity));
  put_date (sheet, CRON_END, poa_activity_get_end (activity));

  if (!sheet->book->calendarized)
    return;

  write_cronograma_achieved_row (sheet, activity, height);
}

/* The sums of the metas and their percentages, under the activities. The sum of the achieved
 * ÷ the sum of the programmed is the plan's efficiency index. */
static void
write_cronograma_totals (Sheet     *sheet,
                         lxw_row_t  first,
                         lxw_row_t  last)
{
  static const lxw_col_t columns[POA_ACTIVITY_N_GOALS] = {
    [POA_ACTIVITY_ANNUAL_GOAL] = CRON_ANNUAL,
    [POA_ACTIVITY_PROGRAMMED]  = CRON_PROGRAMMED,
    [POA_ACTIVITY_ACHIEVED]    = CRON_ACHIEVED,
  };
  Book *book = sheet->book;

  begin_row (sheet, sheet->row, 0);
  merge (sheet, CRON_NUMBER, CRON_UNIT, "Total", STYLE_TOTAL_LABEL);

  for (guint goal = 0; goal < POA_ACTIVITY_N_GOALS; goal++)
    {
      char formula[64], from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];

      /* With no activity there is no range to add up. */
      if (last < first)
        {
          put_number (sheet, columns[goal], 0, STYLE_TOTAL_NUMBER);
          continue;
        }
      lxw_rowcol_to_cell (from, first, columns[goal]);
      lxw_rowcol_to_cell (to, last, columns[goal]);
      g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", from, to);
      put_formula (sheet, columns[goal], formula, book->sums[goal], STYLE_TOTAL_NUMBER);
    }

  put_percentages (sheet, book->sums[POA_ACTIVITY_ANNUAL_GOAL], book->sums[POA_ACTIVITY_PROGRAMMED],
                   book->sums[POA_ACTIVITY_ACHIEVED], STYLE_TOTAL_PERCENT);

  for (lxw_col_t c = CRON_JANUARY; c < CRON_N_COLUMNS; c++)
    put_text (sheet, c, NULL, STYLE_TOTAL_LABEL);

  /* Worked out beforehand, for the Indicadores' formula (write_sheets()). */
  g_warn_if_fail (book->totals_row == sheet->row);
}

static void
write_cronograma (Book *book)
{
  guint n = book->n_activities;
  lxw_row_t first = CRON_HEADING_LAST + 1;
  guint rows_per_activity = book->calendarized ? 2 : 1;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "Cronograma", CRON_N_COLUMNS))
    return;

  for (guint c = 0; c < CRON_N_COLUMNS; c++)
    sheet.widths[c] = c >= CRON_JANUARY && c <= CRON_DECEMBER ? MONTH_WIDTH : cron_columns[c].min_width;
  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = book->activities[i];

      for (guint c = CRON_NAME; c <= CRON_UNIT; c++)
        sheet.widths[c] = fit_width (sheet.widths[c],
                                     poa_activity_get_text (activity, cron_columns[c].text),
                                     cron_columns[c].min_width, cron_columns[c].max_width);

      /* A month's figure must show whole: a month wider than four digits widens its column. */
      if (book->calendarized)
        for (guint m = 1; m <= 12; m++)
          {
            PoaCalendar *calendar = poa_activity_get_calendar (activity);
            guint widest = MAX (poa_calendar_get_programmed (calendar, m),
                                poa_calendar_get_achieved (calendar, m));

            if (widest >= 1000)
              {
                char digits[16];

                g_snprintf (digits, sizeof digits, "%u", widest);
                sheet.widths[CRON_JANUARY + m - 1] = fit_width (sheet.widths[CRON_JANUARY + m - 1],
                                                                digits, MONTH_WIDTH, 12);
              }
          }
    }

  put_title (&sheet, "Cronograma");
  write_cronograma_heading (&sheet, poa_plan_get_year (book->plan));
  worksheet_freeze_panes (sheet.sheet, first, CRON_NAME + 1);

  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = book->activities[i];

      sheet.row = first + i * rows_per_activity;
      write_cronograma_activity (&sheet, activity);
    }

  sheet.row = first + n * rows_per_activity;
  write_cronograma_totals (&sheet, first, first + n * rows_per_activity - 1);

  finish_sheet (&sheet, CRON_HEADING_FIRST, CRON_HEADING_LAST);
}

/* Indicadores: the plan's indicators, the efficiency index computed from the Cronograma. */

enum { IND_NAME, IND_VARIABLES, IND_FORMULA, IND_RESULT, IND_N_COLUMNS };

/* The index's semáforo, with the plan's thresholds. Its word follows the percentage through
 * the number format's conditions, so that colour is never the only sign and a reviewer who
 * changes a meta sees both follow; the fill comes from conditional formats on the same
 * thresholds (ISNUMBER: with nothing programmed the cell holds "", which compares above every
 * number). */
/* A threshold as a fraction, written the same whatever the locale: formulas and number
 * formats take a point for the decimals (a comma separates a formula's arguments). */
static const char *
threshold_text (char  buffer[G_ASCII_DTOSTR_BUF_SIZE],
                guint percent)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%g", percent / 100.0);
}

static char *
semaforo_number_format (PoaPlan *plan)
{
  char green[G_ASCII_DTOSTR_BUF_SIZE], yellow[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("[>=%s]0.0 %%\" · %s\";[>=%s]0.0 %%\" · %s\";0.0 %%\" · %s\"",
                          threshold_text (green, poa_plan_get_semaforo_green (plan)),
                          poa_semaforo_label_spanish (POA_SEMAFORO_GREEN),
                          threshold_text (yellow, poa_plan_get_semaforo_yellow (plan)),
                          poa_semaforo_label_spanish (POA_SEMAFORO_YELLOW),
                          poa_semaforo_label_spanish (POA_SEMAFORO_RED));
}

static void
put_semaforo_fills (Sheet     *sheet,
                    lxw_col_t  col)
{
  static const PoaSemaforo levels[] = { POA_SEMAFORO_GREEN, POA_SEMAFORO_YELLOW, POA_SEMAFORO_RED };
  PoaPlan *plan = sheet->book->plan;
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (cell, sheet->row, col);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      lxw_format *fill = workbook_add_format (sheet->book->workbook);
      lxw_conditional_format condition = { .type = LXW_CONDITIONAL_TYPE_FORMULA, .format = fill };
      g_autofree char *formula = NULL;

      if (fill == NULL)
        {
          keep_error (sheet->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return;
        }

      format_set_bg_color (fill, poa_semaforo_rgb (levels[i]));
      format_set_font_color (fill, levels[i] == POA_SEMAFORO_YELLOW ? LXW_COLOR_BLACK : LXW_COLOR_WHITE);
      char threshold[G_ASCII_DTOSTR_BUF_SIZE];

      if (levels[i] == POA_SEMAFORO_GREEN)
        formula = g_strdup_printf ("=AND(ISNUMBER(%s),%s>=%s)", cell, cell,
                                   threshold_text (threshold, poa_plan_get_semaforo_green (plan)));
      else if (levels[i] == POA_SEMAFORO_YELLOW)
        formula = g_strdup_printf ("=AND(ISNUMBER(%s),%s>=%s)", cell, cell,
                                   threshold_text (threshold, poa_plan_get_semaforo_yellow (plan)));
      else
        formula = g_strdup_printf ("=ISNUMBER(%s)", cell);

      /* The first rule that holds wins: green, then yellow, then red. */
      condition.value_string = formula;
      condition.stop_if_true = LXW_TRUE;
      keep_error (sheet->book, worksheet_conditional_format_cell (sheet->sheet, sheet->row, col, &condition));
    }
}

/* The length of a list item's number at @p ("1. ", "12) "), 0 if none. */
static gsize
item_number_length (const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q))
    q++;
  if (q == p || q - p > 3 || (*q != '.' && *q != ')') || q[1] != ' ')
    return 0;
  return q + 2 - p;
}

/* A numbered list written on one line ("1. Actividades Logradas 2. Actividades Programadas"),
 * one item per line, so that it never wraps in the middle of the list; NULL when @text is not
 * such a list. The plan's own text goes to the _poa sheet (indicator.variables). */
static char *
one_item_per_line (const char *text)
{
  g_autofree char *lines = NULL;
  guint items = 1;

  if (text == NULL || item_number_length (text) == 0)
    return NULL;

  lines = g_strdup (text);
  for (char *p = lines + 1; *p != '\0'; p++)
    if (*p == ' ' && p[-1] != '\n' && item_number_length (p + 1) > 0)
      {
        *p = '\n';
        items++;
      }

  return items > 1 ? g_steal_pointer (&lines) : NULL;
}

static void
put_indicator (Sheet      *sheet,
               const char *name,
               const char *variables,
               const char *formula_text,
               gboolean    efficiency)
{
  g_autofree char *listed = one_item_per_line (variables);
  const char *texts[] = { name, listed != NULL ? listed : variables, formula_text };
  guint lines = 1;

  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    lines = MAX (lines, count_lines (texts[c], sheet->widths[c], FALSE));

  begin_row (sheet, sheet->row, lines_height (lines));
  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    put_text (sheet, c, texts[c], STYLE_TEXT);

  if (efficiency)
    {
      Book *book = sheet->book;
      char programmed[LXW_MAX_CELL_NAME_LENGTH + 16], achieved[LXW_MAX_CELL_NAME_LENGTH + 16];
      char cell[LXW_MAX_CELL_NAME_LENGTH];

      /* The index is Σ logradas ÷ Σ programadas (poa_plan_get_efficiency_index ()). */
      lxw_rowcol_to_cell (cell, book->totals_row, CRON_PROGRAMMED);
      g_snprintf (programmed, sizeof programmed, "Cronograma!%s", cell);
      lxw_rowcol_to_cell (cell, book->totals_row, CRON_ACHIEVED);
      g_snprintf (achieved, sizeof achieved, "Cronograma!%s", cell);
      put_ratio (sheet, IND_RESULT, achieved, programmed, book->sums[POA_ACTIVITY_ACHIEVED],
                 book->sums[POA_ACTIVITY_PROGRAMMED], STYLE_INDEX);
      put_semaforo_fills (sheet, IND_RESULT);
    }
  else
    put_text (sheet, IND_RESULT, NULL, STYLE_INDEX);
}

static void
write_indicators (Book *book)
{
  static const char *const headings[IND_N_COLUMNS] = { "Nombre", "Variables", "Fórmula", "Resultado" };
  static const double min_widths[IND_N_COLUMNS] = { 16, 24, 28, 20 };
  static const double max_widths[IND_N_COLUMNS] = { 30, 40, 50, 20 };
  GListModel *indicators = G_LIST_MODEL (poa_plan_get_indicators (book->plan));
  guint n = g_list_model_get_n_items (indicators);
  gboolean has_efficiency = FALSE;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "Indicadores", IND_N_COLUMNS))
    return;

  for (guint c = 0; c < IND_N_COLUMNS; c++)
    sheet.widths[c] = min_widths[c];
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *listed = one_item_per_line (poa_indicator_get_variables (indicator));
      const char *texts[] = { poa_indicator_get_name (indicator),
                              listed != NULL ? listed : poa_indicator_get_variables (indicator),
                              poa_indicator_get_formula (indicator) };

      for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
        sheet.widths[c] = fit_width (sheet.widths[c], texts[c], min_widths[c], max_widths[c]);
    }

  put_title (&sheet, "Indicador de Medida");
  sheet.row = 2;
  put_headings (&sheet, headings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaIndicator) indicator = g_list_model_get_item (indicators, i);
      gboolean efficiency = !has_efficiency && is_efficiency_index (indicator);

      sheet.row = 3 + i;
      put_indicator (&sheet, poa_indicator_get_name (indicator),
                     poa_indicator_get_variables (indicator),
                     poa_indicator_get_formula (indicator), efficiency);
      has_efficiency |= efficiency;
    }

  /* The index is part of every POA: it is shown even when the plan does not list it. */
  if (!has_efficiency)
    {
      sheet.row = 3 + n;
      put_indicator (&sheet, "Índice de Eficiencia",
                     "1. Actividades Logradas 2. Actividades Programadas",
                     "Actividades Logradas / Actividades Programadas × 100", TRUE);
    }

  /* What the colours and words of the index mean, with this plan's thresholds. */
  {
    g_autofree char *legend =
      g_strdup_printf ("Semáforo del Índice de Eficiencia: %s desde %u %%, %s desde %u %%, %s debajo de %u %%.",
                       poa_semaforo_label_spanish (POA_SEMAFORO_GREEN), poa_plan_get_semaforo_green (book->plan),
                       poa_semaforo_label_spanish (POA_SEMAFORO_YELLOW), poa_plan_get_semaforo_yellow (book->plan),
                       poa_semaforo_label_spanish (POA_SEMAFORO_RED), poa_plan_get_semaforo_yellow (book->plan));

    begin_row (&sheet, sheet.row + 2, 0);
    merge (&sheet, IND_NAME, IND_RESULT, legend, STYLE_VALUE);
  }

  finish_sheet (&sheet, 2, 2);
}

/* Presupuesto: the partidas and their total, the observations, the signatures. */

enum { BUDGET_CODE, BUDGET_NAME, BUDGET_AMOUNT, BUDGET_N_COLUMNS };

static void
write_budget_lines (Sheet *sheet)
{
  GListModel *budget = G_LIST_MODEL (poa_plan_get_budget (sheet->book->plan));
  guint n = g_list_model_get_n_items (budget);
  lxw_row_t first = sheet->row;
  char formula[64], from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];
  gint64 total_centavos = poa_plan_get_budget_total (sheet->book->plan);
  /* The SUM formula's cached value: spreadsheets hold numbers as doubles. */
  double total = poa_money_to_pesos (total_centavos);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);
      const char *name = poa_budget_line_get_name (line);
      guint lines = count_lines (name, sheet->widths[BUDGET_NAME], FALSE);

      begin_row (sheet, first + i, lines_height (lines));
      put_text (sheet, BUDGET_CODE, poa_budget_line_get_code (line), STYLE_CODE);
      put_text (sheet, BUDGET_NAME, name, STYLE_TEXT);
      put_number (sheet, BUDGET_AMOUNT, poa_money_to_pesos (poa_budget_line_get_centavos (line)), STYLE_MONEY);
    }

  begin_row (sheet, first + n, 0);
  merge (sheet, BUDGET_CODE, BUDGET_NAME, "TOTAL", STYLE_TOTAL_LABEL);
  if (n == 0)
    {
      put_number (sheet, BUDGET_AMOUNT, 0, STYLE_TOTAL_MONEY);
      return;
    }

  lxw_rowcol_to_cell (from, first, BUDGET_AMOUNT);
  lxw_rowcol_to_cell (to, first + n - 1, BUDGET_AMOUNT);
  g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", from, to);
  put_formula (sheet, BUDGET_AMOUNT, formula, total, STYLE_TOTAL_MONEY);

  /* Partida codes are text (a code may start with 0); Excel need not flag them. */
  lxw_rowcol_to_cell (from, first, BUDGET_CODE);
  lxw_rowcol_to_cell (to, first + n - 1, BUDGET_CODE);
  g_snprintf (formula, sizeof formula, "%s:%s", from, to);
  keep_error (sheet->book, worksheet_ignore_errors (sheet->sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, formula));
}

/* Each signature as the document has it, "Revisó:" then the name and the title, over a line
 * to sign on; then the municipality and its administration period. */
static void
write_signatures (Sheet *sheet)
{
  PoaPlan *plan = sheet->book->plan;
  g_autofree char *municipality = g_utf8_strup (poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY), -1);
  double width = sheet->widths[BUDGET_NAME];

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = sheet->book->signatures[i];
      g_autofree char *role = g_strdup_printf ("%s:", poa_signature_get_role (signature));
      const char *name = poa_signature_get_name (signature);
      const char *title = poa_signature_get_title (signature);

      begin_row (sheet, sheet->row + 2, 2.5 * LINE_HEIGHT);
      put_text (sheet, BUDGET_CODE, role, STYLE_SIGNATURE_ROLE);
      put_text (sheet, BUDGET_NAME, NULL, STYLE_SIGNATURE_LINE);
      begin_row (sheet, sheet->row + 1, lines_height (count_lines (name, width, FALSE)));
      put_text (sheet, BUDGET_NAME, name, STYLE_CENTRED);
      begin_row (sheet, sheet->row + 1, lines_height (count_lines (title, width, FALSE)));
      put_text (sheet, BUDGET_NAME, title, STYLE_CENTRED);
    }

  begin_row (sheet, sheet->row + 2, 0);
  merge (sheet, BUDGET_CODE, BUDGET_AMOUNT, municipality, STYLE_CENTRED_BOLD);
  begin_row (sheet, sheet->row + 1, 0);
  merge (sheet, BUDGET_CODE, BUDGET_AMOUNT, poa_plan_get_text (plan, POA_PLAN_ADMINISTRATION),
         STYLE_CENTRED_BOLD);
}

static void
write_budget (Book *book)
{
  static const char *const headings[BUDGET_N_COLUMNS] = { "PARTIDA", "NOMBRE", "CANTIDAD" };
  GListModel *budget = G_LIST_MODEL (poa_plan_get_budget (book->plan));
  guint n = g_list_model_get_n_items (budget);
  const char *observations = poa_plan_get_text (book->plan, POA_PLAN_OBSERVATIONS);
  g_autofree char *total = poa_money_format (poa_plan_get_budget_total (book->plan));
  double box_width;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "Presupuesto", BUDGET_N_COLUMNS))
    return;

  sheet.widths[BUDGET_CODE] = 11;
  sheet.widths[BUDGET_NAME] = 40;
  sheet.widths[BUDGET_AMOUNT] = fit_width (14, total, 14, 24);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);

      sheet.widths[BUDGET_CODE] = fit_width (sheet.widths[BUDGET_CODE], poa_budget_line_get_code (line), 11, 16);
      sheet.widths[BUDGET_NAME] = fit_width (sheet.widths[BUDGET_NAME], poa_budget_line_get_name (line), 40, 60);
    }
  box_width = sheet.widths[BUDGET_CODE] + sheet.widths[BUDGET_NAME] + sheet.widths[BUDGET_AMOUNT];

  put_title (&sheet, "Presupuesto Estimado");
  sheet.row = 2;
  put_headings (&sheet, headings);
  sheet.row = 3;
  write_budget_lines (&sheet);

  begin_row (&sheet, sheet.row + 2, 0);
  merge (&sheet, BUDGET_CODE, BUDGET_AMOUNT, "Observaciones.", STYLE_LABEL);
  begin_row (&sheet, sheet.row + 1,
             lines_height (MAX (3, count_lines (observations, box_width, FALSE))));
  merge (&sheet, BUDGET_CODE, BUDGET_AMOUNT, observations, STYLE_BOX);

  write_signatures (&sheet);

  finish_sheet (&sheet, 2, 2);
}


/* Avance trimestral: the quarterly avance de metas in the PbRM-08c's columns, one block per
 * quarter from the first to the last asked, each on its own page with its totals and the
 * signatures. The figures are the months' sums (poa-report.c); the variances and their
 * percents are formulas over them. Achieved without a month counts in no quarter. */

enum {
  AV_NUMBER,
  AV_NAME,
  AV_UNIT,
  AV_ANNUAL,
  AV_Q_PROGRAMMED,
  AV_Q_ACHIEVED,
  AV_Q_VARIANCE,
  AV_Q_PERCENT,
  AV_A_PROGRAMMED,
  AV_A_ACHIEVED,
  AV_A_VARIANCE,
  AV_A_PERCENT,
  AV_STATUS,
  AV_JUSTIFICATION,
  AV_N_COLUMNS
};

G_STATIC_ASSERT (AV_N_COLUMNS <= MAX_COLUMNS);

#define AV_HEADING_FIRST 5
#define AV_HEADING_LAST 6

static const struct {
  const char *heading;
  double      min_width;
  double      max_width;
} av_columns[AV_N_COLUMNS] = {
  [AV_NUMBER]        = { "Nº",                        5, 5 },
  [AV_NAME]          = { "Meta de actividad",         16, 36 },
  [AV_UNIT]          = { "Unidad de medida",          11, 18 },
  [AV_ANNUAL]        = { "Programada anual",          11, 11 },
  [AV_Q_PROGRAMMED]  = { "Programada",                11, 11 },
  [AV_Q_ACHIEVED]    = { "Alcanzada",                 10, 10 },
  [AV_Q_VARIANCE]    = { "Variación N°",              10, 10 },
  [AV_Q_PERCENT]     = { "Variación %",               10, 10 },
  [AV_A_PROGRAMMED]  = { "Programada",                11, 11 },
  [AV_A_ACHIEVED]    = { "Alcanzada",                 10, 10 },
  [AV_A_VARIANCE]    = { "Variación N°",              10, 10 },
  [AV_A_PERCENT]     = { "Variación %",               10, 10 },
  [AV_STATUS]        = { "Estado",                    21, 21 },
  [AV_JUSTIFICATION] = { "Justificación",             20, 40 },
};

/* The current row's variance (achieved − programmed) and its percent (variance ÷ programmed,
 * empty where nothing was programmed). */
static void
av_put_variance (Sheet     *sheet,
                 lxw_col_t  programmed_col,
                 guint64    programmed,
                 guint64    achieved,
                 Style      number_style,
                 Style      percent_style)
{
  char programmed_cell[LXW_MAX_CELL_NAME_LENGTH], achieved_cell[LXW_MAX_CELL_NAME_LENGTH];
  char variance_cell[LXW_MAX_CELL_NAME_LENGTH], formula[128];
  double variance = (double)achieved - (double)programmed;
  lxw_error error;

  lxw_rowcol_to_cell (programmed_cell, sheet->row, programmed_col);
  lxw_rowcol_to_cell (achieved_cell, sheet->row, programmed_col + 1);
  lxw_rowcol_to_cell (variance_cell, sheet->row, programmed_col + 2);

  g_snprintf (formula, sizeof formula, "=%s-%s", achieved_cell, programmed_cell);
  put_formula (sheet, programmed_col + 2, formula, variance, number_style);

  g_snprintf (formula, sizeof formula, "=IF(%s=0,\"\",%s/%s)", programmed_cell, variance_cell,
              programmed_cell);
  if (programmed != 0)
    error = worksheet_write_formula_num (sheet->sheet, sheet->row, programmed_col + 3, formula,
                                         style (sheet, percent_style), variance / (double)programmed);
  else
    error = worksheet_write_formula_str (sheet->sheet, sheet->row, programmed_col + 3, formula,
                                         style (sheet, percent_style), "");
  keep_error (sheet->book, error);
}

static void
av_write_line (Sheet               *sheet,
               const PoaReportLine *line,
               guint                quarter)
{
  PoaActivity *activity = line->activity;
  PoaCalendar *calendar = poa_activity_get_calendar (activity);
  const char *name = poa_activity_get_text (activity, POA_ACTIVITY_NAME);
  const char *unit = poa_activity_get_text (activity, POA_ACTIVITY_UNIT);
  const char *justification = poa_calendar_get_justification (calendar, quarter);
  guint lines = MAX (count_lines (name, sheet->widths[AV_NAME], FALSE),
                     MAX (count_lines (unit, sheet->widths[AV_UNIT], FALSE),
                          count_lines (justification, sheet->widths[AV_JUSTIFICATION], FALSE)));

  begin_row (sheet, sheet->row, lines_height (lines));
  put_number (sheet, AV_NUMBER, poa_activity_get_number (activity), STYLE_NUMBER);
  put_text (sheet, AV_NAME, name, STYLE_TEXT);
  put_text (sheet, AV_UNIT, unit, STYLE_TEXT);
  put_number (sheet, AV_ANNUAL, poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED), STYLE_NUMBER);

  if (line->status == POA_REPORT_UNCALENDARIZED)
    /* Not zero: nothing was programmed by month, so there is nothing to measure. */
    merge (sheet, AV_Q_PROGRAMMED, AV_A_PERCENT, "sin calendarizar", STYLE_CENTRED_BOLD);
  else
    {
      put_number (sheet, AV_Q_PROGRAMMED, line->quarter_programmed, STYLE_NUMBER);
      put_number (sheet, AV_Q_ACHIEVED, line->quarter_achieved, STYLE_NUMBER);
      av_put_variance (sheet, AV_Q_PROGRAMMED, line->quarter_programmed, line->quarter_achieved,
                       STYLE_NUMBER, STYLE_PERCENT);
      put_number (sheet, AV_A_PROGRAMMED, line->accumulated_programmed, STYLE_NUMBER);
      put_number (sheet, AV_A_ACHIEVED, line->accumulated_achieved, STYLE_NUMBER);
      av_put_variance (sheet, AV_A_PROGRAMMED, line->accumulated_programmed, line->accumulated_achieved,
                       STYLE_NUMBER, STYLE_PERCENT);
    }

  put_text (sheet, AV_STATUS, poa_report_status_official (line->status), STYLE_TEXT);
  put_text (sheet, AV_JUSTIFICATION, justification, STYLE_TEXT);
}

static void
av_write_totals (Sheet               *sheet,
                 const PoaReportLine *totals,
                 lxw_row_t            first,
                 lxw_row_t            last,
                 guint64              annual)
{
  static const lxw_col_t sums[] = { AV_ANNUAL, AV_Q_PROGRAMMED, AV_Q_ACHIEVED, AV_A_PROGRAMMED,
                                    AV_A_ACHIEVED };
  const guint64 values[] = { annual, totals->quarter_programmed, totals->quarter_achieved,
                             totals->accumulated_programmed, totals->accumulated_achieved };

  begin_row (sheet, sheet->row, 0);
  merge (sheet, AV_NUMBER, AV_UNIT, "Total", STYLE_TOTAL_LABEL);
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    {
      char formula[64], from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];

      if (last < first)
        {
          put_number (sheet, sums[i], 0, STYLE_TOTAL_NUMBER);
          continue;
        }
      /* SUM passes over the *sin calendarizar* rows, whose figure cells hold no number. */
      lxw_rowcol_to_cell (from, first, sums[i]);
      lxw_rowcol_to_cell (to, last, sums[i]);
      g_snprintf (formula, sizeof formula, "=SUM(%s:%s)", from, to);
      put_formula (sheet, sums[i], formula, values[i], STYLE_TOTAL_NUMBER);
    }
  av_put_variance (sheet, AV_Q_PROGRAMMED, totals->quarter_programmed, totals->quarter_achieved,
                   STYLE_TOTAL_NUMBER, STYLE_TOTAL_PERCENT);
  av_put_variance (sheet, AV_A_PROGRAMMED, totals->accumulated_programmed, totals->accumulated_achieved,
                   STYLE_TOTAL_NUMBER, STYLE_TOTAL_PERCENT);
  put_text (sheet, AV_STATUS, totals->accumulated_programmed > 0 ? poa_report_status_official (totals->status) : NULL,
            STYLE_TOTAL_LABEL);
  put_text (sheet, AV_JUSTIFICATION, NULL, STYLE_TOTAL_LABEL);
}

/* The PbRM's three signatures side by side, with the plan's names and titles: the plan's
 * third signature (Aprobó) is the one that authorises the report. */
static void
av_write_signatures (Sheet *sheet)
{
  static const char *const roles[POA_PLAN_N_SIGNATURES] = { "Elaboró", "Revisó", "Autorizó" };
  static const lxw_col_t spans[POA_PLAN_N_SIGNATURES][2] = {
    { AV_NAME, AV_ANNUAL }, { AV_Q_ACHIEVED, AV_A_PROGRAMMED }, { AV_A_VARIANCE, AV_JUSTIFICATION },
  };
  lxw_row_t top = sheet->row + 2;

  G_STATIC_ASSERT (POA_PLAN_N_SIGNATURES == 3);

  begin_row (sheet, top, 0);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    merge (sheet, spans[i][0], spans[i][1], roles[i], STYLE_CENTRED_BOLD);
  begin_row (sheet, top + 1, 2.5 * LINE_HEIGHT);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    merge (sheet, spans[i][0], spans[i][1], "", STYLE_SIGNATURE_LINE);
  begin_row (sheet, top + 2, 0);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    merge (sheet, spans[i][0], spans[i][1], poa_signature_get_name (sheet->book->signatures[i]),
           STYLE_CENTRED);
  begin_row (sheet, top + 3, 2 * LINE_HEIGHT);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    merge (sheet, spans[i][0], spans[i][1], poa_signature_get_title (sheet->book->signatures[i]),
           STYLE_CENTRED);
}

static void
av_write_heading (Sheet *sheet)
{
  guint lines = 1;

  for (lxw_col_t c = 0; c < AV_N_COLUMNS; c++)
    lines = MAX (lines, count_lines (av_columns[c].heading, sheet->widths[c], TRUE));

  /* First row: the columns that span both, and the two groups. */
  begin_row (sheet, AV_HEADING_FIRST, 0);
  for (lxw_col_t c = AV_NUMBER; c <= AV_ANNUAL; c++)
    put_text (sheet, c, av_columns[c].heading, STYLE_HEADING);
  merge (sheet, AV_Q_PROGRAMMED, AV_Q_PERCENT, "Avance del trimestre", STYLE_HEADING);
  merge (sheet, AV_A_PROGRAMMED, AV_A_PERCENT, "Avance acumulado al trimestre", STYLE_HEADING);
  put_text (sheet, AV_STATUS, av_columns[AV_STATUS].heading, STYLE_HEADING);
  put_text (sheet, AV_JUSTIFICATION, av_columns[AV_JUSTIFICATION].heading, STYLE_HEADING);

  /* Second row: the metas and variances under each group. */
  begin_row (sheet, AV_HEADING_LAST, lines_height (MAX (2, lines)));
  for (lxw_col_t c = 0; c < AV_N_COLUMNS; c++)
    put_text (sheet, c, c >= AV_Q_PROGRAMMED && c <= AV_A_PERCENT ? av_columns[c].heading : NULL,
              STYLE_HEADING);
  for (lxw_col_t c = AV_NUMBER; c <= AV_ANNUAL; c++)
    merge_down (sheet, AV_HEADING_FIRST, c, av_columns[c].heading, STYLE_HEADING);
  merge_down (sheet, AV_HEADING_FIRST, AV_STATUS, av_columns[AV_STATUS].heading, STYLE_HEADING);
  merge_down (sheet, AV_HEADING_FIRST, AV_JUSTIFICATION, av_columns[AV_JUSTIFICATION].heading,
              STYLE_HEADING);
}

/* The sheet, with the quarters @first_quarter to @last_quarter. */
static void
write_avance (Book  *book,
              guint  first_quarter,
              guint  last_quarter)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (book->plan));
  guint n = g_list_model_get_n_items (activities);
  g_autofree char *title = NULL;
  g_autofree lxw_row_t *breaks = g_new0 (lxw_row_t, 5);
  guint n_breaks = 0;
  guint64 annual = 0;
  double value_width = 0;
  GDate today;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "Avance trimestral", AV_N_COLUMNS))
    return;

  for (guint c = 0; c < AV_N_COLUMNS; c++)
    sheet.widths[c] = av_columns[c].min_width;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      PoaCalendar *calendar = poa_activity_get_calendar (activity);

      sheet.widths[AV_NAME] = fit_width (sheet.widths[AV_NAME],
                                         poa_activity_get_text (activity, POA_ACTIVITY_NAME),
                                         av_columns[AV_NAME].min_width, av_columns[AV_NAME].max_width);
      sheet.widths[AV_UNIT] = fit_width (sheet.widths[AV_UNIT],
                                         poa_activity_get_text (activity, POA_ACTIVITY_UNIT),
                                         av_columns[AV_UNIT].min_width, av_columns[AV_UNIT].max_width);
      for (guint q = first_quarter; q <= last_quarter; q++)
        sheet.widths[AV_JUSTIFICATION] = fit_width (sheet.widths[AV_JUSTIFICATION],
                                                    poa_calendar_get_justification (calendar, q),
                                                    av_columns[AV_JUSTIFICATION].min_width,
                                                    av_columns[AV_JUSTIFICATION].max_width);
      annual += poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
    }
  for (guint c = AV_ANNUAL; c < AV_N_COLUMNS; c++)
    value_width += sheet.widths[c];

  title = g_strdup_printf ("AVANCE TRIMESTRAL DE METAS DE ACTIVIDAD %u", poa_plan_get_year (book->plan));
  put_title (&sheet, title);
  for (guint i = 0; i < 2; i++)
    {
      const char *value = poa_plan_get_text (book->plan, poa_header[i].field);
      guint lines = count_lines (value, value_width, FALSE);

      begin_row (&sheet, 2 + i, lines_height (lines));
      merge (&sheet, AV_NUMBER, AV_UNIT, poa_header[i].label, STYLE_LABEL);
      merge (&sheet, AV_ANNUAL, AV_N_COLUMNS - 1, value, STYLE_VALUE);
    }

  av_write_heading (&sheet);
  worksheet_freeze_panes (sheet.sheet, AV_HEADING_LAST + 1, AV_NAME + 1);

  poa_date_get_today (&today);
  sheet.row = AV_HEADING_LAST + 1;
  for (guint q = first_quarter; q <= last_quarter; q++)
    {
      g_autoptr(PoaReport) report = poa_report_new (book->plan, q, &today);
      lxw_row_t first;

      /* Each quarter after the first starts a page, under the repeated headings. */
      if (q > first_quarter)
        {
          sheet.row += 2;
          breaks[n_breaks++] = sheet.row;
        }
      begin_row (&sheet, sheet.row, 0);
      merge (&sheet, AV_NUMBER, AV_N_COLUMNS - 1, poa_report_quarter_official (q), STYLE_HEADING);

      first = sheet.row + 1;
      for (guint i = 0; i < n; i++)
        {
          sheet.row = first + i;
          av_write_line (&sheet, poa_report_get_line (report, i), q);
        }
      sheet.row = first + n;
      av_write_totals (&sheet, poa_report_get_totals (report), first, first + n - 1, annual);
      av_write_signatures (&sheet);
    }

  if (n_breaks > 0)
    keep_error (book, worksheet_set_h_pagebreaks (sheet.sheet, breaks));
  finish_sheet (&sheet, AV_HEADING_FIRST, AV_HEADING_LAST);
}

/* Modificaciones: the plan's change record, oldest first, each field as the plan file has it
 * (the workbook contract with the reader: every cell text, the headings as they are). */

enum { MOD_DATE, MOD_BY, MOD_WHERE, MOD_FIELD, MOD_BEFORE, MOD_AFTER, MOD_JUSTIFICATION, MOD_N_COLUMNS };

static void
write_changes (Book *book)
{
  static const char *const headings[MOD_N_COLUMNS] = {
    "Fecha", "Por", "Dónde", "Campo", "Antes", "Después", "Justificación"
  };
  static const double min_widths[MOD_N_COLUMNS] = { 20, 14, 18, 14, 18, 18, 24 };
  /* A date as the plan file has it, 2026-02-01T11:15:00-06:00, fits on one line. */
  static const double max_widths[MOD_N_COLUMNS] = { 28, 24, 30, 22, 40, 40, 50 };
  GPtrArray *history = poa_plan_get_history (book->plan);
  guint n = history != NULL ? history->len : 0;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "Modificaciones", MOD_N_COLUMNS))
    return;

  for (guint c = 0; c < MOD_N_COLUMNS; c++)
    sheet.widths[c] = min_widths[c];
  for (guint i = 0; i < n; i++)
    {
      const PoaHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *texts[MOD_N_COLUMNS] = { entry->date, entry->by, entry->where, entry->field,
                                           entry->before, entry->after, entry->justification };

      for (guint c = 0; c < MOD_N_COLUMNS; c++)
        if (texts[c] != NULL)
          sheet.widths[c] = fit_width (sheet.widths[c], texts[c], min_widths[c], max_widths[c]);
    }

  put_title (&sheet, "Modificaciones");
  sheet.row = 1;
  put_headings (&sheet, headings);
  worksheet_freeze_panes (sheet.sheet, 2, 0);

  for (guint i = 0; i < n; i++)
    {
      const PoaHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *texts[MOD_N_COLUMNS] = { entry->date, entry->by, entry->where, entry->field,
                                           entry->before, entry->after, entry->justification };
      guint lines = 1;

      for (guint c = 0; c < MOD_N_COLUMNS; c++)
        if (texts[c] != NULL)
          lines = MAX (lines, count_lines (texts[c], sheet.widths[c], FALSE));

      begin_row (&sheet, 2 + i, lines_height (lines));
      for (guint c = 0; c < MOD_N_COLUMNS; c++)
        put_text (&sheet, c, texts[c], STYLE_TEXT);
    }

  finish_sheet (&sheet, 1, 1);
}

/* _poa: what the plan file holds and no visible cell shows exactly, so that a workbook
 * exported, read back and exported again is the same (the contract with the reader, xlsx
 * import). A hidden sheet, column A a key, the next ones its values; a number is a number
 * cell, anything else a text, an empty value no cell at all. No style and no row height: no
 * one sees it, and its cells are most of a calendarized plan's workbook otherwise.
 *
 *   format           | poa-workbook | 2        first row: the program's own workbook, layout 2
 *   year             | YEAR                    shown only inside the sheets' titles
 *   municipality     | TEXT                    Presupuesto shows it in capitals
 *   semaforo_green   | N                       shown only inside the legend and a number format
 *   semaforo_yellow  | N
 *   tolerance_low    | N
 *   tolerance_high   | N
 *   indicators.count | N                       the plan's indicators are the first N rows of
 *                                              Indicadores: the Índice de Eficiencia is added
 *                                              after them when the plan does not list it
 *   signature.role   | POSITION | ROLE         1 … 3; Presupuesto shows "ROLE:"
 *   indicator.variables | POSITION | TEXT      1 …; only where Indicadores shows the text with
 *                                              a line break before each numbered item
 *                                              (one_item_per_line()): the text as the plan
 *                                              has it, on one line
 *   review.status    | STATUS                  borrador, enviado, observado, aprobado
 *   review.history   | DATE | BY | STATUS | NOTE   one row per step, oldest first
 *   review.observation | DATE | BY | WHERE | TEXT  the planning unit's observations, oldest
 *                                              first (the plan file's review_observations)
 *   closed_quarters  | QUARTERS                "1,2": quarters whose month figures change only
 *                                              with a justification; absent, none
 *   activity         | NUMBER | MONTHS | NOTE ×12 | JUSTIFICATION ×4
 *                                              one row per activity, in order: the months
 *                                              scheduled ("1,2,3", none for none), which the
 *                                              Cronograma shows only as a fill; in D … O each
 *                                              month's note, in P … S each quarter's
 *                                              justification
 *
 * Layout 1 (version 0.2.0) had every value a text, and for each activity an activity.months
 * row (NUMBER | MONTHS), a calendar.note row (NUMBER | MONTH | NOTE) per note and a
 * justification row (NUMBER | QUARTER | TEXT) per justification: the reader reads both.
 *
 * Everything else (texts, goals, dates, month figures, budget, history) is in the visible
 * sheets as the plan file has it; those win, since a reviewer may edit them. */

#define DATA_MONTHS 2
#define DATA_NOTES 3
#define DATA_JUSTIFICATIONS (DATA_NOTES + 12)
#define DATA_N_COLUMNS (DATA_JUSTIFICATIONS + 4)

G_STATIC_ASSERT (DATA_N_COLUMNS <= MAX_COLUMNS);

/* A text of _poa, without a style: an empty one is no cell. */
static void
put_data_text (Sheet      *sheet,
               lxw_col_t   col,
               const char *text)
{
  g_autofree char *cleaned = NULL;

  text = clean_text (text, &cleaned);
  if (text != NULL && text[0] != '\0' && text_fits (sheet, col, text))
    keep_error (sheet->book, worksheet_write_string (sheet->sheet, sheet->row, col, text, NULL));
}

static void
put_data_number (Sheet     *sheet,
                 lxw_col_t  col,
                 double     value)
{
  keep_error (sheet->book, worksheet_write_number (sheet->sheet, sheet->row, col, value, NULL));
}

/* The next row of _poa, @key in its first cell; the values follow. */
static void
put_key (Sheet      *sheet,
         const char *key)
{
  sheet->row++;
  put_data_text (sheet, 0, key);
}

static void
put_key_row (Sheet             *sheet,
             const char        *key,
             const char *const *values,
             guint              n_values)
{
  put_key (sheet, key);
  for (guint i = 0; i < n_values; i++)
    put_data_text (sheet, 1 + i, values[i]);
}

static void
put_key_number (Sheet      *sheet,
                const char *key,
                guint       value)
{
  put_key (sheet, key);
  put_data_number (sheet, 1, value);
}

static void
write_plan_data (Book *book)
{
  PoaPlan *plan = book->plan;
  GListModel *indicators = G_LIST_MODEL (poa_plan_get_indicators (plan));
  GPtrArray *steps = poa_plan_get_review_steps (plan);
  guint n = book->n_activities;
  Sheet sheet;

  if (!add_sheet (book, &sheet, "_poa", DATA_N_COLUMNS))
    return;
  worksheet_hide (sheet.sheet);

  sheet.row = 0;
  put_data_text (&sheet, 0, "format");
  put_data_text (&sheet, 1, "poa-workbook");
  put_data_number (&sheet, 2, 2);
  put_key_number (&sheet, "year", poa_plan_get_year (plan));
  {
    const char *values[] = { poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY) };

    put_key_row (&sheet, "municipality", values, 1);
  }
  put_key_number (&sheet, "semaforo_green", poa_plan_get_semaforo_green (plan));
  put_key_number (&sheet, "semaforo_yellow", poa_plan_get_semaforo_yellow (plan));
  put_key_number (&sheet, "tolerance_low", poa_plan_get_tolerance_low (plan));
  put_key_number (&sheet, "tolerance_high", poa_plan_get_tolerance_high (plan));
  put_key_number (&sheet, "indicators.count", g_list_model_get_n_items (indicators));

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      put_key (&sheet, "signature.role");
      put_data_number (&sheet, 1, i + 1);
      put_data_text (&sheet, 2, poa_signature_get_role (book->signatures[i]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PoaIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *listed = one_item_per_line (poa_indicator_get_variables (indicator));

      if (listed == NULL)
        continue;
      put_key (&sheet, "indicator.variables");
      put_data_number (&sheet, 1, i + 1);
      put_data_text (&sheet, 2, poa_indicator_get_variables (indicator));
    }

  {
    const char *values[] = { poa_review_status_key (poa_plan_get_review_status (plan)) };

    put_key_row (&sheet, "review.status", values, 1);
  }
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      const PoaReviewStep *step = g_ptr_array_index (steps, i);
      const char *values[] = { step->date, step->by, poa_review_status_key (step->status), step->note };

      put_key_row (&sheet, "review.history", values, G_N_ELEMENTS (values));
    }
  {
    GPtrArray *observations = poa_plan_get_observations (plan);
    guint closed = poa_plan_get_closed_quarters (plan);

    for (guint i = 0; observations != NULL && i < observations->len; i++)
      {
        const PoaObservation *observation = g_ptr_array_index (observations, i);
        const char *values[] = { observation->date, observation->by, observation->where, observation->text };

        put_key_row (&sheet, "review.observation", values, G_N_ELEMENTS (values));
      }
    if (closed != 0)
      {
        char quarters[16];
        const char *values[] = { quarters };
        gsize length = 0;

        quarters[0] = '\0';
        for (guint q = 1; q <= 4; q++)
          if (closed & (1u << (q - 1)))
            length += g_snprintf (quarters + length, sizeof quarters - length, "%s%u", length > 0 ? "," : "", q);
        put_key_row (&sheet, "closed_quarters", values, 1);
      }
  }

  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = book->activities[i];
      PoaCalendar *calendar = poa_activity_get_calendar (activity);
      char months[48];
      gsize length = 0;

      months[0] = '\0';
      for (guint m = 1; m <= 12; m++)
        if (poa_activity_has_month (activity, m))
          length += g_snprintf (months + length, sizeof months - length, "%s%u", length > 0 ? "," : "", m);

      put_key (&sheet, "activity");
      put_data_number (&sheet, 1, poa_activity_get_number (activity));
      put_data_text (&sheet, DATA_MONTHS, months);
      if (calendar == NULL)
        continue;
      for (guint m = 1; m <= 12; m++)
        put_data_text (&sheet, DATA_NOTES + m - 1, poa_calendar_get_note (calendar, m));
      for (guint q = 1; q <= 4; q++)
        put_data_text (&sheet, DATA_JUSTIFICATIONS + q - 1, poa_calendar_get_justification (calendar, q));
    }

  keep_error (book, worksheet_set_column (sheet.sheet, 0, 0, 16, NULL));
  keep_error (book, worksheet_set_column (sheet.sheet, 1, DATA_N_COLUMNS - 1, 12, NULL));
}

/* The workbook ----------------------------------------------------------------------------- */

static void
create_styles (Book *book)
{
  for (guint i = 0; i < N_STYLES; i++)
    {
      lxw_format *format = NULL;
      guint flags = style_specs[i].flags;

      /* Two styles alike share one format: libxlsxwriter gives only the first of two equal
       * formats its index, and looks the second up in a hash table at every cell it writes
       * (a month's figure is a number's style, 240,000 cells for 10,000 full calendars). */
      for (guint j = 0; j < i && i != STYLE_INDEX; j++)
        if (j != STYLE_INDEX && style_specs[j].flags == flags &&
            g_strcmp0 (style_specs[j].number_format, style_specs[i].number_format) == 0)
          format = book->styles[j];
      if (format != NULL)
        {
          book->styles[i] = format;
          continue;
        }
      format = workbook_add_format (book->workbook);

      /* The format calls take no NULL; the workbook is thrown away at the end. */
      if (format == NULL)
        {
          keep_error (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
          format = book->styles[0];
          if (format == NULL)
            return;
        }

      if (flags & BOLD)
        format_set_bold (format);
      if (flags & LARGE)
        format_set_font_size (format, 14);
      if (flags & BORDER)
        format_set_border (format, LXW_BORDER_THIN);
      if (flags & BOTTOM_LINE)
        format_set_bottom (format, LXW_BORDER_THIN);
      if (flags & SHADED)
        format_set_bg_color (format, SHADE_COLOUR);
      if (flags & FILLED)
        format_set_bg_color (format, MONTH_COLOUR);
      if (flags & WRAP)
        format_set_text_wrap (format);
      if (flags & CENTRE)
        format_set_align (format, LXW_ALIGN_CENTER);
      if (flags & RIGHT)
        format_set_align (format, LXW_ALIGN_RIGHT);
      format_set_align (format, (flags & TOP) ? LXW_ALIGN_VERTICAL_TOP :
                                (flags & BOTTOM) ? LXW_ALIGN_VERTICAL_BOTTOM : LXW_ALIGN_VERTICAL_CENTER);
      if (flags & VERTICAL)
        format_set_rotation (format, 90);
      if (style_specs[i].number_format != NULL)
        format_set_num_format (format, style_specs[i].number_format);

      book->styles[i] = format;
    }

  {
    g_autofree char *index_format = semaforo_number_format (book->plan);

    if (book->styles[STYLE_INDEX] == NULL)
      return;
    format_set_num_format (book->styles[STYLE_INDEX], index_format);
  }
}

static void
set_properties (Book *book)
{
  PoaPlan *plan = book->plan;
  g_autofree char *area_cleaned = NULL;
  g_autofree char *municipality_cleaned = NULL;
  const char *area = clean_text (poa_plan_get_area (plan), &area_cleaned);
  g_autofree char *title = area[0] != '\0' ? g_strdup_printf ("POA %u - %s", poa_plan_get_year (plan), area)
                                            : g_strdup_printf ("POA %u", poa_plan_get_year (plan));
  g_autofree char *subject = g_strdup_printf ("Plan Operativo Anual %u", poa_plan_get_year (plan));
  lxw_doc_properties properties = {
    .title = title,
    .subject = subject,
    .author = (char *)area,
    .company = (char *)clean_text (poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY), &municipality_cleaned),
  };

  keep_error (book, workbook_set_properties (book->workbook, &properties));
}

/* Says why libxlsxwriter failed. Its own text for a failure of the system (a file that cannot
 * be made, a full disk) is a guess such as “usually a permissions error”: the system's reason,
 * when there is one, is the actual cause. */
static gboolean
set_xlsx_error (GError      **error,
                const char   *path,
                lxw_error     xlsx_error,
                int           saved_errno)
{
  gboolean from_system = xlsx_error == LXW_ERROR_MEMORY_MALLOC_FAILED ||
                         xlsx_error == LXW_ERROR_CREATING_XLSX_FILE ||
                         xlsx_error == LXW_ERROR_CREATING_TMPFILE ||
                         xlsx_error == LXW_ERROR_READING_TMPFILE ||
                         xlsx_error == LXW_ERROR_ZIP_FILE_OPERATION ||
                         xlsx_error == LXW_ERROR_ZIP_CLOSE;

  g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
               from_system && saved_errno != 0 ? g_strerror (saved_errno) : lxw_strerror (xlsx_error));
  return FALSE;
}

/* Whether the file system of @folder has fewer than @needed bytes free for this user. */
static gboolean
is_short_of_space (const char *folder,
                   guint64     needed)
{
  struct statvfs st;

  return statvfs (folder, &st) == 0 && (guint64)st.f_bavail * st.f_frsize < needed;
}

/* libxlsxwriter writes each sheet's rows to a temporary file and never looks at what writing
 * it returned. The rows' file is part of its public worksheet structure: flushing it here
 * finds rows still unwritten, and why (a full disk). That alone does not condemn the
 * workbook: the C library keeps what it could not write and writes it when it can, after the
 * temporaries of the sheets before are gone, and the workbook may then be whole. Reading it
 * back decides; this only gives the reason when it is not. The files' sizes tell how much
 * room closing the workbook takes: the rows stay while each sheet is copied from them into a
 * temporary of its own. */
static void
check_row_files (Book *book)
{
  for (guint i = 0; i < book->n_sheets; i++)
    {
      FILE *rows = book->sheets[i]->optimize_tmpfile;
      struct stat st;

      if (rows == NULL)
        continue;

      errno = 0;
      if (fflush (rows) != 0 && book->rows_errno == 0)
        book->rows_errno = errno != 0 ? errno : EIO;
      if (fstat (fileno (rows), &st) == 0)
        {
          book->rows_size += (guint64)st.st_size;
          book->largest_rows_size = MAX (book->largest_rows_size, (guint64)st.st_size);
        }
    }
}

/* Reading the workbook back ---------------------------------------------------------------- */

/* The archive is read with zlib, through its directory, rather than with minizip: Debian's
 * libxlsxwriter links the system's minizip, but the Flatpak's bundles its own, and zlib is in
 * every runtime. libxlsxwriter writes a plain zip: no ZIP64 (its option is off), no
 * encryption, parts stored or deflated. */

#define ZIP_END_SIZE 22
#define ZIP_ENTRY_SIZE 46
#define ZIP_LOCAL_SIZE 30
#define ZIP_MAX_COMMENT 65535

static guint16
le16 (const guint8 *p)
{
  return (guint16)(p[0] | p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 | (guint32)p[3] << 24;
}

/* Reads exactly @size bytes at @offset. */
static gboolean
read_at (int     fd,
         void   *buffer,
         gsize   size,
         guint64 offset)
{
  guint8 *p = buffer;

  while (size > 0)
    {
      gssize n = pread (fd, p, size, (off_t)offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= (gsize)n;
      offset += (guint64)n;
    }
  return TRUE;
}

/* Whether an XML part is well-formed, read as it inflates, chunk by chunk: the elements nest
 * and close in order under one root, tags and attributes are complete, every reference is one
 * of XML's, and the text is UTF-8. It is what a part cut short or with a piece missing fails
 * (a full disk), at some ten times GMarkup's pace, which builds every element's name and
 * attributes as strings and took four fifths of reading the workbook back. Processing
 * instructions, comments and CDATA are passed over; a DOCTYPE is refused, as libxlsxwriter
 * never writes one. */

typedef enum
{
  XML_TEXT,          /* between tags */
  XML_LT,            /* after '<' */
  XML_OPEN_NAME,     /* an element's name */
  XML_IN_TAG,        /* in a start tag, between attributes */
  XML_ATTR_NAME,
  XML_ATTR_EQ,       /* before '=' */
  XML_ATTR_QUOTE,    /* before the value's quote */
  XML_ATTR_VALUE,
  XML_EMPTY_END,     /* after '/' in a start tag */
  XML_CLOSE_NAME,
  XML_CLOSE_END,     /* after an end tag's name */
  XML_SKIP,          /* <? … ?>, <!-- … -->, <![CDATA[ … ]]> */
  XML_BANG,          /* after "<!" */
  XML_REFERENCE,     /* after '&' */
} XmlState;

typedef struct
{
  XmlState  state;
  XmlState  after_reference;  /* where a reference was met: text or a value */
  char      quote;
  /* The open elements' names, one after the other, each with its length after it. */
  GString  *names;
  gsize     name_start;
  gsize     close_length;     /* of the end tag's name, compared byte by byte */
  gsize     close_matched;
  gboolean  close_ok;
  gboolean  root_seen;
  char      token[12];        /* a reference, or "!--", "![CDATA[" */
  guint     token_length;
  const char *skip_end;       /* what ends the skipped part */
  guint     skip_matched;
  /* UTF-8: continuation bytes still owed, and the range the next one must be in. */
  guint     utf8_need;
  guchar    utf8_low, utf8_high;
  gboolean  failed;
} XmlCheck;

static inline gboolean
is_name_byte (guchar c)
{
  return c >= 0x80 || g_ascii_isalnum (c) || c == ':' || c == '_' || c == '-' || c == '.';
}

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
reference_is_valid (const char *token,
                    guint       length)
{
  if (length == 0)
    return FALSE;
  if (token[0] == '#')
    {
      gboolean hex = length > 1 && token[1] == 'x';
      guint first = hex ? 2 : 1;

      if (length <= first)
        return FALSE;
      for (guint i = first; i < length; i++)
        if (!(hex ? g_ascii_isxdigit (token[i]) : g_ascii_isdigit (token[i])))
          return FALSE;
      return TRUE;
    }

  return (length == 3 && memcmp (token, "amp", 3) == 0) || (length == 2 && memcmp (token, "lt", 2) == 0) ||
         (length == 2 && memcmp (token, "gt", 2) == 0) || (length == 4 && memcmp (token, "quot", 4) == 0) ||
         (length == 4 && memcmp (token, "apos", 4) == 0);
}

/* UTF-8 byte by byte, across chunks: a lead byte sets how many continuation bytes follow and
 * the range of the first (no overlong form, no surrogate, nothing past U+10FFFF). */
static inline gboolean
xml_check_utf8 (XmlCheck *x,
                guchar    c)
{
  if (x->utf8_need > 0)
    {
      if (c < x->utf8_low || c > x->utf8_high)
        return FALSE;
      x->utf8_need--;
      x->utf8_low = 0x80;
      x->utf8_high = 0xbf;
      return TRUE;
    }
  x->utf8_low = 0x80;
  x->utf8_high = 0xbf;
  if (c >= 0xc2 && c <= 0xdf)
    x->utf8_need = 1;
  else if (c >= 0xe0 && c <= 0xef)
    {
      x->utf8_need = 2;
      if (c == 0xe0)
        x->utf8_low = 0xa0;
      else if (c == 0xed)
        x->utf8_high = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      x->utf8_need = 3;
      if (c == 0xf0)
        x->utf8_low = 0x90;
      else if (c == 0xf4)
        x->utf8_high = 0x8f;
    }
  else
    return FALSE;
  return TRUE;
}

static void
xml_check_init (XmlCheck *x)
{
  memset (x, 0, sizeof *x);
  x->names = g_string_sized_new (256);
}

static void
xml_check_clear (XmlCheck *x)
{
  g_string_free (x->names, TRUE);
}

/* The length of the innermost open element's name, kept after it as one byte (names in the
 * workbook are short; a longer one fails). */
static gboolean
xml_push (XmlCheck *x)
{
  gsize length = x->names->len - x->name_start;

  if (length == 0 || length > 255)
    return FALSE;
  g_string_append_c (x->names, (char)length);
  return TRUE;
}

static gsize
xml_top_length (XmlCheck *x)
{
  return x->names->len > 0 ? (guchar)x->names->str[x->names->len - 1] : 0;
}

static void
xml_pop (XmlCheck *x)
{
  gsize length = xml_top_length (x);

  g_string_truncate (x->names, x->names->len - length - 1);
  if (x->names->len == 0)
    x->root_seen = TRUE;
}

static gboolean
xml_check_feed (XmlCheck     *x,
                const guchar *data,
                gsize         size)
{
  const guchar *end = data + size;

  for (const guchar *p = data; p < end && !x->failed; p++)
    {
      guchar c = *p;

      /* The text's bytes are looked at in its own loop below. */
      if (x->state != XML_TEXT && (c >= 0x80 || x->utf8_need > 0) && !xml_check_utf8 (x, c))
        return !(x->failed = TRUE);

      switch (x->state)
        {
        case XML_TEXT:
          /* The text runs to the next '<' or '&'; outside the root only blanks. */
          while (p < end && *p != '<' && *p != '&')
            {
              if (*p >= 0x80 || x->utf8_need > 0)
                {
                  if (!xml_check_utf8 (x, *p))
                    return !(x->failed = TRUE);
                }
              else if (x->names->len == 0 && !is_space (*p))
                return !(x->failed = TRUE);
              p++;
            }
          if (p == end)
            return TRUE;
          if (*p == '<')
            x->state = XML_LT;
          else
            {
              if (x->names->len == 0)
                return !(x->failed = TRUE);
              x->after_reference = XML_TEXT;
              x->token_length = 0;
              x->state = XML_REFERENCE;
            }
          break;

        case XML_REFERENCE:
          if (c == ';')
            {
              if (!reference_is_valid (x->token, x->token_length))
                return !(x->failed = TRUE);
              x->state = x->after_reference;
            }
          else if (x->token_length < sizeof x->token && (g_ascii_isalnum (c) || c == '#'))
            x->token[x->token_length++] = (char)c;
          else
            return !(x->failed = TRUE);
          break;

        case XML_LT:
          if (c == '/')
            {
              x->close_length = xml_top_length (x);
              if (x->close_length == 0)
                return !(x->failed = TRUE);
              /* The whole end tag at once when it is in this chunk. */
              if ((gsize)(end - p) > x->close_length + 1 && p[1 + x->close_length] == '>' &&
                  memcmp (p + 1, x->names->str + x->names->len - 1 - x->close_length, x->close_length) == 0)
                {
                  p += 1 + x->close_length;
                  xml_pop (x);
                  x->state = XML_TEXT;
                  break;
                }
              x->close_matched = 0;
              x->close_ok = TRUE;
              x->state = XML_CLOSE_NAME;
            }
          else if (c == '?')
            {
              x->skip_end = "?>";
              x->skip_matched = 0;
              x->state = XML_SKIP;
            }
          else if (c == '!')
            {
              x->token_length = 0;
              x->state = XML_BANG;
            }
          else if (is_name_byte (c) && !g_ascii_isdigit (c) && c != '-' && c != '.')
            {
              /* A second root is not well-formed. */
              if (x->names->len == 0 && x->root_seen)
                return !(x->failed = TRUE);
              x->name_start = x->names->len;
              g_string_append_c (x->names, (char)c);
              x->state = XML_OPEN_NAME;
            }
          else
            return !(x->failed = TRUE);
          break;

        case XML_BANG:
          x->token[x->token_length++] = (char)c;
          if (x->token_length == 2 && memcmp (x->token, "--", 2) == 0)
            {
              x->skip_end = "-->";
              x->skip_matched = 0;
              x->state = XML_SKIP;
            }
          else if (x->token_length == 7 && memcmp (x->token, "[CDATA[", 7) == 0)
            {
              if (x->names->len == 0)
                return !(x->failed = TRUE);
              x->skip_end = "]]>";
              x->skip_matched = 0;
              x->state = XML_SKIP;
            }
          /* Still the start of one of them, or not well-formed (each compared only over its
           * own length: "--" is two bytes). */
          else if (!(x->token_length < 2 && memcmp (x->token, "--", x->token_length) == 0) &&
                   !(x->token_length < 7 && memcmp (x->token, "[CDATA[", x->token_length) == 0))
            return !(x->failed = TRUE);
          break;

        case XML_SKIP:
          if (c == (guchar)x->skip_end[x->skip_matched])
            {
              if (x->skip_end[++x->skip_matched] == '\0')
                x->state = XML_TEXT;
            }
          else
            x->skip_matched = c == (guchar)x->skip_end[0] ? 1 : 0;
          break;

        case XML_OPEN_NAME:
          if (is_name_byte (c))
            {
              /* The rest of the name at once, while it is ASCII. */
              const guchar *q = p + 1;

              while (x->utf8_need == 0 && q < end && *q < 0x80 && is_name_byte (*q))
                q++;
              g_string_append_len (x->names, (const char *)p, q - p);
              p = q - 1;
            }
          else
            {
              if (!xml_push (x))
                return !(x->failed = TRUE);
              if (c == '>')
                x->state = XML_TEXT;
              else if (c == '/')
                x->state = XML_EMPTY_END;
              else if (is_space (c))
                x->state = XML_IN_TAG;
              else
                return !(x->failed = TRUE);
            }
          break;

        case XML_IN_TAG:
          {
            /* Whole attributes at once while they are plain ASCII within this chunk; anything
             * else goes by the bytes below. */
            const guchar *q = p;

            while (x->utf8_need == 0)
              {
                const guchar *a = q, *n, *v;
                guchar quote;

                while (a < end && is_space (*a))
                  a++;
                for (n = a; n < end && *n < 0x80 && is_name_byte (*n); n++)
                  ;
                if (n == a || n + 1 >= end || *n != '=' || (n[1] != '"' && n[1] != '\''))
                  break;
                quote = n[1];
                for (v = n + 2; v < end && *v < 0x80 && *v != quote && *v != '<' && *v != '&'; v++)
                  ;
                if (v == end || *v != quote)
                  break;
                q = v + 1;
              }
            if (q > p)
              {
                p = q - 1;
                break;
              }
          }
          if (c == '>')
            x->state = XML_TEXT;
          else if (c == '/')
            x->state = XML_EMPTY_END;
          else if (is_name_byte (c))
            x->state = XML_ATTR_NAME;
          else if (!is_space (c))
            return !(x->failed = TRUE);
          break;

        case XML_ATTR_NAME:
          while (x->utf8_need == 0 && p + 1 < end && p[1] < 0x80 && is_name_byte (p[1]))
            c = *++p;
          if (c == '=')
            x->state = XML_ATTR_QUOTE;
          else if (is_space (c))
            x->state = XML_ATTR_EQ;
          else if (!is_name_byte (c))
            return !(x->failed = TRUE);
          break;

        case XML_ATTR_EQ:
          if (c == '=')
            x->state = XML_ATTR_QUOTE;
          else if (!is_space (c))
            return !(x->failed = TRUE);
          break;

        case XML_ATTR_QUOTE:
          if (c == '"' || c == '\'')
            {
              x->quote = (char)c;
              x->state = XML_ATTR_VALUE;
            }
          else if (!is_space (c))
            return !(x->failed = TRUE);
          break;

        case XML_ATTR_VALUE:
          if (c == (guchar)x->quote)
            x->state = XML_IN_TAG;
          else if (c == '<')
            return !(x->failed = TRUE);
          else if (c == '&')
            {
              x->after_reference = XML_ATTR_VALUE;
              x->token_length = 0;
              x->state = XML_REFERENCE;
            }
          else
            {
              /* The rest of the value at once, while it is plain ASCII. */
              const guchar *q = p + 1;

              while (x->utf8_need == 0 && q < end && *q < 0x80 && *q != (guchar)x->quote &&
                     *q != '<' && *q != '&')
                q++;
              p = q - 1;
            }
          break;

        case XML_EMPTY_END:
          if (c != '>')
            return !(x->failed = TRUE);
          xml_pop (x);
          x->state = XML_TEXT;
          break;

        case XML_CLOSE_NAME:
          if (is_name_byte (c))
            {
              gsize at = x->names->len - 1 - x->close_length + x->close_matched;

              if (x->close_matched >= x->close_length || (guchar)x->names->str[at] != c)
                x->close_ok = FALSE;
              x->close_matched++;
              break;
            }
          if (!x->close_ok || x->close_matched != x->close_length)
            return !(x->failed = TRUE);
          x->state = XML_CLOSE_END;
          G_GNUC_FALLTHROUGH;
        case XML_CLOSE_END:
          if (c == '>')
            {
              xml_pop (x);
              x->state = XML_TEXT;
            }
          else if (!is_space (c))
            return !(x->failed = TRUE);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return !x->failed;
}

/* Whether the part ended where a document may: its root closed, nothing left open. */
static gboolean
xml_check_end (XmlCheck *x)
{
  return !x->failed && x->state == XML_TEXT && x->names->len == 0 && x->root_seen && x->utf8_need == 0;
}

/* Inflates (or copies, when stored) the part whose data is at @offset, checks its size and
 * CRC, and parses it when it is XML: a part cut short by a full disk is not well-formed. */
static gboolean
check_part (int          fd,
            const char  *name,
            guint        method,
            guint64      offset,
            guint64      compressed_size,
            guint64      size,
            guint32      crc,
            char       **why)
{
  gboolean xml = g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
  XmlCheck parser;
  g_autofree guint8 *in = g_malloc (64 * 1024);
  g_autofree guint8 *out = g_malloc (64 * 1024);
  z_stream stream = { 0 };
  gboolean intact = TRUE, well_formed = TRUE;
  guint64 read = 0, produced = 0;
  uLong sum = crc32 (0, NULL, 0);

  if ((method != 0 && method != 8) || (method == 8 && inflateInit2 (&stream, -MAX_WBITS) != Z_OK))
    {
      *why = g_strdup_printf (_("its part %s cannot be read"), name);
      return FALSE;
    }
  if (xml)
    xml_check_init (&parser);

  while (intact && well_formed)
    {
      gsize n_out;

      if ((method == 0 || stream.avail_in == 0) && read < compressed_size)
        {
          gsize chunk = (gsize)MIN (compressed_size - read, 64 * 1024);

          if (!read_at (fd, in, chunk, offset + read))
            {
              intact = FALSE;
              break;
            }
          read += chunk;
          stream.next_in = in;
          stream.avail_in = (uInt)chunk;
        }

      if (method == 0)
        {
          /* Stored: what is read is the part. */
          if (stream.avail_in == 0)
            break;
          memcpy (out, in, stream.avail_in);
          n_out = stream.avail_in;
          stream.avail_in = 0;
        }
      else
        {
          int status;

          stream.next_out = out;
          stream.avail_out = 64 * 1024;
          status = inflate (&stream, Z_NO_FLUSH);
          /* Z_BUF_ERROR: no progress, all the input read: the data is cut short. */
          if (status != Z_OK && status != Z_STREAM_END)
            intact = FALSE;
          n_out = 64 * 1024 - stream.avail_out;
          if (status == Z_STREAM_END)
            {
              sum = crc32 (sum, out, (uInt)n_out);
              produced += n_out;
              if (xml && n_out > 0)
                well_formed = xml_check_feed (&parser, out, n_out);
              break;
            }
        }

      sum = crc32 (sum, out, (uInt)n_out);
      produced += n_out;
      if (intact && xml && n_out > 0)
        well_formed = xml_check_feed (&parser, out, n_out);
    }
  if (method == 8)
    inflateEnd (&stream);
  if (xml)
    {
      well_formed = well_formed && xml_check_end (&parser);
      xml_check_clear (&parser);
    }

  if (!intact || produced != size || (guint32)sum != crc)
    {
      *why = g_strdup_printf (_("its part %s is damaged"), name);
      return FALSE;
    }

  if (!well_formed)
    {
      *why = g_strdup_printf (_("its part %s is not well-formed XML"), name);
      return FALSE;
    }

  return TRUE;
}

/* Finds the archive's end record, in the last 22 bytes unless a comment follows it. */
static gboolean
find_end (int      fd,
          guint64  file_size,
          guint8   end[ZIP_END_SIZE])
{
  gsize tail_size = (gsize)MIN (file_size, ZIP_END_SIZE + ZIP_MAX_COMMENT);
  g_autofree guint8 *tail = NULL;

  if (file_size < ZIP_END_SIZE)
    return FALSE;

  tail = g_malloc (tail_size);
  if (!read_at (fd, tail, tail_size, file_size - tail_size))
    return FALSE;

  for (gssize i = (gssize)(tail_size - ZIP_END_SIZE); i >= 0; i--)
    if (le32 (tail + i) == 0x06054b50 && (gsize)i + ZIP_END_SIZE + le16 (tail + i + 20) == tail_size)
      {
        memcpy (end, tail + i, ZIP_END_SIZE);
        return TRUE;
      }

  return FALSE;
}

/* The largest part is read back on a thread of its own while this one reads the others: the
 * Cronograma or the Avance trimestral, most of the workbook. */
typedef struct
{
  int      fd;
  char    *name;
  guint    method;
  guint64  offset, compressed_size, size;
  guint32  crc;
  char    *why;
  gboolean sound;
} PartCheck;

static void
part_check_join (GThread   *thread,
                 PartCheck *part)
{
  if (thread != NULL)
    g_thread_join (thread);
}

/* Waits for the part's thread when another part has failed already. */
static void
part_check_abandon (GThread   *thread,
                    PartCheck *part)
{
  part_check_join (thread, part);
  g_clear_pointer (&part->name, g_free);
  g_clear_pointer (&part->why, g_free);
}

static gpointer
part_check_run (gpointer data)
{
  PartCheck *part = data;

  part->sound = check_part (part->fd, part->name, part->method, part->offset, part->compressed_size,
                            part->size, part->crc, &part->why);
  return NULL;
}

/* Reading the archive back as it is written -------------------------------------------------
 *
 * Closing the workbook is libxlsxwriter's, on one thread: it assembles each part and deflates
 * it into the archive, the larger share of the whole export. Meanwhile a thread of our own
 * follows the archive as it grows in memory (the memfd, open_memory_file()) and checks each
 * part as its deflated data arrive, just as check_part() does afterwards: it inflates, sums
 * the CRC and checks the XML. Once the archive is closed its directory is read as always, and
 * a part whose place, method, sizes and CRC there are those the follower found, and which the
 * follower found sound, is not read a second time (check_workbook()). Anything the follower
 * could not follow (a part stored rather than deflated, a data descriptor, data that do not
 * inflate) is left to the check afterwards, which then says what is wrong. So on a machine
 * with a second core the check costs next to nothing; with one it costs what it did. */

typedef struct
{
  char    *name;
  guint64  offset;           /* of its local header */
  guint64  compressed_size;
  guint64  size;
  guint32  crc;
  gboolean sound;
} FollowedPart;

typedef struct
{
  int      fd;
  gint     closed;           /* atomic: the archive is complete, nothing more will come */
  GThread *thread;
  GArray  *parts;            /* FollowedPart, in the archive's order */
} Follower;

/* Reads at most @size bytes at @offset, at least one, waiting for the writer while the archive
 * is open. Returns the bytes read, 0 at the archive's end (or on an error). */
static gsize
follower_read (Follower *follower,
               guint8   *buffer,
               gsize     size,
               guint64   offset)
{
  for (;;)
    {
      /* Read before looking, so that what was written before the archive closed is seen. */
      gboolean closed = g_atomic_int_get (&follower->closed);
      gssize n = pread (follower->fd, buffer, size, (off_t)offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return 0;
      if (n > 0 || closed)
        return (gsize)n;
      /* The writer hands minizip's buffer to the file every few milliseconds: a millisecond's
       * wait costs the follower little lag and few wake-ups. */
      g_usleep (1000);
    }
}

/* Exactly @size bytes at @offset, waiting for them. */
static gboolean
follower_read_all (Follower *follower,
                   guint8   *buffer,
                   gsize     size,
                   guint64   offset)
{
  for (gsize done = 0; done < size;)
    {
      gsize n = follower_read (follower, buffer + done, size - done, offset + done);

      if (n == 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

/* Inflates and checks the deflated part at @offset (its data), as check_part() does. */
static gboolean
follow_part (Follower     *follower,
             FollowedPart *part,
             guint64       offset)
{
  g_autofree guint8 *in = g_malloc (64 * 1024);
  g_autofree guint8 *out = g_malloc (64 * 1024);
  gboolean xml = g_str_has_suffix (part->name, ".xml") || g_str_has_suffix (part->name, ".rels");
  gboolean well_formed = TRUE, ended = FALSE;
  z_stream stream = { 0 };
  uLong sum = crc32 (0, NULL, 0);
  guint64 read = 0;
  XmlCheck parser;

  if (inflateInit2 (&stream, -MAX_WBITS) != Z_OK)
    return FALSE;
  if (xml)
    xml_check_init (&parser);

  while (!ended && well_formed)
    {
      int status;
      gsize n_out;

      if (stream.avail_in == 0)
        {
          gsize n = follower_read (follower, in, 64 * 1024, offset + read);

          if (n == 0)
            break;
          stream.next_in = in;
          stream.avail_in = (uInt)n;
          read += n;
        }
      stream.next_out = out;
      stream.avail_out = 64 * 1024;
      status = inflate (&stream, Z_NO_FLUSH);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
        break;
      ended = status == Z_STREAM_END;
      n_out = 64 * 1024 - stream.avail_out;
      sum = crc32 (sum, out, (uInt)n_out);
      if (xml && n_out > 0)
        well_formed = xml_check_feed (&parser, out, n_out);
    }

  part->compressed_size = stream.total_in;
  part->size = stream.total_out;
  part->crc = (guint32)sum;
  part->sound = ended && well_formed && (!xml || xml_check_end (&parser));
  inflateEnd (&stream);
  if (xml)
    xml_check_clear (&parser);
  return ended;
}

static gpointer
follower_run (gpointer data)
{
  Follower *follower = data;
  guint64 offset = 0;

  for (;;)
    {
      guint8 local[ZIP_LOCAL_SIZE];
      FollowedPart part = { 0 };
      guint name_length, extra_length;

      if (!follower_read_all (follower, local, ZIP_LOCAL_SIZE, offset) ||
          le32 (local) != 0x04034b50 ||
          /* Deflated, and no data descriptor after the data: else the check afterwards. */
          le16 (local + 8) != 8 || (le16 (local + 6) & 0x08) != 0)
        break;
      name_length = le16 (local + 26);
      extra_length = le16 (local + 28);
      part.name = g_malloc (name_length + 1);
      if (!follower_read_all (follower, (guint8 *)part.name, name_length, offset + ZIP_LOCAL_SIZE))
        {
          g_free (part.name);
          break;
        }
      part.name[name_length] = '\0';
      part.offset = offset;
      offset += ZIP_LOCAL_SIZE + name_length + extra_length;
      if (!follow_part (follower, &part, offset))
        {
          g_free (part.name);
          break;
        }
      offset += part.compressed_size;
      g_array_append_val (follower->parts, part);
    }

  return NULL;
}

static void
followed_part_clear (gpointer data)
{
  g_free (((FollowedPart *)data)->name);
}

/* Starts following the archive being written into @fd; FALSE without a thread. */
static gboolean
follower_start (Follower *follower,
                int       fd)
{
  follower->fd = fd;
  follower->closed = FALSE;
  follower->parts = g_array_new (FALSE, TRUE, sizeof (FollowedPart));
  g_array_set_clear_func (follower->parts, followed_part_clear);
  follower->thread = g_thread_try_new ("poa-xlsx-follow", follower_run, follower, NULL);
  if (follower->thread == NULL)
    g_clear_pointer (&follower->parts, g_array_unref);
  return follower->thread != NULL;
}

/* The archive is closed (or abandoned): the follower reads what is left and stops. */
static void
follower_finish (Follower *follower)
{
  if (follower->thread == NULL)
    return;
  g_atomic_int_set (&follower->closed, TRUE);
  g_thread_join (follower->thread);
  follower->thread = NULL;
}

static void
follower_clear (Follower *follower)
{
  follower_finish (follower);
  g_clear_pointer (&follower->parts, g_array_unref);
}

/* Whether the directory's entry @index (@name, its local header at @offset, …) is the part
 * the follower found there, and found sound. */
static gboolean
follower_vouches (const Follower *follower,
                  guint           index,
                  const char     *name,
                  guint           method,
                  guint64         offset,
                  guint64         compressed_size,
                  guint64         size,
                  guint32         crc)
{
  const FollowedPart *part;

  if (follower == NULL || follower->parts == NULL || index >= follower->parts->len)
    return FALSE;
  part = &g_array_index (follower->parts, FollowedPart, index);
  return part->sound && method == 8 && part->offset == offset && part->compressed_size == compressed_size &&
         part->size == size && part->crc == crc && g_str_equal (part->name, name);
}

/* Reads the written archive @archive back before it replaces anything: every part inflates
 * with the right size and CRC, every XML part is well-formed, and every sheet is there. What
 * the library reports is not enough: it writes its temporaries (each sheet's rows, then each
 * part) without looking at what writing them returned, so a full disk leaves rows out of a
 * workbook closed as if nothing happened. Sets @total to the size of the parts, as the
 * archive's directory gives them. */
static gboolean
check_workbook (const char     *archive,
                const Follower *follower,
                guint           expected_sheets,
                guint64        *total,
                char          **why)
{
  g_autofree guint8 *directory = NULL;
  guint8 end[ZIP_END_SIZE];
  guint64 directory_offset, directory_size;
  guint n_entries, n_sheets = 0;
  guint largest_index = 0;
  guint64 largest = 0;
  PartCheck part = { 0 };
  GThread *part_thread = NULL;
  struct stat st;
  gsize at = 0;
  int fd;

  *total = 0;
  fd = g_open (archive, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || !find_end (fd, (guint64)st.st_size, end))
    {
      if (fd >= 0)
        close (fd);
      *why = g_strdup (_("it is not a complete zip archive"));
      return FALSE;
    }

  n_entries = le16 (end + 10);
  directory_size = le32 (end + 12);
  directory_offset = le32 (end + 16);
  if (directory_offset + directory_size > (guint64)st.st_size)
    goto damaged_list;
  directory = g_malloc (directory_size + 1);
  if (!read_at (fd, directory, directory_size, directory_offset))
    goto damaged_list;

  for (guint pass = 0; pass < 2; pass++)
    {
      at = 0;
      for (guint i = 0; i < n_entries; i++)
        {
          const guint8 *entry = directory + at;
          guint8 local[ZIP_LOCAL_SIZE];
          g_autofree char *name = NULL;
          guint name_length, extra_length, comment_length;
          guint64 local_offset, data_offset;

          if (at + ZIP_ENTRY_SIZE > directory_size || le32 (entry) != 0x02014b50)
            goto damaged_list;
          name_length = le16 (entry + 28);
          extra_length = le16 (entry + 30);
          comment_length = le16 (entry + 32);
          if (at + ZIP_ENTRY_SIZE + name_length + extra_length + comment_length > directory_size)
            goto damaged_list;
          at += ZIP_ENTRY_SIZE + name_length + extra_length + comment_length;

          if (pass == 0)
            {
              *total += le32 (entry + 24);
              if (le32 (entry + 24) > largest)
                {
                  largest = le32 (entry + 24);
                  largest_index = i;
                }
              continue;
            }

          name = g_strndup ((const char *)entry + ZIP_ENTRY_SIZE, name_length);
          local_offset = le32 (entry + 42);
          if (!read_at (fd, local, ZIP_LOCAL_SIZE, local_offset) || le32 (local) != 0x04034b50)
            {
              part_check_abandon (part_thread, &part);
              close (fd);
              *why = g_strdup_printf (_("its part %s is damaged"), name);
              return FALSE;
            }
          data_offset = local_offset + ZIP_LOCAL_SIZE + le16 (local + 26) + le16 (local + 28);
          if (data_offset + le32 (entry + 20) > directory_offset)
            {
              part_check_abandon (part_thread, &part);
              close (fd);
              *why = g_strdup_printf (_("its part %s is damaged"), name);
              return FALSE;
            }
          if (follower_vouches (follower, i, name, le16 (entry + 10), local_offset, le32 (entry + 20),
                                le32 (entry + 24), le32 (entry + 16)))
            ;  /* read already, as it was written */
          else if (i == largest_index && part_thread == NULL)
            {
              part = (PartCheck) { fd, g_strdup (name), le16 (entry + 10), data_offset, le32 (entry + 20),
                                   le32 (entry + 24), le32 (entry + 16), NULL, FALSE };
              part_thread = g_thread_try_new ("poa-xlsx-check", part_check_run, &part, NULL);
              if (part_thread == NULL)
                part_check_run (&part);
            }
          else if (!check_part (fd, name, le16 (entry + 10), data_offset, le32 (entry + 20),
                                le32 (entry + 24), le32 (entry + 16), why))
            {
              part_check_abandon (part_thread, &part);
              close (fd);
              if (*why == NULL)
                *why = g_strdup_printf (_("its part %s is damaged"), name);
              return FALSE;
            }
          if (g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml"))
            n_sheets++;
        }
    }
  part_check_join (part_thread, &part);
  close (fd);
  if (part.name != NULL && !part.sound)
    {
      *why = part.why != NULL ? part.why : g_strdup_printf (_("its part %s is damaged"), part.name);
      g_free (part.name);
      return FALSE;
    }
  g_free (part.name);
  g_free (part.why);

  /* Without an expected count, any of the workbooks written here: the document (with its
   * Modificaciones and _poa), with or without its Avance trimestral, or the report alone. */
  if (expected_sheets == 0 && n_sheets != N_SHEETS && n_sheets != N_SHEETS + 1 && n_sheets != 1)
    expected_sheets = N_SHEETS;
  if (expected_sheets != 0 && n_sheets != expected_sheets)
    {
      *why = g_strdup_printf (_("it has %u sheets instead of %u"), n_sheets, expected_sheets);
      return FALSE;
    }

  return TRUE;

damaged_list:
  part_check_abandon (part_thread, &part);
  close (fd);
  *why = g_strdup (_("its list of parts is damaged"));
  return FALSE;
}

/**
 * poa_xlsx_export_check:
 * @path: a workbook written by poa_xlsx_export()
 *
 * Reads @path back as the export does before it replaces anything: every part inflates with
 * the right CRC, every XML part is well-formed, and the sheets are there: the six of the
 * document (POA, Cronograma, Indicadores, Presupuesto, Modificaciones, _poa), a seventh where it
 * has its Avance trimestral, or the one of a report.
 *
 * Returns: whether @path is sound; else @error (#POA_EXPORT_ERROR_FAILED) names the file and
 *   says what is wrong.
 */
gboolean
poa_xlsx_export_check (const char  *path,
                       GError     **error)
{
  g_autofree char *why = NULL;
  guint64 total = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (check_workbook (path, NULL, 0, &total, &why))
    return TRUE;

  g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
               _("“%s” is not a sound workbook: %s"), path, why);
  return FALSE;
}

/* Copies the finished archive from @fd into @file, with every write checked. */
static gboolean
copy_archive (int             fd,
              PoaAtomicFile  *file,
              GError        **error)
{
  g_autofree char *buffer = g_malloc (64 * 1024);
  off_t offset = 0;

  for (;;)
    {
      gssize n_read = pread (fd, buffer, 64 * 1024, offset);

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot write “%s”: %s"), poa_atomic_file_get_path (file),
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (n_read == 0)
        return TRUE;
      if (!poa_atomic_file_write (file, buffer, (gsize)n_read, error))
        return FALSE;
      offset += n_read;
    }
}

/* The workbook is put together in memory rather than in the temporary beside @path: minizip's
 * writes are the only ones libxlsxwriter checks, and it reports their failure with its own
 * “[ERROR]” lines on the standard error, which no option silences (common.h's LXW_ERROR() and
 * workbook_close() print with fprintf). Writes to memory do not fail for a full disk; the copy
 * to the disk is then written and checked here, and reported in one line. The archive is
 * compressed, a few megabytes for the largest plan. Returns -1 where there is no memfd or no
 * /proc, and the workbook is then written to the temporary directly. */
static int
open_memory_file (char **name)
{
  int fd = memfd_create ("poa-workbook", MFD_CLOEXEC);

  if (fd < 0)
    return -1;

  *name = g_strdup_printf ("/proc/self/fd/%d", fd);
  if (!g_file_test (*name, G_FILE_TEST_EXISTS))
    {
      g_clear_pointer (name, g_free);
      close (fd);
      return -1;
    }

  return fd;
}

/* Where the plan's months hold anything (the Cronograma's second rows), and where any is
 * programmed (the Avance trimestral, which without it would be all *sin calendarizar*). */
static void
survey_calendars (PoaPlan  *plan,
                  gboolean *holds_months,
                  gboolean *has_programmed)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);

  *holds_months = *has_programmed = FALSE;
  for (guint i = 0; i < n && !*has_programmed; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      PoaCalendar *calendar = poa_activity_get_calendar (activity);

      if (calendar == NULL)
        continue;
      *has_programmed = poa_calendar_has_programmed (calendar);
      for (guint m = 1; m <= 12 && !*holds_months; m++)
        *holds_months = poa_calendar_month_holds_something (calendar, m);
    }
}

/* Writing the sheets on threads ------------------------------------------------------------- */

/* In constant-memory mode each sheet writes its rows to a temporary of its own, and a cell
 * touches nothing but its sheet once its format has its index: the big sheets (the Cronograma,
 * the Avance trimestral) are written on threads of their own while this one writes the others.
 * What they share is resolved first and then only read: every format's index
 * (lxw_format_get_xf_index() caches it in the format), the sheets themselves (added in order
 * beforehand, with workbook_add_worksheet(), which touches the workbook), the activities (taken
 * out of the plan's GListStore, which is not safe to read from two threads: it remembers the
 * last item asked for), the Cronograma's sums and the row of its totals (the Indicadores'
 * formula). Only the Avance trimestral's thread reads the plan's list itself (poa_report_new()).
 * Each thread has its own copy of the Book for its errors, merged afterwards, and writes numbers
 * under the C locale too (uselocale() is per thread). */

typedef struct
{
  Book     book;
  void   (*write) (Book *book);
  guint    first_quarter, last_quarter;  /* the Avance trimestral's, when write is NULL */
  GThread *thread;
} SheetJob;

static gpointer
sheet_job_run (gpointer data)
{
  SheetJob *job = data;
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t previous = c_numeric != (locale_t)0 ? uselocale (c_numeric) : (locale_t)0;

  if (job->write != NULL)
    job->write (&job->book);
  else
    write_avance (&job->book, job->first_quarter, job->last_quarter);

  if (c_numeric != (locale_t)0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }
  return NULL;
}

/* Starts @job on a thread, or runs it here if there is none to be had. */
static void
sheet_job_start (SheetJob *job)
{
  job->thread = g_thread_try_new ("poa-xlsx-sheet", sheet_job_run, job, NULL);
  if (job->thread == NULL)
    sheet_job_run (job);
}

/* Waits for @job and takes its first error, unless @book has one already. */
static void
sheet_job_finish (SheetJob *job,
                  Book     *book)
{
  if (job->thread != NULL)
    g_thread_join (job->thread);
  job->thread = NULL;

  if (book->xlsx_error == LXW_NO_ERROR && job->book.xlsx_error != LXW_NO_ERROR)
    {
      book->xlsx_error = job->book.xlsx_error;
      book->xlsx_errno = job->book.xlsx_errno;
    }
  if (book->error == NULL)
    book->error = g_steal_pointer (&job->book.error);
  g_clear_error (&job->book.error);
}

/* The whole document: POA, Cronograma, Indicadores, Presupuesto, the Avance trimestral where
 * some month is programmed (every quarter up to @last_quarter), Modificaciones and _poa. */
static void
write_sheets (Book    *book,
              gboolean has_avance,
              guint    last_quarter)
{
  const char *names[MAX_SHEETS + 1] = { "POA", "Cronograma", "Indicadores", "Presupuesto" };
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (book->plan));
  SheetJob cronograma = { .write = write_cronograma };
  SheetJob avance = { .first_quarter = 1, .last_quarter = last_quarter };
  guint n_names = 4;

  if (has_avance)
    names[n_names++] = "Avance trimestral";
  names[n_names++] = "Modificaciones";
  names[n_names++] = "_poa";
  names[n_names] = NULL;
  prepare_sheets (book, names);

  for (guint i = 0; i < N_STYLES; i++)
    if (book->styles[i] != NULL)
      lxw_format_get_xf_index (book->styles[i]);

  book->n_activities = g_list_model_get_n_items (activities);
  book->activities = g_new (PoaActivity *, MAX (book->n_activities, 1));
  for (guint i = 0; i < book->n_activities; i++)
    book->activities[i] = g_list_model_get_item (activities, i);
  for (guint goal = 0; goal < POA_ACTIVITY_N_GOALS; goal++)
    book->sums[goal] = poa_plan_sum_goal (book->plan, goal);
  book->totals_row = CRON_HEADING_LAST + 1 + book->n_activities * (book->calendarized ? 2 : 1);

  cronograma.book = *book;
  sheet_job_start (&cronograma);
  if (has_avance)
    {
      avance.book = *book;
      sheet_job_start (&avance);
    }

  write_poa (book);
  write_indicators (book);
  write_budget (book);
  write_changes (book);
  write_plan_data (book);

  sheet_job_finish (&cronograma, book);
  if (has_avance)
    sheet_job_finish (&avance, book);

  for (guint i = 0; i < book->n_activities; i++)
    g_object_unref (book->activities[i]);
  g_clear_pointer (&book->activities, g_free);
}

/* Writes @plan's workbook: the whole document, or with @report_quarter (1 … 4) that quarter's
 * Avance trimestral alone. */
static gboolean
write_workbook (PoaPlan     *plan,
                const char  *path,
                guint        report_quarter,
                GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *memory_name = NULL;
  g_autofree char *why = NULL;
  const char *archive;
  GError *file_error = NULL;
  Book book = { .plan = plan, .path = path };
  lxw_error closed;
  guint64 total = 0;
  Follower follower = { 0 };
  gboolean following;
  gboolean checked;
  int memory_fd;
  int close_errno;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The workbook is written to memory, read back, then copied into @file (or, without a
   * memfd, written into @file by its name and read back there). Freeing @file without
   * committing it removes what was written. */
  if (!(file = poa_atomic_file_begin (path, 0644, &file_error)))
    return _poa_export_propagate_error (error, file_error);

  /* libxlsxwriter's own temporaries (the rows, each part) go beside the target rather than in
   * /tmp, whose room has nothing to do with the target's; it removes them as soon as it has
   * made them, so a kill leaves none. */
  folder = g_path_get_dirname (path);
  options.tmpdir = folder;

  memory_fd = open_memory_file (&memory_name);
  archive = memory_fd >= 0 ? memory_name : poa_atomic_file_get_temp_path (file);

  errno = 0;
  book.workbook = workbook_new_opt (archive, &options);
  if (book.workbook == NULL)
    {
      if (memory_fd >= 0)
        close (memory_fd);
      return set_xlsx_error (error, path, LXW_ERROR_MEMORY_MALLOC_FAILED, errno);
    }

  create_styles (&book);
  set_properties (&book);
  /* Borrowed: the plan's list holds them while the plan lives. */
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    book.signatures[i] = poa_plan_get_signature (plan, i);
  if (report_quarter > 0)
    {
      static const char *const names[] = { "Avance trimestral", NULL };

      book.expected_sheets = 1;
      prepare_sheets (&book, names);
      write_avance (&book, report_quarter, report_quarter);
    }
  else
    {
      gboolean has_programmed;
      GDate today;

      survey_calendars (plan, &book.calendarized, &has_programmed);
      book.expected_sheets = has_programmed ? N_SHEETS + 1 : N_SHEETS;
      /* Every quarter up to the current one; none is owed before the year starts. */
      poa_date_get_today (&today);
      write_sheets (&book, has_programmed, poa_report_current_quarter (poa_plan_get_year (plan), &today));
    }
  check_row_files (&book);

  /* Closing writes the file, and frees the workbook whatever happens. errno is cleared just
   * before it: starting the follower may leave it set. */
  following = memory_fd >= 0 && book.error == NULL && book.xlsx_error == LXW_NO_ERROR &&
              follower_start (&follower, memory_fd);
  errno = 0;
  closed = workbook_close (book.workbook);
  close_errno = errno;
  keep_error (&book, closed);
  if (following)
    follower_finish (&follower);

  if (book.error == NULL && book.xlsx_error == LXW_NO_ERROR)
    checked = check_workbook (archive, following ? &follower : NULL, book.expected_sheets, &total, &why);
  else
    checked = FALSE;
  if (following)
    follower_clear (&follower);
  if (memory_fd >= 0 && checked && !copy_archive (memory_fd, file, &file_error))
    {
      close (memory_fd);
      return _poa_export_propagate_error (error, file_error);
    }
  if (memory_fd >= 0)
    close (memory_fd);

  if (book.error != NULL)
    {
      g_propagate_error (error, book.error);
      return FALSE;
    }
  if (book.xlsx_error != LXW_NO_ERROR)
    return set_xlsx_error (error, path, book.xlsx_error, book.xlsx_errno);

  /* The library said nothing, yet the workbook is damaged: its temporaries were cut short.
   * The rows' files tell why, or failed writes may leave their reason in errno. Else, the
   * temporaries being gone by now, a room left smaller than they took at their largest (the
   * rows of every sheet, and one sheet again as it is put in the archive) tells the disk was
   * full. */
  if (!checked)
    {
      const char *reason = why;

      if (book.rows_errno != 0)
        reason = g_strerror (book.rows_errno);
      else if (close_errno == ENOSPC || close_errno == EDQUOT || close_errno == EFBIG)
        reason = g_strerror (close_errno);
      else if (is_short_of_space (folder, MAX (2 * total, book.rows_size + book.largest_rows_size) +
                                            64 * 1024))
        reason = g_strerror (ENOSPC);
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   reason);
      return FALSE;
    }

  if (!poa_atomic_file_commit (file, &file_error))
    return _poa_export_propagate_error (error, file_error);

  return TRUE;
}

/**
 * poa_xlsx_export:
 * @plan: the plan
 * @path: the workbook to write
 *
 * Writes @plan as the official POA workbook. The workbook is read back (poa_xlsx_export_check())
 * before it is written beside @path, flushed to the disk and renamed into place
 * (poa-atomic-file.c): a failure leaves @path as it was, and a read-only @path is refused.
 *
 * Returns: whether it was written; else @error says why.
 */
gboolean
poa_xlsx_export (PoaPlan     *plan,
                 const char  *path,
                 GError     **error)
{
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t previous = c_numeric != (locale_t)0 ? uselocale (c_numeric) : (locale_t)0;
  gboolean ok;

  /* libxlsxwriter writes numbers (widths, heights, margins, cell values) with printf: under a
   * locale whose decimals take a comma (es_ES, es_AR …) the workbook would be broken. This
   * thread writes with the C locale's point meanwhile (uselocale is per thread: the window
   * exports on a worker). */
  ok = write_workbook (plan, path, 0, error);

  if (c_numeric != (locale_t)0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }

  return ok;
}

/**
 * poa_xlsx_export_report:
 * @plan: the plan
 * @quarter: 1 … 4
 * @path: the workbook to write
 *
 * Writes @quarter's Avance trimestral (the PbRM-08c) of @plan as a workbook of that one sheet,
 * with the plan's header and the signatures, as poa_xlsx_export() writes: read back, then
 * renamed into place.
 *
 * Returns: whether it was written; else @error says why.
 */
gboolean
poa_xlsx_export_report (PoaPlan     *plan,
                        guint        quarter,
                        const char  *path,
                        GError     **error)
{
  locale_t c_numeric;
  locale_t previous;
  gboolean ok;

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, FALSE);

  c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t)0);
  previous = c_numeric != (locale_t)0 ? uselocale (c_numeric) : (locale_t)0;
  /* Numbers with a point whatever the locale, as poa_xlsx_export() says. */
  ok = write_workbook (plan, path, quarter, error);

  if (c_numeric != (locale_t)0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }

  return ok;
}
