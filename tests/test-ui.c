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
#include "poa-window-private.h"
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
assert_shows (GtkWidget         *window,
              const char        *page,
              const char *const  expected[])
{
  g_autoptr(GString) texts = g_string_new (NULL);

  collect_labels (window, texts);
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

static gboolean
window_shows (GtkWidget  *window,
              const char *text)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  collect_labels (window, texts);
  return strstr (texts->str, text) != NULL;
}

/* The first toplevel of @type other than @except, or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && GTK_WIDGET (window) != except &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (done (data));
}

static gboolean
chooser_open (gpointer window)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, window) != NULL;
}

static gboolean
chooser_closed (gpointer window)
{
  return !chooser_open (window);
}

static gboolean
export_toast_shown (gpointer window)
{
  return window_shows (window, "Se exportó «POA 2026 - Migrantes y Ex braceros.xlsx»");
}

static gboolean
error_dialog_open (gpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, window) != NULL;
}

/* Ctrl+E's action opens a file chooser proposing the official name; accepting it writes the
 * workbook off the main thread and says so in a toast. A failure is said in a dialog. */
static void
exports_to_excel (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autofree char *workbook = g_build_filename (dir, "POA 2026 - Migrantes y Ex braceros.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "poa.xlsx", NULL);
  g_autoptr(PoaApplication) app = poa_application_new (db, 0, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_build_filename (dir, "POA 2026 - Migrantes y Ex braceros", NULL);
  g_autoptr(GFile) chosen = g_file_new_for_path (typed);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *window, *chooser, *dialog;
  gsize length = 0;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  wait_for_frames (GTK_WIDGET (window), 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-xlsx", NULL));
  spin_until (chooser_open, window);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WIDGET (window));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "POA 2026 - Migrantes y Ex braceros.xlsx");

  /* GTK's own saving steps (the overwrite question …) are not ours to test: the chooser is
   * cancelled, and a name typed without its extension is exported directly. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  spin_until (chooser_closed, window);
  _poa_window_export_xlsx_to_file (POA_WINDOW (window), chosen);

  spin_until (export_toast_shown, window);
  g_assert_true (g_file_get_contents (workbook, &contents, &length, NULL));
  g_assert_cmpmem (contents, 2, "PK", 2);

  {
    g_autoptr(GFile) file = g_file_new_for_path (missing);

    _poa_window_export_xlsx_to_file (POA_WINDOW (window), file);
    spin_until (error_dialog_open, window);
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WIDGET (window));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), missing));
    gtk_window_destroy (dialog);
  }

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_remove_tree (dir);
}

static void
test_window_exports_to_excel (void)
{
  /* A second application in this process could not take the first one's D-Bus name. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                              G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  exports_to_excel ();
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
  g_test_add_func ("/ui/window/exports-to-excel", test_window_exports_to_excel);

  return g_test_run ();
}
