/* poa-check.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "poa-types.h"

G_BEGIN_DECLS

typedef enum
{
  POA_SEVERITY_WARNING,
  POA_SEVERITY_ERROR,
} PoaSeverity;

#define POA_TYPE_FINDING (poa_finding_get_type ())

G_DECLARE_FINAL_TYPE (PoaFinding, poa_finding, POA, FINDING, GObject)

PoaSeverity  poa_finding_get_severity  (PoaFinding  *self);
const char  *poa_finding_get_where     (PoaFinding  *self);
const char  *poa_finding_get_message   (PoaFinding  *self);
const char  *poa_finding_get_field     (PoaFinding  *self);
GObject     *poa_finding_get_subject   (PoaFinding  *self);
char        *poa_finding_to_line       (PoaFinding  *self);

GListStore  *poa_check_plan            (PoaPlan     *plan);
GListStore  *poa_check_plan_limited    (PoaPlan     *plan,
                                        guint        limit,
                                        guint       *n_errors,
                                        guint       *n_warnings);
void         poa_check_activity        (PoaPlan     *plan,
                                        PoaActivity *activity,
                                        GListStore  *findings);
guint        poa_check_count           (GListModel  *findings,
                                        PoaSeverity  severity);

/* Given each finding's `check` line (poa_finding_to_line()), without its newline. */
typedef void (*PoaCheckLineFunc)       (const char  *line,
                                        gsize        length,
                                        gpointer     data);

void         poa_check_plan_lines      (PoaPlan          *plan,
                                        PoaCheckLineFunc  func,
                                        gpointer          data,
                                        guint            *n_errors,
                                        guint            *n_warnings);

typedef struct _PoaCheckLines PoaCheckLines;

PoaCheckLines *poa_check_lines_begin   (PoaPlan          *plan,
                                        PoaCheckLineFunc  func,
                                        gpointer          data);
void           poa_check_lines_add     (PoaCheckLines    *self,
                                        PoaActivity      *activity);
void           poa_check_lines_end     (PoaCheckLines    *self,
                                        guint            *n_errors,
                                        guint            *n_warnings);

G_END_DECLS
