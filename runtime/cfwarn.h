/*
 * cfwarn.h - what sendmail's readcf says about lines it refuses.
 *
 * The runtime loads configurations with cfgen's parser, whose own
 * diagnostics are for cfgen check; sendmail prints some problems itself
 * while reading and goes on without the line. cfwarn_rejected() prints
 * those (cf->rejected) in sendmail's words, and, as each is a syserr
 * there, sets the exit status to EX_SOFTWARE (70).
 */
#ifndef MAILCF_CFWARN_H
#define MAILCF_CFWARN_H

#include <stdio.h>

#include "runtime/rt.h"

void cfwarn_rejected(struct rt *rt, FILE *err);
/* At the end of reading: the warning for a V level other than ours
 * (RT_CF_LEVEL), older or newer. */
void cfwarn_version(const struct rt *rt, FILE *err);

#endif
