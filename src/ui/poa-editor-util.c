/* poa-editor-util.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-document.h"
#include "poa-editor-util.h"
#include "poa-form.h"
#include "poa-ui-util.h"

/* What the editor windows (an activity, the general data) share. They are modal windows of
 * their own over the main window, so its shortcuts and its error dialog do not reach them. */

/**
 * _poa_editor_class_init:
 * @undo_activated: handles both "editor.undo" and "editor.redo"
 *
 * Escape closes the editor, and Ctrl+Z / Ctrl+Shift+Z undo and redo there too.
 */
void
_poa_editor_class_init (GtkWidgetClass              *widget_class,
                        GtkWidgetActionActivateFunc  undo_activated)
{
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
}

/**
 * _poa_editor_undo:
 * @redo: redo rather than undo
 */
void
_poa_editor_undo (GtkWidget   *widget,
                  PoaDocument *document,
                  gboolean     redo)
{
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;

  if (!(redo ? poa_document_redo (document, &error) : poa_document_undo (document, &error)) &&
      !g_error_matches (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_NOTHING_TO_UNDO))
    _poa_widget_report_error (widget, redo ? _("The change could not be redone") : _("The change could not be undone"), error);
}

/* ─── Closing with a field in error ─────────────────────────────────────────────────────── */

typedef struct
{
  GtkWindow *editor;
  GPtrArray *forms;      /* of PoaForm */
} CloseQuestion;

static void
close_question_free (gpointer  data,
                     GClosure *closure)
{
  CloseQuestion *question = data;

  g_ptr_array_unref (question->forms);
  g_free (question);
}

static gboolean
close_editor_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CloseQuestion    *question)
{
  GtkWindow *editor = question->editor;

  g_object_set_data (G_OBJECT (editor), "poa-close-question", NULL);
  if (!g_str_equal (response, "discard"))
    {
      /* Back to the first field in error, to fix it. */
      for (guint i = 0; i < question->forms->len; i++)
        {
          g_auto(GStrv) fields = poa_form_get_fields_in_error (g_ptr_array_index (question->forms, i));

          if (fields[0] != NULL)
            {
              poa_form_focus (g_ptr_array_index (question->forms, i), fields[0]);
              break;
            }
        }
      return;
    }

  /* The fields show the saved values again: closing now keeps those, and asks no more. The
   * editor closes once the dialog is done with its response: it goes with the editor. */
  for (guint i = 0; i < question->forms->len; i++)
    poa_form_discard_errors (g_ptr_array_index (question->forms, i));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_editor_cb, g_object_ref (editor), g_object_unref);
}

/**
 * _poa_editor_ask_before_closing:
 * @forms: the editor's forms
 *
 * An editor closing with a field in error would drop what was typed there without a word: it
 * asks instead whether to go back and fix it, or discard it (the field shows its saved value
 * again, and the editor closes).
 *
 * Returns: %TRUE if the editor must stay open for now: the question is asked.
 */
gboolean
_poa_editor_ask_before_closing (GtkWindow *editor,
                                PoaForm   *const *forms,
                                guint      n_forms)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *discard = NULL;
  const char *first_title = NULL;
  AdwMessageDialog *dialog;
  CloseQuestion *question;
  guint n_errors = 0;

  if ((dialog = g_object_get_data (G_OBJECT (editor), "poa-close-question")) != NULL)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  for (guint i = 0; i < n_forms; i++)
    {
      g_auto(GStrv) fields = poa_form_get_fields_in_error (forms[i]);

      for (guint j = 0; fields[j] != NULL; j++)
        {
          const char *title = poa_form_get_title (forms[i], fields[j]);
          const char *message = poa_form_get_message (forms[i], fields[j]);

          if (first_title == NULL)
            first_title = title;
          n_errors++;
          if (body->len > 0)
            g_string_append_c (body, '\n');
          /* Translators: a field in error, and why its value is refused */
          g_string_append_printf (body, _("«%s»: %s"), title, message != NULL ? message : "");
        }
    }

  if (n_errors == 0)
    return FALSE;

  if (n_errors == 1)
    {
      heading = g_strdup_printf (_("«%s» holds a value that cannot be saved"), first_title);
      discard = g_strdup_printf (_("_Discard «%s»"), first_title);
    }
  else
    {
      heading = g_strdup_printf (ngettext ("%u field holds a value that cannot be saved",
                                           "%u fields hold values that cannot be saved", n_errors),
                                 n_errors);
      discard = g_strdup (_("_Discard Them"));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, ngettext ("Discarding keeps the value saved before.",
                                   "Discarding keeps the values saved before.", n_errors));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor, heading, body->str));
  adw_message_dialog_add_responses (dialog, "back", _("_Go Back"), "discard", discard, NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "back");
  adw_message_dialog_set_close_response (dialog, "back");
  /* An undo in the main window can take the editor away while it asks. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  question = g_new0 (CloseQuestion, 1);
  question->editor = editor;
  question->forms = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_forms; i++)
    g_ptr_array_add (question->forms, g_object_ref (forms[i]));
  g_signal_connect_data (dialog, "response", G_CALLBACK (close_response_cb), question,
                         close_question_free, G_CONNECT_DEFAULT);
  g_object_set_data (G_OBJECT (editor), "poa-close-question", dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
