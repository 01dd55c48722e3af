/* poa-window-import.c — the window's “Import Plan…”: a plan file becomes a new plan in the
 * database and the window shows it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "poa-plan.h"
#include "poa-session.h"
#include "poa-window-private.h"
#include "poa-xlsx-import.h"

/**
 * poa_window_import_file:
 * @file: a plan file (JSON)
 *
 * Adds the plan in @file to the application's database as a new plan, all or nothing, and shows
 * it in the window with a toast; or says in a dialog why it could not.
 *
 * Returns: whether the plan was imported.
 */
gboolean
poa_window_import_file (PoaWindow *self,
                        GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (POA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The file chooser portal hands out local paths too, so only a remote location without a
   * local mount gets here. */
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot read “%s”: only files on this computer can be imported"), uri);
    }

  /* The message names the file and the line and column or the field (poa-plan-json.c), or the
   * database and what went wrong with it (poa-store.c). */
  if (path == NULL || !poa_session_import (self->session, path, &error))
    {
      _poa_window_show_error (self, _("The plan could not be imported"), error);
      return FALSE;
    }

  /* Translators: %s is the window's title, which names the plan: "POA 2026 — Migrantes" */
  message = g_strdup_printf (_("Imported “%s”"), gtk_window_get_title (GTK_WINDOW (self)));
  _poa_window_add_toast (self, adw_toast_new (message));

  return TRUE;
}

/* Several files at once: each all or nothing, one after the other. A file whose área and year
 * the database holds already stops the run on a question (replace that plan, keeping its
 * change record, or keep both), unless an earlier answer was to hold for the rest. At the end
 * one dialog lists what failed, naming each file, and a toast counts what came in. */
typedef struct
{
  PoaWindow            *window;        /* (owned) */
  GPtrArray            *files;         /* (element-type GFile) */
  guint                 next;
  gboolean              has_rule;      /* the user answered for the remaining files too */
  PoaSessionImportMode  rule;
  GPtrArray            *failures;      /* (element-type utf8): one message per failed file */
  GPtrArray            *warnings;      /* (element-type utf8): a workbook's, naming the file */
  guint                 n_imported;
  GtkCheckButton       *for_all;       /* in the question shown, if any */
  PoaPlan              *plan;          /* the current file's, read, while it is asked about */
  AdwToast             *progress;      /* shown while a big file is read */
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_object (&run->window);
  g_clear_pointer (&run->files, g_ptr_array_unref);
  g_clear_pointer (&run->failures, g_ptr_array_unref);
  g_clear_pointer (&run->warnings, g_ptr_array_unref);
  g_clear_object (&run->plan);
  g_clear_object (&run->progress);
  g_free (run);
}

static void import_run_continue (ImportRun *run);

/* Stores the current file's plan, read already, with @mode; a duplicate with no answer yet is
 * returned as TRUE in @ask, and the plan is kept for the answer. */
static void
import_run_store (ImportRun            *run,
                  PoaSessionImportMode  mode,
                  gboolean             *ask)
{
  GFile *file = g_ptr_array_index (run->files, run->next);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  *ask = FALSE;
  if (poa_session_import_plan (run->window->session, run->plan, path, mode, &error))
    {
      run->n_imported++;
      g_clear_object (&run->plan);
      return;
    }

  if (mode == POA_SESSION_IMPORT_REFUSE && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      *ask = TRUE;
      return;
    }
  g_clear_object (&run->plan);
  g_ptr_array_add (run->failures, g_strdup (error->message));
}

/* Reading a file, off the main thread: a workbook of thousands of activities takes a while, and
 * the window goes on drawing meanwhile, with the progress in a toast. */
typedef struct
{
  AdwToast *toast;
  char     *name;
  int       percent;
} Progress;

static void
progress_free (Progress *progress)
{
  g_clear_object (&progress->toast);
  g_free (progress->name);
  g_free (progress);
}

static gboolean
progress_show_cb (gpointer data)
{
  Progress *progress = data;
  /* Translators: %s is a file's name, %d a percentage */
  g_autofree char *title = g_strdup_printf (_("Reading “%s”… %d %%"), progress->name, progress->percent);

  adw_toast_set_title (progress->toast, title);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *shared = data;
  Progress *update = g_new0 (Progress, 1);

  update->toast = g_object_ref (shared->toast);
  update->name = g_strdup (shared->name);
  update->percent = (int) (fraction * 100);
  g_idle_add_full (G_PRIORITY_DEFAULT, progress_show_cb, update, (GDestroyNotify) progress_free);
}

typedef struct
{
  char      *path;
  Progress  *progress;   /* (nullable) */
  GPtrArray *warnings;
} LoadData;

static void
load_data_free (LoadData *load)
{
  g_free (load->path);
  g_clear_pointer (&load->progress, progress_free);
  g_clear_pointer (&load->warnings, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(GError) error = NULL;
  PoaPlan *plan = poa_plan_file_load_with_progress (load->path, &load->warnings,
                                                    load->progress != NULL ? progress_cb : NULL,
                                                    load->progress, &error);

  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void import_run_ask (ImportRun *run);

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  ImportRun *run = data;
  LoadData *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ask = FALSE;

  if (run->progress != NULL)
    {
      adw_toast_dismiss (run->progress);
      g_clear_object (&run->progress);
    }

  run->plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (run->plan == NULL)
    g_ptr_array_add (run->failures, g_strdup (error->message));
  else
    {
      for (guint i = 0; load->warnings != NULL && i < load->warnings->len; i++)
        g_ptr_array_add (run->warnings, g_strdup_printf ("%s: %s", load->path,
                                                         (const char *) g_ptr_array_index (load->warnings, i)));
      import_run_store (run, run->has_rule ? run->rule : POA_SESSION_IMPORT_REFUSE, &ask);
    }

  if (ask)
    {
      import_run_ask (run);
      return;
    }
  run->next++;
  import_run_continue (run);
}

/* Reads the current file, then stores it (load_done_cb()). */
static void
import_run_load (ImportRun *run)
{
  GFile *file = g_ptr_array_index (run->files, run->next);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GTask) task = NULL;
  LoadData *load;
  GStatBuf info;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_ptr_array_add (run->failures,
                       g_strdup_printf (_("Cannot read “%s”: only files on this computer can be imported"), uri));
      run->next++;
      import_run_continue (run);
      return;
    }

  load = g_new0 (LoadData, 1);
  load->path = g_strdup (path);
  /* Progress for what takes more than a moment: a workbook of some thousand activities. */
  if (poa_plan_file_is_workbook (path) && g_stat (path, &info) == 0 && info.st_size > 512 * 1024)
    {
      load->progress = g_new0 (Progress, 1);
      load->progress->name = g_file_get_basename (file);
      load->progress->toast = adw_toast_new (" ");
      adw_toast_set_timeout (load->progress->toast, 0);
      run->progress = g_object_ref (load->progress->toast);
      progress_show_cb (&(Progress) { load->progress->toast, load->progress->name, 0 });
      _poa_window_add_toast (run->window, g_object_ref (load->progress->toast));
    }

  task = g_task_new (run->window, NULL, load_done_cb, run);
  g_task_set_source_tag (task, import_run_load);
  g_task_set_task_data (task, load, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ImportRun        *run)
{
  PoaSessionImportMode mode = POA_SESSION_IMPORT_REFUSE;
  gboolean ask;

  if (g_str_equal (response, "replace"))
    mode = POA_SESSION_IMPORT_REPLACE;
  else if (g_str_equal (response, "keep"))
    mode = POA_SESSION_IMPORT_KEEP_BOTH;

  if (run->for_all != NULL && gtk_check_button_get_active (run->for_all) &&
      mode != POA_SESSION_IMPORT_REFUSE)
    {
      run->has_rule = TRUE;
      run->rule = mode;
    }
  run->for_all = NULL;

  /* Skipped: the file is left out, and said so with the failures. */
  if (mode == POA_SESSION_IMPORT_REFUSE)
    {
      g_autofree char *name = g_file_get_parse_name (g_ptr_array_index (run->files, run->next));

      g_ptr_array_add (run->failures,
                       g_strdup_printf (_("%s: not imported, its área and year are already there"), name));
    }
  else
    import_run_store (run, mode, &ask);
  g_clear_object (&run->plan);

  run->next++;
  import_run_continue (run);
}

static void
import_run_ask (ImportRun *run)
{
  GFile *file = g_ptr_array_index (run->files, run->next);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file's name */
  body = g_strdup_printf (_("The database already holds a plan for the área and year of “%s”. "
                            "Replacing it keeps its change record and the planning unit's observations."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (run->window), _("Replace the Plan?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Skip"),
                                    "keep", _("_Keep Both"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  if (run->next + 1 < run->files->len)
    {
      run->for_all = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Do the same for the _other files")));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (run->for_all));
    }
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), run);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_run_finish (ImportRun *run)
{
  if (run->failures->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < run->failures->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n\n" : "",
                                (const char *)g_ptr_array_index (run->failures, i));
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, text->str);
      _poa_window_show_error (run->window,
                              g_dngettext (GETTEXT_PACKAGE, "A file could not be imported",
                                           "Some files could not be imported", run->failures->len),
                              error);
    }

  if (run->warnings->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < run->warnings->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                                (const char *)g_ptr_array_index (run->warnings, i));
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, text->str);
      _poa_window_show_error (run->window, _("Imported with warnings"), error);
    }

  if (run->n_imported > 0)
    {
      g_autofree char *message = NULL;

      if (run->n_imported == 1)
        /* Translators: %s is the window's title, which names the plan: "POA 2026 — Migrantes" */
        message = g_strdup_printf (_("Imported “%s”"), gtk_window_get_title (GTK_WINDOW (run->window)));
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u plan",
                                                "Imported %u plans", run->n_imported),
                                   run->n_imported);
      _poa_window_add_toast (run->window, adw_toast_new (message));
    }

  import_run_free (run);
}

static void
import_run_continue (ImportRun *run)
{
  if (run->next < run->files->len)
    import_run_load (run);
  else
    import_run_finish (run);
}

/**
 * poa_window_import_files:
 * @files: (element-type GFile): plan files (JSON) or workbooks (.xlsx)
 *
 * Imports each of @files as a new plan, all or nothing per file, and shows the last one
 * imported. A file whose área and year are already in the database is asked about: replace that
 * plan (keeping its change record and observations), keep both, or skip it, for it alone or for the rest too.
 * What failed is said at the end in one dialog, naming each file.
 */
void
poa_window_import_files (PoaWindow  *self,
                         GListModel *files)
{
  ImportRun *run;

  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  run = g_new0 (ImportRun, 1);
  run->window = g_object_ref (self);
  run->files = g_ptr_array_new_with_free_func (g_object_unref);
  run->failures = g_ptr_array_new_with_free_func (g_free);
  run->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (run->files, g_list_model_get_item (files, i));

  import_run_continue (run);
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            PoaWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      poa_window_import_files (self, files);
    }

  g_object_unref (chooser);
}

/* Files come through the file chooser portal when sandboxed: the program has no access to the
 * user's folders of its own (build-aux/flatpak). */
static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Plans (JSON or workbook)"));
  gtk_file_filter_set_name (json, _("Plan files (JSON)"));
  gtk_file_filter_set_name (xlsx, _("Workbooks (.xlsx)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (xlsx, "xlsx");

  chooser = gtk_file_chooser_native_new (_("Import Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_poa_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}
