/* test-window-module.c — `poa` loads GTK only for the window, from the module that fits it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a process loads is read from the dynamic loader itself: with LD_DEBUG=libs, glibc's ld.so
 * names every library it maps, at start and by dlopen(), in LD_DEBUG_OUTPUT.PID. Unlike
 * /proc/PID/maps, which would have to be read while the short-lived process still runs, the log
 * misses nothing and needs no timing. Each case also looks for a library it expects, so that a
 * log that stopped being written fails rather than passes. Runs under a display (the window
 * opens), in the ui suite and, for the sanitizer build, the cli suite.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-cli-util.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *db;
  guint runs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Sets up a run whose loader log goes to a folder of its own; returns that folder. */
static char *
new_log_dir (Fixture *fixture)
{
  g_autofree char *name = g_strdup_printf ("ld-%u", fixture->runs++);
  char *dir = g_build_filename (fixture->dir, name, NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return dir;
}

/* Everything the loader wrote in @dir: one file per process (LD_DEBUG_OUTPUT.PID). */
static char *
read_loader_log (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_string_append (log, text);
    }

  return g_string_free (g_steal_pointer (&log), FALSE);
}

static void
assert_log_mentions (const char *log,
                     const char *what,
                     gboolean    expected)
{
  if ((strstr (log, what) != NULL) != expected)
    g_error ("the loader %s “%s”:\n%s", expected ? "did not load" : "loaded", what, log);
}

static void
test_commands_do_not_load_gtk (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *module = g_path_get_basename (WINDOW_MODULE);
  const char *commands[][5] = {
    { "--version", NULL },
    { "--help", NULL },
    { "--db", fixture->db, "plans", NULL },
    { "--db", fixture->db, "check", NULL },
    { "--db", fixture->db, "export", "--output", xlsx },
    { "--db", fixture->db, "export", "--output", pdf },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *dir = new_log_dir (fixture);
      g_autofree char *output = g_strdup_printf ("LD_DEBUG_OUTPUT=%s/ld", dir);
      const char *env[] = { "LD_DEBUG=libs", output, NULL };
      g_auto(Result) r = { 0 };
      g_autofree char *log = NULL;

      run_env (&r, env, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
               commands[i][4], NULL);
      g_test_message ("poa %s %s: exit %d", commands[i][0], commands[i][2] ? commands[i][2] : "",
                      r.status);
      /* check finds the default plan's errors: 1. */
      g_assert_cmpint (r.status, ==, g_strcmp0 (commands[i][2], "check") == 0 ? 1 : 0);

      log = read_loader_log (dir);
      assert_log_mentions (log, "libsqlite3.so", TRUE);
      assert_log_mentions (log, "libgtk-4.so", FALSE);
      assert_log_mentions (log, "libadwaita-1.so", FALSE);
      assert_log_mentions (log, "libepoxy.so", FALSE);
      assert_log_mentions (log, module, FALSE);
    }

  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The real program, run from the build tree, opens the window through the build tree's module
 * and paints it: POA_REPORT_FIRST_FRAME=quit closes it then (src/ui/poa-ui-util.c). */
static void
test_window_opens_through_the_build_tree_module (Fixture       *fixture,
                                                 gconstpointer  data)
{
  g_autofree char *dir = new_log_dir (fixture);
  g_autofree char *output = g_strdup_printf ("LD_DEBUG_OUTPUT=%s/ld", dir);
  const char *asan = g_getenv ("ASAN_OPTIONS");
  /* In the sanitizer build memory errors and undefined behaviour still fail the window, but
   * not leaks: GLib drops its first block of quarks, by design, once a program has made 2,048
   * of them, as GTK does, and LeakSanitizer's quick unwinding stops in GLib, short of anything
   * a suppression could name. The window's own leaks are the ui tests' business. */
  g_autofree char *no_leaks = g_strdup_printf ("ASAN_OPTIONS=%s%sdetect_leaks=0",
                                               asan != NULL ? asan : "", asan != NULL ? ":" : "");
  const char *env[] = { "LD_DEBUG=libs", output, "POA_REPORT_FIRST_FRAME=quit", no_leaks, NULL };
  g_auto(Result) r = { 0 };
  g_autofree char *log = NULL;

  run_env (&r, env, "--db", fixture->db, NULL);
  if (r.status != 0)
    g_error ("the window did not open (exit %d): %s", r.status, r.err);
  g_assert_true (g_str_has_prefix (r.out, "first-frame "));

  log = read_loader_log (dir);
  /* A library loaded by its path is logged when it starts, not when it is looked for. */
  assert_log_mentions (log, "calling init: " BUILD_WINDOW_MODULE "\n", TRUE);
  assert_log_mentions (log, WINDOW_MODULE, FALSE);
  assert_log_mentions (log, "libgtk-4.so", TRUE);
  assert_log_mentions (log, "libadwaita-1.so", TRUE);
}

/* A copy of the program outside the build tree is an installed program: it looks for the module
 * in its prefix only, and says so when it is not there, rather than borrowing the build tree's. */
static void
test_copy_does_not_take_the_build_tree_module (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "poa", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("POA_BINARY"));
  g_autoptr(GFile) target = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  const char *quit_env[] = { "POA_REPORT_FIRST_FRAME=quit", NULL };
  g_auto(Result) r = { 0 };

  if (g_file_test (WINDOW_MODULE, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("POA is installed in this build's prefix: " WINDOW_MODULE);
      return;
    }

  g_file_copy (source, target, G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The command line does not need the module. */
  run_binary_env (&r, copy, NULL, "--db", fixture->db, "plans", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n");
  result_clear (&r);

  /* Should it open a window after all, the window closes at once and the status says so. */
  run_binary_env (&r, copy, quit_env, "--db", fixture->db, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_error_line (&r, "The window could not be loaded from “" WINDOW_MODULE "”: ");
  /* g_module_error () says why. */
  g_assert_nonnull (strstr (r.err, "No such file"));
  g_assert_null (strchr (strchr (r.err, '\n') + 1, '\n'));
}

/* The window ended by SIGTERM, as a session's end or a shutdown ends it, closes as Ctrl+Q does:
 * exit 0 and the database's write-ahead log folded into it. A log left behind would be taken
 * for a stray one at the next start, and set aside with a notice. */
static void
test_window_closes_cleanly_on_sigterm (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  const char *asan = g_getenv ("ASAN_OPTIONS");
  g_autofree char *no_leaks = g_strdup_printf ("%s%sdetect_leaks=0",
                                               asan != NULL ? asan : "", asan != NULL ? ":" : "");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "POA_DB");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "POA_REPORT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", no_leaks, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("POA_BINARY"),
                                         "--db", fixture->db, NULL);
  g_assert_no_error (error);

  /* Painted: the database is open, in WAL mode, and its log exists. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "first-frame "));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-module/commands-do-not-load-gtk", test_commands_do_not_load_gtk);
  ADD ("/window-module/window-opens-through-the-build-tree-module",
       test_window_opens_through_the_build_tree_module);
  ADD ("/window-module/copy-does-not-take-the-build-tree-module",
       test_copy_does_not_take_the_build_tree_module);
  ADD ("/window-module/window-closes-cleanly-on-sigterm", test_window_closes_cleanly_on_sigterm);
#undef ADD

  return g_test_run ();
}
