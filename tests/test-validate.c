/* test-validate.c — values typed in the editors: each rule, and the message that says why.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-validate.h"

static void
assert_goal_refused (const char *text,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  guint value = 12345;

  g_assert_false (poa_validate_goal (text, &value, &error));
  g_assert_error (error, POA_VALIDATE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (value, ==, 12345);
}

static void
test_goal_accepts_whole_numbers (void)
{
  static const struct { const char *text; guint value; } good[] = {
    { "0", 0 }, { "20", 20 }, { " 15 ", 15 }, { "007", 7 }, { "1,500", 1500 },
    { "1,000,000,000", POA_GOAL_MAX }, { "1000000000", POA_GOAL_MAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint value = 0;

      g_assert_true (poa_validate_goal (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (value, ==, good[i].value);
    }
}

static void
test_goal_refuses_with_reason (void)
{
  assert_goal_refused ("", POA_VALIDATE_ERROR_EMPTY, "Write a whole number, 0 or more");
  assert_goal_refused ("   ", POA_VALIDATE_ERROR_EMPTY, "Write a whole number, 0 or more");
  assert_goal_refused ("-3", POA_VALIDATE_ERROR_NEGATIVE, "A meta cannot be negative: write 0 or more");
  assert_goal_refused ("2.5", POA_VALIDATE_ERROR_NOT_WHOLE, "“2.5” is not a whole number: metas have no decimals");
  assert_goal_refused ("20,5", POA_VALIDATE_ERROR_NOT_WHOLE, "“20,5” is not a whole number: metas have no decimals");
  assert_goal_refused ("veinte", POA_VALIDATE_ERROR_NOT_A_NUMBER, "“veinte” is not a number");
  assert_goal_refused ("20%", POA_VALIDATE_ERROR_NOT_A_NUMBER, "“20%” is not a number");
  assert_goal_refused ("+5", POA_VALIDATE_ERROR_NOT_A_NUMBER, "“+5” is not a number");
  assert_goal_refused ("1000000001", POA_VALIDATE_ERROR_TOO_LARGE, "A meta can be at most 1000000000");
  assert_goal_refused ("99999999999999999999999", POA_VALIDATE_ERROR_TOO_LARGE, "A meta can be at most 1000000000");
}

static void
test_year_in_range (void)
{
  g_autoptr(GError) error = NULL;
  guint year = 0;

  g_assert_true (poa_validate_year ("2027", &year, &error));
  g_assert_cmpuint (year, ==, 2027);

  g_assert_false (poa_validate_year ("1999", &year, &error));
  g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "The year must be between 2000 and 2100");
  g_clear_error (&error);

  g_assert_false (poa_validate_year ("20270", &year, &error));
  g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (poa_validate_year ("dos mil", &year, &error));
  g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);

  g_assert_false (poa_validate_year ("", &year, &error));
  g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_EMPTY);
  g_assert_cmpuint (year, ==, 2027);
}

static void
test_date_as_the_office_writes (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (poa_validate_date ("31/12/2026", &date, &error));
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_month (&date), ==, 12);

  g_assert_true (poa_validate_date ("5/2/2026", &date, &error));
  g_assert_cmpuint (g_date_get_day (&date), ==, 5);

  /* Nothing typed: the date is not known yet, which is allowed. */
  g_assert_true (poa_validate_date ("  ", &date, &error));
  g_assert_false (g_date_valid (&date));
  g_assert_no_error (error);
}

static void
test_date_refuses_with_reason (void)
{
  static const struct { const char *text; int code; const char *message; } bad[] = {
    { "31/02/2026", POA_VALIDATE_ERROR_NO_SUCH_DATE, "31/02/2026 is not a day of the calendar" },
    { "29/02/2027", POA_VALIDATE_ERROR_NO_SUCH_DATE, "29/02/2027 is not a day of the calendar" },
    { "01/13/2026", POA_VALIDATE_ERROR_NO_SUCH_DATE, "01/13/2026 is not a day of the calendar" },
    { "00/01/2026", POA_VALIDATE_ERROR_NO_SUCH_DATE, "00/01/2026 is not a day of the calendar" },
    { "31/12/26", POA_VALIDATE_ERROR_SHORT_YEAR, "Write the year with four digits, as in 31/12/2026" },
    { "2026-12-31", POA_VALIDATE_ERROR_DATE_FORMAT, "Write the date as dd/mm/yyyy, for example 31/12/2026" },
    { "12/31", POA_VALIDATE_ERROR_DATE_FORMAT, "Write the date as dd/mm/yyyy, for example 31/12/2026" },
    { "mañana", POA_VALIDATE_ERROR_DATE_FORMAT, "Write the date as dd/mm/yyyy, for example 31/12/2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_false (poa_validate_date (bad[i].text, &date, &error));
      g_assert_error (error, POA_VALIDATE_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }
}

static void
test_end_not_before_start (void)
{
  g_autoptr(GError) error = NULL;
  GDate start, end;

  g_date_set_dmy (&start, 1, 1, 2026);
  g_date_set_dmy (&end, 31, 12, 2025);
  g_assert_false (poa_validate_date_order (&start, &end, &error));
  g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_END_BEFORE_START);
  g_assert_cmpstr (error->message, ==, "The end (31/12/2025) comes before the start (01/01/2026)");
  g_clear_error (&error);

  /* The same day, and unknown dates, contradict nothing. */
  g_assert_true (poa_validate_date_order (&start, &start, &error));
  g_assert_true (poa_validate_date_order (NULL, &end, &error));
  g_assert_true (poa_validate_date_order (&start, NULL, &error));
  g_date_set_dmy (&end, 31, 12, 2026);
  g_assert_true (poa_validate_date_order (&start, &end, &error));
  g_assert_no_error (error);
}

static void
test_dates_outside_the_year_are_flagged (void)
{
  g_autofree char *warning = NULL;
  GDate date;

  g_date_set_dmy (&date, 1, 1, 2025);
  warning = poa_validate_date_in_year (&date, 2026);
  g_assert_cmpstr (warning, ==, "01/01/2025 is outside the plan year 2026");

  g_date_set_dmy (&date, 31, 12, 2026);
  g_assert_null (poa_validate_date_in_year (&date, 2026));
  g_assert_null (poa_validate_date_in_year (NULL, 2026));
}

/* Issue 14, item 2: the one text rule. Tab and newline are kept; every other C0 control, the C1
 * controls, U+FFFE, U+FFFF and NUL are refused, naming the field and where. */
static void
test_text_rule (void)
{
  static const struct {
    const char *text;
    gsize       length;
    gunichar    character;
    gsize       position;
  } refused[] = {
    { "antes\0despues", 14, 0x0000, 5 },
    { "A\vB", 3, 0x000b, 1 },
    { "\x01", 1, 0x0001, 0 },
    { "retorno\r\n", 9, 0x000d, 7 },
    { "\x1f", 1, 0x001f, 0 },
    { "ñandú \x1b[31m", 12, 0x001b, 6 },
    { "\xc2\x80", 2, 0x0080, 0 },
    { "é\xc2\x9f", 4, 0x009f, 1 },
    { "x\xef\xbf\xbe", 4, 0xfffe, 1 },
    { "\xef\xbf\xbfy", 4, 0xffff, 0 },
  };
  static const char *allowed[] = {
    "", "tab\tnewline\n", "DEL \x7f", "NBSP \xc2\xa0 ¡ ©", "\xef\xbf\xbd \xef\xbf\xbc \xef\xbf\xaf",
    "🌵 \xf4\x8f\xbf\xbd", "\xc2\xbf\xc3\xa1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *at = NULL;
      g_autofree char *code = NULL;
      gunichar c = 0;
      gsize position = 0;

      g_test_message ("refused %u", i);
      g_assert_true (poa_text_find_forbidden (refused[i].text, refused[i].length, &c, &position));
      g_assert_cmpuint (c, ==, refused[i].character);
      g_assert_cmpuint (position, ==, refused[i].position);

      g_assert_false (poa_validate_text (refused[i].text, refused[i].length, "Área", &error));
      g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_FORBIDDEN_CHARACTER);
      code = g_strdup_printf ("U+%04X", refused[i].character);
      at = g_strdup_printf ("character %" G_GSIZE_FORMAT, refused[i].position + 1);
      g_assert_nonnull (strstr (error->message, "“Área”"));
      g_assert_nonnull (strstr (error->message, code));
      g_assert_nonnull (strstr (error->message, at));
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("allowed %u", i);
      g_assert_false (poa_text_find_forbidden (allowed[i], strlen (allowed[i]), NULL, NULL));
      g_assert_true (poa_validate_text (allowed[i], -1, "Área", &error));
      g_assert_no_error (error);
    }

  /* With length -1 the text ends at its NUL: what the editors hand over, a C string. */
  g_assert_true (poa_validate_text ("antes\0despues", -1, "Área", NULL));
  g_assert_true (poa_validate_text (NULL, -1, "Área", NULL));
}

/* Issue 14, item 9: a workbook cell holds 32,767 characters; characters, not bytes. */
static void
test_text_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ascii_fits = g_strnfill (32767, 'a');
  g_autofree char *ascii_long = g_strnfill (32768, 'a');
  GString *accents = g_string_new (NULL);

  g_assert_true (poa_validate_text_length (ascii_fits, "Unidad de medida", NULL));
  g_assert_false (poa_validate_text_length (ascii_long, "Unidad de medida", &error));
  g_assert_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "“Unidad de medida” has 32768 characters, more than the 32767 a workbook cell holds");
  g_clear_error (&error);

  /* 32,767 "ñ" are 65,534 bytes, and fit. */
  for (guint i = 0; i < 32767; i++)
    g_string_append (accents, "ñ");
  g_assert_true (poa_validate_text_length (accents->str, "Nombre", NULL));
  g_string_append (accents, "ñ");
  g_assert_false (poa_validate_text_length (accents->str, "Nombre", &error));
  g_assert_nonnull (strstr (error->message, "32768"));
  g_string_free (accents, TRUE);
}

/* What the workbook writer puts in place of texts stored before the rule: always text XML
 * can hold. The expected strings are written out by hand. */
static void
test_text_sanitize_for_xml (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "", "" },
    { "sin cambios\tni\nnada", "sin cambios\tni\nnada" },
    { "A\vB", "A\nB" },
    { "hoja\fnueva", "hoja\nnueva" },
    { "windows\r\nline", "windows\nline" },
    { "mac\rline", "mac\nline" },
    { "bell\x07!", "bell\xef\xbf\xbd!" },
    { "esc\x1b[31m", "esc\xef\xbf\xbd[31m" },
    { "c1 \xc2\x85 \xc2\x9f", "c1 \xef\xbf\xbd \xef\xbf\xbd" },
    { "nc \xef\xbf\xbe\xef\xbf\xbf", "nc \xef\xbf\xbd\xef\xbf\xbd" },
    { "bad \xff utf8", "bad \xef\xbf\xbd utf8" },
    { "ñ \xc2\xa0 \xc2\xbf", "ñ \xc2\xa0 \xc2\xbf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = poa_text_sanitize_for_xml (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (clean, ==, cases[i].expected);
      g_assert_false (poa_text_find_forbidden (clean, strlen (clean), NULL, NULL));
    }

  {
    g_autofree char *empty = poa_text_sanitize_for_xml (NULL);
    g_assert_cmpstr (empty, ==, "");
  }
}

/* Issue 14, item 11: what a message quotes of the user's text cannot drive the terminal. */
static void
test_text_quote_for_message (void)
{
  g_autofree char *plain = poa_text_quote_for_message ("aera", -1);
  g_autofree char *escaped = poa_text_quote_for_message ("\x1b]0;x\x07\x1b[2J\xc2\x9b", -1);
  g_autofree char *with_nul = poa_text_quote_for_message ("a\0b", 3);
  g_autofree char *long_text = g_strnfill (100, 'x');
  g_autofree char *cut = poa_text_quote_for_message (long_text, -1);
  g_autofree char *expected_cut = g_strdup_printf ("“%.60s…”", long_text);

  g_assert_cmpstr (plain, ==, "“aera”");
  g_assert_cmpstr (escaped, ==, "“\\u001B]0;x\\u0007\\u001B[2J\\u009B”");
  g_assert_cmpstr (with_nul, ==, "“a\xef\xbf\xbd" "b”");
  g_assert_cmpstr (cut, ==, expected_cut);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/goal/accepts-whole-numbers", test_goal_accepts_whole_numbers);
  g_test_add_func ("/validate/goal/refuses-with-reason", test_goal_refuses_with_reason);
  g_test_add_func ("/validate/year/in-range", test_year_in_range);
  g_test_add_func ("/validate/date/as-the-office-writes", test_date_as_the_office_writes);
  g_test_add_func ("/validate/date/refuses-with-reason", test_date_refuses_with_reason);
  g_test_add_func ("/validate/date/end-not-before-start", test_end_not_before_start);
  g_test_add_func ("/validate/date/outside-the-year-is-flagged", test_dates_outside_the_year_are_flagged);
  g_test_add_func ("/validate/text/rule", test_text_rule);
  g_test_add_func ("/validate/text/length", test_text_length);
  g_test_add_func ("/validate/text/sanitize-for-xml", test_text_sanitize_for_xml);
  g_test_add_func ("/validate/text/quote-for-message", test_text_quote_for_message);

  return g_test_run ();
}
