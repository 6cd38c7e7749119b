package jp.renkei.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Whether two requests did the same work: the shapes of the statements the hub sent the database
 * while answering each (recorded by {@link StatementLog}, which the test must import), compared in
 * order. An attacker who times many requests can tell a hidden object from a missing one when the
 * hub reads, decrypts or writes more for one of them; comparing the statements finds that without
 * timing anything (attack30b, after accounts29's sign-in).
 *
 * <p>A statement's shape is its text with white space collapsed and the placeholders of an {@code
 * in (?, ?, …)} list counted as one: how many values a list has is said by the answer already.
 * Statements the clock alone decides to send ({@link #CLOCK_DRIVEN}) are left out.
 */
public final class SamePath {

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern IN_LIST = Pattern.compile("\\(\\s*\\?(\\s*,\\s*\\?)+\\s*\\)");

  /**
   * Statements whose sending depends on the clock alone, never on the object asked for: a token's
   * last use is written at most once a minute, whichever request comes first.
   */
  private static final List<String> CLOCK_DRIVEN = List.of("update api_token set last_used_at");

  private SamePath() {}

  /** One request's answer and the shapes of the statements sent while answering it. */
  public record Work<T>(T answer, List<String> statements) {}

  /** Runs {@code request}, recording the statements the hub's request threads send meanwhile. */
  public static <T> Work<T> of(Supplier<T> request) {
    StatementLog.start();
    T answer;
    try {
      answer = request.get();
    } catch (RuntimeException e) {
      StatementLog.stop();
      throw e;
    }
    return new Work<>(answer, shapes(StatementLog.stop()));
  }

  /** The shape of each statement, in order. */
  public static List<String> shapes(List<String> statements) {
    List<String> out = new ArrayList<>(statements.size());
    for (String s : statements) {
      if (CLOCK_DRIVEN.stream().anyMatch(s::startsWith)) {
        continue;
      }
      out.add(IN_LIST.matcher(SPACE.matcher(s.strip()).replaceAll(" ")).replaceAll("(?…)"));
    }
    return out;
  }

  /**
   * Null when {@code a} and {@code b} sent the same statements in the same order; otherwise the
   * first place they part, for a test's message: the count of each and the first differing
   * statement of both.
   */
  public static String difference(List<String> a, List<String> b) {
    if (a.equals(b)) {
      return null;
    }
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    return a.size()
        + " statements against "
        + b.size()
        + "; #"
        + (i + 1)
        + ": "
        + cut(i < a.size() ? a.get(i) : "(none)")
        + "  |  "
        + cut(i < b.size() ? b.get(i) : "(none)");
  }

  private static String cut(String s) {
    return s.length() > 220 ? s.substring(0, 220) + "…" : s;
  }
}
