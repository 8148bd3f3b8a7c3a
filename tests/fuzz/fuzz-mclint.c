/*
 * fuzz-mclint.c - libFuzzer harness for the .mc front end of cfgen lint:
 * the .mc scanner (mcsource.h), the MC text checks (mccheck.h), the
 * include preamble (mcpaths.h) and the m4 sync-line stripper (m4run.h).
 *
 * Input: the bytes are scanned and checked as a .mc (against a library
 * directory that does not exist, so no file is read), the preamble is
 * generated from the scan, and the same bytes are stripped as `m4 -s`
 * output; every origin the stripper records must name a real output line,
 * and MC007 runs on that output as if m4 had produced it from the .mc.
 * Nothing may crash, leak or read out of bounds whatever the bytes. No m4
 * is run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cfgen/m4run.h"
#include "cfgen/mccheck.h"
#include "cfgen/mcpaths.h"
#include "cfgen/mcsource.h"
#include "lib/diag.h"
#include "lib/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct mcsource src;
	struct mccheck_hits hits = { 0 };
	struct str pre = STR_INIT, out = STR_INIT;
	struct m4run_lines lines = { 0 };

	if (null == NULL)
		null = fopen("/dev/null", "w");
	struct diag *d = diag_new(DIAG_TEXT, null, "fuzz");
	mcsource_scan(&src, "fuzz.mc", (const char *)data, size);
	mccheck_run(&src, "/nonexistent/mailcf-fuzz/", d, &hits);
	mcpaths_preamble(&src, "/nonexistent/mailcf-fuzz/", &pre, d);
	m4run_strip_synclines((const char *)data, size, &out, &lines);
	size_t nl = 0;
	for (size_t i = 0; i < out.len; i++)
		nl += out.s[i] == '\n';
	if (lines.n > nl + 1)
		abort();	/* an origin for a line that does not exist */
	mccheck_output(&src, out.s ? out.s : "", out.len, &lines, d, &hits);
	m4run_lines_free(&lines);
	str_free(&out);
	str_free(&pre);
	mccheck_hits_free(&hits);
	mcsource_free(&src);
	diag_free(&d);
	return 0;
}
