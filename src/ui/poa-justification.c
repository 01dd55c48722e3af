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
#include "poa-ui-util.h"

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

/* Enter answers, once there is something to say. A response given this way, unlike a button's,
 * leaves the dialog open: it is closed here. */
static void
entry_activate_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "poa-ask");
  g_autoptr(AdwMessageDialog) kept = NULL;

  if (typed (ask) == NULL)
    return;

  kept = g_object_ref (dialog);
  adw_message_dialog_response (dialog, "modify");
  if (gtk_widget_get_visible (GTK_WIDGET (kept)))
    gtk_window_close (GTK_WINDOW (kept));
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

  /* Approved, or not approved and a closed quarter's month figures changing. */
  if (poa_document_needs_justification (document))
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         _("Modify an Approved Plan?"),
                                                         _("The plan is approved. Say why it changes: "
                                                           "the change record keeps the reason with "
                                                           "the value before and after.")));
  else
    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         _("Change a Closed Quarter?"),
                                                         _("The planning unit closed this quarter. Say "
                                                           "why its figures change: the change record "
                                                           "keeps the reason with the value before and "
                                                           "after.")));
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

/* ── Asking after the refusal ─────────────────────────────────────────────────────────────
 *
 * Every edit of the window goes to PoaDocument, which refuses, before anything changes, one that
 * needs a justification (an approved plan; a closed quarter's month figures). Rather than each
 * page knowing when that is, a page hands the refused edit over: the window asks why, and the
 * same edit is made again with the answer. */

typedef enum
{
  RETRY_INSERT,
  RETRY_REMOVE,
  RETRY_MOVE,
  RETRY_SET_VALUES,
  RETRY_SET_VALUE_OF_EACH,
} RetryKind;

struct _PoaRetry
{
  RetryKind             kind;
  gpointer              object;      /* (owned) the item or the object */
  GPtrArray            *objects;     /* (owned) RETRY_SET_VALUE_OF_EACH */
  guint                 position;
  guint                 n_values;
  char                **properties;
  GValue               *values;
  char                 *label;
  GtkWidget            *widget;      /* (owned) for the error, if any */
  PoaDocument          *document;    /* (owned) */
  PoaRetryFinishedFunc  finished;
  gpointer              finished_data;
  GDestroyNotify        finished_destroy;
};

static PoaRetry *
retry_new (RetryKind kind,
           gpointer  object)
{
  PoaRetry *retry = g_new0 (PoaRetry, 1);

  retry->kind = kind;
  retry->object = object != NULL ? g_object_ref (object) : NULL;
  return retry;
}

static void
retry_free (PoaRetry *retry)
{
  if (retry->finished_destroy != NULL)
    retry->finished_destroy (retry->finished_data);
  g_clear_object (&retry->object);
  g_clear_pointer (&retry->objects, g_ptr_array_unref);
  for (guint i = 0; retry->values != NULL && i < retry->n_values; i++)
    g_value_unset (&retry->values[i]);
  g_free (retry->values);
  g_strfreev (retry->properties);
  g_free (retry->label);
  g_clear_object (&retry->widget);
  g_clear_object (&retry->document);
  g_free (retry);
}

PoaRetry *
poa_retry_insert (gpointer item,
                  guint    position)
{
  PoaRetry *retry = retry_new (RETRY_INSERT, item);

  retry->position = position;
  return retry;
}

PoaRetry *
poa_retry_remove (gpointer item)
{
  return retry_new (RETRY_REMOVE, item);
}

PoaRetry *
poa_retry_move (gpointer item,
                guint    position)
{
  PoaRetry *retry = retry_new (RETRY_MOVE, item);

  retry->position = position;
  return retry;
}

static void
copy_values (PoaRetry      *retry,
             guint          n_values,
             const GValue  *values)
{
  retry->n_values = n_values;
  retry->values = g_new0 (GValue, n_values);
  for (guint i = 0; i < n_values; i++)
    {
      g_value_init (&retry->values[i], G_VALUE_TYPE (&values[i]));
      g_value_copy (&values[i], &retry->values[i]);
    }
}

PoaRetry *
poa_retry_set_values (gpointer       object,
                      guint          n_values,
                      const char   **properties,
                      const GValue  *values)
{
  PoaRetry *retry = retry_new (RETRY_SET_VALUES, object);

  retry->properties = g_new0 (char *, n_values + 1);
  for (guint i = 0; i < n_values; i++)
    retry->properties[i] = g_strdup (properties[i]);
  copy_values (retry, n_values, values);
  return retry;
}

PoaRetry *
poa_retry_set_uint (gpointer    object,
                    const char *property,
                    guint       value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_UINT);
  g_value_set_uint (&gvalue, value);
  return poa_retry_set_values (object, 1, &property, &gvalue);
}

PoaRetry *
poa_retry_set_text (gpointer    object,
                    const char *property,
                    const char *text)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, text);
  return poa_retry_set_values (object, 1, &property, &gvalue);
}

PoaRetry *
poa_retry_set_value_of_each (GPtrArray    *objects,
                             const char   *property,
                             const GValue *value,
                             const char   *label)
{
  PoaRetry *retry = retry_new (RETRY_SET_VALUE_OF_EACH, NULL);

  retry->objects = g_ptr_array_ref (objects);
  retry->properties = g_new0 (char *, 2);
  retry->properties[0] = g_strdup (property);
  retry->label = g_strdup (label);
  copy_values (retry, 1, value);
  return retry;
}

/**
 * poa_retry_set_finished:
 *
 * Calls @func once the retried edit is over, done or not (the user cancelled, or the document
 * refused it again): a page that showed the refused value can show the plan's again.
 */
void
poa_retry_set_finished (PoaRetry             *retry,
                        PoaRetryFinishedFunc  func,
                        gpointer              user_data,
                        GDestroyNotify        destroy)
{
  retry->finished = func;
  retry->finished_data = user_data;
  retry->finished_destroy = destroy;
}

static gboolean
retry_run (PoaRetry  *retry,
           GError   **error)
{
  switch (retry->kind)
    {
    case RETRY_INSERT:
      return poa_document_insert (retry->document, retry->object, retry->position, error);
    case RETRY_REMOVE:
      return poa_document_remove (retry->document, retry->object, error);
    case RETRY_MOVE:
      return poa_document_move (retry->document, retry->object, retry->position, error);
    case RETRY_SET_VALUES:
      return poa_document_set_values (retry->document, retry->object, retry->n_values,
                                      (const char **)retry->properties, retry->values, error);
    case RETRY_SET_VALUE_OF_EACH:
      return poa_document_set_value_of_each (retry->document, retry->objects, retry->properties[0],
                                             &retry->values[0], retry->label, error);
    default:
      g_assert_not_reached ();
    }
}

static void
retry_justified_cb (const char *justification,
                    gpointer    user_data)
{
  PoaRetry *retry = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  if (justification != NULL)
    {
      done = retry_run (retry, &error);
      if (!done)
        _poa_widget_report_error (retry->widget, _("The change could not be made"), error);
    }

  if (retry->finished != NULL)
    retry->finished (done, retry->finished_data);
}

/**
 * poa_justify_and_retry:
 * @widget: the page or editor whose edit @document refused
 * @error: why it refused
 * @retry: (transfer full): the edit, to be made again
 *
 * When @error says that the edit needs a justification, asks for one and then makes @retry's
 * edit with it; otherwise does nothing.
 *
 * Returns: %TRUE when @error was that refusal and the question is asked (the caller says
 *   nothing more); %FALSE when the caller is to report @error as it would.
 */
gboolean
poa_justify_and_retry (GtkWidget    *widget,
                       PoaDocument  *document,
                       const GError *error,
                       PoaRetry     *retry)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (retry != NULL, FALSE);

  if (!g_error_matches (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED))
    {
      retry_free (retry);
      return FALSE;
    }

  retry->widget = g_object_ref (widget);
  retry->document = g_object_ref (document);
  poa_ask_justification (widget, document, retry_justified_cb, retry, (GDestroyNotify)retry_free);
  return TRUE;
}
