/* test-document.c — editing a plan: every change committed at once, undone and redone.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-change-record.h"
#include "poa-check.h"
#include "poa-check-private.h"
#include "poa-document.h"
#include "poa-findings.h"
#include "poa-indicator.h"
#include "poa-review.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-store.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  PoaStore    *store;
  PoaPlan     *plan;
  PoaDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "poa.sqlite3", NULL);
  fixture->store = poa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->plan = poa_store_load_plan (fixture->store, poa_store_resolve_plan (fixture->store, 0, NULL), &error);
  g_assert_no_error (error);
  fixture->document = poa_document_new (fixture->store, fixture->plan);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* What the file holds, read through a new connection, must be what the window shows. */
static void
assert_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->path, &error);
  g_autoptr(PoaPlan) stored = NULL;

  g_assert_no_error (error);
  stored = poa_store_load_plan (store, poa_plan_get_id (fixture->plan), &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (stored, fixture->plan));
}

/* @plan is as @before, field for field, but for the change record it has gained since: an undo
 * is recorded as a change, never erased. */
static void
assert_as_before_but_record (PoaPlan *before,
                             PoaPlan *plan)
{
  g_autoptr(PoaPlan) expected = poa_plan_copy (before);
  GPtrArray *was = poa_plan_get_history (before);
  GPtrArray *now = poa_plan_get_history (plan);

  g_assert_cmpuint (now->len, >, was->len);
  for (guint i = was->len; i < now->len; i++)
    poa_plan_add_history_entry (expected, poa_history_entry_copy (g_ptr_array_index (now, i)));
  g_assert_true (poa_plan_equal (expected, plan));
}

static PoaActivity *
activity_at (Fixture *fixture,
             guint    position)
{
  PoaActivity *activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)), position);

  /* The plan holds a reference for as long as the test needs it. */
  g_object_unref (activity);
  return activity;
}

static guint
n_activities (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (fixture->plan)));
}

static void
assert_numbered_in_order (Fixture *fixture)
{
  for (guint i = 0; i < n_activities (fixture); i++)
    g_assert_cmpuint (poa_activity_get_number (activity_at (fixture, i)), ==, i + 1);
}

static void
test_text_edit_is_saved_and_undone (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *activity = activity_at (fixture, 0);

  g_assert_false (poa_document_can_undo (fixture->document));
  g_assert_true (poa_document_set_text (fixture->document, activity, "name", "Corazón de Plata 2026", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (poa_activity_get_name (activity), ==, "Corazón de Plata 2026");
  g_assert_true (poa_document_can_undo (fixture->document));
  g_assert_cmpstr (poa_document_get_undo_label (fixture->document), ==, "Change activity 1");
  assert_stored (fixture);

  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmpstr (poa_activity_get_name (activity), ==, "Corazón de Plata");
  g_assert_false (poa_document_can_undo (fixture->document));
  g_assert_true (poa_document_can_redo (fixture->document));
  assert_stored (fixture);

  g_assert_true (poa_document_redo (fixture->document, &error));
  g_assert_cmpstr (poa_activity_get_name (activity), ==, "Corazón de Plata 2026");
  assert_stored (fixture);

  /* Setting what is already there is no edit. */
  g_assert_true (poa_document_set_text (fixture->document, activity, "name", "Corazón de Plata 2026", &error));
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_false (poa_document_can_undo (fixture->document));
}

static void
test_every_kind_of_field_is_saved (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *activity = activity_at (fixture, 6);
  g_autoptr(PoaBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (fixture->plan)), 3);
  g_autoptr(PoaIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_indicators (fixture->plan)), 0);
  PoaSignature *signature = poa_plan_get_signature (fixture->plan, 0);

  g_assert_true (poa_document_set_text (fixture->document, fixture->plan, "observations", "Sin observaciones, año 2026.", &error));
  g_assert_true (poa_document_set_uint (fixture->document, fixture->plan, "year", 2027, &error));
  g_assert_true (poa_document_set_text (fixture->document, signature, "name", "Lic. Ñoño Pérez", &error));
  g_assert_true (poa_document_set_uint (fixture->document, activity, "achieved", 2, &error));
  g_assert_true (poa_document_set_text (fixture->document, activity, "unit", "Reuniones", &error));
  g_assert_true (poa_document_set_int64 (fixture->document, line, "centavos", 4500050, &error));
  g_assert_true (poa_document_set_text (fixture->document, line, "name", "Viáticos internacionales", &error));
  g_assert_true (poa_document_set_text (fixture->document, indicator, "formula", "L ÷ P × 100", &error));
  g_assert_no_error (error);
  assert_stored (fixture);

  for (guint i = 0; i < 8; i++)
    g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_false (poa_document_can_undo (fixture->document));
  g_assert_cmpuint (poa_plan_get_year (fixture->plan), ==, 2026);
  g_assert_cmpint (poa_budget_line_get_centavos (line), ==, 5000000);
  assert_stored (fixture);
}

static void
test_out_of_range_is_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *activity = activity_at (fixture, 0);

  g_assert_false (poa_document_set_uint (fixture->document, activity, "programmed", POA_GOAL_MAX + 1, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (poa_document_set_uint (fixture->document, fixture->plan, "year", 1999, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_assert_cmpuint (poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED), ==, 20);
  g_assert_false (poa_document_can_undo (fixture->document));
  assert_stored (fixture);
}

/* Both dates in one edit: the months follow the new pair, not one new date and the old other
 * (01/10 with the old end 30/09 would be reversed, and leave the months behind). */
static void
test_months_follow_both_new_dates (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char *properties[] = { "start", "end" };
  g_autoptr(GError) error = NULL;
  PoaActivity *fifth = activity_at (fixture, 4);     /* 01/03/2026 – 30/09/2026 */
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, 10, 2026);
  g_date_set_dmy (&end, 30, 11, 2026);
  g_value_init (&values[0], G_TYPE_DATE);
  g_value_set_boxed (&values[0], &start);
  g_value_init (&values[1], G_TYPE_DATE);
  g_value_set_boxed (&values[1], &end);

  g_assert_true (poa_document_set_values (fixture->document, fifth, 2, properties, values, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (poa_activity_get_start (fifth), &start), ==, 0);
  g_assert_cmpint (g_date_compare (poa_activity_get_end (fifth), &end), ==, 0);
  g_assert_cmphex (poa_activity_get_months (fifth), ==, 0x600);   /* Octubre, Noviembre */
  assert_stored (fixture);

  /* One edit: one undo brings both dates and the months back. */
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmphex (poa_activity_get_months (fifth), ==, 0x1fc);
  g_assert_false (poa_document_can_undo (fixture->document));
  assert_stored (fixture);

  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
}

/* While a big plan's rest is still being read, nothing may change it: every edit, undo and
 * redo is refused, and nothing reaches the file. */
static void
test_no_edit_while_opening (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *first = activity_at (fixture, 0);

  g_assert_true (poa_document_set_text (fixture->document, first, "name", "Antes", &error));
  poa_document_set_loading (fixture->document, TRUE);
  g_assert_true (poa_document_get_loading (fixture->document));

  g_assert_false (poa_document_set_text (fixture->document, first, "name", "Durante", &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_OPENING);
  g_clear_error (&error);
  g_assert_false (poa_document_undo (fixture->document, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_OPENING);
  g_clear_error (&error);
  g_assert_cmpstr (poa_activity_get_name (first), ==, "Antes");
  assert_stored (fixture);

  poa_document_set_loading (fixture->document, FALSE);
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  assert_stored (fixture);
}

static void
test_months_follow_new_dates (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *fifth = activity_at (fixture, 4);     /* 01/03/2026 – 30/09/2026 */
  PoaActivity *seventh = activity_at (fixture, 6);   /* ends before it starts: no months */
  GDate date;

  g_assert_cmphex (poa_activity_get_months (fifth), ==, 0x1fc);
  g_date_set_dmy (&date, 15, 11, 2026);
  g_assert_true (poa_document_set_date (fixture->document, fifth, "end", &date, &error));
  g_assert_cmphex (poa_activity_get_months (fifth), ==, 0x7fc);
  assert_stored (fixture);
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmphex (poa_activity_get_months (fifth), ==, 0x1fc);

  /* Fixing activity 7's end date gives it its months. */
  g_date_set_dmy (&date, 31, 12, 2026);
  g_assert_true (poa_document_set_date (fixture->document, seventh, "end", &date, &error));
  g_assert_cmphex (poa_activity_get_months (seventh), ==, POA_MONTHS_ALL);

  /* Months chosen by hand are kept when a date moves. */
  g_assert_true (poa_document_set_uint (fixture->document, fifth, "months", 0x8, &error));
  g_date_set_dmy (&date, 1, 2, 2026);
  g_assert_true (poa_document_set_date (fixture->document, fifth, "start", &date, &error));
  g_assert_cmphex (poa_activity_get_months (fifth), ==, 0x8);

  g_assert_true (poa_document_set_date (fixture->document, fifth, "start", NULL, &error));
  g_assert_null (poa_activity_get_start (fifth));
  assert_stored (fixture);
}

static void
test_insert_remove_move_renumber (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaActivity) added = poa_activity_new ();
  g_autoptr(PoaPlan) before = poa_plan_copy (fixture->plan);
  PoaActivity *seventh = activity_at (fixture, 6);

  poa_activity_set_text (added, POA_ACTIVITY_NAME, "Nueva actividad");
  g_assert_true (poa_document_insert (fixture->document, added, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_activities (fixture), ==, 17);
  g_assert_true (activity_at (fixture, 2) == added);
  g_assert_cmpint (poa_activity_get_id (added), >, 0);
  assert_numbered_in_order (fixture);
  assert_stored (fixture);

  g_assert_true (poa_document_move (fixture->document, seventh, 0, &error));
  g_assert_true (activity_at (fixture, 0) == seventh);
  assert_numbered_in_order (fixture);
  assert_stored (fixture);

  g_assert_true (poa_document_move (fixture->document, seventh, 16, &error));
  g_assert_true (activity_at (fixture, 16) == seventh);
  assert_numbered_in_order (fixture);
  assert_stored (fixture);

  g_assert_true (poa_document_remove (fixture->document, seventh, &error));
  g_assert_cmpuint (n_activities (fixture), ==, 16);
  g_assert_cmpstr (poa_document_get_undo_label (fixture->document), ==, "Delete activity 17");
  assert_numbered_in_order (fixture);
  assert_stored (fixture);

  /* Undo everything: the plan is as it was, field for field, in the window and the file. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (poa_document_undo (fixture->document, &error));
  assert_as_before_but_record (before, fixture->plan);
  assert_stored (fixture);

  for (guint i = 0; i < 4; i++)
    g_assert_true (poa_document_redo (fixture->document, &error));
  g_assert_cmpuint (n_activities (fixture), ==, 16);
  assert_stored (fixture);
}

static void
test_budget_and_indicators_lists (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2161", "Material de limpieza", 150000);
  g_autoptr(PoaIndicator) indicator = poa_indicator_new ("Cobertura", "Personas atendidas", "A ÷ B × 100");
  g_autoptr(PoaBudgetLine) first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (fixture->plan)), 0);

  g_assert_true (poa_document_insert (fixture->document, line, 99, &error));
  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, 9150000);
  g_assert_true (poa_document_insert (fixture->document, indicator, 0, &error));
  g_assert_true (poa_document_move (fixture->document, first, 5, &error));
  assert_stored (fixture);

  g_assert_true (poa_document_remove (fixture->document, line, &error));
  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, 9000000);
  assert_stored (fixture);

  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, 9150000);
  assert_stored (fixture);
}

static void
test_refused_write_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) before = NULL;
  g_autoptr(PoaActivity) added = poa_activity_new ();
  sqlite3 *db = NULL;

  g_assert_true (poa_document_set_text (fixture->document, activity_at (fixture, 0), "unit", "Apoyos", &error));
  before = poa_plan_copy (fixture->plan);

  /* The file refuses the renumbering that follows an insert at the top: the insert itself must
   * not survive either, in the file or in the window. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE UPDATE OF number ON activity "
                                     "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (poa_document_insert (fixture->document, added, 0, &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID);
  g_assert_true (poa_plan_equal (before, fixture->plan));
  g_assert_cmpstr (poa_document_get_undo_label (fixture->document), ==, "Change activity 1");
  assert_stored (fixture);

  /* An undo the file refuses stays available. */
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse_unit BEFORE UPDATE OF unit ON activity "
                                     "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (poa_document_undo (fixture->document, &error));
  g_assert_true (poa_document_can_undo (fixture->document));
  g_assert_true (poa_plan_equal (before, fixture->plan));
}

/* A long random session of edits, undos and redos: after each, the file matches the window. */
static void
test_random_session_stays_in_step (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GError) error = NULL;
      guint n = n_activities (fixture);
      PoaActivity *activity = n > 0 ? activity_at (fixture, g_rand_int_range (rand, 0, n)) : NULL;

      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
          {
            g_autoptr(PoaActivity) added = poa_activity_new ();
            poa_activity_set_text (added, POA_ACTIVITY_NAME, "añadida");
            g_assert_true (poa_document_insert (fixture->document, added, g_rand_int_range (rand, 0, n + 1), &error));
          }
          break;

        case 1:
          if (activity)
            g_assert_true (poa_document_remove (fixture->document, activity, &error));
          break;

        case 2:
          if (activity)
            g_assert_true (poa_document_move (fixture->document, activity, g_rand_int_range (rand, 0, n), &error));
          break;

        case 3:
          if (activity)
            g_assert_true (poa_document_set_uint (fixture->document, activity, "achieved", g_rand_int_range (rand, 0, 100), &error));
          break;

        case 4:
          if (activity)
            {
              GDate date;
              g_date_set_dmy (&date, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13), 2026);
              g_assert_true (poa_document_set_date (fixture->document, activity, g_rand_boolean (rand) ? "start" : "end", &date, &error));
            }
          break;

        case 5:
          if (activity)
            g_assert_true (poa_document_set_text (fixture->document, activity, "responsible", g_rand_boolean (rand) ? "Ñandú" : "", &error));
          break;

        case 6:
          if (poa_document_can_undo (fixture->document))
            g_assert_true (poa_document_undo (fixture->document, &error));
          break;

        default:
          if (poa_document_can_redo (fixture->document))
            g_assert_true (poa_document_redo (fixture->document, &error));
          break;
        }

      g_assert_no_error (error);
      if (round % 10 == 0)
        assert_stored (fixture);
    }

  assert_numbered_in_order (fixture);
  assert_stored (fixture);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_history_is_announced (Fixture       *fixture,
                           gconstpointer  data)
{
  guint can_undo = 0, can_redo = 0;

  g_signal_connect (fixture->document, "notify::can-undo", G_CALLBACK (count_notify_cb), &can_undo);
  g_signal_connect (fixture->document, "notify::can-redo", G_CALLBACK (count_notify_cb), &can_redo);

  poa_document_set_text (fixture->document, fixture->plan, "area", "Migrantes", NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  poa_document_set_text (fixture->document, fixture->plan, "area", "Migrantes y Ex braceros", NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  poa_document_undo (fixture->document, NULL);
  g_assert_cmpuint (can_redo, ==, 1);
  poa_document_undo (fixture->document, NULL);
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_false (poa_document_undo (fixture->document, NULL));
}

/* The semáforo's thresholds are plan settings like any field: saved at once, undone, refused
 * out of range. */
static void
test_semaforo_thresholds (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (poa_document_set_uint (fixture->document, fixture->plan, "semaforo-green", 80, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_semaforo_green (fixture->plan), ==, 80);
  assert_stored (fixture);

  g_assert_false (poa_document_set_uint (fixture->document, fixture->plan, "semaforo-yellow", 101, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (poa_plan_get_semaforo_yellow (fixture->plan), ==, 70);

  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_semaforo_green (fixture->plan), ==, 90);
  assert_stored (fixture);
}

static void
test_duplicate_is_one_edit (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) before = poa_plan_copy (fixture->plan);
  PoaActivity *third = activity_at (fixture, 2);
  g_autoptr(PoaActivity) copy = poa_activity_copy (third);
  guint changed = 0;

  g_signal_connect (fixture->document, "changed", G_CALLBACK (count_notify_cb), &changed);

  /* What the Duplicate button does: a copy inserted just below, numbered by its place. */
  g_assert_true (poa_document_insert (fixture->document, copy, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (n_activities (fixture), ==, 17);
  g_assert_cmpuint (poa_activity_get_number (copy), ==, 4);
  g_assert_cmpstr (poa_activity_get_name (copy), ==, poa_activity_get_name (third));
  g_assert_cmpint (poa_activity_get_id (copy), !=, poa_activity_get_id (third));
  assert_numbered_in_order (fixture);
  assert_stored (fixture);

  /* Editing the copy leaves the original alone. */
  g_assert_true (poa_document_set_uint (fixture->document, copy, "annual-goal", 40, &error));
  g_assert_cmpuint (poa_activity_get_goal (third, POA_ACTIVITY_ANNUAL_GOAL), ==, 20);
  assert_stored (fixture);

  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmpuint (changed, ==, 4);
  assert_as_before_but_record (before, fixture->plan);
  assert_stored (fixture);

  /* A refused value is no change. */
  g_assert_false (poa_document_set_uint (fixture->document, third, "achieved", POA_GOAL_MAX + 1, NULL));
  g_assert_cmpuint (changed, ==, 4);
}

/* ─── What "changed" says ─────────────────────────────────────────────────────────────── */

typedef struct
{
  guint   n_emissions;
  GArray *changes;   /* copies of the last emission's */
} Heard;

static void
heard_clear (Heard *heard)
{
  g_clear_pointer (&heard->changes, g_array_unref);
}

static void
changed_cb (PoaDocument *document,
            GArray      *changes,
            Heard       *heard)
{
  heard->n_emissions++;
  g_clear_pointer (&heard->changes, g_array_unref);
  heard->changes = g_array_ref (changes);
}

static const PoaChange *
change_at (Heard *heard,
           guint  i)
{
  g_assert_nonnull (heard->changes);
  g_assert_cmpuint (i, <, heard->changes->len);
  return &g_array_index (heard->changes, PoaChange, i);
}

/* How many changes of @kind are about @object. */
static guint
count_changes (Heard         *heard,
               gpointer       object,
               PoaChangeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < heard->changes->len; i++)
    {
      const PoaChange *change = &g_array_index (heard->changes, PoaChange, i);
      n += change->object == object && change->kind == kind;
    }
  return n;
}

static void
test_changed_says_what_changed (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *first = activity_at (fixture, 0);
  PoaActivity *third = activity_at (fixture, 2);
  PoaActivity *last = activity_at (fixture, 15);
  g_autoptr(PoaActivity) added = poa_activity_new ();
  Heard heard = { 0 };

  g_signal_connect (fixture->document, "changed", G_CALLBACK (changed_cb), &heard);

  /* One field of one activity. */
  g_assert_true (poa_document_set_uint (fixture->document, first, "achieved", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.n_emissions, ==, 1);
  g_assert_cmpuint (heard.changes->len, ==, 1);
  g_assert_cmpint (change_at (&heard, 0)->kind, ==, POA_CHANGE_EDITED);
  g_assert_true (change_at (&heard, 0)->object == G_OBJECT (first));
  g_assert_cmpstr (change_at (&heard, 0)->property, ==, "achieved");
  g_assert_false (poa_changes_reorder (heard.changes));

  /* A field of the plan. */
  g_assert_true (poa_document_set_text (fixture->document, fixture->plan, "area", "Migrantes", &error));
  g_assert_cmpuint (heard.changes->len, ==, 1);
  g_assert_true (change_at (&heard, 0)->object == G_OBJECT (fixture->plan));
  g_assert_cmpstr (change_at (&heard, 0)->property, ==, "area");

  /* Added at the third place: the new activity, then the Nº of it and of the 14 after it. */
  g_assert_true (poa_document_insert (fixture->document, added, 2, &error));
  g_assert_cmpuint (heard.n_emissions, ==, 3);
  g_assert_cmpint (change_at (&heard, 0)->kind, ==, POA_CHANGE_ADDED);
  g_assert_true (change_at (&heard, 0)->object == G_OBJECT (added));
  g_assert_cmpuint (change_at (&heard, 0)->position, ==, 2);
  g_assert_cmpuint (heard.changes->len, ==, 1 + 15);
  g_assert_cmpuint (count_changes (&heard, added, POA_CHANGE_EDITED), ==, 1);
  g_assert_cmpuint (count_changes (&heard, third, POA_CHANGE_EDITED), ==, 1);
  g_assert_cmpuint (count_changes (&heard, last, POA_CHANGE_EDITED), ==, 1);
  g_assert_cmpuint (count_changes (&heard, first, POA_CHANGE_EDITED), ==, 0);
  for (guint i = 1; i < heard.changes->len; i++)
    g_assert_cmpstr (change_at (&heard, i)->property, ==, "number");
  g_assert_true (poa_changes_reorder (heard.changes));

  /* Its undo takes it out from where it was: the Nº first, as undo runs the steps backwards. */
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmpuint (heard.n_emissions, ==, 4);
  g_assert_cmpuint (heard.changes->len, ==, 16);
  g_assert_cmpint (change_at (&heard, 15)->kind, ==, POA_CHANGE_REMOVED);
  g_assert_true (change_at (&heard, 15)->object == G_OBJECT (added));
  g_assert_cmpuint (change_at (&heard, 15)->position, ==, 2);

  /* The redo puts it back. */
  g_assert_true (poa_document_redo (fixture->document, &error));
  g_assert_cmpuint (heard.n_emissions, ==, 5);
  g_assert_cmpint (change_at (&heard, 0)->kind, ==, POA_CHANGE_ADDED);
  g_assert_cmpuint (change_at (&heard, 0)->position, ==, 2);

  /* The first moved to the fourth place: it, and the Nº of the four whose places change. */
  g_assert_true (poa_document_move (fixture->document, first, 3, &error));
  g_assert_cmpint (change_at (&heard, 0)->kind, ==, POA_CHANGE_MOVED);
  g_assert_true (change_at (&heard, 0)->object == G_OBJECT (first));
  g_assert_cmpuint (change_at (&heard, 0)->from, ==, 0);
  g_assert_cmpuint (change_at (&heard, 0)->position, ==, 3);
  g_assert_cmpuint (heard.changes->len, ==, 1 + 4);

  /* Undone, it moves back. */
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_cmpint (change_at (&heard, 4)->kind, ==, POA_CHANGE_MOVED);
  g_assert_cmpuint (change_at (&heard, 4)->from, ==, 3);
  g_assert_cmpuint (change_at (&heard, 4)->position, ==, 0);

  /* Deleted: taken out from its place. */
  g_assert_true (poa_document_remove (fixture->document, last, &error));
  g_assert_cmpuint (heard.changes->len, ==, 1);
  g_assert_cmpint (change_at (&heard, 0)->kind, ==, POA_CHANGE_REMOVED);
  g_assert_cmpuint (change_at (&heard, 0)->position, ==, 16);
  g_assert_no_error (error);
  g_assert_cmpuint (heard.n_emissions, ==, 8);

  heard_clear (&heard);
}

/* ─── Notifications held until the commit ────────────────────────────────────────────────── */

typedef struct
{
  const char *path;
  gint64      id;
  guint       n_notified;
  char       *stored;   /* the unit in the file when the notification came */
} Listener;

static void
unit_notify_cb (GObject    *object,
                GParamSpec *pspec,
                Listener   *listener)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  listener->n_notified++;

  /* What another program would read from the file now, through its own connection. */
  g_assert_cmpint (sqlite3_open_v2 (listener->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT unit FROM activity WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, listener->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_free (listener->stored);
  listener->stored = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_notified_once_committed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaActivity *activity = activity_at (fixture, 0);
  Listener listener = { fixture->path, poa_activity_get_id (activity), 0, NULL };
  Heard heard = { 0 };
  sqlite3 *db = NULL;

  g_signal_connect (activity, "notify::unit", G_CALLBACK (unit_notify_cb), &listener);
  g_signal_connect (fixture->document, "changed", G_CALLBACK (changed_cb), &heard);

  /* The listener hears of the new value once it is in the file. */
  g_assert_true (poa_document_set_text (fixture->document, activity, "unit", "Apoyos", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (listener.n_notified, ==, 1);
  g_assert_cmpstr (listener.stored, ==, "Apoyos");

  /* An edit the file refuses is heard of by nobody: the value it set for a moment was never
   * committed. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse_unit BEFORE UPDATE OF unit ON activity "
                                     "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (poa_document_set_text (fixture->document, activity, "unit", "Reuniones", &error));
  g_assert_error (error, POA_STORE_ERROR, POA_STORE_ERROR_INVALID);
  g_assert_cmpuint (listener.n_notified, ==, 1);
  g_assert_cmpuint (heard.n_emissions, ==, 1);
  g_assert_cmpstr (poa_activity_get_text (activity, POA_ACTIVITY_UNIT), ==, "Apoyos");

  /* Nor is a refused undo. */
  g_clear_error (&error);
  g_assert_false (poa_document_undo (fixture->document, &error));
  g_assert_cmpuint (listener.n_notified, ==, 1);
  g_assert_cmpuint (heard.n_emissions, ==, 1);

  /* The handlers blocked for that are unblocked: the next edit is heard. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse_unit", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_error (&error);
  g_assert_true (poa_document_set_text (fixture->document, activity, "unit", "Reuniones", &error));
  g_assert_cmpuint (listener.n_notified, ==, 2);
  g_assert_cmpstr (listener.stored, ==, "Reuniones");

  g_signal_handlers_disconnect_by_data (activity, &listener);
  g_free (listener.stored);
  heard_clear (&heard);
}

/* ─── The findings, once per change ──────────────────────────────────────────────────────── */

static void
assert_runs (guint plan_before,
             guint activity_before,
             guint plan_added,
             guint activity_added)
{
  guint plan_runs, activity_runs;

  _poa_check_get_runs (&plan_runs, &activity_runs);
  g_assert_cmpuint (plan_runs - plan_before, ==, plan_added);
  g_assert_cmpuint (activity_runs - activity_before, ==, activity_added);
}

static void
test_findings_computed_once_per_change (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PoaFindings *findings = poa_document_get_findings (fixture->document);
  PoaActivity *seventh = activity_at (fixture, 6);
  PoaActivity *eighth = activity_at (fixture, 7);
  g_autoptr(GListModel) found = NULL;
  guint plan_before, activity_before, errors, warnings;

  _poa_check_get_runs (&plan_before, &activity_before);

  /* Asked for twice, computed once. The 2026 plan's one error is activity 7's end. */
  poa_findings_get_listed (findings, &errors, NULL);
  poa_findings_get_listed (findings, NULL, &warnings);
  g_assert_cmpuint (errors, ==, 1);
  g_assert_cmpuint (warnings, >, 0);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, seventh);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, seventh);
  g_assert_cmpuint (poa_check_count (found, POA_SEVERITY_ERROR), ==, 1);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, eighth);
  assert_runs (plan_before, activity_before, 1, 2);

  /* An edit of the seventh: its findings and the plan's are computed again, once each; the
   * eighth's are kept. */
  g_assert_true (poa_document_set_uint (fixture->document, seventh, "achieved",
                                        poa_activity_get_goal (seventh, POA_ACTIVITY_ACHIEVED) + 1, &error));
  g_assert_no_error (error);
  assert_runs (plan_before, activity_before, 1, 2);
  poa_findings_get_listed (findings, NULL, NULL);
  poa_findings_get_listed (findings, NULL, NULL);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, seventh);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, seventh);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, eighth);
  assert_runs (plan_before, activity_before, 2, 3);

  /* The undo, the same. */
  g_assert_true (poa_document_undo (fixture->document, &error));
  poa_findings_get_listed (findings, NULL, NULL);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, seventh);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, eighth);
  assert_runs (plan_before, activity_before, 3, 4);

  /* A new plan year changes every activity's findings: each is computed again. */
  g_assert_true (poa_document_set_uint (fixture->document, fixture->plan, "year", 2027, &error));
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, eighth);
  assert_runs (plan_before, activity_before, 3, 5);

  /* Fixing the seventh's end date takes its error away. */
  g_assert_true (poa_document_undo (fixture->document, &error));
  {
    GDate end;

    g_date_clear (&end, 1);
    g_date_set_dmy (&end, 31, 12, 2026);
    g_assert_true (poa_document_set_date (fixture->document, seventh, "end", &end, &error));
  }
  poa_findings_get_listed (findings, &errors, NULL);
  g_assert_cmpuint (errors, ==, 0);
  g_clear_object (&found);
  found = poa_findings_get_for_activity (findings, seventh);
  g_assert_cmpuint (poa_check_count (found, POA_SEVERITY_ERROR), ==, 0);
  g_assert_no_error (error);
}

/* The plan as the file holds it now, read through a new connection. */
static PoaPlan *
load_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (fixture->path, &error);
  PoaPlan *stored;

  g_assert_no_error (error);
  stored = poa_store_load_plan (store, poa_plan_get_id (fixture->plan), &error);
  g_assert_no_error (error);
  return stored;
}

/* The text rule at the document, for every caller: tab and newline are kept; Word's line
 * break (U+000B), another control character or U+FFFE is refused, naming the field, and
 * neither the model nor the file changes. */
static void
test_forbidden_character_is_refused (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char *refused[] = { "A\vB", "antes\x01" "despues", "A\xef\xbf\xbe", "C1 \xc2\x85" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) before = load_stored (fixture);
  g_autoptr(PoaPlan) after = NULL;
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2161", "Material\x1b[31m", 150000);
  PoaActivity *activity = activity_at (fixture, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (poa_document_set_text (fixture->document, activity, "name", refused[i], &error));
      g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "“name”"));
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
  g_assert_false (poa_document_set_text (fixture->document, fixture->plan, "area", "A\vB", &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+000B"));
  g_clear_error (&error);

  /* An item added brings its texts through the same rule. */
  g_assert_false (poa_document_insert (fixture->document, line, 0, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (poa_activity_get_name (activity), ==, "Corazón de Plata");
  g_assert_false (poa_document_can_undo (fixture->document));
  after = load_stored (fixture);
  g_assert_true (poa_plan_equal (before, after));

  /* Tab and newline are text. */
  g_assert_true (poa_document_set_text (fixture->document, activity, "name", "A\tB\nC", &error));
  g_assert_no_error (error);
  assert_stored (fixture);
}

/* A workbook cell holds 32,767 characters (not bytes): one more is refused. */
static void
test_too_long_text_is_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) before = load_stored (fixture);
  g_autoptr(PoaPlan) after = NULL;
  g_autofree char *longest = g_strnfill (32767, 'a');
  g_autofree char *too_long = g_strnfill (32768, 'a');
  GString *enies = g_string_new (NULL);
  PoaActivity *activity = activity_at (fixture, 1);

  g_assert_false (poa_document_set_text (fixture->document, activity, "specific-activity", too_long, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "32768"));
  g_clear_error (&error);
  g_assert_false (poa_document_can_undo (fixture->document));
  after = load_stored (fixture);
  g_assert_true (poa_plan_equal (before, after));

  g_assert_true (poa_document_set_text (fixture->document, activity, "specific-activity", longest, &error));
  g_assert_no_error (error);

  /* 32,767 ñ are 65,534 bytes, and fit. */
  for (guint i = 0; i < 32767; i++)
    g_string_append (enies, "ñ");
  g_assert_true (poa_document_set_text (fixture->document, activity, "name", enies->str, &error));
  g_assert_no_error (error);
  g_string_append (enies, "ñ");
  g_assert_false (poa_document_set_text (fixture->document, activity, "name", enies->str, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_string_free (enies, TRUE);
  assert_stored (fixture);
  g_assert_cmpuint (strlen (poa_activity_get_name (activity)), ==, 65534);
}

/* The budget total's ceiling, $ 10,000,000,000,000.00, at the document: the default plan's
 * $ 90,000.00 and nine partidas of $ 1,000,000,000,000.00 (the most one may hold) fit; a tenth
 * partida, or an amount raised past it, would make $ 10,000,000,090,000.00, and is refused. */
static void
test_total_past_ceiling_is_refused (Fixture       *fixture,
                                    gconstpointer  data)
{
  const gint64 most = G_GINT64_CONSTANT (100000000000000);
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) before = NULL;
  g_autoptr(PoaPlan) after = NULL;
  g_autoptr(PoaBudgetLine) tenth = poa_budget_line_new ("3990", "Décima", most);
  g_autoptr(PoaBudgetLine) first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_budget (fixture->plan)), 0);
  gint64 first_amount = poa_budget_line_get_centavos (first);

  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, 9000000);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("3990", "Grande", most);

      g_assert_true (poa_document_insert (fixture->document, line, G_MAXUINT, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, G_GINT64_CONSTANT (900000009000000));
  before = load_stored (fixture);

  g_assert_false (poa_document_insert (fixture->document, tenth, G_MAXUINT, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "10,000,000,000,000.00"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_false (poa_document_set_int64 (fixture->document, first, "centavos", most, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (poa_budget_line_get_centavos (first), ==, first_amount);
  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, G_GINT64_CONSTANT (900000009000000));
  after = load_stored (fixture);
  g_assert_true (poa_plan_equal (before, after));

  /* Up to the ceiling exactly is fine: the nine partidas and $ 100,000,000,000.00 less the
   * default plan's $ 90,000.00 in the tenth. */
  poa_budget_line_set_centavos (tenth, most - 9000000);
  g_assert_true (poa_document_insert (fixture->document, tenth, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (poa_plan_get_budget_total (fixture->plan), ==, G_GINT64_CONSTANT (1000000000000000));
  assert_stored (fixture);
}

/* Checks @entry field by field against figures written out here, not computed. */
static void
assert_entry (const PoaHistoryEntry *entry,
              const char            *where,
              const char            *field,
              const char            *before,
              const char            *after,
              const char            *justification)
{
  g_assert_cmpstr (entry->where, ==, where);
  g_assert_cmpstr (entry->field, ==, field);
  g_assert_cmpstr (entry->before, ==, before);
  g_assert_cmpstr (entry->after, ==, after);
  g_assert_cmpstr (entry->justification, ==, justification);
  g_assert_cmpstr (entry->by, ==, "Ana Pérez");
  g_assert_true (poa_review_date_is_valid (entry->date));
}

/* An edit, its undo and its redo are three changes in the record, in the file as in the
 * window: the undo is a change back, not an erasure. */
static void
test_edit_undo_redo_are_recorded (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  PoaActivity *second = activity_at (fixture, 1);
  GPtrArray *history;
  guint was = poa_plan_get_history (fixture->plan)->len;
  g_autofree char *old = g_strdup_printf ("%u", poa_activity_get_goal (second, POA_ACTIVITY_ANNUAL_GOAL));

  g_setenv ("POA_USER", "Ana Pérez", TRUE);
  g_assert_cmpstr (old, !=, "33");
  g_assert_true (poa_document_set_uint (fixture->document, second, "annual-goal", 33, &error));
  g_assert_no_error (error);
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_true (poa_document_redo (fixture->document, &error));
  g_assert_no_error (error);

  stored = load_stored (fixture);
  history = poa_plan_get_history (stored);
  g_assert_cmpuint (history->len, ==, was + 3);
  assert_entry (g_ptr_array_index (history, was), "activity 2", "annual_goal", old, "33", "");
  assert_entry (g_ptr_array_index (history, was + 1), "activity 2", "annual_goal", "33", old, "");
  assert_entry (g_ptr_array_index (history, was + 2), "activity 2", "annual_goal", old, "33", "");
  assert_stored (fixture);

  /* Inserting and removing an item are recorded too, by its name. */
  {
    g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("3999", "Otros servicios", 100);
    g_autoptr(PoaPlan) again = NULL;
    GPtrArray *more;

    g_assert_true (poa_document_insert (fixture->document, line, G_MAXUINT, &error));
    g_assert_no_error (error);
    g_assert_true (poa_document_remove (fixture->document, line, &error));
    g_assert_no_error (error);
    again = load_stored (fixture);
    more = poa_plan_get_history (again);
    g_assert_cmpuint (more->len, ==, was + 5);
    assert_entry (g_ptr_array_index (more, was + 3), "budget 3999", "budget", "", "3999 Otros servicios", "");
    assert_entry (g_ptr_array_index (more, was + 4), "budget 3999", "budget", "3999 Otros servicios", "", "");
  }
  g_unsetenv ("POA_USER");
}

/* An approved plan refuses an edit without a justification, and records one with it, in the
 * edit's transaction; the justification is the next edit's only. */
static void
test_approved_plan_needs_justification (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) stored = NULL;
  PoaActivity *first = activity_at (fixture, 0);
  guint goal = poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED);
  g_autofree char *goal_text = g_strdup_printf ("%u", goal);
  guint was;
  GPtrArray *history;

  g_setenv ("POA_USER", "Ana Pérez", TRUE);
  g_assert_false (poa_document_needs_justification (fixture->document));
  g_assert_true (poa_review_apply (fixture->store, fixture->plan, POA_REVIEW_SUBMIT, NULL, NULL, &error));
  g_assert_true (poa_review_apply (fixture->store, fixture->plan, POA_REVIEW_APPROVE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (poa_document_needs_justification (fixture->document));
  was = poa_plan_get_history (fixture->plan)->len;

  g_assert_false (poa_document_set_uint (fixture->document, first, "programmed", goal + 5, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED);
  g_assert_nonnull (strstr (error->message, poa_review_status_label (POA_REVIEW_APROBADO)));
  g_clear_error (&error);
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED), ==, goal);
  g_assert_false (poa_document_can_undo (fixture->document));

  /* Blank is no justification. */
  poa_document_set_justification (fixture->document, "  ");
  g_assert_false (poa_document_set_uint (fixture->document, first, "programmed", goal + 5, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);

  poa_document_set_justification (fixture->document, "Reconducción");
  g_assert_true (poa_document_set_uint (fixture->document, first, "programmed", goal + 5, &error));
  g_assert_no_error (error);

  stored = load_stored (fixture);
  {
    g_autoptr(PoaActivity) stored_first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (stored)), 0);
    g_assert_cmpuint (poa_activity_get_goal (stored_first, POA_ACTIVITY_PROGRAMMED), ==, goal + 5);
  }
  history = poa_plan_get_history (stored);
  g_assert_cmpuint (history->len, ==, was + 1);
  {
    g_autofree char *after = g_strdup_printf ("%u", goal + 5);
    assert_entry (g_ptr_array_index (history, was), "activity 1", "programmed", goal_text, after, "Reconducción");
  }

  /* The justification was that edit's: the next one is refused again, and the undo of the
   * justified edit carries its justification. */
  g_assert_false (poa_document_set_uint (fixture->document, first, "programmed", goal + 6, &error));
  g_assert_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);
  g_assert_true (poa_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_PROGRAMMED), ==, goal);
  history = poa_plan_get_history (fixture->plan);
  g_assert_cmpuint (history->len, ==, was + 2);
  g_assert_cmpstr (((PoaHistoryEntry *)g_ptr_array_index (history, was + 1))->justification, ==, "Reconducción");
  assert_stored (fixture);
  g_unsetenv ("POA_USER");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/edit/text-is-saved-and-undone", test_text_edit_is_saved_and_undone);
  ADD ("/document/edit/every-kind-of-field-is-saved", test_every_kind_of_field_is_saved);
  ADD ("/document/edit/out-of-range-is-refused", test_out_of_range_is_refused);
  ADD ("/document/edit/forbidden-character-is-refused", test_forbidden_character_is_refused);
  ADD ("/document/edit/too-long-text-is-refused", test_too_long_text_is_refused);
  ADD ("/document/edit/total-past-ceiling-is-refused", test_total_past_ceiling_is_refused);
  ADD ("/document/edit/months-follow-new-dates", test_months_follow_new_dates);
  ADD ("/document/edit/none-while-opening", test_no_edit_while_opening);
  ADD ("/document/edit/months-follow-both-new-dates", test_months_follow_both_new_dates);
  ADD ("/document/list/insert-remove-move-renumber", test_insert_remove_move_renumber);
  ADD ("/document/list/budget-and-indicators", test_budget_and_indicators_lists);
  ADD ("/document/plan/semaforo-thresholds", test_semaforo_thresholds);
  ADD ("/document/failure/refused-write-changes-nothing", test_refused_write_changes_nothing);
  ADD ("/document/history/random-session-stays-in-step", test_random_session_stays_in_step);
  ADD ("/document/history/is-announced", test_history_is_announced);
  ADD ("/document/list/duplicate-is-one-edit", test_duplicate_is_one_edit);
  ADD ("/document/changes/say-what-changed", test_changed_says_what_changed);
  ADD ("/document/changes/notified-once-committed", test_notified_once_committed);
  ADD ("/document/findings/computed-once-per-change", test_findings_computed_once_per_change);
  ADD ("/document/record/edit-undo-redo", test_edit_undo_redo_are_recorded);
  ADD ("/document/record/approved-needs-justification", test_approved_plan_needs_justification);
#undef ADD

  return g_test_run ();
}
