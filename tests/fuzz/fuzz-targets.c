/* fuzz-targets.c — what the fuzzers feed the readers of untrusted text.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-targets.h"
#include "poa-date.h"
#include "poa-money.h"
#include "poa-plan-json.h"
#include "poa-plan.h"

/* A plan file: whatever is accepted is written and read back equal, as the specification says
 * of export and import. Errors must name the file. */
int
poa_fuzz_plan_json (const guint8 *data,
                    gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_plan_json_parse ((const char *)data, size, "fuzz.json", &error);
  g_autoptr(PoaPlan) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }

  text = poa_plan_json_to_string (plan);
  again = poa_plan_json_parse (text, strlen (text), "again.json", &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, again));
  text_again = poa_plan_json_to_string (again);
  g_assert_cmpstr (text, ==, text_again);
  return 0;
}

/* An amount as typed: an accepted one is in range and reads back from how it is printed. */
int
poa_fuzz_money (const guint8 *data,
                gsize         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autofree char *printed = NULL;
  gint64 centavos = -1, again = -1;

  if (!poa_money_parse (text, &centavos, NULL))
    return 0;

  g_assert_cmpint (centavos, >=, 0);
  g_assert_cmpint (centavos, <=, POA_MONEY_MAX_CENTAVOS);
  printed = poa_money_format (centavos);
  g_assert_true (poa_money_parse (printed, &again, NULL));
  g_assert_cmpint (again, ==, centavos);
  return 0;
}

/* A date as typed (dd/mm/yyyy) or as stored (YYYY-MM-DD). */
int
poa_fuzz_date (const guint8 *data,
               gsize         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  GDate date, again;

  if (poa_date_parse_iso (text, &date))
    {
      g_autofree char *iso = poa_date_format_iso (&date);

      g_assert_true (g_date_valid (&date));
      g_assert_cmpstr (iso, ==, text);
    }

  if (poa_date_parse_dmy (text, &date))
    {
      g_autofree char *dmy = poa_date_format_dmy (&date);

      g_assert_true (g_date_valid (&date));
      g_assert_true (poa_date_parse_dmy (dmy, &again));
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
    }

  return 0;
}
