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
#include "poa-validate.h"
#include "poa-xlsx-import.h"
#include "poa-xlsx-reader.h"

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

/* The text rule, written again the slow way, character by character: what it forbids. */
static gboolean
reference_forbidden (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x80 && c <= 0x9f) ||
         c == 0xfffe || c == 0xffff;
}

/* Any bytes as a text (issue 14, item 2): the fast scan agrees with the reference on valid
 * UTF-8; the plan file refuses exactly what the rule forbids, and keeps the rest exactly; what
 * the workbook writer is given after sanitising is always UTF-8 the rule allows; a message
 * quoting it holds no control character. */
int
poa_fuzz_text (const guint8 *data,
               gsize         size)
{
  const char *text = (const char *)data;
  g_autofree char *clean = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *c_string = g_strndup (text, size);
  gboolean valid = g_utf8_validate_len (text, size, NULL);

  clean = poa_text_sanitize_for_xml (c_string);
  g_assert_true (g_utf8_validate (clean, -1, NULL));
  g_assert_false (poa_text_find_forbidden (clean, strlen (clean), NULL, NULL));
  if (g_utf8_validate (c_string, -1, NULL) &&
      !poa_text_find_forbidden (c_string, strlen (c_string), NULL, NULL))
    g_assert_cmpstr (clean, ==, c_string);

  quoted = poa_text_quote_for_message (text, size);
  g_assert_true (g_utf8_validate (quoted, -1, NULL));
  for (const char *p = quoted; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (reference_forbidden (g_utf8_get_char (p)) || g_utf8_get_char (p) == '\t' ||
                    g_utf8_get_char (p) == '\n');

  if (valid)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": \"poa-plan\", \"version\": 1, \"year\": 2026, \"area\": \"");
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaPlan) plan = NULL;
      gboolean expected_forbidden = FALSE;
      gunichar first = 0, c = 0;
      gsize first_at = 0, at = 0, position = 0;

      /* Character by character: NUL is a character here, as "\u0000" is in a plan file. */
      for (const char *p = text; p < text + size; p = (*p == '\0') ? p + 1 : g_utf8_next_char (p), position++)
        {
          gunichar u = (*p == '\0') ? 0 : g_utf8_get_char (p);

          if (reference_forbidden (u) && !expected_forbidden)
            {
              expected_forbidden = TRUE;
              first = u;
              first_at = position;
            }
          if (u < 0x20 || u == '"' || u == '\\')
            g_string_append_printf (json, "\\u%04x", u);
          else
            g_string_append_unichar (json, u);
        }
      g_string_append (json, "\"}");

      g_assert_cmpint (poa_text_find_forbidden (text, size, &c, &at), ==, expected_forbidden);
      g_assert_cmpint (poa_validate_text (text, size, "area", NULL), ==, !expected_forbidden);
      if (expected_forbidden)
        {
          g_assert_cmpuint (c, ==, first);
          g_assert_cmpuint (at, ==, first_at);
        }

      plan = poa_plan_json_parse (json->str, json->len, "text.json", &error);
      if (expected_forbidden)
        {
          g_assert_null (plan);
          g_assert_nonnull (strstr (error->message, "“area”"));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpmem (poa_plan_get_area (plan), strlen (poa_plan_get_area (plan)), text, size);
        }
    }

  return 0;
}

/* A workbook (poa import FILE.xlsx): any bytes are refused with a message naming the file, or
 * make a plan that is a valid plan file, read back equal. */
int
poa_fuzz_xlsx (const guint8 *data,
               gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaXlsxBook) book = poa_xlsx_book_open_memory (data, size, "fuzz.xlsx", &error);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaPlan) again = NULL;
  g_autofree char *text = NULL;

  if (book == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xlsx"));
      return 0;
    }

  plan = poa_xlsx_import_book (book, &warnings, &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xlsx"));
      return 0;
    }

  text = poa_plan_json_to_string (plan);
  again = poa_plan_json_parse (text, strlen (text), "again.json", &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, again));
  return 0;
}
