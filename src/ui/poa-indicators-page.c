/* poa-indicators-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-indicator.h"
#include "poa-indicators-page.h"
#include "poa-plan.h"
#include "poa-ui-util.h"

/* The plan's efficiency index, Σ achieved ÷ Σ programmed × 100, and its indicators as the
 * document defines them. */
struct _PoaIndicatorsPage
{
  GtkWidget   parent_instance;

  PoaPlan    *plan;

  /* Template widgets */
  GtkLabel   *index_label;
  GtkLabel   *detail_label;
  GtkListBox *indicators_list;
};

G_DEFINE_FINAL_TYPE (PoaIndicatorsPage, poa_indicators_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_index (PoaIndicatorsPage *self)
{
  g_autofree char *index = NULL;
  g_autofree char *detail = NULL;
  guint64 programmed = 0, achieved = 0;
  double percent = 0;

  if (self->plan != NULL)
    {
      programmed = poa_plan_sum_goal (self->plan, POA_ACTIVITY_PROGRAMMED);
      achieved = poa_plan_sum_goal (self->plan, POA_ACTIVITY_ACHIEVED);
    }

  if (self->plan != NULL && poa_plan_get_efficiency_index (self->plan, &percent))
    {
      /* Translators: the efficiency index, a percentage with one decimal */
      index = g_strdup_printf (_("%.1f %%"), percent);
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%llu achieved of %llu programmed goal",
                                             "%llu achieved of %llu programmed goals",
                                             programmed),
                                (unsigned long long)achieved, (unsigned long long)programmed);
    }
  else
    {
      index = g_strdup ("—");
      detail = g_strdup (_("No goal is programmed yet, so there is no index"));
    }

  gtk_label_set_label (self->index_label, index);
  gtk_label_set_label (self->detail_label, detail);
}

static void
activity_goal_changed_cb (PoaIndicatorsPage *self)
{
  update_index (self);
}

static void
activities_changed_cb (PoaIndicatorsPage *self,
                       guint              position,
                       guint              removed,
                       guint              added,
                       GListModel        *activities)
{
  /* The index follows every activity's metas: watch the new ones. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      g_signal_connect_object (activity, "notify::programmed",
                               G_CALLBACK (activity_goal_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (activity, "notify::achieved",
                               G_CALLBACK (activity_goal_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_index (self);
}

static GtkWidget *
create_indicator_row (gpointer item,
                      gpointer user_data)
{
  PoaIndicator *indicator = item;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = g_strdup_printf ("%s\n%s",
                              poa_indicator_get_variables (indicator),
                              poa_indicator_get_formula (indicator));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), poa_indicator_get_name (indicator));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
poa_indicators_page_dispose (GObject *object)
{
  PoaIndicatorsPage *self = (PoaIndicatorsPage *)object;

  poa_indicators_page_set_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_INDICATORS_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (poa_indicators_page_parent_class)->dispose (object);
}

static void
poa_indicators_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoaIndicatorsPage *self = POA_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_indicators_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoaIndicatorsPage *self = POA_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      poa_indicators_page_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_indicators_page_class_init (PoaIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_indicators_page_dispose;
  object_class->get_property = poa_indicators_page_get_property;
  object_class->set_property = poa_indicators_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PoaIndicatorsPage, indicators_list);
}

static void
poa_indicators_page_init (PoaIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_index (self);
}

/**
 * poa_indicators_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_indicators_page_get_plan (PoaIndicatorsPage *self)
{
  g_return_val_if_fail (POA_IS_INDICATORS_PAGE (self), NULL);

  return self->plan;
}

void
poa_indicators_page_set_plan (PoaIndicatorsPage *self,
                              PoaPlan           *plan)
{
  GListModel *activities;

  g_return_if_fail (POA_IS_INDICATORS_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    {
      activities = G_LIST_MODEL (poa_plan_get_activities (self->plan));
      g_signal_handlers_disconnect_by_data (activities, self);
      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(GObject) activity = g_list_model_get_item (activities, i);
          g_signal_handlers_disconnect_by_data (activity, self);
        }
    }

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      activities = G_LIST_MODEL (poa_plan_get_activities (plan));
      g_signal_connect_object (activities, "items-changed",
                               G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);
      activities_changed_cb (self, 0, 0, g_list_model_get_n_items (activities), activities);
    }
  else
    update_index (self);

  if (self->indicators_list != NULL)
    gtk_list_box_bind_model (self->indicators_list,
                             plan ? G_LIST_MODEL (poa_plan_get_indicators (plan)) : NULL,
                             create_indicator_row, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
