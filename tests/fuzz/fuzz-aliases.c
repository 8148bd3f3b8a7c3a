/*
 * fuzz-aliases.c - libFuzzer harness for the aliases(5) parser, the value
 * splitter and the aliases linter (loops, includes, duplicates).
 *
 * Input: the aliases text. Each parsed entry's value is split again on its
 * own; then the whole text is linted. Nothing may crash, leak, recurse
 * without bound or read out of bounds.
 */
#include <stdint.h>
#include <stdio.h>

#include "lib/diag.h"
#include "maps/aliases.h"
#include "maps/maplint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Count targets (touches every byte of each). */
static void target(void *arg, const struct alias_target *t)
{
	size_t *n = arg;
	for (size_t i = 0; i < t->len; i++)
		*n += (unsigned char)t->text[i] == 0xff;
	(*n)++;
}

/* Split each value again. */
static int entry(void *arg, const struct alias *a)
{
	const char *msg;
	size_t off;
	aliases_split(a->value, a->valuelen, target, arg, &msg, &off);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	if (size == 0)
		return 0;
	if (null == NULL)
		null = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, null, "fuzz");
	FILE *f = fmemopen((void *)data, size, "r");
	size_t n = 0;
	if (f != NULL) {
		aliases_parse(f, "aliases", d, entry, &n);
		rewind(f);
		struct maplint_opts lo = { NULL, NULL, NULL, NULL, 0 };
		maplint_run(f, "aliases", MAPLINT_ALIASES, "hash", NULL, &lo, d);
		fclose(f);
	}
	diag_free(&d);
	return 0;
}
