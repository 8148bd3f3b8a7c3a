/*
 * atomicfile.h - replace a file so readers see the old or the new, never half.
 *
 * atomicfile_open() creates "DIR/.NAME.XXXXXX" beside the target. The caller
 * writes to af->fd (or af->fp). atomicfile_commit() flushes, fsyncs the file,
 * renames it over the target and fsyncs the directory: after it returns 0,
 * the new contents survive a crash. atomicfile_abort() removes the temp file
 * and leaves the target untouched. Every failure path leaves the target as it
 * was. Errors are described in af->err (static text + strerror).
 * Fault injection (tests): atomicfile_fail_at(step) makes step N of commit
 * fail (1 write/flush, 2 fsync, 3 rename, 4 dir fsync).
 */
#ifndef MAILCF_ATOMICFILE_H
#define MAILCF_ATOMICFILE_H

#include <stdio.h>
#include <sys/types.h>

struct atomicfile {
	int fd;
	FILE *fp;		/* stdio stream on fd, opened by atomicfile_open */
	char *path;		/* the target */
	char *tmp;		/* the temporary file */
	char err[512];
};

/* Start replacing path with a file of the given mode. 0 or -1 (af->err). */
int atomicfile_open(struct atomicfile *af, const char *path, mode_t mode);
/* Make the new contents the file's. 0 or -1 (af->err; temp removed). */
int atomicfile_commit(struct atomicfile *af);
/* Throw the new contents away. */
void atomicfile_abort(struct atomicfile *af);
/* fsync the directory containing path. 0 or -1. */
int fsync_parent_dir(const char *path);
/* Tests only. */
void atomicfile_fail_at(int step);

#endif
