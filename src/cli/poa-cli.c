/* poa-cli.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-cli"

#include "config.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "poa-check.h"
#include "poa-cli.h"
#include "poa-export.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-store.h"

/* The command line of ../shared/spec/cli-and-plan-json.md: the core without a display. It never
 * initialises GTK, so scripts and tests run it anywhere. */

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_FAILED, format, args));
  va_end (args);
  return FALSE;
}

/* Reads "--name VALUE" or "--name=VALUE" at argv[*i]. */
static gboolean
option_value (char       **argv,
              int          argc,
              int         *i,
              const char  *name,
              const char **value,
              GError     **error)
{
  gsize len = strlen (name);

  if (strncmp (argv[*i], name, len) != 0)
    return FALSE;

  if (argv[*i][len] == '=')
    {
      *value = argv[*i] + len + 1;
      return TRUE;
    }

  if (argv[*i][len] != '\0')
    return FALSE;

  if (*i + 1 >= argc)
    {
      usage_error (error, _("%s needs a value"), name);
      *value = NULL;
      return TRUE;
    }

  *value = argv[++(*i)];
  return TRUE;
}

/**
 * poa_cli_parse:
 *
 * Reads `poa [--db FILE] [--plan ID] SUBCOMMAND [ARGS]`. The global options come before the
 * subcommand; everything after it belongs to the subcommand.
 */
gboolean
poa_cli_parse (int             argc,
               char          **argv,
               PoaCliOptions  *options,
               GError        **error)
{
  int i;

  g_return_val_if_fail (options != NULL, FALSE);

  memset (options, 0, sizeof *options);

  for (i = 1; i < argc; i++)
    {
      const char *value = NULL;

      if (option_value (argv, argc, &i, "--db", &value, error))
        {
          if (value == NULL)
            return FALSE;
          if (value[0] == '\0')
            return usage_error (error, _("--db needs a file name"));
          g_free (options->db_path);
          options->db_path = g_strdup (value);
        }
      else if (option_value (argv, argc, &i, "--plan", &value, error))
        {
          char *end = NULL;
          gint64 id;

          if (value == NULL)
            return FALSE;
          errno = 0;
          id = g_ascii_strtoll (value, &end, 10);
          if (errno != 0 || end == value || *end != '\0' || id <= 0)
            return usage_error (error, _("--plan needs a plan number, as “poa plans” lists them, not “%s”"), value);
          options->plan_id = id;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        options->help = TRUE;
      else if (g_str_equal (argv[i], "--version"))
        options->version = TRUE;
      else if (argv[i][0] == '-')
        return usage_error (error, _("unknown option “%s”"), argv[i]);
      else
        break;
    }

  if (i < argc)
    {
      options->command = g_strdup (argv[i]);
      options->args = g_strdupv (argv + i + 1);
    }

  return TRUE;
}

void
poa_cli_options_clear (PoaCliOptions *options)
{
  g_clear_pointer (&options->db_path, g_free);
  g_clear_pointer (&options->command, g_free);
  g_clear_pointer (&options->args, g_strfreev);
}

void
poa_cli_print_help (void)
{
  g_print ("%s\n\n%s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n\n%s\n  %s\n  %s\n  %s\n  %s\n",
           _("Usage: poa [--db FILE] [--plan ID] [SUBCOMMAND [ARGS]]"),
           _("Without a subcommand, POA opens its window. Subcommands:"),
           _("plans                  list the plans: ID, year, area, activities"),
           _("import FILE.json       add the plan in FILE as a new plan; prints its ID"),
           _("export --output FILE   write the plan: .json, .xlsx, .pdf or .png, by the name’s extension"),
           _("check                  validate the plan: one finding per line"),
           _("backup --output FILE   copy the whole database to FILE"),
           _("restore FILE           replace the database with the backup FILE, keeping a copy"),
           _("Options:"),
           _("--db FILE    the database (default: $POA_DB, or the user’s data folder)"),
           _("--plan ID    the plan (default: the only one, or the last opened)"),
           _("--version    print the version"),
           _("--help       print this help"));
}

static void
print_error (const GError *error)
{
  g_printerr ("poa: %s\n", error->message);
}

static int
fail_usage (const char *message)
{
  g_printerr ("poa: %s\n", message);
  g_printerr ("%s\n", _("Try “poa --help”."));
  return POA_EXIT_ERROR;
}

/* What opening the database did that the user must know (a stray -wal applied, and the copies
 * kept first): on stderr, so that the command's output stays what scripts read. */
static void
print_notice (PoaStore *store)
{
  const char *notice = poa_store_get_notice (store);

  if (notice != NULL)
    g_printerr ("poa: %s\n", notice);
}

static PoaStore *
open_store (PoaCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = poa_store_resolve_path (options->db_path, &error);
  PoaStore *store;

  if (path == NULL || !(store = poa_store_open (path, &error)))
    {
      print_error (error);
      return NULL;
    }

  print_notice (store);
  return store;
}

static PoaPlan *
open_plan (PoaCliOptions  *options,
           PoaStore      **store_out)
{
  g_autoptr(PoaStore) store = open_store (options);
  g_autoptr(GError) error = NULL;
  PoaPlan *plan;
  gint64 id;

  if (store == NULL)
    return NULL;

  if (!(id = poa_store_resolve_plan (store, options->plan_id, &error)) ||
      !(plan = poa_store_load_plan (store, id, &error)))
    {
      print_error (error);
      return NULL;
    }

  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return plan;
}

static int
run_plans (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  if (options->args[0] != NULL)
    return fail_usage (_("“plans” takes no argument"));

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  if (!(plans = poa_store_list_plans (store, &error)))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      PoaPlanSummary *summary = g_ptr_array_index (plans, i);
      g_print ("%" G_GINT64_FORMAT "\t%u\t%s\t%u\n",
               summary->id, summary->year, summary->area, summary->n_activities);
    }

  return POA_EXIT_OK;
}

static int
run_import (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (options->args[0] == NULL || options->args[1] != NULL)
    return fail_usage (_("“import” takes one plan file: poa import FILE.json"));

  /* Read and validate the whole file before the database is touched. */
  if (!(plan = poa_plan_json_load (options->args[0], &error)))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  if (!(id = poa_store_insert_plan (store, plan, &error)))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return POA_EXIT_OK;
}

/* Reads the `--output FILE` (or `-o FILE`) that @command requires and allows alone. */
static int
read_output (PoaCliOptions  *options,
             const char     *command,
             const char    **output)
{
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);

  *output = NULL;
  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--output", &value, &error) ||
          option_value (args, n, &i, "-o", &value, &error))
        {
          if (value == NULL)
            return fail_usage (error->message);
          *output = value;
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("“%s” does not take “%s”"),
                                                      command, args[i]);
          return fail_usage (message);
        }
    }

  if (*output == NULL || (*output)[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("“%s” needs --output FILE"), command);
      return fail_usage (message);
    }

  return POA_EXIT_OK;
}

static int
run_export (PoaCliOptions *options)
{
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = NULL;

  if (read_output (options, "export", &output) != POA_EXIT_OK)
    return POA_EXIT_ERROR;

  if (!(plan = open_plan (options, NULL)))
    return POA_EXIT_ERROR;

#ifdef __GLIBC__
  /* A workbook is written part by part, each compressed with buffers that are freed after it:
   * by default glibc hands that memory back to the system every time and takes it again, page
   * by page, for the next part, which costs more than writing a small plan. The process ends
   * after this one export, so it keeps the memory instead. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif

  if (!poa_export_plan (plan, output, &error))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

static int
run_check (PoaCliOptions *options)
{
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GListStore) findings = NULL;
  guint n;

  if (options->args[0] != NULL)
    return fail_usage (_("“check” takes no argument"));

  if (!(plan = open_plan (options, NULL)))
    return POA_EXIT_ERROR;

  findings = poa_check_plan (plan);
  n = g_list_model_get_n_items (G_LIST_MODEL (findings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = poa_finding_to_line (finding);

      g_print ("%s\n", line);
    }

  return poa_check_count (G_LIST_MODEL (findings), POA_SEVERITY_ERROR) > 0
         ? POA_EXIT_FINDINGS : POA_EXIT_OK;
}

static int
run_backup (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = NULL;

  if (read_output (options, "backup", &output) != POA_EXIT_OK)
    return POA_EXIT_ERROR;

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  if (!poa_store_backup (store, output, &error))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

/* Whether a database that poa_store_open() refused is one a restore may replace as a file:
 * damaged, not SQLite, with a schema that does not match its version. Never another program's
 * database, one from a newer POA, or a file that cannot be written or is in use. */
static gboolean
may_replace_as_file (const GError *error)
{
  return error->domain == POA_STORE_ERROR &&
         error->code != POA_STORE_ERROR_FOREIGN &&
         error->code != POA_STORE_ERROR_NEWER_SCHEMA &&
         error->code != POA_STORE_ERROR_READ_ONLY &&
         error->code != POA_STORE_ERROR_NO_SPACE &&
         error->code != POA_STORE_ERROR_BUSY &&
         error->code != POA_STORE_ERROR_IO;
}

/* A database that opens is restored through its connection, so that a window open on it sees
 * the change whole; one that does not open because it is damaged is replaced as a file, which
 * is what a backup is for. The backup is checked whole before either changes anything. The
 * name of the copy kept of the old plans is printed whenever one was made, even if the restore
 * then failed. */
static int
run_restore (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  const char *backup = options->args[0];
  gboolean done;

  if (backup == NULL || options->args[1] != NULL)
    return fail_usage (_("“restore” takes one backup file: poa restore FILE"));

  if (!(path = poa_store_resolve_path (options->db_path, &error)))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  store = g_file_test (path, G_FILE_TEST_EXISTS) ? poa_store_open (path, &error) : NULL;
  /* A stray -wal that made the file wrong was taken away, the file put back as it was: said,
   * then the file is opened as it is now. */
  if (g_error_matches (error, POA_STORE_ERROR, POA_STORE_ERROR_STRAY_WAL))
    {
      print_error (error);
      g_clear_error (&error);
      store = poa_store_open (path, &error);
    }
  if (store != NULL)
    print_notice (store);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    done = poa_store_restore_file (path, backup, &kept, &error);
  else if (store != NULL)
    {
      done = poa_store_restore (store, backup, &kept, &error);
      /* The current plans could not even be copied out (damaged pages): as a file, then. */
      if (!done && kept == NULL &&
          g_error_matches (error, POA_STORE_ERROR, POA_STORE_ERROR_CORRUPT))
        {
          g_clear_object (&store);
          g_clear_error (&error);
          done = poa_store_restore_file (path, backup, &kept, &error);
        }
    }
  else if (error != NULL && may_replace_as_file (error))
    {
      g_clear_error (&error);
      done = poa_store_restore_file (path, backup, &kept, &error);
    }
  else
    done = FALSE;

  if (kept != NULL)
    g_print ("%s\n", kept);
  if (!done)
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

/**
 * poa_cli_run:
 *
 * Runs the subcommand in @options.
 *
 * Returns: the process exit status.
 */
int
poa_cli_run (PoaCliOptions *options)
{
  static const struct {
    const char *name;
    int       (*run) (PoaCliOptions *options);
  } commands[] = {
    { "plans",  run_plans },
    { "import", run_import },
    { "export", run_export },
    { "check",  run_check },
    { "backup", run_backup },
    { "restore", run_restore },
  };
  g_autofree char *message = NULL;

  g_return_val_if_fail (options != NULL && options->command != NULL, POA_EXIT_ERROR);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (options->command, commands[i].name))
      return commands[i].run (options);

  message = g_strdup_printf (_("unknown subcommand “%s”"), options->command);
  return fail_usage (message);
}
