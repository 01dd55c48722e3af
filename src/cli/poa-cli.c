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

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-change-record.h"
#include "poa-money.h"
#include "poa-review.h"
#include "poa-summary.h"
#include "poa-consolidate.h"
#include "poa-util.h"
#include "poa-check.h"
#include "poa-date.h"
#include "poa-cli.h"
#include "poa-document.h"
#include "poa-export.h"
#include "poa-plan-json.h"
#include "poa-xlsx-import.h"
#include "poa-plan.h"
#include "poa-plan-pages.h"
#include "poa-session.h"
#include "poa-report.h"
#include "poa-xlsx-export.h"
#include "poa-store.h"
#include "poa-validate.h"

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

/* option_value() for a free text (--note, --justification): what poa_validate_text() refuses
 * is a usage error too. */
static gboolean
text_option_value (char       **argv,
                   int          argc,
                   int         *i,
                   const char  *name,
                   const char **value,
                   GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  const char *text = NULL;

  if (!option_value (argv, argc, i, name, &text, error))
    return FALSE;
  if (text != NULL && !poa_validate_text (text, -1, name, &text_error))
    usage_error (error, "%s", text_error->message);
  *value = text;
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
  const char *commands[] = {
    _("plans                  list the plans: ID, year, area, activities"),
    _("import FILE …          add the plan in each FILE (.json or .xlsx) as a new plan; prints\n"
      "                         their IDs (--replace or --keep-both for an área and year already there)"),
    _("export --output FILE   write the plan: .json, .xlsx, .pdf or .png, by the name’s extension;\n"
      "                         a .pdf is the whole POA (--paper letter|letter-portrait|legal,\n"
      "                         --gantt), --section cronograma the cronograma alone (.pdf, .png)"),
    _("check                  validate the plan: one finding per line"),
    _("record --activity N --month M [--programmed P] [--achieved A] [--note TEXT]\n"
      "       [--justification TEXT]\n"
      "                         record month M of activity N"),
    _("report --quarter Q [--output FILE.xlsx|FILE.pdf]\n"
      "                         the quarter’s avance de metas, one line per activity, or a workbook"),
    _("review [submit|return|approve] [--note TEXT]\n"
      "                         show the plan’s review, or move it a step"),
    _("review observe --note TEXT [--activity N] | observations\n"
      "                         add an observation to the plan or an activity, or list them"),
    _("review close-quarter Q | reopen-quarter Q\n"
      "                         close a reported quarter: its month figures then need a justification"),
    _("set [--activity N | --budget CODE] KEY VALUE [--justification TEXT]\n"
      "                         change one field; an approved plan needs a justification"),
    _("history                the plan’s change record, one line per change"),
    _("summary [--year YEAR]  every plan side by side, one line per plan"),
    _("consolidate --year YEAR --output FILE.xlsx\n"
      "                         every plan of YEAR in one workbook"),
    _("backup --output FILE   copy the whole database to FILE"),
    _("restore FILE           replace the database with the backup FILE, keeping a copy"),
  };

  g_print ("%s\n\n%s\n", _("Usage: poa [--db FILE] [--plan ID] [SUBCOMMAND [ARGS]]"),
           _("Without a subcommand, POA opens its window. Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s\n", commands[i]);
  g_print ("\n%s\n  %s\n  %s\n  %s\n  %s\n",
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

/* @command was given @arg, which it does not know. */
static int
fail_unknown_argument (const char *command,
                       const char *arg)
{
  g_autofree char *message = g_strdup_printf (_("“%s” does not take “%s”"), command, arg);

  return fail_usage (message);
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

typedef enum
{
  DUPLICATE_REFUSE,
  DUPLICATE_REPLACE,
  DUPLICATE_KEEP_BOTH,
} DuplicateRule;

/* Reads and drops the activities @reader has not handed on yet: a bad file is said to be bad
 * before anything else is said of it. */
static gboolean
read_the_rest (PoaPlanJsonReader  *reader,
               GError            **error)
{
  if (reader == NULL)
    return TRUE;
  for (;;)
    {
      g_autoptr(PoaActivity) activity = NULL;

      if (!poa_plan_json_reader_next (reader, &activity, error))
        return FALSE;
      if (activity == NULL)
        return TRUE;
    }
}

static gboolean
next_activity_cb (gpointer      data,
                  PoaActivity **activity,
                  GError      **error)
{
  /* A workbook's plan holds its activities already: nothing more to hand on. */
  if (data == NULL)
    {
      *activity = NULL;
      return TRUE;
    }
  return poa_plan_json_reader_next (data, activity, error);
}

/* One file of `import`, all or nothing. The plan's header is read and checked first; its
 * activities are read, checked and written one at a time inside the store's transaction, which
 * a bad one rolls back (issue 21: a big file is never held whole). */
static gint64
import_one (PoaStore       *store,
            const char     *path,
            DuplicateRule   rule,
            GError        **error)
{
  g_autoptr(PoaPlanJsonReader) reader = NULL;
  g_autoptr(PoaPlan) workbook_plan = NULL;
  g_autofree char *same_area_text = NULL;
  PoaPlan *plan;
  gint64 same;

  /* A workbook is read whole, validated, and its warnings listed (it imports all the same); a
   * plan file is read as it is written into the database, one activity at a time (issue 21). */
  if (poa_plan_file_is_workbook (path))
    {
      g_autoptr(GPtrArray) warnings = NULL;

      if (!(workbook_plan = poa_plan_file_load (path, &warnings, error)))
        return 0;
      for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        g_printerr (_("poa: %s: warning: %s\n"), path, (const char *) g_ptr_array_index (warnings, i));
      plan = workbook_plan;
    }
  else
    {
      if (!(reader = poa_plan_json_reader_open (path, error)))
        return 0;
      plan = poa_plan_json_reader_get_plan (reader);
    }

  if (rule == DUPLICATE_KEEP_BOTH)
    return poa_store_import_plan (store, 0, plan, next_activity_cb, reader, error);

  same = poa_session_find_same_plan (store, plan, &same_area_text, error);
  if (same < 0)
    return 0;
  if (same == 0)
    return poa_store_import_plan (store, 0, plan, next_activity_cb, reader, error);

  if (rule == DUPLICATE_REFUSE)
    {
      g_autofree char *area = NULL;

      if (!read_the_rest (reader, error))
        return 0;

      area = poa_text_quote_for_message (same_area_text, -1);
      g_set_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID,
                   _("%s: the database already holds plan %lld for %s, %u; import it with "
                     "--replace to replace that plan (its change record and observations are kept) or "
                     "--keep-both to add it beside it"),
                   path, (long long)same, area, poa_plan_get_year (plan));
      return 0;
    }

  {
    g_autoptr(PoaPlan) old = poa_store_load_plan (store, same, error);

    if (old == NULL)
      return 0;
    poa_session_keep_history (old, plan);
  }

  return poa_store_import_plan (store, same, plan, next_activity_cb, reader, error);
}

/* `import FILE…`: each file all or nothing, one ID printed per file imported; a failure is
 * said naming its file and the others go on. */
static int
run_import (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  DuplicateRule rule = DUPLICATE_REFUSE;
  int status = POA_EXIT_OK;

  for (guint i = 0; options->args[i] != NULL; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--replace") || g_str_equal (arg, "--keep-both"))
        {
          DuplicateRule chosen = g_str_equal (arg, "--replace") ? DUPLICATE_REPLACE : DUPLICATE_KEEP_BOTH;

          if (rule != DUPLICATE_REFUSE && rule != chosen)
            return fail_usage (_("“import” takes --replace or --keep-both, not both"));
          rule = chosen;
        }
      else if (g_str_equal (arg, "--"))
        {
          for (i++; options->args[i] != NULL; i++)
            g_ptr_array_add (files, options->args[i]);
          break;
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        return fail_unknown_argument ("import", arg);
      else
        g_ptr_array_add (files, (char *)arg);
    }

  if (files->len == 0)
    return fail_usage (_("“import” takes one or more plan files: poa import FILE.json|FILE.xlsx …"));

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *path = g_ptr_array_index (files, i);
      gint64 id = import_one (store, path, rule, &error);

      if (id == 0)
        {
          /* The reader names the file in its messages; the store's do not. */
          if (error->domain == POA_PLAN_JSON_ERROR || g_str_has_prefix (error->message, path))
            {
              /* A workbook's problems are one line each. */
              g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

              for (guint j = 0; lines[j] != NULL; j++)
                g_printerr ("poa: %s\n", lines[j]);
            }
          else
            g_printerr ("poa: %s: %s\n", path, error->message);
          status = POA_EXIT_ERROR;
          continue;
        }

      g_print ("%" G_GINT64_FORMAT "\n", id);
    }

  return status;
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
        return fail_unknown_argument (command, args[i]);
    }

  if (*output == NULL || (*output)[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("“%s” needs --output FILE"), command);
      return fail_usage (message);
    }

  return POA_EXIT_OK;
}

/* `export --output FILE.json`: the plan file written as its activities are read from the store,
 * one at a time, never the whole plan in memory (issue 21). */
typedef struct
{
  const char        *path;
  PoaPlanJsonWriter *writer;
} JsonExport;

static gboolean
json_export_header_cb (PoaPlan   *plan,
                       gboolean   follow_up,
                       gpointer   data,
                       GError   **error)
{
  JsonExport *export = data;

  export->writer = poa_plan_json_writer_begin (plan, follow_up, export->path, error);
  return export->writer != NULL;
}

static gboolean
json_export_activity_cb (PoaActivity  *activity,
                         gpointer      data,
                         GError      **error)
{
  JsonExport *export = data;

  return poa_plan_json_writer_add (export->writer, activity, error);
}

static int
export_json (PoaCliOptions *options,
             const char    *output)
{
  g_autoptr(PoaStore) store = open_store (options);
  g_autoptr(GError) error = NULL;
  JsonExport export = { output, NULL };
  gboolean ok;
  gint64 id;

  if (store == NULL)
    return POA_EXIT_ERROR;

  ok = (id = poa_store_resolve_plan (store, options->plan_id, &error)) != 0 &&
       poa_store_read_plan (store, id, json_export_header_cb, json_export_activity_cb, &export, &error) &&
       poa_plan_json_writer_commit (export.writer, &error);
  g_clear_pointer (&export.writer, poa_plan_json_writer_free);
  if (!ok)
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

/* `export --output FILE [--section cronograma] [--paper PAPER] [--gantt]`: the plan in the
 * format FILE's extension names; a .pdf is the whole POA (on PAPER, with the Gantt drawing on
 * pages of its own with --gantt), and with `--section cronograma` the cronograma alone, as a
 * .pdf or a .png. */
static int
run_export (PoaCliOptions *options)
{
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  const char *output = NULL;
  const char *section = NULL;
  const char *paper_name = NULL;
  gboolean gantt = FALSE;
  PoaPaper paper = POA_PAPER_LETTER_LANDSCAPE;
  g_autofree char *lower = NULL;
  gboolean ok;

  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--output", &value, &error) ||
          option_value (args, n, &i, "-o", &value, &error))
        output = value;
      else if (option_value (args, n, &i, "--section", &value, &error))
        section = value;
      else if (option_value (args, n, &i, "--paper", &value, &error))
        paper_name = value;
      else if (g_str_equal (args[i], "--gantt"))
        gantt = TRUE;
      else
        return fail_unknown_argument ("export", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (output == NULL || output[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("“%s” needs --output FILE"), "export");
      return fail_usage (message);
    }

  if (section != NULL && !g_str_equal (section, "cronograma"))
    {
      g_autofree char *message = g_strdup_printf (_("--section must be “cronograma”, not “%s”"), section);
      return fail_usage (message);
    }

  if (paper_name != NULL && !poa_paper_from_name (paper_name, &paper))
    {
      g_autofree char *message =
        g_strdup_printf (_("--paper must be “letter”, “letter-portrait” or “legal”, not “%s”"), paper_name);
      return fail_usage (message);
    }

  lower = g_ascii_strdown (output, -1);
  if ((paper_name != NULL || gantt) && (section != NULL || !g_str_has_suffix (lower, ".pdf")))
    return fail_usage (_("--paper and --gantt are for the whole POA as a .pdf"));

  if (strlen (output) >= 5 && g_ascii_strcasecmp (output + strlen (output) - 5, ".json") == 0)
    return export_json (options, output);

  if (!(plan = open_plan (options, NULL)))
    return POA_EXIT_ERROR;

#ifdef __GLIBC__
  /* A workbook is written part by part, each compressed with buffers that are freed after it:
   * by default glibc hands that memory back to the system every time and takes it again, page
   * by page, for the next part, which costs more than writing a small plan. The process ends
   * after this one export, so it keeps the memory instead. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif

  if (section != NULL)
    ok = poa_export_printout (plan, POA_PRINTOUT_CRONOGRAMA, 0, 0, output, &error);
  else if (paper_name != NULL || gantt)
    ok = poa_plan_write_pdf_with (plan, output, paper, gantt ? POA_PLAN_PAGES_GANTT : 0, &error);
  else
    ok = poa_export_plan (plan, output, &error);

  if (!ok)
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

/* `check`'s lines are printed a piece at a time: g_print() flushes every call, and a plan of
 * 100,000 activities has some 140,000 findings. */
#define CHECK_PIECE (64 * 1024)

static void
print_check_line_cb (const char *line,
                     gsize       length,
                     gpointer    data)
{
  GString *out = data;

  g_string_append_len (out, line, length);
  g_string_append_c (out, '\n');
  if (out->len >= CHECK_PIECE)
    {
      g_print ("%s", out->str);
      g_string_truncate (out, 0);
    }
}

/* `check` reads the plan as `export` does, an activity at a time, each checked as it comes. */
static gboolean
check_header_cb (PoaPlan   *plan,
                 gboolean   follow_up,
                 gpointer   data,
                 GError   **error)
{
  PoaCheckLines **lines = data;

  *lines = poa_check_lines_begin (plan, print_check_line_cb, lines[1]);
  return TRUE;
}

static gboolean
check_activity_cb (PoaActivity  *activity,
                   gpointer      data,
                   GError      **error)
{
  PoaCheckLines **lines = data;

  poa_check_lines_add (*lines, activity);
  return TRUE;
}

static int
run_check (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  /* The run, and where its lines go (given to check_header_cb() through the same pointer). */
  gpointer lines[2] = { NULL, NULL };
  guint n_errors = 0;
  gint64 id;

  if (options->args[0] != NULL)
    return fail_usage (_("“check” takes no argument"));

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  out = g_string_sized_new (CHECK_PIECE + 4096);
  lines[1] = out;
  if (!(id = poa_store_resolve_plan (store, options->plan_id, &error)) ||
      !poa_store_read_plan (store, id, check_header_cb, check_activity_cb, lines, &error))
    {
      /* Nothing is printed of a plan not read whole. */
      if (lines[0] != NULL)
        poa_check_lines_end (lines[0], NULL, NULL);
      print_error (error);
      return POA_EXIT_ERROR;
    }

  poa_check_lines_end (lines[0], &n_errors, NULL);
  if (out->len > 0)
    g_print ("%s", out->str);

  return n_errors > 0 ? POA_EXIT_FINDINGS : POA_EXIT_OK;
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

/* A whole number from @min to @max given to @option; else a usage error naming both. */
static gboolean
whole_option (const char  *option,
              const char  *value,
              guint64      min,
              guint64      max,
              guint       *out,
              GError     **error)
{
  guint64 number = 0;

  if (value == NULL)
    return FALSE;

  if (!g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    return usage_error (error, _("%s must be a whole number from %llu to %llu, not “%s”"),
                        option, (unsigned long long)min, (unsigned long long)max, value);

  *out = (guint)number;
  return TRUE;
}

static PoaActivity *
find_activity (PoaPlan *plan,
               guint    number)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      if (poa_activity_get_number (activity) == number)
        return activity;
    }

  return NULL;
}

/* `record`: one month of one activity, through the document like any edit in the window: one
 * transaction, the activity's meta alcanzada moving by the difference in the month's. */
static int
run_record (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(PoaCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  guint number = 0, month = 0, programmed = 0, achieved = 0;
  gboolean has_number = FALSE, has_month = FALSE, has_programmed = FALSE, has_achieved = FALSE;
  const char *note = NULL;
  const char *justification = NULL;
  PoaActivity *activity;
  guint64 total;
  const char *names[] = { "calendar", "achieved" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean done;

  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--activity", &value, &error))
        has_number = whole_option ("--activity", value, 0, G_MAXUINT, &number, &error);
      else if (option_value (args, n, &i, "--month", &value, &error))
        has_month = whole_option ("--month", value, 1, 12, &month, &error);
      else if (option_value (args, n, &i, "--programmed", &value, &error))
        has_programmed = whole_option ("--programmed", value, 0, POA_GOAL_MAX, &programmed, &error);
      else if (option_value (args, n, &i, "--achieved", &value, &error))
        has_achieved = whole_option ("--achieved", value, 0, POA_GOAL_MAX, &achieved, &error);
      else if (text_option_value (args, n, &i, "--note", &note, &error))
        ;
      else if (text_option_value (args, n, &i, "--justification", &justification, &error))
        ;
      else
        return fail_unknown_argument ("record", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (!has_number || !has_month)
    return fail_usage (_("“record” needs --activity N and --month M"));

  if (!(plan = open_plan (options, &store)))
    return POA_EXIT_ERROR;

  if (!(activity = find_activity (plan, number)))
    {
      g_printerr ("poa: ");
      g_printerr (_("There is no activity %u in the plan"), number);
      g_printerr ("\n");
      return POA_EXIT_ERROR;
    }

  {
    PoaCalendar *old = poa_activity_get_calendar (activity);
    guint old_achieved = poa_calendar_get_achieved (old, month);

    if (!has_programmed)
      programmed = poa_calendar_get_programmed (old, month);
    if (!has_achieved)
      achieved = old_achieved;
    if (note == NULL)
      note = poa_calendar_get_note (old, month);

    total = (guint64)poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED) - old_achieved + achieved;
    if (total > POA_GOAL_MAX)
      {
        g_printerr ("poa: %s\n", _("The achieved goal would be larger than POA holds"));
        return POA_EXIT_ERROR;
      }

    calendar = poa_calendar_copy (old);
    poa_calendar_set_month (calendar, month, programmed, achieved, note);
  }

  g_value_init (&values[0], POA_TYPE_CALENDAR);
  g_value_set_boxed (&values[0], calendar);
  g_value_init (&values[1], G_TYPE_UINT);
  g_value_set_uint (&values[1], (guint)total);

  /* The document records the change, in the edit's transaction. */
  document = poa_document_new (store, plan);
  /* An approved plan, or a quarter the planning unit closed, takes it only with one. */
  poa_document_set_justification (document, justification);
  done = poa_document_set_values (document, activity, 2, names, values, &error);

  for (guint i = 0; i < 2; i++)
    g_value_unset (&values[i]);

  if (!done)
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

static void
print_figure (gboolean calendarized,
              guint64  figure,
              gboolean last)
{
  if (calendarized)
    g_print ("%" G_GUINT64_FORMAT, figure);
  g_print (last ? "\n" : "\t");
}

/* `report --quarter Q`: the spec's tab-separated lines, or with `--output FILE.xlsx` the
 * quarter's Avance trimestral as a workbook, with `--output FILE.pdf` as the signed document. */
static int
run_report (PoaCliOptions *options)
{
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  const char *output = NULL;
  guint quarter = 0;
  gboolean has_quarter = FALSE;
  GDate today;

  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--quarter", &value, &error))
        has_quarter = whole_option ("--quarter", value, 1, 4, &quarter, &error);
      else if (option_value (args, n, &i, "--output", &value, &error) ||
               option_value (args, n, &i, "-o", &value, &error))
        output = value;
      else
        return fail_unknown_argument ("report", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (!has_quarter)
    return fail_usage (_("“report” needs --quarter Q, from 1 to 4"));

  if (output != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      if (output[0] == '\0' || !(g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".pdf")))
        {
          g_autofree char *message =
            g_strdup_printf (_("Cannot write “%s”: “report --output” writes a workbook (.xlsx) or a PDF (.pdf)"),
                             output);
          return fail_usage (message);
        }
    }

  if (!(plan = open_plan (options, NULL)))
    return POA_EXIT_ERROR;

  if (output != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      if (g_str_has_suffix (lower, ".pdf") ? !poa_report_write_pdf (plan, quarter, output, &error)
                                           : !poa_xlsx_export_report (plan, quarter, output, &error))
        {
          print_error (error);
          return POA_EXIT_ERROR;
        }
      return POA_EXIT_OK;
    }

  poa_date_get_today (&today);
  report = poa_report_new (plan, quarter, &today);
  for (guint i = 0; i < poa_report_get_n_lines (report); i++)
    {
      const PoaReportLine *line = poa_report_get_line (report, i);
      gboolean calendarized = line->status != POA_REPORT_UNCALENDARIZED;

      g_print ("%u\t", poa_activity_get_number (line->activity));
      print_figure (calendarized, line->quarter_programmed, FALSE);
      print_figure (calendarized, line->quarter_achieved, FALSE);
      print_figure (calendarized, line->accumulated_programmed, FALSE);
      print_figure (calendarized, line->accumulated_achieved, FALSE);
      g_print ("%s\n", poa_report_status_key (line->status));
    }

  return POA_EXIT_OK;
}

/* A field of the tab-separated output: a tab or a line break inside it is written as a space. */
static void
print_field (const char *text,
             gboolean    last)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  putchar (last ? '\n' : '\t');
}

/* `review observations`: the planning unit's observations, oldest first. */
static int
run_review_observations (PoaCliOptions *options)
{
  g_autoptr(PoaPlan) plan = NULL;
  GPtrArray *observations;

  if (g_strv_length (options->args) > 1)
    return fail_unknown_argument ("review observations", options->args[1]);
  if (!(plan = open_plan (options, NULL)))
    return POA_EXIT_ERROR;

  observations = poa_plan_get_observations (plan);
  for (guint i = 0; i < observations->len; i++)
    {
      const PoaObservation *observation = g_ptr_array_index (observations, i);

      print_field (observation->date, FALSE);
      print_field (observation->by, FALSE);
      print_field (observation->where, FALSE);
      print_field (observation->text, TRUE);
    }
  return POA_EXIT_OK;
}

/* `review observe --note TEXT [--activity N]` */
static int
run_review_observe (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  const char *note = NULL;
  guint number = 0;
  gboolean has_number = FALSE;

  for (int i = 1; i < n; i++)
    {
      const char *value = NULL;

      if (text_option_value (args, n, &i, "--note", &note, &error))
        ;
      else if (option_value (args, n, &i, "--activity", &value, &error))
        has_number = whole_option ("--activity", value, 1, G_MAXUINT, &number, &error);
      else
        return fail_unknown_argument ("review observe", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (note == NULL)
    return fail_usage (_("“review observe” needs --note TEXT"));

  if (!(plan = open_plan (options, &store)))
    return POA_EXIT_ERROR;

  where = has_number ? g_strdup_printf ("activity %u", number) : g_strdup ("plan");
  if (!poa_review_observe (store, plan, where, note, NULL, &error))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }
  return POA_EXIT_OK;
}

/* `review close-quarter Q` and `review reopen-quarter Q`: a setting of the plan the planning
 * unit controls, changed through the document, so that the change record keeps it. */
static int
run_review_quarter (PoaCliOptions *options,
                    gboolean       close)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  guint quarter = 0;
  guint closed;

  if (g_strv_length (args) != 2 || !whole_option (args[0], args[1], 1, 4, &quarter, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“review %s” needs a quarter, from 1 to 4"), args[0]);
      return fail_usage (message);
    }

  if (!(plan = open_plan (options, &store)))
    return POA_EXIT_ERROR;

  closed = poa_plan_get_closed_quarters (plan);
  closed = close ? closed | (1u << (quarter - 1)) : closed & ~(1u << (quarter - 1));
  document = poa_document_new (store, plan);
  if (!poa_document_set_uint (document, plan, "closed-quarters", closed, &error))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }
  return POA_EXIT_OK;
}

/* `review [submit|return|approve] [--note TEXT]`, and the verbs above */
static int
run_review (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  const char *verb = NULL;
  const char *note = NULL;
  PoaReviewAction action = POA_REVIEW_SUBMIT;

  if (n > 0 && g_str_equal (args[0], "observations"))
    return run_review_observations (options);
  if (n > 0 && g_str_equal (args[0], "observe"))
    return run_review_observe (options);
  if (n > 0 && (g_str_equal (args[0], "close-quarter") || g_str_equal (args[0], "reopen-quarter")))
    return run_review_quarter (options, g_str_equal (args[0], "close-quarter"));

  for (int i = 0; i < n; i++)
    {
      if (text_option_value (args, n, &i, "--note", &note, &error))
        ;
      else if (verb == NULL && args[i][0] != '-')
        {
          verb = args[i];
          if (!poa_review_action_from_verb (verb, &action))
            usage_error (&error, _("“review” takes submit, return, approve, observe, observations, "
                                   "close-quarter or reopen-quarter, not “%s”"), verb);
        }
      else
        return fail_unknown_argument ("review", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (verb == NULL && note != NULL)
    return fail_usage (_("“review --note” goes with submit, return or approve"));

  if (!(plan = open_plan (options, &store)))
    return POA_EXIT_ERROR;

  if (verb == NULL)
    {
      GPtrArray *steps = poa_plan_get_review_steps (plan);

      g_print ("%s\n", poa_review_status_key (poa_plan_get_review_status (plan)));
      for (guint i = 0; i < steps->len; i++)
        {
          const PoaReviewStep *step = g_ptr_array_index (steps, i);

          print_field (step->date, FALSE);
          print_field (step->by, FALSE);
          print_field (poa_review_status_key (step->status), FALSE);
          print_field (step->note, TRUE);
        }
      return POA_EXIT_OK;
    }

  if (!poa_review_apply (store, plan, action, note, NULL, &error))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

/* `history`: the plan's change record, oldest first. */
static int
run_history (PoaCliOptions *options)
{
  g_autoptr(PoaPlan) plan = NULL;
  GPtrArray *history;

  if (options->args[0] != NULL)
    return fail_usage (_("“history” takes no argument"));

  if (!(plan = open_plan (options, NULL)))
    return POA_EXIT_ERROR;

  history = poa_plan_get_history (plan);
  for (guint i = 0; i < history->len; i++)
    {
      const PoaHistoryEntry *entry = g_ptr_array_index (history, i);

      print_field (entry->date, FALSE);
      print_field (entry->by, FALSE);
      print_field (entry->where, FALSE);
      print_field (entry->field, FALSE);
      print_field (entry->before, FALSE);
      print_field (entry->after, FALSE);
      print_field (entry->justification, TRUE);
    }

  return POA_EXIT_OK;
}

static PoaBudgetLine *
find_budget_line (PoaPlan    *plan,
                  const char *code)
{
  GListModel *budget = G_LIST_MODEL (poa_plan_get_budget (plan));

  for (guint i = 0; i < g_list_model_get_n_items (budget); i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);

      if (g_strcmp0 (poa_budget_line_get_code (line), code) == 0)
        return line;
    }

  return NULL;
}

/* The plan file's keys `set` changes, for each kind of object, and the property behind each. */
static const char *
property_for_key (GObject    *object,
                  const char *key)
{
  static const char *plan_keys[] = {
    "year", "municipality", "administration", "direction", "area", "objective",
    "specific_objectives", "observations", "semaforo_green", "semaforo_yellow",
    "tolerance_low", "tolerance_high", NULL
  };
  static const char *activity_keys[] = {
    "number", "name", "strategic_axis", "strategic_line", "action_line", "specific_activity",
    "responsible", "unit", "annual_goal", "programmed", "achieved", "start", "end", "months", NULL
  };
  static const char *budget_keys[] = { "code", "name", "amount", NULL };
  const char **keys = POA_IS_ACTIVITY (object) ? activity_keys
                      : POA_IS_BUDGET_LINE (object) ? budget_keys : plan_keys;

  if (!g_strv_contains (keys, key))
    return NULL;
  if (g_str_equal (key, "amount"))
    return "centavos";

  {
    g_autofree char *property = g_strdelimit (g_strdup (key), "_", '-');

    return g_intern_string (property);
  }
}

/* "1,2,3" or "" to the months' bits. */
static gboolean
parse_months (const char *text,
              guint      *months)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *months = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 month;
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0' && parts[1] == NULL)
        break;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 12, &month, NULL))
        return FALSE;
      *months |= 1u << (month - 1);
    }

  return TRUE;
}

/* `set [--activity N | --budget CODE] KEY VALUE [--justification TEXT]`: one field through the
 * document like an edit in the window, then its entry in the change record. */
static int
run_set (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  const char *budget_code = NULL, *justification = NULL, *key = NULL, *text = NULL;
  const char *property;
  guint number = 0;
  gboolean has_number = FALSE, done = FALSE;
  GObject *object;
  GParamSpec *pspec;

  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--activity", &value, &error))
        has_number = whole_option ("--activity", value, 0, G_MAXUINT, &number, &error);
      else if (option_value (args, n, &i, "--budget", &value, &error))
        budget_code = value;
      else if (text_option_value (args, n, &i, "--justification", &justification, &error))
        ;
      else if (key == NULL && args[i][0] != '-')
        key = args[i];
      else if (key != NULL && text == NULL)
        text = args[i];
      else
        return fail_unknown_argument ("set", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (key == NULL || text == NULL)
    return fail_usage (_("“set” needs a KEY and a VALUE: poa set [--activity N | --budget CODE] KEY VALUE"));
  if (has_number && budget_code != NULL)
    return fail_usage (_("“set” takes --activity or --budget, not both"));

  if (!(plan = open_plan (options, &store)))
    return POA_EXIT_ERROR;

  if (has_number)
    {
      if (!(object = (GObject *)find_activity (plan, number)))
        {
          g_printerr ("poa: ");
          g_printerr (_("There is no activity %u in the plan"), number);
          g_printerr ("\n");
          return POA_EXIT_ERROR;
        }
    }
  else if (budget_code != NULL)
    {
      if (!(object = (GObject *)find_budget_line (plan, budget_code)))
        {
          g_autofree char *quoted = poa_text_quote_for_message (budget_code, -1);

          g_printerr ("poa: ");
          g_printerr (_("There is no budget line %s in the plan"), quoted);
          g_printerr ("\n");
          return POA_EXIT_ERROR;
        }
    }
  else
    object = G_OBJECT (plan);

  if (!(property = property_for_key (object, key)))
    {
      g_autofree char *quoted = poa_text_quote_for_message (key, -1);
      g_autofree char *message = g_strdup_printf (_("“set” cannot change %s here: a key of the plan "
                                                    "file is needed (with --activity N or "
                                                    "--budget CODE for theirs)"), quoted);
      return fail_usage (message);
    }

  /* An approved plan is read-only; a change to it is a modificación, justified. */
  if (!poa_review_allows_change (poa_plan_get_review_status (plan), justification, &error))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  /* The document records the change with its justification, in the edit's transaction. */
  document = poa_document_new (store, plan);
  poa_document_set_justification (document, justification);
  if (pspec->value_type == G_TYPE_STRING)
    done = poa_document_set_text (document, object, property, text, &error);
  else if (pspec->value_type == G_TYPE_UINT)
    {
      guint64 number64 = 0;
      guint months = 0;

      if (g_str_equal (property, "months") ? !parse_months (text, &months)
          : !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number64, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” must be %s, not “%s”"), key,
                                                      g_str_equal (property, "months")
                                                      ? _("months from 1 to 12, like 1,2,3")
                                                      : _("a whole number"), text);
          return fail_usage (message);
        }
      done = poa_document_set_uint (document, object, property,
                                    g_str_equal (property, "months") ? months : (guint)number64,
                                    &error);
    }
  else if (pspec->value_type == G_TYPE_INT64)
    {
      gint64 centavos = 0;

      if (!poa_money_parse (text, &centavos, &error))
        return fail_usage (error->message);
      done = poa_document_set_int64 (document, object, property, centavos, &error);
    }
  else if (pspec->value_type == G_TYPE_DATE)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (text[0] != '\0' && !g_str_equal (text, "null") && !poa_date_parse_iso (text, &date))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” must be a date like 2026-03-31, "
                                                        "or null, not “%s”"), key, text);
          return fail_usage (message);
        }
      done = poa_document_set_date (document, POA_ACTIVITY (object), property,
                                    g_date_valid (&date) ? &date : NULL, &error);
    }

  if (!done)
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  return POA_EXIT_OK;
}

/* `summary [--year YEAR]`: every plan (of that year), one line each. */
static int
run_summary (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  guint year = 0;

  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--year", &value, &error))
        whole_option ("--year", value, POA_YEAR_MIN, POA_YEAR_MAX, &year, &error);
      else
        return fail_unknown_argument ("summary", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  if (!(lines = poa_summary_read (store, year, &error)))
    {
      print_error (error);
      return POA_EXIT_ERROR;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = poa_summary_line_to_text (g_ptr_array_index (lines, i));

      g_print ("%s\n", line);
    }

  return POA_EXIT_OK;
}

/* `consolidate --year YEAR --output FILE.xlsx`: every plan of YEAR in one workbook. */
static int
run_consolidate (PoaCliOptions *options)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  GStrv args = options->args;
  int n = (int)g_strv_length (args);
  const char *output = NULL;
  guint year = 0;
  GDate today;

  for (int i = 0; i < n; i++)
    {
      const char *value = NULL;

      if (option_value (args, n, &i, "--year", &value, &error))
        whole_option ("--year", value, POA_YEAR_MIN, POA_YEAR_MAX, &year, &error);
      else if (option_value (args, n, &i, "--output", &value, &error) ||
               option_value (args, n, &i, "-o", &value, &error))
        output = value;
      else
        return fail_unknown_argument ("consolidate", args[i]);

      if (error != NULL)
        return fail_usage (error->message);
    }

  if (year == 0)
    return fail_usage (_("consolidate needs --year YEAR"));
  if (output == NULL || output[0] == '\0' || !g_str_has_suffix (output, ".xlsx"))
    return fail_usage (_("consolidate needs --output FILE.xlsx"));

  if (!(store = open_store (options)))
    return POA_EXIT_ERROR;

  poa_date_get_today (&today);
  if (!(areas = poa_consolidate_read (store, year, &today, &error)) ||
      !poa_consolidate_write_xlsx (areas, year, &today, output, &error))
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
    { "record", run_record },
    { "report", run_report },
    { "review", run_review },
    { "history", run_history },
    { "set", run_set },
    { "summary", run_summary },
    { "consolidate", run_consolidate },
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
