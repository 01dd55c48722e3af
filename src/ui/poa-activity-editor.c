/* poa-activity-editor.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-activity-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity-editor.h"
#include "poa-activity.h"
#include "poa-change-record.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-form.h"
#include "poa-plan.h"
#include "poa-editor-util.h"
#include "poa-history-window.h"
#include "poa-observations.h"
#include "poa-justification.h"
#include "poa-review.h"
#include "poa-ui-util.h"

/* One activity, every field of both official tables. An activity already in the plan is
 * edited field by field, each accepted value committed at once. A new one is filled in first
 * and added whole by the Add button, so that adding it is one edit and one undo. */
struct _PoaActivityEditor
{
  AdwWindow            parent_instance;

  PoaDocument         *document;
  PoaActivity         *activity;
  PoaForm             *form;
  gboolean             is_new;
  guint                position;
  GtkToggleButton     *months[12];
  guint                months_from_dates;   /* a new activity's: what its dates last gave */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *add_button;
  AdwPreferencesGroup *activity_group;
  AdwPreferencesGroup *goals_group;
  AdwPreferencesGroup *schedule_group;
  GtkLabel            *percent_label;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *observations_group;
  GtkListBox          *observations_list;
};

G_DEFINE_FINAL_TYPE (PoaActivityEditor, poa_activity_editor, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (PoaActivityEditor *self)
{
  g_autofree char *title = NULL;

  if (self->is_new)
    title = g_strdup (_("New activity"));
  else
    title = g_strdup_printf (_("Activity %u"), poa_activity_get_number (self->activity));

  adw_window_title_set_title (self->window_title, title);
  /* What a screen reader and the window list call the window. */
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, poa_activity_get_name (self->activity));
}

static char *
format_percent (gboolean defined,
                double   percent)
{
  return defined ? g_strdup_printf ("%.0f %%", percent) : g_strdup ("—");
}

static void
update_percentages (PoaActivityEditor *self)
{
  double programmed = 0, achieved = 0;
  gboolean has_programmed = poa_activity_get_programmed_percent (self->activity, &programmed);
  gboolean has_achieved = poa_activity_get_achieved_percent (self->activity, &achieved);
  g_autofree char *programmed_text = format_percent (has_programmed, programmed);
  g_autofree char *achieved_text = format_percent (has_achieved, achieved);
  g_autofree char *text = NULL;

  /* Translators: the computed percentages of an activity's metas */
  text = g_strdup_printf (_("Programmed %s of the annual goal\nAchieved %s of the programmed"),
                          programmed_text, achieved_text);
  gtk_label_set_label (self->percent_label, text);
}

static void month_toggled_cb (GtkToggleButton   *button,
                              PoaActivityEditor *self);

static void
update_months (PoaActivityEditor *self)
{
  guint months = poa_activity_get_months (self->activity);

  for (guint m = 0; m < 12; m++)
    {
      g_signal_handlers_block_by_func (self->months[m], month_toggled_cb, self);
      gtk_toggle_button_set_active (self->months[m], (months & (1u << m)) != 0);
      g_signal_handlers_unblock_by_func (self->months[m], month_toggled_cb, self);
    }
}

static void
update_add_button (PoaActivityEditor *self)
{
  GtkWidget *name = poa_form_get_entry (self->form, "name");
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
  gboolean named = typed[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add",
                                 self->is_new && named && poa_form_is_valid (self->form));
  gtk_widget_set_tooltip_text (self->add_button, named ? NULL : _("Write the activity’s name first"));
}

/* A new activity is not in the plan, so PoaDocument does not move its months with its dates:
 * the editor does, as the document does for an activity of the plan. Months that followed the
 * dates (or none chosen yet) follow the new dates; months chosen by hand stay. */
static void
follow_dates (PoaActivityEditor *self)
{
  guint year = poa_plan_get_year (poa_document_get_plan (self->document));
  guint months = poa_activity_get_months (self->activity);
  guint from_dates = poa_months_from_range (poa_activity_get_start (self->activity),
                                            poa_activity_get_end (self->activity), year);
  gboolean followed = months == 0 || months == self->months_from_dates;

  self->months_from_dates = from_dates;
  if (followed && from_dates != 0 && from_dates != months)
    poa_activity_set_months (self->activity, from_dates);
}

static void
activity_notify_cb (PoaActivityEditor *self,
                    GParamSpec        *pspec,
                    PoaActivity       *activity)
{
  if (self->is_new && pspec != NULL &&
      (g_str_equal (pspec->name, "start") || g_str_equal (pspec->name, "end")))
    follow_dates (self);
  update_title (self);
  update_percentages (self);
  update_months (self);
  update_add_button (self);
}

static guint
toggled_months (PoaActivityEditor *self)
{
  guint months = 0;

  for (guint m = 0; m < 12; m++)
    if (gtk_toggle_button_get_active (self->months[m]))
      months |= 1u << m;
  return months;
}

static void
commit_months (PoaActivityEditor *self,
               guint              months)
{
  g_autoptr(GError) error = NULL;

  if (!poa_document_set_uint (self->document, self->activity, "months", months, &error))
    {
      update_months (self);
      _poa_widget_report_error (GTK_WIDGET (self), _("The change could not be saved"), error);
    }
}

/* The answer to the justification asked for an approved plan's months: the months toggled
 * go in with it, or show the activity's again. */
static void
months_justified_cb (const char *justification,
                     gpointer    user_data)
{
  PoaActivityEditor *self = user_data;

  if (justification != NULL)
    commit_months (self, toggled_months (self));
  else
    update_months (self);
}

static void
month_toggled_cb (GtkToggleButton   *button,
                  PoaActivityEditor *self)
{
  guint months = toggled_months (self);

  if (self->is_new)
    poa_activity_set_months (self->activity, months);
  else if (months == poa_activity_get_months (self->activity))
    return;
  else if (poa_document_needs_justification (self->document))
    poa_ask_justification (GTK_WIDGET (self), self->document, months_justified_cb,
                           g_object_ref (self), g_object_unref);
  else
    commit_months (self, months);
}

static void
history_activated_cb (PoaActivityEditor *self)
{
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;

  if (self->is_new)
    return;

  where = poa_history_where (poa_document_get_plan (self->document), G_OBJECT (self->activity));
  /* Translators: the title of an activity's change history: "History of Activity 3" */
  title = g_strdup_printf (_("History of Activity %u"), poa_activity_get_number (self->activity));
  poa_history_window_present (GTK_WIDGET (self), poa_document_get_plan (self->document), where, title);
}

/* The planning unit's observations on this activity (by its number, as `check` names it). */
static void
update_observations (PoaActivityEditor *self)
{
  g_autofree char *where = NULL;

  if (self->is_new)
    return;

  where = poa_history_where (poa_document_get_plan (self->document), G_OBJECT (self->activity));
  poa_observations_fill (self->observations_list, poa_document_get_plan (self->document), where);
}

static void
observe_clicked_cb (PoaActivityEditor *self)
{
  g_autofree char *where = NULL;

  if (self->is_new)
    return;

  where = poa_history_where (poa_document_get_plan (self->document), G_OBJECT (self->activity));
  poa_ask_observation (GTK_WIDGET (self), self->document, where);
}

static void
added_justified_cb (gboolean done,
                    gpointer user_data)
{
  PoaActivityEditor *self = user_data;

  if (!done)
    return;

  self->is_new = FALSE;
  g_signal_emit (self, signals[ADDED], 0, self->activity);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PoaActivityEditor *self = POA_ACTIVITY_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  PoaPlan *plan = poa_document_get_plan (self->document);

  /* Typed but not yet committed (the focus is still in a field): take it too. */
  if (!poa_form_commit (self->form) || !self->is_new)
    return;

  /* Months never touched follow the dates, as a plan file without months does. */
  if (poa_activity_get_months (self->activity) == 0)
    poa_activity_set_months (self->activity,
                             poa_months_from_range (poa_activity_get_start (self->activity),
                                                    poa_activity_get_end (self->activity),
                                                    poa_plan_get_year (plan)));

  if (!poa_document_insert (self->document, self->activity, self->position, &error))
    {
      /* On an approved plan: added once justified, and the editor closes then. */
      PoaRetry *retry = poa_retry_insert (self->activity, self->position);

      poa_retry_set_finished (retry, added_justified_cb, g_object_ref (self), g_object_unref);
      if (poa_justify_and_retry (GTK_WIDGET (self), self->document, error, retry))
        return;
      _poa_widget_report_error (GTK_WIDGET (self), _("The activity could not be added"), error);
      return;
    }

  self->is_new = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);
  g_signal_emit (self, signals[ADDED], 0, self->activity);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaActivityEditor *self = POA_ACTIVITY_EDITOR (widget);

  /* A new activity is not in the plan yet: there is nothing of it to undo. */
  if (self->is_new)
    return;

  poa_form_commit (self->form);
  _poa_editor_undo (widget, self->document, g_str_equal (action_name, "editor.redo"));
}

static gboolean
poa_activity_editor_close_request (GtkWindow *window)
{
  PoaActivityEditor *self = POA_ACTIVITY_EDITOR (window);

  /* Closing an activity of the plan keeps what was typed, and asks before dropping a value
   * in error; closing a new one is Cancel. */
  if (!self->is_new)
    {
      if (_poa_editor_ask_before_closing (window, &self->form, 1))
        return TRUE;
      poa_form_commit (self->form);
    }

  return GTK_WINDOW_CLASS (poa_activity_editor_parent_class)->close_request (window);
}

static void
add_fields (PoaActivityEditor *self)
{
  static const struct {
    PoaFormKind  kind;
    const char  *property;
    const char  *title;
    guint        group;
    const char  *hint;
  } fields[] = {
    { POA_FORM_TEXT, "name", N_("Activity / General project"), 0, NULL },
    { POA_FORM_TEXT, "strategic-axis", N_("Strategic axis of the PMD"), 0, NULL },
    { POA_FORM_TEXT, "strategic-line", N_("Strategic line of the PMD"), 0, NULL },
    { POA_FORM_PARAGRAPH, "action-line", N_("Action line of the PMD"), 0, NULL },
    { POA_FORM_PARAGRAPH, "specific-activity", N_("Specific activity"), 0, NULL },
    { POA_FORM_TEXT, "responsible", N_("Responsible"), 1, NULL },
    { POA_FORM_TEXT, "unit", N_("Unit of measure"), 1, NULL },
    { POA_FORM_GOAL, "annual-goal", N_("Annual goal"), 1, N_("Whole number, 0 or more") },
    { POA_FORM_GOAL, "programmed", N_("Programmed goal"), 1, N_("Whole number, 0 or more") },
    { POA_FORM_GOAL, "achieved", N_("Achieved goal"), 1, N_("Whole number, 0 or more") },
    { POA_FORM_DATE, "start", N_("Start"), 2, N_("dd/mm/yyyy") },
    { POA_FORM_DATE, "end", N_("End"), 2, N_("dd/mm/yyyy") },
  };
  AdwPreferencesGroup *groups[] = { self->activity_group, self->goals_group, self->schedule_group };
  GtkWidget *percent_row, *months_row, *flow;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    adw_preferences_group_add (groups[fields[i].group],
                               poa_form_add (self->form, fields[i].kind, fields[i].property,
                                             _(fields[i].title),
                                             fields[i].hint ? _(fields[i].hint) : NULL));

  percent_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (percent_row), _("Percentages"));
  gtk_widget_set_focusable (percent_row, FALSE);
  self->percent_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_justify (self->percent_label, GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (self->percent_label, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->percent_label), "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (percent_row), GTK_WIDGET (self->percent_label));
  adw_preferences_group_add (self->goals_group, percent_row);

  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_widget_set_margin_start (flow, 8);
  gtk_widget_set_margin_end (flow, 8);
  gtk_widget_set_margin_top (flow, 8);
  gtk_widget_set_margin_bottom (flow, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Months in the cronograma"), -1);
  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *short_name = g_utf8_substring (poa_month_name (m + 1), 0, 3);

      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* A month on is told by a check mark and bold text, not by its colour alone. */
      self->months[m] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), gtk_label_new (short_name));
      gtk_button_set_child (GTK_BUTTON (self->months[m]), box);
      g_object_bind_property (self->months[m], "active", check, "visible", G_BINDING_SYNC_CREATE);
      gtk_widget_add_css_class (GTK_WIDGET (self->months[m]), "month-toggle");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->months[m]), poa_month_name (m + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->months[m]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      poa_month_name (m + 1), -1);
      g_signal_connect (self->months[m], "toggled", G_CALLBACK (month_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), GTK_WIDGET (self->months[m]));
    }

  months_row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (months_row), _("Months in the cronograma"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (months_row), FALSE);
  gtk_widget_set_focusable (months_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (months_row), flow);
  adw_preferences_group_add (self->schedule_group, months_row);
}

/* An undo or redo in the main window can take the activity out of the plan: its editor goes
 * with it, since nothing typed there could be saved any more. (A move is not a removal.) */
static void
document_changed_cb (PoaActivityEditor *self,
                     GArray            *changes)
{
  if (self->is_new)
    return;

  for (guint i = 0; i < changes->len; i++)
    {
      const PoaChange *change = &g_array_index (changes, PoaChange, i);

      if (change->kind == POA_CHANGE_REMOVED && change->object == G_OBJECT (self->activity))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
    }
}

static void
poa_activity_editor_dispose (GObject *object)
{
  PoaActivityEditor *self = (PoaActivityEditor *)object;

  if (self->activity != NULL)
    g_signal_handlers_disconnect_by_data (self->activity, self);
  if (self->form != NULL)
    poa_form_set_target (self->form, NULL, NULL, 0);
  g_clear_object (&self->form);
  g_clear_object (&self->activity);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_ACTIVITY_EDITOR);

  G_OBJECT_CLASS (poa_activity_editor_parent_class)->dispose (object);
}

static void
poa_activity_editor_class_init (PoaActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = poa_activity_editor_dispose;
  window_class->close_request = poa_activity_editor_close_request;

  /**
   * PoaActivityEditor::added:
   * @activity: the new activity, now in the plan
   */
  signals[ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, POA_TYPE_ACTIVITY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, activity_group);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, goals_group);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, history_group);
  gtk_widget_class_bind_template_callback (widget_class, history_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, observations_group);
  gtk_widget_class_bind_template_child (widget_class, PoaActivityEditor, observations_list);
  gtk_widget_class_bind_template_callback (widget_class, observe_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.add", NULL);
  _poa_editor_class_init (widget_class, undo_activated);
}

static void
poa_activity_editor_init (PoaActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = poa_form_new ();
  add_fields (self);
  g_signal_connect_object (self->form, "validated", G_CALLBACK (update_add_button),
                           self, G_CONNECT_SWAPPED);
}

/**
 * poa_activity_editor_new:
 * @parent: the main window
 * @document: the plan open for editing
 * @activity: (nullable): an activity of the plan, or %NULL to write a new one
 * @position: where a new activity goes in the plan's list
 *
 * Returns: (transfer none): the editor, shown over @parent.
 */
PoaActivityEditor *
poa_activity_editor_new (GtkWindow   *parent,
                         PoaDocument *document,
                         PoaActivity *activity,
                         guint        position)
{
  PoaActivityEditor *self;
  PoaPlan *plan;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POA_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (activity == NULL || POA_IS_ACTIVITY (activity), NULL);

  plan = poa_document_get_plan (document);
  self = g_object_new (POA_TYPE_ACTIVITY_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->is_new = activity == NULL;
  self->position = position;
  self->activity = activity != NULL ? g_object_ref (activity) : poa_activity_new ();
  if (self->is_new)
    poa_activity_set_number (self->activity, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan)))) + 1);

  gtk_widget_set_visible (self->add_button, self->is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), !self->is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->observations_group), !self->is_new);
  update_observations (self);
  g_signal_connect_object (plan, "observations-changed", G_CALLBACK (update_observations),
                           self, G_CONNECT_SWAPPED);
  poa_form_set_target (self->form, self->is_new ? NULL : document, G_OBJECT (self->activity),
                       poa_plan_get_year (plan));
  g_signal_connect_object (self->activity, "notify", G_CALLBACK (activity_notify_cb),
                           self, G_CONNECT_SWAPPED);
  activity_notify_cb (self, NULL, self->activity);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * poa_activity_editor_get_activity:
 *
 * Returns: (transfer none): the activity edited; a new one is in the plan only once added.
 */
PoaActivity *
poa_activity_editor_get_activity (PoaActivityEditor *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY_EDITOR (self), NULL);

  return self->activity;
}

/**
 * poa_activity_editor_focus_field:
 * @field: a plan-file key ("end", "annual_goal") or property name, or "observations" (the
 *   planning unit's observations on the activity)
 *
 * Returns: whether the editor has that field.
 */
gboolean
poa_activity_editor_focus_field (PoaActivityEditor *self,
                                 const char        *field)
{
  g_return_val_if_fail (POA_IS_ACTIVITY_EDITOR (self), FALSE);

  if (g_strcmp0 (field, "months") == 0)
    {
      _poa_focus_when_shown (GTK_WIDGET (self->months[0]));
      return TRUE;
    }

  /* The table's marker of an activity's observations opens them: the newest, in view. */
  if (g_strcmp0 (field, "observations") == 0)
    {
      GtkWidget *newest = gtk_widget_get_first_child (GTK_WIDGET (self->observations_list));

      if (self->is_new || newest == NULL)
        return FALSE;
      _poa_focus_when_shown (newest);
      return TRUE;
    }

  return poa_form_focus (self->form, field);
}

/**
 * poa_activity_editor_get_entry:
 *
 * Returns: (transfer none) (nullable): the widget @field is typed into.
 */
GtkWidget *
poa_activity_editor_get_entry (PoaActivityEditor *self,
                               const char        *field)
{
  g_return_val_if_fail (POA_IS_ACTIVITY_EDITOR (self), NULL);

  return poa_form_get_entry (self->form, field);
}

/**
 * poa_activity_editor_get_message:
 *
 * Returns: (nullable): why @field's value is refused or flagged, as its row says.
 */
const char *
poa_activity_editor_get_message (PoaActivityEditor *self,
                                 const char        *field)
{
  g_return_val_if_fail (POA_IS_ACTIVITY_EDITOR (self), NULL);

  return poa_form_get_message (self->form, field);
}
