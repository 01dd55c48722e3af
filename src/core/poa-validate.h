/* poa-validate.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define POA_VALIDATE_ERROR (poa_validate_error_quark ())

typedef enum
{
  POA_VALIDATE_ERROR_EMPTY,
  POA_VALIDATE_ERROR_NOT_A_NUMBER,
  POA_VALIDATE_ERROR_NEGATIVE,
  POA_VALIDATE_ERROR_NOT_WHOLE,
  POA_VALIDATE_ERROR_TOO_LARGE,
  POA_VALIDATE_ERROR_OUT_OF_RANGE,
  POA_VALIDATE_ERROR_DATE_FORMAT,
  POA_VALIDATE_ERROR_SHORT_YEAR,
  POA_VALIDATE_ERROR_NO_SUCH_DATE,
  POA_VALIDATE_ERROR_END_BEFORE_START,
  POA_VALIDATE_ERROR_FORBIDDEN_CHARACTER,
  POA_VALIDATE_ERROR_TOO_LONG,
} PoaValidateError;

/* The most characters a workbook cell holds (Excel's limit, which LibreOffice and openpyxl
 * keep too): a longer text cannot be exported. */
#define POA_TEXT_MAX_CHARS 32767

GQuark    poa_validate_error_quark   (void);
gboolean  poa_validate_goal          (const char   *text,
                                      guint        *value,
                                      GError      **error);
gboolean  poa_validate_year          (const char   *text,
                                      guint        *value,
                                      GError      **error);
gboolean  poa_validate_date          (const char   *text,
                                      GDate        *date,
                                      GError      **error);
gboolean  poa_validate_date_order    (const GDate  *start,
                                      const GDate  *end,
                                      GError      **error);
char     *poa_validate_date_in_year  (const GDate  *date,
                                      guint         year);

gboolean  poa_text_find_forbidden    (const char   *text,
                                      gsize         length,
                                      gunichar     *character,
                                      gsize        *position);
gboolean  poa_validate_text          (const char   *text,
                                      gssize        length,
                                      const char   *field,
                                      GError      **error);
gboolean  poa_validate_text_length   (const char   *text,
                                      const char   *field,
                                      GError      **error);
char     *poa_text_sanitize_for_xml  (const char   *text);
char     *poa_text_quote_for_message (const char   *text,
                                      gssize        length);

G_END_DECLS
