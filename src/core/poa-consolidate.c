/* poa-consolidate.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-consolidate"

#include "config.h"

#include <errno.h>
#include <locale.h>

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "poa-activity.h"
#include "poa-atomic-file.h"
#include "poa-budget-line.h"
#include "poa-consolidate.h"
#include "poa-export-error.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-store.h"

/* Every area's plan of a year together, for the planning unit (*Todas las áreas*, `poa
 * consolidate`): the summary's figures plus what the follow-up says on the day, and the
 * consolidated workbook. The workbook's own words are Spanish whatever the locale, like the
 * official one's (poa-xlsx-export.c). */

void
poa_consolidate_area_free (PoaConsolidateArea *area)
{
  if (area == NULL)
    return;

  poa_summary_line_free (area->line);
  g_clear_object (&area->plan);
  g_free (area);
}

static PoaConsolidateArea *
consolidate_area_new (PoaPlan     *plan,
                      const GDate *today)
{
  PoaConsolidateArea *area = g_new0 (PoaConsolidateArea, 1);
  g_autoptr(PoaReport) report = NULL;

  area->plan = g_object_ref (plan);
  area->line = poa_summary_line_new (plan);
  area->semaforo = poa_plan_get_semaforo (plan, NULL);
  area->n_late = poa_plan_count_late (plan, today);
  area->quarter = poa_report_current_quarter (poa_plan_get_year (plan), today);

  report = poa_report_new (plan, area->quarter, today);
  for (guint i = 0; i < poa_report_get_n_lines (report); i++)
    {
      const PoaReportLine *line = poa_report_get_line (report, i);

      if (line->status == POA_REPORT_BELOW)
        area->n_below++;
      else if (line->status == POA_REPORT_ABOVE)
        area->n_above++;
    }

  return area;
}

/**
 * poa_consolidate_area_rank:
 *
 * A GCompareFunc over `PoaConsolidateArea **`: the highest índice first, plans without an index
 * last, then by área.
 */
gint
poa_consolidate_area_rank (gconstpointer a,
                           gconstpointer b)
{
  const PoaConsolidateArea *x = *(PoaConsolidateArea *const *)a;
  const PoaConsolidateArea *y = *(PoaConsolidateArea *const *)b;

  if (x->line->has_index != y->line->has_index)
    return x->line->has_index ? -1 : 1;
  if (x->line->has_index && x->line->index != y->line->index)
    return x->line->index > y->line->index ? -1 : 1;

  return g_utf8_collate (x->line->area, y->line->area);
}

/**
 * poa_consolidate_read:
 * @year: the plans' year
 * @today: the day the follow-up is judged at
 *
 * Returns: (transfer full) (element-type PoaConsolidateArea): one area per plan of @year,
 *   ranked by índice (poa_consolidate_area_rank()), or %NULL with @error set.
 */
GPtrArray *
poa_consolidate_read (PoaStore     *store,
                      guint         year,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  g_return_val_if_fail (POA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* Read together, for their figures only (poa_store_load_year()). */
  if (!(plans = poa_store_load_year (store, year, error)))
    return NULL;

  areas = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_consolidate_area_free);
  for (guint i = 0; i < plans->len; i++)
    g_ptr_array_add (areas, consolidate_area_new (g_ptr_array_index (plans, i), today));

  g_ptr_array_sort (areas, poa_consolidate_area_rank);
  return g_steal_pointer (&areas);
}

/* The workbook. */

static const char *
status_spanish (PoaReviewStatus status)
{
  static const char *words[] = { "Borrador", "Enviado", "Observado", "Aprobado" };

  return (guint)status < G_N_ELEMENTS (words) ? words[status] : "";
}

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *header;
  lxw_format   *text;
  lxw_format   *whole;
  lxw_format   *percent;
  lxw_format   *money;
  lxw_format   *total_text;
  lxw_format   *total_whole;
  lxw_format   *total_percent;
  lxw_format   *total_money;
  lxw_error     error;
} Book;

static void
keep (Book      *book,
      lxw_error  error)
{
  if (book->error == LXW_NO_ERROR)
    book->error = error;
}

static lxw_format *
new_format (Book     *book,
            gboolean  bold,
            gboolean  border,
            const char *number)
{
  lxw_format *format = workbook_add_format (book->workbook);

  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  if (number != NULL)
    format_set_num_format (format, number);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
create_formats (Book *book)
{
  book->title = new_format (book, TRUE, FALSE, NULL);
  format_set_font_size (book->title, 14);
  format_set_text_wrap (book->title);
  book->header = new_format (book, TRUE, TRUE, NULL);
  format_set_bg_color (book->header, 0xD9E1F2);
  format_set_align (book->header, LXW_ALIGN_CENTER);
  book->text = new_format (book, FALSE, TRUE, NULL);
  book->whole = new_format (book, FALSE, TRUE, "0");
  book->percent = new_format (book, FALSE, TRUE, "0.0");
  book->money = new_format (book, FALSE, TRUE, "#,##0.00");
  book->total_text = new_format (book, TRUE, TRUE, NULL);
  book->total_whole = new_format (book, TRUE, TRUE, "0");
  book->total_percent = new_format (book, TRUE, TRUE, "0.0");
  book->total_money = new_format (book, TRUE, TRUE, "#,##0.00");
}

static void
write_headers (Book              *book,
               lxw_worksheet     *sheet,
               lxw_row_t          row,
               const char *const *headers,
               guint              n_headers)
{
  for (guint i = 0; i < n_headers; i++)
    keep (book, worksheet_write_string (sheet, row, (lxw_col_t)i, headers[i], book->header));
}

/* Columns of the summary sheet. */
enum
{
  COL_DIRECTION, COL_AREA, COL_ACTIVITIES, COL_PROGRAMMED, COL_ACHIEVED, COL_INDEX, COL_SEMAFORO,
  COL_LATE, COL_BELOW, COL_BUDGET, COL_ERRORS, COL_WARNINGS, COL_STATUS, N_COLS
};

static char *
cell (lxw_col_t col,
      lxw_row_t row)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

static void
write_summary (Book      *book,
               GPtrArray *areas,
               guint      year,
               guint      quarter)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "Resumen");
  g_autofree char *title = g_strdup_printf ("Programa Operativo Anual %u: todas las áreas", year);
  g_autofree char *below = g_strdup_printf ("Trimestre %u: debajo de la banda", quarter);
  const char *headers[N_COLS] = {
    "Dirección", "Área", "Actividades", "Metas programadas", "Metas alcanzadas",
    "Índice de eficiencia (%)", "Semáforo", "Actividades atrasadas", below, "Presupuesto",
    "Errores", "Advertencias", "Estado de revisión",
  };
  const lxw_row_t first = 2;
  lxw_row_t row = first;
  lxw_row_t foot = first + 1 + areas->len;
  guint64 sums[N_COLS] = { 0 };
  gint64 budget = 0;

  keep (book, worksheet_write_string (sheet, 0, 0, title, book->title));
  write_headers (book, sheet, first, headers, N_COLS);
  worksheet_set_column (sheet, COL_DIRECTION, COL_AREA, 32, NULL);
  worksheet_set_column (sheet, COL_ACTIVITIES, COL_STATUS, 14, NULL);
  worksheet_freeze_panes (sheet, first + 1, 0);

  for (guint i = 0; i < areas->len; i++)
    {
      const PoaConsolidateArea *area = g_ptr_array_index (areas, i);
      const PoaSummaryLine *line = area->line;
      g_autofree char *programmed = NULL;
      g_autofree char *achieved = NULL;
      g_autofree char *formula = NULL;

      row++;
      keep (book, worksheet_write_string (sheet, row, COL_DIRECTION, line->direction, book->text));
      keep (book, worksheet_write_string (sheet, row, COL_AREA, line->area, book->text));
      keep (book, worksheet_write_number (sheet, row, COL_ACTIVITIES, line->n_activities, book->whole));
      keep (book, worksheet_write_number (sheet, row, COL_PROGRAMMED, (double)line->programmed, book->whole));
      keep (book, worksheet_write_number (sheet, row, COL_ACHIEVED, (double)line->achieved, book->whole));
      /* The index is a formula over the row's metas, so that a figure corrected by hand in the
       * workbook carries into it; the cached value is the program's own. */
      programmed = cell (COL_PROGRAMMED, row);
      achieved = cell (COL_ACHIEVED, row);
      formula = g_strdup_printf ("=IF(%s>0,%s/%s*100,\"\")", programmed, achieved, programmed);
      if (line->has_index)
        keep (book, worksheet_write_formula_num (sheet, row, COL_INDEX, formula, book->percent, line->index));
      else
        keep (book, worksheet_write_formula_str (sheet, row, COL_INDEX, formula, book->percent, ""));
      keep (book, worksheet_write_string (sheet, row, COL_SEMAFORO,
                                          poa_semaforo_label_spanish (area->semaforo), book->text));
      keep (book, worksheet_write_number (sheet, row, COL_LATE, area->n_late, book->whole));
      keep (book, worksheet_write_number (sheet, row, COL_BELOW, area->n_below, book->whole));
      keep (book, worksheet_write_number (sheet, row, COL_BUDGET, line->budget_total / 100.0, book->money));
      keep (book, worksheet_write_number (sheet, row, COL_ERRORS, line->n_errors, book->whole));
      keep (book, worksheet_write_number (sheet, row, COL_WARNINGS, line->n_warnings, book->whole));
      keep (book, worksheet_write_string (sheet, row, COL_STATUS, status_spanish (line->status), book->text));

      sums[COL_ACTIVITIES] += line->n_activities;
      sums[COL_PROGRAMMED] += line->programmed;
      sums[COL_ACHIEVED] += line->achieved;
      sums[COL_LATE] += area->n_late;
      sums[COL_BELOW] += area->n_below;
      sums[COL_ERRORS] += line->n_errors;
      sums[COL_WARNINGS] += line->n_warnings;
      budget += line->budget_total;
    }

  /* The foot: sums as formulas, and the index of the sums (not the mean of the indexes). */
  keep (book, worksheet_write_string (sheet, foot, COL_DIRECTION, "Total", book->total_text));
  keep (book, worksheet_write_string (sheet, foot, COL_AREA, "", book->total_text));
  for (guint col = COL_ACTIVITIES; col < N_COLS; col++)
    {
      g_autofree char *top = cell ((lxw_col_t)col, first + 1);
      g_autofree char *bottom = cell ((lxw_col_t)col, MAX (foot - 1, first + 1));
      g_autofree char *formula = NULL;

      if (col == COL_SEMAFORO || col == COL_STATUS)
        {
          keep (book, worksheet_write_string (sheet, foot, (lxw_col_t)col, "", book->total_text));
          continue;
        }
      if (col == COL_INDEX)
        {
          g_autofree char *programmed = cell (COL_PROGRAMMED, foot);
          g_autofree char *achieved = cell (COL_ACHIEVED, foot);

          formula = g_strdup_printf ("=IF(%s>0,%s/%s*100,\"\")", programmed, achieved, programmed);
          if (sums[COL_PROGRAMMED] > 0)
            keep (book, worksheet_write_formula_num (sheet, foot, (lxw_col_t)col, formula,
                                                     book->total_percent,
                                                     (double)sums[COL_ACHIEVED] / (double)sums[COL_PROGRAMMED] * 100.0));
          else
            keep (book, worksheet_write_formula_str (sheet, foot, (lxw_col_t)col, formula,
                                                     book->total_percent, ""));
          continue;
        }

      /* A year without plans: a sum over no rows would be over the foot itself. */
      if (areas->len == 0)
        {
          keep (book, worksheet_write_number (sheet, foot, (lxw_col_t)col, 0,
                                              col == COL_BUDGET ? book->total_money : book->total_whole));
          continue;
        }
      formula = g_strdup_printf ("=SUM(%s:%s)", top, bottom);
      if (col == COL_BUDGET)
        keep (book, worksheet_write_formula_num (sheet, foot, (lxw_col_t)col, formula,
                                                 book->total_money, budget / 100.0));
      else
        keep (book, worksheet_write_formula_num (sheet, foot, (lxw_col_t)col, formula,
                                                 book->total_whole, (double)sums[col]));
    }
}

/* Each area's avance de metas for the quarter, one section per area on one sheet: thirty areas
 * read down one sheet more easily than across thirty tabs. */
static void
write_avance (Book        *book,
              GPtrArray   *areas,
              guint        quarter,
              const GDate *today)
{
  g_autofree char *name = g_strdup_printf ("Avance T%u", quarter);
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  g_autofree char *title = g_strdup_printf ("Avance de metas al trimestre %u", quarter);
  const char *headers[] = {
    "Nº", "Actividad", "Programado en el trimestre", "Alcanzado en el trimestre",
    "Programado acumulado", "Alcanzado acumulado", "Estado",
  };
  lxw_row_t row = 0;

  keep (book, worksheet_write_string (sheet, row, 0, title, book->title));
  worksheet_set_column (sheet, 0, 0, 6, NULL);
  worksheet_set_column (sheet, 1, 1, 48, NULL);
  worksheet_set_column (sheet, 2, 6, 16, NULL);

  for (guint i = 0; i < areas->len; i++)
    {
      const PoaConsolidateArea *area = g_ptr_array_index (areas, i);
      g_autoptr(PoaReport) report = poa_report_new (area->plan, quarter, today);
      const PoaReportLine *totals = poa_report_get_totals (report);
      g_autofree char *heading = g_strdup_printf ("%s — %s", area->line->direction, area->line->area);

      row += 2;
      keep (book, worksheet_write_string (sheet, row, 0, heading, book->title));
      row++;
      write_headers (book, sheet, row, headers, G_N_ELEMENTS (headers));

      for (guint j = 0; j < poa_report_get_n_lines (report); j++)
        {
          const PoaReportLine *line = poa_report_get_line (report, j);

          row++;
          keep (book, worksheet_write_number (sheet, row, 0, poa_activity_get_number (line->activity), book->whole));
          keep (book, worksheet_write_string (sheet, row, 1, poa_activity_get_name (line->activity), book->text));
          if (line->status == POA_REPORT_UNCALENDARIZED)
            {
              for (lxw_col_t col = 2; col <= 5; col++)
                keep (book, worksheet_write_blank (sheet, row, col, book->whole));
              keep (book, worksheet_write_string (sheet, row, 6, "Sin calendarizar", book->text));
              continue;
            }
          keep (book, worksheet_write_number (sheet, row, 2, (double)line->quarter_programmed, book->whole));
          keep (book, worksheet_write_number (sheet, row, 3, (double)line->quarter_achieved, book->whole));
          keep (book, worksheet_write_number (sheet, row, 4, (double)line->accumulated_programmed, book->whole));
          keep (book, worksheet_write_number (sheet, row, 5, (double)line->accumulated_achieved, book->whole));
          keep (book, worksheet_write_string (sheet, row, 6,
                                              line->status == POA_REPORT_BELOW ? "Debajo de la banda" :
                                              line->status == POA_REPORT_ABOVE ? "Arriba de la banda" :
                                              "Dentro de la banda", book->text));
        }

      row++;
      keep (book, worksheet_write_string (sheet, row, 0, "", book->total_text));
      keep (book, worksheet_write_string (sheet, row, 1, "Total", book->total_text));
      keep (book, worksheet_write_number (sheet, row, 2, (double)totals->quarter_programmed, book->total_whole));
      keep (book, worksheet_write_number (sheet, row, 3, (double)totals->quarter_achieved, book->total_whole));
      keep (book, worksheet_write_number (sheet, row, 4, (double)totals->accumulated_programmed, book->total_whole));
      keep (book, worksheet_write_number (sheet, row, 5, (double)totals->accumulated_achieved, book->total_whole));
      keep (book, worksheet_write_string (sheet, row, 6, "", book->total_text));
    }
}

void
poa_consolidate_partida_free (PoaConsolidatePartida *partida)
{
  g_free (partida->code);
  g_free (partida->name);
  g_free (partida->centavos);
  g_free (partida);
}

static gint
compare_partidas (gconstpointer a,
                  gconstpointer b)
{
  const PoaConsolidatePartida *x = *(PoaConsolidatePartida *const *)a;
  const PoaConsolidatePartida *y = *(PoaConsolidatePartida *const *)b;

  return g_strcmp0 (x->code, y->code);
}

/**
 * poa_consolidate_partidas:
 * @areas: (element-type PoaConsolidateArea): as poa_consolidate_read() gives them
 *
 * The areas' budgets added up by partida (its code), as the planning unit reads them: the
 * *Todas las áreas* window and the consolidated workbook.
 *
 * Returns: (transfer full) (element-type PoaConsolidatePartida): the partidas by code
 */
GPtrArray *
poa_consolidate_partidas (GPtrArray *areas)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *partidas = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_consolidate_partida_free);

  for (guint i = 0; i < areas->len; i++)
    {
      const PoaConsolidateArea *area = g_ptr_array_index (areas, i);
      GListModel *budget = G_LIST_MODEL (poa_plan_get_budget (area->plan));
      /* An area that holds a partida on two lines counts once. */
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint j = 0; j < g_list_model_get_n_items (budget); j++)
        {
          g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, j);
          const char *code = poa_budget_line_get_code (line);
          PoaConsolidatePartida *partida = g_hash_table_lookup (by_code, code);

          if (partida == NULL)
            {
              partida = g_new0 (PoaConsolidatePartida, 1);
              partida->code = g_strdup (code);
              partida->name = g_strdup (poa_budget_line_get_name (line));
              partida->centavos = g_new0 (gint64, MAX (areas->len, 1));
              g_ptr_array_add (partidas, partida);
              g_hash_table_insert (by_code, partida->code, partida);
            }
          if (g_hash_table_add (seen, partida))
            partida->n_areas++;
          partida->centavos[i] += poa_budget_line_get_centavos (line);
          partida->total += poa_budget_line_get_centavos (line);
        }
    }
  g_ptr_array_sort (partidas, compare_partidas);

  return partidas;
}

/* The budget by partida across areas: one row per partida (by code), one column per area, and
 * the partida's total as a formula. */
static void
write_budget (Book      *book,
              GPtrArray *areas)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "Presupuesto");
  g_autoptr(GPtrArray) partidas = poa_consolidate_partidas (areas);
  const lxw_row_t first = 2;
  lxw_col_t total_col = (lxw_col_t)(2 + areas->len);
  lxw_row_t row = first;
  lxw_row_t foot;

  keep (book, worksheet_write_string (sheet, 0, 0, "Presupuesto por partida", book->title));
  keep (book, worksheet_write_string (sheet, first, 0, "Partida", book->header));
  keep (book, worksheet_write_string (sheet, first, 1, "Concepto", book->header));
  for (guint i = 0; i < areas->len; i++)
    {
      const PoaConsolidateArea *area = g_ptr_array_index (areas, i);

      keep (book, worksheet_write_string (sheet, first, (lxw_col_t)(2 + i), area->line->area, book->header));
    }
  keep (book, worksheet_write_string (sheet, first, total_col, "Total", book->header));
  worksheet_set_column (sheet, 0, 0, 10, NULL);
  worksheet_set_column (sheet, 1, 1, 36, NULL);
  worksheet_set_column (sheet, 2, total_col, 16, NULL);

  for (guint p = 0; p < partidas->len; p++)
    {
      const PoaConsolidatePartida *partida = g_ptr_array_index (partidas, p);
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autofree char *formula = NULL;

      row++;
      keep (book, worksheet_write_string (sheet, row, 0, partida->code, book->text));
      keep (book, worksheet_write_string (sheet, row, 1, partida->name, book->text));
      for (guint i = 0; i < areas->len; i++)
        keep (book, worksheet_write_number (sheet, row, (lxw_col_t)(2 + i),
                                            partida->centavos[i] / 100.0, book->money));
      left = cell (2, row);
      right = cell (MAX (total_col - 1, 2), row);
      formula = g_strdup_printf ("=SUM(%s:%s)", left, right);
      keep (book, worksheet_write_formula_num (sheet, row, total_col, formula, book->money,
                                               partida->total / 100.0));
    }

  foot = row + 1;
  keep (book, worksheet_write_string (sheet, foot, 0, "", book->total_text));
  keep (book, worksheet_write_string (sheet, foot, 1, "Total", book->total_text));
  for (lxw_col_t col = 2; col <= total_col; col++)
    {
      g_autofree char *top = cell (col, first + 1);
      g_autofree char *bottom = cell (col, MAX (foot - 1, first + 1));
      g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", top, bottom);
      gint64 total = 0;

      if (partidas->len == 0)
        {
          keep (book, worksheet_write_number (sheet, foot, col, 0, book->total_money));
          continue;
        }

      for (guint p = 0; p < partidas->len; p++)
        {
          const PoaConsolidatePartida *partida = g_ptr_array_index (partidas, p);

          total += col == total_col ? partida->total : partida->centavos[col - 2];
        }
      keep (book, worksheet_write_formula_num (sheet, foot, col, formula, book->total_money, total / 100.0));
    }
}

static gboolean
write_workbook (GPtrArray    *areas,
                guint         year,
                const GDate  *today,
                const char   *path,
                GError      **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  g_autoptr(PoaAtomicFile) file = NULL;
  g_autofree char *folder = NULL;
  Book book = { 0 };
  lxw_error closed;
  int saved_errno;
  guint quarter = poa_report_current_quarter (year, today);

  /* Written to the temporary beside @path, renamed into place only when whole: a failure leaves
   * @path as it was (poa-atomic-file.c). */
  if (!(file = poa_atomic_file_begin (path, 0644, error)))
    return FALSE;

  folder = g_path_get_dirname (path);
  options.tmpdir = folder;
  errno = 0;
  book.workbook = workbook_new_opt (poa_atomic_file_get_temp_path (file), &options);
  if (book.workbook == NULL)
    {
      saved_errno = errno;
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved_errno != 0 ? saved_errno : ENOMEM));
      return FALSE;
    }

  create_formats (&book);
  write_summary (&book, areas, year, quarter);
  write_avance (&book, areas, quarter, today);
  write_budget (&book, areas);

  errno = 0;
  closed = workbook_close (book.workbook);
  saved_errno = errno;
  keep (&book, closed);
  if (book.error != LXW_NO_ERROR)
    {
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, saved_errno != 0 ? g_strerror (saved_errno) : lxw_strerror (book.error));
      return FALSE;
    }

  return poa_atomic_file_commit (file, error);
}

/**
 * poa_consolidate_write_xlsx:
 * @areas: (element-type PoaConsolidateArea): as poa_consolidate_read() gives them, in the order
 *   the summary sheet lists them
 * @year: their year
 * @today: the day the quarter is the current one of
 * @path: the workbook to write
 *
 * Writes the consolidated workbook: *Resumen* (one row per area, the index and the totals as
 * formulas), *Avance TQ* (each area's avance de metas for the current quarter) and
 * *Presupuesto* (the budget by partida across areas).
 *
 * Returns: whether it was written; else @error says why and @path is as it was.
 */
gboolean
poa_consolidate_write_xlsx (GPtrArray    *areas,
                            guint         year,
                            const GDate  *today,
                            const char   *path,
                            GError      **error)
{
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t previous = c_numeric != (locale_t)0 ? uselocale (c_numeric) : (locale_t)0;
  gboolean ok;

  g_return_val_if_fail (areas != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* libxlsxwriter prints numbers with printf: under a decimal comma the workbook would be
   * broken (as in poa_xlsx_export()). */
  ok = write_workbook (areas, year, today, path, error);

  if (c_numeric != (locale_t)0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }

  return ok;
}
