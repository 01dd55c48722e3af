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
 * _poa_widget_report_error:
 * @heading: what failed, e.g. "The change could not be saved"
 *
 * Shows @error in a dialog over the window that holds @widget (the main window, or an editor
 * of its own), as every failed edit should be shown.
 */
void
_poa_widget_report_error (GtkWidget    *widget,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_toast_document_changed_cb (PoaDocument *document,
                                GArray      *changes,
                                AdwToast    *toast)
{
  adw_toast_dismiss (toast);
}

/**
 * _poa_widget_show_undo_toast:
 * @page: a page of the window, whose `document` the change went through
 * @message: what was just done, e.g. "Partida 2111 deleted"
 *
 * Says @message at the bottom of the window with an Undo button (win.undo), for changes such
 * as a deletion that the user may not have meant.
 */
void
_poa_widget_show_undo_toast (GtkWidget  *page,
                             const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GObject) document = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");

  /* Undo undoes the last edit: once another edit is made, or another plan shown, this toast's
   * button would undo something else, so it goes. */
  g_object_get (page, "document", &document, NULL);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (undo_toast_document_changed_cb),
                               toast, G_CONNECT_DEFAULT);
      g_signal_connect_object (page, "notify::document", G_CALLBACK (adw_toast_dismiss), toast,
                               G_CONNECT_SWAPPED);
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * _poa_connect_items:
 * @list: a list of model objects
 * @position: the first item to watch
 * @added: how many items from there
 * @signals: (array zero-terminated=1): the signals to watch on each, e.g. "notify::achieved"
 * @callback: called swapped, with @widget first
 *
 * For a page's "items-changed" handler: watches the items just added, for as long as @widget
 * lives or until _poa_disconnect_items().
 */
void
_poa_connect_items (GListModel         *list,
                    guint               position,
                    guint               added,
                    const char * const *signals,
                    GCallback           callback,
                    gpointer            widget)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      /* An item can come back (an undone deletion keeps it alive): never watch it twice. */
      g_signal_handlers_disconnect_by_func (item, callback, widget);
      for (guint s = 0; signals[s] != NULL; s++)
        g_signal_connect_object (item, signals[s], callback, widget, G_CONNECT_SWAPPED);
    }
}

/**
 * _poa_disconnect_items:
 *
 * Stops every handler of @widget on @list and on each of its items, when a page leaves a plan.
 */
void
_poa_disconnect_items (GListModel *list,
                       gpointer    widget)
{
  g_signal_handlers_disconnect_by_data (list, widget);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_signal_handlers_disconnect_by_data (item, widget);
    }
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, window);

  /* CLOCK_MONOTONIC is shared by every process: the benchmark that started this one subtracts
   * its own reading taken just before. */
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  if (g_strcmp0 (g_getenv ("POA_REPORT_FIRST_FRAME"), "quit") == 0)
    gtk_window_destroy (window);
}

static void
window_mapped_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, window_mapped_cb, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), widget, 0);
}

/**
 * _poa_report_first_frame:
 *
 * For the startup benchmark: when $POA_REPORT_FIRST_FRAME is set, prints `first-frame T` (the
 * monotonic clock, in microseconds) once @window has painted its first frame, and closes the
 * window if the variable says `quit`.
 */
void
_poa_report_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("POA_REPORT_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
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

/**
 * _poa_format_timestamp:
 * @iso8601: a moment as the change record and the review keep it (`2026-12-05T08:00:53Z`)
 *
 * The moment as the office reads it, in this computer's time zone: `05/12/2026 02:00`. A text
 * that is not such a moment (a plan file written by hand) is shown as it is.
 *
 * Returns: (transfer full): the text to show
 */
char *
_poa_format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");
  if (!(moment = g_date_time_new_from_iso8601 (iso8601, NULL)))
    return g_strdup (iso8601);
  local = g_date_time_to_local (moment);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/* What the index, each activity and each area show of a semáforo level: a colour (CSS class), a
 * shape (icon) and a word, so that the colour is never the only sign. */
static const struct {
  const char *css_class;
  const char *icon_name;
} level_looks[] = {
  [POA_SEMAFORO_NONE]   = { "dim-label", "content-loading-symbolic" },
  [POA_SEMAFORO_RED]    = { "error",     "dialog-error-symbolic" },
  [POA_SEMAFORO_YELLOW] = { "warning",   "dialog-warning-symbolic" },
  [POA_SEMAFORO_GREEN]  = { "success",   "emblem-ok-symbolic" },
};

/* @widget's colour for @level, in place of another level's. */
void
_poa_widget_set_semaforo_class (GtkWidget   *widget,
                                PoaSemaforo  level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_looks); i++)
    gtk_widget_remove_css_class (widget, level_looks[i].css_class);
  gtk_widget_add_css_class (widget, level_looks[level].css_class);
}

const char *
_poa_semaforo_icon_name (PoaSemaforo level)
{
  return level_looks[level].icon_name;
}
