package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.stream.Field;

/**
 * Delivery status notifications (bounces, RFC 3464) told from mail that only looks like one. A
 * bounce is written by mail software, not by a person: its sender is an MTA's mailbox or the null
 * reverse-path RFC 5321 §4.5.5 demands, its text is a diagnostic (an SMTP reply with an enhanced
 * status code, RFC 3463), and it carries the message it returns. What makes one real is structure
 * the MTA writes ({@link #real}); words like "delivery failed" or "mailbox is full" are what every
 * bounce says, and only within a real one are they read as the diagnostic they are.
 */
final class MailBounce {

  private MailBounce() {}

  /** Mailboxes delivery software sends bounces from (the part before @, lower-cased). */
  private static final Pattern DAEMON_MAILBOX =
      Pattern.compile("(?:mailer-?daemon|mail-?daemon|postmaster|mail\\.?delivery)(?:[-+.].*)?");

  /**
   * The per-recipient fields of a delivery-status part (RFC 3464 §2.3): the status code and what
   * the MTA did, or to whom it failed.
   */
  private static final Pattern DSN_STATUS =
      Pattern.compile("(?im)^\\s*status\\s*:\\s*[245]\\.\\d{1,3}\\.\\d{1,3}");

  private static final Pattern DSN_RECIPIENT =
      Pattern.compile("(?im)^\\s*(?:final-recipient|action)\\s*:\\s*\\S");

  /**
   * An SMTP reply as a remote server wrote it: a reply code followed by an enhanced status code
   * (550 5.1.1, 552-5.2.2, 554 #5.7.1), or a reply code of a failure after "said:" / "returned".
   */
  private static final Pattern SMTP_REPLY =
      Pattern.compile(
          "\\b[45]\\d\\d[ -]#?[45]\\.\\d{1,3}\\.\\d{1,3}\\b"
              + "|(?:said|returned was|returned|reply was|error was)\\s*:?\\s*[45][0-5]\\d[ -]");

  /**
   * How delivery software words its report, in its own forms: Sendmail, Postfix, Exim, qmail,
   * Exchange, Gmail, Yahoo, Courier, Domino and Japanese carriers' servers. These open or head a
   * machine's report, not a person's letter.
   */
  private static final Pattern MTA_WORDING =
      Pattern.compile(
          "this is the mail system at host|this is the qmail-send program"
              + "|created automatically by mail delivery software"
              + "|i'm afraid i wasn't able to deliver|i'm sorry to have to inform you"
              + "|the original message was received at|-+ ?transcript of session follows"
              + "|delivery has failed to these recipients|diagnostic information for administrators"
              + "|delivery to the following recipients? failed|unable to deliver your message to the"
              + " following|could not be delivered to one or more (?:of its )?recipients"
              + "|permanent fatal errors|delivery to the following recipients? (?:has been )?delayed"
              + "|(?:your|the) message (?:could not|cannot|was not|wasn't) (?:be )?delivered"
              + "|message (?:was )?undeliverable|unrouteable address|user unknown|no such user"
              + "|mailbox (?:unavailable|not found|does not exist)|host unknown|recipient address"
              + " rejected|(?:remote|destination) (?:host|server) (?:said|returned|responded)"
              + "|error (?:while )?delivering your (?:mail|message)|(?:could not|couldn't|unable to)"
              + " deliver (?:your|the|this) (?:mail|message)|the following addresses had (?:permanent )?(?:fatal )?(?:delivery )?errors"
              + "|smtp error from remote mail server|returned to sender|returning message to sender"
              // Japanese carriers' and older ISPs' servers: "Unable to deliver message to the
              // following address(es).", "your message to a@b cannot be delivered", "--- Original
              // message follows."
              + "|unable to deliver (?:the |this |your )?message to the following"
              + "|message to \\S+@\\S+ (?:cannot|could not|can't) be delivered"
              + "|-+ ?original message follows"
              + "|送信できませんでした|配送できませんでした|配信できませんでした|宛先不明|エラーが発生したため");

  /**
   * The start of a returned message written inline in the report's text: three header fields on
   * consecutive lines at least, one of them of those every message carries.
   */
  private static final Pattern INLINE_HEADERS =
      Pattern.compile(
          "(?m)^(?:[a-z][a-z0-9-]{1,40}:[^\\n]*\\n(?:[ \\t][^\\n]*\\n)*){2,}"
              + "[a-z][a-z0-9-]{1,40}:[^\\n]*$");

  private static final Pattern MESSAGE_FIELD =
      Pattern.compile(
          "(?m)^(?:received|return-path|message-id|from|to|subject|date|mime-version|dkim-signature):");

  /**
   * What a bounce says about itself and its failure, not counted as a lure once the bounce is real:
   * the subject's and the diagnostic's words. A lure's asks ("release your held messages", "log in
   * to re-send") are none of these and stay.
   */
  static final Pattern BOUNCE_WORDS =
      Pattern.compile(
          "(?:mail |message |e-?mail )?delivery (?:has )?(?:failed|failure|status notification"
              + "|notification|problem|error|delayed)|undelivered mail returned to sender"
              + "|(?:undeliverable|returned) (?:mail|message)|failure notice|(?:mailbox|storage|inbox) (?:\\w+ ){0,3}(?:quota"
              + "|is full|full|storage limit|is almost full)|(?:over|exceeded?|exceeds) (?:\\w+ )?quota"
              + "|quota (?:limit|exceeded)|reached (?:the|its|your) (?:\\w+ )?(?:quota|limit|storage)"
              + "|e-?mail (?:storage|quota)|(?:mailbox|account) (?:is )?(?:disabled|inactive"
              + "|suspended|locked|unavailable|has been disabled)|delivery attempts?"
              + "|(?:no )?action (?:is )?required(?: on your part)?|(?:will be )?deleted from (?:the )?queue"
              + "|メールボックス(?:の)?容量|容量(?:オーバー|超過|不足)");

  /** The parts that report delivery (RFC 3464, RFC 6533). */
  static final Set<String> STATUS_TYPES =
      Set.of("message/delivery-status", "message/global-delivery-status");

  /** The parts that return the failed message or its header (RFC 3462, RFC 6532). */
  static final Set<String> RETURNED_TYPES =
      Set.of(
          "text/rfc822-headers",
          "message/rfc822-headers",
          "message/global",
          "message/global-headers");

  private static final Pattern DELIVERY_REPORT =
      Pattern.compile("(?i)report-type\\s*=\\s*\"?(?:delivery-status|global-delivery-status)");

  /** A multipart/report whose report-type is delivery-status (RFC 6522, RFC 3464). */
  static boolean deliveryReport(String mimeType, Field contentType) {
    return "multipart/report".equalsIgnoreCase(mimeType)
        && contentType != null
        && contentType.getBody() != null
        && DELIVERY_REPORT.matcher(contentType.getBody()).find();
  }

  /**
   * A sender written as delivery software writes a bounce: the null reverse-path RFC 5321 §4.5.5
   * demands (Return-Path: <>), no From address, delivery software's own mailbox, or Auto-Submitted
   * (RFC 3834) other than "no".
   */
  static boolean sender(String returnPath, String from, Field autoSubmitted) {
    String auto =
        autoSubmitted == null || autoSubmitted.getBody() == null
            ? ""
            : autoSubmitted.getBody().strip().toLowerCase(Locale.ROOT);
    return (returnPath != null && returnPath.isEmpty())
        || from == null
        || from.isBlank()
        || daemonMailbox(from)
        || auto.startsWith("auto-");
  }

  /** Whether {@code address} (lower-cased, may be null) is delivery software's own mailbox. */
  static boolean daemonMailbox(String address) {
    if (address == null) {
      return false;
    }
    int at = address.indexOf('@');
    String local = (at < 0 ? address : address.substring(0, at)).strip();
    return DAEMON_MAILBOX.matcher(local.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * A real bounce ({@link MailState#bounce}) from the delivery software's own mailbox of a
   * Microsoft 365 tenant (postmaster@contoso.onmicrosoft.com): Exchange Online writes its
   * non-delivery reports from the tenant's default domain, whatever domains the tenant owns. That
   * domain is no hosting a stranger chose to send from; a person's mailbox there, or mail not
   * judged a real bounce, is still read as SENDER_ON_HOSTING.
   */
  static boolean tenantsOwnDaemon(MailState st, String fromDomain) {
    return st.bounce
        && daemonMailbox(st.from)
        && fromDomain.toLowerCase(Locale.ROOT).endsWith(".onmicrosoft.com");
  }

  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{3,250})>");

  /**
   * The identifier an In-Reply-To field names (its first), lower-cased without the brackets; null
   * when the field is absent or names none.
   */
  static String messageId(Field inReplyTo) {
    if (inReplyTo == null || inReplyTo.getBody() == null) {
      return null;
    }
    Matcher m = MESSAGE_ID.matcher(inReplyTo.getBody());
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /**
   * Whether a report from a bounce's sender answers the very message it returns: its In-Reply-To
   * names the Message-ID written in a returned stretch of {@code text} ({@code stretches}, start
   * and end). A rejection notice that explains itself in prose rather than in an MTA's forms
   * (Google Groups' "the group you tried to contact may not exist", in the sender's language) is
   * told by this structure, whatever its words: the delivery software threads its notice to the
   * message it returns whole.
   */
  static boolean answersReturned(String inReplyTo, String text, List<int[]> stretches) {
    if (inReplyTo == null) {
      return false;
    }
    String field = "message-id: <" + inReplyTo + ">";
    for (int[] r : stretches) {
      if (r[1] <= text.length()
          && text.substring(r[0], r[1]).toLowerCase(Locale.ROOT).contains(field)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes out of {@code lures} (PAYMENT_LURE's words) the words every bounce uses for its failed
   * delivery ("Mail Delivery Failure", "delivery attempts will continue") when the message is a
   * report of delivery software even where it is not judged a real bounce (no returned message
   * kept): From delivery software's own mailbox (MAILER-DAEMON, postmaster), with an SMTP reply or
   * an MTA's own wording in its text, and no form. A parcel lure's "delivery failed" from any other
   * sender, and every other payment word, still counts.
   */
  static void withoutReportWords(MailState st, List<String> lures) {
    if (lures.isEmpty()
        || st.bounce
        || !st.formActions.isEmpty()
        || !daemonMailbox(st.from)
        || lures.stream().noneMatch(x -> BOUNCE_WORDS.matcher(x.toLowerCase(Locale.ROOT)).find())
        || !diagnostic(st.text.toString().toLowerCase(Locale.ROOT))) {
      return;
    }
    lures.removeIf(x -> BOUNCE_WORDS.matcher(x.toLowerCase(Locale.ROOT)).find());
  }

  /** A delivery-status part holding per-recipient fields (RFC 3464 §2.3). */
  static boolean deliveryStatus(String part) {
    return DSN_STATUS.matcher(part).find() && DSN_RECIPIENT.matcher(part).find();
  }

  /** A remote server's reply or delivery software's own wording, in the report's text. */
  static boolean diagnostic(String lower) {
    return SMTP_REPLY.matcher(lower).find() || MTA_WORDING.matcher(lower).find();
  }

  /**
   * Where a returned message written inline begins in {@code lower} (a text part of a report,
   * lower-cased), or -1: a block of header fields, one of them a message's own.
   */
  static int inlineCopy(String lower) {
    Matcher m = INLINE_HEADERS.matcher(lower);
    while (m.find()) {
      if (MESSAGE_FIELD.matcher(m.group()).find()) {
        return m.start();
      }
    }
    return -1;
  }

  /**
   * A text attachment that is the header of the returned message, as some delivery software
   * attaches it (a .txt file of the original's header fields): its content opens with a block of
   * header fields, one of them a message's own.
   */
  static boolean headerFile(String content) {
    String lower = content.stripLeading().toLowerCase(Locale.ROOT);
    return inlineCopy(lower) == 0;
  }

  /**
   * The lines of {@code lower} (a bounce's own report, or its delivery-status part) that are a
   * remote server's reply: an SMTP reply, or the Diagnostic-Code field of RFC 3464 §2.3.6 that
   * holds it. A link written there is the remote server's (its postmaster's help page), not the
   * bounce's sender's.
   */
  static List<String> replyLines(String lower) {
    List<String> out = new ArrayList<>();
    for (String line : lower.split("\n", -1)) {
      if (SMTP_REPLY.matcher(line).find() || DIAGNOSTIC_CODE.matcher(line).find()) {
        out.add(line);
      }
    }
    return out;
  }

  private static final Pattern DIAGNOSTIC_CODE =
      Pattern.compile("^\\s*diagnostic-code\\s*:\\s*smtp\\s*;");

  /** A remote server's SMTP reply in {@code lower}. */
  static boolean smtpReply(String lower) {
    return SMTP_REPLY.matcher(lower).find();
  }

  /** Delivery software's own wording in {@code lower}. */
  static boolean mtaWording(String lower) {
    return MTA_WORDING.matcher(lower).find();
  }

  /** {@code lower} without the remote servers' reply lines and the bounce's own words. */
  static String withoutDiagnostic(String lower) {
    StringBuilder out = new StringBuilder(lower.length());
    for (String line : lower.split("\n", -1)) {
      if (!SMTP_REPLY.matcher(line).find()) {
        out.append(BOUNCE_WORDS.matcher(line).replaceAll(" "));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
