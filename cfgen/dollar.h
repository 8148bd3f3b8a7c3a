/*
 * dollar.h - the '$' metasyntax of .cf lines (op.txt 5.1; cf-format.md 3-4).
 *
 * Three steps, as sendmail does them when it reads an R line:
 *   dollar_translate()  text -> cells: bytes and metasymbols ($x, ${name},
 *                       $&x, $=X, $~X, $?x, $*, $+, $-, $1..$9, $#, $@, $:,
 *                       $>, $|, $., $[, $], $(, $), and $$ = a literal '$');
 *   dollar_expand()     macros and $?x $| $. conditionals replaced by the
 *                       values of macros defined so far ($&x stays deferred);
 *   dollar_tokenize()   cells -> struct ir_tok with the OperatorChars table.
 * Errors are reported through diag (when not NULL) at the cell's column;
 * functions return 0 or -1. Names live in the given arena; the cell vectors
 * are heap arrays owned by the caller (dollar_vec_free).
 */
#ifndef MAILCF_DOLLAR_H
#define MAILCF_DOLLAR_H

#include <stddef.h>

#include "cfgen/ir.h"
#include "lib/diag.h"

struct arena;

enum dollar_cell_kind {
	DOLLAR_CHAR,	/* a literal byte (c) */
	DOLLAR_MACRO,	/* $x / ${name}: expand */
	DOLLAR_COND,	/* $?x */
	DOLLAR_META,	/* any other metasymbol: tok (enum ir_tok_kind) */
};

struct dollar_cell {
	unsigned char kind;	/* enum dollar_cell_kind */
	unsigned char c;	/* DOLLAR_CHAR */
	unsigned char tok;	/* DOLLAR_META: enum ir_tok_kind */
	unsigned char num;	/* IR_POS: 1..9 */
	unsigned col;		/* source column, 1-based */
	const char *name;	/* macro/class name for MACRO, COND, CLASS,
				 * NCLASS, DEFER; else NULL */
};

extern const char dollar_runtime[];

struct dollar_vec {
	struct dollar_cell *v;
	size_t n, cap;
};

/* The operator characters of the rule tokenizer. */
struct dollar_ops {
	unsigned char op[256];	/* 1 = one-character token */
	int paren_comments;	/* level < 9: "( ... )" is a comment */
};

/* Where errors are reported: file and line, columns come from cells. */
struct dollar_ctx {
	struct arena *arena;
	struct diag *diag;	/* NULL: report nothing */
	const char *file;
	unsigned line;
};

/* Returns the raw value of macro name, or NULL if undefined, or
 * dollar_runtime for a macro sendmail predefines from the host (then $x
 * becomes a deferred $&x with num 1, and $?x counts as set). */
typedef const char *dollar_lookup_fn(void *data, const char *name);

/* Report an error with check id at column col of the context's line
 * (nothing when cx->diag is NULL). */
void dollar_error(const struct dollar_ctx *cx, unsigned col, const char *id,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Build the table: OperatorChars ops (NULL = default ".:@[]") plus the
 * always-special "()<>,;"; level >= 9 makes parentheses operators. */
void dollar_ops_init(struct dollar_ops *o, const char *ops, int level);
/* Parse a macro/class name at s ("x" or "{name}"); stores the name in the
 * arena and returns the bytes consumed, or 0 (with *why set) if invalid. */
size_t dollar_name(struct arena *a, const char *s, size_t len, const char **name,
		   const char **why);
/* Append the cells of len bytes of text starting at column col0. */
int dollar_translate(const struct dollar_ctx *cx, const char *text, size_t len,
		     unsigned col0, struct dollar_vec *out);
/* Append in's cells to out with macros and conditionals expanded. */
int dollar_expand(const struct dollar_ctx *cx, const struct dollar_vec *in,
		  dollar_lookup_fn *lookup, void *data, struct dollar_vec *out);
/* Tokenize cells into an arena array of tokens. */
int dollar_tokenize(const struct dollar_ctx *cx, const struct dollar_vec *in,
		    const struct dollar_ops *ops, struct ir_tok **toks, size_t *ntoks);
/* Expand a macro-bearing string to plain text (K, C, F, S lines):
 * metasymbols other than macros are kept in their "$x" spelling, trailing
 * blanks are dropped (a line read from text has none). Arena result. */
char *dollar_expand_text(const struct dollar_ctx *cx, const char *text, unsigned col0,
			 dollar_lookup_fn *lookup, void *data);
/* Empty / free a cell vector. */
void dollar_vec_reset(struct dollar_vec *v);
void dollar_vec_free(struct dollar_vec *v);

#endif
