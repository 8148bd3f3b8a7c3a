/*
 * aliases.h - parse aliases(5) files.
 *
 * An entry is "name: value" where the value may continue on following
 * lines that start with a blank or tab. As sendmail does, the physical
 * lines are joined as they are (the newline removed, leading blanks of the
 * continuation kept), the name is folded to lower case with blanks before
 * the colon removed, and the value is everything after the colon and the
 * blanks that follow it, trailing blanks included. Comment lines start
 * with '#'; lines of only blanks are empty lines.
 *
 * Errors (file:line:col, ID ALI001 unless noted; the parse goes on with
 * the next entry): missing colon, empty name, missing value, a line longer
 * than LIMIT_ALIAS_LINE, a NUL byte, a continuation line after a comment
 * (sendmail silently drops it), a line starting with a blank that follows
 * no entry, unbalanced quotes or angle brackets in the value, and
 * non-local names (ALI005). sendmail builds around bad entries; callers
 * of this parser refuse to build instead.
 *
 * Which names are local is the configuration's business: sendmail parses
 * each name as a recipient address with the rules (rulesets 3 and 0) and
 * refuses it unless it resolves to a mailer with F=A; the key stored is
 * the user part of that resolution (so "<Bob>" and "bob@thishost" both
 * store "bob"). aliases_parse_resolved() takes such a resolver; without
 * one (aliases_parse) any name with an '@' is taken as non-local and
 * names are only folded to lower case.
 */
#ifndef MAILCF_ALIASES_H
#define MAILCF_ALIASES_H

#include <stddef.h>
#include <stdio.h>

#include "lib/diag.h"
#include "lib/str.h"

struct alias {
	const char *name;	/* folded, NUL-terminated */
	const char *value;	/* NUL-terminated */
	size_t namelen, valuelen;
	struct srcpos pos;	/* of the name */
	unsigned value_col;	/* column of the value on its first line */
};

/* Called for every good entry; pointers valid during the call only. A
 * non-zero return stops the parse. */
typedef int (*aliases_fn)(void *arg, const struct alias *a);

/* Parse all of in (file name for messages). Returns the number of bad
 * entries (0 = clean) or -1 on a read error or when fn stopped. */
int aliases_parse(FILE *in, const char *name, struct diag *d, aliases_fn fn,
		  void *arg);

/* Decides whether an alias name is local and what key it stores. */
struct aliases_resolver {
	/* 0: local, *key set to the key (stored as is); 1: not local, *why
	 * set to the reason (may stay empty). Both strings arrive empty;
	 * pos is the entry's position. */
	int (*resolve)(void *arg, const char *name, const struct srcpos *pos,
		       struct str *key, struct str *why);
	/* When not NULL, told of every entry refused for its syntax (msg
	 * without the quoted text; also reported through diag). */
	void (*problem)(void *arg, const struct srcpos *pos, const char *msg);
	void *arg;
};

/* aliases_parse() with names resolved by res (NULL: as aliases_parse). */
int aliases_parse_resolved(FILE *in, const char *name, struct diag *d,
			   const struct aliases_resolver *res, aliases_fn fn,
			   void *arg);

/* The kinds of target in an alias value (aliases(5), op.txt 6.1). */
enum alias_target_kind {
	ALIAS_ADDRESS,		/* user, user@host */
	ALIAS_PROGRAM,		/* |program or "|program args" */
	ALIAS_FILE,		/* /path or "/path" */
	ALIAS_INCLUDE,		/* :include:/path */
};

struct alias_target {
	enum alias_target_kind kind;
	const char *text;	/* as written, outer quotes removed */
	size_t len;
	unsigned offset;	/* byte offset of the target in the value */
	int quoted;		/* was written in double quotes */
};

/* Called for each target of a value, in order. */
typedef void (*alias_target_fn)(void *arg, const struct alias_target *t);

/* Split value (len bytes) at top-level commas into targets. Returns 0, or
 * -1 with *errmsg set to a static description and *erroff to the byte
 * offset when quotes or angle brackets are unbalanced. */
int aliases_split(const char *value, size_t len, alias_target_fn fn, void *arg,
		  const char **errmsg, size_t *erroff);

/* Called for each "[type:]path" entry of an AliasFile option value (type
 * "implicit" when none is written); returns 0 or -1. */
typedef int (*aliases_file_fn)(void *arg, const char *type, const char *path);

/* Walk a comma-separated AliasFile value ("/etc/mail/aliases",
 * "hash:/etc/mail/aliases,cdb:/x"). Every entry is visited; returns -1 if
 * fn failed for any of them, else 0. */
int aliases_foreach_file(const char *value, aliases_file_fn fn, void *arg);

#endif
