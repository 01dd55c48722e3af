/* poa-follow-page.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_FOLLOW_PAGE (poa_follow_page_get_type ())

G_DECLARE_FINAL_TYPE (PoaFollowPage, poa_follow_page, POA, FOLLOW_PAGE, GtkWidget)

/* For the tests: the entry of a month's cell of the activity at @position, when its row is
 * shown; and the quarter the report shows. */
GtkWidget *poa_follow_page_get_cell_entry (PoaFollowPage *self,
                                           guint          position,
                                           guint          month);
void       poa_follow_page_set_quarter    (PoaFollowPage *self,
                                           guint          quarter);
char      *poa_follow_page_get_totals_text (PoaFollowPage *self);
char      *poa_follow_page_get_report_row  (PoaFollowPage *self,
                                            guint          position);
GtkWidget *poa_follow_page_get_justification_entry (PoaFollowPage *self,
                                                    guint          position);

G_END_DECLS
