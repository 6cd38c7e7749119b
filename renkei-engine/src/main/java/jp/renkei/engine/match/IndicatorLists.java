package jp.renkei.engine.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Larger list files are read as text, a line at a time, not into memory. */
  static final long IN_MEMORY = 1L << 30;

  private static final String[] NO_CSV = new String[1];

  private IndicatorLists() {}

  /**
   * Reads a list into the builder. Lines are parsed on this thread; once a list has more than
   * {@value #BATCH} indicators, a second thread puts them into the builder (in line order, so the
   * index is the same), and on two cores a long list is read in about the time of the slower half.
   */
  public static Loaded read(BufferedReader in, String source, IndicatorIndex.Builder into)
      throws IOException {
    Reading reading = new Reading(into, source);
    try {
      String line;
      while ((line = in.readLine()) != null) {
        reading.lineNo++;
        reading.text(line);
      }
      return reading.finish();
    } finally {
      reading.inserter.close();
    }
  }

  /**
   * Reads a list file (UTF-8) into the builder from its bytes: the same indicators, line numbers
   * and rejections as {@link #read(BufferedReader, String, IndicatorIndex.Builder)} of the file
   * decoded as UTF-8 (lines end at LF, CR or CRLF), but the bare values that fill large lists are
   * read without a string per line. Files over {@value #IN_MEMORY} bytes are read as text.
   *
   * @throws IllegalArgumentException when a line is not UTF-8 (naming the line)
   */
  public static Loaded read(Path file, String source, IndicatorIndex.Builder into)
      throws IOException {
    if (Files.size(file) > IN_MEMORY) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return read(r, source, into);
      }
    }
    byte[] b = Files.readAllBytes(file);
    return read(b, b.length, source, into);
  }

  /** {@link #read(Path, String, IndicatorIndex.Builder)} of a list in {@code b[0, length)}. */
  static Loaded read(byte[] b, int length, String source, IndicatorIndex.Builder into)
      throws IOException {
    // a line is at most one indicator, and a normal value is seldom longer than its line
    into.reserve(Bytes.count(b, 0, length, (byte) '\n') + 1, length);
    Reading reading = new Reading(into, source);
    try {
      int i = 0;
      while (i < length) {
        int e = i;
        byte c = 0;
        while (e < length && (c = b[e]) != '\n' && c != '\r') {
          e++;
        }
        reading.lineNo++;
        reading.bytes(b, i, e);
        if (e >= length) {
          break;
        }
        i = e + (c == '\r' && e + 1 < length && b[e + 1] == '\n' ? 2 : 1);
      }
      return reading.finish();
    } finally {
      reading.inserter.close();
    }
  }

  /** One list being read: the line count, what was added and rejected, the line parser. */
  private static final class Reading {
    final Inserter inserter;
    final String source;
    final QuickLine quick = new QuickLine();
    final List<Rejected> first = new ArrayList<>();
    CharsetDecoder utf8;
    long lineNo;
    long added;
    long rejected;

    Reading(IndicatorIndex.Builder into, String source) {
      this.source = source;
      inserter = new Inserter(into, source);
    }

    Loaded finish() throws IOException {
      inserter.finish();
      return new Loaded(lineNo, added, rejected, List.copyOf(first));
    }

    /**
     * Line {@link #lineNo}, in {@code b[s, e)} without its end: a bare value the quick path reads
     * is put in as bytes; any other line is decoded and read as text.
     */
    void bytes(byte[] b, int s, int e) throws IOException {
      int ts = s;
      int te = e;
      // String.strip's white space in ASCII; any other is not ASCII, so such a line goes to text
      while (ts < te && whitespace(b[ts])) {
        ts++;
      }
      while (te > ts && whitespace(b[te - 1])) {
        te--;
      }
      if (ts == te || b[ts] == '#') {
        return;
      }
      if (quick.parse(b, ts, te)) {
        inserter.add(null, lineNo, quick.type, quick.out, 0, quick.length);
        added++;
        return;
      }
      text(decode(b, s, e));
    }

    private String decode(byte[] b, int s, int e) {
      for (int i = s; i < e; i++) {
        if (b[i] < 0) {
          if (utf8 == null) {
            utf8 =
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
          }
          try {
            return utf8.reset().decode(ByteBuffer.wrap(b, s, e - s)).toString();
          } catch (CharacterCodingException bad) {
            throw new IllegalArgumentException(
                source + " line " + lineNo + ": not UTF-8 text (save the list as UTF-8)", bad);
          }
        }
      }
      return new String(b, s, e - s, StandardCharsets.ISO_8859_1); // ASCII
    }

    /** Line {@link #lineNo} as text. */
    void text(String line) throws IOException {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        return;
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
          add(id, quick.type(), quick.value());
          return;
        }
      } else {
        ObservableType given = ObservableType.fromCode(typeText).orElseThrow();
        String normal = QuickObservables.parse(given, value);
        if (normal != null) {
          add(id, given, normal);
          return;
        }
      }
      Optional<ObservableType> type =
          typeText != null ? ObservableType.fromCode(typeText) : Observables.detect(value);
      if (type.isEmpty()) {
        reject(t, "not a recognisable indicator");
        return;
      }
      String normal;
      try {
        normal = Observables.parse(type.get(), value).value();
      } catch (InvalidObservable e) {
        reject(t, e.getMessage());
        return;
      }
      add(id, type.get(), normal);
    }

    private void add(String id, ObservableType type, String normal) throws IOException {
      byte[] v = normal.getBytes(StandardCharsets.UTF_8);
      inserter.add(id, lineNo, type, v, 0, v.length);
      added++;
    }

    private void reject(String t, String reason) {
      rejected++;
      if (first.size() < MAX_REJECTED_KEPT) {
        first.add(new Rejected(lineNo, t, reason));
      }
    }
  }

  /** What {@link String#strip} removes, among ASCII bytes. */
  static boolean whitespace(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  }

  /**
   * Puts parsed indicators into the builder: on the calling thread for the first {@value #BATCH},
   * then in batches handed to a second thread (and handed back to be filled again). The builder is
   * only ever touched by one thread at a time; a failure there is thrown again by {@link #finish}.
   */
  private static final class Inserter {
    private static final int BATCHES = 6;
    private static final Batch END = new Batch();

    private final IndicatorIndex.Builder into;
    private final String source;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private int made;
    private Batch batch;
    private long inline;
    private Thread thread;
    private volatile Throwable failure;

    Inserter(IndicatorIndex.Builder into, String source) {
      this.into = into;
      this.source = source;
    }

    void add(String id, long lineNo, ObservableType type, byte[] v, int off, int len)
        throws IOException {
      if (thread == null && inline < BATCH) {
        inline++;
        into.addNormal(id, source, lineNo, type, v, off, len);
        return;
      }
      Batch b = batch;
      if (b == null) {
        batch = b = empty();
      }
      b.add(id, lineNo, type, v, off, len);
      if (b.n == BATCH) {
        hand(b);
        batch = null;
      }
    }

    private Batch empty() throws IOException {
      Batch b = free.poll();
      if (b == null && made < BATCHES) {
        made++;
        return new Batch();
      }
      try {
        b = b != null ? b : free.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading an indicator list");
      }
      b.n = 0;
      b.used = 0;
      return b;
    }

    private void hand(Batch b) throws IOException {
      if (thread == null) {
        thread = new Thread(this::run, "renkei-indicator-list");
        thread.setDaemon(true);
        thread.start();
      }
      try {
        full.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading an indicator list");
      }
    }

    private void run() {
      try {
        while (true) {
          Batch b = full.take();
          if (b == END) {
            return;
          }
          if (failure == null) {
            try {
              b.putInto(into, source);
            } catch (RuntimeException | Error e) {
              failure = e; // keep taking batches so the reading thread never waits forever
            }
          }
          free.put(b);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Hands over the rest and waits until every indicator is in the builder. */
    void finish() throws IOException {
      if (thread == null) {
        if (batch != null) {
          batch.putInto(into, source);
          batch = null;
        }
        return;
      }
      if (batch != null && batch.n > 0) {
        hand(batch);
        batch = null;
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
      try {
        full.put(END);
        t.join();
      } catch (InterruptedException e) {
        t.interrupt();
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading an indicator list");
      }
    }
  }

  /** Parsed indicators on their way to the builder: normal values as UTF-8 in one array. */
  private static final class Batch {
    final String[] ids = new String[BATCH];
    final long[] lines = new long[BATCH];
    final byte[] types = new byte[BATCH];
    final int[] ends = new int[BATCH];
    byte[] values = new byte[BATCH * 24];
    int n;
    int used;

    void add(String id, long lineNo, ObservableType type, byte[] v, int off, int len) {
      if (used + len > values.length) {
        values = java.util.Arrays.copyOf(values, Math.max(2 * values.length, used + len));
      }
      System.arraycopy(v, off, values, used, len);
      used += len;
      ids[n] = id;
      lines[n] = lineNo;
      types[n] = (byte) type.ordinal();
      ends[n++] = used;
    }

    void putInto(IndicatorIndex.Builder into, String source) {
      int start = 0;
      for (int k = 0; k < n; k++) {
        into.addNormal(
            ids[k],
            source,
            lines[k],
            IndicatorStore.TYPES[types[k]],
            values,
            start,
            ends[k] - start);
        start = ends[k];
      }
    }
  }

  /**
   * Whether {@code c} separates a type word from its value: a space or one of {@code \t \n} U+000B,
   * {@code \f \r} (9 to 13), as before, without a search of a string of them per character (the
   * loop runs over every character of every bare value in the list).
   */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
