/* poa-print-operation.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-print-operation"

#include "config.h"

#include "poa-cronograma-pages.h"
#include "poa-pages.h"
#include "poa-plan.h"
#include "poa-print-operation.h"

/* Printing the documents: this only paginates and hands each page to the core, PoaPages for
 * the whole POA and the quarterly avance (poa-plan-pages.c), PoaCronogramaPages for the
 * cronograma: the PDF writers use them too, so that the printer gets the PDF's pages. It
 * prints on the whole sheet, in points, landscape letter unless the user chooses another paper
 * in the dialog (the page setup is embedded in it); the pages are laid out for the paper chosen,
 * and their own margins keep clear of the printer's. */
struct _PoaPrintOperation
{
  GtkPrintOperation   parent_instance;

  PoaPlan            *plan;
  PoaPrintout         printout;
  guint               quarter;
  PoaPlanPagesFlags   flags;
  PoaCronogramaPages *cronograma;
  PoaPages           *pages;
};

G_DEFINE_FINAL_TYPE (PoaPrintOperation, poa_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
poa_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  PoaPrintOperation *self = POA_PRINT_OPERATION (operation);

  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n;

  g_clear_object (&self->pages);
  g_clear_object (&self->cronograma);
  switch (self->printout)
    {
    case POA_PRINTOUT_CRONOGRAMA:
      self->cronograma = poa_cronograma_pages_new (self->plan, width, height);
      n = poa_cronograma_pages_get_n_pages (self->cronograma);
      break;
    case POA_PRINTOUT_REPORT:
      self->pages = poa_report_pages_new (self->plan, self->quarter, width, height, NULL);
      n = poa_pages_get_n_pages (self->pages);
      break;
    case POA_PRINTOUT_PLAN:
    default:
      self->pages = poa_plan_pages_new (self->plan, width, height, self->flags, NULL);
      n = poa_pages_get_n_pages (self->pages);
      break;
    }
  gtk_print_operation_set_n_pages (operation, (int)n);
}

static void
poa_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  PoaPrintOperation *self = POA_PRINT_OPERATION (operation);

  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (self->cronograma != NULL)
    poa_cronograma_pages_draw_page (self->cronograma, cr, (guint)page_nr);
  else
    poa_pages_draw_page (self->pages, cr, (guint)page_nr);
}

static void
poa_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  g_clear_object (&POA_PRINT_OPERATION (operation)->pages);
  g_clear_object (&POA_PRINT_OPERATION (operation)->cronograma);
}

static void
poa_print_operation_dispose (GObject *object)
{
  PoaPrintOperation *self = (PoaPrintOperation *)object;

  g_clear_object (&self->pages);
  g_clear_object (&self->cronograma);
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
  return poa_print_operation_new_for (plan, POA_PRINTOUT_CRONOGRAMA, 0, 0);
}

/**
 * poa_print_operation_new_for:
 * @printout: which document
 * @quarter: 1 … 4, for %POA_PRINTOUT_REPORT
 * @flags: for %POA_PRINTOUT_PLAN
 *
 * Returns: (transfer full): an operation printing that document of @plan.
 */
PoaPrintOperation *
poa_print_operation_new_for (PoaPlan           *plan,
                             PoaPrintout        printout,
                             guint              quarter,
                             PoaPlanPagesFlags  flags)
{
  PoaPrintOperation *self;
  g_autofree char *job = NULL;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (printout != POA_PRINTOUT_REPORT || (quarter >= 1 && quarter <= 4), NULL);

  self = g_object_new (POA_TYPE_PRINT_OPERATION, "allow-async", TRUE, NULL);
  self->plan = g_object_ref (plan);
  self->printout = printout;
  self->quarter = quarter;
  self->flags = flags;
  switch (printout)
    {
    case POA_PRINTOUT_CRONOGRAMA:
      job = g_strdup_printf ("Cronograma %u — %s", poa_plan_get_year (plan), poa_plan_get_area (plan));
      break;
    case POA_PRINTOUT_REPORT:
      job = g_strdup_printf ("Avance T%u %u — %s", quarter, poa_plan_get_year (plan), poa_plan_get_area (plan));
      break;
    case POA_PRINTOUT_PLAN:
    default:
      job = g_strdup_printf ("POA %u — %s", poa_plan_get_year (plan), poa_plan_get_area (plan));
      break;
    }
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job);

  return self;
}
