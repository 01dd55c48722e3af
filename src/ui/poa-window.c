/* poa-window.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-page.h"
#include "poa-cronograma-page.h"
#include "poa-document.h"
#include "poa-findings-button.h"
#include "poa-follow-page.h"
#include "poa-indicators-page.h"
#include "poa-plan-chooser.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-settings.h"
#include "poa-ui-util.h"
#include "poa-window-private.h"

G_DEFINE_FINAL_TYPE (PoaWindow, poa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The title names the plan: its área and year. The window's title is not on screen in
 * GNOME's header bars, and the switcher title shows it only when the window is narrow: the
 * plan button says it at every width, whole or as the year. After “Copy to 2027” the window
 * says 2027. */
static void
update_title (PoaWindow *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  g_autofree char *year = NULL;
  PoaPlan *plan = poa_window_get_plan (self);
  const char *area;

  if (plan == NULL)
    return;

  area = poa_plan_get_area (plan);
  heading = g_strdup_printf (_("POA %u"), poa_plan_get_year (plan));
  title = area[0] != '\0' ? g_strdup_printf ("%s — %s", heading, area) : g_strdup (heading);

  /* Shown in the switcher's place when the window is narrow. */
  year = g_strdup_printf ("%u", poa_plan_get_year (plan));
  adw_view_switcher_title_set_title (self->switcher_title, heading);
  adw_view_switcher_title_set_subtitle (self->switcher_title, area);
  gtk_window_set_title (GTK_WINDOW (self), title);
  poa_plan_chooser_set_title (self->plan_chooser, title, year);
}

static void
plan_header_changed_cb (PoaWindow  *self,
                        GParamSpec *pspec,
                        PoaPlan    *plan)
{
  update_title (self);
}

/* What needs the whole plan is off while a big plan's rest is still being read (the
 * document's `loading`, see poa-session.c): nothing is ever done to part of a plan. */
static void
update_actions (PoaWindow *self)
{
  gboolean whole = self->document != NULL && !poa_document_get_loading (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 whole && poa_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 whole && poa_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-json", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-png", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", whole);
  _poa_window_update_review (self);
}

/* The session shows another plan: the pages follow through their bindings; the selection was
 * an activity of the plan before. */
static void
session_document_changed_cb (PoaWindow *self)
{
  PoaDocument *document = poa_session_get_document (self->session);

  if (self->document == document)
    return;

  poa_window_set_selected_activity (self, NULL);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (poa_document_get_plan (self->document), self);
    }
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      PoaPlan *plan = poa_document_get_plan (document);

      g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (update_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (update_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::loading", G_CALLBACK (update_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::area", G_CALLBACK (plan_header_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::year", G_CALLBACK (plan_header_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::review-status", G_CALLBACK (_poa_window_update_review),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::closed-quarters", G_CALLBACK (_poa_window_update_review),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "observations-changed", G_CALLBACK (_poa_window_update_review),
                               self, G_CONNECT_SWAPPED);
    }

  update_title (self);
  update_actions (self);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !poa_document_undo (self->document, &error))
    _poa_window_show_error (self, _("The change could not be undone"), error);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !poa_document_redo (self->document, &error))
    _poa_window_show_error (self, _("The change could not be redone"), error);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  poa_window_show_page (POA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* win.show-toast and win.show-error: how the widgets inside the window say something, without
 * knowing the window. */
static void
show_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _poa_window_add_toast (POA_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
show_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  const char *heading, *message;

  g_variant_get (parameter, "(&s&s)", &heading, &message);
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);
  _poa_window_show_error (POA_WINDOW (widget), heading, error);
}

/* win.edit-activity "(us)" and win.edit-general-data "(is)": how a small widget (the findings
 * button) opens an editor without knowing the Activities page. edit-activity takes the
 * activity's position in the plan (from 0) and the field to put the cursor in, as findings
 * name fields ("" for none); the activity becomes the window's selection. edit-general-data
 * takes the position of the signature the field belongs to, or -1 for the plan's own fields,
 * and the field. Both show the Activities page, the editors' parent. */
static void
edit_activity_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(PoaActivity) activity = NULL;
  const char *field;
  guint32 position;

  g_variant_get (parameter, "(u&s)", &position, &field);
  if (self->document == NULL ||
      !(activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (poa_document_get_plan (self->document))), position)))
    return;

  poa_window_show_page (self, "activities");
  /* The page shares its selection with the window's other pages. */
  poa_activities_page_set_selected_activity (self->activities_page, activity);
  poa_activities_page_edit_activity (self->activities_page, activity, field[0] != '\0' ? field : NULL);
}

static void
edit_general_data_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GObject) signature = NULL;
  const char *field;
  gint32 position;

  g_variant_get (parameter, "(i&s)", &position, &field);
  if (self->document == NULL)
    return;
  if (position >= 0 &&
      !(signature = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_signatures (poa_document_get_plan (self->document))), (guint)position)))
    return;

  poa_window_show_page (self, "activities");
  poa_activities_page_edit_general_data (self->activities_page,
                                         signature != NULL ? signature : G_OBJECT (poa_document_get_plan (self->document)),
                                         field[0] != '\0' ? field : NULL);
}

/* The pages other than Activities are made when first shown: building, styling and measuring
 * them (AdwViewStack measures every page, shown or not) delayed the window's first frame. Each
 * follows the session's document and the window's selection as the template's pages do. */
static void
ensure_page (PoaWindow  *self,
             const char *name)
{
  const struct {
    const char *name;
    gsize       bin_offset;
    GType     (*get_type) (void);
    gboolean    has_selection;
  } pages[] = {
    { "cronograma", G_STRUCT_OFFSET (PoaWindow, cronograma_bin), poa_cronograma_page_get_type, TRUE },
    { "indicators", G_STRUCT_OFFSET (PoaWindow, indicators_bin), poa_indicators_page_get_type, FALSE },
    { "budget", G_STRUCT_OFFSET (PoaWindow, budget_bin), poa_budget_page_get_type, FALSE },
    { "follow", G_STRUCT_OFFSET (PoaWindow, follow_bin), poa_follow_page_get_type, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwBin *bin = G_STRUCT_MEMBER (AdwBin *, self, pages[i].bin_offset);
      GtkWidget *page;

      if (g_strcmp0 (name, pages[i].name) != 0 || adw_bin_get_child (bin) != NULL)
        continue;

      page = g_object_new (pages[i].get_type (), NULL);
      if (self->session != NULL)
        g_object_bind_property (self->session, "document", page, "document", G_BINDING_SYNC_CREATE);
      if (pages[i].has_selection)
        g_object_bind_property (self, "selected-activity", page, "selected-activity",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      adw_bin_set_child (bin, page);
    }
}

static void
visible_page_changed_cb (PoaWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->stack));
}

/* The keyboard shortcuts window is built when first asked for: GtkApplication would build it
 * for every window it opens, before the window's first frame. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/ui/poa-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* The size and state the window had when it was last closed, kept as they change; the
 * settings may be missing (run from the build tree), and then the window opens at the
 * template's size. The default size follows the window as the user resizes it, but not while
 * maximized: the size kept is the one to come back to when unmaximizing. */
static void
bind_window_state (PoaWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* The window takes the session once, and binds its pages to the session's document. */
static void
set_session (PoaWindow  *self,
             PoaSession *session)
{
  g_return_if_fail (self->session == NULL);

  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  /* Before the pages' bindings: the selection goes before another plan comes. */
  g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  session_document_changed_cb (self);

  /* Here rather than in the template, so that it follows the handler above; the header bar's
   * plan chooser and findings button bind in the template. */
  g_object_bind_property (session, "document", self->activities_page, "document", G_BINDING_SYNC_CREATE);
}

static void
poa_window_dispose (GObject *object)
{
  PoaWindow *self = (PoaWindow *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (poa_document_get_plan (self->document), self);
  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_clear_object (&self->selected_activity);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->backup_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_WINDOW);

  G_OBJECT_CLASS (poa_window_parent_class)->dispose (object);
}

static void
poa_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PoaWindow *self = POA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SELECTED_ACTIVITY:
      g_value_set_object (value, self->selected_activity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PoaWindow *self = POA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACTIVITY:
      poa_window_set_selected_activity (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_window_class_init (PoaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_window_dispose;
  object_class->get_property = poa_window_get_property;
  object_class->set_property = poa_window_set_property;

  /* The store and the plan shown, given once. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, POA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The activity selected on any page. The window owns the selection: it is what the pages
   * share, and no concern of the core's session; the pages bind to it both ways, so that
   * choosing an activity in the table selects it in the cronograma and back. */
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_object ("selected-activity", NULL, NULL, POA_TYPE_ACTIVITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (POA_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (POA_TYPE_PLAN_CHOOSER);
  g_type_ensure (POA_TYPE_FINDINGS_BUTTON);
  g_type_ensure (POA_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, plan_chooser);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, activities_page);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, cronograma_bin);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, indicators_bin);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, budget_bin);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, follow_bin);

  /* Alt+1 … Alt+5 go to the pages, as tabs do elsewhere in GNOME. */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "activities");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "cronograma");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "indicators");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "budget");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "follow");
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_activated);
  gtk_widget_class_install_action (widget_class, "win.show-error", "(ss)", show_error_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-activity", "(us)", edit_activity_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-general-data", "(is)", edit_general_data_activated);

  _poa_window_class_print_init (widget_class);
  _poa_window_class_export_init (widget_class);
  _poa_window_class_import_init (widget_class);
  _poa_window_class_backup_init (widget_class);
  _poa_window_class_review_init (widget_class);
}

static void
poa_window_init (PoaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);

  self->settings = poa_settings_new ();
  bind_window_state (self);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);
  g_object_bind_property (self, "selected-activity", self->activities_page, "selected-activity",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The narrow header bar has no room for the review button: the main menu's review section
   * says the status there. */
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (_poa_window_update_review), self, G_CONNECT_SWAPPED);
}

PoaWindow *
poa_window_new (GtkApplication *application,
                PoaSession     *session)
{
  return g_object_new (POA_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

/**
 * poa_window_get_session:
 *
 * Returns: (transfer none) (nullable): the store and the plan the window shows.
 */
PoaSession *
poa_window_get_session (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * poa_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the window shows: the session's.
 */
PoaPlan *
poa_window_get_plan (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  return self->document != NULL ? poa_document_get_plan (self->document) : NULL;
}

/**
 * poa_window_get_selected_activity:
 *
 * Returns: (transfer none) (nullable): the activity selected in the window's pages.
 */
PoaActivity *
poa_window_get_selected_activity (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  return self->selected_activity;
}

void
poa_window_set_selected_activity (PoaWindow   *self,
                                  PoaActivity *activity)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (activity == NULL || POA_IS_ACTIVITY (activity));

  if (g_set_object (&self->selected_activity, activity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
}

/**
 * _poa_window_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Says something briefly at the bottom of the window: the window's one way to do it.
 */
void
_poa_window_add_toast (PoaWindow *self,
                       AdwToast  *toast)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _poa_window_show_error:
 * @heading: what failed, e.g. "The change could not be saved"
 * @error: why, naming the file
 *
 * Shows a dialog over the window; the user closes it.
 */
void
_poa_window_show_error (PoaWindow    *self,
                        const char   *heading,
                        const GError *error)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  _poa_widget_report_error (GTK_WIDGET (self), heading, error);
}

/* A "save as" chooser for an export of the plan: one kind of file, in the user's Documents
 * folder, under @name; modal over the window. Shown by the caller after connecting "response". */
GtkFileChooserNative *
_poa_window_export_chooser_new (PoaWindow  *self,
                                const char *title,
                                const char *filter_name,
                                const char *mime_type,
                                const char *suffix,
                                const char *name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  return chooser;
}

/**
 * poa_window_show_page:
 * @name: "activities", "cronograma", "indicators", "budget" or "follow"
 */
void
poa_window_show_page (PoaWindow  *self,
                      const char *name)
{
  g_return_if_fail (POA_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}
