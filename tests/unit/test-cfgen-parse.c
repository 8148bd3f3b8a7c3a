/*
 * test-cfgen-parse.c - unit tests for the .cf parser and validator as a
 * whole: read-time macro expansion, ruleset numbering and call resolution,
 * classes (C, F with scanf formats, $= inside C), D/H/O/M/K lines, the IR
 * lookups, and every parser/validator limit at N and N+1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfgen/parse.h"
#include "cfgen/validate.h"
#include "lib/limits.h"
#include "lib/str.h"

struct result {
	struct cf *cf;
	unsigned errors, warnings;
	char *text;	/* the diagnostics as printed */
	size_t len;
};

/* Parse and validate text; diagnostics are captured in r->text. */
static void run(const char *text, const char *root, struct result *r)
{
	FILE *out = open_memstream(&r->text, &r->len);
	struct diag *d = diag_new(DIAG_TEXT, out, "test");
	struct cf_parse_opts o = { .root = root, .no_files = root == NULL };

	r->cf = cf_parse_buffer("t.cf", text, strlen(text), d, &o);
	cf_validate(r->cf, d);
	r->errors = diag_count(d, DIAG_ERROR);
	r->warnings = diag_count(d, DIAG_WARNING);
	diag_free(&d);
	fclose(out);
}

static void done(struct result *r)
{
	cf_free(&r->cf);
	free(r->text);
}

/* The tokens of rule k of ruleset num, rendered. */
static const char *rule_rhs(const struct cf *cf, int num, size_t k)
{
	static char buf[512];
	const struct ir_ruleset *rs = cf_ruleset_by_num(cf, num);
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; rs && k < rs->nrules && i < rs->rules[k].nrhs; i++) {
		const struct ir_tok *t = &rs->rules[k].rhs[i];
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s%s", i ? " " : "",
					ir_tok_meta(t->kind), t->text ? t->text : "");
		if (t->kind == IR_POS)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%d", t->num);
	}
	return buf;
}

static void test_read_time_expansion(void **state)
{
	struct result r;

	(void)state;
	run("V10/Berkeley\nDUearly\nS1\nR$*\t$@ $U $&U $j\nDUlate\nDjhost.example.com\n"
	    "S2\nR$*\t$@ $j $?U set $| unset $.\n", NULL, &r);
	assert_int_equal(r.errors, 0);
	assert_string_equal(rule_rhs(r.cf, 1, 0), "$@ early $&U $&j");
	assert_int_equal(cf_ruleset_by_num(r.cf, 1)->rules[0].rhs[3].num, 1);
	assert_int_equal(cf_ruleset_by_num(r.cf, 1)->rules[0].rhs[2].num, 0);
	assert_string_equal(rule_rhs(r.cf, 2, 0), "$@ host . example . com set");
	assert_string_equal(cf_macro(r.cf, "U")->value, "late");
	done(&r);
}

static void test_rulesets(void **state)
{
	struct result r;

	(void)state;
	run("V10\nS1\nR$*\t$@ $>foo $>bar $>5 $>\"baz\" $1\nSbar\nR$*\t$@ bar\n"
	    "Sfoo=5\nR$*\t$@ foo\nSbaz\nR$*\t$@ baz\nSbar\nR$*\t$@ again\n", NULL, &r);
	assert_int_equal(r.errors, 0);
	assert_int_equal(cf_ruleset_by_name(r.cf, "bar")->num, 199);
	assert_int_equal(cf_ruleset_by_name(r.cf, "foo")->num, 5);
	assert_int_equal(cf_ruleset_by_name(r.cf, "baz")->num, 198);
	assert_int_equal(cf_ruleset_by_name(r.cf, "bar")->nrules, 2);
	const struct ir_rule *rule = &cf_ruleset_by_num(r.cf, 1)->rules[0];
	assert_int_equal(rule->rhs[1].num, 5);
	assert_int_equal(rule->rhs[2].num, 199);
	assert_int_equal(rule->rhs[3].num, 5);
	assert_string_equal(rule->rhs[4].text, "\"baz\"");	/* as written */
	assert_int_equal(rule->rhs[4].num, 198);
	done(&r);
}

static void test_operators(void **state)
{
	struct result r;

	(void)state;
	run("V10\nO OperatorChars=.:%@!^/[]+\nS0\nR$+ % $+\t$@ $1 ! $2\n", NULL, &r);
	assert_int_equal(r.errors, 0);
	assert_int_equal(cf_ruleset_by_num(r.cf, 0)->rules[0].nlhs, 3);
	assert_string_equal(r.cf->operators, ".:%@!^/[]+");
	done(&r);
	run("V10\nS0\nR$+ % $+\t$@ $1\nO OperatorChars=.:%@\n", NULL, &r);
	assert_int_equal(r.errors, 1);
	assert_non_null(strstr(r.text, "[CF007]"));
	done(&r);
}

static void test_classes(void **state)
{
	char dir[] = "/tmp/cfgen-test.XXXXXX", path[512];
	struct result r;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/etc", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/etc/names", dir);
	f = fopen(path, "w");
	fputs("# comment\none.example # trailing\ntwo.example three.example\n\nkey:value\n", f);
	fclose(f);
	run("V10\nCSa b\nCw localhost $=S a\nFw/etc/names %[^\\#]\nFk/etc/names %s\n"
	    "Fv/etc/names key:%s\nFx-o /etc/missing\n", dir, &r);
	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 1);	/* the optional missing file */
	const struct ir_class *w = cf_class(r.cf, "w");
	assert_int_equal(w->nmembers, 7);
	assert_string_equal(w->members[1], "a");
	assert_string_equal(w->members[3], "one.example");
	assert_string_equal(w->members[5], "three.example");
	assert_int_equal(cf_class(r.cf, "k")->nmembers, 3);
	assert_string_equal(cf_class(r.cf, "k")->members[2], "key:value");
	assert_int_equal(cf_class(r.cf, "v")->nmembers, 1);
	assert_string_equal(cf_class(r.cf, "v")->members[0], "value");
	assert_int_equal(w->sources[0].nwords, 4);
	done(&r);
	/* Without a format each line gives its first word only, as readcf's
	 * fileclass ("%s"); lines starting with '#' are skipped. */
	run("V10\nFz/etc/names\n", dir, &r);
	assert_int_equal(r.errors, 0);
	const struct ir_class *z = cf_class(r.cf, "z");
	assert_int_equal(z->nmembers, 3);
	assert_string_equal(z->members[0], "one.example");
	assert_string_equal(z->members[1], "two.example");
	assert_string_equal(z->members[2], "key:value");
	done(&r);
	/* A blank before -o still marks the class optional (readcf skips
	 * blanks, then the whole -o word); regression: it was read as a file. */
	run("V10\nF{Partners} -o /etc/missing\nFy -oq /etc/missing\n", dir, &r);
	assert_int_equal(r.errors, 0);
	assert_int_equal(r.warnings, 2);
	assert_int_equal(cf_class(r.cf, "Partners")->sources[0].optional, 1);
	assert_string_equal(cf_class(r.cf, "Partners")->sources[0].arg, "/etc/missing");
	assert_string_equal(cf_class(r.cf, "y")->sources[0].arg, "/etc/missing");
	done(&r);
	run("V10\nFw/etc/nonexistent\n", dir, &r);
	assert_int_equal(r.errors, 1);
	assert_non_null(strstr(r.text, "[CF011]"));
	done(&r);
	unlink(path);
	snprintf(path, sizeof path, "%s/etc", dir);
	rmdir(path);
	rmdir(dir);
}

static void test_lines_of_each_kind(void **state)
{
	struct result r;

	(void)state;
	run("V10/Berkeley\nDQ\"quoted value\" here\nD{Long}x\\ny\nO LogLevel=9\nO LogLevel=12\n"
	    "OL14\nOMZzed\nO Timeout.queuewarn=4h\nH?D?Date: $a\nH?${auth_type}?X-Auth: yes\n"
	    "HFrom: $>+CheckFrom\nSCheckFrom\nR$*\t$@ $1\nPbulk=-60\nETZ\nEPATH=/bin\n"
	    "Kaccess hash -o -T<TMPF> /etc/mail/access\nKdnsbl dns -R A -T<TMP>\n"
	    "Mlocal, P=/bin/mail, F=lsDFM, A=mail -d $u\nMlocal, P=/bin/mail2, F=lsDFM, A=mail2\n"
	    "Troot daemon\n", NULL, &r);
	assert_int_equal(r.errors, 0);
	assert_string_equal(cf_macro(r.cf, "Q")->value, "quoted value here");
	assert_string_equal(cf_macro(r.cf, "Long")->value, "x\ny");
	assert_string_equal(cf_macro(r.cf, "Z")->value, "zed");
	assert_int_equal(cf_option(r.cf, "LogLevel")->ival, 14);
	assert_int_equal(cf_option(r.cf, "timeout.queuewarn")->ival, 4 * 3600);
	assert_int_equal(r.cf->nheaders, 3);
	assert_string_equal(r.cf->headers[0].flags, "D");
	assert_string_equal(r.cf->headers[1].macro, "auth_type");
	assert_string_equal(r.cf->headers[2].ruleset, "CheckFrom");
	assert_int_equal(r.cf->headers[2].keep_comments, 1);
	assert_int_equal(r.cf->priorities[0].value, -60);
	assert_null(r.cf->envs[0].value);
	assert_string_equal(r.cf->envs[1].value, "/bin");
	assert_string_equal(cf_map(r.cf, "access")->file, "/etc/mail/access");
	assert_int_equal(cf_map(r.cf, "access")->optional, 1);
	assert_string_equal(cf_map(r.cf, "dnsbl")->flags[0], "-R A");
	assert_int_equal(r.cf->nmailers, 1);
	assert_string_equal(cf_mailer(r.cf, "local")->path, "/bin/mail2");
	assert_int_equal(r.cf->ntrusted, 2);
	assert_int_equal(cf_class(r.cf, "t")->nmembers, 2);
	done(&r);
}

/* A config with n lines produced by fmt (given the line index). */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *repeat(const char *head, const char *fmt, int n)
{
	struct str s = STR_INIT;

	str_append(&s, head);
	for (int i = 0; i < n; i++) {
		str_printf(&s, fmt, i);
		str_appendc(&s, '\n');
	}
	return str_steal(&s);
}

/* Errors from parsing+validating a generated config. */
static unsigned errors_of(const char *head, const char *fmt, int n)
{
	char *text = repeat(head, fmt, n);
	struct result r;
	unsigned e;

	run(text, NULL, &r);
	e = r.errors;
	done(&r);
	free(text);
	return e;
}

static void test_limits(void **state)
{
	const char *m = "Mm%d, P=/bin/true, F=l, A=true";
	struct result r;
	struct str s = STR_INIT;

	(void)state;
	assert_int_equal(errors_of("V10\n", "Mlocal, P=/bin/mail, A=mail", 1), 0);
	assert_int_equal(errors_of("V10\nMlocal, P=/bin/mail, A=mail\n", m,
				   LIMIT_MAILERS - 1), 0);
	assert_int_equal(errors_of("V10\nMlocal, P=/bin/mail, A=mail\n", m, LIMIT_MAILERS), 1);
	assert_int_equal(errors_of("V10\n", "Pp%d=1", LIMIT_PRIORITIES), 0);
	assert_int_equal(errors_of("V10\n", "Pp%d=1", LIMIT_PRIORITIES + 1), 1);
	assert_int_equal(errors_of("V10\n", "Snamed%d",
				   LIMIT_RULESETS - LIMIT_RULESET_NUMBERED), 0);
	assert_int_equal(errors_of("V10\n", "Snamed%d",
				   LIMIT_RULESETS - LIMIT_RULESET_NUMBERED + 1), 1);
	assert_int_equal(errors_of("V10\n", "S%d", LIMIT_RULESET_NUMBERED), 0);
	assert_int_equal(errors_of("V10\n", "S%d", LIMIT_RULESET_NUMBERED + 1), 1);
	/* wildcards per pattern: 9 fine, 10 not */
	assert_int_equal(errors_of("V10\nS0\n", "R$- $- $- $- $- $- $- $- $-\t$@ $9", 1), 0);
	assert_int_equal(errors_of("V10\nS0\n", "R$- $- $- $- $- $- $- $- $- $-\t$@ $9", 1), 1);
	/* subroutine calls per replacement: 16 fine, 17 not */
	str_append(&s, "V10\nS1\nR$*\t$@ $1\nS0\nR$*\t$:");
	for (int i = 0; i < LIMIT_SUBR; i++)
		str_append(&s, " $>1");
	str_append(&s, " $1\n");
	run(s.s, NULL, &r);
	assert_int_equal(r.errors, 0);
	done(&r);
	str_truncate(&s, s.len - 4);
	str_append(&s, " $>1 $1\n");
	run(s.s, NULL, &r);
	assert_int_equal(r.errors, 1);
	done(&r);
	/* a logical line of LIMIT_CF_LINE bytes is read, one more is refused */
	str_reset(&s);
	str_append(&s, "V10\nDX");
	while (s.len < 4 + LIMIT_CF_LINE)
		str_appendc(&s, 'x');
	str_appendc(&s, '\n');
	run(s.s, NULL, &r);
	assert_int_equal(r.errors, 0);
	done(&r);
	str_truncate(&s, s.len - 1);
	str_append(&s, "x\n");
	run(s.s, NULL, &r);
	assert_int_equal(r.errors, 1);
	done(&r);
	str_free(&s);
	/* macro nesting: depth LIMIT_MACRO_RECURSION - 1 expands, one more fails */
	str_append(&s, "V10\nD{M0}end\n");
	for (int i = 1; i < LIMIT_MACRO_RECURSION; i++)
		str_printf(&s, "D{M%d}${M%d}\n", i, i - 1);
	str_printf(&s, "S0\nR$*\t$@ ${M%d}\n", LIMIT_MACRO_RECURSION - 1);
	run(s.s, NULL, &r);
	assert_int_equal(r.errors, 0);
	assert_string_equal(rule_rhs(r.cf, 0, 0), "$@ end");
	done(&r);
	str_printf(&s, "D{M%d}${M%d}\nS1\nR$*\t$@ ${M%d}\n", LIMIT_MACRO_RECURSION,
		   LIMIT_MACRO_RECURSION - 1, LIMIT_MACRO_RECURSION);
	run(s.s, NULL, &r);
	assert_int_equal(r.errors, 1);
	done(&r);
	str_free(&s);
}

static void test_bad_input_positions(void **state)
{
	struct result r;

	(void)state;
	run("V10\nS0\nR$+ @ $+    $#local $: $1\nR$- @ $-\t$: $3\n", NULL, &r);
	assert_int_equal(r.errors, 2);
	assert_non_null(strstr(r.text, "t.cf:3:4: error: invalid rewrite line"));
	assert_non_null(strstr(r.text, "t.cf:4:13: error: replacement $3 out of bounds"));
	done(&r);
	run("V10\nS0\nR$*\t$@ x\0y\n", NULL, &r);	/* strlen stops at the NUL */
	assert_int_equal(r.errors, 0);
	done(&r);
	FILE *null = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, null, "t");
	assert_null(cf_parse_file("/nonexistent/dir/x.cf", d, NULL));
	assert_int_equal(diag_count(d, DIAG_ERROR), 1);
	diag_free(&d);
	fclose(null);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_time_expansion),
		cmocka_unit_test(test_rulesets),
		cmocka_unit_test(test_operators),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_lines_of_each_kind),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_bad_input_positions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
