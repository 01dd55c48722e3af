/* poa-activities-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-activities-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activities-page.h"
#include "poa-list-columns.h"
#include "poa-plan.h"
#include "poa-ui-util.h"

/* The plan's general data over the activities table with the six columns of the document. */
struct _PoaActivitiesPage
{
  GtkWidget          parent_instance;

  PoaPlan           *plan;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkColumnView     *column_view;
};

G_DEFINE_FINAL_TYPE (PoaActivitiesPage, poa_activities_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_columns (PoaActivitiesPage *self)
{
  static const struct {
    const char *title;
    const char *property;
    int         width;
  } texts[] = {
    { N_("Activity / General project"), "name", 200 },
    { N_("Strategic axis"), "strategic-axis", 180 },
    { N_("Strategic line"), "strategic-line", 160 },
    { N_("Action line"), "action-line", 320 },
    { N_("Specific activity"), "specific-activity", 320 },
  };
  g_autoptr(GtkColumnViewColumn) number = _poa_number_column_new (_("Nº"), "number");

  gtk_column_view_append_column (self->column_view, number);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        _poa_text_column_new (_(texts[i].title), texts[i].property, texts[i].width, TRUE);

      /* The last column takes the width left, so that the table fills the window. */
      gtk_column_view_column_set_expand (column, i == G_N_ELEMENTS (texts) - 1);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
poa_activities_page_dispose (GObject *object)
{
  PoaActivitiesPage *self = (PoaActivitiesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_ACTIVITIES_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (poa_activities_page_parent_class)->dispose (object);
}

static void
poa_activities_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (object);

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
poa_activities_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      poa_activities_page_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_activities_page_class_init (PoaActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_activities_page_dispose;
  object_class->get_property = poa_activities_page_get_property;
  object_class->set_property = poa_activities_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, column_view);
}

static void
poa_activities_page_init (PoaActivitiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
}

/**
 * poa_activities_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_activities_page_get_plan (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  return self->plan;
}

void
poa_activities_page_set_plan (PoaActivitiesPage *self,
                              PoaPlan           *plan)
{
  g_return_if_fail (POA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  gtk_single_selection_set_model (self->selection,
                                  plan ? G_LIST_MODEL (poa_plan_get_activities (plan)) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
