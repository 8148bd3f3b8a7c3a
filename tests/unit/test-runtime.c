/*
 * test-runtime.c - unit tests for runtime/: tokenizer, classes, macros,
 * the rewriting engine (on IR built by hand and on .cf text through
 * cfgen's parser), -bt commands, queue ids and dates, -d specifications
 * and DontBlameSendmail. Limits are tested at N and N+1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/parse.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/limits.h"
#include "lib/str.h"
#include "runtime/bt.h"
#include "runtime/cls.h"
#include "runtime/debug.h"
#include "runtime/macro.h"
#include "runtime/qid.h"
#include "runtime/rt.h"
#include "runtime/rw.h"
#include "runtime/safefile.h"
#include "runtime/tok.h"

/* Join a token vector with blanks (metas printed as "$x"). */
static char *joined(const struct tokv *tv)
{
	struct str s = STR_INIT;

	for (size_t i = 0; i < tv->n; i++) {
		if (i)
			str_appendc(&s, ' ');
		str_append(&s, tv->v[i]);
	}
	return str_steal(&s);
}

/* Collect scan errors as "msg;" */
static void collect(void *ctx, const char *addr, const char *msg)
{
	(void)addr;
	str_printf(ctx, "%s;", msg);
}

static const struct {
	const char *in, *out, *errors;
	int comments;
} scan_cases[] = {
	{ "user@example.com", "user @ example . com", "", 0 },
	{ "\"a b\"c", "\"a b\" c", "", 0 },
	{ "a\"b c\"d", "a \"b c\" d", "", 0 },
	{ "a(comment)b", "a ( comment ) b", "", 0 },
	{ "a(comment)b", "a b", "", 1 },
	{ "a<b", "a < b >", "Unbalanced '<';", 0 },
	{ "a>b", "ab", "Unbalanced '>';", 0 },
	{ "<\"a", "< \"a\" >", "Unbalanced '\"';Unbalanced '<';", 0 },
	{ "a\\\"b\\ c", "a\\\"b\\ c", "", 0 },
	{ "a\\!b", "a ! b", "", 0 },
	{ "a\\", "a", "", 0 },
	{ "a\x01" "b", "ab", "", 0 },
	{ "<@a,@b:c@d>", "< @ a , @ b : c @ d >", "", 0 },
	{ "x,y", "x", "", 0 },
};

/* The tokenizer against sendmail's observed prescan() results. */
static void test_scan_table(void **state)
{
	struct tok_table t;
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < sizeof scan_cases / sizeof scan_cases[0]; i++) {
		struct tokv tv = TOKV_INIT;
		struct str err = STR_INIT;
		char *got;

		tok_table_init(&t, ".:%@!^/[]+", scan_cases[i].comments);
		assert_int_equal(tok_scan(&t, scan_cases[i].in, ',', a, &tv, NULL,
					  collect, &err), 0);
		got = joined(&tv);
		assert_string_equal(got, scan_cases[i].out);
		assert_string_equal(str_cstr(&err), scan_cases[i].errors);
		free(got);
		str_free(&err);
		tokv_free(&tv);
	}
	arena_free(&a);
}

/* Token length LIMIT_TOKEN_LEN passes, one more fails; same for count. */
static void test_scan_limits(void **state)
{
	struct tok_table t;
	struct arena *a = arena_new();
	struct tokv tv = TOKV_INIT;
	struct str s = STR_INIT, err = STR_INIT;

	(void)state;
	tok_table_init(&t, ".", 0);
	for (int i = 0; i < LIMIT_TOKEN_LEN; i++)
		str_appendc(&s, 'y');
	assert_int_equal(tok_scan(&t, s.s, 0, a, &tv, NULL, collect, &err), 0);
	str_appendc(&s, 'y');
	tv.n = 0;
	assert_int_equal(tok_scan(&t, s.s, 0, a, &tv, NULL, collect, &err), -1);
	assert_string_equal(err.s, "prescan: token too long;");
	str_reset(&s);
	str_reset(&err);
	for (int i = 0; i < LIMIT_TOKENS; i++)
		str_append(&s, "a ");
	tv.n = 0;
	assert_int_equal(tok_scan(&t, s.s, 0, a, &tv, NULL, collect, &err), 0);
	assert_int_equal(tv.n, LIMIT_TOKENS);
	str_append(&s, "a");
	tv.n = 0;
	assert_int_equal(tok_scan(&t, s.s, 0, a, &tv, NULL, collect, &err), -1);
	assert_string_equal(err.s, "prescan: too many tokens;");
	tv.n = 0;	/* nothing but blanks: a quiet failure */
	str_reset(&err);
	assert_int_equal(tok_scan(&t, "  ", 0, a, &tv, NULL, collect, &err), -1);
	assert_string_equal(str_cstr(&err), "");
	str_free(&s);
	str_free(&err);
	tokv_free(&tv);
	arena_free(&a);
}

/* Print a word into the string (cls_each callback). */
static void add_word(void *ctx, const char *w)
{
	str_printf(ctx, "%s ", w);
}

/* Classes: case-insensitive members, sendmail's listing order. */
static void test_classes(void **state)
{
	struct cls *c = cls_new();
	int x = cls_id(c, "X", 1), w = cls_id(c, "w", 1);
	struct str s = STR_INIT;

	(void)state;
	cls_add(c, x, "a");
	cls_add(c, x, "b");
	cls_add(c, x, "c");
	cls_add(c, w, "Example.COM");
	assert_true(cls_has(c, w, "example.com", 11));
	assert_false(cls_has(c, x, "example.com", 11));
	assert_int_equal(cls_id(c, "nosuch", 0), -1);
	cls_each(c, x, add_word, &s);
	assert_string_equal(s.s, "b c a ");	/* stab buckets 96, 97, 99 */
	for (int i = 2; i < LIMIT_CLASSES; i++) {
		char name[16];

		snprintf(name, sizeof name, "C%d", i);
		assert_true(cls_id(c, name, 1) >= 0);
	}
	assert_int_equal(cls_id(c, "onetoomany", 1), -1);
	str_free(&s);
	cls_free(&c);
}

/* Macros: references, conditionals, the recursion bound. */
static void test_macros(void **state)
{
	struct macro *m = macro_new();
	struct str s = STR_INIT;

	(void)state;
	macro_set(m, "w", "x");
	macro_set(m, "m", "example.com");
	macro_set(m, "j", "$w.$m");
	macro_set(m, "loop", "${loop}");
	assert_int_equal(macro_expand(m, "<$j> $?w yes $| no $. $?q a $| b $. $$", &s), 0);
	assert_string_equal(s.s, "<x.example.com>  yes   b  $");
	str_reset(&s);
	assert_int_equal(macro_expand(m, "${loop}", &s), -1);
	macro_set(m, "w", NULL);
	assert_null(macro_get(m, "w"));
	str_free(&s);
	macro_free(&m);
}

/* A configuration from .cf text, with -bt output going to *buf. */
static struct rt *load(const char *text, struct cf **cfp, char **buf,
		       size_t *len)
{
	FILE *quiet = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, quiet, "test");
	FILE *out = open_memstream(buf, len);
	struct rt *rt;

	*cfp = cf_parse_buffer("t.cf", text, strlen(text), d, NULL);
	assert_non_null(*cfp);
	rt = rt_new(*cfp, 't', out, out);
	assert_non_null(rt);
	rt->trace = 1;
	diag_free(&d);
	fclose(quiet);
	return rt;
}

/* Run one -bt line, returning its output (caller frees). */
static char *bt(struct rt *rt, char **buf, size_t *len, const char *line)
{
	char *l = strdup(line);

	(void)len;
	fflush(rt->out);
	fseek(rt->out, 0, SEEK_SET);
	**buf = '\0';
	bt_line(rt, l);
	fputc('\0', rt->out);
	fflush(rt->out);
	free(l);
	return strdup(*buf);
}

static const char base_cf[] =
	"V10/Berkeley\n"
	"O OperatorChars=.:%@!^/[]+\n"
	"O BlankSub=.\n"
	"Mlocal, P=/bin/true, F=lsDFM, A=true\n"
	"CLalpha.beta\n"
	"Sfirst\n"
	"R$- : $+\t$@ first=$1 rest=$2\n"
	"Sclass\n"
	"R$=L\t$@ member\n"
	"R$~L $*\t$@ notmember $1\n"
	"Sloop\n"
	"R$*\t$1\n"
	"Srec\n"
	"R$*\t$@ $>rec x $1\n"
	"Scalls\n"
	"R$*\t$@ $>wrap $>inner $1\n"
	"Swrap\n"
	"R$*\t$@ [ $1 ]\n"
	"Sinner\n"
	"R$*\t$@ ( $1 )\n"
	"Sonce\n"
	"R$*\t$: $1 x\n"
	"R$* x x\t$@ twice\n"
	"Sarith\n"
	"R$*\t$@ $(arith + $@ 3 $@ 4 $)\n"
	"Sdefault\n"
	"R$*\t$@ $(dequote $1 $: none $)\n"
	"Sdefer\n"
	"R$&X\t$@ matched\n"
	"R$*\t$@ $&X\n"
	"Karith arith\n"
	"Kdequote dequote\n";

static const struct {
	const char *cmd, *want;
} bt_cases[] = {
	{ "first a:b:c", "first              input: a : b : c\n"
	  "first            returns: first= a rest= b : c\n" },
	{ "class alpha.beta", "class              input: alpha . beta\n"
	  "class            returns: member\n" },
	{ "class gamma delta", "class              input: gamma delta\n"
	  "class            returns: notmember gamma\n" },
	{ "loop a", "loop               input: a\n"
	  "Infinite loop in ruleset loop, rule 1\nloop             returns: a\n" },
	{ "calls a", "calls              input: a\ninner              input: a\n"
	  "inner            returns: ( a )\nwrap               input: ( a )\n"
	  "wrap             returns: [ ( a ) ]\ncalls            returns: [ ( a ) ]\n" },
	{ "once a", "once               input: a\nonce             returns: a x\n" },
	{ "arith a", "arith              input: a\narith            returns: 7\n" },
	{ "default a b", "default            input: a b\n"
	  "default          returns: none\n" },
	{ "nosuch a", "Undefined ruleset nosuch\n" },
	{ "200 a", "bad ruleset 200 (100 max)\nUndefined ruleset 200\n" },
	{ "first", "No address!\n" },
	{ "$=L", "alpha.beta\n" },
	{ "$X", "Undefined\n" },
	{ "=Sfirst", "R$- : $+ \t\t$@ first= $1 rest= $2 \n" },
	{ "/map arith + 1", "map_lookup: arith (+ 1) no match (78)\n" },
	{ "/map nosuch x", "Map named \"nosuch\" not found\n" },
	{ "/bogus", "Unknown \"/\" command /bogus\n" },
	/* macro and class names, as sendmail's macid() reads them */
	{ "${abc", "Unbalanced { on abc\nUnable to assign macro/class ID (mid = 0xffffffff)\n" },
	{ "${}", "Name required for macro/class\n" },
	{ "$=", "Name required for macro/class\n" },
	{ "${a b}", "Invalid macro/class character  \nUndefined\n" },
	{ "${abcdefghijklmnopqrstuvwxy}", "Undefined\n" },	/* 25: the limit */
	{ "${abcdefghijklmnopqrstuvwxyz}", "Macro/class name ({abcdefghijklmnopqrstuvwxy}) "
	  "too long (25 chars max)\nUnable to assign macro/class ID (mid = 0xffffffff)\n" },
	{ "$#x", "$#\n" },
	{ "${1}", "$1\n" },
	{ ".C", "" },
	{ ".D", "Name required for macro/class\n" },
	{ "$ ", "Undefined\n" },
	{ "${quarantine}", "\n" },
	{ "${addr_type}", "e r\n" },
	{ "$=s", "rfc822\n" },
};

/* -bt commands against transcripts of the real sendmail 8.17. */
static void test_bt_commands(void **state)
{
	struct cf *cf;
	char *buf = NULL;
	size_t len = 0;
	struct rt *rt = load(base_cf, &cf, &buf, &len);

	(void)state;
	for (size_t i = 0; i < sizeof bt_cases / sizeof bt_cases[0]; i++) {
		char *got = bt(rt, &buf, &len, bt_cases[i].cmd);

		assert_string_equal(got, bt_cases[i].want);
		free(got);
	}
	free(bt(rt, &buf, &len, ".DX a b"));	/* all checked with sendmail */
	{
		char *got = bt(rt, &buf, &len, "defer a b");

		/* ".DX a b" keeps the blank: " a b" spells no token prefix */
		assert_string_equal(got, "defer              input: a b\n"
				    "defer            returns: a b\n");
		free(got);
		got = bt(rt, &buf, &len, "defer c");
		assert_string_equal(got, "defer              input: c\n"
				    "defer            returns: a b\n");
		free(got);
	}
	fclose(rt->out);
	rt_free(&rt);
	cf_free(&cf);
	free(buf);
}

/* Queue ids and $b: UTC fields in base 60, envelope number modulo 3600,
 * pid in six digits at least; $b in local time, GMT at offset zero. */
static void test_qid(void **state)
{
	static const struct {
		time_t t;
		long pid;
		unsigned env;
		const char *id;
	} ids[] = {
		{ 946684800, 18011, 0, "e0100000018011" },	/* 2000-01-01 */
		{ 946684800, 1075, 3599, "e01000xx001075" },
		{ 946684800, 1075, 3600, "e0100000001075" },
		{ 946684861, 1234567, 61, "e01011111234567" },
	};
	static const struct {
		const char *tz, *date;
	} dates[] = {
		{ "UTC0", "Sat, 1 Jan 2000 00:00:00 GMT" },
		{ "XYZ0", "Sat, 1 Jan 2000 00:00:00 GMT" },
		{ "EST5", "Fri, 31 Dec 1999 19:00:00 -0500" },
		{ "IST-5:30", "Sat, 1 Jan 2000 05:30:00 +0530" },
		{ "NPT-5:45", "Sat, 1 Jan 2000 05:45:00 +0545" },
	};
	char buf[QID_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		qid_make(ids[i].t, ids[i].pid, ids[i].env, buf, sizeof buf);
		assert_string_equal(buf, ids[i].id);
	}
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		setenv("TZ", dates[i].tz, 1);
		tzset();
		qid_date(946684800, buf, sizeof buf);
		assert_string_equal(buf, dates[i].date);
	}
	unsetenv("TZ");
	tzset();
}

/* -d specifications: ranges, levels, junk ignored, levels capped. */
static void test_debug_spec(void **state)
{
	static const struct {
		const char *spec;
		int cat, want;
	} cases[] = {
		{ "21.12", 21, 12 }, { "21.12", 20, 0 }, { "0-2.3", 2, 3 },
		{ "0-2.3", 3, 0 }, { "", 99, 1 }, { "abc", 0, 0 }, { "2.x", 2, 0 },
		{ "x,5", 5, 1 }, { "150", 99, 0 }, { "60.5,0", 0, 1 },
		{ "7.300", 7, 255 }, { "99", 99, 1 }, { "0-foo", 0, 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned char levels[DEBUG_CATEGORIES] = { 0 };

		if (strcmp(cases[i].spec, "2.x") == 0)
			levels[2] = 9;	/* a level that is not a number is 0 */
		debug_set(levels, cases[i].spec);
		assert_int_equal(levels[cases[i].cat], cases[i].want);
	}
}

/* DontBlameSendmail: settings add up, Safe clears, by line. */
static void test_dont_blame(void **state)
{
	static const char text[] =
		"V10/Berkeley\n"
		"O DontBlameSendmail=ClassFileInUnsafeDirPath\n"
		"O DontBlameSendmail=trueststickybit, TrustStickyBit\n"
		"O DontBlameSendmail=Safe,GroupWritableDirPathSafe\n";
	static const char *const set[] = { "DontBlameSendmail=LinkedClassFileInWritableDir" };
	FILE *quiet = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, quiet, "test");
	struct cf *cf = cf_parse_buffer("t.cf", text, strlen(text), d, NULL);

	(void)state;
	assert_non_null(cf);
	assert_int_equal(safefile_dbs(cf, 2, NULL, 0), 0);
	assert_int_equal(safefile_dbs(cf, 3, NULL, 0), SAFEFILE_CLASS_UNSAFE_DIR);
	assert_int_equal(safefile_dbs(cf, 4, NULL, 0),
			 SAFEFILE_CLASS_UNSAFE_DIR | SAFEFILE_TRUST_STICKY);
	assert_int_equal(safefile_dbs(cf, 5, NULL, 0), SAFEFILE_GROUP_DIR_SAFE);
	assert_int_equal(safefile_dbs(cf, 3, set, 1),
			 SAFEFILE_LINKED_CLASS | SAFEFILE_CLASS_UNSAFE_DIR);
	cf_free(&cf);
	diag_free(&d);
	fclose(quiet);
}

/* Recursion: LIMIT_RULE_RECURSION nested calls, then the error. */
static void test_recursion_limit(void **state)
{
	struct cf *cf;
	char *buf = NULL, *got;
	size_t len = 0;
	struct rt *rt = load(base_cf, &cf, &buf, &len);
	const char *p;
	int inputs = 0;

	(void)state;
	got = bt(rt, &buf, &len, "rec a");
	for (p = got; (p = strstr(p, "input:")); p++)
		inputs++;
	assert_int_equal(inputs, LIMIT_RULE_RECURSION + 2);
	assert_non_null(strstr(got, "rewrite: excessive recursion (max 50), ruleset rec\n"));
	free(got);
	fclose(rt->out);
	rt_free(&rt);
	cf_free(&cf);
	free(buf);
}

/* The engine on IR built by hand (no parser): R$+ @ $+  $: $2 ! $1. */
static void test_engine_hand_ir(void **state)
{
	struct ir_tok lhs[] = {
		{ IR_PLUS, NULL, 0, 1 }, { IR_WORD, "@", 0, 3 }, { IR_PLUS, NULL, 0, 5 },
	};
	struct ir_tok rhs[] = {
		{ IR_USER, NULL, 0, 1 }, { IR_POS, NULL, 2, 4 },
		{ IR_WORD, "!", 0, 7 }, { IR_POS, NULL, 1, 9 },
	};
	struct ir_rule rule = { lhs, rhs, 3, 4, NULL, "R$+@$+\t$:$2!$1", { "t", 1, 1 } };
	struct ir_ruleset set = { 5, NULL, &rule, 1, { "t", 1, 1 }, 1 };
	struct cf cf = { .file = "t", .level = 10, .rulesets = &set, .nrulesets = 1,
			 .operators = ".:@!" };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct rt *rt = rt_new(&cf, 't', out, NULL);
	struct tokv ws = TOKV_INIT;
	char *got;

	(void)state;
	assert_non_null(rt);
	tokv_push(&ws, "user");
	tokv_push(&ws, "@");
	tokv_push(&ws, "host");
	tokv_push(&ws, "@");
	tokv_push(&ws, "relay");
	assert_int_equal(rw_rewrite(rt, &ws, 5, 0, LIMIT_TOKENS), RT_OK);
	got = joined(&ws);
	assert_string_equal(got, "host @ relay ! user");	/* minimal $1 */
	free(got);
	tokv_free(&ws);
	rt_free(&rt);
	fclose(out);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan_table),
		cmocka_unit_test(test_scan_limits),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_macros),
		cmocka_unit_test(test_bt_commands),
		cmocka_unit_test(test_recursion_limit),
		cmocka_unit_test(test_engine_hand_ir),
		cmocka_unit_test(test_qid),
		cmocka_unit_test(test_debug_spec),
		cmocka_unit_test(test_dont_blame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
