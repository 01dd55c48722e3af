/* poa-window-private.h — what the files of PoaWindow share among themselves, in the way of
 * GNOME Text Editor's editor-window-private.h: the window's structure, the class_init hooks of
 * its action files, and its one toast and one error helper.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "poa-activities-page.h"
#include "poa-plan-chooser.h"
#include "poa-plan-pages.h"
#include "poa-window.h"

G_BEGIN_DECLS

struct _PoaWindow
{
  AdwApplicationWindow  parent_instance;

  /* The store and the plan shown (poa-session.c); the pages bind to its document. */
  PoaSession           *session;
  /* The document whose signals the window watches: always the session's. */
  PoaDocument          *document;
  /* The activity selected on any page: the pages bind to it both ways. */
  PoaActivity          *selected_activity;
  GSettings            *settings;

  /* The last backup or restore outcome's toast, replaced by the next (poa-window-backup.c). */
  AdwToast             *backup_toast;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  PoaPlanChooser       *plan_chooser;
  AdwViewStack         *stack;
  PoaActivitiesPage    *activities_page;
  AdwBin               *cronograma_bin;
  AdwBin               *indicators_bin;
  AdwBin               *budget_bin;
  AdwBin               *follow_bin;
  GtkMenuButton        *review_button;
  GMenu                *review_section;
  GtkImage             *review_status_icon;
  GtkImage             *review_status_icon_narrow;
  GtkLabel             *review_status_label;
  GtkBox               *review_steps_box;
  GtkListBox           *review_observations_list;
  GtkGrid              *closed_quarters_box;
  GtkToggleButton      *closed_quarter_buttons[4];
};

void _poa_window_add_toast  (PoaWindow    *self,
                             AdwToast     *toast);
void _poa_window_show_error (PoaWindow    *self,
                             const char   *heading,
                             const GError *error);

GtkFileChooserNative *_poa_window_export_chooser_new (PoaWindow  *self,
                                                      const char *title,
                                                      const char *filter_name,
                                                      const char *mime_type,
                                                      const char *suffix,
                                                      const char *name);

/* poa-window-import.c */
void _poa_window_class_import_init (GtkWidgetClass *widget_class);

/* poa-window-backup.c; the tests call the last two, what the file choosers lead to, directly. */
void              _poa_window_class_backup_init (GtkWidgetClass *widget_class);
gboolean          _poa_window_backup_to         (PoaWindow      *self,
                                                 GFile          *file);
AdwMessageDialog *_poa_window_confirm_restore   (PoaWindow      *self,
                                                 GFile          *file);

/* poa-window-export.c */
void _poa_window_class_export_init   (GtkWidgetClass *widget_class);
void _poa_window_export_xlsx_to_file (PoaWindow      *self,
                                      GFile          *file);
void _poa_window_export_to_file      (PoaWindow      *self,
                                      GFile          *file,
                                      const char     *extension);
void _poa_window_export_printout_to_file (PoaWindow         *self,
                                          GFile             *file,
                                          PoaPrintout        printout,
                                          guint              quarter,
                                          PoaPlanPagesFlags  flags);

/* poa-window-review.c */
void _poa_window_class_review_init (GtkWidgetClass *widget_class);
void _poa_window_update_review     (PoaWindow      *self);

/* poa-window-print.c */
typedef void (*PoaPrintoutChosen) (PoaWindow         *self,
                                   PoaPrintout        printout,
                                   guint              quarter,
                                   PoaPlanPagesFlags  flags);

void              _poa_window_class_print_init (GtkWidgetClass    *widget_class);
AdwMessageDialog *_poa_window_choose_printout  (PoaWindow         *self,
                                                const char        *heading,
                                                const char        *accept,
                                                PoaPrintoutChosen  chosen);

G_END_DECLS
