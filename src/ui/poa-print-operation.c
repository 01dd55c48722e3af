/* poa-print-operation.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-print-operation"

#include "config.h"

#include "poa-cronograma-pages.h"
#include "poa-plan.h"
#include "poa-print-operation.h"

/* Printing the cronograma: this only paginates and hands each page to the core's
 * PoaCronogramaPages, which the PDF writer uses too, so that the printer gets the PDF's
 * pages. It prints on the whole sheet, in points, landscape letter unless the user chooses
 * another paper; the pages' own margins keep clear of the printer's. */
struct _PoaPrintOperation
{
  GtkPrintOperation   parent_instance;

  PoaPlan            *plan;
  PoaCronogramaPages *pages;
};

G_DEFINE_FINAL_TYPE (PoaPrintOperation, poa_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
poa_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  PoaPrintOperation *self = POA_PRINT_OPERATION (operation);

  g_clear_object (&self->pages);
  self->pages = poa_cronograma_pages_new (self->plan,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int)poa_cronograma_pages_get_n_pages (self->pages));
}

static void
poa_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  PoaPrintOperation *self = POA_PRINT_OPERATION (operation);

  poa_cronograma_pages_draw_page (self->pages, gtk_print_context_get_cairo_context (context), (guint)page_nr);
}

static void
poa_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  g_clear_object (&POA_PRINT_OPERATION (operation)->pages);
}

static void
poa_print_operation_dispose (GObject *object)
{
  PoaPrintOperation *self = (PoaPrintOperation *)object;

  g_clear_object (&self->pages);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (poa_print_operation_parent_class)->dispose (object);
}

static void
poa_print_operation_class_init (PoaPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = poa_print_operation_dispose;
  operation_class->begin_print = poa_print_operation_begin_print;
  operation_class->draw_page = poa_print_operation_draw_page;
  operation_class->end_print = poa_print_operation_end_print;
}

static void
poa_print_operation_init (PoaPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

  gtk_page_setup_set_paper_size (setup, letter);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * poa_print_operation_new:
 *
 * Returns: (transfer full): an operation printing @plan's cronograma.
 */
PoaPrintOperation *
poa_print_operation_new (PoaPlan *plan)
{
  PoaPrintOperation *self;
  g_autofree char *job = NULL;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  self = g_object_new (POA_TYPE_PRINT_OPERATION, "allow-async", TRUE, NULL);
  self->plan = g_object_ref (plan);
  job = g_strdup_printf ("Cronograma %u — %s", poa_plan_get_year (plan), poa_plan_get_area (plan));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job);

  return self;
}
