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
#include "poa-document.h"
#include "poa-gantt-view.h"
#include "poa-plan.h"
#include "poa-ui-util.h"

/* The cronograma page: the Gantt chart under a title and the zoom buttons. The selection is
 * the view's, shared through the page's selected-activity with the window. */
struct _PoaCronogramaPage
{
  GtkWidget        parent_instance;

  PoaDocument     *document;

  /* Template widgets */
  PoaGanttView    *gantt_view;
  GtkToggleButton *months_button;
  GtkToggleButton *weeks_button;
};

G_DEFINE_FINAL_TYPE (PoaCronogramaPage, poa_cronograma_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
schedule_heading (gpointer this,
                  guint    year)
{
  return g_strdup_printf (_("Programmed schedule %u"), year);
}

static void
zoom_toggled_cb (PoaCronogramaPage *self,
                 GtkToggleButton   *button)
{
  if (gtk_toggle_button_get_active (button))
    poa_gantt_view_set_zoom (self->gantt_view, button == self->weeks_button
                                               ? POA_CRONOGRAMA_ZOOM_WEEKS : POA_CRONOGRAMA_ZOOM_MONTHS);
}

static void
zoom_changed_cb (PoaCronogramaPage *self)
{
  gboolean weeks = poa_gantt_view_get_zoom (self->gantt_view) == POA_CRONOGRAMA_ZOOM_WEEKS;

  gtk_toggle_button_set_active (weeks ? self->weeks_button : self->months_button, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cronograma.zoom-in", !weeks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cronograma.zoom-out", weeks);
}

static void
selection_changed_cb (PoaCronogramaPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaCronogramaPage *self = POA_CRONOGRAMA_PAGE (widget);

  poa_gantt_view_set_zoom (self->gantt_view, g_str_equal (action_name, "cronograma.zoom-in")
                                             ? POA_CRONOGRAMA_ZOOM_WEEKS : POA_CRONOGRAMA_ZOOM_MONTHS);
}

static void
poa_cronograma_page_dispose (GObject *object)
{
  PoaCronogramaPage *self = (PoaCronogramaPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_CRONOGRAMA_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->document);

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
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ACTIVITY:
      g_value_set_object (value, poa_gantt_view_get_selected_activity (self->gantt_view));
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
    case PROP_DOCUMENT:
      poa_cronograma_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACTIVITY:
      poa_gantt_view_set_selected_activity (self->gantt_view, g_value_get_object (value));
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

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_object ("selected-activity", NULL, NULL, POA_TYPE_ACTIVITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (POA_TYPE_GANTT_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The template looks the plan up through the document. */
  g_type_ensure (POA_TYPE_PLAN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-cronograma-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaCronogramaPage, gantt_view);
  gtk_widget_class_bind_template_child (widget_class, PoaCronogramaPage, months_button);
  gtk_widget_class_bind_template_child (widget_class, PoaCronogramaPage, weeks_button);
  gtk_widget_class_bind_template_callback (widget_class, schedule_heading);
  gtk_widget_class_bind_template_callback (widget_class, zoom_toggled_cb);

  /* Ctrl+plus shows more detail (weeks), Ctrl+minus the whole year, as in a browser. */
  gtk_widget_class_install_action (widget_class, "cronograma.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "cronograma.zoom-out", NULL, zoom_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "cronograma.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "cronograma.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "cronograma.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "cronograma.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "cronograma.zoom-out", NULL);
}

static void
poa_cronograma_page_init (PoaCronogramaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->gantt_view, "notify::zoom", G_CALLBACK (zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gantt_view, "notify::selected-activity",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);
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

  return self->document != NULL ? poa_document_get_plan (self->document) : NULL;
}

/**
 * poa_cronograma_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document months are changed through.
 */
PoaDocument *
poa_cronograma_page_get_document (PoaCronogramaPage *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_PAGE (self), NULL);

  return self->document;
}

void
poa_cronograma_page_set_document (PoaCronogramaPage *self,
                                  PoaDocument       *document)
{
  g_return_if_fail (POA_IS_CRONOGRAMA_PAGE (self));
  g_return_if_fail (document == NULL || POA_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  poa_gantt_view_set_document (self->gantt_view, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * poa_cronograma_page_get_gantt_view:
 *
 * Returns: (transfer none): the chart.
 */
PoaGanttView *
poa_cronograma_page_get_gantt_view (PoaCronogramaPage *self)
{
  g_return_val_if_fail (POA_IS_CRONOGRAMA_PAGE (self), NULL);

  return self->gantt_view;
}
