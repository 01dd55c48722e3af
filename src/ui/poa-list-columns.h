/* poa-list-columns.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkColumnViewColumn *_poa_text_column_new   (const char *title,
                                             const char *property,
                                             int         width,
                                             gboolean    wrap);
GtkColumnViewColumn *_poa_number_column_new (const char *title,
                                             const char *property);
GtkColumnViewColumn *_poa_date_column_new   (const char *title,
                                             const char *property);

/* Returns the count of what @item's marker stands for, setting @latest to the latest one's
 * text; 0 if none; -1 if no item of the list has any. */
typedef int  (*PoaMarkerLookup)   (GObject     *item,
                                   const char **latest,
                                   gpointer     user_data);
typedef void (*PoaMarkerActivate) (GObject     *item,
                                   gpointer     user_data);

GtkColumnViewColumn *_poa_marked_number_column_new (const char        *title,
                                                    const char        *property,
                                                    PoaMarkerLookup    lookup,
                                                    PoaMarkerActivate  activate,
                                                    gpointer           user_data);
void                 _poa_marked_column_refresh    (GtkColumnViewColumn *column);

G_END_DECLS
