/* poa-activities-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-activities-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-activities-page.h"
#include "poa-justification.h"
#include "poa-cell-text.h"
#include "poa-activity-editor.h"
#include "poa-activity.h"
#include "poa-document.h"
#include "poa-list-columns.h"
#include "poa-plan-editor.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-search-model.h"
#include "poa-ui-util.h"

/* The plan's general data over the activities table with the six columns of the document,
 * and the tools to write them: add, edit, duplicate, delete, move, search, sort.
 *
 * The table shows the plan's own list through a sort model (the column headers) and a search
 * model (PoaSearchModel), so it never holds a copy; every change goes through PoaDocument. Moving
 * is about the document's order, so it is off while the table is sorted by a column. */
struct _PoaActivitiesPage
{
  GtkWidget           parent_instance;

  PoaPlan            *plan;
  PoaDocument        *document;
  PoaActivity        *selected_activity;
  gboolean            sorted;

  /* The planning unit's observations per activity Nº (Observed), made once per change of the
   * observations, so that a row's marker is a hash lookup; NULL: to be made again. */
  GHashTable         *observed;
  GtkColumnViewColumn *number_column;

  guint               folding_id;   /* the idle that folds the plan's texts for the search, after
                                     * the plan's first frame (a timeout while the table scrolls) */

  GtkSortListModel   *sorted_list;  /* the plan's activities in the columns' order */
  PoaSearchModel     *filtered;     /* of those, the ones that match the search */
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkWidget          *unsort_button;
  GtkStack           *content_stack;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (PoaActivitiesPage, poa_activities_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The observations on one activity: how many, and the latest's text (the plan's, which only
 * ever appends to them; the index is made again when it does). */
typedef struct
{
  guint       count;
  const char *latest;
} Observed;

/* Reads `activity N` as `check` names an activity; 0 for anything else. */
static guint
observed_number (const char *where)
{
  const char *digits;
  guint64 number = 0;

  if (where == NULL || !g_str_has_prefix (where, "activity "))
    return 0;

  digits = where + strlen ("activity ");
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT, &number, NULL))
    return 0;

  return (guint)number;
}

static GHashTable *
observed_index (PoaActivitiesPage *self)
{
  GPtrArray *observations;

  if (self->observed != NULL)
    return self->observed;

  self->observed = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  observations = self->plan != NULL ? poa_plan_get_observations (self->plan) : NULL;

  /* Oldest first: the last one seen of each activity is its latest. */
  for (guint i = 0; observations != NULL && i < observations->len; i++)
    {
      const PoaObservation *observation = g_ptr_array_index (observations, i);
      guint number = observed_number (observation->where);
      Observed *observed;

      if (number == 0)
        continue;

      observed = g_hash_table_lookup (self->observed, GUINT_TO_POINTER (number));
      if (observed == NULL)
        {
          observed = g_new0 (Observed, 1);
          g_hash_table_insert (self->observed, GUINT_TO_POINTER (number), observed);
        }
      observed->count++;
      observed->latest = observation->text;
    }

  return self->observed;
}

static int
observation_marker_cb (GObject     *item,
                       const char **latest,
                       gpointer     user_data)
{
  PoaActivitiesPage *self = user_data;
  GHashTable *index = observed_index (self);
  Observed *observed;

  if (g_hash_table_size (index) == 0)
    return -1;

  observed = g_hash_table_lookup (index, GUINT_TO_POINTER (poa_activity_get_number (POA_ACTIVITY (item))));
  if (observed == NULL)
    return 0;

  *latest = observed->latest;
  return (int)MIN (observed->count, G_MAXINT);
}

static void
observation_activated_cb (GObject  *item,
                          gpointer  user_data)
{
  PoaActivitiesPage *self = user_data;

  poa_activities_page_set_selected_activity (self, POA_ACTIVITY (item));
  poa_activities_page_edit_activity (self, POA_ACTIVITY (item), "observations");
}

/* An observation added (or the plan read again): the rows made show it at once. */
static void
observations_changed_cb (PoaActivitiesPage *self)
{
  g_clear_pointer (&self->observed, g_hash_table_unref);
  if (self->number_column != NULL)
    _poa_marked_column_refresh (self->number_column);
}

static guint
plan_position (PoaActivitiesPage *self,
               PoaActivity       *activity)
{
  GListModel *list;
  guint position = 0;

  if (self->plan == NULL || activity == NULL)
    return GTK_INVALID_LIST_POSITION;

  list = G_LIST_MODEL (poa_plan_get_activities (self->plan));
  return g_list_store_find (G_LIST_STORE (list), activity, &position) ? position : GTK_INVALID_LIST_POSITION;
}

static void
update_actions (PoaActivitiesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->document != NULL;
  gboolean shown = editable && gtk_widget_get_mapped (widget);
  gboolean has = editable && self->selected_activity != NULL;
  guint position = plan_position (self, self->selected_activity);
  guint n = self->plan ? g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan))) : 0;

  /* Ctrl+N and Ctrl+F belong to this page only while it is the one shown. */
  gtk_widget_action_set_enabled (widget, "activities.add", shown);
  gtk_widget_action_set_enabled (widget, "activities.search", shown);
  gtk_widget_action_set_enabled (widget, "activities.general-data", editable);
  gtk_widget_action_set_enabled (widget, "activities.edit", has);
  gtk_widget_action_set_enabled (widget, "activities.duplicate", has);
  gtk_widget_action_set_enabled (widget, "activities.insert-after", has && !self->sorted);
  gtk_widget_action_set_enabled (widget, "activities.delete", has);
  gtk_widget_action_set_enabled (widget, "activities.move-up", has && !self->sorted && position > 0 &&
                                 position != GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (widget, "activities.move-down", has && !self->sorted && position + 1 < n);
  gtk_widget_action_set_enabled (widget, "activities.unsort", self->sorted);
  gtk_widget_set_visible (self->unsort_button, self->sorted);
}

static void
update_empty (PoaActivitiesPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *description = NULL;

  if (n_shown > 0 || self->plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "table");
      return;
    }

  if (poa_search_model_is_searching (self->filtered))
    {
      description = g_strdup_printf (_("No activity mentions “%s”."),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing found"));
    }
  else
    {
      description = g_strdup (_("Add the first one with the + button or Ctrl+N."));
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, _("No activities yet"));
    }

  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* GTK 4.8's column view has no scroll-to API; its inner list view has the action. */
static void
scroll_to (PoaActivitiesPage *self,
           guint              position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Shows @activity selected in the table, if the search lets it be seen. */
static void
select_in_view (PoaActivitiesPage *self,
                PoaActivity       *activity)
{
  /* The table shows the search model's rows as they are. */
  guint position = poa_search_model_find (self->filtered, activity);

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

static void
selection_changed_cb (PoaActivitiesPage *self)
{
  PoaActivity *item = gtk_single_selection_get_selected_item (self->selection);

  if (g_set_object (&self->selected_activity, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
  update_actions (self);
}

static void
sorter_changed_cb (PoaActivitiesPage *self)
{
  self->sorted = gtk_sorter_get_order (gtk_column_view_get_sorter (self->column_view)) != GTK_SORTER_ORDER_NONE;
  update_actions (self);
}

/* The plan's objectives over the table, in two lines however many paragraphs they have (a
 * label limits its lines per paragraph): the paragraphs run on, parted by " · ". The whole
 * text is the label's tooltip. */
static char *
one_paragraph_cb (PoaActivitiesPage *self,
                  const char        *text)
{
  g_auto(GStrv) paragraphs = g_strsplit_set (text != NULL ? text : "", "\r\n", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, " · ");
      g_string_append (joined, paragraphs[i]);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
search_changed_cb (PoaActivitiesPage *self)
{
  gboolean searching;

  /* A letter typed at the end only narrows what is shown, and one deleted only widens it: the
   * model then looks at part of the plan, not all of it. */
  poa_search_model_set_search (self->filtered, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  searching = poa_search_model_is_searching (self->filtered);

  /* The rows shown all match: their whole texts show where. */
  poa_cell_text_show_whole (self->column_view, searching);
  select_in_view (self, self->selected_activity);
  update_empty (self);
}

static void
stop_search_cb (PoaActivitiesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* GTK's search delay (150 ms by default) lets a fast typist's letters come together into one
 * search. Up to 200,000 activities a keystroke's search takes less than the pause between two
 * keys (at 100,000 long-text activities some 15 ms of processor for half of them, and up to
 * 100 ms to the frame painted when the rows in view all change), so a delay would only make
 * every result later; past that, a short one still spares searches nobody waits to see. */
#define SEARCH_DELAY_FROM 200000
#define SEARCH_DELAY_MS 50

static void
update_search_delay (PoaActivitiesPage *self)
{
  guint n = self->plan ? g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan))) : 0;

  gtk_search_entry_set_search_delay (self->search_entry, n > SEARCH_DELAY_FROM ? SEARCH_DELAY_MS : 0);
}

/* The Nº column is as wide as the plan's count of activities has digits (activities are
 * numbered from 1), so that a scroll from Nº 999 to 1000 resizes no row. */
static void
update_number_digits (PoaActivitiesPage *self)
{
  guint n = self->plan != NULL ? g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan))) : 0;
  guint digits = 1;

  for (; n >= 10; n /= 10)
    digits++;
  poa_cell_text_set_number_digits (self->column_view, digits);
}

static void
activities_changed_cb (PoaActivitiesPage *self)
{
  update_number_digits (self);
  /* Observations are on a Nº: an insertion, a deletion or a move renumbers the rows kept. */
  if (self->number_column != NULL)
    _poa_marked_column_refresh (self->number_column);
  update_actions (self);
  update_empty (self);
  update_search_delay (self);
}

static GtkWindow *
parent_window (PoaActivitiesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
activity_added_cb (PoaActivitiesPage *self,
                   PoaActivity       *activity)
{
  poa_activities_page_set_selected_activity (self, activity);
}

static void
row_activated_cb (PoaActivitiesPage *self,
                  guint              position)
{
  g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (activity != NULL)
    poa_activities_page_edit_activity (self, activity, NULL);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);

  poa_activities_page_edit_activity (self, NULL, NULL);
}

static void
insert_after_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);

  poa_activities_page_insert_activity_after (self);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);

  poa_activities_page_edit_activity (self, self->selected_activity, NULL);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);
  g_autoptr(PoaActivity) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint position = plan_position (self, self->selected_activity);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  copy = poa_activity_copy (self->selected_activity);
  if (!poa_document_insert (self->document, copy, position + 1, &error))
    {
      /* desk18: an approved plan asks why, then duplicates. */
      if (!poa_justify_and_retry (widget, self->document, error, poa_retry_insert (copy, position + 1)))
        _poa_widget_report_error (widget, _("The activity could not be duplicated"), error);
    }
  else
    poa_activities_page_set_selected_activity (self, copy);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);
  g_autoptr(PoaActivity) activity = g_object_ref (self->selected_activity);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint shown_position = gtk_single_selection_get_selected (self->selection);
  guint number = poa_activity_get_number (activity);

  if (!poa_document_remove (self->document, activity, &error))
    {
      /* desk18: an approved plan asks why, then deletes. */
      if (!poa_justify_and_retry (widget, self->document, error, poa_retry_remove (activity)))
        _poa_widget_report_error (widget, _("The activity could not be deleted"), error);
      return;
    }

  /* The next activity takes the deleted one's place under the cursor. */
  if (shown_position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_single_selection_set_selected (self->selection, shown_position);

  /* Translators: %u is the activity's Nº, %s its name */
  title = g_strdup_printf (_("Activity %u “%s” deleted"), number, poa_activity_get_name (activity));
  _poa_widget_show_undo_toast (widget, title);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);
  g_autoptr(PoaActivity) activity = g_object_ref (self->selected_activity);
  g_autoptr(GError) error = NULL;
  gboolean up = g_str_equal (action_name, "activities.move-up");
  guint position = plan_position (self, activity);

  if (self->sorted || position == GTK_INVALID_LIST_POSITION || (up && position == 0))
    return;

  if (!poa_document_move (self->document, activity, up ? position - 1 : position + 1, &error) &&
      /* desk18: an approved plan asks why, then moves. */
      !poa_justify_and_retry (widget, self->document, error,
                              poa_retry_move (activity, up ? position - 1 : position + 1)))
    _poa_widget_report_error (widget, _("The activity could not be moved"), error);

  select_in_view (self, activity);
}

static void
unsort_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);

  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
general_data_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  poa_activities_page_edit_general_data (POA_ACTIVITIES_PAGE (widget), NULL, NULL);
}

static void
add_columns (PoaActivitiesPage *self)
{
  static const struct {
    const char *title;
    const char *property;
    int         width;
  } texts[] = {
    { N_("Activity / General project"), "name", 200 },
    { N_("Strategic axis"), "strategic-axis", 180 },
    { N_("Strategic line"), "strategic-line", 160 },
    { N_("Action line"), "action-line", 320 },
    { N_("Specific activity"), "specific-activity", 320 },
  };
  g_autoptr(GtkColumnViewColumn) number =
    _poa_marked_number_column_new (_("Nº"), "number", observation_marker_cb, observation_activated_cb, self);
  GtkSorter *sorter;

  self->number_column = number;

  sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (POA_TYPE_ACTIVITY, NULL, "number")));
  gtk_column_view_column_set_sorter (number, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, number);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        _poa_text_column_new (_(texts[i].title), texts[i].property, texts[i].width, TRUE);

      sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (POA_TYPE_ACTIVITY, NULL, texts[i].property)));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);

      /* The last column takes the width left, so that the table fills the window. */
      gtk_column_view_column_set_expand (column, i == G_N_ELEMENTS (texts) - 1);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
poa_activities_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (poa_activities_page_parent_class)->map (widget);
  update_actions (POA_ACTIVITIES_PAGE (widget));
}

static void
poa_activities_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (poa_activities_page_parent_class)->unmap (widget);
  update_actions (POA_ACTIVITIES_PAGE (widget));
}

static void
poa_activities_page_dispose (GObject *object)
{
  PoaActivitiesPage *self = (PoaActivitiesPage *)object;

  poa_activities_page_set_document (self, NULL);
  g_clear_handle_id (&self->folding_id, g_source_remove);
  if (self->filtered != NULL)
    poa_search_model_stop_folding (self->filtered);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_ACTIVITIES_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted_list);
  g_clear_pointer (&self->observed, g_hash_table_unref);
  self->number_column = NULL;
  g_clear_object (&self->document);
  g_clear_object (&self->selected_activity);

  G_OBJECT_CLASS (poa_activities_page_parent_class)->dispose (object);
}

static void
poa_activities_page_finalize (GObject *object)
{
  G_OBJECT_CLASS (poa_activities_page_parent_class)->finalize (object);
}

static void
poa_activities_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (object);

  switch (prop_id)
    {
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
poa_activities_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PoaActivitiesPage *self = POA_ACTIVITIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      poa_activities_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACTIVITY:
      poa_activities_page_set_selected_activity (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_activities_page_class_init (PoaActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_activities_page_dispose;
  object_class->finalize = poa_activities_page_finalize;
  object_class->get_property = poa_activities_page_get_property;
  object_class->set_property = poa_activities_page_set_property;
  widget_class->map = poa_activities_page_map;
  widget_class->unmap = poa_activities_page_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_ACTIVITY] =
    g_param_spec_object ("selected-activity", NULL, NULL, POA_TYPE_ACTIVITY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The template looks the plan up through the document. */
  g_type_ensure (POA_TYPE_PLAN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, unsort_button);
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PoaActivitiesPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, one_paragraph_cb);

  gtk_widget_class_install_action (widget_class, "activities.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "activities.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "activities.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "activities.insert-after", NULL, insert_after_activated);
  gtk_widget_class_install_action (widget_class, "activities.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "activities.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "activities.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "activities.unsort", NULL, unsort_activated);
  gtk_widget_class_install_action (widget_class, "activities.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "activities.general-data", NULL, general_data_activated);

  /* Keys that act on the selected row work while the focus is in the page, not while typing
   * in the search entry (which takes Delete for itself). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "activities.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "activities.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "activities.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activities.insert-after", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activities.insert-after", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "activities.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "activities.move-down", NULL);
}

static void table_scrolled_cb (PoaActivitiesPage *self);

static void
poa_activities_page_init (PoaActivitiesPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Sorted, then searched: a keystroke changes what is shown, never the order, and the search
   * model tells the table of a change in a way that only the selection and the table could
   * take (see poa-search-model.c). */
  add_columns (self);
  self->sorted_list = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filtered = poa_search_model_new ();
  poa_search_model_set_model (self->filtered, G_LIST_MODEL (self->sorted_list));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), "value-changed",
                           G_CALLBACK (table_scrolled_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Ctrl+N and Ctrl+F work wherever the focus is in the window, while the page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("activities.add")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("activities.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
}

/**
 * _poa_activities_page_is_folding:
 *
 * For the benchmark: whether the plan's texts are still being folded for the search.
 */
gboolean
_poa_activities_page_is_folding (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), FALSE);

  return self->folding_id != 0 || poa_search_model_is_folding (self->filtered);
}

/**
 * _poa_activities_page_get_looked_at:
 *
 * For the tests: how many activities the last search compared with what was typed.
 */
guint
_poa_activities_page_get_looked_at (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), 0);

  return _poa_search_model_get_looked_at (self->filtered);
}

/**
 * poa_activities_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_activities_page_get_plan (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  return self->plan;
}

static gboolean
start_folding_cb (gpointer user_data)
{
  PoaActivitiesPage *self = user_data;

  self->folding_id = 0;
  if (self->plan != NULL)
    poa_search_model_fold_texts (self->filtered);

  return G_SOURCE_REMOVE;
}

/* How long after the table last moved the search's folding goes on. */
#define SCROLL_QUIET_MS 250

/* While the table scrolls, each frame wants the processor: the folding of the texts for the
 * search waits (taking the texts for its thread holds the main thread 40 ms at 100,000
 * activities, and the thread slows the frames on a machine of two cores). */
static void
table_scrolled_cb (PoaActivitiesPage *self)
{
  poa_search_model_hold_folding (self->filtered, SCROLL_QUIET_MS);
  if (self->folding_id != 0)
    {
      g_source_remove (self->folding_id);
      self->folding_id = g_timeout_add_full (G_PRIORITY_LOW, SCROLL_QUIET_MS, start_folding_cb, self, NULL);
    }
}

static void
follow_plan (PoaActivitiesPage *self,
             PoaPlan           *plan)
{
  g_return_if_fail (POA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (poa_plan_get_activities (self->plan), self);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->observed, g_hash_table_unref);
  if (plan != NULL)
    g_signal_connect_object (plan, "observations-changed", G_CALLBACK (observations_changed_cb),
                             self, G_CONNECT_SWAPPED);
  if (plan != NULL)
    g_signal_connect_object (poa_plan_get_activities (plan), "items-changed",
                             G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);
  update_number_digits (self);

  /* Another plan starts with no search and in the document's order: the old plan's rows go
   * first, so that neither the search nor the sort is made again over them or the new ones. */
  if (self->filtered != NULL)
    gtk_sort_list_model_set_model (self->sorted_list, NULL);
  if (self->search_entry != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      poa_search_model_set_search (self->filtered, NULL);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
    }
  if (self->filtered != NULL && plan != NULL)
    gtk_sort_list_model_set_model (self->sorted_list, G_LIST_MODEL (poa_plan_get_activities (plan)));

  /* Once the plan is on screen: holding its texts for the thread takes some 20 ms at 100,000.
   * The old plan's folding, if still running, is no longer wanted: it held every old activity
   * and a core while the new plan is first drawn. */
  g_clear_handle_id (&self->folding_id, g_source_remove);
  if (self->filtered != NULL)
    poa_search_model_stop_folding (self->filtered);
  if (plan != NULL)
    self->folding_id = g_idle_add_full (G_PRIORITY_LOW, start_folding_cb, self, NULL);

  if (self->search_entry != NULL)
    {
      update_actions (self);
      update_empty (self);
      update_search_delay (self);
    }
}

/**
 * poa_activities_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document every edit goes through.
 */
PoaDocument *
poa_activities_page_get_document (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  return self->document;
}

void
poa_activities_page_set_document (PoaActivitiesPage *self,
                                  PoaDocument       *document)
{
  g_return_if_fail (POA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (document == NULL || POA_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  /* The plan shown is the document's: never one without the other. */
  follow_plan (self, document != NULL ? poa_document_get_plan (document) : NULL);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * poa_activities_page_get_selected_activity:
 *
 * Returns: (transfer none) (nullable): the activity selected in the table.
 */
PoaActivity *
poa_activities_page_get_selected_activity (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  return self->selected_activity;
}

void
poa_activities_page_set_selected_activity (PoaActivitiesPage *self,
                                           PoaActivity       *activity)
{
  g_return_if_fail (POA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (activity == NULL || POA_IS_ACTIVITY (activity));

  if (!g_set_object (&self->selected_activity, activity))
    return;

  select_in_view (self, activity);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTIVITY]);
}

static GtkWindow *
open_activity_editor (PoaActivitiesPage *self,
                      PoaActivity       *activity,
                      const char        *field,
                      guint              position)
{
  PoaActivityEditor *editor;

  if (self->document == NULL || parent_window (self) == NULL)
    return NULL;

  editor = poa_activity_editor_new (parent_window (self), self->document, activity, position);
  g_signal_connect_object (editor, "added", G_CALLBACK (activity_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  if (field != NULL)
    poa_activity_editor_focus_field (editor, field);

  return GTK_WINDOW (editor);
}

/**
 * poa_activities_page_edit_activity:
 * @activity: (nullable): an activity of the plan, or %NULL to write a new one, added at the
 *   end of the plan
 * @field: (nullable): the field to put the cursor in, as findings name fields
 *
 * A new activity goes at the end: putting it after the selected row would renumber every
 * activity below, which the office did not ask for. “Insert After”
 * (poa_activities_page_insert_activity_after()) does that, when asked.
 *
 * Returns: (transfer none) (nullable): the editor shown.
 */
GtkWindow *
poa_activities_page_edit_activity (PoaActivitiesPage *self,
                                   PoaActivity       *activity,
                                   const char        *field)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  return open_activity_editor (self, activity, field, G_MAXUINT);
}

/**
 * poa_activities_page_insert_activity_after:
 *
 * Opens the editor of a new activity that goes right after the selected one, renumbering
 * those below it (activities.insert-after, Ctrl+Shift+N). Nothing happens without a selected
 * activity, or while the table is sorted by a column, where “after” means no place in the plan.
 *
 * Returns: (transfer none) (nullable): the editor shown.
 */
GtkWindow *
poa_activities_page_insert_activity_after (PoaActivitiesPage *self)
{
  guint position;

  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  position = plan_position (self, self->selected_activity);
  if (position == GTK_INVALID_LIST_POSITION || self->sorted)
    return NULL;

  return open_activity_editor (self, NULL, NULL, position + 1);
}

/**
 * poa_activities_page_edit_general_data:
 * @subject: (nullable): the plan or one of its signatures, as a finding names it
 * @field: (nullable): the field to put the cursor in
 *
 * Returns: (transfer none) (nullable): the editor shown.
 */
GtkWindow *
poa_activities_page_edit_general_data (PoaActivitiesPage *self,
                                       GObject           *subject,
                                       const char        *field)
{
  PoaPlanEditor *editor;

  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  if (self->document == NULL || parent_window (self) == NULL)
    return NULL;

  editor = poa_plan_editor_new (parent_window (self), self->document);
  gtk_window_present (GTK_WINDOW (editor));
  if (field != NULL)
    poa_plan_editor_focus_field (editor, subject, field);

  return GTK_WINDOW (editor);
}

/**
 * poa_activities_page_get_shown:
 *
 * Returns: (transfer none): the activities as the table shows them, searched and sorted.
 */
GListModel *
poa_activities_page_get_shown (PoaActivitiesPage *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
