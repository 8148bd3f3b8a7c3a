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

/* Print the refused lines before line (UINT_MAX: all) not yet printed:
 * the map setup calls it before each K line, so that the messages come
 * in the order of the file, as readcf prints them. */
void cfwarn_rejected_upto(struct rt *rt, FILE *err, unsigned line);
/* At the end of reading: the warning for a V level other than ours
 * (RT_CF_LEVEL), older or newer. */
void cfwarn_version(const struct rt *rt, FILE *err);

#endif
