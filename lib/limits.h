/*
 * limits.h - every limit mailcf enforces, in one place.
 *
 * Each LIMIT_* mirrors a sendmail constant (conf.h of sendmail 8.17) or an
 * RFC requirement, named in its comment. Code never uses a bare number for
 * one of these. Include as "lib/limits.h" (never <limits.h>).
 */
#ifndef MAILCF_LIMITS_H
#define MAILCF_LIMITS_H

/* .cf logical line length we accept; sendmail MAXLINE is 2048 for per-line
 * buffers but readcf grows lines dynamically; we cap at 64 KiB. */
#define LIMIT_CF_LINE 65536
/* Diagnostics per file before "too many errors" (cc-style cut-off). */
#define LIMIT_DIAG_ERRORS 100
/* Token length: sendmail MAXNAME 256. */
#define LIMIT_TOKEN_LEN 256
/* Tokens per address / rule side: sendmail MAXATOM 1000. */
#define LIMIT_TOKENS 1000
/* Numbered rulesets 0..99; with named ones up to MAXRWSETS 200. */
#define LIMIT_RULESET_NUMBERED 100
#define LIMIT_RULESETS 200
/* Wildcards on one LHS: MAXMATCH 9 ($1..$9). */
#define LIMIT_MATCH 9
/* $> calls in one RHS: MAX_SUBR 16. */
#define LIMIT_SUBR 16
/* Nested ruleset calls: MAXRULERECURSION 50. */
#define LIMIT_RULE_RECURSION 50
/* Iterations of one rule before "Infinite loop": 100 in rewrite(). */
#define LIMIT_RULE_LOOP 100
/* Macro name length: MAXMACNAMELEN 25. */
#define LIMIT_MACRO_NAME 25
/* Map args: MAX_MAP_ARGS 10 (key + 9). */
#define LIMIT_MAP_ARGS 10
/* P lines: MAXPRIORITIES 25. */
#define LIMIT_PRIORITIES 25
/* M lines: MAXMAILERS 25. */
#define LIMIT_MAILERS 25
/* Map key length: MAXKEY 1024. */
#define LIMIT_MAP_KEY 1024
/* makemap source line: BUFSIZE 1024 in makemap.c, so at most 1022 bytes
 * before the newline; longer lines are an error (sendmail splits them). */
#define LIMIT_MAP_LINE 1024
/* aliases(5) logical line (continuations joined): 8192 bytes buffer in
 * readaliases(), so at most 8190 bytes; longer is "alias line too long". */
#define LIMIT_ALIAS_LINE 8192
/* Macro expansion depth: MaxMacroRecursion default 10. */
#define LIMIT_MACRO_RECURSION 10
/* Nested $?x conditionals in one expansion: sendmail keeps them in an
 * int bitmask (macro.c expand), so 32. */
#define LIMIT_COND_NESTING 32
/* Files nested by include (m4 front end, aliases :include:). */
#define LIMIT_INCLUDE_DEPTH 10

/* SMTP (RFC 5321 4.5.3.1): command line 512 octets incl. CRLF, text line
 * 1000 octets incl. CRLF, 100 recipients minimum buffer. */
#define LIMIT_SMTP_COMMAND_LINE 512
#define LIMIT_SMTP_TEXT_LINE 1000
#define LIMIT_SMTP_RCPTS 100

/* Runtime (runtime/): classes in one configuration (sendmail's class ids
 * are one byte: MAXMACROID 0377 + 1). */
#define LIMIT_CLASSES 256
/* sendmail's symbol table size (STABSIZE 2003): the hash that orders
 * "$=X" listings in -bt. */
#define LIMIT_STAB_SIZE 2003
/* -bt input line: MAXLINE 2048 bytes including the newline. */
#define LIMIT_BT_LINE 2048
/* -bt address length: MAXNAME - 1 = 255 bytes. */
#define LIMIT_BT_ADDR 255
/* Shortened addresses in error messages: MAXSHORTSTR 203. */
#define LIMIT_SHORT_STR 203
/* crackaddr()'s result: at most 255 bytes (observed; MAXNAME 256 with
 * the NUL); a longer one gives "<$g>". The buffer size, NUL included. */
#define LIMIT_CRACK_BUF 256
/* remotename() sets $g with cataddr() into lbuf[MAXNAME + 1], which keeps
 * at most 254 bytes of the rewritten address (observed), and expands the
 * template into buf[MAXNAME + 1]: the result is cut at 256 bytes. */
#define LIMIT_CRACK_G 254
#define LIMIT_CRACK_EXPAND 256
/* Map lookup key and result buffers: MAXNAME + 1 (cbuf) and MAXLINE. */
#define LIMIT_MAP_RESULT 2048
/* Ruleset name length: MAXNAME 256. */
#define LIMIT_RULESET_NAME 256
/* Bytes of m4 output (the generated .cf, or its messages) cfgen build and
 * lint accept; no sendmail counterpart (stock configs are ~100 KiB). */
#define LIMIT_M4_OUTPUT (16 * 1024 * 1024)
/* Bytes of one diagnostic message that quotes input text (cfgen lint's
 * MC messages); longer ones are cut with "..." by diag_quote. */
#define LIMIT_DIAG_MESSAGE 1024
/* .mc source size cfgen lint scans (its own cap, far above any real .mc). */
#define LIMIT_MC_SOURCE (4 * 1024 * 1024)

/* MX hosts kept per name: sendmail MAXMXHOSTS, 100 (an answer with more
 * is cut to its first 100 records). */
#define LIMIT_MX_HOSTS 100
/* Bytes of one DNS answer we read: 65535, the largest TCP message
 * (RFC 1035 4.2.2); sendmail's MAXPACKET is smaller, it only matters for
 * answers past it. */
#define LIMIT_DNS_ANSWER 65535
/* A dns map's joined (-z) result: sendmail 8.17 was measured to return at
 * most 627 bytes; a longer one is cut after the last -z delimiter that
 * leaves room for "..." (op.txt: -z is "the separator character at which
 * the result of a query is cut off if is too long"). */
#define LIMIT_DNS_MAP_RESULT 627
/* Host map answers remembered per process (sendmail keeps every one in
 * its symbol table for the run); past this many, new ones are not kept. */
#define LIMIT_HOST_CACHE 1024
/* CNAME links getcanonname follows before it gives up: sendmail's
 * MAXCNAMEDEPTH is 10. */
#define LIMIT_CNAME_DEPTH 10

/* A program map's program may run this long before it is killed
 * (sendmail waits without a bound; we do not). */
#define LIMIT_PROGRAM_MAP_SECONDS 60

/* GNU m4 running a .mc may take this long (real configurations take
 * ~30 ms; a macro that recurses without output would run forever).
 * The environment variable MAILCF_M4_SECONDS may lower or raise it. */
#define LIMIT_M4_SECONDS 120

/* Regex maps (op.txt "regex"): a pattern used with -s may have at most
 * 31 groups (32 substrings with the whole match), and a -s list at most
 * 32 numbers: sendmail's MAX_MATCH 32. The joined substrings are cut at
 * MAXNAME 256 bytes including the NUL. */
#define LIMIT_REGEX_SUBSTRINGS 32
#define LIMIT_REGEX_FIELDS 32
#define LIMIT_REGEX_RESULT 256

/* Socket maps (op.txt "socket"): a reply netstring may hold at most
 * 1000000 bytes (longer ones are "reply too long", as in sendmail 8.17),
 * its length at most 9 digits; without -d<seconds> a server gets this
 * long to answer (sendmail waits without a bound; we do not). */
#define LIMIT_SOCKET_MAP_REPLY 1000000
#define LIMIT_SOCKET_MAP_LENGTH_DIGITS 9
#define LIMIT_SOCKET_MAP_SECONDS 60

#endif
