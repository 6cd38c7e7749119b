package jp.renkei.server.mail;

import java.util.List;
import java.util.Locale;
import jp.renkei.engine.correlate.Domains;
import jp.renkei.engine.mail.MailReport;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Says in words what a finding's evidence written with "≈" or "≠" means. Look-alike domains: which
 * real domain or name the sender's or link's domain imitates, and how (the real domain at the start
 * of another, one letter changed, the same name under another ending, punycode ...); a brand
 * claimed by a sender whose domain is not the brand's; a login link to a domain unrelated to the
 * sender. In full, for a look-alike finding's evidence ({@code "https://… ≈ example.net"}) means:
 * which real domain or name the sender's or link's domain imitates, and how (the real domain at the
 * start of another, one letter changed, the same name under another ending, punycode ...). A new
 * analyst did not read "≈" (ux35's review). A link whose text shows another address ("shown →
 * href"): what it shows and where it leads (ux37). The engine's evidence is not changed: it is read
 * here, in its English form, and the words come from the message bundles ({@code mail.said.*}).
 * Evidence it cannot read gets no sentence; the evidence itself is still shown.
 */
@Component("evidenceWords")
public class EvidenceWords {

  private static final String HYPHENS = ", its dots written as hyphens";
  private static final String LABEL_IN_FRONT = ", a brand's name in front of another domain";
  private static final String MAILBOX = ", a brand's domain as the mailbox name";
  private static final String MEMBER = "member organisation ";

  private final MessageSource messages;

  EvidenceWords(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * The sentence for {@code f} in {@code locale}, or null when it is no look-alike finding or its
   * evidence cannot be read.
   */
  public String said(MailReport.Finding f, Locale locale) {
    if (f == null) {
      return null;
    }
    return said(f.flag().name(), f.evidence(true), f.evidence(false), locale);
  }

  /**
   * As {@link #said(MailReport.Finding, Locale)}, knowing the report's other findings: a login link
   * "elsewhere" that is only an address the mail shows as another link's text (the decoy of a
   * LINK_TEXT_MISMATCH) is said with the address that link really leads to (share38: the .msg
   * lure's page named the brand's real site as the login link).
   */
  public String said(MailReport.Finding f, List<MailReport.Finding> all, Locale locale) {
    if (f == null) {
      return null;
    }
    List<String> mismatches = new java.util.ArrayList<>();
    for (MailReport.Finding x : all == null ? List.<MailReport.Finding>of() : all) {
      if (x.flag() == jp.renkei.engine.mail.RedFlag.LINK_TEXT_MISMATCH) {
        mismatches.add(x.evidence(true));
      }
    }
    return said(f.flag().name(), f.evidence(true), f.evidence(false), mismatches, locale);
  }

  /**
   * As {@link #said(String, String, String, Locale)}, with the English evidence of the share's
   * LINK_TEXT_MISMATCH findings ({@code mismatches}, "shown → href[ → target]"): a login link
   * elsewhere that is only shown text is said with where its link leads.
   */
  public String said(
      String flag, String evidence, String evidenceJa, List<String> mismatches, Locale locale) {
    if ("LOGIN_LINK_ELSEWHERE".equals(flag) && evidence != null && mismatches != null) {
      java.util.regex.Matcher m = NOT_THEIRS.matcher(evidence.strip());
      String shown = m.matches() ? m.group(1).strip() : null;
      for (String x : mismatches) {
        String[] parts = x == null ? new String[0] : x.strip().split(" → ", -1);
        if (shown != null && parts.length >= 2 && parts[0].strip().equals(shown)) {
          String real = parts[parts.length - 1].strip();
          if (!real.isEmpty()) {
            return messages.getMessage(words("elsewhereShown", shown, real), locale);
          }
        }
      }
    }
    return said(flag, evidence, evidenceJa, locale);
  }

  /**
   * The sentence for a finding as a shared bundle carries it (a C4TAP share: the sign's code, its
   * English evidence and, where the note has one, its Japanese evidence), in {@code locale}; null
   * when it is no finding this class says in words or its evidence cannot be read. The share's page
   * says the same sentences as the uploader's report (ux37: it showed the bare "≠").
   */
  public String said(String flag, String evidence, String evidenceJa, Locale locale) {
    if (flag == null || evidence == null) {
      return null;
    }
    jp.renkei.engine.mail.RedFlag sign;
    try {
      sign = jp.renkei.engine.mail.RedFlag.valueOf(flag);
    } catch (IllegalArgumentException unknown) {
      return null; // a sign this hub does not know: its evidence is shown as it came
    }
    MessageSourceResolvable r =
        switch (sign) {
          case LOOKALIKE_DOMAIN -> said(evidence, evidenceJa == null ? evidence : evidenceJa);
          case BRAND_IMPERSONATION -> claimed(evidence);
          case LOGIN_LINK_ELSEWHERE -> elsewhere(evidence);
          case LINK_TEXT_MISMATCH -> shownElsewhere(evidence);
          default -> null;
        };
    return r == null ? null : messages.getMessage(r, locale);
  }

  private static final java.util.regex.Pattern NOT_THEIRS =
      java.util.regex.Pattern.compile("(.+?) ≠ ([^\\s()]+\\.[^\\s()]+)(?: \\(.*\\))?");

  /** "Brand ≠ sender.example (…)": a brand or public body claimed from a domain not its own. */
  private static MessageSourceResolvable claimed(String evidence) {
    java.util.regex.Matcher m = NOT_THEIRS.matcher(evidence == null ? "" : evidence.strip());
    if (!m.matches() || m.group(1).startsWith("mailbox ")) {
      return null;
    }
    String name = m.group(1).strip();
    if (name.length() > 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    // a list rewrote From: the domain is the writer's Reply-To, not where the mail came from (ja36)
    return words(evidence.contains(", Reply-To)") ? "claimedReplyTo" : "claimed", name, m.group(2));
  }

  /** "https://… ≠ sender.example (…)": a login link to a domain unrelated to the sender's. */
  private static MessageSourceResolvable elsewhere(String evidence) {
    java.util.regex.Matcher m = NOT_THEIRS.matcher(evidence == null ? "" : evidence.strip());
    if (!m.matches() || !m.group(1).contains("://")) {
      return null;
    }
    String host = host(m.group(1));
    return host.isEmpty() ? null : words("elsewhere", host, m.group(2));
  }

  /**
   * "shown → href" or "shown → href → where it forwards": what the text shows and where the link
   * really leads (ux37: the bare arrows read as nothing to a new analyst).
   */
  private static MessageSourceResolvable shownElsewhere(String evidence) {
    String[] parts = evidence.strip().split(" → ", -1);
    for (String part : parts) {
      if (part.isBlank()) {
        return null;
      }
    }
    return switch (parts.length) {
      case 2 -> words("shownLink", parts[0].strip(), parts[1].strip());
      case 3 -> words("shownLinkForwarded", parts[0].strip(), parts[1].strip(), parts[2].strip());
      default -> null;
    };
  }

  /** The sentence for a look-alike evidence in English (and Japanese, for names in it). */
  MessageSourceResolvable said(String evidence, String evidenceJa) {
    if (evidence == null) {
      return null;
    }
    int approx = evidence.indexOf(" ≈ ");
    if (approx < 0) {
      return punycode(evidence);
    }
    String where = evidence.substring(0, approx).strip();
    String rest = evidence.substring(approx + 3).strip();
    boolean from = where.startsWith("From: ");
    String address = from ? mailbox(where.substring("From: ".length()).strip()) : where;
    String host = from ? afterAt(address) : host(address);
    if (host == null || host.isEmpty()) {
      return null;
    }
    MessageSourceResolvable subject =
        new DefaultMessageSourceResolvable(
            new String[] {from ? "mail.said.from" : "mail.said.link"},
            new Object[] {from ? address : host});
    String reg = registrable(host);
    if (rest.endsWith(HYPHENS)) {
      return words("hyphens", subject, shown(rest, HYPHENS), reg);
    }
    if (rest.endsWith(LABEL_IN_FRONT)) {
      return words("labelInFront", subject, shown(rest, LABEL_IN_FRONT), reg);
    }
    if (rest.endsWith(MAILBOX)) {
      return words("mailbox", subject, shown(rest, MAILBOX), reg);
    }
    if (rest.startsWith(MEMBER)) {
      String name = rest.substring(MEMBER.length());
      int open = evidenceJa == null ? -1 : evidenceJa.indexOf("会員組織「");
      int close = open < 0 ? -1 : evidenceJa.indexOf('」', open);
      String nameJa = close > open && open >= 0 ? evidenceJa.substring(open + 5, close) : name;
      return words("member", subject, new LocalName(nameJa, name), reg);
    }
    int differs = rest.indexOf(" ≠ ");
    if (differs > 0) {
      return words(
          "dressed", subject, rest.substring(0, differs), rest.substring(differs + 3).strip());
    }
    String target = shown(rest, "");
    String targetDomain = name(rest, "").toLowerCase(Locale.ROOT);
    if (!targetDomain.contains(".")) {
      // a brand's name (PayPal) inside a domain that is not the brand's
      return words("brandName", subject, target, reg);
    }
    if (Domains.isPublicSuffix(stripWww(targetDomain))) {
      return words("suffixInFront", subject, targetDomain, reg);
    }
    if (("." + host).contains("." + targetDomain + ".")
        || ("." + host).contains("." + targetDomain + "-")) {
      return words("domainInFront", subject, target, reg);
    }
    if (!from && !host.endsWith(targetDomain) && pathOf(address).contains(targetDomain)) {
      return words("inPath", subject, target, reg);
    }
    String regTarget = registrable(targetDomain);
    if (reg.equals(regTarget)) {
      return null; // nothing to say that the evidence does not
    }
    String label = label(reg);
    String targetLabel = label(regTarget);
    if (label.equals(targetLabel)) {
      return words("otherEnding", subject, target, reg, ending(regTarget), ending(reg));
    }
    MessageSourceResolvable how = spelling(targetLabel, label);
    if (how != null) {
      return words("spelling", subject, target, reg, how);
    }
    if (label.contains(targetLabel)) {
      return words("nameWithWords", subject, target, reg, targetLabel);
    }
    return words("other", subject, target, reg);
  }

  /** "(xn--… → shown)": an internationalised domain and how it is displayed. */
  private static MessageSourceResolvable punycode(String evidence) {
    int arrow = evidence.lastIndexOf(" → ");
    int open = evidence.lastIndexOf(" (", arrow);
    if (arrow < 0 || open < 0 || !evidence.endsWith(")")) {
      return null;
    }
    String ace = evidence.substring(open + 2, arrow).strip();
    String shown = evidence.substring(arrow + 3, evidence.length() - 1).strip();
    if (!ace.contains("xn--")) {
      return null;
    }
    return new DefaultMessageSourceResolvable(
        new String[] {"mail.said.punycode"}, new Object[] {shown, ace});
  }

  /** How {@code fake} is spelled apart from {@code real}, one edit away; null past one edit. */
  static MessageSourceResolvable spelling(String real, String fake) {
    if (real.length() < 3 || real.equals(fake)) {
      return null;
    }
    int start = 0;
    while (start < real.length()
        && start < fake.length()
        && real.charAt(start) == fake.charAt(start)) {
      start++;
    }
    int endReal = real.length();
    int endFake = fake.length();
    while (endReal > start
        && endFake > start
        && real.charAt(endReal - 1) == fake.charAt(endFake - 1)) {
      endReal--;
      endFake--;
    }
    String gone = real.substring(start, endReal);
    String put = fake.substring(start, endFake);
    if (gone.length() == 2
        && put.length() == 2
        && gone.charAt(0) == put.charAt(1)
        && gone.charAt(1) == put.charAt(0)) {
      return how("swapped", gone, put);
    }
    if (gone.length() > 2 || put.length() > 2) {
      return null;
    }
    if (gone.isEmpty()) {
      return how("added", put);
    }
    if (put.isEmpty()) {
      return how("dropped", gone);
    }
    return how("replaced", gone, put);
  }

  private static MessageSourceResolvable how(String kind, Object... args) {
    return new DefaultMessageSourceResolvable(new String[] {"mail.said.how." + kind}, args);
  }

  private static MessageSourceResolvable words(String kind, Object... args) {
    return new DefaultMessageSourceResolvable(new String[] {"mail.said." + kind}, args);
  }

  /** A name said in Japanese or English by the locale (a member organisation's). */
  record LocalName(String ja, String en) implements MessageSourceResolvable {
    @Override
    public String[] getCodes() {
      return new String[] {"mail.said.name"};
    }

    @Override
    public Object[] getArguments() {
      return new Object[] {ja, en};
    }

    @Override
    public String getDefaultMessage() {
      return en;
    }
  }

  /** The imitated name as the evidence shows it, the brand in brackets kept: "jcb.co.jp (JCB)". */
  private static String shown(String rest, String tail) {
    return (tail.isEmpty() ? rest : rest.substring(0, rest.length() - tail.length())).strip();
  }

  /** The imitated name without the engine's trailing words or the brand in brackets. */
  private static String name(String rest, String tail) {
    String n = tail.isEmpty() ? rest : rest.substring(0, rest.length() - tail.length());
    int bracket = n.indexOf(" (");
    return (bracket > 0 ? n.substring(0, bracket) : n).strip();
  }

  private static String stripWww(String d) {
    return d.startsWith("www.") ? d.substring(4) : d;
  }

  static String registrable(String domain) {
    List<String> parents = Domains.parents(domain);
    return parents.isEmpty() ? domain : parents.get(parents.size() - 1);
  }

  private static String label(String registrable) {
    int dot = registrable.indexOf('.');
    return dot < 0 ? registrable : registrable.substring(0, dot);
  }

  private static String ending(String registrable) {
    int dot = registrable.indexOf('.');
    return dot < 0 ? registrable : registrable.substring(dot);
  }

  /** The address inside angle brackets when the evidence gives a name or the address twice. */
  private static String mailbox(String from) {
    int lt = from.lastIndexOf('<');
    int gt = from.indexOf('>', lt + 1);
    return lt >= 0 && gt > lt + 1 ? from.substring(lt + 1, gt).strip() : from;
  }

  private static String afterAt(String address) {
    String a = address;
    int lt = a.lastIndexOf('<');
    if (lt >= 0) {
      int gt = a.indexOf('>', lt);
      a = a.substring(lt + 1, gt < 0 ? a.length() : gt);
    }
    int at = a.lastIndexOf('@');
    return at < 0 ? null : a.substring(at + 1).strip().toLowerCase(Locale.ROOT);
  }

  static String host(String url) {
    String u = url.strip();
    int scheme = u.indexOf("://");
    String rest = scheme < 0 ? u : u.substring(scheme + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String h = rest.substring(0, end);
    int at = h.lastIndexOf('@');
    h = at >= 0 ? h.substring(at + 1) : h;
    int colon = h.lastIndexOf(':');
    h = colon >= 0 && !h.contains("]") ? h.substring(0, colon) : h;
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.toLowerCase(Locale.ROOT);
  }

  private static String pathOf(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    int scheme = u.indexOf("://");
    String rest = scheme < 0 ? u : u.substring(scheme + 3);
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash);
  }
}
