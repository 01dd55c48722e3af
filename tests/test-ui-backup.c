/* test-ui-backup.c — the window with a bad database, and its backup and restore.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "poa-application.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "poa-session.h"
#include "poa-window-private.h"
#include "test-sqlite.h"
#include "test-system.h"
#include "test-util.h"

typedef struct _Fixture Fixture;

/* What a test does with the program running: @window is the one it opened first. */
typedef void (*Body) (Fixture   *fixture,
                      GtkWindow *window);

struct _Fixture
{
  char           *dir;
  char           *db;
  PoaApplication *app;
  Body            body;
  const char     *expected;  /* what the start-up dialog must say */
};

/* Every message, warning or critical logged, from GTK, libadwaita or POA: there must be none. */
static guint n_logged;

static GLogWriterOutput
count_log_writer (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE))
    n_logged++;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
spin (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  n_logged = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (n_logged, ==, 0);

  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static void
activated_cb (GApplication *app,
              Fixture      *fixture)
{
  GList *windows;

  spin ();
  fixture->body (fixture, gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* The program ends when its last window goes, as when the user closes it. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

/* Runs the program on the fixture's database, as `poa --db DB` does, and @body once it has
 * started. It must end cleanly and leave nothing behind. */
static void
run_program (Fixture *fixture,
             Body     body)
{
  char *argv[] = { (char *)"poa", NULL };

  fixture->body = body;
  fixture->app = poa_application_new (fixture->db, 0, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (fixture->app, "activate", G_CALLBACK (activated_cb), fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 1, argv), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->app));
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

/* The message dialog shown over @parent (any, if %NULL). */
static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Answers @dialog as a click on its button does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
}

/* The program must open no window on the plan but a dialog that names the file, and end when it
 * closes; the file must be as it was. */
static void
start_shows_dialog (Fixture   *fixture,
                    GtkWindow *window)
{
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (window));
  dialog = ADW_MESSAGE_DIALOG (window);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s — %s", adw_message_dialog_get_heading (dialog), body);
  g_assert_nonnull (strstr (body, fixture->db));
  if (strstr (body, fixture->expected) == NULL)
    g_error ("“%s” does not say “%s”", body, fixture->expected);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No se pudo abrir el plan");

  respond (dialog, "close");
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static void
assert_start_shows_dialog (Fixture    *fixture,
                           const char *expected)
{
  g_autofree char *before = test_file_checksum (fixture->db);
  g_autofree char *after = NULL;

  fixture->expected = expected;
  run_program (fixture, start_shows_dialog);
  after = test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_start_not_sqlite (Fixture       *fixture,
                       gconstpointer  data)
{
  test_write_file (fixture->db, "Plan operativo anual, escrito a mano.\n");
  assert_start_shows_dialog (fixture, "no es una base de datos de POA");
}

static void
test_start_newer_schema (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, NULL);

  g_clear_object (&store);
  test_sql_exec (fixture->db, "PRAGMA user_version = 99;");
  assert_start_shows_dialog (fixture, "99");
}

static void
test_start_read_only (Fixture       *fixture,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PoaStore) store = poa_store_open (fixture->db, NULL);

      g_clear_object (&store);
      g_assert_cmpint (g_chmod (fixture->db, 0400), ==, 0);
      g_assert_true (test_obey_file_modes ());
      assert_start_shows_dialog (fixture, "solo lectura");
      return;
    }

  if (!test_file_modes_are_obeyed (fixture->dir))
    {
      g_test_skip ("running as root, and root could not give up CAP_DAC_OVERRIDE here: "
                   "a read-only file would still be written");
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static PoaStore *
store_of (Fixture *fixture)
{
  return poa_session_get_store (poa_application_get_session (fixture->app));
}

/* Shows another plan, as if the user had opened it: restoring must replace it on screen. */
static void
show_a_second_plan (Fixture   *fixture,
                    GtkWindow *window)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2027);
  g_autoptr(GError) error = NULL;
  gint64 id;

  poa_plan_set_text (plan, POA_PLAN_AREA, "Cultura");
  id = poa_store_insert_plan (store_of (fixture), plan, &error);
  g_assert_no_error (error);
  g_assert_true (poa_session_open_plan (poa_application_get_session (fixture->app), id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2027 — Cultura");
}

static guint
count_plans (Fixture *fixture)
{
  g_autoptr(GPtrArray) plans = poa_store_list_plans (store_of (fixture), NULL);

  return plans->len;
}

static void
backup_then_restore (Fixture   *fixture,
                     GtkWindow *window)
{
  g_autofree char *path = g_build_filename (fixture->dir, "respaldo.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *kept_name = NULL;
  AdwMessageDialog *dialog;
  PoaPlan *shown;

  g_assert_true (POA_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1000, 700);

  /* Back up: the copy is there, and a toast says where. */
  g_assert_true (_poa_window_backup_to (POA_WINDOW (window), file));
  spin ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (find_label (GTK_WIDGET (window), "respaldo.sqlite3"));

  show_a_second_plan (fixture, window);
  shown = poa_window_get_plan (POA_WINDOW (window));

  /* Cancel changes nothing. */
  dialog = _poa_window_confirm_restore (POA_WINDOW (window), file);
  spin ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->db));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "respaldo.sqlite3"));
  respond (dialog, "cancel");
  g_assert_cmpuint (count_plans (fixture), ==, 2);
  g_assert_true (poa_window_get_plan (POA_WINDOW (window)) == shown);

  /* Restore: the window shows the restored plan, and a toast names the kept copy. */
  dialog = _poa_window_confirm_restore (POA_WINDOW (window), file);
  respond (dialog, "restore");
  g_assert_null (find_dialog (window));
  g_assert_cmpuint (count_plans (fixture), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2026 — Migrantes y Ex braceros");

  kept = test_list_backups (fixture->db);
  g_assert_cmpuint (kept->len, ==, 1);
  kept_name = g_path_get_basename (g_ptr_array_index (kept, 0));
  g_assert_true (find_label (GTK_WIDGET (window), kept_name));
}

static void
test_backup_then_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  run_program (fixture, backup_then_restore);
}

static void
restore_refuses_a_bad_file (Fixture   *fixture,
                            GtkWindow *window)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notas.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  PoaPlan *shown = poa_window_get_plan (POA_WINDOW (window));
  g_autoptr(GPtrArray) kept = NULL;

  test_write_file (path, "no es un respaldo");
  dialog = _poa_window_confirm_restore (POA_WINDOW (window), file);
  respond (dialog, "restore");

  /* An error dialog names the file; the plan on screen and in the file stay. */
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_true (poa_window_get_plan (POA_WINDOW (window)) == shown);
  g_assert_cmpuint (count_plans (fixture), ==, 1);
  kept = test_list_backups (fixture->db);
  g_assert_cmpuint (kept->len, ==, 0);
  respond (dialog, "close");
}

static void
test_restore_refuses_a_bad_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  run_program (fixture, restore_refuses_a_bad_file);
}

/* A restore that fails once the plans on screen are copied aside (another connection holds the
 * write lock) names that copy in its error dialog; the plan on screen stays. */
static void
failed_restore_names_the_kept_copy (Fixture   *fixture,
                                    GtkWindow *window)
{
  g_autofree char *path = g_build_filename (fixture->dir, "respaldo.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PoaStore) other = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  PoaPlan *shown = poa_window_get_plan (POA_WINDOW (window));
  AdwMessageDialog *dialog;
  const char *heading;

  g_assert_true (_poa_window_backup_to (POA_WINDOW (window), file));
  spin ();
  other = poa_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (poa_store_begin (other, &error));

  dialog = _poa_window_confirm_restore (POA_WINDOW (window), file);
  respond (dialog, "restore");
  poa_store_rollback (other);

  kept = test_list_backups (fixture->db);
  g_assert_cmpuint (kept->len, ==, 1);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  heading = adw_message_dialog_get_heading (dialog);
  g_test_message ("%s — %s", heading, adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (heading, g_ptr_array_index (kept, 0)));
  g_assert_true (g_str_has_prefix (heading, "La restauración falló"));
  g_assert_true (poa_window_get_plan (POA_WINDOW (window)) == shown);
  respond (dialog, "close");
}

static void
test_failed_restore_names_the_kept_copy (Fixture       *fixture,
                                         gconstpointer  data)
{
  run_program (fixture, failed_restore_names_the_kept_copy);
}

/* A -wal left by a killed POA is applied with copies kept first: the window says so, in a
 * dialog over it that stays until closed, once. */
static void
notice_is_shown_once (Fixture   *fixture,
                      GtkWindow *window)
{
  g_autoptr(GPtrArray) kept = test_list_backups (fixture->db);
  AdwMessageDialog *dialog = find_dialog (window);

  g_assert_true (POA_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2026 — Cultura");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Se apartaron archivos");
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_ptr_array_index (kept, 0)));
  respond (dialog, "close");
  g_assert_null (find_dialog (window));
  g_assert_null (poa_session_take_notice (poa_application_get_session (fixture->app)));
}

static void
test_notice_is_shown_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->db, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  test_leave_wal (fixture->db, "UPDATE plan SET area = 'Cultura'");
  run_program (fixture, notice_is_shown_once);
}

/* Without a notice, no dialog over the window. */
static void
no_notice_no_dialog (Fixture   *fixture,
                     GtkWindow *window)
{
  g_assert_true (POA_IS_WINDOW (window));
  g_assert_null (find_dialog (window));
}

static void
test_no_notice_no_dialog (Fixture       *fixture,
                          gconstpointer  data)
{
  run_program (fixture, no_notice_no_dialog);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
menu_offers_backup_and_restore (Fixture   *fixture,
                                GtkWindow *window)
{
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (window));
  GMenuModel *menu;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_true (menu_has_action (menu, "win.backup-database"));
  g_assert_true (menu_has_action (menu, "win.restore-backup"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backup-database", NULL));
  spin ();
}

static void
test_menu_offers_backup_and_restore (Fixture       *fixture,
                                     gconstpointer  data)
{
  run_program (fixture, menu_offers_backup_and_restore);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_log_set_writer_func (count_log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/bad-database/not-sqlite-shows-a-dialog", test_start_not_sqlite);
  ADD ("/ui/bad-database/newer-schema-shows-a-dialog", test_start_newer_schema);
  ADD ("/ui/bad-database/read-only-file-shows-a-dialog", test_start_read_only);
  ADD ("/ui/backup/backup-then-restore", test_backup_then_restore);
  ADD ("/ui/backup/restore-refuses-a-bad-file", test_restore_refuses_a_bad_file);
  ADD ("/ui/backup/menu-offers-backup-and-restore", test_menu_offers_backup_and_restore);
  ADD ("/ui/backup/failed-restore-names-the-kept-copy", test_failed_restore_names_the_kept_copy);
  ADD ("/ui/notice/shown-once", test_notice_is_shown_once);
  ADD ("/ui/notice/none-no-dialog", test_no_notice_no_dialog);
#undef ADD

  return g_test_run ();
}
