/*
 * num.c - strict number and interval parsing (see num.h).
 */
#include "lib/num.h"

#include <string.h>

int parse_numn(const char *s, unsigned long n, long long min, long long max,
	       long long *out)
{
	unsigned long i = 0;
	int neg = 0;
	long long v = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == n)
		return -1;
	for (; i < n; i++) {
		int d;

		if (s[i] < '0' || s[i] > '9')
			return -1;
		d = s[i] - '0';
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, neg ? -d : d, &v))
			return -1;
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int parse_num(const char *s, long long min, long long max, long long *out)
{
	return parse_numn(s, strlen(s), min, max, out);
}

/* Seconds in one unit, or 0 for an unknown unit letter. */
static long long unit_seconds(char u)
{
	switch (u) {
	case 's': return 1;
	case 'm': return 60;
	case 'h': return 3600;
	case 'd': return 86400;
	case 'w': return 604800;
	default: return 0;
	}
}

int parse_interval(const char *s, char default_unit, long long *seconds)
{
	long long total = 0;

	if (*s == '\0')
		return -1;
	while (*s) {
		const char *start = s;
		long long v, mult, part;

		while (*s >= '0' && *s <= '9')
			s++;
		if (s == start ||
		    parse_numn(start, (unsigned long)(s - start), 0, 1LL << 40, &v) < 0)
			return -1;
		mult = unit_seconds(*s ? *s : default_unit);
		if (mult == 0)
			return -1;
		if (*s)
			s++;
		if (__builtin_mul_overflow(v, mult, &part) ||
		    __builtin_add_overflow(total, part, &total))
			return -1;
	}
	*seconds = total;
	return 0;
}
