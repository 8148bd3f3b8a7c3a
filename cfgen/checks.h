/*
 * checks.h - the declaration-level checks of cf_validate() (validate.h):
 * mailers and $# references (CF004, CF009), options ($j CF010, listeners
 * CF012, privacy CF013, DontBlameSendmail CF014), headers (CF004, CF015),
 * queue groups and milters (CF016, CF018). Each reports through diag.
 */
#ifndef MAILCF_CHECKS_H
#define MAILCF_CHECKS_H

#include "cfgen/ir.h"
#include "lib/diag.h"

/* CF004: "$# mailer" in rulesets reachable from ruleset 0 names a mailer. */
void checks_mailer_refs(const struct cf *cf, struct diag *d);
/* CF009 and CF004 (S=/R= rulesets) for every M line. */
void checks_mailers(const struct cf *cf, struct diag *d);
/* CF010, CF012, CF013, CF014. */
void checks_options(const struct cf *cf, struct diag *d);
/* CF004 (header check rulesets) and CF015. */
void checks_headers(const struct cf *cf, struct diag *d);
/* CF016 and CF018. */
void checks_queue_milters(const struct cf *cf, struct diag *d);

#endif
