/*
 * test-lib.c - unit tests for lib/: str, arena, num, diag, atomicfile.
 * Table-driven where there is a table; limits tested at N and N+1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/arena.h"
#include "lib/atomicfile.h"
#include "lib/diag.h"
#include "lib/limits.h"
#include "lib/num.h"
#include "lib/str.h"
#include "lib/xalloc.h"

static void test_str_grow(void **state)
{
	struct str s = STR_INIT;
	int i;

	(void)state;
	assert_string_equal(str_cstr(&s), "");
	for (i = 0; i < 1000; i++)
		str_appendc(&s, (char)('a' + i % 26));
	assert_int_equal(s.len, 1000);
	assert_int_equal(s.s[1000], '\0');
	str_printf(&s, "%d-%s", 42, "x");
	assert_string_equal(s.s + 1000, "42-x");
	str_truncate(&s, 3);
	assert_string_equal(str_cstr(&s), "abc");
	str_free(&s);
	assert_null(s.s);
}

static void test_str_json(void **state)
{
	struct str s = STR_INIT;

	(void)state;
	str_append_json(&s, "a\"b\\c\n\t\x01 caf\xc3\xa9 \xff");
	assert_string_equal(str_cstr(&s), "a\\\"b\\\\c\\n\\t\\u0001 caf\xc3\xa9 \\u00ff");
	str_free(&s);
}

static void test_arena(void **state)
{
	struct arena *a = arena_new();
	char *p, *big;
	int *arr;

	(void)state;
	p = arena_strdup(a, "hello");
	big = arena_alloc(a, 200000);
	memset(big, 1, 200000);
	arr = arena_calloc(a, 4, sizeof *arr);
	arr[3] = 7;
	arr = arena_grow(a, arr, 4, 8, sizeof *arr);
	assert_int_equal(arr[3], 7);
	assert_int_equal(arr[7], 0);
	assert_string_equal(p, "hello");
	assert_true(arena_used(a) >= 200000);
	arena_reset(a);
	assert_int_equal(arena_used(a), 0);
	arena_free(&a);
	assert_null(a);
}

static void test_parse_num(void **state)
{
	static const struct { const char *in; long long min, max; int rc; long long out; } t[] = {
		{ "0", 0, 10, 0, 0 }, { "10", 0, 10, 0, 10 }, { "11", 0, 10, -1, 0 },
		{ "-1", 0, 10, -1, 0 }, { "-5", -5, 5, 0, -5 }, { "", 0, 10, -1, 0 },
		{ " 1", 0, 10, -1, 0 }, { "1 ", 0, 10, -1, 0 }, { "0x1", 0, 10, -1, 0 },
		{ "+3", 0, 10, 0, 3 }, { "-", -1, 1, -1, 0 },
		{ "9223372036854775807", 0, INT64_MAX, 0, INT64_MAX },
		{ "9223372036854775808", 0, INT64_MAX, -1, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		long long v = 0;

		assert_int_equal(parse_num(t[i].in, t[i].min, t[i].max, &v), t[i].rc);
		if (t[i].rc == 0)
			assert_true(v == t[i].out);
	}
}

static void test_parse_interval(void **state)
{
	static const struct { const char *in; char unit; int rc; long long out; } t[] = {
		{ "5d", 's', 0, 432000 }, { "4h", 's', 0, 14400 }, { "1h30m", 's', 0, 5400 },
		{ "45", 's', 0, 45 }, { "45", 'm', 0, 2700 }, { "2w", 's', 0, 1209600 },
		{ "", 's', -1, 0 }, { "h", 's', -1, 0 }, { "5x", 's', -1, 0 }, { "5 m", 's', -1, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		long long v = -1;

		assert_int_equal(parse_interval(t[i].in, t[i].unit, &v), t[i].rc);
		if (t[i].rc == 0)
			assert_true(v == t[i].out);
	}
}

/* Run diag through a memory stream and return what it printed. */
static char *diag_capture(enum diag_format fmt, int nerrors, int werror)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct diag *d = diag_new(fmt, f, "mailcf-test");
	static const struct diag_rule rules[] = { { "CF001", DIAG_ERROR, "tab expected" } };
	struct srcpos pos = { "x.cf", 3, 7 };
	int i;

	diag_add_rules(d, rules, 1);
	diag_set_werror(d, werror);
	for (i = 0; i < nerrors; i++)
		diag_report(d, DIAG_ERROR, &pos, "CF001", "expected %s", "tab");
	diag_report(d, DIAG_WARNING, NULL, NULL, "plain \"quoted\"");
	assert_int_equal(diag_failed(d), nerrors > 0 || werror);
	diag_finish(d);
	diag_free(&d);
	fclose(f);
	return buf;
}

static void test_diag_text(void **state)
{
	char *out;

	(void)state;
	out = diag_capture(DIAG_TEXT, 1, 0);
	assert_string_equal(out, "x.cf:3:7: error: expected tab [CF001]\n"
			    "mailcf-test: warning: plain \"quoted\"\n");
	free(out);
	out = diag_capture(DIAG_TEXT, 0, 1);
	free(out);
}

static void test_diag_limit(void **state)
{
	char *out;

	(void)state;
	/* LIMIT_DIAG_ERRORS errors are all printed, then a stop note, then no more. */
	out = diag_capture(DIAG_TEXT, LIMIT_DIAG_ERRORS + 5, 0);
	assert_non_null(strstr(out, "too many errors"));
	assert_null(strstr(out, "plain"));
	free(out);
}

static void test_diag_json_sarif(void **state)
{
	char *out;

	(void)state;
	out = diag_capture(DIAG_JSON, 1, 0);
	assert_non_null(strstr(out, "\"id\":\"CF001\""));
	assert_non_null(strstr(out, "\"line\":3,\"column\":7"));
	assert_non_null(strstr(out, "\"errors\":1,\"warnings\":1"));
	assert_non_null(strstr(out, "plain \\\"quoted\\\""));
	free(out);
	out = diag_capture(DIAG_SARIF, 1, 0);
	assert_non_null(strstr(out, "\"version\":\"2.1.0\""));
	assert_non_null(strstr(out, "\"ruleId\":\"CF001\""));
	assert_non_null(strstr(out, "\"startLine\":3,\"startColumn\":7"));
	free(out);
}

static void test_diag_quote(void **state)
{
	char *q;

	(void)state;
	q = diag_quote("ab\r\ncd\x80", 100);
	assert_string_equal(q, "ab\\x0d\\x0acd\\x80");
	free(q);
	q = diag_quote("abcdef", 3);
	assert_string_equal(q, "abc...");
	free(q);
}

/* Read a whole small file into a static buffer. */
static const char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_atomicfile(void **state)
{
	char dir[] = "/tmp/mailcf-af.XXXXXX";
	char path[256];
	struct atomicfile af;
	int step;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/target", dir);
	assert_int_equal(atomicfile_open(&af, path, 0644), 0);
	fputs("old\n", af.fp);
	assert_int_equal(atomicfile_commit(&af), 0);
	assert_string_equal(slurp(path), "old\n");
	/* Each failing step before the rename leaves the old file intact. */
	for (step = 1; step <= 3; step++) {
		atomicfile_fail_at(step);
		assert_int_equal(atomicfile_open(&af, path, 0644), 0);
		fputs("new\n", af.fp);
		assert_int_equal(atomicfile_commit(&af), -1);
		assert_string_equal(slurp(path), "old\n");
	}
	atomicfile_fail_at(0);
	assert_int_equal(atomicfile_open(&af, path, 0644), 0);
	fputs("discarded\n", af.fp);
	atomicfile_abort(&af);
	assert_string_equal(slurp(path), "old\n");
	assert_int_equal(rmdir(dir), -1);	/* only target is left */
	unlink(path);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_str_grow),
		cmocka_unit_test(test_str_json),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_parse_num),
		cmocka_unit_test(test_parse_interval),
		cmocka_unit_test(test_diag_text),
		cmocka_unit_test(test_diag_limit),
		cmocka_unit_test(test_diag_json_sarif),
		cmocka_unit_test(test_diag_quote),
		cmocka_unit_test(test_atomicfile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
