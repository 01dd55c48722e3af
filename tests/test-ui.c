/* test-ui.c — the window under a display (Xvfb): every page shows the plan, in Spanish.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-application.h"
#include "poa-window.h"
#include "test-ui-util.h"
#include "test-util.h"

static void
assert_shows (GtkWidget  *window,
              const char *page,
              const char * const *expected)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  test_ui_collect_labels (window, texts);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (texts->str, expected[i]) == NULL)
      g_error ("page %s does not show “%s”; it shows:\n%s", page, expected[i], texts->str);
}

static void
test_window_shows_every_page (void)
{
  static const struct {
    const char *name;
    const char *expected[6];
  } pages[] = {
    { "activities", { "Actividades", "Dirección", "Secretaría de Gobierno", "Corazón de Plata", "Actividad / Proyecto general", NULL } },
    { "cronograma", { "Cronograma programado 2026", "Ene", "Dic", "31/12/2025", NULL } },
    { "indicators", { "Índice de Eficiencia", "11.6 %", "23 logradas de 198 metas programadas", NULL } },
    { "budget", { "Presupuesto estimado", "Papelería de oficina", "Partida 2111", "$ 90,000.00", NULL } },
  };
  g_autofree char *dir = test_make_tmpdir ();
  GtkWindow *window;
  g_autoptr(PoaApplication) app = test_ui_open_window (dir, &window);

  gtk_window_set_default_size (window, 1280, 800);
  test_ui_wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2026 — Migrantes y Ex braceros");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("ui-%s.png", pages[i].name);

      poa_window_show_page (POA_WINDOW (window), pages[i].name);
      test_ui_wait_for_frames (GTK_WIDGET (window), 3);
      assert_shows (GTK_WIDGET (window), pages[i].name, pages[i].expected);
      test_ui_render_to_png (GTK_WIDGET (window), png);
    }

  test_ui_close_windows (app);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/shows-every-page-in-spanish", test_window_shows_every_page);

  return g_test_run ();
}
