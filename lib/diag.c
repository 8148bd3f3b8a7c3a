/*
 * diag.c - diagnostics collector: text, JSON and SARIF 2.1.0 (see diag.h).
 *
 * Model: michaelforney/cproc's struct location plus postfix msg.c's
 * counting. Everything goes through diag_vreport(); formats differ only in
 * when and how the collected records are printed.
 */
#include "lib/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"

struct record {
	enum diag_severity sev;
	char *file, *id, *msg;
	unsigned line, col;
};

struct diag {
	enum diag_format fmt;
	FILE *out;
	char *tool;
	const struct diag_rule **rules;
	unsigned *nrules, nsets;
	char *disabled;		/* ",ID1,ID2," */
	int werror, stopped;
	unsigned counts[3];
	struct record *recs;
	size_t nrecs, caprecs;
	void (*remap)(void *ctx, struct srcpos *pos);
	void *remap_ctx;
};

static const char *const sev_name[] = { "note", "warning", "error" };

struct diag *diag_new(enum diag_format fmt, FILE *out, const char *tool)
{
	struct diag *d = xcalloc(1, sizeof *d);

	d->fmt = fmt;
	d->out = out;
	d->tool = xstrdup(tool);
	return d;
}

int diag_format_parse(const char *name, enum diag_format *fmt)
{
	if (strcmp(name, "text") == 0)
		*fmt = DIAG_TEXT;
	else if (strcmp(name, "json") == 0)
		*fmt = DIAG_JSON;
	else if (strcmp(name, "sarif") == 0)
		*fmt = DIAG_SARIF;
	else
		return -1;
	return 0;
}

void diag_add_rules(struct diag *d, const struct diag_rule *rules, unsigned n)
{
	d->rules = xreallocarray(d->rules, d->nsets + 1, sizeof *d->rules);
	d->nrules = xreallocarray(d->nrules, d->nsets + 1, sizeof *d->nrules);
	d->rules[d->nsets] = rules;
	d->nrules[d->nsets] = n;
	d->nsets++;
}

void diag_disable(struct diag *d, const char *ids)
{
	struct str s = STR_INIT;

	str_append(&s, d->disabled ? d->disabled : ",");
	str_append(&s, ids);
	str_appendc(&s, ',');
	free(d->disabled);
	d->disabled = str_steal(&s);
}

void diag_set_werror(struct diag *d, int on) { d->werror = on; }

void diag_set_remap(struct diag *d, void (*fn)(void *ctx, struct srcpos *pos),
		    void *ctx)
{
	d->remap = fn;
	d->remap_ctx = ctx;
}

/* True if id was named in diag_disable(). */
static int is_disabled(const struct diag *d, const char *id)
{
	char key[64];

	if (d->disabled == NULL || id == NULL || strlen(id) > sizeof key - 3)
		return 0;
	snprintf(key, sizeof key, ",%s,", id);
	return strstr(d->disabled, key) != NULL;
}

/* Print one record in the text format. */
static void print_text(const struct diag *d, const struct record *r)
{
	if (r->file && r->line && r->col)
		fprintf(d->out, "%s:%u:%u: ", r->file, r->line, r->col);
	else if (r->file && r->line)
		fprintf(d->out, "%s:%u: ", r->file, r->line);
	else if (r->file)
		fprintf(d->out, "%s: ", r->file);
	else
		fprintf(d->out, "%s: ", d->tool);
	fprintf(d->out, "%s: %s", sev_name[r->sev], r->msg);
	if (r->id)
		fprintf(d->out, " [%s]", r->id);
	fputc('\n', d->out);
}

void diag_vreport(struct diag *d, enum diag_severity sev, const struct srcpos *pos,
		  const char *id, const char *fmt, va_list ap)
{
	struct str msg = STR_INIT;
	struct record r = { sev, NULL, NULL, NULL, 0, 0 };
	struct srcpos mapped;

	if (d->stopped || is_disabled(d, id))
		return;
	if (pos && d->remap) {
		mapped = *pos;
		d->remap(d->remap_ctx, &mapped);
		pos = &mapped;
	}
	str_vprintf(&msg, fmt, ap);
	r.msg = str_steal(&msg);
	r.id = id ? xstrdup(id) : NULL;
	if (pos && pos->file) {
		r.file = xstrdup(pos->file);
		r.line = pos->line;
		r.col = pos->col;
	}
	d->counts[sev]++;
	if (d->fmt == DIAG_TEXT)
		print_text(d, &r);
	if (d->nrecs == d->caprecs) {
		d->caprecs = d->caprecs ? size_mul(d->caprecs, 2) : 16;
		d->recs = xreallocarray(d->recs, d->caprecs, sizeof *d->recs);
	}
	d->recs[d->nrecs++] = r;
	if (sev == DIAG_ERROR && d->counts[DIAG_ERROR] >= LIMIT_DIAG_ERRORS) {
		d->stopped = 1;
		if (d->fmt == DIAG_TEXT)
			fprintf(d->out, "%s: note: too many errors (%d), stopping\n",
				r.file ? r.file : d->tool, LIMIT_DIAG_ERRORS);
	}
}

void diag_report(struct diag *d, enum diag_severity sev, const struct srcpos *pos,
		 const char *id, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vreport(d, sev, pos, id, fmt, ap);
	va_end(ap);
}

unsigned diag_count(const struct diag *d, enum diag_severity sev)
{
	return d->counts[sev];
}

int diag_stopped(const struct diag *d) { return d->stopped; }

int diag_failed(const struct diag *d)
{
	return d->counts[DIAG_ERROR] > 0 || (d->werror && d->counts[DIAG_WARNING] > 0);
}

/* Append "key":"value" with escaping. */
static void json_kv(struct str *o, const char *key, const char *val)
{
	str_printf(o, "\"%s\":\"", key);
	str_append_json(o, val);
	str_appendc(o, '"');
}

/* The JSON document: diagnostics array and summary. */
static void print_json(const struct diag *d)
{
	struct str o = STR_INIT;
	size_t i;

	str_append(&o, "{\"diagnostics\":[");
	for (i = 0; i < d->nrecs; i++) {
		const struct record *r = &d->recs[i];

		str_append(&o, i ? ",\n{" : "\n{");
		json_kv(&o, "severity", sev_name[r->sev]);
		str_appendc(&o, ',');
		json_kv(&o, "id", r->id ? r->id : "");
		str_appendc(&o, ',');
		json_kv(&o, "message", r->msg);
		str_appendc(&o, ',');
		json_kv(&o, "file", r->file ? r->file : "");
		str_printf(&o, ",\"line\":%u,\"column\":%u}", r->line, r->col);
	}
	str_printf(&o, "],\n\"summary\":{\"errors\":%u,\"warnings\":%u,\"notes\":%u}}\n",
		   d->counts[DIAG_ERROR], d->counts[DIAG_WARNING], d->counts[DIAG_NOTE]);
	fputs(str_cstr(&o), d->out);
	str_free(&o);
}

static const char *const sarif_level[] = { "note", "warning", "error" };

/* SARIF driver.rules from every registered catalog. */
static void sarif_rules(const struct diag *d, struct str *o)
{
	unsigned s, i, n = 0;

	str_append(o, "\"rules\":[");
	for (s = 0; s < d->nsets; s++)
		for (i = 0; i < d->nrules[s]; i++) {
			const struct diag_rule *r = &d->rules[s][i];

			str_append(o, n++ ? ",{" : "{");
			json_kv(o, "id", r->id);
			str_append(o, ",\"shortDescription\":{");
			json_kv(o, "text", r->summary);
			str_printf(o, "},\"defaultConfiguration\":{\"level\":\"%s\"}}",
				   sarif_level[r->level]);
		}
	str_appendc(o, ']');
}

/* One SARIF result. */
static void sarif_result(struct str *o, const struct record *r)
{
	str_appendc(o, '{');
	if (r->id) {
		json_kv(o, "ruleId", r->id);
		str_appendc(o, ',');
	}
	str_printf(o, "\"level\":\"%s\",\"message\":{", sarif_level[r->sev]);
	json_kv(o, "text", r->msg);
	str_appendc(o, '}');
	if (r->file) {
		str_append(o, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{");
		json_kv(o, "uri", r->file);
		str_appendc(o, '}');
		if (r->line) {
			str_printf(o, ",\"region\":{\"startLine\":%u", r->line);
			if (r->col)
				str_printf(o, ",\"startColumn\":%u", r->col);
			str_appendc(o, '}');
		}
		str_append(o, "}}]");
	}
	str_appendc(o, '}');
}

/* The SARIF 2.1.0 log with one run. */
static void print_sarif(const struct diag *d)
{
	struct str o = STR_INIT;
	size_t i;

	str_append(&o, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
		       "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{");
	json_kv(&o, "name", d->tool);
	str_append(&o, ",\"informationUri\":\"https://example.invalid/mailcf\",");
	sarif_rules(d, &o);
	str_append(&o, "}},\"results\":[");
	for (i = 0; i < d->nrecs; i++) {
		if (i)
			str_appendc(&o, ',');
		sarif_result(&o, &d->recs[i]);
	}
	str_append(&o, "]}]}\n");
	fputs(str_cstr(&o), d->out);
	str_free(&o);
}

void diag_finish(struct diag *d)
{
	if (d->fmt == DIAG_JSON)
		print_json(d);
	else if (d->fmt == DIAG_SARIF)
		print_sarif(d);
	fflush(d->out);
}

void diag_free(struct diag **dp)
{
	struct diag *d = *dp;
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nrecs; i++) {
		free(d->recs[i].file);
		free(d->recs[i].id);
		free(d->recs[i].msg);
	}
	free(d->recs);
	free(d->rules);
	free(d->nrules);
	free(d->disabled);
	free(d->tool);
	free(d);
	*dp = NULL;
}

char *diag_quote(const char *s, unsigned long max)
{
	struct str o = STR_INIT;

	for (; *s && o.len < max; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c >= 0x7f)
			str_printf(&o, "\\x%02x", c);
		else
			str_appendc(&o, (char)c);
	}
	if (*s)
		str_append(&o, "...");
	return str_steal(&o);
}
