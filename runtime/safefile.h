/*
 * safefile.h - sendmail's safe-file rules for the files the runtime reads
 * itself: class files (F lines) and the ServiceSwitchFile. The rules are
 * op.txt's DontBlameSendmail section, with the details observed with
 * sendmail 8.17.1.9 (tests/runtime/btmisc.test):
 *
 * - A directory on the way to a file is unsafe when group or world
 *   writable ("Group writable directory", "World writable directory"),
 *   unless DontBlameSendmail has TrustStickyBit (sticky directories) or
 *   GroupWritableDirPathSafe (group-writable ones).
 * - A class file is not read when a directory is unsafe (unless
 *   ClassFileInUnsafeDirPath), when it is a symbolic link in a writable
 *   directory (unless LinkedClassFileInWritableDir), when it is not a
 *   regular file, or when its mode bits do not let us read it (root
 *   included). The complaint is "CF: line N: fileclass: cannot open
 *   'PATH': REASON", none for "F-o".
 * - The switch file is read anyway, with one "WARNING: World writable
 *   directory D" line per unsafe directory the first time a host name is
 *   canonified; a symbolic link in a writable directory is ignored
 *   (unless LinkedServiceSwitchFileInWritableDir).
 * - An alias file (-bi) in an unsafe path is not rebuilt: its warnings,
 *   "WARNING: cannot open alias database F", "Cannot create database
 *   for alias file F", exit status 70 (MapInUnsafeDirPath: the warnings
 *   twice, then it is built); a group- or world-writable one neither:
 *   "newaliases: cannot open F: Group writable file", status unchanged
 *   (GroupWritableAliasFile, WorldWritableAliasFile allow them).
 * DontBlameSendmail settings add up (command line first, then the O
 * lines in order); "Safe" clears them.
 */
#ifndef MAILCF_SAFEFILE_H
#define MAILCF_SAFEFILE_H

#include <stdio.h>

#include "cfgen/ir.h"
#include "runtime/rt.h"

/* The DontBlameSendmail flags these rules consult. */
enum safefile_dbs {
	SAFEFILE_CLASS_UNSAFE_DIR = 1,	/* ClassFileInUnsafeDirPath */
	SAFEFILE_LINKED_CLASS = 2,	/* LinkedClassFileInWritableDir */
	SAFEFILE_GROUP_DIR_SAFE = 4,	/* GroupWritableDirPathSafe */
	SAFEFILE_TRUST_STICKY = 8,	/* TrustStickyBit */
	SAFEFILE_LINKED_SWITCH = 16,	/* LinkedServiceSwitchFileInWritableDir */
	SAFEFILE_MAP_UNSAFE_DIR = 32,	/* MapInUnsafeDirPath */
	SAFEFILE_GROUP_ALIAS = 64,	/* GroupWritableAliasFile */
	SAFEFILE_WORLD_ALIAS = 128	/* WorldWritableAliasFile */
};

/* What the class-file hook needs: where to complain, the -O settings. */
struct safefile_ctx {
	FILE *out;
	const char *const *set;	/* -O name=value, not yet in the IR */
	int nset;
};

/* The flags in force before line: set (-O name=value), then cf's
 * DontBlameSendmail options without a line (added from the command
 * line), then those on earlier lines. */
unsigned safefile_dbs(const struct cf *cf, unsigned line,
		      const char *const *set, int nset);
/* cf_parse_opts.open_class for the runtime: the open class file, or
 * NULL after complaining (ctx is a struct safefile_ctx). */
FILE *safefile_open_class(void *ctx, const struct cf *cf, const char *path,
			  int optional, const struct srcpos *pos);
/* The switch file rt should read: path, or NULL when it is a link the
 * rules ignore. */
const char *safefile_switch_path(const struct rt *rt, const char *path);
/* The checks before rebuilding alias file path (-bi), complaints on
 * out: 0 to build it, 1 to skip it, or RT_SOFTWARE to skip it and fail. */
int safefile_alias(const struct rt *rt, const char *path, FILE *out);
/* Print the switch file's unsafe-directory warnings once, if armed
 * (rt->switch_warn == 1); called where sendmail canonifies a name. */
void safefile_switch_warn(struct rt *rt);

#endif
