/*
 * test-runtime-map.c - unit tests for the pure parts of the map classes:
 * regex -s field lists (LIMIT_REGEX_FIELDS and +1, ranges, atoi-style
 * numbers), joining substrings (the prescan balance check, the
 * LIMIT_REGEX_RESULT cut, delimiters), and socket map reply statuses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <regex.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "lib/limits.h"
#include "runtime/mapclass.h"
#include "runtime/sockmap.h"

/* A list of n copies of "1", comma separated. */
static void ones(char *buf, size_t size, int n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len + 3 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s1", i ? "," : "");
}

static void test_regex_fields(void **state)
{
	int f[LIMIT_REGEX_FIELDS];
	char msg[128], list[256];

	(void)state;
	assert_int_equal(map_regex_fields("", 2, f, msg, sizeof msg), 3);
	assert_int_equal(f[0], 0);
	assert_int_equal(f[2], 2);
	assert_int_equal(map_regex_fields("2,1", 2, f, msg, sizeof msg), 2);
	assert_int_equal(f[0], 2);
	assert_int_equal(f[1], 1);
	/* atoi(): "1," is 1 then 0, junk is 0 */
	assert_int_equal(map_regex_fields("1,", 2, f, msg, sizeof msg), 2);
	assert_int_equal(f[1], 0);
	assert_int_equal(map_regex_fields("x", 2, f, msg, sizeof msg), 1);
	assert_int_equal(f[0], 0);
	assert_int_equal(map_regex_fields("3", 2, f, msg, sizeof msg), -1);
	assert_string_equal(msg, "field (3) out of range, only 3 substrings in pattern");
	assert_int_equal(map_regex_fields("-1", 2, f, msg, sizeof msg), -1);
	assert_string_equal(msg, "field (-1) out of range, only 3 substrings in pattern");
	ones(list, sizeof list, LIMIT_REGEX_FIELDS);
	assert_int_equal(map_regex_fields(list, 2, f, msg, sizeof msg), LIMIT_REGEX_FIELDS);
	ones(list, sizeof list, LIMIT_REGEX_FIELDS + 1);
	assert_int_equal(map_regex_fields(list, 2, f, msg, sizeof msg), -1);
	assert_string_equal(msg, "too many fields, 32 max");
}

/* Join the substrings of pattern on key with delim; the return value. */
static int join(const char *pattern, const char *key, const char *list,
		const char *delim, char *out, size_t size)
{
	regex_t re;
	regmatch_t pm[LIMIT_REGEX_SUBSTRINGS];
	int f[LIMIT_REGEX_FIELDS], n, r;
	char msg[128];

	assert_int_equal(regcomp(&re, pattern, REG_EXTENDED), 0);
	n = map_regex_fields(list, (int)re.re_nsub, f, msg, sizeof msg);
	assert_true(n > 0);
	assert_int_equal(regexec(&re, key, re.re_nsub + 1, pm, 0), 0);
	r = map_regex_join(key, pm, f, n, delim, out, size);
	regfree(&re);
	return r;
}

static void test_regex_join(void **state)
{
	char out[LIMIT_REGEX_RESULT], key[LIMIT_REGEX_RESULT + 2];

	(void)state;
	assert_int_equal(join("^(a+)(x)?(b+)$", "aab", "1,2,3", "\233", out, sizeof out), 0);
	assert_string_equal(out, "aa\233\233b");
	assert_int_equal(join("^(.*)-(.*)$", "a<-b>", "1,2", "", out, sizeof out), 0);
	assert_string_equal(out, "a<b>");
	assert_int_equal(join("^(.*)$", "a<b", "1", "", out, sizeof out), -1);
	assert_int_equal(join("^(.*)$", ">a<", "1", "", out, sizeof out), 0);
	assert_int_equal(join("^(.*)$", "a b", "1", "", out, sizeof out), -1);
	assert_int_equal(join("^(.*)$", "\"a b\"", "1", "", out, sizeof out), 0);
	assert_int_equal(join("^(.*)$", "a\\ b", "1", "", out, sizeof out), 0);
	assert_int_equal(join("^(.*)$", "a\\", "1", "", out, sizeof out), -1);
	assert_int_equal(join("^(.*)$", "a(b", "1", "", out, sizeof out), -1);
	/* a delimiter is not checked */
	assert_int_equal(join("^(.*)$", "ab", "1,1", "<", out, sizeof out), 0);
	assert_string_equal(out, "ab<ab");
	/* the cut: LIMIT_REGEX_RESULT - 1 bytes fit, the rest (even a '<') is
	 * dropped unseen */
	memset(key, 'x', LIMIT_REGEX_RESULT - 1);
	key[LIMIT_REGEX_RESULT - 1] = '<';
	key[LIMIT_REGEX_RESULT] = '\0';
	assert_int_equal(join("^(.*)$", key, "1", "", out, sizeof out), 0);
	assert_int_equal(strlen(out), LIMIT_REGEX_RESULT - 1);
	key[LIMIT_REGEX_RESULT - 2] = '<';
	assert_int_equal(join("^(.*)$", key, "1", "", out, sizeof out), -1);
}

static void test_socket_status(void **state)
{
	const char *v;

	(void)state;
	assert_int_equal(sockmap_status("OK value here", &v), 0);
	assert_string_equal(v, "value here");
	assert_int_equal(sockmap_status("OK  two", &v), 0);
	assert_string_equal(v, " two");
	assert_int_equal(sockmap_status("OK", &v), 0);
	assert_string_equal(v, "");
	assert_int_equal(sockmap_status("NOTFOUND", &v), 68);
	assert_null(v);
	assert_int_equal(sockmap_status("NOTFOUND ", &v), 68);
	assert_int_equal(sockmap_status("TEMP x", &v), 75);
	assert_int_equal(sockmap_status("TIMEOUT", &v), 75);
	assert_int_equal(sockmap_status("PERM no", &v), 69);
	assert_int_equal(sockmap_status("OKx", &v), EX_PROTOCOL);
	assert_int_equal(sockmap_status("ok lower", &v), EX_PROTOCOL);
	assert_int_equal(sockmap_status("", &v), EX_PROTOCOL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regex_fields),
		cmocka_unit_test(test_regex_join),
		cmocka_unit_test(test_socket_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
