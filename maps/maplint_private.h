/*
 * maplint_private.h - shared state and helpers of the map linters
 * (maplint.c and the per-kind maplint-*.c files). Not an API.
 */
#ifndef MAILCF_MAPLINT_PRIVATE_H
#define MAILCF_MAPLINT_PRIVATE_H

#include <stddef.h>

#include "lib/arena.h"
#include "lib/diag.h"
#include "maps/maplint.h"

/* One source entry: key/value (maps), name/value (aliases), or one line
 * of a host list (key = the whole line, value empty). NUL-terminated. */
struct lint_entry {
	char *key, *value;
	size_t keylen, valuelen;
	struct srcpos pos;
	unsigned value_col;	/* column of the value */
};

struct lint {
	struct diag *d;
	const struct maplint_opts *o;
	const char *file;
	struct arena *arena;
	struct lint_entry *e;
	size_t n, cap;
	struct lint_entry **sorted;	/* by key without case, then line;
					 * built by maplint_find/duplicates */
	char **domains, **mailers;	/* from o, lower case */
	size_t ndomains, nmailers;
};

/* Report at column col of entry e's line (col 0: the entry's column). */
void maplint_report(struct lint *l, enum diag_severity sev,
		    const struct lint_entry *e, unsigned col, const char *id,
		    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Index of the first entry whose key is s[0..n) without case, or l->n. */
size_t maplint_find(struct lint *l, const char *s, size_t n);
/* 1 if the n bytes at s equal a list member, ignoring case. */
int maplint_in_list(char *const *list, size_t count, const char *s, size_t n);
/* Report entries whose key (compared without case) repeats an earlier
 * one: "conflicting" if the values differ, else "duplicate". */
void maplint_duplicates(struct lint *l, const char *id, enum diag_severity sev);
/* Number of octets if s[0..n) is a dotted IPv4 prefix (1-4 octets of
 * 0-255), else 0. */
int maplint_ipv4_prefix(const char *s, size_t n);
/* 1 if s[0..n) is a syntactically valid host or domain name (letters,
 * digits, hyphens, dots between labels, labels <= 63 bytes). */
int maplint_hostname(const char *s, size_t n);
/* Check "[D.S.N:]CODE text" after an error: prefix. NULL if fine, else a
 * static message; *warn is set when the problem is only a mismatch. */
const char *maplint_error_text(const char *s, int *warn);

/* The per-kind checks. */
void maplint_access_check(struct lint *l);
void maplint_aliases_check(struct lint *l);
void maplint_virtuser_check(struct lint *l);
void maplint_mailertable_check(struct lint *l);
void maplint_hosts_check(struct lint *l);

#endif
