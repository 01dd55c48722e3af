/* bench-page.c — what the benchmarks of one window page share.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-page.h"
#include "test-ui-util.h"

/* Opens a store in a new temporary folder, starts GTK and presents a page of @page_type in a
 * window of 1200 × 700, the page's size in the program's window of 1200 × 780. Returns once
 * the window has drawn its first frames, so that the figures measure the page's work only. */
void
bench_page_open (BenchPage *self,
                 GType      page_type)
{
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("poa-bench-XXXXXX", &error);
  g_assert_no_error (error);
  self->db = g_build_filename (self->dir, "poa.sqlite3", NULL);
  self->store = poa_store_open (self->db, &error);
  g_assert_no_error (error);

  gtk_init ();
  adw_init ();

  self->window = gtk_window_new ();
  self->page = g_object_new (page_type, NULL);
  gtk_window_set_child (GTK_WINDOW (self->window), self->page);
  gtk_window_set_default_size (GTK_WINDOW (self->window), 1200, 700);
  gtk_window_present (GTK_WINDOW (self->window));
  test_ui_wait_for_frames (self->window, 3);
}

void
bench_page_close (BenchPage *self)
{
  gtk_window_destroy (GTK_WINDOW (self->window));
  self->window = self->page = NULL;
  g_clear_object (&self->store);
  g_unlink (self->db);
  g_rmdir (self->dir);
  g_clear_pointer (&self->db, g_free);
  g_clear_pointer (&self->dir, g_free);
}
