/* poa-budget-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-budget-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-budget-line.h"
#include "poa-budget-page.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-ui-util.h"

/* The estimated budget: each partida with its code, name and amount, and the total. */
struct _PoaBudgetPage
{
  GtkWidget   parent_instance;

  PoaPlan    *plan;

  /* Template widgets */
  GtkListBox *lines_list;
  GtkLabel   *total_label;
};

G_DEFINE_FINAL_TYPE (PoaBudgetPage, poa_budget_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_total (PoaBudgetPage *self)
{
  g_autofree char *total = poa_money_format (self->plan ? poa_plan_get_budget_total (self->plan) : 0);

  gtk_label_set_label (self->total_label, total);
}

static char *
format_code (gpointer    this,
             const char *code)
{
  /* Translators: the code of a spending partida, e.g. "Partida 2111" */
  return g_strdup_printf (_("Partida %s"), code);
}

static char *
format_amount (gpointer this,
               gint64   centavos)
{
  return poa_money_format (centavos);
}

static GtkWidget *
create_line_row (gpointer item,
                 gpointer user_data)
{
  PoaBudgetPage *self = user_data;
  PoaBudgetLine *line = item;
  GtkExpression *code, *amount;
  GtkWidget *row, *amount_label;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_bind_property (line, "name", row, "title", G_BINDING_SYNC_CREATE);

  code = gtk_property_expression_new (POA_TYPE_BUDGET_LINE, NULL, "code");
  code = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &code,
                                      G_CALLBACK (format_code), NULL, NULL);
  gtk_expression_bind (code, row, "subtitle", line);

  amount_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (amount_label, "numeric");
  amount = gtk_property_expression_new (POA_TYPE_BUDGET_LINE, NULL, "centavos");
  amount = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &amount,
                                        G_CALLBACK (format_amount), NULL, NULL);
  gtk_expression_bind (amount, amount_label, "label", line);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label);

  g_signal_connect_object (line, "notify::centavos", G_CALLBACK (update_total),
                           self, G_CONNECT_SWAPPED);

  return row;
}

static void
poa_budget_page_dispose (GObject *object)
{
  PoaBudgetPage *self = (PoaBudgetPage *)object;

  poa_budget_page_set_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_BUDGET_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (poa_budget_page_parent_class)->dispose (object);
}

static void
poa_budget_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PoaBudgetPage *self = POA_BUDGET_PAGE (object);

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
poa_budget_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PoaBudgetPage *self = POA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      poa_budget_page_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_budget_page_class_init (PoaBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_budget_page_dispose;
  object_class->get_property = poa_budget_page_get_property;
  object_class->set_property = poa_budget_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaBudgetPage, lines_list);
  gtk_widget_class_bind_template_child (widget_class, PoaBudgetPage, total_label);
}

static void
poa_budget_page_init (PoaBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_total (self);
}

/**
 * poa_budget_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_budget_page_get_plan (PoaBudgetPage *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_PAGE (self), NULL);

  return self->plan;
}

void
poa_budget_page_set_plan (PoaBudgetPage *self,
                          PoaPlan       *plan)
{
  g_return_if_fail (POA_IS_BUDGET_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (poa_plan_get_budget (self->plan), self);

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    g_signal_connect_object (poa_plan_get_budget (plan), "items-changed",
                             G_CALLBACK (update_total), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->lines_list,
                           plan ? G_LIST_MODEL (poa_plan_get_budget (plan)) : NULL,
                           create_line_row, self, NULL);
  update_total (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
