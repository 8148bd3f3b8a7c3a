/*
 * macro.h - the runtime macro table ($x, ${name}) and its expansion.
 *
 * Values are stored as written in D lines or -bt ".D" commands: "$x"
 * references inside stay symbolic and are expanded at use, as sendmail
 * does (op.txt 5.1.2). macro_expand() handles $x, ${name}, $$ and the
 * conditional $?x ... $| ... $. with LIMIT_MACRO_RECURSION levels.
 * The table owns copies of names and values.
 */
#ifndef MAILCF_MACRO_H
#define MAILCF_MACRO_H

#include "lib/str.h"

struct macro;

/* A new, empty table. */
struct macro *macro_new(void);
/* Free it; *mp becomes NULL. */
void macro_free(struct macro **mp);
/* Set name ("j", "client_addr") to value; NULL value undefines it. */
void macro_set(struct macro *m, const char *name, const char *value);
/* The stored value, or NULL when undefined. */
const char *macro_get(const struct macro *m, const char *name);
/* Append the expansion of text to out; -1 if expansion nests deeper
 * than LIMIT_MACRO_RECURSION (out then holds what was expanded). */
int macro_expand(const struct macro *m, const char *text, struct str *out);
/* Parse a macro name at *p ("x" or "{name}"), copying it into name
 * (size bytes); advances *p. -1 if malformed. */
int macro_name(const char **p, char *name, size_t size);

#endif
