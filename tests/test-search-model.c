/* test-search-model.c — the Actividades table's search model, and the folded texts its thread
 * makes: used when the thread is done, never stale, whatever was edited, added or replaced
 * while it folded.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "poa-activity.h"
#include "poa-plan.h"
#include "poa-search-model.h"
#include "test-plans.h"
#include "test-util.h"

#define N_ACTIVITIES 2000

/* What the model shows is, in order, the activities of @activities any of whose texts mention
 * @typed (not a number). */
static void
assert_shown_are (PoaSearchModel *model,
                  GListModel     *activities,
                  const char     *typed)
{
  g_autofree char *needle = test_fold_for_search (typed);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      gboolean found = FALSE;

      for (PoaActivityText t = 0; t < POA_ACTIVITY_N_TEXTS && !found; t++)
        {
          g_autofree char *text = test_fold_for_search (poa_activity_get_text (activity, t));

          found = strstr (text, needle) != NULL;
        }
      if (found)
        g_ptr_array_add (expected, g_steal_pointer (&activity));
    }

  g_test_message ("“%s”: %u expected", typed, expected->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(PoaActivity) shown = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (shown == g_ptr_array_index (expected, i));
    }
}

static void
wait_for_folding (PoaSearchModel *model)
{
  while (poa_search_model_is_folding (model))
    g_main_context_iteration (NULL, TRUE);
}

static PoaActivity *
activity_at (GListModel *activities,
             guint       position)
{
  g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, position);

  return activity;   /* the plan holds it */
}

/* Once the thread is done, a search folds nothing on the main thread; an activity edited or
 * added since is folded alone, and found by what it says now. */
static void
test_the_threads_folds_are_used (void)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (N_ACTIVITIES);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  g_autoptr(PoaSearchModel) model = poa_search_model_new ();
  g_autoptr(PoaActivity) added = NULL;
  guint folded;

  poa_search_model_set_model (model, activities);
  poa_search_model_fold_texts (model);
  g_assert_true (poa_search_model_is_folding (model));
  wait_for_folding (model);

  folded = _poa_search_model_get_folded_here ();
  poa_search_model_set_search (model, "migra");
  g_assert_cmpuint (_poa_search_model_get_looked_at (model), ==, N_ACTIVITIES);
  assert_shown_are (model, activities, "migra");
  poa_search_model_set_search (model, "Asesor");
  assert_shown_are (model, activities, "asesor");
  g_assert_cmpuint (_poa_search_model_get_folded_here (), ==, folded);

  /* An edit: every folded text is checked again, and only the edited one is folded anew. */
  poa_search_model_set_search (model, NULL);
  poa_activity_set_text (activity_at (activities, 1500), POA_ACTIVITY_UNIT, "Trámites ante la Cancillería");
  poa_search_model_set_search (model, "cancilleria");
  assert_shown_are (model, activities, "cancilleria");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  g_assert_cmpuint (_poa_search_model_get_folded_here (), ==, folded + 1);

  /* An activity added during a search is folded when it is compared. */
  added = poa_activity_copy (activity_at (activities, 3));
  poa_activity_set_text (added, POA_ACTIVITY_SPECIFIC_ACTIVITY, "Cancillería móvil en la cabecera");
  g_list_store_insert (G_LIST_STORE (activities), 0, added);
  assert_shown_are (model, activities, "cancilleria");
  g_assert_cmpuint (_poa_search_model_get_folded_here (), ==, folded + 2);
}

/* Texts edited after the thread took them, before it is done: its folds of the old texts are
 * never taken for the new ones. */
static void
test_an_edit_while_folding_is_found (void)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (N_ACTIVITIES);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  g_autoptr(PoaSearchModel) model = poa_search_model_new ();
  g_autofree char *old_name = NULL;
  guint folded;

  poa_search_model_set_model (model, activities);
  poa_search_model_fold_texts (model);
  /* The thread has the texts: these edits come after. */
  old_name = g_strdup (poa_activity_get_text (activity_at (activities, 700), POA_ACTIVITY_NAME));
  poa_activity_set_text (activity_at (activities, 700), POA_ACTIVITY_NAME, "Feria binacional de Zacatecanos");
  poa_activity_set_text (activity_at (activities, 1999), POA_ACTIVITY_ACTION_LINE, "Ferias binacionales");
  wait_for_folding (model);

  folded = _poa_search_model_get_folded_here ();
  poa_search_model_set_search (model, "binacional");
  assert_shown_are (model, activities, "binacional");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 2);
  /* The old name, unique to activity 701, is no longer found. */
  poa_search_model_set_search (model, old_name);
  assert_shown_are (model, activities, old_name);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (_poa_search_model_get_folded_here (), ==, folded + 2);
}

/* Another plan given while the thread folds the first, or after: the search is of the plan
 * shown, and the first plan's folds are let go. */
static void
test_another_plan_while_folding (void)
{
  g_autoptr(PoaPlan) first = test_plan_with_activities (N_ACTIVITIES);
  g_autoptr(PoaPlan) second = test_plan_with_activities (300);
  GListModel *second_activities = G_LIST_MODEL (poa_plan_get_activities (second));
  g_autoptr(PoaSearchModel) model = poa_search_model_new ();

  poa_search_model_set_model (model, G_LIST_MODEL (poa_plan_get_activities (first)));
  poa_search_model_fold_texts (model);
  poa_search_model_set_model (model, second_activities);
  g_assert_false (poa_search_model_is_folding (model));
  poa_activity_set_text (activity_at (second_activities, 20), POA_ACTIVITY_NAME, "Censo de huapangueros");
  poa_search_model_set_search (model, "huapangueros");
  assert_shown_are (model, second_activities, "huapangueros");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* The second plan folded, then the first given again: the second's folds go. */
  poa_search_model_set_search (model, NULL);
  poa_search_model_fold_texts (model);
  wait_for_folding (model);
  poa_search_model_set_model (model, G_LIST_MODEL (poa_plan_get_activities (first)));
  poa_search_model_set_search (model, "huapangueros");
  assert_shown_are (model, G_LIST_MODEL (poa_plan_get_activities (first)), "huapangueros");
  poa_search_model_set_search (model, "apoyo");
  assert_shown_are (model, G_LIST_MODEL (poa_plan_get_activities (first)), "apoyo");

  /* The model gone while its thread folds, or with folds kept: nothing is left behind. */
  poa_search_model_fold_texts (model);
  g_clear_object (&model);
  g_clear_object (&first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-model/the-threads-folds-are-used", test_the_threads_folds_are_used);
  g_test_add_func ("/search-model/an-edit-while-folding-is-found", test_an_edit_while_folding_is_found);
  g_test_add_func ("/search-model/another-plan-while-folding", test_another_plan_while_folding);

  return g_test_run ();
}
