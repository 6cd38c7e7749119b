package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailSenders.bad;
import static jp.renkei.engine.mail.MailSenders.results;
import static jp.renkei.engine.mail.MailText.ADDRESS;
import static jp.renkei.engine.mail.MailText.ANGLES_AND_SPACE;
import static jp.renkei.engine.mail.MailText.LIST_ID;
import static jp.renkei.engine.mail.MailText.TRAILING_SEPARATOR;
import static jp.renkei.engine.mail.MailText.WEEKDAY;
import static jp.renkei.engine.mail.MailText.oneSpace;
import static jp.renkei.engine.mail.MailText.withoutComments;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.stream.Field;

/**
 * The envelope room: reads the header fields of the message (From, Sender, Reply-To, the
 * recipients, Return-Path and the list fields), the Received trail and its dates, and the
 * receivers' Authentication-Results (SPF, DKIM, DMARC), into the state the verdict judges.
 */
final class MailEnvelope {

  private MailEnvelope() {}

  /** The header fields {@link #envelope} reads besides From, To, Cc, Reply-To, Subject and Date. */
  static final Set<String> ENVELOPE_FIELDS;

  /** The fields that say a message came through a mailing list (read in one branch of envelope). */
  /**
   * Fields a sending platform (an ESP: SendGrid, Mailgun, Amazon SES, Mailchimp, Postmark, Brevo)
   * writes into every message it relays for its customers, to trace it and to route complaints
   * (Feedback-ID for the big mailbox providers' feedback loops, X-CSA-Complaints for the Certified
   * Senders Alliance). Such platforms add no List-Unsubscribe unless their customer asks them to.
   */
  static final Set<String> ESP_TRACE_FIELDS =
      Set.of(
          "feedback-id",
          "x-csa-complaints",
          "x-sg-eid",
          "x-sg-id",
          "x-mailgun-sid",
          "x-ses-outgoing",
          "x-mc-user",
          "x-pm-message-id");

  static final Set<String> LIST_FIELDS =
      Set.of(
          "list-id",
          "list-post",
          "list-unsubscribe",
          "list-help",
          "list-subscribe",
          "x-beenthere",
          "mailing-list",
          "x-mailman-version",
          "list-archive");

  static {
    Set<String> fields =
        new java.util.HashSet<>(
            Set.of(
                "return-path",
                "received",
                "authentication-results",
                "arc-authentication-results",
                "precedence",
                "sender",
                "errors-to",
                "delivered-to",
                "x-original-to",
                "envelope-to",
                "x-envelope-to",
                "x-forwarded-to",
                "x-mailer"));
    fields.addAll(LIST_FIELDS);
    ENVELOPE_FIELDS = Set.copyOf(fields);
  }

  /** A display name (quoted, or words without brackets), then an address in angle brackets. */
  static final Pattern NAME_ADDR =
      Pattern.compile(
          "(?:\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|[^\"<>,;]*?)\\s*<[^\\s<>\"]+@[^\\s<>\"]+>\\s*(?:\\([^()]*\\))?");

  /** An address alone, with perhaps a comment ("a@b.example (Name)"). */
  static final Pattern ADDR_SPEC =
      Pattern.compile("[^\\s<>\"(),;]+@[^\\s<>\"(),;]+\\s*(?:\\([^()]*\\))?");

  /** The longest From field whose form is judged (characters). */
  static final int FROM_JUDGED = 4096;

  /** The longest From shown as written (characters). */
  static final int FROM_WRITTEN = 200;

  /**
   * The From field as written (encoded words decoded, spaces made one), when it is no well-formed
   * mailbox: a bracket missing or left over, a quote not closed. The parser reads such a field
   * leniently (the signs then judge the address it found), but showing its repair (lower-cased, a
   * stray "&gt;" kept) misleads the reader. Null for a well-formed or absent From.
   */
  static String malformedFrom(Field field) {
    if (field == null || field.getBody() == null) {
      return null;
    }
    String written =
        oneSpace(
                org.apache.james.mime4j.codec.DecoderUtil.decodeEncodedWords(
                    field.getBody(), org.apache.james.mime4j.codec.DecodeMonitor.SILENT))
            .strip();
    if (written.isEmpty() || written.length() > FROM_JUDGED) {
      // past what any mail program writes: judged as the parser read it (a pattern over 250,000
      // characters of a quoted name overflowed the stack; HostileMailTest)
      return null;
    }
    if (NAME_ADDR.matcher(written).matches() || ADDR_SPEC.matcher(written).matches()) {
      return null;
    }
    return jp.renkei.engine.text.Names.cut(written, FROM_WRITTEN);
  }

  /** A field as received, name included, or null. */
  static byte[] raw(Field f) {
    if (f == null) {
      return null;
    }
    try {
      return f.getRaw() == null ? null : f.getRaw().toByteArray();
    } catch (RuntimeException unavailable) {
      return null;
    }
  }

  static final Pattern WORD_LABEL =
      Pattern.compile("=\\?([^?\\s]{1,40})\\?([BbQq])\\?([^?\\s]*+)\\?=");

  /**
   * The label under which a subject carried ISO-2022-JP escapes: the charset claimed by the first
   * encoded word whose bytes hold an escape, or "" when the escapes were written raw in the header.
   */
  static String jisLabel(Field subject) {
    Matcher w =
        WORD_LABEL.matcher(subject == null || subject.getBody() == null ? "" : subject.getBody());
    while (w.find()) {
      String text = w.group(3);
      boolean escape;
      if (w.group(2).equalsIgnoreCase("Q")) {
        escape = text.toUpperCase(Locale.ROOT).contains("=1B");
      } else {
        byte[] b;
        try {
          b = java.util.Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
          b = new byte[0];
        }
        escape = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u001B') >= 0;
      }
      if (escape) {
        return w.group(1);
      }
    }
    return "";
  }

  /** Whether a display name holds a raw ISO-2022-JP escape (ESC $ or ESC (). */
  static boolean rawJis(String n) {
    int esc = n == null ? -1 : n.indexOf('\u001B');
    return esc >= 0
        && esc + 1 < n.length()
        && (n.charAt(esc + 1) == '$' || n.charAt(esc + 1) == '(');
  }

  /**
   * The From display name as a Japanese mail program shows it ({@link MailHeaders#japanese}), or
   * null when it reads as the parser read it.
   */
  static String fromNameAsJapanese(String name, Field from) {
    if (name == null || (name.indexOf('\u001B') < 0 && name.indexOf('\uFFFD') < 0)) {
      return null;
    }
    if (name.indexOf('\uFFFD') < 0) {
      return MailHeaders.jisEscapes(name);
    }
    String body = MailHeaders.japanese(name, raw(from));
    if (body == null) {
      return null;
    }
    try {
      Mailbox reread =
          org.apache.james.mime4j.field.address.LenientAddressParser.DEFAULT.parseMailbox(body);
      return reread == null || reread.getName() == null || reread.getName().isBlank()
          ? null
          : reread.getName();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  static void envelope(Message m, MailState st) {
    st.subject = m.getSubject();
    if (st.subject != null && st.subject.indexOf('\uFFFD') >= 0) {
      // Japanese under a narrower label (Shift_JIS for Windows-31J, GB2312 for GBK): read wider
      Field raw = m.getHeader().getField("Subject");
      String wider =
          MailWiderCharsets.rereadWords(
              raw == null ? null : org.apache.james.mime4j.util.MimeUtil.unfold(raw.getBody()),
              st.subject);
      st.subject = wider != null ? wider : st.subject;
    }
    Field subjectField = m.getHeader().getField("Subject");
    String japanese = MailHeaders.japanese(st.subject, raw(subjectField));
    if (japanese != null && st.subject.indexOf('\u001B') >= 0) {
      st.subjectJisLabel = jisLabel(subjectField);
    }
    st.subject = japanese != null ? japanese : st.subject;
    MailHeaders.Subject broken = MailHeaders.subject(st.subject);
    if (broken != null) {
      // mime4j leaves an encoded word never closed as written: shown decoded where it can be
      st.subject = broken.text();
      String word = jp.renkei.engine.text.Names.cut(broken.malformed(), 60);
      st.problem(
          "malformed",
          "件名に、終わりの「?=」がない符号化された語があります ("
              + word
              + ")。"
              + (broken.decoded() ? "読める所まで復号して表示しています" : "復号できないため、書かれたまま表示しています"),
          "the subject has an encoded word never closed by \"?=\" ("
              + word
              + "): "
              + (broken.decoded()
                  ? "it is shown decoded as far as it could be read"
                  : "it could not be decoded and is shown as written"));
    }
    st.text(st.subject);
    st.messageId = m.getMessageId();
    Field banner = m.getHeader().getField("X-Message-Flag");
    st.messageFlag = banner == null ? null : banner.getBody();
    Field dateField = m.getHeader().getField("Date");
    Instant usualDate = dateField == null ? null : usualDate(dateField.getBody());
    if (usualDate != null) {
      st.date = usualDate;
    } else if (m.getDate() != null) {
      st.date = m.getDate().toInstant();
    }
    if (m.getFrom() != null && !m.getFrom().isEmpty()) {
      Mailbox f = m.getFrom().get(0);
      st.fromAsWritten = f.getAddress();
      st.from = f.getAddress().toLowerCase(Locale.ROOT);
      st.fromName = f.getName();
      st.fromNameRawJis = rawJis(st.fromName);
      String japaneseName = fromNameAsJapanese(st.fromName, m.getHeader().getField("From"));
      st.fromName = japaneseName != null ? japaneseName : st.fromName;
    }
    String selfNamed = MailSelfNamedFrom.address(m.getHeader().getField("From"), st.subject);
    if (selfNamed != null) {
      // info@example.jp<info@example.jp> under a Japanese subject: the address it names twice
      st.fromAsWritten = selfNamed;
      st.from = selfNamed.toLowerCase(Locale.ROOT);
      st.fromName = null;
    }
    st.fromWritten = malformedFrom(m.getHeader().getField("From"));
    st.fromBroken =
        st.fromWritten != null
            && MailHeaders.bracketsBroken(m.getHeader().getField("From").getBody());
    addresses(m, "Reply-To", m.getReplyTo(), st.replyTo);
    addresses(m, "To", m.getTo(), st.recipients);
    addresses(m, "Cc", m.getCc(), st.recipients);
    names(m.getTo(), st.recipientNames, st.victimNames);
    names(m.getCc(), st.recipientNames, st.victimNames);
    if (st.outlook) {
      // recipients of an Outlook file known by name only: taken out of shared copies as people
      List<String> names = new ArrayList<>();
      addresslessNames(m.getTo(), names);
      addresslessNames(m.getCc(), names);
      forwarded(new MailInlineForwards.Recipients(List.of(), names), st);
    }
    st.toWritten = m.getTo() != null;
    String receiverResults = null;
    int topHops = 0;
    List<String> sameReceiver = new ArrayList<>();
    List<String> besideTop = new ArrayList<>();
    String boundaryResults = null;
    int boundaryHops = -1;
    String arcResults = null;
    for (Field f : m.getHeader().getFields()) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      st.espRelayed |= ESP_TRACE_FIELDS.contains(name);
      if (!ENVELOPE_FIELDS.contains(name)) {
        // the body is unfolded and decoded only for the fields read below (a message carries
        // dozens of others: DKIM signatures, X- headers, ARC seals)
        continue;
      }
      String body = f.getBody() == null ? "" : f.getBody();
      switch (name) {
        case "return-path" -> {
          String written = ANGLES_AND_SPACE.matcher(body).replaceAll("");
          if (written.lastIndexOf('@') >= 0) {
            st.envelopeWritten.add(written.substring(written.lastIndexOf('@') + 1));
          }
          st.returnPath = written.toLowerCase(Locale.ROOT);
          if (domain(st.returnPath) != null) {
            st.envelope.add(registrable(domain(st.returnPath)));
          }
        }
        case "received" -> received(body, st);
        case "x-mailer" -> st.xMailer = st.xMailer == null ? body : st.xMailer;
        // only the receiving server's results count: the top-most Authentication-Results (the
        // sender can write any number of them below it), else the top-most ARC results; a
        // DKIM-Signature header vouches for nothing until a server has checked it. The one
        // exception is the receiver's own boundary server (boundaryResults)
        case "authentication-results" -> {
          if (receiverResults == null) {
            receiverResults = body;
            topHops = st.hops.size();
          } else if (MailReceiverResults.besideTop(
              receiverResults, topHops, body, st.hops.size())) {
            // one upstream hop's results in one more header, if its trace line follows (lists42)
            besideTop.add(body);
            if (boundaryResults == null) {
              // as before: a header of the top one's authserv-id is never the boundary's
              boundaryResults = body;
              boundaryHops = st.hops.size();
            }
          } else if (boundaryResults == null
              && MailReceiverResults.sameReceiver(receiverResults, body, st.hops.size())) {
            // the same receiver's results in one more header (RFC 8601 §2.2)
            sameReceiver.add(body);
          } else if (boundaryResults == null) {
            boundaryResults = body;
            boundaryHops = st.hops.size();
          }
        }
        case "arc-authentication-results" -> arcResults = arcResults == null ? body : arcResults;
        case "precedence" -> {
          String p = body.strip().toLowerCase(Locale.ROOT);
          st.listMail |= p.equals("list") || p.equals("bulk") || p.equals("junk");
        }
        case "delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "x-forwarded-to" -> {
          Matcher l = ADDRESS.matcher(body);
          while (l.find()) {
            st.deliveredTo.add(l.group().toLowerCase(Locale.ROOT));
          }
        }
        case "sender", "errors-to" -> {
          Matcher l = ADDRESS.matcher(body);
          if (l.find()) {
            if (name.equals("sender")) {
              st.senderAsWritten = l.group();
            }
            st.listDomains.add(registrable(domain(l.group())));
            st.envelope.add(registrable(domain(l.group())));
          }
        }
        default -> {
          // LIST_FIELDS: everything else ENVELOPE_FIELDS lets through
          st.listMail = true;
          st.listUnsubscribe |= name.equals("list-unsubscribe");
          if (name.equals("list-unsubscribe")) {
            MailEspBrandList.header(body, st);
          }
          st.discussionList |= !name.equals("list-unsubscribe") && !name.equals("list-subscribe");
          st.membersPost |=
              !name.equals("list-unsubscribe")
                  && !name.equals("list-subscribe")
                  && !name.equals("list-id");
          Matcher l = ADDRESS.matcher(body);
          while (l.find()) {
            st.listDomains.add(registrable(domain(l.group())));
            st.listOwn.add(registrable(domain(l.group())));
            if (name.equals("list-post")
                || name.equals("x-beenthere")
                || name.equals("mailing-list")) {
              st.listAddresses.add(l.group().toLowerCase(Locale.ROOT));
            }
          }
          Matcher id = LIST_ID.matcher(body);
          if (name.equals("list-id") && id.find()) {
            st.listDomains.add(registrable(id.group(1).toLowerCase(Locale.ROOT)));
            st.listOwn.add(registrable(id.group(1).toLowerCase(Locale.ROOT)));
          }
        }
      }
    }
    receiverResults = MailReceiverResults.merged(receiverResults, sameReceiver, st.hops);
    if (!besideTop.isEmpty()
        && MailReceiverResults.upstreamHop(receiverResults, topHops, st.hops)) {
      receiverResults = MailReceiverResults.merged(receiverResults, besideTop, st.hops);
    }
    boolean boundaryAfter = false;
    if (receiverResults != null
        && boundaryResults != null
        && isBoundary(receiverResults, boundaryResults, boundaryHops, st.hops)) {
      String own = registrable(authservId(receiverResults));
      int k = MailHops.handedIn(st.hops, own);
      // the analysing organisation's own ranges, where given, say whether a hop the receiver's
      // record contradicts came from its own server (attack41, OwnNetwork)
      OwnNetwork.Word ranges = st.ownNetwork.boundary(st.hops, k, own);
      MailOwnNetworkNote.say(st, ranges, k, own);
      if (ranges == OwnNetwork.Word.OUTSIDE) {
        // not the receiver's boundary: what was written below its hop is the sender's
        boundaryResults = null;
      } else if (ranges == OwnNetwork.Word.OWN
          || MailHops.vouched(st.hops, k, own)
          || !checkedTheSender(receiverResults)) {
        // the boundary's results first: it checked the message as it came in, and a later server
        // of the same receiver may have changed it on the way (a footer, a rewritten address) and
        // then found the signature broken; the later server's fills in what the boundary left out
        authResults(boundaryResults, st);
      } else {
        // the receiver's own record says the "boundary" greeted it under a name not its own (a
        // sender's forgery, or the receiver's server at a hosting provider), and the top server
        // checked the connecting host as the sender's (SPF, DMARC), as a boundary does: the lower
        // header only fills in what it did not record (attack39)
        boundaryAfter = true;
      }
    }
    if (receiverResults != null || arcResults != null) {
      authResults(receiverResults != null ? receiverResults : arcResults, st);
      st.receiverResults = receiverResults;
      // the top-most results written upstream make every one below them upstream too
      st.resultsUpstream = receiverResults == null || writtenByLastSender(receiverResults, st.hops);
    }
    if (boundaryAfter) {
      authResults(boundaryResults, st);
    }
  }

  /**
   * Whether an Authentication-Results body was written upstream: by the host that handed the
   * message to the receiver ({@link MailHops#handedIn}, the receiver being whoever wrote the top
   * hops, {@link MailHops#receiverOf}), or by another host of that sender's registrable domain, and
   * not by the receiver. Such results are the upstream domain's check of what it received (a list's
   * check of its poster, perhaps before the list's own outbound relay handed it on: vger's lists
   * leave smtp.subspace.kernel.org through ny.mirrors.kernel.org), not the receiver's. Reading them
   * as upstream only ever takes a failure away from a list's mail ({@link
   * MailState#listHopResults}); a sender who writes none gets no sign either.
   */
  static boolean writtenByLastSender(String results, List<MailReport.Hop> hops) {
    String id = AuthResults.parse(results).authservId();
    String own = MailHops.receiverOf(hops);
    if (!MailHops.dotted(id) || own == null || own.equals(MailHops.domainOf(id))) {
      return false;
    }
    int k = MailHops.handedIn(hops, own);
    if (k < 0 || hops.get(k).from() == null || id.equalsIgnoreCase(hops.get(k).by())) {
      return false;
    }
    String from = hops.get(k).from();
    // the handing host itself, or another host of its domain (its outbound relay handed it on)
    return id.equalsIgnoreCase(from)
        || (MailHops.dotted(from) && MailHops.domainOf(id).equals(MailHops.domainOf(from)));
  }

  /**
   * Whether the second Authentication-Results header ({@code lower}, with {@code hopsAbove}
   * Received headers above it) was written by the receiver's own boundary server, the one that took
   * the message in from outside, below the top-most ({@code top}, the receiver's last server). RFC
   * 8601 trusts only the results of the reader's own administrative domain: here the top-most
   * header's server, and the server its own Received headers say the message came from. The hops
   * from the top are the receiver's internal ones ({@link MailHops}, the receiver's domain being
   * the top-most header's); the first that is not names the boundary server as its "by" host, and
   * the lower header must carry that host's name as its authserv-id and sit no lower than that hop
   * (written by the boundary server, not by anyone before it). A sender writing a header in the
   * receiver's name below it has no internal Received header above it naming that host; one that
   * greets the receiver with that host's name may be told by the receiver's own record of the
   * connection ({@link MailHops#vouched}), and then the lower header only fills in what the
   * top-most one did not record.
   */
  static boolean isBoundary(String top, String lower, int hopsAbove, List<MailReport.Hop> hops) {
    String topId = authservId(top);
    String lowerId = authservId(lower);
    if (topId == null || lowerId == null || topId.equals(lowerId) || topId.indexOf('.') < 0) {
      return false;
    }
    int k = MailHops.handedIn(hops, registrable(topId));
    // at least one internal hop, ending at the top-most header's server, from the boundary
    return k > 0
        && hopsAbove <= k + 1
        && topId.equalsIgnoreCase(hops.get(0).by())
        && lowerId.equalsIgnoreCase(hops.get(k - 1).from())
        && lowerId.equalsIgnoreCase(hops.get(k).by());
  }

  /**
   * Whether an Authentication-Results body records an SPF or DMARC result: its server checked the
   * host that connected to it as the sender's, as a boundary does. A receiver's inner server behind
   * its own boundary checks signatures only (an SPF check there would judge the boundary).
   */
  static boolean checkedTheSender(String results) {
    AuthResults ar = AuthResults.parse(results);
    return !ar.of("spf").isEmpty() || !ar.of("dmarc").isEmpty();
  }

  /** The authserv-id of an Authentication-Results body (the host name before the first ';'). */
  static String authservId(String body) {
    int end = body.indexOf(';');
    String id = (end < 0 ? body : body.substring(0, end)).strip();
    int space = id.indexOf(' ');
    id = space < 0 ? id : id.substring(0, space);
    return id.isEmpty() ? null : id.toLowerCase(Locale.ROOT);
  }

  /**
   * The addresses of one address field. Where the parser's reading holds something that is no
   * address (a display name with unquoted angle brackets, "Taro <Sales> Yamada <taro@example.jp>",
   * read as "taro@<sales" and "taro@example.jp>"), the addresses written in the field's text are
   * taken instead: the reply then goes where the header says, not to a fragment of it.
   */
  static void addresses(Message m, String field, AddressList list, List<String> into) {
    List<String> read = new ArrayList<>();
    addresses(list, read);
    if ((list != null || m.getHeader().getField(field) == null)
        && read.stream().allMatch(a -> ADDRESS.matcher(a).matches())) {
      into.addAll(read);
      return;
    }
    for (Field f : m.getHeader().getFields(field)) {
      Matcher a = ADDRESS.matcher(f.getBody());
      while (a.find()) {
        String found = a.group().toLowerCase(Locale.ROOT);
        if (!into.contains(found)) {
          into.add(found);
        }
      }
    }
  }

  static void addresses(AddressList list, List<String> into) {
    if (list == null) {
      return;
    }
    for (Address a : list) {
      if (a instanceof Mailbox mb) {
        into.add(mb.getAddress().toLowerCase(Locale.ROOT));
      } else if (a instanceof Group g) {
        g.getMailboxes().forEach(mb -> into.add(mb.getAddress().toLowerCase(Locale.ROOT)));
      }
    }
  }

  /** The display names of a list's mailboxes (a group's included), those that have one. */
  /**
   * The To and Cc of a message forwarded or attached inside the analysed one (a colleague's
   * "forward as attachment" of a lure: its recipients are the victims), for the redaction of a
   * shared copy only; at most 1,000 of each, as a message's headers are bounded.
   */
  static void forwardedRecipients(Message inner, MailState st) {
    List<String> addresses = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String field : new String[] {"To", "Cc"}) {
      AddressList list = field.equals("To") ? inner.getTo() : inner.getCc();
      addresses(inner, field, list, addresses);
      names(list, new ArrayList<>(), names);
      addresslessNames(list, names);
    }
    forwarded(new MailInlineForwards.Recipients(addresses, names), st);
  }

  /**
   * The names of empty groups ("Name :;"): how a recipient Outlook knew only by its Exchange name,
   * no internet address, is written when a .msg is rebuilt ({@link MailOutlook}); taken out of a
   * shared copy as a person's name, for redaction only (an .eml's "undisclosed-recipients:;" is
   * then taken out too, which names nobody).
   */
  static void addresslessNames(AddressList list, List<String> into) {
    if (list == null) {
      return;
    }
    for (Address a : list) {
      if (a instanceof Group g && g.getMailboxes().isEmpty() && !g.getName().isBlank()) {
        // the reader leaves a group's name as written: its encoded words are decoded here
        into.add(
            org.apache.james.mime4j.codec.DecoderUtil.decodeEncodedWords(
                g.getName(), DecodeMonitor.SILENT));
      }
    }
  }

  /**
   * The recipients of a message forwarded inline, as its body's header block writes them ({@link
   * MailInlineForwards}), or attached inside: for the redaction of a shared copy only.
   */
  static void forwarded(MailInlineForwards.Recipients r, MailState st) {
    List<String> addresses = r.addresses();
    List<String> names = r.names();
    addresses.stream()
        .limit(Math.max(0, 1000 - st.forwardedAddresses.size()))
        .forEach(st.forwardedAddresses::add);
    names.stream()
        .limit(Math.max(0, 1000 - st.forwardedNames.size()))
        .forEach(st.forwardedNames::add);
  }

  static void names(AddressList list, List<String> into, List<String> victims) {
    if (list == null) {
      return;
    }
    for (Address a : list) {
      List<Mailbox> boxes =
          a instanceof Mailbox mb
              ? List.of(mb)
              : a instanceof Group g ? g.getMailboxes() : List.of();
      for (Mailbox box : boxes) {
        if (box.getName() != null) {
          into.add(box.getName());
          if (box.getAddress() == null || !MailRedaction.listOrPlatform(box.getAddress())) {
            victims.add(box.getName());
          }
        }
      }
    }
  }

  /** The recipient a Received header names ("... for <taro@example.jp>; date"). */
  static final Pattern RECEIVED_FOR =
      Pattern.compile("(?i)\\bfor\\s++<?([\\w.+-]++@[\\w-]++(?:\\.[\\w-]++){1,127})");

  /**
   * The next match of {@link #RECEIVED_FOR} in {@code text} at or after {@code from} (left in
   * {@code m}, a matcher over {@code text}), as {@code find()} finds it, and its end; -1 when there
   * is none. A match starts with the letter f (the pattern is case-blind in ASCII only), so the
   * pattern is tried only there, not at every character of the header.
   */
  static int nextFor(Matcher m, String text, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if ((c == 'f' || c == 'F') && m.region(i, n).lookingAt()) {
        return m.end();
      }
    }
    return -1;
  }

  static void received(String body, MailState st) {
    String one = oneSpace(body);
    if (st.receivedLines.size() < MailBrandSenderHost.LINES) {
      st.receivedLines.add(one);
    }
    Matcher rcpt = RECEIVED_FOR.matcher(one);
    for (int from = 0; (from = nextFor(rcpt, one, from)) >= 0; ) {
      st.deliveredTo.add(rcpt.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher m = RECEIVED.matcher(one);
    String from = null;
    String by = null;
    String peer = null;
    // the pattern starts with ^ (no MULTILINE): find() could only match at the start
    if (m.lookingAt()) {
      from = m.group(1);
      by = TRAILING_SEPARATOR.matcher(m.group(3)).replaceAll("");
      peer = MailHops.peer(m.group(2));
    } else {
      // "Received: by filterdrecv-… with SMTP id …" was shown as "(none) → (none)" (ux29)
      Matcher byOnly = RECEIVED_BY_ONLY.matcher(one);
      if (byOnly.lookingAt()) {
        by = TRAILING_SEPARATOR.matcher(byOnly.group(1)).replaceAll("");
      }
    }
    String route = one.contains(";") ? one.substring(0, one.lastIndexOf(';')) : one;
    List<String> ips = new ArrayList<>();
    Matcher v4 = IPV4.matcher(route);
    for (int at = 0; (at = nextIpv4(v4, route, at)) >= 0; ) {
      if (!ips.contains(v4.group(1))) {
        ips.add(v4.group(1));
      }
    }
    // every IPv6 literal the pattern finds is written in brackets
    Matcher v6 = IPV6.matcher(route.indexOf('[') < 0 ? "" : route);
    while (v6.find()) {
      if (v6.group(1).contains(":") && !ips.contains(v6.group(1).toLowerCase(Locale.ROOT))) {
        ips.add(v6.group(1).toLowerCase(Locale.ROOT));
      }
    }
    Instant at = null;
    if (one.contains(";")) {
      // the weekday is dropped: real mail gets it wrong, and the date says which day it was
      String d =
          WEEKDAY
              .matcher(withoutComments(one.substring(one.lastIndexOf(';') + 1)))
              .replaceFirst("")
              .strip();
      at = receivedDate(d);
    }
    st.hops.add(new MailReport.Hop(from, by, List.copyOf(ips), at, peer));
    if (st.forgedHop == null) {
      st.forgedHop = MailBulkLures.forgedHop(one);
    }
  }

  /**
   * The next match of {@link MailEnvelope#IPV4} in {@code text} at or after {@code from} (left in
   * {@code m}, a matcher over {@code text}), as {@code find()} finds it, and its end; -1 when there
   * is none. A match starts with one to three digits and a dot, the first digit following neither a
   * digit nor a dot, so the pattern is tried only there, not at every character of the header.
   */
  static int nextIpv4(Matcher m, String text, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        int j = i + 1;
        while (j < n && j < i + 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        if (before != '.' && !(before >= '0' && before <= '9') && j < n && text.charAt(j) == '.') {
          m.region(i, n);
          if (m.lookingAt()) {
            return m.end();
          }
        }
      }
    }
    return -1;
  }

  /**
   * The date of a Received header ({@link MailEnvelope#RECEIVED_DATE}), or null (the hop is kept
   * without).
   */
  static Instant receivedDate(String d) {
    Instant usual = usualReceivedDate(d);
    if (usual != null) {
      return usual;
    }
    try {
      return ZonedDateTime.parse(d, RECEIVED_DATE).toInstant();
    } catch (DateTimeParseException e) {
      return null; // a date we cannot read
    }
  }

  static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * The usual shape of a Received date read without the formatter: "1 Dec 2026 09:05[:07] +0900",
   * one or two digits of day, four of year, a valid date and time, an offset within ±18:00. Null
   * for anything else, which the formatter then reads (or refuses) as before.
   */
  static Instant usualReceivedDate(String d) {
    int n = d.length();
    int i = 0;
    int day = 0;
    while (i < n && i < 2 && isDigit(d.charAt(i))) {
      day = day * 10 + d.charAt(i++) - '0';
    }
    if (i == 0 || i + 5 > n || d.charAt(i) != ' ' || d.charAt(i + 4) != ' ') {
      return null;
    }
    int month = MONTHS.indexOf(d.substring(i + 1, i + 4));
    if (month < 0 || month % 3 != 0) {
      return null;
    }
    i += 5;
    // yyyy HH:mm then :ss or nothing, then a space, a sign and four digits, and the end
    boolean seconds = n - i == 4 + 1 + 5 + 3 + 1 + 5;
    if (n - i != 4 + 1 + 5 + 1 + 5 && !seconds) {
      return null;
    }
    int year = digits(d, i, 4);
    int hour = d.charAt(i + 4) == ' ' ? digits(d, i + 5, 2) : -1;
    int minute = d.charAt(i + 7) == ':' ? digits(d, i + 8, 2) : -1;
    i += 10;
    int second = 0;
    if (seconds) {
      second = d.charAt(i) == ':' ? digits(d, i + 1, 2) : -1;
      i += 3;
    }
    char sign = d.charAt(i + 1);
    int offsetHours = digits(d, i + 2, 2);
    int offsetMinutes = digits(d, i + 4, 2);
    if (year < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || d.charAt(i) != ' '
        || (sign != '+' && sign != '-')
        || offsetHours < 0
        || offsetMinutes < 0
        || offsetMinutes > 59
        || offsetHours * 60 + offsetMinutes > 18 * 60
        || day < 1
        || day > java.time.YearMonth.of(year, month / 3 + 1).lengthOfMonth()) {
      return null;
    }
    int offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
    return java.time.LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second)
        .toInstant(java.time.ZoneOffset.ofTotalSeconds(offset));
  }

  /** The weekdays a Date header may start with, as mime4j's reader names them. */
  static final List<String> WEEKDAYS =
      List.of("Mon, ", "Tue, ", "Wed, ", "Thu, ", "Fri, ", "Sat, ", "Sun, ");

  /**
   * The usual shape of a Date header read without mime4j's formatter (a {@code DateTimeFormatter}
   * whose parse was 3 % of the analysis of HTML mail): "Tue, 1 Dec 2026 09:05:07 +0900", the
   * weekday optional (and not checked against the date, as mime4j does not), then {@link
   * #usualReceivedDate}'s shape, then nothing or a comment (" (JST)"). Null for anything else,
   * which mime4j then reads as before.
   */
  static Instant usualDate(String body) {
    if (body == null) {
      return null;
    }
    String d = body.trim(); // as mime4j's reader trims it
    if (d.length() > 5 && d.charAt(3) == ',' && WEEKDAYS.contains(d.substring(0, 5))) {
      d = d.substring(5);
    }
    int comment = d.indexOf(" (");
    if (comment >= 0) {
      d = d.substring(0, comment);
    }
    return usualReceivedDate(d);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number written with exactly {@code count} ASCII digits at {@code at}, or -1. */
  static int digits(String s, int at, int count) {
    int v = 0;
    for (int k = at; k < at + count; k++) {
      if (!isDigit(s.charAt(k))) {
        return -1;
      }
      v = v * 10 + s.charAt(k) - '0';
    }
    return v;
  }

  /**
   * The domains an Authentication-Results body says a DKIM signature passed for (header.d, else
   * header.i), in order, read by the RFC 8601 grammar ({@link AuthResults}).
   */
  static List<String> dkimPassDomains(String body) {
    List<String> out = new ArrayList<>();
    for (AuthResults.Result r : AuthResults.parse(body).of("dkim")) {
      String d = r.domain("header.d") != null ? r.domain("header.d") : r.domain("header.i");
      if (r.passed() && d != null) {
        out.add(d);
      }
    }
    return out;
  }

  static void authResults(String body, MailState st) {
    st.authResultsSeen = true;
    AuthResults ar = AuthResults.parse(body);
    MailEspBrandList.dmarc(body, st);
    for (AuthResults.Result r : ar.of("compauth")) {
      st.compositeFailed |= r.result().equals("fail");
    }
    boolean envelope = false;
    for (AuthResults.Result r : ar.of("spf")) {
      String mailfrom = r.properties().get("smtp.mailfrom");
      String d = r.domain("smtp.mailfrom");
      if (d == null) {
        continue;
      }
      if (!envelope) {
        st.envelopeWritten.add(mailfrom.substring(mailfrom.lastIndexOf('@') + 1));
        envelope = true;
      }
      if (r.passed()) {
        st.passedDomains.add(registrable(d));
      }
    }
    List<String> signers = dkimPassDomains(body);
    for (String d : signers) {
      st.passedDomains.add(registrable(d));
    }
    for (AuthResults.Result r : ar.of("dmarc")) {
      if (st.dmarcFrom == null && r.domain("header.from") != null) {
        st.dmarcFrom = registrable(r.domain("header.from"));
      }
    }
    if (st.auth.spf() == null && ar.first("spf") != null) {
      st.spfForwarded = forwarded(ar);
    }
    String spf = st.auth.spf() != null ? st.auth.spf() : ar.first("spf");
    String dkim = st.auth.dkim() != null ? st.auth.dkim() : ar.first("dkim");
    String dmarc = st.auth.dmarc() != null ? st.auth.dmarc() : ar.first("dmarc");
    // the row says what the sign cites: any compauth=fail, else the first composite result
    String compauth =
        st.compositeFailed
            ? "fail"
            : st.auth.compauth() != null ? st.auth.compauth() : ar.first("compauth");
    // the signers of the results the DKIM column shows (the first results that had one)
    List<String> shownSigners =
        st.auth.dkim() != null
            ? st.auth.dkimSigners()
            : signers.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
    st.auth = new MailReport.Authentication(spf, dkim, dmarc, compauth, shownSigners);
  }

  /**
   * Whether one receiver's results read as forwarding: its first SPF result failed (fail or
   * softfail) for an envelope domain, and a DKIM signature of that same registrable domain passed.
   * A relay between the sender and the reader's server (the reader's own forwarding address, a
   * university's alias) sends the message on from its own address, which the envelope's SPF record
   * does not list, while the signature travels with the message unchanged. Nothing is gained by
   * forging it: a signature of the envelope's own domain is what the same sender would have shown
   * by sending straight (SPF passing too); a pass for any other domain, a failing DMARC result or
   * results written below the receiver's change nothing.
   */
  static boolean forwarded(AuthResults ar) {
    List<AuthResults.Result> spf = ar.of("spf");
    if (spf.isEmpty() || !bad(spf.get(0).result())) {
      return false;
    }
    String envelope = spf.get(0).domain("smtp.mailfrom");
    if (envelope == null) {
      return false;
    }
    String own = registrable(envelope);
    for (AuthResults.Result r : ar.of("dkim")) {
      String d = r.domain("header.d") != null ? r.domain("header.d") : r.domain("header.i");
      if (r.passed() && d != null && registrable(d).equals(own)) {
        return true;
      }
    }
    return false;
  }

  static final Pattern RECEIVED = Pattern.compile("(?is)^\\s*from\\s+(\\S+)(.*?)\\bby\\s+(\\S+)");

  /** A Received header without a from clause: a server's local pickup or its own filter step. */
  static final Pattern RECEIVED_BY_ONLY = Pattern.compile("(?is)^\\s*by\\s+(\\S+)");

  static final Pattern IPV4 =
      Pattern.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
  static final Pattern IPV6 = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:]{3,})\\]");
  static final DateTimeFormatter RECEIVED_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH);
}
