/*
 * maplint-access.c - checks of access map sources (catalog section 3).
 *
 * Keys are "Tag:rest" or untagged; the rest is an IPv4 prefix, an
 * "IPv6:" address, a host/domain, or a user@ / user@domain address. The
 * checks look at one entry at a time except ACC011 (duplicates). ACC013
 * (K-line flags) needs the cf and belongs to cfgen lint.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "maps/maplint_private.h"

/* Tags sendmail's rulesets and features look up (cf/README). */
static const char *const tags[] = {
	"Connect", "From", "To", "Spam", "GreetPause", "ClientRate", "ClientConn",
	"Compat", "QGRP", "AuthInfo", "Srv_Features", "Clt_Features", "Try_TLS",
	"TLS_Clt", "TLS_Srv", "TLS_Rcpt", "CERTISSUER", "CERTSUBJECT", "MTA-STS",
	"DaneFlags", NULL,
};

/* One parsed access entry. */
struct acc {
	const char *tag;	/* canonical tag, or NULL if untagged */
	const char *rest;	/* key after "Tag:" */
	size_t taglen;
	char action[16];	/* first word of the value, upper case */
};

/* Split key into tag and rest; unknown tags reported; -1 if unusable. */
static int split_tag(struct lint *l, const struct lint_entry *e, struct acc *a)
{
	size_t n = strspn(e->key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");
	a->tag = NULL;
	a->rest = e->key;
	if (e->key[n] != ':' || n == 0 || (n == 4 && strncasecmp(e->key, "IPv6", 4) == 0))
		return 0;
	for (int i = 0; tags[i]; i++)
		if (strlen(tags[i]) == n && strncasecmp(tags[i], e->key, n) == 0) {
			a->tag = tags[i];
			a->rest = e->key + n + 1;
			a->taglen = n;
			return 0;
		}
	char *q = diag_quote(e->key, 40);
	maplint_report(l, DIAG_ERROR, e, 1, "ACC005", "unknown tag \"%.*s:\" in %s",
		       (int)n, e->key, q);
	free(q);
	return -1;
}

/* 1 if tag is t (NULL = untagged). */
static int is(const struct acc *a, const char *t)
{
	return t ? a->tag && strcmp(a->tag, t) == 0 : a->tag == NULL;
}

/* ACC002, ACC003, ACC010, ACC012: the key's own form. */
static void check_key(struct lint *l, const struct lint_entry *e, const struct acc *a)
{
	const char *r = a->rest;
	size_t n = strlen(r);
	unsigned col = (unsigned)(r - e->key) + 1;
	int addr = is(a, "From") || is(a, "To") || is(a, NULL);
	if (!(is(a, "Connect") || addr))
		return;
	if (strpbrk(r, "/*") || (strchr(r, '-') && strspn(r, "0123456789.-") == n))
		maplint_report(l, DIAG_ERROR, e, col, "ACC002", "CIDR, wildcard or range "
			       "key never matches: sendmail matches whole octets "
			       "(1.2.3 covers 1.2.3.0/24)");
	else if (n > 0 && r[n - 1] == '.')
		maplint_report(l, DIAG_ERROR, e, col + (unsigned)n - 1, "ACC003",
			       "trailing dot: lookups never include it, the entry is dead");
	else if (strchr(r, '@') == NULL && strchr(r, ':') && strspn(r, "0123456789abcdefABCDEF:.") == n)
		maplint_report(l, DIAG_ERROR, e, col, "ACC010", "IPv6 address needs the "
			       "\"IPv6:\" prefix (Connect:IPv6:%s)", r);
	else if (r[0] == '[' && is(a, "Connect"))
		maplint_report(l, DIAG_NOTE, e, col, "ACC010", "bracketed address matches "
			       "only the client's host name lookup, not its IP");
	else if ((is(a, "From") || is(a, "To")) && !strchr(r, '@') && !strchr(r, '.') &&
		 strncasecmp(r, "IPv6:", 5) != 0 && maplint_ipv4_prefix(r, n) == 0)
		maplint_report(l, DIAG_WARNING, e, col, "ACC012", "\"%s\" is a host or "
			       "domain key; a user needs a trailing @ (%s@)", r, r);
}

/* ACC001, ACC014: what RELAY and OK open up on Connect/untagged keys. */
static void check_relay(struct lint *l, const struct lint_entry *e, const struct acc *a)
{
	if (!(is(a, "Connect") || is(a, NULL)) || strcmp(a->action, "RELAY") != 0)
		return;
	const char *r = a->rest;
	int octets = maplint_ipv4_prefix(r, strlen(r));
	if (octets == 1 && strcmp(r, "127") != 0)
		maplint_report(l, DIAG_ERROR, e, 1, "ACC001", "RELAY for %s.0.0.0/8: "
			       "every host in it may relay (open relay risk)", r);
	else if (octets == 2)
		maplint_report(l, DIAG_WARNING, e, 1, "ACC001", "RELAY for the /16 "
			       "network %s: every host in it may relay", r);
	else if (octets == 3 && strncmp(r, "172.17.", 7) == 0)
		maplint_report(l, DIAG_WARNING, e, 1, "ACC001", "RELAY for %s, the "
			       "Docker bridge: behind NAT every client appears from "
			       "it (open relay risk)", r);
	else if (octets == 0 && is(a, "Connect") && maplint_hostname(r, strlen(r)) &&
		 strspn(r, "0123456789.") != strlen(r))
		maplint_report(l, DIAG_NOTE, e, 1, "ACC014", "Connect:%s trusts the "
			       "client's reverse DNS, which it controls; prefer IPs", r);
}

/* ACC006/ACC007: the code, status and text of an error action; skip is
 * the length of the "ERROR:" prefix (0 for the bare "### text" form). */
static void check_error(struct lint *l, const struct lint_entry *e, size_t skip)
{
	int warn;
	unsigned col = e->value_col + (unsigned)skip;
	const char *text = e->value + skip;
	const char *msg = maplint_error_text(text, &warn);
	if (msg)
		maplint_report(l, warn ? DIAG_WARNING : DIAG_ERROR, e, col, "ACC006",
			       "ERROR: %s", msg);
	else if (strchr(text, ' ') && !strchr(e->value, '"'))
		maplint_report(l, DIAG_NOTE, e, col, "ACC007", "quote the error "
			       "text (ERROR:\"%s\"): unquoted it is re-tokenized",
			       text);
}

/* ACC005-ACC009: the action and its fit with the tag. */
static void check_action(struct lint *l, const struct lint_entry *e, const struct acc *a)
{
	static const char *const plain[] = { "OK", "RELAY", "REJECT", "DISCARD", "SKIP",
					     "FRIEND", "HATER", NULL };
	const char *act = a->action;
	unsigned col = e->value_col;
	int rate = is(a, "GreetPause") || is(a, "ClientRate") || is(a, "ClientConn");
	if (!(is(a, NULL) || is(a, "Connect") || is(a, "From") || is(a, "To") ||
	      is(a, "Spam") || is(a, "Compat") || rate))
		return;	/* free-form values (AuthInfo, QGRP, TLS_*, ...) */
	if (rate) {
		if (strspn(e->value, "0123456789") != e->valuelen)
			maplint_report(l, DIAG_ERROR, e, col, "ACC005", "%s: expects a "
				       "number, saw \"%s\"", a->tag, e->value);
		return;
	}
	if (strncmp(act, "ERROR:", 6) == 0) {
		check_error(l, e, 6);
		return;
	}
	/* cf.README: "### any text" still works but is deprecated. */
	const char *code = e->value + (e->value[0] == '"');
	if (strspn(code, "0123456789") == 3 && strchr(" \"", code[3])) {
		maplint_report(l, DIAG_WARNING, e, col, "ACC015", "deprecated action "
			       "form \"%.3s text\": write ERROR:\"%.3s text\"", code, code);
		check_error(l, e, 0);
		return;
	}
	if (strncmp(act, "TEMP:", 5) == 0 || strncmp(act, "QUARANTINE:", 11) == 0)
		return;
	int known = 0;
	for (int i = 0; plain[i]; i++)
		known |= strcmp(act, plain[i]) == 0;
	if (!known) {
		char *q = diag_quote(e->value, 40);
		maplint_report(l, DIAG_ERROR, e, col, "ACC005", "unknown action %s "
			       "(OK, RELAY, REJECT, DISCARD, SKIP, ERROR:, TEMP:, "
			       "QUARANTINE:)", q);
		free(q);
	} else if (strcmp(act, "DISCARD") == 0 && is(a, "To")) {
		maplint_report(l, DIAG_WARNING, e, col, "ACC008", "DISCARD on a "
			       "recipient discards the whole message for all its "
			       "recipients; use REJECT");
	} else if ((!strcmp(act, "FRIEND") || !strcmp(act, "HATER")) != is(a, "Spam")) {
		maplint_report(l, DIAG_ERROR, e, col, "ACC009", "%s is only valid "
			       "with Spam: (and Spam: only takes FRIEND or HATER)",
			       act);
	} else if (!strcmp(act, "SKIP") && strchr(a->rest, '@')) {
		maplint_report(l, DIAG_ERROR, e, col, "ACC009", "SKIP is for host "
			       "and network entries, not addresses");
	}
}

void maplint_access_check(struct lint *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct lint_entry *e = &l->e[i];
		struct acc a;
		if (split_tag(l, e, &a) < 0)
			continue;
		size_t n = strcspn(e->value, " \t\"");
		if (n >= sizeof a.action)
			n = sizeof a.action - 1;
		for (size_t j = 0; j < n; j++)
			a.action[j] = (char)toupper((unsigned char)e->value[j]);
		a.action[n] = '\0';
		if (a.tag == NULL)
			maplint_report(l, DIAG_WARNING, e, 1, "ACC004", "untagged key: "
				       "write Connect:, From: or To: (untagged entries "
				       "apply everywhere and are deprecated)");
		check_key(l, e, &a);
		check_relay(l, e, &a);
		check_action(l, e, &a);
	}
	maplint_duplicates(l, "ACC011", DIAG_ERROR);
}
