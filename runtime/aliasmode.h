/*
 * aliasmode.h - what sendmail -bi and newaliases need from the runtime.
 *
 * aliasmode_files() joins every AliasFile setting of the configuration
 * (sendmail accumulates them: two "O AliasFile=" lines rebuild both).
 * aliasmode_resolver() makes alias names into keys as sendmail's
 * readaliases() does: each name is parsed as a recipient address with
 * the configuration's rules (addr.h); a name is local when it resolves
 * to a mailer with F=A, and its key is that resolution's user part
 * ("<Bob>" and "bob@thishost" both store "bob"). The resolver borrows
 * rt (its work arena is reset per name); rule traces (-d21) still go to
 * rt->out, scan errors become the reason shown for a refused name.
 */
#ifndef MAILCF_ALIASMODE_H
#define MAILCF_ALIASMODE_H

#include "lib/str.h"
#include "maps/aliases.h"
#include "runtime/rt.h"

/* Every AliasFile value of rt's configuration into out, ','-joined; the
 * number of settings (0: none, out untouched). */
int aliasmode_files(const struct cf *cf, struct str *out);
/* Fill res so that it resolves names with rt. */
void aliasmode_resolver(struct rt *rt, struct aliases_resolver *res);

#endif
