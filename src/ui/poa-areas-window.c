/* poa-areas-window.c — *Todas las áreas*: every plan of a year side by side, for the planning
 * unit.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-areas-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-areas-window.h"
#include "poa-cell-text.h"
#include "poa-consolidate.h"
#include "poa-date.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-store.h"
#include "poa-ui-util.h"

/* One row per plan of the chosen year, with the figures `poa consolidate` writes
 * (poa_consolidate_read(): the summary line and what the follow-up says today), read on a
 * worker thread through a connection of its own, so that a year of a thousand plans never
 * holds the window. The rows are ranked by índice unless a column's header asks otherwise;
 * activating one (double-click, Enter) opens that plan in the main window. Below, the totals;
 * on a second page, the budget added up by partida across the areas. */

/* ---- One row: a PoaConsolidateArea as a list item ---- */

#define POA_TYPE_AREA_ROW (poa_area_row_get_type ())
G_DECLARE_FINAL_TYPE (PoaAreaRow, poa_area_row, POA, AREA_ROW, GObject)

struct _PoaAreaRow
{
  GObject             parent_instance;
  PoaConsolidateArea *area;   /* one of @areas' */
  GPtrArray          *areas;  /* (owned) the year's read, shared by its rows */
  guint               rank;   /* its place by índice, as poa_consolidate_read() ranked them */
  char               *direction_key;  /* g_utf8_collate_key()s, made once: a thousand rows */
  char               *area_key;       /* are compared some ten thousand times per sort */
};

G_DEFINE_FINAL_TYPE (PoaAreaRow, poa_area_row, G_TYPE_OBJECT)

static void
poa_area_row_finalize (GObject *object)
{
  g_clear_pointer (&POA_AREA_ROW (object)->areas, g_ptr_array_unref);
  g_free (POA_AREA_ROW (object)->direction_key);
  g_free (POA_AREA_ROW (object)->area_key);
  G_OBJECT_CLASS (poa_area_row_parent_class)->finalize (object);
}

static void
poa_area_row_class_init (PoaAreaRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = poa_area_row_finalize;
}

static void
poa_area_row_init (PoaAreaRow *self)
{
}

/* ---- The columns ---- */

typedef enum
{
  COLUMN_DIRECTION,
  COLUMN_AREA,
  COLUMN_ACTIVITIES,
  COLUMN_PROGRAMMED,
  COLUMN_ACHIEVED,
  COLUMN_INDEX,
  COLUMN_SEMAFORO,
  COLUMN_LATE,
  COLUMN_QUARTER,
  COLUMN_BUDGET,
  COLUMN_ERRORS,
  COLUMN_WARNINGS,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  gboolean    expand;
  float       xalign;
} columns[N_COLUMNS] = {
  [COLUMN_DIRECTION]  = { N_("Dirección"), TRUE, 0 },
  [COLUMN_AREA]       = { N_("Área"), TRUE, 0 },
  [COLUMN_ACTIVITIES] = { N_("Activities"), FALSE, 1 },
  [COLUMN_PROGRAMMED] = { N_("Programmed goals"), FALSE, 1 },
  [COLUMN_ACHIEVED]   = { N_("Achieved goals"), FALSE, 1 },
  [COLUMN_INDEX]      = { N_("Index"), FALSE, 1 },
  [COLUMN_SEMAFORO]   = { N_("Semáforo"), FALSE, 0 },
  [COLUMN_LATE]       = { N_("Late"), FALSE, 1 },
  [COLUMN_QUARTER]    = { N_("Quarter"), FALSE, 0 },
  [COLUMN_BUDGET]     = { N_("Budget"), FALSE, 1 },
  [COLUMN_ERRORS]     = { N_("Errors"), FALSE, 1 },
  [COLUMN_WARNINGS]   = { N_("Warnings"), FALSE, 1 },
  [COLUMN_STATUS]     = { N_("Review"), FALSE, 0 },
};

static char *
quarter_text (const PoaConsolidateArea *area)
{
  if (area->n_below == 0 && area->n_above == 0)
    /* Translators: the current quarter's avance: "T3: within the band" */
    return g_strdup_printf (_("Q%u: within the band"), area->quarter);
  if (area->n_above == 0)
    /* Translators: "T3: 2 below the band" */
    return g_strdup_printf (_("Q%u: %u below the band"), area->quarter, area->n_below);
  if (area->n_below == 0)
    return g_strdup_printf (_("Q%u: %u above the band"), area->quarter, area->n_above);
  /* Translators: "T3: 2 below, 1 above the band" */
  return g_strdup_printf (_("Q%u: %u below, %u above the band"), area->quarter, area->n_below,
                          area->n_above);
}

/* What @column's cell says of @area, as text (the semáforo's word beside its icon). */
static char *
cell_text (const PoaConsolidateArea *area,
           Column                    column)
{
  const PoaSummaryLine *line = area->line;

  switch (column)
    {
    case COLUMN_DIRECTION:
      return g_strdup (line->direction);
    case COLUMN_AREA:
      return g_strdup (*line->area != '\0' ? line->area : _("(no área)"));
    case COLUMN_ACTIVITIES:
      return poa_format_count (line->n_activities);
    case COLUMN_PROGRAMMED:
      return poa_format_count (line->programmed);
    case COLUMN_ACHIEVED:
      return poa_format_count (line->achieved);
    case COLUMN_INDEX:
      return line->has_index ? g_strdup_printf (_("%.1f %%"), line->index) : g_strdup ("—");
    case COLUMN_SEMAFORO:
      return g_strdup (poa_semaforo_label (area->semaforo));
    case COLUMN_LATE:
      return poa_format_count (area->n_late);
    case COLUMN_QUARTER:
      return quarter_text (area);
    case COLUMN_BUDGET:
      return poa_money_format (line->budget_total);
    case COLUMN_ERRORS:
      return poa_format_count (line->n_errors);
    case COLUMN_WARNINGS:
      return poa_format_count (line->n_warnings);
    case COLUMN_STATUS:
      return g_strdup (poa_review_status_label (line->status));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_numbers (double a,
                 double b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const PoaConsolidateArea *x = POA_AREA_ROW ((gpointer)a)->area;
  const PoaConsolidateArea *y = POA_AREA_ROW ((gpointer)b)->area;
  Column column = GPOINTER_TO_UINT (user_data);

  switch (column)
    {
    case COLUMN_DIRECTION:
      return gtk_ordering_from_cmpfunc (strcmp (POA_AREA_ROW ((gpointer)a)->direction_key,
                                                POA_AREA_ROW ((gpointer)b)->direction_key));
    case COLUMN_AREA:
      return gtk_ordering_from_cmpfunc (strcmp (POA_AREA_ROW ((gpointer)a)->area_key,
                                                POA_AREA_ROW ((gpointer)b)->area_key));
    case COLUMN_ACTIVITIES:
      return compare_numbers (x->line->n_activities, y->line->n_activities);
    case COLUMN_PROGRAMMED:
      return compare_numbers (x->line->programmed, y->line->programmed);
    case COLUMN_ACHIEVED:
      return compare_numbers (x->line->achieved, y->line->achieved);
    case COLUMN_INDEX:
      /* No index sorts below every index. */
      return compare_numbers (x->line->has_index ? x->line->index : -1,
                              y->line->has_index ? y->line->index : -1);
    case COLUMN_SEMAFORO:
      return compare_numbers (x->semaforo, y->semaforo);
    case COLUMN_LATE:
      return compare_numbers (x->n_late, y->n_late);
    case COLUMN_QUARTER:
      return compare_numbers (x->n_below + x->n_above, y->n_below + y->n_above);
    case COLUMN_BUDGET:
      return compare_numbers (x->line->budget_total, y->line->budget_total);
    case COLUMN_ERRORS:
      return compare_numbers (x->line->n_errors, y->line->n_errors);
    case COLUMN_WARNINGS:
      return compare_numbers (x->line->n_warnings, y->line->n_warnings);
    case COLUMN_STATUS:
      return compare_numbers (x->line->status, y->line->status);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* The ranking when no header is clicked, and among rows a column finds equal: the highest
 * índice first, as `poa consolidate` ranks them. */
static int
rank_cb (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  /* poa_consolidate_area_rank()'s order, worked out once on the worker thread. */
  return compare_numbers (POA_AREA_ROW ((gpointer)a)->rank, POA_AREA_ROW ((gpointer)b)->rank);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  /* PoaCellText rather than a label: GTK 4.8 makes some 200 rows whatever the height, and a
   * label lays its text out several times over (see poa-cell-text.c); one line each, the
   * names cut with their whole text in the tooltip. */
  GtkWidget *label = poa_cell_text_new (1, columns[column].xalign);

  if (column == COLUMN_SEMAFORO)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      /* The word says it: the icon is its shape only. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (list_item, box);
      return;
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  PoaAreaRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (row->area, column);

  if (column == COLUMN_SEMAFORO)
    {
      GtkWidget *icon = gtk_widget_get_first_child (child);

      _poa_widget_set_semaforo_class (child, row->area->semaforo);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), _poa_semaforo_icon_name (row->area->semaforo));
      child = gtk_widget_get_last_child (child);
    }

  poa_cell_text_set_text (POA_CELL_TEXT (child), text);
}

/* ---- The window ---- */

struct _PoaAreasWindow
{
  AdwWindow          parent_instance;

  PoaSession        *session;
  char              *db_path;
  GArray            *years;       /* guint, newest first */
  guint              year;
  GDate              today;

  AdwHeaderBar      *header;
  GtkDropDown       *year_dropdown;
  GtkWidget         *export_button;
  GtkStack          *stack;
  GtkColumnView     *view;
  GListStore        *rows;
  GtkSortListModel  *sorted;
  GtkLabel          *totals;
  GtkListBox        *budget_list;
  GtkLabel          *budget_totals;
  AdwStatusPage     *status_page;
  AdwToastOverlay   *toasts;

  GCancellable      *cancellable;
  GMutex             store_lock;
  PoaStore          *worker_store;  /* read on worker threads only, under @store_lock */
  GPtrArray         *areas;       /* PoaConsolidateArea, what the rows hold, for the export */
  gboolean           loading;
  gboolean           exporting;
};

G_DEFINE_FINAL_TYPE (PoaAreasWindow, poa_areas_window, ADW_TYPE_WINDOW)

/* The budget added up by partida across the areas, by code. */
static void
update_budget (PoaAreasWindow *self,
               GPtrArray      *areas)
{
  g_autoptr(GPtrArray) partidas = poa_consolidate_partidas (areas);
  g_autofree char *total_text = NULL;
  g_autofree char *totals = NULL;
  GtkWidget *child;
  gint64 total = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->budget_list))) != NULL)
    gtk_list_box_remove (self->budget_list, child);

  for (guint p = 0; p < partidas->len; p++)
    {
      const PoaConsolidatePartida *partida = g_ptr_array_index (partidas, p);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", partida->code, partida->name);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas",
                                                                partida->n_areas),
                                                   partida->n_areas);
      g_autofree char *amount = poa_money_format (partida->total);
      GtkWidget *label = gtk_label_new (amount);

      total += partida->total;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->budget_list, row);
    }

  total_text = poa_money_format (total);
  /* Translators: the foot of the budget by partida: "Total: $ 15,000.00 in 4 partidas" */
  totals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %s in %u partida",
                                         "Total: %s in %u partidas", partidas->len),
                            total_text, partidas->len);
  gtk_label_set_label (self->budget_totals, totals);
}

static void
update_totals (PoaAreasWindow *self,
               GPtrArray      *areas)
{
  guint64 activities = 0, programmed = 0, achieved = 0, late = 0, errors = 0, warnings = 0;
  gint64 budget = 0;
  g_autofree char *index = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < areas->len; i++)
    {
      const PoaConsolidateArea *area = g_ptr_array_index (areas, i);

      activities += area->line->n_activities;
      programmed += area->line->programmed;
      achieved += area->line->achieved;
      late += area->n_late;
      budget += area->line->budget_total;
      errors += area->line->n_errors;
      warnings += area->line->n_warnings;
    }

  index = programmed > 0 ? g_strdup_printf (_("%.1f %%"), (double)achieved * 100.0 / (double)programmed)
                         : g_strdup ("—");
  budget_text = poa_money_format (budget);
  {
    g_autofree char *n_activities = poa_format_count (activities);
    g_autofree char *n_programmed = poa_format_count (programmed);
    g_autofree char *n_achieved = poa_format_count (achieved);
    g_autofree char *n_late = poa_format_count (late);
    g_autofree char *n_errors = poa_format_count (errors);
    g_autofree char *n_warnings = poa_format_count (warnings);

    /* Translators: the foot of the areas' table, the sums of its columns */
    text = g_strdup_printf (_("Total of %u areas: %s activities · metas programadas %s, "
                              "alcanzadas %s · índice %s · %s late · budget %s · %s errors, "
                              "%s warnings"),
                            areas->len, n_activities, n_programmed, n_achieved, index, n_late,
                            budget_text, n_errors, n_warnings);
  }
  gtk_label_set_label (self->totals, text);
}

/* The worker: a connection of its own, the year's plans read and judged at the window's day. */
typedef struct
{
  char      *path;
  guint      year;
  GDate      today;
  GMutex    *store_lock;  /* the window's */
  PoaStore **store;       /* the window's worker connection, under @store_lock */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GPtrArray *areas;
  GError *error = NULL;

  /* One connection of the view's own, opened by its first read (opening checks the file:
   * some 100 ms for a thousand plans) and kept for the next years chosen; one read at a time. */
  g_mutex_lock (job->store_lock);
  /* A window closed, or another year chosen, meanwhile: nothing to read (and no connection
   * to open for a window whose dispose has run). */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_unlock (job->store_lock);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  if (*job->store == NULL)
    *job->store = poa_store_open (job->path, &error);
  areas = *job->store != NULL ? poa_consolidate_read (*job->store, job->year, &job->today, &error) : NULL;
  g_mutex_unlock (job->store_lock);

  if (areas == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, areas, (GDestroyNotify)g_ptr_array_unref);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PoaAreasWindow *self;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  areas = g_task_propagate_pointer (G_TASK (result), &error);
  /* Another year chosen, or the window closed, since: not what is wanted now. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = POA_AREAS_WINDOW (source);
  self->loading = FALSE;
  if (areas == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The plans could not be read"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  self->areas = g_ptr_array_ref (areas);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < areas->len; i++)
    {
      PoaAreaRow *row = g_object_new (POA_TYPE_AREA_ROW, NULL);

      row->area = g_ptr_array_index (areas, i);
      row->areas = g_ptr_array_ref (areas);
      row->rank = i;
      row->direction_key = g_utf8_collate_key (row->area->line->direction, -1);
      row->area_key = g_utf8_collate_key (row->area->line->area, -1);
      g_ptr_array_add (items, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  update_totals (self, areas);
  update_budget (self, areas);

  gtk_widget_set_sensitive (self->export_button, areas->len > 0);
  if (areas->len == 0)
    {
      adw_status_page_set_title (self->status_page, _("No Plans This Year"));
      adw_status_page_set_description (self->status_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "areas");
}

static void
load (PoaAreasWindow *self)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (self->db_path);
  job->year = self->year;
  job->today = self->today;
  job->store_lock = &self->store_lock;
  job->store = &self->worker_store;

  self->loading = TRUE;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_run_in_thread (task, read_thread);
}

static void
year_selected_cb (PoaAreasWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->year_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->years->len)
    return;

  self->year = g_array_index (self->years, guint, position);
  load (self);
}

/* Double-click or Enter on a row: that plan in the main window. */
static void
activate_cb (GtkColumnView  *view,
             guint           position,
             PoaAreasWindow *self)
{
  g_autoptr(PoaAreaRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (row == NULL || self->session == NULL)
    return;

  if (!poa_session_open_plan (self->session, row->area->line->id, &error))
    {
      _poa_widget_report_error (GTK_WIDGET (self), _("The plan could not be opened"), error);
      return;
    }

  if (parent != NULL)
    gtk_window_present (parent);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- The export: the consolidated workbook, as `poa consolidate` writes it ---- */

typedef struct
{
  GPtrArray *areas;
  guint      year;
  GDate      today;
  char      *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_ptr_array_unref (job->areas);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!poa_consolidate_write_xlsx (job->areas, job->year, &job->today, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PoaAreasWindow *self = POA_AREAS_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->exporting = FALSE;
  gtk_widget_set_sensitive (self->export_button, !self->loading && self->areas != NULL && self->areas->len > 0);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _poa_widget_report_error (GTK_WIDGET (self), _("The consolidated workbook could not be written"), error);
      return;
    }

  {
    g_autofree char *name = g_filename_display_basename (job->path);
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  }
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PoaAreasWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with = g_strconcat (path, ".xlsx", NULL);
      g_free (path);
      path = with;
    }

  poa_areas_window_export (self, path);
}

/**
 * poa_areas_window_export:
 * @path: the workbook to write
 *
 * Writes the year shown as `poa consolidate` does, on a worker thread; a toast says when it is
 * written, a dialog why not. What the export button does once a file is chosen.
 */
void
poa_areas_window_export (PoaAreasWindow *self,
                         const char     *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (POA_IS_AREAS_WINDOW (self));

  if (self->areas == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->areas = g_ptr_array_ref (self->areas);
  job->year = self->year;
  job->today = self->today;
  job->path = g_strdup (path);

  self->exporting = TRUE;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_clicked_cb (PoaAreasWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* Translators: the consolidated workbook's proposed name: "Consolidado POA 2026.xlsx" */
  g_autofree char *name = g_strdup_printf (_("Consolidado POA %u.xlsx"), self->year);

  chooser = gtk_file_chooser_native_new (_("Export All Areas"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Building ---- */

static GtkWidget *
build_table (PoaAreasWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSorter *view_sorter;
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkNoSelection *selection;

  self->rows = g_list_store_new (POA_TYPE_AREA_ROW);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("All Areas"), -1);

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkCustomSorter) column_sorter = gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (c), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[c].expand)
        gtk_column_view_column_set_fixed_width (column, 160);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (column_sorter));
      gtk_column_view_append_column (self->view, column);
    }

  /* The header the user clicked first, then the ranking by índice. */
  view_sorter = gtk_column_view_get_sorter (self->view);
  gtk_multi_sorter_append (sorter, g_object_ref (view_sorter));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (rank_cb, NULL, NULL)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), GTK_SORTER (sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
build_areas_page (PoaAreasWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), build_table (self));
  self->totals = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->totals, TRUE);
  gtk_label_set_xalign (self->totals, 0);
  gtk_label_set_selectable (self->totals, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->totals), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->totals), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->totals), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->totals), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals), "heading");
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->totals));
  return box;
}

static GtkWidget *
build_budget_page (PoaAreasWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->budget_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->budget_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->budget_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->budget_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Budget by Partida"), -1);
  self->budget_totals = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->budget_totals, 1);
  gtk_label_set_wrap (self->budget_totals, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->budget_totals), "heading");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->budget_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->budget_totals));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
poa_areas_window_dispose (GObject *object)
{
  PoaAreasWindow *self = POA_AREAS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->areas, g_ptr_array_unref);

  /* Cancelled above: a read running ends before the connection goes, one yet to run finds
   * itself cancelled and opens none. */
  g_mutex_lock (&self->store_lock);
  g_clear_object (&self->worker_store);
  g_mutex_unlock (&self->store_lock);

  G_OBJECT_CLASS (poa_areas_window_parent_class)->dispose (object);
}

static void
poa_areas_window_finalize (GObject *object)
{
  PoaAreasWindow *self = POA_AREAS_WINDOW (object);

  g_free (self->db_path);
  g_array_unref (self->years);
  g_mutex_clear (&self->store_lock);

  G_OBJECT_CLASS (poa_areas_window_parent_class)->finalize (object);
}

static void
poa_areas_window_class_init (PoaAreasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_areas_window_dispose;
  object_class->finalize = poa_areas_window_finalize;
}

static void
poa_areas_window_init (PoaAreasWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view_stack = adw_view_stack_new ();
  GtkWidget *switcher_title = adw_view_switcher_title_new ();
  GtkWidget *switcher_bar = adw_view_switcher_bar_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *loading_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *loading_label = gtk_label_new (_("Reading the plans…"));
  GtkWidget *areas_stack;
  AdwViewStackPage *page;

  self->years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_mutex_init (&self->store_lock);
  poa_date_get_today (&self->today);

  gtk_window_set_title (GTK_WINDOW (self), _("All Areas"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 640);

  /* The export at the end of the header bar; the year, at its start, once the years are
   * known (poa_areas_window_new()). */
  self->header = ADW_HEADER_BAR (header);
  self->export_button = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  gtk_widget_set_tooltip_text (self->export_button, _("Export to Excel…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export to Excel…"), -1);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);

  /* Two pages: the areas, and the budget by partida; a switcher in the title, at the bottom
   * when the window is too narrow for it. */
  self->stack = GTK_STACK (gtk_stack_new ());
  areas_stack = GTK_WIDGET (self->stack);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (loading_box), spinner);
  gtk_box_append (GTK_BOX (loading_box), loading_label);
  gtk_widget_set_valign (loading_box, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, loading_box, "loading");
  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status_page, "x-office-spreadsheet-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status_page), "status");
  gtk_stack_add_named (self->stack, build_areas_page (self), "areas");

  page = adw_view_stack_add_titled (ADW_VIEW_STACK (view_stack), areas_stack, "areas", _("Areas"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (view_stack), build_budget_page (self), "budget",
                                    _("Budget by Partida"));
  adw_view_stack_page_set_icon_name (page, "accessories-calculator-symbolic");

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher_title), ADW_VIEW_STACK (view_stack));
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher_title), _("All Areas"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher_title);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), ADW_VIEW_STACK (view_stack));
  g_object_bind_property (switcher_title, "title-visible", switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (view_stack, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), view_stack);
  gtk_box_append (GTK_BOX (content), switcher_bar);
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

/**
 * poa_areas_window_new:
 * @parent: the main window, which the window is transient for
 * @session: whose database is read, and which opens a plan activated
 *
 * Returns: (transfer full): the view of every área's plan of the year of the plan shown (or the
 *   newest year), reading them at once.
 */
PoaAreasWindow *
poa_areas_window_new (GtkWindow  *parent,
                      PoaSession *session)
{
  PoaAreasWindow *self = g_object_new (POA_TYPE_AREAS_WINDOW, NULL);
  PoaStore *store = poa_session_get_store (session);
  PoaPlan *plan = poa_session_get_plan (session);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  guint wanted = plan != NULL ? poa_plan_get_year (plan) : 0;
  guint selected = 0;

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->session = g_object_ref (session);
  self->db_path = g_strdup (poa_store_get_path (store));

  /* The years that have plans, newest first. */
  if (!(plans = poa_store_list_plans (store, &error)))
    g_warning ("Could not list the plans: %s", error->message);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      const PoaPlanSummary *summary = g_ptr_array_index (plans, i);
      gboolean known = FALSE;

      for (guint j = 0; j < self->years->len && !known; j++)
        known = g_array_index (self->years, guint, j) == summary->year;
      if (!known)
        g_array_append_val (self->years, summary->year);
    }
  for (guint i = 1; i < self->years->len; i++)
    for (guint j = i; j > 0 && g_array_index (self->years, guint, j - 1) < g_array_index (self->years, guint, j); j--)
      {
        guint swap = g_array_index (self->years, guint, j);
        g_array_index (self->years, guint, j) = g_array_index (self->years, guint, j - 1);
        g_array_index (self->years, guint, j - 1) = swap;
      }
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", g_array_index (self->years, guint, i));

      gtk_string_list_append (labels, label);
      if (g_array_index (self->years, guint, i) == wanted)
        selected = i;
    }

  /* Made with its model: a model given to a drop-down already made had its choice reset to
   * the first once shown (GTK 4.8). */
  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_dropdown), _("Year"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year"), -1);
  adw_header_bar_pack_start (self->header, GTK_WIDGET (self->year_dropdown));
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (year_selected_cb), self);
  year_selected_cb (self);
  return self;
}

/**
 * poa_areas_window_set_year:
 *
 * Shows @year's plans, if the database holds any (the year selector's choice).
 */
void
poa_areas_window_set_year (PoaAreasWindow *self,
                           guint           year)
{
  g_return_if_fail (POA_IS_AREAS_WINDOW (self));

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, guint, i) == year)
      gtk_drop_down_set_selected (self->year_dropdown, i);
}

guint
poa_areas_window_get_year (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), 0);
  return self->year;
}

gboolean
poa_areas_window_is_loading (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), FALSE);
  return self->loading;
}

/**
 * poa_areas_window_get_rows:
 *
 * Returns: (transfer none): the rows as shown, sorted.
 */
GListModel *
poa_areas_window_get_rows (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
poa_areas_window_get_view (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), NULL);
  return self->view;
}

gint64
poa_areas_window_row_plan_id (gpointer row)
{
  g_return_val_if_fail (POA_IS_AREA_ROW (row), 0);
  return POA_AREA_ROW (row)->area->line->id;
}

const char *
poa_areas_window_row_area (gpointer row)
{
  g_return_val_if_fail (POA_IS_AREA_ROW (row), NULL);
  return POA_AREA_ROW (row)->area->line->area;
}

GtkLabel *
poa_areas_window_get_totals (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), NULL);
  return self->totals;
}

GtkListBox *
poa_areas_window_get_budget (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), NULL);
  return self->budget_list;
}

gboolean
poa_areas_window_is_exporting (PoaAreasWindow *self)
{
  g_return_val_if_fail (POA_IS_AREAS_WINDOW (self), FALSE);
  return self->exporting;
}
