/* poa-plan-chooser.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-plan-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-areas-window.h"
#include "poa-plan-chooser.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-store.h"
#include "poa-editor-util.h"
#include "poa-ui-util.h"
#include "poa-validate.h"

/* The plans of the database, from the header bar: switch to another (área and year), start
 * an empty one, copy this one into the next year, delete this one after a confirmation that
 * names it. Each is done by the session (poa-session.c), which also records the plan as the
 * last opened, so the program reopens on it; the chooser says how it went. */
struct _PoaPlanChooser
{
  GtkWidget       parent_instance;

  PoaSession     *session;

  GtkWidget      *menu_button;
  GtkWidget      *title_squeezer;
  GtkWidget      *title_label;
  GtkWidget      *year_label;
  GtkWidget      *plans_list;
  GMenu          *actions_section;
  guint           n_plans;
};

G_DEFINE_FINAL_TYPE (PoaPlanChooser, poa_plan_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The plan shown: the session's. */
static PoaPlan *
get_plan (PoaPlanChooser *self)
{
  return self->session != NULL ? poa_session_get_plan (self->session) : NULL;
}

static PoaStore *
get_store (PoaPlanChooser *self)
{
  return self->session != NULL ? poa_session_get_store (self->session) : NULL;
}

/* Says @message at the bottom of the window. */
static void
show_toast (PoaPlanChooser *self,
            const char     *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* "Migrantes y Ex braceros 2026", as the plan is named to the user. */
static char *
plan_name (const char *area,
           guint       year)
{
  /* Translators: a plan's name: its área and year */
  return g_strdup_printf (_("%s %u"), area[0] != '\0' ? area : _("(no área)"), year);
}

static GtkWidget *
new_plan_row (PoaPlanChooser       *self,
              const PoaPlanSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *action = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 summary->area[0] != '\0' ? summary->area : _("(no área)"));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u · %u activity", "%u · %u activities",
                                           summary->n_activities),
                              summary->year, summary->n_activities);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (get_plan (self) != NULL && summary->id == poa_plan_get_id (get_plan (self)))
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The plan shown"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "plans.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", summary->id);
  return row;
}

/**
 * poa_plan_chooser_refresh:
 *
 * Reads the list of plans again, as the popover opens.
 */
void
poa_plan_chooser_refresh (PoaPlanChooser *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_label = NULL;
  PoaStore *store = get_store (self);
  PoaPlan *plan = get_plan (self);
  GtkWidget *child;

  g_return_if_fail (POA_IS_PLAN_CHOOSER (self));

  while ((child = gtk_widget_get_first_child (self->plans_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->plans_list), child);

  self->n_plans = 0;
  if (store != NULL && !(plans = poa_store_list_plans (store, &error)))
    g_warning ("Could not list the plans: %s", error->message);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->plans_list), new_plan_row (self, plans->pdata[i]));
  self->n_plans = plans != NULL ? plans->len : 0;

  if (plan != NULL && poa_plan_get_year (plan) < POA_YEAR_MAX)
    copy_label = g_strdup_printf (_("_Copy to %u…"), poa_plan_get_year (plan) + 1);
  else
    copy_label = g_strdup (_("_Copy to the next year…"));
  g_menu_remove_all (self->actions_section);
  g_menu_append (self->actions_section, _("_New Empty Plan…"), "plans.new");
  g_menu_append (self->actions_section, copy_label, "plans.copy");
  g_menu_append (self->actions_section, _("_Delete This Plan…"), "plans.delete");
  g_menu_append (self->actions_section, _("_All Areas…"), "plans.all-areas");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.copy",
                                 plan != NULL && poa_plan_get_year (plan) < POA_YEAR_MAX);
  /* The window always shows a plan: the last one cannot go. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.delete", plan != NULL && self->n_plans > 1);
}

/**
 * poa_plan_chooser_open_plan:
 *
 * Shows the plan @plan_id in the window, and makes it the one the program opens next time.
 */
gboolean
poa_plan_chooser_open_plan (PoaPlanChooser  *self,
                            gint64           plan_id,
                            GError         **error)
{
  g_return_val_if_fail (POA_IS_PLAN_CHOOSER (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  return poa_session_open_plan (self->session, plan_id, error);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (get_plan (self) != NULL && id == poa_plan_get_id (get_plan (self)))
    return;

  if (!poa_plan_chooser_open_plan (self, id, &error))
    _poa_widget_report_error (widget, _("The plan could not be opened"), error);
}

/* *Todas las áreas*: every plan of a year side by side, in a window of its own. */
static void
all_areas_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PoaAreasWindow *window;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (self->session == NULL)
    return;

  window = poa_areas_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session);
  gtk_window_present (GTK_WINDOW (window));
}

/* A question over the window with Cancel and one answer. @answered, if any, is connected to
 * "response" with the chooser as its data. A destructive answer is never the default. */
static AdwMessageDialog *
new_question (PoaPlanChooser        *self,
              const char            *heading,
              const char            *body,
              const char            *response,
              const char            *label,
              AdwResponseAppearance  appearance,
              GCallback              answered)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (answered != NULL)
    g_signal_connect_object (dialog, "response", answered, self, G_CONNECT_DEFAULT);

  return dialog;
}

typedef struct
{
  PoaPlanChooser *self;
  GtkWidget      *dialog;     /* owns this struct */
  GtkWidget      *area_row;
  GtkWidget      *year_entry;
  GtkWidget      *year_row;
} NewPlanDialog;

static void
new_plan_dialog_free (NewPlanDialog *dialog)
{
  g_object_unref (dialog->self);
  g_free (dialog);
}

static void
new_plan_validate_cb (NewPlanDialog *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *area = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->area_row))));
  gboolean year_ok = poa_validate_year (gtk_editable_get_text (GTK_EDITABLE (data->year_entry)), NULL, &error);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (data->year_row), year_ok ? "" : error->message);
  if (year_ok)
    {
      gtk_widget_remove_css_class (data->year_entry, "error");
      gtk_widget_remove_css_class (data->year_row, "error");
    }
  else
    {
      gtk_widget_add_css_class (data->year_entry, "error");
      gtk_widget_add_css_class (data->year_row, "error");
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (data->dialog), "create",
                                           year_ok && area[0] != '\0');
}

static void
new_plan_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NewPlanDialog    *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *area = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  guint year = 0;

  if (!g_str_equal (response, "create") ||
      !poa_validate_year (gtk_editable_get_text (GTK_EDITABLE (data->year_entry)), &year, NULL) ||
      data->self->session == NULL)
    return;

  area = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->area_row))));
  if (!poa_session_new_plan (data->self->session, year, area, &error))
    {
      _poa_widget_report_error (GTK_WIDGET (data->self), _("The plan could not be created"), error);
      return;
    }

  name = plan_name (area, year);
  done = g_strdup_printf (_("Plan “%s” created"), name);
  show_toast (data->self, done);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (widget);
  NewPlanDialog *data = g_new0 (NewPlanDialog, 1);
  PoaPlan *plan = get_plan (self);
  g_autofree char *year = NULL;
  GtkWidget *dialog, *list;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));

  data->self = g_object_ref (self);
  dialog = GTK_WIDGET (new_question (self, _("New Empty Plan"),
                                     _("A plan with no activity yet, for an área and a year. It takes the municipality and the administration period of the plan shown."),
                                     "create", _("C_reate"), ADW_RESPONSE_SUGGESTED, NULL));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  data->area_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->area_row), _("Area"));
  gtk_editable_set_text (GTK_EDITABLE (data->area_row), plan ? poa_plan_get_area (plan) : "");
  gtk_list_box_append (GTK_LIST_BOX (list), data->area_row);

  data->year_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->year_row), _("Year"));
  data->year_entry = gtk_entry_new ();
  gtk_widget_set_valign (data->year_entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (data->year_entry), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (data->year_entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->year_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  year = g_strdup_printf ("%u", plan ? MIN (poa_plan_get_year (plan) + 1, POA_YEAR_MAX) : 2026);
  gtk_editable_set_text (GTK_EDITABLE (data->year_entry), year);
  adw_action_row_add_suffix (ADW_ACTION_ROW (data->year_row), data->year_entry);
  gtk_list_box_append (GTK_LIST_BOX (list), data->year_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  data->dialog = dialog;
  g_object_set_data_full (G_OBJECT (dialog), "poa-new-plan", data, (GDestroyNotify)new_plan_dialog_free);
  g_signal_connect_swapped (data->area_row, "changed", G_CALLBACK (new_plan_validate_cb), data);
  g_signal_connect_swapped (data->year_entry, "changed", G_CALLBACK (new_plan_validate_cb), data);
  g_signal_connect (dialog, "response", G_CALLBACK (new_plan_response_cb), data);
  new_plan_validate_cb (data);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PoaPlanChooser   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!g_str_equal (response, "copy") || get_plan (self) == NULL)
    return;

  if (!poa_session_copy_to_next_year (self->session, &error))
    {
      _poa_widget_report_error (GTK_WIDGET (self), _("The plan could not be created"), error);
      return;
    }

  done = g_strdup_printf (_("Copied into %u: achieved goals start at 0"), poa_plan_get_year (get_plan (self)));
  show_toast (self, done);
}

static gboolean
plan_exists (PoaPlanChooser *self,
             const char     *area,
             guint           year)
{
  g_autoptr(GPtrArray) plans = poa_store_list_plans (get_store (self), NULL);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      PoaPlanSummary *summary = plans->pdata[i];

      if (summary->year == year && g_str_equal (summary->area, area))
        return TRUE;
    }

  return FALSE;
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (widget);
  PoaPlan *plan = get_plan (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint year;
  AdwMessageDialog *dialog;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (plan == NULL)
    return;

  year = poa_plan_get_year (plan) + 1;
  name = plan_name (poa_plan_get_area (plan), poa_plan_get_year (plan));
  heading = g_strdup_printf (_("Copy “%s” into %u?"), name, year);
  body = g_strdup_printf (_("A new plan for %u with the same texts, activities, indicators and budget. Achieved goals start at 0 and every date moves one year; the months stay the same."),
                          year);
  if (plan_exists (self, poa_plan_get_area (plan), year))
    {
      g_autofree char *more = g_strdup_printf (_("There is already a plan of this área for %u: this makes a second one."), year);
      g_autofree char *both = g_strdup_printf ("%s\n\n%s", body, more);
      g_free (body);
      body = g_steal_pointer (&both);
    }

  dialog = new_question (self, heading, body, "copy", _("_Copy"), ADW_RESPONSE_SUGGESTED,
                         G_CALLBACK (copy_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PoaPlanChooser   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  PoaPlan *plan = get_plan (self);
  gboolean deleted = FALSE;

  if (!g_str_equal (response, "delete") || plan == NULL)
    return;

  name = plan_name (poa_plan_get_area (plan), poa_plan_get_year (plan));
  /* The window moves to the plan opened most recently among those left. */
  if (!poa_session_delete_plan (self->session, &deleted, &error))
    {
      _poa_widget_report_error (GTK_WIDGET (self), deleted ? _("The plan could not be opened")
                                                           : _("The plan could not be deleted"),
                                error);
      return;
    }

  done = g_strdup_printf (_("Plan “%s” deleted"), name);
  show_toast (self, done);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (widget);
  PoaPlan *plan = get_plan (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n;
  AdwMessageDialog *dialog;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (plan == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)));
  name = plan_name (poa_plan_get_area (plan), poa_plan_get_year (plan));
  heading = g_strdup_printf (_("Delete the plan “%s”?"), name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u activity, its budget and its signatures are deleted with it. This cannot be undone.",
                                       "Its %u activities, its budget and its signatures are deleted with it. This cannot be undone.",
                                       n),
                          n);

  dialog = new_question (self, heading, body, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE,
                         G_CALLBACK (delete_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A popover menu: the list of plans as a custom item on top, then the actions. */
static void
build_popover (PoaPlanChooser *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) plans_section = g_menu_new ();
  g_autoptr(GMenuItem) plans_item = g_menu_item_new (NULL, NULL);
  GtkWidget *popover;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Plans"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_menu_item_set_attribute (plans_item, "custom", "s", "plans");
  g_menu_append_item (plans_section, plans_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (plans_section));
  self->actions_section = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->actions_section));

  gtk_widget_set_size_request (box, 300, -1);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  self->plans_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->plans_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->plans_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plans_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plans"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->plans_list);
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), box, "plans");
  g_signal_connect_swapped (popover, "show", G_CALLBACK (poa_plan_chooser_refresh), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
}

static void
poa_plan_chooser_dispose (GObject *object)
{
  PoaPlanChooser *self = (PoaPlanChooser *)object;

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_object (&self->actions_section);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (poa_plan_chooser_parent_class)->dispose (object);
}

static void
poa_plan_chooser_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_plan_chooser_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PoaPlanChooser *self = POA_PLAN_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      poa_plan_chooser_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_plan_chooser_class_init (PoaPlanChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_plan_chooser_dispose;
  object_class->get_property = poa_plan_chooser_get_property;
  object_class->set_property = poa_plan_chooser_set_property;

  /* The plans and the one shown; switching goes through it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, POA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "plans.open", "x", open_activated);
  gtk_widget_class_install_action (widget_class, "plans.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "plans.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "plans.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "plans.all-areas", NULL, all_areas_activated);
}

static void
poa_plan_chooser_init (PoaPlanChooser *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->menu_button = gtk_menu_button_new ();
  /* An icon, and beside it the plan (poa_plan_chooser_set_title()): “POA 2026 — área” where
   * there is room, the year alone where there is not, so that the year is in sight at every
   * width. A squeezer picks one by the room it is given; its smallest width, the year's, never
   * changes, so the view switcher beside it is laid out once. */
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("folder-documents-symbolic"));
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->title_label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (self->title_label), 40);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  self->year_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->year_label), 0);
  self->title_squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->title_squeezer), TRUE);
  adw_squeezer_set_interpolate_size (ADW_SQUEEZER (self->title_squeezer), FALSE);
  adw_squeezer_set_xalign (ADW_SQUEEZER (self->title_squeezer), 0);
  adw_squeezer_add (ADW_SQUEEZER (self->title_squeezer), self->title_label);
  adw_squeezer_add (ADW_SQUEEZER (self->title_squeezer), self->year_label);
  gtk_widget_set_visible (self->title_squeezer, FALSE);
  gtk_box_append (GTK_BOX (content), self->title_squeezer);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plans"), -1);
  gtk_widget_set_tooltip_text (self->menu_button, _("Plans: switch, create, copy into the next year, delete"));
  /* A tooltip is only a description: without a label a screen reader says "menu button". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plans"), -1);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  build_popover (self);
}

/**
 * poa_plan_chooser_set_title:
 * @title: (nullable): the plan shown, as “POA 2026 — área”, or %NULL for the icon alone
 * @year: (nullable): what to show where @title does not fit, as “2026”
 *
 * Puts the plan's name on the button: GNOME's header bars do not show the window's title,
 * and the view switcher takes the title's place while the window is wide.
 */
void
poa_plan_chooser_set_title (PoaPlanChooser *self,
                            const char     *title,
                            const char     *year)
{
  g_return_if_fail (POA_IS_PLAN_CHOOSER (self));

  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  gtk_label_set_label (GTK_LABEL (self->year_label), year != NULL ? year : title);
  gtk_widget_set_tooltip_text (self->title_squeezer, title);
  gtk_widget_set_visible (self->title_squeezer, title != NULL && title[0] != '\0');
}

/**
 * poa_plan_chooser_get_title:
 *
 * Returns: (nullable): the title the button shows now, whole or as the year alone, or %NULL
 *   when it shows only its icon.
 */
const char *
poa_plan_chooser_get_title (PoaPlanChooser *self)
{
  GtkWidget *shown;

  g_return_val_if_fail (POA_IS_PLAN_CHOOSER (self), NULL);

  if (!gtk_widget_get_visible (self->title_squeezer) ||
      (shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->title_squeezer))) == NULL)
    return NULL;

  return gtk_label_get_label (GTK_LABEL (shown));
}

/**
 * poa_plan_chooser_get_session:
 *
 * Returns: (transfer none) (nullable): the plans, and the one the window shows.
 */
PoaSession *
poa_plan_chooser_get_session (PoaPlanChooser *self)
{
  g_return_val_if_fail (POA_IS_PLAN_CHOOSER (self), NULL);

  return self->session;
}

void
poa_plan_chooser_set_session (PoaPlanChooser *self,
                              PoaSession     *session)
{
  g_return_if_fail (POA_IS_PLAN_CHOOSER (self));
  g_return_if_fail (session == NULL || POA_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
