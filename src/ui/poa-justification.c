/* poa-justification.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-justification.h"

/* An approved plan is read-only: a change to it is a modificación, which the planning unit
 * must be able to account for. Before such an edit the window asks why; the answer goes to
 * the document (poa_document_set_justification()), which records it with the change. */

typedef struct
{
  PoaDocument      *document;
  GtkEntry         *entry;
  PoaJustifiedFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Ask;

static void
ask_free (Ask *ask)
{
  if (ask->destroy != NULL)
    ask->destroy (ask->user_data);
  g_clear_object (&ask->document);
  g_free (ask);
}

static const char *
typed (Ask *ask)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry))));

  return *stripped != '\0' ? gtk_editable_get_text (GTK_EDITABLE (ask->entry)) : NULL;
}

static void
entry_changed_cb (GtkEditable      *editable,
                  AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "poa-ask");

  adw_message_dialog_set_response_enabled (dialog, "modify", typed (ask) != NULL);
}

static void
entry_activate_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "poa-ask");

  if (typed (ask) != NULL)
    adw_message_dialog_response (dialog, "modify");
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  g_autofree char *text = NULL;

  if (g_str_equal (response, "modify") && typed (ask) != NULL)
    {
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
      poa_document_set_justification (ask->document, text);
    }

  ask->func (text, ask->user_data);
}

/**
 * poa_ask_justification:
 * @widget: where the edit comes from; the dialog is its window's
 *
 * Asks why the approved plan is being changed, then calls @func with the answer (given to
 * @document for the next edit) or with %NULL when the user cancelled.
 */
void
poa_ask_justification (GtkWidget        *widget,
                       PoaDocument      *document,
                       PoaJustifiedFunc  func,
                       gpointer          user_data,
                       GDestroyNotify    destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  Ask *ask;

  g_return_if_fail (POA_IS_DOCUMENT (document));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Modify an Approved Plan?"),
                                                       _("The plan is approved. Say why it changes: "
                                                         "the change record keeps the reason with "
                                                         "the value before and after.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "modify", _("_Modify"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "modify", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "modify", FALSE);
  adw_message_dialog_set_default_response (dialog, "modify");
  adw_message_dialog_set_close_response (dialog, "cancel");

  ask = g_new0 (Ask, 1);
  ask->document = g_object_ref (document);
  ask->entry = GTK_ENTRY (gtk_entry_new ());
  ask->func = func;
  ask->user_data = user_data;
  ask->destroy = destroy;
  gtk_entry_set_placeholder_text (ask->entry, _("Justification"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Justification"), -1);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (ask->entry));

  g_object_set_data_full (G_OBJECT (dialog), "poa-ask", ask, (GDestroyNotify)ask_free);
  g_signal_connect (ask->entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (ask->entry, "activate", G_CALLBACK (entry_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), ask);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (ask->entry));
}
