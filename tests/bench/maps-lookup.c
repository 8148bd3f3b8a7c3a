/*
 * maps-lookup.c - in-process lookup rate through maps/mapdb.h, for
 * tests/bench/maps.bench (built by it, not installed).
 *
 * Usage: maps-lookup TYPE MAPNAME N PREFIX
 * Looks up N keys PREFIX<i>.example.com (hits when the map was built from
 * the bench's source) and N keys miss<i>.example.com, and prints
 * "hits N/s misses N/s". Exits 1 if a hit is missing or a miss is found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/str.h"
#include "maps/mapdb.h"

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Look up n keys PREFIX<i>.example.com (i modulo mod), made before the
 * clock starts; returns how many were found and the rate. */
static long run(struct mapdb *db, const char *prefix, long n, long mod, double *rate)
{
	struct str v = STR_INIT;
	long found = 0, distinct = n < mod ? n : mod;
	char (*keys)[64] = malloc(sizeof *keys * (size_t)distinct);
	int *lens = malloc(sizeof *lens * (size_t)distinct);
	if (keys == NULL || lens == NULL)
		exit(2);
	for (long i = 0; i < distinct; i++)
		lens[i] = snprintf(keys[i], sizeof keys[i], "%s%ld.example.com", prefix, i);
	double t0 = now();
	for (long i = 0; i < n; i++) {
		long k = (i * 7919) % distinct;	/* spread over the map */
		found += mapdb_get(db, keys[k], (size_t)lens[k], &v) == 1;
	}
	*rate = (double)n / (now() - t0);
	free(keys);
	free(lens);
	str_free(&v);
	return found;
}

int main(int argc, char **argv)
{
	char err[512];
	if (argc != 5) {
		fputs("usage: maps-lookup TYPE MAPNAME N PREFIX\n", stderr);
		return 2;
	}
	long n = atol(argv[3]);
	struct mapdb *db = mapdb_open(argv[2], argv[1], err, sizeof err);
	if (db == NULL || n <= 0) {
		fprintf(stderr, "maps-lookup: %s\n", db ? "bad N" : err);
		return 2;
	}
	long entries = mapdb_count(db);
	double hit_rate, miss_rate;
	long hits = run(db, argv[4], n, entries > 0 ? entries : 1, &hit_rate);
	long misses = run(db, "miss", n, n, &miss_rate);
	mapdb_close(&db);
	printf("hits %.0f/s misses %.0f/s\n", hit_rate, miss_rate);
	return hits == n && misses == 0 ? 0 : 1;
}
