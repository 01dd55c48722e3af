/* test-follow-up.c — issue 16's core: the months, the justifications, the tolerance band, in
 * the model, the store, the plan file, the report, check and the indicators.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected figure below is worked out by hand in the comments, never by the functions
 * under test.
 */

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-calendar.h"
#include "poa-check.h"
#include "poa-document.h"
#include "poa-metrics.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-store.h"
#include "test-sqlite.h"
#include "test-util.h"

static GDate *
date (guint day,
      guint month,
      guint year)
{
  return g_date_new_dmy (day, month, year);
}

/* Sets month @month of @activity's calendar, as an edit would: a new calendar each time. */
static void
set_month (PoaActivity *activity,
           guint        month,
           guint        programmed,
           guint        achieved,
           const char  *note)
{
  g_autoptr(PoaCalendar) calendar = poa_calendar_copy (poa_activity_get_calendar (activity));

  poa_calendar_set_month (calendar, month, programmed, achieved, note);
  poa_activity_set_calendar (activity, calendar);
}

static void
set_justification (PoaActivity *activity,
                   guint        quarter,
                   const char  *text)
{
  g_autoptr(PoaCalendar) calendar = poa_calendar_copy (poa_activity_get_calendar (activity));

  poa_calendar_set_justification (calendar, quarter, text);
  poa_activity_set_calendar (activity, calendar);
}

static PoaActivity *
add_activity (PoaPlan *plan,
              guint    number,
              guint    programmed,
              guint    achieved)
{
  g_autoptr(PoaActivity) activity = poa_activity_new ();

  poa_activity_set_number (activity, number);
  poa_activity_set_text (activity, POA_ACTIVITY_NAME, "Actividad");
  poa_activity_set_goal (activity, POA_ACTIVITY_ANNUAL_GOAL, programmed);
  poa_activity_set_goal (activity, POA_ACTIVITY_PROGRAMMED, programmed);
  poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, achieved);
  poa_activity_set_months (activity, 0xfff);
  g_list_store_append (poa_plan_get_activities (plan), activity);
  return activity;
}

/* The report's fixture, year 2026, band 90–110 %:
 *   1: Jan 10/10, Feb 10/5, Mar 10/12, Apr 20/18, Jun 10/0; achieved 50 (45 in months, 5 sin mes)
 *   2: no calendar
 *   3: Jul 5/0 only
 *   4: Apr 10/12
 *   5: Jan 10/11 */
static PoaPlan *
report_plan (void)
{
  PoaPlan *plan = poa_plan_new (2026);
  PoaActivity *a;

  a = add_activity (plan, 1, 60, 50);
  set_month (a, 1, 10, 10, NULL);
  set_month (a, 2, 10, 5, "poca gente");
  set_month (a, 3, 10, 12, NULL);
  set_month (a, 4, 20, 18, NULL);
  set_month (a, 6, 10, 0, NULL);
  add_activity (plan, 2, 8, 3);
  a = add_activity (plan, 3, 5, 0);
  set_month (a, 7, 5, 0, NULL);
  a = add_activity (plan, 4, 10, 12);
  set_month (a, 4, 10, 12, NULL);
  a = add_activity (plan, 5, 10, 11);
  set_month (a, 1, 10, 11, NULL);

  return plan;
}

static void
assert_line (const PoaReportLine *line,
             guint64              qp,
             guint64              qa,
             guint64              ap,
             guint64              aa,
             PoaReportStatus      status)
{
  g_assert_cmpuint (line->quarter_programmed, ==, qp);
  g_assert_cmpuint (line->quarter_achieved, ==, qa);
  g_assert_cmpuint (line->accumulated_programmed, ==, ap);
  g_assert_cmpuint (line->accumulated_achieved, ==, aa);
  g_assert_cmpint (line->status, ==, status);
}

static void
test_report_arithmetic (void)
{
  g_autoptr(PoaPlan) plan = report_plan ();
  g_autoptr(GDate) end_of_june = date (30, 6, 2026);
  g_autoptr(GDate) first_of_july = date (1, 7, 2026);
  g_autoptr(PoaReport) q1 = poa_report_new (plan, 1, end_of_june);
  g_autoptr(PoaReport) q2 = poa_report_new (plan, 2, end_of_june);
  g_autoptr(PoaReport) q2_later = poa_report_new (plan, 2, first_of_july);
  g_autoptr(PoaReport) q3 = poa_report_new (plan, 3, first_of_july);
  const PoaReportLine *line;

  g_assert_cmpuint (poa_report_get_n_lines (q1), ==, 5);

  /* Quarter 1, activity 1: Jan–Mar 10+10+10 = 30 programmed, 10+5+12 = 27 achieved; the same
   * accumulated. 27/30 = 90 %: the band's lower end is within. Variance −3, −10 %. */
  line = poa_report_get_line (q1, 0);
  assert_line (line, 30, 27, 30, 27, POA_REPORT_WITHIN);
  g_assert_cmpint (line->quarter_variance, ==, -3);
  g_assert_true (line->has_quarter_percent);
  g_assert_cmpfloat_with_epsilon (line->quarter_variance_percent, -10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->accumulated_achievement_percent, 90.0, 1e-9);
  g_assert_false (line->justification_required);

  /* Quarter 2: Apr–Jun 20+0+10 = 30 programmed, 18+0+0 = 18 achieved, variance −12, −40 %;
   * accumulated Jan–Jun 60 and 45 (the 5 sin mes count in no quarter), 75 %: below. */
  line = poa_report_get_line (q2, 0);
  assert_line (line, 30, 18, 60, 45, POA_REPORT_BELOW);
  g_assert_cmpint (line->quarter_variance, ==, -12);
  g_assert_cmpfloat_with_epsilon (line->quarter_variance_percent, -40.0, 1e-9);
  g_assert_cmpint (line->accumulated_variance, ==, -15);
  g_assert_cmpfloat_with_epsilon (line->accumulated_variance_percent, -25.0, 1e-9);
  /* On 30 June the quarter is not over: no justification is owed yet; on 1 July it is. */
  g_assert_false (line->justification_required);
  g_assert_true (poa_report_get_line (q2_later, 0)->justification_required);

  /* Activity 2 has no calendar: sin calendarizar, figures zero, never owing anything. */
  line = poa_report_get_line (q2_later, 1);
  assert_line (line, 0, 0, 0, 0, POA_REPORT_UNCALENDARIZED);
  g_assert_false (line->justification_required);

  /* Activity 3 programs July only: in quarters 1 and 2 nothing is due and nothing done, zero
   * programmed has no percent and is within; in quarter 3, 0 of 5 is below. */
  line = poa_report_get_line (q2_later, 2);
  assert_line (line, 0, 0, 0, 0, POA_REPORT_WITHIN);
  g_assert_false (line->has_quarter_percent);
  g_assert_false (line->has_accumulated_percent);
  g_assert_false (line->justification_required);
  assert_line (poa_report_get_line (q3, 2), 5, 0, 5, 0, POA_REPORT_BELOW);
  /* Quarter 3 has not ended on 1 July. */
  g_assert_false (poa_report_get_line (q3, 2)->justification_required);

  /* Activity 4: 12 of 10 in April, 120 %: above, owed once quarter 2 is over. */
  line = poa_report_get_line (q2_later, 3);
  assert_line (line, 10, 12, 10, 12, POA_REPORT_ABOVE);
  g_assert_cmpfloat_with_epsilon (line->accumulated_variance_percent, 20.0, 1e-9);
  g_assert_true (line->justification_required);
  /* In quarter 1 nothing was programmed or done: within. */
  assert_line (poa_report_get_line (q1, 3), 0, 0, 0, 0, POA_REPORT_WITHIN);

  /* Activity 5: 11 of 10, 110 % exactly: the band's upper end is within. */
  assert_line (poa_report_get_line (q1, 4), 10, 11, 10, 11, POA_REPORT_WITHIN);

  /* Totals of quarter 2, calendarized activities (1, 3, 4, 5): quarter 30+0+10+0 = 40
   * programmed, 18+0+12+0 = 30 achieved; accumulated 60+0+10+10 = 80 and 45+0+12+11 = 68,
   * 85 %: below. */
  line = poa_report_get_totals (q2);
  g_assert_null (line->activity);
  assert_line (line, 40, 30, 80, 68, POA_REPORT_BELOW);
  g_assert_cmpint (line->accumulated_variance, ==, -12);
  g_assert_cmpfloat_with_epsilon (line->accumulated_variance_percent, -15.0, 1e-9);

  /* A narrower band of the plan's own: 95–105 % makes 90 % below. */
  poa_plan_set_tolerance (plan, 95, 105);
  {
    g_autoptr(PoaReport) narrow = poa_report_new (plan, 1, end_of_june);
    g_assert_cmpint (poa_report_get_line (narrow, 0)->status, ==, POA_REPORT_BELOW);
    g_assert_cmpint (poa_report_get_line (narrow, 4)->status, ==, POA_REPORT_ABOVE);
  }

  g_assert_cmpstr (poa_report_status_key (POA_REPORT_UNCALENDARIZED), ==, "uncalendarized");
}

static void
test_quarter_boundaries (void)
{
  g_autoptr(GDate) march_31 = date (31, 3, 2026);
  g_autoptr(GDate) april_1 = date (1, 4, 2026);
  g_autoptr(GDate) next_year = date (15, 1, 2027);
  g_autoptr(GDate) last_year = date (31, 12, 2025);

  g_assert_false (poa_report_quarter_ended (2026, 1, march_31));
  g_assert_true (poa_report_quarter_ended (2026, 1, april_1));
  g_assert_false (poa_report_quarter_ended (2026, 2, april_1));
  g_assert_true (poa_report_quarter_ended (2026, 4, next_year));
  g_assert_false (poa_report_quarter_ended (2026, 1, last_year));
  g_assert_cmpuint (poa_report_current_quarter (2026, march_31), ==, 1);
  g_assert_cmpuint (poa_report_current_quarter (2026, april_1), ==, 2);
  g_assert_cmpuint (poa_report_current_quarter (2026, next_year), ==, 4);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    data)
{
  (*(guint *)data)++;
}

static void
test_calendar_value (void)
{
  g_autoptr(PoaActivity) activity = poa_activity_new ();
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  g_autoptr(PoaActivity) copy = NULL;
  guint notified = 0;

  g_signal_connect (activity, "notify::calendar", G_CALLBACK (count_cb), &notified);

  /* An empty calendar is no calendar. */
  poa_activity_set_calendar (activity, calendar);
  g_assert_null (poa_activity_get_calendar (activity));
  g_assert_cmpuint (notified, ==, 0);

  poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, 23);
  g_assert_cmpuint (poa_activity_get_achieved_without_month (activity), ==, 23);

  set_month (activity, 3, 4, 7, "feria");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (poa_calendar_get_achieved (poa_activity_get_calendar (activity), 3), ==, 7);
  g_assert_cmpstr (poa_calendar_get_note (poa_activity_get_calendar (activity), 3), ==, "feria");
  /* 23 − 7 */
  g_assert_cmpuint (poa_activity_get_achieved_without_month (activity), ==, 16);

  /* The same figures again change nothing. */
  set_month (activity, 3, 4, 7, "feria");
  g_assert_cmpuint (notified, ==, 1);

  copy = poa_activity_copy (activity);
  g_assert_true (poa_activity_equal (activity, copy));
  set_justification (copy, 2, "lluvias");
  g_assert_false (poa_activity_equal (activity, copy));
  g_assert_cmpstr (poa_calendar_get_justification (poa_activity_get_calendar (activity), 2), ==, "");
}

/* A plan file with calendars, justifications and a band of its own comes back the same, byte
 * for byte; the default plan, which has none, is still written as version 1. */
static void
test_json_round_trip (void)
{
  g_autoptr(PoaPlan) plan = report_plan ();
  g_autoptr(PoaPlan) again = NULL;
  g_autoptr(PoaPlan) plain = poa_plan_new (2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *plain_text = NULL;
  g_autoptr(PoaActivity) one = NULL;

  poa_plan_set_tolerance (plan, 85, 115);
  one = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  set_justification (one, 2, "Lluvias: \"se\" pospuso\tla feria");
  set_justification (one, 1, "sin eventos");

  first = poa_plan_json_to_string (plan);
  g_assert_nonnull (strstr (first, "\"version\": 2,"));
  g_assert_nonnull (strstr (first, "\"tolerance_low\": 85,\n  \"tolerance_high\": 115,"));
  g_assert_nonnull (strstr (first,
                            "\"calendar\": [\n"
                            "        {\"month\": 1, \"programmed\": 10, \"achieved\": 10, \"note\": \"\"},\n"
                            "        {\"month\": 2, \"programmed\": 10, \"achieved\": 5, \"note\": \"poca gente\"},\n"));
  g_assert_nonnull (strstr (first,
                            "\"justifications\": [\n"
                            "        {\"quarter\": 1, \"text\": \"sin eventos\"},\n"
                            "        {\"quarter\": 2, \"text\": \"Lluvias: \\\"se\\\" pospuso\\tla feria\"}\n"
                            "      ]\n"));

  again = poa_plan_json_parse (first, strlen (first), "plan.json", &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (plan, again));
  second = poa_plan_json_to_string (again);
  g_assert_cmpstr (first, ==, second);

  plain_text = poa_plan_json_to_string (plain);
  g_assert_nonnull (strstr (plain_text, "\"version\": 1,"));
  g_assert_null (strstr (plain_text, "tolerance"));
}

static void
assert_refused (const char *activity_extra,
                const char *mention)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{\"format\": \"poa-plan\", \"version\": 2, \"year\": 2026,"
                                           " \"activities\": [{\"name\": \"A\"}, {\"name\": \"B\", \"achieved\": 4%s}]}",
                                           activity_extra);
  g_autoptr(PoaPlan) plan = poa_plan_json_parse (text, strlen (text), "seguimiento.json", &error);

  g_assert_null (plan);
  g_assert_error (error, POA_PLAN_JSON_ERROR, POA_PLAN_JSON_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "seguimiento.json: activity 2: "));
  g_assert_nonnull (strstr (error->message, mention));
}

static void
test_json_refuses (void)
{
  /* 3 + 2 = 5 achieved in months, above the activity's 4. */
  assert_refused (", \"calendar\": [{\"month\": 1, \"achieved\": 3}, {\"month\": 2, \"achieved\": 2}]",
                  "more than “achieved”, 4");
  assert_refused (", \"calendar\": [{\"month\": 1}, {\"month\": 1}]", "month 1 more than once");
  assert_refused (", \"calendar\": [{\"month\": 13}]", "“month” must be a whole number from 1 to 12");
  assert_refused (", \"calendar\": [{\"month\": 0}]", "“month” must be a whole number from 1 to 12");
  assert_refused (", \"calendar\": [{\"month\": 2, \"programmed\": -1}]", "“programmed” must be a whole number");
  assert_refused (", \"calendar\": [{\"month\": 2, \"achieved\": 1.5}]", "“achieved” must be a whole number");
  assert_refused (", \"calendar\": [{\"month\": 2, \"goal\": 1}]", "unknown key “goal”");
  assert_refused (", \"calendar\": [{\"month\": 2, \"note\": \"a\\u0000b\"}]", "note");
  assert_refused (", \"justifications\": [{\"quarter\": 5, \"text\": \"x\"}]", "“quarter” must be a whole number from 1 to 4");
  assert_refused (", \"justifications\": [{\"quarter\": 2}, {\"quarter\": 2}]", "quarter 2 more than once");
  assert_refused (", \"calendar\": {}", "“calendar” must be a list");

  /* Exactly the total is fine: nothing left without a month. */
  {
    g_autoptr(GError) error = NULL;
    const char *text = "{\"format\": \"poa-plan\", \"version\": 2, \"year\": 2026,"
                       " \"tolerance_low\": 80,"
                       " \"activities\": [{\"achieved\": 4, \"calendar\": [{\"month\": 12, \"achieved\": 4}]}]}";
    g_autoptr(PoaPlan) plan = poa_plan_json_parse (text, strlen (text), "f.json", &error);
    g_autoptr(PoaActivity) activity = NULL;

    g_assert_no_error (error);
    activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
    g_assert_cmpuint (poa_activity_get_achieved_without_month (activity), ==, 0);
    g_assert_cmpuint (poa_plan_get_tolerance_low (plan), ==, 80);
    g_assert_cmpuint (poa_plan_get_tolerance_high (plan), ==, 110);
  }
}

/* A database as today's POA (schema version 3) wrote it, holding the 2026 default plan: made by
 * the current program, then taken back to version 3 (the tables and columns version 4 adds
 * removed), and opened again. */
static void
test_migrates_version_3 (TestFiles     *files,
                         gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GListModel *activities;
  guint64 achieved = 0;

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  test_sql_exec (files->db,
                 "DROP TABLE observation; ALTER TABLE plan DROP COLUMN closed_quarters;"
                 "DROP TABLE review_step; DROP TABLE change_record;"
                 "ALTER TABLE plan DROP COLUMN review_status;"
                 "DROP TABLE activity_month; DROP TABLE activity_justification;"
                 "ALTER TABLE plan DROP COLUMN tolerance_low;"
                 "ALTER TABLE plan DROP COLUMN tolerance_high;"
                 "PRAGMA user_version = 3;");
  g_assert_cmpint (test_sql_int (files->db, "SELECT sum(achieved) FROM activity"), ==, 23);
  g_assert_cmpint (test_sql_int (files->db, "SELECT sum(programmed) FROM activity"), ==, 198);

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (files->db, "PRAGMA user_version"), ==, POA_STORE_SCHEMA_VERSION);

  /* The usual copy first, of the file as version 3 left it. */
  backups = test_list_backups (files->db);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (test_sql_int (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==, 3);

  plan = poa_store_load_plan (store, poa_store_resolve_plan (store, 0, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (poa_plan_get_tolerance_low (plan), ==, 90);
  g_assert_cmpuint (poa_plan_get_tolerance_high (plan), ==, 110);
  g_assert_cmpuint (poa_plan_sum_goal (plan, POA_ACTIVITY_ACHIEVED), ==, 23);
  g_assert_cmpuint (poa_plan_sum_goal (plan, POA_ACTIVITY_PROGRAMMED), ==, 198);

  /* Every unit achieved is there, without a month. */
  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      g_assert_null (poa_activity_get_calendar (activity));
      g_assert_cmpuint (poa_activity_get_achieved_without_month (activity), ==,
                        poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED));
      achieved += poa_activity_get_achieved_without_month (activity);
    }
  g_assert_cmpuint (achieved, ==, 23);
}

/* The months go to the file as rows of their own and come back; a month's entry through the
 * document is one edit that undo takes back whole, in the file too. */
static void
test_store_and_undo (TestFiles     *files,
                     gconstpointer  data)
{
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = NULL;
  g_autoptr(PoaPlan) reread = NULL;
  g_autoptr(PoaPlan) imported = NULL;
  g_autoptr(PoaPlan) imported_again = NULL;
  g_autoptr(PoaDocument) document = NULL;
  g_autoptr(PoaCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaActivity) first = NULL;
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  const char *names[] = { "calendar", "achieved" };
  gint64 id;

  store = poa_store_open (files->db, &error);
  g_assert_no_error (error);
  id = poa_store_resolve_plan (store, 0, NULL);
  plan = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  document = poa_document_new (store, plan);
  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_ACHIEVED), ==, 6);

  /* April: 2 programmed, 3 achieved, a note; the total goes from 6 to 9. */
  calendar = poa_calendar_copy (poa_activity_get_calendar (first));
  poa_calendar_set_month (calendar, 4, 2, 3, "entrega en abril");
  g_value_init (&values[0], POA_TYPE_CALENDAR);
  g_value_set_boxed (&values[0], calendar);
  g_value_init (&values[1], G_TYPE_UINT);
  g_value_set_uint (&values[1], 9);
  g_assert_true (poa_document_set_values (document, first, 2, names, values, &error));
  g_assert_no_error (error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);

  g_assert_cmpint (test_sql_int (files->db, "SELECT achieved FROM activity_month WHERE month = 4"), ==, 3);
  g_assert_cmpint (test_sql_int (files->db, "SELECT programmed FROM activity_month WHERE month = 4"), ==, 2);
  g_assert_cmpint (test_sql_int (files->db, "SELECT achieved FROM activity WHERE number = 1"), ==, 9);

  /* A justification and a band, then everything read back by a new store. */
  {
    g_autoptr(PoaCalendar) justified = poa_calendar_copy (poa_activity_get_calendar (first));
    GValue value = G_VALUE_INIT;

    poa_calendar_set_justification (justified, 1, "sin recursos");
    g_value_init (&value, POA_TYPE_CALENDAR);
    g_value_set_boxed (&value, justified);
    g_assert_true (poa_document_set_value (document, first, "calendar", &value, &error));
    g_value_unset (&value);
    g_assert_true (poa_document_set_uint (document, plan, "tolerance-high", 120, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(PoaStore) other = poa_store_open (files->db, &error);
    g_autoptr(PoaActivity) first_again = NULL;

    g_assert_no_error (error);
    reread = poa_store_load_plan (other, id, &error);
    g_assert_no_error (error);
    g_assert_true (poa_plan_equal (plan, reread));
    first_again = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (reread)), 0);
    g_assert_cmpstr (poa_calendar_get_note (poa_activity_get_calendar (first_again), 4), ==, "entrega en abril");
    g_assert_cmpstr (poa_calendar_get_justification (poa_activity_get_calendar (first_again), 1), ==, "sin recursos");
    g_assert_cmpuint (poa_plan_get_tolerance_high (reread), ==, 120);
  }

  /* Undo three times: the band, the justification, the month with its total. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (poa_document_undo (document, &error));
      g_assert_no_error (error);
    }
  g_assert_null (poa_activity_get_calendar (first));
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_ACHIEVED), ==, 6);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM activity_month"), ==, 0);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM activity_justification"), ==, 0);
  g_assert_cmpint (test_sql_int (files->db, "SELECT achieved FROM activity WHERE number = 1"), ==, 6);

  /* A new plan with calendars is inserted whole, and deleting it takes its months along. */
  imported = report_plan ();
  id = poa_store_insert_plan (store, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM activity_month"), ==, 8);
  imported_again = poa_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (poa_plan_equal (imported, imported_again));
  g_assert_true (poa_store_delete_plan (store, id, &error));
  g_assert_cmpint (test_sql_int (files->db, "SELECT count(*) FROM activity_month"), ==, 0);
}

static gboolean
has_finding (GListModel *findings,
             const char *line)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *text = poa_finding_to_line (finding);

      if (g_str_equal (text, line))
        return TRUE;
    }
  return FALSE;
}

static void
test_check_findings (void)
{
  g_autoptr(PoaPlan) plan = report_plan ();
  g_autoptr(GListStore) findings = NULL;
  g_autoptr(PoaActivity) first = NULL;
  g_autoptr(PoaActivity) fourth = NULL;

  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  fourth = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 3);
  /* Activity 1's cronograma: January to March only, yet April and June hold figures. */
  poa_activity_set_months (first, 0x7);
  /* Activity 4 justified its quarter 2; and reports something achieved in August. */
  set_justification (fourth, 2, "campaña extra");
  set_month (fourth, 8, 0, 1, NULL);

  g_setenv ("POA_TODAY", "2026-07-01", TRUE);
  findings = poa_check_plan (plan);
  g_unsetenv ("POA_TODAY");

  /* Activity 1's months program 10+10+10+20+10 = 60, its programmed goal: no finding. */
  g_assert_false (has_finding (G_LIST_MODEL (findings),
                               "warning\tactivity 1\tthe months’ programmed goals add up to 60, not to the programmed goal (60)"));
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "warning\tactivity 1\tApril has figures, but the cronograma does not schedule the activity then"));
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "warning\tactivity 1\tJune has figures, but the cronograma does not schedule the activity then"));
  g_assert_false (has_finding (G_LIST_MODEL (findings),
                               "warning\tactivity 1\tMarch has figures, but the cronograma does not schedule the activity then"));
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "warning\tactivity 1\tquarter 2 ended below the tolerance band (90 % to 110 %) with no justification"));
  g_assert_false (has_finding (G_LIST_MODEL (findings),
                               "warning\tactivity 1\tquarter 1 ended below the tolerance band (90 % to 110 %) with no justification"));
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "warning\tactivity 4\tAugust has achieved figures, but the month has not begun yet"));
  g_assert_false (has_finding (G_LIST_MODEL (findings),
                               "warning\tactivity 4\tquarter 2 ended above the tolerance band (90 % to 110 %) with no justification"));
  /* Activity 4's months now achieve 12 + 1 = 13 of its 12: the one error, for such a plan's
   * file would not import back. */
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "error\tactivity 4\tthe months achieved 13, more than the achieved goal (12)"));
  g_assert_cmpuint (poa_check_count (G_LIST_MODEL (findings), POA_SEVERITY_ERROR), ==, 1);

  /* A band upside down. */
  poa_plan_set_tolerance (plan, 120, 80);
  g_clear_object (&findings);
  findings = poa_check_plan (plan);
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "error\tplan\tthe tolerance band starts at 120 %, above its end at 80 %"));
  poa_plan_set_tolerance (plan, 90, 110);

  /* The months programming 12 of an activity's 10. */
  set_month (fourth, 5, 2, 0, NULL);
  g_clear_object (&findings);
  g_setenv ("POA_TODAY", "2026-06-30", TRUE);
  findings = poa_check_plan (plan);
  g_unsetenv ("POA_TODAY");
  g_assert_true (has_finding (G_LIST_MODEL (findings),
                              "warning\tactivity 4\tthe months’ programmed goals add up to 12, not to the programmed goal (10)"));
  /* On 30 June quarter 2 has not ended: nothing owed yet. */
  g_assert_false (has_finding (G_LIST_MODEL (findings),
                               "warning\tactivity 1\tquarter 2 ended below the tolerance band (90 % to 110 %) with no justification"));
}

static void
test_schedule_follows_the_months (void)
{
  g_autoptr(PoaPlan) plan = report_plan ();
  g_autoptr(PoaActivity) first = NULL;
  g_autoptr(PoaActivity) second = NULL;
  g_autoptr(GDate) mid_april = date (15, 4, 2026);
  g_autoptr(GDate) july = date (1, 7, 2026);
  PoaScheduleStatus status;

  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  second = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 1);

  /* On 15 April the months ended are January to March: 30 due; 50 achieved, not late. */
  g_assert_true (poa_activity_get_schedule_status (first, 2026, mid_april, &status));
  g_assert_cmpuint (status.expected_whole, ==, 30);
  g_assert_cmpuint (status.behind, ==, 0);

  /* With 45 achieved in all: none behind on 15 April; on 1 July, January to June ended, 60
   * are due: 15 behind. */
  poa_activity_set_goal (first, POA_ACTIVITY_ACHIEVED, 45);
  g_assert_true (poa_activity_get_schedule_status (first, 2026, mid_april, &status));
  g_assert_cmpuint (status.behind, ==, 0);
  g_assert_true (poa_activity_get_schedule_status (first, 2026, july, &status));
  /* 60 − 45 */
  g_assert_cmpuint (status.behind, ==, 15);
  g_assert_cmpfloat_with_epsilon (status.share, 1.0, 1e-9);

  /* Activity 2 has no calendar: today's rule, 8 programmed over 12 months, on 1 July half the
   * year has passed: 4 due, 3 achieved, 1 behind. */
  g_assert_true (poa_activity_get_schedule_status (second, 2026, july, &status));
  g_assert_cmpuint (status.expected_whole, ==, 4);
  g_assert_cmpuint (status.behind, ==, 1);

  /* Activities 1 (15 behind) and 2 (1 behind) are late on 1 July; 3 (July due at its end), 4
   * (12 of 10) and 5 (11 of 10) are not. */
  g_assert_cmpuint (poa_plan_count_late (plan, july), ==, 2);
}

static void
test_copy_to_next_year (void)
{
  g_autoptr(PoaPlan) plan = report_plan ();
  g_autoptr(PoaPlan) next = NULL;
  g_autoptr(PoaActivity) first = NULL;
  PoaCalendar *calendar;

  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  set_justification (first, 1, "texto");
  g_clear_object (&first);

  next = poa_plan_copy_to_next_year (plan);
  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (next)), 0);
  calendar = poa_activity_get_calendar (first);
  g_assert_nonnull (calendar);
  g_assert_cmpuint (poa_calendar_get_programmed (calendar, 4), ==, 20);
  g_assert_cmpuint (poa_calendar_get_programmed (calendar, 6), ==, 10);
  g_assert_cmpuint (poa_calendar_sum_achieved (calendar, 1, 12), ==, 0);
  g_assert_cmpstr (poa_calendar_get_note (calendar, 2), ==, "");
  g_assert_cmpstr (poa_calendar_get_justification (calendar, 1), ==, "");
  g_assert_cmpuint (poa_activity_get_goal (first, POA_ACTIVITY_ACHIEVED), ==, 0);

  /* The original keeps all of it. */
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_assert_cmpuint (poa_calendar_get_achieved (poa_activity_get_calendar (first), 2), ==, 5);
  g_assert_cmpstr (poa_calendar_get_justification (poa_activity_get_calendar (first), 1), ==, "texto");
}

static void
test_spread_programmed (void)
{
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  g_autoptr(PoaCalendar) spread = NULL;
  g_autoptr(PoaCalendar) spring = NULL;

  poa_calendar_set_month (calendar, 2, 9, 4, "nota");
  poa_calendar_set_month (calendar, 11, 3, 0, NULL);

  /* 20 over the twelve months: 20 = 12 × 1 + 8, so 2 in January to August, 1 after. */
  spread = poa_calendar_spread_programmed (calendar, 20, 0xfff);
  for (guint m = 1; m <= 8; m++)
    g_assert_cmpuint (poa_calendar_get_programmed (spread, m), ==, 2);
  for (guint m = 9; m <= 12; m++)
    g_assert_cmpuint (poa_calendar_get_programmed (spread, m), ==, 1);
  g_assert_cmpuint (poa_calendar_sum_programmed (spread, 1, 12), ==, 20);
  /* What was achieved and noted stays, and the original is untouched. */
  g_assert_cmpuint (poa_calendar_get_achieved (spread, 2), ==, 4);
  g_assert_cmpstr (poa_calendar_get_note (spread, 2), ==, "nota");
  g_assert_cmpuint (poa_calendar_get_programmed (calendar, 2), ==, 9);

  /* 7 over March, April and May (bits 2–4): 3, 2, 2; November, outside, programs nothing. */
  spring = poa_calendar_spread_programmed (calendar, 7, 0x1c);
  g_assert_cmpuint (poa_calendar_get_programmed (spring, 3), ==, 3);
  g_assert_cmpuint (poa_calendar_get_programmed (spring, 4), ==, 2);
  g_assert_cmpuint (poa_calendar_get_programmed (spring, 5), ==, 2);
  g_assert_cmpuint (poa_calendar_get_programmed (spring, 2), ==, 0);
  g_assert_cmpuint (poa_calendar_get_programmed (spring, 11), ==, 0);

  g_assert_null (poa_calendar_spread_programmed (calendar, 7, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/calendar/value", test_calendar_value);
  g_test_add_func ("/follow-up/calendar/spread-programmed", test_spread_programmed);
  g_test_add_func ("/follow-up/report/arithmetic", test_report_arithmetic);
  g_test_add_func ("/follow-up/report/quarter-boundaries", test_quarter_boundaries);
  g_test_add_func ("/follow-up/json/round-trip", test_json_round_trip);
  g_test_add_func ("/follow-up/json/refuses", test_json_refuses);
  TEST_ADD_WITH_FILES ("/follow-up/store/migrates-version-3", test_migrates_version_3);
  TEST_ADD_WITH_FILES ("/follow-up/store/round-trip-and-undo", test_store_and_undo);
  g_test_add_func ("/follow-up/check/findings", test_check_findings);
  g_test_add_func ("/follow-up/metrics/schedule-follows-the-months", test_schedule_follows_the_months);
  g_test_add_func ("/follow-up/plan/copy-to-next-year", test_copy_to_next_year);

  return g_test_run ();
}
