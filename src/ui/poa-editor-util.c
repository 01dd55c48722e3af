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

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  /* Not laid out yet: wait for the next frame. */
  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;

  gtk_widget_grab_focus (widget);

  if (scrolled != NULL &&
      gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      /* A third of the way down, with what comes before it in sight. */
      gtk_adjustment_set_value (adjustment, point.y - gtk_adjustment_get_page_size (adjustment) / 3);
    }

  return G_SOURCE_REMOVE;
}

/**
 * _poa_focus_when_shown:
 *
 * Puts the focus in @widget once its window is laid out, and scrolls it into view: an editor
 * opened on one field shows that field.
 */
void
_poa_focus_when_shown (GtkWidget *widget)
{
  gtk_widget_add_tick_callback (widget, focus_tick_cb, NULL, NULL);
}
