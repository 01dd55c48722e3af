/* poa-print-operation.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-plan-pages.h"
#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_PRINT_OPERATION (poa_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (PoaPrintOperation, poa_print_operation, POA, PRINT_OPERATION, GtkPrintOperation)

PoaPrintOperation *poa_print_operation_new     (PoaPlan           *plan);
PoaPrintOperation *poa_print_operation_new_for (PoaPlan           *plan,
                                                PoaPrintout        printout,
                                                guint              quarter,
                                                PoaPlanPagesFlags  flags);

G_END_DECLS
