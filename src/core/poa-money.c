/* poa-money.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-money"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "poa-money.h"

G_DEFINE_QUARK (poa-money-error-quark, poa_money_error)

static gboolean
invalid (GError **error)
{
  g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_INVALID,
                       _("write an amount in pesos like 5000, 5,000.00 or $ 5,000.00"));
  return FALSE;
}

static gboolean
too_large (GError **error)
{
  g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_TOO_LARGE,
                       _("the amount is too large"));
  return FALSE;
}

/**
 * poa_money_parse:
 * @text: an amount as typed: `5000`, `5,000.00`, `$ 5,000.00`, `$5000.5`
 * @centavos: (out): the amount in whole centavos
 *
 * Commas, when present, must group the pesos by thousands (the Mexican convention), and there
 * are at most two decimals after a point. Everything else (`5.000,00`, `-3`, `1e9`, `abc`) is
 * refused with a message that says why, rather than guessed.
 */
gboolean
poa_money_parse (const char  *text,
                 gint64      *centavos,
                 GError     **error)
{
  gint64 pesos = 0, cents = 0;
  guint digits = 0, group = 0, decimals = 0;
  gboolean grouped = FALSE;
  const char *p;

  g_return_val_if_fail (centavos != NULL, FALSE);

  if (text == NULL)
    return invalid (error);

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  if (*p == '-')
    {
      g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_NEGATIVE,
                           _("the amount cannot be negative"));
      return FALSE;
    }

  if (*p == '$')
    {
      p++;
      while (g_ascii_isspace (*p))
        p++;
    }

  if (*p == '-')
    {
      g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_NEGATIVE,
                           _("the amount cannot be negative"));
      return FALSE;
    }

  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          /* A comma closes a group: the first of 1–3 digits, later ones of exactly 3. */
          if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3))
            return invalid (error);
          grouped = TRUE;
          group = 0;
          continue;
        }

      if (!g_ascii_isdigit (*p))
        break;

      pesos = pesos * 10 + (*p - '0');
      digits++;
      group++;

      if (pesos > POA_MONEY_MAX_CENTAVOS / 100)
        return too_large (error);
    }

  if (digits == 0 || (grouped && group != 3))
    return invalid (error);

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          /* Even 5.000 is refused: it may be five thousand written the European way. */
          if (++decimals > 2)
            {
              g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_TOO_MANY_DECIMALS,
                                   _("an amount has at most two decimals (centavos)"));
              return FALSE;
            }
          cents = cents * 10 + (*p - '0');
        }
      if (decimals == 1)
        cents *= 10;
    }

  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0')
    return invalid (error);

  if (pesos * 100 + cents > POA_MONEY_MAX_CENTAVOS)
    return too_large (error);

  *centavos = pesos * 100 + cents;
  return TRUE;
}

/**
 * poa_money_from_pesos:
 * @pesos: an amount read from a plan file as a number
 * @centavos: (out): the same amount in whole centavos
 *
 * Refuses amounts that are negative, not finite, too large, or that have more than two decimals.
 * A decimal number such as 0.1 is not exact as a double, so the test is whether @pesos is the
 * double nearest its own value written with two decimals: 5000.1 and 5000.10 are, 12345.678 and
 * 100.001 are not, whatever their size (the test is exact, not a tolerance).
 */
gboolean
poa_money_from_pesos (double   pesos,
                      gint64  *centavos,
                      GError **error)
{
  char two_decimals[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (centavos != NULL, FALSE);

  if (!isfinite (pesos))
    return invalid (error);

  if (pesos < 0)
    {
      g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_NEGATIVE,
                           _("the amount cannot be negative"));
      return FALSE;
    }

  /* 0 and -0 (which "%.2f" would write as -0.00). */
  if (pesos == 0)
    {
      *centavos = 0;
      return TRUE;
    }

  if (pesos * 100.0 > (double)POA_MONEY_MAX_CENTAVOS)
    return too_large (error);

  g_ascii_formatd (two_decimals, sizeof two_decimals, "%.2f", pesos);
  if (g_ascii_strtod (two_decimals, NULL) != pesos)
    {
      g_set_error_literal (error, POA_MONEY_ERROR, POA_MONEY_ERROR_TOO_MANY_DECIMALS,
                           _("an amount has at most two decimals (centavos)"));
      return FALSE;
    }

  /* Counted from the digits, not by multiplying a double. */
  return poa_money_parse (two_decimals, centavos, error);
}

/**
 * poa_format_count:
 *
 * Returns: (transfer full): @number with its thousands grouped by commas, as Mexican documents
 *   write it and as amounts are shown: `1,237,500`.
 */
char *
poa_format_count (guint64 number)
{
  char digits[24];
  GString *s = g_string_sized_new (32);
  gsize len;

  len = (gsize)g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, number);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }

  return g_string_free (s, FALSE);
}

/**
 * poa_money_format:
 *
 * Returns: (transfer full): the amount as the documents print it, `$ 5,000.00`.
 */
char *
poa_money_format (gint64 centavos)
{
  g_autofree char *pesos = NULL;
  guint64 magnitude;

  magnitude = centavos < 0 ? (guint64)(-(centavos + 1)) + 1 : (guint64)centavos;
  pesos = poa_format_count (magnitude / 100);

  return g_strdup_printf ("%s$ %s.%02u", centavos < 0 ? "-" : "", pesos, (guint)(magnitude % 100));
}

/**
 * poa_money_append_decimal:
 *
 * Appends the amount in pesos as a plain decimal number with two decimals (`5000.00`), the
 * form a plan file holds.
 */
void
poa_money_append_decimal (GString *string,
                          gint64   centavos)
{
  g_return_if_fail (string != NULL);
  g_return_if_fail (centavos >= 0);

  g_string_append_printf (string, "%" G_GINT64_FORMAT ".%02u",
                          centavos / 100, (guint)(centavos % 100));
}

/**
 * poa_money_to_pesos:
 *
 * For spreadsheets and charts only, which hold numbers as doubles: exact up to
 * %POA_MONEY_MAX_CENTAVOS.
 */
double
poa_money_to_pesos (gint64 centavos)
{
  return centavos / 100.0;
}

/**
 * poa_money_add:
 *
 * Adds two amounts for a total. Each line holds at most %POA_MONEY_MAX_CENTAVOS, but a plan may
 * hold any number of lines: a total past what a gint64 holds stops there rather than wrap.
 */
gint64
poa_money_add (gint64 a,
               gint64 b)
{
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum))
    return b > 0 ? G_MAXINT64 : G_MININT64;

  return sum;
}

/**
 * poa_money_check_total:
 * @total: a plan's budget total, as poa_money_add() sums it
 *
 * A budget total is at most %POA_MONEY_MAX_TOTAL_CENTAVOS. Whatever inserts or changes a budget
 * line checks the total it would make (the plan file's reader, the editors), and `check`
 * reports a plan already past it.
 */
gboolean
poa_money_check_total (gint64   total,
                       GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *ceiling = NULL;

  if (total >= 0 && total <= POA_MONEY_MAX_TOTAL_CENTAVOS)
    return TRUE;

  /* A total that saturated at G_MAXINT64 is past the ceiling without being the sum. */
  ceiling = poa_money_format (POA_MONEY_MAX_TOTAL_CENTAVOS);
  if (total == G_MAXINT64 || total < 0)
    g_set_error (error, POA_MONEY_ERROR, POA_MONEY_ERROR_TOTAL_TOO_LARGE,
                 _("the budget total is more than %s, the most a plan may hold"), ceiling);
  else
    {
      text = poa_money_format (total);
      g_set_error (error, POA_MONEY_ERROR, POA_MONEY_ERROR_TOTAL_TOO_LARGE,
                   _("the budget total, %s, is more than %s, the most a plan may hold"),
                   text, ceiling);
    }
  return FALSE;
}
