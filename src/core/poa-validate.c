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
#include "poa-util.h"
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

/* "1,500" and "1,000,000" are how numbers are grouped in Mexico; "1,50" is not a grouping. */
static gboolean
is_grouped (const char *text)
{
  g_auto(GStrv) groups = g_strsplit (text, ",", -1);
  guint n = g_strv_length (groups);

  if (n < 2 || !_poa_text_is_digits (groups[0]) || strlen (groups[0]) > 3)
    return FALSE;

  for (guint i = 1; i < n; i++)
    if (!_poa_text_is_digits (groups[i]) || strlen (groups[i]) != 3)
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

  if (!_poa_text_is_digits (digits))
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

  if (!_poa_text_is_digits (stripped))
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
  if (g_strv_length (parts) == 3 && _poa_text_is_digits (parts[0]) && _poa_text_is_digits (parts[1]) &&
      _poa_text_is_digits (parts[2]) && strlen (parts[0]) <= 2 && strlen (parts[1]) <= 2)
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

/* The text rule, the same at every entrance (plan file, editors, paste): a text may hold tabs
 * and line breaks, but no other control character (C0, U+0000–U+001F, or C1, U+0080–U+009F)
 * and neither U+FFFE nor U+FFFF. XML 1.0 cannot hold most of them, so a workbook with one is
 * refused by spreadsheets; the rest (C1) are invisible and were never meant as text. */

/* The forbidden character starting at @p, or 0 when there is none; its length in @n_bytes. */
static inline gboolean
forbidden_at (const guchar *p,
              const guchar *end,
              gunichar     *character,
              guint        *n_bytes)
{
  if (*p < 0x20)
    {
      if (*p == '\t' || *p == '\n')
        return FALSE;
      *character = *p;
      *n_bytes = 1;
      return TRUE;
    }

  /* U+0080–U+009F are C2 80 – C2 9F in UTF-8. */
  if (*p == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f)
    {
      *character = p[1];
      *n_bytes = 2;
      return TRUE;
    }

  /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
  if (*p == 0xef && p + 2 < end && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
    {
      *character = 0xfff0 | (p[2] & 0x0f);
      *n_bytes = 3;
      return TRUE;
    }

  return FALSE;
}

/**
 * poa_text_find_forbidden:
 * @text: UTF-8 text, which may hold NUL bytes within @length
 * @length: its length in bytes
 * @character: (out) (optional): the first character the text rule forbids
 * @position: (out) (optional): its position, counted in characters from 0
 *
 * A scan of the bytes, cheap enough for `check` to run on every text of a large plan.
 *
 * Returns: whether @text holds a character that is not allowed in a text.
 */
gboolean
poa_text_find_forbidden (const char *text,
                         gsize       length,
                         gunichar   *character,
                         gsize      *position)
{
  const guchar *start = (const guchar *)text;
  const guchar *end = start + length;

  if (text == NULL)
    return FALSE;

  for (const guchar *p = start; p < end; p++)
    {
      gunichar c;
      guint n_bytes;

      /* Every forbidden character starts with a byte below 0x20, 0xC2 or 0xEF: eight bytes
       * at a time are skipped while none of them is one (`check` reads every text of a plan
       * of 100,000 activities). */
      while (end - p >= 8)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
          guint64 w, c2, ef;

          memcpy (&w, p, sizeof w);
          c2 = w ^ (ones * 0xc2);
          ef = w ^ (ones * 0xef);
          if ((((w - ones * 0x20) & ~w) | ((c2 - ones) & ~c2) | ((ef - ones) & ~ef)) & highs)
            break;
          p += 8;
        }
      if (p >= end)
        break;

      if (*p >= 0x20 && *p != 0xc2 && *p != 0xef)
        continue;
      if (!forbidden_at (p, end, &c, &n_bytes))
        continue;

      if (character != NULL)
        *character = c;
      if (position != NULL)
        {
          gsize n = 0;

          for (const guchar *q = start; q < p; q++)
            n += (*q & 0xc0) != 0x80;
          *position = n;
        }
      return TRUE;
    }

  return FALSE;
}

/**
 * poa_validate_text:
 * @text: (nullable): a text as read or typed; %NULL is the empty text
 * @length: its length in bytes, or -1 when it ends at its first NUL
 * @field: the name of the field, for the message
 *
 * The text rule (see above). A plan file gives the length, so that `"antes\u0000despues"` is
 * refused rather than cut short to `antes`.
 */
gboolean
poa_validate_text (const char  *text,
                   gssize       length,
                   const char  *field,
                   GError     **error)
{
  gunichar c;
  gsize position;

  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL)
    return TRUE;
  if (length < 0)
    length = strlen (text);

  if (!poa_text_find_forbidden (text, length, &c, &position))
    return TRUE;

  if (c < 0xfffe)
    g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_FORBIDDEN_CHARACTER,
                 _("“%s” holds the control character U+%04X at character %u: only tabs and line breaks may be used"),
                 field, c, (guint)(position + 1));
  else
    g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_FORBIDDEN_CHARACTER,
                 _("“%s” holds U+%04X at character %u, which is not a character"),
                 field, c, (guint)(position + 1));
  return FALSE;
}

/**
 * poa_validate_text_length:
 * @text: (nullable): a text
 * @field: the name of the field, for the message
 *
 * A text longer than %POA_TEXT_MAX_CHARS characters does not fit in a workbook cell. The
 * editors call this as the text is typed or pasted; `check` reports it as an error.
 */
gboolean
poa_validate_text_length (const char  *text,
                          const char  *field,
                          GError     **error)
{
  glong n_chars;

  g_return_val_if_fail (field != NULL, FALSE);

  /* No text of fewer bytes can have more characters. */
  if (text == NULL || strlen (text) <= POA_TEXT_MAX_CHARS)
    return TRUE;

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars <= POA_TEXT_MAX_CHARS)
    return TRUE;

  g_set_error (error, POA_VALIDATE_ERROR, POA_VALIDATE_ERROR_TOO_LONG,
               _("“%s” has %ld characters, more than the %d a workbook cell holds"),
               field, n_chars, POA_TEXT_MAX_CHARS);
  return FALSE;
}

/**
 * poa_text_sanitize_for_xml:
 * @text: (nullable): a text from the database, which may predate the text rule
 *
 * What a writer of XML (the workbook) puts in place of a text: the same text with every
 * character the text rule forbids replaced, so that the file is always well-formed. A vertical
 * tab or form feed (Word's line and page breaks) and a carriage return become a line break, a
 * carriage return before a line break goes, anything else becomes U+FFFD, the replacement
 * character, where the reader can see something was there. Bytes that are not UTF-8 are
 * replaced too. `check` warns about such texts.
 *
 * Returns: (transfer full): the text to write.
 */
char *
poa_text_sanitize_for_xml (const char *text)
{
  g_autofree char *valid = NULL;
  const guchar *p, *end;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (!poa_text_find_forbidden (text, strlen (text), NULL, NULL))
    return g_strdup (text);

  p = (const guchar *)text;
  end = p + strlen (text);
  out = g_string_sized_new (end - p);
  while (p < end)
    {
      gunichar c;
      guint n_bytes;

      if (!forbidden_at (p, end, &c, &n_bytes))
        {
          g_string_append_c (out, (char)*p);
          p++;
          continue;
        }

      if (c == '\r' && p + 1 < end && p[1] == '\n')
        ;
      else if (c == '\v' || c == '\f' || c == '\r')
        g_string_append_c (out, '\n');
      else
        g_string_append_unichar (out, 0xfffd);
      p += n_bytes;
    }

  return g_string_free (out, FALSE);
}

/**
 * poa_text_quote_for_message:
 * @text: text from a file, to be quoted in a message
 * @length: its length in bytes, or -1
 *
 * A message quotes what the user wrote, and a terminal runs the escape sequences it is given:
 * every control character (and U+FFFE, U+FFFF, bytes that are not UTF-8) is written as a
 * `\uXXXX` escape instead, and a long text is cut at 60 characters with an ellipsis.
 *
 * Returns: (transfer full): the text, in “quotes”.
 */
char *
poa_text_quote_for_message (const char *text,
                            gssize      length)
{
  enum { MAX_QUOTED = 60 };
  g_autofree char *valid = NULL;
  const char *p, *end;
  GString *out = g_string_new ("“");
  guint n = 0;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  /* g_utf8_make_valid() turns a NUL within @length into U+FFFD; escape it as such. */
  valid = g_utf8_make_valid (text, length);
  p = valid;
  end = valid + strlen (valid);
  for (; p < end && n < MAX_QUOTED; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfffe || c == 0xffff)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (p < end)
    g_string_append (out, "…");
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}
