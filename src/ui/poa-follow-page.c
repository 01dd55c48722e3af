/* poa-follow-page.c — Seguimiento: the month-by-month capture grid (activities × months) and
 * the quarterly *avance de metas* (PbRM-08c).
 *
 * Both tables are GtkColumnViews over the plan's activity list: only the rows shown have
 * widgets, recycled by the factories, so a plan of 100,000 activities costs what its visible
 * rows cost. Each cell follows its own activity's notifications (notify::calendar and the
 * goals), not the document's "changed", so it shows whatever changed the activity: an edit
 * here, an undo, another page.
 *
 * Every entry is one edit of the document, saved at once and undoable: the month's new
 * calendar (a copy, never the activity's own, which is shared with the undo history) together
 * with the meta alcanzada that follows from it, as `poa record` does.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-follow-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-calendar.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-follow-page.h"
#include "poa-justification.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-ui-util.h"

struct _PoaFollowPage
{
  GtkWidget      parent_instance;

  PoaDocument   *document;
  PoaPlan       *plan;
  PoaActivity   *selected_activity;

  GtkWidget     *box;
  GtkStack      *stack;

  /* Capture */
  GtkToggleButton *programmed_toggle;
  GtkColumnView *grid;
  GtkLabel      *message;
  GtkLabel      *note_label;
  GtkEntry      *note_entry;
  PoaActivity   *note_activity;
  guint          note_month;
  /* The month cells bound now: what Enter and Tab look through to move. */
  GPtrArray     *cells;

  /* Report */
  GtkDropDown   *quarter_dropdown;
  GtkColumnView *report;
  GtkLabel      *totals;
  /* The report's cells bound now, for the tests. */
  GPtrArray     *report_cells;
  guint          quarter;
  guint          totals_idle;
  gboolean       totals_stale;
  guint          focus_idle;
  guint          focus_tries;
};

G_DEFINE_FINAL_TYPE (PoaFollowPage, poa_follow_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char *const month_abbreviations[] = {
  NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"), NC_("month abbreviation", "Mar"),
  NC_("month abbreviation", "Apr"), NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
  NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"), NC_("month abbreviation", "Sep"),
  NC_("month abbreviation", "Oct"), NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec"),
};

static guint
today_month (void)
{
  GDate today;

  poa_date_get_today (&today);
  return g_date_get_month (&today);
}

static void
set_message (PoaFollowPage *self,
             const char    *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void
edit_failed (PoaFollowPage *self,
             const GError  *error)
{
  _poa_widget_report_error (GTK_WIDGET (self), _("The change could not be saved"), error);
}

/* A whole number from 0 to POA_GOAL_MAX; an empty text is 0. Says why not in @reason. */
static gboolean
parse_figure (const char  *text,
              guint       *value,
              const char **reason)
{
  guint64 figure = 0;

  if (text[0] == '\0')
    {
      *value = 0;
      return TRUE;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        {
          *reason = text[0] == '-' ? _("A figure cannot be negative")
                                   : _("Only whole numbers, with no signs or decimals");
          return FALSE;
        }
      figure = figure * 10 + (guint64)(*p - '0');
      if (figure > POA_GOAL_MAX)
        {
          *reason = _("The figure is larger than POA holds");
          return FALSE;
        }
    }

  *value = (guint)figure;
  return TRUE;
}

static void refresh_all_cells (PoaFollowPage *self);

/* desk18: once an edit refused for want of a justification is over (made, or cancelled), the
 * cells show the plan's figures again. */
static void
justified_cb (gboolean done,
              gpointer user_data)
{
  refresh_all_cells (user_data);
}

/* An edit of @activity refused for want of a justification (an approved plan, a closed
 * quarter): asked why, then made. Returns whether it was that refusal. */
static gboolean
justify_and_retry (PoaFollowPage  *self,
                   PoaActivity    *activity,
                   guint           n_values,
                   const char    **names,
                   const GValue   *values,
                   const GError   *error)
{
  PoaRetry *retry = poa_retry_set_values (activity, n_values, names, values);

  poa_retry_set_finished (retry, justified_cb, g_object_ref (self), g_object_unref);
  if (!poa_justify_and_retry (GTK_WIDGET (self), self->document, error, retry))
    return FALSE;

  /* Until answered, the cells show what is saved: the focus leaving one commits nothing. */
  refresh_all_cells (self);
  return TRUE;
}

/* One month of an activity, with a new programmed or achieved figure and note, as one edit:
 * the calendar and, when the achieved figure changes, the meta alcanzada it adds up to. */
static gboolean
record_month (PoaFollowPage *self,
              PoaActivity   *activity,
              guint          month,
              guint          programmed,
              guint          achieved,
              const char    *note,
              GError       **error)
{
  const char *names[] = { "calendar", "achieved" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  PoaCalendar *old = poa_activity_get_calendar (activity);
  g_autoptr(PoaCalendar) calendar = NULL;
  guint old_achieved = poa_calendar_get_achieved (old, month);
  guint64 total = (guint64)poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED) - old_achieved + achieved;
  gboolean done;

  if (total > POA_GOAL_MAX)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The achieved goal would be larger than POA holds"));
      return FALSE;
    }

  calendar = old != NULL ? poa_calendar_copy (old) : poa_calendar_new ();
  poa_calendar_set_month (calendar, month, programmed, achieved, note);

  g_value_init (&values[0], POA_TYPE_CALENDAR);
  g_value_set_boxed (&values[0], calendar);
  g_value_init (&values[1], G_TYPE_UINT);
  g_value_set_uint (&values[1], (guint)total);
  done = poa_document_set_values (self->document, activity, total != poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED) ? 2 : 1,
                                  names, values, error);
  if (!done && justify_and_retry (self, activity,
                                  total != poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED) ? 2 : 1,
                                  names, values, *error))
    {
      g_clear_error (error);
      done = TRUE;
    }
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);

  return done;
}

static gboolean
set_calendar (PoaFollowPage *self,
              PoaActivity   *activity,
              PoaCalendar   *calendar)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, POA_TYPE_CALENDAR);
  g_value_set_boxed (&value, calendar);
  if (!poa_document_set_value (self->document, activity, "calendar", &value, &error))
    {
      const char *name = "calendar";

      if (!justify_and_retry (self, activity, 1, &name, &value, error))
        edit_failed (self, error);
      return FALSE;
    }

  return TRUE;
}

/* ─── The capture grid ─────────────────────────────────────────────────────────────────── */

/* A month's cell of the capture grid, drawn with Pango: the figure not being typed as a
 * caption, the figure being typed below it. A GtkEntry is a heavy widget (a GtkText, its input
 * method, its controllers) and GtkColumnView of GTK 4.8 keeps about 200 rows made whatever the
 * height, twelve month cells each: so the cell holds an entry only while it is being edited
 * (or asked for by the tests), its only child, placed over the figure. */
#define POA_TYPE_MONTH_CELL (poa_month_cell_get_type ())
G_DECLARE_FINAL_TYPE (PoaMonthCell, poa_month_cell, POA, MONTH_CELL, GtkWidget)

struct _PoaMonthCell
{
  GtkWidget  parent_instance;

  char      *figure;
  char      *caption;
  gboolean   outside;
  GtkWidget *entry;           /* (nullable) the only child, while editing */
};

G_DEFINE_FINAL_TYPE (PoaMonthCell, poa_month_cell, GTK_TYPE_WIDGET)

/* The entry's place, as the grid's CSS gives it: 26 px high, 9 px of padding each side. */
#define MONTH_CELL_FIGURE_HEIGHT 26
#define MONTH_CELL_PADDING 9

static PangoLayout *
month_cell_caption_layout (PoaMonthCell *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->caption);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  /* As the "caption" style class: a smaller text. */
  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);
  return layout;
}

static int
month_cell_caption_height (PoaMonthCell *self)
{
  g_autoptr(PangoLayout) layout = month_cell_caption_layout (self);
  int height;

  /* The same height whether the caption says something or not: the rows line up. */
  if (self->caption == NULL || self->caption[0] == '\0')
    pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + 1;
}

static void
poa_month_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PoaMonthCell *self = POA_MONTH_CELL (widget);
  int size;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      g_autoptr(PangoLayout) caption = month_cell_caption_layout (self);
      g_autoptr(PangoLayout) figure = gtk_widget_create_pango_layout (widget, self->figure);
      int digit = MAX (pango_font_metrics_get_approximate_digit_width (metrics),
                       pango_font_metrics_get_approximate_char_width (metrics));
      int caption_width, figure_width;

      pango_font_metrics_unref (metrics);
      pango_layout_get_pixel_size (caption, &caption_width, NULL);
      pango_layout_get_pixel_size (figure, &figure_width, NULL);
      /* As the entry of 4 characters it was. */
      size = MAX (PANGO_PIXELS_CEIL (4 * digit), MAX (caption_width, figure_width)) + 2 * MONTH_CELL_PADDING;
    }
  else
    size = month_cell_caption_height (self) + MONTH_CELL_FIGURE_HEIGHT;

  if (self->entry != NULL)
    {
      int child_minimum, child_natural;

      gtk_widget_measure (self->entry, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        child_minimum += month_cell_caption_height (self), child_natural += month_cell_caption_height (self);
      size = MAX (size, child_natural);
    }

  *minimum = *natural = size;
}

static void
poa_month_cell_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  PoaMonthCell *self = POA_MONTH_CELL (widget);
  int top;

  if (self->entry == NULL)
    return;

  top = month_cell_caption_height (self);
  gtk_widget_size_allocate (self->entry,
                            &(GtkAllocation) { 0, top, width, MAX (height - top, 0) }, -1);
}

static void
poa_month_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PoaMonthCell *self = POA_MONTH_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int top = month_cell_caption_height (self);
  GdkRGBA color, faint;
  int text_width, text_height;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  if (self->caption != NULL && self->caption[0] != '\0')
    {
      g_autoptr(PangoLayout) caption = month_cell_caption_layout (self);
      GdkRGBA dim = color;

      /* As "dim-label". */
      dim.alpha *= 0.55f;
      pango_layout_get_pixel_size (caption, &text_width, NULL);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - MONTH_CELL_PADDING - text_width, 0));
      gtk_snapshot_append_layout (snapshot, caption, &dim);
      gtk_snapshot_restore (snapshot);
    }

  if (self->entry != NULL)
    {
      gtk_widget_snapshot_child (widget, self->entry, snapshot);
      return;
    }

  /* The place where the figure is typed, as an entry shows it. */
  {
    GskRoundedRect outline;

    faint = color;
    /* A month outside the schedule is faded, figure and place alike. */
    faint.alpha *= self->outside ? 0.055f : 0.1f;
    gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, top, width, MAX (height - top, 0)), 6);
    gtk_snapshot_push_rounded_clip (snapshot, &outline);
    gtk_snapshot_append_color (snapshot, &faint, &outline.bounds);
    gtk_snapshot_pop (snapshot);
  }

  if (self->figure != NULL && self->figure[0] != '\0')
    {
      g_autoptr(PangoLayout) figure = gtk_widget_create_pango_layout (widget, self->figure);

      if (self->outside)
        color.alpha *= 0.55f;
      pango_layout_get_pixel_size (figure, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - MONTH_CELL_PADDING - text_width,
                                                              top + (height - top - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, figure, &color);
      gtk_snapshot_restore (snapshot);
    }
}

/* Focus given to the cell goes to its entry, made for it. */
static gboolean poa_month_cell_grab_focus (GtkWidget *widget);

static gboolean
poa_month_cell_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  PoaMonthCell *self = POA_MONTH_CELL (widget);

  if (self->entry != NULL && gtk_widget_get_focus_child (widget) != NULL)
    return gtk_widget_child_focus (self->entry, direction);

  return gtk_widget_grab_focus (widget);
}

static void
poa_month_cell_dispose (GObject *object)
{
  PoaMonthCell *self = POA_MONTH_CELL (object);

  g_clear_pointer (&self->entry, gtk_widget_unparent);

  G_OBJECT_CLASS (poa_month_cell_parent_class)->dispose (object);
}

static void
poa_month_cell_finalize (GObject *object)
{
  PoaMonthCell *self = POA_MONTH_CELL (object);

  g_free (self->figure);
  g_free (self->caption);

  G_OBJECT_CLASS (poa_month_cell_parent_class)->finalize (object);
}

static void
poa_month_cell_class_init (PoaMonthCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_month_cell_dispose;
  object_class->finalize = poa_month_cell_finalize;
  widget_class->measure = poa_month_cell_measure;
  widget_class->size_allocate = poa_month_cell_size_allocate;
  widget_class->snapshot = poa_month_cell_snapshot;
  widget_class->focus = poa_month_cell_focus;
  widget_class->grab_focus = poa_month_cell_grab_focus;
  gtk_widget_class_set_css_name (widget_class, "month-cell");
  /* Read as the entry it becomes: its figure is typed. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static void
poa_month_cell_init (PoaMonthCell *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "month-cell");
}

static void
poa_month_cell_set (PoaMonthCell *self,
                    const char   *figure,
                    const char   *caption,
                    gboolean      outside)
{
  gboolean resize = g_strcmp0 (self->figure, figure) != 0 || g_strcmp0 (self->caption, caption) != 0;

  if (!resize && self->outside == outside)
    return;

  g_free (self->figure);
  self->figure = g_strdup (figure);
  g_free (self->caption);
  self->caption = g_strdup (caption);
  self->outside = outside;
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  PoaFollowPage *page;
  GtkListItem   *item;        /* (unowned) */
  guint          month;
  PoaMonthCell  *view;
  GtkEntry      *entry;       /* (nullable) the view's, while editing */
  PoaActivity   *activity;    /* (nullable) while bound */
  gboolean       refreshing;
  guint          drop_idle;
} Cell;

static gboolean
editing_programmed (PoaFollowPage *self)
{
  return gtk_toggle_button_get_active (self->programmed_toggle);
}

static char *
cell_description (Cell *cell)
{
  PoaCalendar *calendar = poa_activity_get_calendar (cell->activity);

  /* TRANSLATORS: the accessible description of a cell of the capture grid: activity number,
   * month, programmed, achieved, and whether the month is one of the activity's schedule */
  return g_strdup_printf (_("Activity %u, %s: programmed %u, achieved %u%s"),
                          poa_activity_get_number (cell->activity),
                          _(month_names[cell->month - 1]),
                          poa_calendar_get_programmed (calendar, cell->month),
                          poa_calendar_get_achieved (calendar, cell->month),
                          poa_activity_has_month (cell->activity, cell->month)
                            ? "" : _(", outside the activity's months"));
}

static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       Cell       *cell)
{
  g_autofree char *description = NULL;

  if (cell->activity == NULL)
    return FALSE;

  description = cell_description (cell);
  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

static void
cell_refresh (Cell *cell)
{
  PoaFollowPage *self = cell->page;
  PoaCalendar *calendar;
  guint programmed, achieved, shown, other;
  gboolean in_schedule, holds;
  g_autofree char *text = NULL;
  g_autofree char *other_text = NULL;
  g_autofree char *description = NULL;

  if (cell->activity == NULL)
    return;

  calendar = poa_activity_get_calendar (cell->activity);
  programmed = poa_calendar_get_programmed (calendar, cell->month);
  achieved = poa_calendar_get_achieved (calendar, cell->month);
  holds = poa_calendar_month_holds_something (calendar, cell->month) || programmed > 0 || achieved > 0;
  in_schedule = poa_activity_has_month (cell->activity, cell->month);
  shown = editing_programmed (self) ? programmed : achieved;
  other = editing_programmed (self) ? achieved : programmed;

  text = holds ? g_strdup_printf ("%u", shown) : g_strdup ("");
  /* TRANSLATORS: in a month's cell of the capture grid: the figure not being typed, "P" for
   * programmed or "A" for achieved, then the figure */
  other_text = editing_programmed (self) ? g_strdup_printf (_("A %u"), other)
                                         : g_strdup_printf (_("P %u"), other);

  if (cell->entry != NULL)
    {
      cell->refreshing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (cell->entry), text);
      cell->refreshing = FALSE;
      gtk_widget_remove_css_class (GTK_WIDGET (cell->entry), "error");
      if (in_schedule)
        gtk_widget_set_opacity (GTK_WIDGET (cell->entry), 1);
      else
        gtk_widget_set_opacity (GTK_WIDGET (cell->entry), 0.55);
    }
  /* A month with nothing in it shows no zeros: the figures stand out, and a month outside
   * the schedule shows a dot. */
  poa_month_cell_set (cell->view, text, holds ? other_text : in_schedule ? "" : "·", !in_schedule);

  if (cell->month == today_month ())
    gtk_widget_add_css_class (GTK_WIDGET (cell->view), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell->view), "today");

  description = cell_description (cell);
  /* The tooltip says the same, made when asked for (query-tooltip): setting a tooltip's text
   * on every cell bound cost a third of the grid's first frame. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  if (cell->entry != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell->entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
cell_activity_changed_cb (PoaActivity *activity,
                          GParamSpec  *pspec,
                          Cell        *cell)
{
  cell_refresh (cell);
}

/* Saves what the cell holds; FALSE, with the reason said and nothing saved, when it is not a
 * figure. */
static gboolean
cell_commit (Cell *cell)
{
  PoaFollowPage *self = cell->page;
  g_autoptr(GError) error = NULL;
  PoaCalendar *calendar;
  const char *reason = NULL;
  guint value, programmed, achieved;

  if (cell->activity == NULL || self->document == NULL || cell->entry == NULL)
    return TRUE;

  if (!parse_figure (gtk_editable_get_text (GTK_EDITABLE (cell->entry)), &value, &reason))
    {
      set_message (self, reason);
      gtk_widget_add_css_class (GTK_WIDGET (cell->entry), "error");
      return FALSE;
    }

  calendar = poa_activity_get_calendar (cell->activity);
  programmed = poa_calendar_get_programmed (calendar, cell->month);
  achieved = poa_calendar_get_achieved (calendar, cell->month);
  if ((editing_programmed (self) ? programmed : achieved) == value)
    {
      cell_refresh (cell);
      return TRUE;
    }

  if (editing_programmed (self))
    programmed = value;
  else
    achieved = value;

  if (!record_month (self, cell->activity, cell->month, programmed, achieved,
                     poa_calendar_get_note (calendar, cell->month), &error))
    {
      set_message (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (cell->entry), "error");
      return FALSE;
    }

  set_message (self, NULL);
  return TRUE;
}

static Cell *
find_cell (PoaFollowPage *self,
           guint          position,
           guint          month)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (cell->activity != NULL && cell->month == month &&
          gtk_list_item_get_position (cell->item) == position)
        return cell;
    }

  return NULL;
}

/* Scrolls the grid so that @widget is wholly shown: GtkColumnView of GTK 4.8 has no
 * scroll_to. */
static void
scroll_to_widget (PoaFollowPage *self,
                  GtkWidget     *widget)
{
  GtkWidget *view = GTK_WIDGET (self->grid);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid));
  graphene_rect_t bounds;
  double header = 40;

  if (!gtk_widget_compute_bounds (widget, view, &bounds))
    return;

  if (vadjustment != NULL)
    {
      double page = gtk_adjustment_get_page_size (vadjustment);
      double value = gtk_adjustment_get_value (vadjustment);

      if (bounds.origin.y < header)
        gtk_adjustment_set_value (vadjustment, value - (header - bounds.origin.y));
      else if (bounds.origin.y + bounds.size.height > page)
        gtk_adjustment_set_value (vadjustment, value + bounds.origin.y + bounds.size.height - page);
    }
  if (hadjustment != NULL)
    {
      double page = gtk_adjustment_get_page_size (hadjustment);
      double value = gtk_adjustment_get_value (hadjustment);

      if (bounds.origin.x < 0)
        gtk_adjustment_set_value (hadjustment, value + bounds.origin.x);
      else if (bounds.origin.x + bounds.size.width > page)
        gtk_adjustment_set_value (hadjustment, value + bounds.origin.x + bounds.size.width - page);
    }
}

typedef struct
{
  PoaFollowPage *page;
  guint          position;
  guint          month;
  guint          tries;
} PendingFocus;

static gboolean
focus_cell (PoaFollowPage *self,
            guint          position,
            guint          month)
{
  Cell *cell = find_cell (self, position, month);

  if (cell == NULL)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (cell->view));
  scroll_to_widget (self, GTK_WIDGET (cell->view));
  return TRUE;
}

static gboolean
pending_focus_cb (gpointer user_data)
{
  PendingFocus *pending = user_data;

  if (focus_cell (pending->page, pending->position, pending->month) || ++pending->tries > 20)
    {
      g_object_unref (pending->page);
      g_free (pending);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Moves to the cell @rows down and @months across, across a row's end to the next row's
 * start. A row not shown yet is scrolled towards first, and focused once it has a widget. */
static void
move_focus (Cell *cell,
            int   rows,
            int   months)
{
  PoaFollowPage *self = cell->page;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan)));
  int position = (int)gtk_list_item_get_position (cell->item);
  int month = (int)cell->month + months;

  if (month > 12)
    month = 1, rows++;
  else if (month < 1)
    month = 12, rows--;
  position += rows;
  if (position < 0 || position >= (int)n)
    return;

  if (!focus_cell (self, position, month))
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid));
      PendingFocus *pending = g_new0 (PendingFocus, 1);

      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) +
                                rows * gtk_widget_get_height (GTK_WIDGET (cell->view)));
      pending->page = g_object_ref (self);
      pending->position = position;
      pending->month = month;
      g_timeout_add (10, pending_focus_cb, pending);
    }
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     Cell                  *cell)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  /* Ctrl+Z is the document's undo, not the entry's: GtkText takes it even with its own undo
   * off. What is typed and not saved yet is dropped first. */
  if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    {
      cell_refresh (cell);
      set_message (cell->page, NULL);
      gtk_widget_activate_action (GTK_WIDGET (cell->view), shift ? "win.redo" : "win.undo", NULL);
      return TRUE;
    }

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (cell_commit (cell))
        move_focus (cell, shift ? -1 : 1, 0);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (cell_commit (cell))
        move_focus (cell, keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1, 0);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (cell_commit (cell))
        move_focus (cell, 0, shift || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return TRUE;

    case GDK_KEY_Escape:
      cell_refresh (cell);
      set_message (cell->page, NULL);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Validated as typed: a bad figure is marked, and why said, at once; nothing is saved. */
static void
cell_changed_cb (GtkEditable *editable,
                 Cell        *cell)
{
  const char *reason = NULL;
  guint value;

  if (cell->refreshing)
    return;

  if (parse_figure (gtk_editable_get_text (editable), &value, &reason))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      set_message (cell->page, NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      set_message (cell->page, reason);
    }
}

static void
show_note (PoaFollowPage *self,
           PoaActivity   *activity,
           guint          month)
{
  g_autofree char *heading = NULL;

  g_set_object (&self->note_activity, activity);
  self->note_month = month;

  if (activity == NULL)
    {
      gtk_label_set_text (self->note_label, _("Note"));
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), FALSE);
      return;
    }

  /* TRANSLATORS: the heading of the note entry: activity number and month */
  heading = g_strdup_printf (_("Note of activity %u, %s"), poa_activity_get_number (activity),
                             _(month_names[month - 1]));
  gtk_label_set_text (self->note_label, heading);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         poa_calendar_get_note (poa_activity_get_calendar (activity), month));
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), TRUE);
}

static void
set_selected_activity (PoaFollowPage *self,
                       PoaActivity   *activity)
{
  if (g_set_object (&self->selected_activity, activity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     Cell                    *cell)
{
  if (cell->activity == NULL)
    return;

  show_note (cell->page, cell->activity, cell->month);
  set_selected_activity (cell->page, cell->activity);
}

/* The entry of a cell left goes once the focus is elsewhere: what is not edited is drawn. */
static gboolean
cell_drop_entry_cb (gpointer user_data)
{
  Cell *cell = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (cell->view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  cell->drop_idle = 0;
  if (cell->entry == NULL ||
      (focus != NULL && (focus == GTK_WIDGET (cell->entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (cell->entry)))))
    return G_SOURCE_REMOVE;

  cell->entry = NULL;
  g_clear_pointer (&cell->view->entry, gtk_widget_unparent);
  gtk_widget_queue_resize (GTK_WIDGET (cell->view));
  return G_SOURCE_REMOVE;
}

/* Leaving a cell saves it; a bad figure is dropped, as it was never saved. */
static void
cell_focus_leave_cb (GtkEventControllerFocus *controller,
                     Cell                    *cell)
{
  if (!cell_commit (cell))
    cell_refresh (cell);
  if (cell->drop_idle == 0)
    cell->drop_idle = g_idle_add (cell_drop_entry_cb, cell);
}

/* The cell's entry, made when it is to be edited. */
static GtkEntry *
cell_ensure_entry (Cell *cell)
{
  GtkEventController *controller;

  if (cell->entry != NULL)
    return cell->entry;

  cell->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (cell->entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (cell->entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (cell->entry), 1);
  /* Ctrl+Z is the window's: one undo of the document, not of the entry's text. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (cell->entry), FALSE);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (cell_key_pressed_cb), cell);
  gtk_widget_add_controller (GTK_WIDGET (cell->entry), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (cell_focus_enter_cb), cell);
  g_signal_connect (controller, "leave", G_CALLBACK (cell_focus_leave_cb), cell);
  gtk_widget_add_controller (GTK_WIDGET (cell->entry), controller);
  g_signal_connect (cell->entry, "changed", G_CALLBACK (cell_changed_cb), cell);

  cell->view->entry = GTK_WIDGET (cell->entry);
  gtk_widget_set_parent (GTK_WIDGET (cell->entry), GTK_WIDGET (cell->view));
  gtk_widget_queue_resize (GTK_WIDGET (cell->view));
  cell_refresh (cell);
  return cell->entry;
}

static gboolean
poa_month_cell_grab_focus (GtkWidget *widget)
{
  Cell *cell = g_object_get_data (G_OBJECT (widget), "poa-cell");

  if (cell == NULL || cell->activity == NULL)
    return GTK_WIDGET_CLASS (poa_month_cell_parent_class)->grab_focus (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (cell_ensure_entry (cell)));
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 Cell            *cell)
{
  if (cell->entry != NULL || cell->activity == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (cell->view));
}

static void
cell_free (Cell *cell)
{
  g_clear_handle_id (&cell->drop_idle, g_source_remove);
  g_free (cell);
}

static void
month_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PoaFollowPage            *self)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkGesture *gesture;

  cell->page = self;
  cell->item = item;
  cell->month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "month"));
  cell->view = g_object_new (POA_TYPE_MONTH_CELL, NULL);
  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (cell_pressed_cb), cell);
  gtk_widget_add_controller (GTK_WIDGET (cell->view), GTK_EVENT_CONTROLLER (gesture));
  gtk_widget_set_has_tooltip (GTK_WIDGET (cell->view), TRUE);
  g_signal_connect (cell->view, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), cell);

  g_object_set_data_full (G_OBJECT (cell->view), "poa-cell", cell, (GDestroyNotify)cell_free);
  gtk_list_item_set_child (item, GTK_WIDGET (cell->view));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
month_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PoaFollowPage            *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "poa-cell");

  cell->activity = g_object_ref (gtk_list_item_get_item (item));
  g_signal_connect (cell->activity, "notify::calendar", G_CALLBACK (cell_activity_changed_cb), cell);
  g_signal_connect (cell->activity, "notify::months", G_CALLBACK (cell_activity_changed_cb), cell);
  g_ptr_array_add (self->cells, cell);
  cell_refresh (cell);
}

static void
month_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PoaFollowPage            *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "poa-cell");

  g_ptr_array_remove_fast (self->cells, cell);
  g_signal_handlers_disconnect_by_data (cell->activity, cell);
  g_clear_object (&cell->activity);
  /* A row recycled for another activity keeps no entry it is not editing. */
  if (cell->entry != NULL && cell->drop_idle == 0)
    cell->drop_idle = g_idle_add (cell_drop_entry_cb, cell);
}

/* A label cell: the number, the name, and the totals of the row. */
typedef enum
{
  TEXT_NUMBER,
  TEXT_NAME,
  TEXT_ACHIEVED_TOTAL,
  TEXT_PERCENT,
} TextColumn;

static void
text_cell_refresh (GtkLabel    *label,
                   PoaActivity *activity)
{
  TextColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *text = NULL;
  double percent;

  switch (column)
    {
    case TEXT_NUMBER:
      text = g_strdup_printf ("%u", poa_activity_get_number (activity));
      break;

    case TEXT_NAME:
      text = g_strdup (poa_activity_get_name (activity));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
      break;

    case TEXT_ACHIEVED_TOTAL:
      /* TRANSLATORS: achieved of programmed, in the capture grid's total column */
      text = g_strdup_printf (_("%u of %u"), poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED),
                              poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED));
      break;

    case TEXT_PERCENT:
      text = poa_activity_get_achieved_percent (activity, &percent)
             ? g_strdup_printf ("%.1f %%", percent) : g_strdup ("—");
      break;
    }

  gtk_label_set_text (label, text);
}

static void
text_activity_changed_cb (PoaActivity *activity,
                          GParamSpec  *pspec,
                          GtkLabel    *label)
{
  text_cell_refresh (label, activity);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  TextColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "column", GUINT_TO_POINTER (column));
  if (column == TEXT_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  PoaActivity *activity = gtk_list_item_get_item (item);

  g_signal_connect_object (activity, "notify", G_CALLBACK (text_activity_changed_cb), label, 0);
  text_cell_refresh (GTK_LABEL (label), activity);
}

static void
text_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  PoaActivity *activity = gtk_list_item_get_item (item);

  if (activity != NULL)
    g_signal_handlers_disconnect_by_data (activity, label);
}

static GtkColumnViewColumn *
text_column_new (const char *title,
                 TextColumn  column,
                 gboolean    expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (text_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (text_unbind_cb), NULL);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, expand);

  return view_column;
}

static void
refresh_all_cells (PoaFollowPage *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    cell_refresh (g_ptr_array_index (self->cells, i));
}

static void
mode_toggled_cb (PoaFollowPage *self)
{
  set_message (self, NULL);
  refresh_all_cells (self);
}

static void
note_commit (PoaFollowPage *self)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *activity = self->note_activity;
  PoaCalendar *calendar;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (activity == NULL || self->document == NULL)
    return;

  calendar = poa_activity_get_calendar (activity);
  if (g_strcmp0 (poa_calendar_get_note (calendar, self->note_month), note) == 0)
    return;

  if (!record_month (self, activity, self->note_month,
                     poa_calendar_get_programmed (calendar, self->note_month),
                     poa_calendar_get_achieved (calendar, self->note_month), note, &error))
    edit_failed (self, error);
}

static void
note_leave_cb (PoaFollowPage *self)
{
  note_commit (self);
}

/* ─── Spreading the meta programada ────────────────────────────────────────────────────── */

static void
spread_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PoaFollowPage    *self)
{
  PoaActivity *activity = g_object_get_data (G_OBJECT (dialog), "activity");
  PoaCalendar *proposal = g_object_get_data (G_OBJECT (dialog), "proposal");

  if (g_strcmp0 (response, "spread") == 0 && self->document != NULL)
    set_calendar (self, activity, proposal);
}

static void
spread_clicked_cb (PoaFollowPage *self)
{
  PoaActivity *activity = self->selected_activity;
  g_autoptr(PoaCalendar) proposal = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (activity == NULL || self->document == NULL)
    return;

  proposal = poa_calendar_spread_programmed (poa_activity_get_calendar (activity),
                                             poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED),
                                             poa_activity_get_months (activity));
  if (proposal == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                  _("The activity has no months in its schedule to spread its goal over"));
      return;
    }

  heading = g_strdup_printf (_("Spread the programmed goal of activity %u?"), poa_activity_get_number (activity));
  body = g_string_new (NULL);
  g_string_append_printf (body, _("The meta programada, %u, over the schedule's months:"),
                          poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED));
  g_string_append_c (body, '\n');
  for (guint m = 1; m <= 12; m++)
    if (poa_activity_has_month (activity, m))
      g_string_append_printf (body, "\n%s: %u", _(month_names[m - 1]), poa_calendar_get_programmed (proposal, m));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "spread", _("_Spread"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "spread", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "spread");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "activity", g_object_ref (activity), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "proposal", g_steal_pointer (&proposal),
                          (GDestroyNotify)poa_calendar_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (spread_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ─── The report ───────────────────────────────────────────────────────────────────────── */

typedef enum
{
  REPORT_NUMBER,
  REPORT_NAME,
  REPORT_UNIT,
  REPORT_ANNUAL,
  REPORT_Q_PROGRAMMED,
  REPORT_Q_ACHIEVED,
  REPORT_Q_VARIANCE,
  REPORT_Q_PERCENT,
  REPORT_A_PROGRAMMED,
  REPORT_A_ACHIEVED,
  REPORT_A_VARIANCE,
  REPORT_A_PERCENT,
  REPORT_STATUS,
  REPORT_JUSTIFICATION,
  REPORT_N_COLUMNS
} ReportColumn;

/* Short, as the PbRM-08c's own headings under "Trimestre" and "Acumulado". */
static const char *const report_titles[] = {
  N_("No."), N_("Activity"), N_("Unit"), N_("Annual"),
  N_("Quarter prog."), N_("Quarter ach."), N_("Quarter var."), N_("Quarter %"),
  N_("Year prog."), N_("Year ach."), N_("Year var."), N_("Year %"),
  N_("Status"), N_("Justification"),
};

typedef struct
{
  PoaFollowPage *page;
  ReportColumn   column;
  GtkListItem   *item;        /* (unowned) */
  GtkWidget     *box;
  GtkImage      *icon;
  GtkLabel      *label;
  GtkEntry      *entry;
  PoaActivity   *activity;
  gboolean       refreshing;
  gboolean       missing;
} ReportCell;

static gboolean
quarter_ended (PoaFollowPage *self)
{
  GDate today;

  poa_date_get_today (&today);
  return poa_report_quarter_ended (poa_plan_get_year (self->plan), self->quarter, &today);
}

static char *
figure_text (gboolean calendarized,
             guint64  figure)
{
  return calendarized ? g_strdup_printf ("%" G_GUINT64_FORMAT, figure) : g_strdup ("—");
}

static char *
variance_text (gboolean calendarized,
               gint64   variance)
{
  if (!calendarized)
    return g_strdup ("—");
  return variance != 0 ? g_strdup_printf ("%+" G_GINT64_FORMAT, variance) : g_strdup ("0");
}

static char *
percent_text (gboolean calendarized,
              gboolean has_percent,
              double   percent)
{
  if (!calendarized || !has_percent)
    return g_strdup ("—");
  return percent != 0 ? g_strdup_printf ("%+.1f %%", percent) : g_strdup ("0.0 %");
}

static const char *
status_icon (PoaReportStatus status)
{
  switch (status)
    {
    case POA_REPORT_WITHIN: return "emblem-ok-symbolic";
    case POA_REPORT_BELOW: return "go-down-symbolic";
    case POA_REPORT_ABOVE: return "go-up-symbolic";
    case POA_REPORT_UNCALENDARIZED: return "action-unavailable-symbolic";
    default: return NULL;
    }
}

static void
report_cell_refresh (ReportCell *cell)
{
  PoaFollowPage *self = cell->page;
  PoaActivity *activity = cell->activity;
  PoaReportLine line;
  gboolean calendarized;
  g_autofree char *text = NULL;

  if (activity == NULL || self->plan == NULL)
    return;

  poa_report_compute_line (activity, self->quarter, poa_plan_get_tolerance_low (self->plan),
                           poa_plan_get_tolerance_high (self->plan), quarter_ended (self), &line);
  calendarized = line.status != POA_REPORT_UNCALENDARIZED;

  switch (cell->column)
    {
    case REPORT_NUMBER: text = g_strdup_printf ("%u", poa_activity_get_number (activity)); break;
    case REPORT_NAME: text = g_strdup (poa_activity_get_name (activity)); break;
    case REPORT_UNIT: text = g_strdup (poa_activity_get_text (activity, POA_ACTIVITY_UNIT)); break;
    case REPORT_ANNUAL: text = g_strdup_printf ("%u", poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED)); break;
    case REPORT_Q_PROGRAMMED: text = figure_text (calendarized, line.quarter_programmed); break;
    case REPORT_Q_ACHIEVED: text = figure_text (calendarized, line.quarter_achieved); break;
    case REPORT_Q_VARIANCE: text = variance_text (calendarized, line.quarter_variance); break;
    case REPORT_Q_PERCENT: text = percent_text (calendarized, line.has_quarter_percent, line.quarter_variance_percent); break;
    case REPORT_A_PROGRAMMED: text = figure_text (calendarized, line.accumulated_programmed); break;
    case REPORT_A_ACHIEVED: text = figure_text (calendarized, line.accumulated_achieved); break;
    case REPORT_A_VARIANCE: text = variance_text (calendarized, line.accumulated_variance); break;
    case REPORT_A_PERCENT: text = percent_text (calendarized, line.has_accumulated_percent, line.accumulated_variance_percent); break;

    case REPORT_STATUS:
      text = g_strdup (poa_report_status_label (line.status));
      gtk_image_set_from_icon_name (cell->icon, status_icon (line.status));
      gtk_widget_set_tooltip_text (cell->box, text);
      break;

    case REPORT_JUSTIFICATION:
      {
        const char *justification = poa_calendar_get_justification (poa_activity_get_calendar (activity),
                                                                    self->quarter);
        gboolean required = line.status != POA_REPORT_WITHIN && line.status != POA_REPORT_UNCALENDARIZED;
        gboolean missing = line.justification_required && (justification == NULL || justification[0] == '\0');

        cell->refreshing = TRUE;
        gtk_editable_set_text (GTK_EDITABLE (cell->entry), justification != NULL ? justification : "");
        cell->refreshing = FALSE;
        /* Missing is said by an icon and a word, not by the colour. */
        cell->missing = missing;
        gtk_entry_set_placeholder_text (cell->entry, missing ? _("Missing") : required ? _("Required") : NULL);
        gtk_widget_set_visible (GTK_WIDGET (cell->icon), missing);
        gtk_widget_set_visible (GTK_WIDGET (cell->label), FALSE);
        if (missing)
          gtk_widget_add_css_class (GTK_WIDGET (cell->entry), "warning");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (cell->entry), "warning");
        text = g_strdup_printf (_("Justification of activity %u, quarter %u%s"),
                                poa_activity_get_number (activity), self->quarter,
                                missing ? _(", required and missing") : required ? _(", required") : "");
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell->entry),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        return;
      }

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (cell->label, text);
  if (cell->column == REPORT_NAME || cell->column == REPORT_UNIT)
    gtk_widget_set_tooltip_text (GTK_WIDGET (cell->label), text);
}

static void
report_activity_changed_cb (PoaActivity *activity,
                            GParamSpec  *pspec,
                            ReportCell  *cell)
{
  report_cell_refresh (cell);
}

static void
justification_commit (ReportCell *cell)
{
  PoaFollowPage *self = cell->page;
  PoaCalendar *old;
  g_autoptr(PoaCalendar) calendar = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell->entry));

  if (cell->activity == NULL || self->document == NULL)
    return;

  old = poa_activity_get_calendar (cell->activity);
  if (g_strcmp0 (poa_calendar_get_justification (old, self->quarter), text) == 0)
    return;

  calendar = old != NULL ? poa_calendar_copy (old) : poa_calendar_new ();
  poa_calendar_set_justification (calendar, self->quarter, text);
  set_calendar (self, cell->activity, calendar);
}

static void
justification_leave_cb (GtkEventControllerFocus *controller,
                        ReportCell              *cell)
{
  justification_commit (cell);
}

static void
justification_activate_cb (GtkEntry   *entry,
                           ReportCell *cell)
{
  justification_commit (cell);
}

static void
report_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PoaFollowPage            *self)
{
  ReportCell *cell = g_new0 (ReportCell, 1);

  cell->page = self;
  cell->item = item;
  cell->column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  cell->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  cell->label = GTK_LABEL (gtk_label_new (NULL));

  if (cell->column == REPORT_STATUS || cell->column == REPORT_JUSTIFICATION)
    {
      cell->icon = GTK_IMAGE (gtk_image_new ());
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->icon));
    }
  if (cell->column == REPORT_JUSTIFICATION)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      gtk_image_set_from_icon_name (cell->icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (cell->icon), "warning");
      cell->entry = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (cell->entry), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell->entry), 8);
      gtk_editable_set_enable_undo (GTK_EDITABLE (cell->entry), FALSE);
      g_signal_connect (controller, "leave", G_CALLBACK (justification_leave_cb), cell);
      gtk_widget_add_controller (GTK_WIDGET (cell->entry), controller);
      g_signal_connect (cell->entry, "activate", G_CALLBACK (justification_activate_cb), cell);
      gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->entry));
    }
  gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->label));

  if (cell->column == REPORT_NAME || cell->column == REPORT_UNIT)
    {
      gtk_label_set_xalign (cell->label, 0);
      gtk_label_set_ellipsize (cell->label, PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (cell->label, cell->column == REPORT_NAME ? 14 : 4);
      gtk_label_set_max_width_chars (cell->label, cell->column == REPORT_NAME ? 14 : 8);
    }
  else if (cell->column != REPORT_STATUS && cell->column != REPORT_JUSTIFICATION)
    {
      gtk_label_set_xalign (cell->label, 1);
      gtk_widget_set_hexpand (GTK_WIDGET (cell->label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (cell->label), "numeric");
    }

  g_object_set_data_full (G_OBJECT (cell->box), "poa-cell", cell, g_free);
  gtk_list_item_set_child (item, cell->box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
report_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PoaFollowPage            *self)
{
  ReportCell *cell = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "poa-cell");

  cell->activity = g_object_ref (gtk_list_item_get_item (item));
  g_signal_connect (cell->activity, "notify", G_CALLBACK (report_activity_changed_cb), cell);
  g_ptr_array_add (self->report_cells, cell);
  report_cell_refresh (cell);
}

static void
report_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PoaFollowPage            *self)
{
  ReportCell *cell = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "poa-cell");

  g_ptr_array_remove_fast (self->report_cells, cell);
  g_signal_handlers_disconnect_by_data (cell->activity, cell);
  g_clear_object (&cell->activity);
}

/* The totals at the foot: the report's own sums over every activity. */
static char *
totals_text (PoaFollowPage *self)
{
  g_autoptr(PoaReport) report = NULL;
  const PoaReportLine *totals;
  g_autofree char *q_percent = NULL;
  g_autofree char *a_percent = NULL;
  char *q[3], *a[3], *text;
  GDate today;

  if (self->plan == NULL)
    return g_strdup ("");

  poa_date_get_today (&today);
  report = poa_report_new (self->plan, self->quarter, &today);
  totals = poa_report_get_totals (report);
  q_percent = percent_text (TRUE, totals->has_quarter_percent, totals->quarter_variance_percent);
  a_percent = percent_text (TRUE, totals->has_accumulated_percent, totals->accumulated_variance_percent);

  q[0] = g_strdup_printf ("%" G_GUINT64_FORMAT, totals->quarter_programmed);
  q[1] = g_strdup_printf ("%" G_GUINT64_FORMAT, totals->quarter_achieved);
  q[2] = variance_text (TRUE, totals->quarter_variance);
  a[0] = g_strdup_printf ("%" G_GUINT64_FORMAT, totals->accumulated_programmed);
  a[1] = g_strdup_printf ("%" G_GUINT64_FORMAT, totals->accumulated_achieved);
  a[2] = variance_text (TRUE, totals->accumulated_variance);

  /* TRANSLATORS: the foot of the quarterly report: the quarter's programmed, achieved,
   * variance and its percent, then the same for the year to date */
  text = g_strdup_printf (_("Totals of the quarter: programmed %s, achieved %s, variance %s (%s)\n"
                            "Year to date: programmed %s, achieved %s, variance %s (%s)"),
                          q[0], q[1], q[2], q_percent, a[0], a[1], a[2], a_percent);
  for (guint k = 0; k < 3; k++)
    {
      g_free (q[k]);
      g_free (a[k]);
    }

  return text;
}

static gboolean
update_totals_cb (gpointer user_data)
{
  PoaFollowPage *self = user_data;
  g_autofree char *text = NULL;

  self->totals_idle = 0;
  /* The report of a big plan takes a while (tens of ms at 100,000 activities): not after
   * every figure typed in the capture view, but when the report is shown. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") != 0)
    {
      self->totals_stale = TRUE;
      return G_SOURCE_REMOVE;
    }

  text = totals_text (self);
  self->totals_stale = FALSE;
  gtk_label_set_text (self->totals, text);
  return G_SOURCE_REMOVE;
}

static void
queue_totals (PoaFollowPage *self)
{
  if (self->totals_idle == 0)
    self->totals_idle = g_idle_add (update_totals_cb, self);
}

/* The totals follow every edit, undo and redo of the document, whichever activity it touched
 * (an undo may change one not shown): one handler, not one per activity. The arguments of
 * "changed" (what changed) are not needed, so the handler takes none of them. */
static void
document_changed_cb (PoaFollowPage *self)
{
  queue_totals (self);
}

static void
refresh_report (PoaFollowPage *self)
{
  /* Rebinding every shown row: a new model of the same list. */
  GtkSelectionModel *model = gtk_column_view_get_model (self->report);

  if (self->plan != NULL && model != NULL)
    {
      GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (poa_plan_get_activities (self->plan))));
      gtk_column_view_set_model (self->report, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
    }
  queue_totals (self);
}

static void
quarter_selected_cb (PoaFollowPage *self)
{
  guint quarter = gtk_drop_down_get_selected (self->quarter_dropdown) + 1;

  if (quarter < 1 || quarter > 4 || quarter == self->quarter)
    return;

  self->quarter = quarter;
  refresh_report (self);
  g_clear_handle_id (&self->totals_idle, g_source_remove);
  update_totals_cb (self);
}

/* ─── The page ─────────────────────────────────────────────────────────────────────────── */

static void
follow_plan (PoaFollowPage *self,
             PoaPlan       *plan)
{
  GtkNoSelection *grid_model = NULL;
  GtkNoSelection *report_model = NULL;
  GDate today;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (poa_plan_get_activities (self->plan), self);
  show_note (self, NULL, 0);
  set_selected_activity (self, NULL);

  if (!g_set_object (&self->plan, plan) && plan != NULL)
    return;

  if (plan != NULL)
    {
      GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

      poa_date_get_today (&today);
      self->quarter = poa_report_current_quarter (poa_plan_get_year (plan), &today);
      grid_model = gtk_no_selection_new (g_object_ref (activities));
      /* The report's rows are made when it is shown: a couple of hundred rows with an entry
       * each, which the capture's first frame need not wait for. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") == 0)
        report_model = gtk_no_selection_new (g_object_ref (activities));
      g_signal_connect_swapped (activities, "items-changed", G_CALLBACK (queue_totals), self);
    }

  gtk_column_view_set_model (self->grid, GTK_SELECTION_MODEL (grid_model));
  gtk_column_view_set_model (self->report, GTK_SELECTION_MODEL (report_model));
  g_clear_object (&grid_model);
  g_clear_object (&report_model);
  if (plan != NULL)
    gtk_drop_down_set_selected (self->quarter_dropdown, self->quarter - 1);
  queue_totals (self);
}

static GtkWidget *
build_capture (PoaFollowPage *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *modes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *achieved_toggle, *spread, *scrolled, *note_box;
  guint today = today_month ();

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_add_css_class (modes, "linked");
  achieved_toggle = gtk_toggle_button_new_with_mnemonic (_("_Achieved"));
  gtk_widget_set_tooltip_text (achieved_toggle, _("Type what each month achieved"));
  self->programmed_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Programmed")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->programmed_toggle), _("Type the goal programmed for each month"));
  gtk_toggle_button_set_group (self->programmed_toggle, GTK_TOGGLE_BUTTON (achieved_toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (achieved_toggle), TRUE);
  g_signal_connect_swapped (self->programmed_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self);
  gtk_box_append (GTK_BOX (modes), achieved_toggle);
  gtk_box_append (GTK_BOX (modes), GTK_WIDGET (self->programmed_toggle));
  gtk_box_append (GTK_BOX (bar), modes);

  /* Its label gives way on a narrow window rather than widen it. */
  spread = gtk_button_new ();
  {
    GtkWidget *spread_label = gtk_label_new_with_mnemonic (_("_Spread the Programmed Goal…"));

    gtk_label_set_ellipsize (GTK_LABEL (spread_label), PANGO_ELLIPSIZE_END);
    gtk_label_set_mnemonic_widget (GTK_LABEL (spread_label), spread);
    gtk_button_set_child (GTK_BUTTON (spread), spread_label);
  }
  gtk_widget_set_tooltip_text (spread, _("Propose the selected activity's meta programada spread over its schedule's months"));
  g_signal_connect_swapped (spread, "clicked", G_CALLBACK (spread_clicked_cb), self);
  gtk_widget_set_halign (spread, GTK_ALIGN_END);
  gtk_widget_set_hexpand (spread, TRUE);
  gtk_box_append (GTK_BOX (bar), spread);
  gtk_box_append (GTK_BOX (page), bar);

  self->grid = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "follow-grid");
  gtk_column_view_set_show_column_separators (self->grid, TRUE);
  gtk_column_view_set_show_row_separators (self->grid, TRUE);
  gtk_column_view_set_reorderable (self->grid, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Month by month capture"), -1);
  {
    g_autoptr(GtkColumnViewColumn) number = text_column_new (_("No."), TEXT_NUMBER, FALSE);
    g_autoptr(GtkColumnViewColumn) name = text_column_new (_("Activity"), TEXT_NAME, TRUE);

    gtk_column_view_append_column (self->grid, number);
    gtk_column_view_append_column (self->grid, name);
  }
  for (guint m = 1; m <= 12; m++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = NULL;

      g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (m));
      g_signal_connect (factory, "setup", G_CALLBACK (month_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (month_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (month_unbind_cb), self);
      /* Today's month is named so in its heading, and shaded below. */
      title = m == today ? g_strdup_printf ("▸ %s", g_dpgettext2 (NULL, "month abbreviation", month_abbreviations[m - 1]))
                         : g_strdup (g_dpgettext2 (NULL, "month abbreviation", month_abbreviations[m - 1]));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_append_column (self->grid, column);
    }
  {
    g_autoptr(GtkColumnViewColumn) total = text_column_new (_("Achieved"), TEXT_ACHIEVED_TOTAL, FALSE);
    g_autoptr(GtkColumnViewColumn) percent = text_column_new ("%", TEXT_PERCENT, FALSE);

    gtk_column_view_append_column (self->grid, total);
    gtk_column_view_append_column (self->grid, percent);
  }

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (page), scrolled);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->message));

  note_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (note_box, 12);
  gtk_widget_set_margin_end (note_box, 12);
  gtk_widget_set_margin_bottom (note_box, 12);
  self->note_label = GTK_LABEL (gtk_label_new (_("Note")));
  gtk_label_set_ellipsize (self->note_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->note_label, 8);
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_entry), TRUE);
  gtk_entry_set_placeholder_text (self->note_entry, _("What was done, or why not"));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->note_entry), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->note_label, NULL, -1);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (note_commit), self);
  {
    GtkEventController *controller = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (controller, "leave", G_CALLBACK (note_leave_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->note_entry), controller);
  }
  gtk_box_append (GTK_BOX (note_box), GTK_WIDGET (self->note_label));
  gtk_box_append (GTK_BOX (note_box), GTK_WIDGET (self->note_entry));
  gtk_box_append (GTK_BOX (page), note_box);

  return page;
}

static GtkWidget *
build_report (PoaFollowPage *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *scrolled;
  const char *quarters[] = { _("First quarter (January–March)"), _("Second quarter (April–June)"),
                             _("Third quarter (July–September)"), _("Fourth quarter (October–December)"), NULL };

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  label = gtk_label_new_with_mnemonic (_("_Quarter"));
  self->quarter_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (quarters));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->quarter_dropdown));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->quarter_dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_signal_connect_swapped (self->quarter_dropdown, "notify::selected", G_CALLBACK (quarter_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->quarter_dropdown));
  gtk_box_append (GTK_BOX (page), bar);

  self->report = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->report, TRUE);
  gtk_column_view_set_show_row_separators (self->report, TRUE);
  gtk_column_view_set_reorderable (self->report, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->report), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quarterly progress of goals"), -1);
  for (guint c = 0; c < REPORT_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (report_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (report_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (report_unbind_cb), self);
      column = gtk_column_view_column_new (_(report_titles[c]), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == REPORT_JUSTIFICATION);
      gtk_column_view_append_column (self->report, column);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->report));
  gtk_box_append (GTK_BOX (page), scrolled);

  self->totals = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->totals, 0);
  gtk_label_set_wrap (self->totals, TRUE);
  gtk_label_set_selectable (self->totals, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals), "heading");
  gtk_widget_set_margin_start (GTK_WIDGET (self->totals), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->totals), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->totals), 12);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->totals));

  return page;
}

static void
poa_follow_page_dispose (GObject *object)
{
  PoaFollowPage *self = (PoaFollowPage *)object;

  g_clear_handle_id (&self->totals_idle, g_source_remove);
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (poa_plan_get_activities (self->plan), self);
  if (self->grid != NULL)
    gtk_column_view_set_model (self->grid, NULL);
  if (self->report != NULL)
    gtk_column_view_set_model (self->report, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->plan);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->selected_activity);
  g_clear_object (&self->note_activity);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->report_cells, g_ptr_array_unref);

  G_OBJECT_CLASS (poa_follow_page_parent_class)->dispose (object);
}

static void
poa_follow_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PoaFollowPage *self = POA_FOLLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ACTIVITY:
      g_value_set_object (value, self->selected_activity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_follow_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PoaFollowPage *self = POA_FOLLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (self->document != g_value_get_object (value) && self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);
      if (g_set_object (&self->document, g_value_get_object (value)))
        {
          if (self->document != NULL)
            g_signal_connect_swapped (self->document, "changed", G_CALLBACK (document_changed_cb), self);
          follow_plan (self, self->document != NULL ? poa_document_get_plan (self->document) : NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SELECTED_ACTIVITY:
      set_selected_activity (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shown, the page puts the keyboard in the grid, on the first activity's month of today: the
 * month's figures can be typed at once. Idle: the rows are made on the first layout. */
static gboolean
focus_first_cell_cb (gpointer user_data)
{
  PoaFollowPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->focus_idle = 0;
  /* Focus already in an entry of the page stays; the stack's own choice (the first button) does
   * not. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
       gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL))
    return G_SOURCE_REMOVE;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->quarter_dropdown));
  else if (!focus_cell (self, 0, today_month ()) && ++self->focus_tries < 100)
    {
      self->focus_idle = g_timeout_add (20, focus_first_cell_cb, self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_REMOVE;
}

static void
poa_follow_page_map (GtkWidget *widget)
{
  PoaFollowPage *self = POA_FOLLOW_PAGE (widget);

  GTK_WIDGET_CLASS (poa_follow_page_parent_class)->map (widget);

  self->focus_tries = 0;
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add (focus_first_cell_cb, self);
}

static void
visible_view_changed_cb (PoaFollowPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") == 0)
    {
      if (self->plan != NULL && gtk_column_view_get_model (self->report) == NULL)
        {
          GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (poa_plan_get_activities (self->plan))));

          gtk_column_view_set_model (self->report, GTK_SELECTION_MODEL (selection));
          g_object_unref (selection);
        }
      if (self->totals_stale)
        update_totals_cb (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->quarter_dropdown));
    }
  else if (!focus_cell (self, 0, today_month ()))
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

/* Ctrl+Page Down and Ctrl+Page Up go between the capture and the report, as between tabs. */
static void
switch_view_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PoaFollowPage *self = POA_FOLLOW_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

static void
poa_follow_page_class_init (PoaFollowPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_follow_page_dispose;
  object_class->get_property = poa_follow_page_get_property;
  object_class->set_property = poa_follow_page_set_property;
  widget_class->map = poa_follow_page_map;

  /* Every entry goes through the document, for undo; without one the page only shows. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The activity of the cell focused: what "Spread" acts on; shared with the window. */
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_object ("selected-activity", NULL, NULL, POA_TYPE_ACTIVITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "follow.show-view", "s", switch_view_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "poafollowpage");
}

static void
poa_follow_page_init (PoaFollowPage *self)
{
  static gsize css_loaded;
  GtkWidget *switcher;

  /* A month outside the activity's schedule is faded and dotted; today's month is shaded
   * and its heading marked "▸", so it is never told by colour alone. */
  if (g_once_init_enter (&css_loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider,
                                       ".follow-grid > listview > row > cell { padding-top: 3px; padding-bottom: 3px; }\n"
                                       ".follow-grid month-cell entry { min-height: 26px; padding-top: 0; padding-bottom: 0; }\n"
                                       ".follow-grid month-cell.today { background-color: alpha(@accent_bg_color, 0.15); }\n",
                                       -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->cells = g_ptr_array_new ();
  self->report_cells = g_ptr_array_new ();
  self->totals_stale = TRUE;
  self->quarter = 1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* In the capture phase: the grid's scrolled window takes Ctrl+Page Down for itself. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                                       gtk_named_action_new ("follow.show-view"), "s", "report"));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                                       gtk_named_action_new ("follow.show-view"), "s", "capture"));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  self->stack = GTK_STACK (gtk_stack_new ());
  /* The hidden view is not measured, so its rows are not made until it is shown. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_titled (self->stack, build_capture (self), "capture", _("Monthly Capture"));
  gtk_stack_add_titled (self->stack, build_report (self), "report", _("Progress of Goals"));
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_box_append (GTK_BOX (self->box), switcher);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_view_changed_cb),
                           self, G_CONNECT_SWAPPED);

  show_note (self, NULL, 0);
}

GtkWidget *
poa_follow_page_get_cell_entry (PoaFollowPage *self,
                                guint          position,
                                guint          month)
{
  Cell *cell;

  g_return_val_if_fail (POA_IS_FOLLOW_PAGE (self), NULL);

  cell = find_cell (self, position, month);
  return cell != NULL ? GTK_WIDGET (cell_ensure_entry (cell)) : NULL;
}

void
poa_follow_page_set_quarter (PoaFollowPage *self,
                             guint          quarter)
{
  g_return_if_fail (POA_IS_FOLLOW_PAGE (self));
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_drop_down_set_selected (self->quarter_dropdown, quarter - 1);
}

char *
poa_follow_page_get_totals_text (PoaFollowPage *self)
{
  g_return_val_if_fail (POA_IS_FOLLOW_PAGE (self), NULL);

  return totals_text (self);
}

/* For the tests: what the report's row of the activity at @position shows, its columns
 * separated by tabs (the justification's entry, then "Missing" when it is said); NULL when
 * the row is not shown. */
char *
poa_follow_page_get_report_row (PoaFollowPage *self,
                                guint          position)
{
  const char *texts[REPORT_N_COLUMNS + 1] = { NULL };
  g_autofree char *justification = NULL;

  g_return_val_if_fail (POA_IS_FOLLOW_PAGE (self), NULL);

  for (guint i = 0; i < self->report_cells->len; i++)
    {
      ReportCell *cell = g_ptr_array_index (self->report_cells, i);

      if (cell->activity == NULL || gtk_list_item_get_position (cell->item) != position)
        continue;
      if (cell->column == REPORT_JUSTIFICATION)
        {
          justification = g_strdup_printf ("%s%s%s", gtk_editable_get_text (GTK_EDITABLE (cell->entry)),
                                           cell->missing ? " " : "",
                                           cell->missing ? gtk_entry_get_placeholder_text (cell->entry) : "");
          texts[cell->column] = justification;
        }
      else
        texts[cell->column] = gtk_label_get_text (cell->label);
    }

  for (guint c = 0; c < REPORT_N_COLUMNS; c++)
    if (texts[c] == NULL)
      return NULL;

  return g_strjoinv ("\t", (char **)texts);
}

GtkWidget *
poa_follow_page_get_justification_entry (PoaFollowPage *self,
                                         guint          position)
{
  g_return_val_if_fail (POA_IS_FOLLOW_PAGE (self), NULL);

  for (guint i = 0; i < self->report_cells->len; i++)
    {
      ReportCell *cell = g_ptr_array_index (self->report_cells, i);

      if (cell->activity != NULL && cell->column == REPORT_JUSTIFICATION &&
          gtk_list_item_get_position (cell->item) == position)
        return GTK_WIDGET (cell->entry);
    }

  return NULL;
}
