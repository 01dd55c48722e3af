/* poa-plan-json.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-plan-json"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <jansson.h>

#include "poa-activity.h"
#include "poa-atomic-file.h"
#include "poa-budget-line.h"
#include "poa-date.h"
#include "poa-indicator.h"
#include "poa-money.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-signature.h"
#include "poa-validate.h"

/* The plan file of ../shared/spec/cli-and-plan-json.md. Reading is strict: a key that is not
 * in the format is an error naming it (a typo must not silently lose data), and every value is
 * checked for type and range, so that what reaches the store is already valid.
 *
 * The grammar is RFC 8259's, and the parser, jansson, enforces it by itself: json-glib read
 * 05000 as octal, 0X1F as hex, let the last of two equal keys win (a second "activities": []
 * dropped every activity) and ignored what followed the plan. jansson refuses leading zeros,
 * hex and anything after the document, and a key repeated in an object with
 * JSON_REJECT_DUPLICATES. JSON_DECODE_ANY only lets a file that is a lone value ("5") be
 * called "not an object" like "[1, 2]" is; JSON_ALLOW_NUL keeps a "\u0000" in a text, for the
 * text rule to refuse naming the field rather than cutting the text there; every number is
 * read as a double (JSON_DECODE_INT_AS_REAL), exact for every range the format allows, so that
 * 2^63 is "too large" like 1e300 rather than a syntax error. */

#define FORMAT_NAME "poa-plan"
#define FORMAT_VERSION 2
/* What a file without any of version 2's keys says, so that such a plan is written as before. */
#define FORMAT_VERSION_1 1

G_DEFINE_QUARK (poa-plan-json-error-quark, poa_plan_json_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_t, json_decref)

typedef struct
{
  const char *filename;
  /* Where in the plan the value being read is, for messages: "activity 3", "budget line 2". */
  const char *where;
} Reader;

static const char *plan_keys[] = {
  "format", "version", "year", "municipality", "administration", "direction", "area",
  "objective", "specific_objectives", "observations", "semaforo_green", "semaforo_yellow",
  "tolerance_low", "tolerance_high", "signatures", "activities", "indicators", "budget",
  "review", "history", "review_observations", "closed_quarters", NULL
};
static const char *review_keys[] = { "status", "history", NULL };
static const char *review_step_keys[] = { "date", "by", "status", "note", NULL };
static const char *observation_keys[] = { "date", "by", "where", "text", NULL };
static const char *history_keys[] = {
  "date", "by", "where", "field", "before", "after", "justification", NULL
};
static const char *activity_keys[] = {
  "number", "name", "strategic_axis", "strategic_line", "action_line", "specific_activity",
  "responsible", "unit", "annual_goal", "programmed", "achieved", "start", "end", "months",
  "calendar", "justifications", NULL
};
static const char *month_keys[] = { "month", "programmed", "achieved", "note", NULL };
static const char *justification_keys[] = { "quarter", "text", NULL };
static const char *signature_keys[] = { "role", "name", "title", NULL };
static const char *indicator_keys[] = { "name", "variables", "formula", NULL };
static const char *budget_keys[] = { "code", "name", "amount", NULL };

/* How many unknown keys a message names before it only counts the rest: a file of 100,000
 * made a line of 1.4 MB. */
#define MAX_NAMED_KEYS 5

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Reader     *reader,
      GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->where != NULL)
    g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_INVALID,
                 "%s: %s: %s", reader->filename, reader->where, message);
  else
    g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_INVALID,
                 "%s: %s", reader->filename, message);
  return FALSE;
}

static gboolean
check_keys (Reader      *reader,
            json_t      *object,
            const char **allowed,
            GError     **error)
{
  g_autoptr(GString) unknown = NULL;
  guint n_unknown = 0;
  const char *key;
  json_t *value;

  json_object_foreach (object, key, value)
    {
      g_autofree char *name = NULL;

      if (g_strv_contains (allowed, key))
        continue;

      n_unknown++;
      if (n_unknown > MAX_NAMED_KEYS)
        continue;

      if (unknown == NULL)
        unknown = g_string_new (NULL);
      else
        g_string_append (unknown, ", ");
      /* Quoted with its control characters escaped: a key is the user's text, and the message
       * goes to a terminal. */
      name = poa_text_quote_for_message (key, -1);
      g_string_append (unknown, name);
    }

  if (unknown == NULL)
    return TRUE;

  if (n_unknown > MAX_NAMED_KEYS)
    {
      guint more = n_unknown - MAX_NAMED_KEYS;

      g_string_append_printf (unknown,
                              g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", more),
                              more);
    }

  return fail (reader, error,
               g_dngettext (GETTEXT_PACKAGE, "unknown key %s", "unknown keys %s", n_unknown),
               unknown->str);
}

static gboolean
get_object (Reader      *reader,
            json_t      *node,
            const char  *what,
            json_t     **object,
            GError     **error)
{
  if (node == NULL || !json_is_object (node))
    return fail (reader, error, _("%s must be an object { … }"), what);

  *object = node;
  return TRUE;
}

static gboolean
get_array (Reader     *reader,
           json_t     *object,
           const char *key,
           json_t    **array,
           GError    **error)
{
  json_t *node = json_object_get (object, key);

  *array = NULL;
  if (node == NULL || json_is_null (node))
    return TRUE;

  if (!json_is_array (node))
    return fail (reader, error, _("“%s” must be a list [ … ]"), key);

  *array = node;
  return TRUE;
}

/* A missing or null text is the empty string. */
static gboolean
get_text (Reader      *reader,
          json_t      *object,
          const char  *key,
          const char **text,
          GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  json_t *node = json_object_get (object, key);

  *text = NULL;
  if (node == NULL || json_is_null (node))
    return TRUE;

  if (!json_is_string (node))
    return fail (reader, error, _("“%s” must be text in quotes"), key);

  /* jansson refuses a \u escape of half a UTF-16 pair ("\ud800") itself; this stays in case
   * a text ever reaches here that is not UTF-8, for it would reach the database, the window
   * and the next export. */
  if (!g_utf8_validate_len (json_string_value (node), json_string_length (node), NULL) &&
      memchr (json_string_value (node), '\0', json_string_length (node)) == NULL)
    return fail (reader, error, _("“%s” holds a \\u escape that is not a character"), key);

  /* The text rule, on the whole text: "antes\u0000despues" is refused, not stored as "antes". */
  if (!poa_validate_text (json_string_value (node), json_string_length (node), key, &text_error))
    return fail (reader, error, "%s", text_error->message);

  *text = json_string_value (node);
  return TRUE;
}

/* A whole number from @min to @max; 20.0 is accepted as 20, 2.5 is not. */
static gboolean
get_whole (Reader     *reader,
           json_t     *node,
           const char *key,
           gint64      min,
           gint64      max,
           gint64     *value,
           GError    **error)
{
  if (node != NULL && json_is_number (node))
    {
      double number = json_number_value (node);

      /* Range first: casting 1e300 (or NaN) to an integer is undefined behaviour. */
      if (number >= (double)min && number <= (double)max && number == (double)(gint64)number)
        {
          *value = (gint64)number;
          return TRUE;
        }
    }

  return fail (reader, error,
               _("“%s” must be a whole number from %lld to %lld"),
               key, (long long)min, (long long)max);
}

static gboolean
get_goal (Reader     *reader,
          json_t     *object,
          const char *key,
          guint      *goal,
          GError    **error)
{
  json_t *node = json_object_get (object, key);
  gint64 value = 0;

  if (node == NULL)
    {
      *goal = 0;
      return TRUE;
    }

  if (!get_whole (reader, node, key, 0, POA_GOAL_MAX, &value, error))
    return FALSE;

  *goal = (guint)value;
  return TRUE;
}

static gboolean
get_date (Reader     *reader,
          json_t     *object,
          const char *key,
          GDate      *date,
          gboolean   *present,
          GError    **error)
{
  json_t *node = json_object_get (object, key);

  g_date_clear (date, 1);
  *present = FALSE;

  if (node == NULL || json_is_null (node))
    return TRUE;

  if (!json_is_string (node) ||
      strlen (json_string_value (node)) != json_string_length (node) ||
      !poa_date_parse_iso (json_string_value (node), date))
    return fail (reader, error, _("“%s” must be a real date written YYYY-MM-DD, or null"), key);

  *present = TRUE;
  return TRUE;
}

static gboolean
get_months (Reader     *reader,
            json_t     *array,
            guint      *months,
            GError    **error)
{
  *months = 0;

  for (gsize i = 0; i < json_array_size (array); i++)
    {
      gint64 month = 0;

      if (!get_whole (reader, json_array_get (array, i), "months", 1, 12, &month, error))
        return FALSE;
      *months |= 1u << (month - 1);
    }

  return TRUE;
}

/* "calendar": the months that hold something, each at most once; their achieved never add up
 * to more than the activity's (what they leave over is achieved without a month). */
static gboolean
read_calendar (Reader      *reader,
               json_t      *object,
               PoaActivity *activity,
               GError     **error)
{
  g_autoptr(PoaCalendar) calendar = NULL;
  json_t *months, *justifications;
  guint seen = 0;
  guint64 achieved = 0;

  if (!get_array (reader, object, "calendar", &months, error) ||
      !get_array (reader, object, "justifications", &justifications, error))
    return FALSE;
  if (months == NULL && justifications == NULL)
    return TRUE;

  calendar = poa_calendar_new ();
  for (gsize i = 0; months != NULL && i < json_array_size (months); i++)
    {
      json_t *entry = NULL;
      gint64 month = 0;
      guint programmed, month_achieved;
      const char *note;

      if (!get_object (reader, json_array_get (months, i), _("a month of “calendar”"), &entry, error) ||
          !check_keys (reader, entry, month_keys, error) ||
          !get_whole (reader, json_object_get (entry, "month"), "month", 1, 12, &month, error) ||
          !get_goal (reader, entry, "programmed", &programmed, error) ||
          !get_goal (reader, entry, "achieved", &month_achieved, error) ||
          !get_text (reader, entry, "note", &note, error))
        return FALSE;

      if (seen & (1u << (month - 1)))
        return fail (reader, error, _("“calendar” holds month %d more than once"), (int)month);
      seen |= 1u << (month - 1);

      achieved += month_achieved;
      poa_calendar_set_month (calendar, (guint)month, programmed, month_achieved, note);
    }

  if (achieved > poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED))
    return fail (reader, error,
                 _("the months of “calendar” achieved %llu, more than “achieved”, %u"),
                 (unsigned long long)achieved, poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED));

  seen = 0;
  for (gsize i = 0; justifications != NULL && i < json_array_size (justifications); i++)
    {
      json_t *entry = NULL;
      gint64 quarter = 0;
      const char *text;

      if (!get_object (reader, json_array_get (justifications, i), _("a justification"), &entry, error) ||
          !check_keys (reader, entry, justification_keys, error) ||
          !get_whole (reader, json_object_get (entry, "quarter"), "quarter", 1, 4, &quarter, error) ||
          !get_text (reader, entry, "text", &text, error))
        return FALSE;

      if (seen & (1u << (quarter - 1)))
        return fail (reader, error, _("“justifications” holds quarter %d more than once"), (int)quarter);
      seen |= 1u << (quarter - 1);

      poa_calendar_set_justification (calendar, (guint)quarter, text);
    }

  poa_activity_set_calendar (activity, calendar);
  return TRUE;
}

static gboolean
read_activity (Reader      *reader,
               json_t      *node,
               guint        position,
               guint        year,
               PoaActivity *activity,
               GError     **error)
{
  json_t *object = NULL;
  json_t *months_array;
  GDate start, end;
  gboolean has_start, has_end;
  guint months;
  gint64 number = position + 1;

  if (!get_object (reader, node, _("an activity"), &object, error) ||
      !check_keys (reader, object, activity_keys, error))
    return FALSE;

  if (json_object_get (object, "number") != NULL &&
      !get_whole (reader, json_object_get (object, "number"), "number",
                  0, G_MAXINT32, &number, error))
    return FALSE;
  poa_activity_set_number (activity, (guint)number);

  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    {
      const char *text;

      if (!get_text (reader, object, poa_activity_text_key (i), &text, error))
        return FALSE;
      poa_activity_set_text (activity, i, text);
    }

  for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
    {
      guint goal;

      if (!get_goal (reader, object, poa_activity_goal_key (i), &goal, error))
        return FALSE;
      poa_activity_set_goal (activity, i, goal);
    }

  if (!get_date (reader, object, "start", &start, &has_start, error) ||
      !get_date (reader, object, "end", &end, &has_end, error))
    return FALSE;
  poa_activity_set_start (activity, has_start ? &start : NULL);
  poa_activity_set_end (activity, has_end ? &end : NULL);

  if (!get_array (reader, object, "months", &months_array, error))
    return FALSE;

  /* Without "months", the cronograma shades what the dates cover within the plan year. */
  if (months_array == NULL)
    months = poa_months_from_range (has_start ? &start : NULL, has_end ? &end : NULL, year);
  else if (!get_months (reader, months_array, &months, error))
    return FALSE;
  poa_activity_set_months (activity, months);

  return read_calendar (reader, object, activity, error);
}

static gboolean
read_activities (Reader     *reader,
                 json_t     *root,
                 PoaPlan    *plan,
                 GError    **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  json_t *array;
  guint n;

  if (!get_array (reader, root, "activities", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_size (array);
  activities = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf (_("activity %u"), i + 1);
      PoaActivity *activity = poa_activity_new ();

      g_ptr_array_add (activities, activity);
      reader->where = where;
      if (!read_activity (reader, json_array_get (array, i), i,
                          poa_plan_get_year (plan), activity, error))
        return FALSE;
    }
  reader->where = NULL;

  g_list_store_splice (poa_plan_get_activities (plan), 0, 0, activities->pdata, activities->len);
  return TRUE;
}

static gboolean
read_signatures (Reader     *reader,
                 json_t     *root,
                 PoaPlan    *plan,
                 GError    **error)
{
  json_t *array;

  if (!get_array (reader, root, "signatures", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  if (json_array_size (array) > POA_PLAN_N_SIGNATURES)
    return fail (reader, error, _("“signatures” holds at most three blocks: Elaboró, Revisó, Aprobó"));

  for (guint i = 0; i < json_array_size (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("signature %u"), i + 1);
      PoaSignature *signature = poa_plan_get_signature (plan, i);
      const char *role, *name, *title;
      json_t *object = NULL;

      reader->where = where;
      if (!get_object (reader, json_array_get (array, i), _("a signature"), &object, error) ||
          !check_keys (reader, object, signature_keys, error) ||
          !get_text (reader, object, "role", &role, error) ||
          !get_text (reader, object, "name", &name, error) ||
          !get_text (reader, object, "title", &title, error))
        return FALSE;

      /* A block without its role keeps the official one for its place. */
      if (role != NULL)
        poa_signature_set_role (signature, role);
      poa_signature_set_name (signature, name);
      poa_signature_set_title (signature, title);
    }
  reader->where = NULL;

  return TRUE;
}

static gboolean
read_indicators (Reader     *reader,
                 json_t     *root,
                 PoaPlan    *plan,
                 GError    **error)
{
  json_t *array;

  if (!get_array (reader, root, "indicators", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_size (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("indicator %u"), i + 1);
      g_autoptr(PoaIndicator) indicator = NULL;
      const char *name, *variables, *formula;
      json_t *object = NULL;

      reader->where = where;
      if (!get_object (reader, json_array_get (array, i), _("an indicator"), &object, error) ||
          !check_keys (reader, object, indicator_keys, error) ||
          !get_text (reader, object, "name", &name, error) ||
          !get_text (reader, object, "variables", &variables, error) ||
          !get_text (reader, object, "formula", &formula, error))
        return FALSE;

      indicator = poa_indicator_new (name, variables, formula);
      g_list_store_append (poa_plan_get_indicators (plan), indicator);
    }
  reader->where = NULL;

  return TRUE;
}

static gboolean
read_budget (Reader     *reader,
             json_t     *root,
             PoaPlan    *plan,
             GError    **error)
{
  json_t *array;
  gint64 total = 0;

  if (!get_array (reader, root, "budget", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_size (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("budget line %u"), i + 1);
      g_autoptr(PoaBudgetLine) line = NULL;
      g_autoptr(GError) money_error = NULL;
      const char *code, *name;
      json_t *object = NULL;
      json_t *amount;
      gint64 centavos = 0;

      reader->where = where;
      if (!get_object (reader, json_array_get (array, i), _("a budget line"), &object, error) ||
          !check_keys (reader, object, budget_keys, error) ||
          !get_text (reader, object, "code", &code, error) ||
          !get_text (reader, object, "name", &name, error))
        return FALSE;

      amount = json_object_get (object, "amount");
      if (amount != NULL && !json_is_null (amount))
        {
          if (!json_is_number (amount))
            return fail (reader, error, _("“amount” must be a number of pesos, like 5000.00"));

          if (!poa_money_from_pesos (json_number_value (amount), &centavos, &money_error))
            return fail (reader, error, "“amount”: %s", money_error->message);
        }

      /* Each amount is at most POA_MONEY_MAX_CENTAVOS, so the sum cannot overflow before the
       * check stops it. */
      total += centavos;
      if (!poa_money_check_total (total, &money_error))
        return fail (reader, error, "“amount”: %s", money_error->message);

      line = poa_budget_line_new (code, name, centavos);
      g_list_store_append (poa_plan_get_budget (plan), line);
    }
  reader->where = NULL;

  return TRUE;
}

/* The semáforo's thresholds are optional keys: a plan file without them (every file written
 * before they existed) gets the defaults. */
static gboolean
read_semaforo (Reader     *reader,
               json_t     *root,
               PoaPlan    *plan,
               GError    **error)
{
  gint64 green = POA_SEMAFORO_DEFAULT_GREEN, yellow = POA_SEMAFORO_DEFAULT_YELLOW;

  if (json_object_get (root, "semaforo_green") != NULL &&
      !get_whole (reader, json_object_get (root, "semaforo_green"), "semaforo_green",
                  0, POA_SEMAFORO_MAX, &green, error))
    return FALSE;

  if (json_object_get (root, "semaforo_yellow") != NULL &&
      !get_whole (reader, json_object_get (root, "semaforo_yellow"), "semaforo_yellow",
                  0, POA_SEMAFORO_MAX, &yellow, error))
    return FALSE;

  poa_plan_set_semaforo_green (plan, (guint)green);
  poa_plan_set_semaforo_yellow (plan, (guint)yellow);
  return TRUE;
}

/* The tolerance band, version 2: absent, the defaults 90 and 110. */
static gboolean
read_tolerance (Reader     *reader,
                json_t     *root,
                PoaPlan    *plan,
                GError    **error)
{
  gint64 low = POA_TOLERANCE_DEFAULT_LOW, high = POA_TOLERANCE_DEFAULT_HIGH;

  if (json_object_get (root, "tolerance_low") != NULL &&
      !get_whole (reader, json_object_get (root, "tolerance_low"), "tolerance_low",
                  0, POA_TOLERANCE_MAX, &low, error))
    return FALSE;

  if (json_object_get (root, "tolerance_high") != NULL &&
      !get_whole (reader, json_object_get (root, "tolerance_high"), "tolerance_high",
                  0, POA_TOLERANCE_MAX, &high, error))
    return FALSE;

  if (low > high)
    return fail (reader, error, _("“tolerance_low” (%d) is above “tolerance_high” (%d)"),
                 (int)low, (int)high);

  poa_plan_set_tolerance (plan, (guint)low, (guint)high);
  return TRUE;
}

/* An ISO 8601 date-time with its offset, as the review and the record write them. */
static gboolean
get_date_time (Reader      *reader,
               json_t      *object,
               const char  *key,
               const char **text,
               GError     **error)
{
  if (!get_text (reader, object, key, text, error))
    return FALSE;
  if (*text == NULL || !poa_review_date_is_valid (*text))
    return fail (reader, error, _("“%s” must be a date and time like 2026-03-31T12:00:00Z"), key);
  return TRUE;
}

static gboolean
get_review_status (Reader          *reader,
                   json_t          *object,
                   PoaReviewStatus *status,
                   GError         **error)
{
  const char *key;

  if (!get_text (reader, object, "status", &key, error))
    return FALSE;
  if (!poa_review_status_from_key (key, status))
    return fail (reader, error,
                 _("“status” must be one of borrador, enviado, observado, aprobado"));
  return TRUE;
}

/* Version 2's "review": absent, a draft never reviewed. */
static gboolean
read_review (Reader     *reader,
             json_t     *root,
             PoaPlan    *plan,
             GError    **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  json_t *node = json_object_get (root, "review");
  json_t *object = NULL;
  json_t *array;
  PoaReviewStatus status = POA_REVIEW_BORRADOR;

  if (node == NULL || json_is_null (node))
    return TRUE;

  reader->where = "review";
  if (!get_object (reader, node, "“review”", &object, error) ||
      !check_keys (reader, object, review_keys, error) ||
      !get_review_status (reader, object, &status, error) ||
      !get_array (reader, object, "history", &array, error))
    return FALSE;

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_review_step_free);
  for (guint i = 0; array != NULL && i < json_array_size (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("review step %u"), i + 1);
      const char *date, *by, *note;
      PoaReviewStatus step_status;
      json_t *entry = NULL;

      reader->where = where;
      if (!get_object (reader, json_array_get (array, i), _("a review step"), &entry, error) ||
          !check_keys (reader, entry, review_step_keys, error) ||
          !get_date_time (reader, entry, "date", &date, error) ||
          !get_text (reader, entry, "by", &by, error) ||
          !get_review_status (reader, entry, &step_status, error) ||
          !get_text (reader, entry, "note", &note, error))
        return FALSE;
      g_ptr_array_add (steps, poa_review_step_new (date, by, step_status, note));
    }
  reader->where = NULL;

  poa_plan_set_review (plan, status, g_steal_pointer (&steps));
  return TRUE;
}

/* Version 2's "history", the change record: kept as it is, oldest first. */
static gboolean
read_history (Reader     *reader,
              json_t     *root,
              PoaPlan    *plan,
              GError    **error)
{
  json_t *array;

  if (!get_array (reader, root, "history", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_size (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("history entry %u"), i + 1);
      const char *date, *by, *place, *field, *before, *after, *justification;
      json_t *entry = NULL;

      reader->where = where;
      if (!get_object (reader, json_array_get (array, i), _("a history entry"), &entry, error) ||
          !check_keys (reader, entry, history_keys, error) ||
          !get_date_time (reader, entry, "date", &date, error) ||
          !get_text (reader, entry, "by", &by, error) ||
          !get_text (reader, entry, "where", &place, error) ||
          !get_text (reader, entry, "field", &field, error) ||
          !get_text (reader, entry, "before", &before, error) ||
          !get_text (reader, entry, "after", &after, error) ||
          !get_text (reader, entry, "justification", &justification, error))
        return FALSE;
      poa_plan_add_history_entry (plan, poa_history_entry_new (date, by, place, field, before,
                                                               after, justification));
    }
  reader->where = NULL;

  return TRUE;
}

/* An extension of version 2 (README, "Observations and closed quarters"): the planning unit's
 * "review_observations", oldest first, and the "closed_quarters"; absent, none. */
static gboolean
read_observations_and_closed_quarters (Reader     *reader,
                                       json_t     *root,
                                       PoaPlan    *plan,
                                       GError    **error)
{
  json_t *array;
  guint closed = 0;

  if (!get_array (reader, root, "review_observations", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_size (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("observation %u"), i + 1);
      const char *date, *by, *place, *text;
      json_t *entry = NULL;

      reader->where = where;
      if (!get_object (reader, json_array_get (array, i), _("an observation"), &entry, error) ||
          !check_keys (reader, entry, observation_keys, error) ||
          !get_date_time (reader, entry, "date", &date, error) ||
          !get_text (reader, entry, "by", &by, error) ||
          !get_text (reader, entry, "where", &place, error) ||
          !get_text (reader, entry, "text", &text, error))
        return FALSE;
      if (!poa_review_where_is_valid (place))
        return fail (reader, error, _("“where” must be “plan” or “activity N”"));
      poa_plan_add_observation (plan, poa_observation_new (date, by, place, text));
    }
  reader->where = NULL;

  if (!get_array (reader, root, "closed_quarters", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_size (array); i++)
    {
      gint64 quarter = 0;

      if (!get_whole (reader, json_array_get (array, i), "closed_quarters", 1, 4, &quarter, error))
        return FALSE;
      closed |= 1u << (quarter - 1);
    }
  poa_plan_set_closed_quarters (plan, closed);

  return TRUE;
}

static gboolean
read_plan (Reader     *reader,
           json_t     *root_node,
           PoaPlan    *plan,
           GError    **error)
{
  json_t *root = NULL;
  const char *format;
  gint64 version = 0, year = 0;

  if (!get_object (reader, root_node, _("the plan"), &root, error))
    return FALSE;

  if (!get_text (reader, root, "format", &format, error))
    return FALSE;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_FORMAT,
                   _("%s: not a POA plan file (“format” must be “%s”)"),
                   reader->filename, FORMAT_NAME);
      return FALSE;
    }

  if (!get_whole (reader, json_object_get (root, "version"), "version",
                  1, G_MAXINT32, &version, error))
    return FALSE;
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_FORMAT,
                   _("%s: written by a newer version of POA (plan file version %d, this program "
                     "reads up to %d)"),
                   reader->filename, (int)version, FORMAT_VERSION);
      return FALSE;
    }

  if (!check_keys (reader, root, plan_keys, error))
    return FALSE;

  if (!get_whole (reader, json_object_get (root, "year"), "year",
                  POA_YEAR_MIN, POA_YEAR_MAX, &year, error))
    return FALSE;
  poa_plan_set_year (plan, (guint)year);

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    {
      const char *text;

      if (!get_text (reader, root, poa_plan_text_key (i), &text, error))
        return FALSE;
      poa_plan_set_text (plan, i, text);
    }

  if (!read_semaforo (reader, root, plan, error) ||
      !read_tolerance (reader, root, plan, error))
    return FALSE;

  return read_signatures (reader, root, plan, error) &&
         read_activities (reader, root, plan, error) &&
         read_indicators (reader, root, plan, error) &&
         read_budget (reader, root, plan, error) &&
         read_review (reader, root, plan, error) &&
         read_history (reader, root, plan, error) &&
         read_observations_and_closed_quarters (reader, root, plan, error);
}

/* Finds the line and column of the first byte that is not UTF-8, for the message. */
static void
locate_offset (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar)data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

/* jansson parses nested lists and objects by recursion, up to 2048 levels, which may still
 * be more than a thread's stack holds; a plan file nests four levels deep (plan, activities,
 * activity, months): anything deeper than this is refused before parsing. */
#define MAX_DEPTH 64

static gboolean
check_depth (const char  *data,
             gsize        length,
             const char  *filename,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            in_string = FALSE;
        }
      else if (data[i] == '"')
        in_string = TRUE;
      else if (data[i] == '[' || data[i] == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              guint line, column;

              locate_offset (data, i, &line, &column);
              g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                           _("%s, line %u, column %u: lists and objects are nested more than %d "
                             "levels deep"),
                           filename, line, column, MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((data[i] == ']' || data[i] == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* The key jansson found twice: it names none in its message, so the key is read back from the
 * file, ending where the error is (@end, just past its closing quote). */
static char *
duplicate_key (const char *data,
               gsize       end)
{
  gsize start;
  g_autoptr(json_t) key = NULL;

  if (end < 2 || data[end - 1] != '"')
    return NULL;

  /* The opening quote: the first quote before the closing one not escaped by a backslash. */
  for (start = end - 1; start > 0; start--)
    {
      gsize backslashes = 0;

      if (data[start - 1] != '"')
        continue;
      while (start - 1 > backslashes && data[start - 2 - backslashes] == '\\')
        backslashes++;
      if (backslashes % 2 == 0)
        break;
    }
  if (start == 0)
    return NULL;

  key = json_loadb (data + start - 1, end - start + 1, JSON_DECODE_ANY, NULL);
  if (key == NULL || !json_is_string (key))
    return NULL;

  return poa_text_quote_for_message (json_string_value (key), json_string_length (key));
}

/* @text with its control characters written as \uXXXX escapes (poa_text_quote_for_message()
 * without the quotes and whole). */
static char *
escape_controls (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfffe || c == 0xffff)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
only_whitespace (const char *data,
                 gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
      return FALSE;

  return TRUE;
}

static json_t *
parse_json (const char  *data,
            gsize        length,
            const char  *filename,
            GError     **error)
{
  const char *end;
  json_error_t json_error;
  json_t *root;

  if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;

      locate_offset (data, end - data, &line, &column);
      g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                   _("%s, line %u, column %u: the file is not UTF-8 text"),
                   filename, line, column);
      return NULL;
    }

  if (only_whitespace (data, length))
    {
      g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                   _("%s: the file is empty"), filename);
      return NULL;
    }

  if (!check_depth (data, length, filename, error))
    return NULL;

  root = json_loadb (data, length,
                     JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL |
                     JSON_DECODE_INT_AS_REAL,
                     &json_error);
  if (root != NULL)
    return root;

  switch (json_error_code (&json_error))
    {
    case json_error_duplicate_key:
      {
        g_autofree char *key = duplicate_key (data, json_error.position);

        if (key != NULL)
          g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                       _("%s, line %d, column %d: the key %s appears twice in the same object; "
                         "a plan file holds each key once"),
                       filename, json_error.line, json_error.column, key);
        else
          g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                       _("%s, line %d, column %d: a key appears twice in the same object; "
                         "a plan file holds each key once"),
                       filename, json_error.line, json_error.column);
      }
      break;

    case json_error_end_of_input_expected:
      g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                   _("%s, line %d, column %d: something follows the end of the plan; a plan "
                     "file holds one plan"),
                   filename, json_error.line, json_error.column);
      break;

    default:
      /* jansson's detail is in English, as json-glib's was; it quotes the file's text near the
       * fault, so its control characters are escaped too. */
      {
        g_autofree char *detail = escape_controls (json_error.text);
        g_autofree char *line = g_strdup_printf ("%d", json_error.line);
        g_autofree char *column = g_strdup_printf ("%d", json_error.column);

        g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_SYNTAX,
                     _("%s, line %s, column %s: the file is not valid JSON (%s)"),
                     filename, line, column, detail);
      }
      break;
    }

  return NULL;
}

/* The whole file as one tree, the reader of every file before big plans: what it says of a bad
 * file is what the command line and the window have always said. The fast reader below falls
 * back on it whenever it is not sure. */
static PoaPlan *
parse_whole (const char  *data,
             gsize        length,
             const char  *filename,
             GError     **error)
{
  g_autoptr(json_t) root = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  Reader reader = { filename, NULL };

  root = parse_json (data != NULL ? data : "", length, filename, error);
  if (root == NULL)
    return NULL;

  plan = poa_plan_new (POA_YEAR_MIN);
  if (!read_plan (&reader, root, plan, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/* Reading a big plan without holding it whole (issue 21).
 *
 * A plan of 100,000 activities is a file of some 75 MB. Its jansson tree took four times that,
 * the plan's objects as much again, and the whole file stayed mapped besides: 488 MB, and the
 * tree's hundred million small blocks cost a third of the time to make and free. So the
 * activities are read one at a time:
 * - a first pass reads the plan object's members itself, strictly (RFC 8259 between them, each
 *   key once), decodes every member but "activities" with jansson and checks them as above,
 *   and only finds where each activity begins and ends, counting nesting as check_depth() does;
 * - then each activity is decoded by jansson alone, from exactly its bytes, checked with
 *   read_activity(), handed on and dropped. A mapped file gives back the pages behind.
 *
 * This reader only ever says yes. Whatever it does not accept (bad JSON, a value out of range,
 * a key twice, an activity that is not an object, anything at all), the whole file is read
 * again by parse_whole(), which finds the fault and says it in the same words and with the same
 * priority as ever; and were parse_whole() to accept it, its plan would be the one handed on.
 * A bad file is rare, and is then read as before. */

#define JSON_FLAGS (JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL)

/* Mapped pages are given back in steps of this many bytes once read past. */
#define RELEASE_STEP (4 * 1024 * 1024)

typedef struct
{
  gsize start;
  gsize end;
} Span;

struct _PoaPlanJsonReader
{
  char       *filename;
  /* The plan file's bytes: a mapping of the file, a copy of them (a file that cannot be mapped,
   * such as a pipe), or the caller's. */
  const char *data;
  gsize       length;
  gpointer    map;
  char       *copy;
  /* The mapping's pages before this offset were given back. */
  gsize       released;

  /* The plan without its activities. */
  PoaPlan    *plan;
  /* Where each activity's bytes are, and the next one to hand on. */
  GArray     *spans;
  guint       next;
  /* What the whole-file reader made, when this one did not accept the file: its activities,
   * handed on from @next. */
  GPtrArray  *whole_activities;
  /* "activity %u", translated once. */
  const char *where_format;
  /* The fast decoder's buffers, kept from one activity to the next. */
  GString    *key;
  GString    *text;
};

static void
release_before (PoaPlanJsonReader *self,
                gsize              offset)
{
  gsize page = (gsize)sysconf (_SC_PAGESIZE);
  gsize upto = offset / page * page;

  if (self->map == NULL || upto < self->released + RELEASE_STEP)
    return;

  /* A private mapping of a file that is only read: its pages come back from the file if they
   * are read again (the whole-file reader may). */
  madvise ((char *)self->map + self->released, upto - self->released, MADV_DONTNEED);
  self->released = upto;
}

static gsize
skip_space (const char *data,
            gsize       length,
            gsize       pos)
{
  while (pos < length &&
         (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' || data[pos] == '\r'))
    pos++;
  return pos;
}

/* Finds the end (just past its closing bracket) of the list or object at @pos, without
 * checking its grammar (jansson will, on exactly these bytes); %FALSE if it is cut short or
 * nests deeper than MAX_DEPTH, counting @depth for its own bracket as check_depth() does. */
static gboolean
find_end (const char *data,
          gsize       length,
          gsize       pos,
          guint       depth,
          gsize      *end)
{
  guint level = 0;

  while (pos < length)
    {
      char c = data[pos];

      if (c == '"')
        {
          /* To the quote that is not escaped: one after an even run of backslashes. */
          pos++;
          for (;;)
            {
              const char *quote = memchr (data + pos, '"', length - pos);
              gsize at, backslashes = 0;

              if (quote == NULL)
                return FALSE;
              at = quote - data;
              while (at - backslashes > pos && data[at - backslashes - 1] == '\\')
                backslashes++;
              pos = at + 1;
              if (backslashes % 2 == 0)
                break;
            }
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (depth + level > MAX_DEPTH)
            return FALSE;
          level++;
        }
      else if (c == ']' || c == '}')
        {
          if (level == 0)
            return FALSE;
          if (--level == 0)
            {
              *end = pos + 1;
              return TRUE;
            }
        }
      pos++;
    }

  return FALSE;
}

/* The "activities" list at @pos: where each of its objects begins and ends. */
static gboolean
find_activities (PoaPlanJsonReader *self,
                 gsize              pos,
                 gsize             *end)
{
  const char *data = self->data;
  gsize length = self->length;

  pos = skip_space (data, length, pos + 1);
  if (pos < length && data[pos] == ']')
    {
      *end = pos + 1;
      return TRUE;
    }

  for (;;)
    {
      Span span;

      /* The plan is depth 1, the list 2, an activity 3. */
      if (pos >= length || data[pos] != '{' || !find_end (data, length, pos, 3, &span.end))
        return FALSE;
      span.start = pos;
      g_array_append_val (self->spans, span);
      release_before (self, span.end);

      pos = skip_space (data, length, span.end);
      if (pos < length && data[pos] == ',')
        pos = skip_space (data, length, pos + 1);
      else if (pos < length && data[pos] == ']')
        {
          *end = pos + 1;
          return TRUE;
        }
      else
        return FALSE;
    }
}

/* The first pass: the plan object's members, every one but the activities decoded into @root
 * (the activities replaced by an empty list, found and left for later). */
static gboolean
read_members (PoaPlanJsonReader *self,
              json_t            *root)
{
  const char *data = self->data;
  gsize length = self->length;
  gsize pos = skip_space (data, length, 0);

  if (pos >= length || data[pos] != '{')
    return FALSE;
  pos = skip_space (data, length, pos + 1);

  if (pos < length && data[pos] == '}')
    pos++;
  else
    for (;;)
      {
        g_autoptr(json_t) key = NULL;
        json_t *value;
        json_error_t json_error;
        const char *name;

        if (pos >= length || data[pos] != '"' ||
            !(key = json_loadb (data + pos, length - pos, JSON_FLAGS | JSON_DISABLE_EOF_CHECK,
                                &json_error)) ||
            !json_is_string (key))
          return FALSE;
        pos += json_error.position;
        name = json_string_value (key);
        /* A key holding U+0000, or said twice: jansson's own message, from the whole file. */
        if (strlen (name) != json_string_length (key) || json_object_get (root, name) != NULL)
          return FALSE;

        pos = skip_space (data, length, pos);
        if (pos >= length || data[pos] != ':')
          return FALSE;
        pos = skip_space (data, length, pos + 1);
        if (pos >= length)
          return FALSE;

        if (g_str_equal (name, "activities") && data[pos] == '[')
          {
            if (!find_activities (self, pos, &pos))
              return FALSE;
            value = json_array ();
          }
        else if (data[pos] == '[' || data[pos] == '{')
          {
            gsize end;

            if (!find_end (data, length, pos, 2, &end) ||
                !(value = json_loadb (data + pos, end - pos, JSON_FLAGS, &json_error)))
              return FALSE;
            pos = end;
          }
        else
          {
            if (!(value = json_loadb (data + pos, length - pos, JSON_FLAGS | JSON_DISABLE_EOF_CHECK,
                                      &json_error)))
              return FALSE;
            pos += json_error.position;
          }
        json_object_set_new (root, name, value);

        pos = skip_space (data, length, pos);
        if (pos < length && data[pos] == ',')
          pos = skip_space (data, length, pos + 1);
        else if (pos < length && data[pos] == '}')
          {
            pos++;
            break;
          }
        else
          return FALSE;
      }

  return skip_space (data, length, pos) == length;
}

/* The activities as a plan file holds them, decoded without jansson: it built a tree of small
 * blocks for every activity and read every number with strtod(), half of a big import's time.
 * This decoder takes the usual case only, strictly, and declines anything else, for jansson
 * and read_activity() to read that activity: a \u escape, a number written with a fraction or
 * exponent, a key it does not know or sees twice, a value of another type, a text the text rule
 * refuses. Whatever it accepts is valid JSON that read_activity() reads to the same activity. */

typedef struct
{
  const char *p;
  const char *end;
  GString    *key;
  GString    *text;
} Cursor;

static inline void
cursor_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

static inline gboolean
cursor_take (Cursor *c,
             char    expected)
{
  cursor_space (c);
  if (c->p < c->end && *c->p == expected)
    {
      c->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
cursor_null (Cursor *c)
{
  cursor_space (c);
  if (c->end - c->p >= 4 && memcmp (c->p, "null", 4) == 0)
    {
      c->p += 4;
      return TRUE;
    }
  return FALSE;
}

/* A string into @out, NUL-terminated: its bytes UTF-8, no raw control character, the escapes
 * of one character other than \u. */
static gboolean
cursor_string (Cursor  *c,
               GString *out)
{
  const char *p, *end = c->end;

  g_string_truncate (out, 0);
  cursor_space (c);
  p = c->p;
  if (p >= end || *p != '"')
    return FALSE;
  p++;

  for (;;)
    {
      const char *run = p;
      char escaped;

      while (p < end && *p != '"' && *p != '\\' && (guchar)*p >= 0x20)
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end || (guchar)*p < 0x20)
        return FALSE;
      if (*p == '"')
        break;

      if (++p >= end)
        return FALSE;
      switch (*p)
        {
        case '"': escaped = '"'; break;
        case '\\': escaped = '\\'; break;
        case '/': escaped = '/'; break;
        case 'b': escaped = '\b'; break;
        case 'f': escaped = '\f'; break;
        case 'n': escaped = '\n'; break;
        case 'r': escaped = '\r'; break;
        case 't': escaped = '\t'; break;
        default: return FALSE;
        }
      g_string_append_c (out, escaped);
      p++;
    }

  c->p = p + 1;
  return g_utf8_validate_len (out->str, out->len, NULL);
}

/* A whole number from @min (≥ 0) to @max written as digits alone. */
static gboolean
cursor_whole (Cursor *c,
              gint64  min,
              gint64  max,
              gint64 *value)
{
  const char *p;
  gint64 v = 0;
  guint digits = 0;

  cursor_space (c);
  p = c->p;
  if (p >= c->end || !g_ascii_isdigit (*p))
    return FALSE;
  /* A leading zero is not JSON. */
  if (*p == '0' && p + 1 < c->end && g_ascii_isdigit (p[1]))
    return FALSE;
  while (p < c->end && g_ascii_isdigit (*p))
    {
      if (++digits > 12)
        return FALSE;
      v = v * 10 + (*p++ - '0');
    }
  if (p < c->end && (*p == '.' || *p == 'e' || *p == 'E'))
    return FALSE;
  if (v < min || v > max)
    return FALSE;

  c->p = p;
  *value = v;
  return TRUE;
}

/* A text member's value: null, or a string the text rule accepts; *@text NULL for null. */
static gboolean
cursor_text (Cursor      *c,
             const char  *key,
             const char **text)
{
  *text = NULL;
  if (cursor_null (c))
    return TRUE;
  if (!cursor_string (c, c->text) || !poa_validate_text (c->text->str, c->text->len, key, NULL))
    return FALSE;
  *text = c->text->str;
  return TRUE;
}

/* The index in @keys of the key just read, trying @guess first: files list them in order. */
static int
find_key (const char **keys,
          GString     *key,
          int          guess)
{
  if (keys[guess] != NULL && strcmp (keys[guess], key->str) == 0)
    return guess;
  for (int i = 0; keys[i] != NULL; i++)
    if (strcmp (keys[i], key->str) == 0)
      return i;
  return -1;
}

static gboolean
fast_calendar (Cursor      *c,
               PoaCalendar *calendar,
               guint64     *achieved)
{
  guint seen_months = 0;

  if (cursor_take (c, ']'))
    return TRUE;
  do
    {
      gint64 month = 0, programmed = 0, month_achieved = 0;
      const char *note = NULL;
      guint seen = 0;
      int k = 0;

      if (!cursor_take (c, '{'))
        return FALSE;
      do
        {
          if (!cursor_string (c, c->key) || !cursor_take (c, ':') ||
              (k = find_key (month_keys, c->key, k)) < 0 || (seen & (1u << k)))
            return FALSE;
          seen |= 1u << k;
          switch (k)
            {
            case 0: if (!cursor_whole (c, 1, 12, &month)) return FALSE; break;
            case 1: if (!cursor_whole (c, 0, POA_GOAL_MAX, &programmed)) return FALSE; break;
            case 2: if (!cursor_whole (c, 0, POA_GOAL_MAX, &month_achieved)) return FALSE; break;
            /* The entry's one text: it stays in c->text until set below. */
            default: if (!cursor_text (c, "note", &note)) return FALSE; break;
            }
          k++;
        }
      while (cursor_take (c, ','));
      if (!cursor_take (c, '}') || !(seen & 1u) || (seen_months & (1u << (month - 1))))
        return FALSE;
      seen_months |= 1u << (month - 1);
      *achieved += (guint64)month_achieved;
      poa_calendar_set_month (calendar, (guint)month, (guint)programmed, (guint)month_achieved, note);
    }
  while (cursor_take (c, ','));

  return cursor_take (c, ']');
}

static gboolean
fast_justifications (Cursor      *c,
                     PoaCalendar *calendar)
{
  guint seen_quarters = 0;

  if (cursor_take (c, ']'))
    return TRUE;
  do
    {
      gint64 quarter = 0;
      const char *text = NULL;
      guint seen = 0;
      int k = 0;

      if (!cursor_take (c, '{'))
        return FALSE;
      do
        {
          if (!cursor_string (c, c->key) || !cursor_take (c, ':') ||
              (k = find_key (justification_keys, c->key, k)) < 0 || (seen & (1u << k)))
            return FALSE;
          seen |= 1u << k;
          if (k == 0 ? !cursor_whole (c, 1, 4, &quarter) : !cursor_text (c, "text", &text))
            return FALSE;
          k++;
        }
      while (cursor_take (c, ','));
      if (!cursor_take (c, '}') || !(seen & 1u) || (seen_quarters & (1u << (quarter - 1))))
        return FALSE;
      seen_quarters |= 1u << (quarter - 1);
      /* The entry's one text, still in c->text. */
      poa_calendar_set_justification (calendar, (guint)quarter, text);
    }
  while (cursor_take (c, ','));

  return cursor_take (c, ']');
}

/* Keys 1 to 7 of activity_keys are the texts in PoaActivityText's order, 8 to 10 the goals. */
#define KEY_NUMBER 0
#define KEY_FIRST_TEXT 1
#define KEY_FIRST_GOAL (KEY_FIRST_TEXT + POA_ACTIVITY_N_TEXTS)
#define KEY_START (KEY_FIRST_GOAL + POA_ACTIVITY_N_GOALS)
#define KEY_END (KEY_START + 1)
#define KEY_MONTHS (KEY_START + 2)
#define KEY_CALENDAR (KEY_START + 3)
#define KEY_JUSTIFICATIONS (KEY_START + 4)

static gboolean
fast_activity (Cursor      *c,
               guint        position,
               guint        year,
               PoaActivity *activity)
{
  g_autoptr(PoaCalendar) calendar = NULL;
  gint64 number = position + 1;
  GDate dates[2];
  gboolean has_date[2] = { FALSE, FALSE };
  gboolean has_months = FALSE;
  guint months = 0, seen = 0;
  guint64 achieved = 0;
  int k = 0;

  g_date_clear (dates, 2);
  if (!cursor_take (c, '{'))
    return FALSE;
  if (!cursor_take (c, '}'))
    {
      do
        {
          if (!cursor_string (c, c->key) || !cursor_take (c, ':') ||
              (k = find_key (activity_keys, c->key, k)) < 0 || (seen & (1u << k)))
            return FALSE;
          seen |= 1u << k;

          if (k == KEY_NUMBER)
            {
              if (!cursor_whole (c, 0, G_MAXINT32, &number))
                return FALSE;
            }
          else if (k < KEY_FIRST_GOAL)
            {
              const char *text;

              if (!cursor_text (c, activity_keys[k], &text))
                return FALSE;
              poa_activity_set_text (activity, k - KEY_FIRST_TEXT, text);
            }
          else if (k < KEY_START)
            {
              gint64 goal;

              if (!cursor_whole (c, 0, POA_GOAL_MAX, &goal))
                return FALSE;
              poa_activity_set_goal (activity, k - KEY_FIRST_GOAL, (guint)goal);
            }
          else if (k == KEY_START || k == KEY_END)
            {
              if (!cursor_null (c))
                {
                  if (!cursor_string (c, c->text) || !poa_date_parse_iso (c->text->str, &dates[k - KEY_START]))
                    return FALSE;
                  has_date[k - KEY_START] = TRUE;
                }
            }
          else if (k == KEY_MONTHS)
            {
              if (!cursor_null (c))
                {
                  if (!cursor_take (c, '['))
                    return FALSE;
                  has_months = TRUE;
                  if (!cursor_take (c, ']'))
                    {
                      do
                        {
                          gint64 month;

                          if (!cursor_whole (c, 1, 12, &month))
                            return FALSE;
                          months |= 1u << (month - 1);
                        }
                      while (cursor_take (c, ','));
                      if (!cursor_take (c, ']'))
                        return FALSE;
                    }
                }
            }
          else if (!cursor_null (c))
            {
              /* "calendar" or "justifications": an activity holding either has a calendar. */
              if (!cursor_take (c, '['))
                return FALSE;
              if (calendar == NULL)
                calendar = poa_calendar_new ();
              if (k == KEY_CALENDAR ? !fast_calendar (c, calendar, &achieved)
                                    : !fast_justifications (c, calendar))
                return FALSE;
            }
          k++;
        }
      while (cursor_take (c, ','));
      if (!cursor_take (c, '}'))
        return FALSE;
    }

  cursor_space (c);
  if (c->p != c->end ||
      achieved > poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED))
    return FALSE;

  poa_activity_set_number (activity, (guint)number);
  poa_activity_set_start (activity, has_date[0] ? &dates[0] : NULL);
  poa_activity_set_end (activity, has_date[1] ? &dates[1] : NULL);
  if (!has_months)
    months = poa_months_from_range (has_date[0] ? &dates[0] : NULL, has_date[1] ? &dates[1] : NULL, year);
  poa_activity_set_months (activity, months);
  if (calendar != NULL)
    poa_activity_set_calendar (activity, calendar);
  return TRUE;
}

/* The file was not accepted here: the whole-file reader says why, or, should it accept it,
 * its plan is taken, and its activities are handed on from @next. */
static gboolean
read_whole (PoaPlanJsonReader  *self,
            GError            **error)
{
  g_autoptr(PoaPlan) whole = NULL;
  GListStore *activities;
  guint n;

  g_debug ("%s: read again as a whole", self->filename);
  whole = parse_whole (self->data, self->length, self->filename, error);
  if (whole == NULL)
    return FALSE;

  activities = poa_plan_get_activities (whole);
  n = g_list_model_get_n_items (G_LIST_MODEL (activities));
  self->whole_activities = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->whole_activities,
                     g_list_model_get_item (G_LIST_MODEL (activities), i));
  g_list_store_remove_all (activities);

  /* A header already read (and perhaps handed to a caller) stays: it is the same. */
  if (self->plan == NULL)
    self->plan = g_steal_pointer (&whole);
  return TRUE;
}

static PoaPlanJsonReader *
reader_new (const char *filename)
{
  PoaPlanJsonReader *self = g_new0 (PoaPlanJsonReader, 1);

  self->filename = g_strdup (filename);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->where_format = _("activity %u");
  self->key = g_string_new (NULL);
  self->text = g_string_new (NULL);
  return self;
}

/* The first pass and the plan's header; %FALSE only for a file the whole reader refuses. */
static gboolean
reader_start (PoaPlanJsonReader  *self,
              GError            **error)
{
  g_autoptr(json_t) root = json_object ();
  g_autoptr(PoaPlan) plan = poa_plan_new (POA_YEAR_MIN);
  Reader reader = { self->filename, NULL };

  if (self->data == NULL)
    self->data = "";

  if (!read_members (self, root) || !read_plan (&reader, root, plan, NULL))
    {
      g_array_set_size (self->spans, 0);
      return read_whole (self, error);
    }

  self->plan = g_steal_pointer (&plan);

  /* The activities are read again from the start: what the first pass read is given back
   * whole, and is given back again as the second pass goes. */
  if (self->map != NULL)
    madvise (self->map, self->length, MADV_DONTNEED);
  self->released = 0;
  return TRUE;
}

/**
 * poa_plan_json_reader_free:
 */
void
poa_plan_json_reader_free (PoaPlanJsonReader *self)
{
  if (self == NULL)
    return;

  if (self->map != NULL)
    munmap (self->map, self->length);
  g_free (self->copy);
  g_free (self->filename);
  g_clear_object (&self->plan);
  g_array_unref (self->spans);
  g_string_free (self->key, TRUE);
  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->whole_activities, g_ptr_array_unref);
  g_free (self);
}

/**
 * poa_plan_json_reader_open:
 * @path: a plan file
 *
 * Reads and checks everything in the plan file but its activities, which
 * poa_plan_json_reader_next() then reads one at a time: a plan of any size is read without
 * holding its file, its tree or all its activities at once.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set as poa_plan_json_load() sets
 *   it.
 */
PoaPlanJsonReader *
poa_plan_json_reader_open (const char  *path,
                           GError     **error)
{
  g_autoptr(PoaPlanJsonReader) self = NULL;
  struct stat info;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  self = reader_new (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0 && fstat (fd, &info) == 0 && S_ISREG (info.st_mode) && info.st_size > 0 &&
      (guint64)info.st_size <= G_MAXSIZE)
    {
      gpointer map = mmap (NULL, (gsize)info.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

      if (map != MAP_FAILED)
        {
          self->map = map;
          self->data = map;
          self->length = (gsize)info.st_size;
          madvise (map, self->length, MADV_SEQUENTIAL);
        }
    }
  if (fd >= 0)
    close (fd);

  if (self->map == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (path, &self->copy, &self->length, &local_error))
        {
          g_set_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_READ,
                       _("Cannot read “%s”: %s"), path, local_error->message);
          return NULL;
        }
      self->data = self->copy;
    }

  if (!reader_start (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * poa_plan_json_reader_get_plan:
 *
 * Returns: (transfer none): the plan read so far: everything but the activities (those of
 *   its list are not the file's).
 */
PoaPlan *
poa_plan_json_reader_get_plan (PoaPlanJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->plan;
}

/**
 * poa_plan_json_reader_next:
 * @activity: (out) (transfer full): the next activity, or %NULL after the last
 *
 * Reads and checks the next activity of the file.
 *
 * Returns: %FALSE with @error set if the file is bad (the message poa_plan_json_load() would
 *   give); %TRUE otherwise, with *@activity %NULL once every activity has been read.
 */
gboolean
poa_plan_json_reader_next (PoaPlanJsonReader  *self,
                           PoaActivity       **activity,
                           GError            **error)
{
  g_autoptr(PoaActivity) read = NULL;
  g_autoptr(json_t) node = NULL;
  char where[64];
  Reader reader = { self->filename, where };
  Cursor cursor = { NULL, NULL, self->key, self->text };
  Span span;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);

  *activity = NULL;

  if (self->whole_activities != NULL)
    {
      if (self->next < self->whole_activities->len)
        *activity = g_object_ref (g_ptr_array_index (self->whole_activities, self->next++));
      return TRUE;
    }

  if (self->next >= self->spans->len)
    return TRUE;

  span = g_array_index (self->spans, Span, self->next);
  release_before (self, span.start);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* _("activity %u"), looked up once for the file rather than once per activity. */
  g_snprintf (where, sizeof where, self->where_format, self->next + 1);
#pragma GCC diagnostic pop
  read = poa_activity_new ();
  cursor.p = self->data + span.start;
  cursor.end = self->data + span.end;
  if (fast_activity (&cursor, self->next, poa_plan_get_year (self->plan), read))
    {
      self->next++;
      *activity = g_steal_pointer (&read);
      return TRUE;
    }

  /* Not the usual case: jansson reads it, into a new activity. */
  g_object_unref (read);
  read = poa_activity_new ();
  node = json_loadb (self->data + span.start, span.end - span.start, JSON_FLAGS, NULL);
  if (node == NULL ||
      !read_activity (&reader, node, self->next, poa_plan_get_year (self->plan), read, NULL))
    {
      if (!read_whole (self, error))
        return FALSE;
      return poa_plan_json_reader_next (self, activity, error);
    }

  self->next++;
  *activity = g_steal_pointer (&read);
  return TRUE;
}

/* Every activity of @self into its plan. */
static PoaPlan *
reader_read_all (PoaPlanJsonReader  *self,
                 GError            **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  PoaActivity *activity;

  for (;;)
    {
      if (!poa_plan_json_reader_next (self, &activity, error))
        return NULL;
      if (activity == NULL)
        break;
      g_ptr_array_add (activities, activity);
    }

  g_list_store_splice (poa_plan_get_activities (self->plan), 0, 0,
                       activities->pdata, activities->len);
  return g_object_ref (self->plan);
}

/**
 * poa_plan_json_parse:
 * @data: the contents of a plan file
 * @filename: the name to give in messages
 *
 * Returns: (transfer full): the plan, with no store ids, or %NULL with @error set naming
 *   @filename and the line and column, or the field, that is wrong.
 */
PoaPlan *
poa_plan_json_parse (const char  *data,
                     gsize        length,
                     const char  *filename,
                     GError     **error)
{
  g_autoptr(PoaPlanJsonReader) self = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  self = reader_new (filename);
  self->data = data;
  self->length = length;
  if (!reader_start (self, error))
    return NULL;

  return reader_read_all (self, error);
}

/**
 * poa_plan_json_load:
 *
 * Reads a plan file from disk. See poa_plan_json_parse().
 */
PoaPlan *
poa_plan_json_load (const char  *path,
                    GError     **error)
{
  g_autoptr(PoaPlanJsonReader) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(self = poa_plan_json_reader_open (path, error)))
    return NULL;

  return reader_read_all (self, error);
}

/* Writing: by hand rather than with JsonGenerator, so that the keys keep the order of the
 * specification and amounts are written with exactly two decimals. */

/* A whole number in decimal, as "%u" writes it, without printf's machinery: a big plan writes
 * millions of them. */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[sizeof digits - 1 - n++] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  g_string_append_len (out, digits + sizeof digits - n, n);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_autofree char *cleaned = NULL;
  const char *p;
  gsize length;

  if (text == NULL)
    text = "";
  length = strlen (text);

  /* A text saved before the text rule may hold characters the reader refuses: it is written
   * with them replaced, as in the workbook, so that what is written can be read back. */
  if (!g_utf8_validate_len (text, length, NULL) || poa_text_find_forbidden (text, length, NULL, NULL))
    text = cleaned = poa_text_sanitize_for_xml (text);

  g_string_append_c (out, '"');
  p = text;
  while (*p != '\0')
    {
      const char *run = p;

      /* What needs no escape is copied a run at a time. */
      while ((guchar)*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      g_string_append_len (out, run, p - run);

      switch (*p)
        {
        case '\0': break;
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append_printf (out, "\\u%04x", (guint)(guchar)*p);
        }
      if (*p != '\0')
        p++;
    }
  g_string_append_c (out, '"');
}

static void
append_key (GString    *out,
            guint       indent,
            const char *key,
            gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_text_member (GString    *out,
                    guint       indent,
                    const char *key,
                    const char *text,
                    gboolean    first)
{
  append_key (out, indent, key, first);
  append_string (out, text);
}

static void
append_date_member (GString     *out,
                    guint        indent,
                    const char  *key,
                    const GDate *date)
{
  guint year, month, day;
  char iso[12];

  append_key (out, indent, key, FALSE);
  if (date == NULL || !g_date_valid (date))
    {
      g_string_append (out, "null");
      return;
    }

  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);
  if (year > 9999)
    {
      g_autofree char *text = poa_date_format_iso (date);

      append_string (out, text);
      return;
    }

  /* "YYYY-MM-DD" as poa_date_format_iso() writes it, without printf: two per activity. */
  iso[0] = '"';
  iso[1] = (char)('0' + year / 1000);
  iso[2] = (char)('0' + year / 100 % 10);
  iso[3] = (char)('0' + year / 10 % 10);
  iso[4] = (char)('0' + year % 10);
  iso[5] = '-';
  iso[6] = (char)('0' + month / 10);
  iso[7] = (char)('0' + month % 10);
  iso[8] = '-';
  iso[9] = (char)('0' + day / 10);
  iso[10] = (char)('0' + day % 10);
  iso[11] = '"';
  g_string_append_len (out, iso, sizeof iso);
}

/* Version 2's "calendar" and "justifications", each only when it holds something, one entry a
 * line. */
static void
append_follow_up (GString     *out,
                  PoaCalendar *calendar)
{
  gboolean first = TRUE;

  if (calendar == NULL)
    return;

  for (guint m = 1; m <= 12; m++)
    {
      if (!poa_calendar_month_holds_something (calendar, m))
        continue;
      if (first)
        {
          append_key (out, 3, "calendar", FALSE);
          g_string_append_c (out, '[');
        }
      g_string_append (out, first ? "\n        {\"month\": " : ",\n        {\"month\": ");
      append_uint (out, m);
      g_string_append (out, ", \"programmed\": ");
      append_uint (out, poa_calendar_get_programmed (calendar, m));
      g_string_append (out, ", \"achieved\": ");
      append_uint (out, poa_calendar_get_achieved (calendar, m));
      g_string_append (out, ", \"note\": ");
      append_string (out, poa_calendar_get_note (calendar, m));
      g_string_append_c (out, '}');
      first = FALSE;
    }
  if (!first)
    g_string_append (out, "\n      ]");

  first = TRUE;
  for (guint q = 1; q <= 4; q++)
    {
      const char *text = poa_calendar_get_justification (calendar, q);

      if (text[0] == '\0')
        continue;
      if (first)
        {
          append_key (out, 3, "justifications", FALSE);
          g_string_append_c (out, '[');
        }
      g_string_append_printf (out, "%s\n        {\"quarter\": %u, \"text\": ", first ? "" : ",", q);
      append_string (out, text);
      g_string_append_c (out, '}');
      first = FALSE;
    }
  if (!first)
    g_string_append (out, "\n      ]");
}

/* Whether the plan holds anything only version 2 of the file can say. */
static gboolean
needs_version_2 (PoaPlan *plan)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);

  if (poa_plan_get_tolerance_low (plan) != POA_TOLERANCE_DEFAULT_LOW ||
      poa_plan_get_tolerance_high (plan) != POA_TOLERANCE_DEFAULT_HIGH)
    return TRUE;

  if (poa_plan_get_review_status (plan) != POA_REVIEW_BORRADOR ||
      poa_plan_get_review_steps (plan)->len > 0 ||
      poa_plan_get_history (plan)->len > 0 ||
      poa_plan_get_observations (plan)->len > 0 || poa_plan_get_closed_quarters (plan) != 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      if (poa_activity_get_calendar (activity) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
append_activity (GString     *out,
                 PoaActivity *activity)
{
  gboolean first_month = TRUE;

  g_string_append (out, "{");
  append_key (out, 3, "number", TRUE);
  append_uint (out, poa_activity_get_number (activity));
  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    append_text_member (out, 3, poa_activity_text_key (i), poa_activity_get_text (activity, i), FALSE);
  for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
    {
      append_key (out, 3, poa_activity_goal_key (i), FALSE);
      append_uint (out, poa_activity_get_goal (activity, i));
    }
  append_date_member (out, 3, "start", poa_activity_get_start (activity));
  append_date_member (out, 3, "end", poa_activity_get_end (activity));

  /* Always written, so that what the cronograma shades survives even where it differs from
   * what the dates would give. */
  append_key (out, 3, "months", FALSE);
  g_string_append_c (out, '[');
  for (guint m = 1; m <= 12; m++)
    if (poa_activity_has_month (activity, m))
      {
        if (!first_month)
          g_string_append (out, ", ");
        append_uint (out, m);
        first_month = FALSE;
      }
  g_string_append (out, "]");

  append_follow_up (out, poa_activity_get_calendar (activity));
  g_string_append (out, "\n    }");
}

static void
append_list (GString    *out,
             const char *key,
             GListModel *list,
             void      (*append_item) (GString *, gpointer))
{
  guint n = g_list_model_get_n_items (list);

  append_key (out, 1, key, FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      append_item (out, item);
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
}

static void
append_signature (GString      *out,
                  PoaSignature *signature)
{
  g_string_append (out, "{");
  append_text_member (out, 3, "role", poa_signature_get_role (signature), TRUE);
  append_text_member (out, 3, "name", poa_signature_get_name (signature), FALSE);
  append_text_member (out, 3, "title", poa_signature_get_title (signature), FALSE);
  g_string_append (out, "\n    }");
}

static void
append_indicator (GString      *out,
                  PoaIndicator *indicator)
{
  g_string_append (out, "{");
  append_text_member (out, 3, "name", poa_indicator_get_name (indicator), TRUE);
  append_text_member (out, 3, "variables", poa_indicator_get_variables (indicator), FALSE);
  append_text_member (out, 3, "formula", poa_indicator_get_formula (indicator), FALSE);
  g_string_append (out, "\n    }");
}

static void
append_budget_line (GString       *out,
                    PoaBudgetLine *line)
{
  g_string_append (out, "{");
  append_text_member (out, 3, "code", poa_budget_line_get_code (line), TRUE);
  append_text_member (out, 3, "name", poa_budget_line_get_name (line), FALSE);
  append_key (out, 3, "amount", FALSE);
  poa_money_append_decimal (out, poa_budget_line_get_centavos (line));
  g_string_append (out, "\n    }");
}

/* Version 2's "review" and "history", each only when it holds something, so that a plan never
 * reviewed nor changed is written as before. */
static void
append_review_and_history (GString *out,
                           PoaPlan *plan)
{
  GPtrArray *steps = poa_plan_get_review_steps (plan);
  GPtrArray *history = poa_plan_get_history (plan);

  if (poa_plan_get_review_status (plan) != POA_REVIEW_BORRADOR || steps->len > 0)
    {
      append_key (out, 1, "review", FALSE);
      g_string_append (out, "{");
      append_text_member (out, 2, "status",
                          poa_review_status_key (poa_plan_get_review_status (plan)), TRUE);
      append_key (out, 2, "history", FALSE);
      g_string_append_c (out, '[');
      for (guint i = 0; i < steps->len; i++)
        {
          const PoaReviewStep *step = g_ptr_array_index (steps, i);

          g_string_append (out, i == 0 ? "\n      {" : ",\n      {");
          append_text_member (out, 4, "date", step->date, TRUE);
          append_text_member (out, 4, "by", step->by, FALSE);
          append_text_member (out, 4, "status", poa_review_status_key (step->status), FALSE);
          append_text_member (out, 4, "note", step->note, FALSE);
          g_string_append (out, "\n      }");
        }
      g_string_append (out, steps->len > 0 ? "\n    ]" : "]");
      g_string_append (out, "\n  }");
    }

  if (history->len > 0)
    {
      append_key (out, 1, "history", FALSE);
      g_string_append_c (out, '[');
      for (guint i = 0; i < history->len; i++)
        {
          const PoaHistoryEntry *entry = g_ptr_array_index (history, i);

          g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
          append_text_member (out, 3, "date", entry->date, TRUE);
          append_text_member (out, 3, "by", entry->by, FALSE);
          append_text_member (out, 3, "where", entry->where, FALSE);
          append_text_member (out, 3, "field", entry->field, FALSE);
          append_text_member (out, 3, "before", entry->before, FALSE);
          append_text_member (out, 3, "after", entry->after, FALSE);
          append_text_member (out, 3, "justification", entry->justification, FALSE);
          g_string_append (out, "\n    }");
        }
      g_string_append (out, "\n  ]");
    }
}

/* The extension of version 2 read by read_observations_and_closed_quarters(), each only when
 * it holds something. */
static void
append_observations_and_closed_quarters (GString *out,
                                         PoaPlan *plan)
{
  GPtrArray *observations = poa_plan_get_observations (plan);
  guint closed = poa_plan_get_closed_quarters (plan);

  if (observations->len > 0)
    {
      append_key (out, 1, "review_observations", FALSE);
      g_string_append_c (out, '[');
      for (guint i = 0; i < observations->len; i++)
        {
          const PoaObservation *observation = g_ptr_array_index (observations, i);

          g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
          append_text_member (out, 3, "date", observation->date, TRUE);
          append_text_member (out, 3, "by", observation->by, FALSE);
          append_text_member (out, 3, "where", observation->where, FALSE);
          append_text_member (out, 3, "text", observation->text, FALSE);
          g_string_append (out, "\n    }");
        }
      g_string_append (out, "\n  ]");
    }

  if (closed != 0)
    {
      gboolean first = TRUE;

      append_key (out, 1, "closed_quarters", FALSE);
      g_string_append_c (out, '[');
      for (guint q = 1; q <= 4; q++)
        if (closed & (1u << (q - 1)))
          {
            g_string_append_printf (out, first ? "%u" : ", %u", q);
            first = FALSE;
          }
      g_string_append_c (out, ']');
    }
}

/* The plan file up to the activities' list, open: "activities": [ */
static void
append_head (GString  *out,
             PoaPlan  *plan,
             gboolean  version_2)
{
  g_string_append (out, "{");
  append_text_member (out, 1, "format", FORMAT_NAME, TRUE);
  append_key (out, 1, "version", FALSE);
  /* A plan without follow-up is written as version 1, byte for byte as before, so that a POA
   * that predates the follow-up still reads it. */
  g_string_append_printf (out, "%d", version_2 ? FORMAT_VERSION : FORMAT_VERSION_1);
  append_key (out, 1, "year", FALSE);
  g_string_append_printf (out, "%u", poa_plan_get_year (plan));
  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    append_text_member (out, 1, poa_plan_text_key (i), poa_plan_get_text (plan, i), FALSE);

  /* Written only when they differ from the defaults, so that a plan that keeps them stays
   * readable by a POA that predates them. */
  if (poa_plan_get_semaforo_green (plan) != POA_SEMAFORO_DEFAULT_GREEN ||
      poa_plan_get_semaforo_yellow (plan) != POA_SEMAFORO_DEFAULT_YELLOW)
    {
      append_key (out, 1, "semaforo_green", FALSE);
      g_string_append_printf (out, "%u", poa_plan_get_semaforo_green (plan));
      append_key (out, 1, "semaforo_yellow", FALSE);
      g_string_append_printf (out, "%u", poa_plan_get_semaforo_yellow (plan));
    }

  if (poa_plan_get_tolerance_low (plan) != POA_TOLERANCE_DEFAULT_LOW ||
      poa_plan_get_tolerance_high (plan) != POA_TOLERANCE_DEFAULT_HIGH)
    {
      append_key (out, 1, "tolerance_low", FALSE);
      g_string_append_printf (out, "%u", poa_plan_get_tolerance_low (plan));
      append_key (out, 1, "tolerance_high", FALSE);
      g_string_append_printf (out, "%u", poa_plan_get_tolerance_high (plan));
    }

  append_list (out, "signatures", G_LIST_MODEL (poa_plan_get_signatures (plan)),
               (void (*) (GString *, gpointer))append_signature);
  append_key (out, 1, "activities", FALSE);
  g_string_append_c (out, '[');
}

/* One element of the activities' list, as append_list() writes one. */
static void
append_list_activity (GString     *out,
                      guint        index,
                      PoaActivity *activity)
{
  g_string_append (out, index == 0 ? "\n    " : ",\n    ");
  append_activity (out, activity);
}

/* From the end of the activities' list to the end of the file. */
static void
append_tail (GString *out,
             PoaPlan *plan,
             guint    n_activities)
{
  g_string_append (out, n_activities > 0 ? "\n  ]" : "]");
  append_list (out, "indicators", G_LIST_MODEL (poa_plan_get_indicators (plan)),
               (void (*) (GString *, gpointer))append_indicator);
  append_list (out, "budget", G_LIST_MODEL (poa_plan_get_budget (plan)),
               (void (*) (GString *, gpointer))append_budget_line);
  append_review_and_history (out, plan);
  append_observations_and_closed_quarters (out, plan);
  g_string_append (out, "\n}\n");
}

/**
 * poa_plan_json_to_string:
 *
 * Returns: (transfer full): the plan file's text, UTF-8, ending in a newline.
 */
char *
poa_plan_json_to_string (PoaPlan *plan)
{
  GListModel *activities;
  GString *out;
  guint n;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  n = g_list_model_get_n_items (activities);
  out = g_string_new (NULL);
  append_head (out, plan, needs_version_2 (plan));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      append_list_activity (out, i, activity);
    }
  append_tail (out, plan, n);

  return g_string_free (out, FALSE);
}

/* Writing as the activities come (issue 21): the text goes to the file in pieces of this
 * size, never whole. */
#define WRITE_PIECE (256 * 1024)

struct _PoaPlanJsonWriter
{
  PoaPlan       *plan;
  PoaAtomicFile *file;
  GString       *out;
  guint          n_activities;
};

static gboolean
writer_fail (GError  *local_error,
             GError **error)
{
  /* The message already names the file and says why. */
  g_set_error_literal (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_WRITE, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

static gboolean
writer_flush (PoaPlanJsonWriter  *self,
              GError            **error)
{
  GError *local_error = NULL;

  if (!poa_atomic_file_write (self->file, self->out->str, self->out->len, &local_error))
    return writer_fail (local_error, error);
  g_string_truncate (self->out, 0);
  return TRUE;
}

void
poa_plan_json_writer_free (PoaPlanJsonWriter *self)
{
  if (self == NULL)
    return;

  /* Not committed: the temporary goes, the target stays as it was. */
  g_clear_pointer (&self->file, poa_atomic_file_free);
  g_clear_object (&self->plan);
  g_string_free (self->out, TRUE);
  g_free (self);
}

/**
 * poa_plan_json_writer_begin:
 * @plan: the plan, whose activities are written first; poa_plan_json_writer_add() adds others
 * @follow_up: whether any activity to be added has a calendar (a plan file that holds one is
 *   version 2, and says so at its top)
 * @path: the file to write, through poa-atomic-file.c
 *
 * Starts writing a plan file whose activities are handed over one at a time, for a plan not
 * held whole; the text is the same, byte for byte, as poa_plan_json_to_string() gives for the
 * plan holding all of them.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set.
 */
PoaPlanJsonWriter *
poa_plan_json_writer_begin (PoaPlan     *plan,
                            gboolean     follow_up,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(PoaPlanJsonWriter) self = NULL;
  GError *local_error = NULL;
  GListModel *activities;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (PoaPlanJsonWriter, 1);
  self->plan = g_object_ref (plan);
  self->out = g_string_sized_new (WRITE_PIECE + 64 * 1024);
  if (!(self->file = poa_atomic_file_begin (path, 0644, &local_error)))
    {
      writer_fail (local_error, error);
      return NULL;
    }

  append_head (self->out, plan, follow_up || needs_version_2 (plan));
  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      if (!poa_plan_json_writer_add (self, activity, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * poa_plan_json_writer_add:
 *
 * Writes the next activity.
 */
gboolean
poa_plan_json_writer_add (PoaPlanJsonWriter  *self,
                          PoaActivity        *activity,
                          GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  append_list_activity (self->out, self->n_activities++, activity);
  return self->out->len < WRITE_PIECE || writer_flush (self, error);
}

/**
 * poa_plan_json_writer_commit:
 *
 * Writes the rest of the plan and puts the file in place (flushed to the disk, renamed). A
 * writer freed without it leaves no file.
 */
gboolean
poa_plan_json_writer_commit (PoaPlanJsonWriter  *self,
                             GError            **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  append_tail (self->out, self->plan, self->n_activities);
  if (!writer_flush (self, error))
    return FALSE;
  if (!poa_atomic_file_commit (self->file, &local_error))
    return writer_fail (local_error, error);
  return TRUE;
}

/**
 * poa_plan_json_save:
 *
 * Writes the plan file beside @path, flushes it to the disk and renames it into place
 * (poa-atomic-file.c), so that a failure leaves no partial file.
 */
gboolean
poa_plan_json_save (PoaPlan     *plan,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(PoaPlanJsonWriter) writer = NULL;

  g_return_val_if_fail (POA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return (writer = poa_plan_json_writer_begin (plan, FALSE, path, error)) != NULL &&
         poa_plan_json_writer_commit (writer, error);
}
