/*
 * emit.h - the IR as canonical sendmail.cf text (cfgen emit).
 *
 * The text re-parses to the same IR (cfgen dump --no-positions of the
 * emitted text equals that of the original) for configurations without
 * errors, except one that uses a host macro ($j $w $m $k $v $b ${opMode})
 * in a rule before defining it with a D line: that use is written $&x. Sections come in a
 * fixed order: V, O, D, classes (C/F), P, K, E, M, H, Q, X, then rulesets
 * by number. Rules are written from their compiled tokens, one space
 * between tokens, so macros appear already expanded; '$' in text is
 * written "$$" and '#' is written "\#".
 */
#ifndef MAILCF_EMIT_H
#define MAILCF_EMIT_H

#include "cfgen/ir.h"
#include "lib/str.h"

/* Append the configuration text for cf to out. */
void emit_cf(const struct cf *cf, struct str *out);

#endif
