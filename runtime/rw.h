/*
 * rw.h - the rewriting engine (op.txt 5.1 "R and S -- Rewriting Rules").
 *
 * rw_compile() turns the IR rules of one ruleset into arrays of patterns
 * once, at load; rw_rewrite() runs a ruleset over a token vector exactly
 * as sendmail 8.17's rewrite(): leftmost-minimal matching with
 * backtracking, "$:" (apply once) and "$@" (return) prefixes, rule retry,
 * $n / $&x substitution, "$[ $]" and "$( $)" lookups left to right, then
 * "$>" calls right to left; LIMIT_RULE_LOOP retries of one rule,
 * LIMIT_RULE_RECURSION nested calls, LIMIT_SUBR calls per RHS and
 * LIMIT_TOKENS tokens, each with sendmail's message.
 *
 * Output (when rt->trace is set, as in -bt): "%-16.16s   input:" and
 * "%-16.16s returns:" lines, messages as sendmail prints them in test
 * mode, and the -d21 rule trace.
 */
#ifndef MAILCF_RW_H
#define MAILCF_RW_H

#include <stdio.h>

#include "cfgen/ir.h"
#include "lib/str.h"
#include "runtime/rt.h"
#include "runtime/tok.h"

/* Pattern element kinds (the compiled form of struct ir_tok). */
enum rw_kind {
	RW_WORD, RW_META, RW_STAR, RW_PLUS, RW_ONE, RW_CLASS, RW_NCLASS,
	RW_DEFER, RW_POS, RW_CALL, RW_ZERO
};

struct rw_pat {
	unsigned char kind;	/* enum rw_kind */
	unsigned char num;	/* binding number (LHS) or $n (RHS) */
	short cls;		/* class id for RW_CLASS / RW_NCLASS */
	const char *text;	/* word, meta token, class/macro/set name */
};

struct rw_rule {
	struct rw_pat *lhs, *rhs;
	unsigned nlhs, nrhs;
};

/* Compile the rules of irs into rt->sets[irs->num]. Returns 0, or -1 when
 * a rule cannot be compiled (reported on err as file: line N: msg). */
int rw_compile(struct rt *rt, const struct ir_ruleset *irs, FILE *err);
/* Run ruleset set over ws (replaced by the result, texts in rt->work)
 * at call depth depth (0 at top level); maxatom bounds the workspace.
 * Returns the status: RT_OK, RT_TEMPFAIL (a map was unavailable, the
 * result is still valid), RT_DATAERR or RT_CONFIG. */
int rw_rewrite(struct rt *rt, struct tokv *ws, int set, int depth,
	       size_t maxatom);
/* Print tokens the way sendmail's printav() does: " tok" each. */
void rw_print_tokens(FILE *out, const char *const *v, size_t n);
/* Print one token with sendmail's xputs() escaping. */
void rw_put_token(FILE *out, const char *t);
/* Print a pattern side as sendmail prints rules ("$* < @ $=w >"): a
 * blank before each element (lead, -d21 traces) or after each (=S). */
void rw_print_pats(FILE *out, const struct rw_pat *p, size_t n, int lead);
/* tok_error_fn printing "addr... msg" (address shortened as sendmail's
 * shortenstring()) on ((struct rt *)ctx)->out. */
void rw_tok_error(void *ctx, const char *addr, const char *msg);
/* Join tokens v[0..n) into out as sendmail's cataddr(): the byte sub is
 * put between two adjacent atom tokens. */
void rw_join(const struct rt *rt, const char *const *v, size_t n, char sub,
	     struct str *out);

#endif
