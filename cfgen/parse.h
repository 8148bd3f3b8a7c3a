/*
 * parse.h - read sendmail.cf text into the IR (ir.h).
 *
 * cf_parse_file() reads a whole .cf file (op.txt section 5), reporting every
 * malformed line through diag as file:line:col and going on with the next
 * line, so one run reports every error (up to the diag limit). It returns
 * the IR even when errors were reported (callers decide; cfgen check exits
 * 1 when diag_failed()); NULL only when the file cannot be read at all (also
 * reported). Class files (F lines) are read relative to opts->root when set.
 */
#ifndef MAILCF_PARSE_H
#define MAILCF_PARSE_H

#include <stdio.h>

#include "cfgen/ir.h"
#include "lib/diag.h"

struct cf_parse_opts {
	const char *root;	/* prefix for absolute F/K file paths ("" or NULL = /) */
	int no_files;		/* do not read F class files or check map files */
	/* Opens an F line's class file instead of fopen() (the runtime's
	 * safe-file rules); NULL return: the file is not read (the hook has
	 * said why). cf is the configuration parsed so far. */
	FILE *(*open_class)(void *ctx, const struct cf *cf, const char *path,
			    int optional, const struct srcpos *pos);
	void *ctx;		/* for open_class */
};

/* Parse the file at path. The returned IR is freed with cf_free(). */
struct cf *cf_parse_file(const char *path, struct diag *d,
			 const struct cf_parse_opts *opts);
/* Parse len bytes of .cf text; name is used in diagnostics. */
struct cf *cf_parse_buffer(const char *name, const char *text, size_t len,
			   struct diag *d, const struct cf_parse_opts *opts);

#endif
