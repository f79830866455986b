/* Test shim: makes writes to a database and its log fail with ENOSPC, as a full disk does,
   once FULL_DISK_AFTER_BYTES bytes have been written. Loaded with LD_PRELOAD by FaultTests. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
static long long budget = -2;
#include <stdio.h>
#include <string.h>
/* Only the database and its write-ahead log run out of space; the shared-memory index is
   memory-mapped and, like on a real full disk, already allocated. */
static int counted(int fd) {
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, target, sizeof target - 1);
    if (len <= 0) return 0;
    target[len] = 0;
    return len < 4 || strcmp(target + len - 4, "-shm") != 0;
}
static int spend(int fd, size_t n) {
    if (fd <= 2 || !counted(fd)) return 0;
    if (budget == -2) { const char *s = getenv("FULL_DISK_AFTER_BYTES"); budget = s ? atoll(s) : -1; }
    if (budget < 0) return 0;
    if ((long long)n > budget) { errno = ENOSPC; return -1; }
    budget -= (long long)n;
    return 0;
}
ssize_t write(int fd, const void *b, size_t n) { static ssize_t (*real)(int, const void *, size_t); if (!real) real = dlsym(RTLD_NEXT, "write"); if (spend(fd, n)) return -1; return real(fd, b, n); }
ssize_t pwrite(int fd, const void *b, size_t n, off_t o) { static ssize_t (*real)(int, const void *, size_t, off_t); if (!real) real = dlsym(RTLD_NEXT, "pwrite"); if (spend(fd, n)) return -1; return real(fd, b, n, o); }
ssize_t pwrite64(int fd, const void *b, size_t n, off_t o) { static ssize_t (*real)(int, const void *, size_t, off_t); if (!real) real = dlsym(RTLD_NEXT, "pwrite64"); if (spend(fd, n)) return -1; return real(fd, b, n, o); }
