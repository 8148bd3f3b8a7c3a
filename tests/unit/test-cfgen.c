/*
 * test-cfgen.c - unit tests for cfgen's building blocks: the '$' metasyntax
 * (translate, expand, tokenize with the OperatorChars tables), option name
 * lookup and value types, M/Q/X field syntax, logical lines, the hash
 * table. Table-driven; limits at N and N+1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/dollar.h"
#include "cfgen/htab.h"
#include "cfgen/line.h"
#include "cfgen/mailer.h"
#include "cfgen/options.h"
#include "lib/arena.h"
#include "lib/limits.h"
#include "lib/str.h"

/* Render tokens as "kind:text" words joined by spaces. */
static void render(const struct ir_tok *t, size_t n, struct str *out)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			str_appendc(out, ' ');
		if (t[i].kind == IR_WORD)
			str_append(out, t[i].text);
		else if (t[i].kind == IR_POS)
			str_printf(out, "$%d", t[i].num);
		else
			str_printf(out, "%s%s", ir_tok_meta(t[i].kind), t[i].text ? t[i].text : "");
	}
}

/* Macro values for the expansion tests. */
static const char *lookup(void *data, const char *name)
{
	(void)data;
	if (strcmp(name, "A") == 0) return "alpha";
	if (strcmp(name, "B") == 0) return "$A.beta";
	if (strcmp(name, "E") == 0) return "";
	if (strcmp(name, "L") == 0) return "$L";	/* loops */
	if (strcmp(name, "j") == 0) return dollar_runtime;
	if (strcmp(name, "Long") == 0) return "long value";
	return NULL;
}

/* Translate, expand and tokenize text; returns 0/-1, rendering into out. */
static int compile(const char *text, const char *ops, int level, struct str *out)
{
	struct arena *a = arena_new();
	struct dollar_ctx cx = { a, NULL, "t.cf", 1 };
	struct dollar_vec v1 = { NULL, 0, 0 }, v2 = { NULL, 0, 0 };
	struct dollar_ops o;
	struct ir_tok *t = NULL;
	size_t n = 0;
	int rc;

	dollar_ops_init(&o, ops, level);
	rc = dollar_translate(&cx, text, strlen(text), 1, &v1);
	rc |= dollar_expand(&cx, &v1, lookup, NULL, &v2);
	rc |= dollar_tokenize(&cx, &v2, &o, &t, &n);
	str_reset(out);
	render(t, n, out);
	dollar_vec_free(&v1);
	dollar_vec_free(&v2);
	arena_free(&a);
	return rc;
}

static void test_tokenize_table(void **state)
{
	static const struct {
		const char *in, *ops;
		int level;
		const char *want;
	} cases[] = {
		{ "user@example.com", NULL, 10, "user @ example . com" },
		{ "a!b%c@d", ".:%@!^/[]+", 10, "a ! b % c @ d" },
		{ "a!b%c@d", NULL, 10, "a!b%c @ d" },
		{ "\"a b\"@c", NULL, 10, "\"a b\" @ c" },
		{ "<@relay:user@host>", NULL, 10, "< @ relay : user @ host >" },
		{ "axbxc", NULL, 10, "axbxc" },
		{ "a(comment)b", NULL, 10, "a ( comment ) b" },
		{ "a(comment)b", NULL, 8, "a b" },
		{ "a\\.b", NULL, 10, "a\\.b" },
		{ "x,y;z", "", 10, "x , y ; z" },
		{ "$* < @ $+ > $*", NULL, 10, "$* < @ $+ > $*" },
		{ "$#local $@ $2 $: $1", NULL, 10, "$# local $@ $2 $: $1" },
		{ "$=w $~{VirtHost} $&{client_addr}", NULL, 10, "$=w $~VirtHost $&client_addr" },
		{ "$>canonify $1", NULL, 10, "$>canonify $1" },
		{ "$> 3 $1", NULL, 10, "$>3 $1" },
		{ "$>$2 x", NULL, 10, "$> $2 x" },
		{ "$(access $1 $: OK $)", NULL, 10, "$( access $1 $: OK $)" },
		{ "$[ $1 $] $| $.", NULL, 10, "$[ $1 $] $| $." },
		{ "$$x", NULL, 10, "$x" },
		{ "$A $B", NULL, 10, "alpha alpha . beta" },
		{ "<$E>", NULL, 10, "< >" },
		{ "$?A yes $| no $.", NULL, 10, "yes" },
		{ "$?E yes $| no $.", NULL, 10, "no" },
		{ "$?Z yes $.", NULL, 10, "" },
		{ "$?A $?E a $| b $. $| c $.", NULL, 10, "b" },
		{ "${Long}", NULL, 10, "long value" },
		{ "$j", NULL, 10, "$&j" },
		{ "$?j set $.", NULL, 10, "set" },
		{ "a$", NULL, 10, "a$" },	/* sendmail: a plain '$' */
	};
	struct str out = STR_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(compile(cases[i].in, cases[i].ops, cases[i].level, &out), 0);
		if (strcmp(str_cstr(&out), cases[i].want) != 0)
			fail_msg("case %zu '%s': got '%s', want '%s'", i, cases[i].in,
				 str_cstr(&out), cases[i].want);
	}
	str_free(&out);
}

static void test_dollar_errors(void **state)
{
	static const char *const bad[] = {
		"$0", "${}", "${abc", "${a b}", "$?A never closed", "\"open quote",
		"$L", "$> $@", "a(unclosed",
	};
	struct str out = STR_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (compile(bad[i], NULL, bad[i][0] == 'a' ? 8 : 10, &out) != -1)
			fail_msg("'%s' was accepted", bad[i]);
	str_free(&out);
}

static void test_limits_tokens(void **state)
{
	struct str in = STR_INIT, out = STR_INIT;

	(void)state;
	for (int i = 0; i < LIMIT_TOKENS; i++)
		str_append(&in, "a ");
	assert_int_equal(compile(in.s, NULL, 10, &out), 0);
	str_append(&in, "b");
	assert_int_equal(compile(in.s, NULL, 10, &out), -1);
	str_reset(&in);
	for (int i = 0; i < LIMIT_TOKEN_LEN; i++)
		str_appendc(&in, 'x');
	assert_int_equal(compile(in.s, NULL, 10, &out), 0);
	str_appendc(&in, 'x');
	assert_int_equal(compile(in.s, NULL, 10, &out), -1);
	/* nested conditionals: LIMIT_COND_NESTING fine, one more refused */
	for (int depth = LIMIT_COND_NESTING; depth <= LIMIT_COND_NESTING + 1; depth++) {
		str_reset(&in);
		for (int i = 0; i < depth; i++)
			str_append(&in, "$?A ");
		str_append(&in, "x");
		for (int i = 0; i < depth; i++)
			str_append(&in, " $.");
		assert_int_equal(compile(in.s, NULL, 10, &out),
				 depth > LIMIT_COND_NESTING ? -1 : 0);
	}
	assert_string_equal(str_cstr(&out), "");
	str_free(&in);
	str_free(&out);
}

static void test_names(void **state)
{
	struct arena *a = arena_new();
	char name[64];
	const char *got = NULL, *why = NULL;

	(void)state;
	memset(name, 0, sizeof name);
	name[0] = '{';
	memset(name + 1, 'n', LIMIT_MACRO_NAME);
	name[LIMIT_MACRO_NAME + 1] = '}';
	assert_int_equal(dollar_name(a, name, strlen(name), &got, &why),
			 LIMIT_MACRO_NAME + 2);
	assert_int_equal(strlen(got), LIMIT_MACRO_NAME);
	name[LIMIT_MACRO_NAME + 1] = 'n';
	name[LIMIT_MACRO_NAME + 2] = '}';
	assert_int_equal(dollar_name(a, name, strlen(name), &got, &why), 0);
	assert_int_equal(dollar_name(a, "x rest", 6, &got, &why), 1);
	assert_string_equal(got, "x");
	assert_int_equal(dollar_name(a, " ", 1, &got, &why), 0);
	arena_free(&a);
}

static void test_options_lookup(void **state)
{
	const struct option_def *def = NULL, *other = NULL;

	(void)state;
	assert_int_equal(options_lookup("LogLevel", 8, &def, &other), OPT_FOUND);
	assert_string_equal(def->name, "LogLevel");
	assert_int_equal(options_lookup("loglevel", 8, &def, &other), OPT_FOUND);
	assert_int_equal(options_lookup("LogLev", 6, &def, &other), OPT_ABBREV);
	assert_string_equal(def->name, "LogLevel");
	assert_int_equal(options_lookup("Tim", 3, &def, &other), OPT_AMBIGUOUS);
	assert_string_equal(def->name, "Timeout");
	assert_string_equal(other->name, "TimeZoneSpec");
	assert_int_equal(options_lookup("Timeout", 7, &def, &other), OPT_FOUND);
	assert_int_equal(options_lookup("NoSuch", 6, &def, &other), OPT_UNKNOWN);
	assert_int_equal(options_lookup("", 0, &def, &other), OPT_UNKNOWN);
	assert_string_equal(options_by_letter('L')->name, "LogLevel");
	assert_string_equal(options_by_letter('r')->name, "Timeout");
	assert_null(options_by_letter('!'));
	assert_int_equal(options_timeout_known("queuereturn.urgent"), 0);
	assert_int_equal(options_timeout_known("queuereturns"), -1);
	/* every table entry finds itself exactly */
	for (size_t i = 0; i < options_count(); i++) {
		const struct option_def *o = options_at(i);
		assert_int_equal(options_lookup(o->name, strlen(o->name), &def, &other),
				 OPT_FOUND);
		assert_ptr_equal(def, o);
	}
}

static void test_options_values(void **state)
{
	static const struct {
		const char *opt, *value;
		int ok;
		long long ival;
	} cases[] = {
		{ "SevenBitInput", "", 1, 1 }, { "SevenBitInput", "True", 1, 1 },
		{ "SevenBitInput", "false", 1, 0 }, { "SevenBitInput", "no", 1, 0 },
		{ "LogLevel", "9", 1, 9 }, { "LogLevel", "nine", 0, 0 },
		{ "AliasWait", "10m", 1, 600 }, { "AliasWait", "10", 1, 600 },
		{ "AliasWait", "1h30m", 1, 5400 }, { "AliasWait", "5x", 0, 0 },
		{ "TempFileMode", "0600", 1, 0600 }, { "TempFileMode", "0x600", 0, 0 },
		{ "TempFileMode", "0800", 0, 0 }, { "BlankSub", ".", 1, '.' },
		{ "BlankSub", "ab", 0, 0 }, { "DeliveryMode", "background", 1, 'b' },
		{ "DeliveryMode", "z", 0, 0 }, { "PrivacyOptions", "goaway, noexpn", 1, 0 },
		{ "PrivacyOptions", "noexpn,novrfi", 0, 0 },
		{ "DontBlameSendmail", "Safe", 1, 0 },
		{ "DontBlameSendmail", "unsafe", 0, 0 },
		{ "MaxMessageSize", "10485760", 1, 10485760 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct option_def *def = NULL, *other = NULL;
		const char *bad = NULL, *want;
		long long v = -1;
		assert_int_equal(options_lookup(cases[i].opt, strlen(cases[i].opt), &def, &other),
				 OPT_FOUND);
		want = options_check_value(def, cases[i].value, &v, &bad);
		if ((want == NULL) != cases[i].ok)
			fail_msg("%s=%s: %s", cases[i].opt, cases[i].value, want ? want : "ok");
		if (cases[i].ok && def->type != IR_OPT_LIST)
			assert_int_equal(v, cases[i].ival);
	}
}

static void test_munch(void **state)
{
	static const struct {
		const char *in;
		char delim;
		const char *want;
		size_t used;
	} cases[] = {
		{ "plain, rest", ',', "plain", 5 },
		{ "\"a, b\", rest", ',', "a, b", 6 },
		{ "x\\,y, z", ',', "x,y", 4 },
		{ "\\r\\n", ',', "\r\n", 4 },
		{ "quoted \"value\" here", 0, "quoted value here", 19 },
		{ "back\\\\slash", 0, "back\\slash", 11 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct str out = STR_INIT;
		int unclosed;
		size_t used = mailer_munch(cases[i].in, cases[i].delim, &out, &unclosed);
		assert_string_equal(str_cstr(&out), cases[i].want);
		assert_int_equal(used, cases[i].used);
		assert_int_equal(unclosed, 0);
		str_free(&out);
	}
}

static void test_fields(void **state)
{
	struct arena *a = arena_new();
	struct dollar_ctx cx = { a, NULL, "t.cf", 1 };
	const char *name = NULL;
	struct ir_field *f = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(mailer_parse(&cx, "relay, Path=[IPC], Flags=mDFMuX, "
				      "A=TCP $h, E=\\r\\n, T=\"DNS/RFC822/SMTP\"", 1,
				      "mailer", mailer_letters, &name, &f, &n), 0);
	assert_string_equal(name, "relay");
	assert_int_equal(n, 5);
	assert_string_equal(ir_field_get(f, n, 'P'), "[IPC]");
	assert_string_equal(ir_field_get(f, n, 'F'), "mDFMuX");
	assert_string_equal(ir_field_get(f, n, 'A'), "TCP $h");
	assert_string_equal(ir_field_get(f, n, 'E'), "\r\n");
	assert_string_equal(ir_field_get(f, n, 'T'), "DNS/RFC822/SMTP");
	assert_int_equal(mailer_parse(&cx, "x, Z=1", 1, "mailer", mailer_letters, &name,
				      &f, &n), -1);
	assert_int_equal(mailer_parse(&cx, "x, P", 1, "mailer", mailer_letters, &name,
				      &f, &n), -1);
	assert_int_equal(mailer_parse(&cx, ", P=x", 1, "mailer", mailer_letters, &name,
				      &f, &n), -1);
	assert_int_equal(mailer_parse(&cx, "q, P=/q, r=10", 1, "queue group",
				      mailer_qgroup_letters, &name, &f, &n), 0);
	assert_string_equal(ir_field_get(f, n, 'r'), "10");
	arena_free(&a);
}

/* All logical lines of text, joined with '|'. */
static void lines(const char *text, int level, struct str *out)
{
	struct line_reader r;

	line_init(&r, text, strlen(text));
	r.level = level;
	str_reset(out);
	while (line_next(&r)) {
		if (out->len)
			str_appendc(out, '|');
		str_printf(out, "%u:%s", r.line, r.buf.s);
	}
	line_free(&r);
}

static void test_lines(void **state)
{
	static const struct {
		const char *in;
		int level;
		const char *want;
	} cases[] = {
		{ "A\nB\n", 10, "1:A|2:B" },
		{ "A\r\nB\r\n", 10, "1:A|2:B" },
		{ "A\n\tcont\nB", 10, "1:A\n\tcont|3:B" },
		{ "# c\n\tcont\nB\n", 10, "3:B" },
		{ "\n\nA   \n", 10, "3:A" },
		{ "R$*\t$#error $: 550 bad #5 x\n", 10, "1:R$*\t$#error $: 550 bad" },
		{ "R$*\t$: a\\#b\n", 10, "1:R$*\t$: a#b" },
		{ "DXa #b\n", 2, "1:DXa #b" },
		{ "A # c\n\tB\n", 10, "1:A\n\tB" },
	};
	struct str out = STR_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		lines(cases[i].in, cases[i].level, &out);
		if (strcmp(str_cstr(&out), cases[i].want) != 0)
			fail_msg("case %zu: got '%s'", i, str_cstr(&out));
	}
	str_free(&out);
}

static void test_htab(void **state)
{
	struct htab *h = htab_new();
	char keys[1000][16];

	(void)state;
	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		htab_put(h, (unsigned)(i % 3), keys[i], i);
	}
	assert_int_equal(htab_count(h), 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(htab_get(h, (unsigned)(i % 3), keys[i]), i);
	assert_int_equal(htab_get(h, 1, "k0"), -1);
	htab_put(h, 0, keys[0], 7);
	assert_int_equal(htab_get(h, 0, "k0"), 7);
	assert_int_equal(htab_count(h), 1000);
	htab_free(&h);
	assert_null(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenize_table),
		cmocka_unit_test(test_dollar_errors),
		cmocka_unit_test(test_limits_tokens),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_options_lookup),
		cmocka_unit_test(test_options_values),
		cmocka_unit_test(test_munch),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_htab),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
