/* poa-date.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    poa_date_parse_iso      (const char  *text,
                                     GDate       *date);
char       *poa_date_format_iso     (const GDate *date);
gboolean    poa_date_parse_dmy      (const char  *text,
                                     GDate       *date);
char       *poa_date_format_dmy     (const GDate *date);

guint       poa_months_from_range   (const GDate *start,
                                     const GDate *end,
                                     guint        year);
guint       poa_months_count        (guint        months);
gboolean    poa_months_next_run     (guint        months,
                                     guint       *first,
                                     guint       *last);
const char *poa_month_name          (guint        month);
const char *poa_month_name_spanish  (guint        month);
void        poa_date_get_today      (GDate       *today);

G_END_DECLS
