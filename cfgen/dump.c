/*
 * dump.c - IR to JSON (see dump.h and schemas/ir.schema.json).
 *
 * One writer struct carries the output string and the positions flag; each
 * IR element has one small function. Strings go through str_append_json.
 */
#include "cfgen/dump.h"

#include <stdlib.h>

#include "lib/xalloc.h"
#include <string.h>

struct writer {
	struct str *o;
	int positions;
};

static const char *const opt_types[] = {
	[IR_OPT_STRING] = "string", [IR_OPT_BOOL] = "bool", [IR_OPT_INT] = "int",
	[IR_OPT_INTERVAL] = "interval", [IR_OPT_CHAR] = "char", [IR_OPT_MODE] = "mode",
	[IR_OPT_SIZE] = "size", [IR_OPT_LIST] = "list",
};

static const char *const class_kinds[] = {
	[IR_CLASS_LIST] = "list", [IR_CLASS_FILE] = "file",
	[IR_CLASS_PROGRAM] = "program", [IR_CLASS_MAP] = "map",
};

/* ,"key":"value" (or null); first = no leading comma. */
static void kv(struct writer *w, const char *key, const char *val, int first)
{
	str_printf(w->o, "%s\"%s\":", first ? "" : ",", key);
	if (val == NULL) {
		str_append(w->o, "null");
		return;
	}
	str_appendc(w->o, '"');
	str_append_json(w->o, val);
	str_appendc(w->o, '"');
}

/* ,"pos":{"file":..,"line":..} when positions are wanted. */
static void pos(struct writer *w, const struct srcpos *p)
{
	if (!w->positions)
		return;
	str_append(w->o, ",\"pos\":{");
	kv(w, "file", p->file, 1);
	str_printf(w->o, ",\"line\":%u}", p->line);
}

/* A JSON array of strings. */
static void strings(struct writer *w, const char *key, const char *const *v, size_t n)
{
	str_printf(w->o, ",\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		str_append(w->o, i ? ",\"" : "\"");
		str_append_json(w->o, v[i]);
		str_appendc(w->o, '"');
	}
	str_appendc(w->o, ']');
}

/* One rule token. */
static void token(struct writer *w, const struct ir_tok *t)
{
	str_printf(w->o, "{\"k\":\"%s\"", ir_tok_kind_name(t->kind));
	if (t->text)
		kv(w, "t", t->text, 0);
	if (t->kind == IR_POS || t->kind == IR_CALL || (t->kind == IR_DEFER && t->num))
		str_printf(w->o, ",\"n\":%d", t->num);
	if (w->positions)
		str_printf(w->o, ",\"col\":%u", t->col);
	str_appendc(w->o, '}');
}

/* A token array under key. */
static void tokens(struct writer *w, const char *key, const struct ir_tok *t, size_t n)
{
	str_printf(w->o, ",\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			str_appendc(w->o, ',');
		token(w, &t[i]);
	}
	str_appendc(w->o, ']');
}

/* Field list of a mailer, queue group or milter. */
static void fields(struct writer *w, const struct ir_field *f, size_t n)
{
	str_append(w->o, ",\"fields\":[");
	for (size_t i = 0; i < n; i++) {
		char letter[2] = { f[i].letter, 0 };
		str_append(w->o, i ? ",{" : "{");
		kv(w, "letter", letter, 1);
		kv(w, "value", f[i].value, 0);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

/* Open an array member: "[{" or ",{". */
static void item(struct writer *w, size_t i) { str_append(w->o, i ? ",{" : "{"); }

static void macros(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"macros\":[");
	for (size_t i = 0; i < cf->nmacros; i++) {
		item(w, i);
		kv(w, "name", cf->macros[i].name, 1);
		kv(w, "value", cf->macros[i].value, 0);
		pos(w, &cf->macros[i].pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

static void classes(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"classes\":[");
	for (size_t i = 0; i < cf->nclasses; i++) {
		const struct ir_class *c = &cf->classes[i];
		item(w, i);
		kv(w, "name", c->name, 1);
		strings(w, "members", c->members, c->nmembers);
		str_append(w->o, ",\"sources\":[");
		for (size_t k = 0; k < c->nsources; k++) {
			const struct ir_class_source *s = &c->sources[k];
			item(w, k);
			kv(w, "kind", class_kinds[s->kind], 1);
			kv(w, "arg", s->arg, 0);
			kv(w, "format", s->format, 0);
			str_printf(w->o, ",\"optional\":%s,\"loaded\":%s",
				   s->optional ? "true" : "false", s->loaded ? "true" : "false");
			strings(w, "words", s->words, s->nwords);
			pos(w, &s->pos);
			str_appendc(w->o, '}');
		}
		str_append(w->o, "]}");
	}
	str_appendc(w->o, ']');
}

static void options(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"options\":[");
	for (size_t i = 0; i < cf->noptions; i++) {
		const struct ir_option *o = &cf->options[i];
		item(w, i);
		kv(w, "name", o->name, 1);
		kv(w, "value", o->value, 0);
		kv(w, "type", opt_types[o->type], 0);
		str_printf(w->o, ",\"ival\":%lld", o->ival);
		pos(w, &o->pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

static void maps(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"maps\":[");
	for (size_t i = 0; i < cf->nmaps; i++) {
		const struct ir_map *m = &cf->maps[i];
		item(w, i);
		kv(w, "name", m->name, 1);
		kv(w, "class", m->mclass, 0);
		strings(w, "flags", m->flags, m->nflags);
		kv(w, "args", m->args, 0);
		kv(w, "file", m->file, 0);
		str_printf(w->o, ",\"optional\":%s", m->optional ? "true" : "false");
		pos(w, &m->pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

static void mailers(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"mailers\":[");
	for (size_t i = 0; i < cf->nmailers; i++) {
		item(w, i);
		kv(w, "name", cf->mailers[i].name, 1);
		fields(w, cf->mailers[i].fields, cf->mailers[i].nfields);
		pos(w, &cf->mailers[i].pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

/* Queue groups and milters: a name and fields. */
static void named(struct writer *w, const char *key, const struct ir_named_fields *v,
		  size_t n)
{
	str_printf(w->o, ",\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		item(w, i);
		kv(w, "name", v[i].name, 1);
		fields(w, v[i].fields, v[i].nfields);
		pos(w, &v[i].pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

static void headers(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"headers\":[");
	for (size_t i = 0; i < cf->nheaders; i++) {
		const struct ir_header *h = &cf->headers[i];
		item(w, i);
		kv(w, "name", h->name, 1);
		kv(w, "flags", h->flags, 0);
		kv(w, "macro", h->macro, 0);
		kv(w, "value", h->value, 0);
		kv(w, "ruleset", h->ruleset, 0);
		str_printf(w->o, ",\"keep_comments\":%s", h->keep_comments ? "true" : "false");
		pos(w, &h->pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
}

/* Priorities (P) and environment (E). */
static void small_lists(struct writer *w, const struct cf *cf)
{
	str_append(w->o, ",\"priorities\":[");
	for (size_t i = 0; i < cf->npriorities; i++) {
		item(w, i);
		kv(w, "name", cf->priorities[i].name, 1);
		str_printf(w->o, ",\"value\":%d", cf->priorities[i].value);
		pos(w, &cf->priorities[i].pos);
		str_appendc(w->o, '}');
	}
	str_append(w->o, "],\"env\":[");
	for (size_t i = 0; i < cf->nenvs; i++) {
		item(w, i);
		kv(w, "name", cf->envs[i].name, 1);
		kv(w, "value", cf->envs[i].value, 0);
		pos(w, &cf->envs[i].pos);
		str_appendc(w->o, '}');
	}
	str_appendc(w->o, ']');
	strings(w, "trusted", cf->trusted, cf->ntrusted);
}

/* qsort: rulesets by number. */
static int by_num(const void *a, const void *b)
{
	const struct ir_ruleset *x = *(const struct ir_ruleset *const *)a;
	const struct ir_ruleset *y = *(const struct ir_ruleset *const *)b;

	return (x->num > y->num) - (x->num < y->num);
}

static void ruleset(struct writer *w, const struct ir_ruleset *rs)
{
	str_printf(w->o, "{\"num\":%d", rs->num);
	kv(w, "name", rs->name, 0);
	str_printf(w->o, ",\"defined\":%s", rs->defined ? "true" : "false");
	pos(w, &rs->pos);
	str_append(w->o, ",\"rules\":[");
	for (size_t k = 0; k < rs->nrules; k++) {
		const struct ir_rule *r = &rs->rules[k];
		str_append(w->o, k ? ",{" : "{");
		kv(w, "comment", r->comment, 1);
		if (w->positions)
			kv(w, "text", r->text, 0);
		tokens(w, "lhs", r->lhs, r->nlhs);
		tokens(w, "rhs", r->rhs, r->nrhs);
		pos(w, &r->pos);
		str_appendc(w->o, '}');
	}
	str_append(w->o, "]}");
}

static void rulesets(struct writer *w, const struct cf *cf)
{
	const struct ir_ruleset **v = xcalloc(cf->nrulesets + 1, sizeof *v);

	for (size_t i = 0; i < cf->nrulesets; i++)
		v[i] = &cf->rulesets[i];
	qsort(v, cf->nrulesets, sizeof *v, by_num);
	str_append(w->o, ",\"rulesets\":[");
	for (size_t i = 0; i < cf->nrulesets; i++) {
		if (i)
			str_appendc(w->o, ',');
		ruleset(w, v[i]);
	}
	str_appendc(w->o, ']');
	free(v);
}

void dump_json(const struct cf *cf, int positions, struct str *out)
{
	struct writer w = { out, positions };

	str_printf(out, "{\"level\":%d", cf->level);
	kv(&w, "vendor", cf->vendor, 0);
	kv(&w, "operators", cf->operators, 0);
	if (positions)
		kv(&w, "file", cf->file, 0);
	macros(&w, cf);
	classes(&w, cf);
	options(&w, cf);
	maps(&w, cf);
	mailers(&w, cf);
	headers(&w, cf);
	small_lists(&w, cf);
	named(&w, "queue_groups", cf->qgroups, cf->nqgroups);
	named(&w, "milters", cf->milters, cf->nmilters);
	rulesets(&w, cf);
	str_append(out, "}\n");
}
