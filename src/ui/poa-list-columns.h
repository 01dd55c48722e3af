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

G_END_DECLS
