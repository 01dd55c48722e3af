/* test-ui-util.h — helpers shared by the window tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  test_ui_init     (int        *argc,
                        char     ***argv);
void  wait_for_frames  (GtkWidget  *widget,
                        guint       n);
void  render_to_png    (GtkWidget  *window,
                        const char *name);

G_END_DECLS
