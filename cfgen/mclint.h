/*
 * mclint.h - cfgen lint: one report for a .mc (or a .cf) and the maps it
 * names (docs/cfgen.1, "lint").
 *
 * For IN.mc: the text checks MC001-MC019 (mccheck.h) at .mc positions; then
 * the .cf is generated as cfgen build does (build.h) and the CF checks run
 * with each finding mapped back to the .mc line that produced the text (a
 * LOCAL_CONFIG/LOCAL_RULESETS line is MC020 of the catalog: reported with
 * its CF ID at the .mc line; library text at the .mc call that brought it
 * in); the library's own "*** ERROR" on a line a text check already
 * reported as an error (a "*** WARNING": as anything) is dropped; then
 * MC007 on the generated text. For IN.cf: the CF checks.
 * Then the map checks (maps/maplint.h) of every map source the
 * configuration names (K lines of file classes, AliasFile, the class w
 * file), found at the configured path (under --root) or, failing that,
 * beside the input file by base name (then without the staleness check,
 * as a repository keeps no built maps). Exit: 0 clean, 1 findings at the
 * fail level, 2 usage error or unreadable input.
 */
#ifndef MAILCF_MCLINT_H
#define MAILCF_MCLINT_H

#include "lib/diag.h"

/* The MC catalog (and M4/MCLIB for m4's and the library's messages). */
extern const struct diag_rule mclint_rules[];
extern const unsigned mclint_nrules;

/* cfgen lint [options] IN.mc|IN.cf: the subcommand (cli.h conventions). */
int mclint_main(int argc, char **argv);

#endif
