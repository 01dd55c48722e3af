/* test-validate.c — values typed in the editors: each rule, and the message that says why.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

  return g_test_run ();
}
