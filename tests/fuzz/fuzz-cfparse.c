/*
 * fuzz-cfparse.c - libFuzzer harness for the .cf parser, the validator,
 * the JSON dump and the canonical emitter.
 *
 * Input: the bytes of a .cf file. It is parsed (no class or map files are
 * read), validated, dumped and emitted. When the file parsed without any
 * diagnostic, the emitted text must parse without errors to the same IR
 * (the round-trip property of cfgen emit); a difference aborts. Nothing
 * may crash, leak or read out of bounds whatever the bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/dump.h"
#include "cfgen/emit.h"
#include "cfgen/parse.h"
#include "cfgen/validate.h"
#include "lib/diag.h"
#include "lib/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse text; *clean is set when nothing at all was reported. */
static struct cf *parse(const char *text, size_t len, FILE *null, int *clean)
{
	const struct cf_parse_opts opts = { .no_files = 1 };
	struct diag *d = diag_new(DIAG_TEXT, null, "fuzz");
	struct cf *cf = cf_parse_buffer("fuzz.cf", text, len, d, &opts);

	*clean = diag_count(d, DIAG_ERROR) + diag_count(d, DIAG_WARNING) +
		 diag_count(d, DIAG_NOTE) == 0;
	if (cf)
		cf_validate(cf, d);
	*clean &= diag_count(d, DIAG_ERROR) == 0;
	diag_free(&d);
	return cf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct str a = STR_INIT, b = STR_INIT, text = STR_INIT;
	struct cf *cf, *again;
	int clean, clean2;

	if (null == NULL)
		null = fopen("/dev/null", "w");
	cf = parse((const char *)data, size, null, &clean);
	dump_json(cf, 1, &a);
	str_reset(&a);
	dump_json(cf, 0, &a);
	emit_cf(cf, &text);
	if (clean) {
		again = parse(text.s ? text.s : "", text.len, null, &clean2);
		dump_json(again, 0, &b);
		if (!clean2 || strcmp(str_cstr(&a), str_cstr(&b)) != 0) {
			fprintf(stderr, "round trip differs:\n%s\n---\n%s\n", str_cstr(&a),
				str_cstr(&b));
			abort();
		}
		cf_free(&again);
	}
	cf_free(&cf);
	str_free(&a);
	str_free(&b);
	str_free(&text);
	return 0;
}
