/*
 * diag.h - the only way mailcf reports problems in input files.
 *
 * Text:  file:line:col: error|warning|note: message [ID]
 * JSON:  {"diagnostics":[{...}],"summary":{...}} printed by diag_finish()
 * SARIF: a SARIF 2.1.0 log printed by diag_finish()
 *
 * A struct diag collects everything reported through it. Text is printed as
 * reported; JSON and SARIF are printed once, at diag_finish(). After
 * LIMIT_DIAG_ERRORS errors, further reports are dropped and diag_stopped()
 * turns true, so parsers can stop early. Suppressed IDs (--disable) are
 * dropped without counting. With werror, warnings count as errors for
 * diag_failed().
 * Messages are copied; attacker-controlled text in them should go through
 * diag_quote() first.
 */
#ifndef MAILCF_DIAG_H
#define MAILCF_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };
enum diag_format { DIAG_TEXT, DIAG_JSON, DIAG_SARIF };

/* A place in a source file; line and col are 1-based, 0 = unknown. */
struct srcpos {
	const char *file;
	unsigned line, col;
};

/* One check of a catalog, for SARIF's rules table. */
struct diag_rule {
	const char *id;
	enum diag_severity level;
	const char *summary;
};

struct diag;

/* New collector printing to out (stderr for text, usually stdout for
 * JSON/SARIF); tool names the program in SARIF and in position-less text. */
struct diag *diag_new(enum diag_format fmt, FILE *out, const char *tool);
/* Parse "text", "json" or "sarif"; -1 if unknown. */
int diag_format_parse(const char *name, enum diag_format *fmt);
/* Register a catalog of checks (kept by pointer; must outlive d). */
void diag_add_rules(struct diag *d, const struct diag_rule *rules, unsigned n);
/* Comma-separated IDs to drop. */
void diag_disable(struct diag *d, const char *ids);
/* Count warnings as failures. */
void diag_set_werror(struct diag *d, int on);
/* Rewrite every reported position through fn(ctx, pos) before it is
 * recorded (fn may change file/line/col; the strings must outlive d), e.g.
 * to map a generated file's lines back to their source. NULL turns it off. */
void diag_set_remap(struct diag *d, void (*fn)(void *ctx, struct srcpos *pos),
		    void *ctx);
/* Report one problem. pos may be NULL; id may be NULL. */
void diag_report(struct diag *d, enum diag_severity sev, const struct srcpos *pos,
		 const char *id, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void diag_vreport(struct diag *d, enum diag_severity sev, const struct srcpos *pos,
		  const char *id, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
/* Number reported so far at a severity. */
unsigned diag_count(const struct diag *d, enum diag_severity sev);
/* True once the error limit was reached. */
int diag_stopped(const struct diag *d);
/* True if there were errors (or warnings under werror). */
int diag_failed(const struct diag *d);
/* Print JSON/SARIF output (no-op for text). */
void diag_finish(struct diag *d);
/* Free the collector; *dp becomes NULL. */
void diag_free(struct diag **dp);
/* Copy of s safe to show: control and non-ASCII bytes as \xNN, cut to max
 * bytes with "..." appended. Caller frees. */
char *diag_quote(const char *s, unsigned long max);

#endif
