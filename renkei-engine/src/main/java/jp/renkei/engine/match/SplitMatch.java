package jp.renkei.engine.match;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One log matched by several matchers at once: the calling thread reads it in blocks cut on line
 * ends (the same reading loop as {@link LogMatcher#match}), each block is matched by a free matcher
 * on the executor, and the calling thread hands the hits to the consumer block by block, in the
 * order of the log, with the line numbers of the whole log. Hits, their order, the line count and
 * the bad lines are those of one matcher reading the log alone ({@code MatchDifferentialTest}).
 *
 * <p>Only formats whose lines can be matched apart ({@link LogMatcher#splittable}) are split; a
 * block that may hold a header line (Zeek's {@code #fields}) waits for the blocks before it, is
 * matched by the first matcher alone, and its header state is then copied to the others. At most
 * two blocks per matcher are in memory at a time, in buffers used again for later blocks. The
 * matchers must share one index, which is not replaced during the pass (not for followed logs).
 */
public final class SplitMatch {

  private SplitMatch() {}

  /** What one block gave: its hits and bad lines numbered from 1 within the block. */
  private record Block(
      long lines, long hitCount, long badLines, List<Long> firstBad, List<Hit> hits) {}

  /** Blocks per matcher waiting or being matched at most (read ahead of the matchers). */
  static final int MAX_PENDING = 2;

  private static final Block OVER_LONG = new Block(1, 0, 1, List.of(1L), List.of());

  /**
   * Matches {@code in} with {@code matchers} (of one format, on one index) running on {@code pool},
   * (blocks wait for a free matcher, so any pool will do); one matcher or a format that cannot be
   * split is matched on the calling thread as {@link LogMatcher#match}.
   */
  public static MatchStats match(
      InputStream in, Consumer<Hit> hits, List<? extends LogMatcher> matchers, Executor pool)
      throws IOException {
    return match(in, hits, matchers, pool, LogMatcher.BLOCK);
  }

  static MatchStats match(
      InputStream in,
      Consumer<Hit> hits,
      List<? extends LogMatcher> matchers,
      Executor pool,
      int block)
      throws IOException {
    LogMatcher first = matchers.get(0);
    if (matchers.size() == 1 || !first.splittable()) {
      return first.match(in, hits, block);
    }
    Run run = new Run(hits, matchers, pool);
    long bytes =
        LogMatcher.read(
            in,
            block,
            new LogMatcher.Lines() {
              @Override
              public void lines(byte[] b, int len) {
                run.lines(b, len);
              }

              @Override
              public byte[] next(byte[] used, int length) {
                return run.buffer(length);
              }

              @Override
              public void overLong() {
                run.pending.add(CompletableFuture.completedFuture(OVER_LONG));
              }
            });
    run.drain(0);
    return new MatchStats(run.lines, run.hits, run.bad, List.copyOf(run.firstBad), bytes);
  }

  /** The state of one pass, touched only by the calling thread. */
  private static final class Run {
    final Consumer<Hit> sink;
    final List<? extends LogMatcher> matchers;
    final Executor pool;
    final BlockingQueue<LogMatcher> free;
    final ArrayDeque<CompletableFuture<Block>> pending = new ArrayDeque<>();
    final List<Long> firstBad = new ArrayList<>();

    /** Read buffers whose block was matched, for the reader to fill again. */
    final BlockingQueue<byte[]> spare;

    /** Read buffers made so far (the one being read into and those of pending blocks). */
    int buffers = 1;

    long lines;
    long hits;
    long bad;

    Run(Consumer<Hit> sink, List<? extends LogMatcher> matchers, Executor pool) {
      this.sink = sink;
      this.matchers = matchers;
      this.pool = pool;
      this.free = new ArrayBlockingQueue<>(matchers.size(), false, matchers);
      this.spare = new ArrayBlockingQueue<>(MAX_PENDING * matchers.size() + 1);
    }

    /**
     * A buffer to read the next block into: a spare one, a new one while fewer than one per pending
     * block and one more exist, else the first one a matcher gives back. Blocks are read straight
     * into these, so a run makes no garbage per block and copies only each block's unfinished last
     * line: with the index in the young generation, a run that allocated a new block each time
     * (about the log's size in all) had the collector copy the whole index.
     */
    byte[] buffer(int length) {
      byte[] b = spare.poll();
      if (b != null) {
        return b;
      }
      if (buffers < MAX_PENDING * matchers.size() + 1) {
        buffers++;
        return new byte[length];
      }
      try {
        return spare.take(); // every buffer is in a pending block: one is given back once matched
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /** Matches the lines in {@code b[0, len)} (a buffer of its own until matched). */
    void lines(byte[] b, int len) {
      LogMatcher first = matchers.get(0);
      if (first.mayChangeReading(b, len)) {
        drain(0); // every matcher is idle now and back in the queue
        Block r;
        try {
          r = block(first, b, len);
        } finally {
          spare.add(b);
        }
        emit(r);
        for (LogMatcher m : matchers) {
          if (m != first) {
            m.readLike(first);
          }
        }
        return;
      }
      drain(MAX_PENDING * matchers.size() - 1);
      pending.add(
          CompletableFuture.supplyAsync(
              () -> {
                LogMatcher m;
                try {
                  m = free.take(); // a pool larger than the matchers waits here
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted", e);
                }
                try {
                  return block(m, b, len);
                } finally {
                  spare.add(b);
                  free.add(m);
                }
              },
              pool));
    }

    static Block block(LogMatcher m, byte[] b, int len) {
      long[] counts = new long[3];
      List<Long> bad = new ArrayList<>();
      List<Hit> found = new ArrayList<>();
      m.each(b, len, counts, bad, found::add);
      return new Block(counts[0], counts[1], counts[2], bad, found);
    }

    /** Hands over finished blocks, in order, until at most {@code keep} are pending. */
    void drain(int keep) {
      while (pending.size() > keep) {
        Block r;
        try {
          r = pending.poll().join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw e;
        }
        emit(r);
      }
    }

    void emit(Block r) {
      for (Hit h : r.hits()) {
        sink.accept(new Hit(h.line() + lines, h.time(), h.client(), h.indicator(), h.field()));
      }
      for (Long n : r.firstBad()) {
        if (firstBad.size() < LogMatcher.MAX_BAD_KEPT) {
          firstBad.add(n + lines);
        }
      }
      lines += r.lines();
      hits += r.hitCount();
      bad += r.badLines();
    }
  }
}
