/* poa-gantt-view.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-gantt-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-gantt-accessible.h"
#include "poa-gantt-view.h"
#include "poa-justification.h"
#include "poa-plan.h"
#include "poa-ui-util.h"

/* The cronograma on screen: the core's renderer draws it, this widget scrolls it, takes clicks
 * and keys, and shows tooltips.
 *
 * A plan may have 100,000 activities, so nothing here is per activity: the heading and the
 * rows in view are drawn with gtk_snapshot_append_cairo(), and the rows in view (and the
 * focused one) each have an invisible child widget that only carries the row's accessible
 * name and keyboard focus, so that a screen reader reads the row the cursor is on (see
 * poa-gantt-accessible.c). After an edit, only the rows of the activities it changed are
 * described again, and only their findings computed again. */

/* ─── The view ───────────────────────────────────────────────────────────────────────────── */

struct _PoaGanttView
{
  GtkWidget              parent_instance;

  GListModel            *activities;
  PoaDocument           *document;
  PoaActivity           *selected;
  PoaCronogramaRenderer *renderer;
  PoaCronogramaPalette   palette;

  /* PoaGanttRow children, shown or spare. */
  GPtrArray             *rows;

  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;
  guint                  allocating : 1;
  guint                  scroll_to_cursor : 1;

  guint                  cursor_row;
  guint                  cursor_month;
  guint                  press_row;
  guint                  press_month;
};

static void poa_gantt_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PoaGanttView, poa_gantt_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, poa_gantt_view_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ACTIVITY,
  PROP_ZOOM,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static guint
n_rows (PoaGanttView *self)
{
  return self->activities != NULL ? g_list_model_get_n_items (self->activities) : 0;
}

static double
row_height (PoaGanttView *self)
{
  return poa_cronograma_renderer_get_row_height (self->renderer);
}

static double
heading_height (PoaGanttView *self)
{
  return poa_cronograma_renderer_get_heading_height (self->renderer);
}

/* The rows at least partly in view: [*first, *first + *count). */
static void
visible_rows (PoaGanttView *self,
              guint        *first,
              guint        *count)
{
  double rows_h = gtk_widget_get_height (GTK_WIDGET (self)) - heading_height (self);
  double top = gtk_adjustment_get_value (self->vadjustment);
  guint n = n_rows (self);
  guint last;

  *first = MIN ((guint)floor (top / row_height (self)), n);
  last = MIN ((guint)ceil ((top + MAX (0, rows_h)) / row_height (self)), n);
  *count = last > *first ? last - *first : 0;
}

/* The cell under a point of the widget: its row, and its month or 0 beside the timeline. */
static gboolean
cell_at (PoaGanttView *self,
         double        x,
         double        y,
         guint        *row,
         guint        *month)
{
  double heading;
  double position;

  if (self->renderer == NULL)
    return FALSE;

  heading = heading_height (self);
  if (y < heading)
    return FALSE;

  position = floor ((y - heading + gtk_adjustment_get_value (self->vadjustment)) / row_height (self));
  if (position < 0 || position >= n_rows (self))
    return FALSE;

  *row = (guint)position;
  *month = poa_cronograma_renderer_month_at (self->renderer, x);
  return TRUE;
}

/* ─── Colours ────────────────────────────────────────────────────────────────────────────── */

/* @a covered by @b at @weight, as an opaque colour: the renderer paints over any ground. */
static void
mix (PoaColor      *out,
     const GdkRGBA *a,
     const GdkRGBA *b,
     double         weight)
{
  out->red = a->red + (b->red - a->red) * weight;
  out->green = a->green + (b->green - a->green) * weight;
  out->blue = a->blue + (b->blue - a->blue) * weight;
  out->alpha = 1;
}

static void
from_rgba (PoaColor      *out,
           const GdkRGBA *rgba)
{
  out->red = rgba->red;
  out->green = rgba->green;
  out->blue = rgba->blue;
  out->alpha = rgba->alpha;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkStyleContext *style,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (style, name, color))
    gdk_rgba_parse (color, fallback);
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* The palette from libadwaita's named colours, which follow the light, dark and high
 * contrast styles; the bar is the accent colour faded into the ground, and stronger in high
 * contrast. */
static void
update_palette (PoaGanttView *self)
{
  GtkStyleContext *style;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  gboolean dark = adw_style_manager_get_dark (manager);
  GdkRGBA fg, bg, accent, accent_fg, accent_text, error, warning, today;
  PoaCronogramaPalette *p = &self->palette;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (style, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (style, "view_bg_color", dark ? "#1e1e1e" : "#ffffff", &bg);
  lookup_color (style, "accent_bg_color", "#3584e4", &accent);
  lookup_color (style, "accent_fg_color", "#ffffff", &accent_fg);
  lookup_color (style, "accent_color", "#1c71d8", &accent_text);
  lookup_color (style, "error_color", "#c01c28", &error);
  lookup_color (style, "warning_color", "#9c6e03", &warning);
  lookup_color (style, dark ? "purple_2" : "purple_3", dark ? "#c061cb" : "#9141ac", &today);

  from_rgba (&p->background, &bg);
  mix (&p->foreground, &bg, &fg, 1.0);
  mix (&p->dim, &bg, &fg, contrast ? 0.85 : 0.6);
  mix (&p->heading, &bg, &fg, dark ? 0.06 : 0.04);
  mix (&p->grid, &bg, &fg, contrast ? 0.45 : 0.13);
  mix (&p->bar, &bg, &accent, contrast ? 0.5 : (dark ? 0.4 : 0.28));
  mix (&p->achieved, &bg, &accent, 1.0);
  from_rgba (&p->achieved_text, &accent_fg);
  from_rgba (&p->today, &today);
  from_rgba (&p->error, &error);
  from_rgba (&p->warning, &warning);
  mix (&p->selection, &bg, &accent, dark ? 0.22 : 0.12);
  from_rgba (&p->focus, &accent_text);

  if (self->renderer != NULL)
    {
      poa_cronograma_renderer_set_palette (self->renderer, p);
      poa_cronograma_renderer_set_font (self->renderer,
                                        pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
    }
}

/* ─── Rows' children ─────────────────────────────────────────────────────────────────────── */

static PoaActivity *
activity_at (PoaGanttView *self,
             guint         row)
{
  return g_list_model_get_item (self->activities, row);
}

static void
describe_row (PoaGanttView *self,
              PoaGanttRow  *row)
{
  g_autoptr(PoaActivity) activity = activity_at (self, poa_gantt_row_get_row (row));
  g_autoptr(GListModel) findings = NULL;

  if (activity == NULL)
    return;

  findings = poa_cronograma_renderer_get_findings (self->renderer, activity);
  poa_gantt_row_describe (row, activity,
                          poa_gantt_row_get_row (row) == self->cursor_row ? self->cursor_month : 0,
                          activity == self->selected, findings);
}

/* The child standing for @row, taken from the spares or made. */
static PoaGanttRow *
ensure_row (PoaGanttView *self,
            guint         row)
{
  PoaGanttRow *child = poa_gantt_rows_find (self->rows, row);

  if (child != NULL)
    return child;

  child = poa_gantt_rows_take (self->rows, GTK_WIDGET (self), row);
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  return child;
}

static void
invalidate_descriptions (PoaGanttView *self)
{
  poa_gantt_rows_forget (self->rows, NULL, NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Gives a child to every row in view, keeps the focused one's even when scrolled away, and
 * places them over their rows. */
static void
allocate_rows (PoaGanttView *self,
               int           width)
{
  double top = heading_height (self) - gtk_adjustment_get_value (self->vadjustment);
  double height = row_height (self);
  guint first, count, n = n_rows (self);

  visible_rows (self, &first, &count);
  poa_gantt_rows_hide (self->rows, first, count, n);

  for (guint row = first; row < first + count; row++)
    ensure_row (self, row);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PoaGanttRow *child = g_ptr_array_index (self->rows, i);
      GtkAllocation allocation = { 0, (int)floor (top + poa_gantt_row_get_row (child) * height), width, (int)height };

      if (!gtk_widget_get_child_visible (GTK_WIDGET (child)))
        continue;
      if (!poa_gantt_row_is_described (child))
        describe_row (self, child);
      gtk_widget_size_allocate (GTK_WIDGET (child), &allocation, -1);
    }
}

/* ─── Cursor, selection, editing ─────────────────────────────────────────────────────────── */

static gboolean
has_focus_within (PoaGanttView *self)
{
  return gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
}

static void
scroll_to_cursor (PoaGanttView *self)
{
  double row_top = self->cursor_row * row_height (self);
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page = gtk_adjustment_get_page_size (self->vadjustment);
  double x, view, content, left, right, hvalue;
  PoaTimeScale scale;

  if (row_top < value)
    gtk_adjustment_set_value (self->vadjustment, row_top);
  else if (row_top + row_height (self) > value + page)
    gtk_adjustment_set_value (self->vadjustment, row_top + row_height (self) - page);

  /* Zoomed to weeks, the cursor's month scrolls into view too. */
  poa_cronograma_renderer_get_timeline (self->renderer, &x, &view, &content);
  scale = (PoaTimeScale) { poa_plan_get_year (poa_document_get_plan (self->document)), 0, content };
  left = poa_time_scale_x_for_month (&scale, self->cursor_month);
  right = poa_time_scale_x_for_month (&scale, self->cursor_month + 1);
  hvalue = gtk_adjustment_get_value (self->hadjustment);
  if (left < hvalue)
    gtk_adjustment_set_value (self->hadjustment, left);
  else if (right > hvalue + view)
    gtk_adjustment_set_value (self->hadjustment, right - view);
}

static void
set_selected (PoaGanttView *self,
              PoaActivity  *activity)
{
  if (!g_set_object (&self->selected, activity))
    return;

  if (self->renderer != NULL)
    poa_cronograma_renderer_set_selected (self->renderer, activity);
  invalidate_descriptions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
}

/* Puts the cursor on a cell, selects its activity and, when the keyboard is in the view,
 * moves the focus to the row's child, which the screen reader then reads. */
static void
move_cursor_to (PoaGanttView *self,
                guint         row,
                guint         month)
{
  g_autoptr(PoaActivity) activity = NULL;
  gboolean focused = has_focus_within (self);

  if (n_rows (self) == 0)
    return;

  self->cursor_row = MIN (row, n_rows (self) - 1);
  self->cursor_month = CLAMP (month, 1, 12);
  activity = activity_at (self, self->cursor_row);
  set_selected (self, activity);

  scroll_to_cursor (self);
  invalidate_descriptions (self);
  if (focused)
    gtk_widget_grab_focus (GTK_WIDGET (ensure_row (self, self->cursor_row)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_error (PoaGanttView *self,
            const char   *heading,
            const GError *error)
{
  /* In the window, a dialog over it; alone (a test), a warning. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", heading, error->message))
    g_warning ("%s: %s", heading, error->message);
}

/* Schedules or unschedules one month, through the document: saved at once, undoable. One
 * click is enough, so a toast says what it changed, with Undo: a click meant to select a row
 * must not change the schedule unseen. (No separate edit mode: scheduling is what this page is
 * for, and the toast makes every change seen and one click away from undone.) */
static void
toggle_activity_month (PoaGanttView *self,
                       PoaActivity  *activity,
                       guint         month)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint months;

  months = poa_activity_get_months (activity) ^ (1u << (month - 1));
  if (!poa_document_set_uint (self->document, activity, "months", months, &error))
    {
      show_error (self, _("The month could not be changed"), error);
      return;
    }

  if (months & (1u << (month - 1)))
    /* Translators: "November added to the schedule of activity 3" */
    message = g_strdup_printf (_("%s added to the schedule of activity %u"), poa_month_name (month),
                               poa_activity_get_number (activity));
  else
    /* Translators: "November taken off the schedule of activity 3" */
    message = g_strdup_printf (_("%s taken off the schedule of activity %u"), poa_month_name (month),
                               poa_activity_get_number (activity));
  _poa_widget_show_undo_toast (GTK_WIDGET (self), message);
}

typedef struct
{
  PoaGanttView *view;
  PoaActivity  *activity;
  guint         month;
} PendingToggle;

static void
pending_toggle_free (PendingToggle *pending)
{
  g_object_unref (pending->view);
  g_object_unref (pending->activity);
  g_free (pending);
}

static void
justified_cb (const char *justification,
              gpointer    user_data)
{
  PendingToggle *pending = user_data;

  /* Cancelled: the schedule stays as it was. */
  if (justification != NULL && pending->view->document != NULL)
    toggle_activity_month (pending->view, pending->activity, pending->month);
}

static void
toggle_month (PoaGanttView *self,
              guint         row,
              guint         month)
{
  PendingToggle *pending;

  if (self->document == NULL || row >= n_rows (self) || month < 1 || month > 12)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!poa_document_needs_justification (self->document))
    {
      g_autoptr(PoaActivity) activity = activity_at (self, row);

      toggle_activity_month (self, activity, month);
      return;
    }

  /* An approved plan's schedule changes only with a reason. */
  pending = g_new0 (PendingToggle, 1);
  pending->view = g_object_ref (self);
  pending->activity = activity_at (self, row);
  pending->month = month;
  poa_ask_justification (GTK_WIDGET (self), self->document, justified_cb, pending,
                         (GDestroyNotify)pending_toggle_free);
}

static void
move_cursor_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);
  gint64 row, month;
  int dx, dy;

  if (n_rows (self) == 0)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  row = CLAMP ((gint64)self->cursor_row + dy, 0, (gint64)n_rows (self) - 1);
  month = CLAMP ((gint64)self->cursor_month + dx, 1, 12);
  move_cursor_to (self, (guint)row, (guint)month);
}

static void
move_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);
  double page = gtk_adjustment_get_page_size (self->vadjustment);
  gint64 rows = MAX (1, (gint64)floor (page / row_height (self)) - 1);
  gint64 row;

  if (n_rows (self) == 0)
    return;

  row = (gint64)self->cursor_row + g_variant_get_int32 (parameter) * rows;
  move_cursor_to (self, (guint)CLAMP (row, 0, (gint64)n_rows (self) - 1), self->cursor_month);
}

static void
toggle_month_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);

  toggle_month (self, self->cursor_row, self->cursor_month);
}

/* ─── Signal callbacks ───────────────────────────────────────────────────────────────────── */

/* Every change to the plan goes through its document, which says after each edit, undo and
 * redo what it changed: the view describes again the rows of the activities changed, and
 * redraws. (Watching each activity instead would cost 100,000 handlers on the planning unit's
 * biggest plans.) Their findings are the document's, which it has forgotten already. Rows
 * added, taken out or moved were laid out again as the list changed (activities_changed_cb),
 * and a new plan year redoes every row (plan_year_changed_cb). */
static void
document_changed_cb (PoaGanttView *self,
                     GArray       *changes)
{
  g_autoptr(GHashTable) edited = NULL;

  if (self->activities == NULL)
    return;

  if (!poa_changes_reorder (changes))
    {
      edited = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < changes->len; i++)
        {
          const PoaChange *change = &g_array_index (changes, PoaChange, i);

          if (POA_IS_ACTIVITY (change->object))
            g_hash_table_add (edited, change->object);
        }

      if (g_hash_table_size (edited) > 0)
        {
          poa_gantt_rows_forget (self->rows, edited, self->activities);
          gtk_widget_queue_allocate (GTK_WIDGET (self));
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activities_changed_cb (GListModel   *model,
                       guint         position,
                       guint         removed,
                       guint         added,
                       PoaGanttView *self)
{
  /* The cursor stays on its activity when it is still there. */
  if (self->selected != NULL)
    {
      guint found;

      if (g_list_store_find (G_LIST_STORE (model), self->selected, &found))
        self->cursor_row = found;
      else
        set_selected (self, NULL);
    }
  self->cursor_row = MIN (self->cursor_row, MAX (1, n_rows (self)) - 1);

  invalidate_descriptions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
plan_year_changed_cb (PoaGanttView *self)
{
  invalidate_descriptions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
adjustment_value_changed_cb (GtkAdjustment *adjustment,
                             PoaGanttView  *self)
{
  if (self->allocating)
    return;

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            PoaGanttView    *self)
{
  guint row, month;

  self->press_row = G_MAXUINT;
  if (!cell_at (self, x, y, &row, &month))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->press_row = row;
  self->press_month = month;
  move_cursor_to (self, row, month != 0 ? month : self->cursor_month);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A click on a month cell, pressed and released on the same cell, toggles the month. */
static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             PoaGanttView    *self)
{
  guint row, month;

  if (cell_at (self, x, y, &row, &month) && row == self->press_row &&
      month == self->press_month && month != 0)
    toggle_month (self, row, month);
  self->press_row = G_MAXUINT;
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  PoaGanttView *self)
{
  g_autoptr(PoaActivity) activity = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autofree char *markup = NULL;
  graphene_rect_t area;
  guint row, month;

  if (keyboard)
    {
      row = self->cursor_row;
      month = self->cursor_month;
      if (row >= n_rows (self))
        return FALSE;
    }
  else if (!cell_at (self, x, y, &row, &month))
    return FALSE;

  activity = activity_at (self, row);
  findings = poa_cronograma_renderer_get_findings (self->renderer, activity);
  markup = poa_gantt_tooltip_markup (activity, month, findings, self->document != NULL);
  gtk_tooltip_set_markup (tooltip, markup);

  /* The tooltip follows the pointer from cell to cell, or from row to row beside the months. */
  if (poa_gantt_view_get_cell_area (self, row, month != 0 ? month : 1, &area))
    {
      if (month == 0)
        area = GRAPHENE_RECT_INIT (0, area.origin.y, gtk_widget_get_width (widget), area.size.height);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)area.origin.x, (int)area.origin.y,
                                                           (int)area.size.width, (int)area.size.height });
    }
  return TRUE;
}

static void
focus_changed_cb (PoaGanttView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ─── GtkWidget ──────────────────────────────────────────────────────────────────────────── */

static void
poa_gantt_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);

  if (self->renderer == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int)ceil (poa_cronograma_renderer_get_min_width (self->renderer));
      *natural = MAX (*minimum, 960);
    }
  else
    {
      /* Room for a few rows at least, even in a plan with fewer (an empty plan has none). */
      *minimum = (int)ceil (heading_height (self) + 3 * row_height (self));
      *natural = MAX (*minimum, (int)ceil (heading_height (self) + MIN (n_rows (self), 24) * row_height (self)));
    }
}

static void
poa_gantt_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);
  double x, view, content, rows_h;

  if (self->renderer == NULL)
    {
      gtk_adjustment_configure (self->vadjustment, 0, 0, 0, 0, 0, 0);
      gtk_adjustment_configure (self->hadjustment, 0, 0, 0, 0, 0, 0);
      return;
    }

  self->allocating = TRUE;

  /* Wide enough, the metas and the dates join the names, as in the official table. */
  poa_cronograma_renderer_set_columns (self->renderer,
                                       width >= 1100 ? POA_CRONOGRAMA_COLUMN_GOALS | POA_CRONOGRAMA_COLUMN_DATES :
                                       width >= 800 ? POA_CRONOGRAMA_COLUMN_DATES : POA_CRONOGRAMA_COLUMNS_NONE);
  poa_cronograma_renderer_set_width (self->renderer, width);

  rows_h = MAX (0, height - heading_height (self));
  gtk_adjustment_configure (self->vadjustment,
                            gtk_adjustment_get_value (self->vadjustment),
                            0, n_rows (self) * row_height (self),
                            row_height (self), rows_h * 0.9, rows_h);

  poa_cronograma_renderer_get_timeline (self->renderer, &x, &view, &content);
  gtk_adjustment_configure (self->hadjustment,
                            gtk_adjustment_get_value (self->hadjustment),
                            0, content, view / 12, view * 0.9, view);

  if (self->scroll_to_cursor)
    {
      self->scroll_to_cursor = FALSE;
      scroll_to_cursor (self);
    }
  poa_cronograma_renderer_set_scroll_x (self->renderer, gtk_adjustment_get_value (self->hadjustment));

  allocate_rows (self, width);
  self->allocating = FALSE;
}

static void
append_rgba (GtkSnapshot    *snapshot,
             const PoaColor *color,
             double          width,
             double          height)
{
  GdkRGBA rgba = { color->red, color->green, color->blue, color->alpha };

  gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Draws only what is in view: the heading and the rows under it. */
static void
poa_gantt_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double heading, offset;
  guint first, count;
  cairo_t *cr;

  append_rgba (snapshot, &self->palette.background, width, height);
  if (self->renderer == NULL)
    return;

  heading = heading_height (self);
  visible_rows (self, &first, &count);
  offset = first * row_height (self) - gtk_adjustment_get_value (self->vadjustment);
  poa_cronograma_renderer_set_cursor (self->renderer, has_focus_within (self) ? (int)self->cursor_row : -1,
                                      self->cursor_month);

  if (count > 0 && height > heading)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, heading, width, height - heading));
      cairo_translate (cr, 0, heading + offset);
      poa_cronograma_renderer_draw_rows (self->renderer, cr, first, count);
      cairo_destroy (cr);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, MIN (heading, height)));
  poa_cronograma_renderer_draw_heading (self->renderer, cr);
  cairo_destroy (cr);
}

static void
poa_gantt_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (poa_gantt_view_parent_class)->css_changed (widget, change);

  update_palette (POA_GANTT_VIEW (widget));
  gtk_widget_queue_resize (widget);
}

static gboolean
poa_gantt_view_grab_focus (GtkWidget *widget)
{
  PoaGanttView *self = POA_GANTT_VIEW (widget);

  if (n_rows (self) == 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (ensure_row (self, self->cursor_row)));
}

/* Tab enters the view on the cursor's row and leaves it at once: inside, arrows move. */
static gboolean
poa_gantt_view_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  if (has_focus_within (POA_GANTT_VIEW (widget)))
    return FALSE;

  return poa_gantt_view_grab_focus (widget);
}

/* ─── GObject ────────────────────────────────────────────────────────────────────────────── */

static void
set_adjustment (PoaGanttView   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
poa_gantt_view_dispose (GObject *object)
{
  PoaGanttView *self = (PoaGanttView *)object;

  poa_gantt_view_set_document (self, NULL);
  g_clear_object (&self->selected);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (poa_gantt_view_parent_class)->dispose (object);
}

static void
poa_gantt_view_finalize (GObject *object)
{
  PoaGanttView *self = (PoaGanttView *)object;

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (poa_gantt_view_parent_class)->finalize (object);
}

static void
poa_gantt_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PoaGanttView *self = POA_GANTT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ACTIVITY:
      g_value_set_object (value, self->selected);
      break;

    case PROP_ZOOM:
      g_value_set_enum (value, poa_gantt_view_get_zoom (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_gantt_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PoaGanttView *self = POA_GANTT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      poa_gantt_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACTIVITY:
      poa_gantt_view_set_selected_activity (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      poa_gantt_view_set_zoom (self, g_value_get_enum (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint)g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint)g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
poa_gantt_view_get_border (GtkScrollable *scrollable,
                           GtkBorder     *border)
{
  PoaGanttView *self = POA_GANTT_VIEW (scrollable);

  if (self->renderer == NULL)
    return FALSE;

  /* The heading stays while the rows scroll under it. */
  border->top = (gint16)heading_height (self);
  return TRUE;
}

static void
poa_gantt_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = poa_gantt_view_get_border;
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  guint            keypad_keyval,
                  GdkModifierType  modifiers,
                  int              dx,
                  int              dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, "gantt.move-cursor", "(ii)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, modifiers, "gantt.move-cursor", "(ii)", dx, dy);
}

static void
poa_gantt_view_class_init (PoaGanttViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_gantt_view_dispose;
  object_class->finalize = poa_gantt_view_finalize;
  object_class->get_property = poa_gantt_view_get_property;
  object_class->set_property = poa_gantt_view_set_property;

  widget_class->measure = poa_gantt_view_measure;
  widget_class->size_allocate = poa_gantt_view_size_allocate;
  widget_class->snapshot = poa_gantt_view_snapshot;
  widget_class->css_changed = poa_gantt_view_css_changed;
  widget_class->grab_focus = poa_gantt_view_grab_focus;
  widget_class->focus = poa_gantt_view_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_object ("selected-activity", NULL, NULL, POA_TYPE_ACTIVITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL, POA_TYPE_CRONOGRAMA_ZOOM, POA_CRONOGRAMA_ZOOM_MONTHS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "gantt.move-cursor", "(ii)", move_cursor_activated);
  gtk_widget_class_install_action (widget_class, "gantt.move-page", "i", move_page_activated);
  gtk_widget_class_install_action (widget_class, "gantt.toggle-month", NULL, toggle_month_activated);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 0, 1);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, -12, 0);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, 12, 0);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, 0, G_MININT32 / 2);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, 0, G_MAXINT32 / 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "gantt.move-page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "gantt.move-page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "gantt.move-page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "gantt.move-page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "gantt.toggle-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "gantt.toggle-month", NULL);

  gtk_widget_class_set_css_name (widget_class, "ganttview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
poa_gantt_view_init (PoaGanttView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->rows = g_ptr_array_new ();
  self->cursor_month = 1;
  self->press_row = G_MAXUINT;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schedule"), -1);

  update_palette (self);
}

/* ─── Public API ─────────────────────────────────────────────────────────────────────────── */

GtkWidget *
poa_gantt_view_new (void)
{
  return g_object_new (POA_TYPE_GANTT_VIEW, NULL);
}

/**
 * poa_gantt_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown, whose plan is drawn and through
 *   which months are changed.
 */
PoaDocument *
poa_gantt_view_get_document (PoaGanttView *self)
{
  g_return_val_if_fail (POA_IS_GANTT_VIEW (self), NULL);

  return self->document;
}

/* The view holds the document alone: the plan drawn is always the document's, so there is no
 * moment when a plan is shown with another plan's document. The renderer marks the
 * document's findings, computed once for everyone who shows them. */
void
poa_gantt_view_set_document (PoaGanttView *self,
                             PoaDocument  *document)
{
  PoaCronogramaZoom zoom = POA_CRONOGRAMA_ZOOM_MONTHS;
  PoaPlan *plan;

  g_return_if_fail (POA_IS_GANTT_VIEW (self));
  g_return_if_fail (document == NULL || POA_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
      g_signal_handlers_disconnect_by_func (poa_document_get_plan (self->document), plan_year_changed_cb, self);
    }
  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_func (self->activities, activities_changed_cb, self);
  if (self->renderer != NULL)
    zoom = poa_cronograma_renderer_get_zoom (self->renderer);
  g_clear_object (&self->renderer);
  g_clear_object (&self->activities);
  set_selected (self, NULL);
  self->cursor_row = 0;

  g_set_object (&self->document, document);
  if (document != NULL)
    {
      plan = poa_document_get_plan (document);
      self->activities = g_object_ref (G_LIST_MODEL (poa_plan_get_activities (plan)));
      self->renderer = poa_cronograma_renderer_new (plan, gtk_widget_get_pango_context (GTK_WIDGET (self)));
      poa_cronograma_renderer_set_official (self->renderer, FALSE);
      poa_cronograma_renderer_set_zoom (self->renderer, zoom);
      poa_cronograma_renderer_set_findings (self->renderer, poa_document_get_findings (document));
      update_palette (self);

      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect (self->activities, "items-changed", G_CALLBACK (activities_changed_cb), self);
      g_signal_connect_swapped (plan, "notify::year", G_CALLBACK (plan_year_changed_cb), self);
      activities_changed_cb (self->activities, 0, 0, g_list_model_get_n_items (self->activities), self);
    }

  gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_adjustment_set_value (self->hadjustment, 0);
  invalidate_descriptions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * poa_gantt_view_get_selected_activity:
 *
 * Returns: (transfer none) (nullable): the activity of the cursor's row.
 */
PoaActivity *
poa_gantt_view_get_selected_activity (PoaGanttView *self)
{
  g_return_val_if_fail (POA_IS_GANTT_VIEW (self), NULL);

  return self->selected;
}

/**
 * poa_gantt_view_set_selected_activity:
 * @activity: (nullable): an activity of the plan, chosen elsewhere
 *
 * Selects @activity, puts the cursor on its row and scrolls to it.
 */
void
poa_gantt_view_set_selected_activity (PoaGanttView *self,
                                      PoaActivity  *activity)
{
  guint position;

  g_return_if_fail (POA_IS_GANTT_VIEW (self));
  g_return_if_fail (activity == NULL || POA_IS_ACTIVITY (activity));

  if (self->selected == activity)
    return;

  if (activity != NULL && self->activities != NULL &&
      g_list_store_find (G_LIST_STORE (self->activities), activity, &position))
    {
      self->cursor_row = position;
      self->scroll_to_cursor = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  set_selected (self, activity);
}

PoaCronogramaZoom
poa_gantt_view_get_zoom (PoaGanttView *self)
{
  g_return_val_if_fail (POA_IS_GANTT_VIEW (self), POA_CRONOGRAMA_ZOOM_MONTHS);

  return self->renderer != NULL ? poa_cronograma_renderer_get_zoom (self->renderer)
                                : POA_CRONOGRAMA_ZOOM_MONTHS;
}

/**
 * poa_gantt_view_set_zoom:
 *
 * Shows the year by months, in the width at hand, or by weeks, scrolling sideways; the
 * cursor's month stays in view.
 */
void
poa_gantt_view_set_zoom (PoaGanttView      *self,
                         PoaCronogramaZoom  zoom)
{
  g_return_if_fail (POA_IS_GANTT_VIEW (self));

  if (self->renderer == NULL || poa_gantt_view_get_zoom (self) == zoom)
    return;

  poa_cronograma_renderer_set_zoom (self->renderer, zoom);
  self->scroll_to_cursor = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * poa_gantt_view_get_cursor:
 * @row: (out) (optional): the focused cell's row
 * @month: (out) (optional): its month, 1 to 12
 */
void
poa_gantt_view_get_cursor (PoaGanttView *self,
                           guint        *row,
                           guint        *month)
{
  g_return_if_fail (POA_IS_GANTT_VIEW (self));

  if (row != NULL)
    *row = self->cursor_row;
  if (month != NULL)
    *month = self->cursor_month;
}

/**
 * poa_gantt_view_get_cell_area:
 * @area: (out caller-allocates): the cell, in the view's coordinates
 *
 * Returns: %TRUE if the row exists; the area may be scrolled out of view.
 */
gboolean
poa_gantt_view_get_cell_area (PoaGanttView    *self,
                              guint            row,
                              guint            month,
                              graphene_rect_t *area)
{
  PoaTimeScale scale;
  double x0, x1, y;

  g_return_val_if_fail (POA_IS_GANTT_VIEW (self), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->renderer == NULL || row >= n_rows (self))
    return FALSE;

  poa_cronograma_renderer_get_time_scale (self->renderer, &scale);
  x0 = poa_time_scale_x_for_month (&scale, month);
  x1 = poa_time_scale_x_for_month (&scale, month + 1);
  y = heading_height (self) + row * row_height (self) - gtk_adjustment_get_value (self->vadjustment);
  graphene_rect_init (area, x0, y, x1 - x0, row_height (self));
  return TRUE;
}

/**
 * poa_gantt_view_get_renderer:
 *
 * Returns: (transfer none) (nullable): the renderer drawing the plan.
 */
PoaCronogramaRenderer *
poa_gantt_view_get_renderer (PoaGanttView *self)
{
  g_return_val_if_fail (POA_IS_GANTT_VIEW (self), NULL);

  return self->renderer;
}
