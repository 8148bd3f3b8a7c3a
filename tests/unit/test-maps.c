/*
 * test-maps.c - unit tests for maps/: the makemap source parser (table of
 * lines, limits at N and N+1), the aliases parser and splitter, the map
 * writer (duplicates, replace, append, NUL form, cdb) and the linter's
 * helpers.
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

#include "lib/diag.h"
#include "lib/limits.h"
#include "lib/str.h"
#include "maps/aliases.h"
#include "maps/mapdb.h"
#include "maps/maplint_private.h"
#include "maps/mapsrc.h"
#include "maps/mapwrite.h"
#include "maps/newaliases.h"

static char dir[] = "/tmp/test-maps.XXXXXX";

/* A diag that prints nowhere visible but counts. */
static struct diag *quiet_diag(void)
{
	static FILE *null;
	if (null == NULL)
		null = fopen("/dev/null", "w");
	return diag_new(DIAG_TEXT, null, "test");
}

static const struct {
	const char *line;
	int delim, fold, empty;
	int result;		/* mapsrc_line's return */
	const char *key, *value;
} src_cases[] = {
	{ "Foo.COM REJECT", -1, 1, 0, 1, "foo.com", "REJECT" },
	{ "Foo.COM REJECT", -1, 0, 0, 1, "Foo.COM", "REJECT" },
	{ "k\t \tv with  blanks  ", -1, 1, 0, 1, "k", "v with  blanks  " },
	{ "# comment", -1, 1, 0, 0, NULL, NULL },
	{ "", -1, 1, 0, 0, NULL, NULL },
	{ " lead x", -1, 1, 0, -1, NULL, NULL },
	{ "\tlead x", -1, 1, 0, -1, NULL, NULL },
	{ "keyonly", -1, 1, 0, -1, NULL, NULL },
	{ "keyonly", -1, 1, 1, 1, "keyonly", "" },
	{ "keyonly   ", -1, 1, 1, 1, "keyonly", "" },
	{ "k1:v 1", ':', 1, 0, 1, "k1", "v 1" },
	{ "k2::v2", ':', 1, 0, 1, "k2", "v2" },
	{ " k4:y", ':', 1, 0, 1, " k4", "y" },
	{ "k v\r", -1, 1, 0, 1, "k", "v\r" },
	/* empty key, no value: the message quotes an empty string (found by
	 * fuzz-mapsrc: str_steal of a never-appended str lacked its NUL) */
	{ ":", ':', 1, 0, -1, NULL, NULL },
	{ ":v", ':', 1, 0, 1, "", "v" },
};

static void test_mapsrc_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof src_cases / sizeof src_cases[0]; i++) {
		struct mapsrc_opts o;
		struct mapsrc_entry e;
		struct diag *d = quiet_diag();
		char buf[256];
		mapsrc_opts_init(&o);
		o.delim = src_cases[i].delim;
		o.fold = src_cases[i].fold;
		o.allow_empty = src_cases[i].empty;
		strcpy(buf, src_cases[i].line);
		int r = mapsrc_line(buf, strlen(buf), 1, "t", &o, d, &e);
		assert_int_equal(r, src_cases[i].result);
		if (r == 1) {
			assert_int_equal(e.keylen, strlen(src_cases[i].key));
			assert_memory_equal(e.key, src_cases[i].key, e.keylen);
			assert_int_equal(e.valuelen, strlen(src_cases[i].value));
			assert_memory_equal(e.value, src_cases[i].value, e.valuelen);
		}
		assert_int_equal(diag_count(d, DIAG_ERROR), r < 0 ? 1 : 0);
		diag_free(&d);
	}
}

/* mapsrc callback counting entries. */
static int count_entry(void *arg, const struct mapsrc_entry *e)
{
	(void)e;
	(*(int *)arg)++;
	return 0;
}

/* Parse text with default options; returns errors, *n entries. */
static int parse_text(const char *text, size_t len, int *n)
{
	struct mapsrc_opts o;
	struct diag *d = quiet_diag();
	FILE *f = fmemopen((void *)text, len, "r");
	mapsrc_opts_init(&o);
	*n = 0;
	int r = mapsrc_parse(f, "t", &o, d, count_entry, n);
	fclose(f);
	diag_free(&d);
	return r;
}

/* The line limit: LIMIT_MAP_LINE - 2 bytes pass, one more fails, and the
 * rest of an over-long line never becomes a line of its own. */
static void test_mapsrc_limit(void **state)
{
	static char text[3 * LIMIT_MAP_LINE];
	int n;
	(void)state;
	size_t max = LIMIT_MAP_LINE - 2;
	memset(text, 'v', sizeof text);
	memcpy(text, "k ", 2);
	text[max] = '\n';
	assert_int_equal(parse_text(text, max + 1, &n), 0);
	assert_int_equal(n, 1);
	text[max] = 'v';
	text[max + 1] = '\n';
	assert_int_equal(parse_text(text, max + 2, &n), 1);
	assert_int_equal(n, 0);
	/* 2.5 buffers long, then a good line: one error, one entry */
	text[max + 1] = 'v';
	size_t len = 2 * LIMIT_MAP_LINE + 500;
	memcpy(text + len, "\nk2 v\n", 6);
	assert_int_equal(parse_text(text, len + 6, &n), 1);
	assert_int_equal(n, 1);
	/* NUL byte */
	assert_int_equal(parse_text("a\0b v\nc d\n", 10, &n), 1);
	assert_int_equal(n, 1);
	/* last line without newline */
	assert_int_equal(parse_text("a b\nc d", 7, &n), 0);
	assert_int_equal(n, 2);
}

/* Collected aliases, "name=value;" joined. */
static int collect_alias(void *arg, const struct alias *a)
{
	str_printf(arg, "%s=%s;", a->name, a->value);
	return 0;
}

/* Parse aliases text; returns errors and the joined entries in out. */
static int parse_aliases(const char *text, struct str *out)
{
	struct diag *d = quiet_diag();
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	str_reset(out);
	int r = aliases_parse(f, "aliases", d, collect_alias, out);
	assert_int_equal(diag_count(d, DIAG_ERROR), (unsigned)r);
	fclose(f);
	diag_free(&d);
	return r;
}

static void test_aliases_parse(void **state)
{
	struct str s = STR_INIT;
	(void)state;
	assert_int_equal(parse_aliases("Root: admin  \n# c\n\nfoo: a,\n\t:include:/x,\n"
				       "  \"|/bin/p arg\"\nqux : z\n\"q n\": x\n", &s), 0);
	assert_string_equal(s.s, "root=admin  ;foo=a,\t:include:/x,  \"|/bin/p arg\";"
			    "qux=z;\"q n\"=x;");
	assert_int_equal(parse_aliases("q:\n r\npm: root\n   \n", &s), 0);
	assert_string_equal(s.s, "q=r;pm=root   ;");
	/* errors, each line reported, good ones still delivered */
	assert_int_equal(parse_aliases("nocolon\nok: x\n", &s), 1);
	assert_string_equal(s.s, "ok=x;");
	assert_int_equal(parse_aliases("empty:\nok: x\n", &s), 1);
	assert_int_equal(parse_aliases("a@b.c: x\n", &s), 1);
	assert_int_equal(parse_aliases("x: \"unbal\n", &s), 1);
	assert_int_equal(parse_aliases("y: <a\n", &s), 1);
	assert_int_equal(parse_aliases("y: a>\n", &s), 1);
	assert_int_equal(parse_aliases(" stray\n", &s), 1);
	assert_int_equal(parse_aliases("a: b\n# c\n x\n", &s), 1);
	assert_string_equal(s.s, "a=b;");
	assert_int_equal(parse_aliases(": x\n", &s), 1);
	str_free(&s);
}

/* The joined-line limit: LIMIT_ALIAS_LINE - 2 bytes pass, one more fails. */
static void test_aliases_limit(void **state)
{
	static char text[LIMIT_ALIAS_LINE + 16];
	struct str s = STR_INIT;
	(void)state;
	size_t max = LIMIT_ALIAS_LINE - 2;
	memset(text, 'x', max);
	memcpy(text, "a: ", 3);
	strcpy(text + max, "\n");
	assert_int_equal(parse_aliases(text, &s), 0);
	strcpy(text + max, "x\n");
	assert_int_equal(parse_aliases(text, &s), 1);
	/* the same length reached through a continuation line */
	memset(text, 'x', max);
	memcpy(text, "a: ", 3);
	memcpy(text + 100, ",\n ", 3);	/* the newline is not counted */
	strcpy(text + max, "xx\n");
	assert_int_equal(parse_aliases(text, &s), 1);
	str_free(&s);
}

/* Split callback: "kind:text|" per target. */
static void collect_target(void *arg, const struct alias_target *t)
{
	str_printf(arg, "%d:%.*s|", (int)t->kind, (int)t->len, t->text);
}

static void test_aliases_split(void **state)
{
	struct str s = STR_INIT;
	const char *msg;
	size_t off;
	(void)state;
	const char *v = "a, b@c , \"|/bin/p x, y\", /var/f,:include:/l, <d@e>, \"/q r\"";
	assert_int_equal(aliases_split(v, strlen(v), collect_target, &s, &msg, &off), 0);
	assert_string_equal(s.s, "0:a|0:b@c|1:|/bin/p x, y|2:/var/f|3::include:/l|0:<d@e>|2:/q r|");
	assert_int_equal(aliases_split("a, \"b", 5, NULL, NULL, &msg, &off), -1);
	assert_int_equal(off, 3);
	assert_int_equal(aliases_split("<a", 2, NULL, NULL, &msg, &off), -1);
	str_free(&s);
}

/* "path" in dir. */
static const char *in_dir(const char *name)
{
	static char buf[2][512];
	static int w;
	w ^= 1;
	snprintf(buf[w], sizeof buf[w], "%s/%s", dir, name);
	return buf[w];
}

/* Look key up in the map; returns the value or NULL (static buffer). */
static const char *lookup(const char *mapname, const char *type, const char *key)
{
	static struct str v;
	char err[256];
	struct mapdb *db = mapdb_open(mapname, type, err, sizeof err);
	assert_non_null(db);
	int r = mapdb_get(db, key, strlen(key), &v);
	mapdb_close(&db);
	return r == 1 ? v.s : NULL;
}

static void check_writer(const char *type)
{
	char err[256];
	const char *m = in_dir(type);
	struct mapwrite *w = mapwrite_open(m, type, 0, err, sizeof err);
	assert_non_null(w);
	assert_int_equal(mapwrite_put(w, "a", 1, "1", 1, 0), 1);
	assert_int_equal(mapwrite_put(w, "a", 1, "2", 1, 0), 0);	/* first kept */
	assert_int_equal(mapwrite_put(w, "b", 1, "1", 1, 0), 1);
	assert_int_equal(mapwrite_put(w, "b", 1, "2", 1, 1), 0);	/* replaced */
	for (int i = 0; i < 5000; i++) {	/* forces several rehashes */
		char k[32];
		snprintf(k, sizeof k, "key%d", i);
		assert_int_equal(mapwrite_put(w, k, strlen(k), k, strlen(k), 0), 1);
	}
	assert_int_equal(mapwrite_count(w), 5002);
	assert_int_equal(mapwrite_commit(&w, err, sizeof err), 0);
	assert_null(w);
	assert_string_equal(lookup(m, type, "a"), "1");
	assert_string_equal(lookup(m, type, "b"), "2");
	assert_string_equal(lookup(m, type, "key4999"), "key4999");
	/* append keeps the old entries */
	w = mapwrite_open(m, type, 1, err, sizeof err);
	assert_non_null(w);
	assert_int_equal(mapwrite_count(w), 5002);
	mapwrite_put(w, "c", 1, "3", 1, 0);
	assert_int_equal(mapwrite_commit(&w, err, sizeof err), 0);
	assert_string_equal(lookup(m, type, "a"), "1");
	assert_string_equal(lookup(m, type, "c"), "3");
	/* abort leaves it alone */
	w = mapwrite_open(m, type, 0, err, sizeof err);
	mapwrite_put(w, "z", 1, "z", 1, 0);
	mapwrite_abort(&w);
	assert_string_equal(lookup(m, type, "c"), "3");
	assert_null(lookup(m, type, "z"));
}

static void test_mapwrite(void **state)
{
	char err[256];
	struct stat st;
	(void)state;
	check_writer("hash");
	check_writer("cdb");
	assert_int_equal(stat(in_dir("hash.db"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_null(mapwrite_open(in_dir("x"), "dbm", 0, err, sizeof err));
	assert_non_null(strstr(err, "supported"));
	assert_null(mapwrite_open(in_dir("missing"), "hash", 1, err, sizeof err));
	struct mapwrite *w = mapwrite_open("/nonexistent-dir/x", "hash", 0, err, sizeof err);
	assert_int_equal(mapwrite_commit(&w, err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent-dir/"));
}

static void test_newaliases(void **state)
{
	struct newaliases_stats st;
	struct diag *d = quiet_diag();
	(void)state;
	FILE *f = fopen(in_dir("aliases"), "w");
	fputs("root: admin  \nfoo: a,\n b\nBar: x\nbar: y\npostmaster: root\n", f);
	fclose(f);
	assert_int_equal(newaliases_build(in_dir("aliases"), "implicit", NULL, d, &st), 0);
	assert_int_equal(st.aliases, 5);
	assert_int_equal(st.longest, 7);
	assert_int_equal(st.total, 4 + 7 + 3 + 4 + 3 + 1 + 3 + 1 + 10 + 4);
	assert_int_equal(diag_count(d, DIAG_WARNING), 1);	/* duplicate bar */
	char err[256];
	struct str v = STR_INIT;
	struct mapdb *db = mapdb_open(in_dir("aliases"), "hash", err, sizeof err);
	mapdb_set_nul(db, MAPDB_NUL_ALWAYS);
	assert_int_equal(mapdb_get(db, "@", 1, &v), 1);
	assert_string_equal(v.s, "@");
	assert_int_equal(mapdb_get(db, "bar", 3, &v), 1);
	assert_string_equal(v.s, "y");	/* last wins, as sendmail */
	assert_int_equal(mapdb_get(db, "foo", 3, &v), 1);
	assert_string_equal(v.s, "a, b");
	mapdb_close(&db);
	/* a bad file leaves the old map */
	f = fopen(in_dir("aliases"), "w");
	fputs("root: other\nbroken\n", f);
	fclose(f);
	assert_int_equal(newaliases_build(in_dir("aliases"), "hash", NULL, d, &st), -1);
	db = mapdb_open(in_dir("aliases"), "hash", err, sizeof err);
	assert_int_equal(mapdb_get(db, "root", 4, &v), 1);
	assert_string_equal(v.s, "admin  ");
	mapdb_close(&db);
	str_free(&v);
	diag_free(&d);
}

static void test_lint_helpers(void **state)
{
	int warn;
	(void)state;
	assert_int_equal(maplint_ipv4_prefix("10", 2), 1);
	assert_int_equal(maplint_ipv4_prefix("192.168.1.1", 11), 4);
	assert_int_equal(maplint_ipv4_prefix("192.168.1.", 10), 0);
	assert_int_equal(maplint_ipv4_prefix("256.1", 5), 0);
	assert_int_equal(maplint_ipv4_prefix("1.2.3.4.5", 9), 0);
	assert_int_equal(maplint_ipv4_prefix("1234", 4), 0);
	assert_int_equal(maplint_ipv4_prefix("a.b", 3), 0);
	assert_true(maplint_hostname("mail.example.com", 16));
	assert_false(maplint_hostname("-bad.example", 12));
	assert_false(maplint_hostname("a..b", 4));
	assert_false(maplint_hostname("a b", 3));
	assert_false(maplint_hostname("", 0));
	assert_null(maplint_error_text("550 go away", &warn));
	assert_null(maplint_error_text("5.7.1:550 go away", &warn));
	assert_null(maplint_error_text("\"4.2.2:450 full\"", &warn));
	assert_non_null(maplint_error_text("450 full", &warn));
	assert_true(warn);
	assert_non_null(maplint_error_text("4.7.1:550 x", &warn));
	assert_true(warn);
	assert_non_null(maplint_error_text("go away", &warn));
	assert_false(warn);
	assert_non_null(maplint_error_text("5.7.1 550", &warn));
	assert_non_null(maplint_error_text("3xx", &warn));
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[600];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mapsrc_lines),
		cmocka_unit_test(test_mapsrc_limit),
		cmocka_unit_test(test_aliases_parse),
		cmocka_unit_test(test_aliases_limit),
		cmocka_unit_test(test_aliases_split),
		cmocka_unit_test(test_mapwrite),
		cmocka_unit_test(test_newaliases),
		cmocka_unit_test(test_lint_helpers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
