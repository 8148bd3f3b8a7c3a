/*
 * parse_private.h - the parser state shared by parse.c, rules.c, classes.c
 * and decl.c. Not part of the API: callers use parse.h.
 *
 * One struct parser lives for one cf_parse_buffer() call. Names are found
 * through one hash table (htab.h) keyed by (tag, name); arrays of the IR
 * grow by doubling in the configuration's arena (parse_grow).
 */
#ifndef MAILCF_PARSE_PRIVATE_H
#define MAILCF_PARSE_PRIVATE_H

#include <stddef.h>

#include "cfgen/dollar.h"
#include "cfgen/htab.h"
#include "cfgen/ir.h"
#include "cfgen/line.h"
#include "cfgen/parse.h"
#include "lib/limits.h"

/* htab tags; class members use TAG_MEMBER + class index. */
enum { TAG_MACRO, TAG_CLASS, TAG_RSNAME, TAG_MEMBER };

#define RS_SKIP (-2)

struct parser {
	struct cf *cf;
	struct arena *a;
	struct diag *d;
	struct cf_parse_opts opts;
	struct line_reader lr;
	const char *file;
	struct htab *names;
	struct dollar_ops ops;
	struct dollar_vec v1, v2;	/* scratch cell vectors */
	size_t cap_macros, cap_classes, cap_options, cap_maps, cap_mailers,
	       cap_headers, cap_prios, cap_qgroups, cap_milters, cap_envs,
	       cap_trusted, cap_rulesets, cap_rejected;
	size_t *cap_members, *cap_sources;	/* per class (heap) */
	size_t ncap_class;
	size_t cap_rules[LIMIT_RULESETS];
	int rs_by_num[LIMIT_RULESETS];	/* ruleset index by number, -1 */
	int cur_rs;			/* ruleset R lines go to; -1 before
					 * any S line, RS_SKIP after a bad one */
	int next_named;			/* next number for a named set */
	int seen_v;
	struct srcpos first_rule;	/* line 0: no rule yet */
};

/* Make room for one more element in an arena array of n elements. */
void *parse_grow(struct parser *p, void *arr, size_t n, size_t *cap, size_t size);
/* Position of byte off of the current logical line. */
struct srcpos parse_pos(const struct parser *p, size_t off);
/* Record the current line as one readcf refuses (ir.h: ir_rejected). */
void parse_reject(struct parser *p, enum ir_reject_kind kind, const char *a,
		  size_t alen, const char *b);
/* Report at byte off of the current logical line. */
void parse_report(struct parser *p, enum diag_severity sev, size_t off, const char *id,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The dollar context for the current line. */
struct dollar_ctx parse_ctx(const struct parser *p);
/* Lookup callback: the value of a macro defined so far (dollar.h). */
const char *parse_macro_value(void *parser, const char *name);
/* Define (or redefine) macro name = value at position pos. */
void parse_define(struct parser *p, const char *name, const char *value,
		  struct srcpos pos);

/* rules.c: S and R lines; after the last line, rules_resolve_calls()
 * gives every "$>name" the number of the set named so (-1 if none). */
void rules_s_line(struct parser *p, const char *text);
void rules_r_line(struct parser *p, const char *text);
void rules_resolve_calls(struct parser *p);

/* classes.c: C, T and F lines; adding members. */
void classes_c_line(struct parser *p, const char *text);
void classes_t_line(struct parser *p, const char *text);
void classes_f_line(struct parser *p, const char *text);
/* The index of class name, created if absent. */
size_t classes_get(struct parser *p, const char *name);
void classes_add_member(struct parser *p, size_t ci, const char *word, size_t n);
void classes_free(struct parser *p);

/* decl.c: O, K, M, Q, X lines. */
void decl_o_line(struct parser *p, const char *text);
void decl_k_line(struct parser *p, const char *text);
void decl_m_line(struct parser *p, const char *text);
void decl_q_line(struct parser *p, const char *text);
void decl_x_line(struct parser *p, const char *text);

#endif
