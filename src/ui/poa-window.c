/* poa-window.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activities-page.h"
#include "poa-budget-page.h"
#include "poa-cronograma-page.h"
#include "poa-indicators-page.h"
#include "poa-plan.h"
#include "poa-window-backup.h"
#include "poa-window.h"

struct _PoaWindow
{
  AdwApplicationWindow  parent_instance;

  PoaPlan              *plan;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
};

G_DEFINE_FINAL_TYPE (PoaWindow, poa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The title names the plan: its área and year. */
static void
update_title (PoaWindow *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  const char *area;

  if (self->plan == NULL)
    return;

  area = poa_plan_get_area (self->plan);
  heading = g_strdup_printf (_("POA %u"), poa_plan_get_year (self->plan));
  title = area[0] != '\0' ? g_strdup_printf ("%s — %s", heading, area) : g_strdup (heading);

  adw_view_switcher_title_set_title (self->switcher_title, heading);
  adw_view_switcher_title_set_subtitle (self->switcher_title, area);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
plan_header_changed_cb (PoaWindow  *self,
                        GParamSpec *pspec,
                        PoaPlan    *plan)
{
  update_title (self);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  poa_window_show_page (POA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
poa_window_dispose (GObject *object)
{
  PoaWindow *self = (PoaWindow *)object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_WINDOW);

  G_OBJECT_CLASS (poa_window_parent_class)->dispose (object);
}

static void
poa_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PoaWindow *self = POA_WINDOW (object);

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
poa_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PoaWindow *self = POA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      poa_window_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_window_class_init (PoaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_window_dispose;
  object_class->get_property = poa_window_get_property;
  object_class->set_property = poa_window_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (POA_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (POA_TYPE_CRONOGRAMA_PAGE);
  g_type_ensure (POA_TYPE_INDICATORS_PAGE);
  g_type_ensure (POA_TYPE_BUDGET_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, stack);

  /* Alt+1 … Alt+4 go to the pages, as tabs do elsewhere in GNOME. */
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "activities");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "cronograma");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "indicators");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "budget");

  _poa_window_backup_class_init (widget_class);
}

static void
poa_window_init (PoaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PoaWindow *
poa_window_new (PoaApplication *application,
                PoaPlan        *plan)
{
  return g_object_new (POA_TYPE_WINDOW,
                       "application", application,
                       "plan", plan,
                       NULL);
}

/**
 * poa_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the window shows.
 */
PoaPlan *
poa_window_get_plan (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  return self->plan;
}

void
poa_window_set_plan (PoaWindow *self,
                     PoaPlan   *plan)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      g_signal_connect_object (plan, "notify::area", G_CALLBACK (plan_header_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::year", G_CALLBACK (plan_header_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * poa_window_show_page:
 * @name: "activities", "cronograma", "indicators" or "budget"
 */
void
poa_window_show_page (PoaWindow  *self,
                      const char *name)
{
  g_return_if_fail (POA_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}
