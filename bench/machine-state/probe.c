// Issue 18: the state of the machine's memory at one moment, for reading a benchmark run beside it.
// About 0.35 s of CPU. Prints, in the thread's own CPU time (as `renkei match` measures itself):
//   lat  ns per step of a dependent multiply-add chain (the core's speed)
//   thr  ns per round of 8 independent xorshift chains (the core's throughput)
//   c1   ns per step of a random pointer chase through 1 MB (the size of one core's L2)
//   c8   ns per step of a random pointer chase through 8 MB (fits the 32 MB L3 when it is ours;
//        near main memory's latency when others fill it)
//   bw   GB/s of a sequential read of 64 MB
// All buffers are on 2 MB pages (madvise), so a slow c8 is not the TLB.
// Build: gcc -O2 -o probe probe.c
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint64_t seed = 88172645463325252ull;

static uint64_t next(void) {
  seed ^= seed << 13;
  seed ^= seed >> 7;
  seed ^= seed << 17;
  return seed;
}

static void *huge(size_t bytes) {
  size_t two = 2u << 20;
  char *raw = mmap(NULL, bytes + two, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) {
    perror("mmap");
    exit(1);
  }
  void *m = (void *) (((uintptr_t) raw + two - 1) & ~(uintptr_t) (two - 1));
  madvise(m, bytes, MADV_HUGEPAGE);
  return m;
}

// one cycle through every 64-byte line of the buffer, in a random order
static void **ring(size_t bytes) {
  size_t n = bytes / 64;
  void **m = huge(bytes);
  size_t *order = malloc(n * sizeof *order);
  for (size_t i = 0; i < n; i++) order[i] = i;
  for (size_t i = n - 1; i > 0; i--) {
    size_t j = next() % (i + 1), t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (size_t i = 0; i < n; i++) m[order[i] * 8] = &m[order[(i + 1) % n] * 8];
  free(order);
  return m;
}

static volatile uint64_t sink;

static double chase(void **start, long steps) {
  void **p = start;
  for (long s = 0; s < steps / 4; s++) p = *p; // into the caches first
  double t0 = cpu();
  for (long s = 0; s < steps; s++) p = *p;
  double t = cpu() - t0;
  sink = (uintptr_t) p;
  return t / steps * 1e9;
}

int main(void) {
  long n = 20000000;
  uint64_t x = 1;
  double t0 = cpu();
  for (long i = 0; i < n; i++) x = x * 6364136223846793005ull + 1442695040888963407ull;
  double lat = (cpu() - t0) / n * 1e9;
  sink = x;
  uint64_t a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  t0 = cpu();
  for (long i = 0; i < n; i++) {
    for (int k = 0; k < 8; k++) {
      a[k] ^= a[k] << 13;
      a[k] ^= a[k] >> 7;
      a[k] ^= a[k] << 17;
    }
  }
  double thr = (cpu() - t0) / n * 1e9;
  sink = a[0] ^ a[7];
  double c1 = chase(ring(1u << 20), 2000000);
  double c8 = chase(ring(8u << 20), 1000000);
  size_t bytes = 64u << 20;
  uint64_t *s = huge(bytes);
  for (size_t i = 0; i < bytes / 8; i += 512) s[i] = i;
  uint64_t z = 0;
  t0 = cpu();
  for (int r = 0; r < 3; r++)
    for (size_t i = 0; i < bytes / 8; i++) z += s[i];
  double bw = 3.0 * bytes / (cpu() - t0) / 1e9;
  sink = z;
  printf("lat=%.3f thr=%.2f c1=%.1f c8=%.0f bw=%.1f\n", lat, thr, c1, c8, bw);
  return 0;
}
