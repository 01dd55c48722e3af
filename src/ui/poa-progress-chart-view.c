/* poa-progress-chart-view.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-progress-chart-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-date.h"
#include "poa-plan.h"
#include "poa-progress-chart-view.h"
#include "poa-progress-chart.h"
#include "poa-ui-util.h"

/* The Indicadores bar chart on screen: a thin widget around poa_progress_chart_draw(), which
 * the PDF calls too. It takes its text colour and font from the theme. It draws the rows of
 * @activities (the page gives the first rows of a big plan, not 100,000 bars); the page asks
 * for a redraw after every edit. */
struct _PoaProgressChartView
{
  GtkWidget   parent_instance;

  PoaPlan    *plan;
  GListModel *activities;
  GDate       date;
};

G_DEFINE_FINAL_TYPE (PoaProgressChartView, poa_progress_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
late_format_for (guint behind)
{
  /* Translators: in the chart, beside an activity behind its schedule: "falta 1",
   * "faltan 12". Keep %u. */
  return ngettext ("%u goal behind", "%u goals behind", behind);
}

static void
init_style (PoaProgressChartView  *self,
            PoaProgressChartStyle *style,
            char                 **font,
            char                 **legend_expected)
{
  GdkRGBA color;
  g_autofree char *date = poa_date_format_dmy (&self->date);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* Names, the empty track and the marks all in the text colour, at different strengths, so
   * that they read in the light and the dark style alike. */
  poa_progress_chart_style_init (style);
  style->text = (PoaColor) { color.red, color.green, color.blue, color.alpha };
  style->track = (PoaColor) { color.red, color.green, color.blue, 0.15 * color.alpha };
  style->marker = (PoaColor) { color.red, color.green, color.blue, 0.9 * color.alpha };

  *font = pango_font_description_to_string (pango_context_get_font_description (
                                              gtk_widget_get_pango_context (GTK_WIDGET (self))));
  style->font = *font;
  style->legend_achieved = _("Achieved ÷ programmed, in the colour of its state");
  /* Translators: %s is a date, 29/11/2026 */
  *legend_expected = g_strdup_printf (_("Due by %s according to the schedule"), date);
  style->legend_expected = *legend_expected;
  /* Translators: in the chart, beside an activity behind its schedule: "12 behind". Keep %u. */
  style->late_format = _("%u behind");
  style->late_format_for = late_format_for;
  /* The words of lateness in red that reads 4.5:1 on the page: Adwaita's error reds, the
   * light one on a dark page (its text is light). */
  poa_progress_chart_late_color (0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5,
                                 &style->late);
}

static void
poa_progress_chart_view_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  PoaProgressChartView *self = POA_PROGRESS_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 720;
    }
  else if (self->plan != NULL && self->activities != NULL)
    {
      PoaProgressChartStyle style;

      /* Legend texts only decide whether there is a legend: there always is on screen. */
      poa_progress_chart_style_init (&style);
      style.legend_achieved = style.legend_expected = "";
      style.late_format = "";
      /* Height for width: a narrow chart takes two lines a row. */
      *minimum = *natural = (int)ceil (poa_progress_chart_get_height (g_list_model_get_n_items (self->activities),
                                                                      for_size >= 0 ? for_size : 720,
                                                                      &style));
    }
  else
    *minimum = *natural = 0;
}

static GtkSizeRequestMode
poa_progress_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
poa_progress_chart_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  PoaProgressChartView *self = POA_PROGRESS_CHART_VIEW (widget);
  g_autofree char *font = NULL;
  g_autofree char *legend_expected = NULL;
  PoaProgressChartStyle style;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->plan == NULL || self->activities == NULL || width <= 0 || height <= 0)
    return;

  init_style (self, &style, &font, &legend_expected);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  poa_progress_chart_draw (cr, self->plan, self->activities, &self->date, width, &style);
  cairo_destroy (cr);
}

static void
rows_changed_cb (PoaProgressChartView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
poa_progress_chart_view_dispose (GObject *object)
{
  PoaProgressChartView *self = (PoaProgressChartView *)object;

  poa_progress_chart_view_set_activities (self, NULL);
  poa_progress_chart_view_set_plan (self, NULL);

  G_OBJECT_CLASS (poa_progress_chart_view_parent_class)->dispose (object);
}

static void
poa_progress_chart_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PoaProgressChartView *self = POA_PROGRESS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_progress_chart_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PoaProgressChartView *self = POA_PROGRESS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      poa_progress_chart_view_set_plan (self, g_value_get_object (value));
      break;

    case PROP_DATE:
      poa_progress_chart_view_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_progress_chart_view_class_init (PoaProgressChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_progress_chart_view_dispose;
  object_class->get_property = poa_progress_chart_view_get_property;
  object_class->set_property = poa_progress_chart_view_set_property;

  widget_class->get_request_mode = poa_progress_chart_view_get_request_mode;
  widget_class->measure = poa_progress_chart_view_measure;
  widget_class->snapshot = poa_progress_chart_view_snapshot;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "progresschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
poa_progress_chart_view_init (PoaProgressChartView *self)
{
  /* Today, or POA_TODAY's day, as the follow-up judges it: one date for the whole window. */
  poa_date_get_today (&self->date);
}

/**
 * poa_progress_chart_view_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan drawn.
 */
PoaPlan *
poa_progress_chart_view_get_plan (PoaProgressChartView *self)
{
  g_return_val_if_fail (POA_IS_PROGRESS_CHART_VIEW (self), NULL);

  return self->plan;
}

void
poa_progress_chart_view_set_plan (PoaProgressChartView *self,
                                  PoaPlan              *plan)
{
  g_return_if_fail (POA_IS_PROGRESS_CHART_VIEW (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      g_signal_connect_object (plan, "notify::semaforo-green",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::semaforo-yellow",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * poa_progress_chart_view_set_activities:
 * @activities: (nullable): the plan's activities to draw, a row each
 */
void
poa_progress_chart_view_set_activities (PoaProgressChartView *self,
                                        GListModel           *activities)
{
  g_return_if_fail (POA_IS_PROGRESS_CHART_VIEW (self));
  g_return_if_fail (activities == NULL || G_IS_LIST_MODEL (activities));

  if (self->activities == activities)
    return;

  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_data (self->activities, self);
  g_set_object (&self->activities, activities);

  if (activities != NULL)
    g_signal_connect_object (activities, "items-changed", G_CALLBACK (rows_changed_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * poa_progress_chart_view_get_date:
 *
 * Returns: the date the chart's marks stand for; today unless set.
 */
const GDate *
poa_progress_chart_view_get_date (PoaProgressChartView *self)
{
  g_return_val_if_fail (POA_IS_PROGRESS_CHART_VIEW (self), NULL);

  return &self->date;
}

void
poa_progress_chart_view_set_date (PoaProgressChartView *self,
                                  const GDate          *date)
{
  g_return_if_fail (POA_IS_PROGRESS_CHART_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (&self->date, date) == 0)
    return;

  self->date = *date;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
