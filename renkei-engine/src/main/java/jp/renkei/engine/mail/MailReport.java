package jp.renkei.engine.mail;

import java.time.Instant;
import java.util.List;

/**
 * What analysing one message found: its envelope, every indicator (addresses, relays, links,
 * attachments with hashes), the red flags with evidence, a score and a verdict, and any parsing
 * problems (the message is analysed as far as it could be read; each said in Japanese and English),
 * and the work it took.
 */
/**
 * {@code from} is the sender's address as read (lower-cased) and {@code fromName} its display name;
 * {@code fromWritten} is the From field as the message wrote it (decoded, spaces made one), given
 * only when it is no well-formed mailbox ({@code "PayPal" service@paypal.com>}, a missing "&gt;"),
 * for a reader to see it as written rather than as the parser repaired it; null otherwise.
 */
public record MailReport(
    String subject,
    String from,
    String fromName,
    String fromWritten,
    List<String> replyTo,
    String returnPath,
    List<String> recipients,
    Instant date,
    String messageId,
    List<Hop> received,
    Authentication authentication,
    List<Link> links,
    List<Attachment> attachments,
    List<Finding> findings,
    int score,
    Verdict verdict,
    List<Problem> problems,
    Work work,
    List<String> recipientNames,
    List<String> listAddresses,
    List<String> forwardedRecipients,
    List<String> contactAddresses) {

  /**
   * {@code recipientNames}: the display names To and Cc give the recipients — of the message and of
   * any message forwarded or attached inside it — never null. {@code listAddresses}: the addresses
   * the message's list headers say members post to (List-Post, X-BeenThere, Mailing-List), lower
   * case, never null: a list that delivered the message, not a victim and not the attacker. {@code
   * forwardedRecipients}: the To and Cc addresses of the messages forwarded or attached inside it,
   * lower case, never null: the lure's victims when a colleague forwarded it as an attachment (the
   * message's own recipients are then the analysts); not shown, taken out of a shared copy as the
   * recipients are. {@code contactAddresses}: the addresses the message's {@code mailto:} links
   * write to at a free-mail or look-alike domain ({@link MailContactAddresses}), lower case, never
   * null: where a callback lure has its reader write, an indicator to share (ux40).
   */
  public MailReport {
    recipientNames = recipientNames == null ? List.of() : List.copyOf(recipientNames);
    listAddresses = listAddresses == null ? List.of() : List.copyOf(listAddresses);
    forwardedRecipients =
        forwardedRecipients == null ? List.of() : List.copyOf(forwardedRecipients);
    contactAddresses = contactAddresses == null ? List.of() : List.copyOf(contactAddresses);
  }

  /**
   * A problem met while reading the message (it was analysed as far as it could be read), said in
   * Japanese and in English; {@code kind} names it for programs: {@code unreadable} (the message or
   * a part could not be read or decoded), {@code limit} (a limit of {@link MailAnalyzer.Limits} or
   * of the QR search was reached, the rest not read), {@code archive} (an archive could not be
   * unpacked), {@code qr} (an image or PDF could not be searched for QR codes), {@code malformed}
   * (a header written wrongly, shown as far as it could be read), {@code bounce} (a note, not a
   * fault: the message was read as a real delivery status notification, see MailAnalyzer#bounce),
   * {@code own-network} (a note: what the analysing organisation's own IP ranges said of the
   * receiver's boundary relay, {@link #ownNetworkNote}).
   */
  public record Problem(String kind, String ja, String en) {

    /** The text in Japanese, or in English when {@code english}. */
    public String text(boolean english) {
      return english ? en : ja;
    }

    /** The English text (logs, and tests that read it). */
    @Override
    public String toString() {
      return en;
    }
  }

  /**
   * How much work the analysis took — bytes unpacked from archives, archive entries read, the
   * deepest archive nesting unpacked — and which per-message limits it reached (then the rest was
   * not unpacked, and the report says so rather than failing).
   */
  public record Work(
      long unpackedBytes, int archiveEntries, int archiveDepth, List<String> limitsReached) {

    public Work {
      limitsReached = List.copyOf(limitsReached);
    }

    public boolean limited() {
      return !limitsReached.isEmpty();
    }
  }

  /**
   * One Received header: who handed the message to whom, from which address, when. {@code from} is
   * the name the sending host gave (HELO); {@code peer} is the name the receiving host recorded for
   * it itself, from the connection ("from HELO (PEER [address])": its reverse DNS name, "unknown"
   * when it found none), null when the header records none.
   */
  public record Hop(String from, String by, List<String> ips, Instant at, String peer) {}

  /**
   * SPF, DKIM and DMARC results as the receiving server recorded them (null when absent), and
   * Microsoft's composite result {@code compauth} from the same results: "fail" when they hold a
   * compauth=fail (the sign "sender authentication failed" then cites it), else the first one
   * written, else null. {@code dkimSigners} are the domains (header.d, else header.i's domain) of
   * the DKIM signatures the same results say passed, as written and in order, each once: the page
   * names who signed ("pass, signed by mail.example.co.jp"), since a pass alone says nothing about
   * whose key it was.
   */
  public record Authentication(
      String spf, String dkim, String dmarc, String compauth, List<String> dkimSigners) {

    public Authentication {
      dkimSigners = dkimSigners == null ? List.of() : List.copyOf(dkimSigners);
    }

    /** Results without signer domains. */
    public Authentication(String spf, String dkim, String dmarc, String compauth) {
      this(spf, dkim, dmarc, compauth, List.of());
    }

    /** Results without a composite one. */
    public Authentication(String spf, String dkim, String dmarc) {
      this(spf, dkim, dmarc, null);
    }

    /** No result at all was recorded: the page says so instead of "none / none / none". */
    public boolean absent() {
      return spf == null && dkim == null && dmarc == null && compauth == null;
    }
  }

  /** A link: the URL, the text shown for it (HTML), and where it was found. */
  public record Link(String url, String text, String where) {}

  /**
   * One link address as a reader's list shows it: the address once, every distinct text shown for
   * it and every distinct place it was found, in the order met.
   */
  public record ListedLink(String url, List<String> texts, List<String> wheres) {

    /**
     * Where the link leads by what it writes itself, when it is a wrapper that writes its target (a
     * tracker's {@code awstrack.me/L0/…}, a gateway's Safe Links, {@code google.com/url?q=}; {@link
     * MailLinkTargets}); null otherwise. Nothing is fetched.
     */
    public String target() {
      return MailLinkTargets.target(url);
    }

    /** The domain of the service that wrapped the link ({@link #target}), or null. */
    public String wrapper() {
      return MailLinkTargets.wrapper(url);
    }
  }

  /**
   * The links with each address once: the text and the HTML part of one message carry the same
   * links, and a page listing both showed each twice. The report's {@link #links()} keep each
   * occurrence (the signs judge each anchor's own text).
   */
  /**
   * The URLs found only as text — a plain-text part's, or an HTML part's visible text ("html text")
   * — that another link shows while leading elsewhere ({@code <a
   * href="https://kit.example/">https://www.smbc-card.com/</a>}, its own text and its plain-text
   * alternative): the lure's claim, not where anyone is sent. The page says so beside them (ux40's
   * walk: the decoy stood among the indicators as a link of its own).
   */
  public java.util.Set<String> shownOnlyUrls() {
    java.util.Set<String> claimed = MailStix.claimedHosts(links);
    if (claimed.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Set<String> elsewhere = new java.util.HashSet<>();
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Link l : links) {
      if (!"text".equals(l.where()) && !"html text".equals(l.where())) {
        elsewhere.add(l.url());
        continue;
      }
      String host = MailLinks.host(l.url());
      if (host != null && claimed.contains(host.toLowerCase(java.util.Locale.ROOT))) {
        out.add(l.url());
      }
    }
    out.removeAll(elsewhere);
    return out;
  }

  public List<ListedLink> linksOnce() {
    java.util.Map<String, java.util.LinkedHashSet<String>> texts = new java.util.LinkedHashMap<>();
    java.util.Map<String, java.util.LinkedHashSet<String>> wheres = new java.util.HashMap<>();
    for (Link l : links) {
      texts.computeIfAbsent(l.url(), k -> new java.util.LinkedHashSet<>());
      wheres.computeIfAbsent(l.url(), k -> new java.util.LinkedHashSet<>());
      if (l.text() != null && !l.text().isBlank() && !l.text().strip().equals(l.url())) {
        texts.get(l.url()).add(l.text().strip());
      }
      if (l.where() != null && !l.where().isBlank()) {
        wheres.get(l.url()).add(l.where());
      }
    }
    List<ListedLink> out = new java.util.ArrayList<>();
    texts.forEach(
        (url, t) -> out.add(new ListedLink(url, List.copyOf(t), List.copyOf(wheres.get(url)))));
    return out;
  }

  /** An attachment (or a member of an archive), with its type by content and its hashes. */
  public record Attachment(
      String name,
      String declaredType,
      String detectedType,
      long size,
      String md5,
      String sha1,
      String sha256,
      boolean encrypted,
      List<Attachment> members) {}

  /**
   * One red flag and what triggered it: {@code evidence} as programs, the STIX output and English
   * readers get it, {@code evidenceJa} as the Japanese page shows it (the same text where the
   * evidence is only what the message holds: addresses, links, quoted words).
   */
  public record Finding(RedFlag flag, String evidence, String evidenceJa) {

    /** Evidence in no particular language (a link, an address, words quoted from the message). */
    public Finding(RedFlag flag, String evidence) {
      this(flag, evidence, evidence);
    }

    /** The evidence in Japanese, or in English when {@code english}. */
    public String evidence(boolean english) {
      return english || evidenceJa == null ? evidence : evidenceJa;
    }
  }

  /** The score (the sum of the signs' weights) from which a message is judged suspicious. */
  public static final int SUSPICIOUS_FROM = 20;

  /** The score from which a message is judged malicious (likely an attack mail). */
  public static final int MALICIOUS_FROM = 40;

  /** The overall judgement. */
  public enum Verdict {
    CLEAN,
    SUSPICIOUS,
    MALICIOUS
  }

  /**
   * The findings by their flag, each flag in the order it was first found: a page explains a sign
   * once and lists what triggered it under it.
   */
  public java.util.Map<RedFlag, List<Finding>> findingsByFlag() {
    java.util.Map<RedFlag, List<Finding>> out = new java.util.LinkedHashMap<>();
    for (Finding f : findings) {
      out.computeIfAbsent(f.flag(), k -> new java.util.ArrayList<>()).add(f);
    }
    return out;
  }

  /**
   * The limit problems a page still has to tell: those a {@link RedFlag#BEYOND_LIMITS} finding does
   * not already say in the same words (the archive, time and QR limits; the limits of the message's
   * build are flagged, and said once, in the flag's evidence).
   */
  public List<Problem> limitNotes() {
    java.util.Set<String> said = new java.util.HashSet<>();
    for (Finding f : findings) {
      if (f.flag() == RedFlag.BEYOND_LIMITS) {
        said.add(f.evidence());
      }
    }
    return problems.stream()
        .filter(p -> p.kind().equals("limit") && !said.contains(p.en()))
        .toList();
  }

  /**
   * The problems that are neither a limit ({@link #limitNotes}), the bounce, the Outlook note nor
   * the own network's ({@link #ownNetworkNote}).
   */
  public List<Problem> readingProblems() {
    return problems.stream()
        .filter(
            p ->
                !p.kind().equals("limit")
                    && !p.kind().equals("bounce")
                    && !p.kind().equals("outlook")
                    && !p.kind().equals(MailOwnNetworkNote.KIND))
        .toList();
  }

  /**
   * The note (kind "own-network") of what the analysing organisation's own IP ranges said of a
   * receiver's boundary relay its own record contradicts, or that they were not set or not used;
   * null when no such relay was met ({@link OwnNetwork}, ux42).
   */
  public Problem ownNetworkNote() {
    return problems.stream()
        .filter(p -> p.kind().equals(MailOwnNetworkNote.KIND))
        .findFirst()
        .orElse(null);
  }

  /**
   * The notes (kind "outlook") of a message read from an Outlook .msg file, or of an Outlook item
   * attached inside it: that it was, and which of its internet headers Outlook did not keep.
   */
  public List<Problem> outlookNotes() {
    return problems.stream().filter(p -> p.kind().equals("outlook")).toList();
  }

  /** The bounce note (the traits of a real bounce this message has), or null. */
  public Problem bounceNote() {
    return problems.stream().filter(p -> p.kind().equals("bounce")).findFirst().orElse(null);
  }

  /** A number as both languages write it to a reader, digits grouped: 320,000,000. */
  static String grouped(long n) {
    // as String.format(Locale.ROOT, "%,d", n) writes it, without building a formatter each time
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int len = digits.length() - sign;
    if (len <= 3) {
      return digits;
    }
    StringBuilder b = new StringBuilder(digits.length() + (len - 1) / 3);
    b.append(digits, 0, sign);
    for (int i = 0; i < len; i++) {
      if (i > 0 && (len - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(sign + i));
    }
    return b.toString();
  }

  private static final java.util.regex.Pattern LONG_NUMBER =
      java.util.regex.Pattern.compile("(?<![\\d.,])\\d{5,}(?![\\d.,])");

  /**
   * A text with its numbers of five digits and more grouped ("8388608 bytes" → "8,388,608 bytes").
   */
  static String grouped(String text) {
    return LONG_NUMBER.matcher(text).replaceAll(m -> grouped(Long.parseLong(m.group())));
  }
}
