package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The cheap checks that decide whether a pattern is tried at all never skip one of its matches. */
class MailPrecheckTest {

  private static String random(Random r, String alphabet, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(12) == 0) {
        b.appendCodePoint(
            switch (r.nextInt(6)) {
              case 0 -> 0x1D400 + r.nextInt(0x400);
              case 1 -> 0xE0000 + r.nextInt(0x80);
              case 2 -> 0xE0100 + r.nextInt(0xF0);
              case 3 -> 0x80 + r.nextInt(0x60);
              case 4 -> 0x2000 + r.nextInt(0x70);
              default -> 0xFEF0 + r.nextInt(0x20);
            });
      } else {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return b.toString();
  }

  @Test
  void obfuscationIsOnlyFoundWhereTheCheckSaysItMayBe() {
    Random r = new Random(19);
    String alphabet = "abcXYZ 09.,<>@\u00ac\u00ad\u00e9\u034f\u200b\u200d\u2060\ufeff";
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = random(r, alphabet, 30);
      boolean match = MailAnalyzer.OBFUSCATION.matcher(s).find();
      found += match ? 1 : 0;
      if (!MailAnalyzer.mayBeObfuscated(s)) {
        assertThat(match).as(s).isFalse();
      }
    }
    assertThat(found).isGreaterThan(10_000);
  }

  @Test
  void receivedIsReadFromItsStartAsFindReadIt() {
    Random r = new Random(20);
    String[] parts = {
      "from",
      "FROM",
      "by",
      "By",
      " ",
      "\t",
      "\n",
      "mx.example.com",
      "(",
      ")",
      "[192.0.2.1]",
      "x",
      "with",
      "esmtp",
      ";",
      "id",
      "nearby",
      "from:"
    };
    int found = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b =
          new StringBuilder(r.nextBoolean() ? (r.nextBoolean() ? "from " : " \tFROM\n") : "");
      for (int k = r.nextInt(12); k > 0; k--) {
        b.append(parts[r.nextInt(parts.length)]);
        if (r.nextBoolean()) {
          b.append(' ');
        }
      }
      String s = b.toString();
      Matcher f = MailEnvelope.RECEIVED.matcher(s);
      Matcher l = MailEnvelope.RECEIVED.matcher(s);
      boolean find = f.find();
      assertThat(l.lookingAt()).as(s).isEqualTo(find);
      if (find) {
        found++;
        for (int g = 0; g <= 3; g++) {
          assertThat(l.group(g)).as(s).isEqualTo(f.group(g));
        }
      }
    }
    assertThat(found).isGreaterThan(5_000);
  }

  @Test
  void anIpv6LiteralIsOnlyFoundInBrackets() {
    Random r = new Random(21);
    String alphabet = "0123456789abcdefABCDEF:[]IPv6 .x";
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = random(r, alphabet, 40);
      boolean match = MailEnvelope.IPV6.matcher(s).find();
      found += match ? 1 : 0;
      if (s.indexOf('[') < 0) {
        assertThat(match).as(s).isFalse();
      }
    }
    assertThat(found).isGreaterThan(1_000);
  }

  /** Pieces of the wording {@code CREDIT_APPROVAL} looks for, cut where a pre-check could miss. */
  private static final String[] CREDIT_PIECES = {
    "you",
    "you've",
    "you have",
    "you're",
    "you are",
    "you were",
    " been",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n ",
    "pre-",
    "pre",
    "approv",
    "appro",
    "v",
    "approved",
    "approval",
    "granted ",
    "for ",
    "an ",
    "a ",
    "your ",
    "$7,500 ",
    "5k ",
    "platinum ",
    "credit",
    "card",
    "loan",
    "visa",
    "mastercard",
    "credit line",
    "was ",
    "has been ",
    "is ",
    "instant",
    "instantly ",
    "online ",
    "guaranteed ",
    "no ",
    "check",
    "chec",
    "k",
    "regardless",
    "regard",
    "less",
    " of ",
    "past ",
    "selected",
    "select",
    "ed",
    " to ",
    "apply ",
    "receive ",
    "the ",
    ",",
    ".",
    "!",
    "-",
    "x",
    "you've been approved for a ",
    "no credit check",
    "credit card was pre-approved",
    "instant approval visa",
    "loan, instantly approved",
    "selected to receive your ",
    "regardless of credit"
  };

  @Test
  void creditApprovalIsOnlyFoundWhereTheCheckSaysItMayBe() {
    Random r = new Random(21);
    int found = 0;
    int skipped = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(i % 2 == 0 ? 16 : 6);
      for (int k = 0; k < n; k++) {
        b.append(CREDIT_PIECES[r.nextInt(CREDIT_PIECES.length)]);
      }
      String lower = b.toString();
      boolean match = MailFraudWords.CREDIT_APPROVAL.matcher(lower.replaceAll("\\s+", " ")).find();
      found += match ? 1 : 0;
      if (!MailFraudWords.mayApproveCredit(lower)) {
        skipped++;
        assertThat(match).as(lower).isFalse();
      }
    }
    assertThat(found).isGreaterThan(5_000);
    assertThat(skipped).isGreaterThan(5_000);
  }
}
