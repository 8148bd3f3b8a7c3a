/*
 * mccheck.h - the .mc checks MC001-MC019 of cfgen lint
 * (shared/notes/lint-catalog.md section 1): all but MC007 run on the
 * scanned source (mcsource.h) without m4; MC007 runs on the .cf m4
 * generated, with its sync-line origins. MC020 (raw cf in
 * LOCAL_CONFIG/LOCAL_RULESETS) is the CF checks themselves, reported at
 * the .mc line (build.h).
 *
 * Every finding is reported through diag at the .mc position, and the
 * most severe error or warning of each line is remembered in hits (a
 * level by line number, grown as needed) so the caller can drop the
 * library's message for the same line when a finding at least as severe
 * stands there (a note, being advice, hides nothing).
 */
#ifndef MAILCF_MCCHECK_H
#define MAILCF_MCCHECK_H

#include "cfgen/m4run.h"
#include "cfgen/mcsource.h"
#include "lib/diag.h"

struct mccheck_hits {
	unsigned char *level;	/* by line: 0 none, else severity + 1 */
	size_t nlines;
};

/* Run every MC check over src; libdir (ending in '/') tells which
 * features, mailers, ostypes, domains and hacks exist. */
void mccheck_run(const struct mcsource *src, const char *libdir,
		 struct diag *d, struct mccheck_hits *hits);
/* MC007 on the generated .cf (len bytes of text, line origins from
 * m4run.h): a line that m4 copied from src's own text (its origin is a
 * line of src outside LOCAL_CONFIG-style raw sections) and that is
 * neither blank nor a '#' comment: a macro call without dnl and text
 * after it, or a bare word. A blank line is harmless and not reported. */
void mccheck_output(const struct mcsource *src, const char *text, size_t len,
		    const struct m4run_lines *lines, struct diag *d,
		    struct mccheck_hits *hits);
/* 1 if a finding of severity sev or worse was reported on line. */
int mccheck_hit(const struct mccheck_hits *hits, unsigned line, enum diag_severity sev);
void mccheck_hits_free(struct mccheck_hits *hits);

#endif
