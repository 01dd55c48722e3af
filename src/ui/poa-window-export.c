/* poa-window-export.c — the window's exports: Excel, PDF (the whole POA, the cronograma or a
 * quarter's avance, as chosen), the plan file and the cronograma image.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-export.h"
#include "poa-plan.h"
#include "poa-window-private.h"

/* Every export goes one way. A file chooser proposes the name the office gives the file, and
 * poa_export_plan_async() writes it on a worker thread from a copy of the plan taken when the
 * user chose the file: the window stays responsive, and edits made meanwhile cannot reach a
 * half-written file. A toast says when it is done; a dialog says why it failed. */

typedef struct
{
  const char *extension;
  const char *action;
  const char *chooser_title;
  const char *filter_name;
  const char *mime_type;
  /* The error dialog's heading. */
  const char *failed;
  /* The workbook: one export at a time, since a second could only race the first for the
   * same file, and a toast whose button opens it. */
  gboolean    one_at_a_time;
} ExportFormat;

/* One row per entry of the main menu; each row's action is installed below. */
static const ExportFormat formats[] = {
  { ".xlsx", "win.export-xlsx", N_("Export to Excel"), N_("Excel workbooks"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    N_("The workbook could not be exported"), TRUE },
  { ".pdf", "win.export-pdf", N_("Export to PDF"), N_("PDF documents"), "application/pdf",
    N_("The PDF could not be written"), FALSE },
  { ".json", "win.export-json", N_("Export Plan"), N_("POA plan files"), "application/json",
    N_("The plan file could not be written"), FALSE },
  { ".png", "win.export-png", N_("Export Cronograma as Image"), N_("PNG images"), "image/png",
    N_("The image could not be written"), FALSE },
};

#define workbook_format (formats[0])

static const ExportFormat *
find_format (const char *key,
             gboolean    by_action)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (by_action ? formats[i].action : formats[i].extension, key))
      return &formats[i];

  g_return_val_if_reached (&workbook_format);
}

/* What the toast or the dialog needs once the file is written. */
typedef struct
{
  PoaWindow          *window;
  const ExportFormat *format;
  char               *path;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->window);
  g_free (export->path);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  PoaWindow *self = export->window;
  const ExportFormat *format = export->format;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (format->one_at_a_time)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), format->action, TRUE);

  if (!poa_export_plan_finish (POA_PLAN (source), result, &error))
    {
      _poa_window_show_error (self, _(format->failed), error);
      return;
    }

  name = g_filename_display_basename (export->path);
  if (g_str_equal (format->extension, ".png"))
    title = g_strdup_printf (_("Cronograma exported to “%s”"), name);
  else
    title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  if (format->one_at_a_time && (uri = g_filename_to_uri (export->path, NULL, NULL)) != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  _poa_window_add_toast (self, toast);
}

static void
export_to_file (PoaWindow          *self,
                GFile              *file,
                const ExportFormat *format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PoaPlan *plan = poa_window_get_plan (self);
  Export *export;

  if (plan == NULL)
    return;

  /* The file's name decides its format: a name typed without the extension gets it. */
  if (!(path = poa_export_path_for_file (file, format->extension, &error)))
    {
      _poa_window_show_error (self, _(format->failed), error);
      return;
    }

  if (format->one_at_a_time)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), format->action, FALSE);

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->format = format;
  export->path = g_steal_pointer (&path);
  poa_export_plan_async (plan, export->path, NULL, exported_cb, export);
}

/**
 * _poa_window_export_xlsx_to_file:
 * @file: the workbook to write; “.xlsx” is added to its name when missing
 *
 * Starts writing the window's plan to @file; a toast or a dialog tells how it ended.
 */
void
_poa_window_export_xlsx_to_file (PoaWindow *self,
                                 GFile     *file)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  export_to_file (self, file, &workbook_format);
}

/**
 * _poa_window_export_to_file:
 * @file: the file to write; @extension is added to its name when missing
 * @extension: ".xlsx", ".pdf", ".json" or ".png": one of the menu's exports
 *
 * Starts the export the menu entry for @extension would, without its file chooser (for tests).
 */
void
_poa_window_export_to_file (PoaWindow  *self,
                            GFile      *file,
                            const char *extension)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  export_to_file (self, file, find_format (extension, FALSE));
}

/* The file chosen in @chooser (NULL when cancelled); @chooser is done with. */
static GFile *
chooser_take_file (GtkNativeDialog *chooser,
                   int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  return file;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(PoaWindow) self = user_data;
  const ExportFormat *format = g_object_get_data (G_OBJECT (chooser), "poa-export-format");
  g_autoptr(GFile) file = chooser_take_file (chooser, response);

  if (file != NULL)
    export_to_file (self, file, format);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  const ExportFormat *format = find_format (action_name, TRUE);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  name = poa_export_suggest_name (poa_window_get_plan (self), format->extension);
  chooser = _poa_window_export_chooser_new (self, _(format->chooser_title), _(format->filter_name),
                                            format->mime_type, format->extension + 1, name);
  g_object_set_data (G_OBJECT (chooser), "poa-export-format", (gpointer)format);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export to PDF…: which document first, then where. */
typedef struct
{
  PoaPrintout       printout;
  guint             quarter;
  PoaPlanPagesFlags flags;
} PdfChoice;

static void
pdf_exported_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!poa_export_plan_finish (POA_PLAN (source), result, &error))
    {
      _poa_window_show_error (export->window, _("The PDF could not be written"), error);
      return;
    }

  name = g_filename_display_basename (export->path);
  title = g_strdup_printf (_("Exported “%s”"), name);
  _poa_window_add_toast (export->window, adw_toast_new (title));
}

/**
 * _poa_window_export_printout_to_file:
 * @file: the PDF to write; “.pdf” is added to its name when missing
 *
 * Starts writing the chosen document of the window's plan, as Export to PDF… does once the
 * file is chosen; a toast or a dialog tells how it ended.
 */
void
_poa_window_export_printout_to_file (PoaWindow         *self,
                                     GFile             *file,
                                     PoaPrintout        printout,
                                     guint              quarter,
                                     PoaPlanPagesFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PoaPlan *plan = poa_window_get_plan (self);
  Export *export;

  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (plan == NULL)
    return;

  if (!(path = poa_export_path_for_file (file, ".pdf", &error)))
    {
      _poa_window_show_error (self, _("The PDF could not be written"), error);
      return;
    }
  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->format = find_format (".pdf", FALSE);
  export->path = g_steal_pointer (&path);
  poa_export_printout_async (plan, printout, quarter, flags, export->path, NULL, pdf_exported_cb, export);
}

static void
pdf_chooser_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(PoaWindow) self = user_data;
  g_autofree PdfChoice *choice = g_object_steal_data (G_OBJECT (chooser), "poa-pdf-choice");
  g_autoptr(GFile) file = chooser_take_file (chooser, response);

  if (file != NULL)
    _poa_window_export_printout_to_file (self, file, choice->printout, choice->quarter, choice->flags);
}

static void
pdf_chosen (PoaWindow         *self,
            PoaPrintout        printout,
            guint              quarter,
            PoaPlanPagesFlags  flags)
{
  PdfChoice *choice = g_new0 (PdfChoice, 1);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (poa_window_get_plan (self) == NULL)
    {
      g_free (choice);
      return;
    }

  choice->printout = printout;
  choice->quarter = quarter;
  choice->flags = flags;
  name = poa_export_suggest_printout_name (poa_window_get_plan (self), printout, quarter, ".pdf");
  chooser = _poa_window_export_chooser_new (self, _("Export to PDF"), _("PDF documents"), "application/pdf",
                                            "pdf", name);
  g_object_set_data_full (G_OBJECT (chooser), "poa-pdf-choice", choice, g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _poa_window_choose_printout (POA_WINDOW (widget), _("Export to PDF"), _("_Export…"), pdf_chosen);
}

static void
open_uri_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/**
 * _poa_window_class_export_init:
 *
 * Installs win.export-xlsx (Ctrl+E), win.export-pdf, win.export-json (the plan file, which
 * “Import Plan…” reads back), win.export-png (the cronograma as one image) and win.open-uri,
 * which the workbook's toast uses.
 */
void
_poa_window_class_export_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_widget_class_install_action (widget_class, formats[i].action, NULL,
                                     g_str_equal (formats[i].extension, ".pdf") ? export_pdf_activated
                                                                                : export_activated);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-xlsx", NULL);
}
