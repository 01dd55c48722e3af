/* test-cli-util.h — runs the `poa` binary as a script would.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

void result_clear          (Result      *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs `poa ARGS…` (NULL-terminated) in English, with @env_extra (NAME=VALUE, NULL-terminated)
 * added to the environment; @child_setup, if any, runs in the child before it starts. */
void run_env_setup         (Result                *result,
                            const char           **env_extra,
                            GSpawnChildSetupFunc   child_setup,
                            gpointer               child_data,
                            const char            *first_arg,
                            ...) G_GNUC_NULL_TERMINATED;
/* The same with another program than $POA_BINARY: a copy of it, say. */
void run_binary_env        (Result                *result,
                            const char            *binary,
                            const char           **env_extra,
                            const char            *first_arg,
                            ...) G_GNUC_NULL_TERMINATED;
#define run_env(result, env_extra, ...) run_env_setup (result, env_extra, NULL, NULL, __VA_ARGS__)
#define run(result, ...) run_env_setup (result, NULL, NULL, NULL, __VA_ARGS__, NULL)

void assert_one_error_line (Result      *result,
                            const char  *mention);
/* `poa --db DB plans` succeeds and lists the default plan alone: the file is whole again. */
void assert_lists_default_plan (const char *db);

G_END_DECLS
