/*
 * tok.h - sendmail's address tokenizer ("prescan", op.txt 5.1.1 / 3.8).
 *
 * A token vector (struct tokv) is an array of NUL-terminated strings.
 * Meta tokens ($# $@ $: $| ...) are the strings of tok_meta[]: they are
 * recognised by address, never by content, so no input byte can forge one.
 * Token text lives in the arena passed to tok_scan(); the vector itself is
 * grown with xrealloc and freed by tokv_free().
 *
 * Scanning rules (checked against sendmail 8.17): blanks separate tokens;
 * OperatorChars plus "()<>,;" are one-character tokens (with a comment
 * table, parentheses delimit comments instead); a quoted string is one
 * token; a backslash keeps itself and the next byte in the token ("\!"
 * outside quotes is a plain "!"); control bytes are dropped; an unbalanced
 * '>' or ')' is dropped, an open '"', '(' or '<' is closed at the end.
 * Limits: LIMIT_TOKEN_LEN bytes per token, LIMIT_TOKENS tokens.
 */
#ifndef MAILCF_TOK_H
#define MAILCF_TOK_H

#include <stddef.h>

struct arena;

/* Meta symbols, in the order of tok_meta[]. */
enum tok_meta {
	TM_STAR, TM_PLUS, TM_ONE, TM_CLASS, TM_NCLASS, TM_DEFER, TM_POS,
	TM_NET, TM_HOST, TM_USER, TM_CALL, TM_HBEGIN, TM_HEND, TM_LBEGIN,
	TM_LEND, TM_SEP, TM_DOT, TM_COUNT
};

/* The printed form of each meta ("$#"); token identity is the address. */
extern const char tok_meta[TM_COUNT][3];

/* 1 if token t is one of the meta tokens. */
static inline int tok_is_meta(const char *t)
{
	const char *first = &tok_meta[0][0];

	return t >= first && t < first + sizeof tok_meta;
}

/* The meta token for kind m. */
static inline const char *tok_m(enum tok_meta m)
{
	return tok_meta[m];
}

/* A growable vector of tokens. */
struct tokv {
	const char **v;
	size_t n, cap;
};
#define TOKV_INIT { NULL, 0, 0 }

/* Append one token (the pointer is stored, not copied). */
void tokv_push(struct tokv *tv, const char *t);
/* Free the array (not the token texts). */
void tokv_free(struct tokv *tv);

/* Character classes of a scanning table. */
struct tok_table {
	unsigned char cls[256];
};

/* Build a table: operators are the OperatorChars; comments = 1 makes '('
 * and ')' comment delimiters (external addresses before config level 9,
 * map results), 0 makes them operator tokens (rules, -bt at level >= 9). */
void tok_table_init(struct tok_table *t, const char *operators, int comments);

/* Called for each problem found while scanning; addr is the whole input
 * from where the scan started, msg the text without SMTP codes. */
typedef void tok_error_fn(void *ctx, const char *addr, const char *msg);

/* Scan s up to NUL or an unquoted delim byte (0 for none), appending
 * tokens to out (texts in arena a). *endp (if not NULL) is set to the
 * delimiter or the NUL. Returns 0, or -1 after a fatal problem (token too
 * long, too many tokens) reported through err (out is then unspecified),
 * or -1 without a report when the input holds no token at all. */
int tok_scan(const struct tok_table *t, const char *s, int delim,
	     struct arena *a, struct tokv *out, const char **endp,
	     tok_error_fn *err, void *ctx);

#endif
