package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.redact.Redactor;

/**
 * Takes the receiving organisation out of an analysed mail before it is shared (C4TAP): its
 * recipients, the relays inside its network (its address ranges, private addresses), links to its
 * own sites, and its names, people and addresses wherever they appear in the subject and in
 * attachment names. What is removed is listed, for the preview the sharer checks before sending.
 */
public final class MailRedaction {

  /** The mail as it will be shared, and every piece taken out (for the preview). */
  public record Result(MailReport shared, List<String> removed) {}

  /**
   * One piece taken out, read back from its stored line: {@code kind} a stable code for the
   * preview's words ({@code recipient}, {@code linkToOwnSite}, ...; {@code other} for a line this
   * version does not know), {@code value} what was taken out.
   */
  public record Removed(String kind, String value) {}

  /** The stored lines' beginnings (English, as stored since the first version) and their codes. */
  private static final List<String[]> KINDS =
      List.of(
          new String[] {"recipient in a link ", "recipientInLink"},
          new String[] {"recipient ", "recipient"},
          new String[] {"mailing list ", "mailingList"},
          new String[] {"sender (the mailing list's own address) ", "listSender"},
          new String[] {"subject: ", "subject"},
          new String[] {"relay address of the mailing list ", "listRelay"},
          new String[] {"relay address ", "relayAddress"},
          new String[] {"relay host ", "relayHost"},
          new String[] {"link to own site ", "linkToOwnSite"},
          new String[] {"link to an internal address ", "linkInternal"},
          new String[] {"link text: ", "linkText"},
          new String[] {"sender (an address of the receiving organisation) ", "sender"},
          new String[] {"sender name: ", "senderName"},
          new String[] {"reply-to (an address of the receiving organisation) ", "replyTo"},
          new String[] {"return path (an address of the receiving organisation) ", "returnPath"},
          new String[] {"attachment name: ", "attachmentName"});

  /** A stored line of {@link Result#removed()} as its kind and value, for the reader's words. */
  public static Removed removed(String line) {
    for (String[] k : KINDS) {
      if (line.startsWith(k[0])) {
        return new Removed(k[1], line.substring(k[0].length()));
      }
    }
    return new Removed("other", line);
  }

  private MailRedaction() {}

  public static Result apply(MailReport r, Redactor organisation) {
    // the recipients are the receiving side wherever they appear (a link's ?u=, a greeting), also
    // at a domain the directory does not list for the organisation (walk17: a QR code's link kept
    // the address taken out of To:)
    // the recipients of a message forwarded inside are the lure's victims, the message's own are
    // then the colleagues it was forwarded to (attack31b)
    Redactor identity =
        organisation.withEmails(
            java.util.stream.Stream.concat(
                    r.recipients().stream(), r.forwardedRecipients().stream())
                .distinct()
                .toList());
    // the names To and Cc give the recipients are the victims' own (a teller the directory does
    // not know), written by kits into the subject, the greeting, link texts and attachment names
    // (attack26); taken out of the text, not out of the attacker's links and hosts, where a word
    // of a name could cut an indicator apart
    // a recipient's local part alone (?u=tanaka, "t.suzuki様") names the victim as well, without
    // the domain the address pattern needs (attackshare33); a mailbox's role (info@, soumu@) names
    // no one and is left, or every "information" would lose its first letters
    // in text a local part's word is matched as a word only ("[zzzzteana]" kept zzzz), and a
    // recipient at a list's or a platform's own domain is no victim (share34)
    List<String> locals = localParts(r);
    List<String> people = new ArrayList<>(names(r.recipientNames()));
    people.addAll(locals);
    // the directory's people were taken out of text as names, but not out of links nor at a cut:
    // a victim the platform knows (佐藤 花子 behind h.sato@) is looked for there by name too (share35)
    people.addAll(organisation.personWords());
    Redactor named =
        identity.withPersonNames(names(r.recipientNames())).withPersonWords(textWords(locals));
    java.util.Set<String> urlWords = urlWords(people);
    // the analyser cut its quotes before the names could be taken out ("…中様" of 田中様): every
    // text the share carries loses, after the redaction, what is left of a name at a cut
    java.util.Set<String> nameParts = nameParts(people);
    List<String> removed = new ArrayList<>();
    // a list's address in To is how the message came, not a victim; it goes all the same: it says
    // which lists the organisation reads, and as an indicator it would match every honest post
    r.recipients()
        .forEach(
            x -> removed.add((r.listAddresses().contains(x) ? "mailing list " : "recipient ") + x));
    String subject = r.subject();
    if (subject != null) {
      Redactor.Result s = named.redact(subject);
      s.spans().forEach(x -> removed.add("subject: " + x.original()));
      subject = cutEnds(scrub(s.text(), named), nameParts);
    }
    List<MailReport.Hop> hops = new ArrayList<>();
    List<MailReport.Hop> received = r.received();
    // a server that names itself as the organisation's, or as the mailing list's, handed the
    // message on from the organisation's or the list's network: its address is theirs, not the
    // attacker's (attack31b). The organisation's names its owner to every reader (its host name
    // was taken out, its address went out beside it unless the directory lists the range), and a
    // list's tells which lists the organisation reads and ties together every share of a post to
    // that list; neither was ever made an indicator. The origin on record stays unless it is the
    // organisation's own: a list is never where a post to it began.
    java.util.Set<String> lists = listDomains(r.listAddresses());
    java.util.Map<String, String> roles = MailStix.hopRoles(received);
    java.util.Set<String> ownDomains = ownDomains(r);
    // a list delivered the message: the newest server on record that is neither the
    // organisation's nor private handed it to the organisation, and that is the list's own
    // outbound server, whatever it is named (Google Groups' mail-*.google.com, a host's server)
    int listDelivery = -1;
    for (int i = 0; i < received.size() && !lists.isEmpty() && listDelivery < 0; i++) {
      MailReport.Hop h = received.get(i);
      if (!ownHost(identity, ownDomains, h.from())
          && h.ips().stream()
              .anyMatch(
                  ip ->
                      !MailStix.internal(ip)
                          && !identity.identifies(
                              ip.contains(":") ? "ipv6-addr" : "ipv4-addr", ip))) {
        listDelivery = i;
      }
    }
    // a From forged at the victims' own domain keeps that domain out of ownDomains (its origin
    // could be the attacker's), but the newest hops written by servers under it are the
    // organisation's own receiving servers: their names and public addresses go (share35)
    int receivingRun = forgedOwnRun(r, received);
    java.util.Set<String> forgedOwn =
        receivingRun == 0 ? ownDomains : plus(ownDomains, fromDomain(r));
    for (int i = 0; i < received.size(); i++) {
      MailReport.Hop h = received.get(i);
      java.util.Set<String> hopDomains = i < receivingRun ? forgedOwn : ownDomains;
      // the oldest hop of that run is the one that came in from outside: its address is kept
      boolean ownServer = ownHost(identity, ownDomains, h.from());
      boolean receivingServer =
          !ownServer && i < receivingRun - 1 && ownHost(identity, forgedOwn, h.from());
      boolean listServer = i == listDelivery || inDomains(bare(h.from()), lists);
      List<String> ips = new ArrayList<>();
      for (String ip : h.ips()) {
        boolean origin = MailStix.ORIGIN.equals(roles.get(ip));
        if (MailStix.internal(ip)
            || identity.identifies(ip.contains(":") ? "ipv6-addr" : "ipv4-addr", ip)
            || ownServer
            || (receivingServer && !origin)) {
          removed.add("relay address " + ip);
        } else if (listServer && !origin) {
          removed.add("relay address of the mailing list " + ip);
        } else {
          ips.add(ip);
        }
      }
      hops.add(
          new MailReport.Hop(
              host(h.from(), identity, hopDomains, removed),
              host(h.by(), identity, hopDomains, removed),
              ips,
              h.at(),
              host(h.peer(), identity, hopDomains, removed)));
    }
    List<MailReport.Link> links = new ArrayList<>();
    List<String> internalHosts = new ArrayList<>();
    for (MailReport.Link l : r.links()) {
      if (ownSite(identity, l.url())) {
        removed.add("link to own site " + l.url());
        continue;
      }
      // a private address or a host name only the organisation's network resolves maps that
      // network as the relays' private addresses do, and as an indicator would match every
      // reader's own intranet (attack32)
      String linkHost = MailLinks.host(l.url());
      if (internalHost(linkHost)) {
        removed.add("link to an internal address " + l.url());
        internalHosts.add(linkHost);
        continue;
      }
      // a link elsewhere is the attacker's and worth sharing, but kits put the victim in it
      // (?e=taro%40bank.example, #dGFyby...): that part goes, the link stays
      String url = cutEnds(victimsOut(scrub(l.url(), identity), urlWords), nameParts);
      if (!url.equals(l.url())) {
        removed.add("recipient in a link " + l.url());
      }
      String text = l.text() == null ? null : shared(l.text(), named, nameParts, urlWords);
      if (text != null && !text.equals(l.text())) {
        removed.add("link text: " + l.text());
      }
      // where a link was found ("qr <attachment name>", an attachment's name): the name is
      // taken out as it is from the attachments
      String where = l.where() == null ? null : shared(l.where(), named, nameParts, urlWords);
      links.add(new MailReport.Link(url, text, where));
    }
    List<MailReport.Attachment> attachments = new ArrayList<>();
    for (MailReport.Attachment a : r.attachments()) {
      attachments.add(attachment(a, named, nameParts, removed));
    }
    String from = r.from();
    String fromName = r.fromName();
    if (from != null && r.listAddresses().contains(from) && r.recipients().contains(from)) {
      // a list that rewrote From to its own posting address (DMARC): no forgery of the
      // organisation's address; the poster is in Reply-To and the list goes as in To
      removed.add("sender (the mailing list's own address) " + from);
      from = null;
      fromName = null;
    } else if (from != null
        && (identifies(identity, ObservableType.EMAIL, from) || receivingRun > 0)) {
      // a forged own address: worth knowing, but it names the victim; also at the victims' domain
      // the directory does not list, when their own servers took the message in (share35)
      removed.add("sender (an address of the receiving organisation) " + from);
      from = null;
      fromName = null;
    } else if (fromName != null) {
      Redactor.Result n = named.redact(fromName);
      n.spans().forEach(x -> removed.add("sender name: " + x.original()));
      fromName = cutEnds(scrub(n.text(), named), nameParts);
    }
    // a Reply-To or Return-Path at the receiving organisation names it as the sender does
    List<String> replyTo = new ArrayList<>();
    for (String a : r.replyTo()) {
      if (identifies(identity, ObservableType.EMAIL, a)) {
        removed.add("reply-to (an address of the receiving organisation) " + a);
      } else {
        replyTo.add(a);
      }
    }
    // the mailto: mailboxes the analysis calls the attacker's, unless one is the receiving
    // organisation's own (a lure that links its victim's genuine helpdesk, attack41)
    List<String> contacts = new ArrayList<>();
    for (String a : r.contactAddresses()) {
      String domain = a.substring(a.lastIndexOf('@') + 1);
      if (identifies(identity, ObservableType.EMAIL, a) || inDomains(domain, ownDomains)) {
        removed.add("mailto: address (an address of the receiving organisation) " + a);
      } else {
        contacts.add(a);
      }
    }
    String returnPath = r.returnPath();
    if (returnPath != null && identifies(identity, ObservableType.EMAIL, returnPath)) {
      removed.add("return path (an address of the receiving organisation) " + returnPath);
      returnPath = null;
    }
    List<MailReport.Finding> findings = new ArrayList<>();
    for (MailReport.Finding f : r.findings()) {
      // both languages' evidence carry what the message held: each is redacted the same way
      findings.add(
          new MailReport.Finding(
              f.flag(),
              internalOut(shared(f.evidence(), named, nameParts, urlWords), internalHosts),
              f.evidenceJa() == null
                  ? null
                  : internalOut(
                      shared(f.evidenceJa(), named, nameParts, urlWords), internalHosts)));
    }
    // a From written malformed is shown as written: the same names and addresses go from it
    String fromWritten = r.fromWritten();
    if (fromWritten != null) {
      Redactor.Result w = named.redact(fromWritten);
      w.spans().forEach(x -> removed.add("sender name: " + x.original()));
      fromWritten = from == null ? null : cutEnds(scrub(w.text(), named), nameParts);
    }
    MailReport shared =
        new MailReport(
            subject,
            from,
            fromName,
            fromWritten,
            replyTo,
            returnPath,
            List.of(),
            r.date(),
            null,
            hops,
            r.authentication(),
            links,
            attachments,
            findings,
            r.score(),
            r.verdict(),
            List.of(),
            r.work(),
            List.of(), // the recipients' names are what the shared copy takes out
            List.of(), // the list's addresses: not the attacker's, kept out of a share
            List.of(), // the forwarded message's recipients: victims, taken out
            contacts); // the lure's mailto: mailboxes: the attacker's, kept
    // a relay host is named as one hop's receiver and the next one's sender: listed once
    return new Result(shared, List.copyOf(new java.util.LinkedHashSet<>(removed)));
  }

  /**
   * The recipients' display names as people to take out: quotes, commas and brackets read as spaces
   * ("Tanaka, Ichiro"); a name holding an address is the address (taken out as one); a word of
   * Latin letters shorter than three ("IT", "Li") is not taken alone, since a person's name is
   * matched anywhere, also inside other words, and a name with such a word is taken as its other
   * words.
   */
  static List<String> names(List<String> displayNames) {
    List<String> out = new ArrayList<>();
    for (String n : displayNames) {
      String clean = n.replaceAll("[\"'`,()<>\\[\\]]", " ").strip();
      if (clean.isEmpty() || clean.contains("@")) {
        continue;
      }
      String[] words = clean.split("\\s+");
      boolean whole = true;
      for (String w : words) {
        if (w.length() >= 3 || (w.length() == 2 && !w.chars().allMatch(c -> c < 0x80))) {
          out.add(w);
        } else {
          whole = false;
        }
      }
      if (whole && words.length > 1) {
        out.add(String.join(" ", words));
      }
    }
    return out;
  }

  /** Local parts of mailboxes that name a role or a team, not a person: never taken out alone. */
  static final java.util.Set<String> ROLE_MAILBOXES =
      java.util.Set.of(
          "info",
          "admin",
          "administrator",
          "root",
          "support",
          "contact",
          "sales",
          "office",
          "webmaster",
          "postmaster",
          "hostmaster",
          "abuse",
          "noreply",
          "no-reply",
          "security",
          "csirt",
          "cert",
          "soc",
          "helpdesk",
          "help",
          "service",
          "mail",
          "mailadmin",
          "system",
          "user",
          "users",
          "staff",
          "team",
          "manager",
          "customer",
          "billing",
          "account",
          "accounts",
          "finance",
          "legal",
          "marketing",
          "news",
          "press",
          "recruit",
          "jobs",
          "hr",
          "soumu",
          "somu",
          "jinji",
          "keiri",
          "kikaku",
          "koho",
          "kouhou",
          "eigyo",
          "eigyou",
          "saiyo",
          "saiyou",
          "toiawase",
          "otoiawase",
          "uketsuke",
          "daihyo",
          "daihyou",
          "joho",
          "jouhou",
          "johosys",
          "system-admin",
          "it",
          "ict",
          "isac",
          "ceptoar",
          "all",
          "everyone",
          // a subscriber's mailbox for lists (lists@..., a word of usrp-users_lists.ettus.com's
          // subscriber address): share34's measurement, 441 of 783 links changed in ham-list
          "list",
          "lists");

  /**
   * Domains whose addresses are a list's, a group's or a platform's, never a person's: GitHub
   * writes a notification to the repository ({@code cvcqv@noreply.github.com}), a group is
   * addressed at its host. A name under one of them counts as well.
   */
  static final java.util.Set<String> PLATFORM_RECIPIENT_DOMAINS =
      java.util.Set.of(
          "noreply.github.com",
          "reply.github.com",
          "googlegroups.com",
          "groups.io",
          "freelists.org",
          "lists.sourceforge.net",
          "lists.launchpad.net",
          "yahoogroups.com");

  /**
   * Whether a recipient's address is a mailing list's or a platform's, not a victim's: at a domain
   * of {@link #PLATFORM_RECIPIENT_DOMAINS} or at a host named {@code lists.} or {@code list.} (a
   * list server's). The message's own list headers do not count here: a lure can write any, and
   * would keep its victims' local parts by naming their domain as a list's.
   */
  static boolean listOrPlatform(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String domain = address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    return inDomains(domain, PLATFORM_RECIPIENT_DOMAINS)
        || domain.startsWith("lists.")
        || domain.startsWith("list.")
        || domain.contains(".lists.");
  }

  /**
   * The local parts of the message's victims that are taken out alone ({@link #localParts(List)}):
   * those of its recipients and forwarded recipients, not of a list's own address nor of a list's
   * or a platform's ({@link #listOrPlatform}).
   */
  static List<String> localParts(MailReport r) {
    return localParts(
        java.util.stream.Stream.concat(r.recipients().stream(), r.forwardedRecipients().stream())
            .filter(x -> !r.listAddresses().contains(x) && !listOrPlatform(x))
            .distinct()
            .toList());
  }

  /**
   * The local parts of the victims' addresses, lower case, that may name a person: each whole
   * ({@code t.suzuki}) and each of its words of four letters or more ({@code suzuki} of {@code
   * t.suzuki}, {@code yamada} of {@code taro_yamada}); a local part shorter than three characters
   * or naming a role ({@link #ROLE_MAILBOXES}) is left out, and so are its words of a role.
   */
  static List<String> localParts(List<String> addresses) {
    List<String> out = new ArrayList<>();
    for (String a : addresses) {
      int at = a.lastIndexOf('@');
      if (at < 0) {
        continue;
      }
      String local = a.substring(0, at).toLowerCase(java.util.Locale.ROOT);
      int plus = local.indexOf('+');
      if (plus > 0) {
        local = local.substring(0, plus);
      }
      if (local.length() < 3 || ROLE_MAILBOXES.contains(local)) {
        continue;
      }
      if (!out.contains(local)) {
        out.add(local);
      }
      for (String w : local.split("[._-]+")) {
        if (w.length() >= 4
            && !ROLE_MAILBOXES.contains(w)
            && !w.chars().allMatch(Character::isDigit)
            && !out.contains(w)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /**
   * The local parts as the words text loses ({@link Redactor#withPersonWords}): each, and a local
   * part of several words also written as one ({@code mathkichuu} of {@code math.kichuu}: "Olá,
   * Mathkichuu"), since a word is now matched only as a word.
   */
  static List<String> textWords(List<String> locals) {
    List<String> out = new ArrayList<>(locals);
    for (String l : locals) {
      String joined = l.replaceAll("[._-]+", "");
      if (joined.length() >= 4 && !joined.equals(l) && !out.contains(joined)) {
        out.add(joined);
      }
    }
    return out;
  }

  /** The victims' names and local parts as the words a link's token is compared with. */
  static java.util.Set<String> urlWords(List<String> people) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String p : people) {
      for (String w : p.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
        if (w.length() >= 3 || (w.length() == 2 && !w.chars().allMatch(c -> c < 0x80))) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /**
   * A link's scheme and authority, or its host alone when written without a scheme
   * (www.kit.example/...): the attacker's indicator, which stays whole.
   */
  private static final Pattern AUTHORITY =
      Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#]*");

  /** A piece of a link's path, query or fragment between its separators. */
  private static final Pattern URL_TOKEN = Pattern.compile("[^/?&=#;,:+\\s]+");

  /** Separators of the words inside a decoded piece (t.suzuki, Tanaka Ichiro, taro_yamada). */
  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s._+-]+");

  /**
   * The link with every piece of its path, query or fragment that is a victim's local part or name
   * (as written, percent-encoded, or base64) replaced by {@link #HIDDEN}: a piece is taken out
   * whole when it or one of its words is one of {@code words} ({@code ?u=tanaka}, {@code
   * ?user=t.suzuki}, {@code #tanaka}, {@code ?n=Tanaka%20Ichiro}, {@code ?n=%E7%94%B0%E4%B8%AD}).
   * The host is never cut: a piece inside a word ({@code /tanakaya/}) is left.
   */
  static String victimsOut(String url, java.util.Set<String> words) {
    if (url == null || words.isEmpty()) {
      return url;
    }
    Matcher a = AUTHORITY.matcher(url);
    int from = a.find() ? a.end() : 0;
    Matcher m = URL_TOKEN.matcher(url);
    m.region(from, url.length());
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (victimIn(m.group(), words)) {
        if (out == null) {
          out = new StringBuilder(url.length());
        }
        out.append(url, last, m.start()).append(HIDDEN);
        last = m.end();
      }
    }
    return out == null ? url : out.append(url, last, url.length()).toString();
  }

  private static boolean victimIn(String token, java.util.Set<String> words) {
    String once = percentDecoded(token);
    List<String> candidates = new ArrayList<>(List.of(token, once, percentDecoded(once)));
    for (String encoded : List.of(token, once)) {
      for (String decoded : java.util.Arrays.asList(base64Text(encoded), hexText(encoded))) {
        if (decoded != null) {
          candidates.addAll(List.of(decoded.split("\n")));
        }
      }
    }
    for (String c : candidates) {
      String lower = c.toLowerCase(java.util.Locale.ROOT).strip();
      if (words.contains(lower)) {
        return true;
      }
      for (String w : WORD_SEPARATORS.split(lower)) {
        if (words.contains(w) || nameWithTail(w, words)) {
          return true;
        }
      }
      // Japanese is written without spaces: a name inside the piece counts (田中一郎様)
      for (String w : words) {
        if (!w.chars().allMatch(ch -> ch < 0x80) && lower.contains(w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What a kit writes after a name inside one word: an honorific ({@code tanakasan}). */
  private static final Pattern HONORIFIC_TAIL =
      Pattern.compile("(?:san|sama|sensei|kun|chan|dono)?[0-9]*");

  /**
   * Whether a word of a link is a victim's Latin name or local part glued to others of them, to an
   * honorific or to digits, and to nothing else ({@code tanakasan}, {@code tanaka01}, {@code
   * ichirotanaka}, share35); not a name that begins another word ({@code tanakaya}, a shop).
   */
  static boolean nameWithTail(String word, java.util.Set<String> words) {
    if (word.length() < 5 || !ascii(word)) {
      return false;
    }
    for (String w : words) {
      if (w.length() >= 4 && ascii(w) && word.length() > w.length()) {
        int at = word.indexOf(w);
        if (at >= 0) {
          String before = word.substring(0, at);
          String after = word.substring(at + w.length());
          if ((before.isEmpty() || words.contains(before))
              && (HONORIFIC_TAIL.matcher(after).matches()
                  || words.contains(after)
                  || nameWithTail(after, words))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2}){4,}");

  /**
   * The text a piece of hexadecimal digits ({@code 74616e616b61}: tanaka) encodes, when it is
   * mostly printable UTF-8 with a letter in it; otherwise null. A number or a hash decodes to
   * unprintable bytes and stays.
   */
  static String hexText(String piece) {
    if (!HEX.matcher(piece).matches()) {
      return null;
    }
    byte[] b = new byte[piece.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(piece.substring(2 * i, 2 * i + 2), 16);
    }
    String t = new String(b, StandardCharsets.UTF_8);
    long printable = t.chars().filter(c -> c >= 0x20 && c != 0x7F && c != 0xFFFD).count();
    return printable == t.length() && t.chars().anyMatch(Character::isLetter) ? t : null;
  }

  /**
   * A text of the message as the share carries it: the organisation and the victims taken out
   * ({@link Redactor#redact}, {@link #scrub}), then what is left of a victim's name where the
   * analyser had cut the text ({@link #cutEnds}).
   */
  private static String shared(
      String text,
      Redactor named,
      java.util.Set<String> nameParts,
      java.util.Set<String> urlWords) {
    return cutEnds(linksOut(scrub(named.redact(text).text(), named), urlWords), nameParts);
  }

  /** A web address quoted in a text (a sign's evidence: "https://kit.example/satosan ≠ …"). */
  private static final Pattern QUOTED_URL = Pattern.compile("(?i)https?://[^\\s\"'<>\\[\\]]+");

  /**
   * {@code text} with each web address in it as a shared link is ({@link #victimsOut}): a link
   * quoted in the evidence loses the victim as the link itself does (share35).
   */
  static String linksOut(String text, java.util.Set<String> urlWords) {
    if (text == null || urlWords.isEmpty() || text.indexOf("://") < 0) {
      return text;
    }
    Matcher m = QUOTED_URL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start()).append(victimsOut(m.group(), urlWords));
      last = m.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /** The mark the analyser ends or starts a cut text with. */
  private static final char CUT = '\u2026';

  /**
   * The victims' names and local parts whose pieces {@link #cutEnds} looks for at a cut: each word
   * ({@link #urlWords}), and a name of several words also written without spaces (田中一郎).
   */
  static java.util.Set<String> nameParts(List<String> people) {
    java.util.Set<String> out = new java.util.HashSet<>(urlWords(people));
    for (String p : people) {
      String joined = p.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
      if (joined.length() >= 2 && !joined.equals(p.toLowerCase(java.util.Locale.ROOT))) {
        out.add(joined);
      }
    }
    return out;
  }

  /**
   * {@code text} with what is left of a victim's name at each cut ("…", where the analyser ended a
   * quote, a link or a name at a length) replaced by {@link #HIDDEN}: right after a cut, the
   * longest end of a name ({@code …中様} of 田中様, {@code …naka} of tanaka); right before one, the
   * longest start ({@code 田…}, {@code t.suz…}). A piece in Latin letters counts from three letters
   * and only as a whole word (…information is no end of a name); one in Japanese from one
   * character, since a family name is often two and a quote cuts it in half. The whole name was
   * already taken out where it stood whole. A cut made without the mark is not seen.
   */
  static String cutEnds(String text, java.util.Set<String> words) {
    if (text == null || words.isEmpty() || text.indexOf(CUT) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    for (int i = text.indexOf(CUT); i >= 0; i = text.indexOf(CUT, i + 1)) {
      int before = namePieceBefore(text, last, i, words);
      out.append(text, last, i - before);
      if (before > 0) {
        out.append(HIDDEN);
      }
      out.append(CUT);
      int after = namePieceAfter(text, i + 1, words);
      if (after > 0) {
        out.append(HIDDEN);
      }
      last = i + 1 + after;
    }
    return out.append(text, Math.min(last, text.length()), text.length()).toString();
  }

  /** The length of the longest start of a name that ends {@code text} at {@code end}. */
  private static int namePieceBefore(String text, int from, int end, java.util.Set<String> words) {
    int best = 0;
    for (String w : words) {
      for (int k = Math.min(w.length(), end - from); k > best; k--) {
        if (text.regionMatches(true, end - k, w, 0, k)
            && piece(w.substring(0, k))
            && (end - k == 0 || !asciiWordChar(text.charAt(end - k - 1)) || !ascii(w))) {
          best = k;
          break;
        }
      }
    }
    return best;
  }

  /** The length of the longest end of a name that starts {@code text} at {@code start}. */
  private static int namePieceAfter(String text, int start, java.util.Set<String> words) {
    int best = 0;
    for (String w : words) {
      for (int k = Math.min(w.length(), text.length() - start); k > best; k--) {
        if (text.regionMatches(true, start, w, w.length() - k, k)
            && piece(w.substring(w.length() - k))
            && (start + k == text.length()
                || !asciiWordChar(text.charAt(start + k))
                || !ascii(w))) {
          best = k;
          break;
        }
      }
    }
    return best;
  }

  /** Whether a piece of a name is long enough to name someone: Latin 3 letters, Japanese 1. */
  private static boolean piece(String p) {
    return ascii(p) ? p.replaceAll("[^A-Za-z0-9]", "").length() >= 3 : !p.isBlank();
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  private static boolean asciiWordChar(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  /** Whether a Received header's host name is one of the organisation's. */
  private static boolean ownHost(Redactor identity, java.util.Set<String> ownDomains, String host) {
    String h = bare(host);
    return h != null
        && !h.isEmpty()
        && (identifies(identity, ObservableType.DOMAIN, h) || inDomains(h, ownDomains));
  }

  /**
   * The registrable domains the victims were written to, as the organisation's own: its mail
   * servers on the way in (mx1.…, its Exchange hosts) are under them also where the directory does
   * not list the domain (share34: the receiving MX's public address went to every reader as a
   * relay). A free-mail domain is nobody's own, nor is a list's or a platform's; nor the sender's:
   * a lure Bcc'd to its victims is often addressed to the attacker's own mailbox, whose servers are
   * the origin, an indicator to keep (a forged From of the victims' own domain then leaves their
   * servers' public addresses as before).
   */
  static java.util.Set<String> ownDomains(MailReport r) {
    java.util.Set<String> attacker = new java.util.HashSet<>();
    if (r.from() != null && r.from().lastIndexOf('@') >= 0) {
      attacker.add(MailLinks.registrable(r.from().substring(r.from().lastIndexOf('@') + 1)));
    }
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.stream.Stream.concat(r.recipients().stream(), r.forwardedRecipients().stream())
        .filter(x -> !r.listAddresses().contains(x) && !listOrPlatform(x))
        .forEach(
            x -> {
              int at = x.lastIndexOf('@');
              String d = at < 0 ? null : MailLinks.registrable(x.substring(at + 1));
              if (d != null
                  && !d.isEmpty()
                  && !MailHosts.FREEMAIL.contains(d)
                  && !attacker.contains(d)) {
                out.add(d.toLowerCase(java.util.Locale.ROOT));
              }
            });
    return out;
  }

  /** The registrable domain of the message's From, or null. */
  private static String fromDomain(MailReport r) {
    int at = r.from() == null ? -1 : r.from().lastIndexOf('@');
    String d = at < 0 ? null : MailLinks.registrable(r.from().substring(at + 1));
    return d == null ? null : d.toLowerCase(java.util.Locale.ROOT);
  }

  private static java.util.Set<String> plus(java.util.Set<String> set, String one) {
    java.util.Set<String> out = new java.util.HashSet<>(set);
    out.add(one);
    return out;
  }

  /**
   * When the From is at a domain a victim was written to as well (a forged own address, which
   * {@link #ownDomains} leaves out), how many of the newest hops were written by a server under
   * that domain ({@code by mx1.victim.example}): the organisation's receiving servers; 0 otherwise.
   * A self-addressed Bcc lure's domain is the attacker's, and no hop the victims' servers wrote is
   * under it.
   */
  static int forgedOwnRun(MailReport r, List<MailReport.Hop> received) {
    String d = fromDomain(r);
    if (d == null || d.isEmpty() || MailHosts.FREEMAIL.contains(d)) {
      return 0;
    }
    boolean victimDomain =
        java.util.stream.Stream.concat(r.recipients().stream(), r.forwardedRecipients().stream())
            .filter(x -> !r.listAddresses().contains(x) && !listOrPlatform(x))
            .anyMatch(
                x ->
                    x.lastIndexOf('@') >= 0
                        && d.equalsIgnoreCase(
                            MailLinks.registrable(x.substring(x.lastIndexOf('@') + 1))));
    if (!victimDomain) {
      return 0;
    }
    int n = 0;
    while (n < received.size() && inDomains(bare(received.get(n).by()), java.util.Set.of(d))) {
      n++;
    }
    return n;
  }

  /** A Received header's host name as a bare lower-case name (brackets, parentheses out). */
  private static String bare(String host) {
    return host == null
        ? null
        : host.replaceAll("[\\[\\]()]", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** The registrable domains of a list's own addresses (lists.example.org of dev@lists...). */
  private static java.util.Set<String> listDomains(List<String> listAddresses) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String a : listAddresses) {
      int at = a.lastIndexOf('@');
      String d = at < 0 ? null : MailLinks.registrable(a.substring(at + 1));
      if (d != null && !d.isEmpty()) {
        out.add(d);
      }
    }
    return out;
  }

  private static boolean inDomains(String host, java.util.Set<String> domains) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
  }

  private static String host(
      String host, Redactor identity, java.util.Set<String> ownDomains, List<String> removed) {
    if (host == null) {
      return null;
    }
    String h = host.replaceAll("[\\[\\]()]", "").toLowerCase(java.util.Locale.ROOT);
    if (identifies(identity, ObservableType.DOMAIN, h) || inDomains(h, ownDomains)) {
      removed.add("relay host " + host);
      return "[receiving organisation]";
    }
    return host;
  }

  private static MailReport.Attachment attachment(
      MailReport.Attachment a,
      Redactor identity,
      java.util.Set<String> nameParts,
      List<String> removed) {
    Redactor.Result n = identity.redact(a.name());
    n.spans().forEach(x -> removed.add("attachment name: " + x.original()));
    String name = cutEnds(scrub(n.text(), identity), nameParts);
    List<MailReport.Attachment> members = new ArrayList<>();
    for (MailReport.Attachment m : a.members()) {
      members.add(attachment(m, identity, nameParts, removed));
    }
    return new MailReport.Attachment(
        name,
        a.declaredType(),
        a.detectedType(),
        a.size(),
        a.md5(),
        a.sha1(),
        a.sha256(),
        a.encrypted(),
        List.copyOf(members));
  }

  /** What replaces an encoded piece that names the receiving organisation. */
  static final String HIDDEN = "[redacted]";

  /** Pieces of text between the characters that separate a link's or a sentence's parts. */
  private static final Pattern PIECE = Pattern.compile("[^\\s/?&=#;,:\"'<>()\\[\\]|]{6,}");

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");

  /**
   * The text with every piece that names the receiving organisation only once decoded — percent-
   * encoded once or twice ({@code taro.yamada%40sakura-bank.example}, {@code %2540}) or in base64
   * ({@code dGFyby55YW1hZGFAc2FrdXJhLWJhbmsuZXhhbXBsZQ==}, standard or URL-safe) — replaced by
   * {@link #HIDDEN}; and what names it plainly replaced as {@link Redactor#redact} does. Phishing
   * kits carry the victim's address in their links this way, and real mail shows it.
   */
  static String scrub(String text, Redactor identity) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String plain = identity.redact(text).text();
    Matcher m = PIECE.matcher(plain);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String piece = m.group();
      if (namesIt(piece, identity)) {
        if (out == null) {
          out = new StringBuilder(plain.length());
        }
        out.append(plain, last, m.start()).append(HIDDEN);
        last = m.end();
      }
    }
    return out == null ? plain : out.append(plain, last, plain.length()).toString();
  }

  private static boolean namesIt(String piece, Redactor identity) {
    String once = percentDecoded(piece);
    String twice = percentDecoded(once);
    if (!once.equals(piece) && !identity.redact(once).spans().isEmpty()) {
      return true;
    }
    if (!twice.equals(once) && !identity.redact(twice).spans().isEmpty()) {
      return true;
    }
    for (String candidate : List.of(piece, once)) {
      for (String decoded : java.util.Arrays.asList(base64Text(candidate), hexText(candidate))) {
        if (decoded != null && !identity.redact(decoded).spans().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code %XX} escapes decoded as UTF-8 ({@code +} stays); malformed escapes stay as they are. */
  static String percentDecoded(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(byte c) {
    return Character.digit((char) c, 16);
  }

  /**
   * The text a base64 piece (standard or URL-safe alphabet, padding optional) encodes, when it is
   * mostly printable UTF-8; otherwise null. Each of the four alignments of a longer piece is tried,
   * so an address encoded inside a longer value is found.
   */
  static String base64Text(String piece) {
    Matcher m = BASE64.matcher(piece);
    if (!m.find()) {
      return null;
    }
    String b = m.group().replace('-', '+').replace('_', '/').replaceAll("=+$", "");
    StringBuilder all = new StringBuilder();
    for (int shift = 0; shift < 4 && shift < b.length(); shift++) {
      String part = b.substring(shift);
      // an unpadded last group of two or three characters still carries one or two bytes (the
      // end of "…@bank.example" when the padding was cut off at the '=' that ends a piece); only a
      // single character left over is no byte at all
      if (part.length() % 4 == 1) {
        part = part.substring(0, part.length() - 1);
      }
      if (part.length() < 8) {
        continue;
      }
      try {
        byte[] d = Base64.getDecoder().decode(part);
        String t = new String(d, StandardCharsets.UTF_8);
        long printable = t.chars().filter(c -> c >= 0x20 && c != 0xFFFD).count();
        if (printable * 10 >= t.length() * 9L) {
          all.append(t).append('\n');
        }
      } catch (IllegalArgumentException notBase64) {
        // the next alignment may be
      }
    }
    return all.length() == 0 ? null : all.toString();
  }

  /** What replaces an internal host in the evidence of a shared copy. */
  static final String INTERNAL = "[internal address]";

  /**
   * Names that resolve only inside a network: RFC 6762's local, RFC 8375's home.arpa, ICANN's
   * internal, and the suffixes networks have long used by habit (corp, lan, intranet ...).
   */
  private static final java.util.Set<String> INTERNAL_SUFFIXES =
      java.util.Set.of(
          "local",
          "localhost",
          "localdomain",
          "internal",
          "intranet",
          "corp",
          "lan",
          "home",
          "home.arpa",
          "private",
          "intra");

  /**
   * Whether a link's host is reached only inside a network: a private, loopback or link-local
   * address, a name without a dot, or a name under an internal suffix.
   */
  static boolean internalHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (MailDomains.internalIp(h) || MailDomains.internalIp("[" + h + "]")) {
      return true;
    }
    if (h.startsWith("[") || h.matches("[0-9.]+")) {
      return false;
    }
    h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    if (h.indexOf('.') < 0) {
      return true;
    }
    for (String suffix : INTERNAL_SUFFIXES) {
      if (h.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  private static String internalOut(String evidence, List<String> internalHosts) {
    String out = evidence;
    for (String h : internalHosts) {
      out = out.replace(h, INTERNAL);
    }
    return out;
  }

  /** A link to the receiving organisation's own site or addresses: not shared at all. */
  private static boolean ownSite(Redactor identity, String url) {
    String host = MailLinks.host(url);
    if (host == null) {
      return false;
    }
    return host.matches("[0-9.]+")
        ? identity.identifies("ipv4-addr", host)
        : identity.identifies("domain-name", host);
  }

  private static boolean identifies(Redactor identity, ObservableType type, String value) {
    try {
      return identity.identifies(type.code(), Observables.parse(type, value).value());
    } catch (InvalidObservable e) {
      return false;
    }
  }
}
