/* test-ui.c — the window under a display (Xvfb): every page shows the plan, in Spanish.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "poa-application.h"
#include "poa-budget-line.h"
#include "poa-indicators-page.h"
#include "poa-plan.h"
#include "poa-window.h"
#include "test-util.h"

/* Waits until the frame clock has run a few times, so that pending layout is done. */
static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static void
wait_for_frames (GtkWidget *widget,
                 guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, id);
  g_assert_cmpuint (frames, >=, n);
}

/* Renders the window as it is on screen into a PNG beside the tests, for people to look at,
 * and checks that it is not blank. */
static void
render_to_png (GtkWidget  *window,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  gsize differing = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);

  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    differing += memcmp (pixels + 4 * i, pixels, 4) != 0;
  g_assert_cmpuint (differing, >, (gsize)width * height / 100);
}

static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      /* A label still showing an English message id that has a Spanish translation was not
       * translated. "May" is the exception: it is also Mayo's Spanish abbreviation. */
      if (text[0] != '\0' && strcmp (text, "May") != 0 &&
          strcmp (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
        g_error ("untranslated label “%s”", text);
      g_string_append_printf (texts, "%s\n", text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static void
assert_shows (GtkWidget  *window,
              const char *page,
              const char * const *expected)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  collect_labels (window, texts);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (texts->str, expected[i]) == NULL)
      g_error ("page %s does not show “%s”; it shows:\n%s", page, expected[i], texts->str);
}

/* The first widget under @widget of @type, or named @name, depth first. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  if ((type != G_TYPE_NONE && G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) ||
      (name != NULL && g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_shows_every_page (void)
{
  static const struct {
    const char *name;
    const char *expected[8];
  } pages[] = {
    { "activities", { "Actividades", "Dirección", "Secretaría de Gobierno", "Corazón de Plata", "Actividad / Proyecto general", NULL } },
    { "cronograma", { "Cronograma programado 2026", "Ene", "Dic", "31/12/2025", NULL } },
    { "indicators", { "Índice de Eficiencia", "11.6 %", "Crítico", "23 logradas de 198 metas programadas",
                      "Al 01/07/2026, 10 de 16 actividades van atrasadas", NULL } },
    { "budget", { "Presupuesto estimado", "Papelería de oficina",
                  "Partida 2111 · CONAC: Materiales, útiles y equipos menores de oficina",
                  "3000 Servicios generales", "$ 90,000.00", NULL } },
  };
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(PoaApplication) app = poa_application_new (db, 0, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (POA_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1280, 800);
  wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (gtk_window_get_title (window), ==, "POA 2026 — Migrantes y Ex braceros");

  /* Progress is measured on a fixed date, so that what is late does not depend on today. */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, 7, 2026);
    poa_indicators_page_set_date (POA_INDICATORS_PAGE (find_widget (GTK_WIDGET (window), POA_TYPE_INDICATORS_PAGE, NULL)),
                                  &date);
  }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("ui-%s.png", pages[i].name);

      poa_window_show_page (POA_WINDOW (window), pages[i].name);
      wait_for_frames (GTK_WIDGET (window), 3);
      assert_shows (GTK_WIDGET (window), pages[i].name, pages[i].expected);
      render_to_png (GTK_WIDGET (window), png);
    }

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_remove_tree (dir);
}

static void
apply_amount (GtkWidget  *entry,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
}

/* Types an amount into the first partida, as the office would, then a bad one, then undoes. */
static void
test_budget_edit_and_undo (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(PoaApplication) app = poa_application_new (db, 0, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaBudgetLine) line = NULL;
  GtkWidget *entry, *message;
  GtkWindow *window;
  PoaPlan *plan;
  const char *expected_after[] = { "$ 92,500.00", "$ 7,500.00", NULL };
  const char *expected_before[] = { "$ 90,000.00", NULL };

  /* An application stays registered on the session bus for as long as the process lives, and
   * the previous test's does; this one runs in a process of its own. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1280, 800);
  poa_window_show_page (POA_WINDOW (window), "budget");
  wait_for_frames (GTK_WIDGET (window), 3);

  plan = poa_window_get_plan (POA_WINDOW (window));
  line = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (plan)), 0);
  entry = find_widget (GTK_WIDGET (window), G_TYPE_NONE, "budget-amount");
  message = find_widget (GTK_WIDGET (window), G_TYPE_NONE, "budget-amount-message");
  g_assert_nonnull (entry);
  g_assert_nonnull (message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "$ 5,000.00");

  apply_amount (entry, "7,500.00");
  wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 750000);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, 9250000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "$ 7,500.00");
  assert_shows (GTK_WIDGET (window), "budget", expected_after);

  /* A European amount is refused with a message, and nothing changes. */
  apply_amount (entry, "5.000,00");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "«5.000,00»"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 750000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 500000);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, 9000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "$ 5,000.00");
  assert_shows (GTK_WIDGET (window), "budget", expected_before);

  g_clear_object (&line);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/window/shows-every-page-in-spanish", test_window_shows_every_page);
  g_test_add_func ("/ui/budget/edits-an-amount-and-undoes-it", test_budget_edit_and_undo);

  return g_test_run ();
}
