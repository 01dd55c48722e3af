/* poa-observations.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-change-record.h"
#include "poa-observations.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-ui-util.h"

/* The planning unit's observations where they apply: the plan's in the review's popover, an
 * activity's in its editor. Each is added through poa_review_observe(), like `poa review
 * observe`, and never edited or removed. */

/**
 * poa_observations_fill:
 * @where: `plan`, or `activity N`: only the observations attached there
 *
 * Fills @list with @plan's observations on @where, newest first, or a row saying there are
 * none.
 */
void
poa_observations_fill (GtkListBox *list,
                       PoaPlan    *plan,
                       const char *where)
{
  GPtrArray *observations = plan != NULL ? poa_plan_get_observations (plan) : NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = observations != NULL ? observations->len : 0; i-- > 0;)
    {
      const PoaObservation *observation = g_ptr_array_index (observations, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (observation->where, where) != 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), observation->text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      {
        g_autofree char *date = _poa_format_timestamp (observation->date);

        /* Translators: when and who of an observation: "02/04/2026 10:00 · Paulo" */
        subtitle = g_strdup_printf (_("%s · %s"), date, observation->by);
      }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (list, row);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No observations"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}

typedef struct
{
  PoaDocument *document;
  char        *where;
  GtkWidget   *widget;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->document);
  g_clear_object (&ask->widget);
  g_free (ask->where);
  g_free (ask);
}

static void
text_changed_cb (GtkEditable      *editable,
                 AdwMessageDialog *dialog)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "add", *stripped != '\0');
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;

  if (!poa_review_observe (poa_document_get_store (ask->document),
                          poa_document_get_plan (ask->document), ask->where,
                          gtk_editable_get_text (entry), NULL, &error))
    _poa_widget_report_error (ask->widget, _("The observation could not be added"), error);
}

/**
 * poa_ask_observation:
 * @widget: where it is asked from; the dialog is its window's
 * @where: `plan`, or `activity N`
 *
 * Asks for an observation of the planning unit and adds it to @where.
 */
void
poa_ask_observation (GtkWidget   *widget,
                     PoaDocument *document,
                     const char  *where)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;
  Ask *ask;

  g_return_if_fail (POA_IS_DOCUMENT (document));

  if (g_str_equal (where, "plan"))
    body = g_strdup (_("The planning unit’s observation on the whole plan, kept with who wrote it and when."));
  else
    /* Translators: %s is where the observation goes, as `check` names it: "activity 3" */
    body = g_strdup_printf (_("The planning unit’s observation on %s, kept with who wrote it and when."),
                            where);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add Observation?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Observation"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Observation"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  ask = g_new0 (Ask, 1);
  ask->document = g_object_ref (document);
  ask->where = g_strdup (where);
  ask->widget = g_object_ref (widget);
  g_object_set_data_full (G_OBJECT (dialog), "poa-ask-observation", ask, (GDestroyNotify)ask_free);
  g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
