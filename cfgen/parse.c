/*
 * parse.c - sendmail.cf text to the IR: the line loop and the simple line
 * types V, D, P, E and H (op.txt 5.1-5.10; cf-format.md 1-3).
 *
 * Entry points: cf_parse_file(), cf_parse_buffer() (parse.h). Lines come
 * from line.c already joined and stripped of comments; each is dispatched
 * on its first byte. A malformed line is reported as file:line:col and
 * skipped, so one run reports every error (up to the diag limit). The
 * other line types live in rules.c (S R), classes.c (C T F) and decl.c
 * (O K M Q X). Input is untrusted: every length is bounded by line.c's
 * LIMIT_CF_LINE and the limits in lib/limits.h.
 */
#include "cfgen/parse.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfgen/mailer.h"
#include "cfgen/parse_private.h"
#include "lib/arena.h"
#include "lib/num.h"
#include "lib/str.h"
#include "lib/xalloc.h"

/* Macros sendmail defines from the host or the run before it reads the
 * configuration (oracle: $b $j $k $m $v $w ${opMode} have values in R lines
 * of a cf that never defines them). $n is a constant. */
static const char *const runtime_macros[] = { "b", "j", "k", "m", "v", "w", "opMode" };

void *parse_grow(struct parser *p, void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? size_mul(*cap, 2) : 8;
	return arena_grow(p->a, arr, n, *cap, size);
}

void parse_reject(struct parser *p, enum ir_reject_kind kind, const char *a,
		  size_t alen, const char *b)
{
	struct cf *cf = p->cf;

	cf->rejected = parse_grow(p, cf->rejected, cf->nrejected, &p->cap_rejected,
				  sizeof *cf->rejected);
	cf->rejected[cf->nrejected++] = (struct ir_rejected){
		parse_pos(p, 0), kind, arena_strndup(p->a, a, alen),
		b ? arena_strdup(p->a, b) : NULL };
}

struct srcpos parse_pos(const struct parser *p, size_t off)
{
	struct srcpos pos = { p->file, 0, 0 };

	line_pos(&p->lr, off, &pos.line, &pos.col);
	return pos;
}

void parse_report(struct parser *p, enum diag_severity sev, size_t off, const char *id,
		  const char *fmt, ...)
{
	struct srcpos pos = parse_pos(p, off);
	va_list ap;

	va_start(ap, fmt);
	diag_vreport(p->d, sev, &pos, id, fmt, ap);
	va_end(ap);
}

struct dollar_ctx parse_ctx(const struct parser *p)
{
	return (struct dollar_ctx){ p->a, p->d, p->file, p->lr.line };
}

const char *parse_macro_value(void *parser, const char *name)
{
	struct parser *p = parser;
	int i = htab_get(p->names, TAG_MACRO, name);

	if (i >= 0)
		return p->cf->macros[i].value;
	for (size_t k = 0; k < sizeof runtime_macros / sizeof *runtime_macros; k++)
		if (strcmp(runtime_macros[k], name) == 0)
			return dollar_runtime;
	return strcmp(name, "n") == 0 ? "MAILER-DAEMON" : NULL;
}

void parse_define(struct parser *p, const char *name, const char *value,
		  struct srcpos pos)
{
	int i = htab_get(p->names, TAG_MACRO, name);
	struct cf *cf = p->cf;

	if (i >= 0) {	/* redefinition: the later value wins, as in sendmail */
		cf->macros[i].value = value;
		cf->macros[i].pos = pos;
		return;
	}
	cf->macros = parse_grow(p, cf->macros, cf->nmacros, &p->cap_macros,
				sizeof *cf->macros);
	cf->macros[cf->nmacros] = (struct ir_macro){ name, value, pos };
	htab_put(p->names, TAG_MACRO, name, (int)cf->nmacros++);
}

/* "V<level>[/<vendor>]" (op.txt 5.13). */
static void v_line(struct parser *p, const char *text)
{
	static const char *const vendors[] = { "Berkeley", "Sun", "HP", "IBM", "SGI",
					       "Sendmail" };
	size_t n = strspn(text + 1, "0123456789");
	long long level;
	const char *vendor = NULL;

	p->seen_v = 1;
	if (n == 0 || (text[1 + n] != '\0' && text[1 + n] != '/') ||
	    parse_numn(text + 1, n, 0, 1000, &level) < 0) {
		parse_report(p, DIAG_ERROR, 1, "CF008",
			     "invalid argument to V line: expected 'V<level>[/<vendor>]'");
		return;
	}
	if (text[1 + n] == '/') {
		vendor = text + 2 + n;
		size_t k = 0;
		while (k < sizeof vendors / sizeof *vendors && strcasecmp(vendors[k], vendor))
			k++;
		if (k == sizeof vendors / sizeof *vendors)
			parse_report(p, DIAG_ERROR, 2 + n, "CF008",
				     "invalid V line vendor code '%s'", vendor);
	}
	if (level < 6)
		parse_report(p, DIAG_ERROR, 1, "CF008",
			     "configuration level %lld is too old: levels 6 to 10 are "
			     "supported (the m4 library writes V10)", level);
	else if (level > 10)
		parse_report(p, DIAG_WARNING, 1, "CF008",
			     "configuration level %lld is newer than 10, the highest "
			     "level sendmail 8.17 knows", level);
	p->cf->level = (int)level;
	p->cf->vendor = vendor ? arena_strdup(p->a, vendor) : NULL;
	p->cf->level_pos = parse_pos(p, 0);
	p->lr.level = (int)level;
	p->seen_v = 1;
	dollar_ops_init(&p->ops, p->cf->operators, (int)level);
}

/* "D<name><value>": the value is stored unexpanded (op.txt 5.2). */
static void d_line(struct parser *p, const char *text)
{
	const char *name = NULL, *why = NULL;
	size_t n = dollar_name(p->a, text + 1, strlen(text + 1), &name, &why);
	struct str val = STR_INIT;
	struct dollar_ctx cx = parse_ctx(p);
	int unclosed;

	if (n == 0) {
		parse_report(p, DIAG_ERROR, 1, "CF000", "bad macro name in D line: %s", why);
		return;
	}
	mailer_munch(text + 1 + n, 0, &val, &unclosed);
	if (unclosed)
		parse_report(p, DIAG_ERROR, 1 + n, "CF000",
			     "unbalanced '\"' in the value of macro %s", name);
	dollar_vec_reset(&p->v1);
	if (dollar_translate(&cx, text + 1 + n, strlen(text + 1 + n),
			     parse_pos(p, 1 + n).col, &p->v1) == 0)
		parse_define(p, name, arena_strdup(p->a, str_cstr(&val)), parse_pos(p, 0));
	str_free(&val);
}

/* "P<name>=<number>" (op.txt 5.10). */
static void p_line(struct parser *p, const char *text)
{
	const char *eq = strchr(text, '=');
	struct cf *cf = p->cf;
	long long v;

	if (eq == NULL || eq == text + 1 || parse_num(eq + 1, -1000000, 1000000, &v) < 0) {
		parse_report(p, DIAG_ERROR, 0, "CF000",
			     "expected 'P<name>=<number>', saw \"%.40s\"", text);
		return;
	}
	if (cf->npriorities == LIMIT_PRIORITIES) {
		parse_report(p, DIAG_ERROR, 0, "CF000",
			     "too many P lines (%d max)", LIMIT_PRIORITIES);
		return;
	}
	cf->priorities = parse_grow(p, cf->priorities, cf->npriorities, &p->cap_prios,
				    sizeof *cf->priorities);
	cf->priorities[cf->npriorities++] = (struct ir_priority){
		arena_strndup(p->a, text + 1, (size_t)(eq - text - 1)), (int)v,
		parse_pos(p, 0) };
}

/* "E<name>[=<value>]" (op.txt 5.15). */
static void e_line(struct parser *p, const char *text)
{
	size_t n = strcspn(text + 1, "=");
	struct cf *cf = p->cf;

	if (n == 0) {
		parse_report(p, DIAG_ERROR, 1, "CF000", "E line without a variable name");
		return;
	}
	cf->envs = parse_grow(p, cf->envs, cf->nenvs, &p->cap_envs, sizeof *cf->envs);
	cf->envs[cf->nenvs++] = (struct ir_env){
		arena_strndup(p->a, text + 1, n),
		text[1 + n] ? arena_strdup(p->a, text + 2 + n) : NULL, parse_pos(p, 0) };
}

/* "?flags?" or "?$x?" / "?${name}?" before a header name; returns the
 * offset after it, or 0 after an error. */
static size_t h_condition(struct parser *p, const char *text, struct ir_header *h)
{
	const char *end = strchr(text + 2, '?');
	const char *why = NULL;

	if (end == NULL) {
		parse_report(p, DIAG_ERROR, 1, "CF000",
			     "header condition opened by '?' at column 2 is not closed by '?'");
		return 0;
	}
	if (text[2] == '$') {
		size_t n = dollar_name(p->a, text + 3, (size_t)(end - text - 3), &h->macro, &why);
		if (n == 0 || 3 + n != (size_t)(end - text)) {
			parse_report(p, DIAG_ERROR, 2, "CF000",
				     "bad macro in header condition: %s",
				     why ? why : "text after the name");
			return 0;
		}
	} else {
		h->flags = arena_strndup(p->a, text + 2, (size_t)(end - text - 2));
	}
	return (size_t)(end - text) + 1;
}

/* "H[?flags?]Name: template" and "HName: $>[+]ruleset" (op.txt 5.5). */
static void h_line(struct parser *p, const char *text)
{
	struct ir_header h = { 0 };
	struct dollar_ctx cx = parse_ctx(p);
	size_t i = 1, n;
	struct cf *cf = p->cf;

	h.pos = parse_pos(p, 0);
	if (text[1] == '?' && (i = h_condition(p, text, &h)) == 0)
		return;
	n = strcspn(text + i, ":");
	if (text[i + n] != ':' || n == 0 || strcspn(text + i, " \t\n") < n) {
		parse_report(p, DIAG_ERROR, i, "CF000",
			     "expected 'Name: value' in H line, saw \"%.40s\"", text + i);
		return;
	}
	h.name = arena_strndup(p->a, text + i, n);
	i += n + 1;
	i += strspn(text + i, " \t\n");
	h.value = arena_strdup(p->a, text + i);
	dollar_vec_reset(&p->v1);
	if (dollar_translate(&cx, text + i, strlen(text + i), parse_pos(p, i).col, &p->v1) < 0)
		return;
	if (text[i] == '$' && text[i + 1] == '>') {
		h.keep_comments = text[i + 2] == '+';
		i += 2 + (size_t)h.keep_comments;
		n = strspn(text + i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			   "0123456789_");
		if (n == 0 || text[i + n] != '\0') {
			parse_report(p, DIAG_ERROR, i, "CF000",
				     "expected a ruleset name after '$>' in header %s", h.name);
			return;
		}
		h.ruleset = arena_strdup(p->a, text + i);
	}
	cf->headers = parse_grow(p, cf->headers, cf->nheaders, &p->cap_headers,
				 sizeof *cf->headers);
	cf->headers[cf->nheaders++] = h;
}

/* L, G and A lines exist only in special sendmail builds. */
static void special_line(struct parser *p, const char *text)
{
	static const char *const what[] = { "L (load average extension)",
					     "G (Sun NIS lookup extension)",
					     "A (dynamic class extension)" };
	int k = text[0] == 'L' ? 0 : text[0] == 'G' ? 1 : 2;

	parse_report(p, DIAG_ERROR, 0, "CF000",
		     "%s lines exist only in special sendmail builds and are not "
		     "supported: \"%.40s\"", what[k], text);
}

/* Dispatch one logical line on its first byte. */
static void one_line(struct parser *p, const char *text)
{
	switch (text[0]) {
	case 'V': v_line(p, text); break;
	case 'D': d_line(p, text); break;
	case 'C': classes_c_line(p, text); break;
	case 'F': classes_f_line(p, text); break;
	case 'T': classes_t_line(p, text); break;
	case 'O': decl_o_line(p, text); break;
	case 'P': p_line(p, text); break;
	case 'K': decl_k_line(p, text); break;
	case 'M': decl_m_line(p, text); break;
	case 'H': h_line(p, text); break;
	case 'S': rules_s_line(p, text); break;
	case 'R': rules_r_line(p, text); break;
	case 'E': e_line(p, text); break;
	case 'Q': decl_q_line(p, text); break;
	case 'X': decl_x_line(p, text); break;
	case 'L': case 'G': case 'A': special_line(p, text); break;
	default:
		parse_report(p, DIAG_ERROR, 0, "CF000", "unknown configuration line \"%.40s\"",
			     text);
		break;
	}
}

/* Set up a parser and its empty configuration. */
static void parser_init(struct parser *p, const char *name, const char *text, size_t len,
			struct diag *d, const struct cf_parse_opts *opts)
{
	memset(p, 0, sizeof *p);
	p->a = arena_new();
	p->cf = arena_zalloc(p->a, sizeof *p->cf);
	p->cf->arena = p->a;
	p->cf->file = p->file = arena_strdup(p->a, name);
	p->cf->operators = ".:@[]";
	p->d = d;
	if (opts)
		p->opts = *opts;
	p->names = htab_new();
	p->cur_rs = -1;
	p->next_named = LIMIT_RULESETS - 1;
	for (int i = 0; i < LIMIT_RULESETS; i++)
		p->rs_by_num[i] = -1;
	line_init(&p->lr, text, len);
	dollar_ops_init(&p->ops, NULL, 10);
}

struct cf *cf_parse_buffer(const char *name, const char *text, size_t len,
			   struct diag *d, const struct cf_parse_opts *opts)
{
	struct parser p;

	parser_init(&p, name, text, len, d, opts);
	while (line_next(&p.lr) && !diag_stopped(d)) {
		if (p.lr.buf.len > LIMIT_CF_LINE)
			parse_report(&p, DIAG_ERROR, 0, "CF000",
				     "line longer than %d bytes", LIMIT_CF_LINE);
		else if (strlen(p.lr.buf.s) != p.lr.buf.len)
			parse_report(&p, DIAG_ERROR, strlen(p.lr.buf.s), "CF000",
				     "NUL byte in line");
		else
			one_line(&p, p.lr.buf.s);
	}
	rules_resolve_calls(&p);
	if (!p.seen_v) {
		struct srcpos pos = { p.file, 1, 1 };
		diag_report(d, DIAG_WARNING, &pos, "CF008",
			    "no V line: the configuration level is assumed to be 10");
		p.cf->level = 0;
	}
	line_free(&p.lr);
	dollar_vec_free(&p.v1);
	dollar_vec_free(&p.v2);
	classes_free(&p);
	htab_free(&p.names);
	return p.cf;
}

struct cf *cf_parse_file(const char *path, struct diag *d,
			 const struct cf_parse_opts *opts)
{
	struct srcpos pos = { path, 0, 0 };
	struct str buf = STR_INIT;
	char chunk[65536];
	size_t n;
	struct cf *cf;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		diag_report(d, DIAG_ERROR, &pos, NULL, "cannot open: %s", strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		str_appendn(&buf, chunk, n);
	if (ferror(f)) {
		diag_report(d, DIAG_ERROR, &pos, NULL, "read error: %s", strerror(errno));
		fclose(f);
		str_free(&buf);
		return NULL;
	}
	fclose(f);
	cf = cf_parse_buffer(path, str_cstr(&buf), buf.len, d, opts);
	str_free(&buf);
	return cf;
}
