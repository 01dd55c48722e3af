/* poa-xlsx-import.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-xlsx-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <jansson.h>

#include "poa-activity.h"
#include "poa-date.h"
#include "poa-money.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-xlsx-import.h"

/* A workbook in the official layout becomes a plan: the program's own (poa-xlsx-export.c) and
 * one made by hand. Nothing is read from fixed cells: each table is found by its headings'
 * texts, case, accents, punctuation and spacing aside (poa_xlsx_normalize()), and each column
 * by its heading, in whatever order.
 *
 * - POA: the header's labels (Dirección, Área, Objetivo, Objetivos específicos) with their
 *   values beside them, the year in the title, and the activities under "Actividad / Proyecto
 *   General", "Eje Estratégico…", "Línea Estratégica…", "Línea de Acción…", "Actividad
 *   Específica".
 * - Cronograma: "Meta Anual", "Meta Programada", "Meta Alcanzada", the twelve months, "Inicio"
 *   and "Fin". A month is scheduled when shaded, marked "X" or (where the sheet shades nothing)
 *   given a figure; with figures, an activity's row holds the months programmed and a row
 *   under it without number or name the months achieved. Percentages are recomputed; one that
 *   disagrees with its figures is a warning.
 * - Indicadores, Presupuesto (the partidas, the observations, the signatures, the
 *   municipality and administration under them), Modificaciones (the change record).
 * - _poa, the program's own hidden sheet: what no visible cell shows (review, tolerance, notes
 *   of the months, justifications…). A visible cell wins for what it shows.
 *
 * The plan is assembled as a plan file (JSON) and read by poa-plan-json.c, so that a workbook
 * is held to exactly the rules a plan file is. What cannot be understood is said naming the
 * sheet and the cell (`Cronograma!F12: "veinte" is not a whole number`); a workbook with any
 * error imports nothing, and warnings are handed back to be listed. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_t, json_decref)

typedef struct
{
  PoaXlsxBook  *book;
  const char   *filename;
  GPtrArray    *errors;     /* "Sheet!A1: what" */
  guint         n_errors;
  GPtrArray    *warnings;
  guint         n_warnings;

  json_t       *plan;
  json_t       *activities; /* in the POA sheet's order */
  GHashTable   *by_number;  /* number → its (first) activity object (borrowed) */
  /* Each table's activities, joined once both are read (join_activities()). */
  GPtrArray    *poa_items;  /* json_t, owned */
  GArray       *poa_rows;   /* guint: where each is */
  char         *poa_sheet;
  int           poa_number_col;
  GPtrArray    *cron_items;
  GArray       *cron_rows;
  char         *cron_sheet;
  int           cron_number_col;
  int           cron_name_col;
  guint         year;
  gboolean      cron_shading; /* the Cronograma shows the months as fills */
  gboolean      found_activities;
  gboolean      date1904;
} Import;

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->poa_items, g_ptr_array_unref);
  g_clear_pointer (&imp->cron_items, g_ptr_array_unref);
  g_clear_pointer (&imp->poa_rows, g_array_unref);
  g_clear_pointer (&imp->cron_rows, g_array_unref);
  g_clear_pointer (&imp->poa_sheet, g_free);
  g_clear_pointer (&imp->cron_sheet, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Problems. */

/* "Cronograma!F12", or "'Hoja de POA'!D7" as a spreadsheet writes a sheet whose name is not
 * a plain word. */
static char *
cell_reference (const char *sheet,
                const char *cell)
{
  gboolean plain = sheet[0] != '\0';
  g_autoptr(GString) quoted = NULL;

  for (const char *p = sheet; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || (guchar) *p >= 0x80;
  if (plain)
    return g_strdup_printf ("%s!%s", sheet, cell);

  quoted = g_string_new ("'");
  for (const char *p = sheet; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_printf (quoted, "'!%s", cell);
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

G_GNUC_PRINTF (5, 0)
static void
problem_valist (Import     *imp,
                const char *sheet,
                guint       row,
                guint       col,
                const char *format,
                va_list     args)
{
  g_autofree char *message = NULL;
  g_autofree char *where = poa_xlsx_cell_name (row, col);

  imp->n_errors++;
  if (imp->errors->len >= POA_XLSX_IMPORT_MAX_NAMED)
    return;
  message = g_strdup_vprintf (format, args);
  g_autofree char *reference = cell_reference (sheet, where);

  g_ptr_array_add (imp->errors, g_strdup_printf ("%s: %s", reference, message));
}

G_GNUC_PRINTF (5, 6)
static void
problem (Import       *imp,
         PoaXlsxSheet *sheet,
         guint         row,
         guint         col,
         const char   *format,
         ...)
{
  va_list args;

  va_start (args, format);
  problem_valist (imp, poa_xlsx_sheet_get_name (sheet), row, col, format, args);
  va_end (args);
}

G_GNUC_PRINTF (5, 6)
static void
problem_in (Import     *imp,
            const char *sheet,
            guint       row,
            guint       col,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  problem_valist (imp, sheet, row, col, format, args);
  va_end (args);
}

G_GNUC_PRINTF (5, 6)
static void
warn (Import       *imp,
      PoaXlsxSheet *sheet,
      guint         row,
      guint         col,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  imp->n_warnings++;
  if (imp->warnings->len >= POA_XLSX_IMPORT_MAX_NAMED)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (sheet != NULL)
    {
      g_autofree char *where = poa_xlsx_cell_name (row, col);

      g_autofree char *reference = cell_reference (poa_xlsx_sheet_get_name (sheet), where);

      g_ptr_array_add (imp->warnings, g_strdup_printf ("%s: %s", reference, message));
    }
  else
    g_ptr_array_add (imp->warnings, g_steal_pointer (&message));
}

G_GNUC_PRINTF (5, 6)
static void
warn_in (Import     *imp,
         const char *sheet,
         guint       row,
         guint       col,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = poa_xlsx_cell_name (row, col);
  va_list args;

  imp->n_warnings++;
  if (imp->warnings->len >= POA_XLSX_IMPORT_MAX_NAMED)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_autofree char *reference = cell_reference (sheet, where);

  g_ptr_array_add (imp->warnings, g_strdup_printf ("%s: %s", reference, message));
}

/* Cells. */

/* A spreadsheet's day number as a date: day 1 is 1 January 1900, and day 60 the 29 February
 * 1900 that never was (Lotus's mistake, kept by every spreadsheet); in a 1904 workbook day 0
 * is 1 January 1904. */
static gboolean
serial_to_date (double   serial,
                gboolean date1904,
                GDate   *date)
{
  gint64 days;

  if (!isfinite (serial) || serial < 1 || serial > 2958465 || serial != floor (serial))
    return FALSE;
  days = (gint64) serial;
  g_date_clear (date, 1);
  if (date1904)
    {
      g_date_set_dmy (date, 1, 1, 1904);
      g_date_add_days (date, (guint) days);
      return TRUE;
    }
  if (days == 60)
    return FALSE;
  g_date_set_dmy (date, 31, 12, 1899);
  g_date_add_days (date, (guint) (days < 60 ? days : days - 1));
  return TRUE;
}

/* A cell as text: what it shows, numbers without needless decimals. NULL when empty. */
static char *
cell_text (Import       *imp,
           PoaXlsxSheet *sheet,
           guint         row,
           guint         col)
{
  PoaXlsxCell cell;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  poa_xlsx_sheet_get_cell (sheet, row, col, &cell);
  switch (cell.kind)
    {
    case POA_XLSX_CELL_TEXT:
      return g_strdup (cell.text);
    case POA_XLSX_CELL_NUMBER:
      if (cell.is_date)
        {
          GDate date;

          if (serial_to_date (cell.number, imp->date1904, &date))
            return poa_date_format_dmy (&date);
        }
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell.number));
    case POA_XLSX_CELL_BOOL:
      return g_strdup (cell.number != 0 ? "VERDADERO" : "FALSO");
    case POA_XLSX_CELL_ERROR:
      return g_strdup (cell.text);
    case POA_XLSX_CELL_EMPTY:
    default:
      return NULL;
    }
}

static char *
cell_heading (Import       *imp,
              PoaXlsxSheet *sheet,
              guint         row,
              guint         col)
{
  g_autofree char *text = cell_text (imp, sheet, row, col);

  return text != NULL ? poa_xlsx_normalize (text) : NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* A whole number (a meta): a number cell, or text of digits, grouped by commas or not.
 * Empty is 0 and @present FALSE. */
static gboolean
read_whole (Import       *imp,
            PoaXlsxSheet *sheet,
            guint         row,
            guint         col,
            guint        *value,
            gboolean     *present)
{
  PoaXlsxCell cell;

  *value = 0;
  if (present != NULL)
    *present = FALSE;
  poa_xlsx_sheet_get_cell (sheet, row, col, &cell);

  if (cell.kind == POA_XLSX_CELL_EMPTY)
    return TRUE;
  if (cell.kind == POA_XLSX_CELL_NUMBER)
    {
      if (cell.number != floor (cell.number) || cell.number < 0 || cell.number > POA_GOAL_MAX)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          problem (imp, sheet, row, col, _("%s is not a whole number from 0 to %u"),
                   g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell.number), POA_GOAL_MAX);
          return FALSE;
        }
      *value = (guint) cell.number;
      if (present != NULL)
        *present = TRUE;
      return TRUE;
    }
  if (cell.kind == POA_XLSX_CELL_TEXT)
    {
      g_autofree char *text = g_strstrip (g_strdup (cell.text));
      guint64 number = 0;
      guint digits = 0;

      if (text[0] == '\0')
        return TRUE;
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == ',' && digits > 0)
            continue;
          if (!g_ascii_isdigit (*p) || ++digits > 10)
            {
              digits = 0;
              break;
            }
          number = number * 10 + (*p - '0');
        }
      if (digits == 0 || number > POA_GOAL_MAX)
        {
          problem (imp, sheet, row, col, _("“%s” is not a whole number"), cell.text);
          return FALSE;
        }
      *value = (guint) number;
      if (present != NULL)
        *present = TRUE;
      return TRUE;
    }

  problem (imp, sheet, row, col, _("“%s” is not a whole number"), cell.text != NULL ? cell.text : "");
  return FALSE;
}

/* A date: a date cell, or text dd/mm/aaaa (or the plan file's aaaa-mm-dd). Empty is null. */
static json_t *
read_date (Import       *imp,
           PoaXlsxSheet *sheet,
           guint         row,
           guint         col,
           gboolean     *ok)
{
  PoaXlsxCell cell;
  GDate date;

  *ok = TRUE;
  g_date_clear (&date, 1);
  poa_xlsx_sheet_get_cell (sheet, row, col, &cell);
  if (cell.kind == POA_XLSX_CELL_EMPTY ||
      (cell.kind == POA_XLSX_CELL_TEXT && is_blank (cell.text)))
    return json_null ();

  /* A number shown as a date, or one that can only be a day of 2000 to 2100 (a date whose
   * format was lost): 2026 typed in a date column is not 19 July 1905. */
  if (cell.kind == POA_XLSX_CELL_NUMBER &&
      (cell.is_date || (cell.number >= 36526 && cell.number <= 73415)) &&
      serial_to_date (cell.number, imp->date1904, &date))
    {
      g_autofree char *iso = poa_date_format_iso (&date);

      return json_string (iso);
    }
  if (cell.kind == POA_XLSX_CELL_TEXT &&
      (poa_date_parse_dmy (cell.text, &date) || poa_date_parse_iso (cell.text, &date)))
    {
      g_autofree char *iso = poa_date_format_iso (&date);

      return json_string (iso);
    }

  {
    g_autofree char *text = cell_text (imp, sheet, row, col);

    problem (imp, sheet, row, col, _("“%s” is not a date (dd/mm/aaaa)"), text);
  }
  *ok = FALSE;
  return NULL;
}

/* An amount: a number cell, or text such as `$ 5,000.00`. Empty is 0. */
static gboolean
read_amount (Import       *imp,
             PoaXlsxSheet *sheet,
             guint         row,
             guint         col,
             gint64       *centavos)
{
  g_autoptr(GError) money_error = NULL;
  PoaXlsxCell cell;

  *centavos = 0;
  poa_xlsx_sheet_get_cell (sheet, row, col, &cell);
  if (cell.kind == POA_XLSX_CELL_EMPTY)
    return TRUE;
  if (cell.kind == POA_XLSX_CELL_NUMBER)
    {
      /* A spreadsheet holds 5000.1 as the double nearest; a computed amount may carry float
       * dust (5000.099999999999), which rounding to centavos takes away. */
      double rounded = round (cell.number * 100.0) / 100.0;

      if (fabs (rounded - cell.number) < 1e-6 * MAX (1.0, fabs (cell.number)))
        {
          if (poa_money_from_pesos (rounded, centavos, &money_error))
            return TRUE;
        }
      else
        g_set_error_literal (&money_error, POA_MONEY_ERROR, POA_MONEY_ERROR_TOO_MANY_DECIMALS,
                             _("an amount has at most two decimals"));
      problem (imp, sheet, row, col, "%s", money_error->message);
      return FALSE;
    }
  if (cell.kind == POA_XLSX_CELL_TEXT)
    {
      if (is_blank (cell.text))
        return TRUE;
      if (poa_money_parse (cell.text, centavos, &money_error))
        return TRUE;
      problem (imp, sheet, row, col, "“%s”: %s", cell.text, money_error->message);
      return FALSE;
    }
  problem (imp, sheet, row, col, _("“%s” is not an amount"), cell.text != NULL ? cell.text : "");
  return FALSE;
}

/* Sheets, found by name or by what they hold. */

typedef gboolean (*SheetReader) (Import       *imp,
                                 PoaXlsxSheet *sheet);

/* Reads the sheet called @name with @reader, or, if there is none or it does not hold the
 * table, every other visible sheet until one does. Whether one did. */
static gboolean
read_table (Import      *imp,
            const char  *name,
            SheetReader  reader,
            GError     **error)
{
  int named = poa_xlsx_book_find_sheet (imp->book, name);
  guint n = poa_xlsx_book_get_n_sheets (imp->book);

  for (int i = -1; i < (int) n; i++)
    {
      int index = i < 0 ? named : i;
      g_autoptr(PoaXlsxSheet) sheet = NULL;

      if (index < 0 || (i >= 0 && i == named) ||
          (i >= 0 && poa_xlsx_book_sheet_is_hidden (imp->book, index)))
        continue;
      if (!(sheet = poa_xlsx_book_read_sheet (imp->book, index, error)))
        return FALSE;
      if (reader (imp, sheet))
        return TRUE;
    }
  return TRUE;
}

/* Headings. */

static gboolean
heading_is (const char *heading,
            const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (heading, names[i]))
      return TRUE;
  return FALSE;
}

static void
set_text (json_t     *object,
          const char *key,
          const char *text)
{
  json_object_set_new (object, key, json_string (text != NULL ? text : ""));
}

/* POA: the header and the activities' ties to the Plan Municipal de Desarrollo. */

enum { POA_COL_NUMBER, POA_COL_NAME, POA_COL_AXIS, POA_COL_LINE, POA_COL_ACTION, POA_COL_SPECIFIC,
       POA_N_COLS };

static const char *const poa_keys[POA_N_COLS] = {
  "number", "name", "strategic_axis", "strategic_line", "action_line", "specific_activity",
};

static const char *const number_headings[] = { "n", "no", "num", "numero", "n o", "n de actividad", NULL };

/* A row's texts, freed together. */
typedef struct
{
  char *v[POA_N_COLS];
} RowTexts;

static void
row_texts_clear (RowTexts *texts)
{
  for (guint i = 0; i < POA_N_COLS; i++)
    g_clear_pointer (&texts->v[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowTexts, row_texts_clear)

static int
poa_column_of (const char *heading)
{
  static const char *const names[] = { "actividad proyecto general", "actividad proyecto",
                                       "proyecto general", NULL };

  if (heading_is (heading, number_headings))
    return POA_COL_NUMBER;
  if (heading_is (heading, names))
    return POA_COL_NAME;
  if (g_str_has_prefix (heading, "eje estrategico"))
    return POA_COL_AXIS;
  if (g_str_has_prefix (heading, "linea estrategica"))
    return POA_COL_LINE;
  if (g_str_has_prefix (heading, "linea de accion"))
    return POA_COL_ACTION;
  if (g_str_has_prefix (heading, "actividad especifica") || g_str_has_prefix (heading, "actividades especificas"))
    return POA_COL_SPECIFIC;
  return -1;
}

/* A year between 2000 and 2100 written in @text, or 0. */
static guint
find_year (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) &&
          (p == text || !g_ascii_isdigit (p[-1])))
        {
          guint year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');

          if (year >= POA_YEAR_MIN && year <= POA_YEAR_MAX)
            return year;
        }
    }
  return 0;
}

/* The header's "Label:" and its value: in the cells to its right (past its merged range), or
 * after the colon in the same cell. */
static void
read_header_labels (Import       *imp,
                    PoaXlsxSheet *sheet,
                    guint         last_row)
{
  static const struct { const char *label; const char *key; } labels[] = {
    { "direccion", "direction" },
    { "area", "area" },
    { "objetivo", "objective" },
    { "objetivo general", "objective" },
    { "objetivos especificos", "specific_objectives" },
    { "objetivo especifico", "specific_objectives" },
  };
  guint n_cols = poa_xlsx_sheet_get_n_columns (sheet);

  for (guint row = 0; row < last_row; row++)
    for (guint col = 0; col < n_cols; col++)
      {
        g_autofree char *text = cell_text (imp, sheet, row, col);
        g_autofree char *label = NULL;
        const char *colon;
        const char *key = NULL;

        if (text == NULL)
          continue;

        if (imp->year == 0)
          {
            g_autofree char *normal = poa_xlsx_normalize (text);

            if (strstr (normal, "poa") != NULL || strstr (normal, "plan operativo") != NULL)
              imp->year = find_year (text);
          }

        colon = strchr (text, ':');
        {
          g_autofree char *before = colon != NULL ? g_strndup (text, colon - text) : g_strdup (text);

          label = poa_xlsx_normalize (before);
        }
        for (guint i = 0; i < G_N_ELEMENTS (labels) && key == NULL; i++)
          if (g_str_equal (label, labels[i].label))
            key = labels[i].key;
        if (key == NULL)
          continue;

        if (colon != NULL && !is_blank (colon + 1))
          {
            g_autofree char *value = g_strstrip (g_strdup (colon + 1));

            set_text (imp->plan, key, value);
            continue;
          }

        {
          guint last_row_merge, last_col = col;
          g_autofree char *value = NULL;

          poa_xlsx_sheet_get_merge (sheet, row, col, &last_row_merge, &last_col);
          for (guint c = last_col + 1; c < n_cols && value == NULL; c++)
            value = cell_text (imp, sheet, row, c);
          set_text (imp->plan, key, value);
          col = n_cols;
        }
      }
}

static gboolean
read_poa_sheet (Import       *imp,
                PoaXlsxSheet *sheet)
{
  guint n_rows = poa_xlsx_sheet_get_n_rows (sheet);
  guint n_cols = poa_xlsx_sheet_get_n_columns (sheet);
  int columns[POA_N_COLS];
  guint heading_row = 0;
  gboolean found = FALSE;
  guint sequence = 0;

  for (guint row = 0; row < MIN (n_rows, 200) && !found; row++)
    for (guint col = 0; col < n_cols && !found; col++)
      {
        g_autofree char *heading = cell_heading (imp, sheet, row, col);

        if (heading != NULL && poa_column_of (heading) == POA_COL_NAME)
          {
            heading_row = row;
            found = TRUE;
          }
      }
  if (!found)
    return FALSE;

  imp->found_activities = TRUE;
  for (guint i = 0; i < POA_N_COLS; i++)
    columns[i] = -1;
  for (guint col = 0; col < n_cols; col++)
    {
      g_autofree char *text = cell_text (imp, sheet, heading_row, col);
      g_autofree char *heading = text != NULL ? poa_xlsx_normalize (text) : NULL;
      int which;

      if (heading == NULL || heading[0] == '\0')
        continue;
      which = poa_column_of (heading);
      if (which < 0 || columns[which] >= 0)
        {
          warn (imp, sheet, heading_row, col, _("the column “%s” is not one of the POA's; it is ignored"), text);
          continue;
        }
      columns[which] = col;
    }

  read_header_labels (imp, sheet, heading_row);

  for (guint row = heading_row + 1; row < n_rows; row++)
    {
      g_auto(RowTexts) row_texts = { { NULL } };
      char **texts = row_texts.v;
      gboolean empty = TRUE;
      guint number = 0;
      gboolean present = FALSE;
      json_t *activity;

      for (guint i = 0; i < POA_N_COLS; i++)
        if (columns[i] >= 0 && (texts[i] = cell_text (imp, sheet, row, columns[i])) != NULL)
          empty = empty && is_blank (texts[i]);
      if (empty)
        continue;

      sequence++;
      if (columns[POA_COL_NUMBER] >= 0 &&
          !read_whole (imp, sheet, row, columns[POA_COL_NUMBER], &number, &present))
        continue;
      if (!present)
        number = sequence;

      activity = json_object ();
      json_object_set_new (activity, "number", json_integer (number));
      for (guint i = POA_COL_NAME; i < POA_N_COLS; i++)
        set_text (activity, poa_keys[i], texts[i]);
      g_ptr_array_add (imp->poa_items, activity);
      g_array_append_val (imp->poa_rows, row);
    }

  imp->poa_sheet = g_strdup (poa_xlsx_sheet_get_name (sheet));
  imp->poa_number_col = MAX (columns[POA_COL_NUMBER], 0);
  return TRUE;
}

/* Cronograma. */

enum {
  CRON_NUMBER, CRON_NAME, CRON_RESPONSIBLE, CRON_UNIT, CRON_ANNUAL, CRON_PROGRAMMED,
  CRON_PROGRAMMED_PERCENT, CRON_ACHIEVED, CRON_ACHIEVED_PERCENT, CRON_START, CRON_END,
  CRON_N_COLS
};

static const char *const month_names[12][3] = {
  { "enero", "ene", NULL }, { "febrero", "feb", NULL }, { "marzo", "mar", NULL },
  { "abril", "abr", NULL }, { "mayo", "may", NULL }, { "junio", "jun", NULL },
  { "julio", "jul", NULL }, { "agosto", "ago", NULL }, { "septiembre", "setiembre", "sep" },
  { "octubre", "oct", NULL }, { "noviembre", "nov", NULL }, { "diciembre", "dic", NULL },
};

static int
month_of (const char *heading)
{
  for (guint m = 0; m < 12; m++)
    for (guint i = 0; i < 3 && month_names[m][i] != NULL; i++)
      if (g_str_equal (heading, month_names[m][i]))
        return m;
  return -1;
}

static int
cron_column_of (const char *heading)
{
  static const char *const names[] = { "actividad", "actividad proyecto general", "meta de actividad",
                                       "actividades", NULL };
  static const char *const units[] = { "unidad de medida", "unidad", NULL };
  static const char *const annual[] = { "meta anual", "meta programada anual", "programada anual", NULL };
  static const char *const programmed[] = { "meta programada", "programada", NULL };
  static const char *const achieved[] = { "meta alcanzada", "alcanzada", "meta lograda", "lograda", NULL };
  static const char *const start[] = { "inicio", "fecha de inicio", "fecha inicio", NULL };
  static const char *const end[] = { "fin", "termino", "fecha de termino", "fecha fin", "fecha de fin", NULL };

  if (heading_is (heading, names))
    return CRON_NAME;
  if (heading_is (heading, number_headings))
    return CRON_NUMBER;
  if (g_str_equal (heading, "responsable"))
    return CRON_RESPONSIBLE;
  if (heading_is (heading, units))
    return CRON_UNIT;
  if (heading_is (heading, annual))
    return CRON_ANNUAL;
  if (heading_is (heading, programmed))
    return CRON_PROGRAMMED;
  if (heading_is (heading, achieved))
    return CRON_ACHIEVED;
  if (heading_is (heading, start))
    return CRON_START;
  if (heading_is (heading, end))
    return CRON_END;
  return -1;
}

typedef struct
{
  guint    row;
  guint    achieved_row;  /* 0: none */
  json_t  *activity;
} CronRow;

typedef enum { MARK_NONE, MARK_X, MARK_FIGURE } Mark;

/* A month cell of the programmed row: "X", a figure, or nothing. */
static Mark
read_month_mark (Import       *imp,
                 PoaXlsxSheet *sheet,
                 guint         row,
                 guint         col,
                 guint        *figure,
                 gboolean     *ok)
{
  PoaXlsxCell cell;

  *figure = 0;
  *ok = TRUE;
  poa_xlsx_sheet_get_cell (sheet, row, col, &cell);
  if (cell.kind == POA_XLSX_CELL_TEXT)
    {
      g_autofree char *text = g_strstrip (g_strdup (cell.text));

      if (text[0] == '\0')
        return MARK_NONE;
      if (g_ascii_strcasecmp (text, "x") == 0 || g_str_equal (text, "✓") ||
          g_str_equal (text, "✔") || g_str_equal (text, "•") || g_str_equal (text, "●"))
        return MARK_X;
    }
  if (cell.kind == POA_XLSX_CELL_EMPTY)
    return MARK_NONE;
  if (cell.kind == POA_XLSX_CELL_TEXT || cell.kind == POA_XLSX_CELL_NUMBER)
    {
      gboolean present;

      if (!read_whole (imp, sheet, row, col, figure, &present))
        {
          *ok = FALSE;
          return MARK_NONE;
        }
      return present ? MARK_FIGURE : MARK_NONE;
    }
  problem (imp, sheet, row, col, _("“%s” is neither a month mark (X) nor a whole number"),
           cell.text != NULL ? cell.text : "");
  *ok = FALSE;
  return MARK_NONE;
}

static void
check_percent (Import       *imp,
               PoaXlsxSheet *sheet,
               guint         row,
               int           col,
               guint         part,
               guint         whole)
{
  PoaXlsxCell cell;
  double expected;

  if (col < 0)
    return;
  poa_xlsx_sheet_get_cell (sheet, row, col, &cell);
  if (cell.kind != POA_XLSX_CELL_NUMBER)
    return;
  expected = whole > 0 ? (double) part / whole : 0;
  /* A percentage typed as 50 rather than 50 %: as the office would mean it. */
  if (fabs (cell.number - expected) > 0.0005 && fabs (cell.number / 100.0 - expected) > 0.0005)
    warn (imp, sheet, row, col, _("the percentage %.1f %% does not agree with the metas (%.1f %%); it is recomputed"),
          cell.number * 100.0, expected * 100.0);
}

static gboolean
read_cronograma_sheet (Import       *imp,
                       PoaXlsxSheet *sheet)
{
  guint n_rows = poa_xlsx_sheet_get_n_rows (sheet);
  guint n_cols = poa_xlsx_sheet_get_n_columns (sheet);
  int columns[CRON_N_COLS];
  int meta_rows[CRON_N_COLS];
  guint meta_last_cols[CRON_N_COLS];
  int numbers_under[CRON_N_COLS];
  int months[12];
  guint month_row = 0, first_row, last_heading_row;
  gboolean found = FALSE, shading = FALSE;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (CronRow));
  guint sequence = 0;

  for (guint row = 0; row < MIN (n_rows, 200) && !found; row++)
    for (guint col = 0; col < n_cols && !found; col++)
      {
        g_autofree char *heading = cell_heading (imp, sheet, row, col);

        if (heading != NULL && g_str_equal (heading, "enero"))
          {
            month_row = row;
            found = TRUE;
          }
      }
  if (!found)
    return FALSE;

  imp->found_activities = TRUE;
  for (guint i = 0; i < CRON_N_COLS; i++)
    {
      columns[i] = -1;
      meta_rows[i] = -1;
      meta_last_cols[i] = 0;
      numbers_under[i] = -1;
    }
  for (guint m = 0; m < 12; m++)
    months[m] = -1;

  first_row = month_row >= 3 ? month_row - 3 : 0;
  last_heading_row = month_row;

  /* First the headings themselves and the months, then N° and % under the metas' headings
   * (a meta may span both, or be one column). */
  for (guint pass = 0; pass < 2; pass++)
    for (guint row = first_row; row <= month_row + 2 && row < n_rows; row++)
      for (guint col = 0; col < n_cols; col++)
        {
          g_autofree char *text = cell_text (imp, sheet, row, col);
          g_autofree char *heading = NULL;
          guint merge_row = row, merge_col = col;
          gboolean percent, number;
          int which, month;

          if (text == NULL || is_blank (text))
            continue;
          heading = poa_xlsx_normalize (text);
          poa_xlsx_sheet_get_merge (sheet, row, col, &merge_row, &merge_col);
          percent = g_str_equal (g_strstrip (text), "%");
          number = heading_is (heading, number_headings);

          if (pass == 0)
            {
              if ((month = month_of (heading)) >= 0)
                {
                  if (row == month_row && months[month] < 0)
                    {
                      months[month] = col;
                      last_heading_row = MAX (last_heading_row, merge_row);
                    }
                  continue;
                }
              which = number ? -1 : cron_column_of (heading);
              if (which >= 0 && columns[which] < 0)
                {
                  columns[which] = col;
                  meta_rows[which] = row;
                  meta_last_cols[which] = merge_col;
                  last_heading_row = MAX (last_heading_row, merge_row);
                }
              continue;
            }

          if (!percent && !number)
            {
              if (row > last_heading_row)
                continue;
              /* The groups' titles: the year, "Cronograma Programado", "Fechas de metas". */
              if (month_of (heading) >= 0 || cron_column_of (heading) >= 0 || find_year (text) != 0 ||
                  strstr (heading, "cronograma") != NULL || strstr (heading, "fecha") != NULL)
                continue;
              warn (imp, sheet, row, col, _("the column “%s” is not one of the Cronograma's; it is ignored"), text);
              continue;
            }

          {
            gboolean under_meta = FALSE;

            for (guint goal = CRON_PROGRAMMED; goal <= CRON_ACHIEVED; goal += 2)
              if (meta_rows[goal] >= 0 && row > (guint) meta_rows[goal] &&
                  col >= (guint) columns[goal] && col <= meta_last_cols[goal])
                {
                  if (percent)
                    columns[goal + 1] = col;
                  else
                    numbers_under[goal] = col;
                  under_meta = TRUE;
                  last_heading_row = MAX (last_heading_row, merge_row);
                }
            if (!under_meta && number && columns[CRON_NUMBER] < 0)
              {
                columns[CRON_NUMBER] = col;
                last_heading_row = MAX (last_heading_row, merge_row);
              }
          }
        }
  for (guint goal = CRON_PROGRAMMED; goal <= CRON_ACHIEVED; goal += 2)
    if (numbers_under[goal] >= 0)
      columns[goal] = numbers_under[goal];

  for (guint m = 0; m < 12; m++)
    if (months[m] < 0)
      {
        problem (imp, sheet, month_row, months[0],
                 _("the month “%s” is missing from the Cronograma's headings"),
                 poa_month_name_spanish (m + 1));
        return TRUE;
      }

  /* The year, from the group over the metas ("2026") if the POA's title did not say it. */
  if (imp->year == 0)
    for (guint row = first_row; row <= month_row && imp->year == 0; row++)
      for (guint col = 0; col < n_cols && imp->year == 0; col++)
        {
          g_autofree char *text = cell_text (imp, sheet, row, col);

          imp->year = text != NULL ? find_year (text) : 0;
        }

  /* The activities' rows, to the totals. */
  for (guint row = last_heading_row + 1; row < n_rows; row++)
    {
      g_autofree char *number_text = columns[CRON_NUMBER] >= 0 ? cell_text (imp, sheet, row, columns[CRON_NUMBER]) : NULL;
      g_autofree char *name = columns[CRON_NAME] >= 0 ? cell_text (imp, sheet, row, columns[CRON_NAME]) : NULL;
      gboolean is_total = FALSE, has_month = FALSE, has_anything = FALSE;

      for (guint col = 0; col < (guint) months[0] && col < n_cols && !is_total; col++)
        {
          PoaXlsxCell cell;

          /* Only a short text can say "Total": an activity's long texts are not normalised. */
          poa_xlsx_sheet_get_cell (sheet, row, col, &cell);
          has_anything = has_anything || cell.kind != POA_XLSX_CELL_EMPTY;
          if (cell.kind == POA_XLSX_CELL_TEXT && strlen (cell.text) < 16)
            {
              g_autofree char *heading = poa_xlsx_normalize (cell.text);

              is_total = g_str_equal (heading, "total");
            }
        }
      if (is_total)
        break;
      for (guint m = 0; m < 12; m++)
        {
          PoaXlsxCell cell;

          poa_xlsx_sheet_get_cell (sheet, row, months[m], &cell);
          if (cell.kind != POA_XLSX_CELL_EMPTY)
            has_month = TRUE;
          if (cell.shaded)
            shading = TRUE;
        }
      for (guint i = 0; i < CRON_N_COLS && !has_anything; i++)
        if (columns[i] >= 0)
          {
            g_autofree char *text = cell_text (imp, sheet, row, columns[i]);

            has_anything = !is_blank (text);
          }

      if (is_blank (number_text) && is_blank (name))
        {
          /* Under an activity, a row of figures alone: the months achieved. */
          if (has_month && rows->len > 0 &&
              g_array_index (rows, CronRow, rows->len - 1).achieved_row == 0 &&
              g_array_index (rows, CronRow, rows->len - 1).row == row - 1)
            {
              g_array_index (rows, CronRow, rows->len - 1).achieved_row = row;
              continue;
            }
          if (!has_anything && !has_month)
            continue;
        }

      {
        CronRow cron = { row, 0, NULL };

        g_array_append_val (rows, cron);
      }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      CronRow *cron = &g_array_index (rows, CronRow, i);
      guint row = cron->row;
      guint number = 0, goals[3] = { 0, 0, 0 };
      gboolean present = FALSE, ok = TRUE;
      json_t *activity, *month_list, *calendar, *start, *end;
      guint64 achieved_in_months = 0;
      static const char *const goal_keys[] = { "annual_goal", "programmed", "achieved" };
      static const int goal_columns[] = { CRON_ANNUAL, CRON_PROGRAMMED, CRON_ACHIEVED };

      sequence++;
      if (columns[CRON_NUMBER] >= 0 && !read_whole (imp, sheet, row, columns[CRON_NUMBER], &number, &present))
        continue;
      if (!present)
        number = sequence;

      activity = json_object ();
      json_object_set_new (activity, "number", json_integer (number));
      g_ptr_array_add (imp->cron_items, activity);
      g_array_append_val (imp->cron_rows, row);
      {
        g_autofree char *name = columns[CRON_NAME] >= 0 ? cell_text (imp, sheet, row, columns[CRON_NAME]) : NULL;

        set_text (activity, "name", name);
      }
      {
        g_autofree char *responsible = columns[CRON_RESPONSIBLE] >= 0 ? cell_text (imp, sheet, row, columns[CRON_RESPONSIBLE]) : NULL;
        g_autofree char *unit = columns[CRON_UNIT] >= 0 ? cell_text (imp, sheet, row, columns[CRON_UNIT]) : NULL;

        set_text (activity, "responsible", responsible);
        set_text (activity, "unit", unit);
      }

      for (guint g = 0; g < 3; g++)
        {
          if (columns[goal_columns[g]] >= 0 &&
              !read_whole (imp, sheet, row, columns[goal_columns[g]], &goals[g], NULL))
            ok = FALSE;
          json_object_set_new (activity, goal_keys[g], json_integer (goals[g]));
        }
      if (ok)
        {
          check_percent (imp, sheet, row, columns[CRON_PROGRAMMED_PERCENT], goals[1], goals[0]);
          check_percent (imp, sheet, row, columns[CRON_ACHIEVED_PERCENT], goals[2], goals[1]);
        }

      start = columns[CRON_START] >= 0 ? read_date (imp, sheet, row, columns[CRON_START], &ok) : json_null ();
      end = columns[CRON_END] >= 0 ? read_date (imp, sheet, row, columns[CRON_END], &ok) : json_null ();
      json_object_set_new (activity, "start", start != NULL ? start : json_null ());
      json_object_set_new (activity, "end", end != NULL ? end : json_null ());

      month_list = json_array ();
      calendar = json_array ();
      for (guint m = 0; m < 12; m++)
        {
          PoaXlsxCell cell;
          guint programmed = 0, achieved = 0;
          gboolean has_achieved = FALSE, month_ok;
          Mark mark = read_month_mark (imp, sheet, row, months[m], &programmed, &month_ok);
          gboolean scheduled;

          poa_xlsx_sheet_get_cell (sheet, row, months[m], &cell);
          if (cron->achieved_row > 0 &&
              !read_whole (imp, sheet, cron->achieved_row, months[m], &achieved, &has_achieved))
            continue;
          if (!month_ok)
            continue;

          scheduled = shading ? (cell.shaded || mark == MARK_X) : (mark == MARK_X || (mark == MARK_FIGURE && programmed > 0));
          if (scheduled)
            json_array_append_new (month_list, json_integer (m + 1));
          if (mark == MARK_FIGURE || has_achieved)
            {
              json_t *entry = json_object ();

              json_object_set_new (entry, "month", json_integer (m + 1));
              json_object_set_new (entry, "programmed", json_integer (programmed));
              json_object_set_new (entry, "achieved", json_integer (achieved));
              json_object_set_new (entry, "note", json_string (""));
              json_array_append_new (calendar, entry);
              achieved_in_months += achieved;
            }
        }
      json_object_set_new (activity, "months", month_list);
      json_object_set_new (activity, "calendar", calendar);

      if (achieved_in_months > goals[2] && columns[CRON_ACHIEVED] >= 0)
        problem (imp, sheet, row, columns[CRON_ACHIEVED],
                 _("the months achieved add up to %llu, more than the meta alcanzada %u"),
                 (unsigned long long) achieved_in_months, goals[2]);
    }

  imp->cron_shading = shading;
  imp->cron_sheet = g_strdup (poa_xlsx_sheet_get_name (sheet));
  imp->cron_number_col = MAX (columns[CRON_NUMBER], 0);
  imp->cron_name_col = MAX (columns[CRON_NAME], 0);
  return TRUE;
}

/* Indicadores. */

static gboolean
read_indicators_sheet (Import       *imp,
                       PoaXlsxSheet *sheet)
{
  guint n_rows = poa_xlsx_sheet_get_n_rows (sheet);
  guint n_cols = poa_xlsx_sheet_get_n_columns (sheet);
  int name_col = -1, variables_col = -1, formula_col = -1;
  guint heading_row = 0;
  json_t *indicators;
  g_autoptr(GRegex) thresholds = g_regex_new ("desde\\s+(\\d+)", G_REGEX_CASELESS, 0, NULL);

  for (guint row = 0; row < MIN (n_rows, 200) && variables_col < 0; row++)
    for (guint col = 0; col < n_cols && variables_col < 0; col++)
      {
        g_autofree char *heading = cell_heading (imp, sheet, row, col);

        if (heading != NULL && g_str_equal (heading, "variables"))
          {
            variables_col = col;
            heading_row = row;
          }
      }
  if (variables_col < 0)
    return FALSE;

  for (guint col = 0; col < n_cols; col++)
    {
      g_autofree char *text = cell_text (imp, sheet, heading_row, col);
      g_autofree char *heading = text != NULL ? poa_xlsx_normalize (text) : NULL;

      if (heading == NULL || heading[0] == '\0')
        continue;
      if (g_str_equal (heading, "nombre") || g_str_equal (heading, "indicador") ||
          g_str_equal (heading, "nombre del indicador"))
        name_col = col;
      else if (g_str_equal (heading, "formula"))
        formula_col = col;
      else if (!g_str_equal (heading, "variables") && !g_str_equal (heading, "resultado"))
        warn (imp, sheet, heading_row, col, _("the column “%s” is not one of the Indicadores'; it is ignored"), text);
    }

  indicators = json_array ();
  json_object_set_new (imp->plan, "indicators", indicators);
  for (guint row = heading_row + 1; row < n_rows; row++)
    {
      g_autofree char *name = name_col >= 0 ? cell_text (imp, sheet, row, name_col) : NULL;
      g_autofree char *variables = cell_text (imp, sheet, row, variables_col);
      g_autofree char *formula = formula_col >= 0 ? cell_text (imp, sheet, row, formula_col) : NULL;
      json_t *indicator;

      if (is_blank (name) && is_blank (variables) && is_blank (formula))
        break;
      indicator = json_object ();
      set_text (indicator, "name", name);
      set_text (indicator, "variables", variables);
      set_text (indicator, "formula", formula);
      json_array_append_new (indicators, indicator);
    }

  /* The legend of the semáforo: "… Aceptable desde 90 %, Con riesgo desde 70 % …". */
  for (guint row = heading_row + 1; row < n_rows; row++)
    for (guint col = 0; col < n_cols; col++)
      {
        g_autofree char *text = cell_text (imp, sheet, row, col);
        g_autofree char *heading = text != NULL ? poa_xlsx_normalize (text) : NULL;
        g_autoptr(GMatchInfo) match = NULL;
        guint values[2], n = 0;

        if (heading == NULL || !g_str_has_prefix (heading, "semaforo"))
          continue;
        g_regex_match (thresholds, text, 0, &match);
        while (n < 2 && g_match_info_matches (match))
          {
            g_autofree char *digits = g_match_info_fetch (match, 1);

            values[n++] = (guint) MIN (g_ascii_strtoull (digits, NULL, 10), 1000);
            g_match_info_next (match, NULL);
          }
        if (n == 2)
          {
            json_object_set_new (imp->plan, "semaforo_green", json_integer (values[0]));
            json_object_set_new (imp->plan, "semaforo_yellow", json_integer (values[1]));
          }
      }
  return TRUE;
}

/* Presupuesto. */

static gboolean
read_budget_sheet (Import       *imp,
                   PoaXlsxSheet *sheet)
{
  guint n_rows = poa_xlsx_sheet_get_n_rows (sheet);
  guint n_cols = poa_xlsx_sheet_get_n_columns (sheet);
  int code_col = -1, name_col = -1, amount_col = -1;
  guint heading_row = 0, row;
  json_t *budget, *signatures;
  static const char *const codes[] = { "partida", "codigo", "clave", "partida presupuestal", NULL };
  static const char *const names[] = { "nombre", "concepto", "descripcion", "nombre de la partida", NULL };
  static const char *const amounts[] = { "cantidad", "importe", "monto", "presupuesto", "total", NULL };

  for (row = 0; row < MIN (n_rows, 200) && code_col < 0; row++)
    for (guint col = 0; col < n_cols && code_col < 0; col++)
      {
        g_autofree char *heading = cell_heading (imp, sheet, row, col);

        if (heading != NULL && heading_is (heading, codes))
          {
            code_col = col;
            heading_row = row;
          }
      }
  if (code_col < 0)
    return FALSE;

  for (guint col = 0; col < n_cols; col++)
    {
      g_autofree char *text = cell_text (imp, sheet, heading_row, col);
      g_autofree char *heading = text != NULL ? poa_xlsx_normalize (text) : NULL;

      if (heading == NULL || heading[0] == '\0' || (int) col == code_col)
        continue;
      if (heading_is (heading, names) && name_col < 0)
        name_col = col;
      else if (heading_is (heading, amounts) && amount_col < 0)
        amount_col = col;
      else
        warn (imp, sheet, heading_row, col, _("the column “%s” is not one of the Presupuesto's; it is ignored"), text);
    }

  budget = json_array ();
  json_object_set_new (imp->plan, "budget", budget);
  for (row = heading_row + 1; row < n_rows; row++)
    {
      g_autofree char *code = cell_text (imp, sheet, row, code_col);
      g_autofree char *name = name_col >= 0 ? cell_text (imp, sheet, row, name_col) : NULL;
      g_autofree char *code_heading = poa_xlsx_normalize (code);
      g_autofree char *name_heading = poa_xlsx_normalize (name);
      json_t *line;
      gint64 centavos = 0;

      if (g_str_equal (code_heading, "total") || g_str_equal (name_heading, "total"))
        {
          row++;
          break;
        }
      if (is_blank (code) && is_blank (name))
        {
          g_autofree char *amount = amount_col >= 0 ? cell_text (imp, sheet, row, amount_col) : NULL;

          if (is_blank (amount))
            break;
        }
      if (amount_col >= 0 && !read_amount (imp, sheet, row, amount_col, &centavos))
        continue;
      line = json_object ();
      set_text (line, "code", code);
      set_text (line, "name", name);
      json_object_set_new (line, "amount", json_real ((double) centavos / 100.0));
      json_array_append_new (budget, line);
    }

  /* Observaciones, then each signature as "Revisó:" over the name and the title, then the
   * municipality and the administration. */
  signatures = json_array ();
  for (; row < n_rows; row++)
    {
      g_autofree char *text = NULL;
      g_autofree char *heading = NULL;
      guint col;

      for (col = 0; col < n_cols && text == NULL; col++)
        text = cell_text (imp, sheet, row, col);
      if (text == NULL)
        continue;
      col--;
      heading = poa_xlsx_normalize (text);

      if (g_str_has_prefix (heading, "observaciones"))
        {
          const char *colon = strchr (text, ':');
          g_autofree char *value = NULL;

          if (colon != NULL && !is_blank (colon + 1))
            value = g_strstrip (g_strdup (colon + 1));
          else
            for (guint c = 0; c < n_cols && value == NULL && row + 1 < n_rows; c++)
              value = cell_text (imp, sheet, row + 1, c);
          set_text (imp->plan, "observations", value);
          if (colon == NULL || is_blank (colon + 1))
            row++;
          continue;
        }

      if (g_str_has_suffix (g_strchomp (text), ":") && json_array_size (signatures) < POA_PLAN_N_SIGNATURES)
        {
          json_t *signature = json_object ();
          g_autofree char *role = g_strndup (text, strlen (text) - 1);
          g_autofree char *name = cell_text (imp, sheet, row + 1, col + 1);
          g_autofree char *title = cell_text (imp, sheet, row + 2, col + 1);

          set_text (signature, "role", g_strstrip (role));
          set_text (signature, "name", name);
          set_text (signature, "title", title);
          json_array_append_new (signatures, signature);
          row += 2;
          continue;
        }

      if (json_array_size (signatures) > 0)
        {
          if (json_object_get (imp->plan, "municipality") == NULL)
            set_text (imp->plan, "municipality", text);
          else if (json_object_get (imp->plan, "administration") == NULL)
            set_text (imp->plan, "administration", text);
        }
    }
  if (json_array_size (signatures) > 0)
    json_object_set_new (imp->plan, "signatures", signatures);
  else
    json_decref (signatures);
  return TRUE;
}

/* Modificaciones: the change record. */

static gboolean
read_history_sheet (Import       *imp,
                    PoaXlsxSheet *sheet)
{
  static const char *const headings[] = { "fecha", "por", "donde", "campo", "antes", "despues", "justificacion" };
  static const char *const keys[] = { "date", "by", "where", "field", "before", "after", "justification" };
  guint n_rows = poa_xlsx_sheet_get_n_rows (sheet);
  guint n_cols = poa_xlsx_sheet_get_n_columns (sheet);
  int columns[G_N_ELEMENTS (headings)];
  guint heading_row = 0;
  gboolean found = FALSE;
  json_t *history;

  for (guint row = 0; row < MIN (n_rows, 50) && !found; row++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
        columns[i] = -1;
      for (guint col = 0; col < n_cols; col++)
        {
          g_autofree char *heading = cell_heading (imp, sheet, row, col);

          for (guint i = 0; heading != NULL && i < G_N_ELEMENTS (headings); i++)
            if (g_str_equal (heading, headings[i]) && columns[i] < 0)
              columns[i] = col;
        }
      found = columns[0] >= 0 && columns[2] >= 0 && columns[3] >= 0 && columns[5] >= 0;
      heading_row = row;
    }
  if (!found)
    return FALSE;

  history = json_array ();
  json_object_set_new (imp->plan, "history", history);
  for (guint row = heading_row + 1; row < n_rows; row++)
    {
      json_t *entry = json_object ();
      gboolean empty = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autofree char *text = columns[i] >= 0 ? cell_text (imp, sheet, row, columns[i]) : NULL;

          empty = empty && text == NULL;
          set_text (entry, keys[i], text);
        }
      if (empty)
        json_decref (entry);
      else
        json_array_append_new (history, entry);
    }
  return TRUE;
}

/* _poa: what no visible cell shows. */

static const char *const plan_integer_keys[] = {
  "year", "semaforo_green", "semaforo_yellow", "tolerance_low", "tolerance_high", NULL
};
static const char *const plan_text_keys[] = {
  "municipality", "administration", "direction", "area", "objective", "specific_objectives",
  "observations", NULL
};
static const char *const activity_integer_keys[] = { "annual_goal", "programmed", "achieved", NULL };
static const char *const activity_text_keys[] = {
  "name", "strategic_axis", "strategic_line", "action_line", "specific_activity", "responsible",
  "unit", NULL
};

/* A value of _poa for @key into @object, unless a visible cell says otherwise: a text shown
 * changed in case only (the municipality is shown in capitals) takes _poa's. */
static gboolean
apply_value (Import       *imp,
             PoaXlsxSheet *sheet,
             guint         row,
             json_t       *object,
             const char   *key,
             const char   *value,
             gboolean      plan_level)
{
  const char *const *integers = plan_level ? plan_integer_keys : activity_integer_keys;
  const char *const *texts = plan_level ? plan_text_keys : activity_text_keys;
  json_t *visible = json_object_get (object, key);

  if (g_strv_contains (integers, key))
    {
      char *end;
      /* The year is shown in the POA's title (read into imp->year): that one wins. */
      gboolean shown = visible != NULL || (plan_level && g_str_equal (key, "year") && imp->year != 0);

      guint64 number = g_ascii_strtoull (value, &end, 10);

      if (value[0] == '\0' || *end != '\0' || number > POA_GOAL_MAX)
        {
          problem (imp, sheet, row, plan_level ? 1 : 2, _("“%s” is not a whole number"), value);
          return TRUE;
        }
      if (!shown)
        json_object_set_new (object, key, json_integer ((json_int_t) number));
      return TRUE;
    }
  if (g_strv_contains (texts, key))
    {
      /* An empty cell shows nothing: what _poa holds is taken. */
      if (visible != NULL && json_is_string (visible) && json_string_value (visible)[0] != '\0')
        {
          g_autofree char *a = g_utf8_casefold (json_string_value (visible), -1);
          g_autofree char *b = g_utf8_casefold (value, -1);

          if (!g_str_equal (a, b))
            return TRUE;
        }
      set_text (object, key, value);
      return TRUE;
    }
  if (!plan_level && (g_str_equal (key, "start") || g_str_equal (key, "end")))
    {
      if (visible == NULL || json_is_null (visible))
        json_object_set_new (object, key, value[0] != '\0' ? json_string (value) : json_null ());
      return TRUE;
    }
  return FALSE;
}

/* The activity a row of _poa names by its number. A plan's numbers may repeat: the writer puts
 * each activity's rows after its activity.months row, so that row (@next) moves on to the
 * next activity with the number, and the rows after it are that one's. Without
 * activity.months rows (a hand-made _poa), the first activity with the number. */
static json_t *
hidden_activity (Import     *imp,
                 GHashTable *all,
                 GHashTable *seen,
                 const char *number_text,
                 gboolean    next)
{
  char *end;
  guint64 number = g_ascii_strtoull (number_text, &end, 10);
  GPtrArray *list;
  guint count, index;

  if (number_text[0] == '\0' || *end != '\0' || number > G_MAXUINT)
    return NULL;
  list = g_hash_table_lookup (all, GUINT_TO_POINTER ((guint) number));
  if (list == NULL)
    return NULL;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER ((guint) number)));
  if (next)
    {
      index = count;
      g_hash_table_insert (seen, GUINT_TO_POINTER ((guint) number), GUINT_TO_POINTER (count + 1));
    }
  else
    index = count > 0 ? count - 1 : 0;
  return index < list->len ? g_ptr_array_index (list, index) : NULL;
}

/* Whether @shown is @text with line breaks for some of its spaces: the writer shows an
 * indicator's numbered variables one item a line (one_item_per_line() there). */
static gboolean
same_but_line_breaks (const char *shown,
                      const char *text)
{
  for (; *shown != '\0' && *text != '\0'; shown++, text++)
    if (*shown != *text && !(*shown == '\n' && *text == ' '))
      return FALSE;
  return *shown == '\0' && *text == '\0';
}

static gboolean
same_stripped (const char *shown,
               const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_str_equal (shown, stripped);
}

/* "1,2,3" (or "" for none) into @months; FALSE when it is not that. */
static gboolean
parse_months (const char *text,
              json_t     *months)
{
  g_auto(GStrv) parts = NULL;
  guint seen = 0;

  if (text == NULL || is_blank (text))
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end;
      const char *part = g_strstrip (parts[i]);
      guint64 month = g_ascii_strtoull (part, &end, 10);

      if (part[0] == '\0' || *end != '\0' || month < 1 || month > 12 || (seen & (1u << month)))
        return FALSE;
      seen |= 1u << month;
      json_array_append_new (months, json_integer ((json_int_t) month));
    }
  return TRUE;
}

/* A month's note (@note) or a quarter's justification for @activity, from _poa. */
static void
set_hidden_entry (json_t     *activity,
                  gboolean    note,
                  guint64     which,
                  const char *text)
{
  json_t *list = json_object_get (activity, note ? "calendar" : "justifications");
  json_t *entry = NULL;

  if (list == NULL)
    {
      list = json_array ();
      json_object_set_new (activity, note ? "calendar" : "justifications", list);
    }
  for (gsize i = 0; i < json_array_size (list) && entry == NULL; i++)
    if ((guint64) json_integer_value (json_object_get (json_array_get (list, i), note ? "month" : "quarter")) == which)
      entry = json_array_get (list, i);
  if (entry == NULL)
    {
      entry = json_object ();
      json_object_set_new (entry, note ? "month" : "quarter", json_integer ((json_int_t) which));
      if (note)
        {
          json_object_set_new (entry, "programmed", json_integer (0));
          json_object_set_new (entry, "achieved", json_integer (0));
        }
      json_array_append_new (list, entry);
    }
  set_text (entry, note ? "note" : "text", text);
}

/* The months an activity is scheduled in, from _poa, unless the Cronograma's fills show them:
 * those win; a sheet with no fill at all (months read from the figures) shows none. */
static void
set_hidden_months (Import       *imp,
                   PoaXlsxSheet *sheet,
                   guint         row,
                   json_t       *activity,
                   const char   *number,
                   const char   *text)
{
  g_autoptr(json_t) months = json_array ();

  if (!parse_months (text, months))
    problem (imp, sheet, row, 2, _("“%s” is not a list of months"), text);
  else if (activity == NULL)
    warn (imp, sheet, row, 1, _("“%s” names no activity of the plan"), number);
  else if (!imp->cron_shading || json_object_get (activity, "months") == NULL)
    json_object_set (activity, "months", months);
}

static gboolean
read_poa_sheet_hidden (Import       *imp,
                       PoaXlsxSheet *sheet)
{
  guint n_rows = poa_xlsx_sheet_get_n_rows (sheet);
  json_t *review = NULL;
  json_t *review_history = NULL;
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                     (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 n_indicators = -1;

  for (gsize i = 0; i < json_array_size (imp->activities); i++)
    {
      json_t *activity = json_array_get (imp->activities, i);
      gpointer number = GUINT_TO_POINTER ((guint) json_integer_value (json_object_get (activity, "number")));
      GPtrArray *list = g_hash_table_lookup (all, number);

      if (list == NULL)
        g_hash_table_insert (all, number, list = g_ptr_array_new ());
      g_ptr_array_add (list, activity);
    }

  {
    g_autofree char *format = cell_text (imp, sheet, 0, 0);
    g_autofree char *name = cell_text (imp, sheet, 0, 1);
    g_autofree char *layout = cell_text (imp, sheet, 0, 2);

    if (g_strcmp0 (format, "format") != 0 || g_strcmp0 (name, "poa-workbook") != 0)
      {
        warn (imp, sheet, 0, 0, _("the sheet is not the program's own; it is ignored"));
        return TRUE;
      }
    /* Layout 1 (version 0.2.0) and 2 are read; a later one, written by a newer program, may
     * say things in ways this one would misread. */
    if (layout != NULL && layout[0] != '\0' && g_strcmp0 (layout, "1") != 0 && g_strcmp0 (layout, "2") != 0)
      {
        warn (imp, sheet, 0, 2, _("the sheet is in layout “%s”, which a newer version of the program "
                                  "writes; it is ignored"), layout);
        return TRUE;
      }
  }

  for (guint row = 1; row < n_rows; row++)
    {
      g_autofree char *key = cell_text (imp, sheet, row, 0);
      g_autofree char *a = cell_text (imp, sheet, row, 1);
      g_autofree char *b = cell_text (imp, sheet, row, 2);
      g_autofree char *c = cell_text (imp, sheet, row, 3);
      g_autofree char *d = cell_text (imp, sheet, row, 4);

      if (key == NULL)
        continue;
      if (a == NULL)
        a = g_strdup ("");

      if (g_str_equal (key, "review.status"))
        {
          if (review == NULL)
            review = json_object ();
          set_text (review, "status", a);
        }
      else if (g_str_equal (key, "review.history"))
        {
          json_t *step = json_object ();

          if (review_history == NULL)
            review_history = json_array ();
          set_text (step, "date", a);
          set_text (step, "by", b);
          set_text (step, "status", c);
          set_text (step, "note", d);
          json_array_append_new (review_history, step);
        }
      else if (g_str_equal (key, "review.observation"))
        {
          json_t *observations = json_object_get (imp->plan, "review_observations");
          json_t *observation = json_object ();

          if (observations == NULL)
            json_object_set_new (imp->plan, "review_observations", observations = json_array ());
          set_text (observation, "date", a);
          set_text (observation, "by", b);
          set_text (observation, "where", c);
          set_text (observation, "text", d);
          json_array_append_new (observations, observation);
        }
      else if (g_str_equal (key, "closed_quarters"))
        {
          g_auto(GStrv) parts = g_strsplit (a, ",", -1);
          json_t *quarters = json_array ();

          for (guint i = 0; parts[i] != NULL; i++)
            {
              guint64 quarter = 0;

              if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 4, &quarter, NULL))
                {
                  problem (imp, sheet, row, 1, _("“%s” is not a list of quarters"), a);
                  break;
                }
              json_array_append_new (quarters, json_integer ((json_int_t) quarter));
            }
          json_object_set_new (imp->plan, "closed_quarters", quarters);
        }
      else if (g_str_equal (key, "activity"))
        {
          /* Layout 2: NUMBER | MONTHS | the twelve months' notes (D … O) | the four
           * quarters' justifications (P … S). */
          enum { NOTES = 3, JUSTIFICATIONS = NOTES + 12, END = JUSTIFICATIONS + 4 };
          json_t *activity = hidden_activity (imp, all, seen, a, TRUE);

          set_hidden_months (imp, sheet, row, activity, a, b);
          /* An activity taken out of the visible sheets: what _poa held for it goes too (the
           * warning above said so). */
          for (guint col = NOTES; col < END && activity != NULL; col++)
            {
              g_autofree char *text = cell_text (imp, sheet, row, col);

              if (text != NULL)
                set_hidden_entry (activity, col < JUSTIFICATIONS,
                                  col < JUSTIFICATIONS ? col - NOTES + 1 : col - JUSTIFICATIONS + 1, text);
            }
        }
      else if (g_str_equal (key, "calendar.note") || g_str_equal (key, "justification"))
        {
          /* Layout 1 (0.2.0): a row per note and per justification. */
          gboolean note = g_str_equal (key, "calendar.note");
          guint64 which = b != NULL ? g_ascii_strtoull (b, NULL, 10) : 0;
          json_t *activity = hidden_activity (imp, all, seen, a, FALSE);

          if (which < 1 || which > (note ? 12u : 4u))
            {
              if (note)
                problem (imp, sheet, row, 2, _("“%s” is not a month from 1 to 12"), b != NULL ? b : "");
              else
                problem (imp, sheet, row, 2, _("“%s” is not a quarter from 1 to 4"), b != NULL ? b : "");
              continue;
            }
          /* An activity taken out of the visible sheets: what _poa held for it goes too. */
          if (activity == NULL)
            {
              warn (imp, sheet, row, 1, _("“%s” names no activity of the plan"), a);
              continue;
            }
          set_hidden_entry (activity, note, which, c);
        }
      else if (g_str_equal (key, "activity.months"))
        set_hidden_months (imp, sheet, row, hidden_activity (imp, all, seen, a, TRUE), a, b);
      else if (g_str_equal (key, "indicators.count"))
        {
          char *end;
          guint64 count = g_ascii_strtoull (a, &end, 10);

          if (a[0] == '\0' || *end != '\0' || count > G_MAXINT)
            problem (imp, sheet, row, 1, _("“%s” is not a whole number"), a);
          else
            n_indicators = (gint64) count;
        }
      else if (g_str_equal (key, "indicator.variables") || g_str_equal (key, "signature.role"))
        {
          gboolean variables = g_str_equal (key, "indicator.variables");
          json_t *list = json_object_get (imp->plan, variables ? "indicators" : "signatures");
          char *end;
          guint64 position = g_ascii_strtoull (a, &end, 10);
          json_t *item;
          const char *shown;

          if (a[0] == '\0' || *end != '\0' || position < 1 || position > G_MAXINT)
            {
              problem (imp, sheet, row, 1, _("“%s” is not a whole number"), a);
              continue;
            }
          item = json_array_get (list, position - 1);
          shown = json_string_value (json_object_get (item, variables ? "variables" : "role"));
          if (b == NULL)
            b = g_strdup ("");
          /* Taken only where the visible cell shows it as the writer does (the variables one
           * item a line, the role stripped and followed by ":"): an edited cell wins. */
          if (shown == NULL)
            continue;
          if (variables ? same_but_line_breaks (shown, b) : same_stripped (shown, b))
            set_text (item, variables ? "variables" : "role", b);
        }
      else if (g_str_has_prefix (key, "activity."))
        {
          json_t *activity = hidden_activity (imp, all, seen, a, FALSE);

          if (activity == NULL)
            warn (imp, sheet, row, 1, _("“%s” names no activity of the plan"), a);
          else if (!apply_value (imp, sheet, row, activity, key + strlen ("activity."), b != NULL ? b : "", FALSE))
            warn (imp, sheet, row, 0, _("the key “%s” is not known; it is ignored"), key);
        }
      else if (!apply_value (imp, sheet, row, imp->plan, key, a, TRUE))
        warn (imp, sheet, row, 0, _("the key “%s” is not known; it is ignored"), key);
    }

  /* The plan's indicators are the first ones of Indicadores: the writer adds the Índice de
   * Eficiencia after them when the plan has none. A row a reviewer added after it stays. */
  if (n_indicators >= 0)
    {
      json_t *indicators = json_object_get (imp->plan, "indicators");
      json_t *added = json_array_get (indicators, (size_t) n_indicators);
      g_autofree char *name = poa_xlsx_normalize (json_string_value (json_object_get (added, "name")));
      gboolean listed = FALSE;

      /* The writer adds it only when none of the plan's is it. */
      for (gint64 i = 0; i < n_indicators && !listed; i++)
        {
          g_autofree char *other = poa_xlsx_normalize (json_string_value (json_object_get (json_array_get (indicators, (size_t) i), "name")));

          listed = g_str_equal (other, "indice de eficiencia");
        }
      if (added != NULL && !listed && g_str_equal (name, "indice de eficiencia"))
        json_array_remove (indicators, (size_t) n_indicators);
    }

  if (review_history != NULL)
    {
      if (review == NULL)
        review = json_object ();
      json_object_set_new (review, "history", review_history);
    }
  if (review != NULL)
    json_object_set_new (imp->plan, "review", review);
  return TRUE;
}

/* The months' entries that hold nothing (a 0 typed in a month) are no entries. */
static void
drop_empty_months (Import *imp)
{
  for (gsize i = 0; i < json_array_size (imp->activities); i++)
    {
      json_t *calendar = json_object_get (json_array_get (imp->activities, i), "calendar");

      for (gsize j = json_array_size (calendar); j > 0; j--)
        {
          json_t *entry = json_array_get (calendar, j - 1);
          const char *note = json_string_value (json_object_get (entry, "note"));

          if (json_integer_value (json_object_get (entry, "programmed")) == 0 &&
              json_integer_value (json_object_get (entry, "achieved")) == 0 &&
              (note == NULL || note[0] == '\0'))
            json_array_remove (calendar, j - 1);
        }
    }
}

/* The POA sheet's activities and the Cronograma's are the same ones: row by row when both
 * list the same numbers in the same order (numbers may repeat, or be 0, in a plan), else by
 * number, which must then be unique. An activity in one table only is kept, with a warning. */
static void
join_activities (Import *imp)
{
  GPtrArray *poa = imp->poa_items, *cron = imp->cron_items;
  gboolean same = poa->len == cron->len;

  for (guint i = 0; same && i < poa->len; i++)
    same = json_integer_value (json_object_get (g_ptr_array_index (poa, i), "number")) ==
           json_integer_value (json_object_get (g_ptr_array_index (cron, i), "number"));

  if (same || poa->len == 0 || cron->len == 0)
    {
      guint n = MAX (poa->len, cron->len);

      for (guint i = 0; i < n; i++)
        {
          json_t *base = i < poa->len ? g_ptr_array_index (poa, i) : g_ptr_array_index (cron, i);
          json_t *more = i < poa->len && i < cron->len ? g_ptr_array_index (cron, i) : NULL;

          if (more != NULL)
            {
              const char *name = json_string_value (json_object_get (base, "name"));
              const char *other = json_string_value (json_object_get (more, "name"));

              if (other != NULL && other[0] != '\0' && g_strcmp0 (name, other) != 0)
                {
                  if (name == NULL || name[0] == '\0')
                    set_text (base, "name", other);
                  else
                    warn_in (imp, imp->cron_sheet, g_array_index (imp->cron_rows, guint, i), imp->cron_name_col,
                             _("the activity's name is not the POA sheet's; the POA sheet's is kept"));
                }
              json_object_del (more, "name");
              json_object_update_missing (base, more);
            }
          json_array_append (imp->activities, base);
        }
      return;
    }

  {
    g_autoptr(GHashTable) poa_numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
    g_autoptr(GHashTable) cron_numbers = g_hash_table_new (g_direct_hash, g_direct_equal);

    for (guint i = 0; i < poa->len; i++)
      {
        json_t *item = g_ptr_array_index (poa, i);
        gpointer key = GSIZE_TO_POINTER ((gsize) json_integer_value (json_object_get (item, "number")));

        if (g_hash_table_contains (poa_numbers, key))
          problem_in (imp, imp->poa_sheet, g_array_index (imp->poa_rows, guint, i), imp->poa_number_col,
                      _("activity %u is listed twice"), (guint) GPOINTER_TO_SIZE (key));
        g_hash_table_insert (poa_numbers, key, item);
      }
    for (guint i = 0; i < cron->len; i++)
      {
        json_t *item = g_ptr_array_index (cron, i);
        gpointer key = GSIZE_TO_POINTER ((gsize) json_integer_value (json_object_get (item, "number")));
        json_t *base;

        if (g_hash_table_contains (cron_numbers, key))
          problem_in (imp, imp->cron_sheet, g_array_index (imp->cron_rows, guint, i), imp->cron_number_col,
                      _("activity %u is listed twice"), (guint) GPOINTER_TO_SIZE (key));
        g_hash_table_insert (cron_numbers, key, item);
        if ((base = g_hash_table_lookup (poa_numbers, key)) != NULL)
          {
            const char *name = json_string_value (json_object_get (base, "name"));
            const char *other = json_string_value (json_object_get (item, "name"));

            if (other != NULL && other[0] != '\0' && g_strcmp0 (name, other) != 0 && name != NULL && name[0] != '\0')
              warn_in (imp, imp->cron_sheet, g_array_index (imp->cron_rows, guint, i), imp->cron_name_col,
                       _("the activity's name is not the POA sheet's; the POA sheet's is kept"));
            if (name == NULL || name[0] == '\0')
              json_object_set (base, "name", json_object_get (item, "name"));
            json_object_del (item, "name");
            json_object_update_missing (base, item);
          }
      }
    for (guint i = 0; i < poa->len; i++)
      json_array_append (imp->activities, g_ptr_array_index (poa, i));
    for (guint i = 0; i < cron->len; i++)
      {
        json_t *item = g_ptr_array_index (cron, i);
        gpointer key = GSIZE_TO_POINTER ((gsize) json_integer_value (json_object_get (item, "number")));

        if (g_hash_table_contains (poa_numbers, key))
          continue;
        warn_in (imp, imp->cron_sheet, g_array_index (imp->cron_rows, guint, i), imp->cron_number_col,
                 _("activity %u is in the Cronograma only"), (guint) GPOINTER_TO_SIZE (key));
        json_array_append (imp->activities, item);
      }
  }
}

static gboolean
fail_with_problems (Import  *imp,
                    GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < imp->errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append_printf (message, "%s: %s", imp->filename, (const char *) g_ptr_array_index (imp->errors, i));
    }
  if (imp->n_errors > imp->errors->len)
    {
      guint more = imp->n_errors - imp->errors->len;

      g_string_append_c (message, '\n');
      g_string_append_printf (message, "%s: ", imp->filename);
      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                                    "and %u more problems", more), more);
    }
  g_set_error_literal (error, POA_XLSX_ERROR, POA_XLSX_ERROR_CONTENT, message->str);
  return FALSE;
}

/**
 * poa_xlsx_import_book:
 * @warnings: (out) (optional) (transfer full) (element-type utf8): what was read with doubt,
 *   one line each naming the sheet and cell
 *
 * Reads a plan from the workbook.
 *
 * Returns: (transfer full): the plan, or %NULL with @error listing every problem found (one
 *   line each, naming the file, the sheet and the cell).
 */
PoaPlan *
poa_xlsx_import_book (PoaXlsxBook  *book,
                      GPtrArray   **warnings,
                      GError      **error)
{
  g_auto(Import) imp = { 0 };
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(json_t) plan = json_object ();
  g_autofree char *text = NULL;
  PoaPlan *result;
  int hidden;

  if (warnings != NULL)
    *warnings = NULL;

  imp.book = book;
  imp.filename = poa_xlsx_book_get_name (book);
  imp.errors = errors;
  imp.warnings = warned;
  imp.plan = plan;
  imp.activities = json_array ();
  imp.by_number = by_number;
  imp.date1904 = poa_xlsx_book_is_date1904 (book);
  json_object_set_new (plan, "format", json_string ("poa-plan"));
  json_object_set_new (plan, "version", json_integer (2));
  json_object_set_new (plan, "activities", imp.activities);
  imp.poa_items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_decref);
  imp.cron_items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_decref);
  imp.poa_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  imp.cron_rows = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!read_table (&imp, "POA", read_poa_sheet, error) ||
      !read_table (&imp, "Cronograma", read_cronograma_sheet, error))
    return NULL;
  if (!imp.found_activities)
    {
      g_set_error (error, POA_XLSX_ERROR, POA_XLSX_ERROR_CONTENT,
                   _("%s: no sheet has the POA's headings (“Actividad / Proyecto General”, or a "
                     "Cronograma with “Enero”…)"), imp.filename);
      return NULL;
    }
  join_activities (&imp);
  for (gsize i = json_array_size (imp.activities); i > 0; i--)
    {
      json_t *activity = json_array_get (imp.activities, i - 1);

      g_hash_table_insert (by_number, GSIZE_TO_POINTER ((gsize) json_integer_value (json_object_get (activity, "number"))),
                           activity);
    }
  if (!read_table (&imp, "Indicadores", read_indicators_sheet, error) ||
      !read_table (&imp, "Presupuesto", read_budget_sheet, error))
    return NULL;
  {
    int index = poa_xlsx_book_find_sheet (book, "Modificaciones");

    if (index >= 0)
      {
        g_autoptr(PoaXlsxSheet) sheet = poa_xlsx_book_read_sheet (book, index, error);

        if (sheet == NULL)
          return NULL;
        read_history_sheet (&imp, sheet);
      }
  }
  /* By its exact name: "_poa" and "POA" are the same to poa_xlsx_book_find_sheet(). */
  hidden = -1;
  for (guint i = 0; i < poa_xlsx_book_get_n_sheets (book) && hidden < 0; i++)
    if (g_str_equal (poa_xlsx_book_get_sheet_name (book, i), "_poa"))
      hidden = (int) i;
  if (hidden >= 0)
    {
      g_autoptr(PoaXlsxSheet) sheet = poa_xlsx_book_read_sheet (book, hidden, error);

      if (sheet == NULL)
        return NULL;
      read_poa_sheet_hidden (&imp, sheet);
    }

  if (imp.year == 0 && json_object_get (plan, "year") == NULL)
    {
      g_ptr_array_insert (errors, 0, g_strdup (_("the plan's year is nowhere: write it in the POA's "
                                                 "title, as in “POA (PLAN OPERATIVO ANUAL) 2026”")));
      imp.n_errors++;
    }
  else if (json_object_get (plan, "year") == NULL)
    json_object_set_new (plan, "year", json_integer (imp.year));

  if (imp.n_errors > 0)
    return fail_with_problems (&imp, error), NULL;

  drop_empty_months (&imp);

  /* Every rule of a plan file holds for a workbook: the plan is read as one. */
  text = json_dumps (plan, JSON_COMPACT | JSON_REAL_PRECISION (17));
  if (text == NULL)
    {
      g_set_error (error, POA_XLSX_ERROR, POA_XLSX_ERROR_CONTENT, _("%s: out of memory"), imp.filename);
      return NULL;
    }
  /* The tree is the text now: freed before the text is read, so that the two never take
   * memory at once with the plan being built. */
  import_clear (&imp);
  g_clear_pointer (&plan, json_decref);
  g_hash_table_remove_all (by_number);
  result = poa_plan_json_parse (text, strlen (text), imp.filename, error);
  if (result == NULL)
    return NULL;

  if (warnings != NULL)
    {
      if (imp.n_warnings > warned->len)
        {
          guint more = imp.n_warnings - warned->len;

          g_ptr_array_add (warned, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more warning",
                                                                 "and %u more warnings", more), more));
        }
      *warnings = g_steal_pointer (&warned);
    }
  return result;
}

/**
 * poa_xlsx_import_load:
 * @path: a workbook (.xlsx)
 *
 * As poa_xlsx_import_book(), from a file.
 */
PoaPlan *
poa_xlsx_import_load (const char  *path,
                      GPtrArray  **warnings,
                      GError     **error)
{
  return poa_plan_file_load_with_progress (path, warnings, NULL, NULL, error);
}

/* Whether @path names a workbook, by its extension (as export chooses its format). */
gboolean
poa_plan_file_is_workbook (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm");
}

/**
 * poa_plan_file_load:
 * @path: a plan file (.json) or a workbook (.xlsx)
 * @warnings: (out) (optional) (transfer full) (element-type utf8): a workbook's warnings, or
 *   %NULL when there are none
 *
 * Reads a plan to import, all of it, before anything is stored.
 */
PoaPlan *
poa_plan_file_load (const char  *path,
                    GPtrArray  **warnings,
                    GError     **error)
{
  return poa_plan_file_load_with_progress (path, warnings, NULL, NULL, error);
}

/**
 * poa_plan_file_load_with_progress:
 * @progress: (nullable): called now and then while a workbook is read, from this thread
 *
 * As poa_plan_file_load(), saying how far it has got (the window shows it).
 */
PoaPlan *
poa_plan_file_load_with_progress (const char           *path,
                                  GPtrArray           **warnings,
                                  PoaXlsxProgressFunc   progress,
                                  gpointer              data,
                                  GError              **error)
{
  if (warnings != NULL)
    *warnings = NULL;
  if (poa_plan_file_is_workbook (path))
    {
      g_autoptr(PoaXlsxBook) book = poa_xlsx_book_open (path, error);
      PoaPlan *plan;

      if (book == NULL)
        return NULL;
      poa_xlsx_book_set_progress (book, progress, data);
      plan = poa_xlsx_import_book (book, warnings, error);

      if (warnings != NULL && *warnings != NULL && (*warnings)->len == 0)
        g_clear_pointer (warnings, g_ptr_array_unref);
      return plan;
    }
  return poa_plan_json_load (path, error);
}
