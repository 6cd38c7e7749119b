package jp.renkei.server.advisory;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.outbound.OutboundHttp;
import jp.renkei.server.outbound.SmtpDeadline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One plain-text e-mail of an outbox row, from the hub's sender to the row's target, carrying the
 * row id as its idempotency key (Message-ID, X-Renkei-Delivery); throws so the outbox retries.
 * Every kind of outbox e-mail (advisories, exposure notices, NOTICE reminders) is sent through it.
 */
public final class OutboxMail {

  private OutboxMail() {}

  /**
   * A subject on one line: titles come from people (an advisory's title over the API, a run's, a
   * site's name) and may hold line breaks or other control characters. Jakarta Mail already folds a
   * line break into the subject rather than starting a header with it, but the subject then read on
   * several lines ("Bcc: …" on its own line); each run of them is one space.
   */
  static String oneLine(String subject) {
    return subject == null ? null : subject.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
  }

  /** How far back a quoted local part ({@code "duty officer"@example.jp}) is looked for. */
  static final int QUOTED_LOCAL_PART = 256;

  /**
   * What a failed delivery keeps of its exception, stored on its row and logged (the outbox's and
   * the monitor's alerts alike): an outbound HTTP failure's own words (they name no URL), an SMTP
   * exchange cut off at its whole deadline's ({@link SmtpDeadline.Passed}, however Jakarta Mail and
   * Spring wrapped it), else the exception's kind and message, with every e-mail address written as
   * {@code <address>}: a mail server that refuses a recipient names it in its reply (Postfix:
   * {@code 550 5.1.1 <duty@example.jp>: Recipient address rejected}), and Jakarta Mail and Spring
   * put that reply into the exception's message. The outbox row keeps its target for whoever may
   * see it.
   *
   * <p>Every {@code @} with a local part before it (ASCII letters and digits, any non-ASCII
   * character, the RFC 5322 atext signs {@code !#$%&'*+-/=?^_`{|}~}, dots, or a quoted string of at
   * most {@value #QUOTED_LOCAL_PART} characters) and a host after it (labels of the same letters,
   * digits and non-ASCII characters, {@code -} and {@code _}, dotless or not, or an address literal
   * {@code [192.0.2.1]}) is an address, angle brackets included. Any non-ASCII character counts,
   * not only letters: Jakarta Mail reads the server's reply as ISO-8859-1, so a refused 担当者@例え.日本
   * comes back as the UTF-8 bytes' Latin-1 characters, C1 controls and signs among them. One pass
   * over the text: each character is looked at a bounded number of times, so a long error answers
   * at once.
   */
  public static String deliveryError(Exception e) {
    if (e instanceof OutboundHttp.Failure) {
      return withoutAddresses(e.getMessage());
    }
    Optional<SmtpDeadline.Passed> cut = SmtpDeadline.passed(e);
    if (cut.isPresent()) {
      return "SmtpDeadline: " + cut.get().getMessage();
    }
    return withoutAddresses(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
  }

  /**
   * A delivery's error as it is logged and stored, with every e-mail address written as {@code
   * <address>}: see {@link #deliveryError(Exception)}.
   */
  public static String withoutAddresses(String error) {
    if (error == null || error.indexOf('@') < 0) {
      return error;
    }
    StringBuilder out = new StringBuilder(error.length());
    int copied = 0;
    int at = error.indexOf('@');
    while (at >= 0) {
      int start = localPartStart(error, at, copied);
      int end = hostEnd(error, at);
      if (start < at && end > at + 1) {
        if (start > copied && error.charAt(start - 1) == '<') {
          start--;
          if (end < error.length() && error.charAt(end) == '>') {
            end++;
          }
        }
        out.append(error, copied, start).append("<address>");
        copied = end;
        at = error.indexOf('@', end);
      } else {
        at = error.indexOf('@', at + 1);
      }
    }
    return out.append(error, copied, error.length()).toString();
  }

  /** Where the local part before the {@code @} at {@code at} starts; {@code at} when none. */
  private static int localPartStart(String s, int at, int floor) {
    if (at > floor && s.charAt(at - 1) == '"') {
      int limit = Math.max(floor, at - 1 - QUOTED_LOCAL_PART);
      for (int i = at - 2; i >= limit; i--) {
        char c = s.charAt(i);
        if (c == '"' && (i == floor || s.charAt(i - 1) != '\\')) {
          return i;
        }
        if (c == '\r' || c == '\n') {
          break;
        }
      }
      return at;
    }
    int i = at;
    while (i > floor && localPartChar(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Where the host after the {@code @} at {@code at} ends (trailing dots left out). */
  private static int hostEnd(String s, int at) {
    int i = at + 1;
    if (i < s.length() && s.charAt(i) == '[') {
      int limit = Math.min(s.length(), i + QUOTED_LOCAL_PART);
      for (int j = i + 1; j < limit; j++) {
        char c = s.charAt(j);
        if (c == ']') {
          return j + 1;
        }
        if (c == '[' || c == '@' || c == '\r' || c == '\n') {
          break;
        }
      }
      return at + 1;
    }
    // a host followed by another @ and host ("a@b@example.jp", a source route's remains) is one
    while (i < s.length() && (hostChar(s.charAt(i)) || hostAfter(s, i))) {
      i++;
    }
    while (i > at + 1 && s.charAt(i - 1) == '.') {
      i--;
    }
    return i;
  }

  private static boolean hostAfter(String s, int i) {
    return s.charAt(i) == '@' && i + 1 < s.length() && hostChar(s.charAt(i + 1));
  }

  private static boolean localPartChar(char c) {
    return c >= 0x80 || Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.\\".indexOf(c) >= 0;
  }

  private static boolean hostChar(char c) {
    return c >= 0x80 || Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  static void send(
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      OutboxSender.Due due,
      String subject,
      String text)
      throws Exception {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("SMTP is not configured (spring.mail.host)");
    }
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
    h.setFrom(notify.mailFrom());
    h.setTo(due.target());
    h.setSubject(oneLine(subject));
    h.setText(text);
    mime.saveChanges();
    mime.setHeader("Message-ID", "<outbox-" + due.id() + "@renkei>");
    mime.setHeader("X-Renkei-Delivery", String.valueOf(due.id()));
    sender.send(mime);
  }
}
