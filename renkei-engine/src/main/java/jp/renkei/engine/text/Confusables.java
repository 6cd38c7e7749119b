package jp.renkei.engine.text;

/**
 * Letters of other scripts that a reader takes for a Latin letter, and that letter, case kept: the
 * one table both {@link Names#skeleton} (names that look alike) and the mail analyser's look-alike
 * reading ("Аррӏе" read as Apple) use. Cyrillic and Greek (the commonest), Armenian (օ, ո, ս),
 * Cherokee (its capitals draw Latin capitals: Ꭺ, Ꮯ, Ꮮ, Ꮇ) and Canadian syllabics (ᑕ, ᗩ, ᗪ, ᑎ: the
 * "fancy text" generators' letters). Every entry lies between U+0370 and U+167F. Reference data,
 * one line per script below; a letter missing from it is left as written. Thread-safe.
 */
public final class Confusables {

  private Confusables() {}

  /** The first code unit the table may hold. */
  public static final char FIRST = '\u0370';

  /** The last code unit the table may hold. */
  public static final char LAST = '\u167F';

  /** Pairs of a look-alike and the Latin letter it passes for. */
  private static final String PAIRS =
      // Cyrillic
      "аaАAВBсcСCԁdеeЕEһhНHіiІIјjЈJКKӏlӀlМMоoОOрpРPԛqѕsЅSТTуyԝwхxХX"
          // Greek
          + "ΑAΒBΕEΗHΙIιiΚKΜMΝNοoΟOΡPρpΤTυuΥYΧXϹCϲcΖZ"
          // Armenian
          + "օoՕOոnսuՍUհhցgզqՏS"
          // Cherokee capitals (lower-cased, they become U+AB70–U+ABBF: read before that)
          + "ᎪAᏴBᏟCᎠDᎬEᏀGᎻHᎫJᏦKᏞLᎷMᏢPᎡRᏚSᎢTᏙVᎳWᏃZ"
          // Canadian syllabics
          + "ᗩAᗷBᑕCᗪDᕮEᖴFᕼHᒍJᒪLᗰMᑎNᑭPᑫQᖇRᔕSᑌUᐯVᗯWᘔZ";

  private static final char[] LATIN = new char[LAST - FIRST + 1];

  static {
    for (int i = 0; i < PAIRS.length(); i += 2) {
      char c = PAIRS.charAt(i);
      if (c < FIRST || c > LAST || LATIN[c - FIRST] != 0) {
        throw new ExceptionInInitializerError("look-alike out of range or twice: " + c);
      }
      LATIN[c - FIRST] = PAIRS.charAt(i + 1);
    }
  }

  /** The Latin letter {@code c} passes for, or {@code 0} when it is no look-alike of the table. */
  public static char latin(char c) {
    return c < FIRST || c > LAST ? 0 : LATIN[c - FIRST];
  }
}
