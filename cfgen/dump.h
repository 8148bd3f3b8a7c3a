/*
 * dump.h - the IR as JSON (cfgen dump --json), documented by
 * schemas/ir.schema.json.
 *
 * Output is deterministic: arrays in definition order except rulesets,
 * which are sorted by number. With positions = 0, every source position
 * (file, line, column) and the raw rule text are left out, so the dumps of
 * a file and of its canonical re-emission compare equal.
 */
#ifndef MAILCF_DUMP_H
#define MAILCF_DUMP_H

#include "cfgen/ir.h"
#include "lib/str.h"

/* Append the JSON document for cf to out (ends with a newline). */
void dump_json(const struct cf *cf, int positions, struct str *out);

#endif
