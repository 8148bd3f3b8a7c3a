/*
 * test-runtime-resolve.c - unit tests for runtime/resolve.c and the host
 * map's memory in runtime/host.c: addresses written as sendmail writes
 * them, ResolverOptions words, getcanonname asking nothing without a
 * search list, and LIMIT_HOST_CACHE at N and N+1. Needs no name server:
 * the DNS itself is tested against sendmail in tests/runtime/dns-live.test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/parse.h"
#include "lib/diag.h"
#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "runtime/host.h"
#include "runtime/resolve.h"
#include "runtime/rt.h"

/* Addresses as sendmail's anynet_ntop writes them. */
static void test_format_addr(void **state)
{
	static const struct { int af; const char *in, *out; } cases[] = {
		{ AF_INET, "192.0.2.1", "192.0.2.1" },
		{ AF_INET6, "2001:db8::1", "IPv6:2001:db8:0:0:0:0:0:1" },
		{ AF_INET6, "2001:db8:0:0:1::ff", "IPv6:2001:db8:0:0:1:0:0:ff" },
		{ AF_INET6, "::", "IPv6:0:0:0:0:0:0:0:0" },
		{ AF_INET6, "::ffff:192.0.2.7", "192.0.2.7" },
		{ AF_INET6, "FFFF:ABCD::", "IPv6:ffff:abcd:0:0:0:0:0:0" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned char a[16];
		struct str s = STR_INIT;

		assert_int_equal(inet_pton(cases[i].af, cases[i].in, a), 1);
		resolve_format_addr(cases[i].af, a, &s);
		assert_string_equal(str_cstr(&s), cases[i].out);
		str_free(&s);
	}
}

/* "+FLAG -FLAG" words, case-insensitive; unknown words change nothing. */
static void test_resolver_options(void **state)
{
	unsigned long before;

	(void)state;
	resolve_options("+DNSRCH +DEFNAMES -USEVC");
	assert_true(_res.options & RES_DNSRCH);
	resolve_options("-DNSRCH -defnames +usevc");
	assert_false(_res.options & RES_DNSRCH);
	assert_false(_res.options & RES_DEFNAMES);
	assert_true(_res.options & RES_USEVC);
	before = _res.options;
	resolve_options("HasWildcardMX WorkAroundBrokenAAAA +NOSUCHFLAG -DNSRCHX");
	assert_int_equal(_res.options, before);
	resolve_options("DNSRCH DEFNAMES -USEVC");	/* no sign: on */
	assert_true(_res.options & RES_DNSRCH);
	assert_true(_res.options & RES_DEFNAMES);
	assert_false(_res.options & RES_USEVC);
	resolve_options(NULL);
	assert_int_equal(_res.options & RES_DNSRCH, RES_DNSRCH);
}

/* Without the search list an undotted name has no candidate: nothing is
 * asked and it is not found (bestmx's fallback for "four"). */
static void test_canon_no_candidate(void **state)
{
	struct str s = STR_INIT;

	(void)state;
	assert_int_equal(resolve_canon("undotted", 0, &s), RT_NOHOST);
	assert_string_equal(str_cstr(&s), "undotted");
	str_free(&s);
}

/* A runtime whose switch says "hosts files" and whose hosts file is text. */
static struct rt *files_rt(struct cf **cfp, const char *hosts, FILE *out)
{
	static const char cf[] = "V10/Berkeley\nS0\nR$+\t$@ $1\n";
	FILE *quiet = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, quiet, "test");
	struct rt *rt;

	*cfp = cf_parse_buffer("t.cf", cf, strlen(cf), d, NULL);
	assert_non_null(*cfp);
	rt = rt_new(*cfp, 't', out, out);
	assert_non_null(rt);
	free(rt->switch_text);
	rt->switch_text = xstrdup("hosts\tfiles\n");
	free(rt->hosts_text);
	rt->hosts_text = xstrdup(hosts);
	diag_free(&d);
	fclose(quiet);
	return rt;
}

/* The host map remembers LIMIT_HOST_CACHE answers, not one more. */
static void test_host_cache_limit(void **state)
{
	FILE *out = fopen("/dev/null", "w");
	struct str hosts = STR_INIT, name = STR_INIT, s = STR_INIT;
	struct cf *cf;
	struct rt *rt;

	(void)state;
	for (int i = 0; i <= LIMIT_HOST_CACHE; i++)
		str_printf(&hosts, "192.0.2.1 h%d.example.test\n", i);
	rt = files_rt(&cf, hosts.s, out);
	for (int i = 0; i <= LIMIT_HOST_CACHE; i++) {
		str_reset(&name);
		str_printf(&name, "h%d.example.test", i);
		assert_int_equal(host_map_canon(rt, name.s, &s), RT_OK);
	}
	free(rt->hosts_text);
	rt->hosts_text = xstrdup("");	/* the file is gone: only memory answers */
	str_reset(&name);
	str_printf(&name, "h%d.example.test", LIMIT_HOST_CACHE - 1);
	assert_int_equal(host_map_canon(rt, name.s, &s), RT_OK);
	assert_string_equal(str_cstr(&s), name.s);
	str_reset(&name);	/* the case matters, as in sendmail */
	str_printf(&name, "H%d.EXAMPLE.TEST", LIMIT_HOST_CACHE - 1);
	assert_int_equal(host_map_canon(rt, name.s, &s), RT_NOHOST);
	str_reset(&name);
	str_printf(&name, "h%d.example.test", LIMIT_HOST_CACHE);
	assert_int_equal(host_map_canon(rt, name.s, &s), RT_NOHOST);
	str_free(&hosts);
	str_free(&name);
	str_free(&s);
	rt_free(&rt);
	cf_free(&cf);
	fclose(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_addr),
		cmocka_unit_test(test_resolver_options),
		cmocka_unit_test(test_canon_no_candidate),
		cmocka_unit_test(test_host_cache_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
