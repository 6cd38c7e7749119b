package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.address.Mailbox;

/**
 * A From whose display name is an address, written without quotes: {@code
 * info@example.jp<info@example.jp>} (ja40, ham-ja2). Japanese bulk mailers and form plug-ins write
 * the sender so, often with no space before the bracket. The lenient parser reads the whole field
 * as one address whose domain is "example.jp&lt;info@example.jp&gt;", which MALFORMED_SENDER then
 * judged a domain that cannot exist. Read as a mail program shows it, the field is a name and an
 * address, and the name claims nothing when it is an address of the same organisation as the one in
 * the brackets: such a field is read as the name and the address. A name holding another
 * organisation's address ({@code service@paypal.com<x@evil.example>}) is left as the parser read
 * it, so it stays MALFORMED_SENDER: that is the shape of a spoofed sender, not of a mailer's habit.
 */
final class MailSelfNamedSender {

  private MailSelfNamedSender() {}

  /** An address, then an address in angle brackets, as one addr-spec of the lenient parser. */
  static final Pattern SELF_NAMED =
      Pattern.compile(
          "([^\\s<>\"@(),;:]{1,64})@([a-z0-9.-]{1,253})[ \\t]*<([^\\s<>\"@(),;:]{1,64})@([a-z0-9.-]{1,253})>",
          Pattern.CASE_INSENSITIVE);

  /**
   * The sender as a name and an address when {@code read} is an address named by an address of its
   * own organisation that the parser read as one, else {@code read} itself.
   */
  static Mailbox repaired(Mailbox read) {
    if (read == null || read.getName() != null || read.getAddress() == null) {
      return read;
    }
    Matcher m = SELF_NAMED.matcher(read.getAddress());
    if (!m.matches()) {
      return read;
    }
    String nameDomain = m.group(2).toLowerCase(Locale.ROOT);
    String domain = m.group(4).toLowerCase(Locale.ROOT);
    if (!nameDomain.contains(".")
        || !domain.contains(".")
        || !MailLinks.registrable(nameDomain).equals(MailLinks.registrable(domain))) {
      return read;
    }
    return new Mailbox(m.group(1) + "@" + m.group(2), m.group(3), m.group(4));
  }
}
