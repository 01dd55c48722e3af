/* test-cli-util.c — runs the `poa` binary as a script would.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-cli-util.h"

void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

static void
run_valist (Result                *result,
            const char            *binary,
            const char           **env_extra,
            GSpawnChildSetupFunc   child_setup,
            gpointer               child_data,
            const char            *first_arg,
            va_list                args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer)binary);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "POA_DB");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  if (child_setup != NULL)
    g_subprocess_launcher_set_child_setup (launcher, child_setup, child_data, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

void
run_env_setup (Result                *result,
               const char           **env_extra,
               GSpawnChildSetupFunc   child_setup,
               gpointer               child_data,
               const char            *first_arg,
               ...)
{
  va_list args;

  va_start (args, first_arg);
  run_valist (result, g_getenv ("POA_BINARY"), env_extra, child_setup, child_data, first_arg, args);
  va_end (args);
}

void
run_binary_env (Result      *result,
                const char  *binary,
                const char **env_extra,
                const char  *first_arg,
                ...)
{
  va_list args;

  va_start (args, first_arg);
  run_valist (result, binary, env_extra, NULL, NULL, first_arg, args);
  va_end (args);
}

/* Errors are one line each on stderr, naming @mention; nothing goes to stdout. */
void
assert_one_error_line (Result     *result,
                       const char *mention)
{
  g_autofree char *first = NULL;
  const char *newline = strchr (result->err, '\n');

  g_assert_nonnull (newline);
  first = g_strndup (result->err, newline - result->err);
  if (strstr (first, mention) == NULL)
    g_error ("stderr “%s” does not mention “%s”", result->err, mention);
  g_assert_cmpstr (result->out, ==, "");
}

void
assert_lists_default_plan (const char *db)
{
  g_auto(Result) r = { 0 };

  run (&r, "--db", db, "plans");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\t2026\tMigrantes y Ex braceros\t16\n");
}
