/* poa-window-review.c — the plan's review in the window: its status, shown at all times in
 * the header bar, the steps taken, and the planning unit's actions (submit, return with
 * observations, approve), each through poa_review_apply() like `poa review`. Also the plan's
 * change record (Change History).
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "poa-change-record.h"
#include "poa-document.h"
#include "poa-history-window.h"
#include "poa-observations.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-window-private.h"
#include "poa-ui-util.h"

/* The review section's own items, in poa-window.ui; the status is put before them. */
#define N_REVIEW_ITEMS 7

static const char *
status_icon (PoaReviewStatus status)
{
  switch (status)
    {
    case POA_REVIEW_ENVIADO:
      return "mail-send-symbolic";
    case POA_REVIEW_OBSERVADO:
      return "mail-replied-symbolic";
    case POA_REVIEW_APROBADO:
      return "emblem-ok-symbolic";
    case POA_REVIEW_BORRADOR:
    default:
      return "document-edit-symbolic";
    }
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The steps, oldest first: when, who, the status reached and the note. */
static void
update_steps (PoaWindow *self,
              PoaPlan   *plan)
{
  GPtrArray *steps = plan != NULL ? poa_plan_get_review_steps (plan) : NULL;

  clear_box (self->review_steps_box);
  if (steps == NULL || steps->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("Not yet submitted for review"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->review_steps_box, label);
      return;
    }

  for (guint i = 0; i < steps->len; i++)
    {
      const PoaReviewStep *step = g_ptr_array_index (steps, i);
      g_autofree char *date = _poa_format_timestamp (step->date);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: a step of the review: "Aprobado — 05/12/2026 04:05, Ana Pérez" */
      text = g_strdup_printf (_("%s — %s, %s"), poa_review_status_label (step->status),
                              date, step->by);
      if (step->note != NULL && *step->note != '\0')
        {
          g_autofree char *with_note = g_strdup_printf ("%s\n%s", text, step->note);
          g_free (text);
          text = g_steal_pointer (&with_note);
        }
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_box_append (self->review_steps_box, label);
    }
}

/* The quarters closed become @wanted, through the document: recorded, undoable. */
static void
set_closed_quarters (PoaWindow *self,
                     guint      wanted)
{
  g_autoptr(GError) error = NULL;
  PoaPlan *plan;

  if (self->document == NULL)
    return;

  plan = poa_document_get_plan (self->document);
  /* The buttons and the menu follow the plan too: only a change the user made goes on. */
  if (wanted == poa_plan_get_closed_quarters (plan))
    return;

  if (!poa_document_set_uint (self->document, plan, "closed-quarters", wanted, &error))
    {
      _poa_window_show_error (self, _("The quarters could not be closed"), error);
      _poa_window_update_review (self);
    }
}

static void
quarter_toggled_cb (GtkToggleButton *button,
                    PoaWindow       *self)
{
  guint wanted = 0;

  for (guint q = 0; q < 4; q++)
    if (gtk_toggle_button_get_active (self->closed_quarter_buttons[q]))
      wanted |= 1u << q;

  set_closed_quarters (self, wanted);
}

/* The main menu's check items (quarters.closed-Q), where the popover's button has no room. */
static void
quarter_change_state_cb (GSimpleAction *action,
                         GVariant      *state,
                         PoaWindow     *self)
{
  guint q = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "poa-quarter"));
  guint closed;

  if (self->document == NULL)
    return;

  closed = poa_plan_get_closed_quarters (poa_document_get_plan (self->document));
  set_closed_quarters (self, g_variant_get_boolean (state) ? closed | (1u << q) : closed & ~(1u << q));
}

static GActionMap *
quarter_actions (PoaWindow *self)
{
  GSimpleActionGroup *group = g_object_get_data (G_OBJECT (self), "poa-quarter-actions");

  if (group == NULL)
    {
      group = g_simple_action_group_new ();
      for (guint q = 0; q < 4; q++)
        {
          g_autofree char *name = g_strdup_printf ("closed-%u", q + 1);
          g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));

          g_object_set_data (G_OBJECT (action), "poa-quarter", GUINT_TO_POINTER (q));
          g_signal_connect_object (action, "change-state", G_CALLBACK (quarter_change_state_cb), self, 0);
          g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
        }
      gtk_widget_insert_action_group (GTK_WIDGET (self), "quarters", G_ACTION_GROUP (group));
      g_object_set_data_full (G_OBJECT (self), "poa-quarter-actions", group, g_object_unref);
    }

  return G_ACTION_MAP (group);
}

/* The quarters closed, one toggle each, saying "T1 cerrado" or "T1 abierto" in words and with a
 * lock: never by the toggle's shade alone. */
static void
update_closed_quarters (PoaWindow *self,
                        PoaPlan   *plan,
                        gboolean   whole)
{
  guint closed = plan != NULL ? poa_plan_get_closed_quarters (plan) : 0;

  if (self->closed_quarter_buttons[0] == NULL)
    for (guint q = 0; q < 4; q++)
      {
        GtkWidget *button = gtk_toggle_button_new ();

        self->closed_quarter_buttons[q] = GTK_TOGGLE_BUTTON (button);
        g_signal_connect_object (button, "toggled", G_CALLBACK (quarter_toggled_cb), self, 0);
        gtk_grid_attach (self->closed_quarters_box, button, (int)(q % 2), (int)(q / 2), 1, 1);
      }

  for (guint q = 0; q < 4; q++)
    {
      GtkWidget *button = GTK_WIDGET (self->closed_quarter_buttons[q]);
      gboolean is_closed = (closed & (1u << q)) != 0;
      /* Translators: a quarter's toggle in the review: "T1 cerrado" / "T1 abierto" */
      g_autofree char *label = g_strdup_printf (is_closed ? _("Q%u closed") : _("Q%u open"), q + 1);
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                        is_closed ? "changes-prevent-symbolic" : "changes-allow-symbolic");
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (button, is_closed
                                   ? _("Closed: its month figures change only with a justification")
                                   : _("Open: its month figures change freely"));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), is_closed);
      gtk_widget_set_sensitive (button, whole);

      {
        g_autofree char *name = g_strdup_printf ("closed-%u", q + 1);
        GAction *action = g_action_map_lookup_action (quarter_actions (self), name);

        g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (is_closed));
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), whole);
      }
    }
}

static void
update_observations (PoaWindow *self,
                     PoaPlan   *plan)
{
  poa_observations_fill (self->review_observations_list, plan, "plan");
}

/**
 * _poa_window_update_review:
 *
 * Shows the plan's review status and steps, and enables the steps that follow from it.
 */
void
_poa_window_update_review (PoaWindow *self)
{
  PoaPlan *plan = self->document != NULL ? poa_document_get_plan (self->document) : NULL;
  gboolean whole = self->document != NULL && !poa_document_get_loading (self->document);
  PoaReviewStatus status = plan != NULL ? poa_plan_get_review_status (plan) : POA_REVIEW_BORRADOR;
  const char *label = poa_review_status_label (status);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->review_status_label, label);
  gtk_image_set_from_icon_name (self->review_status_icon, status_icon (status));
  gtk_image_set_from_icon_name (self->review_status_icon_narrow, status_icon (status));
  /* Translators: the review button's tooltip: "Review status: Aprobado" */
  tooltip = g_strdup_printf (_("Review status: %s"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button),
                          plan != NULL && !adw_view_switcher_title_get_title_visible (self->switcher_title));
  update_steps (self, plan);
  update_observations (self, plan);
  update_closed_quarters (self, plan, whole);

  /* The main menu says the status too, first in its review section, as an item without an
   * action: where the header bar has no room for the button, it is said there. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->review_section)) > N_REVIEW_ITEMS)
    g_menu_remove (self->review_section, 0);
  g_menu_prepend (self->review_section, tooltip, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-submit",
                                 whole && (status == POA_REVIEW_BORRADOR || status == POA_REVIEW_OBSERVADO));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-return",
                                 whole && status == POA_REVIEW_ENVIADO);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-approve",
                                 whole && status == POA_REVIEW_ENVIADO);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-observe", whole);
}

static void
apply (PoaWindow       *self,
       PoaReviewAction  action,
       const char      *note)
{
  g_autoptr(GError) error = NULL;
  PoaPlan *plan;

  if (self->document == NULL)
    return;

  plan = poa_document_get_plan (self->document);
  if (!poa_review_apply (poa_document_get_store (self->document), plan, action, note, NULL, &error))
    {
      _poa_window_show_error (self, _("The review could not be changed"), error);
      return;
    }

  gtk_popover_popdown (gtk_menu_button_get_popover (self->review_button));
  _poa_window_update_review (self);
  {
    /* Translators: a toast once the review moved on: "Plan now Enviado" */
    g_autofree char *message = g_strdup_printf (_("Plan now %s"),
                                                poa_review_status_label (poa_plan_get_review_status (plan)));
    _poa_window_add_toast (self, adw_toast_new (message));
  }
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  apply (POA_WINDOW (widget), POA_REVIEW_SUBMIT, NULL);
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  apply (POA_WINDOW (widget), POA_REVIEW_APPROVE, NULL);
}

static void
note_changed_cb (GtkEditable      *editable,
                 AdwMessageDialog *dialog)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "return", *stripped != '\0');
}

static void
return_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PoaWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "return"))
    apply (self, POA_REVIEW_RETURN, gtk_editable_get_text (entry));
}

/* A plan is sent back with the observations that say why: the note is required. */
static void
return_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Return With Observations?"),
                                   _("The area receives the plan back to correct it, with "
                                     "these observations."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "return", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Observations"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Observations"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (note_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (return_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
observe_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);

  if (self->document == NULL)
    return;

  gtk_popover_popdown (gtk_menu_button_get_popover (self->review_button));
  poa_ask_observation (widget, self->document, "plan");
}

static void
history_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);

  if (self->document != NULL)
    poa_history_window_present (widget, poa_document_get_plan (self->document), NULL,
                                _("Change History"));
}

static void
user_name_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PoaWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "save"))
    return;

  if (!poa_review_set_preferred_user_name (gtk_editable_get_text (entry)))
    {
      _poa_window_add_toast (self, adw_toast_new (_("The name cannot be kept: the program's "
                                                    "settings are not installed")));
      return;
    }

  name = poa_review_user_name (NULL);
  {
    /* Translators: a toast once the user's name is kept: "Changes are now signed by Ana Pérez" */
    g_autofree char *message = g_strdup_printf (_("Changes are now recorded as made by %s"), name);
    _poa_window_add_toast (self, adw_toast_new (message));
  }
}

/* The name the change record and the review write as who: a preference of the program, which
 * the command line reads too; $POA_USER, when set, comes first (said in the dialog). */
static void
user_name_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autofree char *current = poa_review_preferred_user_name ();
  g_autofree char *body = NULL;
  const char *env = g_getenv ("POA_USER");
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  if (env != NULL && *env != '\0')
    /* Translators: %s is the value of the environment variable POA_USER */
    body = g_strdup_printf (_("The change record and the review write this name as who made each "
                              "change. While POA_USER is set (now “%s”), it is written instead."),
                            env);
  else
    body = g_strdup (_("The change record and the review write this name as who made each change. "
                       "Empty: the account's name."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Name"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_editable_set_text (GTK_EDITABLE (entry), current != NULL ? current : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), g_get_real_name ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (user_name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_poa_window_class_review_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_section);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_status_icon);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_status_icon_narrow);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_status_label);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_steps_box);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, review_observations_list);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, closed_quarters_box);

  gtk_widget_class_install_action (widget_class, "win.review-submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "win.review-return", NULL, return_activated);
  gtk_widget_class_install_action (widget_class, "win.review-approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_activated);
  gtk_widget_class_install_action (widget_class, "win.user-name", NULL, user_name_activated);
  gtk_widget_class_install_action (widget_class, "win.review-observe", NULL, observe_activated);
}
