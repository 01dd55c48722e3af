/* poa-findings-button.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-findings-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-check.h"
#include "poa-document.h"
#include "poa-findings.h"
#include "poa-findings-button.h"
#include "poa-justification.h"
#include "poa-money.h"
#include "poa-opening.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-ui-util.h"

/* What `check` finds in the plan, in the header bar: a count of errors and warnings, and a
 * popover listing them; choosing one opens the editor on the field at fault. The findings
 * are the document's, computed once per change for everyone who shows them; the button reads
 * them again shortly after each edit, undo or redo. */
struct _PoaFindingsButton
{
  GtkWidget          parent_instance;

  PoaDocument       *document;
  GListStore        *findings;
  GListStore        *shown;
  guint              update_source;

  GtkWidget         *menu_button;
  /* Errors and warnings apart: 1 error and 22 warnings is not a red 23. The OK sign when
   * there is neither. */
  GtkWidget         *icon;
  GtkWidget         *error_icon;
  GtkWidget         *error_label;
  GtkWidget         *warning_icon;
  GtkWidget         *warning_label;
  /* What the button shows when the header bar is narrow: the worst kind and its count. */
  GtkWidget         *compact_icon;
  GtkWidget         *compact_label;
  GtkWidget         *list;
  gboolean           listed;    /* the popover was opened: its list follows the findings */
  GtkWidget         *summary_label;
  GtkWidget         *more_label;
  /* "Set a unit of measure for the 16 activities without one…": one warning the office
   * cannot act on one by one. */
  GtkWidget         *unit_button;
};

/* A list box makes a row per item: a plan of 100,000 activities with no unit of measure would
 * make 100,000 rows. The popover lists the first ones, those the document's findings keep;
 * the count says how many there are. */
#define MAX_SHOWN POA_FINDINGS_LISTED

/* A plan of this many activities or more is checked once the window shows it (see
 * queue_update): the program opens a bigger plan in two parts, the first of them this big. */
#define PENDING_AT POA_OPENING_FIRST

G_DEFINE_FINAL_TYPE (PoaFindingsButton, poa_findings_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The name of the field a finding points at, as the editors label it. */
static const char *
field_label (PoaFinding *finding)
{
  const char *field = poa_finding_get_field (finding);
  GObject *subject = poa_finding_get_subject (finding);

  if (field == NULL)
    return NULL;

  if (POA_IS_ACTIVITY (subject))
    {
      for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
        if (g_str_equal (field, poa_activity_text_key (i)))
          return poa_activity_text_label (i);
      for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
        if (g_str_equal (field, poa_activity_goal_key (i)))
          return poa_activity_goal_label (i);
      if (g_str_equal (field, "start"))
        return _("Start");
      if (g_str_equal (field, "end"))
        return _("End");
      if (g_str_equal (field, "months"))
        return _("Months in the cronograma");
      if (g_str_equal (field, "number"))
        return _("Nº");
      return NULL;
    }

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    if (g_str_equal (field, poa_plan_text_key (i)))
      return poa_plan_text_label (i);

  return NULL;
}

/* Where the finding is, in the interface language: "Activity 7 · End". */
static char *
describe_place (PoaFinding *finding)
{
  GObject *subject = poa_finding_get_subject (finding);
  const char *field = field_label (finding);
  g_autofree char *place = NULL;

  if (POA_IS_ACTIVITY (subject))
    place = g_strdup_printf (_("Activity %u"), poa_activity_get_number (POA_ACTIVITY (subject)));
  else if (POA_IS_BUDGET_LINE (subject))
    place = g_strdup_printf (_("Partida %s"), poa_budget_line_get_code (POA_BUDGET_LINE (subject)));
  else if (POA_IS_SIGNATURE (subject))
    place = g_strdup_printf (_("Signature: %s"), poa_signature_get_role (POA_SIGNATURE (subject)));
  else
    place = g_strdup (_("General data"));

  return field != NULL ? g_strdup_printf ("%s · %s", place, field) : g_steal_pointer (&place);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PoaFinding *finding = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *place = describe_place (finding);
  gboolean error = poa_finding_get_severity (finding) == POA_SEVERITY_ERROR;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), poa_finding_get_message (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
row_activated_cb (PoaFindingsButton *self,
                  GtkListBoxRow     *row)
{
  poa_findings_button_go_to (self, (guint)gtk_list_box_row_get_index (row));
}

static gboolean
update_timeout_cb (gpointer user_data)
{
  PoaFindingsButton *self = user_data;

  self->update_source = 0;
  poa_findings_button_update (self);
  return G_SOURCE_REMOVE;
}

/* Typing through a form commits field after field: look once they settle. */
static void
document_changed_cb (PoaFindingsButton *self,
                     GArray            *changes)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (500, update_timeout_cb, self);
}

/* Checked once the window has shown what changed: a big plan's check takes a few hundredths
 * of a second per 100,000 activities, and the plan comes first. */
static void
queue_update (PoaFindingsButton *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_timeout_cb, self, NULL);
}

/* Activities added or taken out: by an edit (which the document's "changed" also reports),
 * or a big plan's activities after its first part, which nothing else reports. */
static void
activities_changed_cb (PoaFindingsButton *self,
                       guint              position,
                       guint              removed,
                       guint              added)
{
  if (added == 0 && removed == 0)
    return;

  /* Until a big list is checked, the button says nothing rather than a count of part of it. */
  if (added >= PENDING_AT)
    {
      gtk_widget_set_visible (self->icon, FALSE);
      gtk_widget_set_visible (self->error_icon, FALSE);
      gtk_widget_set_visible (self->error_label, FALSE);
      gtk_widget_set_visible (self->warning_icon, FALSE);
      gtk_widget_set_visible (self->warning_label, FALSE);
      gtk_widget_set_visible (self->compact_icon, FALSE);
      gtk_widget_set_visible (self->compact_label, FALSE);
    }
  queue_update (self);
}

static void
poa_findings_button_dispose (GObject *object)
{
  PoaFindingsButton *self = (PoaFindingsButton *)object;

  poa_findings_button_set_document (self, NULL);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_object (&self->findings);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (poa_findings_button_parent_class)->dispose (object);
}

static void
poa_findings_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoaFindingsButton *self = POA_FINDINGS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_findings_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoaFindingsButton *self = POA_FINDINGS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      poa_findings_button_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_findings_button_class_init (PoaFindingsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_findings_button_dispose;
  object_class->get_property = poa_findings_button_get_property;
  object_class->set_property = poa_findings_button_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The popover's rows are made once it is first opened, and then follow the findings: up to
 * MAX_SHOWN rows in a popover not yet seen delayed the window's first frame. */
static void
list_findings (PoaFindingsButton *self)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (!self->listed)
    return;

  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->findings)), MAX_SHOWN);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->findings), i));

  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       items->pdata, items->len);
}

static void
popover_show_cb (PoaFindingsButton *self)
{
  if (!self->listed)
    {
      self->listed = TRUE;
      list_findings (self);
    }
}

/* The plan's activities whose unit of measure is empty (or only spaces). */
static GPtrArray *
activities_without_unit (PoaFindingsButton *self)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *activities;

  if (self->document == NULL)
    return found;

  activities = G_LIST_MODEL (poa_plan_get_activities (poa_document_get_plan (self->document)));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      const char *unit = poa_activity_get_text (activity, POA_ACTIVITY_UNIT);
      g_autofree char *stripped = g_strstrip (g_strdup (unit != NULL ? unit : ""));

      if (stripped[0] == '\0')
        g_ptr_array_add (found, g_steal_pointer (&activity));
    }
  return found;
}

static void
unit_entry_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "set", unit[0] != '\0');
}

static void
unit_dialog_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         PoaFindingsButton *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *unit = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!g_str_equal (response, "set") || unit[0] == '\0' || self->document == NULL)
    return;

  /* Those without a unit now: the plan may have changed while the dialog was open. */
  activities = activities_without_unit (self);
  if (activities->len == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, unit);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Set the unit of measure of %u activity",
                                        "Set the unit of measure of %u activities", activities->len),
                           activities->len);
  if (!poa_document_set_value_of_each (self->document, activities,
                                       poa_activity_text_key (POA_ACTIVITY_UNIT), &value, label, &error))
    {
      if (poa_justify_and_retry (GTK_WIDGET (self), self->document, error,
                                 poa_retry_set_value_of_each (activities, poa_activity_text_key (POA_ACTIVITY_UNIT),
                                                              &value, label)))
        return;
      _poa_widget_report_error (GTK_WIDGET (self), _("The unit of measure could not be set"), error);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Unit of measure “%s” set on %u activity",
                                          "Unit of measure “%s” set on %u activities", activities->len),
                             unit, activities->len);
  _poa_widget_show_undo_toast (GTK_WIDGET (self), message);
}

/* Asks for one unit of measure, for every activity without one: one edit, one undo. */
static void
unit_button_clicked_cb (PoaFindingsButton *self)
{
  g_autoptr(GPtrArray) activities = activities_without_unit (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (activities->len == 0)
    return;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Unit of Measure for %u Activity",
                                          "Unit of Measure for %u Activities", activities->len),
                             activities->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Every activity without a unit of measure gets this one, e.g. "
                                     "“Talleres”. Undo takes it back from all of them at once."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Unit of measure"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "set", _("_Set Unit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "set", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (unit_entry_changed_cb), dialog, G_CONNECT_DEFAULT);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unit_dialog_response_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
poa_findings_button_init (PoaFindingsButton *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *compact = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->findings = g_list_store_new (POA_TYPE_FINDING);
  self->shown = g_list_store_new (POA_TYPE_FINDING);

  self->icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  self->error_icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (self->error_icon, "error");
  self->error_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error_label, "numeric");
  self->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->warning_icon, "warning");
  gtk_widget_set_margin_start (self->warning_icon, 4);
  self->warning_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->warning_label, "numeric");
  gtk_box_append (GTK_BOX (content), self->icon);
  gtk_box_append (GTK_BOX (content), self->error_icon);
  gtk_box_append (GTK_BOX (content), self->error_label);
  gtk_box_append (GTK_BOX (content), self->warning_icon);
  gtk_box_append (GTK_BOX (content), self->warning_label);

  /* Both counts when there is room; on a narrow window the worst kind alone, so the header bar
   * still fits a 360-pixel screen. The tooltip and the accessible label always say both. */
  self->compact_icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  self->compact_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->compact_label, "numeric");
  gtk_box_append (GTK_BOX (compact), self->compact_icon);
  gtk_box_append (GTK_BOX (compact), self->compact_label);
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), content);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), compact);

  self->summary_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
  gtk_widget_set_margin_start (self->summary_label, 6);
  gtk_widget_add_css_class (self->summary_label, "heading");
  gtk_box_append (GTK_BOX (box), self->summary_label);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Findings of the check"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->shown), create_row, self, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_size_request (scrolled, 340, -1);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->more_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->more_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->more_label), 0);
  gtk_widget_set_margin_start (self->more_label, 6);
  gtk_widget_add_css_class (self->more_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->more_label);

  self->unit_button = gtk_button_new ();
  {
    /* Its text is longer than the popover is wide, in Spanish: said whole, over two lines. */
    GtkWidget *label = gtk_label_new (NULL);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->unit_button);
    gtk_button_set_child (GTK_BUTTON (self->unit_button), label);
  }
  gtk_widget_set_visible (self->unit_button, FALSE);
  g_signal_connect_swapped (self->unit_button, "clicked", G_CALLBACK (unit_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->unit_button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), squeezer);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  poa_findings_button_update (self);
}

/**
 * poa_findings_button_get_document:
 *
 * Returns: (transfer none) (nullable): the plan checked.
 */
PoaDocument *
poa_findings_button_get_document (PoaFindingsButton *self)
{
  g_return_val_if_fail (POA_IS_FINDINGS_BUTTON (self), NULL);

  return self->document;
}

void
poa_findings_button_set_document (PoaFindingsButton *self,
                                  PoaDocument       *document)
{
  g_return_if_fail (POA_IS_FINDINGS_BUTTON (self));
  g_return_if_fail (document == NULL || POA_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (poa_plan_get_activities (poa_document_get_plan (self->document)),
                                            self);
    }

  g_set_object (&self->document, document);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (document != NULL)
    {
      GListStore *activities = poa_plan_get_activities (poa_document_get_plan (document));

      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (activities, "items-changed", G_CALLBACK (activities_changed_cb),
                               self, G_CONNECT_SWAPPED);
      if (g_list_model_get_n_items (G_LIST_MODEL (activities)) >= PENDING_AT)
        activities_changed_cb (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (activities)));
    }

  if (self->update_source == 0)
    poa_findings_button_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * poa_findings_button_get_findings:
 *
 * Returns: (transfer none): the findings listed, #PoaFinding objects.
 */
GListModel *
poa_findings_button_get_findings (PoaFindingsButton *self)
{
  g_return_val_if_fail (POA_IS_FINDINGS_BUTTON (self), NULL);

  return G_LIST_MODEL (self->findings);
}

/**
 * poa_findings_button_update:
 *
 * Checks the plan now.
 */
void
poa_findings_button_update (PoaFindingsButton *self)
{
  GListModel *found = NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  guint errors = 0, warnings = 0;

  g_return_if_fail (POA_IS_FINDINGS_BUTTON (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->document != NULL)
    {
      /* Only what can be listed is kept: a plan of 100,000 activities has as many findings. */
      found = poa_findings_get_listed (poa_document_get_findings (self->document),
                                       &errors, &warnings);
    }

  g_list_store_remove_all (self->findings);
  if (found != NULL)
    {
      guint n = g_list_model_get_n_items (found);
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

      /* Errors first, each kind in the order of the document. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(PoaFinding) finding = g_list_model_get_item (found, i);

            if ((poa_finding_get_severity (finding) == POA_SEVERITY_ERROR) == (pass == 0))
              g_ptr_array_add (items, g_steal_pointer (&finding));
          }
      g_list_store_splice (self->findings, 0, 0, items->pdata, items->len);
    }
  list_findings (self);

  if (errors + warnings > MAX_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u are listed; fix them and the others follow."), MAX_SHOWN);
      gtk_label_set_label (GTK_LABEL (self->more_label), more);
    }
  gtk_widget_set_visible (self->more_label, errors + warnings > MAX_SHOWN);

  {
    g_autoptr(GPtrArray) without_unit = activities_without_unit (self);

    /* For one, its finding leads to its editor. */
    if (without_unit->len > 1)
      {
        g_autofree char *label = g_strdup_printf (_("Set a _unit of measure for the %u activities without one…"),
                                                  without_unit->len);
        gtk_label_set_text_with_mnemonic (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->unit_button))), label);
      }
    gtk_widget_set_visible (self->unit_button, without_unit->len > 1);
  }

  gtk_widget_set_visible (self->icon, errors + warnings == 0);
  gtk_widget_set_visible (self->error_icon, errors > 0);
  gtk_widget_set_visible (self->error_label, errors > 0);
  gtk_widget_set_visible (self->warning_icon, warnings > 0);
  gtk_widget_set_visible (self->warning_label, warnings > 0);
  count = poa_format_count (errors);
  gtk_label_set_label (GTK_LABEL (self->error_label), count);
  g_free (count);
  count = poa_format_count (warnings);
  gtk_label_set_label (GTK_LABEL (self->warning_label), count);
  g_free (count);

  gtk_widget_set_visible (self->compact_icon, TRUE);
  gtk_widget_set_visible (self->compact_label, errors + warnings > 0);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->compact_icon),
                                errors > 0 ? "dialog-error-symbolic" :
                                warnings > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (self->compact_icon, "error");
  gtk_widget_remove_css_class (self->compact_icon, "warning");
  if (errors + warnings > 0)
    gtk_widget_add_css_class (self->compact_icon, errors > 0 ? "error" : "warning");
  count = poa_format_count (errors > 0 ? errors : warnings);
  gtk_label_set_label (GTK_LABEL (self->compact_label), count);

  if (errors + warnings == 0)
    tooltip = g_strdup (_("The check finds nothing to fix"));
  else
    {
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

      /* Translators: "2 errors, 5 warnings" in the plan's check */
      tooltip = g_strdup_printf (_("Check: %s, %s"), e, w);
    }
  gtk_widget_set_tooltip_text (self->menu_button, tooltip);
  gtk_label_set_label (GTK_LABEL (self->summary_label), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/**
 * poa_findings_button_go_to:
 * @position: a finding's place in the list
 *
 * Takes the user to the field the finding is about: the activity's editor, the general data,
 * or the budget page. It asks the window through its actions (win.edit-activity,
 * win.edit-general-data, win.show-page), so the button knows no page.
 */
void
poa_findings_button_go_to (PoaFindingsButton *self,
                           guint              position)
{
  g_autoptr(PoaFinding) finding = NULL;
  GtkWidget *widget = GTK_WIDGET (self);
  GObject *subject;
  const char *field;
  PoaPlan *plan;
  guint found;

  g_return_if_fail (POA_IS_FINDINGS_BUTTON (self));

  if (!(finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position)) ||
      self->document == NULL)
    return;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  subject = poa_finding_get_subject (finding);
  field = poa_finding_get_field (finding);
  plan = poa_document_get_plan (self->document);

  if (POA_IS_BUDGET_LINE (subject))
    {
      gtk_widget_activate_action (widget, "win.show-page", "s", "budget");
      return;
    }

  /* The semáforo's thresholds are set on the Indicadores page, not in the general data. */
  if (field != NULL && g_str_has_prefix (field, "semaforo"))
    {
      gtk_widget_activate_action (widget, "win.show-page", "s", "indicators");
      return;
    }

  if (POA_IS_ACTIVITY (subject))
    {
      if (g_list_store_find (poa_plan_get_activities (plan), subject, &found))
        gtk_widget_activate_action (widget, "win.edit-activity", "(us)", found, field != NULL ? field : "");
      return;
    }

  /* The plan has no activity: the page's Add is where that is fixed. */
  if (g_strcmp0 (field, "activities") == 0)
    {
      gtk_widget_activate_action (widget, "win.show-page", "s", "activities");
      return;
    }

  gtk_widget_activate_action (widget, "win.edit-general-data", "(is)",
                              POA_IS_SIGNATURE (subject) &&
                              g_list_store_find (poa_plan_get_signatures (plan), subject, &found) ? (int)found : -1,
                              field != NULL ? field : "");
}
