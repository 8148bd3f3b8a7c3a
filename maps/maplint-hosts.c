/*
 * maplint-hosts.c - checks of host lists: local-host-names, relay-domains
 * (catalog section 7). Each line is read by an F line as class members,
 * so every word counts: a comment is members "#", "main", ... unless the
 * F line has a scanf format. LHN003 (MX targets) needs DNS and is left to
 * the host tier; LHN005 (file missing) is reported where the file is
 * opened (maplint_main).
 */
#include <string.h>
#include <strings.h>

#include "maps/maplint_private.h"

/* LHN002/LHN004 for one host word w[0..n). */
static void host_word(struct lint *l, const struct lint_entry *e,
		      const char *w, size_t n, unsigned col)
{
	if (w[0] == '[') {
		int v6 = n > 7 && strncasecmp(w + 1, "IPv6:", 5) == 0;
		if (n < 3 || w[n - 1] != ']' ||
		    (!v6 && maplint_ipv4_prefix(w + 1, n - 2) != 4))
			maplint_report(l, DIAG_WARNING, e, col, "LHN002", "malformed "
				       "address literal \"%.*s\"", (int)n, w);
		return;
	}
	if (maplint_ipv4_prefix(w, n) == 4)
		maplint_report(l, DIAG_WARNING, e, col, "LHN002", "IP address "
			       "without brackets: the literal form matched is "
			       "[%.*s]", (int)n, w);
	else if (w[n - 1] == '.')
		maplint_report(l, DIAG_WARNING, e, col + (unsigned)n - 1, "LHN002",
			       "trailing dot: names are compared without it");
	else if (!maplint_hostname(w, n))
		maplint_report(l, DIAG_WARNING, e, col, "LHN002", "\"%.*s\" is not a "
			       "valid host name", (int)n, w);
	else if (!memchr(w, '.', n) && !(n == 9 && strncasecmp(w, "localhost", 9) == 0))
		maplint_report(l, DIAG_ERROR, e, col, "LHN004", "\"%.*s\" is a top-level "
			       "domain: every domain under it becomes local or "
			       "relayable", (int)n, w);
}

void maplint_hosts_check(struct lint *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct lint_entry *e = &l->e[i];
		const char *s = e->key;
		size_t words = 0;
		while (*s) {
			s += strspn(s, " \t");
			size_t n = strcspn(s, " \t");
			if (n == 0)
				break;
			unsigned col = (unsigned)(s - e->key) + 1;
			if (s[0] == '#') {
				maplint_report(l, DIAG_WARNING, e, col, "LHN001", "'#' is "
					       "not a comment here: every word becomes "
					       "a class member (\"#\" included)");
				break;
			}
			if (++words == 2)
				maplint_report(l, DIAG_WARNING, e, col, "LHN001",
					       "several names on one line: each "
					       "word is a separate member");
			host_word(l, e, s, n, col);
			s += n;
		}
	}
}
