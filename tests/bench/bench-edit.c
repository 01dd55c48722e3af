/* bench-edit.c — how long one edit takes to be committed, as the window makes it.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-edit [EDITS]
 *
 * Through PoaDocument, as every edit in the window goes: the model changes, the row is written
 * and the transaction committed (synchronous = FULL: the commit waits for the disk). EDITS
 * edits (default 400) of an activity's meta alcanzada, on the default plan and on a plan of
 * 100,000 activities, in a database in the temporary folder; median and 95th percentile. An
 * undo is timed the same way.
 */

#include "config.h"

#include <locale.h>

#include "poa-activity.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "bench-util.h"
#include "test-plans.h"

static void
bench (PoaStore   *store,
       PoaPlan    *plan,
       const char *size,
       guint       n)
{
  g_autoptr(PoaDocument) document = poa_document_new (store, plan);
  g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_autofree double *edits = g_new (double, n);
  g_autofree double *undos = g_new (double, n);
  g_autofree char *name = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!poa_document_set_uint (document, activity, "achieved", 1 + i % 2, &error))
        g_error ("%s", error->message);
      edits[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!poa_document_undo (document, &error))
        g_error ("%s", error->message);
      undos[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_print ("edit, %s activities: median %.3f ms, 95th percentile %.3f ms (%u edits); undo median %.3f ms\n",
           size, bench_median (edits, n), bench_percentile (edits, n, 95), n, bench_median (undos, n));
  name = g_strdup_printf ("edit committed (undo %.2f ms)", bench_median (undos, n));
  bench_result (name, size, bench_median (edits, n), 0, "< 2 ms", bench_median (edits, n) < 2.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(PoaStore) store = poa_store_open (path, &error);
  g_autoptr(PoaPlan) small = NULL;
  g_autoptr(PoaPlan) big = test_plan_with_activities (100000);
  guint n = argc > 1 ? CLAMP ((guint)g_ascii_strtoull (argv[1], NULL, 10), 10, 100000) : 400;
  setlocale (LC_ALL, "");

  g_assert_no_error (error);
  small = poa_store_load_plan (store, poa_store_resolve_plan (store, 0, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_store_insert_plan (store, big, &error), >, 0);
  g_assert_no_error (error);

  bench (store, small, "16", n);
  bench (store, big, "100,000", n);

  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}
