/*
 * emit.c - IR to canonical .cf text (see emit.h).
 *
 * Each line type has one function. Text that the reader would change is
 * escaped on the way out: '#' (comment rule of level >= 3), '$' in rule
 * words and class words (macro syntax), and quotes, backslashes, commas
 * and control characters in munched values (D values, mailer fields).
 */
#include "cfgen/emit.h"
#include "cfgen/options.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

/* Append s with '#' written "\#", and '$' written "$$" when dollars. */
static void text(struct str *o, const char *s, int dollars)
{
	for (; *s; s++) {
		if (*s == '#')
			str_appendc(o, '\\');
		else if (*s == '$' && dollars)
			str_appendc(o, '$');
		str_appendc(o, *s);
	}
}

/* Append a munched value (D, M/Q/X fields) so that munching gives it back;
 * quoted when it has commas or blanks at either end. */
static void munched(struct str *o, const char *s)
{
	size_t n = strlen(s);
	int quote = strchr(s, ',') || (n && strchr(" \t\n", s[0])) ||
		    (n && strchr(" \t\n", s[n - 1]));

	if (quote)
		str_appendc(o, '"');
	for (; *s; s++) {
		switch (*s) {
		case '"': str_append(o, "\\\""); break;
		case '\\': str_append(o, "\\\\"); break;
		case '\r': str_append(o, "\\r"); break;
		case '\f': str_append(o, "\\f"); break;
		case '\b': str_append(o, "\\b"); break;
		case '#': str_append(o, "\\#"); break;
		case '\n':	/* a folded value: keep the continuation */
			str_append(o, s[1] == ' ' || s[1] == '\t' ? "\n" : "\\n");
			break;
		default: str_appendc(o, *s); break;
		}
	}
	if (quote)
		str_appendc(o, '"');
}

/* A macro or class name: "x" or "{name}". */
static void name(struct str *o, const char *n)
{
	if (strlen(n) == 1)
		str_append(o, n);
	else
		str_printf(o, "{%s}", n);
}

/* One rule token. A macro the parser deferred because sendmail predefines
 * it (num 1) is written "$x" again when the configuration never defines
 * it, so that a re-read defers it the same way. */
static void token(const struct cf *cf, struct str *o, const struct ir_tok *t)
{
	if (t->kind == IR_DEFER && t->num == 1 && cf_macro(cf, t->text) == NULL) {
		str_appendc(o, '$');
		name(o, t->text);
		return;
	}
	str_append(o, ir_tok_meta(t->kind));
	switch (t->kind) {
	case IR_WORD: text(o, t->text, 1); break;
	case IR_POS: str_printf(o, "%d", t->num); break;
	case IR_CLASS: case IR_NCLASS: case IR_DEFER: name(o, t->text); break;
	case IR_CALL: str_append(o, t->text ? t->text : ""); break;
	default: break;
	}
}

/* A side of a rule: tokens separated by one space. */
static void side(const struct cf *cf, struct str *o, const struct ir_tok *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			str_appendc(o, ' ');
		token(cf, o, &t[i]);
	}
}

/* The single-letter code of option name, or 0. */
static char option_letter(const char *name)
{
	const struct option_def *def = NULL, *other = NULL;

	if (options_lookup(name, strlen(name), &def, &other) != OPT_FOUND || def == NULL)
		return 0;
	return def->letter;
}

/* O lines. The long form drops blanks after '=' (readcf), so a value that
 * starts with one (only the single-letter form keeps them) is written in
 * that form. */
static void emit_options(const struct cf *cf, struct str *o)
{
	for (size_t i = 0; i < cf->noptions; i++) {
		const struct ir_option *op = &cf->options[i];
		char c = op->value[0] == ' ' || op->value[0] == '\t' ?
			 option_letter(op->name) : 0;

		if (c)
			str_printf(o, "O%c", c);
		else
			str_printf(o, "O %s=", op->name);
		text(o, op->value, 0);
		str_appendc(o, '\n');
	}
}

static void emit_macros(const struct cf *cf, struct str *o)
{
	for (size_t i = 0; i < cf->nmacros; i++) {
		str_appendc(o, 'D');
		name(o, cf->macros[i].name);
		munched(o, cf->macros[i].value);
		str_appendc(o, '\n');
	}
}

/* One class source as a C or F line. */
static void class_source(struct str *o, const char *cname, const struct ir_class_source *s)
{
	if (s->kind == IR_CLASS_LIST) {
		str_appendc(o, 'C');
		name(o, cname);
		for (size_t k = 0; k < s->nwords; k++) {
			str_appendc(o, ' ');
			text(o, s->words[k], 1);
		}
		str_appendc(o, '\n');
		return;
	}
	str_appendc(o, 'F');
	name(o, cname);
	if (s->optional)
		str_append(o, "-o");
	str_appendc(o, ' ');
	if (s->kind == IR_CLASS_PROGRAM)
		str_appendc(o, '|');
	text(o, s->arg ? s->arg : "", 1);
	if (s->format) {
		str_appendc(o, ' ');
		text(o, s->format, 1);
	}
	str_appendc(o, '\n');
}

static void emit_classes(const struct cf *cf, struct str *o)
{
	for (size_t i = 0; i < cf->nclasses; i++)
		for (size_t k = 0; k < cf->classes[i].nsources; k++)
			class_source(o, cf->classes[i].name, &cf->classes[i].sources[k]);
}

static void emit_maps(const struct cf *cf, struct str *o)
{
	for (size_t i = 0; i < cf->npriorities; i++)
		str_printf(o, "P%s=%d\n", cf->priorities[i].name, cf->priorities[i].value);
	for (size_t i = 0; i < cf->nmaps; i++) {
		const struct ir_map *m = &cf->maps[i];
		str_printf(o, "K%s %s", m->name, m->mclass);
		for (size_t k = 0; k < m->nflags; k++) {
			str_appendc(o, ' ');
			text(o, m->flags[k], 1);
		}
		if (*m->args) {
			str_appendc(o, ' ');
			text(o, m->args, 1);
		}
		str_appendc(o, '\n');
	}
	for (size_t i = 0; i < cf->nenvs; i++) {
		str_printf(o, "E%s", cf->envs[i].name);
		if (cf->envs[i].value)
			str_printf(o, "=%s", cf->envs[i].value);
		str_appendc(o, '\n');
	}
}

/* "Xname, L=value, ..." for M, Q and X lines. */
static void fields_line(struct str *o, char letter, const char *n,
			const struct ir_field *f, size_t nf)
{
	str_printf(o, "%c%s", letter, n);
	for (size_t k = 0; k < nf; k++) {
		str_printf(o, ", %c=", f[k].letter);
		munched(o, f[k].value);
	}
	str_appendc(o, '\n');
}

static void emit_headers(const struct cf *cf, struct str *o)
{
	for (size_t i = 0; i < cf->nheaders; i++) {
		const struct ir_header *h = &cf->headers[i];
		str_appendc(o, 'H');
		if (h->flags)
			str_printf(o, "?%s?", h->flags);
		if (h->macro) {
			str_append(o, "?$");
			name(o, h->macro);
			str_appendc(o, '?');
		}
		str_printf(o, "%s: ", h->name);
		text(o, h->value, 0);
		str_appendc(o, '\n');
	}
}

/* Emission order: numbered sets ascending, then named sets from 199 down,
 * so that a re-read gives every named set the same number. */
static int order_key(int num) { return num < 100 ? num : 100 + (199 - num); }

/* qsort: rulesets in emission order. */
static int by_order(const void *a, const void *b)
{
	int x = order_key((*(const struct ir_ruleset *const *)a)->num);
	int y = order_key((*(const struct ir_ruleset *const *)b)->num);

	return (x > y) - (x < y);
}

/* One S line and its R lines. */
static void emit_ruleset(const struct cf *cf, const struct ir_ruleset *rs, struct str *o)
{
	if (rs->name && rs->num < 100)
		str_printf(o, "S%s=%d\n", rs->name, rs->num);
	else if (rs->name)
		str_printf(o, "S%s\n", rs->name);
	else
		str_printf(o, "S%d\n", rs->num);
	for (size_t r = 0; r < rs->nrules; r++) {
		str_appendc(o, 'R');
		side(cf, o, rs->rules[r].lhs, rs->rules[r].nlhs);
		str_appendc(o, '\t');
		if (rs->rules[r].nrhs == 0)	/* an empty replacement (from an
						 * empty macro) must survive the
						 * trailing-blank rule: "$?a$." is
						 * empty whatever a is */
			str_append(o, "$?a$.");
		side(cf, o, rs->rules[r].rhs, rs->rules[r].nrhs);
		if (rs->rules[r].comment) {
			str_appendc(o, '\t');
			text(o, rs->rules[r].comment, 0);
		}
		str_appendc(o, '\n');
	}
}

static void emit_rulesets(const struct cf *cf, struct str *o)
{
	const struct ir_ruleset **v = xcalloc(cf->nrulesets + 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < cf->nrulesets; i++)
		if (cf->rulesets[i].defined)
			v[n++] = &cf->rulesets[i];
	qsort(v, n, sizeof *v, by_order);
	for (size_t i = 0; i < n; i++)
		emit_ruleset(cf, v[i], o);
	free(v);
}

void emit_cf(const struct cf *cf, struct str *o)
{
	if (cf->level)
		str_printf(o, "V%d%s%s\n", cf->level, cf->vendor ? "/" : "",
			   cf->vendor ? cf->vendor : "");
	emit_options(cf, o);
	emit_macros(cf, o);
	emit_classes(cf, o);
	emit_maps(cf, o);
	for (size_t i = 0; i < cf->nmailers; i++)
		fields_line(o, 'M', cf->mailers[i].name, cf->mailers[i].fields,
			    cf->mailers[i].nfields);
	emit_headers(cf, o);
	for (size_t i = 0; i < cf->nqgroups; i++)
		fields_line(o, 'Q', cf->qgroups[i].name, cf->qgroups[i].fields,
			    cf->qgroups[i].nfields);
	for (size_t i = 0; i < cf->nmilters; i++)
		fields_line(o, 'X', cf->milters[i].name, cf->milters[i].fields,
			    cf->milters[i].nfields);
	emit_rulesets(cf, o);
}
