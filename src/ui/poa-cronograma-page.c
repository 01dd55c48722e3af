/* poa-cronograma-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-cronograma-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-cronograma-page.h"
#include "poa-date.h"
#include "poa-list-columns.h"
#include "poa-plan.h"
#include "poa-ui-util.h"

/* The cronograma as the official table draws it: one row per activity, one cell per month of
 * the plan year, the scheduled months shaded. */
struct _PoaCronogramaPage
{
  GtkWidget        parent_instance;

  PoaPlan         *plan;
  GtkNoSelection  *selection;

  /* Template widgets */
  GtkColumnView   *column_view;
};

G_DEFINE_FINAL_TYPE (PoaCronogramaPage, poa_cronograma_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The cell's style classes from the activity's months: the cell of month @user_data is shaded
 * when the month is scheduled. */
static GStrv
month_css_classes (gpointer this,
                   guint    months,
                   gpointer user_data)
{
  guint month = GPOINTER_TO_UINT (user_data);
  gboolean scheduled = (months & (1u << (month - 1))) != 0;
  const char *classes[] = { "month-cell", scheduled ? "scheduled" : NULL, NULL };

  return g_strdupv ((char **)classes);
}

static char *
schedule_heading (gpointer this,
                  guint    year)
{
  return g_strdup_printf (_("Programmed schedule %u"), year);
}

static void
month_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkExpression *item, *months, *classes;

  gtk_widget_set_size_request (cell, 36, 22);
  gtk_widget_set_hexpand (cell, TRUE);

  item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  months = gtk_property_expression_new (POA_TYPE_ACTIVITY, item, "months");
  classes = gtk_cclosure_expression_new (G_TYPE_STRV, NULL, 1, &months,
                                         G_CALLBACK (month_css_classes), user_data, NULL);
  gtk_expression_bind (classes, cell, "css-classes", list_item);

  gtk_list_item_set_child (list_item, cell);
}

static void
add_columns (PoaCronogramaPage *self)
{
  g_autoptr(GtkColumnViewColumn) number = _poa_number_column_new (_("Nº"), "number");
  g_autoptr(GtkColumnViewColumn) name = _poa_text_column_new (_("Activity"), "name", 240, FALSE);
  g_autoptr(GtkColumnViewColumn) start = _poa_date_column_new (_("Start"), "start");
  g_autoptr(GtkColumnViewColumn) end = _poa_date_column_new (_("End"), "end");

  gtk_column_view_append_column (self->column_view, number);
  gtk_column_view_append_column (self->column_view, name);

  for (guint m = 1; m <= 12; m++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *abbreviation = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (month_setup_cb), GUINT_TO_POINTER (m));

      /* The heading is the month's first three letters; the full name is in the cells' rows. */
      abbreviation = g_utf8_substring (poa_month_name (m), 0, 3);
      column = gtk_column_view_column_new (abbreviation, factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }

  gtk_column_view_append_column (self->column_view, start);
  gtk_column_view_append_column (self->column_view, end);
}

static void
poa_cronograma_page_dispose (GObject *object)
{
  PoaCronogramaPage *self = (PoaCronogramaPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_CRONOGRAMA_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (poa_cronograma_page_parent_class)->dispose (object);
}

static void
poa_cronograma_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoaCronogramaPage *self = POA_CRONOGRAMA_PAGE (object);

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
poa_cronograma_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoaCronogramaPage *self = POA_CRONOGRAMA_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      poa_cronograma_page_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_cronograma_page_class_init (PoaCronogramaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_cronograma_page_dispose;
  object_class->get_property = poa_cronograma_page_get_property;
  object_class->set_property = poa_cronograma_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-cronograma-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaCronogramaPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, schedule_heading);
}

static void
poa_cronograma_page_init (PoaCronogramaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_no_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
}

/**
 * poa_cronograma_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_cronograma_page_get_plan (PoaCronogramaPage *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_PAGE (self), NULL);

  return self->plan;
}

void
poa_cronograma_page_set_plan (PoaCronogramaPage *self,
                              PoaPlan           *plan)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  gtk_no_selection_set_model (self->selection,
                              plan ? G_LIST_MODEL (poa_plan_get_activities (plan)) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
