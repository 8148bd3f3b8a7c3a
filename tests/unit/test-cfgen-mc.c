/*
 * test-cfgen-mc.c - unit tests for the .mc front end of cfgen: the .mc
 * scanner (calls, arguments, quotes, dnl, '#' lines, positions, unclosed
 * quotes and calls), the m4 sync-line stripper (markers at line starts
 * and in the middle of lines, file changes), the include path mapping,
 * the per-line severity of MC findings, library positions mapped back to
 * the .mc call (mcpaths_blame), m4run_exec (stdin through, stdout/stderr apart, exit status, the
 * LIMIT_M4_OUTPUT cap at N and N+1 bytes). Table-driven.
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

#include "cfgen/m4run.h"
#include "cfgen/mccheck.h"
#include "cfgen/mcpaths.h"
#include "cfgen/mcsource.h"
#include "lib/limits.h"
#include "lib/str.h"

/* Render the scanned calls as "name@L:C(arg@L:C|...)" joined by spaces. */
static void render_calls(const struct mcsource *s, struct str *out)
{
	for (size_t i = 0; i < s->ncalls; i++) {
		const struct mc_call *c = &s->calls[i];
		str_printf(out, "%s%s@%u:%u", i ? " " : "", c->name, c->line, c->col);
		if (c->hash_line)
			str_append(out, "#");
		if (c->diverted)
			str_append(out, "~");
		if (!c->parens)
			continue;
		str_appendc(out, '(');
		for (size_t j = 0; j < c->nargs; j++)
			str_printf(out, "%s%s%s@%u:%u", j ? "|" : "", c->args[j].quoted ? "q:" : "",
				   mc_arg(c, j), c->args[j].line, c->args[j].col);
		str_appendc(out, ')');
	}
}

static void test_scan(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "", "" },
		{ "FEATURE(`access_db')dnl\n", "FEATURE@1:1(q:access_db@1:9)" },
		{ "define(`A', `x,y')dnl\n", "define@1:1(q:A@1:8|q:x,y@1:13)" },
		{ "define(A, x,y)\n", "define@1:1(A@1:8|x@1:11|y@1:13)" },
		{ "define(`A',\n  `b')", "define@1:1(q:A@1:8|q:b@2:3)" },
		{ "f(`a'b)", "f@1:1(ab@1:3)" },
		{ "f(`nested `q' here')", "f@1:1(q:nested `q' here@1:3)" },
		{ "f((a,b),c)", "f@1:1((a,b)@1:3|c@1:9)" },
		{ "dnl FEATURE(`x')\nMAILER(`smtp')", "MAILER@2:1(q:smtp@2:8)" },
		{ "#define(`A', `b')dnl", "define@1:2#(q:A@1:9|q:b@1:14)" },
		{ "`FEATURE(x)' LOCAL_CONFIG", "LOCAL_CONFIG@1:14" },
		{ "divert(-1)\nFEATURE(`a')\ndivert(0)",
		  "divert@1:1(-1@1:8) FEATURE@2:1~(q:a@2:9) divert@3:1~(0@3:8)" },
		{ "define('A','b')", "define@1:1('A'@1:8|'b'@1:12)" },
		{ "x9 9x _y", "x9@1:1 _y@1:7" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct mcsource s;
		struct str out = STR_INIT;
		mcsource_scan(&s, "t.mc", cases[i].in, strlen(cases[i].in));
		render_calls(&s, &out);
		if (strcmp(out.s ? out.s : "", cases[i].want))
			fail_msg("case %zu: got '%s', want '%s'", i, out.s ? out.s : "", cases[i].want);
		assert_int_equal(s.open_quote.line, 0);
		str_free(&out);
		mcsource_free(&s);
	}
}

static void test_scan_unclosed(void **state)
{
	struct mcsource s;

	(void)state;
	mcsource_scan(&s, "t.mc", "OSTYPE(`linux')dnl\ndefine(`A', `b)dnl\nX\n", 37);
	assert_int_equal(s.open_quote.line, 2);
	assert_int_equal(s.open_quote.col, 13);
	mcsource_free(&s);
	mcsource_scan(&s, "t.mc", "f(a,\n(b)", 8);
	assert_int_equal(s.open_quote.line, 0);
	assert_int_equal(s.open_paren.line, 1);
	assert_string_equal(s.open_paren_name, "f");
	mcsource_free(&s);
	mcsource_scan(&s, "t.mc", "`", 1);
	assert_int_equal(s.open_quote.line, 1);
	assert_int_equal(s.open_quote.col, 1);
	mcsource_free(&s);
}

/* Strip in and check the text and the origin "file:line" of each line. */
static void strip_case(const char *in, const char *want_text, const char *const *want_origin,
		       size_t n)
{
	struct str out = STR_INIT;
	struct m4run_lines lines = { 0 };

	m4run_strip_synclines(in, strlen(in), &out, &lines);
	assert_string_equal(out.s ? out.s : "", want_text);
	assert_int_equal(lines.n, n);
	for (size_t i = 0; i < n; i++) {
		const struct srcpos *o = m4run_origin(&lines, (unsigned)i + 1);
		char buf[256];
		snprintf(buf, sizeof buf, "%s:%u", o ? o->file : "-", o ? o->line : 0);
		assert_string_equal(buf, want_origin[i]);
	}
	assert_null(m4run_origin(&lines, (unsigned)n + 1));
	assert_null(m4run_origin(&lines, 0));
	m4run_lines_free(&lines);
	str_free(&out);
}

static void test_synclines(void **state)
{
	static const char *const o1[] = { "a.mc:1", "a.mc:2", "lib.m4:10", "a.mc:7" };
	static const char *const o2[] = { "lib.m4:5", "lib.m4:15", "lib.m4:16" };
	static const char *const o3[] = { "-:0", "x:3" };

	(void)state;
	strip_case("#line 1 \"a.mc\"\nV10\nDj\n#line 10 \"lib.m4\"\nS0\n#line 7 \"a.mc\"\nR\n",
		   "V10\nDj\nS0\nR\n", o1, 4);
	/* a marker in the middle of a line splits it: the plain line is the
	 * text before the marker joined with the next line */
	strip_case("#line 5 \"lib.m4\"\n# --- #line 14\n\nmore\nlast",
		   "# --- \nmore\nlast", o2, 3);
	strip_case("plain\n#line 3 \"x\"\ny\n", "plain\ny\n", o3, 2);
	strip_case("#line x\n", "#line x\n", (const char *const[]){ "-:0" }, 1);
}

static void test_map(void **state)
{
	static const struct { const char *target, *want; } cases[] = {
		{ "/usr/share/sendmail/cf/m4/cf.m4", "/L/m4/cf.m4" },
		{ "/usr/share/sendmail-cf/m4/cf.m4", "/L/m4/cf.m4" },
		{ "../m4/cf.m4", "/L/m4/cf.m4" },
		{ "/opt/sendmail/share/m4/cf.m4", "/L/m4/cf.m4" },
		{ "/etc/mail/m4/dialup.m4", "/L/debian/dialup.m4" },
		{ "/etc/mail/m4/provider.m4", "/L/debian/provider.m4" },
		{ "/usr/share/sendmail/cf/debian/autoconf.m4", "/L/debian/autoconf.m4" },
		{ "/L/m4/cf.m4", NULL },
		{ "local.m4", NULL },
		{ "/etc/mail/m4/other.m4", NULL },
		{ "cf.m4x", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = mcpaths_map(cases[i].target, "/L/");
		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* A finding's severity is kept per line: a library error is hidden only
 * behind an error, a library warning behind either; notes hide nothing. */
static void test_hits(void **state)
{
	static const char mc[] = "define(`__OSTYPE__', `')dnl\n"		/* no MC006 */
		"define(confMAX_HOP, `30')dnl\n"			/* MC009 warning */
		"define(`confPRIVACY_FLAGS', a,b)dnl\n"		/* MC008 error */
		"define(`SMART_HOST', `example.com')dnl\n";		/* MC019 note */
	FILE *null = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, null, "t");
	struct mccheck_hits hits = { 0 };
	struct mcsource s;

	(void)state;
	mcsource_scan(&s, "t.mc", mc, sizeof mc - 1);
	mccheck_run(&s, "/nonexistent/", d, &hits);
	assert_false(mccheck_hit(&hits, 1, DIAG_NOTE));
	assert_true(mccheck_hit(&hits, 2, DIAG_WARNING));
	assert_false(mccheck_hit(&hits, 2, DIAG_ERROR));
	assert_true(mccheck_hit(&hits, 3, DIAG_ERROR));
	assert_true(mccheck_hit(&hits, 3, DIAG_WARNING));
	assert_false(mccheck_hit(&hits, 4, DIAG_NOTE));
	assert_false(mccheck_hit(&hits, 100000, DIAG_NOTE));
	mccheck_hits_free(&hits);
	mcsource_free(&s);
	diag_free(&d);
	fclose(null);
}

/* Write text to dir/name. */
static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

/* Library positions map to the .mc call that brought the text in: by the
 * KIND/NAME.m4 file, by an ifdef(`_FEAT_x_') around the line (also through
 * an include), by a DOMAIN file defining the option a line emits. */
static void test_blame(void **state)
{
	char root[] = "/tmp/mailcf-blame-XXXXXX", dir[600], lib[600], f[700];
	static const char mc[] = "OSTYPE(`o')dnl\nDOMAIN(`d')dnl\nFEATURE(`x')dnl\n";
	struct mcpaths_lib l = { 0 };
	struct mcsource s;
	struct srcpos why;
	const struct mc_call *c;

	(void)state;
	assert_non_null(mkdtemp(root));
	for (const char *const *sub = (const char *const[]){ "m4", "feature", "domain", "ostype",
							       NULL }; *sub; sub++) {
		snprintf(dir, sizeof dir, "%s/%s", root, *sub);
		assert_int_equal(mkdir(dir, 0755), 0);
	}
	snprintf(lib, sizeof lib, "%s/", root);
	snprintf(dir, sizeof dir, "%s/m4", root);
	put(dir, "emit.m4", "dnl\nifdef(`_FEAT_x_', `Kx\nKy')\n"
	    "ifdef(`_FEAT_x_', `include(_CF_DIR_`m4/xx.m4')')\n_mc_opt(`confZ', `Z')\nKplain\n");
	put(dir, "xx.m4", "Sxx\nR$*\t$@\n");
	snprintf(dir, sizeof dir, "%s/domain", root);
	put(dir, "d.m4", "divert(-1)\n\ndefine(`confZ', `1')\n");
	mcsource_scan(&s, "t.mc", mc, sizeof mc - 1);
	l.libdir = lib;
	snprintf(f, sizeof f, "%sfeature/x.m4", lib);
	assert_non_null(c = mcpaths_blame(&l, &s, f, 1, &why));
	assert_int_equal(c->line, 3);
	snprintf(f, sizeof f, "%sm4/emit.m4", lib);
	assert_non_null(c = mcpaths_blame(&l, &s, f, 3, &why));	/* inside the ifdef */
	assert_int_equal(c->line, 3);
	assert_null(mcpaths_blame(&l, &s, f, 6, &why));		/* outside any */
	assert_non_null(c = mcpaths_blame(&l, &s, f, 5, &why));	/* confZ of DOMAIN(d) */
	assert_int_equal(c->line, 2);
	assert_int_equal(why.line, 3);
	assert_non_null(strstr(why.file, "domain/d.m4"));
	snprintf(f, sizeof f, "%sm4/xx.m4", lib);
	assert_non_null(c = mcpaths_blame(&l, &s, f, 2, &why));	/* through the include */
	assert_int_equal(c->line, 3);
	assert_null(mcpaths_blame(&l, &s, "/elsewhere/x.m4", 1, &why));
	mcpaths_lib_free(&l);
	mcsource_free(&s);
	snprintf(dir, sizeof dir, "rm -rf '%s'", root);
	assert_int_equal(system(dir), 0);
}

/* MC006 follows includes for the OSTYPE: once per file, so a file that
 * includes itself many times is read once; found in an included file, or
 * not found anywhere. */
static void test_ostype_include(void **state)
{
	char root[] = "/tmp/mailcf-ostype-XXXXXX", mcpath[600];
	static const char self[] = "include(`self.m4')include(`self.m4')include(`self.m4')"
		"include(`self.m4')include(`self.m4')include(`self.m4')include(`self.m4')\n";
	FILE *null = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, null, "t");
	struct mccheck_hits hits = { 0 };
	struct mcsource s;

	(void)state;
	assert_non_null(mkdtemp(root));
	put(root, "self.m4", self);
	put(root, "os.m4", "include(`self.m4')OSTYPE(`linux')\n");
	snprintf(mcpath, sizeof mcpath, "%s/t.mc", root);
	mcsource_scan(&s, mcpath, "include(`self.m4')dnl\n", 22);
	mccheck_run(&s, "/nonexistent/", d, &hits);
	assert_true(mccheck_hit(&hits, 1, DIAG_ERROR));		/* no OSTYPE anywhere */
	mcsource_free(&s);
	mccheck_hits_free(&hits);
	mcsource_scan(&s, mcpath, "include(`self.m4')include(`os.m4')dnl\n", 38);
	mccheck_run(&s, "/nonexistent/", d, &hits);
	assert_false(mccheck_hit(&hits, 1, DIAG_WARNING));	/* found in os.m4 */
	mcsource_free(&s);
	mccheck_hits_free(&hits);
	diag_free(&d);
	fclose(null);
	snprintf(mcpath, sizeof mcpath, "rm -rf '%s'", root);
	assert_int_equal(system(mcpath), 0);
}

static void test_exec(void **state)
{
	struct m4run r;
	char *cat[] = { "cat", NULL };
	char *sh[] = { "sh", "-c", "echo out; echo err >&2; exit 3", NULL };
	char *none[] = { "/nonexistent/m4", NULL };
	struct str big = STR_INIT;

	(void)state;
	assert_int_equal(m4run_exec(cat, "a\nb", 3, &r), 0);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out.s, "a\nb");
	m4run_free(&r);
	assert_int_equal(m4run_exec(sh, "", 0, &r), 0);
	assert_int_equal(r.status, 3);
	assert_string_equal(r.out.s, "out\n");
	assert_string_equal(r.err.s, "err\n");
	m4run_free(&r);
	assert_int_equal(m4run_exec(none, "", 0, &r), 0);
	assert_int_equal(r.status, 127);
	m4run_free(&r);
	/* the output cap: exactly LIMIT_M4_OUTPUT passes, one more byte fails */
	for (size_t i = 0; i < LIMIT_M4_OUTPUT; i++)
		str_appendc(&big, 'x');
	assert_int_equal(m4run_exec(cat, big.s, big.len, &r), 0);
	assert_int_equal(r.out.len, LIMIT_M4_OUTPUT);
	m4run_free(&r);
	str_appendc(&big, 'x');
	assert_int_equal(m4run_exec(cat, big.s, big.len, &r), -1);
	assert_non_null(strstr(r.errmsg, "output larger than"));
	m4run_free(&r);
	str_free(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_scan_unclosed),
		cmocka_unit_test(test_synclines),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_hits),
		cmocka_unit_test(test_blame),
		cmocka_unit_test(test_ostype_include),
		cmocka_unit_test(test_exec),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
