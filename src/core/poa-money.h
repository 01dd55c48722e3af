/* poa-money.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is held as whole centavos (gint64), never as floating point. */

/* The ceiling of one amount, $ 1,000,000,000,000.00 (one trillion pesos): far above any
 * municipal budget, far below what a double holds exactly. */
#define POA_MONEY_MAX_CENTAVOS G_GINT64_CONSTANT (100000000000000)

/* The ceiling of a plan's budget total, $ 10,000,000,000,000.00 (ten trillion pesos): ten
 * amounts at their ceiling. A gint64 of centavos would hold 900 times more, but a spreadsheet
 * adds the amounts as doubles, which count centavos exactly only up to 2^53 (about 9 * 10^15);
 * past this ceiling the workbook's total would no longer be the plan's. */
#define POA_MONEY_MAX_TOTAL_CENTAVOS G_GINT64_CONSTANT (1000000000000000)

#define POA_MONEY_ERROR (poa_money_error_quark ())

typedef enum
{
  POA_MONEY_ERROR_INVALID,
  POA_MONEY_ERROR_NEGATIVE,
  POA_MONEY_ERROR_TOO_MANY_DECIMALS,
  POA_MONEY_ERROR_TOO_LARGE,
  POA_MONEY_ERROR_TOTAL_TOO_LARGE,
} PoaMoneyError;

GQuark    poa_money_error_quark     (void);
gboolean  poa_money_parse           (const char  *text,
                                     gint64      *centavos,
                                     GError     **error);
gboolean  poa_money_from_pesos      (double       pesos,
                                     gint64      *centavos,
                                     GError     **error);
char     *poa_format_count          (guint64      number);
char     *poa_money_format          (gint64       centavos);
void      poa_money_append_decimal  (GString     *string,
                                     gint64       centavos);
double    poa_money_to_pesos        (gint64       centavos);
gint64    poa_money_add             (gint64       a,
                                     gint64       b);
gboolean  poa_money_check_total     (gint64       total,
                                     GError     **error);

G_END_DECLS
