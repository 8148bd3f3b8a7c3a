/*
 * mcsource.h - read a .mc file and find its top-level m4 macro calls
 * without running m4, for cfgen lint's text checks (mclint.h) and for
 * cfgen build's include mapping (mcpaths.h).
 *
 * The scanner follows GNU m4's reading rules as sendmail's library sets
 * them up: quotes are ` and ', comments are off (cf.m4 runs changecom(),
 * so '#' does NOT stop a macro), "dnl" discards to the end of the line.
 * A call is a word followed directly by '('; its arguments are split at
 * top-level commas with quotes and nested parentheses respected. Words
 * without '(' are recorded too (LOCAL_CONFIG, MAILER_DEFINITIONS) with
 * nargs 0. Calls nested inside arguments are not recorded.
 * Positions are 1-based line/column (columns count bytes).
 */
#ifndef MAILCF_MCSOURCE_H
#define MAILCF_MCSOURCE_H

#include <stddef.h>

#include "lib/diag.h"

struct mc_arg {
	char *value;		/* after m4's quote removal, leading blanks skipped */
	unsigned line, col;	/* where the argument starts (after blanks) */
	char first;		/* first character as written (` ' " ...) */
	int quoted;		/* the argument is one `...' string */
};

struct mc_call {
	char *name;
	unsigned line, col;
	unsigned end_line;	/* the line of the closing ')' (or of the name) */
	struct mc_arg *args;
	size_t nargs;
	int parens;		/* called with (...) */
	int diverted;		/* inside divert(-1): its output is discarded */
	int hash_line;		/* the line has '#' before the call */
};

struct mcsource {
	const char *file;
	char *text;
	size_t len;
	struct mc_call *calls;
	size_t ncalls;
	struct srcpos open_quote;	/* line 0 when quotes balance */
	struct srcpos open_paren;	/* a call never closed (line 0 if none) */
	const char *open_paren_name;
};

/* Read and scan path (at most LIMIT_MC_SOURCE bytes). 0, or -1 with a
 * message in err when the file cannot be read. */
int mcsource_load(struct mcsource *s, const char *path, char *err, size_t errlen);
/* Scan len bytes of text (copied); file names it in positions. */
void mcsource_scan(struct mcsource *s, const char *file, const char *text, size_t len);
/* Argument i of c as a string ("" when absent). */
const char *mc_arg(const struct mc_call *c, size_t i);
void mcsource_free(struct mcsource *s);

#endif
