/* poa-review.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-review"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "poa-review.h"

#include <string.h>

/* The planning unit's review and the change record: plain values that the plan carries, the
 * store keeps in its own tables and the plan file writes under "review" and "history". Neither
 * is ever edited: a step or an entry is only appended. */

G_DEFINE_QUARK (poa-review-error-quark, poa_review_error)

G_DEFINE_BOXED_TYPE (PoaReviewStep, poa_review_step, poa_review_step_copy, poa_review_step_free)
G_DEFINE_BOXED_TYPE (PoaHistoryEntry, poa_history_entry, poa_history_entry_copy, poa_history_entry_free)
G_DEFINE_BOXED_TYPE (PoaObservation, poa_observation, poa_observation_copy, poa_observation_free)

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

/* The application's settings, when its schema is installed and has the user's name: GSettings
 * is GIO, so the command line reads the window's preference too, with no GTK. Made once per
 * process and kept, so that a name changed in the window's preferences is used at once. */
static GSettings *
settings_with_user_name (void)
{
  static gsize once = 0;
  static GSettings *settings = NULL;

  if (g_once_init_enter (&once))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "user-name"))
        settings = g_settings_new_full (schema, NULL, NULL);
      g_once_init_leave (&once, 1);
    }

  return settings;
}

/**
 * poa_review_preferred_user_name:
 *
 * Returns: (transfer full) (nullable): the name set in the window's preferences (the settings
 *   key `user-name`), or %NULL when none is set or the settings schema is not installed.
 */
char *
poa_review_preferred_user_name (void)
{
  GSettings *settings = settings_with_user_name ();
  g_autofree char *name = NULL;

  if (settings == NULL)
    return NULL;

  name = g_strstrip (g_settings_get_string (settings, "user-name"));
  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}

/**
 * poa_review_set_preferred_user_name:
 * @name: (nullable): the name, or %NULL or empty for none
 *
 * Keeps @name as the user's name in the settings (the window's preferences).
 *
 * Returns: %FALSE when the settings schema is not installed (nothing is kept).
 */
gboolean
poa_review_set_preferred_user_name (const char *name)
{
  GSettings *settings = settings_with_user_name ();
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (settings == NULL)
    return FALSE;

  return g_settings_set_string (settings, "user-name", stripped);
}

/**
 * poa_review_user_name:
 * @preferred: (nullable): the name the window's preferences hold
 *
 * Who makes a change or a review step: `$POA_USER` when set, else @preferred, else the name
 * in the window's preferences (poa_review_preferred_user_name()), else the account's real
 * name, else its login name.
 *
 * Returns: (transfer full): the name, never empty.
 */
char *
poa_review_user_name (const char *preferred)
{
  const char *env = g_getenv ("POA_USER");
  g_autofree char *from_settings = NULL;
  const char *real;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (preferred != NULL && *preferred != '\0')
    return g_strdup (preferred);
  if ((from_settings = poa_review_preferred_user_name ()) != NULL)
    return g_steal_pointer (&from_settings);

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

PoaObservation *
poa_observation_new (const char *date,
                     const char *by,
                     const char *where,
                     const char *text)
{
  PoaObservation *observation = g_new0 (PoaObservation, 1);

  observation->date = g_strdup (date != NULL ? date : "");
  observation->by = g_strdup (by != NULL ? by : "");
  observation->where = g_strdup (where != NULL && *where != '\0' ? where : "plan");
  observation->text = g_strdup (text != NULL ? text : "");
  return observation;
}

PoaObservation *
poa_observation_copy (const PoaObservation *observation)
{
  return poa_observation_new (observation->date, observation->by, observation->where,
                              observation->text);
}

void
poa_observation_free (PoaObservation *observation)
{
  if (observation == NULL)
    return;

  g_free (observation->date);
  g_free (observation->by);
  g_free (observation->where);
  g_free (observation->text);
  g_free (observation);
}

gboolean
poa_observation_equal (const PoaObservation *a,
                       const PoaObservation *b)
{
  return g_strcmp0 (a->date, b->date) == 0 && g_strcmp0 (a->by, b->by) == 0 &&
         g_strcmp0 (a->where, b->where) == 0 && g_strcmp0 (a->text, b->text) == 0;
}

/**
 * poa_review_where_is_valid:
 *
 * Whether @where names a place an observation can be attached to, as `check` names it:
 * `plan`, or `activity N` with N from 1.
 */
gboolean
poa_review_where_is_valid (const char *where)
{
  const char *number;
  guint64 n = 0;

  if (g_strcmp0 (where, "plan") == 0)
    return TRUE;
  if (where == NULL || !g_str_has_prefix (where, "activity "))
    return FALSE;

  number = where + strlen ("activity ");
  return g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &n, NULL);
}

/**
 * poa_closed_quarters_text:
 * @quarters: a set of quarters, bit Q − 1 for quarter Q
 *
 * Returns: (transfer full): the quarters as `1,2`, empty for none.
 */
char *
poa_closed_quarters_text (guint quarters)
{
  GString *text = g_string_new (NULL);

  for (guint q = 1; q <= 4; q++)
    if (quarters & (1u << (q - 1)))
      g_string_append_printf (text, "%s%u", text->len > 0 ? "," : "", q);

  return g_string_free (text, FALSE);
}

/**
 * poa_closed_quarters_parse:
 * @text: quarters as `1,2` (spaces allowed), or empty for none
 * @quarters: (out): the set, bit Q − 1 for quarter Q
 *
 * Returns: %FALSE when @text holds anything but quarters 1 to 4 separated by commas.
 */
gboolean
poa_closed_quarters_parse (const char *text,
                           guint      *quarters)
{
  g_auto(GStrv) parts = NULL;
  guint set = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      guint64 q = 0;

      if (*part == '\0' && parts[1] == NULL)
        break;
      if (!g_ascii_string_to_unsigned (part, 10, 1, 4, &q, NULL))
        return FALSE;
      set |= 1u << (q - 1);
    }

  *quarters = set;
  return TRUE;
}
