/*
 * addr.c - address to mailer triple (see addr.h).
 *
 * Entry point: addr_resolve(); the small helpers (a mailer's S=/R=
 * ruleset, running a set, lower-casing) are shared with "/try".
 */
#include "runtime/addr.h"

#include <string.h>
#include <strings.h>

#include "lib/limits.h"
#include "runtime/mailer.h"
#include "runtime/rw.h"

int addr_mailer_set(const struct rt *rt, const struct ir_mailer *m,
		    char field, int part)
{
	const char *v = ir_field_get(m->fields, m->nfields, field);
	char name[LIMIT_RULESET_NAME];
	size_t n;

	if (!v || !*v)
		return 0;
	n = strcspn(v, "/");
	if (part == 1 && v[n] == '/') {
		v += n + 1;
		n = strlen(v);
	}
	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, v, n);
	name[n] = '\0';
	return rt_set_lookup(rt, name);
}

int addr_run_set(struct rt *rt, struct tokv *ws, int set)
{
	return set > 0 ? rw_rewrite(rt, ws, set, 0, LIMIT_TOKENS) : RT_OK;
}

void addr_lower(char *s)
{
	for (; s && *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s += 32;
}

/* Tokens between the triple markers: host ($@) or user ($:) part. */
static void triple_part(const struct tokv *ws, const char *mark, size_t *from,
			size_t *to)
{
	size_t i = 0;

	while (i < ws->n && ws->v[i] != mark)
		i++;
	*from = *to = i < ws->n ? i + 1 : ws->n;
	while (*to < ws->n && ws->v[*to] != tok_m(TM_HOST) &&
	       ws->v[*to] != tok_m(TM_USER))
		(*to)++;
}

/* 1 if m has mailer flag f. */
static int has_flag(const struct ir_mailer *m, char f)
{
	return m->flags && strchr(m->flags, f) != NULL;
}

/* F=: F=| F=/ (op.txt "Mailer flags"): a user part that, quotes removed,
 * starts with ":include:", '|' or '/' goes to the built-in *include*,
 * prog or *file* mailer. Returns that mailer or m; for *include* the
 * user becomes the file name and *done is set (no rewriting follows). */
static const struct ir_mailer *special(struct rt *rt, const struct ir_mailer *m,
				       const struct tokv *ws, size_t uf,
				       size_t ut, struct addr_parsed *pa,
				       int *done)
{
	struct str u = STR_INIT;
	const struct ir_mailer *to = NULL;
	char *q, *p;

	rw_join(rt, ws->v + uf, ut - uf, ' ', &u);	/* blanks, not BlankSub */
	str_appendn(&u, "", 0);	/* u.s is a writable string even when empty */
	for (p = q = u.s; *p; p++)	/* quotes only; a backslash stays */
		if (*p != '"')
			*q++ = *p;
	*q = '\0';
	q = u.s;
	if (has_flag(m, ':') && strncasecmp(q, ":include:", 9) == 0) {
		to = mailer_find(rt, "*include*");
		str_append(&pa->user, q + 9);
		*done = 1;
	} else if (has_flag(m, '|') && q[0] == '|') {
		to = mailer_find(rt, "prog");
	} else if (has_flag(m, '/') && q[0] == '/') {
		to = mailer_find(rt, "*file*");
	}
	str_free(&u);
	return to ? to : m;
}

/* buildaddr(): the triple in ws into pa; a real mailer's user part goes
 * through the recipient rewriting (2, R=, 4). */
static void build(struct rt *rt, struct tokv *ws, struct addr_parsed *pa)
{
	struct tokv u = TOKV_INIT;
	size_t hf, ht, uf, ut;
	int st, done = 0;

	pa->mailer = ws->n > 1 ? ws->v[1] : "";
	triple_part(ws, tok_m(TM_HOST), &hf, &ht);
	triple_part(ws, tok_m(TM_USER), &uf, &ut);
	rw_join(rt, ws->v + hf, ht - hf, rt->blanksub, &pa->host);
	if (strcmp(pa->mailer, "error") == 0) {
		pa->kind = ADDR_ERROR;
		rw_join(rt, ws->v + uf, ut - uf, ' ', &pa->user);
		return;
	}
	pa->m = mailer_find(rt, pa->mailer);
	if (!pa->m) {
		pa->kind = ADDR_UNKNOWN;
		return;
	}
	pa->kind = ADDR_MAILER;
	if (uf < ut && strcmp(ws->v[uf], "@") == 0 && has_flag(pa->m, '@'))
		uf++;	/* F=@: a leading "@" only marks "no ruleset 5" */
	pa->m = special(rt, pa->m, ws, uf, ut, pa, &done);
	pa->mailer = pa->m->name;
	if (!done) {
		for (size_t i = uf; i < ut; i++)
			tokv_push(&u, ws->v[i]);
		st = addr_run_set(rt, &u, 2);
		if (st == RT_OK)
			st = addr_run_set(rt, &u, addr_mailer_set(rt, pa->m, 'R', 0));
		if (st == RT_OK)
			addr_run_set(rt, &u, 4);
		rw_join(rt, u.v, u.n, rt->blanksub, &pa->user);
		tokv_free(&u);
	}
	if (!has_flag(pa->m, 'u'))
		addr_lower(pa->user.s);
	if (!has_flag(pa->m, 'h'))
		addr_lower(pa->host.s);
}

int addr_resolve(struct rt *rt, const char *addr, int delim,
		 struct addr_parsed *pa)
{
	struct tokv ws = TOKV_INIT;
	const char *end;
	int s3, s0 = RT_OK, st;

	if (tok_scan(&rt->ext, addr, delim, rt->work, &ws, &end, rw_tok_error, rt) < 0) {
		tokv_free(&ws);
		return -1;
	}
	s3 = addr_run_set(rt, &ws, 3);
	if (s3 == RT_OK || s3 == RT_TEMPFAIL)
		s0 = rw_rewrite(rt, &ws, 0, 0, LIMIT_TOKENS);
	st = s3 == RT_OK || s3 == RT_TEMPFAIL ? s0 : s3;
	pa->queueup = s3 == RT_TEMPFAIL || s0 == RT_TEMPFAIL;
	if ((st == RT_OK || st == RT_TEMPFAIL) && ws.n > 0 &&
	    ws.v[0] == tok_m(TM_NET))
		build(rt, &ws, pa);
	else if (st == RT_OK || st == RT_TEMPFAIL)
		pa->kind = ADDR_NOMAILER;
	tokv_free(&ws);
	return 0;
}

int addr_aliasable(const struct addr_parsed *pa)
{
	return pa->kind == ADDR_MAILER && has_flag(pa->m, 'A');
}

void addr_parsed_free(struct addr_parsed *pa)
{
	str_free(&pa->host);
	str_free(&pa->user);
}
