/*
 * options.h - the O-line option table (op.txt 5.6) and value checking.
 *
 * options_lookup() finds an option by long name the way sendmail does:
 * case-insensitive exact match, else an unambiguous case-insensitive prefix
 * (the caller warns, naming the full option), else ambiguous (the candidates
 * are returned) or unknown. Names with a '.' ("Timeout.queuereturn",
 * "Milter.macros.connect") are looked up by the part before the first dot;
 * the sub-name is checked separately. options_by_letter() maps the old
 * single-character names. options_check_value() types and range-checks a
 * value; it returns NULL when fine or a static message describing what was
 * expected.
 */
#ifndef MAILCF_OPTIONS_H
#define MAILCF_OPTIONS_H

#include <stddef.h>

#include "cfgen/ir.h"

struct option_def {
	const char *name;
	char letter;			/* old single-character name, or 0 */
	enum ir_opt_type type;
	const char *words;		/* IR_OPT_LIST: accepted items ("a,b,c"),
					 * IR_OPT_CHAR: accepted first letters;
					 * NULL = anything */
	int has_sub;			/* takes ".sub" names (Timeout, Milter) */
};

enum options_match { OPT_FOUND, OPT_ABBREV, OPT_AMBIGUOUS, OPT_UNKNOWN };

/* Look up the n bytes at name; *def is set for FOUND/ABBREV, and for
 * AMBIGUOUS *def and *other are two candidates. */
enum options_match options_lookup(const char *name, size_t n,
				  const struct option_def **def,
				  const struct option_def **other);
/* The option with old single-character name c, or NULL. */
const struct option_def *options_by_letter(char c);
/* Check a Timeout.* sub-name; 0 if known. */
int options_timeout_known(const char *sub);
/* Check value against def; sets *ival; NULL if fine, else what was wanted.
 * *bad_item receives the offending list item (static buffer) if any. */
const char *options_check_value(const struct option_def *def, const char *value,
				long long *ival, const char **bad_item);
/* Number of options in the table and the i-th one (tests, docs). */
size_t options_count(void);
const struct option_def *options_at(size_t i);

#endif
