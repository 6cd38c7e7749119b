package jp.renkei.engine.mail;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.stream.Field;

/**
 * A From field whose display name is its own address, written without quotes: {@code
 * info@example.jp<info@example.jp>} or {@code info@example.jp <info@example.jp>} (ja41). Japanese
 * bulk-mail services write it when the sender's name box of their form holds the address; RFC 5322
 * would quote the name ({@code "info@example.jp" <info@example.jp>}), and mime4j's lenient parser
 * reads the unquoted field as one address whose domain is {@code example.jp<info@example.jp>}, so
 * MALFORMED_SENDER and NOT_ALIGNED judged a domain no one wrote.
 *
 * <p>Read as the address it names only in that exact shape: the whole field is one address, then
 * the same address (case aside) in angle brackets, on a domain with a public suffix. A name that is
 * a different address ({@code info@example.jp<news@example.jp>}, {@code service@paypal.com
 * <x@evil.example>}), a domain without a dot (the honeypot's {@code phishing@pot <phishing@pot>}),
 * encoded words, quotes or anything else beside them keep the parser's reading and its signs.
 *
 * <p>Only under a Japanese subject. The shape is not the Japanese services' alone: the mass-mailing
 * tools of English-language lures write it too (71 tuning lures of phish-pot and Nazario carried
 * it, in 2e428de2's dump; read as the address, 21 of phish-pot's went uncaught), so there the
 * parser's reading and MALFORMED_SENDER stay. A Japanese lure in the shape keeps every other sign
 * (the card lure of MailSelfNamedFromTest); what it loses is the malformed sender alone.
 */
final class MailSelfNamedFrom {

  private MailSelfNamedFrom() {}

  /** An address, then the same in angle brackets; nothing else (the field unfolded, stripped). */
  static final Pattern SELF_NAMED =
      Pattern.compile(
          "([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8})"
              + "[ \\t]*<([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9.-]{1,253})>");

  /**
   * The address of a From field written as {@code address<address>}, as the brackets write it,
   * under a {@code subject} holding kana or kanji; null when the field has any other shape or the
   * subject none.
   */
  static String address(Field from, String subject) {
    if (from == null || from.getBody() == null || subject == null || !MailText.japanese(subject)) {
      return null;
    }
    String body = from.getBody();
    // cheap tests first: two at-signs and an angle bracket, nothing longer than two addresses
    if (body.length() > 700
        || body.indexOf('<') < 0
        || body.indexOf('@') == body.lastIndexOf('@')) {
      return null;
    }
    Matcher m = SELF_NAMED.matcher(org.apache.james.mime4j.util.MimeUtil.unfold(body).strip());
    if (!m.matches() || !m.group(1).equalsIgnoreCase(m.group(2))) {
      return null;
    }
    String address = m.group(2);
    String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    try {
      return InternetDomainName.isValid(domain) && InternetDomainName.from(domain).hasPublicSuffix()
          ? address
          : null;
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }
}
