/*
 * qid.h - queue ids and the date macro (qid.c has the formats).
 *
 * qid_make() writes "YMDhmsNNpppppp" for an envelope made at t by pid
 * (envelope: the envelope number, any value; it is taken modulo 3600);
 * qid_date() writes $b for t. Both need QID_SIZE bytes at most.
 */
#ifndef MAILCF_QID_H
#define MAILCF_QID_H

#include <stddef.h>
#include <time.h>

#define QID_SIZE 64

/* The queue id of an envelope into buf. */
void qid_make(time_t t, long pid, unsigned envelope, char *buf, size_t size);
/* The current-date macro $b for t into buf. */
void qid_date(time_t t, char *buf, size_t size);
/* The 1-minute load average, -1 when unknown. */
double qid_load_average(void);

#endif
