/* poa-export.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-cronograma-pages.h"
#include "poa-export.h"
#include "poa-plan-json.h"
#include "poa-plan-pages.h"
#include "poa-plan.h"
#include "poa-xlsx-export.h"

/* One way out for a plan, whoever asks: the command line calls poa_export_plan(), the window
 * poa_export_plan_async(). Every writer writes through poa-atomic-file.c: a failure leaves no
 * partial file at the target, nor a temporary beside it. */

typedef gboolean (*ExportFunc) (PoaPlan     *plan,
                                const char  *path,
                                GError     **error);

static const struct {
  const char *extension;
  ExportFunc  export;
  /* What the office calls such a file, first in its name. */
  const char *title;
} formats[] = {
  { ".json", poa_plan_json_save, "POA" },
  { ".xlsx", poa_xlsx_export, "POA" },
  { ".pdf", poa_plan_write_pdf, "POA" },
  { ".png", poa_cronograma_write_png, "Cronograma" },
};

/* An area name is cut to this many bytes in a file name, well within the 255 a name may have. */
#define MAX_AREA_BYTES 200

static int
find_format (const char *path)
{
  gsize length = strlen (path);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize n = strlen (formats[i].extension);

      if (length >= n && g_ascii_strcasecmp (path + length - n, formats[i].extension) == 0)
        return (int)i;
    }

  return -1;
}

/**
 * poa_export_plan:
 * @path: the file to write; its extension chooses the format
 *
 * Writes the plan in the format that @path's extension names: `.json` (the plan file),
 * `.xlsx` (the official workbook), `.pdf` (the whole POA on landscape letter pages, with the
 * signatures: poa-plan-pages.c) or `.png` (the cronograma as one image). A failure leaves @path
 * as it was.
 */
gboolean
poa_export_plan (PoaPlan     *plan,
                 const char  *path,
                 GError     **error)
{
  int format;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = find_format (path);
  if (format >= 0)
    return formats[format].export (plan, path, error);

  g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("Cannot export to “%s”: the name must end in .json, .xlsx, .pdf or .png"), path);
  return FALSE;
}

typedef struct
{
  PoaPlan     *copy;
  char        *path;
  gboolean     printout_set;
  PoaPrintout  printout;
  guint        quarter;
  PoaPlanPagesFlags flags;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->copy);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (export->printout_set
      ? poa_export_printout (export->copy, export->printout, export->quarter, export->flags, export->path, &error)
      : poa_export_plan (export->copy, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * poa_export_plan_async:
 * @path: the file to write; its extension chooses the format, as for poa_export_plan()
 * @cancellable: (nullable): stops an export that has not begun yet; one under way finishes
 *
 * Writes @plan to @path on a worker thread. The plan is copied now, on the caller's thread:
 * edits made while the file is written cannot reach it half-way. The workbook's numbers are
 * written with a point whatever the caller's locale (poa_xlsx_export() sees to it on the
 * thread that writes).
 */
void
poa_export_plan_async (PoaPlan             *plan,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (POA_IS_PLAN (plan));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  export = g_new0 (ExportData, 1);
  export->copy = poa_plan_copy (plan);
  export->path = g_strdup (path);

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, poa_export_plan_async);
  /* A file written is reported written, even if the cancellable fires afterwards. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * poa_export_plan_finish:
 *
 * Returns: whether the file was written; else @error says why, naming the file.
 */
gboolean
poa_export_plan_finish (PoaPlan       *plan,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, plan), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == poa_export_plan_async ||
                        g_task_get_source_tag (G_TASK (result)) == poa_export_printout_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
has_extension (const char *path,
               const char *extension)
{
  gsize length = strlen (path), n = strlen (extension);

  return length >= n && g_ascii_strcasecmp (path + length - n, extension) == 0;
}

/**
 * poa_export_printout:
 * @printout: which document
 * @quarter: 1 … 4, for %POA_PRINTOUT_REPORT
 * @flags: for %POA_PRINTOUT_PLAN
 * @path: a `.pdf`, or for the cronograma a `.png` too
 *
 * Writes one of the documents that get printed: the whole POA, the cronograma alone (as
 * `poa export --section cronograma` does) or a quarter's avance de metas. A failure leaves
 * @path as it was.
 */
gboolean
poa_export_printout (PoaPlan           *plan,
                     PoaPrintout        printout,
                     guint              quarter,
                     PoaPlanPagesFlags  flags,
                     const char        *path,
                     GError      **error)
{
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (printout == POA_PRINTOUT_CRONOGRAMA && has_extension (path, ".png"))
    return poa_cronograma_write_png (plan, path, error);

  if (!has_extension (path, ".pdf"))
    {
      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_UNKNOWN_FORMAT,
                   printout == POA_PRINTOUT_CRONOGRAMA
                   ? _("Cannot export to “%s”: the cronograma’s name must end in .pdf or .png")
                   : _("Cannot export to “%s”: the name must end in .pdf"), path);
      return FALSE;
    }

  switch (printout)
    {
    case POA_PRINTOUT_CRONOGRAMA:
      return poa_cronograma_write_pdf (plan, path, error);
    case POA_PRINTOUT_REPORT:
      g_return_val_if_fail (quarter >= 1 && quarter <= 4, FALSE);
      return poa_report_write_pdf (plan, quarter, path, error);
    case POA_PRINTOUT_PLAN:
    default:
      return poa_plan_write_pdf_with (plan, path, POA_PAPER_LETTER_LANDSCAPE, flags, error);
    }
}

/**
 * poa_export_printout_async:
 *
 * poa_export_printout() on a worker thread, from a copy of @plan taken now; finish with
 * poa_export_plan_finish().
 */
void
poa_export_printout_async (PoaPlan             *plan,
                           PoaPrintout          printout,
                           guint                quarter,
                           PoaPlanPagesFlags    flags,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (POA_IS_PLAN (plan));
  g_return_if_fail (path != NULL);

  export = g_new0 (ExportData, 1);
  export->copy = poa_plan_copy (plan);
  export->path = g_strdup (path);
  export->printout_set = TRUE;
  export->printout = printout;
  export->quarter = quarter;
  export->flags = flags;

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, poa_export_printout_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * poa_export_suggest_printout_name:
 * @quarter: for %POA_PRINTOUT_REPORT
 * @extension: ".pdf", or ".png" for the cronograma
 *
 * Returns: (transfer full): “POA 2026 - Área.pdf”, “Cronograma 2026 - Área.pdf” or
 *   “Avance T1 2026 - Área.pdf”
 */
char *
poa_export_suggest_printout_name (PoaPlan     *plan,
                                  PoaPrintout  printout,
                                  guint        quarter,
                                  const char  *extension)
{
  g_autofree char *name = poa_export_suggest_name (plan, extension);

  g_return_val_if_fail (name != NULL, NULL);

  /* The plan's name is “POA 2026 - …” for a .pdf, “Cronograma 2026 - …” for a .png. */
  if (printout == POA_PRINTOUT_PLAN || (printout == POA_PRINTOUT_CRONOGRAMA && g_str_has_prefix (name, "Cronograma")))
    return g_steal_pointer (&name);
  if (printout == POA_PRINTOUT_CRONOGRAMA)
    return g_strconcat ("Cronograma", name + strlen ("POA"), NULL);
  {
    g_autofree char *prefix = g_strdup_printf ("Avance T%u", quarter);

    return g_strconcat (prefix, name + strlen ("POA"), NULL);
  }
}

/* Characters a file name cannot hold here ('/') or on the disks and computers the files travel
 * to (FAT and Windows refuse the others). */
static gboolean
is_forbidden (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int)c) != NULL);
}

/**
 * poa_export_suggest_name:
 * @extension: ".xlsx", ".pdf", ".png" or ".json"
 *
 * The name the office gives such a file: “POA 2026 - Migrantes y Ex braceros.xlsx”,
 * “Cronograma 2026 - Migrantes y Ex braceros.pdf”, or without the area when it has none.
 * Characters a file name cannot hold are replaced by “-”.
 *
 * Returns: (transfer full): the name, without a folder
 */
char *
poa_export_suggest_name (PoaPlan    *plan,
                         const char *extension)
{
  g_autoptr(GString) area = NULL;
  const char *text;
  int format;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  format = find_format (extension);
  g_return_val_if_fail (format >= 0, NULL);

  text = poa_plan_get_area (plan);
  area = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0' && area->len < MAX_AREA_BYTES; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_forbidden (c))
        g_string_append_c (area, '-');
      else
        g_string_append_unichar (area, c);
    }

  if (area->len == 0)
    return g_strdup_printf ("%s %u%s", formats[format].title, poa_plan_get_year (plan), extension);

  return g_strdup_printf ("%s %u - %s%s", formats[format].title, poa_plan_get_year (plan),
                          area->str, extension);
}

/**
 * poa_export_path_for_file:
 * @file: the file a user chose
 * @extension: the format's extension, ".xlsx" …, added to the name when it lacks it
 *
 * The name to export to, for a file chosen in a dialog: its name decides the format, so a name
 * typed without the extension gets it.
 *
 * Returns: (transfer full): the local path, or %NULL with @error set when @file is not on this
 *   computer (a network location, a phone …)
 */
char *
poa_export_path_for_file (GFile       *file,
                          const char  *extension,
                          GError     **error)
{
  g_autofree char *path = NULL;
  gsize length, n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: only files on this computer can be written"), uri);
      return NULL;
    }

  length = strlen (path);
  n = strlen (extension);
  if (length >= n && g_ascii_strcasecmp (path + length - n, extension) == 0)
    return g_steal_pointer (&path);

  return g_strconcat (path, extension, NULL);
}
