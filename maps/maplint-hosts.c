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

/* LHN001-LHN004 over every line. sendmail's fileclass reads an F file
 * without a scanf format as "%s": only the first word of each line is a
 * member; a line starting with '#' is skipped, an indented '#' is a name
 * (checked against sendmail 8.17). */
void maplint_hosts_check(struct lint *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct lint_entry *e = &l->e[i];
		const char *s = e->key + strspn(e->key, " \t");
		size_t n = strcspn(s, " \t");
		unsigned col = (unsigned)(s - e->key) + 1;
		if (n == 0)
			continue;
		if (s[0] == '#') {
			maplint_report(l, DIAG_WARNING, e, col, "LHN001", "'#' not in "
				       "column 1 is not a comment: sendmail takes \"%.*s\" "
				       "as a name", (int)n, s);
			continue;
		}
		host_word(l, e, s, n, col);
		const char *rest = s + n + strspn(s + n, " \t");
		if (*rest && *rest != '#')
			maplint_report(l, DIAG_WARNING, e, (unsigned)(rest - e->key) + 1,
				       "LHN001", "only the first name of a line is used "
				       "(no scanf format on the F line): put one name per "
				       "line");
	}
}
