package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAttachments.QrCandidate;
import static jp.renkei.engine.mail.MailEnvelope.envelope;
import static jp.renkei.engine.mail.MailHosts.FREEMAIL;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.links;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailText.EXCERPT;
import static jp.renkei.engine.mail.MailText.MIDDLE;
import static jp.renkei.engine.mail.MailText.TEXT;
import static jp.renkei.engine.mail.MailText.TEXT_TAIL;
import static jp.renkei.engine.mail.MailText.lettersOrDigits;
import static jp.renkei.engine.mail.MailText.middleWord;
import static jp.renkei.engine.mail.MailText.oneSpaceOrLine;
import static jp.renkei.engine.mail.MailText.withoutArmour;
import static jp.renkei.engine.mail.MailText.wordCount;
import static jp.renkei.engine.mail.MailText.words;
import static jp.renkei.engine.mail.MailUnsubscribe.BULK;
import static jp.renkei.engine.mail.MailUnsubscribe.LIST_WORDS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.james.mime4j.dom.Message;

/**
 * What is collected while walking one message: the state every room of the analysis reads and
 * writes (the envelope, the body, the attachments, the links), from which the verdict is judged.
 */
final class MailState {

  /** The caps of the analyser this state is collected for. */
  private final MailAnalyzer.Limits limits;

  MailState(MailAnalyzer.Limits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.maxTime().toNanos();
  }

  /** The analysing organisation's own ranges ({@link MailAnalyzer}'s input; none by default). */
  OwnNetwork ownNetwork = OwnNetwork.UNKNOWN;

  String subject;
  String from;
  String fromName;

  /** The From and Sender addresses as written, capitals kept (null when absent). */
  String fromAsWritten;

  /** The From field as written when it is no well-formed mailbox (MailReport#fromWritten). */
  String fromWritten;

  /** Names of archive entries read from central directories, not unpacked (UNREAD_NAMES). */
  int unreadNames;

  /** The From field leaves an angle bracket or a quote open, or closes one never opened. */
  boolean fromBroken;

  /**
   * The message is an Outlook file without its internet headers whose sender has no internet
   * address (an Exchange name): no From to judge, which is no sign of the sender's (MailOutlook).
   */
  boolean outlookSenderUnknown;

  /** The message was read from an Outlook file (MailOutlook). */
  boolean outlook;

  /**
   * The label under which the subject hid ISO-2022-JP text: an encoded word's other charset, or ""
   * for escapes written raw; null when it did not (recall33).
   */
  String subjectJisLabel;

  /** The From display name was written in raw ISO-2022-JP (read as Japanese since recall33). */
  boolean fromNameRawJis;

  String senderAsWritten;

  /** The envelope sender's domains as written (Return-Path, the SPF-checked mailfrom). */
  Set<String> envelopeWritten = new LinkedHashSet<>();

  List<String> replyTo = new ArrayList<>();

  /** The addresses of the message's mailto: links, as met ({@link MailContactAddresses}). */
  final Set<String> mailto = new LinkedHashSet<>();

  String returnPath;
  List<String> recipients = new ArrayList<>();

  /** The display names of the To and Cc recipients, as the sender's system knows them. */
  List<String> recipientNames = new ArrayList<>();

  /**
   * Those of {@link #recipientNames} given a person's address, not a list's or a platform's ({@code
   * "owner/repo" <repo@noreply.github.com>} names a repository): the report's, which a shared copy
   * takes out (share35).
   */
  final List<String> victimNames = new ArrayList<>();

  /**
   * Whom the receiving servers delivered it to (Delivered-To, X-Original-To, Envelope-To,
   * X-Forwarded-To, a Received "for", an Outlook file's recipient table): the recipients a Bcc
   * hides from To and Cc. In the report's recipients, so that sharing takes them out (attack19),
   * and in no sign.
   */
  final Set<String> deliveredTo = new LinkedHashSet<>();

  Instant date;
  String messageId;

  /** The X-Message-Flag header (Outlook shows it as a banner), or null. */
  String messageFlag;

  /** The first Received line forged as bulk-mailing programs write it ({@link MailBulkLures}). */
  String forgedHop;

  List<MailReport.Hop> hops = new ArrayList<>();

  /** The first X-Mailer field's body, or null (MailBrandSenderHost). */
  String xMailer;

  /** The first Received lines, one-spaced, top first (MailBrandSenderHost). */
  final List<String> receivedLines = new ArrayList<>();

  MailReport.Authentication auth = new MailReport.Authentication(null, null, null);
  List<MailReport.Link> links = new ArrayList<>();

  /**
   * {@link MailCredentialWords#loginLike} of each link judged so far: the link rules ask it of the
   * same link up to five times, and each asking lower-cases the URL and the text and scans both.
   */
  private final Map<MailReport.Link, Boolean> loginLike = new java.util.HashMap<>();

  /** {@link MailCredentialWords#loginLike} of the link's URL and text, once per link. */
  boolean loginLike(MailReport.Link l) {
    Boolean known = loginLike.get(l);
    if (known == null) {
      known = MailCredentialWords.loginLike(l.url(), l.text());
      loginLike.put(l, known);
    }
    return known;
  }

  List<MailReport.Attachment> attachments = new ArrayList<>();
  List<MailReport.Finding> findings = new ArrayList<>();
  List<MailReport.Problem> problems = new ArrayList<>();
  int parts;
  final long deadline;
  long unpacked;
  int entries;
  int archiveDepth;

  /** Images and PDFs waiting for the QR search, in the order of the message. */
  final List<QrCandidate> qrQueue = new ArrayList<>();

  /** Returned (attached, forwarded) messages the walk is inside. */
  int inReturned;

  /** The To and Cc display names of the messages forwarded or attached inside this one. */
  final List<String> forwardedNames = new ArrayList<>();

  /** The To and Cc addresses of the messages forwarded or attached inside this one. */
  final Set<String> forwardedAddresses = new LinkedHashSet<>();

  Set<String> limitsReached = new LinkedHashSet<>();

  /** Subject, plain text and HTML text of the message, lower-cased, up to {@link MailText#TEXT}. */
  final StringBuilder text = new StringBuilder();

  /**
   * The head of {@link #text} in the letter case it was written in (folded and without invisible
   * characters the same way): what a quote of the wording shows ({@link #quote}).
   */
  final StringBuilder written = new StringBuilder();

  /** The phrases in their sentences of the text, quoted as written ({@link MailQuotes}). */
  String quote(List<String> phrases) {
    if (writtenFolded == null || !writtenFolded.of(written)) {
      writtenFolded = new MailQuotes.Folded(written);
    }
    return MailQuotes.quoted(phrases().text(), writtenFolded, phrases);
  }

  /** {@link #written} folded for the quotes, made again when it has grown. */
  private MailQuotes.Folded writtenFolded;

  /** List or bulk mail (List-Id, List-Unsubscribe, Precedence: list / bulk ...). */
  boolean listMail;

  /**
   * Mail through a discussion list (List-Id, List-Post, a list manager's headers), where members
   * talk about money, deadlines and passwords: not List-Unsubscribe alone, which bulk senders of
   * every kind add.
   */
  boolean discussionList;

  /**
   * A list its members post to (List-Post, X-BeenThere, List-Help, List-Archive, a list manager's
   * version): not List-Id alone, which marketing platforms stamp on every campaign beside
   * List-Unsubscribe. The words of a vouched list go uncounted when it is one of these, or when it
   * carries no List-Unsubscribe (a list manager's List-Id alone).
   */
  boolean membersPost;

  /** The registrable domains of the list headers (List-Id, List-Post, Sender ...). */
  Set<String> listDomains = new LinkedHashSet<>();

  /** The registrable domains the list names itself by (List-Id, List-Post, X-BeenThere ...). */
  Set<String> listOwn = new LinkedHashSet<>();

  /** The registrable domains of the envelope and list agent (Return-Path, Sender, Errors-To). */
  Set<String> envelope = new LinkedHashSet<>();

  /** The addresses members post to (List-Post, X-BeenThere, Mailing-List). */
  Set<String> listAddresses = new LinkedHashSet<>();

  /** The message asks for passwords, account details or card numbers (CREDENTIAL_REQUEST). */
  boolean asksCredentials;

  /** A sending platform's trace field is in the header (ESP_TRACE_FIELDS). */
  boolean espRelayed;

  /** The targets ({@code action}) of the forms in the HTML parts, as written. */
  List<String> formActions = new ArrayList<>();

  /** The registrable domain of From, once the headers are read. */
  String senderDomain;

  /** Words (two letters or more) in the text parts, PGP armour left out. */
  int words;

  /** Images inside links in the HTML parts. */
  int linkedImages;

  /** An HTML part's words beside its footer's small print, or -1 (MailImageFooters). */
  int wordsBesideFooter = -1;

  /** Words (two letters or more) in the HTML parts' text. */
  int htmlWords;

  /**
   * The links of a plain-text part that holds links and not one word besides them, or 0 (see {@link
   * #barePlainText}).
   */
  int barePlainLinks;

  /** Some plain-text part has words of its own. */
  boolean plainSpeaks;

  /** A List-Unsubscribe header: what bulk senders must offer (RFC 2369, RFC 8058). */
  boolean listUnsubscribe;

  /** Words hidden from the reader by inline style in the HTML parts. */
  int hiddenWords;

  /**
   * The registrable domains unsubscribing goes through: of links and addresses whose URL or text
   * offers it, and of those written near an unsubscribe line in the text.
   */
  Set<String> unsubscribeDomains = new LinkedHashSet<>();

  /** The registrable domains the List-Unsubscribe header sends the reader to (MailEspBrandList). */
  Set<String> listUnsubscribeDomains = new LinkedHashSet<>();

  /** A receiver's DMARC result shows a policy that asks for action (MailEspBrandList.dmarc). */
  boolean dmarcEnforced;

  void words(String t) {
    // the armour is looked for only in a text that has its first line
    words += wordCount(t.contains("-----BEGIN PGP SIGNATURE-----") ? withoutArmour(t) : t);
  }

  /** As {@link #words(String)}, {@code count} being {@code wordCount(t)}, counted once already. */
  void words(String t, int count) {
    words += t.contains("-----BEGIN PGP SIGNATURE-----") ? wordCount(withoutArmour(t)) : count;
  }

  /**
   * The registrable domains the receiver's SPF (smtp.mailfrom) or DKIM (header.d, header.i) pass
   * vouched for: the From domain's or any other (a mailing service's, a platform's). Whether the
   * From domain itself authenticated is {@link MailAlignment#fromAligned}, not membership here.
   */
  Set<String> passedDomains = new LinkedHashSet<>();

  /** The registrable domain of the receiver's DMARC result's header.from, when it names one. */
  String dmarcFrom;

  /**
   * The message carries a calendar invitation (a text/calendar part or an .ics file): its title and
   * description are what the organiser typed, whoever's mailbox sent it.
   */
  boolean invitation;

  /** A To header was written (an "undisclosed-recipients:;" group counts; none at all not). */
  boolean toWritten;

  boolean authResultsSeen;

  /**
   * The results read were not written by the receiver: the only Authentication-Results is the one
   * of the host that handed the message to the receiver (its authserv-id is the top Received hop's
   * sending host), or there is none and ARC results (a relaying hop's) stand in. Through a list,
   * they are the list's check of the poster's message before it added its footer and sent it on
   * ({@link #listHopResults}).
   */
  boolean resultsUpstream;

  /**
   * Mail a list relayed ({@link #listVouched}: its List-Id names a domain the envelope or an
   * authentication vouched for) whose authentication results are the list host's check of the
   * poster's original ({@link #resultsUpstream}), not the receiver's: a failure or misalignment
   * there says the list changed the message (subject tag, footer, a rewritten List-Unsubscribe the
   * poster's service had signed, a From rewritten to the list), not that someone forged it. A
   * sender who writes no results at all gets no authentication sign either, so nobody gains by
   * writing a failing one. Members need not post through the list's own headers: vger's lists stamp
   * only List-Id, List-(Un)Subscribe and X-Mailing-List, and relay GitHub's and bots' notices whose
   * signatures they break (corpus37's ham-services, corpus36's ham-notify).
   */
  boolean listHopResults() {
    return resultsUpstream && listVouched();
  }

  /**
   * A list that rewrote From to its own posting address (DMARC mitigation: "Alice via dev
   * &lt;dev@lists.example.org&gt;"), read only when {@link #listVouched}: the poster's own address
   * then goes to Reply-To or Cc, so a Reply-To on another domain is the person who wrote, not a
   * diversion.
   */
  boolean fromRewrittenByList(String from) {
    return from != null
        && membersPost
        && listAddresses.contains(from.toLowerCase(Locale.ROOT))
        && listVouched();
  }

  /**
   * The body of the Authentication-Results header whose results were read as the receiver's (the
   * top-most), or null: {@link MailListResigned} reads which signatures passed and failed in it.
   */
  String receiverResults;

  /** Microsoft's composite authentication (compauth=fail) failed. */
  boolean compositeFailed;

  /**
   * The receiver's SPF failure is a forwarder's: SPF failed for the envelope's domain while a DKIM
   * signature of that same registrable domain passed in the same results ({@link
   * MailEnvelope#forwarded}).
   */
  boolean spfForwarded;

  /**
   * List context that may lower a sign: a discussion list (not List-Unsubscribe or Precedence
   * alone) whose own domain (List-Id, List-Post, X-BeenThere ...) is the envelope sender's, the
   * Sender's or one SPF / DKIM vouched for, in a message that asks for no credentials. List headers
   * anyone can write buy nothing alone: the list must be the one that sent the message, and a list
   * that asks for a password is no reason for calm.
   */
  boolean listVouched() {
    if (!discussionList || asksCredentials) {
      return false;
    }
    for (String d : listOwn) {
      // a free-mail domain is nobody's list: anyone can send from it
      if (!FREEMAIL.contains(d) && (envelope.contains(d) || passedDomains.contains(d))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The list's relief for what the author of a post wrote (brands and public bodies claimed, a lone
   * shared file): {@link #listVouched}, but not for a post that starts no thread by an author who
   * is not the list, which the list only relayed ({@link MailRelayedPosts}; its wording and links
   * have their own readings there, {@link MailRelayedPosts#wordingRelieved} and {@link
   * MailRelayedPosts#relievesLink}).
   */
  boolean listVouchesForAuthor() {
    return listVouched() && !MailRelayedPosts.readDirect(this);
  }

  /**
   * Bulk mail whose list headers (List-Unsubscribe ...) name the sender's own domain, not a
   * free-mail one: a newsletter speaking for itself.
   */
  boolean ownBulk() {
    return listMail
        && senderDomain != null
        && !FREEMAIL.contains(senderDomain)
        && listOwn.contains(senderDomain);
  }

  /** List or bulk mail: list headers, or an unsubscribe link or text. */
  boolean bulk() {
    if (listMail) {
      return true;
    }
    return listWords().first(BULK) != null;
  }

  private MailPhrases.Hits listWords;

  /**
   * Where the bulk-mail and unsubscribe words are in the text as it is now (asked for once per link
   * and sign: the text is read again only when it has grown).
   */
  MailPhrases.Hits listWords() {
    if (listWords == null || listWords.text().length() != text.length()) {
      listWords = LIST_WORDS.scan(text.toString());
    }
    return listWords;
  }

  private MailPhrases.Hits phrases;

  /**
   * The phrase automaton's pass over the text as it is now, made once (the text is complete when
   * the signs are judged; a longer text is read again).
   */
  MailPhrases.Hits phrases() {
    if (phrases == null || phrases.text().length() != text.length()) {
      phrases = MailSigns.phrases(text.toString());
    }
    return phrases;
  }

  private MailPhrases.Hits credentialsOf;
  private List<String> credentials;

  /**
   * {@link MailCredentialWords#credentials} of {@code hits}, kept for the last hits asked about:
   * the judge asks it of the phrases, and the wording again of the same hits when no fine print was
   * blanked.
   */
  List<String> credentials(MailPhrases.Hits hits) {
    if (hits != credentialsOf) {
      credentials = MailCredentialWords.credentials(hits);
      credentialsOf = hits;
    }
    return credentials;
  }

  /** The invisible characters found inside the words of the text as it was read. */
  final MailBrokenWords.BrokenWords brokenWords = new MailBrokenWords.BrokenWords();

  /**
   * Written like a bounce by its sender: the null reverse-path (Return-Path: <>), no From or a From
   * of delivery software's own mailbox (MAILER-DAEMON, postmaster), or Auto-Submitted.
   */
  boolean bounceSender;

  /** The message identifier In-Reply-To names, lower-cased without its brackets, or null. */
  String inReplyTo;

  /** A References header was written: the message answers one in a thread (MailRelayedPosts). */
  boolean references;

  /**
   * A text part shows the conversation it answers: a quoted line, an attribution ("… wrote:"), a
   * forwarded or original message's block, or a patch ({@link MailRelayedPosts#readPart}).
   */
  boolean showsConversation;

  /** A multipart/report of report-type delivery-status (RFC 3464). */
  boolean report;

  /** A delivery-status part with per-recipient fields (Status, Action, Final-Recipient). */
  boolean deliveryStatus;

  /**
   * The stretches of {@link #text} that are a returned message (message/rfc822, text/rfc822
   * -headers, a copy written inline) or a delivery-status part: start and end.
   */
  final List<int[]> returned = new ArrayList<>();

  /** A part's header is a returned message's (Received, Message-ID where a part's should be). */
  boolean returnedHeader;

  /** A returned message (or an inline copy) holds a link or an attachment of its own. */
  boolean returnedActs;

  /** The links of the returned stretches (the rest are the report's own). */
  final Set<String> returnedLinks = new java.util.HashSet<>();

  /**
   * The starts of the {@link #returned} stretches that are delivery-status parts: the bounce's own
   * report in machine form, not the message it returns.
   */
  final Set<Integer> statusStretches = new java.util.HashSet<>();

  /** The remote servers' reply lines of the delivery-status parts (lower-cased). */
  final List<String> statusReplies = new ArrayList<>();

  /**
   * The links a remote server wrote in its reply, which a real bounce quotes (see {@link
   * MailAnalyzer#replyLinks}).
   */
  final Set<String> replyLinks = new java.util.HashSet<>();

  /** Marks the links added since there were {@code before} as the returned message's. */
  boolean returnedLinksSince(int before) {
    for (int i = before; i < links.size(); i++) {
      returnedLinks.add(links.get(i).url());
    }
    return links.size() > before;
  }

  /** Judged a real bounce ({@link MailAnalyzer#bounce}). */
  boolean bounce;

  /** Reads {@code t} into the text as a returned stretch (see {@link #returned}). */
  void returnedText(String t) {
    int start = text.length();
    text(t);
    returned.add(new int[] {start, text.length()});
  }

  /** Replaces the judged text (a real bounce read without its diagnostic). */
  void retext(String t) {
    text.setLength(0);
    text.append(t);
    phrases = null;
    listWords = null;
  }

  /**
   * Adds wording of the message (subject, a text part, an HTML part's text). The first {@link
   * #TEXT} characters are read as written; what comes after them is kept in {@link #tail}, its runs
   * of whitespace made one, its last {@link #TEXT_TAIL} characters at most: a lure padded with
   * innocent text, whitespace or a hidden block before it is still read (mailpad22), and the
   * letters that fall between the two are counted ({@link #unread}) and made a sign when the signs
   * are judged ({@link #readTail}).
   */
  void text(String t) {
    if (t == null) {
      return;
    }
    String rest = t;
    if (text.length() < TEXT) {
      int room = TEXT - text.length();
      String add = t.length() > room ? t.substring(0, room) : t;
      marked(add);
      // without the invisible characters, counted first: the reader sees the words they break
      String folded = MailText.fold(add);
      text.append(brokenWords.read(folded.toLowerCase(Locale.ROOT))).append('\n');
      written.append(MailBrokenWords.withoutInvisible(folded)).append('\n');
      if (t.length() <= room) {
        return;
      }
      rest = t.substring(room);
    }
    String past = oneSpaceOrLine(rest);
    if (past.isBlank()) {
      return;
    }
    marked(past);
    int cut = past.length() - TEXT_TAIL;
    if (cut > 0) {
      unread += lettersOrDigits(past, cut);
      excerpts(past, cut);
      past = past.substring(cut);
    }
    tail.append(brokenWords.read(MailText.fold(past).toLowerCase(Locale.ROOT))).append('\n');
    if (tail.length() > 2 * TEXT_TAIL) {
      int drop = tail.length() - TEXT_TAIL;
      unread += lettersOrDigits(tail, drop);
      excerpts(tail, drop);
      tail.delete(0, drop);
    }
  }

  /**
   * The first word of the wording with another script's mark on a Latin letter ("amܿazoܿn"),
   * lower-cased, or null: noted before {@link MailText#fold} reads such words without their marks.
   */
  String markedWord;

  private void marked(String t) {
    if (markedWord == null) {
      String w = MailRandomNames.foreignMarkWord(t);
      markedWord = w == null ? null : w.toLowerCase(Locale.ROOT);
    }
    if (lookalikeWord == null) {
      lookalikeWord = MailLookalikeWords.disguised(t);
    }
  }

  /** The first word of the wording mixing Latin and look-alike letters, as written (naz38). */
  String lookalikeWord;

  /**
   * The wording past {@link MailText#TEXT}: its last {@link #TEXT_TAIL} characters, whitespace runs
   * one.
   */
  private final StringBuilder tail = new StringBuilder();

  /** Letters and digits of the wording that neither the head nor the tail kept. */
  long unread;

  /** Excerpts of the unread middle around words of the strongest signs ({@link #MIDDLE}). */
  private final StringBuilder middle = new StringBuilder();

  /** Excerpts kept in {@link #middle}. */
  int excerpts;

  /**
   * Keeps, within {@link #MIDDLE} characters in all, the {@link MailText#EXCERPT} characters either
   * side of each word of {@link MailText#MIDDLE_WORDS} among the first {@code end} characters of
   * {@code s}, about to be dropped (overlapping excerpts made one).
   */
  void excerpts(CharSequence s, int end) {
    if (middle.length() >= MIDDLE) {
      return;
    }
    int kept = 0;
    int[] start = new int[1];
    int at = 0;
    for (int found = middleWord(s, at, end, start);
        found >= 0 && middle.length() < MIDDLE;
        found = middleWord(s, at, end, start)) {
      int from = Math.max(kept, start[0] - EXCERPT);
      int to = Math.min(end, found + EXCERPT);
      to = Math.min(to, from + (MIDDLE - middle.length()));
      if (from >= to) {
        at = found; // every pass moves on: the next word is looked for past this one
        continue;
      }
      if (from > kept || kept == 0) {
        excerpts++;
        middle.append('\n');
      }
      middle.append(MailText.fold(s.subSequence(from, to).toString()).toLowerCase(Locale.ROOT));
      if (middle.length() > MIDDLE) {
        middle.setLength(MIDDLE); // folding may write a character as two
      }
      kept = to;
      at = Math.max(found, to);
    }
  }

  /**
   * Adds the tail to the text read by the signs, once all parts are walked; wording left between
   * the head and the tail is BEYOND_LIMITS, saying how much and where.
   */
  void readTail() {
    if (tail.length() > TEXT_TAIL) {
      int drop = tail.length() - TEXT_TAIL;
      unread += lettersOrDigits(tail, drop);
      excerpts(tail, drop);
      tail.delete(0, drop);
    }
    text.append(middle);
    text.append(tail);
    tail.setLength(0);
    if (unread > 0) {
      String n = MailReport.grouped(unread);
      beyondLimit(
          "text " + TEXT + " + " + TEXT_TAIL,
          "text longer than its first "
              + MailReport.grouped(TEXT)
              + " and last "
              + MailReport.grouped(TEXT_TAIL)
              + " characters: both were read; the "
              + n
              + " letters between them were not read for wording"
              + (excerpts == 0
                  ? ""
                  : ", except "
                      + excerpts
                      + " excerpt(s) around words of credentials, payment or sign-in ("
                      + MailReport.grouped(middle.length())
                      + " characters, "
                      + MailReport.grouped(MIDDLE)
                      + " at most)")
              + "; its links were checked",
          "本文が最初の "
              + MailReport.grouped(TEXT)
              + " 文字と最後の "
              + MailReport.grouped(TEXT_TAIL)
              + " 文字を超える長さです。その最初と最後は読みました。その間の "
              + n
              + " 文字は文面の判定に読んでいません"
              + (excerpts == 0
                  ? ""
                  : " (ただし認証情報・支払い・ログインに関わる語の前後 "
                      + excerpts
                      + " か所、計 "
                      + MailReport.grouped(middle.length())
                      + " 文字 (上限 "
                      + MailReport.grouped(MIDDLE)
                      + ") は読みました)")
              + "。リンクは検査しました");
    }
  }

  /**
   * Adds a link of the message. Each link is judged by every link sign, and an HTML body of tens of
   * thousands of links held the analysis for many seconds past its deadline: past {@link
   * #MAX_LINKS} links the limit is reported and flagged ({@link RedFlag#BEYOND_LIMITS}: a message
   * padded with harmless links hides its lure behind them), and a link is kept only when its
   * registrable domain is none of the kept links' ({@link MailState#MAX_LINK_DOMAINS_PAST} such at
   * most), so the one bad link after thousands of harmless ones is still judged. False when the
   * link was not kept.
   */
  boolean link(MailReport.Link l) {
    live.add(l.url());
    return keep(l);
  }

  /**
   * A link written defanged in the text ("hxxps://evil[.]example/"): an indicator an advisory
   * quotes, kept in the report (and the STIX and C4TAP outputs) but no link a reader can click.
   */
  boolean defangedLink(MailReport.Link l) {
    defanged.add(l.url());
    return keep(l);
  }

  /** Written only defanged: the same address nowhere written live, in the text or an anchor. */
  boolean onlyDefanged(String url) {
    return defanged.contains(url) && !live.contains(url);
  }

  /** The links written live (clickable) and written defanged, refanged. */
  final Set<String> live = new java.util.HashSet<>();

  final Set<String> defanged = new java.util.HashSet<>();

  private boolean keep(MailReport.Link l) {
    if (links.size() < MAX_LINKS) {
      links.add(l);
      return true;
    }
    if (linkDomains == null) {
      beyondLimit(
          "links " + MAX_LINKS,
          "more than "
              + MailReport.grouped(MAX_LINKS)
              + " links: the first "
              + MailReport.grouped(MAX_LINKS)
              + " were checked; past them, only links to domains not seen before ("
              + MAX_LINK_DOMAINS_PAST
              + " at most)",
          "リンクが "
              + MailReport.grouped(MAX_LINKS)
              + " 個を超えています。最初の "
              + MailReport.grouped(MAX_LINKS)
              + " 個を検査し、その先はそれまでにないドメインへのリンクだけを検査しました (最大 "
              + MAX_LINK_DOMAINS_PAST
              + " 個)");
      // said once: the words were built again for each of 20,000 links (String.format)
      linkDomains = new java.util.HashSet<>();
      for (MailReport.Link k : links) {
        linkDomains.add(linkDomain(k.url()));
      }
    }
    if (domainsPast >= MAX_LINK_DOMAINS_PAST) {
      return false;
    }
    String d = linkDomain(l.url());
    if (d == null || !linkDomains.add(d)) {
      return false;
    }
    domainsPast++;
    links.add(l);
    return true;
  }

  /**
   * The registrable domains of the kept links, made when {@link MailState#MAX_LINKS} is reached.
   */
  private Set<String> linkDomains;

  /** Links kept past {@link MailState#MAX_LINKS} for a domain none before had. */
  private int domainsPast;

  /**
   * A limit an attacker can hide what follows behind (links, MIME parts, nesting): reported once,
   * and flagged, since no real message is built that way.
   */
  void beyondLimit(String limit, String en, String ja) {
    if (limitsReached.add(limit)) {
      // said once: the flag's evidence and the problem are the same words, what was read and
      // what was not (the page shows the flag and leaves the problem out, MailReport#limitNotes)
      problem("limit", ja, en);
    }
    flag(RedFlag.BEYOND_LIMITS, en, ja);
  }

  /** Records a per-message limit once; false from then on for callers that check. */
  void reached(String limit, String ja) {
    if (limitsReached.add(limit)) {
      problem(
          "limit",
          "上限に達しました: " + MailReport.grouped(ja) + "。残りは展開も読み込みもしていません",
          "limit reached: " + MailReport.grouped(limit) + "; the rest was not unpacked or read");
    }
  }

  void problem(String kind, String ja, String en) {
    problems.add(new MailReport.Problem(kind, ja, en));
  }

  boolean outOfTime() {
    if (System.nanoTime() - deadline >= 0) {
      reached(
          "analysis time " + limits.maxTime().toMillis() + " ms",
          "解析時間 " + limits.maxTime().toMillis() + " ミリ秒");
      return true;
    }
    return false;
  }

  void flag(RedFlag f, String evidence) {
    flag(f, evidence, evidence);
  }

  /** A finding whose evidence has words of its own, said in English and in Japanese. */
  void flag(RedFlag f, String evidence, String evidenceJa) {
    int same = f == RedFlag.LOOKALIKE_DOMAIN ? evidence.indexOf(" ≈ ") : -1;
    for (int i = 0; i < findings.size(); i++) {
      MailReport.Finding x = findings.get(i);
      if (x.flag() == f && x.evidence().equals(evidence)) {
        return;
      }
      // one link imitating one name is said once (ui25: "url ≈ vpass.ne.jp (三井住友)" and "url ≈
      // vpass.ne.jp" were two lines), keeping the fuller evidence
      if (same > 0 && x.flag() == f && x.evidence().startsWith(evidence.substring(0, same + 3))) {
        if (evidence.startsWith(x.evidence())) {
          findings.set(i, new MailReport.Finding(f, evidence, evidenceJa));
        }
        return;
      }
    }
    findings.add(new MailReport.Finding(f, evidence, evidenceJa));
  }

  /**
   * The names the subject and the body's first lines greet their reader by (MailGreetings), when
   * the message went to exactly one address and no list or platform: a lure to one address known
   * only as {@code h.sato@} greets "佐藤様", a name the address does not spell (share35). A message to
   * several, to none known, or a list's post may greet anyone ("Hi Dave," in a list reply).
   */
  private List<String> greetingNames() {
    List<String> all =
        java.util.stream.Stream.concat(allRecipients().stream(), forwardedAddresses.stream())
            .distinct()
            .toList();
    if (!listAddresses.isEmpty() || all.size() != 1 || MailRedaction.listOrPlatform(all.get(0))) {
      return List.of();
    }
    return MailGreetings.names(written);
  }

  /** To and Cc, then whom the servers delivered it to besides them. */
  private List<String> allRecipients() {
    if (deliveredTo.isEmpty()) {
      return List.copyOf(recipients);
    }
    Set<String> all = new LinkedHashSet<>(recipients);
    all.addAll(deliveredTo);
    return List.copyOf(all);
  }

  MailReport report(Message m) {
    EnumSet<RedFlag> kinds = EnumSet.noneOf(RedFlag.class);
    findings.forEach(x -> kinds.add(x.flag()));
    int score = kinds.stream().mapToInt(RedFlag::weight).sum();
    if (m == null) {
      score = Math.max(score, MailReport.SUSPICIOUS_FROM);
    }
    MailReport.Verdict verdict =
        score >= MailReport.MALICIOUS_FROM
            ? MailReport.Verdict.MALICIOUS
            : score >= MailReport.SUSPICIOUS_FROM
                ? MailReport.Verdict.SUSPICIOUS
                : MailReport.Verdict.CLEAN;
    return new MailReport(
        subject,
        from,
        fromName,
        fromWritten,
        List.copyOf(replyTo),
        returnPath,
        allRecipients(),
        date,
        messageId,
        List.copyOf(hops),
        auth,
        List.copyOf(links),
        List.copyOf(attachments),
        List.copyOf(findings),
        Math.min(100, score),
        verdict,
        List.copyOf(problems),
        new MailReport.Work(unpacked, entries, archiveDepth, List.copyOf(limitsReached)),
        // the names of a forwarded message's recipients join only the report's (read by the
        // redaction of a shared copy), never the signs', which read the message's own
        java.util.stream.Stream.of(victimNames, forwardedNames, greetingNames())
            .flatMap(List::stream)
            .distinct()
            .toList(),
        List.copyOf(listAddresses),
        List.copyOf(forwardedAddresses),
        MailContactAddresses.shared(this));
  }

  /** Links of one message read and judged at most (see {@link MailState#link}). */
  static final int MAX_LINKS = 2_000;

  /**
   * Links kept past {@link #MAX_LINKS}, each for a registrable domain no kept link has: the cost of
   * a padded message stays bounded and its lure's domain is still judged.
   */
  static final int MAX_LINK_DOMAINS_PAST = 200;

  /** The registrable domain of a link's host, or null when it has none. */
  static String linkDomain(String url) {
    String h = host(url);
    return h == null ? null : registrable(h);
  }
}
