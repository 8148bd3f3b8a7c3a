/*
 * fuzz-mapsrc.c - libFuzzer harness for the makemap source parser and the
 * key/value map linters.
 *
 * Input: byte 0 picks the parser options (delimiter, folding, -e) and the
 * lint kind; the rest is the source text. Every entry goes into an
 * in-memory map builder (never committed), then the same text is linted
 * as access, virtusertable or mailertable. Nothing may crash, leak or read
 * out of bounds whatever the bytes.
 */
#include <stdint.h>
#include <stdio.h>

#include "lib/diag.h"
#include "maps/maplint.h"
#include "maps/mapsrc.h"
#include "maps/mapwrite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Store each entry in the builder. */
static int put(void *arg, const struct mapsrc_entry *e)
{
	mapwrite_put(arg, e->key, e->keylen, e->value, e->valuelen, e->keylen & 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	static const enum maplint_kind kinds[] = { MAPLINT_ACCESS, MAPLINT_VIRTUSER,
						   MAPLINT_MAILERTABLE, MAPLINT_HOSTS };
	if (size < 1)
		return 0;
	if (null == NULL)
		null = fopen("/dev/null", "w");
	struct mapsrc_opts o;
	mapsrc_opts_init(&o);
	o.delim = data[0] & 1 ? ':' : -1;
	o.fold = !(data[0] & 2);
	o.allow_empty = data[0] & 4;
	char err[256];
	struct mapwrite *w = mapwrite_open("/nonexistent/fuzz", "hash", 0, err, sizeof err);
	struct diag *d = diag_new(DIAG_TEXT, null, "fuzz");
	FILE *f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "r");
	if (f != NULL && size > 1) {
		mapsrc_parse(f, "src", &o, d, put, w);
		rewind(f);
		struct maplint_opts lo = { NULL, "example.com,local.test", "esmtp,smtp,relay",
					   NULL, (data[0] & 8) != 0 };
		maplint_run(f, "src", kinds[(data[0] >> 4) & 3], "hash", NULL, &lo, d);
	}
	if (f != NULL)
		fclose(f);
	mapwrite_abort(&w);
	diag_free(&d);
	return 0;
}
