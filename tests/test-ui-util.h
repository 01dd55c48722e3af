/* test-ui-util.h — helpers shared by the window tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-application.h"

G_BEGIN_DECLS

void            test_ui_init              (int             *argc,
                                           char          ***argv);
PoaApplication *test_ui_open_window       (const char      *dir,
                                           GtkWindow      **window);
void            test_ui_close_windows     (PoaApplication  *app);
void            test_ui_wait_for_frames   (GtkWidget       *widget,
                                           guint            n);
void            test_ui_render_to_png     (GtkWidget       *window,
                                           const char      *name);
void            test_ui_collect_labels    (GtkWidget       *widget,
                                           GString         *texts);
GtkWidget      *test_ui_find_widget       (GtkWidget       *widget,
                                           GType            type);
void            test_ui_assert_translated (const char      *text);

G_END_DECLS
