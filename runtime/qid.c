/*
 * qid.c - the envelope's queue id ($i) and date ($b), and the load
 * average (${load_avg}), as sendmail sets them when it starts.
 *
 * Entry points: qid_make(), qid_date(), qid_load_average() (sendmail's
 * getla(); ${load_avg} is it rounded to an integer). Formats
 * follow op.txt (appendix "Queue file formats": ids are YMDhmsNNppppp)
 * and what sendmail 8.17 prints under -bt (tests/runtime/btmisc.test):
 * the time fields are UTC, each one base-60 digit; NN is an envelope
 * number that starts at a random value; the pid has at least six digits.
 * $b is "Sat, 5 Dec 2026 07:08:09 +0100" in local time, with "GMT" for
 * a zone at offset zero.
 */
#include "runtime/qid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* sendmail's base-60 digits. */
static const char base60[] =
	"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";

/* The queue id for an envelope created at t by process pid. */
void qid_make(time_t t, long pid, unsigned envelope, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, size, "%c%c%c%c%c%c%c%c%06ld",
		 base60[tm.tm_year % 60], base60[tm.tm_mon], base60[tm.tm_mday],
		 base60[tm.tm_hour], base60[tm.tm_min], base60[tm.tm_sec % 60],
		 base60[envelope / 60 % 60], base60[envelope % 60], pid);
}

/* $b for time t: RFC 5322 date in local time. */
void qid_date(time_t t, char *buf, size_t size)
{
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct tm tm;
	char zone[32] = "GMT";
	long off;

	localtime_r(&t, &tm);
	off = tm.tm_gmtoff / 60;
	if (off != 0)
		snprintf(zone, sizeof zone, "%c%02ld%02ld", off < 0 ? '-' : '+',
			 labs(off) / 60, labs(off) % 60);
	snprintf(buf, size, "%.3s, %d %.3s %d %02d:%02d:%02d %s",
		 days + 3 * tm.tm_wday, tm.tm_mday, months + 3 * tm.tm_mon,
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, zone);
}

/* The 1-minute load average; -1 if unknown. */
double qid_load_average(void)
{
	double la;

	return getloadavg(&la, 1) < 1 ? -1 : la;
}
