/* poa-change-record.c — the review and the change record as they meet the plan and the store:
 * where and what a change is, in the plan file's words, and a review step written down.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-review"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-calendar.h"
#include "poa-date.h"
#include "poa-indicator.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-signature.h"
#include "poa-store.h"
#include "poa-change-record.h"

/**
 * poa_history_where:
 * @object: the plan, a signature, an activity, an indicator or a budget line of @plan
 *
 * Returns: (transfer full): where a change happened, as `check` names it: `plan`,
 *   `activity N` (its Nº) or `budget CODE`. Signatures and indicators are part of the plan.
 */
char *
poa_history_where (PoaPlan *plan,
                   GObject *object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  if (POA_IS_ACTIVITY (object))
    return g_strdup_printf ("activity %u", poa_activity_get_number (POA_ACTIVITY (object)));
  if (POA_IS_BUDGET_LINE (object))
    return g_strdup_printf ("budget %s", poa_budget_line_get_code (POA_BUDGET_LINE (object)));
  return g_strdup ("plan");
}

/**
 * poa_history_field:
 * @object: what changed
 * @property: its property
 *
 * Returns: (transfer full): the plan file's key for the property: `annual_goal` for
 *   "annual-goal", `amount` for a budget line's centavos, `signatures[2].name` and
 *   `indicators[1].formula` for the lists the plan file numbers, and so on.
 */
char *
poa_history_field (GObject    *object,
                   const char *property)
{
  g_autofree char *key = g_strdelimit (g_strdup (property), "-", '_');

  if (POA_IS_BUDGET_LINE (object) && g_strcmp0 (property, "centavos") == 0)
    return g_strdup ("amount");

  /* The plan is not at hand here; a signature's position is its role's. */
  if (POA_IS_SIGNATURE (object))
    return g_strdup_printf ("signatures.%s.%s",
                            poa_signature_get_role (POA_SIGNATURE (object)), key);
  if (POA_IS_INDICATOR (object))
    return g_strdup_printf ("indicators.%s", key);

  return g_steal_pointer (&key);
}

static char *
calendar_text (const PoaCalendar *calendar)
{
  GString *text = g_string_new (NULL);

  if (calendar == NULL)
    return g_string_free (text, FALSE);

  for (guint month = 1; month <= 12; month++)
    {
      if (!poa_calendar_month_holds_something (calendar, month))
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%u: %u/%u", month,
                              poa_calendar_get_programmed (calendar, month),
                              poa_calendar_get_achieved (calendar, month));
      if (*poa_calendar_get_note (calendar, month) != '\0')
        g_string_append_printf (text, " %s", poa_calendar_get_note (calendar, month));
    }

  for (guint quarter = 1; quarter <= 4; quarter++)
    {
      const char *justification = poa_calendar_get_justification (calendar, quarter);

      if (justification == NULL || *justification == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "T%u: %s", quarter, justification);
    }

  return g_string_free (text, FALSE);
}

/**
 * poa_history_value_text:
 * @property: the property the value is of, for a budget line's centavos and the months
 *
 * Returns: (transfer full): a property's value as the record writes it: numbers in figures,
 *   dates ISO (empty when unknown), amounts in pesos with two decimals, the months shaded as
 *   their numbers (`1,2,3`), a calendar month by month (`3: 5/2` for programmed 5, achieved 2).
 */
char *
poa_history_value_text (const GValue *value,
                        const char   *property)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");

  if (type == G_TYPE_UINT && g_strcmp0 (property, "closed-quarters") == 0)
    return poa_closed_quarters_text (g_value_get_uint (value));

  if (type == G_TYPE_UINT && g_strcmp0 (property, "months") == 0)
    {
      GString *text = g_string_new (NULL);
      guint months = g_value_get_uint (value);

      for (guint m = 0; m < 12; m++)
        if (months & (1u << m))
          g_string_append_printf (text, "%s%u", text->len > 0 ? "," : "", m + 1);
      return g_string_free (text, FALSE);
    }

  if (type == G_TYPE_UINT)
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_INT64 && g_strcmp0 (property, "centavos") == 0)
    {
      gint64 centavos = g_value_get_int64 (value);

      return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", centavos / 100, (int)(centavos % 100));
    }
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);
      char *iso = date != NULL ? poa_date_format_iso (date) : NULL;

      return iso != NULL ? iso : g_strdup ("");
    }
  if (type == POA_TYPE_CALENDAR)
    return calendar_text (g_value_get_boxed (value));

  return g_strdup_value_contents (value);
}

/**
 * poa_history_entry_for_edit:
 * @plan: the plan @object belongs to
 * @object: what the edit changed (the plan, a signature, an activity, an indicator, a budget
 *   line), after the change
 * @property: the property that changed
 * @before: its value before
 * @after: its value after
 * @date: (nullable): when; %NULL for now
 * @by: (nullable): who; %NULL for poa_review_user_name (NULL)
 * @justification: (nullable): the change's justification
 *
 * Turns one property change of an edit, undo or redo into the record's entry.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL when the values before and after
 *   are written alike (a calendar set to an equal one): nothing to record.
 */
PoaHistoryEntry *
poa_history_entry_for_edit (PoaPlan      *plan,
                            GObject      *object,
                            const char   *property,
                            const GValue *before,
                            const GValue *after,
                            const char   *date,
                            const char   *by,
                            const char   *justification)
{
  g_autofree char *now = date == NULL ? poa_review_now () : NULL;
  g_autofree char *user = by == NULL ? poa_review_user_name (NULL) : NULL;
  g_autofree char *where = poa_history_where (plan, object);
  g_autofree char *field = poa_history_field (object, property);
  g_autofree char *before_text = poa_history_value_text (before, property);
  g_autofree char *after_text = poa_history_value_text (after, property);

  if (g_strcmp0 (before_text, after_text) == 0)
    return NULL;

  return poa_history_entry_new (date != NULL ? date : now, by != NULL ? by : user,
                                where, field, before_text, after_text, justification);
}

/**
 * poa_review_apply:
 * @store: where @plan is kept
 * @plan: the plan, as loaded from @store
 * @action: the step to take
 * @note: (nullable): its note; required to return a plan
 * @by: (nullable): who; %NULL for poa_review_user_name (NULL)
 *
 * Takes one step of the review: checks it follows from the plan's status, writes it to the
 * store and then adds it to @plan. Nothing changes when it fails.
 */
gboolean
poa_review_apply (PoaStore         *store,
                  PoaPlan          *plan,
                  PoaReviewAction   action,
                  const char       *note,
                  const char       *by,
                  GError          **error)
{
  g_autoptr(PoaReviewStep) step = NULL;
  g_autoptr(PoaObservation) observation = NULL;
  g_autofree char *now = NULL;
  g_autofree char *user = NULL;
  PoaReviewStatus next;

  g_return_val_if_fail (POA_IS_STORE (store), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);

  if (!poa_review_next_status (poa_plan_get_review_status (plan), action, note, &next, error))
    return FALSE;

  now = poa_review_now ();
  user = by == NULL ? poa_review_user_name (NULL) : NULL;
  step = poa_review_step_new (now, by != NULL ? by : user, next, note);
  /* A plan returned with observations keeps them as the plan's observations too, shown
   * where the plan's are. */
  if (action == POA_REVIEW_RETURN)
    {
      g_autofree char *text = g_strstrip (g_strdup (note));

      observation = poa_observation_new (now, by != NULL ? by : user, "plan", text);
    }
  /* In a transaction of its own like an edit, so that a plan another program restored away
   * since it was read is refused rather than its id given a step (poa_store_begin()). */
  if (!poa_store_begin (store, error))
    return FALSE;
  if (!poa_store_add_review_step (store, poa_plan_get_id (plan), step, error) ||
      (observation != NULL &&
       !poa_store_add_observation (store, poa_plan_get_id (plan), observation, error)) ||
      !poa_store_commit (store, error))
    {
      poa_store_rollback (store);
      return FALSE;
    }

  poa_plan_add_review_step (plan, g_steal_pointer (&step));
  if (observation != NULL)
    poa_plan_add_observation (plan, g_steal_pointer (&observation));
  return TRUE;
}

/**
 * poa_review_observe:
 * @store: where @plan is kept
 * @plan: the plan, as loaded from @store
 * @where: `plan`, or `activity N` for one of the plan's activities
 * @text: the observation; not empty
 * @by: (nullable): who; %NULL for poa_review_user_name (NULL)
 *
 * Adds an observation of the planning unit to the plan or to one of its activities: written
 * to the store, then to @plan. Nothing changes when it fails.
 */
gboolean
poa_review_observe (PoaStore    *store,
                    PoaPlan     *plan,
                    const char  *where,
                    const char  *text,
                    const char  *by,
                    GError     **error)
{
  g_autoptr(PoaObservation) observation = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *now = NULL;
  g_autofree char *user = NULL;

  g_return_val_if_fail (POA_IS_STORE (store), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOTE_REQUIRED,
                           _("An observation needs its text"));
      return FALSE;
    }
  if (!poa_review_where_is_valid (where))
    {
      g_set_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED,
                   _("“%s” is not a place an observation can be attached to: “plan” or “activity N”"),
                   where != NULL ? where : "");
      return FALSE;
    }
  if (g_str_has_prefix (where, "activity "))
    {
      guint64 number = g_ascii_strtoull (where + strlen ("activity "), NULL, 10);
      GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (activities) && !found; i++)
        {
          g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

          found = poa_activity_get_number (activity) == number;
        }
      if (!found)
        {
          g_set_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED,
                       _("The plan has no activity %u"), (guint)MIN (number, G_MAXUINT));
          return FALSE;
        }
    }

  now = poa_review_now ();
  user = by == NULL ? poa_review_user_name (NULL) : NULL;
  observation = poa_observation_new (now, by != NULL ? by : user, where, stripped);
  if (!poa_store_begin (store, error))
    return FALSE;
  if (!poa_store_add_observation (store, poa_plan_get_id (plan), observation, error) ||
      !poa_store_commit (store, error))
    {
      poa_store_rollback (store);
      return FALSE;
    }

  poa_plan_add_observation (plan, g_steal_pointer (&observation));
  return TRUE;
}
