/*
 * validate.h - the .cf-level checks CF001-CF018 (shared/notes/lint-catalog.md).
 *
 * cf_validate() runs every IR-level check over a parsed configuration and
 * reports through diag with the check's ID. Checks that need the text
 * (CF001 tab expected, CF002 '#' cutting a rule) are reported by the parser
 * with the same IDs. Returns the number of errors it reported.
 * cf_check_rules is the catalog (for SARIF and --disable).
 */
#ifndef MAILCF_VALIDATE_H
#define MAILCF_VALIDATE_H

#include "cfgen/ir.h"
#include "lib/diag.h"

extern const struct diag_rule cf_check_rules[];
extern const unsigned cf_check_nrules;

/* Run every check; returns the number of errors reported. */
unsigned cf_validate(const struct cf *cf, struct diag *d);

#endif
