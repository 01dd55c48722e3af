/* poa-form.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-types.h"

G_BEGIN_DECLS

typedef enum
{
  POA_FORM_TEXT,        /* one line of text */
  POA_FORM_PARAGRAPH,   /* text that runs to paragraphs */
  POA_FORM_GOAL,        /* a meta: a whole number from 0 */
  POA_FORM_YEAR,        /* the plan year */
  POA_FORM_DATE,        /* dd/mm/yyyy, with a calendar */
} PoaFormKind;

#define POA_TYPE_FORM (poa_form_get_type ())

G_DECLARE_FINAL_TYPE (PoaForm, poa_form, POA, FORM, GObject)

PoaForm   *poa_form_new         (void);
void       poa_form_set_target  (PoaForm      *self,
                                 PoaDocument  *document,
                                 GObject      *object,
                                 guint         year);
GObject   *poa_form_get_object  (PoaForm      *self);
GtkWidget *poa_form_add         (PoaForm      *self,
                                 PoaFormKind   kind,
                                 const char   *property,
                                 const char   *title,
                                 const char   *hint);
gboolean   poa_form_commit      (PoaForm      *self);
gboolean   poa_form_is_valid    (PoaForm      *self);
gboolean   poa_form_focus       (PoaForm      *self,
                                 const char   *property);
GtkWidget *poa_form_get_entry   (PoaForm      *self,
                                 const char   *property);
const char *poa_form_get_message (PoaForm     *self,
                                  const char  *property);
GStrv       poa_form_get_fields_in_error (PoaForm    *self);
const char *poa_form_get_title           (PoaForm    *self,
                                          const char *property);
void        poa_form_discard_errors      (PoaForm    *self);

G_END_DECLS
