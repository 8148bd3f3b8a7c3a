/*
 * tok.c - sendmail's prescan: an address or rule side into tokens.
 *
 * Entry points: tok_table_init() builds a character-class table from the
 * OperatorChars; tok_scan() cuts a string into tokens. It trusts nothing
 * in its input: every token is bounded by LIMIT_TOKEN_LEN and the count by
 * LIMIT_TOKENS, with sendmail's messages ("prescan: token too long",
 * "prescan: too many tokens"). The behaviour mirrors sendmail 8.17 as
 * observed in -bt mode, including the repairs it makes silently or with a
 * message (unbalanced quotes, angle brackets and comments).
 */
#include "runtime/tok.h"

#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/limits.h"
#include "lib/xalloc.h"

const char tok_meta[TM_COUNT][3] = {
	"$*", "$+", "$-", "$=", "$~", "$&", "$n", "$#", "$@", "$:", "$>",
	"$[", "$]", "$(", "$)", "$|", "$.",
};

enum { C_ATOM, C_OPER, C_SPACE, C_QUOTE, C_SKIP, C_COPEN, C_CCLOSE };

/* Append one token pointer, growing the array. */
void tokv_push(struct tokv *tv, const char *t)
{
	if (tv->n == tv->cap) {
		tv->cap = tv->cap ? size_mul(tv->cap, 2) : 32;
		tv->v = xreallocarray(tv->v, tv->cap, sizeof *tv->v);
	}
	tv->v[tv->n++] = t;
}

/* Free the array of a token vector. */
void tokv_free(struct tokv *tv)
{
	free(tv->v);
	tv->v = NULL;
	tv->n = tv->cap = 0;
}

/* Classify every byte: blanks, operators, quote, dropped controls. */
void tok_table_init(struct tok_table *t, const char *operators, int comments)
{
	for (int c = 0; c < 256; c++) {
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			t->cls[c] = C_SPACE;
		else if (c < ' ' || c == 0x7f)
			t->cls[c] = C_SKIP;
		else
			t->cls[c] = C_ATOM;
	}
	for (const char *p = operators ? operators : ""; *p; p++)
		t->cls[(unsigned char)*p] = C_OPER;
	for (const char *p = "()<>,;"; *p; p++)
		t->cls[(unsigned char)*p] = C_OPER;
	t->cls['"'] = C_QUOTE;
	if (comments) {
		t->cls['('] = C_COPEN;
		t->cls[')'] = C_CCLOSE;
	}
}

/* The scanner's state between bytes. */
struct scan {
	struct arena *a;
	struct tokv *out;
	char buf[LIMIT_TOKEN_LEN + 2];
	size_t len;
	int open;		/* a token is being built */
	int quoted;		/* inside "..." */
	int fatal;
	const char *start;
	tok_error_fn *err;
	void *ctx;
};

/* Report a problem found at scan time. */
static void scan_error(struct scan *sc, const char *msg)
{
	if (sc->err)
		sc->err(sc->ctx, sc->start, msg);
}

/* Finish the token being built, if any. */
static void scan_end(struct scan *sc)
{
	if (!sc->open || sc->fatal)
		return;
	sc->open = 0;
	if (sc->out->n >= LIMIT_TOKENS) {
		scan_error(sc, "prescan: too many tokens");
		sc->fatal = 1;
		return;
	}
	tokv_push(sc->out, arena_strndup(sc->a, sc->buf, sc->len));
}

/* Add a byte to the current token, starting one if needed. */
static void scan_add(struct scan *sc, char c)
{
	if (sc->fatal)
		return;
	if (!sc->open) {
		sc->open = 1;
		sc->len = 0;
	}
	if (sc->len >= LIMIT_TOKEN_LEN) {
		scan_error(sc, "prescan: token too long");
		sc->fatal = 1;
		return;
	}
	sc->buf[sc->len++] = c;
}

/* Emit a one-character operator token. */
static void scan_oper(struct scan *sc, char c)
{
	scan_end(sc);
	scan_add(sc, c);
	scan_end(sc);
}

/* Close what the input left open, as prescan() does at the end: it feeds
 * itself one closing character at a time, each with its message, through
 * the same state machine. So a pending backslash escapes the first ')',
 * '"' or '>' (one more message; an escaped quote or '>' stays in the
 * token); with nothing open it is dropped. */
static void scan_close(struct scan *sc, int cmnt, int angles, int bslash)
{
	for (; cmnt > 0; cmnt--) {
		scan_error(sc, "Unbalanced '('");
		if (bslash) {	/* this ')' was escaped: still in the comment */
			bslash = 0;
			cmnt++;
		}
	}
	if (sc->quoted) {
		scan_error(sc, "Unbalanced '\"'");
		if (bslash) {
			scan_add(sc, '\\');
			scan_add(sc, '"');
			scan_error(sc, "Unbalanced '\"'");
			bslash = 0;
		}
		scan_add(sc, '"');
		sc->quoted = 0;
	}
	if (angles > 0 && bslash) {	/* an escaped '>' joins the token */
		scan_error(sc, "Unbalanced '<'");
		scan_add(sc, '\\');
		scan_add(sc, '>');
	}
	scan_end(sc);
	for (; angles > 0 && !sc->fatal; angles--) {
		scan_error(sc, "Unbalanced '<'");
		scan_oper(sc, '>');
	}
}

/* Handle the byte after a backslash (c); 1 if fully consumed. */
static int scan_escaped(struct scan *sc, char c)
{
	if (c == '!' && !sc->quoted)
		return 0;	/* "\!" is a plain '!' (sendmail's kludge) */
	scan_add(sc, '\\');
	scan_add(sc, c);
	return 1;
}

/* Scan s into tokens; see tok.h. The byte loop is one state machine
 * (comment, escape, quote, then the byte's class) and stays in one
 * function so its order of tests can be compared with sendmail's. */
int tok_scan(const struct tok_table *t, const char *s, int delim,
	     struct arena *a, struct tokv *out, const char **endp,
	     tok_error_fn *err, void *ctx)
{
	struct scan sc = { .a = a, .out = out, .start = s, .err = err,
			   .ctx = ctx };
	size_t before = out->n;
	int cmnt = 0, angles = 0, bslash = 0, route = 0;
	const char *p = s;

	for (; *p && !sc.fatal; p++) {
		unsigned char c = (unsigned char)*p;
		int k = t->cls[c];

		if (cmnt > 0) {
			if (bslash)
				bslash = 0;
			else if (c == '\\')
				bslash = 1;
			else if (k == C_COPEN)
				cmnt++;
			else if (k == C_CCLOSE)
				cmnt--;
			continue;
		}
		/* "<@a,@b:u@c>" keeps its commas; a backslash does not */
		if (delim && c == (unsigned char)delim && !route && !sc.quoted)
			break;
		if (bslash) {
			bslash = 0;
			if (scan_escaped(&sc, (char)c))
				continue;
		} else if (c == '\\') {
			bslash = 1;
			continue;
		}
		if (sc.quoted) {
			scan_add(&sc, (char)c);
			if (c == '"') {
				sc.quoted = 0;
				scan_end(&sc);
			}
			continue;
		}
		switch (k) {
		case C_QUOTE:
			scan_end(&sc);
			scan_add(&sc, '"');
			sc.quoted = 1;
			break;
		case C_OPER:
			if (c == '>' && angles <= 0) {
				scan_error(&sc, "Unbalanced '>'");
				break;
			}
			angles += c == '<' ? 1 : c == '>' ? -1 : 0;
			if (c == '<')
				route = p[1 + strspn(p + 1, " \t")] == '@';
			else if (c == '>')
				route = 0;
			scan_oper(&sc, (char)c);
			break;
		case C_SPACE:
			scan_end(&sc);
			break;
		case C_COPEN:
			scan_end(&sc);
			cmnt = 1;
			break;
		case C_CCLOSE:
			scan_error(&sc, "Unbalanced ')'");
			break;
		case C_SKIP:
			break;
		default:
			scan_add(&sc, (char)c);
		}
	}
	if (endp)
		*endp = p;
	if (!sc.fatal)
		scan_close(&sc, cmnt, angles, bslash);
	/* like sendmail's prescan(), input without any token is a failure
	 * (reported by nobody: callers skip it or fail quietly) */
	return sc.fatal || out->n == before ? -1 : 0;
}
