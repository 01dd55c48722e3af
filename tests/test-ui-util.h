/* test-ui-util.h — helpers shared by the window tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-application.h"

G_BEGIN_DECLS

void            test_ui_init              (int             *argc,
                                           char          ***argv);
PoaApplication *test_ui_open_window       (const char      *dir,
                                           GtkWindow      **window);
void            test_ui_close_windows     (PoaApplication  *app);
int             test_ui_pango_height      (GtkWidget       *table,
                                           const char      *text,
                                           int              width);
void            test_ui_wait_for_frames   (GtkWidget       *widget,
                                           guint            n);
void            test_ui_render_to_png     (GtkWidget       *window,
                                           const char      *name);
void            test_ui_collect_labels    (GtkWidget       *widget,
                                           GString         *texts);
/* The Actividades table's Nº column, its marker never shown (returns a reference). */
GtkColumnViewColumn *test_ui_number_column_new (void);
GtkWidget      *test_ui_find_widget       (GtkWidget       *widget,
                                           GType            type);
void            test_ui_assert_translated (const char      *text);
/* The message dialog on screen, if any; every message dialog destroyed (a fixture's end). */
AdwMessageDialog *test_ui_find_message_dialog     (void);
void              test_ui_destroy_message_dialogs (void);

/* The main loop run until idle; run for @ms milliseconds, then until idle. */
void            test_ui_iterate           (void);
void            test_ui_wait_ms           (guint            ms);

/* Real key events through the X server (XTest on the tests' Xvfb), so they reach the window
 * holding the X focus as the keyboard's would. test_ui_keys_init() first, after test_ui_init(). */
void            test_ui_keys_init         (void);
/* The X server's focus on @window, as a window manager gives it to a new window, then
 * @wait_ms milliseconds for it to arrive. */
void            test_ui_focus_window      (GtkWindow       *window,
                                           guint            wait_ms);
/* One key (an X keysym), with @modifier (a keysym, or 0 for none) held down. */
void            test_ui_press_key         (gulong           keysym,
                                           gulong           modifier);
/* Digits, letters and spaces, one key each. */
void            test_ui_type_text         (const char      *text);

G_END_DECLS
