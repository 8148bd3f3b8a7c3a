/*
 * maplint-route.c - checks of virtusertable and mailertable sources
 * (catalog sections 5 and 6): both map an address or domain to where mail
 * goes, and share the "error:" right-hand side.
 *
 * virtusertable keys: user@domain, user+*@domain, @domain (catch-all);
 * values: an address, a local user, %1/%2/%3 substitutions, or
 * error:[word ]CODE text. mailertable keys: domain or .domain (or "." for
 * everything); values: mailer:host, mailer:[ip], local:[user],
 * error:CODE text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/str.h"
#include "maps/maplint_private.h"

/* Longest value -> key chain followed for VUT006; real chains are a few
 * steps, and sendmail gives up after MaxHopCount (25) anyway. */
#define MAX_CHAIN 100

/* "error:" right-hand side: report under id if malformed; 1 if it was one. */
static int check_error_rhs(struct lint *l, const struct lint_entry *e, const char *id)
{
	if (strncasecmp(e->value, "error:", 6) != 0)
		return 0;
	const char *s = e->value + 6;
	/* virtusertable allows a symbolic word first: error:nouser 550 ... */
	if (isalpha((unsigned char)*s)) {
		s += strcspn(s, " \t");
		s += strspn(s, " \t");
	}
	int warn;
	const char *msg = maplint_error_text(s, &warn);
	if (msg)
		maplint_report(l, warn ? DIAG_WARNING : DIAG_ERROR, e,
			       e->value_col + (unsigned)(s - e->value), id,
			       "error: %s", msg);
	return 1;
}

/* VUT006: follow value -> key chains from each entry (bounded). */
static void virtuser_loops(struct lint *l)
{
	for (size_t i = 0; i < l->n; i++) {
		size_t cur = maplint_find(l, l->e[i].value, l->e[i].valuelen), steps = 0;
		while (cur < l->n && cur != i && steps++ < MAX_CHAIN)
			cur = maplint_find(l, l->e[cur].value, l->e[cur].valuelen);
		if (cur == i)
			maplint_report(l, DIAG_ERROR, &l->e[i], 1, "VUT006",
				       "virtusertable loop: %s leads back to itself",
				       l->e[i].key);
	}
}

/* VUT001, VUT002, VUT003, VUT005, VUT007 for one entry. */
static void virtuser_entry(struct lint *l, const struct lint_entry *e)
{
	const char *at = strrchr(e->key, '@');
	int catchall = e->key[0] == '@', plus = strstr(e->key, "+*") != NULL;
	int dot = e->keylen > 0 && e->key[e->keylen - 1] == '.';
	if (dot)
		maplint_report(l, DIAG_ERROR, e, (unsigned)e->keylen, "VUT007",
			       "trailing dot: the entry never matches");
	if (at && !dot && l->ndomains && !maplint_in_list(l->domains, l->ndomains, at + 1, strlen(at + 1)))
		maplint_report(l, DIAG_ERROR, e, (unsigned)(at - e->key) + 2, "VUT001",
			       "domain %s is not local ($=w or VirtHost): this entry "
			       "is never consulted", at + 1);
	if (check_error_rhs(l, e, "VUT004"))
		return;
	if (strchr(e->value, ','))
		maplint_report(l, DIAG_ERROR, e, e->value_col, "VUT003", "one address "
			       "per entry; use an alias for several");
	if (catchall && !strchr(e->value, '@') && !strchr(e->value, '%'))
		maplint_report(l, DIAG_NOTE, e, e->value_col, "VUT002", "catch-all "
			       "for %s to the local mailbox %s attracts dictionary "
			       "attacks and backscatter", e->key + 1, e->value);
	const char *pct = strstr(e->value, "%1");
	if (pct && !catchall && !plus)
		maplint_report(l, DIAG_WARNING, e, e->value_col + (unsigned)(pct - e->value),
			       "VUT005", "%%1 is only set by a catch-all (@domain) "
			       "or user+* key: here it expands to nothing");
	if ((pct = strstr(e->value, "%2")) != NULL && !plus)
		maplint_report(l, DIAG_WARNING, e, e->value_col + (unsigned)(pct - e->value),
			       "VUT005", "%%2 is only set by a user+* key");
}

void maplint_virtuser_check(struct lint *l)
{
	for (size_t i = 0; i < l->n; i++)
		virtuser_entry(l, &l->e[i]);
	virtuser_loops(l);
	maplint_duplicates(l, "MAP004", DIAG_WARNING);
}

/* MT003 and host-name validity for one host of a mailertable route. */
static void route_host(struct lint *l, const struct lint_entry *e,
		       const char *h, size_t n, unsigned col)
{
	if (n == 0)
		return;
	if (h[0] == '[') {
		if (h[n - 1] != ']')
			maplint_report(l, DIAG_ERROR, e, col, "MT001", "unclosed [ in host");
		return;
	}
	if (maplint_ipv4_prefix(h, n) == 4)
		maplint_report(l, DIAG_ERROR, e, col, "MT003", "bare IP address "
			       "%.*s gets an MX lookup: write [%.*s]", (int)n, h, (int)n, h);
	else if (strspn(h, "0123456789") == n)
		maplint_report(l, DIAG_ERROR, e, col, "MT003", "\"%.*s\" looks like a "
			       "port, but ':' separates hosts (use the mailer's "
			       "arguments for a port)", (int)n, h);
	else if (!maplint_hostname(h, n))
		maplint_report(l, DIAG_ERROR, e, col, "MT001", "invalid host name "
			       "\"%.*s\"", (int)n, h);
}

/* MT001-MT003 for one mailertable entry. */
static void mailertable_entry(struct lint *l, const struct lint_entry *e)
{
	const char *v = e->value, *colon = strchr(v, ':');
	if (l->ndomains && maplint_in_list(l->domains, l->ndomains, e->key, e->keylen))
		maplint_report(l, DIAG_WARNING, e, 1, "MT002", "%s is local: "
			       "mailertable is not used for local domains", e->key);
	if (check_error_rhs(l, e, "MT001"))
		return;
	if (colon == NULL || colon == v) {
		maplint_report(l, DIAG_ERROR, e, e->value_col, "MT001", "route must "
			       "be mailer:host, saw \"%s\"", v);
		return;
	}
	size_t mlen = (size_t)(colon - v);
	if (l->nmailers && !maplint_in_list(l->mailers, l->nmailers, v, mlen))
		maplint_report(l, DIAG_ERROR, e, e->value_col, "MT001", "unknown "
			       "mailer \"%.*s\"", (int)mlen, v);
	if (mlen == 5 && strncasecmp(v, "local", 5) == 0)
		return;	/* local:[user] */
	const char *h = colon + 1;
	if (*h == '\0')
		maplint_report(l, DIAG_ERROR, e, e->value_col + (unsigned)mlen + 1,
			       "MT001", "no host after \"%.*s:\"", (int)mlen, v);
	while (*h != '\0') {
		size_t n = h[0] == '[' ? strcspn(h, "]") + (h[strcspn(h, "]")] == ']')
				       : strcspn(h, ":");
		route_host(l, e, h, n, e->value_col + (unsigned)(h - v));
		h += n;
		h += *h == ':';
	}
}

void maplint_mailertable_check(struct lint *l)
{
	for (size_t i = 0; i < l->n; i++) {
		mailertable_entry(l, &l->e[i]);
		if (l->o->smart_host && strcmp(l->e[i].key, ".") == 0)
			maplint_report(l, DIAG_NOTE, &l->e[i], 1, "MT004", "\".\" routes "
				       "all mail and so does SMART_HOST: mailertable "
				       "wins, SMART_HOST is unused for these");
	}
	maplint_duplicates(l, "MAP004", DIAG_WARNING);
}
