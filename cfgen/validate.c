/*
 * validate.c - the check catalog and the rule checks (CF003 metasymbol use,
 * CF004 undefined rulesets/maps/mailers, CF005 non-terminating rules,
 * CF017 $#discard/$#error where they do not belong). The declaration checks
 * (mailers, options, headers, queue groups, milters) are in checks.c.
 *
 * Entry point cf_validate() (validate.h). Works on the compiled IR only;
 * the rule walk is linear in the number of tokens, except the CF005
 * matcher, which is bounded by a step budget per rule.
 */
#include "cfgen/validate.h"

#include <string.h>
#include <strings.h>

#include "cfgen/checks.h"
#include "lib/limits.h"

const struct diag_rule cf_check_rules[] = {
	{ "CF000", DIAG_ERROR, "Malformed configuration line" },
	{ "CF001", DIAG_ERROR, "R line without a TAB between pattern and replacement" },
	{ "CF002", DIAG_WARNING, "Unescaped '#' silently cuts a rule" },
	{ "CF003", DIAG_ERROR, "Illegal metasymbol use: $n out of range, wildcard on the "
			       "replacement, unbalanced $( $) or $[ $]" },
	{ "CF004", DIAG_ERROR, "Reference to an undefined ruleset, map or mailer" },
	{ "CF005", DIAG_WARNING, "Rule can match its own output forever" },
	{ "CF006", DIAG_ERROR, "Unknown, ambiguous or abbreviated option, or bad option value" },
	{ "CF007", DIAG_ERROR, "OperatorChars after the first rule, ruleset rebound or "
			       "out of range" },
	{ "CF008", DIAG_WARNING, "Missing, old or invalid V line" },
	{ "CF009", DIAG_ERROR, "Mailer definition problem (A=, [IPC] arguments, flags)" },
	{ "CF010", DIAG_ERROR, "$j is not a fully qualified domain name" },
	{ "CF011", DIAG_ERROR, "Class file or map file missing" },
	{ "CF012", DIAG_ERROR, "Duplicate listener address or name" },
	{ "CF013", DIAG_NOTE, "Privacy hardening missing (noexpn, novrfy, authwarnings)" },
	{ "CF014", DIAG_WARNING, "DontBlameSendmail weakens file safety checks" },
	{ "CF015", DIAG_WARNING, "Header check ruleset declared twice for a header" },
	{ "CF016", DIAG_WARNING, "Queue group declared before a queue option" },
	{ "CF017", DIAG_ERROR, "$#discard in ruleset 0 or $#error in rulesets 1-4" },
	{ "CF018", DIAG_WARNING, "Milter declared but not active, or active but undefined" },
};
const unsigned cf_check_nrules = sizeof cf_check_rules / sizeof *cf_check_rules;

/* Position of token t of rule r. */
static struct srcpos tok_pos(const struct ir_rule *r, const struct ir_tok *t)
{
	struct srcpos p = r->pos;

	p.col = t->col;
	return p;
}

/* Whether a token kind is an LHS wildcard that binds $n. */
static int is_wild(enum ir_tok_kind k)
{
	return k == IR_STAR || k == IR_PLUS || k == IR_ONE || k == IR_CLASS || k == IR_NCLASS;
}

/* "$*" etc. for messages, with $n spelled out. */
static const char *spell(const struct ir_tok *t)
{
	static char buf[8];

	if (t->kind == IR_POS) {
		buf[0] = '$';
		buf[1] = (char)('0' + t->num);
		buf[2] = '\0';
		return buf;
	}
	return ir_tok_meta(t->kind);
}

/* CF003 on the pattern; returns the number of wildcards. */
static int check_lhs(const struct cf *cf, const struct ir_rule *r, struct diag *d)
{
	int nwild = 0;

	for (size_t i = 0; i < r->nlhs; i++) {
		const struct ir_tok *t = &r->lhs[i];
		struct srcpos p = tok_pos(r, t);
		if (is_wild(t->kind) && ++nwild == LIMIT_MATCH + 1)
			diag_report(d, DIAG_ERROR, &p, "CF003",
				    "too many wildcards in pattern (%d max)", LIMIT_MATCH);
		switch (t->kind) {
		case IR_USER: case IR_CALL: case IR_HBEGIN: case IR_HEND:
		case IR_LBEGIN: case IR_LEND: case IR_POS: case IR_DOT:
			diag_report(d, DIAG_ERROR, &p, "CF003",
				    "inappropriate use of %s on the pattern (LHS)", spell(t));
			break;
		case IR_NET:
			if (cf->level && cf->level < 8)
				diag_report(d, DIAG_ERROR, &p, "CF003",
					    "'$#' on the pattern needs configuration level 8");
			break;
		default:
			break;
		}
	}
	return nwild;
}

/* CF003/CF004 for a "$( map ... $)" or "$[ ... $]" opened at rhs[i];
 * returns the index of the closer (or n). */
static size_t check_lookup(const struct cf *cf, const struct ir_rule *r, size_t i,
			   struct diag *d)
{
	const struct ir_tok *open = &r->rhs[i];
	enum ir_tok_kind close = open->kind == IR_LBEGIN ? IR_LEND : IR_HEND;
	struct srcpos p = tok_pos(r, open);
	size_t k;

	if (open->kind == IR_LBEGIN) {
		if (i + 1 >= r->nrhs || r->rhs[i + 1].kind != IR_WORD)
			diag_report(d, DIAG_ERROR, &p, "CF003", "expected a map name after '$('");
		else if (cf_map(cf, r->rhs[i + 1].text) == NULL &&
			 strcmp(r->rhs[i + 1].text, "host") != 0) {
			struct srcpos q = tok_pos(r, &r->rhs[i + 1]);
			diag_report(d, DIAG_ERROR, &q, "CF004",
				    "map '%s' is not declared (no K line)", r->rhs[i + 1].text);
		}
	}
	for (k = i + 1; k < r->nrhs; k++) {
		enum ir_tok_kind kk = r->rhs[k].kind;
		if (kk == close)
			return k;
		if (kk == IR_LBEGIN || kk == IR_HBEGIN) {
			struct srcpos q = tok_pos(r, &r->rhs[k]);
			diag_report(d, DIAG_ERROR, &q, "CF003",
				    "cannot nest map lookups: '%s' inside '%s' opened at column %u",
				    spell(&r->rhs[k]), spell(open), open->col);
			return r->nrhs;	/* the rest of the rule cannot be paired */
		}
	}
	diag_report(d, DIAG_ERROR, &p, "CF003",
		    "missing map closing token: expected '%s' to close '%s' at column %u, "
		    "saw end of rule", ir_tok_meta(close), spell(open), open->col);
	return k;
}

/* CF003/CF004 on the replacement. */
static void check_rhs(const struct cf *cf, const struct ir_rule *r, int nwild,
		      struct diag *d)
{
	unsigned calls = 0;

	for (size_t i = 0; i < r->nrhs; i++) {
		const struct ir_tok *t = &r->rhs[i];
		struct srcpos p = tok_pos(r, t);
		if (is_wild(t->kind))
			diag_report(d, DIAG_ERROR, &p, "CF003",
				    "inappropriate use of %s on the replacement (RHS)", spell(t));
		else if (t->kind == IR_POS && t->num > nwild)
			diag_report(d, DIAG_ERROR, &p, "CF003",
				    "replacement $%d out of bounds: the pattern has %d "
				    "wildcard%s", t->num, nwild, nwild == 1 ? "" : "s");
		else if (t->kind == IR_LBEGIN || t->kind == IR_HBEGIN)
			i = check_lookup(cf, r, i, d);
		else if (t->kind == IR_LEND || t->kind == IR_HEND)
			diag_report(d, DIAG_ERROR, &p, "CF003", "'%s' without an opening '%s'",
				    spell(t), t->kind == IR_LEND ? "$(" : "$[");
		else if (t->kind == IR_CALL && ++calls == LIMIT_SUBR + 1)
			diag_report(d, DIAG_ERROR, &p, "CF003",
				    "too many subroutine calls in one rule (%d max)", LIMIT_SUBR);
		if (t->kind == IR_CALL && t->text) {
			const struct ir_ruleset *rs = t->num >= 0 ? cf_ruleset_by_num(cf, t->num)
								  : NULL;
			if ((rs == NULL || !rs->defined) && t->num >= 0)
				diag_report(d, DIAG_WARNING, &p, "CF004",
					    "call to ruleset %s, which is never defined: the "
					    "call does nothing", t->text);
			else if (rs == NULL || !rs->defined)
				diag_report(d, DIAG_ERROR, &p, "CF004",
					    "call to undefined ruleset %s (sendmail fails the "
					    "rewrite with \"Unknown ruleset\")", t->text);
		}
	}
}

/* CF005 matcher state: the pattern against the symbolic output, where an
 * output element is a literal word or an opaque segment ($n). */
struct sym {
	const struct ir_tok *pat;
	size_t npat;
	const struct ir_tok *out;
	size_t nout;
	unsigned budget;
};

/* Whether pat[i..] can match out[j..]; an opaque segment matches only
 * $* $+ $- (one element), literals match equal words. Bounded by budget. */
static int sym_match(struct sym *s, size_t i, size_t j)
{
	if (s->budget == 0 || --s->budget == 0)
		return 0;
	if (i == s->npat)
		return j == s->nout;
	const struct ir_tok *p = &s->pat[i];
	switch (p->kind) {
	case IR_STAR:
		for (size_t k = j; k <= s->nout; k++)
			if (sym_match(s, i + 1, k))
				return 1;
		return 0;
	case IR_PLUS:
		for (size_t k = j + 1; k <= s->nout; k++)
			if (sym_match(s, i + 1, k))
				return 1;
		return 0;
	case IR_ONE:
		return j < s->nout && sym_match(s, i + 1, j + 1);
	case IR_WORD:
		return j < s->nout && s->out[j].kind == IR_WORD &&
		       strcasecmp(p->text, s->out[j].text) == 0 && sym_match(s, i + 1, j + 1);
	case IR_SEP: case IR_HOST: case IR_NET:
		return j < s->nout && s->out[j].kind == p->kind && sym_match(s, i + 1, j + 1);
	default:
		return 0;	/* classes, $&x: cannot decide, assume it stops */
	}
}

/* CF005: a rule without a $: / $@ / $# prefix whose pattern matches its own
 * output (with every $n an opaque segment) rewrites forever. */
static void check_loop(const struct ir_rule *r, struct diag *d, int rsnum, size_t k)
{
	struct sym s = { r->lhs, r->nlhs, r->rhs, r->nrhs, 100000 };

	if (r->nrhs == 0 || r->rhs[0].kind == IR_USER || r->rhs[0].kind == IR_HOST ||
	    r->rhs[0].kind == IR_NET)
		return;
	for (size_t i = 0; i < r->nrhs; i++) {
		enum ir_tok_kind kind = r->rhs[i].kind;
		if (kind != IR_WORD && kind != IR_POS && kind != IR_SEP)
			return;	/* calls and lookups change the output */
	}
	for (size_t i = 0; i < r->nlhs; i++)
		if (r->lhs[i].kind == IR_DEFER)
			return;
	if (sym_match(&s, 0, 0))
		diag_report(d, DIAG_WARNING, &r->pos, "CF005",
			    "rule can match its own output forever: sendmail gives up after "
			    "%d rounds (\"Infinite loop in ruleset %d, rule %zu\"); start "
			    "the replacement with $: or $@", LIMIT_RULE_LOOP, rsnum, k + 1);
}

/* CF017: what rulesets 0-4 may not return. */
static void check_resolve(const struct ir_ruleset *rs, const struct ir_rule *r,
			  struct diag *d)
{
	for (size_t i = 0; i + 1 < r->nrhs; i++) {
		const struct ir_tok *t = &r->rhs[i], *n = &r->rhs[i + 1];
		struct srcpos p = tok_pos(r, t);
		if (t->kind != IR_NET || n->kind != IR_WORD)
			continue;
		if (rs->num == 0 && strcmp(n->text, "discard") == 0)
			diag_report(d, DIAG_ERROR, &p, "CF017",
				    "$#discard is not valid in ruleset 0: it must resolve "
				    "to a mailer or $#error");
		if (rs->num >= 1 && rs->num <= 4 && strcmp(n->text, "error") == 0)
			diag_report(d, DIAG_ERROR, &p, "CF017",
				    "$#error in ruleset %d: rulesets 1 to 4 rewrite addresses "
				    "and must not resolve", rs->num);
	}
}

unsigned cf_validate(const struct cf *cf, struct diag *d)
{
	unsigned before = diag_count(d, DIAG_ERROR);

	for (size_t i = 0; i < cf->nrulesets; i++) {
		const struct ir_ruleset *rs = &cf->rulesets[i];
		for (size_t k = 0; k < rs->nrules; k++) {
			const struct ir_rule *r = &rs->rules[k];
			check_rhs(cf, r, check_lhs(cf, r, d), d);
			check_loop(r, d, rs->num, k);
			check_resolve(rs, r, d);
		}
	}
	checks_mailer_refs(cf, d);
	checks_mailers(cf, d);
	checks_options(cf, d);
	checks_headers(cf, d);
	checks_queue_milters(cf, d);
	return diag_count(d, DIAG_ERROR) - before;
}
