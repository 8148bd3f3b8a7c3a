/*
 * mapsrc.h - parse makemap's "key value" source text.
 *
 * One entry per line: the key is the text up to the first delimiter (blank
 * or tab by default, or the -t character), the value is everything after
 * the run of delimiters that follows, trailing blanks included (as
 * sendmail's makemap stores it). Empty lines and lines starting with the
 * comment character (default '#') are skipped. Keys are folded to lower
 * case unless fold is 0 (makemap -f). Errors (reported through diag with
 * file:line:col and an ID, parsing goes on with the next line):
 *   MAP001 line longer than LIMIT_MAP_LINE      MAP002 leading blank
 *   MAP003 key without a value (unless -e)       MAP005 NUL byte in a line
 * The caller decides what an entry means (duplicates are mapwrite's).
 */
#ifndef MAILCF_MAPSRC_H
#define MAILCF_MAPSRC_H

#include <stdio.h>

#include "lib/diag.h"

struct mapsrc_opts {
	int delim;		/* -1: blanks and tabs; else the -t character */
	int comment;		/* comment character (-D), default '#' */
	int fold;		/* fold keys to lower case (default 1; -f: 0) */
	int allow_empty;	/* -e: a key alone gets an empty value */
};

/* One parsed entry; the pointers are valid only during the callback. */
struct mapsrc_entry {
	char *key, *value;	/* not NUL-terminated for binary safety */
	size_t keylen, valuelen;
	struct srcpos pos;	/* of the key */
};

/* Called for every good entry; a non-zero return stops parsing. */
typedef int (*mapsrc_fn)(void *arg, const struct mapsrc_entry *e);

/* The defaults: blank-delimited, '#' comments, folded, no empty values. */
void mapsrc_opts_init(struct mapsrc_opts *o);
/* Parse all of in; name is the file name used in diagnostics. Returns the
 * number of erroneous lines (0 = clean), or -1 on a read error (reported)
 * or when fn stopped the parse. */
int mapsrc_parse(FILE *in, const char *name, const struct mapsrc_opts *o,
		 struct diag *d, mapsrc_fn fn, void *arg);
/* Parse one line (no newline) numbered lineno: 1 if it gave an entry
 * (*e filled, pointing into line), 0 if it was blank or a comment, -1 if
 * it was reported as an error. */
int mapsrc_line(char *line, size_t len, unsigned lineno, const char *name,
		const struct mapsrc_opts *o, struct diag *d,
		struct mapsrc_entry *e);

#endif
