/* poa-plan-pages.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-pages.h"
#include "poa-types.h"

G_BEGIN_DECLS

/* The documents that get printed and signed. */
typedef enum
{
  POA_PRINTOUT_PLAN,        /* the whole POA */
  POA_PRINTOUT_CRONOGRAMA,  /* the cronograma alone, as poa-cronograma-pages.c draws it */
  POA_PRINTOUT_REPORT,      /* a quarter's avance de metas */
} PoaPrintout;

typedef enum
{
  POA_PLAN_PAGES_DEFAULT = 0,
  POA_PLAN_PAGES_GANTT   = 1 << 0,  /* the cronograma's drawing on pages of its own, too */
} PoaPlanPagesFlags;

PoaPages *poa_plan_pages_new    (PoaPlan            *plan,
                                 double              width,
                                 double              height,
                                 PoaPlanPagesFlags   flags,
                                 const GDate        *today);
PoaPages *poa_report_pages_new  (PoaPlan            *plan,
                                 guint               quarter,
                                 double              width,
                                 double              height,
                                 const GDate        *today);
gboolean  poa_plan_write_pdf    (PoaPlan            *plan,
                                 const char         *path,
                                 GError            **error);
gboolean  poa_plan_write_pdf_with (PoaPlan          *plan,
                                 const char         *path,
                                 PoaPaper            paper,
                                 PoaPlanPagesFlags   flags,
                                 GError            **error);
gboolean  poa_report_write_pdf  (PoaPlan            *plan,
                                 guint               quarter,
                                 const char         *path,
                                 GError            **error);

G_END_DECLS
