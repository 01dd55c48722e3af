/* poa-cli.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define POA_EXIT_OK       0
#define POA_EXIT_FINDINGS 1
#define POA_EXIT_ERROR    2

typedef struct
{
  char    *db_path;   /* --db, or NULL */
  gint64   plan_id;   /* --plan, or 0 */
  gboolean help;
  gboolean version;
  char    *command;   /* the subcommand, or NULL to open the window */
  GStrv    args;      /* what follows the subcommand */
} PoaCliOptions;

gboolean  poa_cli_parse            (int             argc,
                                    char          **argv,
                                    PoaCliOptions  *options,
                                    GError        **error);
void      poa_cli_options_clear    (PoaCliOptions  *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PoaCliOptions, poa_cli_options_clear)
void      poa_cli_print_help       (void);
int       poa_cli_run              (PoaCliOptions  *options);

G_END_DECLS
