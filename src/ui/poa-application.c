/* poa-application.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-application"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "poa-about.h"
#include "poa-application.h"
#include "poa-document.h"
#include "poa-session.h"
#include "poa-ui-util.h"
#include "poa-window.h"

struct _PoaApplication
{
  AdwApplication  parent_instance;

  /* The database and the plan shown; it reads them while GTK starts up. */
  PoaSession     *session;
  guint           loading_timeout;
  guint           quit_signal_sources[3];
};

G_DEFINE_FINAL_TYPE (PoaApplication, poa_application, ADW_TYPE_APPLICATION)

/* A database that cannot be opened is said in a dialog, and the program ends when it closes:
 * nothing in the window could work without it. */
static void
show_fatal_error (PoaApplication *self,
                  const char     *heading,
                  const GError   *error)
{
  GtkWidget *dialog;
  GtkWidget *parent;

  /* libadwaita asks for a parent ("mapped without a transient parent" on the terminal), and
   * there is no window yet: an empty one, never shown, stands in and goes with the dialog. */
  parent = gtk_window_new ();
  dialog = adw_message_dialog_new (GTK_WINDOW (parent), heading, error->message);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (gtk_window_destroy), parent,
                           G_CONNECT_SWAPPED);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the opening of the database did beside it (a stray -wal found, and copies of both files
 * set aside) is said once, over the window, and stays until the user has read it: a toast
 * would go before anyone wrote down the names of the copies. */
static void
show_notice (PoaApplication *self,
             GtkWindow      *window)
{
  g_autofree char *notice = poa_session_take_notice (self->session);
  GtkWidget *dialog;

  if (notice == NULL)
    return;

  dialog = adw_message_dialog_new (window, _("Files were set aside"), notice);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The rest of a big plan, once the window has painted its first part: before any input is
 * handled, so that nothing is ever done to part of a plan (see poa-session.c). */
static gboolean
finish_loading_cb (gpointer data)
{
  PoaApplication *self = data;
  g_autoptr(GError) error = NULL;

  /* After the first frame, or after a while if no frame comes (a window never shown). */
  if (self->loading_timeout == 0)
    return G_SOURCE_REMOVE;
  g_clear_handle_id (&self->loading_timeout, g_source_remove);

  if (!poa_session_finish_loading (self->session, &error))
    {
      GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                                         (GCopyFunc)(void (*) (void))g_object_ref, NULL);

      /* The part shown must not be edited or exported as if it were the plan. */
      for (GList *l = windows; l != NULL; l = l->next)
        gtk_window_destroy (l->data);
      g_list_free_full (windows, g_object_unref);
      show_fatal_error (self, _("The plan could not be opened"), error);
    }

  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock  *clock,
                        PoaApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  g_idle_add_full (G_PRIORITY_HIGH, finish_loading_cb, g_object_ref (self), g_object_unref);
}

static void
window_mapped_cb (GtkWidget      *window,
                  PoaApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);
}

static void
poa_application_activate (GApplication *app)
{
  PoaApplication *self = POA_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* The window is built while the opening thread reads the plan. */
  window = GTK_WINDOW (poa_window_new (GTK_APPLICATION (self), self->session));

  if (!poa_session_load (self->session, &error))
    {
      gtk_window_destroy (window);
      show_fatal_error (self, _("The plan could not be opened"), error);
      return;
    }

  /* Shown on a big plan's first part; the rest follows its first frame, and the application
   * stays until it has. */
  if (poa_document_get_loading (poa_session_get_document (self->session)))
    {
      g_application_hold (app);
      g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, 0);
      self->loading_timeout = g_timeout_add_seconds (2, finish_loading_cb, self);
    }

  _poa_report_first_frame (window);
  gtk_window_present (window);
  show_notice (self, window);
}

/* Closes the windows rather than quitting outright, so that each may one day refuse to lose
 * work; the application ends with its last window. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing one window changes the application's list: walk a copy. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PoaApplication *self = POA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (poa_about_window_new (parent, poa_session_get_store (self->session))));
}

/* SIGTERM (the session ending, the computer shutting down), SIGINT and SIGHUP close the windows
 * as Ctrl+Q does, so that the database is closed and its write-ahead log folded into it: a log
 * left behind is taken, at the next start, for a stray one and set aside with a notice. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
poa_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };
  PoaApplication *self = POA_APPLICATION (app);

  G_APPLICATION_CLASS (poa_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);

  G_STATIC_ASSERT (G_N_ELEMENTS (quit_signals) == G_N_ELEMENTS (self->quit_signal_sources));
  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->quit_signal_sources[i] = g_unix_signal_add (quit_signals[i], quit_on_signal_cb, app);

  /* Window lists and task switchers on X11 take the icon from the window; the icon theme finds
   * it installed, or in the resources (RESOURCE_PATH "/icons") when run from the build tree. */
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
poa_application_finalize (GObject *object)
{
  PoaApplication *self = (PoaApplication *)object;

  g_clear_handle_id (&self->loading_timeout, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->quit_signal_sources); i++)
    g_clear_handle_id (&self->quit_signal_sources[i], g_source_remove);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (poa_application_parent_class)->finalize (object);
}

static void
poa_application_class_init (PoaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = poa_application_finalize;
  app_class->activate = poa_application_activate;
  app_class->startup = poa_application_startup;
}

static void
poa_application_init (PoaApplication *self)
{
}

static PoaApplication *
application_new (const char        *db_path,
                 gint64             plan_id,
                 PoaOpening        *opening,
                 GApplicationFlags  flags)
{
  PoaApplication *self;

  self = g_object_new (POA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
  self->session = poa_session_new (db_path, plan_id, opening);

  return self;
}

/**
 * poa_application_new:
 * @db_path: (nullable): the database; %NULL for $POA_DB or the default file
 * @plan_id: the plan to open, or 0 for the last one opened
 */
PoaApplication *
poa_application_new (const char        *db_path,
                     gint64             plan_id,
                     GApplicationFlags  flags)
{
  return application_new (db_path, plan_id, NULL, flags);
}

/**
 * poa_application_get_session:
 *
 * Returns: (transfer none): the database and the plan shown, once the window has opened them.
 */
PoaSession *
poa_application_get_session (PoaApplication *self)
{
  g_return_val_if_fail (POA_IS_APPLICATION (self), NULL);

  return self->session;
}

/**
 * poa_application_run:
 * @opening: (transfer full) (nullable): the opening of @db_path's plan @plan_id, started
 *   already; %NULL to start it here
 *
 * Opens the window on a plan and runs until it closes.
 *
 * Returns: the process exit status.
 */
int
poa_application_run (const char *db_path,
                     gint64      plan_id,
                     PoaOpening *opening)
{
  g_autoptr(PoaApplication) app = NULL;
  char *argv[] = { (char *)"poa", NULL };

  /* An explicit database is a separate instance: activating another window's database would
   * show the wrong plan. The session takes the opening, started before GTK was loaded. */
  app = application_new (db_path, plan_id,
                         opening != NULL ? opening : poa_opening_start (db_path, plan_id),
                         db_path != NULL ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
