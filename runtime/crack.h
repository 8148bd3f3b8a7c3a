/*
 * crack.h - sendmail's crackaddr(): the "fancy" form of an address.
 *
 * crack_addr() returns the address with its mailbox replaced by "$g",
 * keeping phrases, comments, angle brackets and group syntax around it
 * ("Joe <joe@x>" -> "Joe <$g>", "(c) joe@x" -> "(c) $g", "g: a@b;" ->
 * "g: $g;"), quoting a phrase that needs it and repairing unbalanced
 * quotes, comments and angle brackets, as sendmail 8.17 does. -bt prints
 * it ("Cracked address = ..."); remotename() expands it with $g set to
 * the rewritten address. A result that would pass LIMIT_CRACK_BUF - 1
 * bytes, or any byte after a quote that follows the address, gives
 * "<$g>", as in sendmail. The "$g" is plain text: an address that itself
 * contains "$g" is expanded there too (sendmail marks it with a meta
 * byte instead).
 */
#ifndef MAILCF_CRACK_H
#define MAILCF_CRACK_H

#include "lib/str.h"

/* Append the cracked form of addr to out. */
void crack_addr(const char *addr, struct str *out);
/* Append fancy to out with each "$g" replaced by g, as remotename()
 * does: g cut at LIMIT_CRACK_G bytes, the result at LIMIT_CRACK_EXPAND. */
void crack_expand(const char *fancy, const char *g, struct str *out);

#endif
