/* poa-window.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activities-page.h"
#include "poa-activity.h"
#include "poa-budget-page.h"
#include "poa-cronograma-page.h"
#include "poa-document.h"
#include "poa-findings-button.h"
#include "poa-indicators-page.h"
#include "poa-plan-chooser.h"
#include "poa-plan.h"
#include "poa-settings.h"
#include "poa-window-backup.h"
#include "poa-ui-util.h"
#include "poa-window-private.h"
#include "poa-window-print.h"
#include "poa-window.h"

struct _PoaWindow
{
  AdwApplicationWindow  parent_instance;

  PoaPlan              *plan;
  PoaDocument          *document;
  PoaActivity          *selected_activity;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  PoaActivitiesPage    *activities_page;
  AdwBin               *cronograma_bin;
  AdwBin               *indicators_bin;
  AdwBin               *budget_bin;
};

G_DEFINE_FINAL_TYPE (PoaWindow, poa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_DOCUMENT,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The title names the plan: its área and year. */
static void
update_title (PoaWindow *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  const char *area;

  if (self->plan == NULL)
    return;

  area = poa_plan_get_area (self->plan);
  heading = g_strdup_printf (_("POA %u"), poa_plan_get_year (self->plan));
  title = area[0] != '\0' ? g_strdup_printf ("%s — %s", heading, area) : g_strdup (heading);

  adw_view_switcher_title_set_title (self->switcher_title, heading);
  adw_view_switcher_title_set_subtitle (self->switcher_title, area);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
plan_header_changed_cb (PoaWindow  *self,
                        GParamSpec *pspec,
                        PoaPlan    *plan)
{
  update_title (self);
}

static void
update_history_actions (PoaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->document != NULL && poa_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->document != NULL && poa_document_can_redo (self->document));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !poa_document_undo (self->document, &error))
    poa_window_show_error (self, _("The change could not be undone"), error);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaWindow *self = POA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !poa_document_redo (self->document, &error))
    poa_window_show_error (self, _("The change could not be redone"), error);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  poa_window_show_page (POA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The pages other than Activities are made when first shown: building, styling and measuring
 * them (AdwViewStack measures every page, shown or not) delayed the window's first frame. Each
 * follows the window's plan, document and selection as the template's pages do. */
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwBin *bin = G_STRUCT_MEMBER (AdwBin *, self, pages[i].bin_offset);
      GtkWidget *page;

      if (g_strcmp0 (name, pages[i].name) != 0 || adw_bin_get_child (bin) != NULL)
        continue;

      page = g_object_new (pages[i].get_type (), NULL);
      g_object_bind_property (self, "plan", page, "plan", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "document", page, "document", G_BINDING_SYNC_CREATE);
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

/* The size the window had when it was last closed; the settings may be missing (run from the
 * build tree), and then the window opens at the template's size. */
static void
restore_window_state (PoaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (PoaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size follows the window as the user resizes it, but not while maximized: the
   * size saved is the one to come back to when unmaximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
poa_window_close_request (GtkWindow *window)
{
  save_window_state (POA_WINDOW (window));

  return GTK_WINDOW_CLASS (poa_window_parent_class)->close_request (window);
}

static void
poa_window_dispose (GObject *object)
{
  PoaWindow *self = (PoaWindow *)object;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
  g_clear_object (&self->selected_activity);
  g_clear_object (&self->settings);

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
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
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
    case PROP_PLAN:
      poa_window_set_plan (self, g_value_get_object (value));
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = poa_window_dispose;
  object_class->get_property = poa_window_get_property;
  object_class->set_property = poa_window_set_property;
  window_class->close_request = poa_window_close_request;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* The activity selected on any page; the pages bind to it both ways, so that choosing an
   * activity in the table selects it in the cronograma and back. */
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_object ("selected-activity", NULL, NULL, POA_TYPE_ACTIVITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (POA_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (POA_TYPE_PLAN_CHOOSER);
  g_type_ensure (POA_TYPE_FINDINGS_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, cronograma_bin);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, indicators_bin);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, budget_bin);

  _poa_window_class_add_print_actions (widget_class);
  gtk_widget_class_bind_template_child (widget_class, PoaWindow, activities_page);
  _poa_window_class_add_export_action (widget_class);

  /* Alt+1 … Alt+4 go to the pages, as tabs do elsewhere in GNOME. */
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

  _poa_window_class_add_import_action (widget_class);
  _poa_window_backup_class_init (widget_class);
}

static void
poa_window_init (PoaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_history_actions (self);

  self->settings = poa_settings_new ();
  restore_window_state (self);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);
  g_object_bind_property (self, "selected-activity", self->activities_page, "selected-activity",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

PoaWindow *
poa_window_new (PoaApplication *application,
                PoaPlan        *plan)
{
  return g_object_new (POA_TYPE_WINDOW,
                       "application", application,
                       "plan", plan,
                       NULL);
}

/**
 * poa_window_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the window shows.
 */
PoaPlan *
poa_window_get_plan (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  return self->plan;
}

/**
 * poa_window_set_plan:
 * @plan: (nullable): a plan loaded from the application's store
 *
 * Shows @plan, ready for editing: its edits are saved at once and can be undone for as long as
 * it stays in the window.
 */
void
poa_window_set_plan (PoaWindow *self,
                     PoaPlan   *plan)
{
  PoaApplication *app;

  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  g_set_object (&self->plan, plan);
  poa_window_set_selected_activity (self, NULL);

  app = POA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (plan != NULL && app != NULL && poa_application_get_store (app) != NULL)
    {
      self->document = poa_document_new (poa_application_get_store (app), plan);
      g_signal_connect_object (self->document, "notify::can-undo",
                               G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::can-redo",
                               G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
    }

  if (plan != NULL)
    {
      g_signal_connect_object (plan, "notify::area", G_CALLBACK (plan_header_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::year", G_CALLBACK (plan_header_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update_title (self);
  update_history_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * poa_window_get_document:
 *
 * Returns: (transfer none) (nullable): the plan open for editing: every change to the plan
 *   goes through it.
 */
PoaDocument *
poa_window_get_document (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), NULL);

  return self->document;
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
 * poa_window_show_toast:
 *
 * Says something briefly at the bottom of the window.
 */
void
poa_window_show_toast (PoaWindow  *self,
                       const char *message)
{
  g_return_if_fail (POA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * poa_window_show_error:
 * @heading: what failed, e.g. "The change could not be saved"
 * @error: why, naming the file
 *
 * Shows a dialog over the window; the user closes it.
 */
void
poa_window_show_error (PoaWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  _poa_widget_report_error (GTK_WIDGET (self), heading, error);
}

/**
 * _poa_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
_poa_window_add_toast (PoaWindow *self,
                       AdwToast  *toast)
{
  g_return_if_fail (POA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Whether the whole plan is there to be exported or printed: a big plan's rest is read right
 * after the window's first frame (see poa-opening.c); a request in that moment is told so. */
gboolean
_poa_window_plan_is_whole (PoaWindow *self)
{
  g_return_val_if_fail (POA_IS_WINDOW (self), FALSE);

  if (self->plan == NULL)
    return FALSE;

  if (self->document != NULL && poa_document_is_opening (self->document))
    {
      _poa_window_add_toast (self, adw_toast_new (_("The plan is still being opened; try again in a moment")));
      return FALSE;
    }

  return TRUE;
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
 * @name: "activities", "cronograma", "indicators" or "budget"
 */
void
poa_window_show_page (PoaWindow  *self,
                      const char *name)
{
  g_return_if_fail (POA_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}
