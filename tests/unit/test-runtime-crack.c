/*
 * test-runtime-crack.c - unit tests for runtime/crack.c: crackaddr()'s
 * limits at N and N+1 (the 255-byte result, the room kept for ')' and
 * '>', a copied quote) and crack_expand()'s cuts. The answers are sendmail
 * 8.17's (-bt /parse and /try); tests/runtime/crack.test compares the
 * rest against the real binary.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "runtime/crack.h"

/* n copies of ch, then tail; the caller frees. */
static char *run(char ch, size_t n, const char *tail)
{
	struct str s = STR_INIT;

	for (size_t i = 0; i < n; i++)
		str_appendc(&s, ch);
	str_append(&s, tail);
	return str_steal(&s);
}

/* crack_addr(addr) must be want. */
static void check_crack(const char *addr, const char *want)
{
	struct str out = STR_INIT;

	crack_addr(addr, &out);
	assert_string_equal(str_cstr(&out), want);
	str_free(&out);
}

/* head + n bytes ch + tail cracks to want_head + n bytes ch + want_tail,
 * and one byte more to "<$g>" (the first length that does not fit). */
static void check_edge(const char *head, const char *want_head, char ch,
		       size_t n, const char *tail, const char *want_tail)
{
	char *bytes = run(ch, n, tail), *want = run(ch, n, want_tail);
	struct str a = STR_INIT, b = STR_INIT;

	str_printf(&a, "%s%s", head, bytes);
	str_printf(&b, "%s%s", want_head, want);
	check_crack(str_cstr(&a), str_cstr(&b));
	free(bytes);
	bytes = run(ch, n + 1, tail);
	str_reset(&a);
	str_printf(&a, "%s%s", head, bytes);
	check_crack(str_cstr(&a), "<$g>");
	free(bytes);
	free(want);
	str_free(&a);
	str_free(&b);
}

static void test_crack_table(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "Joe <joe@x>", "Joe <$g>" },
		{ "\\", "$g" },			/* a trailing backslash */
		{ "\"", "" },			/* nothing outside the quote */
		{ "::\"", "$g" },		/* DECnet host::user */
		{ ")<>Bob", "\")\"<>Bob" },	/* unmatched ')' quotes */
		{ "user@auser>:)", "\"user@auser>\":$g" },
		{ "%(c)<>::", "%(c)<>:::" },
		{ ":(c))", ":(c) $g" },
		{ ".user<\"\"", "\".user\"<>" },
		{ "[1.2.3.4]!:a<x@y>", "\"[1.2.3.4]!\":a<$g>" },
		{ "a <x@y> b\"", "a <$g> b\"\"" },	/* quote last: kept */
		{ "a <x@y> b\"c", "<$g>" },	/* any byte after it: gives up */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_crack(cases[i].in, cases[i].want);
}

static void test_crack_limits(void **state)
{
	char *open = run('(', 127, ""), *closed = run(')', 127, "");
	struct str want = STR_INIT;

	(void)state;
	/* phrase + " <$g>" = 255 bytes fits, 256 does not */
	check_edge("", "", 'b', LIMIT_CRACK_BUF - 6, " <x@y>", " <$g>");
	/* the ')' of a comment needs its byte before the room comes back */
	check_edge("x (", "$g (", 'b', LIMIT_CRACK_BUF - 7, ")", ")");
	/* each open '(' takes two bytes: 127 fit, 128 do not */
	str_append(&want, open);
	str_append(&want, closed);
	check_crack(open, str_cstr(&want));
	free(closed);
	closed = run('(', 128, "");
	check_crack(closed, "<$g>");
	free(open);
	free(closed);
	str_free(&want);
}

static void test_crack_expand(void **state)
{
	char *g = run('a', LIMIT_CRACK_G + 1, "");
	char *want = run('a', LIMIT_CRACK_G, ">");
	struct str out = STR_INIT;

	(void)state;
	crack_expand("$g", "x@y", &out);
	assert_string_equal(str_cstr(&out), "x@y");
	str_reset(&out);
	crack_expand("<$g>", g, &out);	/* g cut at 254: "<" + 254 + ">" */
	assert_int_equal(out.len, LIMIT_CRACK_EXPAND);
	assert_string_equal(str_cstr(&out) + 1, want);
	str_reset(&out);
	crack_expand("ab <$g>", g, &out);	/* the whole cut at 256 */
	assert_int_equal(out.len, LIMIT_CRACK_EXPAND);
	free(g);
	free(want);
	str_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crack_table),
		cmocka_unit_test(test_crack_limits),
		cmocka_unit_test(test_crack_expand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
