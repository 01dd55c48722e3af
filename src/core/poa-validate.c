/* poa-validate.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-validate"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-date.h"
#include "poa-plan.h"
#include "poa-validate.h"
#include "poa-validate-private.h"

/* Values typed by a person, read the way the office writes them and refused with a message
 * that says why. The editors call these as the text changes, once, and keep the value read;
 * only what they accept is handed to PoaDocument, so nothing invalid reaches the model or the
 * file. */

G_DEFINE_QUARK (poa-validate-error-quark, poa_validate_error)

/* See poa-validate-private.h. */
static int texts_read;

void
_poa_validate_get_runs (guint *texts)
{
  *texts = (guint)g_atomic_int_get (&texts_read);
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;

  return TRUE;
}

/* "1,500" and "1,000,000" are how numbers are grouped in Mexico; "1,50" is not a grouping. */
static gboolean
is_grouped (const char *text)
{
  g_auto(GStrv) groups = g_strsplit (text, ",", -1);
  guint n = g_strv_length (groups);

  if (n < 2 || !all_digits (groups[0]) || strlen (groups[0]) > 3)
    return FALSE;

  for (guint i = 1; i < n; i++)
    if (!all_digits (groups[i]) || strlen (groups[i]) != 3)
      return FALSE;

  return TRUE;
}

/**
 * poa_validate_goal:
 * @text: a meta as typed: `20`, `1,500`
 * @value: (out) (optional): the number
 *
 * A meta is a whole number from 0 to %POA_GOAL_MAX.
 */
gboolean
poa_validate_goal (const char  *text,
                   guint       *value,
                   GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *digits = NULL;
  guint64 number = 0;

  g_atomic_int_inc (&texts_read);

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_EMPTY,
                           _("Write a whole number, 0 or more"));
      return FALSE;
    }

  if (stripped[0] == '-' && stripped[1] != '\0')
    {
      g_set_error_literal (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_NEGATIVE,
                           _("A meta cannot be negative: write 0 or more"));
      return FALSE;
    }

  if (strchr (stripped, ',') != NULL && is_grouped (stripped))
    {
      g_auto(GStrv) groups = g_strsplit (stripped, ",", -1);
      digits = g_strjoinv ("", groups);
    }
  else
    digits = g_strdup (stripped);

  if (!all_digits (digits))
    {
      gboolean decimal = strspn (stripped, "0123456789.,") == strlen (stripped);

      if (decimal)
        g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_NOT_WHOLE,
                     _("“%s” is not a whole number: metas have no decimals"), stripped);
      else
        g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_NOT_A_NUMBER,
                     _("“%s” is not a number"), stripped);
      return FALSE;
    }

  for (const char *p = digits; *p != '\0'; p++)
    {
      number = number * 10 + (guint64)(*p - '0');
      if (number > POA_GOAL_MAX)
        {
          g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_TOO_LARGE,
                       _("A meta can be at most %u"), POA_GOAL_MAX);
          return FALSE;
        }
    }

  if (value != NULL)
    *value = (guint)number;
  return TRUE;
}

/**
 * poa_validate_year:
 * @text: a plan year as typed
 * @value: (out) (optional): the year
 *
 * A plan year has four digits, from %POA_YEAR_MIN to %POA_YEAR_MAX.
 */
gboolean
poa_validate_year (const char  *text,
                   guint       *value,
                   GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint year;

  g_atomic_int_inc (&texts_read);

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_EMPTY,
                           _("Write the plan year, for example 2027"));
      return FALSE;
    }

  if (!all_digits (stripped))
    {
      g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a year"), stripped);
      return FALSE;
    }

  year = strlen (stripped) <= 4 ? (guint)g_ascii_strtoull (stripped, NULL, 10) : G_MAXUINT;
  if (year < POA_YEAR_MIN || year > POA_YEAR_MAX)
    {
      g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_OUT_OF_RANGE,
                   _("The year must be between %u and %u"), POA_YEAR_MIN, POA_YEAR_MAX);
      return FALSE;
    }

  if (value != NULL)
    *value = year;
  return TRUE;
}

/**
 * poa_validate_date:
 * @text: a date as typed, `dd/mm/yyyy`, or nothing for an unknown date
 * @date: (out caller-allocates): the date; cleared (invalid) when @text is empty
 *
 * An empty text is accepted: the date is not known yet (`check` warns about it).
 */
gboolean
poa_validate_date (const char  *text,
                   GDate       *date,
                   GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = NULL;

  g_atomic_int_inc (&texts_read);

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (stripped[0] == '\0')
    return TRUE;

  if (poa_date_parse_dmy (stripped, date))
    return TRUE;

  /* Say what is wrong with the shape the office uses, rather than only "bad date". */
  parts = g_strsplit (stripped, "/", -1);
  if (g_strv_length (parts) == 3 && all_digits (parts[0]) && all_digits (parts[1]) &&
      all_digits (parts[2]) && strlen (parts[0]) <= 2 && strlen (parts[1]) <= 2)
    {
      if (strlen (parts[2]) != 4)
        g_set_error_literal (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_SHORT_YEAR,
                             _("Write the year with four digits, as in 31/12/2026"));
      else
        g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_NO_SUCH_DATE,
                     _("%s is not a day of the calendar"), stripped);
      return FALSE;
    }

  g_set_error_literal (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_DATE_FORMAT,
                       _("Write the date as dd/mm/yyyy, for example 31/12/2026"));
  return FALSE;
}

/**
 * poa_validate_date_order:
 * @start: (nullable): the start date, %NULL when unknown
 * @end: (nullable): the end date, %NULL when unknown
 *
 * An activity cannot end before it starts; an unknown date contradicts nothing.
 */
gboolean
poa_validate_date_order (const GDate  *start,
                         const GDate  *end,
                         GError      **error)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end) ||
      g_date_compare (start, end) <= 0)
    return TRUE;

  start_text = poa_date_format_dmy (start);
  end_text = poa_date_format_dmy (end);
  g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_END_BEFORE_START,
               _("The end (%s) comes before the start (%s)"), end_text, start_text);
  return FALSE;
}

/**
 * poa_validate_date_in_year:
 * @date: (nullable): a date
 * @year: the plan year
 *
 * A date outside the plan year is allowed (an activity may have begun the year before) but
 * flagged, since it is more often a typo.
 *
 * Returns: (transfer full) (nullable): the warning to show, or %NULL when there is none.
 */
char *
poa_validate_date_in_year (const GDate *date,
                           guint        year)
{
  g_autofree char *text = NULL;

  if (date == NULL || !g_date_valid (date) || g_date_get_year (date) == year)
    return NULL;

  text = poa_date_format_dmy (date);
  return g_strdup_printf (_("%s is outside the plan year %u"), text, year);
}
