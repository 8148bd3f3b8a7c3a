/*
 * num.h - the one way to turn text into numbers.
 *
 * parse_num() accepts an optional sign and decimal digits, nothing else
 * (no leading/trailing blanks, no "0x", no empty string), and a value in
 * [min, max]. parse_interval() accepts sendmail's time intervals: a
 * sequence of number+unit pairs, units s m h d w (default unit given by the
 * caller), e.g. "1h30m", "5d", "45".
 * Both return 0 on success and -1 on failure, leaving *out unchanged.
 */
#ifndef MAILCF_NUM_H
#define MAILCF_NUM_H

/* Decimal integer in [min, max]. */
int parse_num(const char *s, long long min, long long max, long long *out);
/* Like parse_num but for the n bytes at s (need not be NUL-terminated). */
int parse_numn(const char *s, unsigned long n, long long min, long long max,
	       long long *out);
/* Interval in seconds; default_unit is one of "smhdw" for bare numbers. */
int parse_interval(const char *s, char default_unit, long long *seconds);

#endif
