package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAlignment.aligned;
import static jp.renkei.engine.mail.MailEnvelope.envelope;
import static jp.renkei.engine.mail.MailEnvelope.forwarded;
import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.links;
import static jp.renkei.engine.mail.MailLinks.ownSite;
import static jp.renkei.engine.mail.MailLinks.refang;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailLinks.sameOrSubdomain;
import static jp.renkei.engine.mail.MailLinks.shownHost;
import static jp.renkei.engine.mail.MailLinks.unsubscribeDomain;
import static jp.renkei.engine.mail.MailLinks.urls;
import static jp.renkei.engine.mail.MailLinks.withZeroWidthSpaces;
import static jp.renkei.engine.mail.MailText.TRACKING_PATH;
import static jp.renkei.engine.mail.MailText.isRegexSpace;
import static jp.renkei.engine.mail.MailText.wordCount;
import static jp.renkei.engine.mail.MailText.words;
import static jp.renkei.engine.mail.MailUnsubscribe.offersUnsubscribe;
import static jp.renkei.engine.mail.MailWording.quoted;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The HTML room: reads an HTML part with jsoup (its links and their shown text, forms, inputs,
 * refreshes, images), what it hides (hidden styles, text pushed out of sight) and bounds the
 * reading by the analysis' deadline ({@link UntilDeadline}, {@link HtmlElements}).
 */
final class MailHtml {

  private final Set<String> allowed;

  MailHtml(Set<String> allowed) {
    this.allowed = allowed;
  }

  // the selectors the HTML checks use, parsed once; none looks at ancestors (the "inside a link"
  // ones are tested by walking up from the element), so none keeps state between documents
  static final Evaluator A_HREF = QueryParser.parse("a[href]");

  static final Evaluator AREA_HREF = QueryParser.parse("area[href]");

  static final Evaluator LINK = QueryParser.parse("a[href], area[href]");

  static final Evaluator INPUT = QueryParser.parse("input");

  static final Evaluator REFRESH = QueryParser.parse("meta[http-equiv~=(?i)refresh]");

  static final Evaluator IMG = QueryParser.parse("img");

  static final Evaluator STYLED = QueryParser.parse("[style], [hidden]");

  static final Evaluator FORM_ACTION = QueryParser.parse("form[action]");

  static final Evaluator BASE_HREF = QueryParser.parse("base[href]");

  /** An element inside a link: one of its ancestors is an {@code a} with an {@code href}. */
  static boolean inLink(Document doc, org.jsoup.nodes.Element e) {
    for (org.jsoup.nodes.Element p = e.parent(); p != null && p != doc; p = p.parent()) {
      if (A_HREF.matches(doc, p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lower-case names of the elements the selectors of {@link HtmlElements} but {@link #STYLED}
   * can match (a type selector matches an element only of that name, in any case): the others are
   * not tried against them; and an element without attributes is not tried against {@link #STYLED}.
   */
  static final Set<String> MAY_BE_SELECTED = Set.of("a", "area", "input", "img", "meta");

  /**
   * The elements of one HTML part that the checks read, collected in one walk over the document in
   * document order: what {@code select} found with one walk per selector before.
   */
  static final class HtmlElements {
    /** {@code a[href] area[href], a[href] map area[href]}: image-map areas inside a link. */
    final List<org.jsoup.nodes.Element> areasInLinks = new ArrayList<>();

    /** {@code a[href], area[href]}. */
    final List<org.jsoup.nodes.Element> links = new ArrayList<>();

    /** {@code input}. */
    final List<org.jsoup.nodes.Element> inputs = new ArrayList<>();

    /** {@code [style], [hidden]}. */
    final List<org.jsoup.nodes.Element> styled = new ArrayList<>();

    /** Some {@code meta[http-equiv~=(?i)refresh]}. */
    boolean refresh;

    /** {@code a[href] img}: images inside links. */
    int imagesInLinks;

    /**
     * {@code form[action]}, collected in the same walk (a walk of its own with the selector parsed
     * again for every HTML part cost more than the rest of this walk).
     */
    final List<org.jsoup.nodes.Element> formsWithAction = new ArrayList<>();

    /** The first {@code base[href]}, or null. */
    org.jsoup.nodes.Element base;

    /**
     * One walk of the document: an SVG link is given its {@code href} first ({@link
     * #clickableAsWritten}, which walked the document's links once more before), so that it is
     * selected as every other link; its ancestors come before it in the walk and were given theirs.
     */
    HtmlElements(Document doc) {
      for (org.jsoup.nodes.Element e : elements(doc)) {
        if (e.nameIs("a")) {
          clickableAsWritten(e);
        } else if (base == null && e.nameIs("base") && BASE_HREF.matches(doc, e)) {
          base = e;
        }
        if (MAY_BE_SELECTED.contains(e.normalName())) {
          if (LINK.matches(doc, e)) {
            links.add(e);
            if (AREA_HREF.matches(doc, e) && inLink(doc, e)) {
              areasInLinks.add(e);
            }
          } else if (INPUT.matches(doc, e)) {
            inputs.add(e);
          } else if (IMG.matches(doc, e) && inLink(doc, e)) {
            imagesInLinks++;
          } else if (!refresh && REFRESH.matches(doc, e)) {
            refresh = true;
          }
        } else if (e.nameIs("form") && FORM_ACTION.matches(doc, e)) {
          formsWithAction.add(e);
        }
        if (e.attributesSize() > 0 && STYLED.matches(doc, e)) {
          styled.add(e);
        }
      }
    }
  }

  /**
   * Every element of {@code root}, {@code root} first, in document order: what {@code
   * getAllElements()} lists, by a walk of the child lists (jsoup's collector, through its node
   * iterator and sibling indexes, cost 2 % of modern HTML mail's analysis, speed32). Its own stack,
   * not recursion: jsoup nests elements 512 deep at most, and the walk holds no more than the
   * elements waiting their turn.
   */
  static List<org.jsoup.nodes.Element> elements(org.jsoup.nodes.Element root) {
    List<org.jsoup.nodes.Element> out = new ArrayList<>();
    ArrayDeque<org.jsoup.nodes.Element> next = new ArrayDeque<>();
    next.push(root);
    while (!next.isEmpty()) {
      org.jsoup.nodes.Element e = next.pop();
      out.add(e);
      for (int i = e.childNodeSize() - 1; i >= 0; i--) {
        if (e.childNode(i) instanceof org.jsoup.nodes.Element child) {
          next.push(child);
        }
      }
    }
    return out;
  }

  void html(String html, MailState st) {
    Document doc = org.jsoup.parser.Parser.htmlParser().parseInput(new UntilDeadline(html, st), "");
    HtmlElements found = new HtmlElements(doc);
    for (org.jsoup.nodes.Element area : found.areasInLinks) {
      // an image map inside a link: the status bar shows the link, a click follows the map
      String shown = area.closest(A_HREF).attr("href").strip();
      String clicked = area.attr("href").strip();
      String shownHost = host(refang(shown));
      String clickedHost = host(refang(clicked));
      if (shownHost != null
          && clickedHost != null
          && !registrable(shownHost).equals(registrable(clickedHost))) {
        st.flag(RedFlag.LINK_TEXT_MISMATCH, shown + " → " + clicked);
      }
    }
    String base = baseHref(found.base);
    for (org.jsoup.nodes.Element a : found.links) {
      if (st.outOfTime()) {
        break;
      }
      String href = clickable(a, base);
      String text = a.text().strip();
      String lower = href.toLowerCase(Locale.ROOT);
      if (offersUnsubscribe(lower)
          || offersUnsubscribe(text.toLowerCase(Locale.ROOT))
          || MailCampaignLinks.unsubscribeAnchor(a, text)) {
        unsubscribeDomain(
            lower.startsWith("mailto:") ? domain(lower.substring(7)) : host(lower), st);
      }
      if (lower.startsWith("data:") || lower.startsWith("javascript:")) {
        st.flag(RedFlag.SUSPICIOUS_LINK, jp.renkei.engine.text.Names.cut(href, 60));
        continue;
      }
      if (href.isEmpty() || href.startsWith("#") || lower.startsWith("mailto:")) {
        MailContactAddresses.mailto(href, st);
        continue;
      }
      if (!st.link(new MailReport.Link(refang(href), text, "html"))) {
        // past the limit: the links of domains already kept are not judged again
        continue;
      }
      String shownHost = shownHost(text);
      if (shownHost == null) {
        continue;
      }
      String shownTarget = MailRedirects.mailGateway(shownHost) ? gatewayTarget(text) : null;
      if (shownTarget != null) {
        // the words are a link the reader's gateway rewrote (a quoted reply from a Proofpoint
        // customer shows urldefense.com/v3/__https://site/__): they show the site it wraps
        shownHost = host(shownTarget);
      }
      String realHost = host(refang(href));
      String target = MailRedirects.redirectTarget(refang(href), realHost);
      String targetHost = target == null ? null : host(target);
      if (targetHost != null && MailRedirects.mailGateway(realHost)) {
        // the reader's own mail gateway rewrote the link (Safe Links, URL Defense, Mimecast): the
        // sender wrote the target, so the text is compared with the target alone
        if (textMismatch(st, shownHost, targetHost, target, text)) {
          st.flag(RedFlag.LINK_TEXT_MISMATCH, text + " → " + href + " → " + target);
        }
      } else if (textMismatch(st, shownHost, realHost, href, text)) {
        st.flag(RedFlag.LINK_TEXT_MISMATCH, text + " → " + href);
      } else if (targetHost != null && textMismatch(st, shownHost, targetHost, target, text)) {
        // an open redirect the sender chose (google.com/url?q=): both the redirect and where it
        // leads are compared with the text, so a lure never loses the sign by being wrapped
        st.flag(RedFlag.LINK_TEXT_MISMATCH, text + " → " + href + " → " + target);
      }
    }
    for (org.jsoup.nodes.Element in : found.inputs) {
      // a search or subscription form is common in newsletters; a secret asked for is not
      if (in.attr("type").equalsIgnoreCase("password")
          || SECRET_INPUT.matcher(in.attr("name")).find()) {
        org.jsoup.nodes.Element form = in.closest("form");
        String action = form == null ? "" : form.attr("action");
        st.flag(
            RedFlag.HTML_FORM, "<form action=" + action + "> <input name=" + in.attr("name") + ">");
        break;
      }
    }
    if (found.refresh) {
      st.flag(RedFlag.HTML_FORM, "<meta http-equiv=refresh>");
      for (org.jsoup.nodes.Element meta : doc.select(REFRESH)) {
        // the page the reader is sent to is a link of the message, judged as the others
        Matcher to = REFRESH_URL.matcher(meta.attr("content"));
        if (to.find()) {
          String url = clickable(to.group(1), base);
          if (host(refang(url)) != null) {
            st.link(new MailReport.Link(refang(url), null, "html refresh"));
          }
        }
      }
    }
    for (org.jsoup.nodes.Element form : found.formsWithAction) {
      if (st.formActions.size() < 10) {
        st.formActions.add(form.attr("action"));
      }
    }
    String text = doc.text();
    forwarded(MailInlineForwards.html(html, text), st);
    st.text(withZeroWidthSpaces(doc, text));
    int htmlWords = wordCount(text);
    st.words(text, htmlWords);
    st.htmlWords += htmlWords;
    st.linkedImages += found.imagesInLinks;
    MailImageFooters.read(st, found.imagesInLinks, text, htmlWords);
    urls(text, "html text", st);
    String scanned = colonBeforeFourDigits(html) ? html : "";
    Matcher far = OUT_OF_SIGHT.matcher(scanned);
    for (int from = 0; (from = nextOutOfSight(far, scanned, from)) >= 0; ) {
      long v = Long.parseLong(far.group(2).length() > 9 ? "999999999" : far.group(2));
      if (far.group(3).equalsIgnoreCase("px") ? v >= OUT_OF_SIGHT_PX : v >= OUT_OF_SIGHT_VIEW) {
        // the text the filters read is moved a screen-height times a thousand down: the reader
        // sees a different message from the one judged
        st.flag(RedFlag.HIDDEN_TEXT, far.group().strip());
        break;
      }
    }
    hiddenText(doc, found.styled, st);
  }

  /** The address a gateway-wrapped URL written as a link's words leads to, or null. */
  static String gatewayTarget(String text) {
    String url = refang(text.strip());
    String target = MailRedirects.redirectTarget(url, host(url));
    return target == null || host(target) == null ? null : target;
  }

  /**
   * A link's text naming a host (shownHost) the link does not lead to (realHost, reached by href):
   * neither the same site nor a subdomain of it, nor a tracker's redirect in bulk mail, nor the
   * sender's own other site.
   */
  boolean textMismatch(MailState st, String shownHost, String realHost, String href, String text) {
    return realHost != null
        && !(TRACKING_PATH.matcher(href).find() && st.bulk())
        && !ownSite(st, realHost, shownHost, href, text)
        && !sameOrSubdomain(realHost, shownHost)
        && !registrable(realHost).equals(registrable(shownHost))
        && !MailHosts.hostIn(realHost, MailHosts.TRACKERS)
        && !MailHosts.hostIn(registrable(realHost), MailHosts.TRACKERS)
        && !sendersMailService(st, shownHost, realHost)
        && !MailSignerLinks.signersClickCounter(st, realHost, shownHost, href)
        && !MailCampaignLinks.signersDonationLink(st, realHost, shownHost)
        && !MailLinkFileNames.namesLinkedFile(text, href)
        && !allowed.contains(realHost);
  }

  /**
   * The sender's own mail service counting the clicks on its newsletter: the words show the
   * sender's own domain, which authenticated, and the link goes to the domain of the message's
   * envelope sender (Return-Path), the service that sent the mail for it and tracks its links
   * (amxe.net for Newsletter2Go). A lure cannot authenticate the domain its words show.
   */
  static boolean sendersMailService(MailState st, String shownHost, String realHost) {
    String from = domain(st.from);
    String envelope = st.returnPath == null ? null : domain(st.returnPath);
    return from != null
        && envelope != null
        && registrable(shownHost).equals(registrable(from))
        && registrable(realHost).equals(registrable(envelope))
        && aligned(st, registrable(from));
  }

  /** The target of a {@code <meta http-equiv=refresh content="0; url=...">}. */
  static final Pattern REFRESH_URL = Pattern.compile("(?i)url\\s*+=\\s*+['\"]?+([^'\"\\s]++)");

  /**
   * An SVG link ({@code <a xlink:href>}, which HTML mail readers that draw SVG follow) given the
   * {@code href} attribute it lacks, so that it is read and judged as every other link (attack21b:
   * a lure whose only link was an SVG one had no link sign).
   */
  static void clickableAsWritten(org.jsoup.nodes.Element a) {
    if (!a.hasAttr("href") && a.hasAttr("xlink:href")) {
      a.attr("href", a.attr("xlink:href"));
    }
  }

  /**
   * The first {@code <base href>} of the document when it is an absolute http(s) URL, else null:
   * the reader's client resolves the message's relative links against it, so a lure can write its
   * domain there once and every link as "login" (the "baseStriker" trick).
   */
  static String baseHref(org.jsoup.nodes.Element b) {
    if (b == null) {
      return null;
    }
    String href = clickable(b.attr("href"), null);
    return host(refang(href)) == null ? null : href;
  }

  /**
   * The target of a link as the reader's client follows it (see {@link #clickable(String,
   * String)}).
   */
  static String clickable(org.jsoup.nodes.Element a, String base) {
    return clickable(a.attr("href"), base);
  }

  /**
   * A link's target as a browser follows it (the WHATWG URL rules): tabs and line breaks anywhere
   * in it dropped, spaces and control characters around it stripped, backslashes read as slashes in
   * an http(s) URL, and a relative target resolved against the document's {@code <base href>}.
   * Written otherwise, "ht&lt;tab&gt;tps://evil.example/", "https:\\evil.example\\login" or "login"
   * under a base on evil.example hid the link's host from every link sign (attack21b).
   */
  static String clickable(String written, String base) {
    String href = written;
    if (href.indexOf('\t') >= 0 || href.indexOf('\n') >= 0 || href.indexOf('\r') >= 0) {
      href = href.replace("\t", "").replace("\n", "").replace("\r", "");
    }
    href = stripControls(href);
    String lower = href.toLowerCase(Locale.ROOT);
    if ((lower.startsWith("http:") || lower.startsWith("https:")) && href.indexOf('\\') >= 0) {
      int end = href.length();
      for (char c : new char[] {'?', '#'}) {
        int at = href.indexOf(c);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      href = href.substring(0, end).replace('\\', '/') + href.substring(end);
    }
    if (base != null
        && !href.isEmpty()
        && !href.startsWith("#")
        && !SCHEME.matcher(href).lookingAt()) {
      try {
        href = java.net.URI.create(base).resolve(href.replace(" ", "%20")).toString();
      } catch (IllegalArgumentException notAUri) {
        // left as written: judged without the base
      }
    }
    return href;
  }

  /** A URL scheme at the start of a link ("https:", "mailto:", "javascript:"). */
  static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}:");

  /** {@code s} without the spaces and C0 control characters a browser strips around a URL. */
  static String stripControls(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) <= ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * An HTML body as jsoup reads it, ending early once the analysis's deadline has passed: jsoup's
   * parse cannot be stopped otherwise, and a body of a few megabytes of tags held the analysis for
   * seconds past its deadline. jsoup builds the document from what it was given (the limit is
   * reported; the other parts and the headers are kept).
   */
  static final class UntilDeadline extends java.io.Reader {
    private final String html;
    private final MailState st;
    private int at;

    UntilDeadline(String html, MailState st) {
      this.html = html;
      this.st = st;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at >= html.length() || st.outOfTime()) {
        return -1;
      }
      int n = Math.min(len, html.length() - at);
      html.getChars(at, at + n, buf, off);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }

  /**
   * A style that moves content out of sight: a margin, offset or height in the tens of thousands of
   * pixels or thousands of screen heights. Layout needs neither (text-indent: -9999px, the old
   * image-replacement trick, is not counted).
   */
  static final Pattern OUT_OF_SIGHT =
      Pattern.compile(
          "(?i)(?<![\\w-])(margin-top|margin-bottom|padding-top|top|height|min-height)\\s*:\\s*(\\d{4,})(px|vh|em|%)");

  /**
   * Whether a colon followed by white space and four digits occurs, which every match of {@link
   * #OUT_OF_SIGHT} holds: most HTML has none, and then the case-blind pattern is not tried at each
   * of its characters.
   */
  static boolean colonBeforeFourDigits(String html) {
    for (int i = html.indexOf(':'); i >= 0; i = html.indexOf(':', i + 1)) {
      int j = i + 1;
      while (j < html.length() && isRegexSpace(html.charAt(j))) {
        j++;
      }
      int digits = 0;
      while (j < html.length() && digits < 4 && html.charAt(j) >= '0' && html.charAt(j) <= '9') {
        j++;
        digits++;
      }
      if (digits == 4) {
        return true;
      }
    }
    return false;
  }

  /** The lengths of the property names of {@link #OUT_OF_SIGHT}, longest first. */
  static final int[] OUT_OF_SIGHT_NAMES = {13, 11, 10, 6, 3};

  /**
   * The next match of {@link #OUT_OF_SIGHT} in {@code html} at or after {@code from} (left in
   * {@code m}, a matcher over {@code html}), as {@code find()} finds it, and its end; -1 when there
   * is none. A match is a property name, white space, a colon (the first after the name), white
   * space and four digits or more, so it is tried only where a name of one of the five lengths ends
   * before such a colon, in order of where it starts.
   */
  static int nextOutOfSight(Matcher m, String html, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = html.length();
    for (int i = html.indexOf(':', from); i >= 0; i = html.indexOf(':', i + 1)) {
      int j = i + 1;
      while (j < n && isRegexSpace(html.charAt(j))) {
        j++;
      }
      int digits = 0;
      while (j < n && digits < 4 && html.charAt(j) >= '0' && html.charAt(j) <= '9') {
        j++;
        digits++;
      }
      if (digits < 4) {
        continue;
      }
      int nameEnd = i;
      while (nameEnd > 0 && isRegexSpace(html.charAt(nameEnd - 1))) {
        nameEnd--;
      }
      for (int length : OUT_OF_SIGHT_NAMES) {
        int at = nameEnd - length;
        if (at >= from) {
          m.region(at, n);
          if (m.lookingAt()) {
            return m.end();
          }
        }
      }
    }
    return -1;
  }

  static final int OUT_OF_SIGHT_PX = 20_000;

  static final int OUT_OF_SIGHT_VIEW = 1_000;

  /**
   * Text the reader does not see (hidden by inline style) that is long and mostly unlike the
   * visible text: words written for the filters (hash-busting), not for the reader. Called last: it
   * removes the hidden elements from the document.
   */
  static void hiddenText(Document doc, List<org.jsoup.nodes.Element> styled, MailState st) {
    List<org.jsoup.nodes.Element> hidden = new ArrayList<>();
    Matcher hiddenStyle = hiddenStyleMatcher();
    for (org.jsoup.nodes.Element e : styled) {
      if (e.hasAttr("hidden") || hiddenStyle(e.attr("style"), hiddenStyle)) {
        hidden.add(e); // the inner ones of a hidden element go with it
      }
    }
    if (hidden.isEmpty()) {
      return;
    }
    StringBuilder h = new StringBuilder();
    // one matcher of each for all the inner elements of the document, reset to each style
    Matcher readable = null;
    Matcher shown = null;
    for (org.jsoup.nodes.Element e : hidden) {
      if (e.ownerDocument() == null) {
        continue; // inside a hidden element already removed
      }
      String style = e.attr("style");
      if (e.hasAttr("hidden") || HIDDEN_WHOLE.matcher(style).find()) {
        h.append(e.text()).append(' ');
        e.remove();
        continue;
      }
      // a tiny font size or visibility: hidden is undone by an inner element that sets its own:
      // layout frameworks set font-size: 0 on the cells of a row of columns (to close the gaps
      // between them) and the readable size again on the text inside
      List<org.jsoup.nodes.TextNode> parts = new ArrayList<>();
      if (readable == null) {
        readable = READABLE_FONT.matcher("");
        shown = VISIBLE.matcher("");
      }
      hiddenParts(
          e,
          TINY_FONT.matcher(style).find(),
          INVISIBLE.matcher(style).find(),
          parts,
          0,
          readable,
          shown);
      for (org.jsoup.nodes.TextNode t : parts) {
        if (t.ownerDocument() != null) {
          h.append(t.text()).append(' ');
          t.remove();
        }
      }
    }
    List<String> words = words(h.toString().toLowerCase(Locale.ROOT));
    st.hiddenWords += words.size();
    if (words.size() < HIDDEN_WORDS) {
      return;
    }
    Set<String> visible = new java.util.HashSet<>(words(doc.text().toLowerCase(Locale.ROOT)));
    List<String> unseen = words.stream().filter(w -> !visible.contains(w)).toList();
    if (unseen.size() >= HIDDEN_UNSEEN && unseen.size() * 2 >= words.size()) {
      String quoted =
          "\"" + String.join(" ", unseen.subList(0, Math.min(8, unseen.size()))) + " …\"";
      st.flag(
          RedFlag.HIDDEN_TEXT,
          unseen.size() + " of " + words.size() + " hidden words not shown elsewhere: " + quoted,
          "隠された " + words.size() + " 語のうち、見える本文にない語 " + unseen.size() + " 語: " + quoted);
    }
  }

  /**
   * The text of {@code e} that stays hidden when {@code e} is hidden only by a tiny font size
   * ({@code small}) and/or {@code visibility: hidden} ({@code invisible}): every text inside it but
   * that of inner elements setting a readable size (and, under {@code visibility: hidden}, {@code
   * visibility: visible}) again. An inner element hidden in its own right is one of the styled
   * elements and is judged on its own. {@code readable} and {@code visible}: matchers of {@link
   * #READABLE_FONT} and {@link #VISIBLE}, reset to each inner style.
   */
  static void hiddenParts(
      org.jsoup.nodes.Element e,
      boolean small,
      boolean invisible,
      List<org.jsoup.nodes.TextNode> out,
      int depth,
      Matcher readable,
      Matcher visible) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      org.jsoup.nodes.Node c = e.childNode(i);
      if (c instanceof org.jsoup.nodes.TextNode t) {
        out.add(t);
      } else if (c instanceof org.jsoup.nodes.Element inner) {
        String style = inner.attr("style");
        // both patterns hold their property's name (case-blind in ASCII): a style without it is
        // not searched (regionMatches ignoring case accepts more, never less)
        boolean stillSmall = small && !(holds(style, "font") && readable.reset(style).find());
        boolean stillInvisible =
            invisible && !(holds(style, "visibility") && visible.reset(style).find());
        if ((stillSmall || stillInvisible) && depth < HIDDEN_DEPTH) {
          hiddenParts(inner, stillSmall, stillInvisible, out, depth + 1, readable, visible);
        } else if (stillSmall || stillInvisible) {
          out.addAll(inner.textNodes()); // deeper than any layout: its own text only
        }
      }
    }
  }

  /**
   * Whether {@code word} (lower-case ASCII, its first letter one that no other character equals
   * case-blind: not i, k or s, which the dotted capital I, the Kelvin sign and the long s equal) is
   * in {@code s}, case-blind. Compared only where the first letter stands in either case.
   */
  static boolean holds(String s, String word) {
    char lower = word.charAt(0);
    char upper = Character.toUpperCase(lower);
    for (int i = 0; i + word.length() <= s.length(); i++) {
      char c = s.charAt(i);
      if ((c == lower || c == upper) && s.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** How deep {@link #hiddenParts} follows nested elements (jsoup nests at most 512). */
  static final int HIDDEN_DEPTH = 256;

  /** The parts of {@link MailHtml#HIDDEN_STYLE} that no inner element can undo. */
  static final Pattern HIDDEN_WHOLE =
      Pattern.compile(
          "(?i)display\\s*:\\s*none|max-height\\s*:\\s*0+(?:px)?\\s*(?:;|!|$)"
              + "|opacity\\s*:\\s*0(?:\\.0+)?\\s*(?:;|!|$)");

  /** The tiny font size of {@link MailHtml#HIDDEN_STYLE}. */
  static final Pattern TINY_FONT =
      Pattern.compile("(?i)font-size\\s*:\\s*(?:0(?:\\.\\d+)?|1)\\s*(?:px|pt)?\\s*(?:;|!|$)");

  static final Pattern INVISIBLE = Pattern.compile("(?i)visibility\\s*:\\s*hidden");

  static final Pattern VISIBLE = Pattern.compile("(?i)visibility\\s*:\\s*visible");

  /**
   * A font size that can be read, set absolutely (a size relative to a tiny one stays tiny): two
   * pixels or points or more, rem, or a size keyword; also in the {@code font} shorthand.
   */
  static final Pattern READABLE_FONT =
      Pattern.compile(
          "(?i)(?<![\\w-])font(?:-size)?\\s*:[^;]*?(?<![\\d.])(?:[2-9]|\\d{2,})(?:\\.\\d+)?\\s*(?:px|pt)"
              + "|font-size\\s*:\\s*(?:\\d*\\.?\\d+\\s*rem|(?:xx?-)?small|medium|(?:xx?-)?large)");

  /**
   * Whether {@link MailHtml#HIDDEN_STYLE} is found in a style attribute. Every alternative of the
   * pattern starts with one of five property names, so it is tried ({@code lookingAt}) only where
   * one of them starts, case-blind, and not at every character of every styled element (mail HTML
   * styles nearly every element inline). The names are compared by {@link
   * String#regionMatches(boolean, int, String, int, int)}, which accepts more than the pattern's
   * ASCII case-blindness (a dotless ı for i): more places tried, none missed.
   */
  static boolean hiddenStyle(String style) {
    return hiddenStyle(style, hiddenStyleMatcher());
  }

  /** A matcher of {@link MailHtml#HIDDEN_STYLE} for {@link #hiddenStyle(String, Matcher)}. */
  static Matcher hiddenStyleMatcher() {
    return HIDDEN_STYLE.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * As {@link #hiddenStyle(String)}, with {@code m} (of {@link #hiddenStyleMatcher}) reset to the
   * style: one matcher for all the styled elements of a document, not one made for each (mail HTML
   * styles nearly every element, and making the matcher cost as much as the search).
   */
  static boolean hiddenStyle(String style, Matcher m) {
    boolean reset = false;
    int n = style.length();
    for (int i = 0; i < n; i++) {
      String name =
          switch (style.charAt(i)) {
            case 'd', 'D' -> "display";
            case 'v', 'V' -> "visibility";
            case 'f', 'F' -> "font-size";
            case 'm', 'M' -> "max-height";
            case 'o', 'O' -> "opacity";
            default -> null;
          };
      if (name != null && style.regionMatches(true, i, name, 0, name.length())) {
        if (!reset) {
          m.reset(style);
          reset = true;
        }
        if (m.region(i, n).lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  static final Pattern SECRET_INPUT =
      Pattern.compile("(?i)pass|pwd|card|cvv|cvc|ssn|pin\\b|暗証|パスワード");

  /**
   * Inline styles that hide an element's text from the reader: display:none, visibility:hidden, a
   * font size of 0 or 1 px / pt, a maximum height of 0, full transparency. White text is not among
   * them: on a dark background it is what newsletters' buttons are written in.
   */
  static final Pattern HIDDEN_STYLE =
      Pattern.compile(
          "(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden"
              + "|font-size\\s*:\\s*(?:0(?:\\.\\d+)?|1)\\s*(?:px|pt)?\\s*(?:;|!|$)"
              + "|max-height\\s*:\\s*0+(?:px)?\\s*(?:;|!|$)|opacity\\s*:\\s*0(?:\\.0+)?\\s*(?:;|!|$)");

  /**
   * A hidden block of at least this many words, most of them not in the visible text, is written
   * for filters, not readers (hash-busting). A newsletter's hidden pre-header is one sentence
   * summing up what follows, and a hidden mobile copy repeats the visible words.
   */
  static final int HIDDEN_WORDS = 40;

  /** Of which at least this many (and at least half) are not in the visible text. */
  static final int HIDDEN_UNSEEN = 30;
}
