/*
 * rules.c - S (ruleset) and R (rewrite rule) lines (op.txt 5.1, 5.3;
 * cf-format.md 2, 4-5).
 *
 * An R line is split at TABs into pattern, replacement and comment; both
 * sides are '$'-translated, macro-expanded with the macros defined so far,
 * and tokenized with the OperatorChars in force, so the IR holds compiled
 * tokens. Named rulesets get numbers 199, 198, ... in order of first
 * mention (definition or call), as sendmail numbers them.
 */
#include <ctype.h>
#include <string.h>

#include "cfgen/parse_private.h"
#include "lib/arena.h"
#include "lib/num.h"

/* Append a new ruleset; returns its index. */
static int rs_new(struct parser *p, int num, const char *name, int defined)
{
	struct cf *cf = p->cf;

	cf->rulesets = parse_grow(p, cf->rulesets, cf->nrulesets, &p->cap_rulesets,
				  sizeof *cf->rulesets);
	cf->rulesets[cf->nrulesets] = (struct ir_ruleset){ num, name, NULL, 0,
							   parse_pos(p, 0), defined };
	p->rs_by_num[num] = (int)cf->nrulesets;
	if (name)
		htab_put(p->names, TAG_RSNAME, name, (int)cf->nrulesets);
	return (int)cf->nrulesets++;
}

/* The index of named ruleset name, given the next free number when new;
 * -1 (reported) when the named range is exhausted. */
static int rs_named(struct parser *p, const char *name, size_t off)
{
	int i = htab_get(p->names, TAG_RSNAME, name);

	if (i >= 0)
		return i;
	while (p->next_named >= LIMIT_RULESET_NUMBERED && p->rs_by_num[p->next_named] >= 0)
		p->next_named--;
	if (p->next_named < LIMIT_RULESET_NUMBERED) {
		parse_report(p, DIAG_ERROR, off, "CF007", "%s: too many named rulesets (%d max)",
			     name, LIMIT_RULESETS - LIMIT_RULESET_NUMBERED);
		return -1;
	}
	return rs_new(p, p->next_named--, name, 0);
}

/* Whether s is a valid ruleset name: a letter, then letters, digits, '_'. */
static int valid_name(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return 0;
	while (*++s)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

/* Bind name to number num ("Sname=num"); returns the index or -1. A name
 * already numbered differently (defined, or called before) cannot move:
 * its calls were compiled with the old number. */
static int rs_bind(struct parser *p, const char *name, int num)
{
	int i = htab_get(p->names, TAG_RSNAME, name), j = p->rs_by_num[num];

	if (i >= 0 && p->cf->rulesets[i].num != num) {
		parse_report(p, DIAG_ERROR, 1, "CF007",
			     "%s=%d: ruleset changed value (old %d, new %d)", name, num,
			     p->cf->rulesets[i].num, num);
		return -1;
	}
	if (i >= 0)
		return i;
	if (j >= 0 && p->cf->rulesets[j].name) {
		parse_report(p, DIAG_ERROR, 1, "CF007",
			     "%s=%d: number %d is already bound to ruleset %s", name, num,
			     num, p->cf->rulesets[j].name);
		return -1;
	}
	if (j < 0)
		return rs_new(p, num, name, 0);
	p->cf->rulesets[j].name = name;	/* "S5" first, then "Sname=5" */
	htab_put(p->names, TAG_RSNAME, name, j);
	return j;
}

/* Split the argument of an S line into *name ("" for a number only) and
 * *num (-1 for a name only); returns 0, or -1 after reporting. */
static int s_args(struct parser *p, const char *text, char **name, long long *num)
{
	struct dollar_ctx cx = parse_ctx(p);
	char *arg = dollar_expand_text(&cx, text + 1, 2, parse_macro_value, p);
	char *eq = strchr(arg, '=');

	*num = -1;
	arg[strcspn(arg, " \t\n")] = '\0';
	if (eq) {
		*eq = '\0';
		if (parse_num(eq + 1, 0, 1000000, num) < 0) {
			parse_report(p, DIAG_ERROR, 1, "CF007",
				     "bad ruleset definition \"%s\" (number required after '=')",
				     text + 1);
			return -1;
		}
	} else if (*arg && strspn(arg, "0123456789") == strlen(arg)) {
		parse_num(arg, 0, 1000000, num);
		*arg = '\0';
	}
	*name = arg;
	if (*num >= LIMIT_RULESET_NUMBERED)
		parse_report(p, DIAG_ERROR, 1, "CF007", "bad ruleset %lld (%d max)", *num,
			     LIMIT_RULESET_NUMBERED);
	else if (*arg == '\0' && *num < 0)
		parse_report(p, DIAG_ERROR, 1, "CF007", "invalid ruleset name: \"\"");
	else if (*arg && !valid_name(arg))
		parse_report(p, DIAG_ERROR, 1, "CF007",
			     "invalid ruleset name \"%s\": a letter, then letters, digits or '_'",
			     arg);
	else
		return 0;
	return -1;
}

/* "S<number>" / "S<name>" / "S<name>=<number>". */
void rules_s_line(struct parser *p, const char *text)
{
	char *arg;
	long long num;
	int i;

	if (s_args(p, text, &arg, &num) < 0) {
		p->cur_rs = RS_SKIP;	/* its R lines are dropped quietly */
		return;
	}
	if (*arg == '\0') {
		i = p->rs_by_num[num] >= 0 ? p->rs_by_num[num] : rs_new(p, (int)num, NULL, 1);
	} else {
		const char *name = arena_strdup(p->a, arg);
		i = num >= 0 ? rs_bind(p, name, (int)num) : rs_named(p, name, 1);
	}
	p->cur_rs = i >= 0 ? i : RS_SKIP;
	if (i >= 0 && !p->cf->rulesets[i].defined) {
		p->cf->rulesets[i].defined = 1;
		p->cf->rulesets[i].pos = parse_pos(p, 0);
	}
}

/* Resolve the $> calls of a compiled side to ruleset numbers. Names are
 * looked up after the last line (sendmail resolves them when the rule
 * runs), so a set may be called before its S line; quotes around the name
 * ($>"Local_localaddr") are kept in the text, as sendmail shows them, and
 * ignored for the lookup, as sendmail does when it calls the set. */
static void resolve_calls(struct parser *p, struct ir_tok *t, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		long long num;
		const char *name = t[k].text;
		size_t len;
		int i;

		if (t[k].kind != IR_CALL || name == NULL)
			continue;
		len = strlen(name);
		if (len >= 2 && name[0] == '"' && name[len - 1] == '"')
			name = arena_strndup(p->a, name + 1, len - 2);
		t[k].num = -1;
		if (parse_num(name, 0, LIMIT_RULESET_NUMBERED - 1, &num) == 0)
			t[k].num = (int)num;
		else if ((i = htab_get(p->names, TAG_RSNAME, name)) >= 0)
			t[k].num = p->cf->rulesets[i].num;
	}
}

void rules_resolve_calls(struct parser *p)
{
	for (size_t i = 0; i < p->cf->nrulesets; i++) {
		struct ir_ruleset *rs = &p->cf->rulesets[i];
		for (size_t k = 0; k < rs->nrules; k++)
			resolve_calls(p, rs->rules[k].rhs, rs->rules[k].nrhs);
	}
}

/* Compile one side of a rule: translate, expand, tokenize. */
static int compile_side(struct parser *p, const char *s, size_t len, size_t off,
			struct ir_tok **toks, size_t *n)
{
	struct dollar_ctx cx = parse_ctx(p);
	int rc;

	dollar_vec_reset(&p->v1);
	dollar_vec_reset(&p->v2);
	rc = dollar_translate(&cx, s, len, parse_pos(p, off).col, &p->v1);
	rc |= dollar_expand(&cx, &p->v1, parse_macro_value, p, &p->v2);
	rc |= dollar_tokenize(&cx, &p->v2, &p->ops, toks, n);
	return rc;
}

/* Warn when a '#' comment cut the pattern or replacement (CF002). */
static void check_cut(struct parser *p, const char *text, size_t rhs_end)
{
	const char *tab = strchr(text, '\t');

	if (p->lr.cut < 0 || (size_t)p->lr.cut != rhs_end)
		return;	/* no cut, or it fell in the comment field (after a TAB) */
	if (p->lr.cut_tab && tab && (size_t)(tab - text) < (size_t)p->lr.cut)
		return;	/* "<TAB># comment" after the replacement */
	struct srcpos pos = { p->file, p->lr.line, p->lr.cut_col };

	diag_report(p->d, DIAG_WARNING, &pos, "CF002",
		    "'#' starts a comment here and silently cuts this rule; write '\\#' "
		    "for a literal '#', or put comments after a TAB");
}

/* "R<lhs><TAB><rhs>[<TAB><comment>]". */
void rules_r_line(struct parser *p, const char *text)
{
	size_t lhs_end = strcspn(text, "\t"), rhs_start, rhs_end;
	struct ir_rule r = { 0 };
	struct ir_ruleset *rs;

	if (text[lhs_end] != '\t') {
		size_t sp = strcspn(text, " ");
		parse_report(p, DIAG_ERROR, text[sp] ? sp : 0, "CF001",
			     "invalid rewrite line (tab expected between pattern and "
			     "replacement%s)", text[sp] ? "; saw spaces here" : "");
		check_cut(p, text, strlen(text));
		parse_reject(p, IR_REJECT_RULE, text, strlen(text), NULL);
		return;
	}
	rhs_start = lhs_end + strspn(text + lhs_end, "\t");
	rhs_end = rhs_start + strcspn(text + rhs_start, "\t");
	check_cut(p, text, rhs_end);
	if (p->cur_rs == RS_SKIP)
		return;	/* the S line was reported; its rules are dropped quietly */
	if (p->cur_rs < 0) {
		parse_report(p, DIAG_ERROR, 0, "CF007", "R line before any valid S line");
		return;
	}
	r.pos = parse_pos(p, 0);
	r.text = arena_strdup(p->a, text);
	if (text[rhs_end])
		r.comment = arena_strdup(p->a, text + rhs_end + strspn(text + rhs_end, "\t"));
	if (compile_side(p, text + 1, lhs_end - 1, 1, &r.lhs, &r.nlhs) < 0 ||
	    compile_side(p, text + rhs_start, rhs_end - rhs_start, rhs_start, &r.rhs,
			 &r.nrhs) < 0)
		return;
	if (p->first_rule.line == 0)
		p->first_rule = r.pos;
	rs = &p->cf->rulesets[p->cur_rs];
	rs->rules = parse_grow(p, rs->rules, rs->nrules, &p->cap_rules[p->cur_rs],
			       sizeof *rs->rules);
	rs->rules[rs->nrules++] = r;
}
