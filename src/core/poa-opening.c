/* poa-opening.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-opening"

#include "config.h"

#include "poa-cli.h"
#include "poa-opening.h"
#include "poa-plan.h"
#include "poa-store.h"

/* Opening the database and reading the plan the window will show, on a thread of their own.
 *
 * Starting GTK (loading its libraries, the display, its GL check, the themes) takes most of
 * the time before a window's first frame, and needs nothing from the database; reading a big
 * plan takes as long again, and needs nothing from GTK. `poa` starts the opening before it even
 * loads the window module, and the window takes the result when it is built. The store and the
 * plan are used by one thread at a time: the opening thread until it is joined, then the
 * thread that joined it only. */

struct _PoaOpening
{
  GThread  *thread;
  char     *db_path;
  gint64    plan_id;
  PoaStore *store;
  PoaPlan  *plan;
  GError   *error;
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
      if (!(path = poa_cli_database_path (db_path, error)) ||
          !(*store = poa_store_open (path, error)))
        return FALSE;
    }

  return (id = poa_store_resolve_plan (*store, plan_id, error)) != 0 &&
         (*plan = poa_store_load_plan (*store, id, error)) != NULL;
}

static gpointer
opening_thread (gpointer data)
{
  PoaOpening *self = data;

  poa_open_plan (self->db_path, self->plan_id, &self->store, &self->plan, &self->error);
  return NULL;
}

/**
 * poa_opening_start:
 *
 * Starts poa_open_plan() on a thread of its own.
 *
 * Returns: (transfer full): the opening, for poa_opening_finish() or poa_opening_free().
 */
PoaOpening *
poa_opening_start (const char *db_path,
                   gint64      plan_id)
{
  PoaOpening *self = g_new0 (PoaOpening, 1);

  self->db_path = g_strdup (db_path);
  self->plan_id = plan_id;
  self->thread = g_thread_new ("poa-open", opening_thread, self);

  return self;
}

/**
 * poa_opening_finish:
 * @self: (transfer full): an opening, freed here
 * @store: (out) (transfer full) (optional): the database, when it could be opened
 * @plan: (out) (transfer full): the plan
 *
 * Waits for the opening to end and takes what it opened.
 *
 * Returns: whether the plan was read; else @error says why.
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

  ok = self->error == NULL;
  if (store != NULL)
    *store = g_steal_pointer (&self->store);
  *plan = g_steal_pointer (&self->plan);
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

  g_clear_pointer (&self->thread, g_thread_join);
  g_free (self->db_path);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_error (&self->error);
  g_free (self);
}
