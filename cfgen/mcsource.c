/*
 * mcsource.c - a small reader for .mc text (see mcsource.h).
 *
 * One pass over the bytes with a cursor that tracks line and column. At
 * top level it skips quoted strings (remembering where an unclosed one
 * opened: MC001), "dnl" comments and other text, and records each word
 * as a macro call; with '(' it collects the arguments the way m4 does
 * (a quote level removed, parentheses counted outside quotes).
 */
#include "cfgen/mcsource.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"

struct cursor {
	const char *p, *end;
	unsigned line, col;
	int diverted;
	const char *line_start;
};

/* Step over one byte. */
static void adv(struct cursor *c)
{
	if (*c->p == '\n') {
		c->line++;
		c->col = 1;
		c->line_start = c->p + 1;
	} else {
		c->col++;
	}
	c->p++;
}

static int is_word_start(char ch) { return isalpha((unsigned char)ch) || ch == '_'; }
static int is_word(char ch) { return isalnum((unsigned char)ch) || ch == '_'; }

/* Skip a quoted string starting at '`' (appending its inside to out when
 * not NULL). 0, or -1 at end of input (s->open_quote set). */
static int skip_quoted(struct mcsource *s, struct cursor *c, struct str *out)
{
	unsigned line = c->line, col = c->col, depth = 1;

	adv(c);
	while (c->p < c->end) {
		char ch = *c->p;
		if (ch == '`')
			depth++;
		else if (ch == '\'' && --depth == 0) {
			adv(c);
			return 0;
		}
		if (out)
			str_appendc(out, ch);
		adv(c);
	}
	if (s->open_quote.line == 0)
		s->open_quote = (struct srcpos){ s->file, line, col };
	return -1;
}

/* Start a new argument at the cursor (after blanks). */
static void arg_begin(struct mc_call *call, struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n'))
		adv(c);
	call->args = xreallocarray(call->args, call->nargs + 1, sizeof *call->args);
	call->args[call->nargs++] = (struct mc_arg){
		NULL, c->line, c->col, c->p < c->end ? *c->p : 0, c->p < c->end && *c->p == '`'
	};
}

/* Collect the arguments after '('; 0, or -1 at end of input. */
static int collect_args(struct mcsource *s, struct cursor *c, struct mc_call *call)
{
	struct str v = STR_INIT;
	unsigned depth = 0;

	adv(c);
	arg_begin(call, c);
	while (c->p < c->end) {
		char ch = *c->p;
		if (ch == '`') {
			const char *q = c->p;
			if (skip_quoted(s, c, &v) < 0)
				break;
			if (c->p < c->end && *c->p != ',' && *c->p != ')' && q != c->p)
				call->args[call->nargs - 1].quoted = 0;
			continue;
		}
		if (ch == '(')
			depth++;
		else if (ch == ')' && depth-- == 0) {
			call->args[call->nargs - 1].value = str_steal(&v);
			adv(c);
			return 0;
		} else if (ch == ',' && depth == 0) {
			call->args[call->nargs - 1].value = str_steal(&v);
			adv(c);
			arg_begin(call, c);
			continue;
		}
		if (call->args[call->nargs - 1].quoted && ch != ' ' && ch != '\t' && ch != '\n')
			call->args[call->nargs - 1].quoted = 0;
		str_appendc(&v, ch);
		adv(c);
	}
	call->args[call->nargs - 1].value = str_steal(&v);
	return -1;
}

/* Read one word at the cursor and record it as a call. */
static void scan_word(struct mcsource *s, struct cursor *c)
{
	const char *w = c->p;
	struct mc_call call = { 0 };

	call.line = c->line;
	call.col = c->col;
	call.diverted = c->diverted;
	call.hash_line = memchr(c->line_start, '#', (size_t)(w - c->line_start)) != NULL;
	while (c->p < c->end && is_word(*c->p))
		adv(c);
	call.name = xstrndup(w, (size_t)(c->p - w));
	if (strcmp(call.name, "dnl") == 0) {
		while (c->p < c->end && *c->p != '\n')
			adv(c);
		if (c->p < c->end)
			adv(c);
		free(call.name);
		return;
	}
	if (c->p < c->end && *c->p == '(') {
		call.parens = 1;
		if (collect_args(s, c, &call) < 0 && s->open_paren.line == 0 && s->open_quote.line == 0) {
			s->open_paren = (struct srcpos){ s->file, call.line, call.col };
			s->open_paren_name = call.name;
		}
	}
	call.end_line = c->line;
	if (strcmp(call.name, "divert") == 0)
		c->diverted = strcmp(mc_arg(&call, 0), "-1") == 0;
	s->calls = xreallocarray(s->calls, s->ncalls + 1, sizeof *s->calls);
	s->calls[s->ncalls++] = call;
}

void mcsource_scan(struct mcsource *s, const char *file, const char *text, size_t len)
{
	struct cursor c;

	memset(s, 0, sizeof *s);
	s->file = file;
	s->text = xmalloc(len + 1);
	memcpy(s->text, text, len);
	s->text[len] = '\0';
	s->len = len;
	c = (struct cursor){ s->text, s->text + len, 1, 1, 0, s->text };
	while (c.p < c.end) {
		if (*c.p == '`')
			skip_quoted(s, &c, NULL);
		else if (is_word_start(*c.p))
			scan_word(s, &c);
		else if (is_word(*c.p))
			while (c.p < c.end && is_word(*c.p))
				adv(&c);
		else
			adv(&c);
	}
}

int mcsource_load(struct mcsource *s, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	struct str b = STR_INIT;
	char buf[65536];
	size_t n;

	memset(s, 0, sizeof *s);
	if (f == NULL) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && b.len <= LIMIT_MC_SOURCE)
		str_appendn(&b, buf, n);
	if (ferror(f) || b.len > LIMIT_MC_SOURCE) {
		snprintf(err, errlen, "cannot read %s: %s", path,
			 ferror(f) ? strerror(errno) : "larger than LIMIT_MC_SOURCE");
		fclose(f);
		str_free(&b);
		return -1;
	}
	fclose(f);
	mcsource_scan(s, path, b.s ? b.s : "", b.len);
	str_free(&b);
	return 0;
}

const char *mc_arg(const struct mc_call *c, size_t i)
{
	return i < c->nargs && c->args[i].value ? c->args[i].value : "";
}

void mcsource_free(struct mcsource *s)
{
	for (size_t i = 0; i < s->ncalls; i++) {
		for (size_t j = 0; j < s->calls[i].nargs; j++)
			free(s->calls[i].args[j].value);
		free(s->calls[i].args);
		free(s->calls[i].name);
	}
	free(s->calls);
	free(s->text);
	memset(s, 0, sizeof *s);
}
