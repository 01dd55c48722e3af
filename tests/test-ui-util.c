/* test-ui-util.c — helpers shared by the window tests.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#include <glib/gi18n.h>

#include "poa-cell-text.h"
#include "poa-list-columns.h"
#include "poa-window.h"
#include "test-ui-util.h"

/* The window tests run in Spanish (LANGUAGE=es, LC_ALL=es_MX.UTF-8 from tests/meson.build) on
 * the catalog compiled in the build tree. */
void
test_ui_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}

/* Opens the window as the program does, on a new database in @dir (so on the 2026 plan).
 *
 * A registered GApplication stays exported on the session bus, holding a reference to itself,
 * until g_application_run() returns; tests that open several in one process give each its own
 * ID so that they do not collide. */
PoaApplication *
test_ui_open_window (const char  *dir,
                     GtkWindow  **window)
{
  static guint n_apps = 0;
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++n_apps);
  PoaApplication *app = poa_application_new (db, 0, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (POA_IS_WINDOW (*window));

  return app;
}

/* Destroys the application's windows, lets GTK finish with them, and checks that nothing kept
 * them alive. */
void
test_ui_close_windows (PoaApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  guint n = g_list_length (windows);
  g_autofree gpointer *alive = g_new0 (gpointer, n);
  guint i = 0;

  for (GList *l = windows; l != NULL; l = l->next, i++)
    {
      alive[i] = l->data;
      g_object_add_weak_pointer (alive[i], &alive[i]);
    }
  for (i = 0; i < n; i++)
    if (alive[i] != NULL)
      gtk_window_destroy (alive[i]);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (i = 0; i < n; i++)
    g_assert_null (alive[i]);
}

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

void
test_ui_wait_for_frames (GtkWidget *widget,
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
void
test_ui_render_to_png (GtkWidget  *window,
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

/* Appends the text of every label (and table cell) on screen to @texts, one a line, checking it
 * is translated. */
void
test_ui_collect_labels (GtkWidget *widget,
                        GString   *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) || POA_IS_CELL_TEXT (widget))
    {
      const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                               : poa_cell_text_get_text (POA_CELL_TEXT (widget));

      test_ui_assert_translated (text);
      g_string_append_printf (texts, "%s\n", text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    test_ui_collect_labels (child, texts);
}

/* The first widget of @type under @widget (or @widget itself), depth first. */
GtkWidget *
test_ui_find_widget (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_ui_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A text still showing an English message id that has a Spanish translation was not
 * translated. "May" is the exception: it is also Mayo's Spanish abbreviation. */
void
test_ui_assert_translated (const char *text)
{
  if (text[0] != '\0' && strcmp (text, "May") != 0 &&
      strcmp (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
    g_error ("untranslated text “%s”", text);
}

void
test_ui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
done_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
test_ui_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  test_ui_iterate ();
}

/* XTestFakeKeyEvent, looked up at run time in libXtst.so.6: the XTest headers (libxtst-dev) are
 * not among the build dependencies. */
typedef int (*FakeKeyEvent) (Display *display, unsigned int keycode, int is_press, unsigned long delay);

static FakeKeyEvent fake_key_event;

void
test_ui_keys_init (void)
{
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);

  g_assert_nonnull (xtst);
  fake_key_event = (FakeKeyEvent)dlsym (xtst, "XTestFakeKeyEvent");
  g_assert_nonnull (fake_key_event);
  g_assert_true (GDK_IS_X11_DISPLAY (gdk_display_get_default ()));
}

static Display *
x_display (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

void
test_ui_focus_window (GtkWindow *window,
                      guint      wait_ms)
{
  Display *display = x_display ();

  XSetInputFocus (display, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  XFlush (display);
  test_ui_wait_ms (wait_ms);
}

/* One key, as the keyboard sends it: through the X server, to the window holding the focus. */
void
test_ui_press_key (gulong keysym,
                   gulong modifier)
{
  Display *display = x_display ();
  KeyCode code = XKeysymToKeycode (display, keysym);
  KeyCode modifier_code = modifier != NoSymbol ? XKeysymToKeycode (display, modifier) : 0;

  g_assert_nonnull (fake_key_event);
  g_assert_cmpuint (code, !=, 0);
  if (modifier_code != 0)
    fake_key_event (display, modifier_code, True, CurrentTime);
  fake_key_event (display, code, True, CurrentTime);
  fake_key_event (display, code, False, CurrentTime);
  if (modifier_code != 0)
    fake_key_event (display, modifier_code, False, CurrentTime);
  XFlush (display);
  test_ui_wait_ms (60);
}

void
test_ui_type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      g_assert_true (g_ascii_isdigit (*p) || g_ascii_isalpha (*p) || *p == ' ');
      test_ui_press_key (*p == ' ' ? XK_space : (KeySym)(guchar)*p, NoSymbol);
    }
}

AdwMessageDialog *
test_ui_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

void
test_ui_destroy_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (window))
        gtk_window_destroy (window);
    }
}

/* The height Pango gives @text at @width pixels in @table's font, wrapped at words and cut at
 * four lines as a table's paragraphs are: what a paragraph's cell in view must be, computed
 * without the cell (PoaCellText). */
int
test_ui_pango_height (GtkWidget  *table,
                      const char *text,
                      int         width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (gtk_widget_get_pango_context (table));
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -4);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
no_marker_cb (GObject     *item,
              const char **latest,
              gpointer     user_data)
{
  return -1;
}

static void
no_activate_cb (GObject  *item,
                gpointer  user_data)
{
}

GtkColumnViewColumn *
test_ui_number_column_new (void)
{
  return _poa_marked_number_column_new ("Nº", "number", no_marker_cb, no_activate_cb, NULL);
}
