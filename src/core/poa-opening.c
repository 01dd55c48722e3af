/* poa-opening.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-opening"

#include "config.h"

#include "poa-opening.h"
#include "poa-plan.h"
#include "poa-store.h"

/* Opening the database and reading the plan the window will show, on a thread of their own.
 *
 * Starting GTK (loading its libraries, the display, its GL check, the themes) takes most of
 * the time before a window's first frame, and needs nothing from the database; reading a big
 * plan takes as long again, and needs nothing from GTK. `poa` starts the opening before it even
 * loads the window module, and the window takes the result when it is built.
 *
 * A big plan comes in two parts, read in one transaction: its header, budget, indicators and
 * first POA_OPENING_FIRST activities (more than a window shows), then the others. The window
 * is built and painted on the first part (poa_opening_wait_plan()) while the thread reads the
 * rest, and poa_opening_finish() adds the rest before anything else can happen in the window.
 *
 * Who may touch what: the thread reads the plan through a connection of its own, in one read
 * transaction for both parts; the store it hands over is another connection, which it no
 * longer uses by then. The first part's plan is handed over whole, and the thread reads the
 * rest into an array of its own; the caller owns the plan.
 *
 * The thread never creates or upgrades a database (poa_store_open_current()): it may belong to
 * a second start of the program, which hands its window over to the first, a running POA that
 * may be older. Such a database is opened on the main thread, by the one program that shows
 * it (%POA_STORE_ERROR_NOT_CURRENT from poa_opening_finish()). */

struct _PoaOpening
{
  GThread   *thread;
  GMutex     lock;
  GCond      cond;
  gboolean   first_ready;   /* under lock: the first part, or an error, is there */
  gint       cancelled;     /* atomic: nobody will show the plan */

  char      *db_path;
  gint64     plan_id;
  PoaStore  *store;
  PoaPlan   *first;         /* the plan as first read, handed over under lock */
  PoaPlan   *plan;          /* the thread's own reference, until it ends */
  GPtrArray *rest;
  GError    *error;
};

/**
 * poa_open_plan:
 * @db_path: (nullable): the database, or %NULL for $POA_DB or the default file
 * @plan_id: the plan, or 0 for the last one opened
 * @store: (inout): the database, opened if it is %NULL
 * @plan: (out): the plan read
 *
 * Opens the database (unless @store already holds it), finds the plan and reads it whole.
 *
 * Returns: whether @plan was read; else @error says why (@store may still be set).
 */
gboolean
poa_open_plan (const char  *db_path,
               gint64       plan_id,
               PoaStore   **store,
               PoaPlan    **plan,
               GError     **error)
{
  g_autofree char *path = NULL;
  gint64 id;

  g_return_val_if_fail (store != NULL && plan != NULL, FALSE);

  if (*store == NULL)
    {
      if (!(path = poa_store_resolve_path (db_path, error)) ||
          !(*store = poa_store_open (path, error)))
        return FALSE;
    }

  return (id = poa_store_resolve_plan (*store, plan_id, error)) != 0 &&
         (*plan = poa_store_load_plan (*store, id, error)) != NULL;
}

static gboolean
first_read_cb (PoaPlan  *plan,
               gpointer  data)
{
  PoaOpening *self = data;

  g_mutex_lock (&self->lock);
  self->first = g_object_ref (plan);
  self->first_ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  return !g_atomic_int_get (&self->cancelled);
}

static gpointer
opening_thread (gpointer data)
{
  PoaOpening *self = data;
  g_autoptr(PoaStore) reader = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  if ((path = poa_store_resolve_path (self->db_path, &self->error)) &&
      (self->store = poa_store_open_current (path, &self->error)) &&
      (id = poa_store_resolve_plan (self->store, self->plan_id, &self->error)) &&
      (reader = poa_store_open_current (path, &self->error)))
    self->plan = poa_store_load_plan_in_parts (reader, id, POA_OPENING_FIRST,
                                               first_read_cb, self, &self->rest, &self->error);

  /* Failed before the first part: the waiting side wakes to the error. */
  g_mutex_lock (&self->lock);
  self->first_ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  return NULL;
}

/**
 * poa_opening_start:
 *
 * Starts opening @db_path and reading its plan @plan_id on a thread of their own.
 *
 * Returns: (transfer full): the opening, for poa_opening_wait_plan() and poa_opening_finish(),
 *   or poa_opening_free().
 */
PoaOpening *
poa_opening_start (const char *db_path,
                   gint64      plan_id)
{
  PoaOpening *self = g_new0 (PoaOpening, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->db_path = g_strdup (db_path);
  self->plan_id = plan_id;
  self->thread = g_thread_new ("poa-open", opening_thread, self);

  return self;
}

/**
 * poa_opening_wait_plan:
 * @store: (out) (transfer full) (optional): the database, not to be used before
 *   poa_opening_finish()
 *
 * Waits for the plan's first part: enough to build and show a window, not to change or
 * export the plan. %NULL when the database or the plan could not be opened (then
 * poa_opening_finish() says why).
 *
 * Returns: (transfer full) (nullable): the plan, with its first activities.
 */
PoaPlan *
poa_opening_wait_plan (PoaOpening  *self,
                       PoaStore   **store)
{
  PoaPlan *plan;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  while (!self->first_ready)
    g_cond_wait (&self->cond, &self->lock);
  plan = self->first != NULL ? g_object_ref (self->first) : NULL;
  if (store != NULL)
    *store = plan != NULL ? g_object_ref (self->store) : NULL;
  g_mutex_unlock (&self->lock);

  return plan;
}

/**
 * poa_opening_finish:
 * @self: (transfer full): an opening, freed here
 * @store: (out) (transfer full) (optional): the database, when it could be opened
 * @plan: (out) (transfer full): the whole plan
 *
 * Waits for the opening to end, and adds to the plan the activities read after its first part
 * (in the calling thread: that is who may see the plan change).
 *
 * Returns: whether the whole plan was read; else @error says why.
 */
gboolean
poa_opening_finish (PoaOpening  *self,
                    PoaStore   **store,
                    PoaPlan    **plan,
                    GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  g_clear_pointer (&self->thread, g_thread_join);

  ok = self->error == NULL && self->plan != NULL;
  if (ok && self->rest != NULL && self->rest->len > 0)
    {
      GListStore *activities = poa_plan_get_activities (self->plan);

      g_list_store_splice (activities, g_list_model_get_n_items (G_LIST_MODEL (activities)), 0,
                           self->rest->pdata, self->rest->len);
    }

  if (store != NULL)
    *store = g_steal_pointer (&self->store);
  *plan = ok ? g_steal_pointer (&self->plan) : NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->error));

  poa_opening_free (self);
  return ok;
}

/**
 * poa_opening_free:
 *
 * Waits for the opening to end and drops what it opened: a second start of the program hands
 * its window over to the first and never shows the plan.
 */
void
poa_opening_free (PoaOpening *self)
{
  if (self == NULL)
    return;

  g_atomic_int_set (&self->cancelled, TRUE);
  g_clear_pointer (&self->thread, g_thread_join);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->db_path);
  g_clear_object (&self->store);
  g_clear_object (&self->first);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->rest, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_free (self);
}
