/*
 * debug.h - sendmail's -d debug categories, as far as we implement them.
 *
 * A specification is "cat[-cat][.level]" items separated by commas
 * ("-d" alone: every category at 1); categories are 0..99 and unknown
 * ones are accepted and do nothing, as in sendmail. What we print:
 *   0.1   "Version", "Compiled with:" (what mailcf supports), then the
 *         "SYSTEM IDENTITY (after readcf)" block
 *   0.4   "Canonical name", "UUCP nodename", "a.k.a." host names
 *   0.10  the default and selected configuration file
 *   0.15  the mailers, as "=M" prints them
 *   0.20  each interface address alone before its "a.k.a." lines
 *   3     "getla()": the load average at start-up
 *   2     "====finis" at the end of test mode (bt.c)
 *   21    the rewriting trace (rw.c)
 *   60    map lookups made while rewriting, with their arguments at 60.5
 * sendmail's other lines for these categories describe its own build
 * (OS and FFR defines, OpenSSL versions, pid file) and are not printed.
 */
#ifndef MAILCF_DEBUG_H
#define MAILCF_DEBUG_H

#include <stdio.h>

#include "runtime/rt.h"

#define DEBUG_CATEGORIES 100

/* Apply a specification to levels[DEBUG_CATEGORIES]. */
void debug_set(unsigned char *levels, const char *spec);
/* Print the start-up lines of category 0 for rt (NULL when the
 * configuration could not be loaded) around readcf, the messages the
 * configuration's loading printed (held back so that they come where
 * sendmail prints them). cf is the -C file as given. */
void debug_startup(struct rt *rt, const unsigned char *levels,
		   const char *cf, const char *readcf);
/* The -d60 line for one map lookup made while rewriting. */
void debug_map_lookup(const struct rt *rt, const char *map,
		      const char *const *args, int nargs, const char *result,
		      int status);

#endif
