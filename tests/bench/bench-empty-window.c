/* bench-empty-window.c — the baseline of the startup benchmarks: the least a libadwaita
 * program does to show a window, with POA's own way of reporting its first frame.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication, non-unique as `poa --db` is, presenting an AdwApplicationWindow of POA's
 * default size with a header bar; it prints `first-frame T` and closes when
 * POA_REPORT_FIRST_FRAME=quit.
 */

#include "config.h"

#include <adwaita.h>

#include "poa-ui-util.h"

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  _poa_report_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("mx.gob.sombrerete.PoaBenchEmpty",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
