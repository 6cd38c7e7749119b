package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Padding (mailpad22): a lure the analyser flags, then the same lure behind a wall of innocent
 * text, whitespace, an HTML comment, a hidden block or a long inline image. The wording signs read
 * the message's text up to {@link MailText#TEXT} characters; whatever the padding pushes past a
 * limit must still be read, or the limit must be a sign the analyst sees (BEYOND_LIMITS), never
 * silently dropped.
 */
class MailPaddingTest {

  static MailReport analyze(String eml) {
    return TestMail.analyze(eml);
  }

  static Set<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).collect(Collectors.toSet());
  }

  /** The wording of a password-reset lure; its link's domain is an ordinary-looking one. */
  static final String LURE_TEXT =
      "Dear customer, your account has been suspended due to unusual sign-in activity. "
          + "Verify your account within 24 hours or it will be permanently closed. "
          + "Confirm your password and card number here: ";

  static final String LURE_LINK = "https://account-review.kmvrt-care.com/verify";

  static TestMail support(String subject) {
    return TestMail.mail()
        .from("Support <support@kmvrt-care.com>")
        .to("b@example.jp")
        .subject(subject)
        .header("MIME-Version", "1.0");
  }

  static String plain(String subject, String body) {
    return support(subject).body("text/plain; charset=utf-8", body + "\r\n").text();
  }

  static String html(String subject, String body) {
    return support(subject)
        .body("text/html; charset=utf-8", "<html><body>" + body + "</body></html>\r\n")
        .text();
  }

  /** Innocent English prose, different sentences, about {@code chars} long. */
  static String prose(int chars) {
    String[] s = {
      "The committee met on Tuesday to discuss the spring schedule for the garden club. ",
      "Members brought seeds, cuttings and a great deal of enthusiasm for the new beds. ",
      "Several people asked about the watering rota and whether the shed could be repainted. ",
      "It was agreed that the annual picnic would move to the second Sunday of June. ",
      "Refreshments were provided by the local bakery, whose cinnamon rolls went quickly. ",
      "The treasurer noted that the hedge trimmer needs a new blade before the summer. ",
    };
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < chars; i++) {
      b.append(s[i % s.length]);
      if (i % 5 == 4) {
        b.append("\r\n\r\n");
      }
    }
    return b.toString();
  }

  static final int PAST = MailText.TEXT + 8 * 1024;

  /** The lure read whole, its flags and verdict: what each padded copy is compared with. */
  @Test
  void theLureAloneIsFlagged() {
    MailReport r = analyze(plain("Account suspended", LURE_TEXT + LURE_LINK));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  private static void keepsItsSigns(String padded, String alone) {
    MailReport a = analyze(alone);
    MailReport p = analyze(padded);
    assertThat(flags(p)).containsAll(flags(a));
    assertThat(p.verdict().ordinal()).isGreaterThanOrEqualTo(a.verdict().ordinal());
  }

  @Test
  void aLureAfterSeventyKilobytesOfProseKeepsItsSigns() {
    keepsItsSigns(
        plain("Account suspended", prose(PAST) + "\r\n\r\n" + LURE_TEXT + LURE_LINK),
        plain("Account suspended", LURE_TEXT + LURE_LINK));
  }

  @Test
  void aLureAfterSeventyKilobytesOfWhitespaceKeepsItsSigns() {
    keepsItsSigns(
        plain(
            "Account suspended",
            " \r\n".repeat(PAST / 3) + "\t".repeat(PAST) + LURE_TEXT + LURE_LINK),
        plain("Account suspended", LURE_TEXT + LURE_LINK));
  }

  @Test
  void aLureAfterAnHtmlCommentOfSeventyKilobytesKeepsItsSigns() {
    keepsItsSigns(
        html(
            "Account suspended",
            "<!-- "
                + prose(PAST)
                + " --><p>"
                + LURE_TEXT
                + "<a href=\""
                + LURE_LINK
                + "\">"
                + LURE_LINK
                + "</a></p>"),
        html(
            "Account suspended",
            "<p>" + LURE_TEXT + "<a href=\"" + LURE_LINK + "\">" + LURE_LINK + "</a></p>"));
  }

  @Test
  void aLureAfterAHiddenBlockOfSeventyKilobytesKeepsItsSigns() {
    keepsItsSigns(
        html(
            "Account suspended",
            "<div style=\"display:none\">"
                + prose(PAST)
                + "</div><p>"
                + LURE_TEXT
                + "<a href=\""
                + LURE_LINK
                + "\">"
                + LURE_LINK
                + "</a></p>"),
        html(
            "Account suspended",
            "<p>" + LURE_TEXT + "<a href=\"" + LURE_LINK + "\">" + LURE_LINK + "</a></p>"));
  }

  @Test
  void aLureAfterALongInlineImageKeepsItsSigns() {
    String img =
        "<img src=\"data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAA".repeat(PAST / 24 * 4)
            + "\">";
    keepsItsSigns(
        html(
            "Account suspended",
            img + "<p>" + LURE_TEXT + "<a href=\"" + LURE_LINK + "\">" + LURE_LINK + "</a></p>"),
        html(
            "Account suspended",
            "<p>" + LURE_TEXT + "<a href=\"" + LURE_LINK + "\">" + LURE_LINK + "</a></p>"));
  }

  /** The lure in a second text part after a first one of innocent prose past the limit. */
  @Test
  void aLureInASecondPartAfterALongFirstPartKeepsItsSigns() {
    String eml =
        "From: Support <support@kmvrt-care.com>\r\nTo: b@example.jp\r\nSubject: Account suspended"
            + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"bb\"\r\n\r\n"
            + "--bb\r\nContent-Type: text/plain\r\n\r\n"
            + prose(PAST)
            + "\r\n--bb\r\nContent-Type: text/plain\r\n\r\n"
            + LURE_TEXT
            + LURE_LINK
            + "\r\n--bb--\r\n";
    keepsItsSigns(eml, plain("Account suspended", LURE_TEXT + LURE_LINK));
  }

  /**
   * A lure in the middle, between two walls of prose each longer than what is read of either end:
   * the wording between is not read, and that is a sign saying how much.
   */
  @Test
  void aLureBetweenTwoWallsOfProseIsBeyondLimits() {
    MailReport r =
        analyze(
            plain(
                "Account suspended",
                prose(PAST) + "\r\n\r\n" + LURE_TEXT + LURE_LINK + "\r\n\r\n" + prose(PAST)));
    assertThat(flags(r)).contains(RedFlag.BEYOND_LIMITS);
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.BEYOND_LIMITS)
        .allMatch(f -> f.evidence().contains("not read for wording"))
        .allMatch(f -> f.evidenceJa().contains("文面の判定に読んでいません"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /** Long legitimate prose read whole (head and tail) is no sign; nor is whitespace past it. */
  @Test
  void longProseReadWholeAndWhitespacePastItAreNoSign() {
    MailReport r = analyze(plain("Garden club minutes", prose(MailText.TEXT + 60_000)));
    assertThat(flags(r)).doesNotContain(RedFlag.BEYOND_LIMITS);
    MailReport w =
        analyze(plain("Garden club minutes", prose(MailText.TEXT) + " \r\n".repeat(300_000)));
    assertThat(flags(w)).doesNotContain(RedFlag.BEYOND_LIMITS);
  }

  /** A message larger than the analyser reads: the part not read is a sign, not only a note. */
  @Test
  void aMessageLargerThanWhatIsReadIsASign() {
    MailAnalyzer.Limits small =
        new MailAnalyzer.Limits(64 * 1024, 200, 8, 1000, 500, 64L << 20, 200);
    MailReport r =
        new MailAnalyzer(small, java.util.List.of(), java.util.List.of())
            .analyze(
                new ByteArrayInputStream(
                    plain("Account suspended", prose(80_000) + LURE_TEXT + LURE_LINK)
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(flags(r)).contains(RedFlag.BEYOND_LIMITS);
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.BEYOND_LIMITS)
        .anyMatch(f -> f.evidenceJa().contains("バイトを超えています"));
  }

  /** A text part longer than what is read of one part: its link past the end is not silent. */
  @Test
  void aTextPartLongerThanWhatIsReadIsASign() {
    String body = prose(MailAnalyzer.TEXT_PART + 100_000) + "\r\n" + LURE_TEXT + LURE_LINK;
    MailReport r = analyze(plain("Account suspended", body));
    assertThat(flags(r)).contains(RedFlag.BEYOND_LIMITS);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}
