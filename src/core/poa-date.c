/* poa-date.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-date.h"
#include "poa-types.h"

/* Reads exactly @len ASCII digits; no sign, no spaces. */
static gboolean
read_digits (const char *text,
             guint       len,
             guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint)(text[i] - '0');
    }

  *value = v;
  return TRUE;
}

static gboolean
set_dmy (GDate *date,
         guint  day,
         guint  month,
         guint  year)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * poa_date_parse_iso:
 * @text: a date written `YYYY-MM-DD`, nothing more
 * @date: (out caller-allocates): where to store it
 *
 * Returns: %TRUE if @text is a real calendar date in that form.
 */
gboolean
poa_date_parse_iso (const char *text,
                    GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!read_digits (text, 4, &year) ||
      !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day))
    return FALSE;

  return set_dmy (date, day, month, year);
}

/**
 * poa_date_format_iso:
 *
 * Returns: (transfer full) (nullable): `YYYY-MM-DD`, or %NULL for an unset date.
 */
char *
poa_date_format_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * poa_date_parse_dmy:
 * @text: a date as the office writes it, `dd/mm/yyyy` (one-digit day and month accepted)
 * @date: (out caller-allocates): where to store it
 *
 * Surrounding white space is ignored; a two-digit year is refused, since it would be a guess.
 *
 * Returns: %TRUE if @text is a real calendar date in that form.
 */
gboolean
poa_date_parse_dmy (const char *text,
                    GDate      *date)
{
  guint parts[3] = { 0, 0, 0 };
  guint lens[3] = { 0, 0, 0 };
  guint part = 0;
  const char *p;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;

  for (p = text; *p != '\0' && !g_ascii_isspace (*p); p++)
    {
      if (*p == '/')
        {
          if (++part > 2)
            return FALSE;
          continue;
        }

      if (!g_ascii_isdigit (*p) || ++lens[part] > 4)
        return FALSE;
      parts[part] = parts[part] * 10 + (guint)(*p - '0');
    }

  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || part != 2)
    return FALSE;

  if (lens[0] < 1 || lens[0] > 2 || lens[1] < 1 || lens[1] > 2 || lens[2] != 4)
    return FALSE;

  return set_dmy (date, parts[0], parts[1], parts[2]);
}

/**
 * poa_date_format_dmy:
 *
 * Returns: (transfer full) (nullable): `dd/mm/yyyy`, or %NULL for an unset date.
 */
char *
poa_date_format_dmy (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%02u/%02u/%04u",
                          g_date_get_day (date),
                          g_date_get_month (date),
                          g_date_get_year (date));
}

/**
 * poa_months_from_range:
 * @start: (nullable): first day
 * @end: (nullable): last day
 * @year: the plan year
 *
 * The months of @year that the range from @start to @end touches: the cronograma's shading
 * when the plan gives only dates. Missing dates, a reversed range, or a range outside @year
 * give no month.
 *
 * Returns: a month set, bit 0 being Enero.
 */
guint
poa_months_from_range (const GDate *start,
                       const GDate *end,
                       guint        year)
{
  guint first, last, months = 0;

  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end))
    return 0;

  if (g_date_compare (start, end) > 0)
    return 0;

  if (g_date_get_year (start) > year || g_date_get_year (end) < year)
    return 0;

  first = g_date_get_year (start) < year ? 1 : g_date_get_month (start);
  last = g_date_get_year (end) > year ? 12 : g_date_get_month (end);

  for (guint m = first; m <= last; m++)
    months |= 1u << (m - 1);

  return months & POA_MONTHS_ALL;
}

guint
poa_months_count (guint months)
{
  guint n = 0;

  for (guint m = 0; m < 12; m++)
    n += (months >> m) & 1;

  return n;
}

/**
 * poa_months_next_run:
 * @first: (inout): in, the month (1 to 13) to look from; out, the run's first month
 * @last: (out): the run's last month
 *
 * Finds the next run of consecutive months in a month set, as a bar or "enero a septiembre"
 * shows it. Loop with `for (guint m = 1; poa_months_next_run (months, &m, &last); m = last + 1)`.
 *
 * Returns: %FALSE when no month is set from @first on.
 */
gboolean
poa_months_next_run (guint  months,
                     guint *first,
                     guint *last)
{
  guint m;

  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  for (m = MAX (*first, 1); m <= 12 && !(months & (1u << (m - 1))); m++)
    ;
  if (m > 12)
    return FALSE;

  *first = m;
  while (m < 12 && (months & (1u << m)))
    m++;
  *last = m;
  return TRUE;
}

static const char *month_names[12] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* The documents keep the official Spanish headings whatever the interface language. */
static const char *month_names_spanish[12] = {
  "Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio",
  "Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre",
};

/**
 * poa_month_name:
 * @month: 1 to 12
 *
 * Returns: the month's name in the interface language.
 */
const char *
poa_month_name (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return _(month_names[month - 1]);
}

/**
 * poa_month_name_spanish:
 * @month: 1 to 12
 *
 * Returns: the month's name as the official documents print it.
 */
const char *
poa_month_name_spanish (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return month_names_spanish[month - 1];
}

/**
 * poa_date_get_today:
 * @today: (out caller-allocates): the local date
 *
 * Today, by which the follow-up judges what has ended. `POA_TODAY=YYYY-MM-DD` in the
 * environment sets another day, for tests and for scripts that check a past quarter as it was
 * on its last day; a value that is not a date is ignored.
 */
void
poa_date_get_today (GDate *today)
{
  const char *override = g_getenv ("POA_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (today != NULL);

  if (override != NULL && poa_date_parse_iso (override, today))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}
