/*
 * mailer.h - field syntax of M (mailer), Q (queue group) and X (milter)
 * lines, and the value syntax they share with D lines (op.txt 5.7, 5.9, 5.11;
 * cf-format.md 2 "munchstring").
 *
 * A line is "NAME, L=value, L=value, ...": fields are separated by commas,
 * blanks before a field are skipped, a '"' toggles quoting (the quotes are
 * removed, commas inside are kept), '\' escapes the next character (\n \r
 * \f \b give the control character). Only the first letter of a field name
 * counts, case-sensitively ("Path=" is "P="). Unknown letters are errors.
 */
#ifndef MAILCF_MAILER_H
#define MAILCF_MAILER_H

#include <stddef.h>

#include "cfgen/ir.h"
#include "lib/str.h"

struct dollar_ctx;

/* Copy s to out with quotes removed and escapes processed, stopping at an
 * unquoted delim (0 = run to the end); returns the bytes consumed. Sets
 * *unclosed when a quote was left open. */
size_t mailer_munch(const char *s, char delim, struct str *out, int *unclosed);
/* Parse "NAME, fields..." at text (column col0). what names the line kind
 * in messages ("mailer", "queue group", "milter"); letters lists the field
 * letters allowed. On success sets *name and the arena field array and
 * returns 0; on error reports and returns -1. */
int mailer_parse(const struct dollar_ctx *cx, const char *text, unsigned col0,
		 const char *what, const char *letters, const char **name,
		 struct ir_field **fields, size_t *nfields);
/* Field letters allowed on M, Q and X lines. */
extern const char mailer_letters[], mailer_qgroup_letters[], mailer_milter_letters[];
/* The mailer flags sendmail knows (op.txt 5.7.1 "F="). */
extern const char mailer_flags[];

#endif
