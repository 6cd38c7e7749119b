package jp.renkei.engine.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.observable.QuickObservables;

/**
 * Plain indicator lists: one per line, as a bare value (type detected; defanged forms accepted),
 * {@code type value}, or CSV {@code type,value[,id]}. Blank lines and {@code #} comments are
 * skipped; a line that is not a valid indicator is reported with its number and skipped.
 */
public final class IndicatorLists {

  /** A line that could not be used, and why. */
  public record Rejected(long line, String text, String reason) {}

  /** What loading did: how many indicators were added and which lines were rejected. */
  public record Loaded(long lines, long added, long rejected, List<Rejected> firstRejected) {}

  static final int MAX_REJECTED_KEPT = 50;

  /** Indicators put into the builder on the reading thread before a second thread takes over. */
  static final int BATCH = 4096;

  private static final String[] NO_CSV = new String[1];

  private IndicatorLists() {}

  /**
   * Reads a list into the builder. Lines are parsed on this thread; once a list has more than
   * {@value #BATCH} indicators, a second thread puts them into the builder (in line order, so the
   * index is the same), and on two cores a long list is read in about the time of the slower half.
   */
  public static Loaded read(BufferedReader in, String source, IndicatorIndex.Builder into)
      throws IOException {
    Inserter inserter = new Inserter(into, source);
    try {
      Loaded loaded = read(in, source, inserter);
      inserter.finish();
      return loaded;
    } finally {
      inserter.close();
    }
  }

  private static Loaded read(BufferedReader in, String source, Inserter into) throws IOException {
    long lineNo = 0;
    long added = 0;
    long rejected = 0;
    List<Rejected> first = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String id = null; // source:lineNo unless the line names one
      String typeText = null;
      String value = t;
      String[] csv = t.indexOf(',') < 0 ? NO_CSV : t.split(",", -1);
      if (csv.length >= 2
          && ObservableType.fromCode(csv[0].strip().toLowerCase(Locale.ROOT)).isPresent()) {
        typeText = csv[0].strip().toLowerCase(Locale.ROOT);
        value = csv[1].strip();
        if (csv.length >= 3 && !csv[2].isBlank()) {
          id = csv[2].strip();
        }
      } else {
        int space = 0;
        while (space < t.length() && !isSpace(t.charAt(space))) {
          space++;
        }
        if (space < t.length()) {
          String word = t.substring(0, space).toLowerCase(Locale.ROOT);
          if (ObservableType.fromCode(word).isPresent()) {
            typeText = word;
            value = t.substring(space).strip();
          }
        }
      }
      // the common forms in one pass; Observables decides (and explains) everything else
      if (typeText == null) {
        Observable quick = QuickObservables.detectAndParse(value);
        if (quick != null) {
          into.add(id, lineNo, quick.type(), quick.value());
          added++;
          continue;
        }
      } else {
        ObservableType given = ObservableType.fromCode(typeText).orElseThrow();
        String normal = QuickObservables.parse(given, value);
        if (normal != null) {
          into.add(id, lineNo, given, normal);
          added++;
          continue;
        }
      }
      Optional<ObservableType> type =
          typeText != null ? ObservableType.fromCode(typeText) : Observables.detect(value);
      if (type.isEmpty()) {
        rejected++;
        keep(first, new Rejected(lineNo, t, "not a recognisable indicator"));
        continue;
      }
      try {
        into.add(id, lineNo, type.get(), Observables.parse(type.get(), value).value());
        added++;
      } catch (InvalidObservable e) {
        rejected++;
        keep(first, new Rejected(lineNo, t, e.getMessage()));
      }
    }
    return new Loaded(lineNo, added, rejected, List.copyOf(first));
  }

  /**
   * Puts parsed indicators into the builder: on the calling thread for the first {@value #BATCH},
   * then in batches handed to a second thread. The builder is only ever touched by one thread at a
   * time; a failure there is thrown again by {@link #finish}.
   */
  private static final class Inserter {
    private final IndicatorIndex.Builder into;
    private final String source;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private Batch batch = new Batch();
    private long inline;
    private Thread thread;
    private volatile Throwable failure;

    Inserter(IndicatorIndex.Builder into, String source) {
      this.into = into;
      this.source = source;
    }

    void add(String id, long lineNo, ObservableType type, String normal) throws IOException {
      if (thread == null && inline < BATCH) {
        inline++;
        put(into, source, id, lineNo, type, normal);
        return;
      }
      Batch b = batch;
      b.ids[b.n] = id;
      b.lines[b.n] = lineNo;
      b.types[b.n] = type;
      b.normals[b.n++] = normal;
      if (b.n == BATCH) {
        hand(b);
        batch = new Batch();
      }
    }

    private void hand(Batch b) throws IOException {
      if (thread == null) {
        thread = new Thread(this::run, "renkei-indicator-list");
        thread.setDaemon(true);
        thread.start();
      }
      try {
        queue.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading an indicator list");
      }
    }

    private void run() {
      try {
        while (true) {
          Batch b = queue.take();
          if (b.n < 0) {
            return;
          }
          if (failure == null) {
            try {
              for (int k = 0; k < b.n; k++) {
                put(into, source, b.ids[k], b.lines[k], b.types[k], b.normals[k]);
              }
            } catch (RuntimeException | Error e) {
              failure = e; // keep taking batches so the reading thread never waits forever
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Hands over the rest and waits until every indicator is in the builder. */
    void finish() throws IOException {
      if (thread == null) {
        for (int k = 0; k < batch.n; k++) {
          put(into, source, batch.ids[k], batch.lines[k], batch.types[k], batch.normals[k]);
        }
        batch.n = 0;
        return;
      }
      if (batch.n > 0) {
        hand(batch);
        batch = new Batch();
      }
      close();
      Throwable f = failure;
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error e) {
        throw e;
      }
    }

    /** Ends the second thread (after {@link #finish}, or when reading failed). */
    void close() throws IOException {
      Thread t = thread;
      if (t == null || !t.isAlive()) {
        return;
      }
      Batch end = new Batch();
      end.n = -1;
      try {
        queue.put(end);
        t.join();
      } catch (InterruptedException e) {
        t.interrupt();
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading an indicator list");
      }
    }

    private static void put(
        IndicatorIndex.Builder into,
        String source,
        String id,
        long lineNo,
        ObservableType type,
        String normal) {
      if (id != null) {
        into.addNormal(id, type, normal);
      } else {
        into.addListed(source, lineNo, type, normal);
      }
    }
  }

  /** Parsed indicators on their way to the builder; {@code n < 0} ends the second thread. */
  private static final class Batch {
    final String[] ids = new String[BATCH];
    final long[] lines = new long[BATCH];
    final ObservableType[] types = new ObservableType[BATCH];
    final String[] normals = new String[BATCH];
    int n;
  }

  /**
   * Whether {@code c} separates a type word from its value: a space or one of {@code \t \n} U+000B,
   * {@code \f \r} (9 to 13), as before, without a search of a string of them per character (the
   * loop runs over every character of every bare value in the list).
   */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static void keep(List<Rejected> first, Rejected r) {
    if (first.size() < MAX_REJECTED_KEPT) {
      first.add(r);
    }
  }
}
