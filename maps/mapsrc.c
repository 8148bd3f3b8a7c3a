/*
 * mapsrc.c - makemap source lines to key/value entries (see mapsrc.h).
 *
 * Grammar of one line, as sendmail's makemap reads it:
 *   line    = "" | comment-char *any | key delims value
 *   key     = 1*(any but delimiter)      delims = 1*delimiter
 * The whole line is bounded by LIMIT_MAP_LINE (lineread), so a key is
 * always shorter than LIMIT_MAP_KEY. Untrusted text is quoted
 * (diag_quote) before it appears in a message.
 */
#include "maps/mapsrc.h"

#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "maps/lineread.h"

/* Longest piece of a key quoted in a message. */
#define QUOTE_MAX 60

void mapsrc_opts_init(struct mapsrc_opts *o)
{
	o->delim = -1;
	o->comment = '#';
	o->fold = 1;
	o->allow_empty = 0;
}

/* 1 if c separates key and value under o. */
static int is_delim(const struct mapsrc_opts *o, char c)
{
	if (o->delim < 0)
		return c == ' ' || c == '\t';
	return c == (char)o->delim;
}

/* Report an error at line:col of name. */
static void line_error(struct diag *d, const char *name, unsigned lineno,
		       unsigned col, const char *id, const char *msg,
		       const char *quoted)
{
	struct srcpos pos = { name, lineno, col };
	diag_report(d, DIAG_ERROR, &pos, id, "%s%s%s", msg,
		    quoted ? " " : "", quoted ? quoted : "");
}

/* Lower-case ASCII letters of s[0..n). */
static void fold_ascii(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
}

int mapsrc_line(char *line, size_t len, unsigned lineno, const char *name,
		const struct mapsrc_opts *o, struct diag *d,
		struct mapsrc_entry *e)
{
	if (len == 0 || line[0] == (char)o->comment)
		return 0;
	char *nul = memchr(line, '\0', len);
	if (nul != NULL) {
		line_error(d, name, lineno, (unsigned)(nul - line) + 1, "MAP005",
			   "NUL byte in line", NULL);
		return -1;
	}
	if (o->delim < 0 && is_delim(o, line[0])) {
		line_error(d, name, lineno, 1, "MAP002",
			   "line starts with a blank (keys cannot; "
			   "continuation lines do not exist in map sources)", NULL);
		return -1;
	}
	size_t k = 0;
	while (k < len && !is_delim(o, line[k]))
		k++;
	size_t v = k;
	while (v < len && is_delim(o, line[v]))
		v++;
	if (v == len && !o->allow_empty) {
		char save = line[k];
		line[k] = '\0';
		char *q = diag_quote(line, QUOTE_MAX);
		line[k] = save;
		line_error(d, name, lineno, (unsigned)v + 1, "MAP003",
			   "no value for key", q);
		free(q);
		return -1;
	}
	if (o->fold)
		fold_ascii(line, k);
	e->key = line;
	e->keylen = k;
	e->value = line + v;
	e->valuelen = len - v;
	e->pos.file = name;
	e->pos.line = lineno;
	e->pos.col = 1;
	return 1;
}

int mapsrc_parse(FILE *in, const char *name, const struct mapsrc_opts *o,
		 struct diag *d, mapsrc_fn fn, void *arg)
{
	struct str line = STR_INIT;
	struct mapsrc_entry e;
	unsigned lineno = 0;
	int errors = 0, r, toolong, nonl, stopped = 0;
	/* At most LIMIT_MAP_LINE - 2 bytes before the newline (makemap's
	 * fgets buffer holds the line, the newline and the NUL). */
	const size_t max = LIMIT_MAP_LINE - 2;

	while ((r = lineread(in, &line, max, &toolong, &nonl)) == 1) {
		lineno++;
		if (toolong) {
			struct srcpos pos = { name, lineno, (unsigned)max + 1 };
			diag_report(d, DIAG_ERROR, &pos, "MAP001",
				    "line too long (at most %zu bytes)", max);
			errors++;
			continue;
		}
		int got = mapsrc_line(line.s ? line.s : (char *)"", line.len,
				      lineno, name, o, d, &e);
		if (got < 0)
			errors++;
		else if (got > 0 && fn(arg, &e) != 0) {
			stopped = 1;
			break;
		}
	}
	str_free(&line);
	if (r < 0) {
		struct srcpos pos = { name, lineno, 0 };
		diag_report(d, DIAG_ERROR, &pos, "MAP000", "read error");
		return -1;
	}
	return stopped ? -1 : errors;
}
