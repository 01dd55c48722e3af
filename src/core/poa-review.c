/* poa-review.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-review"

#include "config.h"

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

/* The planning unit's review and the change record: plain values that the plan carries, the
 * store keeps in its own tables and the plan file writes under "review" and "history". Neither
 * is ever edited: a step or an entry is only appended. */

G_DEFINE_QUARK (poa-review-error-quark, poa_review_error)

G_DEFINE_BOXED_TYPE (PoaReviewStep, poa_review_step, poa_review_step_copy, poa_review_step_free)
G_DEFINE_BOXED_TYPE (PoaHistoryEntry, poa_history_entry, poa_history_entry_copy, poa_history_entry_free)

static const struct {
  const char *key;
  const char *label;
} statuses[POA_REVIEW_N_STATUSES] = {
  { "borrador",  N_("Draft") },
  { "enviado",   N_("Submitted") },
  { "observado", N_("Returned with observations") },
  { "aprobado",  N_("Approved") },
};

/**
 * poa_review_status_key:
 *
 * Returns: the status as the plan file and the command line write it (`borrador`, …).
 */
const char *
poa_review_status_key (PoaReviewStatus status)
{
  g_return_val_if_fail (status < POA_REVIEW_N_STATUSES, NULL);

  return statuses[status].key;
}

/**
 * poa_review_status_label:
 *
 * Returns: the status as the window shows it, translated.
 */
const char *
poa_review_status_label (PoaReviewStatus status)
{
  g_return_val_if_fail (status < POA_REVIEW_N_STATUSES, NULL);

  return _(statuses[status].label);
}

gboolean
poa_review_status_from_key (const char      *key,
                            PoaReviewStatus *status)
{
  for (guint i = 0; i < POA_REVIEW_N_STATUSES; i++)
    if (g_strcmp0 (key, statuses[i].key) == 0)
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
poa_review_action_from_verb (const char      *verb,
                             PoaReviewAction *action)
{
  static const char *verbs[] = { "submit", "return", "approve" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (verb, verbs[i]) == 0)
      {
        *action = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * poa_review_next_status:
 * @note: (nullable): the step's note; returning a plan requires one (its observations)
 *
 * The review's transitions: submit from borrador or observado to enviado; return from enviado
 * to observado, with a note; approve from enviado to aprobado. Nothing leaves aprobado.
 */
gboolean
poa_review_next_status (PoaReviewStatus  from,
                        PoaReviewAction  action,
                        const char      *note,
                        PoaReviewStatus *to,
                        GError         **error)
{
  gboolean allowed = FALSE;
  PoaReviewStatus next = from;

  switch (action)
    {
    case POA_REVIEW_SUBMIT:
      allowed = from == POA_REVIEW_BORRADOR || from == POA_REVIEW_OBSERVADO;
      next = POA_REVIEW_ENVIADO;
      break;
    case POA_REVIEW_RETURN:
      allowed = from == POA_REVIEW_ENVIADO;
      next = POA_REVIEW_OBSERVADO;
      break;
    case POA_REVIEW_APPROVE:
      allowed = from == POA_REVIEW_ENVIADO;
      next = POA_REVIEW_APROBADO;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!allowed)
    {
      if (action == POA_REVIEW_SUBMIT)
        g_set_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED,
                     _("Only a draft or a returned plan can be submitted; this one is “%s”"),
                     statuses[from].key);
      else if (action == POA_REVIEW_RETURN)
        g_set_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED,
                     _("Only a submitted plan can be returned; this one is “%s”"),
                     statuses[from].key);
      else
        g_set_error (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOT_ALLOWED,
                     _("Only a submitted plan can be approved; this one is “%s”"),
                     statuses[from].key);
      return FALSE;
    }

  if (action == POA_REVIEW_RETURN)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));

      if (*stripped == '\0')
        {
          g_set_error_literal (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_NOTE_REQUIRED,
                               _("Returning a plan requires a note with the observations"));
          return FALSE;
        }
    }

  *to = next;
  return TRUE;
}

/**
 * poa_review_allows_change:
 * @justification: (nullable): the change's justification
 *
 * An approved plan is read-only: a change to it is a *modificación*, and needs a justification.
 */
gboolean
poa_review_allows_change (PoaReviewStatus  status,
                          const char      *justification,
                          GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (justification != NULL ? justification : ""));

  if (status != POA_REVIEW_APROBADO || *stripped != '\0')
    return TRUE;

  g_set_error_literal (error, POA_REVIEW_ERROR, POA_REVIEW_ERROR_JUSTIFICATION_REQUIRED,
                       _("The plan is approved: a change to it requires a justification"));
  return FALSE;
}

/**
 * poa_review_now:
 *
 * Returns: (transfer full): the present moment as the record writes it, ISO 8601 in UTC to
 *   the second (`2026-12-05T04:05:06Z`).
 */
char *
poa_review_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * poa_review_date_is_valid:
 *
 * Whether @date is an ISO 8601 date-time with its offset, as the plan file requires.
 */
gboolean
poa_review_date_is_valid (const char *date)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (date == NULL || *date == '\0')
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (date, NULL);
  return parsed != NULL;
}

/**
 * poa_review_user_name:
 * @preferred: (nullable): the name the window's preferences hold
 *
 * Who makes a change or a review step: `$POA_USER` when set, else @preferred, else the
 * account's real name, else its login name.
 *
 * Returns: (transfer full): the name, never empty.
 */
char *
poa_review_user_name (const char *preferred)
{
  const char *env = g_getenv ("POA_USER");
  const char *real;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (preferred != NULL && *preferred != '\0')
    return g_strdup (preferred);

  /* GLib says "Unknown" when the account has no real name. */
  real = g_get_real_name ();
  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (g_get_user_name ());
}

PoaReviewStep *
poa_review_step_new (const char      *date,
                     const char      *by,
                     PoaReviewStatus  status,
                     const char      *note)
{
  PoaReviewStep *step = g_new0 (PoaReviewStep, 1);

  g_return_val_if_fail (status < POA_REVIEW_N_STATUSES, NULL);

  step->date = g_strdup (date != NULL ? date : "");
  step->by = g_strdup (by != NULL ? by : "");
  step->status = status;
  step->note = g_strdup (note != NULL ? note : "");
  return step;
}

PoaReviewStep *
poa_review_step_copy (const PoaReviewStep *step)
{
  return poa_review_step_new (step->date, step->by, step->status, step->note);
}

void
poa_review_step_free (PoaReviewStep *step)
{
  if (step == NULL)
    return;

  g_free (step->date);
  g_free (step->by);
  g_free (step->note);
  g_free (step);
}

gboolean
poa_review_step_equal (const PoaReviewStep *a,
                       const PoaReviewStep *b)
{
  return g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->by, b->by) == 0 &&
         a->status == b->status &&
         g_strcmp0 (a->note, b->note) == 0;
}

PoaHistoryEntry *
poa_history_entry_new (const char *date,
                       const char *by,
                       const char *where,
                       const char *field,
                       const char *before,
                       const char *after,
                       const char *justification)
{
  PoaHistoryEntry *entry = g_new0 (PoaHistoryEntry, 1);

  entry->date = g_strdup (date != NULL ? date : "");
  entry->by = g_strdup (by != NULL ? by : "");
  entry->where = g_strdup (where != NULL ? where : "");
  entry->field = g_strdup (field != NULL ? field : "");
  entry->before = g_strdup (before != NULL ? before : "");
  entry->after = g_strdup (after != NULL ? after : "");
  entry->justification = g_strdup (justification != NULL ? justification : "");
  return entry;
}

PoaHistoryEntry *
poa_history_entry_copy (const PoaHistoryEntry *entry)
{
  return poa_history_entry_new (entry->date, entry->by, entry->where, entry->field,
                                entry->before, entry->after, entry->justification);
}

void
poa_history_entry_free (PoaHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->date);
  g_free (entry->by);
  g_free (entry->where);
  g_free (entry->field);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->justification);
  g_free (entry);
}

gboolean
poa_history_entry_equal (const PoaHistoryEntry *a,
                         const PoaHistoryEntry *b)
{
  return g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->by, b->by) == 0 &&
         g_strcmp0 (a->where, b->where) == 0 &&
         g_strcmp0 (a->field, b->field) == 0 &&
         g_strcmp0 (a->before, b->before) == 0 &&
         g_strcmp0 (a->after, b->after) == 0 &&
         g_strcmp0 (a->justification, b->justification) == 0;
}

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
  /* In a transaction of its own like an edit, so that a plan another program restored away
   * since it was read is refused rather than its id given a step (poa_store_begin()). */
  if (!poa_store_begin (store, error))
    return FALSE;
  if (!poa_store_add_review_step (store, poa_plan_get_id (plan), step, error) ||
      !poa_store_commit (store, error))
    {
      poa_store_rollback (store);
      return FALSE;
    }

  poa_plan_add_review_step (plan, g_steal_pointer (&step));
  return TRUE;
}
