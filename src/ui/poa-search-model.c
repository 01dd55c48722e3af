/* poa-search-model.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-search-model"

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-search-model.h"

/* The Actividades table's search: of the activities in the order the table shows them (the
 * sort model's), those that mention what is typed, as the list model the table's selection
 * shows.
 *
 * GtkFilterListModel asks a GtkFilter about each activity in turn: it takes the activity from
 * the plan's list (a GSequence), the filter finds its folded texts (object data) and checks
 * they are still those of the activity's texts, and only then compares; at 100,000 activities
 * that was 55 to 180 ms a keystroke, most of it going from one object to the next. This model
 * keeps the activities and their folded texts in two arrays in the table's order, so a search
 * is strstr() over the texts, and knows that no text was edited since it last looked
 * from one number (poa_activity_get_texts_serial()). It tells the table what changed as
 * GtkFilterListModel does: nothing when the rows shown are the same, else one change from the
 * first row that differs to the last. */

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

/* Activities whose texts were folded on the main thread, for the tests. */
static guint folded_here;

static SearchCache *folded_in_thread (PoaSearchModel *self,
                                      PoaActivity    *activity);

/* The folded texts of @activity: its own (object data), or those the model's thread folded,
 * if they are still of its texts; else folded now, and kept as its own. */
static const char *
searchable_text (PoaSearchModel *self,
                 PoaActivity    *activity)
{
  SearchCache *cache = g_object_get_qdata (G_OBJECT (activity), search_cache_quark);

  if (cache != NULL && search_cache_is_current (cache, activity))
    return cache->folded;

  cache = folded_in_thread (self, activity);
  if (cache != NULL && search_cache_is_current (cache, activity))
    return cache->folded;

  cache = search_cache_new (activity);
  search_cache_fold (cache);
  folded_here++;
  g_object_set_qdata_full (G_OBJECT (activity), search_cache_quark, cache,
                           (GDestroyNotify)search_cache_free);
  return cache->folded;
}

/* The folded texts of a plan are made in a thread as soon as the plan is shown, so that the
 * first letter typed finds them ready (folding 100,000 long-text activities takes some
 * 200 ms). The thread reads only the texts it was given, held, and indexes the folds by
 * activity; the model keeps them, and takes one only while it is of its activity's texts: the
 * cache holds the texts it was folded from, and a text edited is another text. (Giving each
 * activity its fold back as object data, on the main thread, stopped the window for 30 to
 * 45 ms at 100,000 activities, in the middle of whatever the user was doing.) A search typed
 * before the thread ends folds what it needs itself. */
typedef struct
{
  GPtrArray  *activities;  /* PoaActivity, not held and never looked into off the main thread:
                            * the index's keys (an activity gone leaves a fold no other
                            * activity's texts can be current for, but the same texts) */
  GPtrArray  *caches;      /* SearchCache, the same order */
  GHashTable *index;       /* PoaActivity → its SearchCache, made by the thread */
  guint       texts_serial; /* poa_activity_get_texts_serial() when the texts were taken */
  guint       changes;     /* the model's `changes` then */
  gint64      started;     /* g_get_monotonic_time() then */
  int         hold_until;  /* atomic: ms after `started` before which the thread waits */
} FoldJob;

static void
fold_job_free (FoldJob *job)
{
  g_clear_pointer (&job->activities, g_ptr_array_unref);
  g_clear_pointer (&job->caches, g_ptr_array_unref);
  g_clear_pointer (&job->index, g_hash_table_unref);
  g_free (job);
}

/* What @job holds, moved into a job of its own (the task frees @job, emptied). */
static FoldJob *
fold_job_steal (FoldJob *job)
{
  FoldJob *stolen = g_new (FoldJob, 1);

  *stolen = *job;
  *job = (FoldJob) { 0 };
  return stolen;
}

/* Folds given up are freed in a thread: 100,000 activities' are 600,000 texts let go, which
 * GRefString counts atomically. */
static void
free_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  fold_job_free (task_data);
}

static void
fold_job_free_in_thread (FoldJob *job)
{
  g_autoptr(GTask) task = NULL;

  if (job == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, fold_job_free_in_thread);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, free_job_thread);
}

/* The thread steps aside while the table scrolls (poa_search_model_hold_folding()): on a machine
 * of two cores, or of one with two threads, it slowed each frame of a scrollbar's drag by a
 * third. Returns FALSE once cancelled. */
static gboolean
wait_while_held (FoldJob      *job,
                 GCancellable *cancellable)
{
  for (;;)
    {
      gint64 now = (g_get_monotonic_time () - job->started) / 1000;
      int until = g_atomic_int_get (&job->hold_until);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (now >= until)
        return TRUE;
      g_usleep ((gulong)MIN (until - now, 50) * 1000);
    }
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
      if (i % 256 == 0 && !wait_while_held (job, cancellable))
        break;
      search_cache_fold (g_ptr_array_index (job->caches, i));
    }

  job->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < job->caches->len; i++)
    {
      if (i % 4096 == 0 && !wait_while_held (job, cancellable))
        break;
      g_hash_table_insert (job->index, job->activities->pdata[i], job->caches->pdata[i]);
    }

  g_task_return_boolean (task, TRUE);
}

struct _PoaSearchModel
{
  GObject       parent_instance;

  GListModel   *model;          /* the activities in the table's order */
  GPtrArray    *activities;     /* PoaActivity, held: the model's, in its order, once `mirrored` */
  gboolean      mirrored;       /* whether `activities` and `folded` follow the model: from the
                                 * first search or the folding of the texts on, not for the
                                 * plan's first frame (taking 100,000 activities from the plan's
                                 * list costs 10 to 30 ms) */
  GPtrArray    *folded;         /* const char *: each one's folded texts (its SearchCache's, or
                                 * `fold`'s); NULL: to be looked up (searchable_text()) */
  guint         texts_serial;   /* poa_activity_get_texts_serial() when `folded` was last checked */

  char         *needle;         /* folded; NULL: no search, every activity shown */
  guint         needle_number;  /* the needle read as a Nº; 0: it is not one */
  GtkBitset    *matches;        /* the positions in `activities` shown; NULL without a search */
  GArray       *shown;          /* guint: the same in a row, so a row's activity is found at once
                                 * (GTK 4.8 asks for every row added when a change removes one
                                 * it keeps, and gtk_bitset_get_nth() counts its way there) */
  guint         looked_at;      /* activities compared by the last search */
  guint         matches_serial; /* poa_activity_get_texts_serial() when `matches` were found */

  guint         changes;        /* bumped at every change of the activities, or of the model: an
                                 * activity made at a freed one's address is another activity */
  GCancellable *folding;        /* the texts being folded in a thread */
  FoldJob      *running;        /* its job, the task's, while `folding` */
  FoldJob      *fold;           /* what the thread folded, once it is done; or NULL */
};

static SearchCache *
folded_in_thread (PoaSearchModel *self,
                  PoaActivity    *activity)
{
  return self->fold != NULL ? g_hash_table_lookup (self->fold->index, activity) : NULL;
}

/* Lets go of what the thread folded: `folded` may point into it. */
static void
forget_fold (PoaSearchModel *self)
{
  if (self->fold == NULL)
    return;

  memset (self->folded->pdata, 0, self->folded->len * sizeof (gpointer));
  fold_job_free_in_thread (g_steal_pointer (&self->fold));
}

static GType
poa_search_model_get_item_type (GListModel *list)
{
  return POA_TYPE_ACTIVITY;
}

static guint
poa_search_model_get_n_items (GListModel *list)
{
  PoaSearchModel *self = POA_SEARCH_MODEL (list);

  if (self->matches != NULL)
    return (guint)gtk_bitset_get_size (self->matches);
  if (!self->mirrored)
    return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  return self->activities->len;
}

static gpointer
poa_search_model_get_item (GListModel *list,
                           guint       position)
{
  PoaSearchModel *self = POA_SEARCH_MODEL (list);

  if (position >= poa_search_model_get_n_items (list))
    return NULL;
  if (self->matches != NULL)
    position = g_array_index (self->shown, guint, position);
  else if (!self->mirrored)
    return g_list_model_get_item (self->model, position);

  return g_object_ref (g_ptr_array_index (self->activities, position));
}

static void
poa_search_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = poa_search_model_get_item_type;
  iface->get_n_items = poa_search_model_get_n_items;
  iface->get_item = poa_search_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PoaSearchModel, poa_search_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, poa_search_model_list_model_init))

static void splice (GPtrArray *array,
                    guint      position,
                    guint      removed,
                    guint      added);

/* Makes `activities` and `folded` follow the model. */
static void
ensure_mirror (PoaSearchModel *self)
{
  guint n;

  if (self->mirrored || self->model == NULL)
    return;

  n = g_list_model_get_n_items (self->model);
  g_ptr_array_set_size (self->activities, 0);
  g_ptr_array_set_size (self->folded, 0);
  splice (self->activities, 0, 0, n);
  splice (self->folded, 0, 0, n);
  for (guint i = 0; i < n; i++)
    self->activities->pdata[i] = g_list_model_get_item (self->model, i);
  self->mirrored = TRUE;
}

/* Forgets every folded text looked up if any activity's text changed since they were: they are
 * looked up again as they are compared. (An activity's own folds are replaced, and freed, only
 * once its texts changed.) */
static void
check_folded (PoaSearchModel *self)
{
  guint serial = poa_activity_get_texts_serial ();

  if (serial == self->texts_serial)
    return;

  memset (self->folded->pdata, 0, self->folded->len * sizeof (gpointer));
  self->texts_serial = serial;
}

static gboolean
matches_at (PoaSearchModel *self,
            guint           position)
{
  const char *folded = g_ptr_array_index (self->folded, position);
  PoaActivity *activity = g_ptr_array_index (self->activities, position);

  self->looked_at++;

  /* A Nº matches whole: "12" finds activity 12, not 112 (which has no "12" in its texts). */
  if (self->needle_number != 0 && poa_activity_get_number (activity) == self->needle_number)
    return TRUE;

  if (folded == NULL)
    folded = self->folded->pdata[position] = (gpointer)searchable_text (self, activity);

  return strstr (folded, self->needle) != NULL;
}

/* Keeps `shown` as `matches` says. */
static void
update_shown (PoaSearchModel *self)
{
  GtkBitsetIter iter;
  guint index;

  g_array_set_size (self->shown, 0);
  if (self->matches == NULL)
    return;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, self->matches, &index); more;
       more = gtk_bitset_iter_next (&iter, &index))
    g_array_append_val (self->shown, index);
}

/* Tells the table what changed from @before to @after (positions in `activities`; NULL: all),
 * as GtkFilterListModel does: nothing if the rows shown are the same, else that the rows from
 * the first that differs to the last were replaced. (GTK 4.8 rebinds every row it keeps after
 * a change's position, and any other way of saying it costs more: many small changes rebind
 * the rows after each.) */
static void
emit_changes (PoaSearchModel *self,
              GtkBitset      *before,
              GtkBitset      *after)
{
  guint n = self->activities->len;
  g_autoptr(GtkBitset) old = before != NULL ? gtk_bitset_ref (before) : gtk_bitset_new_range (0, n);
  g_autoptr(GtkBitset) new = after != NULL ? gtk_bitset_ref (after) : gtk_bitset_new_range (0, n);
  g_autoptr(GtkBitset) changes = gtk_bitset_copy (new);
  guint min, max;

  gtk_bitset_difference (changes, old);
  if (gtk_bitset_is_empty (changes))
    return;

  min = gtk_bitset_get_minimum (changes);
  max = gtk_bitset_get_maximum (changes);
  g_list_model_items_changed (G_LIST_MODEL (self),
                              min > 0 ? gtk_bitset_get_size_in_range (new, 0, min - 1) : 0,
                              gtk_bitset_get_size_in_range (old, min, max),
                              gtk_bitset_get_size_in_range (new, min, max));
}

/* The positions that match the needle: of those in @among only, or all when it is NULL. */
static GtkBitset *
search (PoaSearchModel *self,
        GtkBitset      *among)
{
  GtkBitset *found = gtk_bitset_new_empty ();
  GtkBitsetIter iter;
  guint position;

  check_folded (self);

  if (among == NULL)
    {
      for (guint i = 0; i < self->activities->len; i++)
        if (matches_at (self, i))
          gtk_bitset_add (found, i);
      return found;
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, among, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    if (matches_at (self, position))
      gtk_bitset_add (found, position);

  return found;
}

/**
 * poa_search_model_set_search:
 * @typed: (nullable): the text typed in the search entry; %NULL or blank: no search
 *
 * Shows the activities whose texts mention @typed, without regard to case or accents, or whose
 * Nº it is. A letter typed at the end only narrows what is shown, so only the activities shown
 * are looked at; one deleted only widens it, so only those not shown are.
 */
void
poa_search_model_set_search (PoaSearchModel *self,
                             const char     *typed)
{
  g_autofree char *stripped = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  g_autofree char *old = NULL;
  g_autoptr(GtkBitset) before = NULL;
  gboolean numbers;

  g_return_if_fail (POA_IS_SEARCH_MODEL (self));

  old = g_steal_pointer (&self->needle);
  if (stripped[0] != '\0')
    self->needle = fold_for_search (stripped);
  if (g_strcmp0 (old, self->needle) == 0)
    return;

  numbers = self->needle_number != 0;
  self->needle_number = 0;
  if (self->needle != NULL && self->needle[0] != '0' &&
      strspn (self->needle, "0123456789") == strlen (self->needle) && strlen (self->needle) <= 9)
    self->needle_number = (guint)g_ascii_strtoull (self->needle, NULL, 10);
  numbers = numbers || self->needle_number != 0;

  if (self->needle != NULL)
    ensure_mirror (self);
  before = g_steal_pointer (&self->matches);
  self->looked_at = 0;
  if (self->needle == NULL)
    ;
  else if (old == NULL || numbers || self->matches_serial != poa_activity_get_texts_serial ())
    /* A Nº matches whole, so "12" shows activity 12, which "1" may not; and a text edited
     * since the last search may now mention what is typed, or no longer: look at them all. */
    self->matches = search (self, NULL);
  else if (strstr (self->needle, old) != NULL)
    self->matches = search (self, before);
  else if (strstr (old, self->needle) != NULL)
    {
      g_autoptr(GtkBitset) hidden = gtk_bitset_new_range (0, self->activities->len);

      gtk_bitset_subtract (hidden, before);
      self->matches = search (self, hidden);
      gtk_bitset_union (self->matches, before);
    }
  else
    self->matches = search (self, NULL);

  self->matches_serial = poa_activity_get_texts_serial ();
  update_shown (self);
  emit_changes (self, before, self->matches);

  /* No search over no activities (as when another plan is about to be shown): the arrays
   * follow the next ones only when needed. */
  if (self->needle == NULL && self->activities->len == 0)
    self->mirrored = FALSE;

}

/**
 * poa_search_model_find:
 *
 * Returns: the position of @activity among those shown, or %GTK_INVALID_LIST_POSITION
 */
guint
poa_search_model_find (PoaSearchModel *self,
                       gpointer        activity)
{
  guint index;

  g_return_val_if_fail (POA_IS_SEARCH_MODEL (self), GTK_INVALID_LIST_POSITION);

  if (activity == NULL)
    return GTK_INVALID_LIST_POSITION;

  ensure_mirror (self);
  if (!g_ptr_array_find (self->activities, activity, &index))
    return GTK_INVALID_LIST_POSITION;
  if (self->matches == NULL)
    return index;
  if (!gtk_bitset_contains (self->matches, index))
    return GTK_INVALID_LIST_POSITION;

  return index > 0 ? (guint)gtk_bitset_get_size_in_range (self->matches, 0, index - 1) : 0;
}

/**
 * poa_search_model_is_searching:
 *
 * Returns: whether a search narrows the activities shown
 */
gboolean
poa_search_model_is_searching (PoaSearchModel *self)
{
  g_return_val_if_fail (POA_IS_SEARCH_MODEL (self), FALSE);

  return self->needle != NULL;
}

/* Makes room for @added at @position in @array after removing @removed there (freed). */
static void
splice (GPtrArray *array,
        guint      position,
        guint      removed,
        guint      added)
{
  guint length;

  if (removed > 0)
    g_ptr_array_remove_range (array, position, removed);

  length = array->len;
  if (added == 0)
    return;

  g_ptr_array_set_size (array, length + added);
  memmove (&array->pdata[position + added], &array->pdata[position], (length - position) * sizeof (gpointer));
  memset (&array->pdata[position], 0, added * sizeof (gpointer));
}

static void
items_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  PoaSearchModel *self)
{
  guint shown_removed = removed, shown_added = added, shown_position = position;

  self->changes++;
  /* Every activity gone (another plan, or none): the arrays follow the next ones only when a
   * search or the folding needs them. */
  if (self->mirrored && self->matches == NULL && removed == self->activities->len)
    {
      g_ptr_array_set_size (self->activities, 0);
      g_ptr_array_set_size (self->folded, 0);
      self->mirrored = FALSE;
    }

  if (!self->mirrored)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  splice (self->activities, position, removed, added);
  splice (self->folded, position, removed, added);
  for (guint i = 0; i < added; i++)
    self->activities->pdata[position + i] = g_list_model_get_item (model, position + i);

  if (self->matches != NULL)
    {
      shown_position = position > 0 ? gtk_bitset_get_size_in_range (self->matches, 0, position - 1) : 0;
      shown_removed = removed > 0 ? gtk_bitset_get_size_in_range (self->matches, position, position + removed - 1) : 0;
      gtk_bitset_splice (self->matches, position, removed, added);
      check_folded (self);
      shown_added = 0;
      for (guint i = 0; i < added; i++)
        if (matches_at (self, position + i))
          {
            gtk_bitset_add (self->matches, position + i);
            shown_added++;
          }
      update_shown (self);
    }

  if (shown_removed > 0 || shown_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_position, shown_removed, shown_added);
}

/**
 * poa_search_model_set_model:
 * @activities: (nullable): the plan's activities
 */
void
poa_search_model_set_model (PoaSearchModel *self,
                            GListModel     *activities)
{
  guint removed, added;

  g_return_if_fail (POA_IS_SEARCH_MODEL (self));
  g_return_if_fail (activities == NULL || G_IS_LIST_MODEL (activities));

  if (self->model == activities)
    return;

  removed = poa_search_model_get_n_items (G_LIST_MODEL (self));
  self->changes++;
  poa_search_model_stop_folding (self);
  forget_fold (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, activities);
  g_ptr_array_set_size (self->activities, 0);
  g_ptr_array_set_size (self->folded, 0);
  self->mirrored = FALSE;

  if (activities != NULL)
    g_signal_connect (activities, "items-changed", G_CALLBACK (items_changed_cb), self);

  if (self->matches != NULL)
    {
      ensure_mirror (self);
      g_clear_pointer (&self->matches, gtk_bitset_unref);
      self->matches = search (self, NULL);
      self->matches_serial = poa_activity_get_texts_serial ();
      update_shown (self);
    }

  added = poa_search_model_get_n_items (G_LIST_MODEL (self));
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

static void
fold_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FoldJob *job = g_task_get_task_data (G_TASK (result));
  PoaSearchModel *self = user_data;
  gboolean aligned;

  /* Cancelled when the model goes or is given other activities: @self may be gone. Its
   * folds are freed in a thread, as those given up. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      fold_job_free_in_thread (fold_job_steal (job));
      return;
    }

  g_clear_object (&self->folding);
  self->running = NULL;
  forget_fold (self);
  self->fold = fold_job_steal (job);

  /* The model's activities are still those given to the thread, in the same order, unless the
   * plan changed meanwhile: then their folded texts are looked up as they are compared. So the
   * first letter typed needs not look 100,000 activities' folded texts up; and if a text was
   * edited since the thread took them, check_folded() forgets them all. */
  aligned = self->mirrored && self->fold->changes == self->changes &&
            self->fold->activities->len == self->activities->len &&
            memcmp (self->fold->activities->pdata, self->activities->pdata,
                    self->activities->len * sizeof (gpointer)) == 0;
  if (!aligned)
    return;

  check_folded (self);
  for (guint i = 0; i < self->activities->len; i++)
    self->folded->pdata[i] = ((SearchCache *)self->fold->caches->pdata[i])->folded;
  self->texts_serial = self->fold->texts_serial;
}

/**
 * poa_search_model_fold_texts:
 *
 * Folds the texts of the activities in a thread, so that the first letter typed finds them
 * ready (folding 100,000 long-text activities takes some 200 ms). The thread reads only the
 * texts it was given, held; the activities are given their folds back on the main thread,
 * those whose texts have not changed meanwhile. A search typed before it ends folds what it
 * needs itself.
 */
void
poa_search_model_fold_texts (PoaSearchModel *self)
{
  g_autoptr(GTask) task = NULL;
  FoldJob *job;
  guint n;

  g_return_if_fail (POA_IS_SEARCH_MODEL (self));

  poa_search_model_stop_folding (self);
  forget_fold (self);
  ensure_mirror (self);
  n = self->activities->len;
  job = g_new0 (FoldJob, 1);
  job->activities = g_ptr_array_sized_new (n);
  job->caches = g_ptr_array_new_full (n, (GDestroyNotify)search_cache_free);
  job->texts_serial = poa_activity_get_texts_serial ();
  job->changes = self->changes;
  job->started = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      PoaActivity *activity = g_ptr_array_index (self->activities, i);

      g_ptr_array_add (job->activities, activity);
      g_ptr_array_add (job->caches, search_cache_new (activity));
    }

  self->folding = g_cancellable_new ();
  self->running = job;
  task = g_task_new (NULL, self->folding, fold_done_cb, self);
  g_task_set_source_tag (task, poa_search_model_fold_texts);
  g_task_set_task_data (task, job, (GDestroyNotify)fold_job_free);
  g_task_run_in_thread (task, fold_thread);
}

void
poa_search_model_stop_folding (PoaSearchModel *self)
{
  g_return_if_fail (POA_IS_SEARCH_MODEL (self));

  if (self->folding != NULL)
    g_cancellable_cancel (self->folding);
  g_clear_object (&self->folding);
  self->running = NULL;
}

/**
 * poa_search_model_hold_folding:
 * @ms: for how long
 *
 * Has the thread folding the texts, if one is, wait @ms milliseconds from now before it goes
 * on: the table is scrolled, and each of its frames wants the processor.
 */
void
poa_search_model_hold_folding (PoaSearchModel *self,
                               guint           ms)
{
  g_return_if_fail (POA_IS_SEARCH_MODEL (self));

  if (self->running == NULL)
    return;

  g_atomic_int_set (&self->running->hold_until,
                    (int)((g_get_monotonic_time () - self->running->started) / 1000 + MIN (ms, 60000)));
}

/**
 * poa_search_model_is_folding:
 *
 * Returns: whether the activities' texts are being folded in a thread
 */
gboolean
poa_search_model_is_folding (PoaSearchModel *self)
{
  g_return_val_if_fail (POA_IS_SEARCH_MODEL (self), FALSE);

  return self->folding != NULL;
}

/**
 * _poa_search_model_get_looked_at:
 *
 * For the tests: how many activities the last search compared with what was typed.
 */
guint
_poa_search_model_get_looked_at (PoaSearchModel *self)
{
  g_return_val_if_fail (POA_IS_SEARCH_MODEL (self), 0);

  return self->looked_at;
}

static void
poa_search_model_dispose (GObject *object)
{
  PoaSearchModel *self = POA_SEARCH_MODEL (object);

  poa_search_model_stop_folding (self);
  forget_fold (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->activities, 0);
  g_ptr_array_set_size (self->folded, 0);
  self->mirrored = FALSE;
  g_clear_pointer (&self->matches, gtk_bitset_unref);

  G_OBJECT_CLASS (poa_search_model_parent_class)->dispose (object);
}

static void
poa_search_model_finalize (GObject *object)
{
  PoaSearchModel *self = POA_SEARCH_MODEL (object);

  g_ptr_array_unref (self->activities);
  g_ptr_array_unref (self->folded);
  g_array_unref (self->shown);
  g_free (self->needle);

  G_OBJECT_CLASS (poa_search_model_parent_class)->finalize (object);
}

static void
poa_search_model_class_init (PoaSearchModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_search_model_dispose;
  object_class->finalize = poa_search_model_finalize;

  search_cache_quark = g_quark_from_static_string ("poa-search-model-folded");
}

static void
poa_search_model_init (PoaSearchModel *self)
{
  self->activities = g_ptr_array_new_with_free_func (g_object_unref);
  self->folded = g_ptr_array_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

PoaSearchModel *
poa_search_model_new (void)
{
  return g_object_new (POA_TYPE_SEARCH_MODEL, NULL);
}

/**
 * _poa_search_model_get_folded_here:
 *
 * For the tests: how many activities' texts were folded on the main thread, as a search
 * compared them, since the program started (those the thread folded are not counted).
 */
guint
_poa_search_model_get_folded_here (void)
{
  return folded_here;
}
