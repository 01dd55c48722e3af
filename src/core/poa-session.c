/* poa-session.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-session"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "poa-document.h"
#include "poa-opening.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-session.h"
#include "poa-xlsx-import.h"
#include "poa-store.h"

/* The open database and the plan shown from it: what the window and all its parts share, in
 * the way of GNOME Calendar's GcalContext. The application makes one; the window takes it once
 * and binds its pages to its `document`.
 *
 * Every plan comes in here: the one opened at start-up, one chosen from the list, a new or
 * copied plan, the one shown after a deletion, an imported file, the plans of a restored
 * backup. Each becomes a new PoaDocument (its own undo history) announced with
 * notify::document, and is recorded as the plan to reopen next time.
 *
 * At start-up the database and the plan are read on a thread of their own while GTK starts
 * (see poa-opening.c); a big plan comes in two parts. The session holds that opening: the
 * first part becomes the document, `loading` until poa_session_finish_loading() adds the rest.
 * Nobody else sees the thread. */

struct _PoaSession
{
  GObject      parent_instance;

  char        *db_path;
  gint64       plan_id;
  PoaOpening  *opening;    /* until the rest of the plan is added */

  PoaStore    *store;
  PoaDocument *document;
  /* The store's notice was handed to the program that shows it (poa_session_take_notice()). */
  gboolean     notice_taken;
};

G_DEFINE_FINAL_TYPE (PoaSession, poa_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows @plan, read from the store: a new document, with a history of its own. */
static void
set_plan (PoaSession *self,
          PoaPlan    *plan,
          gboolean    loading)
{
  g_autoptr(PoaDocument) document = poa_document_new (self->store, plan);

  /* Loading from its first moment: nobody may see part of a plan as if it were whole. */
  poa_document_set_loading (document, loading);
  g_set_object (&self->document, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
poa_session_dispose (GObject *object)
{
  PoaSession *self = (PoaSession *)object;

  g_clear_pointer (&self->opening, poa_opening_free);
  g_clear_object (&self->document);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (poa_session_parent_class)->dispose (object);
}

static void
poa_session_finalize (GObject *object)
{
  PoaSession *self = (PoaSession *)object;

  g_free (self->db_path);

  G_OBJECT_CLASS (poa_session_parent_class)->finalize (object);
}

static void
poa_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PoaSession *self = POA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_session_class_init (PoaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_session_dispose;
  object_class->finalize = poa_session_finalize;
  object_class->get_property = poa_session_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, POA_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* The plan shown, open for editing; a new one for every plan opened. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
poa_session_init (PoaSession *self)
{
}

/**
 * poa_session_new:
 * @db_path: (nullable): the database; %NULL for $POA_DB or the default file
 * @plan_id: the plan to open, or 0 for the last one opened
 * @opening: (transfer full) (nullable): the opening of @db_path's plan @plan_id, started
 *   already (poa_opening_start()) so that it overlaps GTK's start-up
 *
 * Returns: (transfer full): a session with no plan yet: poa_session_load() opens it.
 */
PoaSession *
poa_session_new (const char *db_path,
                 gint64      plan_id,
                 PoaOpening *opening)
{
  PoaSession *self = g_object_new (POA_TYPE_SESSION, NULL);

  self->db_path = g_strdup (db_path);
  self->plan_id = plan_id;
  self->opening = opening;

  return self;
}

/**
 * poa_session_new_for_store:
 * @store: an open database
 *
 * Returns: (transfer full): a session on @store with no plan yet: poa_session_load() opens
 *   the one opened last.
 */
PoaSession *
poa_session_new_for_store (PoaStore *store)
{
  PoaSession *self;

  g_return_val_if_fail (POA_IS_STORE (store), NULL);

  self = g_object_new (POA_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);

  return self;
}

/* Opens the database and reads the plan (its first part only, with an opening). */
static gboolean
load (PoaSession  *self,
      PoaPlan    **plan,
      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->opening != NULL)
    {
      g_autoptr(PoaStore) store = NULL;

      if ((*plan = poa_opening_wait_plan (self->opening, &store)) != NULL)
        {
          g_set_object (&self->store, store);
          return TRUE;
        }

      if (!poa_opening_finish (g_steal_pointer (&self->opening), NULL, plan, &local_error))
        {
          if (!g_error_matches (local_error, POA_STORE_ERROR, POA_STORE_ERROR_NOT_CURRENT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* To be created or upgraded: below, by the program that shows it. */
        }
    }

  if (*plan == NULL &&
      !poa_open_plan (self->db_path, self->plan_id, &self->store, plan, error))
    return FALSE;

  /* Only a convenience for the next start: failing to record it loses nothing. */
  poa_store_mark_opened (self->store, poa_plan_get_id (*plan), NULL);
  return TRUE;
}

/**
 * poa_session_load:
 *
 * Opens the database and shows its plan, as asked at poa_session_new(). With an opening
 * started, this waits for the plan's first part only: the document is `loading` until
 * poa_session_finish_loading(). A database the opening thread may not touch (to be created or
 * upgraded) is opened here, on the calling thread.
 *
 * Returns: whether a plan is shown; else @error says why (poa_session_get_store() may still
 *   be set, when the database opened and the plan could not be read).
 */
gboolean
poa_session_load (PoaSession  *self,
                  GError     **error)
{
  g_autoptr(PoaPlan) plan = NULL;
  gboolean ok;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);

  if (self->document != NULL)
    return TRUE;

  ok = load (self, &plan, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (!ok)
    return FALSE;

  /* With an opening still there, the plan came in part. */
  set_plan (self, plan, self->opening != NULL);
  return TRUE;
}

/**
 * poa_session_finish_loading:
 *
 * Adds the rest of a big plan to the document shown on its first part, and lets it be
 * edited. The window calls this right after its first frame, before any input is handled.
 * Nothing to do when the plan came whole.
 *
 * Returns: whether the whole plan is there; else @error says why, and the document stays
 *   `loading`: only part of the plan, never to be edited or exported.
 */
gboolean
poa_session_finish_loading (PoaSession  *self,
                            GError     **error)
{
  g_autoptr(PoaPlan) plan = NULL;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);

  if (self->opening == NULL)
    return TRUE;

  if (!poa_opening_finish (g_steal_pointer (&self->opening), NULL, &plan, error))
    return FALSE;

  /* The plan the thread finished is the one whose first part is shown (unless another was
   * opened meanwhile, which input cannot do before the rest is added). */
  if (self->document != NULL && poa_document_get_plan (self->document) == plan)
    poa_document_set_loading (self->document, FALSE);

  poa_store_mark_opened (self->store, poa_plan_get_id (plan), NULL);
  return TRUE;
}

/**
 * poa_session_take_notice:
 *
 * What the opening of the database did that its user must know, said once: a stray `-wal`
 * found beside it, applied or refused, with the names of the copies kept of both files (see
 * poa_store_get_notice()). The window shows it until it is dismissed.
 *
 * Returns: (transfer full) (nullable): the notice, the first time it is asked for; %NULL
 *   afterwards, and when there was nothing to say.
 */
char *
poa_session_take_notice (PoaSession *self)
{
  const char *notice;

  g_return_val_if_fail (POA_IS_SESSION (self), NULL);

  if (self->store == NULL || self->notice_taken ||
      (notice = poa_store_get_notice (self->store)) == NULL)
    return NULL;

  self->notice_taken = TRUE;
  return g_strdup (notice);
}

/**
 * poa_session_get_store:
 *
 * Returns: (transfer none) (nullable): the open database, once poa_session_load() opened it.
 */
PoaStore *
poa_session_get_store (PoaSession *self)
{
  g_return_val_if_fail (POA_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * poa_session_get_document:
 *
 * Returns: (transfer none) (nullable): the plan shown, open for editing.
 */
PoaDocument *
poa_session_get_document (PoaSession *self)
{
  g_return_val_if_fail (POA_IS_SESSION (self), NULL);

  return self->document;
}

/**
 * poa_session_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan of the document shown.
 */
PoaPlan *
poa_session_get_plan (PoaSession *self)
{
  g_return_val_if_fail (POA_IS_SESSION (self), NULL);

  return self->document != NULL ? poa_document_get_plan (self->document) : NULL;
}

/**
 * poa_session_open_plan:
 * @plan_id: a plan of the database
 *
 * Shows the plan @plan_id, and makes it the one the program opens next time.
 */
gboolean
poa_session_open_plan (PoaSession  *self,
                       gint64       plan_id,
                       GError     **error)
{
  g_autoptr(PoaPlan) plan = NULL;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!(plan = poa_store_load_plan (self->store, plan_id, error)))
    return FALSE;

  /* Only a convenience for the next start: failing to record it loses nothing. */
  poa_store_mark_opened (self->store, plan_id, NULL);
  set_plan (self, plan, FALSE);
  return TRUE;
}

/* Adds @plan to the database and shows it as read back. */
static gboolean
insert_and_open (PoaSession  *self,
                 PoaPlan     *plan,
                 GError     **error)
{
  gint64 id;

  return (id = poa_store_insert_plan (self->store, plan, error)) != 0 &&
         poa_session_open_plan (self, id, error);
}

/**
 * poa_session_new_plan:
 * @year: the new plan's year
 * @area: its área
 *
 * Adds an empty plan to the database, with the municipality and administration period of the
 * plan shown, and shows it.
 */
gboolean
poa_session_new_plan (PoaSession  *self,
                      guint        year,
                      const char  *area,
                      GError     **error)
{
  g_autoptr(PoaPlan) plan = NULL;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  plan = poa_plan_new_empty (poa_session_get_plan (self), year, area);
  return insert_and_open (self, plan, error);
}

/**
 * poa_session_copy_to_next_year:
 *
 * Adds a copy of the plan shown to the database, for the next year (see
 * poa_plan_copy_to_next_year()), and shows it.
 */
gboolean
poa_session_copy_to_next_year (PoaSession  *self,
                               GError     **error)
{
  g_autoptr(PoaPlan) next = NULL;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (poa_session_get_plan (self) != NULL, FALSE);

  next = poa_plan_copy_to_next_year (poa_session_get_plan (self));
  return insert_and_open (self, next, error);
}

/**
 * poa_session_delete_plan:
 * @deleted: (out) (optional): whether the plan was deleted, when another could then not be
 *   shown
 *
 * Deletes the plan shown from the database and shows the one opened most recently among those
 * left.
 */
gboolean
poa_session_delete_plan (PoaSession  *self,
                         gboolean    *deleted,
                         GError     **error)
{
  gint64 next;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (poa_session_get_plan (self) != NULL, FALSE);

  if (deleted != NULL)
    *deleted = FALSE;

  if (!poa_store_delete_plan (self->store, poa_plan_get_id (poa_session_get_plan (self)), error))
    return FALSE;

  if (deleted != NULL)
    *deleted = TRUE;

  return (next = poa_store_resolve_plan (self->store, 0, error)) != 0 &&
         poa_session_open_plan (self, next, error);
}

/**
 * poa_session_import:
 * @path: a plan file (JSON) or a workbook (.xlsx)
 *
 * Adds the plan in @path to the database as a new plan, all or nothing, and shows it.
 *
 * Returns: whether it was imported; else @error names the file and the line and column or the
 *   field (poa-plan-json.c), or the database and what went wrong with it.
 */
gboolean
poa_session_import (PoaSession  *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(PoaPlan) plan = NULL;
  gint64 id;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(plan = poa_plan_file_load (path, NULL, error)) ||
      !(id = poa_store_insert_plan (self->store, plan, error)))
    return FALSE;

  /* The plan shown is the one to open next time; failing to record it loses nothing. */
  poa_store_mark_opened (self->store, id, NULL);
  set_plan (self, plan, FALSE);
  return TRUE;
}

/* Whether two áreas are the same: letters' case and spaces around them aside (as `poa import`
 * judges them, poa-cli.c). */
static gboolean
same_area (const char *a,
           const char *b)
{
  g_autofree char *x = g_strstrip (g_utf8_casefold (a != NULL ? a : "", -1));
  g_autofree char *y = g_strstrip (g_utf8_casefold (b != NULL ? b : "", -1));

  return g_strcmp0 (x, y) == 0;
}

/**
 * poa_session_find_same_plan:
 * @store: where to look
 * @plan: a plan about to be imported
 * @area: (out) (optional) (transfer full): the área as the plan found spells it
 *
 * The plan already in @store for @plan's área (its letters' case and surrounding spaces aside)
 * and year: what the window's import and `poa import` ask about.
 *
 * Returns: its ID, 0 when there is none, -1 with @error set when the plans cannot be listed
 */
gint64
poa_session_find_same_plan (PoaStore  *store,
                            PoaPlan   *plan,
                            char     **area,
                            GError   **error)
{
  g_autoptr(GPtrArray) plans = poa_store_list_plans (store, error);

  if (plans == NULL)
    return -1;

  for (guint i = 0; i < plans->len; i++)
    {
      PoaPlanSummary *summary = g_ptr_array_index (plans, i);

      if (summary->year == poa_plan_get_year (plan) &&
          same_area (summary->area, poa_plan_get_area (plan)))
        {
          if (area != NULL)
            *area = g_strdup (summary->area);
          return summary->id;
        }
    }

  return 0;
}

/* An observation as one string, to find the file's observations the old plan already holds
 * (a plan may carry thousands: no pairwise comparison). */
static char *
observation_key (const PoaObservation *observation)
{
  return g_strjoin ("\x1f", observation->date != NULL ? observation->date : "",
                    observation->by != NULL ? observation->by : "",
                    observation->where != NULL ? observation->where : "",
                    observation->text != NULL ? observation->text : "", NULL);
}

static int
compare_observation_dates (gconstpointer a,
                           gconstpointer b)
{
  const PoaObservation *x = *(const PoaObservation *const *)a;
  const PoaObservation *y = *(const PoaObservation *const *)b;

  return g_strcmp0 (x->date, y->date);
}

/* See poa_session_keep_history(). */
static void
keep_observations (PoaPlan *old,
                   PoaPlan *plan)
{
  GPtrArray *old_observations = poa_plan_get_observations (old);
  GPtrArray *observations = poa_plan_get_observations (plan);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) from_file = NULL;
  g_autofree gpointer *taken = NULL;
  gsize n_taken = 0;

  if (old_observations->len == 0)
    return;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < old_observations->len; i++)
    g_hash_table_add (seen, observation_key (g_ptr_array_index (old_observations, i)));

  /* The file's observations, taken out; the old plan's put first; the file's others after;
   * then all by date, oldest first as a plan keeps them (a stable sort: those of one date stay
   * in that order). */
  from_file = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_observation_free);
  taken = g_ptr_array_steal (observations, &n_taken);
  for (gsize i = 0; i < n_taken; i++)
    g_ptr_array_add (from_file, taken[i]);
  for (guint i = 0; i < old_observations->len; i++)
    g_ptr_array_add (observations, poa_observation_copy (g_ptr_array_index (old_observations, i)));
  for (guint i = 0; i < from_file->len; i++)
    {
      g_autofree char *key = observation_key (g_ptr_array_index (from_file, i));

      if (!g_hash_table_contains (seen, key))
        g_ptr_array_add (observations, poa_observation_copy (g_ptr_array_index (from_file, i)));
    }
  g_ptr_array_sort (observations, compare_observation_dates);
}

/**
 * poa_session_keep_history:
 * @old: the plan being replaced
 * @plan: the plan replacing it
 *
 * A replaced plan's record is kept: the old plan's entries come first, unless the file's own
 * record already begins with them (a plan exported, changed elsewhere and brought back).
 *
 * So are the planning unit's observations, appended only as they are: the old plan's come
 * first, then those of the file that the old plan did not hold. The office that sends back its
 * corrected plan has usually exported it before the observations were written; replacing the
 * plan must not erase them.
 */
void
poa_session_keep_history (PoaPlan *old,
                          PoaPlan *plan)
{
  GPtrArray *old_history = poa_plan_get_history (old);
  GPtrArray *history = poa_plan_get_history (plan);
  gboolean prefix = history->len >= old_history->len;

  for (guint i = 0; prefix && i < old_history->len; i++)
    prefix = poa_history_entry_equal (g_ptr_array_index (old_history, i),
                                      g_ptr_array_index (history, i));
  if (!prefix)
    for (guint i = 0; i < old_history->len; i++)
      g_ptr_array_insert (history, (int)i,
                          poa_history_entry_copy (g_ptr_array_index (old_history, i)));

  keep_observations (old, plan);
}

/**
 * poa_session_import_with_mode:
 * @path: a plan file (JSON) or a workbook (.xlsx)
 * @mode: what to do when a plan of the file's área and year is already there
 *
 * Adds the plan in @path to the database, all or nothing, as poa_session_import() does, and
 * shows it; a plan of the same área and year is refused, replaced (its change record and observations kept)
 * or kept beside the new one, as @mode says.
 *
 * Returns: whether it was imported; else @error says why, naming the file: #G_IO_ERROR_EXISTS
 *   when @mode is %POA_SESSION_IMPORT_REFUSE and the área and year are already there.
 */
gboolean
poa_session_import_with_mode (PoaSession            *self,
                              const char            *path,
                              PoaSessionImportMode   mode,
                              GError               **error)
{
  g_autoptr(PoaPlan) plan = NULL;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The whole file is read and validated before the database is touched. */
  if (!(plan = poa_plan_file_load (path, NULL, error)))
    return FALSE;

  return poa_session_import_plan (self, plan, path, mode, error);
}

/**
 * poa_session_import_plan:
 * @plan: a plan read from @path (poa_plan_file_load(), which the window runs off the main
 *   thread), whole and valid
 * @path: where it was read from, for messages
 * @mode: what to do when a plan of the file's área and year is already there
 *
 * The second half of poa_session_import_with_mode(): stores @plan and shows it.
 */
gboolean
poa_session_import_plan (PoaSession            *self,
                         PoaPlan               *plan,
                         const char            *path,
                         PoaSessionImportMode   mode,
                         GError               **error)
{
  gint64 same = 0;
  gint64 id;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);

  if (mode != POA_SESSION_IMPORT_KEEP_BOTH &&
      (same = poa_session_find_same_plan (self->store, plan, NULL, error)) < 0)
    return FALSE;

  if (same > 0 && mode == POA_SESSION_IMPORT_REFUSE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s: the database already holds a plan for “%s”, %u"),
                   path, poa_plan_get_area (plan), poa_plan_get_year (plan));
      return FALSE;
    }

  if (same > 0)
    {
      g_autoptr(PoaPlan) old = poa_store_load_plan (self->store, same, error);

      if (old == NULL)
        return FALSE;
      poa_session_keep_history (old, plan);
      id = poa_store_replace_plan (self->store, same, plan, error);
    }
  else
    id = poa_store_insert_plan (self->store, plan, error);
  if (id == 0)
    return FALSE;

  /* The plan shown is the one to open next time; failing to record it loses nothing. */
  poa_store_mark_opened (self->store, id, NULL);
  if (id != poa_plan_get_id (plan))
    {
      g_autoptr(PoaPlan) stored = poa_store_load_plan (self->store, id, error);

      if (stored == NULL)
        return FALSE;
      set_plan (self, stored, FALSE);
      return TRUE;
    }
  set_plan (self, plan, FALSE);
  return TRUE;
}

/**
 * poa_session_restore:
 * @backup: a backup of a POA database
 * @kept: (out) (optional) (transfer full): where the replaced database was kept (see
 *   poa_store_restore())
 *
 * Replaces every plan with those of @backup and shows the one opened last, as at start-up.
 *
 * Returns: whether the restored plans are shown. @kept is set as soon as the copy of the
 *   replaced plans exists, so also when this fails afterwards (the restore itself, or the
 *   reading of the restored plan): whoever shows the failure names the copy.
 */
gboolean
poa_session_restore (PoaSession  *self,
                     const char  *backup,
                     char       **kept,
                     GError     **error)
{
  g_autoptr(PoaPlan) plan = NULL;
  gint64 id;

  g_return_val_if_fail (POA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (kept != NULL)
    *kept = NULL;

  if (!poa_store_restore (self->store, backup, kept, error) ||
      !(id = poa_store_resolve_plan (self->store, 0, error)) ||
      !(plan = poa_store_load_plan (self->store, id, error)))
    return FALSE;

  poa_store_mark_opened (self->store, id, NULL);
  set_plan (self, plan, FALSE);
  return TRUE;
}
