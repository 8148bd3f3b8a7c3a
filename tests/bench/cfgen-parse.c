/*
 * cfgen-parse.c - in-process timing of cf_parse_buffer + cf_validate.
 *
 * Usage: cfgen-parse FILE.cf N
 * Reads FILE.cf once, then parses and validates it N times (no class or
 * map files read, as `cfgen check --no-files`), and prints the median and
 * minimum milliseconds per run. Built and run by tests/bench/cfgen.bench;
 * not installed. Exits 1 if the file does not check clean.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cfgen/parse.h"
#include "cfgen/validate.h"
#include "lib/diag.h"
#include "lib/str.h"

/* Whole file into s; 0 or -1. */
static int slurp(const char *path, struct str *s)
{
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		str_appendn(s, buf, n);
	fclose(f);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct str text = STR_INIT;
	struct cf_parse_opts opts = { .no_files = 1 };
	int n = argc == 3 ? atoi(argv[2]) : 0;
	double *ms;
	FILE *null = fopen("/dev/null", "w");

	if (n <= 0 || n > 1000000 || null == NULL || slurp(argv[1], &text) < 0) {
		fprintf(stderr, "usage: cfgen-parse FILE.cf N (1..1000000)\n");
		return 2;
	}
	ms = calloc((size_t)n, sizeof *ms);
	for (int i = 0; i < n; i++) {
		struct diag *d = diag_new(DIAG_TEXT, null, "bench");
		struct timespec t0, t1;
		struct cf *cf;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		cf = cf_parse_buffer(argv[1], text.s, text.len, d, &opts);
		if (cf)
			cf_validate(cf, d);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (cf == NULL || diag_count(d, DIAG_ERROR) > 0) {
			fprintf(stderr, "cfgen-parse: %s does not check clean\n", argv[1]);
			return 1;
		}
		cf_free(&cf);
		diag_free(&d);
		ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	}
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	printf("%.3f ms median, %.3f ms min (%d runs)\n", ms[n / 2], ms[0], n);
	free(ms);
	str_free(&text);
	fclose(null);
	return 0;
}
