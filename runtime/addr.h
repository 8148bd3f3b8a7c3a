/*
 * addr.h - resolve an address to a mailer triple, as sendmail's
 * parseaddr() and buildaddr() do.
 *
 * addr_resolve() tokenizes the address (external table), rewrites it
 * through rulesets 3 and 0 and, when the result is a "$# mailer $@ host
 * $: user" triple, finishes it: for a real mailer the user part is
 * rewritten through ruleset 2, the mailer's R= set and ruleset 4 (the
 * recipient path), then host and user are lower-cased unless the mailer
 * has F=h / F=u. Traces and scan errors go to rt->out as in -bt. Users:
 * -bt "/parse" (btcmd.c) and the alias-name check of -bi (aliasmode.c).
 *
 * Ownership: host and user are the caller's; addr_parsed_free() frees
 * them. Token texts live in rt->work.
 */
#ifndef MAILCF_ADDR_H
#define MAILCF_ADDR_H

#include "lib/str.h"
#include "runtime/rt.h"

enum addr_kind {
	ADDR_NONE,	/* the rules failed (their status said so) */
	ADDR_NOMAILER,	/* the rules succeeded but gave no "$#" triple */
	ADDR_MAILER,	/* a mailer of the configuration */
	ADDR_ERROR,	/* $#error: user holds the message, blanks kept */
	ADDR_UNKNOWN,	/* $#name with no such mailer */
};

struct addr_parsed {
	enum addr_kind kind;
	const char *mailer;		/* as the rules named it ("" if none) */
	const struct ir_mailer *m;	/* ADDR_MAILER only */
	struct str host, user;
	int queueup;		/* a ruleset tempfailed on the way */
};

#define ADDR_PARSED_INIT { ADDR_NONE, "", NULL, STR_INIT, STR_INIT, 0 }

/* Resolve addr (up to delim, or NUL if delim is 0) into *pa. 0, or -1
 * when the address cannot be tokenized (the error is printed). */
int addr_resolve(struct rt *rt, const char *addr, int delim,
		 struct addr_parsed *pa);
/* 1 if pa resolved to a mailer with F=A, one aliases apply to (sendmail's
 * test for a local, aliasable address). */
int addr_aliasable(const struct addr_parsed *pa);
/* Free pa's strings; pa may be reused after ADDR_PARSED_INIT. */
void addr_parsed_free(struct addr_parsed *pa);

/* The ruleset number a mailer's S= or R= field names for part 0
 * (envelope) or 1 (header, after '/'); 0 if none. */
int addr_mailer_set(const struct rt *rt, const struct ir_mailer *m,
		    char field, int part);
/* Rewrite ws through set when set > 0; the engine's status. */
int addr_run_set(struct rt *rt, struct tokv *ws, int set);
/* Lower-case ASCII letters of s in place (NULL allowed). */
void addr_lower(char *s);

#endif
