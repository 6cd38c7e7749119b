package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.host;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixPublisher;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.engine.stix.StixValues;
import jp.renkei.engine.stix.TlpMarkings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An analysed mail as a STIX 2.1 bundle: the {@code email-message} with its sender and recipient
 * {@code email-addr}s, the relays as {@code ipv4-addr}/{@code ipv6-addr} (each marked origin or
 * relay, {@link #hopRoles}), the lure's links as {@code url} and {@code domain-name} (a wrapper
 * that writes its target read to it, {@link MailLinkTargets}, {@value #WRAPPED_IN}), every
 * attachment (and archive member) as {@code file} with hashes, and — when the verdict is not clean
 * — an {@code indicator} for the sender, each link host and each flagged attachment's SHA-256. SCO
 * ids are the spec's deterministic ones. A known brand's, platform's, tracker's or the delivering
 * list's own host is neither object nor indicator (a partner blocking what we share would block
 * PayPal, share38): the note lists them ({@value #LEFT_OUT}), and the brand the mail claims is an
 * {@code identity} ({@value #BRAND_ROLE}). A name that is no public host (example.com, localhost,
 * an unfilled template's {@code http://URL}, {@link MailSharedHosts#reserved}) is neither, and the
 * note lists it too (share39).
 */
public final class MailStix {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MailStix() {}

  /**
   * @param recipients whether to include the recipients (false for a shared copy: they identify the
   *     receiving organisation)
   */
  public static ObjectNode bundle(MailReport r, Tlp tlp, Instant now, boolean recipients) {
    Objects o = new Objects(tlp);
    ObjectNode msg = JSON.createObjectNode();
    msg.put("type", "email-message");
    msg.put("spec_version", "2.1");
    msg.put("id", "email-message--" + UUID.randomUUID());
    msg.put("is_multipart", !r.attachments().isEmpty());
    if (r.date() != null) {
      msg.put("date", StixTime.format(r.date()));
    }
    if (r.subject() != null) {
      msg.put("subject", r.subject());
    }
    if (r.messageId() != null) {
      msg.put("message_id", r.messageId());
    }
    // a sender or recipient that is not an address (only a display name, a broken header) has no
    // email-addr: STIX requires the bare address; the note keeps what the header said
    String from = StixValues.emailAddress(r.from());
    if (from != null) {
      msg.put("from_ref", o.sco("email-addr", from, r.fromName()));
    }
    List<String> to =
        recipients
            ? r.recipients().stream().map(StixValues::emailAddress).filter(x -> x != null).toList()
            : List.of();
    if (!to.isEmpty()) {
      ArrayNode refs = msg.putArray("to_refs");
      to.forEach(x -> refs.add(o.sco("email-addr", x, null)));
    }
    // each relay address says what it is: the origin on record, or a server that passed the
    // message on (the recipient's side, a mailing list, a forwarder), which a recipient must not
    // take for the sender's (ux29: a list server's address sat beside the attacker's)
    Map<String, String> roles = hopRoles(r.received());
    for (MailReport.Hop h : r.received()) {
      for (String ip : h.ips()) {
        // a shared copy leaves out private and local addresses: they map someone's network
        if (recipients || !internal(ip)) {
          o.sco(ip.contains(":") ? "ipv6-addr" : "ipv4-addr", ip, null, roles.get(ip));
        }
      }
    }
    Map<String, String> linkHosts = new LinkedHashMap<>();
    java.util.Set<String> pages = new java.util.LinkedHashSet<>();
    java.util.Set<String> claimed = claimedHosts(r.links());
    // the hosts of known brands, platforms and the delivering list the links name: told in the
    // note, never objects a partner would block (share38: a lure's copied paypal.com footer)
    Map<String, MailSharedHosts.Kind> leftOut = new java.util.TreeMap<>();
    java.util.Set<String> opaque = new java.util.LinkedHashSet<>();
    for (MailReport.Link l : r.links()) {
      // a URL the message only shows as the face of a link to elsewhere (its plain-text
      // alternative writes the shown text out) is the lure's claim, not where anyone is sent: it is
      // in the LINK_TEXT_MISMATCH evidence, never an object a receiver may take for the attacker's
      // (attackshare33: portal.office.com shown, the kit's host behind it)
      if (PLAIN_TEXT.equals(l.where()) && claimed.contains(hostOf(l.url()))) {
        continue;
      }
      // a link that is not a URL ({UNSUB}, a bare host name) has no url object
      String uri = StixValues.uri(l.url());
      // a wrapper that writes its target (awstrack.me/L0/…, Safe Links, google.com/url?q=) is a
      // service's; the target is where the lure sends its reader (share38)
      String target = MailLinkTargets.target(uri != null ? uri : l.url());
      String targetUri = target == null ? null : StixValues.uri(target);
      if (targetUri != null) {
        String via = MailLinkTargets.wrapper(uri != null ? uri : l.url());
        if (via != null) {
          leftOut.putIfAbsent(via, MailSharedHosts.Kind.PLATFORM);
        }
        link(o, r, targetUri, target, via, linkHosts, pages, leftOut, opaque);
      } else {
        link(o, r, uri, l.url(), null, linkHosts, pages, leftOut, opaque);
      }
    }
    for (MailReport.Attachment a : r.attachments()) {
      o.file(a);
    }
    // the free-mail or look-alike mailbox a lure's mailto: links write to (ux40)
    List<String> contacts =
        r.contactAddresses().stream()
            .map(StixValues::emailAddress)
            .filter(x -> x != null && !x.equals(from))
            .toList();
    contacts.forEach(x -> o.sco("email-addr", x, null));
    msg.putArray("object_marking_refs").add(o.marking);
    o.objects.insert(0, msg);
    List<String> brands = List.of();
    List<String> identities = new java.util.ArrayList<>();
    if (r.verdict() != MailReport.Verdict.CLEAN) {
      java.util.Set<String> brandHosts = new java.util.LinkedHashSet<>();
      leftOut.forEach(
          (h, k) -> {
            if (k == MailSharedHosts.Kind.BRAND) {
              brandHosts.add(h);
            }
          });
      // the brand a lure claims is who it targets, as an identity, never an indicator (share38)
      brands = MailSharedHosts.claimedBrands(r, brandHosts);
      brands.forEach(b -> identities.add(o.brand(b, now)));
    }
    if (!r.findings().isEmpty()) {
      ObjectNode note = note(r, msg.get("id").asString(), o.marking, now);
      String line = leftOutLine(brands, leftOut, opaque);
      if (!line.isEmpty()) {
        note.put("content", (note.path("content").asString() + "\n" + line).strip());
      }
      if (!leftOut.isEmpty()) {
        ArrayNode hosts = note.putArray(LEFT_OUT);
        leftOut.keySet().forEach(hosts::add);
      }
      identities.forEach(id -> ((ArrayNode) note.get("object_refs")).add(id));
      o.objects.add(note);
    }
    if (r.verdict() != MailReport.Verdict.CLEAN) {
      String why =
          "標的型メールの疑い / suspected targeted mail: "
              + r.verdict().name().toLowerCase(Locale.ROOT)
              + " ("
              + String.join(
                  ", ", r.findings().stream().map(f -> f.flag().name()).distinct().toList())
              + ")";
      if (from != null
          && !wellKnownSender(from)
          && !forgedFrom(r, from)
          && !platformSender(r, from)) {
        o.indicator("[email-addr:value = '" + quote(from) + "']", "sender " + from, why, now);
      }
      for (String contact : contacts) {
        o.indicator("[email-addr:value = '" + quote(contact) + "']", "mailto " + contact, why, now);
      }
      for (String host : linkHosts.keySet()) {
        // a newsletter tracker or a shortener carries everyone's links: an indicator on it would
        // match all its traffic (the link itself stays in the bundle as a url object); a known
        // brand's own host is the lure's decoy or the brand's abused service, and as an indicator
        // it would have every receiver block the brand (attackshare33)
        if (!MailHosts.hostIn(host, MailHosts.TRACKERS)
            && !MailHosts.hostIn(host, MailHosts.SHORTENERS)
            && !wellKnown(host)
            && !serviceHost(host)) {
          o.indicator("[domain-name:value = '" + quote(host) + "']", "link host " + host, why, now);
        }
      }
      // the lure's own page on such a service (sites.google.com/view/..., a published form) is
      // worth blocking, the service is not: the page's address is the indicator (share34)
      for (String page : pages) {
        o.indicator("[url:value = '" + quote(page) + "']", "page " + page, why, now);
      }
      for (MailReport.Finding f : r.findings()) {
        for (MailReport.Attachment a : r.attachments()) {
          if (f.evidence().contains(a.name().replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", ""))
              || f.evidence().contains(a.name())) {
            o.indicator(
                "[file:hashes.'SHA-256' = '" + a.sha256() + "']",
                "attachment " + a.name(),
                why,
                now);
          }
        }
      }
    }
    ObjectNode b = JSON.createObjectNode();
    b.put("type", "bundle");
    b.put("id", "bundle--" + UUID.randomUUID());
    b.set("objects", o.objects);
    return b;
  }

  /**
   * One link's objects: its {@code url} and {@code domain-name} when its host is the lure's own or
   * unknown; only the {@code url} of a lure's page on a service ({@link #servicePage}); nothing for
   * a known brand's, platform's, tracker's or the delivering list's page, whose host goes to {@code
   * leftOut} (a tracker's or shortener's link whose target cannot be read to {@code opaque}, for
   * the note). {@code via}: the wrapper's domain, when {@code uri} was read out of one.
   */
  private static void link(
      Objects o,
      MailReport r,
      String uri,
      String raw,
      String via,
      Map<String, String> linkHosts,
      java.util.Set<String> pages,
      Map<String, MailSharedHosts.Kind> leftOut,
      java.util.Set<String> opaque) {
    String rawHost = MailLinks.host(uri != null ? uri : raw);
    String host = StixValues.hostName(rawHost);
    if (MailSharedHosts.reserved(host != null ? host : rawHost)) {
      // a documentation, local or unfilled template's name is nobody's host to block (share39)
      leftOut.putIfAbsent(host != null ? host : rawHost, MailSharedHosts.Kind.RESERVED);
      return;
    }
    String page = uri == null ? null : servicePage(uri);
    MailSharedHosts.Kind known = host == null ? null : MailSharedHosts.known(host, r);
    if (page != null) {
      pages.add(page);
      o.url(uri, via);
      return;
    }
    if (known != null) {
      leftOut.putIfAbsent(host, known);
      if (uri != null && via == null && MailSharedHosts.redirector(host)) {
        // a tracker's or shortener's link that hides its target: the lure's own way there, told
        // in the note's words for the analysts, no object a partner would block the service by
        opaque.add(uri);
      }
      return;
    }
    if (uri != null) {
      o.url(uri, via);
    }
    if (host != null && !host.matches("[\\d.]+")) {
      linkHosts.put(host, o.sco("domain-name", host, null));
    }
  }

  /**
   * The custom property of a {@code url} read out of a wrapper that wrote it ({@code
   * awstrack.me/L0/…}, Safe Links): the wrapping service's domain (share38); every wrapper's, in
   * the order the mail uses them and separated by ", ", when several wrap the same target
   * (share39).
   */
  public static final String WRAPPED_IN = "x_renkei_wrapped_in";

  /**
   * The custom property of the note listing the link hosts left out of the objects: known brands'
   * own, platforms' and trackers', the delivering list's, and the names that are no public host
   * ({@link MailSharedHosts#reserved}: example.com, localhost, a template's {@code http://URL}).
   */
  public static final String LEFT_OUT = "x_renkei_left_out";

  /** The role of a brand's {@code identity} the mail claims or links to. */
  public static final String BRAND_ROLE = "claimed-brand";

  /**
   * The note's line on the brands the mail claims and the hosts left out of the objects, in
   * Japanese and English; empty when there are none.
   */
  static String leftOutLine(
      List<String> brands,
      Map<String, MailSharedHosts.Kind> leftOut,
      java.util.Set<String> opaque) {
    StringBuilder b = new StringBuilder();
    if (!brands.isEmpty()) {
      String names = String.join(", ", brands);
      b.append("BRAND: メールが名乗る・リンクするブランド ")
          .append(names)
          .append(" (標的の ID として記載。指標ではありません) / brand the mail claims or links to: ")
          .append(names)
          .append(" (an identity it targets, not an indicator)\n");
    }
    List<String> known = hostsOf(leftOut, false);
    if (!known.isEmpty()) {
      String hosts = String.join(", ", known);
      b.append("LEFT OUT: 既知のブランド・サービス・配信リストのホストは観測対象に含めません ")
          .append(hosts)
          .append(" / known brands', services' and the delivering list's hosts are not shared as")
          .append(" observables: ")
          .append(hosts)
          .append('\n');
    }
    List<String> reserved = hostsOf(leftOut, true);
    if (!reserved.isEmpty()) {
      String hosts = String.join(", ", reserved);
      b.append("RESERVED: 例示用・ローカル・未記入のテンプレートのホストは観測対象にも指標にもしません ")
          .append(hosts)
          .append(" / documentation, local and unfilled template hosts are neither observables nor")
          .append(" indicators: ")
          .append(hosts)
          .append('\n');
    }
    if (!opaque.isEmpty()) {
      List<String> first = opaque.stream().limit(OPAQUE_TOLD).toList();
      String more =
          opaque.size() > first.size() ? " (+" + (opaque.size() - first.size()) + ")" : "";
      b.append("REDIRECTS: 行き先を明かさない転送リンク (観測対象にしません) / links through a tracker or")
          .append(" shortener that hide their target (not observables): ")
          .append(String.join(" ", first))
          .append(more)
          .append('\n');
    }
    return b.toString().strip();
  }

  /** The hosts left out that are {@link MailSharedHosts.Kind#RESERVED} names, or the others. */
  private static List<String> hostsOf(Map<String, MailSharedHosts.Kind> leftOut, boolean reserved) {
    return leftOut.entrySet().stream()
        .filter(e -> (e.getValue() == MailSharedHosts.Kind.RESERVED) == reserved)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** How many of the hidden-target redirect links the note writes out. */
  static final int OPAQUE_TOLD = 10;

  /**
   * Whether a sender's address is at a platform's or the delivering list's own domain (a sending
   * service's bounce address, a list's posting address), a government's or a name that is no public
   * host (support@example.com, {@link MailSharedHosts#known}): an indicator on it would block the
   * service or the agency, or name nobody. A free-mail address is the attacker's own account and
   * keeps its indicator.
   */
  static boolean platformSender(MailReport r, String address) {
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    // a government's mailbox that sends a lure is a taken-over account (a student's of a state's
    // schools), kept like a free-mail one; a forged agency's address fails DMARC (forgedFrom)
    return !domain.isEmpty()
        && !MailHosts.FREEMAIL.contains(MailLinks.registrable(domain))
        && !MailSharedHosts.government(domain)
        && MailSharedHosts.known(domain, r) != null;
  }

  /** Where the analyser records a link written out in a plain text. */
  private static final String PLAIN_TEXT = "text";

  /**
   * The hosts a link's visible text shows while the link leads to another registrable domain
   * ({@code <a href="https://kit.example/">https://portal.office.com</a>}): what the lure claims to
   * be. A link rewritten by a mail gateway leads where its text says and claims nothing.
   */
  static java.util.Set<String> claimedHosts(List<MailReport.Link> links) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (MailReport.Link l : links) {
      String shown = l.text() == null ? null : MailLinks.shownHost(l.text());
      String target = hostOf(l.url());
      String shownDomain = shown == null ? null : MailLinks.registrable(shown);
      if (shownDomain != null
          && target != null
          && !MailRedirects.mailGateway(target)
          && !shownDomain.equals(MailLinks.registrable(target))) {
        out.add(shown);
      }
    }
    return out;
  }

  private static String hostOf(String url) {
    String h = MailLinks.host(url);
    return h == null ? null : h.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a host is a known brand's own ({@link MailBrands#BRANDS}, as the analyser reads a
   * brand's domains): no indicator is made on it.
   */
  static boolean wellKnown(String host) {
    return MailBrands.BRANDS.stream().anyMatch(b -> MailBrands.ownedBy(b, host));
  }

  /**
   * Whether a host is itself a service anyone can put a page or a form on ({@link
   * MailHosts#ABUSED_HOSTING}: {@code forms.gle}, {@code jotform.com}, {@code linktr.ee}), not a
   * name its users get under it ({@code kit.web.app}, which stays a domain indicator): an indicator
   * on it would block every page of the service.
   */
  static boolean serviceHost(String host) {
    String h = host.startsWith("www.") ? host.substring(4) : host;
    return MailHosts.ABUSED_HOSTING.contains(h);
  }

  /** A form on a form service of a brand (the page a lure asks to fill in). */
  private static final java.util.regex.Pattern BRAND_FORM =
      java.util.regex.Pattern.compile(
          "(?i)https?://(?:docs\\.google\\.com/forms/|forms\\.office\\.com/|forms\\.microsoft\\.com/)");

  /**
   * The page a link leads to on a service anyone can put a page on, where the host gets no
   * indicator ({@link #wellKnown} or {@link #serviceHost}): the link's scheme, host and path,
   * without its query and fragment (a kit's ?u= or #victim, which a shared copy took out, and which
   * a proxy log does not keep); null when the link is no such page, its path is empty, or the path
   * itself held what the share took out ({@code [redacted]}: no log would ever show it).
   */
  static String servicePage(String uri) {
    String host = hostOf(uri);
    if (host == null) {
      return null;
    }
    // a messaging service's contact link: its path is the attacker's number or channel (share39)
    boolean contact = MailSharedHosts.CONTACT_LINK_HOSTS.contains(host);
    if (!contact && !(wellKnown(host) || serviceHost(host))) {
      return null;
    }
    if (!contact
        && !(MailHosts.hostIn(host, MailHosts.ABUSED_HOSTING)
            || MailHosts.publishedDocument(uri)
            || MailHosts.sharedFile(uri)
            || BRAND_FORM.matcher(uri).lookingAt())) {
      return null;
    }
    int scheme = uri.indexOf("://");
    int path = scheme < 0 ? -1 : indexOfAny(uri, "/?#", scheme + 3);
    if (path < 0 || uri.charAt(path) != '/') {
      return null;
    }
    int end = indexOfAny(uri, "?#", path);
    String page = end < 0 ? uri : uri.substring(0, end);
    String p = page.substring(path);
    if (p.replace("/", "").isEmpty()
        || page.indexOf('[') >= 0
        || page.toLowerCase(Locale.ROOT).contains("%5bredacted%5d")) {
      return null;
    }
    return normal("url", page);
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the receiving side found the From forged: DMARC failed, so the From domain's owner
   * published a policy this mail broke, and the address is the owner's, not the attacker's (a
   * member organisation's or a bank's own address written into a lure). As an indicator it would
   * have receivers block the owner's real mail (ux35); the address stays in the bundle as what the
   * message claimed. A free-mail address is the attacker's own account wherever it was sent from,
   * and keeps its indicator.
   */
  static boolean forgedFrom(MailReport r, String address) {
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    return r.authentication() != null
        && "fail".equalsIgnoreCase(r.authentication().dmarc())
        && !MailHosts.FREEMAIL.contains(MailLinks.registrable(domain));
  }

  /**
   * Whether a sender's address is at a known brand's own domain that is no free-mail service: a
   * forged From of the brand (no-reply@microsoft.com), whose indicator would block the brand's real
   * mail. A free-mail address is the attacker's own account and keeps its indicator.
   */
  static boolean wellKnownSender(String address) {
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    return !domain.isEmpty()
        && !MailHosts.FREEMAIL.contains(MailLinks.registrable(domain))
        && wellKnown(domain);
  }

  /**
   * The red flags as a STIX note on the message: each sign's code, its explanation in Japanese and
   * English (in the text and, per finding, in {@code x_renkei_findings}), and what triggered it —
   * so that a receiver of the share sees the reasons, not only the verdict.
   */
  static ObjectNode note(MailReport r, String messageId, String marking, Instant now) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "note");
    n.put("spec_version", "2.1");
    n.put("id", "note--" + UUID.randomUUID());
    n.put("created", StixTime.format(now));
    n.put("modified", StixTime.format(now));
    n.put(
        "abstract",
        "標的型メールの兆候 / red flags: "
            + r.verdict().name().toLowerCase(Locale.ROOT)
            + ", score "
            + r.score());
    StringBuilder content = new StringBuilder();
    ArrayNode codes = n.putArray("x_renkei_findings");
    for (MailReport.Finding f : r.findings()) {
      content
          .append(f.flag().name())
          .append(": ")
          .append(f.flag().ja())
          .append(" / ")
          .append(f.flag().en())
          .append(" [")
          .append(f.evidence())
          .append("]\n");
      ObjectNode c = codes.addObject();
      c.put("flag", f.flag().name());
      // the explanation travels with the code, so a hub that does not know a newer sign still
      // tells its readers what it means
      c.put("explanation_ja", f.flag().ja());
      c.put("explanation_en", f.flag().en());
      c.put("evidence", f.evidence());
      if (f.evidenceJa() != null && !f.evidenceJa().equals(f.evidence())) {
        c.put("evidence_ja", f.evidenceJa());
      }
    }
    content.append(hopLine(r.received()));
    n.put("content", content.toString().strip());
    n.putArray("object_refs").add(messageId);
    n.putArray("object_marking_refs").add(marking);
    return n;
  }

  /**
   * The custom property of an {@code ipv4-addr}/{@code ipv6-addr} taken from the Received headers:
   * {@value #ORIGIN} or {@value #RELAY} (see {@link #hopRoles}).
   */
  public static final String HOP_ROLE = "x_renkei_mail_hop";

  /** The address of the earliest server on record: where the message came from. */
  public static final String ORIGIN = "origin";

  /**
   * The address of a server that took the message from another one on record and passed it on: the
   * recipient's side, a mailing list, a forwarder, a mail service's outbound relay.
   */
  public static final String RELAY = "relay";

  /**
   * What each public address of the Received chain (newest first) is. Each header records the
   * server that handed the message over ({@code from}, with its address) to the one that wrote it;
   * a server whose hand-over is not the earliest on record had itself taken the message from the
   * server below it, so it is a relay: the recipient's own servers, a mailing list that sent the
   * poster's message to its members, a forwarder. The earliest header that names a public address
   * gives the origin. Headers below the recipient's first server are written by the servers before
   * it, and a sender can write false ones: the origin is as the chain says it, the relays are kept
   * in the bundle, and none of them becomes an indicator (docs/taxii.md, "Mail shared as STIX").
   */
  static Map<String, String> hopRoles(List<MailReport.Hop> hops) {
    Map<String, String> roles = new LinkedHashMap<>();
    int origin = -1;
    for (int i = hops.size() - 1; i >= 0 && origin < 0; i--) {
      if (hops.get(i).ips().stream().anyMatch(ip -> !internal(ip))) {
        origin = i;
      }
    }
    if (origin < 0) {
      return roles;
    }
    for (String ip : hops.get(origin).ips()) {
      if (!internal(ip)) {
        roles.put(ip, ORIGIN);
      }
    }
    for (int i = 0; i < origin; i++) {
      for (String ip : hops.get(i).ips()) {
        if (!internal(ip)) {
          roles.putIfAbsent(ip, RELAY);
        }
      }
    }
    return roles;
  }

  /**
   * The note's line on the relay addresses, in Japanese and English: which one is the origin on
   * record and which passed the message on. Empty when the chain names no public address.
   */
  static String hopLine(List<MailReport.Hop> hops) {
    Map<String, String> roles = hopRoles(hops);
    List<String> origin =
        roles.entrySet().stream()
            .filter(e -> e.getValue().equals(ORIGIN))
            .map(Map.Entry::getKey)
            .toList();
    List<String> relays =
        roles.entrySet().stream()
            .filter(e -> e.getValue().equals(RELAY))
            .map(Map.Entry::getKey)
            .toList();
    if (origin.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("RECEIVED: 送信元 (記録上最も古い中継) ");
    b.append(String.join(", ", origin));
    if (!relays.isEmpty()) {
      b.append("、受け取って転送したサーバー (受信側・メーリングリスト・転送) ").append(String.join(", ", relays));
    }
    b.append(" / origin (the earliest server on record) ").append(String.join(", ", origin));
    if (!relays.isEmpty()) {
      b.append("; servers that passed the message on (the recipient's side, a mailing list, a")
          .append(" forwarder) ")
          .append(String.join(", ", relays));
    }
    b.append(
        ". 中継のアドレスから指標は作りません。送信元の記録は送信者が偽れます / No indicator is made"
            + " from a relay address; the origin's header can be forged by the sender.\n");
    return b.toString();
  }

  /** Private, loopback, link-local and shared (CGNAT) addresses. */
  static boolean internal(String ip) {
    try {
      // validated as a literal first, so the lookup below never asks DNS
      Observables.parse(ip.contains(":") ? ObservableType.IPV6 : ObservableType.IPV4, ip);
      java.net.InetAddress a = java.net.InetAddress.getByName(ip);
      if (a.isSiteLocalAddress()
          || a.isLoopbackAddress()
          || a.isLinkLocalAddress()
          || a.isAnyLocalAddress()) {
        return true;
      }
      byte[] b = a.getAddress();
      return (b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64)
          || (b.length == 16 && (b[0] & 0xFE) == 0xFC);
    } catch (InvalidObservable | java.net.UnknownHostException e) {
      return true;
    }
  }

  private static String quote(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }

  private static final class Objects {
    final String marking;
    final ArrayNode objects = JSON.createArrayNode();
    final java.util.Set<String> ids = new java.util.HashSet<>();
    final Map<String, ObjectNode> urls = new java.util.HashMap<>();

    Objects(Tlp tlp) {
      marking = TlpMarkings.idOf(tlp);
    }

    String sco(String type, String value, String displayName) {
      return sco(type, value, displayName, null);
    }

    /** An SCO, once; {@code hopRole} (a relay address's role, or null) as {@value #HOP_ROLE}. */
    String sco(String type, String value, String displayName, String hopRole) {
      String normal = normal(type, value);
      ObjectNode contributing = JSON.createObjectNode().put("value", normal);
      String id =
          type + "--" + StixPublisher.uuid5(StixPublisher.SCO_NAMESPACE, contributing.toString());
      if (ids.add(id)) {
        ObjectNode s = objects.addObject();
        s.put("type", type);
        s.put("spec_version", "2.1");
        s.put("id", id);
        s.put("value", normal);
        if (displayName != null && !displayName.isBlank()) {
          s.put("display_name", displayName);
        }
        if (hopRole != null) {
          s.put(HOP_ROLE, hopRole);
        }
        s.putArray("object_marking_refs").add(marking);
      }
      return id;
    }

    /**
     * An {@code identity} of a brand the mail claims, once, its id the same for the same name in
     * every bundle (a receiver sees one PayPal across shares).
     */
    String brand(String name, Instant now) {
      String id =
          "identity--"
              + StixPublisher.uuid5(
                  StixPublisher.SCO_NAMESPACE,
                  "renkei-mail-brand:" + name.toLowerCase(Locale.ROOT));
      if (ids.add(id)) {
        ObjectNode s = objects.addObject();
        s.put("type", "identity");
        s.put("spec_version", "2.1");
        s.put("id", id);
        s.put("created", StixTime.format(now));
        s.put("modified", StixTime.format(now));
        s.put("name", name);
        s.put("identity_class", "organization");
        s.put(
            "description",
            "メールが名乗る・リンクするブランド (なりすましの対象。指標ではありません) / a brand the mail claims or"
                + " links to (the impersonated party, not an indicator)");
        s.putArray("roles").add(BRAND_ROLE);
        s.putArray("object_marking_refs").add(marking);
      }
      return id;
    }

    /**
     * A url object; {@code via} (a wrapper's domain it was read out of) as {@value #WRAPPED_IN}.
     */
    void url(String uri, String via) {
      String normal = normal("url", uri);
      ObjectNode contributing = JSON.createObjectNode().put("value", normal);
      String id =
          "url--" + StixPublisher.uuid5(StixPublisher.SCO_NAMESPACE, contributing.toString());
      ObjectNode seen = urls.get(id);
      if (seen != null) {
        // the same target behind another wrapper (Safe Links and awstrack.me): one object that
        // names every wrapper (share39)
        if (via != null) {
          String was = seen.path(WRAPPED_IN).asString("");
          if (was.isEmpty()) {
            seen.put(WRAPPED_IN, via);
          } else if (!java.util.Arrays.asList(was.split(", ")).contains(via)) {
            seen.put(WRAPPED_IN, was + ", " + via);
          }
        }
        return;
      }
      if (ids.add(id)) {
        ObjectNode s = objects.addObject();
        urls.put(id, s);
        s.put("type", "url");
        s.put("spec_version", "2.1");
        s.put("id", id);
        s.put("value", normal);
        if (via != null) {
          s.put(WRAPPED_IN, via);
        }
        s.putArray("object_marking_refs").add(marking);
      }
    }

    String file(MailReport.Attachment a) {
      ObjectNode contributing = JSON.createObjectNode();
      contributing.putObject("hashes").put("SHA-256", a.sha256());
      contributing.put("name", a.name());
      String id =
          "file--" + StixPublisher.uuid5(StixPublisher.SCO_NAMESPACE, contributing.toString());
      if (ids.add(id)) {
        ObjectNode f = objects.addObject();
        f.put("type", "file");
        f.put("spec_version", "2.1");
        f.put("id", id);
        f.putObject("hashes").put("MD5", a.md5()).put("SHA-1", a.sha1()).put("SHA-256", a.sha256());
        f.put("size", a.size());
        f.put("name", a.name());
        if (a.declaredType() != null
            && a.declaredType()
                .matches(
                    "^(application|audio|font|image|message|model|multipart|text|video)/[a-zA-Z0-9.+_-]+$")) {
          f.put("mime_type", a.declaredType());
        }
        if (!a.members().isEmpty()) {
          ArrayNode contains = f.putArray("contains_refs");
          for (MailReport.Attachment m : a.members()) {
            contains.add(file(m));
          }
        }
        f.putArray("object_marking_refs").add(marking);
      }
      return id;
    }

    final java.util.Set<String> patterns = new java.util.HashSet<>();

    /** An indicator of a pattern, once (two findings may name the same attachment). */
    void indicator(String pattern, String name, String description, Instant now) {
      if (!patterns.add(pattern)) {
        return;
      }
      ObjectNode i = objects.addObject();
      i.put("type", "indicator");
      i.put("spec_version", "2.1");
      i.put("id", "indicator--" + UUID.randomUUID());
      i.put("created", StixTime.format(now));
      i.put("modified", StixTime.format(now));
      i.put("name", name);
      i.put("description", description);
      i.putArray("indicator_types").add("malicious-activity");
      i.put("pattern_type", "stix");
      i.put("pattern", pattern);
      i.put("valid_from", StixTime.format(now));
      i.putArray("object_marking_refs").add(marking);
    }
  }

  private static String normal(String type, String value) {
    ObservableType t =
        switch (type) {
          case "email-addr" -> ObservableType.EMAIL;
          case "domain-name" -> ObservableType.DOMAIN;
          case "ipv4-addr" -> ObservableType.IPV4;
          case "ipv6-addr" -> ObservableType.IPV6;
          default -> ObservableType.URL;
        };
    try {
      return Observables.parse(t, value).value();
    } catch (InvalidObservable e) {
      return value;
    }
  }
}
