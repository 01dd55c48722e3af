/* poa-export.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "poa-cronograma-pages.h"
#include "poa-export.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-xlsx-export.h"

G_DEFINE_QUARK (poa-export-error-quark, poa_export_error)

typedef gboolean (*ExportFunc) (PoaPlan     *plan,
                                const char  *path,
                                GError     **error);

/* Every writer writes beside the target and renames into place: a failure leaves no partial
 * file at @path. */
static const struct {
  const char *extension;
  ExportFunc  export;
} formats[] = {
  { ".json", poa_plan_json_save },
  { ".xlsx", poa_xlsx_export },
  { ".pdf", poa_cronograma_write_pdf },
  { ".png", poa_cronograma_write_png },
};

/**
 * poa_export_plan:
 * @path: the file to write; its extension chooses the format
 *
 * Writes the plan in the format that @path's extension names: `.json` (the plan file),
 * `.xlsx` (the official workbook), `.pdf` (the cronograma on landscape letter pages, with the
 * signatures) or `.png` (the cronograma as one image).
 */
gboolean
poa_export_plan (PoaPlan     *plan,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_utf8_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      return formats[i].export (plan, path, error);

  g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("Cannot export to “%s”: the name must end in .json, .xlsx, .pdf or .png"), path);
  return FALSE;
}

static gboolean
set_error_from_errno (GError     **error,
                      const char  *path,
                      int          saved_errno)
{
  g_set_error (error, POA_EXPORT_ERROR, POA_EXPORT_ERROR_FAILED,
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * _poa_export_begin:
 * @path: the file a writer is going to produce
 *
 * Creates an empty, hidden file in @path's folder for the writer to fill, so that the final
 * rename stays within one file system and a failure never touches @path. Creating it first
 * also reports a missing or read-only folder before any work is done.
 *
 * Returns: (transfer full): the temporary file's name, or %NULL with @error set.
 */
char *
_poa_export_begin (const char  *path,
                   GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *temp_path;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (folder, name, NULL);

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_free (temp_path);
      set_error_from_errno (error, path, saved_errno);
      return NULL;
    }

  g_close (fd, NULL);
  return temp_path;
}

/**
 * _poa_export_commit:
 * @temp_path: the file _poa_export_begin() made, now complete
 * @path: the target
 *
 * Renames @temp_path over @path. On failure @temp_path is removed: nothing is left behind.
 */
gboolean
_poa_export_commit (const char  *temp_path,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_error_from_errno (error, path, saved_errno);
    }

  return TRUE;
}
