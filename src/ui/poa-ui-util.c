/* poa-ui-util.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-document.h"
#include "poa-ui-util.h"

/**
 * _poa_widget_unparent_children:
 *
 * For the dispose of a widget that lays out its own children (the pages): GTK 4.8's
 * gtk_widget_dispose_template() only drops the children bound to fields, not the template's
 * root, which would be left parented to a finalized widget.
 */
void
_poa_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * _poa_show_error:
 * @widget: a widget of the main window or of a dialog over it
 *
 * Says why something failed in a dialog over the window @widget belongs to.
 */
void
_poa_show_error (GtkWidget    *widget,
                 const char   *heading,
                 const GError *error)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *dialog;

  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (window, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _poa_undo:
 * @widget: a widget of the editor window asking
 * @redo: redo rather than undo
 *
 * Ctrl+Z in an editor window, which the main window's shortcut does not reach while the
 * editor is modal over it.
 */
void
_poa_undo (GtkWidget   *widget,
           PoaDocument *document,
           gboolean     redo)
{
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;

  if (!(redo ? poa_document_redo (document, &error) : poa_document_undo (document, &error)) &&
      !g_error_matches (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_NOTHING_TO_UNDO))
    _poa_show_error (widget, redo ? _("The change could not be redone") : _("The change could not be undone"), error);
}
