/*
 * checks.c - declaration-level checks (see checks.h; lint-catalog.md 2).
 *
 * Each check walks the IR once; the pairwise ones (headers, listeners) are
 * quadratic in the number of H or DaemonPortOptions lines, which stays in
 * the tens. Messages say what is wrong and what sendmail would do with it.
 */
#include "cfgen/checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfgen/mailer.h"
#include "lib/limits.h"
#include "lib/xalloc.h"

/* Mailer names that need no M line. */
static int builtin_mailer(const char *name)
{
	static const char *const names[] = { "error", "discard", "prog", "*file*",
					     "*include*" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* "$# name" tokens of one ruleset that name no mailer. */
static void mailer_refs_in(const struct cf *cf, const struct ir_ruleset *rs, struct diag *d)
{
	for (size_t k = 0; k < rs->nrules; k++) {
		const struct ir_rule *r = &rs->rules[k];
		for (size_t i = 0; i + 1 < r->nrhs; i++) {
			const struct ir_tok *t = &r->rhs[i + 1];
			struct srcpos p = r->pos;
			if (r->rhs[i].kind != IR_NET || t->kind != IR_WORD ||
			    builtin_mailer(t->text) || cf_mailer(cf, t->text))
				continue;
			p.col = t->col;
			diag_report(d, DIAG_WARNING, &p, "CF004",
				    "ruleset %d can resolve to mailer '%s', which is not "
				    "defined (no M line)", rs->num, t->text);
		}
	}
}

void checks_mailer_refs(const struct cf *cf, struct diag *d)
{
	char seen[LIMIT_RULESETS] = { 0 };
	int queue[LIMIT_RULESETS], head = 0, tail = 0;

	queue[tail++] = 0;	/* ruleset 0 resolves recipients to mailers */
	seen[0] = 1;
	while (head < tail) {
		const struct ir_ruleset *rs = cf_ruleset_by_num(cf, queue[head++]);
		if (rs == NULL)
			continue;
		mailer_refs_in(cf, rs, d);
		for (size_t k = 0; k < rs->nrules; k++)
			for (size_t i = 0; i < rs->rules[k].nrhs; i++) {
				int n = rs->rules[k].rhs[i].num;
				if (rs->rules[k].rhs[i].kind == IR_CALL && n >= 0 &&
				    n < LIMIT_RULESETS && !seen[n]) {
					seen[n] = 1;
					queue[tail++] = n;
				}
			}
	}
}

/* S= / R= rulesets ("EnvFromSMTP/HdrFromSMTP", "11/31", "0"). */
static void mailer_rulesets(const struct cf *cf, const struct ir_mailer *m, char letter,
			    struct diag *d)
{
	const char *v = ir_field_get(m->fields, m->nfields, letter);

	while (v && *v) {
		size_t n = strcspn(v, "/");
		char name[64];
		long num;
		char *end;
		snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), v);
		num = strtol(name, &end, 10);
		if (*name && (*end ? cf_ruleset_by_name(cf, name) == NULL
				   : num != 0 && cf_ruleset_by_num(cf, (int)num) == NULL))
			diag_report(d, DIAG_ERROR, &m->pos, "CF004",
				    "mailer %s: %c= names undefined ruleset %s", m->name,
				    letter, name);
		v += n + (v[n] == '/');
	}
}

/* CF009 for one mailer. */
static void mailer_fields(const struct ir_mailer *m, struct diag *d)
{
	if (m->argv == NULL)
		diag_report(d, DIAG_ERROR, &m->pos, "CF009", "mailer %s: A= argument required",
			    m->name);
	if (m->path == NULL)
		diag_report(d, DIAG_ERROR, &m->pos, "CF009", "mailer %s: P= path required",
			    m->name);
	if (m->path && m->argv &&
	    (strcmp(m->path, "[IPC]") == 0 || strcmp(m->path, "[TCP]") == 0) &&
	    strncmp(m->argv, "TCP $h", 6) != 0 && strncmp(m->argv, "FILE ", 5) != 0)
		diag_report(d, DIAG_ERROR, &m->pos, "CF009",
			    "mailer %s: a %s mailer needs A=TCP $h [port] (or A=FILE "
			    "/socket), saw A=%s", m->name, m->path, m->argv);
	for (const char *f = m->flags; f && *f; f++)
		if (!strchr(mailer_flags, *f))
			diag_report(d, DIAG_ERROR, &m->pos, "CF009",
				    "mailer %s: unknown flag '%c' in F=%s", m->name, *f,
				    m->flags);
}

void checks_mailers(const struct cf *cf, struct diag *d)
{
	for (size_t i = 0; i < cf->nmailers; i++) {
		mailer_fields(&cf->mailers[i], d);
		mailer_rulesets(cf, &cf->mailers[i], 'S', d);
		mailer_rulesets(cf, &cf->mailers[i], 'R', d);
	}
	if (cf->nmailers > 0 && cf_mailer(cf, "local") == NULL)
		diag_report(d, DIAG_ERROR, &cf->mailers[0].pos, "CF009",
			    "no local mailer defined: mailers are declared but there is "
			    "no Mlocal line");
}

/* CF010: $j must be a fully qualified name (when written literally). */
static void check_j(const struct cf *cf, struct diag *d)
{
	const struct ir_macro *j = cf_macro(cf, "j");

	if (j && !strchr(j->value, '$') && !strchr(j->value, '.'))
		diag_report(d, DIAG_ERROR, &j->pos, "CF010",
			    "$j is '%s', not a fully qualified domain name (it must "
			    "contain a dot, e.g. %s.example.com)", j->value, j->value);
}

/* The value of key letter k in a DaemonPortOptions value ("Port=25,..."),
 * copied to buf; dflt when absent. */
static const char *dpo_get(const char *v, char k, const char *dflt, char *buf, size_t size)
{
	while (*v) {
		v += strspn(v, ", \t");
		size_t n = strcspn(v, ",");
		const char *eq = memchr(v, '=', n);
		if (eq && *v == k) {
			const char *val = eq + 1 + strspn(eq + 1, " \t");
			size_t len = (size_t)(v + n - val);
			while (len && (val[len - 1] == ' ' || val[len - 1] == '\t'))
				len--;
			snprintf(buf, size, "%.*s", (int)len, val);
			return buf;
		}
		v += n;
	}
	return dflt;
}

/* A listener's identity: family/address/port with the port normalised. */
static void dpo_key(const char *v, char *key, size_t size)
{
	char fam[64], addr[128], port[64];
	const char *p = dpo_get(v, 'P', "smtp", port, sizeof port);

	if (strcmp(p, "smtp") == 0)
		p = "25";
	else if (strcmp(p, "submission") == 0)
		p = "587";
	else if (strcmp(p, "smtps") == 0)
		p = "465";
	snprintf(key, size, "%s/%s/%s", dpo_get(v, 'F', "inet", fam, sizeof fam),
		 dpo_get(v, 'A', "*", addr, sizeof addr), p);
}

/* CF012: two listeners on one address, or one name twice. */
static void check_listeners(const struct cf *cf, struct diag *d)
{
	for (size_t i = 0; i < cf->noptions; i++) {
		const struct ir_option *a = &cf->options[i];
		char ka[256], na[128];
		if (strcmp(a->name, "DaemonPortOptions") != 0)
			continue;
		dpo_key(a->value, ka, sizeof ka);
		const char *nam = dpo_get(a->value, 'N', NULL, na, sizeof na);
		for (size_t k = 0; k < i; k++) {
			const struct ir_option *b = &cf->options[k];
			char kb[256], nb[128];
			if (strcmp(b->name, "DaemonPortOptions") != 0)
				continue;
			dpo_key(b->value, kb, sizeof kb);
			const char *nbm = dpo_get(b->value, 'N', NULL, nb, sizeof nb);
			if (strcmp(ka, kb) == 0)
				diag_report(d, DIAG_ERROR, &a->pos, "CF012",
					    "listener %s duplicates the one at line %u (same "
					    "family, address and port)", ka, b->pos.line);
			else if (nam && nbm && strcmp(nam, nbm) == 0)
				diag_report(d, DIAG_ERROR, &a->pos, "CF012",
					    "listener name %s is already used at line %u", nam,
					    b->pos.line);
		}
	}
}

/* Whether the comma/blank list v contains word w (case-insensitive). */
static int list_has(const char *v, const char *w)
{
	size_t n = strlen(w);

	while (v && *v) {
		v += strspn(v, ", \t\n");
		size_t len = strcspn(v, ", \t\n");
		if (len == n && strncasecmp(v, w, n) == 0)
			return 1;
		v += len;
	}
	return 0;
}

/* CF013: an SMTP server without EXPN/VRFY protection. */
static void check_privacy(const struct cf *cf, struct diag *d)
{
	const struct ir_option *o = cf_option(cf, "PrivacyOptions");
	const char *v = o ? o->value : "";
	struct srcpos p = o ? o->pos : (struct srcpos){ cf->file, 0, 0 };

	if (cf_option(cf, "DaemonPortOptions") == NULL || list_has(v, "goaway"))
		return;
	if (!list_has(v, "noexpn") || !list_has(v, "novrfy"))
		diag_report(d, DIAG_NOTE, &p, "CF013",
			    "PrivacyOptions lacks noexpn and novrfy (or goaway): EXPN and "
			    "VRFY let anyone harvest addresses");
	if (!list_has(v, "authwarnings"))
		diag_report(d, DIAG_NOTE, &p, "CF013",
			    "PrivacyOptions lacks authwarnings: forged senders are not "
			    "flagged with X-Authentication-Warning");
}

/* CF014: each DontBlameSendmail item other than Safe. */
static void check_dbs(const struct cf *cf, struct diag *d)
{
	for (size_t i = 0; i < cf->noptions; i++) {
		const struct ir_option *o = &cf->options[i];
		const char *v = o->value;
		if (strcmp(o->name, "DontBlameSendmail") != 0)
			continue;
		while (*v) {
			v += strspn(v, ", \t\n");
			size_t n = strcspn(v, ", \t\n");
			char item[80];
			if (n == 0)
				break;
			snprintf(item, sizeof item, "%.*s", (int)(n < 79 ? n : 79), v);
			v += n;
			if (strcasecmp(item, "safe") == 0)
				continue;
			int bad = strcasestr(item, "writableforwardfilesafe") ||
				  strncasecmp(item, "worldwritable", 13) == 0 ||
				  strcasecmp(item, "runwritableprogram") == 0 ||
				  strncasecmp(item, "filedeliveryto", 14) == 0;
			diag_report(d, DIAG_WARNING, &o->pos, "CF014",
				    "DontBlameSendmail=%s turns off a file safety check%s", item,
				    bad ? ": it lets local users take over mail delivery" : "");
		}
	}
}

void checks_options(const struct cf *cf, struct diag *d)
{
	check_j(cf, d);
	check_listeners(cf, d);
	check_privacy(cf, d);
	check_dbs(cf, d);
}

void checks_headers(const struct cf *cf, struct diag *d)
{
	for (size_t i = 0; i < cf->nheaders; i++) {
		const struct ir_header *h = &cf->headers[i];
		const struct ir_ruleset *rs;
		if (h->ruleset == NULL)
			continue;
		rs = cf_ruleset_by_name(cf, h->ruleset);
		if (rs == NULL || !rs->defined)
			diag_report(d, DIAG_ERROR, &h->pos, "CF004",
				    "header %s uses check ruleset %s, which is not defined", h->name,
				    h->ruleset);
		for (size_t k = 0; k < i; k++)
			if (cf->headers[k].ruleset && strcasecmp(cf->headers[k].name, h->name) == 0) {
				diag_report(d, DIAG_WARNING, &h->pos, "CF015",
					    "header %s already has check ruleset %s (line %u); "
					    "this one is ignored", h->name, cf->headers[k].ruleset,
					    cf->headers[k].pos.line);
				break;
			}
	}
}

/* Options a queue group copies when it is declared (op.txt 5.11). */
static const char *const queue_options[] = {
	"QueueDirectory", "MaxQueueChildren", "MaxRunnersPerQueue", "NiceQueueRun",
	"MaxQueueRunSize", "MinQueueAge", "QueueSortOrder", "RecipientsPerQueue",
	"MaxRecipientsPerMessage",
};

/* CF016 for queue group q. */
static void check_qgroup(const struct cf *cf, const struct ir_named_fields *q,
			 struct diag *d)
{
	for (size_t i = 0; i < cf->noptions; i++) {
		const struct ir_option *o = &cf->options[i];
		for (size_t k = 0; k < sizeof queue_options / sizeof *queue_options; k++)
			if (strcasecmp(o->name, queue_options[k]) == 0 &&
			    o->pos.line > q->pos.line) {
				diag_report(d, DIAG_WARNING, &q->pos, "CF016",
					    "queue group %s is declared before %s (line %u): "
					    "it keeps the earlier value", q->name, o->name,
					    o->pos.line);
				return;
			}
	}
}

void checks_queue_milters(const struct cf *cf, struct diag *d)
{
	const struct ir_option *imf = cf_option(cf, "InputMailFilters");
	const char *v = imf ? imf->value : NULL;

	for (size_t i = 0; i < cf->nqgroups; i++)
		check_qgroup(cf, &cf->qgroups[i], d);
	for (size_t i = 0; i < cf->nmilters; i++) {
		const struct ir_named_fields *x = &cf->milters[i];
		if (!list_has(v, x->name))
			diag_report(d, DIAG_WARNING, &x->pos, "CF018",
				    "milter %s is declared but not listed in InputMailFilters, "
				    "so it never runs", x->name);
		if (ir_field_get(x->fields, x->nfields, 'F') == NULL)
			diag_report(d, DIAG_WARNING, &x->pos, "CF018",
				    "milter %s has no F= flag: when it is unavailable mail "
				    "passes unfiltered (F=T tempfails, F=R rejects)", x->name);
	}
	while (v && *v) {
		v += strspn(v, ", \t\n");
		size_t n = strcspn(v, ", \t\n"), i;
		for (i = 0; i < cf->nmilters; i++)
			if (strlen(cf->milters[i].name) == n &&
			    strncmp(cf->milters[i].name, v, n) == 0)
				break;
		if (n && i == cf->nmilters)
			diag_report(d, DIAG_WARNING, &imf->pos, "CF018",
				    "InputMailFilters lists milter %.*s, which has no X line",
				    (int)n, v);
		v += n;
	}
}
