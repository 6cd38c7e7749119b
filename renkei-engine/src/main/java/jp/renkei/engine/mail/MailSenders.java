package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAlignment.fromAligned;
import static jp.renkei.engine.mail.MailHosts.FREEMAIL;
import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.domainChar;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.phoneLink;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailLinks.shown;
import static jp.renkei.engine.mail.MailText.NOT_LETTER_OR_DIGIT;
import static jp.renkei.engine.mail.MailText.REPLY_SUBJECT;

import com.google.common.collect.Sets;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The senders room: who really sent the message and to whom (bounces, sending platforms, hidden
 * recipients, shared-file notices, Reply-To elsewhere, a From not aligned with what authenticated,
 * forged Message-IDs) and domains imitating the hub's members or the sender's peers.
 */
final class MailSenders {

  private final Set<String> memberDomains;
  private final KnownOrganisations known;

  MailSenders(Set<String> memberDomains, KnownOrganisations known) {
    this.memberDomains = memberDomains;
    this.known = known;
  }

  /**
   * A real bounce (delivery status notification) is told by what delivery software writes: a
   * multipart/report of report-type delivery-status with its per-recipient delivery-status part
   * (RFC 3464), or, in the older forms of qmail, Exim, Sendmail and Exchange, a bounce's sender
   * ({@link MailBounce#sender}) whose own text is an MTA's diagnostic (an SMTP reply, delivery
   * software's wording) and that returns the failed message or reports its status. A message with a
   * form is none: no delivery software asks the reader to type anything. A real bounce is then
   * judged on its own report without the diagnostic's words (delivery failed, mailbox full, quota
   * exceeded are what it reports, not a lure), and without the returned message's words unless that
   * message holds a link or an attachment: a returned lure (backscatter of a phishing run) carries
   * its own dangers and is judged whole, links, attachments and words; a returned message with
   * nothing to click or open is the reader's own mail or a stranger's words, and no lure.
   */
  static void bounce(MailState st) {
    if (!st.formActions.isEmpty() || !(st.report || st.bounceSender)) {
      return;
    }
    // the returned message's words are judged when it can act on the reader (a link, an
    // attachment), and when the report itself links away from its sender: a lure can write its
    // words into a "returned message" and its link into the report
    String fromDomain = domain(st.from);
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (!st.returnedLinks.contains(l.url())
          && h != null
          && (fromDomain == null || !registrable(h).equals(registrable(fromDomain)))) {
        st.returnedActs = true;
      }
    }
    String all = st.text.toString();
    StringBuilder own = new StringBuilder(all.length());
    int at = 0;
    // a returned message's own parts are marked before it (nested stretches): the outer one counts
    List<int[]> stretches = new ArrayList<>(st.returned);
    stretches.sort(
        java.util.Comparator.comparingInt((int[] r) -> r[0]).thenComparingInt(r -> -r[1]));
    // the stretches read, in order: the text judged of a real bounce is made from them once it is
    // known to be one (most messages its sender's structure brings here are none: speed35)
    List<int[]> read = new ArrayList<>();
    for (int[] r : stretches) {
      if (r[0] < at || r[1] > all.length()) {
        continue;
      }
      own.append(all, at, r[0]);
      read.add(r);
      at = r[1];
    }
    own.append(all, at, all.length());
    boolean real =
        (st.report && st.deliveryStatus)
            || (st.bounceSender
                && (MailBounce.diagnostic(own.toString())
                    || MailBounce.answersReturned(st.inReplyTo, all, read))
                && (st.deliveryStatus || !st.returned.isEmpty() || st.returnedHeader));
    if (real) {
      StringBuilder judged = new StringBuilder(all.length());
      at = 0;
      for (int[] r : read) {
        judged.append(MailBounce.withoutDiagnostic(all.substring(at, r[0])));
        if (st.returnedActs && st.statusStretches.contains(r[0])) {
          // the delivery-status part is the bounce's own report (its Diagnostic-Code says "mailbox
          // full"), judged as the report is, not as the returned message that holds a link
          judged.append(MailBounce.withoutDiagnostic(all.substring(r[0], r[1])));
        } else if (st.returnedActs) {
          judged.append(all, r[0], r[1]);
        }
        at = r[1];
      }
      judged.append(MailBounce.withoutDiagnostic(all.substring(at)));
      st.bounce = true;
      st.retext(judged.toString());
      replyLinks(st, own.toString());
      // the traits this message has, not every trait a bounce can have; the page's heading already
      // says it was read as a bounce
      List<String> ja = new ArrayList<>();
      List<String> en = new ArrayList<>();
      if (st.report && st.deliveryStatus) {
        ja.add("RFC 3464 の配送状態パート");
        en.add("an RFC 3464 delivery-status part");
      }
      if (st.returnPath != null && st.returnPath.isEmpty()) {
        ja.add("空の差出人 (Return-Path: <>)");
        en.add("the null sender (Return-Path: <>)");
      }
      if (st.from == null || st.from.isBlank()) {
        ja.add("差出人アドレスなし");
        en.add("no From address");
      } else if (MailBounce.daemonMailbox(st.from)) {
        ja.add("配送ソフトウェアの差出人 (" + st.from + ")");
        en.add("delivery software's sender (" + st.from + ")");
      }
      boolean senderTrait = en.size() > (st.report && st.deliveryStatus ? 1 : 0);
      String ownLower = own.toString();
      if (MailBounce.smtpReply(ownLower)) {
        ja.add("SMTP の応答コード");
        en.add("SMTP reply codes");
      }
      if (MailBounce.mtaWording(ownLower)) {
        ja.add("配送ソフトウェアの定型文");
        en.add("delivery software's own wording");
      }
      if (!st.returned.isEmpty() || st.returnedHeader) {
        ja.add("返送された元のメッセージ");
        en.add("the returned original message");
      }
      st.problem(
          "bounce",
          "配送ソフトウェアが書く次の構造があります: "
              + String.join("、", ja)
              + "。診断の文言 (配送失敗、容量超過など) と、リンクも添付ファイルもない返送メッセージの本文は"
              + "おとりの文言として数えていません。"
              + (senderTrait ? "差出人が空または配送ソフトウェアであることも不正とはしていません。" : "")
              + (st.returnedActs ? "返送されたメッセージにはリンクか添付ファイルがあるため、その本文も判定しています。" : ""),
          "It has what delivery software writes: "
              + String.join(", ", en)
              + ". Its diagnostic words (delivery failed, mailbox full) and the text of a returned"
              + " message without links or attachments are not counted as lure wording."
              + (senderTrait
                  ? " Nor is its empty or delivery-software sender counted as malformed."
                  : "")
              + (st.returnedActs
                  ? " The returned message holds links or attachments, so its text is judged too."
                  : ""));
    }
  }

  /**
   * The links of a real bounce that a remote server wrote in its reply (an SMTP reply line of the
   * report, the Diagnostic-Code of its delivery-status part): its postmaster's help page, often a
   * short link ("see http://x.co/srbounce"), quoted by the delivery software that reports the
   * failure. Their host is no sign of the bounce's sender; a link there that asks to log in still
   * is (see {@link MailLinks#links}).
   */
  static void replyLinks(MailState st, String own) {
    List<String> lines = new ArrayList<>(MailBounce.replyLines(own));
    lines.addAll(st.statusReplies);
    if (lines.isEmpty()) {
      return;
    }
    for (MailReport.Link l : st.links) {
      String url = l.url().toLowerCase(Locale.ROOT);
      if (lines.stream().anyMatch(line -> line.contains(url))) {
        st.replyLinks.add(l.url());
      }
    }
  }

  /**
   * The free-mail domains a Message-ID may be forged after (FORGED_MESSAGE_ID): {@link
   * MailHosts#FREEMAIL} and msn.com, the consumer mail of Microsoft's MSN whose name the 2004–2007
   * bulk mailers wrote into Message-IDs beside hotmail.com.
   */
  static final Set<String> MESSAGE_ID_PROVIDERS =
      Sets.union(FREEMAIL, Set.of("msn.com")).immutableCopy();

  /**
   * FORGED_MESSAGE_ID (see {@link MailRandomNames#messageIdProvider}): a Message-ID made in a
   * free-mail provider's name on mail From another domain. Not counted for list or bulk mail (a
   * list that rewrites From to its own address keeps the poster's Message-ID), for a bounce, when
   * the provider is the envelope sender (its server sent the message for one of its users), or when
   * the From domain itself authenticated (the domain's own servers or key sent it, whatever program
   * wrote the Message-ID).
   */
  static void forgedMessageId(MailState st, String fromDomain) {
    if (st.bounce || st.listMail || st.inReturned > 0 || fromAligned(st)) {
      return;
    }
    String provider =
        MailRandomNames.messageIdProvider(
            st.messageId, fromDomain, st.senderDomain, MESSAGE_ID_PROVIDERS);
    if (provider == null
        || st.envelope.contains(provider)
        || st.passedDomains.contains(st.senderDomain)) {
      return;
    }
    st.flag(
        RedFlag.FORGED_MESSAGE_ID,
        "Message-ID: " + st.messageId + " (" + provider + ") — From: " + st.from,
        "Message-ID: " + st.messageId + " (" + provider + ") — 差出人: " + st.from);
  }

  /**
   * The sender of a real bounce is delivery software's own mailbox at its provider (postmaster,
   * MAILER-DAEMON): a free-mail provider gives those to no user (RFC 2142), so its name beside them
   * (Microsoft Outlook, postmaster@outlook.com) is the provider's own.
   */
  static boolean providersDaemon(MailState st) {
    return st.bounce && MailBounce.daemonMailbox(st.from);
  }

  /**
   * Bulk mail sent through a sending platform (ESP_TRACE_FIELDS) by a sender whose own domain
   * authenticated, asking for no credentials: such platforms add no List-Unsubscribe unless told
   * to, so its absence says nothing of a spam run from a fresh domain's own server, which is what
   * HIDDEN_UNLISTED and UNLISTED_BULK look for. A platform's mail that fails authentication, or a
   * free-mail sender's, is judged as before.
   */
  static boolean espBulk(MailState st) {
    return st.espRelayed
        && !st.asksCredentials
        && st.senderDomain != null
        && !FREEMAIL.contains(st.senderDomain)
        && fromAligned(st);
  }

  /**
   * A sending platform's own address in From with the envelope on the same platform domain
   * (disneyplus@sparkpostmail.com, bounces on sparkpostmail.com): the platform wrote its own
   * address for a customer whose DKIM signature passed, and no one's domain is borrowed, so
   * NOT_ALIGNED, which tells a From domain from the domain that authenticated, says nothing. A
   * brand's domain in From, or a platform address beside another envelope, keeps the sign; what the
   * message says and shows (a brand's name, a password asked for) is judged as ever.
   */
  static boolean espOwnAddress(MailState st, String fromDomain) {
    String envelope = st.returnPath == null ? null : domain(st.returnPath);
    return MailHosts.espOwnDomain(fromDomain)
        && envelope != null
        && registrable(envelope).equals(registrable(fromDomain));
  }

  /**
   * A free-mail sender that hides whom it writes to (undisclosed recipients, or only itself with
   * the real recipients in Bcc), and one that asks for replies at another free-mail mailbox of the
   * same provider (a different domain is REPLY_TO_OTHER_DOMAIN already): the advance-fee letter's
   * way of writing from a throw-away mailbox to many and reading the answers in another.
   */
  static void freeMailHidden(MailState st, String fromDomain) {
    if (fromDomain == null || !FREEMAIL.contains(registrable(fromDomain))) {
      return;
    }
    String me = mailbox(st.from);
    // what a list relays goes to the list, not to hidden recipients; but a poster who asks for
    // replies at another mailbox of the same provider asks it of every member (lead36: 0 of the
    // legitimate sets' tuning messages, list or not, do so; the advance-fee letters that reach
    // kernel lists do)
    if (!st.listVouched() && writesOnlyToItself(st)) {
      st.flag(RedFlag.HIDDEN_RECIPIENTS, hiddenRecipients(st));
    }
    for (String r : st.replyTo) {
      String rd = domain(r);
      if (rd != null && registrable(rd).equals(registrable(fromDomain)) && !mailbox(r).equals(me)) {
        st.flag(RedFlag.REPLY_TO_OTHER_MAILBOX, "From: " + st.from + " → Reply-To: " + r);
      }
    }
  }

  /**
   * An envelope sender (Return-Path, the domain SPF checked) whose domain name scatters capitals at
   * random (OYKfSSsG8UesuuyKLMNs.com): domain names are case-blind, so only a generator writes one
   * so, registering a throw-away domain per run to keep ahead of reputation lists
   * (RANDOM_CASE_SENDER, once).
   */
  static void scrambledEnvelope(MailState st) {
    if (st.findings.stream().anyMatch(f -> f.flag() == RedFlag.RANDOM_CASE_SENDER)) {
      return;
    }
    for (String d : st.envelopeWritten) {
      String label = MailRandomNames.scrambledDomain(d);
      if (label != null) {
        st.flag(
            RedFlag.RANDOM_CASE_SENDER,
            "Return-Path / smtp.mailfrom: " + d + " (" + label + ")",
            "エンベロープの差出人 (Return-Path / smtp.mailfrom): " + d + " (" + label + ")");
        return;
      }
    }
  }

  /** No recipient but the sender itself (or none named): the real ones are in Bcc. */
  static boolean writesOnlyToItself(MailState st) {
    String me = mailbox(st.from);
    return st.recipients.stream().allMatch(r -> mailbox(r).equals(me));
  }

  static String hiddenRecipients(MailState st) {
    return "From: "
        + st.from
        + " → To: "
        + (st.recipients.isEmpty() ? "—" : String.join(", ", st.recipients));
  }

  /**
   * Bulk mail without any list header (UNLISTED_BULK or HIDDEN_UNLISTED found) that also hides whom
   * it goes to (To: undisclosed-recipients, or only the sender itself with the real recipients in
   * Bcc; a message with no To header at all is left alone, as archives that strip headers keep list
   * mail): a newsletter's mailing system writes to each subscriber or names its list; a spam run
   * through a borrowed or fresh domain blind-copies its address list. Free-mail senders are {@link
   * #freeMailHidden}'s.
   */
  static void hiddenBulk(MailState st) {
    if (st.from == null
        || !st.toWritten
        || st.senderDomain == null
        || FREEMAIL.contains(st.senderDomain)
        || st.listVouched()
        || st.findings.stream()
            .noneMatch(
                f -> f.flag() == RedFlag.UNLISTED_BULK || f.flag() == RedFlag.HIDDEN_UNLISTED)
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.HIDDEN_RECIPIENTS)) {
      return;
    }
    if (writesOnlyToItself(st)) {
      st.flag(
          RedFlag.HIDDEN_RECIPIENTS,
          hiddenRecipients(st) + "; neither a List-Unsubscribe nor a List-Id header",
          hiddenRecipients(st) + "。List-Unsubscribe も List-Id もヘッダーにない");
    }
  }

  /** Words beside the links at most, for a message that is "nothing but a link". */
  static final int SHARED_FILE_WORDS = 6;

  /**
   * A free-mail message that is nothing but a link to a shared file (a Google Drive preview, a
   * OneDrive or Dropbox link) with a few words or none, no attachment (SHARED_FILE_ONLY): the lure
   * is in the file, where the mail filter does not look.
   */
  static void sharedFileOnly(MailState st, boolean senderAllowed) {
    if (senderAllowed
        || st.senderDomain == null
        || !FREEMAIL.contains(st.senderDomain)
        || st.links.isEmpty()
        || !st.attachments.isEmpty()
        || st.listVouchesForAuthor()) {
      return;
    }
    for (MailReport.Link l : st.links) {
      if (!MailHosts.sharedFile(l.url())) {
        return;
      }
    }
    int words = 0;
    Matcher w = SHARED_FILE_WORD.matcher(MailRandomNames.withoutLinks(st.text.toString()));
    while (w.find()) {
      if (++words > SHARED_FILE_WORDS) {
        return;
      }
    }
    String url = st.links.get(0).url();
    st.flag(
        RedFlag.SHARED_FILE_ONLY,
        url + " (" + words + " words beside it, From: " + st.from + ")",
        url + " (リンク以外に " + words + " 語、From: " + st.from + ")");
  }

  static final Pattern SHARED_FILE_WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");

  /** A free-mail mailbox without its +tag and dots (which name the same mailbox at Gmail). */
  static String mailbox(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    String local = at < 0 ? a : a.substring(0, at);
    int plus = local.indexOf('+');
    local = (plus < 0 ? local : local.substring(0, plus)).replace(".", "");
    return local + (at < 0 ? "" : a.substring(at));
  }

  /**
   * The 2004-2005 bulk lures' signs of {@link MailBulkLures}: a banner header vouching for the
   * sender (VOUCHING_BANNER), a subject opening with the reader's mailbox name (RECIPIENT_AS_NAME),
   * free money at a brand the sender is not, from a sender whose own domain is not authenticated
   * (BRAND_IMPERSONATION). Mailing lists that vouch for themselves, replies and bounces are not
   * read.
   */
  static void bulkLures(MailState st, String fromDomain) {
    if (st.bounce || st.listVouched()) {
      return;
    }
    String banner = MailBulkLures.vouchingBanner(st.messageFlag);
    if (banner != null) {
      st.flag(RedFlag.VOUCHING_BANNER, "X-Message-Flag: " + banner);
    }
    if (st.forgedHop != null && st.inReturned == 0) {
      st.flag(
          RedFlag.FORGED_RECEIVED,
          "Received: " + st.forgedHop + " (no server name, protocol or queue id)",
          "Received: " + st.forgedHop + " (サーバー名・プロトコル・キュー ID なし)");
    }
    campaignLabel(st, fromDomain);
    String spaced = st.inReturned > 0 ? null : MailBulkLures.spacedMessageId(st.messageId);
    if (spaced != null) {
      st.flag(
          RedFlag.FORGED_MESSAGE_ID,
          "Message-ID: " + spaced + " (white space inside < >)",
          "Message-ID: " + spaced + " (< > の中に空白)");
    }
    if (st.subject == null || REPLY_SUBJECT.matcher(st.subject).matches()) {
      return;
    }
    String mailbox = MailBulkLures.subjectOpensWithMailbox(st.subject, st.recipients);
    if (mailbox != null
        && st.findings.stream().noneMatch(f -> f.flag() == RedFlag.RECIPIENT_AS_NAME)) {
      st.flag(RedFlag.RECIPIENT_AS_NAME, "Subject: " + st.subject);
    }
    List<String> hosts = new ArrayList<>();
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null) {
        hosts.add(h);
      }
    }
    // a company's own authenticated mail may offer a prize in another brand's gift card (a
    // survey's "$100 Visa gift card"): only a sender that could not show its domain is read
    MailBrands.Brand offered =
        fromAligned(st) ? null : MailBulkLures.brandOffer(st.subject, fromDomain, hosts);
    if (offered != null
        && st.findings.stream()
            .noneMatch(
                f ->
                    f.flag() == RedFlag.BRAND_IMPERSONATION
                        && f.evidence().startsWith(offered.name() + " "))) {
      st.flag(
          RedFlag.BRAND_IMPERSONATION,
          offered.name() + " ≠ " + shown(fromDomain) + " (Subject: " + st.subject + ")",
          offered.name() + " ≠ " + shown(fromDomain) + " (件名: " + st.subject + ")");
    }
  }

  /**
   * {@code SENDER_GENERATED} for a made-up label the sender's host shares with its links' hosts on
   * another registered domain ({@link MailBulkLures#labelAcrossDomains}).
   */
  static void campaignLabel(MailState st, String fromDomain) {
    if (st.findings.stream().anyMatch(f -> f.flag() == RedFlag.SENDER_GENERATED)) {
      return;
    }
    List<String> hosts = new ArrayList<>();
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null) {
        hosts.add(h);
      }
    }
    String across = MailBulkLures.labelAcrossDomains(fromDomain, hosts);
    if (across != null) {
      st.flag(
          RedFlag.SENDER_GENERATED,
          "From: " + st.from + " + link " + across + " (one made-up label on two domains)",
          "From: " + st.from + " + リンク " + across + " (同じ作られたラベルが 2 つのドメインに)");
    }
  }

  /**
   * Whether a local part holds a dot, an underscore, a hyphen or a digit and no line terminator:
   * what {@code local.matches(".*[._\\-0-9].*")} says (its dots stop at line terminators).
   */
  static boolean punctuatedLocal(String local) {
    boolean found = false;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
      found |= c == '.' || c == '_' || c == '-' || (c >= '0' && c <= '9');
    }
    return found;
  }

  /**
   * An organisation's own notice to its staff: a service's own notice ({@link #ownNotice}) from a
   * domain one of the recipients has (the reader's own organisation, DMARC passing), every link on
   * that very domain.
   */
  static boolean internal(MailState st) {
    if (st.senderDomain == null) {
      return false;
    }
    boolean reader = false;
    for (String to : st.recipients) {
      String td = domain(to);
      reader |= td != null && registrable(td).equals(st.senderDomain);
    }
    if (!reader) {
      return false;
    }
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || !registrable(h).equals(st.senderDomain)) {
        return false;
      }
    }
    return true;
  }

  /**
   * No brand, public body or look-alike claimed by a sender that is not theirs, nor the reader's
   * own HR or IT department claimed from another domain than the reader's.
   */
  static boolean claimsNoOtherBrand(MailState st) {
    return !readersDepartmentElsewhere(st)
        && st.findings.stream()
            .noneMatch(
                f ->
                    f.flag() == RedFlag.BRAND_IMPERSONATION
                        || f.flag() == RedFlag.LOOKALIKE_DOMAIN
                        || f.flag() == RedFlag.AUTHENTICATION_FAILED);
  }

  /**
   * A display name that is nothing but a department that only writes inside its own organisation
   * (人事部, 人事課, 情報システム部, システム管理者, ヘルプデスク), no company named, sent from another domain than every
   * recipient's: it speaks as the reader's own department, so its domain's own login page is no
   * service's notice to its members (the IPA theme 人事 and the fake IT department).
   */
  static boolean readersDepartmentElsewhere(MailState st) {
    if (st.fromName == null
        || st.senderDomain == null
        || st.recipients.isEmpty()
        || !READERS_DEPARTMENT.matcher(MailText.fold(st.fromName).strip()).matches()) {
      return false;
    }
    for (String to : st.recipients) {
      String td = domain(to);
      if (td != null && registrable(td).equals(st.senderDomain)) {
        return false;
      }
    }
    return true;
  }

  static final Pattern READERS_DEPARTMENT =
      Pattern.compile(
          "[【\\[]?(?:人事|情報システム|システム管理|IT|ＩＴ)(?:部|課|室|部門|担当|グループ|管理者|者)?"
              + "(?:[\\s　]*(?:人事課|人事グループ|採用担当|担当|事務局|からのお知らせ))?[】\\]]?"
              + "|ヘルプデスク|システム管理者|情報セキュリティ(?:部|課|室|担当|委員会)");

  /**
   * An advisory (注意喚起) from a public body, a CEPTOAR or a security organisation: DMARC passes for a
   * sender that is no free-mail address and claims no other brand, it links at least one public
   * body or security organisation ({@link MailHosts#PUBLIC_SOURCES}) or is one, or quotes
   * indicators defanged (hxxps://…[.]…, as only those who warn of a site write it: a CEPTOAR's
   * circular), and every link is on its own domain or on such a source, none of them a sign-in
   * page. It quotes the lures it warns of ("「本人確認」「ご利用確認」を求めるメール", "不正アクセス", "至急") and asks for
   * nothing.
   */
  static boolean advisory(MailState st) {
    if (!fromAligned(st)
        || st.senderDomain == null
        || FREEMAIL.contains(st.senderDomain)
        || !claimsNoOtherBrand(st)) {
      return false;
    }
    boolean source = MailHosts.hostIn(st.senderDomain, MailHosts.PUBLIC_SOURCES);
    for (MailReport.Link l : st.links) {
      if (st.onlyDefanged(l.url())) {
        // indicators quoted defanged: only those who warn of a site write it so, a lure never
        // does (its reader must be able to click)
        source = true;
        continue;
      }
      String h = host(l.url());
      if (h == null) {
        return false;
      }
      boolean isPublic = MailHosts.hostIn(registrable(h), MailHosts.PUBLIC_SOURCES);
      // a public source's page is read for its words (「詳細を確認」), not signed in to
      if (!isPublic && st.loginLike(l)) {
        return false;
      }
      if (!isPublic && !registrable(h).equals(st.senderDomain)) {
        return false;
      }
      source |= isPublic;
    }
    return source;
  }

  /**
   * The receiver reported its results and the From domain is not among those that authenticated:
   * DMARC (or the composite result) failed, SPF or DKIM failed, neither SPF nor DKIM was there, or
   * another domain passed while DMARC did not (the envelope of a mailer of its own with the brand
   * only written into From: "noreply@aok.de" sent with SPF passing for clickegral.com; a brand's
   * real mail through a mailing service is signed for its own domain, or DMARC passes, or another
   * domain of the same brand passed).
   */
  static boolean spoofed(MailState st) {
    MailReport.Authentication a = st.auth;
    return st.authResultsSeen
        && st.senderDomain != null
        && !fromAligned(st)
        && (st.compositeFailed
            || bad(a.dmarc())
            || spfFailed(st)
            || bad(a.dkim())
            || (none(a.spf()) && none(a.dkim()))
            || (!st.passedDomains.isEmpty()
                && !"pass".equalsIgnoreCase(a.dmarc())
                // the brand's own other domain passing (amazon.co.jp sent through amazonses.com)
                && st.passedDomains.stream()
                    .noneMatch(d -> MailBrands.sameBrand(d, st.senderDomain))));
  }

  /**
   * A Reply-To that is the reader's own address (REPLY_TO_OTHER_DOMAIN not counted): the invitation
   * of a calendar the reader organises, sent by the platform to the reader. Only where the From
   * domain authenticated (the platform, not a sender's forged headers, wrote To and Reply-To) and
   * the address is both a recipient the message shows and one it was delivered to: a reply then
   * goes back to the reader, no one else.
   */
  static boolean repliesToTheReader(MailState st, String replyTo) {
    String r = replyTo.toLowerCase(Locale.ROOT);
    return fromAligned(st) && st.recipients.contains(r) && st.deliveredTo.contains(r);
  }

  /**
   * A Reply-To on a sister domain of an authenticated sender's own (REPLY_TO_OTHER_DOMAIN not
   * counted): "GEICO" at geico.com answering at geicomail.com, "Lovepop" at lovepop.com at
   * lovepopcards.com. The sender names itself by its own authenticated domain ({@link
   * #namesItself}: the organisation that owns the domain chose the Reply-To; no free mail, no
   * platform that sends for anyone), the Reply-To is no free mail, and one domain's name contains
   * the whole other's (four letters at least). A hijacked mailing account of a real company sending
   * someone else's lure under another name ("Asterdex" from email-biolifeplasma.com answering at
   * biolifeplasma.com) keeps the sign. A forger cannot authenticate the brand's domain; a
   * fraudster's own authenticated domain answering at another of its own sends replies to the same
   * hands. A message that asks for credentials keeps the sign. The limit: a hijacked mailbox of a
   * real domain answering at a look-alike that contains the domain's name is not told by this sign.
   */
  /**
   * A Reply-To that names a mailbox nobody reads (no-reply@, noreply@, do-not-reply@, donotreply@):
   * the sender says not to answer, so the replies an attacker diverts with Reply-To are not asked
   * for. Delivery notices of big providers are written so (a provider's error notice from one of
   * its domains answering at another's no-reply mailbox). Only the bare mailbox counts:
   * "noreply-support@" or "no-reply.helpdesk@" is a mailbox someone can read.
   */
  static boolean noReplyMailbox(String replyTo) {
    int at = replyTo.indexOf('@');
    return at > 0 && NO_REPLY.matcher(replyTo.substring(0, at)).matches();
  }

  static final Pattern NO_REPLY = Pattern.compile("(?i)no[-_.]?reply|do[-_.]?not[-_.]?reply");

  /**
   * A discussion list's post whose Reply-To is the poster's own other mailbox: the same mailbox
   * name as the From's, on another domain that is no free mail ("cmeclax@gmx.co.uk" answering at
   * "cmeclax@ixazon.dynip.com", a member who reads mail at home). Only in list mail the list
   * vouches for ({@link MailState#listVouched}: the list's own domain sent it, and the message asks
   * for no credentials), and only for a mailbox name of four characters at least that is no role
   * (info@, support@ ... name no one). A diversion to a free-mail mailbox of the same name (the
   * business-mail fraud's "ceo@company" answering at "ceo@gmail"), any other mailbox name, and the
   * same Reply-To outside a vouched list keep the sign.
   */
  static boolean postersOtherMailbox(MailState st, String replyTo) {
    if (st.from == null || !st.listVouched()) {
      return false;
    }
    int at = st.from.lastIndexOf('@');
    int replyAt = replyTo.lastIndexOf('@');
    if (at < 4 || replyAt < 0) {
      return false;
    }
    String local = st.from.substring(0, at).toLowerCase(Locale.ROOT);
    String replyDomain = domain(replyTo);
    return local.equals(replyTo.substring(0, replyAt).toLowerCase(Locale.ROOT))
        && !ROLE_MAILBOX.matcher(local).matches()
        && replyDomain != null
        && !FREEMAIL.contains(registrable(replyDomain));
  }

  /** Mailbox names of a role or a desk, not of a person. */
  static final Pattern ROLE_MAILBOX =
      Pattern.compile(
          "(?i)info|support|contact|admin|office|sales|service|help|news|mail|team|noreply|no-reply"
              + "|postmaster|webmaster|billing|account|accounts|security|hello|enquiries|inquiry");

  static boolean sisterDomain(MailState st, String fromDomain, String replyDomain) {
    if (replyDomain == null || asksBeyondNotices(st) || !namesItself(st, fromDomain)) {
      return false;
    }
    String from = registrable(fromDomain);
    String reply = registrable(replyDomain);
    if (FREEMAIL.contains(reply)) {
      return false;
    }
    String a = MailDomains.label(from);
    String b = MailDomains.label(reply);
    String shorter = a.length() <= b.length() ? a : b;
    String longer = a.length() <= b.length() ? b : a;
    return shorter.length() >= 4 && longer.contains(shorter);
  }

  /**
   * The message asks for credentials beyond what a service's own account notices report ({@link
   * MailCredentialWords#SECURITY_NOTICES}: a one-time verification code, a sign-in from a new
   * device): "use this verification code" asks nothing of a reply, "confirm your password" does.
   */
  static boolean asksBeyondNotices(MailState st) {
    if (!st.asksCredentials) {
      return false;
    }
    String rest = MailCredentialWords.SECURITY_NOTICES.matcher(st.phrases().text()).replaceAll(" ");
    return !MailSigns.found(MailCredentialWords.CREDENTIALS, rest).isEmpty();
  }

  /**
   * A platform's campaign for the customer its display name names, answering at that customer's own
   * address (REPLY_TO_OTHER_DOMAIN not counted): a booking platform's newsletter from "Zaika
   * (Modern Indian Cuisine)" at toast-restaurants.com answering at zaikaseattle@gmail.com. The
   * platform's domain authenticated, the message carries List-Unsubscribe (a campaign, not a
   * one-off), the Reply-To's mailbox or domain begins with the display name's first word (five
   * letters at least, no role word such as "support" or "payroll"), and the text asks for nothing:
   * no credentials, no payment, delivery or prize lure, no urgency, no fraud offer. Platforms relay
   * for anyone, so the platform's authentication vouches only for the platform: a share or a
   * payroll notice that asks the reader to act, or a name that is a role, keeps the sign.
   */
  static boolean toTheCustomerNamed(MailState st, String replyTo) {
    if (st.fromName == null || !MailRelayedAsks.sendersUnsubscribe(st) || !fromAligned(st)) {
      return false;
    }
    int at = replyTo.indexOf('@');
    String rd = domain(replyTo);
    if (at <= 0 || rd == null) {
      return false;
    }
    String lowerName = MailText.fold(st.fromName).toLowerCase(Locale.ROOT);
    Matcher first = FIRST_WORD.matcher(lowerName);
    if (!first.find() || ROLE_WORDS.contains(first.group())) {
      return false;
    }
    String name = NOT_LETTER_OR_DIGIT.matcher(lowerName).replaceAll("");
    int needed = Math.max(5, first.group().length());
    String mailbox = NOT_LETTER_OR_DIGIT.matcher(replyTo.substring(0, at)).replaceAll("");
    String label = NOT_LETTER_OR_DIGIT.matcher(MailDomains.label(registrable(rd))).replaceAll("");
    if (commonPrefix(name, mailbox) < needed && commonPrefix(name, label) < needed) {
      return false;
    }
    MailPhrases.Hits phrases = st.phrases();
    return !st.asksCredentials
        && MailSigns.found(MailFraudWords.LURES, phrases).isEmpty()
        && MailSigns.found(MailUrgencyWords.URGENCY, phrases).isEmpty()
        && MailSigns.found(MailFraudWords.FRAUD_OFFERS, phrases).isEmpty();
  }

  static final Pattern FIRST_WORD = Pattern.compile("[a-z0-9]+");

  /** Words that name a role, not a business: a display name beginning with one names no one. */
  static final Set<String> ROLE_WORDS =
      Set.of(
          "support",
          "service",
          "services",
          "customer",
          "customers",
          "helpdesk",
          "admin",
          "administrator",
          "billing",
          "account",
          "accounts",
          "security",
          "payroll",
          "finance",
          "notification",
          "notifications",
          "noreply",
          "mailer",
          "postmaster",
          "webmaster",
          "office",
          "human",
          "department",
          "team",
          "staff",
          "management",
          "payment",
          "payments");

  static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /**
   * The sign for a From that DMARC alignment did not vouch for, saying what the receiver found.
   * When SPF or DKIM passed for the From's own registrable domain and the receiver's DMARC result
   * says the domain publishes no policy (Microsoft's "bestguesspass": it would pass, had it one),
   * the domain is not misaligned: it is unprotected, since no receiver is told to refuse mail
   * forged in its name, and {@link RedFlag#NO_DMARC_POLICY} says so (the evidence read "From: x ≠
   * x" before). The weight stays the same: new domains registered for a phishing run seldom publish
   * a policy (reading bestguesspass as aligned lost phishing in session 29). Any other result with
   * the From's domain passing (dmarc=fail under strict alignment, temperror) is cited as written;
   * otherwise the From domain is set beside the domains that did authenticate.
   */
  static void notAligned(MailState st, String fromDomain) {
    String sender = registrable(fromDomain);
    if (!st.passedDomains.contains(sender)) {
      st.flag(
          RedFlag.NOT_ALIGNED,
          "From: " + shown(fromDomain) + " ≠ " + String.join(", ", st.passedDomains));
      return;
    }
    String dmarc = st.auth.dmarc() == null ? null : st.auth.dmarc().toLowerCase(Locale.ROOT);
    String passed = "SPF / DKIM pass: " + sender;
    if ("bestguesspass".equals(dmarc)) {
      st.flag(
          RedFlag.NO_DMARC_POLICY,
          "From: " + shown(fromDomain) + " — " + passed + "; dmarc=" + st.auth.dmarc(),
          "差出人: "
              + shown(fromDomain)
              + " — SPF / DKIM 合格: "
              + sender
              + "; dmarc="
              + st.auth.dmarc());
      return;
    }
    st.flag(
        RedFlag.NOT_ALIGNED,
        "From: " + shown(fromDomain) + " — " + passed + "; dmarc=" + shown(st.auth.dmarc()),
        "差出人: "
            + shown(fromDomain)
            + " — SPF / DKIM 合格: "
            + sender
            + "; dmarc="
            + shown(st.auth.dmarc()));
  }

  /**
   * A service's own notice: the receiving server found DMARC passing for a sender that is no
   * free-mail address (the From domain itself authenticated), and every link (click trackers aside)
   * is on the sender's registrable domain or on a domain of the same brand (microsoft.com linking
   * live.com). A security alert or a one-time code from it reports; it does not ask.
   */
  static boolean ownNotice(MailState st) {
    return ownNotice(st, false);
  }

  /**
   * {@link #ownNotice(MailState)}, with the phone numbers it links ({@code tel:}, {@code sms:}) and
   * the apps of the reader's device it opens ({@link MailTransactionLinks#appLink}: the wallet, the
   * app store) left aside when {@code phones}: a receipt's or a bill's "call us at (855) …" or
   * "view it in the Wallet app" leads to no site. Only for the reader's own order or bill ({@link
   * MailWording#ownTransaction}), which also needs a link to the sender's own site: a notice that
   * links nothing but a number to call stays no own notice (callback lures).
   */
  static boolean ownNotice(MailState st, boolean phones) {
    if (!fromAligned(st) || st.senderDomain == null || FREEMAIL.contains(st.senderDomain)) {
      return false;
    }
    String own = MailDomains.label(st.senderDomain);
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (phones && (h == null && phoneLink(l.url()) || MailTransactionLinks.appLink(l.url()))) {
        continue;
      }
      if (h == null) {
        return false;
      }
      String reg = registrable(h);
      if (reg.equals(st.senderDomain)
          || MailHosts.hostIn(h, MailHosts.TRACKERS)
          || MailFooterLinks.footerPage(l.url())) {
        continue;
      }
      String label = MailDomains.label(h);
      if (MailBrands.BRANDS.stream()
          .noneMatch(b -> b.labels().contains(own) && b.labels().contains(label))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A sender that names itself by its own authenticated domain ("Discover Card" from
   * services.discover.com, DKIM passing for discover.com): a brand its subject's account notice
   * names is then another company's product it speaks of ("your account is connected to Apple
   * Wallet"), not the sender it claims to be. Free mail and platforms that send for anyone are
   * excluded (their users choose the display name), and the name must hold the domain's whole first
   * label (four letters at least).
   */
  static boolean namesItself(MailState st, String fromDomain) {
    if (st.fromName == null || fromDomain == null || !fromAligned(st)) {
      return false;
    }
    String from = registrable(fromDomain);
    if (FREEMAIL.contains(from)
        || MailPlatforms.RELAYING_PLATFORMS.contains(from)
        || MailHosts.SIGNING_PLATFORMS.contains(from)) {
      return false;
    }
    String label = MailDomains.label(from).replace("-", "");
    String name = NOT_LETTER_OR_DIGIT.matcher(st.fromName.toLowerCase(Locale.ROOT)).replaceAll("");
    return label.length() >= 4 && name.contains(label);
  }

  /** The results that are there, as spf=… dkim=… dmarc=… (never "null"). */
  static String results(String spf, String dkim, String dmarc, String compauth) {
    StringBuilder b = new StringBuilder();
    String[] names = {"spf", "dkim", "dmarc", "compauth"};
    String[] values = {spf, dkim, dmarc, compauth};
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        b.append(b.isEmpty() ? "" : " ").append(names[i]).append('=').append(values[i]);
      }
    }
    return b.isEmpty() ? "spf dkim dmarc —" : b.toString();
  }

  /**
   * SPF failed at the receiver, and not as forwarding does ({@link MailState#spfForwarded}) nor as
   * a real bounce's check of its host's name ({@link MailReceiverResults#bounceHelo}).
   */
  static boolean spfFailed(MailState st) {
    return bad(st.auth.spf()) && !st.spfForwarded && !MailReceiverResults.bounceHelo(st);
  }

  static boolean bad(String result) {
    return result != null && (result.equals("fail") || result.equals("softfail"));
  }

  static boolean none(String result) {
    return result == null
        || result.equals("none")
        || result.equals("temperror")
        || result.equals("permerror")
        || result.equals("neutral");
  }

  void lookalike(String domain, String where, MailState st) {
    if (domain == null) {
      return;
    }
    if (domain.contains("xn--")) {
      String shown;
      try {
        shown = IDN.toUnicode(domain);
      } catch (IllegalArgumentException e) {
        shown = domain;
      }
      st.flag(RedFlag.LOOKALIKE_DOMAIN, where + " (" + domain + " → " + shown + ")");
      return;
    }
    String[] imitated = known.imitated(domain);
    if (imitated != null) {
      // the organisation by its name: its domains are the directory admins' to read
      st.flag(
          RedFlag.LOOKALIKE_DOMAIN,
          where + " ≈ member organisation " + imitated[2],
          where + " ≈ 会員組織「" + imitated[0] + "」のドメイン");
      return;
    }
    String reg = registrable(domain);
    for (String member : memberDomains) {
      String m = registrable(member);
      if (!reg.equals(m) && distance(reg, m) <= 2 && Math.min(reg.length(), m.length()) >= 6) {
        st.flag(RedFlag.LOOKALIKE_DOMAIN, where + " ≈ " + member);
      }
    }
  }

  /**
   * A sender whose domain is one or two letters away from a domain the conversation already has: a
   * recipient's (the organisation's own, example-crop.co.jp for example-corp.co.jp) or an address
   * quoted in the text (the partner whose thread is taken over, hokuto-kougyou.co.jp replying in
   * place of hokuto-kogyo.co.jp). Free-mail domains, and domains that differ only in their public
   * suffix (a company's .com and .co.jp), are not compared.
   */
  static void peerLookalike(MailState st) {
    if (st.senderDomain == null || FREEMAIL.contains(st.senderDomain)) {
      return;
    }
    String own = MailDomains.label(st.senderDomain);
    Set<String> peers = new java.util.LinkedHashSet<>();
    for (String r : st.recipients) {
      peers.add(r);
    }
    // the addresses written in the text, found at their "@" (at most 50)
    CharSequence t = st.text;
    int at = -1;
    for (int n = 0; n < 50 && (at = st.text.indexOf("@", at + 1)) >= 0; n++) {
      int end = at + 1;
      while (end < t.length() && end - at < 255 && domainChar(t.charAt(end))) {
        end++;
      }
      peers.add("x" + t.subSequence(at, end));
    }
    for (String peer : peers) {
      String d = domain(peer);
      while (d != null && d.endsWith(".")) {
        d = d.substring(0, d.length() - 1);
      }
      String reg = d == null || d.isEmpty() ? null : registrable(d);
      if (reg == null
          || reg.equals(st.senderDomain)
          || FREEMAIL.contains(reg)
          || MailDomains.label(reg).equals(own)
          // two domains of one owner (amazonaws.com, amazonses.com) imitate nobody
          || MailBrands.sameBrand(reg, st.senderDomain)
          || Math.min(reg.length(), st.senderDomain.length()) < 8
          || distance(reg, st.senderDomain) > 2) {
        continue;
      }
      st.flag(RedFlag.LOOKALIKE_DOMAIN, "From: " + st.from + " ≈ " + d);
      return;
    }
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
