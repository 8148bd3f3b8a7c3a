/*
 * fuzz-rewrite.c - libFuzzer harness for the tokenizer and the rewriting
 * engine, through -bt commands over tests/fuzz/rewrite.cf.
 *
 * Each input is cut into lines; each line runs as a test-mode command
 * (rulesets + address, /parse, /try, /map, =S, $x ...). Commands that
 * would change state forever (".D", ".C", "-d") or use the network
 * ("/mx") are skipped, so runs stay independent and bounded.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/parse.h"
#include "lib/diag.h"
#include "lib/limits.h"
#include "runtime/bt.h"
#include "runtime/rt.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rt *rt;

/* Load the configuration once, before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *null = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, null, "fuzz");
	struct cf *cf = cf_parse_file("tests/fuzz/rewrite.cf", d, NULL);

	(void)argc;
	(void)argv;
	diag_free(&d);
	if (!cf || !(rt = rt_new(cf, 't', null, null))) {
		fprintf(stderr, "fuzz-rewrite: cannot load tests/fuzz/rewrite.cf\n");
		abort();
	}
	rt->trace = 1;
	return 0;
}

/* Run every line of the input as a -bt command. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char line[LIMIT_BT_LINE];

	while (size > 0) {
		size_t n = 0;

		while (n < size && data[n] != '\n' && n < sizeof line - 1)
			n++;
		memcpy(line, data, n);
		line[n] = '\0';
		data += n + (n < size);
		size -= n + (n < size);
		if (line[0] == '.' || line[0] == '-' || strncmp(line, "/mx", 3) == 0 ||
		    strncmp(line, "/quit", 5) == 0)
			continue;
		bt_line(rt, line);
	}
	return 0;
}
