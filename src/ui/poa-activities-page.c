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
#include "poa-ui-util.h"

/* The plan's general data over the activities table with the six columns of the document,
 * and the tools to write them: add, edit, duplicate, delete, move, search, sort.
 *
 * The table shows the plan's own list through a filter (the search) and a sort model (the
 * column headers), so it never holds a copy; every change goes through PoaDocument. Moving
 * is about the document's order, so it is off while the table is sorted by a column. */
struct _PoaActivitiesPage
{
  GtkWidget           parent_instance;

  PoaPlan            *plan;
  PoaDocument        *document;
  PoaActivity        *selected_activity;
  char               *needle;
  guint               needle_number;  /* the needle read as a Nº; 0: it is not one */
  gboolean            sorted;

  /* The planning unit's observations per activity Nº (Observed), made once per change of the
   * observations, so that a row's marker is a hash lookup; NULL: to be made again. */
  GHashTable         *observed;
  GtkColumnViewColumn *number_column;

  GCancellable       *folding;      /* the plan's texts being folded in a thread */
  guint               folding_id;   /* the idle that starts it, after the plan's first frame */

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
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

/* Text as the search compares it: no case, no accents, so "migracion" finds "Migración". One
 * character folded the long way: decomposed, its marks dropped, its case folded. */
static char *
fold_char_slowly (const char *text,
                  gssize      length)
{
  g_autofree char *decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFD);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (plain, c);
    }

  return g_utf8_casefold (plain->str, -1);
}

/* The folded form of every character of two bytes in UTF-8 (U+0080 to U+07FF: the Latin
 * letters with accents, and the combining marks, which fold to nothing), made once. */
static char *two_byte_folds[0x800];

static const char *
fold_two_byte_char (const char *p)
{
  gunichar c = ((guchar)p[0] & 0x1f) << 6 | ((guchar)p[1] & 0x3f);

  if (g_once_init_enter (&two_byte_folds[c]))
    g_once_init_leave (&two_byte_folds[c], fold_char_slowly (p, 2));

  return two_byte_folds[c];
}

/* Appends @text folded to @out. Folding 100,000 activities' long texts with
 * g_utf8_normalize() and g_utf8_casefold() took 4 s; character by character, with the
 * folds of the Spanish letters made once, it is some twenty times faster. Safe in any thread. */
static void
fold_append (GString    *out,
             const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      guchar c = (guchar)*p;

      if (c < 0x80)
        {
          g_string_append_c (out, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
          p++;
        }
      else if ((c & 0xe0) == 0xc0 && ((guchar)p[1] & 0xc0) == 0x80)
        {
          g_string_append (out, fold_two_byte_char (p));
          p += 2;
        }
      else
        {
          const char *next = g_utf8_find_next_char (p, NULL);
          g_autofree char *folded = NULL;

          if (next == NULL)
            next = p + strlen (p);
          if (g_utf8_validate (p, next - p, NULL))
            {
              folded = fold_char_slowly (p, next - p);
              g_string_append (out, folded);
            }
          p = next;
        }
    }
}

static char *
fold_for_search (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  fold_append (out, text);
  return g_string_free (out, FALSE);
}

/* Each activity keeps its texts folded as one, with the texts they were folded from: held (they
 * are GRefStrings, which another text replaces but never changes), so that the same addresses
 * are the same texts, and a text edited since is folded again. */
typedef struct
{
  char *texts[POA_ACTIVITY_N_TEXTS];
  char *folded;
} SearchCache;

static void
search_cache_free (SearchCache *cache)
{
  if (cache == NULL)
    return;

  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    g_clear_pointer (&cache->texts[i], g_ref_string_release);
  g_free (cache->folded);
  g_free (cache);
}

static GQuark search_cache_quark;

static SearchCache *
search_cache_new (PoaActivity *activity)
{
  SearchCache *cache = g_new0 (SearchCache, 1);

  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    cache->texts[i] = poa_activity_ref_text (activity, i);

  return cache;
}

static void
search_cache_fold (SearchCache *cache)
{
  gsize length = 0;
  GString *out;

  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    length += (cache->texts[i] != NULL ? g_ref_string_length (cache->texts[i]) : 0) + 1;

  out = g_string_sized_new (length + 8);
  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    {
      if (cache->texts[i] != NULL)
        fold_append (out, cache->texts[i]);
      g_string_append_c (out, '\n');
    }
  cache->folded = g_string_free (out, FALSE);
}

static gboolean
search_cache_is_current (SearchCache *cache,
                         PoaActivity *activity)
{
  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    {
      const char *text = poa_activity_get_text (activity, i);

      if (cache->texts[i] != (text[0] != '\0' ? text : NULL))
        return FALSE;
    }

  return TRUE;
}

static const char *
searchable_text (PoaActivity *activity)
{
  SearchCache *cache = g_object_get_qdata (G_OBJECT (activity), search_cache_quark);

  if (cache != NULL && search_cache_is_current (cache, activity))
    return cache->folded;

  cache = search_cache_new (activity);
  search_cache_fold (cache);
  g_object_set_qdata_full (G_OBJECT (activity), search_cache_quark, cache,
                           (GDestroyNotify)search_cache_free);
  return cache->folded;
}

/* The folded texts of a plan are made in a thread as soon as the plan is shown, so that the
 * first letter typed finds them ready (folding 100,000 long-text activities takes some
 * 200 ms). The thread reads only the texts it was given, held; the activities are given their
 * folds back on the main thread, those whose texts have not changed meanwhile. A search typed
 * before it ends folds what it needs itself. */
typedef struct
{
  GPtrArray *activities;   /* PoaActivity, held */
  GPtrArray *caches;       /* SearchCache, the same order */
} FoldJob;

static void
fold_job_free (FoldJob *job)
{
  g_ptr_array_unref (job->activities);
  g_ptr_array_unref (job->caches);
  g_free (job);
}

static void
fold_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FoldJob *job = task_data;

  for (guint i = 0; i < job->caches->len; i++)
    {
      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      search_cache_fold (g_ptr_array_index (job->caches, i));
    }

  g_task_return_boolean (task, TRUE);
}

static void
fold_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FoldJob *job = g_task_get_task_data (G_TASK (result));

  PoaActivitiesPage *self = user_data;

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || g_task_had_error (G_TASK (result)) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->folding);

  for (guint i = 0; i < job->activities->len; i++)
    {
      PoaActivity *activity = g_ptr_array_index (job->activities, i);
      SearchCache *cache = g_ptr_array_index (job->caches, i);
      SearchCache *current = g_object_get_qdata (G_OBJECT (activity), search_cache_quark);

      if ((current == NULL || !search_cache_is_current (current, activity)) &&
          search_cache_is_current (cache, activity))
        {
          g_ptr_array_index (job->caches, i) = NULL;
          g_object_set_qdata_full (G_OBJECT (activity), search_cache_quark, cache,
                                   (GDestroyNotify)search_cache_free);
        }
    }
}

/* Folds the texts of @plan's activities in a thread (see FoldJob). */
static void
start_folding (PoaActivitiesPage *self,
               PoaPlan           *plan)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);
  g_autoptr(GTask) task = NULL;
  FoldJob *job = g_new0 (FoldJob, 1);

  job->activities = g_ptr_array_new_full (n, g_object_unref);
  job->caches = g_ptr_array_new_full (n, (GDestroyNotify)search_cache_free);
  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = g_list_model_get_item (activities, i);

      g_ptr_array_add (job->activities, activity);
      g_ptr_array_add (job->caches, search_cache_new (activity));
    }

  self->folding = g_cancellable_new ();
  /* Cancelled before the page goes, the task never reaches it. */
  task = g_task_new (NULL, self->folding, fold_done_cb, self);
  g_task_set_source_tag (task, start_folding);
  g_task_set_task_data (task, job, (GDestroyNotify)fold_job_free);
  g_task_run_in_thread (task, fold_thread);
}

static gboolean
start_folding_cb (gpointer user_data)
{
  PoaActivitiesPage *self = user_data;

  self->folding_id = 0;
  if (self->plan != NULL)
    start_folding (self, self->plan);

  return G_SOURCE_REMOVE;
}

static void
stop_folding (PoaActivitiesPage *self)
{
  g_clear_handle_id (&self->folding_id, g_source_remove);
  if (self->folding != NULL)
    g_cancellable_cancel (self->folding);
  g_clear_object (&self->folding);
}

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

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  PoaActivitiesPage *self = user_data;
  PoaActivity *activity = item;

  if (self->needle == NULL)
    return TRUE;

  /* A Nº matches whole: "12" finds activity 12, not 112 (which has no "12" in its texts). */
  if (self->needle_number != 0 && poa_activity_get_number (activity) == self->needle_number)
    return TRUE;

  return strstr (searchable_text (activity), self->needle) != NULL;
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

  if (self->needle != NULL)
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
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; activity != NULL && i < n; i++)
    {
      g_autoptr(PoaActivity) item = g_list_model_get_item (shown, i);

      if (item == activity)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
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
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (typed[0] != '\0')
    self->needle = fold_for_search (typed);
  self->needle_number = 0;
  if (self->needle != NULL && self->needle[0] != '0' &&
      strspn (self->needle, "0123456789") == strlen (self->needle) && strlen (self->needle) <= 9)
    self->needle_number = (guint)g_ascii_strtoull (self->needle, NULL, 10);

  /* With no search the filter model shows the list as it is, without asking about each of
   * 100,000 activities; the first letter typed gives it the filter, to look at them all. */
  if (self->needle == NULL || old == NULL)
    gtk_filter_list_model_set_filter (self->filtered, self->needle != NULL ? GTK_FILTER (self->filter) : NULL);
  else
    {
      /* Typing on only narrows what is shown, and deleting only widens it: the filter model
       * then looks again at part of the list, not all of it. A Nº matches whole, so digits
       * do not. */
      if (!g_ascii_isdigit (old[0]) && !g_ascii_isdigit (self->needle[0]))
        {
          if (strstr (self->needle, old) != NULL)
            change = GTK_FILTER_CHANGE_MORE_STRICT;
          else if (strstr (old, self->needle) != NULL)
            change = GTK_FILTER_CHANGE_LESS_STRICT;
        }
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }

  /* The rows shown all match: their whole texts show where. */
  poa_cell_text_show_whole (self->column_view, self->needle != NULL);
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
 * search. Up to 20,000 activities a keystroke's search takes less than the pause between two
 * keys, so a delay would only make every result later; past that, a short one still spares
 * searches nobody waits to see. */
#define SEARCH_DELAY_FROM 20000
#define SEARCH_DELAY_MS 50

static void
update_search_delay (PoaActivitiesPage *self)
{
  guint n = self->plan ? g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (self->plan))) : 0;

  gtk_search_entry_set_search_delay (self->search_entry, n > SEARCH_DELAY_FROM ? SEARCH_DELAY_MS : 0);
}

static void
activities_changed_cb (PoaActivitiesPage *self)
{
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
  stop_folding (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_ACTIVITIES_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->observed, g_hash_table_unref);
  self->number_column = NULL;
  g_clear_object (&self->document);
  g_clear_object (&self->selected_activity);

  G_OBJECT_CLASS (poa_activities_page_parent_class)->dispose (object);
}

static void
poa_activities_page_finalize (GObject *object)
{
  PoaActivitiesPage *self = (PoaActivitiesPage *)object;

  g_free (self->needle);

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

  search_cache_quark = g_quark_from_static_string ("poa-activities-page-search");

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

static void
poa_activities_page_init (PoaActivitiesPage *self)
{
  GtkEventController *shortcuts;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  add_columns (self);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty),
                           self, G_CONNECT_SWAPPED);

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

  return self->folding_id != 0 || self->folding != NULL;
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
  /* Once the plan is on screen: holding its texts for the thread takes some 20 ms at 100,000. */
  stop_folding (self);
  if (plan != NULL)
    self->folding_id = g_idle_add_full (G_PRIORITY_LOW, start_folding_cb, self, NULL);
  if (plan != NULL)
    g_signal_connect_object (poa_plan_get_activities (plan), "items-changed",
                             G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered,
                                     plan ? G_LIST_MODEL (poa_plan_get_activities (plan)) : NULL);

  /* Another plan starts with no search and in the document's order. */
  if (self->search_entry != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
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
