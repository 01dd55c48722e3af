/* poa-ui-util.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "poa-ui-util.h"

/**
 * _poa_widget_unparent_children:
 *
 * For the dispose of a widget that lays out its own children (the pages): GTK 4.8's
 * gtk_widget_dispose_template() only drops the children bound to fields, not the template's
 * root, which would be left parented to a finalized widget.
 */
void
_poa_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
