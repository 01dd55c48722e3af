/* poa-gantt-accessible.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-gantt-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-check.h"
#include "poa-date.h"
#include "poa-gantt-accessible.h"

/* What the Gantt view says in words: to a screen reader, through an invisible child widget
 * per row in view (and the focused one), and in its tooltips. The view draws its rows with
 * cairo; the children only carry each row's accessible name, description and keyboard focus,
 * and are recycled as rows scroll by, as GtkListView does. A row's words are made once, and
 * again only when its activity, the cursor or the selection changes. */

/* ─── The rows' accessible stand-ins ─────────────────────────────────────────────────────── */

struct _PoaGanttRow
{
  GtkWidget parent_instance;

  guint     row;
  gboolean  described;
  guint     n_described;   /* how many times its words were made: the tests count them */
};

G_DEFINE_FINAL_TYPE (PoaGanttRow, poa_gantt_row, GTK_TYPE_WIDGET)

static void
poa_gantt_row_class_init (PoaGanttRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "ganttrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
poa_gantt_row_init (PoaGanttRow *self)
{
  /* Clicks and tooltips belong to the view, which knows the cell under the pointer. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/**
 * poa_gantt_row_get_row:
 *
 * Returns: the place of the row the child stands for.
 */
guint
poa_gantt_row_get_row (PoaGanttRow *self)
{
  g_return_val_if_fail (POA_IS_GANTT_ROW (self), 0);

  return self->row;
}

/**
 * poa_gantt_row_is_described:
 *
 * Returns: whether the child says what its row shows now.
 */
gboolean
poa_gantt_row_is_described (PoaGanttRow *self)
{
  g_return_val_if_fail (POA_IS_GANTT_ROW (self), FALSE);

  return self->described;
}

/**
 * poa_gantt_row_get_n_described:
 *
 * Returns: how many times the child's words were made, for any row: what a change cost.
 */
guint
poa_gantt_row_get_n_described (PoaGanttRow *self)
{
  g_return_val_if_fail (POA_IS_GANTT_ROW (self), 0);

  return self->n_described;
}

/* ─── Words ──────────────────────────────────────────────────────────────────────────────── */

/* The scheduled months as ranges: "January to September, November". */
static char *
describe_months (guint months)
{
  GString *text = g_string_new (NULL);
  guint last;

  for (guint m = 1; poa_months_next_run (months, &m, &last); m = last + 1)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      if (last == m)
        g_string_append (text, poa_month_name (m));
      else
        g_string_append_printf (text, _("%s to %s"), poa_month_name (m), poa_month_name (last));
    }

  if (text->len == 0)
    g_string_append (text, _("no month"));
  return g_string_free (text, FALSE);
}

static char *
describe_progress (PoaActivity *activity)
{
  double percent;

  if (!poa_activity_get_achieved_percent (activity, &percent))
    return g_strdup (_("cannot be measured"));
  return g_strdup_printf ("%.0f %%", percent);
}

static char *
describe_month (PoaActivity *activity,
                guint        month)
{
  return g_strdup_printf (poa_activity_has_month (activity, month) ? _("%s: scheduled") : _("%s: not scheduled"),
                          poa_month_name (month));
}

/**
 * poa_gantt_row_describe:
 * @activity: the row's activity
 * @cursor_month: the cursor's month when the cursor is on this row, or 0
 * @selected: whether @activity is the one selected
 * @findings: what `check` says about its schedule
 *
 * Gives the child the row's accessible name and description.
 */
void
poa_gantt_row_describe (PoaGanttRow *self,
                        PoaActivity *activity,
                        guint        cursor_month,
                        gboolean     selected,
                        GListModel  *findings)
{
  g_autofree char *label = NULL;
  g_autofree char *months = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (POA_IS_GANTT_ROW (self));
  g_return_if_fail (POA_IS_ACTIVITY (activity));

  label = g_strdup_printf ("%u. %s", poa_activity_get_number (activity), poa_activity_get_name (activity));
  months = describe_months (poa_activity_get_months (activity));
  progress = describe_progress (activity);

  /* The focused row says first the month the cursor is on: what Space would change. */
  if (cursor_month != 0)
    {
      cursor = describe_month (activity, cursor_month);
      g_string_append_printf (description, "%s. ", cursor);
    }
  g_string_append_printf (description, _("Scheduled: %s. Achieved: %s."), months, progress);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (findings, i);
      g_string_append_printf (description, " %s.", poa_finding_get_message (finding));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  self->described = TRUE;
  self->n_described++;
}

/**
 * poa_gantt_tooltip_markup:
 * @month: the month under the pointer, or 0 beside the timeline
 * @findings: what `check` says about @activity's schedule
 * @editable: whether a click changes the month
 *
 * Returns: (transfer full): the tooltip of @activity's row, as Pango markup.
 */
char *
poa_gantt_tooltip_markup (PoaActivity *activity,
                          guint        month,
                          GListModel  *findings,
                          gboolean     editable)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *start = poa_date_format_dmy (poa_activity_get_start (activity));
  g_autofree char *end = poa_date_format_dmy (poa_activity_get_end (activity));
  g_autofree char *months = describe_months (poa_activity_get_months (activity));
  g_autofree char *progress = describe_progress (activity);
  g_autofree char *dates = NULL;
  g_autofree char *scheduled = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (POA_IS_ACTIVITY (activity), NULL);

  title = g_markup_printf_escaped ("<b>%u. %s</b>", poa_activity_get_number (activity),
                                   poa_activity_get_name (activity));
  dates = g_markup_printf_escaped (_("From %s to %s"), start ? start : "—", end ? end : "—");
  scheduled = g_markup_printf_escaped (_("Scheduled: %s"), months);
  goals = g_markup_printf_escaped (_("Goals: annual %u, programmed %u, achieved %u (%s)"),
                                   poa_activity_get_goal (activity, POA_ACTIVITY_ANNUAL_GOAL),
                                   poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED),
                                   poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED),
                                   progress);
  g_string_append_printf (markup, "%s\n%s\n%s\n%s", title, dates, scheduled, goals);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *line = NULL;

      line = g_markup_printf_escaped (poa_finding_get_severity (finding) == POA_SEVERITY_ERROR
                                      ? _("Error: %s") : _("Warning: %s"),
                                      poa_finding_get_message (finding));
      g_string_append_printf (markup, "\n%s", line);
    }

  if (month != 0)
    {
      g_autofree char *cell = describe_month (activity, month);
      g_autofree char *line = NULL;

      line = editable
             ? g_markup_printf_escaped ("<i>%s — %s</i>", cell, _("click to change"))
             : g_markup_printf_escaped ("<i>%s</i>", cell);
      g_string_append_printf (markup, "\n%s", line);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* ─── The children of the rows in view ───────────────────────────────────────────────────── */

/**
 * poa_gantt_rows_find:
 * @rows: (element-type PoaGanttRow): the view's children, shown or spare
 *
 * Returns: (transfer none) (nullable): the child shown for @row.
 */
PoaGanttRow *
poa_gantt_rows_find (GPtrArray *rows,
                     guint      row)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PoaGanttRow *child = g_ptr_array_index (rows, i);

      if (gtk_widget_get_child_visible (GTK_WIDGET (child)) && child->row == row)
        return child;
    }
  return NULL;
}

/**
 * poa_gantt_rows_take:
 * @rows: (element-type PoaGanttRow): the view's children, shown or spare
 * @parent: the view
 *
 * A child for @row, not yet described: a spare one, or a new child of @parent. The caller
 * first looks for the one already shown (poa_gantt_rows_find()).
 *
 * Returns: (transfer none): the child, shown.
 */
PoaGanttRow *
poa_gantt_rows_take (GPtrArray *rows,
                     GtkWidget *parent,
                     guint      row)
{
  PoaGanttRow *child = NULL;

  for (guint i = 0; i < rows->len && child == NULL; i++)
    if (!gtk_widget_get_child_visible (g_ptr_array_index (rows, i)))
      child = g_ptr_array_index (rows, i);

  if (child == NULL)
    {
      child = g_object_new (POA_TYPE_GANTT_ROW, NULL);
      gtk_widget_set_parent (GTK_WIDGET (child), parent);
      g_ptr_array_add (rows, child);
    }

  child->row = row;
  child->described = FALSE;
  gtk_widget_set_child_visible (GTK_WIDGET (child), TRUE);
  return child;
}

/**
 * poa_gantt_rows_hide:
 * @rows: (element-type PoaGanttRow): the view's children, shown or spare
 * @first: the first row in view
 * @count: how many are in view
 * @n_rows: how many rows there are
 *
 * Makes spares of the children of rows out of view, but for the focused one, which keeps the
 * keyboard where it is while its row exists.
 */
void
poa_gantt_rows_hide (GPtrArray *rows,
                     guint      first,
                     guint      count,
                     guint      n_rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PoaGanttRow *child = g_ptr_array_index (rows, i);
      gboolean shown = child->row >= first && child->row < first + count;

      if (!(shown || (gtk_widget_has_focus (GTK_WIDGET (child)) && child->row < n_rows)))
        gtk_widget_set_child_visible (GTK_WIDGET (child), FALSE);
    }
}

/**
 * poa_gantt_rows_forget:
 * @rows: (element-type PoaGanttRow): the view's children, shown or spare
 * @activities: (nullable): the activities whose rows changed, a set; %NULL for every row
 * @list: the plan's activities, where the rows' activities are found
 *
 * Marks the children of those rows to be described again.
 */
void
poa_gantt_rows_forget (GPtrArray  *rows,
                       GHashTable *activities,
                       GListModel *list)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PoaGanttRow *child = g_ptr_array_index (rows, i);

      if (activities != NULL)
        {
          g_autoptr(GObject) activity = NULL;

          if (!gtk_widget_get_child_visible (GTK_WIDGET (child)) || !child->described)
            continue;
          activity = g_list_model_get_item (list, child->row);
          if (activity == NULL || !g_hash_table_contains (activities, activity))
            continue;
        }

      child->described = FALSE;
    }
}
