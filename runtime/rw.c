/*
 * rw.c - the rewriting engine: compile rules once, run rulesets.
 *
 * Entry points: rw_compile() (IR rules -> pattern arrays, at load) and
 * rw_rewrite() (sendmail's rewrite(): match, substitute, lookups, calls).
 * Trusts the IR to be validated (cfgen); trusts nothing in the workspace:
 * token counts are bounded by the caller's maxatom (LIMIT_TOKENS), rule
 * retries by LIMIT_RULE_LOOP, call depth by LIMIT_RULE_RECURSION and
 * calls per right-hand side by LIMIT_SUBR, each reported with the message
 * sendmail 8.17 prints (checked against the real binary in -bt mode).
 * The matcher is a recursive leftmost-minimal search with backtracking,
 * equivalent to sendmail's explicit match stack.
 */
#include "runtime/rw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/arena.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "runtime/cls.h"
#include "runtime/debug.h"
#include "runtime/macro.h"
#include "runtime/map.h"

/* A binding of $1..$9: workspace tokens [first, last). */
struct bind {
	size_t first, last;
};

/* What the matcher needs while it runs. */
struct match {
	const struct rt *rt;
	const struct rw_pat *pat;
	size_t npat;
	const char *const *ws;
	size_t nws;
	struct bind b[LIMIT_MATCH + 1];
};

/* ASCII case-insensitive equality. */
static int eqi(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if (x != y) {
			x = x >= 'A' && x <= 'Z' ? x + 32 : x;
			y = y >= 'A' && y <= 'Z' ? y + 32 : y;
			if (x != y)
				return 0;
		}
		if (!x)
			return 1;
	}
}

/* 1 if token t counts as an atom for joining (cataddr). */
static int atom_token(const struct rt *rt, const char *t)
{
	if (tok_is_meta(t))
		return 1;
	return rt->rules.cls[(unsigned char)t[0]] == 0;
}

/* Join tokens as sendmail's cataddr() does. */
void rw_join(const struct rt *rt, const char *const *v, size_t n, char sub,
	     struct str *out)
{
	int prev = 0;

	for (size_t i = 0; i < n; i++) {
		int atom = atom_token(rt, v[i]);

		if (prev && atom && sub)
			str_appendc(out, sub);
		str_append(out, v[i]);
		prev = atom;
	}
}

static int match_at(struct match *m, size_t pi, size_t wi);

/* $=X at wi: extend over tokens until they spell a member of the class
 * that lets the rest match; the joined text grows one token at a time and
 * stops past the longest word the table holds. */
static int match_class(struct match *m, size_t pi, size_t wi)
{
	const struct rw_pat *p = &m->pat[pi];
	size_t longest = cls_longest(m->rt->cls);
	struct str join = STR_INIT;
	int prev = 0, ok = 0;

	for (size_t k = wi; k < m->nws && !ok; k++) {
		int atom = atom_token(m->rt, m->ws[k]);

		if (prev && atom && m->rt->blanksub)
			str_appendc(&join, m->rt->blanksub);
		str_append(&join, m->ws[k]);
		prev = atom;
		if (join.len > longest)
			break;
		if (!cls_has(m->rt->cls, p->cls, join.s, join.len))
			continue;
		m->b[p->num] = (struct bind){ wi, k + 1 };
		ok = match_at(m, pi + 1, k + 1);
	}
	str_free(&join);
	return ok;
}

/* Consume tokens spelling the value of macro name ($&x on a LHS). */
static int match_defer(struct match *m, const char *name, size_t *wi)
{
	const char *v = macro_get(m->rt->macros, name);

	if (rt_debug(m->rt, 21, 2))
		fprintf(m->rt->out, "rewrite: LHS $&{%s} => \"%s\"\n", name,
			v ? v : "(NULL)");
	if (!v)
		return 1;
	while (*v) {
		size_t len;

		if (*wi >= m->nws)
			return 0;
		len = strlen(m->ws[*wi]);
		if (strncasecmp(v, m->ws[*wi], len) != 0)
			return 0;
		v += len;
		(*wi)++;
	}
	return 1;
}

/* Match pattern from pi against workspace from wi (leftmost, minimal,
 * backtracking). This is the engine's one long function. */
static int match_at(struct match *m, size_t pi, size_t wi)
{
	const struct rw_pat *p;
	size_t k, last;

	if (pi == m->npat)
		return wi == m->nws;
	p = &m->pat[pi];
	switch (p->kind) {
	case RW_WORD:
		return wi < m->nws && !tok_is_meta(m->ws[wi]) &&
		       eqi(m->ws[wi], p->text) && match_at(m, pi + 1, wi + 1);
	case RW_META:
		return wi < m->nws && m->ws[wi] == p->text &&
		       match_at(m, pi + 1, wi + 1);
	case RW_ZERO:
		return match_at(m, pi + 1, wi);
	case RW_DEFER:
		return match_defer(m, p->text, &wi) && match_at(m, pi + 1, wi);
	case RW_ONE:
	case RW_NCLASS:
		if (wi >= m->nws)
			return 0;
		if (p->kind == RW_NCLASS &&
		    cls_has(m->rt->cls, p->cls, m->ws[wi], strlen(m->ws[wi])))
			return 0;
		m->b[p->num] = (struct bind){ wi, wi + 1 };
		return match_at(m, pi + 1, wi + 1);
	case RW_CLASS:
		return match_class(m, pi, wi);
	default:
		break;
	}
	/* extensible: $* from 0 tokens, $+ from 1 */
	k = wi + (p->kind != RW_STAR);
	last = m->nws;
	if (pi + 1 == m->npat)
		k = k > last ? k : last;	/* a trailing wildcard takes the rest */
	for (; k <= last; k++) {
		if (pi + 1 < m->npat && m->pat[pi + 1].kind == RW_WORD &&
		    (k >= m->nws || tok_is_meta(m->ws[k]) ||
		     !eqi(m->ws[k], m->pat[pi + 1].text)))
			continue;	/* the next literal cannot match here */
		m->b[p->num] = (struct bind){ wi, k };
		if (match_at(m, pi + 1, k))
			return 1;
	}
	return 0;
}

/* How xputs() shows the bytes \200..\237 (sendmail's internal codes,
 * e.g. the \233 a regex map puts between substrings): the "$x" each
 * stands for, else "M-" alone (or with the blank it hides). */
static const char *const meta_bytes[32] = {
	"M-", "$", "$&", "M-", "M-", "$(", "$)", "M-", "M-", "M-\\t", "M-\\n",
	"M-", "M-", "M-\\r", "M-", "M-", "$*", "$+", "$-", "$=", "$~", "$", "$#",
	"$@", "$:", "$>", "$?", "$|", "$.", "$[", "$]", "M-",
};

/* The byte sendmail's messages show for meta token t: its internal code
 * (0200 + index in meta_bytes) without the high bit, as they print it. */
static char meta_code(const char *t)
{
	for (size_t i = 0; i < sizeof meta_bytes / sizeof *meta_bytes; i++)
		if (strcmp(meta_bytes[i], t) == 0)
			return (char)i;
	return '\0';
}

/* Print one token with sendmail's xputs() escaping (\377 shows as
 * nothing). */
void rw_put_token(FILE *out, const char *t)
{
	if (tok_is_meta(t)) {
		fputs(t, out);
		return;
	}
	for (; *t; t++) {
		unsigned char c = (unsigned char)*t;

		if (c >= 0x80 && c < 0xa0) {
			fputs(meta_bytes[c - 0x80], out);
			continue;
		}
		if (c == 0xff)
			continue;
		if (c & 0x80) {
			fputs("M-", out);
			c &= 0x7f;
		}
		if (c >= ' ' && c < 0x7f)
			putc(c, out);
		else if (c == '\n' || c == '\r' || c == '\t')
			fprintf(out, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
		else
			fprintf(out, "^%c", c ^ 0x40);
	}
}

/* " tok" for each token, then a newline. */
void rw_print_tokens(FILE *out, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		putc(' ', out);
		rw_put_token(out, v[i]);
	}
	putc('\n', out);
}

/* Print a macro or class name: "x" or "{name}". */
static void put_name(FILE *out, const char *name)
{
	if (name[0] && !name[1])
		fputs(name, out);
	else
		fprintf(out, "{%s}", name);
}

/* Print pattern elements, each preceded (lead) or followed by a blank. */
void rw_print_pats(FILE *out, const struct rw_pat *p, size_t n, int lead)
{
	for (size_t i = 0; i < n; i++, p++) {
		if (lead)
			putc(' ', out);
		switch (p->kind) {
		case RW_WORD:
		case RW_META:
			rw_put_token(out, p->text);
			break;
		case RW_STAR: fputs("$*", out); break;
		case RW_PLUS: fputs("$+", out); break;
		case RW_ONE: fputs("$-", out); break;
		case RW_ZERO: fputs("$@", out); break;
		case RW_CLASS: fputs("$=", out); put_name(out, p->text); break;
		case RW_NCLASS: fputs("$~", out); put_name(out, p->text); break;
		case RW_DEFER: fputs("$&", out); put_name(out, p->text); break;
		case RW_POS: fprintf(out, "$%u", p->num); break;
		case RW_CALL:
			fputs("$>", out);
			if (p->text)
				fprintf(out, " %s", p->text);
			break;
		}
		if (!lead)
			putc(' ', out);
	}
}

/* Print a message the way sendmail's syserr/usrerr show it in -bt. */
static void vsay(struct rt *rt, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void vsay(struct rt *rt, const char *fmt, va_list ap)
{
	vfprintf(rt->out, fmt, ap);
	putc('\n', rt->out);
}

static void say(struct rt *rt, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(struct rt *rt, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(rt, fmt, ap);
	va_end(ap);
}

/* say() for what sendmail reports with syserr(): the exit status of the
 * run becomes EX_SOFTWARE (70) unless it already records a failure. */
static void syserr(struct rt *rt, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void syserr(struct rt *rt, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(rt, fmt, ap);
	va_end(ap);
	rt_fail(rt, RT_SOFTWARE);
}

/* Tokenizer error callback: "addr... msg" with the address shortened. */
void rw_tok_error(void *ctx, const char *addr, const char *msg)
{
	struct rt *rt = ctx;
	size_t len = strlen(addr);

	if (len > LIMIT_SHORT_STR) {
		size_t half = (LIMIT_SHORT_STR - 3) / 2;

		fprintf(rt->out, "%.*s...%s... %s\n", (int)half, addr,
			addr + len - half, msg);
	} else {
		fprintf(rt->out, "%s... %s\n", addr, msg);
	}
}

/* Tokenize text with the external table, appending to out. */
static int scan_into(struct rt *rt, const char *text, struct tokv *out)
{
	return tok_scan(&rt->ext, text, 0, rt->work, out, NULL, rw_tok_error, rt);
}

/* Append the value of deferred macro name, tokenized. */
static int subst_defer(struct rt *rt, const char *name, struct tokv *out)
{
	const char *v = macro_get(rt->macros, name);
	struct str s = STR_INIT;
	struct tokv v_toks = TOKV_INIT;
	int r;

	if (rt_debug(rt, 21, 2))
		fprintf(rt->out, "rewrite: RHS $&{%s} => \"%s\"\n", name, v ? v : "(NULL)");
	if (!v)
		return 0;
	macro_expand(rt->macros, v, &s);
	/* scanned on its own, as sendmail does: too many tokens in all is
	 * the caller's "expansion too long", not a scan error */
	r = s.len ? scan_into(rt, str_cstr(&s), &v_toks) : 0;
	for (size_t i = 0; r == 0 && i < v_toks.n; i++)
		tokv_push(out, v_toks.v[i]);
	tokv_free(&v_toks);
	str_free(&s);
	return r;
}

/* Build the new workspace from the RHS (after its $: / $@ prefix). */
static int substitute(struct rt *rt, const struct rw_pat *rhs, size_t n,
		      struct match *m, struct tokv *out, size_t maxatom)
{
	for (size_t i = 0; i < n; i++) {
		const struct rw_pat *p = &rhs[i];

		switch (p->kind) {
		case RW_POS:
			for (size_t k = m->b[p->num].first; k < m->b[p->num].last; k++)
				tokv_push(out, m->ws[k]);
			break;
		case RW_DEFER:
			if (subst_defer(rt, p->text, out) < 0)
				return RT_DATAERR;
			break;
		case RW_CALL:
			tokv_push(out, tok_m(TM_CALL));
			if (p->text)	/* NULL: the next token names the set */
				tokv_push(out, p->text);
			break;
		default:
			tokv_push(out, p->text);
		}
		if (out->n > maxatom) {
			say(rt, "rewrite: expansion too long");
			return RT_DATAERR;
		}
	}
	return RT_OK;
}

/* Split a lookup region [from, to) at $@ / $: into key, args, default;
 * returns the number of args (key included) in args[]. */
static int lookup_parts(struct rt *rt, struct tokv *ws, size_t from,
			size_t to, char sub, struct str *key,
			const char **args, const char **dflt)
{
	size_t i = from, start;
	int nargs = 1, what = 0;	/* 0 key, 1 arg, 2 default */
	struct str s = STR_INIT;

	*dflt = NULL;
	while (i <= to) {
		start = i;
		while (i < to && ws->v[i] != tok_m(TM_HOST) &&
		       ws->v[i] != tok_m(TM_USER))
			i++;
		str_reset(&s);
		rw_join(rt, ws->v + start, i - start, what ? rt->blanksub : sub,
			what ? &s : key);
		if (what == 1 && nargs < LIMIT_MAP_ARGS)
			args[nargs++] = arena_strdup(rt->work, str_cstr(&s));
		else if (what == 2)
			*dflt = arena_strdup(rt->work, str_cstr(&s));
		if (i >= to)
			break;
		what = ws->v[i] == tok_m(TM_HOST) ? 1 : 2;
		i++;
	}
	str_free(&s);
	return nargs;
}

/* Replace one "$( map ... $)" or "$[ ... $]" starting at *ip. */
static int lookup_one(struct rt *rt, struct tokv *ws, size_t *ip,
		      size_t maxatom, int *rstat)
{
	size_t b = *ip, from = b + 1, e;
	const char *end = ws->v[b] == tok_m(TM_HBEGIN) ? tok_m(TM_HEND) : tok_m(TM_LEND);
	const char *mapname = "host", *args[LIMIT_MAP_ARGS], *dflt, *res = NULL;
	struct rt_map *map;
	struct str key = STR_INIT;
	struct tokv repl = TOKV_INIT, rest = TOKV_INIT;
	int nargs, stat = RT_OK, r = RT_OK;
	char none[1] = "";	/* an empty key the map may write to */

	if (end == tok_m(TM_LEND)) {
		mapname = from < ws->n ? ws->v[from++] : "";
	}
	for (e = from; e < ws->n && ws->v[e] != end; e++)
		;
	map = map_find(rt, mapname);
	if (!map)
		syserr(rt, "rewrite: map %s not found", mapname);
	nargs = lookup_parts(rt, ws, from, e, map ? map_spacesub(map) : rt->blanksub,
			     &key, args, &dflt);
	args[0] = str_cstr(&key);
	if (map)
		res = map_lookup(rt, map, key.s ? key.s : none, args, nargs, &stat);
	if (map && rt_debug(rt, 60, 1))
		debug_map_lookup(rt, mapname, args, nargs, res, stat);
	if (stat == RT_TEMPFAIL)
		*rstat = RT_TEMPFAIL;
	if (!res && dflt)
		res = dflt;
	if (!res) {
		for (size_t k = from; k < e && ws->v[k] != tok_m(TM_HOST) &&
		     ws->v[k] != tok_m(TM_USER); k++)
			tokv_push(&repl, ws->v[k]);
	} else if (*res && scan_into(rt, res, &repl) < 0) {
		r = RT_DATAERR;
	}
	for (size_t k = e + (e < ws->n); k < ws->n; k++)
		tokv_push(&rest, ws->v[k]);
	ws->n = b;
	for (size_t k = 0; k < repl.n && r == RT_OK; k++)
		tokv_push(ws, repl.v[k]);
	*ip = ws->n;
	for (size_t k = 0; k < rest.n && r == RT_OK; k++)
		tokv_push(ws, rest.v[k]);
	if (r == RT_OK && ws->n > maxatom) {
		say(rt, "rewrite: expansion too long");
		r = RT_DATAERR;
	}
	str_free(&key);
	tokv_free(&repl);
	tokv_free(&rest);
	return r;
}

/* Do every lookup in ws, left to right. */
static int lookups(struct rt *rt, struct tokv *ws, size_t maxatom, int *rstat)
{
	for (size_t i = 0; i < ws->n;) {
		if (ws->v[i] != tok_m(TM_HBEGIN) && ws->v[i] != tok_m(TM_LBEGIN)) {
			i++;
			continue;
		}
		int r = lookup_one(rt, ws, &i, maxatom, rstat);

		if (r != RT_OK)
			return r;
	}
	return RT_OK;
}

/* Remove n tokens at position i. */
static void tokv_remove(struct tokv *ws, size_t i, size_t n)
{
	memmove(ws->v + i, ws->v + i + n, (ws->n - i - n) * sizeof *ws->v);
	ws->n -= n;
}

/* Run the "$>" calls of ws, rightmost first (sendmail's callsubr()). */
static int callsubr(struct rt *rt, struct tokv *ws, int depth)
{
	size_t at[LIMIT_SUBR];
	int set[LIMIT_SUBR], n = 0;

	for (size_t j = 0; j + 1 < ws->n; j++) {
		if (ws->v[j] != tok_m(TM_CALL))
			continue;
		size_t len = strlen(ws->v[j + 1]);

		if (len >= 2 && ws->v[j + 1][0] == '"' && ws->v[j + 1][len - 1] == '"')
			ws->v[j + 1] = arena_strndup(rt->work, ws->v[j + 1] + 1, len - 2);
		const char *name = ws->v[j + 1];
		char code[2] = "";

		if (tok_is_meta(name)) {	/* a marker names no set */
			code[0] = meta_code(name);
			name = code;
			say(rt, "invalid ruleset name: \"%s\"", name);
		}
		int s = rt_set_lookup(rt, name);	/* quotes stripped, as sendmail */

		if (s < 0) {
			syserr(rt, "Unknown ruleset %s", name);
			return RT_CONFIG;
		}
		if (rt->sets[s].nrules == 0) {
			if (rt_debug(rt, 21, 3))
				fprintf(rt->out, "-----skip subr %s (%d)\n", ws->v[j + 1], s);
			/* empty set: drop the call; like sendmail, the token
			 * that moves into place is not examined again */
			tokv_remove(ws, j, 2);
			continue;
		}
		if (n >= LIMIT_SUBR) {
			syserr(rt, "Too many subroutine calls (%d max)", LIMIT_SUBR);
			return RT_CONFIG;
		}
		at[n] = j;
		set[n++] = s;
	}
	int worst = RT_OK;

	for (; n > 0; n--) {
		struct tokv sub = TOKV_INIT;
		size_t i = at[n - 1];
		int st;

		tokv_remove(ws, i, 2);
		for (size_t k = i; k < ws->n; k++)
			tokv_push(&sub, ws->v[k]);
		st = rw_rewrite(rt, &sub, set[n - 1], depth + 1, LIMIT_TOKENS - i);
		ws->n = i;
		for (size_t k = 0; k < sub.n; k++)
			tokv_push(ws, sub.v[k]);
		tokv_free(&sub);
		if (st != RT_OK && st != RT_TEMPFAIL)
			return st;
		if (st == RT_TEMPFAIL)
			worst = st;
	}
	return worst;
}

/* Print "name   input:" / "name returns:" trace lines. */
static void trace(struct rt *rt, int set, const char *what, const struct tokv *ws)
{
	char buf[16];

	fprintf(rt->out, "%-16.16s %s:", rt_set_name(rt, set, buf, sizeof buf), what);
	rw_print_tokens(rt->out, ws->v, ws->n);
}

/* Apply one matched rule: build, look up, call; 0 or an error status. */
static int apply(struct rt *rt, const struct rw_rule *r, struct match *m,
		 struct tokv *ws, int depth, size_t maxatom, int *rstat)
{
	const struct rw_pat *rhs = r->rhs;
	size_t n = r->nrhs;
	struct tokv out = TOKV_INIT;
	int st;

	if (n > 0 && rhs[0].kind == RW_META &&
	    (rhs[0].text == tok_m(TM_USER) || rhs[0].text == tok_m(TM_HOST))) {
		rhs++;
		n--;
	}
	st = substitute(rt, rhs, n, m, &out, maxatom);
	if (st == RT_OK)
		st = lookups(rt, &out, maxatom, rstat);
	if (st == RT_OK) {
		int cs = callsubr(rt, &out, depth);

		if (*rstat == RT_OK || cs == RT_TEMPFAIL)
			*rstat = cs;
	}
	if (st == RT_OK) {
		tokv_free(ws);
		*ws = out;
	} else {
		tokv_free(&out);
	}
	return st;
}

/* Run ruleset set over ws; see rw.h. This is sendmail's rule loop (try,
 * apply, retry or move on, with its traces) and is kept in one piece so
 * it can be read against op.txt 5.1; it is longer than our usual 40. */
int rw_rewrite(struct rt *rt, struct tokv *ws, int set, int depth,
	       size_t maxatom)
{
	const struct rt_set *rs;
	struct match m = { .rt = rt };
	int rstat = RT_OK, st = RT_OK, debug = rt_debug(rt, 21, 12);
	unsigned loops = 0;
	size_t ri = 0;

	if (set < 0 || set >= LIMIT_RULESETS) {
		syserr(rt, "rewrite: illegal ruleset number %d", set);
		return RT_CONFIG;
	}
	rs = &rt->sets[set];
	if (rt->trace)
		trace(rt, set, "  input", ws);
	if (depth > LIMIT_RULE_RECURSION) {
		char buf[16];

		syserr(rt, "rewrite: excessive recursion (max %d), ruleset %s",
		       LIMIT_RULE_RECURSION, rt_set_name(rt, set, buf, sizeof buf));
		return RT_CONFIG;
	}
	while (ri < rs->nrules) {
		const struct rw_rule *r = &rs->rules[ri];
		char buf[16];

		if (ws->n > 0 && ws->v[0] == tok_m(TM_NET))
			break;	/* already resolved */
		if (++loops > LIMIT_RULE_LOOP) {
			syserr(rt, "Infinite loop in ruleset %s, rule %zu",
			       rt_set_name(rt, set, buf, sizeof buf), ri + 1);
			break;	/* sendmail keeps the status it had */
		}
		if (debug) {
			fputs("-----trying rule:", rt->out);
			rw_print_pats(rt->out, r->lhs, r->nlhs, 1);
			putc('\n', rt->out);
		}
		m.pat = r->lhs;
		m.npat = r->nlhs;
		m.ws = ws->v;
		m.nws = ws->n;
		memset(m.b, 0, sizeof m.b);
		if (!match_at(&m, 0, 0)) {
			if (debug)
				fputs("----- rule fails\n", rt->out);
			ri++;
			loops = 0;
			continue;
		}
		if (debug) {
			fputs("-----rule matches:", rt->out);
			rw_print_pats(rt->out, r->rhs, r->nrhs, 1);
			putc('\n', rt->out);
		}
		st = apply(rt, r, &m, ws, depth, maxatom, &rstat);
		if (st != RT_OK)
			break;
		if (debug) {
			fputs("rewritten as:", rt->out);
			rw_print_tokens(rt->out, ws->v, ws->n);
		}
		if (r->nrhs && r->rhs[0].text == tok_m(TM_HOST))
			break;
		if (r->nrhs && r->rhs[0].text == tok_m(TM_USER)) {
			ri++;
			loops = 0;
		}
	}
	if (st != RT_OK)
		return st;
	if (rt->trace)
		trace(rt, set, "returns", ws);
	return rstat;
}

/* 1 if the R line wrote the call to name quoted ($>"name"): sendmail
 * keeps the quotes in the token (they show in -bt) and strips them when
 * it calls. */
static int quoted_call(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(text, "$>"); p; p = strstr(p + 2, "$>")) {
		const char *q = p + 2 + strspn(p + 2, " \t");

		if (q[0] == '"' && strncmp(q + 1, name, n) == 0 && q[1 + n] == '"')
			return 1;
	}
	return 0;
}

/* Compile one IR token of a rule side; *nbind counts LHS wildcards. */
static void compile_tok(struct rt *rt, const struct ir_tok *t, int lhs,
			const char *rule_text, unsigned *nbind,
			struct rw_pat *p)
{
	static const enum tok_meta metas[] = {
		[IR_NET] = TM_NET, [IR_HOST] = TM_HOST, [IR_USER] = TM_USER,
		[IR_HBEGIN] = TM_HBEGIN, [IR_HEND] = TM_HEND,
		[IR_LBEGIN] = TM_LBEGIN, [IR_LEND] = TM_LEND,
		[IR_SEP] = TM_SEP, [IR_DOT] = TM_DOT,
	};

	*p = (struct rw_pat){ .kind = RW_META, .text = t->text };
	switch (t->kind) {
	case IR_WORD: p->kind = RW_WORD; break;
	case IR_STAR: p->kind = RW_STAR; break;
	case IR_PLUS: p->kind = RW_PLUS; break;
	case IR_ONE: p->kind = RW_ONE; break;
	case IR_CLASS: p->kind = RW_CLASS; break;
	case IR_NCLASS: p->kind = RW_NCLASS; break;
	case IR_DEFER: p->kind = RW_DEFER; break;
	case IR_CALL: p->kind = RW_CALL; break;
	case IR_POS: p->kind = RW_POS; p->num = (unsigned char)t->num; break;
	case IR_HOST:
		if (lhs) {
			p->kind = RW_ZERO;
			break;
		}
		/* fall through */
	default:
		p->text = tok_m(metas[t->kind]);
	}
	if (p->kind == RW_CALL && p->text && rule_text &&
	    quoted_call(rule_text, p->text)) {
		size_t n = strlen(p->text);
		char *q = arena_alloc(rt->arena, n + 3);

		q[0] = '"';
		memcpy(q + 1, p->text, n);
		memcpy(q + 1 + n, "\"", 2);
		p->text = q;
	}
	if (p->kind == RW_CLASS || p->kind == RW_NCLASS)
		p->cls = (short)cls_id(rt->cls, t->text, 1);
	if (lhs && p->kind >= RW_STAR && p->kind <= RW_NCLASS)
		p->num = (unsigned char)(++*nbind <= LIMIT_MATCH ? *nbind : 0);
}

/* Append the words of a macro sendmail expands when it reads the rule
 * ($x written in an R line of a macro set at start-up, such as $m). */
static void compile_immediate(struct rt *rt, const char *name,
			      struct rw_pat **v, size_t *n, size_t *cap)
{
	const char *val = macro_get(rt->macros, name);
	struct str s = STR_INIT;
	struct tokv tv = TOKV_INIT;

	if (val)
		macro_expand(rt->macros, val, &s);
	tok_scan(&rt->rules, str_cstr(&s), 0, rt->arena, &tv, NULL, NULL, NULL);
	for (size_t i = 0; i < tv.n; i++) {
		if (*n == *cap) {
			*v = arena_grow(rt->arena, *v, *cap, *cap * 2, sizeof **v);
			*cap *= 2;
		}
		(*v)[(*n)++] = (struct rw_pat){ .kind = RW_WORD, .text = tv.v[i] };
	}
	tokv_free(&tv);
	str_free(&s);
}

/* Compile one side of a rule into the arena; *np gets its length. */
static struct rw_pat *compile_side(struct rt *rt, const struct ir_tok *v,
				   size_t nv, int lhs, const char *rule_text,
				   unsigned *nbind, unsigned *np)
{
	size_t cap = nv + 4, n = 0;
	struct rw_pat *p = arena_calloc(rt->arena, cap, sizeof *p);

	for (size_t i = 0; i < nv; i++) {
		if (v[i].kind == IR_DEFER && v[i].num == 1) {
			compile_immediate(rt, v[i].text, &p, &n, &cap);
			continue;
		}
		if (n == cap) {
			p = arena_grow(rt->arena, p, cap, cap * 2, sizeof *p);
			cap *= 2;
		}
		compile_tok(rt, &v[i], lhs, rule_text, nbind, &p[n++]);
	}
	*np = (unsigned)n;
	return p;
}

/* Compile the rules of irs into rt->sets[irs->num]. */
int rw_compile(struct rt *rt, const struct ir_ruleset *irs, FILE *err)
{
	struct rt_set *s;

	if (irs->num < 0 || irs->num >= LIMIT_RULESETS) {
		if (err)
			fprintf(err, "%s: line %u: bad ruleset %d (%d max)\n",
				irs->pos.file, irs->pos.line, irs->num,
				LIMIT_RULESETS);
		return -1;
	}
	s = &rt->sets[irs->num];
	s->name = irs->name;
	s->defined = irs->defined;
	s->nrules = irs->nrules;
	s->rules = arena_calloc(rt->arena, irs->nrules ? irs->nrules : 1,
				sizeof *s->rules);
	for (size_t i = 0; i < irs->nrules; i++) {
		const struct ir_rule *ir = &irs->rules[i];
		struct rw_rule *r = &s->rules[i];
		unsigned nbind = 0;

		r->lhs = compile_side(rt, ir->lhs, ir->nlhs, 1, ir->text, &nbind,
				      &r->nlhs);
		r->rhs = compile_side(rt, ir->rhs, ir->nrhs, 0, ir->text, &nbind,
				      &r->nrhs);
		if (nbind > LIMIT_MATCH && err)
			fprintf(err, "%s: line %u: too many wildcards\n",
				ir->pos.file, ir->pos.line);
	}
	return 0;
}
