/*
 * aliases.c - aliases(5) parser and value splitter (see aliases.h).
 *
 * Entry points: aliases_parse (physical lines -> joined entries -> name and
 * value), aliases_split (value -> targets). Input is untrusted: every
 * logical line is bounded by LIMIT_ALIAS_LINE, NUL bytes are refused, and
 * text shown in messages goes through diag_quote.
 * Grammar (op.txt 6.1 "Aliasing"; aliases(5)):
 *   entry        = name *blank ":" *blank value *(NL continuation)
 *   continuation = 1*(blank | tab) text
 *   comment      = "#" text          empty = *blank
 */
#include "maps/aliases.h"

#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "maps/lineread.h"

/* Longest piece of text quoted in a message. */
#define QUOTE_MAX 60

/* The logical line being collected. */
struct pending {
	struct str text;
	unsigned line;		/* first physical line, 0 = none */
	int toolong, nul;
};

/* Parser state shared by the helpers. */
struct parser {
	const char *file;
	struct diag *d;
	aliases_fn fn;
	void *arg;
	const struct aliases_resolver *res;	/* NULL: '@' means non-local */
	int errors, stopped;
	int after_comment;	/* last non-continuation line was a comment */
	struct pending p;
};

/* Report an ALI001 (or id) error at line:col. */
static void perr(struct parser *ps, unsigned line, unsigned col, const char *id,
		 const char *msg, const char *text)
{
	struct srcpos pos = { ps->file, line, col };
	char *q = text ? diag_quote(text, QUOTE_MAX) : NULL;
	diag_report(ps->d, DIAG_ERROR, &pos, id, "%s%s%s", msg, q ? ": " : "",
		    q ? q : "");
	free(q);
	ps->errors++;
	if (ps->res && ps->res->problem)
		ps->res->problem(ps->res->arg, &pos, msg);
}

/* 1 if the n bytes at s are all blanks or tabs. */
static int all_blank(const char *s, size_t n)
{
	return strspn(s, " \t") >= n;
}

/* Index of the first ':' outside double quotes, or len. */
static size_t find_colon(const char *s, size_t len)
{
	int q = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len)
			i++;
		else if (s[i] == '"')
			q = !q;
		else if (s[i] == ':' && !q)
			return i;
	}
	return len;
}

/* Hand the entry with key name[0..nlen) to the callback. */
static void deliver(struct parser *ps, const char *name, size_t nlen,
		    const char *s, size_t v, size_t len, unsigned line)
{
	struct alias a = { name, s + v, nlen, len - v, { ps->file, line, 1 },
			   (unsigned)v + 1 };
	if (ps->fn(ps->arg, &a) != 0)
		ps->stopped = 1;
}

/* The key of the name s (NUL-terminated) into key; 0, or -1 after
 * reporting a non-local name. */
static int name_key(struct parser *ps, const char *s, unsigned line,
		    struct str *key)
{
	struct srcpos pos = { ps->file, line, 1 };
	struct str why = STR_INIT;
	int r = 0;

	if (ps->res == NULL) {
		if (strchr(s, '@') != NULL)
			r = 1;
		str_append(key, s);
		for (size_t i = 0; i < key->len; i++)
			if (key->s[i] >= 'A' && key->s[i] <= 'Z')
				key->s[i] = (char)(key->s[i] - 'A' + 'a');
	} else {
		r = ps->res->resolve(ps->res->arg, s, &pos, key, &why);
	}
	if (r != 0) {
		char *q = diag_quote(s, QUOTE_MAX);
		diag_report(ps->d, DIAG_ERROR, &pos, "ALI005",
			    "cannot alias non-local names: %s%s%s%s", q,
			    why.len ? " (" : "", str_cstr(&why), why.len ? ")" : "");
		free(q);
		ps->errors++;
	}
	str_free(&why);
	return r ? -1 : 0;
}

/* Check the value's quotes and brackets; 0 or -1 (reported). */
static int check_value(struct parser *ps, const char *v, size_t len,
		       unsigned line, unsigned col)
{
	const char *msg;
	size_t off;
	if (aliases_split(v, len, NULL, NULL, &msg, &off) == 0)
		return 0;
	perr(ps, line, col + (unsigned)off, "ALI001", msg, v);
	return -1;
}

/* The reason the collected entry s[0..len) is unusable, or NULL; sets
 * *col, and *colon to the colon's index. */
static const char *entry_problem(const struct pending *p, const char *s,
				 size_t len, size_t *colon, unsigned *col)
{
	*col = 1;
	if (p->nul)
		return "NUL byte in entry";
	if (p->toolong)
		return "alias line too long (at most 8190 bytes with its "
		       "continuation lines)";
	*colon = find_colon(s, len);
	if (*colon == len)
		return "missing colon";
	if (strspn(s, " \t") >= *colon)
		return "empty alias name";
	return NULL;
}

/* Split the collected logical line into name and value; deliver it. */
static void finish_entry(struct parser *ps)
{
	struct pending *p = &ps->p;
	char *s = p->text.s;
	size_t len = p->text.len, colon = 0;
	unsigned line = p->line, col;
	if (line == 0)
		return;
	p->line = 0;
	const char *problem = entry_problem(p, s, len, &colon, &col);
	if (problem != NULL) {
		perr(ps, line, col, "ALI001", problem, colon < len ? NULL : s);
		return;
	}
	size_t nlen = colon;
	while (nlen > 0 && (s[nlen - 1] == ' ' || s[nlen - 1] == '\t'))
		nlen--;
	size_t v = colon + 1 + strspn(s + colon + 1, " \t");
	s[nlen] = '\0';
	if (v >= len) {
		perr(ps, line, (unsigned)colon + 1, "ALI001", "missing value for alias", s);
		return;
	}
	struct str key = STR_INIT;
	if (name_key(ps, s, line, &key) == 0 &&
	    check_value(ps, s + v, len - v, line, (unsigned)v + 1) == 0)
		deliver(ps, str_cstr(&key), key.len, s, v, len, line);
	str_free(&key);
}

/* Add a physical line to the pending entry (or report it as stray). */
static void continuation(struct parser *ps, const struct str *l, unsigned lineno)
{
	struct pending *p = &ps->p;
	if (p->line == 0) {
		if (all_blank(l->s, l->len))
			return;
		perr(ps, lineno, 1, "ALI001", ps->after_comment
		     ? "continuation line after a comment (sendmail drops it)"
		     : "line starts with a blank but continues no entry", l->s);
		return;
	}
	if (p->text.len + l->len > LIMIT_ALIAS_LINE - 2)
		p->toolong = 1;
	else
		str_appendn(&p->text, l->s, l->len);
}

/* Handle one physical line. */
static void physical_line(struct parser *ps, struct str *l, unsigned lineno,
			  int toolong)
{
	int cont = l->len > 0 && (l->s[0] == ' ' || l->s[0] == '\t');
	if (cont) {
		continuation(ps, l, lineno);
		ps->p.toolong |= toolong;
		ps->p.nul |= memchr(l->s, '\0', l->len) != NULL;
		return;
	}
	finish_entry(ps);
	ps->after_comment = l->len > 0 && l->s[0] == '#';
	if (l->len == 0 || ps->after_comment)
		return;
	str_reset(&ps->p.text);
	str_appendn(&ps->p.text, l->s, l->len);
	ps->p.line = lineno;
	ps->p.toolong = toolong;
	ps->p.nul = memchr(l->s, '\0', l->len) != NULL;
}

int aliases_parse(FILE *in, const char *name, struct diag *d, aliases_fn fn,
		  void *arg)
{
	return aliases_parse_resolved(in, name, d, NULL, fn, arg);
}

int aliases_parse_resolved(FILE *in, const char *name, struct diag *d,
			   const struct aliases_resolver *res, aliases_fn fn,
			   void *arg)
{
	struct parser ps = { name, d, fn, arg, res, 0, 0, 0, { STR_INIT, 0, 0, 0 } };
	struct str l = STR_INIT;
	unsigned lineno = 0;
	int r, toolong, nonl;
	str_reserve(&l, 0);
	while (!ps.stopped && !diag_stopped(d) &&
	       (r = lineread(in, &l, LIMIT_ALIAS_LINE - 2, &toolong, &nonl)) == 1)
		physical_line(&ps, &l, ++lineno, toolong);
	if (!ps.stopped && !diag_stopped(d))
		finish_entry(&ps);
	str_free(&l);
	str_free(&ps.p.text);
	if (ferror(in)) {
		struct srcpos pos = { name, lineno, 0 };
		diag_report(d, DIAG_ERROR, &pos, "ALI001", "read error");
		return -1;
	}
	return ps.stopped ? -1 : ps.errors;
}

/* Classify and deliver the target value[start..end) (blanks trimmed). */
static void emit_target(const char *value, size_t start, size_t end,
			alias_target_fn fn, void *arg)
{
	while (start < end && (value[start] == ' ' || value[start] == '\t'))
		start++;
	while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t'))
		end--;
	if (start == end || fn == NULL)
		return;
	struct alias_target t = { ALIAS_ADDRESS, value + start, end - start,
				  (unsigned)start, 0 };
	if (t.len >= 2 && t.text[0] == '"' && t.text[t.len - 1] == '"') {
		t.text++;
		t.len -= 2;
		t.quoted = 1;
	}
	if (t.len > 0 && t.text[0] == '|')
		t.kind = ALIAS_PROGRAM;
	else if (t.len > 0 && t.text[0] == '/')
		t.kind = ALIAS_FILE;
	else if (t.len >= 9 && strncasecmp(t.text, ":include:", 9) == 0)
		t.kind = ALIAS_INCLUDE;
	fn(arg, &t);
}

int aliases_split(const char *value, size_t len, alias_target_fn fn, void *arg,
		  const char **errmsg, size_t *erroff)
{
	int quote = 0, angle = 0;
	size_t start = 0, qstart = 0, astart = 0;
	for (size_t i = 0; i < len; i++) {
		char c = value[i];
		if (c == '\\' && i + 1 < len) {
			i++;
		} else if (c == '"') {
			quote = !quote;
			qstart = i;
		} else if (quote) {
			continue;
		} else if (c == '<') {
			if (angle++ == 0)
				astart = i;
		} else if (c == '>') {
			if (angle-- == 0) {
				*errmsg = "unbalanced '>'";
				*erroff = i;
				return -1;
			}
		} else if (c == ',' && angle == 0) {
			emit_target(value, start, i, fn, arg);
			start = i + 1;
		}
	}
	if (quote || angle) {
		*errmsg = quote ? "unbalanced '\"'" : "unbalanced '<'";
		*erroff = quote ? qstart : astart;
		return -1;
	}
	emit_target(value, start, len, fn, arg);
	return 0;
}

/* Split one "[type:]path" entry (n bytes at p) and call fn. */
static int one_file(const char *p, size_t n, aliases_file_fn fn, void *arg)
{
	struct str s = STR_INIT;
	str_appendn(&s, p, n);
	char *path = s.s;
	const char *type = "implicit";
	char *colon = strchr(s.s, ':');
	if (colon != NULL && s.s[0] != '/') {
		*colon = '\0';
		type = s.s;
		path = colon + 1;
	}
	int rc = fn(arg, type, path);
	str_free(&s);
	return rc;
}

int aliases_foreach_file(const char *value, aliases_file_fn fn, void *arg)
{
	int rc = 0;
	const char *p = value;
	while (*p != '\0') {
		p += strspn(p, " \t,");
		size_t n = strcspn(p, ",");
		size_t m = n;
		while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
			m--;
		if (m > 0 && one_file(p, m, fn, arg) < 0)
			rc = -1;
		p += n;
	}
	return rc;
}
