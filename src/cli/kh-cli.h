/* kh-cli.h — kehoach-cli: the command table and what commands share
 *
 * Adding a command ("kehoach-cli frob ARGS"):
 *   1. write src/cli/kh-cli-frob.c defining
 *        int kh_cli_frob (KhCliContext *ctx, int argc, char **argv);
 *      argv[0] is the command name, argv[1..argc-1] its arguments;
 *   2. declare it in the list of commands below (one line);
 *   3. add one line to kh_cli_commands[] in kh-cli.c and the file to the
 *      khcli sources in src/cli/meson.build (and po/POTFILES.in).
 * A command returns KH_CLI_EXIT_*; report problems with kh_cli_fail() or
 * kh_cli_usage_error(), which print the one-line "kehoach-cli: error: …".
 * Print with g_print() (UTF-8 on stdout); user-visible text through _().
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "kh-document.h"
#include "kh-store.h"

G_BEGIN_DECLS

enum {
  KH_CLI_EXIT_OK = 0,
  KH_CLI_EXIT_FAILURE = 1,   /* the command could not be done */
  KH_CLI_EXIT_USAGE = 2,     /* the command line is wrong */
};

/* What every command may need; the store is opened on first use, so that
 * commands that do not need it never touch the database. */
typedef struct {
  char    *db_path;        /* --db PATH, or NULL for the user's default database */
  char    *examples_dir;   /* examples imported when the default database is created */
  KhStore *store;
} KhCliContext;

typedef struct {
  const char *name;
  const char *args;      /* synopsis of the arguments, e.g. "ID FILE" (not translated) */
  const char *summary;   /* N_() — translated when shown */
  int       (*run)      (KhCliContext *ctx,
                         int           argc,
                         char        **argv);
} KhCliCommand;

/* The commands, in the order --help lists them; ends with a NULL name. */
extern const KhCliCommand kh_cli_commands[];

const KhCliCommand *kh_cli_find_command      (const char    *name);

KhStore            *kh_cli_context_get_store (KhCliContext  *ctx,
                                              GError       **error);
void                kh_cli_context_clear     (KhCliContext  *ctx);

/* Print "kehoach-cli: error: <message>" on one line of stderr and return
 * KH_CLI_EXIT_FAILURE / KH_CLI_EXIT_USAGE. */
int                 kh_cli_fail              (const char    *format,
                                              ...) G_GNUC_PRINTF (1, 2);
int                 kh_cli_usage_error       (const char    *format,
                                              ...) G_GNUC_PRINTF (1, 2);
/* "name args", e.g. "export ID FILE". */
char               *kh_cli_command_synopsis  (const KhCliCommand *command);
/* The usage error of a command called with the wrong arguments. */
int                 kh_cli_command_usage     (const char    *command_name);

/* Prints "id TAB kind TAB title" for each KhDocumentInfo, one a line
 * (tabs and line breaks inside a title become spaces). */
void                kh_cli_print_document_infos (GListModel *infos);

/* Parses a document id (a positive integer); FALSE when text is not one. */
gboolean            kh_cli_parse_id          (const char    *text,
                                              gint64        *id);

/* Parses the command's options out of argc/argv (GOption, without
 * --help); on a bad option prints the usage error and returns FALSE. */
gboolean            kh_cli_parse_options     (const char         *parameter_string,
                                              const GOptionEntry *entries,
                                              int                *argc,
                                              char             ***argv);

/* The document a command line names by "ID|FILE.kehoach": the document
 * of that id in the database, unless a file of that name exists, else the
 * .kehoach file. */
KhDocument         *kh_cli_load_document     (KhCliContext  *ctx,
                                              const char    *source,
                                              GError       **error);

/* Prints root as indented JSON and a line break on stdout (--json output). */
void                kh_cli_print_json        (JsonNode      *root);

/* The commands. One line each. */
int kh_cli_list   (KhCliContext *ctx, int argc, char **argv);
int kh_cli_show   (KhCliContext *ctx, int argc, char **argv);
int kh_cli_import (KhCliContext *ctx, int argc, char **argv);
int kh_cli_export (KhCliContext *ctx, int argc, char **argv);
int kh_cli_search (KhCliContext *ctx, int argc, char **argv);
int kh_cli_pdf    (KhCliContext *ctx, int argc, char **argv);
int kh_cli_timeline (KhCliContext *ctx, int argc, char **argv);
int kh_cli_timeframe (KhCliContext *ctx, int argc, char **argv);
int kh_cli_lint   (KhCliContext *ctx, int argc, char **argv);

G_END_DECLS
