/*
 * test-maps-mapdb.c - unit tests for maps/mapdb.c, the map reader.
 * Maps are created here directly with the GDBM and tinycdb APIs (not with
 * our writer), so the reader is checked against the file formats
 * themselves: NUL-terminated and bare keys, iteration, replacement
 * detection, bad files, the MAXKEY bound.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cdb.h>
#include <fcntl.h>
#include <gdbm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "maps/mapdb.h"

static char dir[] = "/tmp/test-mapdb.XXXXXX";

/* dir/name followed by suffix, in one of two rotating static buffers. */
static char *file_of(const char *name, const char *suffix)
{
	static char bufs[2][4096];
	static int which;
	char *buf = bufs[which ^= 1];
	snprintf(buf, sizeof bufs[0], "%s/%s%s", dir, name, suffix);
	return buf;
}

/* dir/name */
static char *path_of(const char *name)
{
	return file_of(name, "");
}

/* Create dir/name.db with the pairs (k, v); withnul stores trailing NULs. */
static void make_gdbm(const char *name, const char **pairs, int withnul)
{
	const char *file = file_of(name, ".db");
	GDBM_FILE g = gdbm_open(file, 0, GDBM_NEWDB, 0644, NULL);
	assert_non_null(g);
	for (; pairs[0] != NULL; pairs += 2) {
		datum k = { (char *)pairs[0], (int)strlen(pairs[0]) + withnul };
		datum v = { (char *)pairs[1], (int)strlen(pairs[1]) + withnul };
		assert_int_equal(gdbm_store(g, k, v, GDBM_INSERT), 0);
	}
	gdbm_close(g);
}

/* Create dir/name.cdb with the pairs (k, v). */
static void make_cdb(const char *name, const char **pairs)
{
	const char *file = file_of(name, ".cdb");
	struct cdb_make cm;
	int fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	cdb_make_start(&cm, fd);
	for (; pairs[0] != NULL; pairs += 2)
		cdb_make_add(&cm, pairs[0], (unsigned)strlen(pairs[0]), pairs[1],
			     (unsigned)strlen(pairs[1]));
	assert_int_equal(cdb_make_finish(&cm), 0);
	close(fd);
}

static const char *access_pairs[] = {
	"example.com", "REJECT", "127.0.0.1", "RELAY", "", "empty-key", NULL,
};

/* Open, look up hits and misses, close. */
static void check_lookups(const char *name, const char *type)
{
	char err[256];
	struct str v = STR_INIT;
	struct mapdb *db = mapdb_open(path_of(name), type, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(mapdb_get(db, "example.com", 11, &v), 1);
	assert_string_equal(v.s, "REJECT");
	assert_int_equal(v.len, 6);
	assert_int_equal(mapdb_get(db, "127.0.0.1", 9, &v), 1);
	assert_string_equal(v.s, "RELAY");
	assert_int_equal(mapdb_get(db, "Example.com", 11, &v), 0);
	assert_string_equal(v.s, "RELAY");	/* untouched on a miss */
	assert_int_equal(mapdb_get(db, "example.co", 10, &v), 0);
	assert_int_equal(mapdb_count(db), 3);
	mapdb_close(&db);
	assert_null(db);
	str_free(&v);
}

static void test_gdbm_plain(void **state)
{
	(void)state;
	make_gdbm("plain", access_pairs, 0);
	check_lookups("plain", "hash");
	check_lookups("plain", "btree");
	check_lookups("plain", "implicit");
}

static void test_gdbm_nul(void **state)
{
	(void)state;
	make_gdbm("withnul", access_pairs, 1);
	check_lookups("withnul", "hash");
	/* Forced forms: NEVER misses a NUL-stored map, ALWAYS finds it. */
	char err[256];
	struct str v = STR_INIT;
	struct mapdb *db = mapdb_open(path_of("withnul"), "hash", err, sizeof err);
	assert_non_null(db);
	mapdb_set_nul(db, MAPDB_NUL_NEVER);
	assert_int_equal(mapdb_get(db, "example.com", 11, &v), 0);
	mapdb_set_nul(db, MAPDB_NUL_ALWAYS);
	assert_int_equal(mapdb_get(db, "example.com", 11, &v), 1);
	assert_string_equal(v.s, "REJECT");
	mapdb_close(&db);
	str_free(&v);
}

static void test_cdb(void **state)
{
	(void)state;
	make_cdb("c", access_pairs);
	check_lookups("c", "cdb");
	check_lookups("c", "implicit");	/* no c.db: falls back to c.cdb */
}

/* Iterate a map and check every pair was seen exactly once. */
static void check_iteration(const char *name, const char *type)
{
	char err[256];
	struct str k = STR_INIT, v = STR_INIT;
	int seen[3] = { 0, 0, 0 }, n = 0, r;
	struct mapdb *db = mapdb_open(path_of(name), type, err, sizeof err);
	assert_non_null(db);
	for (int pass = 0; pass < 2; pass++) {
		mapdb_rewind(db);
		while ((r = mapdb_next(db, &k, &v)) == 1 && n < 10) {
			for (int i = 0; i < 3; i++)
				if (strcmp(k.s, access_pairs[2 * i]) == 0) {
					assert_string_equal(v.s, access_pairs[2 * i + 1]);
					seen[i]++;
				}
			n++;
		}
		assert_int_equal(r, 0);
	}
	assert_int_equal(n, 6);
	for (int i = 0; i < 3; i++)
		assert_int_equal(seen[i], 2);
	mapdb_close(&db);
	str_free(&k);
	str_free(&v);
}

static void test_iterate(void **state)
{
	(void)state;
	make_gdbm("it", access_pairs, 1);
	check_iteration("it", "hash");
	make_cdb("itc", access_pairs);
	check_iteration("itc", "cdb");
}

static void test_changed(void **state)
{
	char err[256];
	struct str v = STR_INIT;
	const char *one[] = { "k", "old", NULL };
	const char *two[] = { "k", "new", NULL };
	(void)state;
	make_gdbm("chg", one, 0);
	struct mapdb *db = mapdb_open(path_of("chg"), "hash", err, sizeof err);
	assert_non_null(db);
	assert_int_equal(mapdb_changed(db), 0);
	/* Replace by rename, as the writer does. */
	make_gdbm("chg-new", two, 0);
	char to[4096];
	snprintf(to, sizeof to, "%s", file_of("chg", ".db"));
	assert_int_equal(rename(file_of("chg-new", ".db"), to), 0);
	assert_int_equal(mapdb_changed(db), 1);
	/* The open handle still reads the old file. */
	assert_int_equal(mapdb_get(db, "k", 1, &v), 1);
	assert_string_equal(v.s, "old");
	mapdb_close(&db);
	db = mapdb_open(path_of("chg"), "hash", err, sizeof err);
	assert_int_equal(mapdb_get(db, "k", 1, &v), 1);
	assert_string_equal(v.s, "new");
	unlink(to);
	assert_int_equal(mapdb_changed(db), 1);
	mapdb_close(&db);
	str_free(&v);
}

static void test_errors(void **state)
{
	char err[256];
	(void)state;
	assert_null(mapdb_open(path_of("missing"), "hash", err, sizeof err));
	assert_non_null(strstr(err, "missing.db: No such file"));
	assert_null(mapdb_open(path_of("missing"), "implicit", err, sizeof err));
	assert_non_null(strstr(err, "tried .db and .cdb"));
	assert_null(mapdb_open(path_of("x"), "ldap", err, sizeof err));
	assert_non_null(strstr(err, "supported: hash"));
	/* A text file is neither GDBM nor cdb. */
	FILE *f = fopen(path_of("junk.db"), "w");
	fputs("this is not a database\n", f);
	fclose(f);
	assert_null(mapdb_open(path_of("junk"), "hash", err, sizeof err));
	assert_non_null(strstr(err, "junk.db"));
	assert_null(mapdb_open(path_of("junk.db"), "cdb", err, sizeof err));
	assert_null(mapdb_filename("x", "nis"));
	char *fn = mapdb_filename("/a/b.db", "hash");
	assert_string_equal(fn, "/a/b.db");
	free(fn);
	fn = mapdb_filename("/a/b", "cdb");
	assert_string_equal(fn, "/a/b.cdb");
	free(fn);
}

/* Keys at LIMIT_MAP_KEY - 1 are looked up, at LIMIT_MAP_KEY they are not. */
static void test_key_limit(void **state)
{
	static char big[LIMIT_MAP_KEY + 1];
	char err[256];
	struct str v = STR_INIT;
	(void)state;
	memset(big, 'k', LIMIT_MAP_KEY);
	big[LIMIT_MAP_KEY - 1] = '\0';
	const char *pairs[] = { big, "v", NULL };
	make_gdbm("big", pairs, 0);
	struct mapdb *db = mapdb_open(path_of("big"), "hash", err, sizeof err);
	assert_non_null(db);
	assert_int_equal(mapdb_get(db, big, LIMIT_MAP_KEY - 1, &v), 1);
	big[LIMIT_MAP_KEY - 1] = 'k';
	assert_int_equal(mapdb_get(db, big, LIMIT_MAP_KEY, &v), 0);
	mapdb_close(&db);
	str_free(&v);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[4200];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gdbm_plain),
		cmocka_unit_test(test_gdbm_nul),
		cmocka_unit_test(test_cdb),
		cmocka_unit_test(test_iterate),
		cmocka_unit_test(test_changed),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_key_limit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
