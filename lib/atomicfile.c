/*
 * atomicfile.c - temp file + fsync + rename + directory fsync (atomicfile.h).
 *
 * Model: OpenSMTPD makemap.c. The temp file lives in the target's directory
 * so rename() is atomic (same filesystem).
 */
#include "lib/atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/str.h"
#include "lib/xalloc.h"

static int fail_step;

void atomicfile_fail_at(int step) { fail_step = step; }

/* Record an error message with errno text. */
static int fail(struct atomicfile *af, const char *what, const char *file)
{
	snprintf(af->err, sizeof af->err, "%s %s: %s", what, file, strerror(errno));
	return -1;
}

/* Directory part of path ("." when there is none). Caller frees. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int fsync_parent_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = -1;

	if (fd >= 0) {
		rc = fsync(fd);
		close(fd);
	}
	free(dir);
	return rc;
}

int atomicfile_open(struct atomicfile *af, const char *path, mode_t mode)
{
	struct str tmp = STR_INIT;
	char *dir = dir_of(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	memset(af, 0, sizeof *af);
	af->fd = -1;
	str_printf(&tmp, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	af->tmp = str_steal(&tmp);
	af->path = xstrdup(path);
	af->fd = mkstemp(af->tmp);
	if (af->fd < 0) {
		fail(af, "cannot create temporary file", af->tmp);
		free(af->tmp);
		free(af->path);
		af->tmp = af->path = NULL;
		return -1;
	}
	if (fchmod(af->fd, mode) < 0 || (af->fp = fdopen(af->fd, "w")) == NULL) {
		fail(af, "cannot set up", af->tmp);
		atomicfile_abort(af);
		return -1;
	}
	return 0;
}

void atomicfile_abort(struct atomicfile *af)
{
	if (af->fp)
		fclose(af->fp);
	else if (af->fd >= 0)
		close(af->fd);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	af->fp = NULL;
	af->fd = -1;
	af->tmp = af->path = NULL;
}

/* Fail with a fake errno when the test hook asks for this step. */
static int injected(int step)
{
	if (fail_step != step)
		return 0;
	errno = EIO;
	return 1;
}

int atomicfile_commit(struct atomicfile *af)
{
	int rc = -1;

	if (injected(1) || fflush(af->fp) != 0 || ferror(af->fp))
		fail(af, "cannot write", af->tmp);
	else if (injected(2) || fsync(af->fd) != 0)
		fail(af, "cannot fsync", af->tmp);
	else if (injected(3) || rename(af->tmp, af->path) != 0)
		fail(af, "cannot rename temporary file to", af->path);
	else {
		/* Renamed: the temp name is gone, never unlink it now. */
		free(af->tmp);
		af->tmp = NULL;
		if (injected(4) || fsync_parent_dir(af->path) != 0)
			fail(af, "cannot fsync directory of", af->path);
		else
			rc = 0;
	}
	atomicfile_abort(af);
	return rc;
}
