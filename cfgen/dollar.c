/*
 * dollar.c - '$' translation, read-time macro expansion and the rule
 * tokenizer (see dollar.h; op.txt 5.1.1-5.1.2, cf-format.md 3-4).
 *
 * Everything is linear in the input except macro expansion, which is
 * bounded by LIMIT_MACRO_RECURSION nested values and LIMIT_CF_LINE cells.
 * Tokens are bounded by LIMIT_TOKEN_LEN bytes and LIMIT_TOKENS per side.
 */
#include "cfgen/dollar.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"

const char dollar_runtime[] = "";

void dollar_error(const struct dollar_ctx *cx, unsigned col, const char *id,
		  const char *fmt, ...)
{
	struct srcpos pos = { cx->file, cx->line, col };
	va_list ap;

	if (cx->diag == NULL)
		return;
	va_start(ap, fmt);
	diag_vreport(cx->diag, DIAG_ERROR, &pos, id, fmt, ap);
	va_end(ap);
}

/* Syntax errors of the '$' metasyntax are CF003. */
#define err(cx, col, ...) dollar_error((cx), (col), "CF003", __VA_ARGS__)

/* Append one cell. */
static void push(struct dollar_vec *v, struct dollar_cell c)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? size_mul(v->cap, 2) : 64;
		v->v = xreallocarray(v->v, v->cap, sizeof *v->v);
	}
	v->v[v->n++] = c;
}

void dollar_vec_reset(struct dollar_vec *v) { v->n = 0; }

void dollar_vec_free(struct dollar_vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

void dollar_ops_init(struct dollar_ops *o, const char *ops, int level)
{
	memset(o, 0, sizeof *o);
	for (const char *p = ops ? ops : ".:@[]"; *p; p++)
		o->op[(unsigned char)*p] = 1;
	for (const char *p = "()<>,;"; *p; p++)
		o->op[(unsigned char)*p] = 1;
	o->paren_comments = level < 9;
}

size_t dollar_name(struct arena *a, const char *s, size_t len, const char **name,
		   const char **why)
{
	size_t i;

	if (len == 0 || isspace((unsigned char)s[0]) || s[0] == '}') {
		*why = "missing macro/class name";
		return 0;
	}
	if (s[0] != '{') {
		*name = arena_strndup(a, s, 1);
		return 1;
	}
	for (i = 1; i < len && s[i] != '}'; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_') {
			*why = "invalid character in {name}";
			return 0;
		}
	if (i == len) {
		*why = "'{' without closing '}'";
		return 0;
	}
	if (i == 1 || i - 1 > LIMIT_MACRO_NAME) {
		*why = i == 1 ? "empty {name}" : "name longer than 25 characters";
		return 0;
	}
	*name = arena_strndup(a, s + 1, i - 1);
	return i + 1;
}

/* The metasymbol spelled by c after '$' (not a name-taking one), or -1. */
static int meta_kind(char c)
{
	static const char spell[] = "*+-#@:>[]()|.";
	static const enum ir_tok_kind kinds[] = {
		IR_STAR, IR_PLUS, IR_ONE, IR_NET, IR_HOST, IR_USER, IR_CALL,
		IR_HBEGIN, IR_HEND, IR_LBEGIN, IR_LEND, IR_SEP, IR_DOT,
	};
	const char *p = c ? strchr(spell, c) : NULL;

	return p ? (int)kinds[p - spell] : -1;
}

/* Translate the '$' sequence at text[i] (text[i] == '$'); returns the bytes
 * consumed or 0 after reporting an error. */
static size_t translate_one(const struct dollar_ctx *cx, const char *t, size_t len,
			    unsigned col, struct dollar_vec *out)
{
	struct dollar_cell c = { DOLLAR_META, 0, 0, 0, col, NULL };
	const char *why = NULL;
	size_t used;
	int k;

	if (len < 2) {	/* sendmail's readcf keeps it as a plain '$' */
		if (cx->diag) {
			struct srcpos pos = { cx->file, cx->line, col };

			diag_report(cx->diag, DIAG_WARNING, &pos, "CF003",
				    "'$' at end of line (kept as a plain '$'; write '$$')");
		}
		c.kind = DOLLAR_CHAR;
		c.c = '$';
		push(out, c);
		return 1;
	}
	if (t[1] == '$') {
		c.kind = DOLLAR_CHAR;
		c.c = '$';
		push(out, c);
		return 2;
	}
	if (t[1] >= '1' && t[1] <= '9') {
		c.tok = IR_POS;
		c.num = (unsigned char)(t[1] - '0');
		push(out, c);
		return 2;
	}
	if ((k = meta_kind(t[1])) >= 0) {
		c.tok = (unsigned char)k;
		push(out, c);
		return 2;
	}
	switch (t[1]) {
	case '=': c.tok = IR_CLASS; break;
	case '~': c.tok = IR_NCLASS; break;
	case '&': c.tok = IR_DEFER; break;
	case '?': c.kind = DOLLAR_COND; break;
	case '0': err(cx, col, "'$0' is not a positional reference (use $1..$9)");
		return 0;
	default: c.kind = DOLLAR_MACRO; break;
	}
	used = c.kind == DOLLAR_MACRO ? 1 : 2;
	used += dollar_name(cx->arena, t + used, len - used, &c.name, &why);
	if (c.name == NULL) {
		err(cx, col, "bad name after '$%c': %s", t[1], why);
		return 0;
	}
	push(out, c);
	return used;
}

int dollar_translate(const struct dollar_ctx *cx, const char *text, size_t len,
		     unsigned col0, struct dollar_vec *out)
{
	unsigned col = col0;
	int rc = 0;

	for (size_t i = 0; i < len;) {
		if (text[i] == '$') {
			size_t used = translate_one(cx, text + i, len - i, col, out);
			if (used == 0) {
				rc = -1;
				used = 2 <= len - i ? 2 : 1;
			}
			i += used;
			col += (unsigned)used;
			continue;
		}
		push(out, (struct dollar_cell){ DOLLAR_CHAR, (unsigned char)text[i], 0, 0,
						col, NULL });
		col = text[i] == '\n' ? 1 : col + 1;
		i++;
	}
	return rc;
}

struct expander {
	const struct dollar_ctx *cx;
	dollar_lookup_fn *lookup;
	void *data;
	struct dollar_vec *out;
	int failed;
};

static void expand_cells(struct expander *e, const struct dollar_cell *v, size_t n,
			 unsigned depth, unsigned refcol);

/* Whether macro name is set to a non-empty value. */
static int is_set(struct expander *e, const char *name)
{
	const char *v = e->lookup(e->data, name);

	return v && (*v || v == dollar_runtime);
}

/* Expand macro name's value (translated afresh) into e->out. */
static void expand_macro(struct expander *e, const char *name, unsigned depth,
			 unsigned col)
{
	const char *val = e->lookup(e->data, name);
	struct dollar_ctx quiet = *e->cx;
	struct dollar_vec tmp = { NULL, 0, 0 };

	if (val == dollar_runtime) {
		push(e->out, (struct dollar_cell){ DOLLAR_META, 0, IR_DEFER, 1, col, name });
		return;
	}
	if (val == NULL || *val == '\0')
		return;
	if (depth >= LIMIT_MACRO_RECURSION) {
		if (!e->failed)
			err(e->cx, col, "macro expansion of $%s%s%s too deep (limit %d)",
			    strlen(name) > 1 ? "{" : "", name, strlen(name) > 1 ? "}" : "",
			    LIMIT_MACRO_RECURSION);
		e->failed = 1;
		return;
	}
	quiet.diag = NULL;
	dollar_translate(&quiet, val, strlen(val), col, &tmp);
	expand_cells(e, tmp.v, tmp.n, depth + 1, col);
	dollar_vec_free(&tmp);
}

/* Conditional state: one entry per open $?. */
struct cond {
	int parent_active, taken, col;
};

/* The expansion loop: conditionals by a bounded stack, macros by recursion. */
static void expand_cells(struct expander *e, const struct dollar_cell *v, size_t n,
			 unsigned depth, unsigned refcol)
{
	struct cond stack[LIMIT_COND_NESTING];
	size_t sp = 0;
	int active = 1;

	for (size_t i = 0; i < n; i++) {
		struct dollar_cell c = v[i];
		if (depth > 0)
			c.col = refcol;
		if (c.kind == DOLLAR_COND) {
			if (sp == sizeof stack / sizeof *stack) {
				err(e->cx, c.col, "conditionals nested too deeply (%d max)",
				    LIMIT_COND_NESTING);
				e->failed = 1;
				return;
			}
			stack[sp++] = (struct cond){ active, active && is_set(e, c.name),
						     (int)c.col };
			active = stack[sp - 1].taken;
		} else if (c.kind == DOLLAR_META && c.tok == IR_SEP && sp > 0) {
			active = stack[sp - 1].parent_active && !stack[sp - 1].taken;
		} else if (c.kind == DOLLAR_META && c.tok == IR_DOT && sp > 0) {
			active = stack[--sp].parent_active;
		} else if (active && c.kind == DOLLAR_MACRO) {
			expand_macro(e, c.name, depth, c.col);
		} else if (active) {
			push(e->out, c);
		}
	}
	if (sp > 0 && depth == 0) {
		err(e->cx, (unsigned)stack[sp - 1].col, "'$?' without closing '$.'");
		e->failed = 1;
	}
}

int dollar_expand(const struct dollar_ctx *cx, const struct dollar_vec *in,
		  dollar_lookup_fn *lookup, void *data, struct dollar_vec *out)
{
	struct expander e = { cx, lookup, data, out, 0 };

	expand_cells(&e, in->v, in->n, 0, 0);
	if (out->n > LIMIT_CF_LINE) {
		err(cx, 1, "line longer than %d bytes after macro expansion", LIMIT_CF_LINE);
		return -1;
	}
	return e.failed ? -1 : 0;
}

struct tokenizer {
	const struct dollar_ctx *cx;
	const struct dollar_ops *ops;
	struct str word;
	unsigned wcol;
	struct ir_tok *v;
	size_t n, cap;
	long pending_call;	/* index of a $> still waiting for its name */
	int failed;
};

/* Append a token, enforcing LIMIT_TOKENS. */
static void tok_push(struct tokenizer *t, struct ir_tok k)
{
	if (t->n == LIMIT_TOKENS) {
		if (!t->failed)
			err(t->cx, k.col, "more than %d tokens in one rule side",
			    LIMIT_TOKENS);
		t->failed = 1;
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? size_mul(t->cap, 2) : 16;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n++] = k;
}

/* End the word being collected (if any): a token, or the name of a $>. */
static void flush(struct tokenizer *t)
{
	const char *text;

	if (t->word.len == 0)
		return;
	if (t->word.len > LIMIT_TOKEN_LEN) {
		err(t->cx, t->wcol, "token longer than %d bytes", LIMIT_TOKEN_LEN);
		t->failed = 1;
	}
	text = arena_strndup(t->cx->arena, t->word.s, t->word.len);
	str_reset(&t->word);
	if (t->pending_call >= 0) {
		t->v[t->pending_call].text = text;
		t->pending_call = -1;
		return;
	}
	tok_push(t, (struct ir_tok){ IR_WORD, text, 0, t->wcol });
}

/* Add byte c at column col to the current word. */
static void add(struct tokenizer *t, char c, unsigned col)
{
	if (t->word.len == 0)
		t->wcol = col;
	str_appendc(&t->word, c);
}

/* One metasymbol cell: ends the word, becomes a token. */
static void meta_cell(struct tokenizer *t, const struct dollar_cell *c)
{
	flush(t);
	if (t->pending_call >= 0 && c->tok != IR_POS && c->tok != IR_DEFER) {
		err(t->cx, t->v[t->pending_call].col, "expected a ruleset name after '$>'");
		t->failed = 1;
	}
	t->pending_call = -1;	/* "$>$2": the call's name is computed */
	tok_push(t, (struct ir_tok){ (enum ir_tok_kind)c->tok, c->name,
				     c->tok == IR_POS || c->tok == IR_DEFER ? c->num : 0,
				     c->col });
	if (c->tok == IR_CALL && t->n > 0) {
		t->v[t->n - 1].num = -1;
		t->pending_call = (long)t->n - 1;
	}
}

/* A quoted string starting at cells[i] ('"'): one token part, up to the
 * closing quote; returns the index after it. */
static size_t quoted(struct tokenizer *t, const struct dollar_vec *in, size_t i)
{
	unsigned col = in->v[i].col;

	add(t, '"', col);
	for (i++; i < in->n; i++) {
		const struct dollar_cell *c = &in->v[i];
		if (c->kind != DOLLAR_CHAR)
			break;
		add(t, (char)c->c, c->col);
		if (c->c == '\\' && i + 1 < in->n && in->v[i + 1].kind == DOLLAR_CHAR)
			add(t, (char)in->v[++i].c, c->col);
		else if (c->c == '"')
			return i + 1;
	}
	err(t->cx, col, "unbalanced '\"': no closing quote before %s",
	    i < in->n ? "a '$' metasymbol" : "end of rule");
	t->failed = 1;
	return i;
}

/* Skip a "( ... )" comment (level < 9); returns the index after it. */
static size_t paren_comment(struct tokenizer *t, const struct dollar_vec *in, size_t i)
{
	unsigned depth = 0, col = in->v[i].col;

	for (; i < in->n; i++) {
		const struct dollar_cell *c = &in->v[i];
		if (c->kind != DOLLAR_CHAR)
			continue;
		if (c->c == '(')
			depth++;
		else if (c->c == ')' && --depth == 0)
			return i + 1;
	}
	err(t->cx, col, "unbalanced '(': comment not closed");
	t->failed = 1;
	return i;
}

int dollar_tokenize(const struct dollar_ctx *cx, const struct dollar_vec *in,
		    const struct dollar_ops *ops, struct ir_tok **toks, size_t *ntoks)
{
	struct tokenizer t = { cx, ops, STR_INIT, 0, NULL, 0, 0, -1, 0 };

	for (size_t i = 0; i < in->n;) {
		const struct dollar_cell *c = &in->v[i];
		unsigned char ch = c->c;

		if (c->kind != DOLLAR_CHAR) {
			meta_cell(&t, c);
			i++;
		} else if (ch == '"') {
			i = quoted(&t, in, i);
		} else if (ch == '(' && ops->paren_comments) {
			flush(&t);
			i = paren_comment(&t, in, i);
		} else if (strchr(" \t\n\r\v\f", ch) && ch) {
			flush(&t);
			i++;
		} else if (ch == '\\') {
			if (i + 1 < in->n && in->v[i + 1].kind == DOLLAR_CHAR) {
				add(&t, '\\', c->col);
				add(&t, (char)in->v[i + 1].c, c->col);
			}
			i += 2;
		} else if (ops->op[ch]) {
			flush(&t);
			add(&t, (char)ch, c->col);
			flush(&t);
			i++;
		} else {
			add(&t, (char)ch, c->col);
			i++;
		}
	}
	flush(&t);
	if (t.pending_call >= 0) {
		err(cx, t.v[t.pending_call].col, "expected a ruleset name after '$>'");
		t.failed = 1;
	}
	str_free(&t.word);
	*ntoks = t.n;
	*toks = t.n ? arena_memdup(cx->arena, t.v, t.n * sizeof *t.v) : NULL;
	free(t.v);
	return t.failed ? -1 : 0;
}

char *dollar_expand_text(const struct dollar_ctx *cx, const char *text, unsigned col0,
			 dollar_lookup_fn *lookup, void *data)
{
	struct dollar_vec in = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct str s = STR_INIT;
	char *res;

	dollar_translate(cx, text, strlen(text), col0, &in);
	dollar_expand(cx, &in, lookup, data, &out);
	for (size_t i = 0; i < out.n; i++) {
		const struct dollar_cell *c = &out.v[i];
		if (c->kind == DOLLAR_CHAR)
			str_appendc(&s, (char)c->c);
		else if (c->tok == IR_POS)
			str_printf(&s, "$%u", c->num);
		else
			str_printf(&s, "%s%s%s%s", ir_tok_meta((enum ir_tok_kind)c->tok),
				   c->name && strlen(c->name) > 1 ? "{" : "",
				   c->name ? c->name : "",
				   c->name && strlen(c->name) > 1 ? "}" : "");
	}
	while (s.len > 0 && strchr(" \t\n", s.s[s.len - 1]))
		s.len--;	/* as if read from text: lines end without blanks */
	res = arena_strndup(cx->arena, str_cstr(&s), s.len);
	str_free(&s);
	dollar_vec_free(&in);
	dollar_vec_free(&out);
	return res;
}
