package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAlignment.fromAligned;
import static jp.renkei.engine.mail.MailAttachments.namePdf;
import static jp.renkei.engine.mail.MailEnvelope.envelope;
import static jp.renkei.engine.mail.MailEnvelope.forwarded;
import static jp.renkei.engine.mail.MailEnvelope.forwardedRecipients;
import static jp.renkei.engine.mail.MailHosts.FREEMAIL;
import static jp.renkei.engine.mail.MailImpersonation.listRelayedBrandName;
import static jp.renkei.engine.mail.MailImpersonation.publicBodyMailbox;
import static jp.renkei.engine.mail.MailImpersonation.publicBodyName;
import static jp.renkei.engine.mail.MailImpersonation.rawJisName;
import static jp.renkei.engine.mail.MailImpersonation.recipientAsName;
import static jp.renkei.engine.mail.MailImpersonation.scripts;
import static jp.renkei.engine.mail.MailLinks.REGISTRABLE;
import static jp.renkei.engine.mail.MailLinks.URIS;
import static jp.renkei.engine.mail.MailLinks.VALID_DOMAIN;
import static jp.renkei.engine.mail.MailLinks.bareLinks;
import static jp.renkei.engine.mail.MailLinks.barePlainText;
import static jp.renkei.engine.mail.MailLinks.disguisedHost;
import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.freeWebHostLinks;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.hyphened;
import static jp.renkei.engine.mail.MailLinks.links;
import static jp.renkei.engine.mail.MailLinks.nestedIpLinks;
import static jp.renkei.engine.mail.MailLinks.passwordedArchiveLink;
import static jp.renkei.engine.mail.MailLinks.refang;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailLinks.relayedShortLinks;
import static jp.renkei.engine.mail.MailLinks.unsubscribeDomain;
import static jp.renkei.engine.mail.MailLinks.urls;
import static jp.renkei.engine.mail.MailSenders.bad;
import static jp.renkei.engine.mail.MailSenders.bounce;
import static jp.renkei.engine.mail.MailSenders.bulkLures;
import static jp.renkei.engine.mail.MailSenders.espBulk;
import static jp.renkei.engine.mail.MailSenders.espOwnAddress;
import static jp.renkei.engine.mail.MailSenders.forgedMessageId;
import static jp.renkei.engine.mail.MailSenders.freeMailHidden;
import static jp.renkei.engine.mail.MailSenders.hiddenBulk;
import static jp.renkei.engine.mail.MailSenders.noReplyMailbox;
import static jp.renkei.engine.mail.MailSenders.none;
import static jp.renkei.engine.mail.MailSenders.notAligned;
import static jp.renkei.engine.mail.MailSenders.ownNotice;
import static jp.renkei.engine.mail.MailSenders.peerLookalike;
import static jp.renkei.engine.mail.MailSenders.postersOtherMailbox;
import static jp.renkei.engine.mail.MailSenders.providersDaemon;
import static jp.renkei.engine.mail.MailSenders.repliesToTheReader;
import static jp.renkei.engine.mail.MailSenders.results;
import static jp.renkei.engine.mail.MailSenders.scrambledEnvelope;
import static jp.renkei.engine.mail.MailSenders.sharedFileOnly;
import static jp.renkei.engine.mail.MailSenders.sisterDomain;
import static jp.renkei.engine.mail.MailSenders.spfFailed;
import static jp.renkei.engine.mail.MailSenders.toTheCustomerNamed;
import static jp.renkei.engine.mail.MailText.ADDRESS;
import static jp.renkei.engine.mail.MailText.TRAILING_PUNCTUATION;
import static jp.renkei.engine.mail.MailText.URL;
import static jp.renkei.engine.mail.MailText.wordCount;
import static jp.renkei.engine.mail.MailText.words;
import static jp.renkei.engine.mail.MailUnsubscribe.UNSUBSCRIBE_TEXT;
import static jp.renkei.engine.mail.MailWording.quoted;
import static jp.renkei.engine.mail.MailWording.spacedWords;
import static jp.renkei.engine.mail.MailWording.wording;

import com.google.common.net.InternetDomainName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Analyses one e-mail message (RFC 5322, as saved .eml) for the signs of a targeted attack: parses
 * it leniently within explicit {@link Limits}, collects every indicator (sender, relays, links in
 * text and HTML — defanged ones too —, attachments with their type by content, hashes and archive
 * members) and judges the red flags of {@link RedFlag}. Malformed input never throws: what could be
 * read is analysed and the problems are listed. Thread-safe.
 *
 * <p>List and bulk mail is read in context, but list headers are written by whoever sends the
 * message, so they lower a sign only when they are consistent: the wording signs (urgency, lures,
 * IPA themes), free-hosting links, brand and free-mail claims and a Reply-To to the list are
 * lowered only for a discussion list whose own domain (List-Id, List-Post, X-BeenThere ...) is the
 * Return-Path's, the Sender's or one SPF / DKIM vouched for — never a free-mail domain — in a
 * message that asks for no credentials. A Reply-To to the very address List-Post names, and a
 * newsletter whose list headers name its sender's own domain, lower only their own signs (the
 * reply, the brand in its name, its links to partners). A credential request is never lowered.
 *
 * <p>This class is the conductor: it reads the message, walks its MIME parts and judges. What it
 * collects is a {@link MailState}; each subject has its room: {@link MailEnvelope} (header fields,
 * Received, Authentication-Results), {@link MailHtml} (HTML parts), {@link MailLinks} (links and
 * hosts), {@link MailAttachments} (files, archives, PDFs, QR codes), {@link MailWording} (what the
 * text asks), {@link MailSenders} (who sent it, look-alike domains) and {@link MailImpersonation}
 * (brands, public bodies and member organisations claimed); {@link MailSigns} holds their tables.
 */
public final class MailAnalyzer {

  /**
   * Explicit caps, so that no message, however built, costs more than a bounded amount of work.
   *
   * @param maxBytes bytes of the message read (25 MiB); the rest is not analysed
   * @param maxParts MIME parts walked (200)
   * @param maxDepth nesting of MIME parts (8)
   * @param maxHeaders header fields per part (1,000)
   * @param maxArchiveEntries entries read from one archive (500)
   * @param maxUnpacked bytes unpacked from one archive (64 MiB)
   * @param maxRatio unpacked-to-packed ratio of one archive beyond which it is not unpacked (200)
   * @param maxUnpackedPerMessage bytes unpacked from all archives of the message together (64 MiB)
   * @param maxEntriesPerMessage entries read from all archives of the message together (1,000)
   * @param maxArchiveDepth archives within archives unpacked: 1 unpacks attachments only, 2 also
   *     the archives inside them (2); deeper ones are listed, not unpacked
   * @param maxTime wall time of one analysis (10 s); past it, no more parts or archive entries are
   *     read and the report says what was analysed
   */
  public record Limits(
      long maxBytes,
      int maxParts,
      int maxDepth,
      int maxHeaders,
      int maxArchiveEntries,
      long maxUnpacked,
      int maxRatio,
      long maxUnpackedPerMessage,
      int maxEntriesPerMessage,
      int maxArchiveDepth,
      Duration maxTime) {

    public static final Limits DEFAULT =
        new Limits(
            25L << 20,
            200,
            8,
            1000,
            500,
            64L << 20,
            200,
            64L << 20,
            1000,
            2,
            Duration.ofSeconds(10));

    /** The per-archive caps, with the default per-message caps. */
    public Limits(
        long maxBytes,
        int maxParts,
        int maxDepth,
        int maxHeaders,
        int maxArchiveEntries,
        long maxUnpacked,
        int maxRatio) {
      this(
          maxBytes,
          maxParts,
          maxDepth,
          maxHeaders,
          maxArchiveEntries,
          maxUnpacked,
          maxRatio,
          DEFAULT.maxUnpackedPerMessage(),
          DEFAULT.maxEntriesPerMessage(),
          DEFAULT.maxArchiveDepth(),
          DEFAULT.maxTime());
    }

    /** These limits with another wall-time bound for one analysis. */
    public Limits withMaxTime(Duration time) {
      return new Limits(
          maxBytes,
          maxParts,
          maxDepth,
          maxHeaders,
          maxArchiveEntries,
          maxUnpacked,
          maxRatio,
          maxUnpackedPerMessage,
          maxEntriesPerMessage,
          maxArchiveDepth,
          time);
    }
  }

  private static final Pattern ORGANISATION_WORDS =
      Pattern.compile(
          "(株式会社|\\(株\\)|（株）|有限会社|機構|省|庁|センター|銀行|協会|事務局|委員会|本部|研究所|大学|"
              // a department or an editorial office (a newspaper's 編集部 asking for an interview)
              + "編集部|編集局|新聞|通信社|記者|取材班|"
              + "(?:人事|総務|経理|営業|広報|採用|情報システム|経済|社会|政治|報道|品質管理|品質保証|購買|調達|法務)部|"
              + "(?i:\\b(inc|corp|co\\.|ltd|llc|center|centre|ministry|agency|bank|council|office|"
              + "nisc|jpcert|cert|security team|it support|helpdesk|support|suporte|soporte|atendimento"
              + "|customer (?:service|care)|department|payroll|human resources)\\b))");

  /**
   * Mathematical alphanumeric symbols, zero-width, invisible-operator (U+2061–U+2064) and
   * soft-hyphen characters, and invisible variation selectors or tag characters after a Latin
   * letter ("M", U+E0139, "icrosoft"): a Japanese name's ideographic variant selector follows a
   * kanji, and an emoji flag's tags follow the flag.
   */
  static final Pattern OBFUSCATION =
      Pattern.compile(
          "[\\x{1D400}-\\x{1D7FF}\\u200B-\\u200D\\u2060-\\u2064\\uFEFF\\u00AD\\u034F]"
              + "|(?<=\\p{IsLatin})[\\x{E0000}-\\x{E007F}\\x{E0100}-\\x{E01EF}]");

  /**
   * The zero-width characters of {@link #OBFUSCATION} (space, non-joiner, joiner, word joiner,
   * BOM).
   */
  private static final String ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF";

  /**
   * Whether a subject or sender name has a character {@link #OBFUSCATION} matches, a zero-width one
   * not when it only pads the end of the subject (marketing subjects end so) or joins two
   * pictographs into one emoji (a family, a flag): a filter reads "Ac\u200Bcount" as no word, and
   * words spaced with them ("Your \u200Baccount") escape phrase rules, while those two hide nothing
   * from it.
   */
  static boolean obfuscatedShown(String s) {
    Matcher m = OBFUSCATION.matcher(s);
    while (m.find()) {
      if (m.end() - m.start() != 1 || ZERO_WIDTH.indexOf(s.charAt(m.start())) < 0) {
        return true;
      }
      int before = m.start() - 1;
      while (before >= 0 && ZERO_WIDTH.indexOf(s.charAt(before)) >= 0) {
        before--;
      }
      int after = m.end();
      while (after < s.length() && ZERO_WIDTH.indexOf(s.charAt(after)) >= 0) {
        after++;
      }
      boolean trailing = s.substring(after).isBlank();
      boolean inEmoji =
          before >= 0
              && after < s.length()
              && emojiPart(s.codePointBefore(before + 1))
              && emojiPart(s.codePointAt(after));
      if (!trailing && !inEmoji) {
        return true;
      }
    }
    return false;
  }

  /** A pictograph, or the variation selector that makes one coloured (U+FE0F). */
  private static boolean emojiPart(int c) {
    return c == 0xFE0F || Character.getType(c) == Character.OTHER_SYMBOL;
  }

  /**
   * Whether {@code s} has a character {@link #OBFUSCATION} can match: each of its alternatives
   * matches one at U+00AD or above (a supplementary one is two surrogates, above U+D7FF), so a
   * subject or name in ASCII and Latin-1 letters is not searched by the pattern.
   */
  static boolean mayBeObfuscated(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\u00AD') {
        return true;
      }
    }
    return false;
  }

  /** Fewer words than this beside an image inside a link: the message is the image. */
  static final int IMAGE_ONLY_WORDS = 25;

  private static final Pattern QUOTED = Pattern.compile("(?m)^[ \\t]*(?:>|\\|)[^\\n]*$");

  private final Limits limits;
  private final Set<String> memberDomains;
  private final KnownOrganisations known;
  private final OwnNetwork ownNetwork;
  private final Set<String> allowed;
  private final MailModel model;
  private final MailAttachments attachments;
  private final MailHtml htmlParts;
  private final MailLinks linkRoom;
  private final MailImpersonation impersonations;
  private final MailSenders senders;

  /**
   * @param memberDomains the hub's member organisations' domains (for look-alike checks)
   * @param allowList domains, addresses and SHA-256 hashes whose flags are suppressed (known false
   *     positives)
   */
  public MailAnalyzer(
      Limits limits, Collection<String> memberDomains, Collection<String> allowList) {
    this(limits, memberDomains, allowList, null);
  }

  /**
   * @param model a statistical model of phishing wording ({@link MailModel}), or null for the rules
   *     alone
   */
  public MailAnalyzer(
      Limits limits,
      Collection<String> memberDomains,
      Collection<String> allowList,
      MailModel model) {
    this(limits, memberDomains, KnownOrganisations.NONE, allowList, model);
  }

  /**
   * @param memberDomains domains compared for look-alikes whose evidence names the domain itself (a
   *     command-line run's own list)
   * @param known the hub's member organisations the person analysing may see: a display name,
   *     subject tag or signature claiming one from none of its domains is MEMBER_IMPERSONATION, a
   *     domain imitating one of its domains LOOKALIKE_DOMAIN; the evidence names the organisation,
   *     never its domains or other names (those are the directory's admins' to read)
   */
  public MailAnalyzer(
      Limits limits,
      Collection<String> memberDomains,
      KnownOrganisations known,
      Collection<String> allowList,
      MailModel model) {
    this(limits, memberDomains, known, allowList, model, OwnNetwork.UNKNOWN);
  }

  /**
   * As {@link #MailAnalyzer(Limits, Collection, KnownOrganisations, Collection, MailModel)}, for an
   * analysis on behalf of one organisation whose own network is known.
   *
   * @param ownNetwork the analysing organisation's own address ranges and domains ({@link
   *     OwnNetwork}): a "boundary" hop of the receiver that its record contradicts is believed only
   *     from those ranges; {@link OwnNetwork#UNKNOWN} (or null: the command line, the bench) leaves
   *     every analysis as without it
   */
  public MailAnalyzer(
      Limits limits,
      Collection<String> memberDomains,
      KnownOrganisations known,
      Collection<String> allowList,
      MailModel model,
      OwnNetwork ownNetwork) {
    this.ownNetwork = ownNetwork == null ? OwnNetwork.UNKNOWN : ownNetwork;
    this.limits = limits;
    this.memberDomains = lower(memberDomains);
    this.known = known == null ? KnownOrganisations.NONE : known;
    this.allowed = lower(allowList);
    this.model = model;
    this.attachments = new MailAttachments(this.limits, this.allowed);
    this.htmlParts = new MailHtml(this.allowed);
    this.senders = new MailSenders(this.memberDomains, this.known);
    this.linkRoom = new MailLinks(this.allowed, this.senders);
    this.impersonations = new MailImpersonation(this.known);
  }

  public MailAnalyzer() {
    this(Limits.DEFAULT, List.of(), List.of());
  }

  private static Set<String> lower(Collection<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      out.add(s.strip().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** The analysis of one message; never throws for bad input. */
  public MailReport analyze(InputStream raw) {
    return analysis(raw).report();
  }

  /** A report and the lower-cased wording it was judged on (subject and text, for the model). */
  record Analysis(MailReport report, String text) {}

  Analysis analysis(InputStream raw) {
    MailState st = new MailState(limits);
    st.ownNetwork = ownNetwork;
    Map<String, String> outer = REGISTRABLE.get();
    Map<String, Object> outerUris = URIS.get();
    REGISTRABLE.set(new java.util.HashMap<>());
    URIS.set(new java.util.HashMap<>());
    try {
      return new Analysis(run(raw, st), st.text.toString());
    } catch (StackOverflowError tooDeep) {
      // last net: something in this one message recursed beyond the stack (the stack is free
      // again once it unwinds). The analysis ends with what it said so far, not as a server error
      st.problem(
          "unreadable",
          "メッセージの構造が複雑すぎて解析を完了できませんでした",
          "the message is too deeply structured to finish analysing (recursion exhausted the stack)");
      return new Analysis(st.report(null), st.text.toString());
    } finally {
      if (outer == null) {
        REGISTRABLE.remove();
        URIS.remove();
      } else {
        REGISTRABLE.set(outer);
        URIS.set(outerUris);
      }
    }
  }

  private MailReport run(InputStream raw, MailState st) {
    Read read;
    try {
      read = readUpTo(raw, (int) Math.min(Integer.MAX_VALUE - 9, limits.maxBytes() + 1));
    } catch (IOException e) {
      st.problem(
          "unreadable",
          "メッセージを読み込めません: " + e.getMessage(),
          "cannot read the message: " + e.getMessage());
      return st.report(null);
    }
    byte[] bytes = read.bytes();
    int length = read.length();
    if (length > limits.maxBytes()) {
      st.beyondLimit(
          "message " + limits.maxBytes(),
          "a message larger than "
              + MailReport.grouped(limits.maxBytes())
              + " bytes: its first "
              + MailReport.grouped(limits.maxBytes())
              + " bytes were read, what follows was not",
          "メッセージが "
              + MailReport.grouped(limits.maxBytes())
              + " バイトを超えています。最初の "
              + MailReport.grouped(limits.maxBytes())
              + " バイトを読み、その先は読んでいません");
      length = (int) limits.maxBytes();
    }
    if (MailOutlook.compoundFile(bytes, length)) {
      // an Outlook .msg (dragged out of Outlook): judged as the Internet message it stands for
      try {
        MailOutlook.Read outlook = MailOutlook.read(bytes, length);
        outlook.notes().forEach(p -> st.problem(p.kind(), p.ja(), p.en()));
        st.outlookSenderUnknown = outlook.senderUnknown();
        st.outlook = true;
        // whom the recipient table names beside the kept headers (a Bcc): recipients as the
        // servers' Delivered-To are, their names for the redaction of a shared copy (share34)
        st.deliveredTo.addAll(outlook.tableAddresses());
        forwarded(new MailInlineForwards.Recipients(List.of(), outlook.tableNames()), st);
        bytes = outlook.mime();
        length = bytes.length;
      } catch (MailOutlook.NotOutlook e) {
        st.problem(e.kind, e.ja, e.getMessage());
        return st.report(null);
      }
    }
    Message m;
    try {
      try {
        m = parse(bytes, length, false);
      } catch (StackOverflowError tooDeep) {
        // the MIME reader follows each level of nesting with a stream wrapped in the one above
        // and recurses through all of them: thousands of levels exhaust the stack before the walk
        // below could stop at maxDepth. The headers are still the message's; its parts are not read
        st.beyondLimit(
            "MIME nesting the reader can follow",
            "MIME parts nested too deep to read (thousands of levels): the headers were read, the"
                + " parts were not",
            "MIME パートの入れ子が深すぎて読めません (数千段)。ヘッダは読み、パートは読んでいません");
        m = parse(bytes, length, true);
      }
    } catch (IOException | RuntimeException e) {
      st.problem(
          "unreadable",
          "メールとして読めません: " + e.getMessage(),
          "not a readable message: " + e.getMessage());
      return st.report(null);
    }
    try {
      envelope(m, st);
      st.bounceSender =
          MailBounce.sender(st.returnPath, st.from, m.getHeader().getField("Auto-Submitted"));
      st.inReplyTo = MailBounce.messageId(m.getHeader().getField("In-Reply-To"));
      st.references = m.getHeader().getField("References") != null;
      walk(m, 0, st);
    } catch (RuntimeException e) {
      // the exception's message says where; its class is for the log, not for the reader
      st.problem(
          "unreadable",
          "解析が途中で止まりました: " + e.getMessage(),
          "analysis stopped early: " + e.getMessage());
    } catch (StackOverflowError tooDeep) {
      // a part too deeply structured for a recursive reader: what was read so far is judged
      st.problem(
          "unreadable",
          "メッセージの構造が複雑すぎて解析が途中で止まりました",
          "analysis stopped early: the message is too deeply structured (recursion exhausted the"
              + " stack)");
    } finally {
      m.dispose();
    }
    try {
      attachments.searchQrCodes(st);
    } catch (RuntimeException e) {
      st.problem(
          "unreadable",
          "QR コードの探索が途中で止まりました: " + e.getMessage(),
          "the QR search stopped early: " + e.getMessage());
    }
    judge(st);
    return st.report(m);
  }

  /** The first {@code length} bytes of {@code bytes} are what was read. */
  record Read(byte[] bytes, int length) {}

  /**
   * Up to {@code max} bytes of {@code in}, in one array sized by what the stream says it holds
   * ({@code available}: the whole of a message in memory), grown when it holds more.
   */
  static Read readUpTo(InputStream in, int max) throws IOException {
    byte[] buf = new byte[Math.min(max, Math.max(8192, in.available() + 1))];
    int n = 0;
    while (n < max) {
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, (int) Math.min(max, buf.length * 2L));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return new Read(buf, n);
  }

  /**
   * The message parsed within the limits; {@code flat}: the body is not split into its parts.
   * Nesting is bounded while the MIME reader reads ({@link MailMime}).
   */
  private Message parse(byte[] bytes, int length, boolean flat) throws IOException {
    if (flat) {
      return builder(true).parseMessage(new ByteArrayInputStream(bytes, 0, length));
    }
    return MailMime.parse(new ByteArrayInputStream(bytes, 0, length), config(), limits.maxDepth());
  }

  private MimeConfig config() {
    return MimeConfig.custom()
        .setMaxHeaderCount(limits.maxHeaders())
        .setMaxHeaderLen(256 * 1024)
        .setMaxLineLen(-1)
        .setMaxContentLen(limits.maxBytes())
        .setStrictParsing(false)
        .build();
  }

  /** A MIME reader within the limits; {@code flat}: the body is not split into its parts. */
  private DefaultMessageBuilder builder(boolean flat) {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(config());
    builder.setDecodeMonitor(DecodeMonitor.SILENT);
    builder.setFlatMode(flat);
    return builder;
  }

  // ---- body ----------------------------------------------------------------------------------

  private void walk(Entity e, int depth, MailState st) {
    if (st.outOfTime()) {
      return;
    }
    if (++st.parts > limits.maxParts()) {
      if (st.parts == limits.maxParts() + 1) {
        st.beyondLimit(
            "MIME parts " + limits.maxParts(),
            "more than "
                + limits.maxParts()
                + " MIME parts: the first "
                + limits.maxParts()
                + " were read, the rest were not",
            "MIME パートが "
                + limits.maxParts()
                + " 個を超えています。最初の "
                + limits.maxParts()
                + " 個を読み、残りは読んでいません");
      }
      return;
    }
    if (depth > limits.maxDepth()) {
      st.beyondLimit(
          "MIME nesting " + limits.maxDepth(),
          "MIME parts nested deeper than "
              + limits.maxDepth()
              + ": the parts below that depth were not read",
          "MIME パートの入れ子が " + limits.maxDepth() + " 段を超えています。それより深いパートは読んでいません");
      return;
    }
    Body body = e.getBody();
    if (body instanceof Multipart mp) {
      st.report |=
          MailBounce.deliveryReport(e.getMimeType(), e.getHeader().getField("Content-Type"));
      for (Entity part : mp.getBodyParts()) {
        walk(part, depth + 1, st);
      }
      return;
    }
    if (body instanceof Message inner) {
      inner(inner, depth, st);
      return;
    }
    String type = e.getMimeType() == null ? "" : e.getMimeType().toLowerCase(Locale.ROOT);
    if (depth > 0
        && (e.getHeader().getField("Received") != null
            || e.getHeader().getField("Message-ID") != null)) {
      // a part whose own header is a message's: the header of a returned message written where
      // the report's part header should be (Sendmail and others leave out the part's Content-Type)
      st.returnedHeader = true;
    }
    if ((MailBounce.STATUS_TYPES.contains(type) || MailBounce.RETURNED_TYPES.contains(type))
        && body instanceof SingleBody single
        && !(body instanceof TextBody)) {
      // a bounce's machine-readable part (message/delivery-status is no text type to the reader)
      String content;
      try (InputStream in = single.getInputStream()) {
        content = new String(in.readNBytes(TEXT_PART), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException ex) {
        st.problem(
            "unreadable",
            "配送状態のパートを読めません: " + ex.getMessage(),
            "the delivery-status part cannot be read: " + ex.getMessage());
        return;
      }
      returnedPart(type, content, st);
      return;
    }
    String filename = e.getFilename();
    boolean attachment =
        filename != null
            || "attachment".equalsIgnoreCase(e.getDispositionType())
            || !(body instanceof TextBody);
    if (!attachment && body instanceof TextBody text) {
      String guessed = MailCharsets.undeclared(e) ? MailCharsets.guess(text, TEXT_PART) : null;
      String content = guessed != null ? guessed : read(text, st);
      if (content.length() >= TEXT_PART || (guessed != null && sizeOf(text) > TEXT_PART)) {
        // what follows the part's first millions of characters (a lure's link, its form) is not
        // read: padding that long is itself the sign
        st.beyondLimit(
            "text part " + TEXT_PART,
            "a text part longer than "
                + MailReport.grouped(TEXT_PART)
                + " characters: its first "
                + MailReport.grouped(TEXT_PART)
                + " were read, the rest of it was not",
            "本文のパート 1 つが "
                + MailReport.grouped(TEXT_PART)
                + " 文字を超えています。最初の "
                + MailReport.grouped(TEXT_PART)
                + " 文字を読み、残りは読んでいません");
      }
      MailRelayedPosts.readPart(content, st);
      if ("text/html".equals(type)) {
        htmlParts.html(content, st);
      } else if (MailBounce.STATUS_TYPES.contains(type)
          || MailBounce.RETURNED_TYPES.contains(type)) {
        returnedPart(type, content, st);
      } else if (st.bounceSender && MailBounce.inlineCopy(content.toLowerCase(Locale.ROOT)) >= 0) {
        // a report written as text, the returned message after it (qmail, Exim, Gmail's old form)
        int at = MailBounce.inlineCopy(content.toLowerCase(Locale.ROOT));
        String report = content.substring(0, at);
        String copy = content.substring(at);
        st.text(QUOTED.matcher(report).replaceAll(""));
        st.returnedText(QUOTED.matcher(copy).replaceAll(""));
        st.words(content);
        urls(report, "text", st);
        int links = st.links.size();
        urls(copy, "text", st);
        st.returnedActs |= st.returnedLinksSince(links);
      } else {
        // lines quoted from earlier mail (> ...) are the conversation's, not this sender's words
        st.text(QUOTED.matcher(content).replaceAll(""));
        forwarded(MailInlineForwards.plain(content), st);
        int words = wordCount(content);
        st.words(content, words);
        urls(content, "text", st);
        int bare = bareLinks(content);
        if (bare > 0) {
          st.barePlainLinks = Math.max(st.barePlainLinks, bare);
        } else if (words > 0) {
          st.plainSpeaks = true;
        }
      }
      return;
    }
    if (body instanceof SingleBody single) {
      byte[] data;
      try (InputStream in = single.getInputStream()) {
        data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes()));
      } catch (IOException ex) {
        st.problem(
            "unreadable",
            "添付ファイル " + filename + " を読めません: " + ex.getMessage(),
            "attachment " + filename + " cannot be read: " + ex.getMessage());
        return;
      }
      if (MailOutlook.compoundFile(data, data.length)) {
        Message outlook = outlookAttachment(data, filename, type, st);
        if (outlook != null) {
          // an Outlook item attached to a forward ("forward as attachment" from Outlook): judged
          // as an attached message/rfc822 is, its recipients redacted from a shared copy alike
          try {
            inner(outlook, depth, st);
          } finally {
            outlook.dispose();
          }
          return;
        }
      }
      MailReport.Attachment a =
          attachments.attachment(
              filename == null ? "(no name)" : filename, e.getMimeType(), data, 0, st);
      st.attachments.add(a);
      if (st.bounceSender
          && "text/plain".equals(type)
          && MailBounce.headerFile(
              new String(
                  data,
                  0,
                  Math.min(data.length, 65_536),
                  java.nio.charset.StandardCharsets.ISO_8859_1))) {
        // the returned message's header, attached as a text file by some delivery software
        st.returnedHeader = true;
      }
    }
  }

  /**
   * A forwarded or attached message (message/rfc822, or an Outlook item read as one): its own
   * attachments and links count too. Its text is marked, so that a bounce returning it can tell it
   * from its own report (see bounce).
   */
  private void inner(Message inner, int depth, MailState st) {
    int start = st.text.length();
    int links = st.links.size();
    int attachments = st.attachments.size();
    st.inReturned++;
    forwardedRecipients(inner, st);
    try {
      walk(inner, depth + 1, st);
    } finally {
      st.inReturned--;
    }
    st.returned.add(new int[] {start, st.text.length()});
    st.returnedActs |= st.returnedLinksSince(links) | st.attachments.size() > attachments;
  }

  /**
   * An attachment that is an Outlook message, as the message it stands for; null when it is some
   * other Compound File (a Word .doc) or cannot be read (then said when it claimed to be one).
   */
  private Message outlookAttachment(byte[] data, String filename, String type, MailState st) {
    String name = filename == null ? "(no name)" : filename;
    try {
      MailOutlook.Read read = MailOutlook.read(data, data.length);
      for (MailReport.Problem p : read.notes()) {
        st.problem(p.kind(), "添付 " + name + ": " + p.ja(), "attachment " + name + ": " + p.en());
      }
      forwarded(new MailInlineForwards.Recipients(read.tableAddresses(), read.tableNames()), st);
      return MailMime.parse(new ByteArrayInputStream(read.mime()), config(), limits.maxDepth());
    } catch (MailOutlook.NotOutlook ex) {
      if (type.equals("application/vnd.ms-outlook")
          || name.toLowerCase(Locale.ROOT).endsWith(".msg")) {
        st.problem(
            "unreadable",
            "添付 " + name + ": " + ex.ja,
            "attachment " + name + ": " + ex.getMessage());
      }
      return null;
    } catch (IOException | RuntimeException ex) {
      st.problem(
          "unreadable",
          "添付 " + name + ": Outlook のファイルから組み立てたメッセージを読めません: " + ex.getMessage(),
          "attachment "
              + name
              + ": the message rebuilt from the Outlook file cannot be read: "
              + ex.getMessage());
      return null;
    }
  }

  /** The bytes of a body, or 0 when they cannot be counted. */
  private static long sizeOf(SingleBody body) {
    try {
      return body.size();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * A bounce's delivery-status part, or the header (or whole) of the message it returns: read as
   * text, marked as returned (see {@link MailSenders#bounce}).
   */
  private static void returnedPart(String type, String content, MailState st) {
    st.deliveryStatus |=
        MailBounce.STATUS_TYPES.contains(type) && MailBounce.deliveryStatus(content);
    if (MailBounce.STATUS_TYPES.contains(type)) {
      st.statusReplies.addAll(MailBounce.replyLines(content.toLowerCase(Locale.ROOT)));
      st.statusStretches.add(st.text.length());
    }
    st.returnedText(QUOTED.matcher(content).replaceAll(""));
    st.words(content);
    int links = st.links.size();
    urls(content, "text", st);
    st.returnedActs |= st.returnedLinksSince(links) && MailBounce.RETURNED_TYPES.contains(type);
  }

  /** Characters of one text part read at most (a little more: the last read is kept whole). */
  static final int TEXT_PART = 4_000_000;

  /**
   * The class of the text bodies mime4j's reader makes ({@code BasicBodyFactory}'s, from the part's
   * bytes and the charset it resolved): their {@code getReader()} is an {@code InputStreamReader}
   * over {@code getInputStream()} in {@code getCharset()}.
   */
  private static final Class<?> PARSED_TEXT = parsedTextClass();

  private static Class<?> parsedTextClass() {
    try {
      return new org.apache.james.mime4j.message.BasicBodyFactory()
          .textBody(InputStream.nullInputStream(), "us-ascii")
          .getClass();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(TextBody text, MailState st) {
    String whole = decodedWhole(text);
    if (whole != null) {
      String wider = MailWiderCharsets.reread(text, whole, TEXT_PART);
      return wider != null ? wider : whole;
    }
    try {
      String asRead = readByReader(text);
      String wider = MailWiderCharsets.reread(text, asRead, TEXT_PART);
      return wider != null ? wider : asRead;
    } catch (IOException | RuntimeException e) {
      st.problem(
          "unreadable",
          "本文のパートを文字コード " + text.getMimeCharset() + " で読めません: " + e.getMessage(),
          "a text part cannot be decoded (" + text.getMimeCharset() + "): " + e.getMessage());
      return "";
    }
  }

  /**
   * Charsets whose one-step decoding replaces malformed input exactly as their Reader does (checked
   * on random bytes in {@code MailParsingTest}). Not ISO-2022-JP: its decoder keeps state between
   * the Reader's reads, and after a stray escape the two differ.
   */
  private static final Set<java.nio.charset.Charset> ONE_STEP_CHARSETS = oneStepCharsets();

  private static Set<java.nio.charset.Charset> oneStepCharsets() {
    Set<java.nio.charset.Charset> out = new java.util.HashSet<>();
    for (String name :
        List.of("UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252", "Shift_JIS", "EUC-JP")) {
      if (java.nio.charset.Charset.isSupported(name)) {
        out.add(java.nio.charset.Charset.forName(name));
      }
    }
    return Set.copyOf(out);
  }

  /**
   * A text part mime4j parsed, decoded in one step from its bytes (malformed input replaced as its
   * Reader replaces it), when it cannot reach {@link #TEXT_PART} characters; else null (then {@link
   * #readByReader}).
   */
  static String decodedWhole(TextBody text) {
    try {
      java.nio.charset.Charset cs = text.getCharset();
      if (text.getClass() == PARSED_TEXT
          && ONE_STEP_CHARSETS.contains(cs)
          && text.size() * (double) cs.newDecoder().maxCharsPerByte() < TEXT_PART) {
        try (InputStream in = text.getInputStream()) {
          return new String(allBytes(in, text.size()), cs);
        }
      }
    } catch (IOException | RuntimeException e) {
      // read through its Reader, as any other body
    }
    return null;
  }

  /**
   * All the bytes of {@code in}, read into one array of the size the body says it has ({@code
   * readAllBytes} reads a stream of unknown length in chunks and copies them together); a stream
   * shorter or longer than said is read whole all the same. The end is found by reading one byte
   * past the size, not by {@code readAllBytes}, which takes an 8 KB buffer to find nothing.
   */
  static byte[] allBytes(InputStream in, long size) throws IOException {
    if (size <= 0 || size > Integer.MAX_VALUE - 8) {
      return in.readAllBytes();
    }
    byte[] b = new byte[(int) size];
    int n = in.readNBytes(b, 0, b.length);
    if (n < b.length) {
      return java.util.Arrays.copyOf(b, n);
    }
    int next = in.read();
    if (next < 0) {
      return b;
    }
    byte[] rest = in.readAllBytes();
    byte[] all = java.util.Arrays.copyOf(b, b.length + 1 + rest.length);
    all[b.length] = (byte) next;
    System.arraycopy(rest, 0, all, b.length + 1, rest.length);
    return all;
  }

  /** A text part through its Reader, up to {@link #TEXT_PART} characters (the last read whole). */
  static String readByReader(TextBody text) throws IOException {
    try (Reader r = text.getReader()) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0 && b.length() < TEXT_PART) {
        b.append(buf, 0, n);
      }
      return b.toString();
    }
  }

  /**
   * The evidence of {@link RedFlag#UNLISTED_BULK} in words: the unsubscribe line that is there, the
   * list headers that are not, and where the unsubscribe link goes against the sender's domain
   * (ux29 read "List-Unsubscribe / List-Id —, gmail.com ≠ —" as a code).
   */
  private static String unlistedBulk(String word, MailState st, boolean ja) {
    String links = String.join(", ", st.unsubscribeDomains);
    StringBuilder b = new StringBuilder();
    if (ja) {
      b.append("本文に \"").append(word).append("\" があるが、List-Unsubscribe も List-Id もヘッダーにない");
    } else {
      b.append("\"")
          .append(word)
          .append("\" in the text, but neither a List-Unsubscribe nor a List-Id header");
    }
    if (st.senderDomain == null) {
      b.append(ja ? "。差出人のドメインは読み取れない" : "; the sender's address has no domain that could be read");
      if (!links.isEmpty()) {
        b.append(ja ? "。配信停止のリンク先は " + links : "; the unsubscribe link goes to " + links);
      }
    } else if (!links.isEmpty() && !st.unsubscribeDomains.contains(st.senderDomain)) {
      b.append(
          ja
              ? "。配信停止のリンク先 " + links + " は差出人のドメイン " + st.senderDomain + " と違う"
              : "; the unsubscribe link goes to "
                  + links
                  + ", not to the sender's domain "
                  + st.senderDomain);
    } else if (FREEMAIL.contains(st.senderDomain)) {
      b.append(
          ja
              ? "。差出人 " + st.senderDomain + " は無料メールのドメインで、配信リストを運営するものではない"
              : "; the sender "
                  + st.senderDomain
                  + " is a free mail service's domain, which runs no mailing list");
    }
    return b.toString();
  }

  /**
   * The hosts of the links and addresses written near each unsubscribe line of the text ("To
   * unsubscribe, visit http://… / write to leave@…"): where the reader is sent to leave.
   */
  private static void unsubscribeNear(MailState st) {
    MailPhrases.Hits words = st.listWords();
    String text = words.text();
    for (int[] u : words.spans(UNSUBSCRIBE_TEXT, 20)) {
      String near =
          text.substring(
              Math.max(0, u[0] - UNSUBSCRIBE_NEAR / 2),
              Math.min(text.length(), u[1] + UNSUBSCRIBE_NEAR));
      Matcher l = URL.matcher(near);
      while (l.find()) {
        unsubscribeDomain(host(TRAILING_PUNCTUATION.matcher(refang(l.group())).replaceAll("")), st);
      }
      Matcher a = ADDRESS.matcher(near);
      while (a.find()) {
        unsubscribeDomain(domain(a.group()), st);
      }
    }
  }

  /** Characters after an unsubscribe word (half as many before it) searched for its link. */
  static final int UNSUBSCRIBE_NEAR = 300;

  private void judge(MailState st) {
    st.readTail();
    bounce(st);
    st.asksCredentials = !st.credentials(st.phrases()).isEmpty();
    String fromDomain = domain(st.from);
    st.senderDomain = fromDomain == null ? null : registrable(fromDomain);
    boolean senderAllowed =
        st.from != null
            && (allowed.contains(st.from) || (fromDomain != null && allowed.contains(fromDomain)));
    if (!senderAllowed) {
      if (st.fromName != null) {
        Matcher a = ADDRESS.matcher(st.fromName);
        while (a.find()) {
          if (!a.group().equalsIgnoreCase(st.from)) {
            st.flag(RedFlag.DISPLAY_NAME_ADDRESS, st.fromName + " <" + st.from + ">");
          }
        }
        if (fromDomain != null
            && FREEMAIL.contains(fromDomain)
            && !providersDaemon(st)
            && ORGANISATION_WORDS.matcher(st.fromName).find()) {
          st.flag(RedFlag.FREEMAIL_CLAIMS_ORGANISATION, st.fromName + " <" + st.from + ">");
        } else if (fromDomain != null
            && !st.listMail
            && ORGANISATION_WORDS.matcher(st.fromName).find()) {
          // an organisation's name whose replies go to free mail: a payroll department or a help
          // desk does not read its answers at gmail.com (a platform's share for a free-mail
          // "Payroll Department" included)
          for (String r : st.replyTo) {
            String rd = domain(r);
            if (rd != null && FREEMAIL.contains(registrable(rd))) {
              st.flag(
                  RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
                  st.fromName + " <" + st.from + "> → Reply-To: " + r);
              break;
            }
          }
        }
      }
      // a platform mailing for a colleague (a Google Docs share, a calendar invitation) sends
      // replies to that colleague: Reply-To on the reader's own organisation's domain is how it
      // works, once DMARC shows it is the platform (a stranger's share keeps the sign)
      boolean forItsUser =
          fromDomain != null
              && MailPlatforms.USER_TEXT_PLATFORMS.contains(registrable(fromDomain))
              && fromAligned(st);
      Set<String> readers = new java.util.HashSet<>();
      for (String to : st.recipients) {
        String td = domain(to);
        if (td != null && !FREEMAIL.contains(registrable(td))) {
          readers.add(registrable(td));
        }
      }
      // a signature platform (DocuSign, Adobe Acrobat Sign) sends replies to the requester, on
      // the requester's own domain; to free mail they keep the sign
      boolean forARequester =
          fromDomain != null
              && MailHosts.SIGNING_PLATFORMS.contains(registrable(fromDomain))
              && fromAligned(st);
      for (String r : st.replyTo) {
        String rd = domain(r);
        if (fromDomain != null
            && !(forItsUser && rd != null && readers.contains(registrable(rd)))
            && !(forARequester && rd != null && !FREEMAIL.contains(registrable(rd)))
            && !repliesToTheReader(st, r)
            && !noReplyMailbox(r)
            && !postersOtherMailbox(st, r)
            && !sisterDomain(st, fromDomain, rd)
            && !toTheCustomerNamed(st, r)
            && rd != null
            && !registrable(rd).equals(registrable(fromDomain))
            // list mail: replies go to the list (or its owner), as they should — to the list
            // that sent it, or to the very address its headers say members post to
            // a list that rewrote From to its own address names the poster in Reply-To
            && !st.fromRewrittenByList(st.from)
            && !(st.listMail
                && !st.asksCredentials
                && st.listDomains.contains(registrable(rd))
                && (st.listVouched() || st.listAddresses.contains(r.toLowerCase(Locale.ROOT))))) {
          st.flag(RedFlag.REPLY_TO_OTHER_DOMAIN, "From: " + st.from + " → Reply-To: " + r);
        }
      }
      MailReport.Authentication a = st.auth;
      // the list host's check of the poster's original, before the list changed it: not the
      // receiver's judgement of what arrived (listHopResults)
      boolean listHop = st.listHopResults();
      // a list's footer broke the poster's signature and the list signed what it sent
      boolean resigned = !listHop && MailListResigned.brokenByList(st);
      if (listHop || resigned) {
        // nothing: see listHopResults, MailListResigned; but the list host's SPF check of a post
        // it only relayed is of the author's own server (MailRelayedPosts)
        MailRelayedPosts.spfAtTheList(st, listHop);
      } else if ((spfFailed(st) || bad(a.dkim()) || bad(a.dmarc()) || st.compositeFailed)
          // dmarc=fail for the alignment alone, which NOT_ALIGNED weighs (political38)
          && !MailUnalignedEsp.alignmentOnly(st, fromDomain)) {
        st.flag(
            RedFlag.AUTHENTICATION_FAILED,
            results(a.spf(), a.dkim(), a.dmarc(), st.compositeFailed ? "fail" : null));
      } else if (st.authResultsSeen && none(a.spf()) && none(a.dkim()) && !st.bounce) {
        // a real bounce comes from the null reverse-path (RFC 5321 §4.5.5): SPF has no sender
        // domain to check, and delivery software seldom signs what it reports
        st.flag(RedFlag.UNAUTHENTICATED, results(a.spf(), a.dkim(), a.dmarc(), null));
      }
      if (fromDomain != null
          && st.authResultsSeen
          && !listHop
          && !resigned
          && !st.passedDomains.isEmpty()
          && !fromAligned(st)
          && !espOwnAddress(st, fromDomain)
          // the From domain's own list, sent and signed by its platform (hamout42)
          && !MailEspBrandList.brandsOwnList(st, fromDomain)
          // a campaign's own mail, its sponsor line naming the From domain (hamout43)
          && !MailSponsorLine.campaignsOwnMail(st, fromDomain)) {
        notAligned(st, fromDomain);
      }
      senders.lookalike(fromDomain, "From: " + st.from, st);
      if (!st.bounce) {
        // a bounce quotes the address that failed, and a mistyped domain is the commonest cause
        peerLookalike(st);
      }
      impersonations.impersonation(st, fromDomain);
      listRelayedBrandName(st, fromDomain);
      MailRelayedForgery.judge(st, fromDomain);
      impersonations.memberImpersonation(st, fromDomain);
      publicBodyMailbox(st, fromDomain);
      publicBodyName(st, fromDomain);
      MailBrandSenderHost.judge(st, fromDomain);
      // a real bounce's From is what its delivery software writes (MAILER-DAEMON <>, a bare
      // mailer-daemon, an internal host name): its structure, not its address, says who sent it
      if (!st.bounce
          && !(st.outlookSenderUnknown && st.from == null)
          && (st.from == null
              || st.fromBroken
              || fromDomain == null
              || !fromDomain.contains(".")
              || !VALID_DOMAIN.matcher(fromDomain).matches()
              || !InternetDomainName.isValid(fromDomain)
              || !(InternetDomainName.from(fromDomain).hasPublicSuffix()
                  // the documentation domains (RFC 2606) stand for real ones in examples and tests
                  || fromDomain.endsWith(".example")
                  || fromDomain.endsWith(".test")))) {
        st.flag(
            RedFlag.MALFORMED_SENDER,
            "From: " + (st.fromWritten != null ? st.fromWritten : st.from == null ? "—" : st.from));
      }
      rawJisName(st);
      if (st.subjectJisLabel != null && !st.bounce) {
        // no mail program writes Japanese so: a filter reading the label sees no words
        String label = st.subjectJisLabel;
        st.flag(
            RedFlag.OBFUSCATED_TEXT,
            label.isEmpty()
                ? "Subject in raw ISO-2022-JP (no encoded word)"
                : "Subject in ISO-2022-JP under the label " + label,
            label.isEmpty()
                ? "件名が生の ISO-2022-JP (エンコードされていません)"
                : "件名の ISO-2022-JP が " + label + " と偽って書かれています");
      }
      for (String shown : new String[] {st.subject, st.fromName}) {
        if (shown != null && mayBeObfuscated(shown) && obfuscatedShown(shown)) {
          st.flag(RedFlag.OBFUSCATED_TEXT, shown);
        }
        String swapped = MailRandomNames.swappedIl(shown);
        if (swapped != null) {
          st.flag(RedFlag.OBFUSCATED_TEXT, swapped + " (I ↔ l)", swapped + " (I と l の入れ替え)");
        }
        String mixed = MailRandomNames.mixedScriptWord(shown);
        if (mixed != null) {
          st.flag(
              RedFlag.OBFUSCATED_TEXT,
              mixed + " ← " + scripts(mixed, false),
              mixed + " ← " + scripts(mixed, true));
        }
      }
      String token = MailRandomNames.randomToken(st.subject);
      if (token != null) {
        st.flag(RedFlag.OBFUSCATED_TEXT, "\"" + token + "\"");
      } else {
        String tag = MailRandomNames.subjectTag(st.subject);
        if (tag != null) {
          st.flag(RedFlag.OBFUSCATED_TEXT, "Subject: …\"" + tag + "\"");
        }
      }
      String generated = MailRandomNames.generatedHost(fromDomain);
      if (generated != null) {
        st.flag(
            RedFlag.SENDER_GENERATED,
            "From: " + st.from + " (" + generated + " one-letter labels)",
            "From: " + st.from + " (1 文字のラベル " + generated + " 個)");
      } else if (fromDomain != null
          && MailRandomNames.generatedMailbox(st.from, fromDomain, registrable(fromDomain))
              != null) {
        st.flag(
            RedFlag.SENDER_GENERATED,
            "From: " + st.from + " (name_name_serial @ numbered " + fromDomain + ")",
            "From: " + st.from + " (名前_名前_連番 @ 番号付きの " + fromDomain + ")");
      }
      for (String written : new String[] {st.fromAsWritten, st.senderAsWritten}) {
        String scrambled = MailRandomNames.scrambledCase(written);
        if (scrambled != null) {
          st.flag(RedFlag.RANDOM_CASE_SENDER, written + " (" + scrambled + ")");
          break;
        }
      }
      scrambledEnvelope(st);
      freeMailHidden(st, fromDomain);
      String inMailbox = MailBrands.brandDomainInMailbox(st.from);
      if (inMailbox != null) {
        st.flag(
            RedFlag.LOOKALIKE_DOMAIN,
            "From: " + st.from + " ≈ " + inMailbox + ", a brand's domain as the mailbox name",
            "From: " + st.from + " ≈ " + inMailbox + "、企業のドメインを @ の前の名前に書いた形");
      }
      String random = MailRandomNames.randomLocalPart(st.from);
      if (random != null && st.senderDomain != null && !FREEMAIL.contains(st.senderDomain)) {
        // on free mail people choose odd names themselves; a company's mailbox is named in words
        st.flag(RedFlag.RANDOM_SENDER_NAME, "From: " + st.from + " (" + random + ")");
      }
      forgedMessageId(st, fromDomain);
      if (fromDomain != null
          && (MailHosts.hostIn(fromDomain, MailHosts.ABUSED_HOSTING)
              || fromDomain.endsWith(".onmicrosoft.com"))
          && !MailBounce.tenantsOwnDaemon(st, fromDomain)) {
        st.flag(RedFlag.SENDER_ON_HOSTING, "From: " + st.from);
      }
      if (!st.bounce) {
        // a real bounce greets the sender by the address it failed to deliver from (Google's
        // "Hello taro@example.jp,"): delivery software knows nobody's name
        recipientAsName(st);
      }
      bulkLures(st, fromDomain);
    }
    String sender = fromDomain == null ? null : registrable(fromDomain);
    for (MailReport.Link l : st.links) {
      if (st.onlyDefanged(l.url())) {
        // an indicator quoted defanged (hxxps://…[.]…): nothing a reader clicks
        continue;
      }
      int before = st.findings.size();
      disguisedHost(l, st);
      String h = host(l.url());
      if (h != null && !allowed.contains(h)) {
        senders.lookalike(h, l.url(), st);
        String inFront = MailBrands.brandDomainInFront(h);
        if (inFront != null) {
          st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + inFront);
        }
        String bare = MailBrands.suffixInFront(h);
        if (bare != null) {
          st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + bare);
        }
        hyphened(l.url(), h, st);
        links(l, h, sender, st);
        linkRoom.redirected(l, h, sender, st);
      }
      namePdf(l, before, st);
    }
    linkRoom.swappedActionLink(st, sender);
    if (!senderAllowed) {
      MailBrandLinksElsewhere.judge(st, fromDomain, allowed);
    }
    passwordedArchiveLink(st, sender);
    nestedIpLinks(st);
    freeWebHostLinks(st);
    linkRoom.formElsewhere(st, sender);
    wording(st);
    if (!senderAllowed) {
      MailAttachmentLures.judge(st);
    }
    String padding = senderAllowed ? null : MailRandomNames.randomWords(st.text.toString());
    if (padding != null) {
      st.flag(RedFlag.OBFUSCATED_TEXT, padding);
    }
    String broken = senderAllowed ? null : st.brokenWords.evidence();
    if (broken != null) {
      st.flag(RedFlag.OBFUSCATED_TEXT, "inside words: " + broken, "単語の文字の間に: " + broken);
    }
    // the body's words too, not only the subject and sender name (recall33): "amܿazoܿn" in a text
    String marked = senderAllowed ? null : st.markedWord;
    if (marked != null
        && st.findings.stream()
            .noneMatch(
                f ->
                    f.flag() == RedFlag.OBFUSCATED_TEXT
                        && f.evidence().toLowerCase(Locale.ROOT).contains(marked))) {
      st.flag(
          RedFlag.OBFUSCATED_TEXT,
          "another script's mark on a letter: " + marked,
          "文字に別の文字体系の記号: " + marked);
    }
    MailLookalikeWords.judge(st, senderAllowed);
    if (!senderAllowed) {
      barePlainText(st);
    }
    spacedWords(st, senderAllowed);
    if (!senderAllowed && st.linkedImages > 0 && st.words < IMAGE_ONLY_WORDS) {
      st.flag(
          RedFlag.IMAGE_ONLY,
          st.words + " < " + IMAGE_ONLY_WORDS + ", <a><img> × " + st.linkedImages);
    }
    if (!senderAllowed
        && st.hiddenWords > 0
        && !st.listUnsubscribe
        && st.listWords().first(UNSUBSCRIBE_TEXT) != null
        && !st.listVouched()
        // a service's own mail (its domain authenticated, every link its own) is no spam run
        // borrowing a newsletter's dress: order confirmations carry a pre-header and a footer
        && !(ownNotice(st) && !st.links.isEmpty())
        && !espBulk(st)
        && !MailUnalignedEsp.unsubscribesAtPlatform(st)
        && !MailCampaignLinks.unsubscribesAtSigner(st)
        && !st.bounce
        && st.findings.stream().noneMatch(f -> f.flag() == RedFlag.HIDDEN_TEXT)) {
      // dressed as a newsletter (a hidden summary line, an unsubscribe link in the text) without
      // the header every bulk sender's mail system adds; receipts and password resets carry
      // pre-headers too, but no unsubscribe text, and are not judged here
      st.flag(
          RedFlag.HIDDEN_UNLISTED,
          st.hiddenWords + " hidden words + unsubscribe text, List-Unsubscribe —",
          "隠された " + st.hiddenWords + " 語 + 配信停止の文言、List-Unsubscribe なし");
    }
    if (!senderAllowed
        && !st.listMail
        && !espBulk(st)
        // a real bounce's "unsubscribe" is the returned message's, whose own list header the
        // bounce does not carry
        && !st.bounce
        && st.findings.stream()
            .noneMatch(
                f -> f.flag() == RedFlag.HIDDEN_UNLISTED || f.flag() == RedFlag.HIDDEN_TEXT)) {
      // an unsubscribe line with no list header at all (List-Unsubscribe, List-Id, Precedence:
      // bulk ...): what a mailing system adds, a spam run from a fresh domain does not
      String u = st.listWords().first(UNSUBSCRIBE_TEXT);
      if (u != null) {
        unsubscribeNear(st);
        // a sender that runs its own list (2002's newsletters, before List-Unsubscribe was
        // common) takes the reader off it on its own domain; a campaign from a fresh domain
        // usually sends them to another one, or nowhere
        if ((st.senderDomain == null
                || FREEMAIL.contains(st.senderDomain)
                || !st.unsubscribeDomains.contains(st.senderDomain))
            // or on the ESP's that signed and sent it (political38)
            && !MailUnalignedEsp.unsubscribesAtPlatform(st)
            // or on a verified signer's, the platform's own list management (polit39)
            && !MailCampaignLinks.unsubscribesAtSigner(st)) {
          st.flag(RedFlag.UNLISTED_BULK, unlistedBulk(u, st, false), unlistedBulk(u, st, true));
        }
      }
    }
    hiddenBulk(st);
    sharedFileOnly(st, senderAllowed);
    if (model != null && !senderAllowed) {
      MailModel.Score s = model.score(st.text.toString());
      if (s.phishing()) {
        st.flag(RedFlag.PHISHING_WORDING, quoted(s.tokens()));
      }
    }
    relayedShortLinks(st);
    MailImageFooters.judge(st, senderAllowed);
  }
}
