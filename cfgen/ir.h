/*
 * ir.h - the in-memory form of a whole sendmail configuration.
 *
 * One struct cf describes a configuration whichever front end produced it
 * (.cf text, .mc through m4, YAML). cf_parse_file() (parse.h) builds it,
 * cf_validate() (validate.h) checks it, the runtime executes it.
 *
 * Ownership: everything hangs off cf->arena and dies with cf_free(). Arrays
 * are (pointer, count) pairs in definition order. Strings are NUL-terminated
 * and never NULL unless documented. Every element keeps its source position.
 *
 * Rules are stored compiled: macros ($x) and conditionals ($?x $| $.) were
 * expanded at read time as sendmail does (op.txt 5.1.1: "R lines are
 * expanded when read"); what remains are literal tokens and the metasymbols
 * below, so the runtime never re-parses rule text.
 */
#ifndef MAILCF_IR_H
#define MAILCF_IR_H

#include <stddef.h>

#include "lib/diag.h"

struct arena;

/* Rule token kinds: literal words and the $-metasymbols of op.txt 5.1.1. */
enum ir_tok_kind {
	IR_WORD,	/* literal token (text); compared case-insensitively */
	IR_STAR,	/* $*  zero or more tokens */
	IR_PLUS,	/* $+  one or more tokens */
	IR_ONE,		/* $-  exactly one token */
	IR_CLASS,	/* $=X one or more tokens forming a member of class name */
	IR_NCLASS,	/* $~X one token not in class name */
	IR_DEFER,	/* $&x macro value at rewrite time (name) */
	IR_POS,		/* $1..$9 (num) */
	IR_NET,		/* $#  mailer / resolve marker */
	IR_HOST,	/* $@  host part, or "return" prefix, or $( $) arg sep */
	IR_USER,	/* $:  user part, or "once" prefix, or $( $) default */
	IR_CALL,	/* $>  ruleset call; text = ruleset as written (quotes
			 * kept: $>"Local_x"), num = its number, resolved after
			 * the whole file with the quotes ignored (-1 if no such
			 * set); text NULL for a computed call ($>$2): the next
			 * token yields the name at rewrite time */
	IR_HBEGIN,	/* $[ */
	IR_HEND,	/* $] */
	IR_LBEGIN,	/* $(  map lookup begin; the next token is the map name */
	IR_LEND,	/* $) */
	IR_SEP,		/* $|  (CONDELSE outside a conditional: a separator) */
	IR_DOT,		/* $.  (CONDFI outside a conditional) */
};

struct ir_tok {
	enum ir_tok_kind kind;
	const char *text;	/* IR_WORD: the token; IR_CLASS/NCLASS/DEFER:
				 * the class or macro name ("w", "VirtHost");
				 * IR_CALL: the ruleset as written; else NULL */
	int num;		/* IR_POS: 1..9; IR_CALL: ruleset number or -1;
				 * IR_DEFER: 1 when the rule wrote $x (not $&x)
				 * for a macro sendmail predefines from the host
				 * or run (j w m k v b {opMode}) and the cf had
				 * not defined it yet: sendmail substitutes the
				 * value at read time, we defer it so the IR
				 * stays host-independent; -bt =S should print
				 * the value. 0 otherwise. */
	unsigned col;		/* column in the source line (1-based) */
};

struct ir_rule {
	struct ir_tok *lhs, *rhs;
	size_t nlhs, nrhs;
	const char *comment;	/* text after the RHS tab, or NULL */
	const char *text;	/* the R line as read (for diagnostics, -bt =S) */
	struct srcpos pos;
};

struct ir_ruleset {
	int num;		/* 0..199 (named sets get 199, 198, ... as in sendmail) */
	const char *name;	/* NULL for a purely numbered set */
	struct ir_rule *rules;
	size_t nrules;
	struct srcpos pos;	/* first S line */
	int defined;		/* an S line exists (a set may only be referenced) */
};

struct ir_macro {
	const char *name;	/* "j", "{client_addr}" stored as "client_addr" */
	const char *value;	/* after D-line processing; $ refs kept as
				 * written, expanded at use */
	struct srcpos pos;
};

/* Where members of a class came from. */
enum ir_class_src { IR_CLASS_LIST, IR_CLASS_FILE, IR_CLASS_PROGRAM, IR_CLASS_MAP };

struct ir_class_source {
	enum ir_class_src kind;
	const char *arg;	/* file path, program, or map spec */
	const char *format;	/* scanf format for files, or NULL */
	int optional;		/* F-o */
	int loaded;		/* the file/program was read */
	struct srcpos pos;
	const char **words;	/* IR_CLASS_LIST: the words this line added,
				 * as written after expansion (for emit) */
	size_t nwords;
};

struct ir_class {
	const char *name;
	const char **members;	/* in first-seen order, duplicates removed */
	size_t nmembers;
	struct ir_class_source *sources;
	size_t nsources;
};

/* Option value types (op.txt 5.6 "O - Set Option"). */
enum ir_opt_type {
	IR_OPT_STRING, IR_OPT_BOOL, IR_OPT_INT, IR_OPT_INTERVAL, IR_OPT_CHAR,
	IR_OPT_MODE, IR_OPT_SIZE, IR_OPT_LIST
};

struct ir_option {
	const char *name;	/* canonical long name, "Timeout.queuereturn" */
	const char *value;	/* raw value as written (after = and blanks) */
	enum ir_opt_type type;
	long long ival;		/* BOOL 0/1, INT, INTERVAL seconds, CHAR, MODE */
	struct srcpos pos;
};

struct ir_map {
	const char *name;
	const char *mclass;	/* "hash", "host", "regex", ... */
	const char **flags;	/* each "-x..." argument as written */
	size_t nflags;
	const char *args;	/* remaining argument text (file, pattern, maps) */
	const char *file;	/* for file-based classes: the file as named, or NULL */
	int optional;		/* -o */
	struct srcpos pos;
};

struct ir_field {
	char letter;		/* first letter of the field name (case-sensitive) */
	const char *value;
};

struct ir_mailer {
	const char *name;
	const char *path;	/* P= */
	const char *flags;	/* F= letters, as written */
	const char *argv;	/* A= */
	struct ir_field *fields;	/* every field, in order */
	size_t nfields;
	struct srcpos pos;
};

struct ir_header {
	const char *name;
	const char *flags;	/* ?flags? letters, or NULL */
	const char *macro;	/* ?${macro}? condition name, or NULL */
	const char *value;	/* template */
	struct srcpos pos;
	const char *ruleset;	/* "HName: $>rs" / "$>+rs": the check ruleset
				 * name, else NULL (value still holds the text) */
	int keep_comments;	/* the $>+ form */
};

struct ir_priority {
	const char *name;
	int value;
	struct srcpos pos;
};

/* Q (queue group) and X (milter) lines: a name and fields. */
struct ir_named_fields {
	const char *name;
	struct ir_field *fields;
	size_t nfields;
	struct srcpos pos;
};

struct ir_env {
	const char *name;
	const char *value;	/* NULL for pass-through "Ename" */
	struct srcpos pos;
};

/* A line sendmail's readcf refuses with a message and skips; the runtime
 * prints each in sendmail's words (cfgen check reports them its own way). */
enum ir_reject_kind {
	IR_REJECT_RULE,		/* R line without a TAB (CF001); a = the line */
	IR_REJECT_OPTION,	/* unknown option name (CF006); a = the name */
	IR_REJECT_MAPCLASS,	/* K line of an unknown class (CF000); a = map,
				 * b = class */
};

struct ir_rejected {
	struct srcpos pos;
	enum ir_reject_kind kind;
	const char *a, *b;	/* see the kinds */
};

struct cf {
	struct arena *arena;
	const char *file;		/* the top-level source */
	int level;			/* V line, 0 if absent */
	const char *vendor;		/* V line vendor or NULL */
	struct srcpos level_pos;
	struct ir_macro *macros;	size_t nmacros;
	struct ir_class *classes;	size_t nclasses;
	struct ir_option *options;	size_t noptions;
	struct ir_map *maps;		size_t nmaps;
	struct ir_mailer *mailers;	size_t nmailers;
	struct ir_header *headers;	size_t nheaders;
	struct ir_priority *priorities;	size_t npriorities;
	struct ir_named_fields *qgroups; size_t nqgroups;
	struct ir_named_fields *milters; size_t nmilters;
	struct ir_env *envs;		size_t nenvs;
	const char **trusted;		size_t ntrusted;	/* T and Ct lines */
	struct ir_ruleset *rulesets;	size_t nrulesets;	/* by definition order */
	const char *operators;		/* OperatorChars in force for rules */
	struct ir_rejected *rejected;	size_t nrejected;
};

/* Lookups over the IR (NULL / -1 when absent). Names compare as sendmail
 * does: macro and class names exactly, mailer and map names exactly,
 * option names case-insensitively. cf_option returns the LAST setting
 * (later O lines override earlier ones; repeatable options such as
 * DaemonPortOptions are all in cf->options). */
const struct ir_macro *cf_macro(const struct cf *cf, const char *name);
const struct ir_class *cf_class(const struct cf *cf, const char *name);
const struct ir_option *cf_option(const struct cf *cf, const char *name);
/* The setting of name after prev (NULL: the first), in file order: for
 * options every setting of which counts, such as AliasFile. */
const struct ir_option *cf_option_next(const struct cf *cf, const char *name,
				       const struct ir_option *prev);
const struct ir_map *cf_map(const struct cf *cf, const char *name);
const struct ir_mailer *cf_mailer(const struct cf *cf, const char *name);
const struct ir_ruleset *cf_ruleset_by_num(const struct cf *cf, int num);
const struct ir_ruleset *cf_ruleset_by_name(const struct cf *cf, const char *name);
/* "word", "star", ... (dump) and "$*", "$+", ... (emit; "" for IR_WORD). */
const char *ir_tok_kind_name(enum ir_tok_kind kind);
const char *ir_tok_meta(enum ir_tok_kind kind);
/* The value of field letter in a mailer/queue group/milter, or NULL. */
const char *ir_field_get(const struct ir_field *fields, size_t n, char letter);
/* Free a configuration; *cfp becomes NULL. */
void cf_free(struct cf **cfp);

#endif
