package jp.renkei.server.ui;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.text.Names;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A STIX bundle (a C4TAP share, a mail analysis) as rows a person can read, one per object: {@code
 * ${@stixView.rows(bundle)}}. The kind is the STIX type (the page writes it out), the value what
 * identifies the object (an address, a file name, a subject, a pattern), the detail what describes
 * it (hashes and size, a display name, the indicator's name); every text from the mail is shown
 * with invisible and reordering characters escaped ({@link Names#escapeInvisible}).
 */
@Component("stixView")
public class StixView {

  /** One object: {@code type} as in STIX, with its value and detail as shown. */
  public record Row(String type, String value, String detail) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final org.springframework.context.MessageSource messages;
  private final TimeFormat time;

  StixView(org.springframework.context.MessageSource messages) {
    this(messages, new TimeFormat());
  }

  @org.springframework.beans.factory.annotation.Autowired
  StixView(org.springframework.context.MessageSource messages, TimeFormat time) {
    this.messages = messages;
    this.time = time;
  }

  /** The bundle's objects, in order; a bundle that is not JSON gives no rows. */
  public List<Row> rows(String bundle) {
    return rows(bundle, false);
  }

  /**
   * As {@link #rows(String)}; {@code madeHere}: the bundle is this hub's own analysis of a mail (a
   * C4TAP share or its preview, which the hub builds from the uploaded message), so its note's
   * verdict is said to be the hub's, not a claim of the shared data.
   */
  public List<Row> rows(String bundle, boolean madeHere) {
    List<Row> rows = new ArrayList<>();
    JsonNode root;
    try {
      root = bundle == null ? null : JSON.readTree(bundle);
    } catch (JacksonException e) {
      return rows;
    }
    if (root == null) {
      return rows;
    }
    for (JsonNode o : root.path("objects")) {
      String type = o.path("type").asString("");
      Row row =
          switch (type) {
            case "email-message" ->
                new Row(
                    type,
                    safe(o.path("subject").asString("")),
                    join(when(o.path("date").asString("")), o.path("message_id").asString("")));
            case "file" -> new Row(type, fileName(o), fileDetail(o));
            case "indicator" ->
                new Row(type, o.path("pattern").asString(""), safe(indicatorName(o)));
            case "note" -> note(o, madeHere);
            case "identity" ->
                new Row(
                    type,
                    safe(o.path("name").asString("")),
                    brandRole(o)
                        ? messages.getMessage(
                            "pages.stix.claimedBrand",
                            null,
                            org.springframework.context.i18n.LocaleContextHolder.getLocale())
                        : safe(o.path("description").asString("")));
            case "url" ->
                new Row(
                    type,
                    safe(o.path("value").asString("")),
                    o.path(jp.renkei.engine.mail.MailStix.WRAPPED_IN).isString()
                        ? messages.getMessage(
                            "pages.stix.wrappedIn",
                            new Object[] {
                              safe(o.path(jp.renkei.engine.mail.MailStix.WRAPPED_IN).asString())
                            },
                            org.springframework.context.i18n.LocaleContextHolder.getLocale())
                        : "");
            default ->
                new Row(
                    type,
                    safe(o.path("value").asString(o.path("name").asString(""))),
                    safe(o.path("display_name").asString("")));
          };
      rows.add(new Row(row.type(), placeholders(row.value()), placeholders(row.detail())));
    }
    return rows;
  }

  private static boolean brandRole(JsonNode identity) {
    for (JsonNode r : identity.path("roles")) {
      if (jp.renkei.engine.mail.MailStix.BRAND_ROLE.equals(r.asString(""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The link hosts a mail bundle made here left out of its objects (known brands', platforms', the
   * delivering list's own: {@code x_renkei_left_out} of its note), for the page to say; empty for
   * any other bundle.
   */
  public List<String> leftOut(String bundle) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode root = bundle == null ? null : JSON.readTree(bundle);
      if (root == null) {
        return out;
      }
      for (JsonNode o : root.path("objects")) {
        if ("note".equals(o.path("type").asString(""))) {
          for (JsonNode h : o.path(jp.renkei.engine.mail.MailStix.LEFT_OUT)) {
            out.add(safe(h.asString("")));
          }
        }
      }
    } catch (JacksonException e) {
      return List.of();
    }
    return out;
  }

  /** What the mail redaction writes for an encoded piece that named the receiving organisation. */
  private static final java.util.regex.Pattern HIDDEN =
      java.util.regex.Pattern.compile(
          "%5Bredacted%5D|\\[redacted\\]", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The neutral marks a C4TAP share carries, and how each reads in Japanese and in English. */
  private static final java.util.Map<String, String[]> NEUTRAL_LABELS =
      java.util.Map.of(
          "receiving-organisation", new String[] {"〔受信組織〕", "[receiving organisation]"},
          "unit", new String[] {"〔部署名〕", "[unit]"},
          "recipient", new String[] {"〔受信者〕", "[recipient]"},
          "phone", new String[] {"〔電話番号〕", "[phone]"},
          "e-mail", new String[] {"〔メールアドレス〕", "[e-mail]"},
          "domain", new String[] {"〔ドメイン〕", "[domain]"},
          "ip-address", new String[] {"〔IPアドレス〕", "[IP address]"},
          "removed", new String[] {"〔削除〕", "[removed]"});

  private static final java.util.regex.Pattern NEUTRAL =
      java.util.regex.Pattern.compile(
          "\\[(receiving-organisation|unit|recipient|phone|e-mail|domain|ip-address|removed)\\]"
              + "|%5B(receiving-organisation|unit|recipient|phone|e-mail|domain|ip-address|removed)%5D",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * The marks the redaction left where it took something out, as the reader's language writes them:
   * a link's {@code %5Bredacted%5D} (its {@code [redacted]}, percent-encoded as a URL must be) and
   * the anonymiser's labels ({@code 〔メールアドレス〕}, also percent-encoded inside a link) read 〔削除済み〕 /
   * 〔メールアドレス〕 in Japanese and [redacted] / [e-mail] in English. The JSON keeps them as stored.
   */
  public String readable(String text) {
    return placeholders(text);
  }

  private String placeholders(String text) {
    if (text == null || (text.indexOf('%') < 0 && text.indexOf('[') < 0 && text.indexOf('〔') < 0)) {
      return text;
    }
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    boolean english = "en".equals(locale.getLanguage());
    String out =
        HIDDEN
            .matcher(text)
            .replaceAll(
                java.util.regex.Matcher.quoteReplacement(
                    messages.getMessage("pages.stix.redacted", null, "[redacted]", locale)));
    // the language-neutral marks of a C4TAP share ([e-mail], also percent-encoded in a link)
    java.util.regex.Matcher neutral = NEUTRAL.matcher(out);
    out =
        neutral.replaceAll(
            r -> {
              String[] label =
                  NEUTRAL_LABELS.get(
                      (r.group(1) != null ? r.group(1) : r.group(2))
                          .toLowerCase(java.util.Locale.ROOT));
              return java.util.regex.Matcher.quoteReplacement(english ? label[1] : label[0]);
            });
    for (jp.renkei.engine.redact.Redactor.Kind kind :
        jp.renkei.engine.redact.Redactor.Kind.values()) {
      String label = english ? kind.englishLabel() : kind.label();
      String encoded =
          java.net.URLEncoder.encode(kind.label(), java.nio.charset.StandardCharsets.UTF_8);
      out =
          java.util.regex.Pattern.compile(
                  java.util.regex.Pattern.quote(encoded), java.util.regex.Pattern.CASE_INSENSITIVE)
              .matcher(out)
              .replaceAll(java.util.regex.Matcher.quoteReplacement(label))
              .replace(kind.label(), label);
    }
    return out;
  }

  /**
   * The mail analyser names its indicators in English ("sender a@b.example", "link host b.example",
   * "attachment x.pdf.exe", as receivers of the STIX read them): the page says which in the
   * reader's language; any other indicator's name is shown as it is.
   */
  private String indicatorName(JsonNode indicator) {
    String name = indicator.path("name").asString("");
    String pattern = indicator.path("pattern").asString("");
    for (String[] mail : MAIL_INDICATORS) {
      if (name.startsWith(mail[0]) && pattern.startsWith(mail[1])) {
        return messages.getMessage(
            "pages.stix.mail." + mail[2],
            new Object[] {name.substring(mail[0].length())},
            org.springframework.context.i18n.LocaleContextHolder.getLocale());
      }
    }
    return name;
  }

  private static final String[][] MAIL_INDICATORS = {
    {"sender ", "[email-addr:value = ", "sender"},
    {"link host ", "[domain-name:value = ", "linkHost"},
    {"attachment ", "[file:hashes.", "attachment"}
  };

  private static final java.util.regex.Pattern MAIL_NOTE =
      java.util.regex.Pattern.compile("red flags: (clean|suspicious|malicious), score (\\d{1,3})$");

  /**
   * A note: the mail analyser's (its red flags as codes, its verdict and score in the abstract) as
   * the flags' names and the verdict in the reader's language; any other by its abstract.
   */
  private Row note(JsonNode note, boolean madeHere) {
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    String abstractText = note.path("abstract").asString("");
    java.util.regex.Matcher m = MAIL_NOTE.matcher(abstractText);
    if (!m.find() || !note.path("x_renkei_findings").isArray()) {
      return new Row("note", safe(abstractText), safe(note.path("content").asString("")));
    }
    java.util.Set<String> flags = new java.util.LinkedHashSet<>();
    for (JsonNode f : note.path("x_renkei_findings")) {
      String code = f.path("flag").asString("");
      if (SIGN_CODE.matcher(code).matches()) {
        flags.add(messages.getMessage("mailcheck.flag." + code, null, code, locale));
      }
    }
    String verdict =
        messages.getMessage(
            "mail.verdict." + m.group(1).toUpperCase(java.util.Locale.ROOT), null, locale);
    String score = messages.getMessage("mail.score", new Object[] {m.group(2)}, locale);
    // the note is what the bundle says, whoever wrote it (a member can post "red flags: clean,
    // score 0"): shown as the shared data's claim, never in the words of this hub's own verdict,
    // unless the page knows the hub wrote the bundle itself
    return new Row(
        "note",
        safe(String.join(" · ", flags)),
        messages.getMessage(
            madeHere ? "pages.stix.noteHub" : "pages.stix.noteClaim",
            new Object[] {verdict, score},
            locale));
  }

  /**
   * One red flag of a shared mail, in the reader's language: its name, what it means, and what
   * triggered it (each time it was found); {@code evidenceEn} and {@code evidenceJa} hold each
   * evidence in English and in Japanese (null where the note has none), for the sentence that says
   * a "≈" or "≠" in words ({@code mail/EvidenceWords}).
   */
  public record Finding(
      String flag,
      String name,
      String explanation,
      boolean sent,
      List<String> evidence,
      String summary,
      Integer points,
      List<String> evidenceEn,
      List<String> evidenceJa) {}

  /** The English evidence of every finding of {@code flag} among {@code findings}, in order. */
  public List<String> evidenceOf(List<Finding> findings, String flag) {
    List<String> out = new ArrayList<>();
    for (Finding f : findings == null ? List.<Finding>of() : findings) {
      if (f.flag().equals(flag)) {
        f.evidenceEn().stream().filter(e -> e != null).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * What a sign's code looks like (RedFlag's names): a sign this hub does not know is named by its
   * code, so a "code" that is a sentence ("JPCERT/CC confirmed this sender"), turns the line around
   * with a bidi override or runs for pages is no sign and is not shown (it stays in the JSON).
   */
  static final java.util.regex.Pattern SIGN_CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /**
   * The red flags the mail analyser's note in the bundle carries (a C4TAP share), each named and
   * explained in the reader's language with its evidence (the Japanese evidence where the note has
   * one); none for a bundle without such a note.
   */
  public List<Finding> findings(String bundle) {
    java.util.Map<String, Finding> out = new java.util.LinkedHashMap<>();
    JsonNode root;
    try {
      root = bundle == null ? null : JSON.readTree(bundle);
    } catch (JacksonException e) {
      return List.of();
    }
    if (root == null) {
      return List.of();
    }
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    boolean english = "en".equals(locale.getLanguage());
    for (JsonNode o : root.path("objects")) {
      if (!"note".equals(o.path("type").asString(""))) {
        continue;
      }
      for (JsonNode f : o.path("x_renkei_findings")) {
        String code = f.path("flag").asString("");
        if (!SIGN_CODE.matcher(code).matches()) {
          continue; // no sign's code: not named on the page, kept in the JSON
        }
        String explanation = explanation(f, code, english);
        if (explanation == null) {
          continue; // a sign this hub does not know, sent without words: its code is in the JSON
        }
        String evidenceEn = f.path("evidence").asString("");
        String evidenceJa = f.has("evidence_ja") ? f.path("evidence_ja").asString(null) : null;
        String evidence = !english && evidenceJa != null ? evidenceJa : evidenceEn;
        Finding finding =
            out.computeIfAbsent(
                code,
                c ->
                    new Finding(
                        c,
                        messages.getMessage("mailcheck.flag." + c, null, c, locale),
                        explanation,
                        !known(code),
                        new ArrayList<>(),
                        summary(code, english, explanation),
                        points(code),
                        new ArrayList<>(),
                        new ArrayList<>()));
        finding.evidence().add(placeholders(safe(evidence)));
        finding.evidenceEn().add(placeholders(safe(evidenceEn)));
        finding.evidenceJa().add(evidenceJa == null ? null : placeholders(safe(evidenceJa)));
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * What a sign is in one sentence (RedFlag#summary) for a sign this hub knows; a sent explanation
   * is shown whole.
   */
  private static String summary(String code, boolean english, String explanation) {
    return known(code) ? jp.renkei.engine.mail.RedFlag.valueOf(code).summary(english) : explanation;
  }

  /** A sign's points on this hub's scale, as the uploader's report shows them; null if unknown. */
  private static Integer points(String code) {
    return known(code) ? jp.renkei.engine.mail.RedFlag.valueOf(code).weight() : null;
  }

  /** Whether this hub knows the sign, and so explains it in its own words. */
  private static boolean known(String code) {
    try {
      jp.renkei.engine.mail.RedFlag.valueOf(code);
      return true;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  /** The longest explanation of a sign this hub does not know that is shown as it came. */
  static final int MAX_SENT_EXPLANATION = 1_000;

  /**
   * What a sign means in the reader's language: this hub's own words for a sign it knows; for a
   * newer sign from another hub, the explanation the note carries (its reader's language, else the
   * other), cut at {@link #MAX_SENT_EXPLANATION} characters; {@code null} when there is none.
   */
  private static String explanation(JsonNode finding, String code, boolean english) {
    try {
      jp.renkei.engine.mail.RedFlag flag = jp.renkei.engine.mail.RedFlag.valueOf(code);
      return english ? flag.en() : flag.ja();
    } catch (IllegalArgumentException unknown) {
      String mine = finding.path(english ? "explanation_en" : "explanation_ja").asString("");
      String other = finding.path(english ? "explanation_ja" : "explanation_en").asString("");
      String sent = (mine.isBlank() ? other : mine).strip();
      if (sent.isEmpty()) {
        return null;
      }
      // cut on a grapheme boundary: half an emoji read [U+D83D] on the page
      sent = Names.cut(sent, MAX_SENT_EXPLANATION);
      return safe(sent);
    }
  }

  /** The bundle indented, for those who want the JSON itself. */
  public String pretty(String bundle) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(bundle));
    } catch (JacksonException | IllegalArgumentException e) {
      return bundle;
    }
  }

  /**
   * A file's name; the mail analyser's placeholder for an attachment that gave none, "(no name)",
   * in the reader's language (ux42).
   */
  private String fileName(JsonNode o) {
    String name = o.path("name").asString("");
    return name.equals("(no name)")
        ? messages.getMessage(
            "mail.attachmentNoName",
            null,
            org.springframework.context.i18n.LocaleContextHolder.getLocale())
        : safe(name);
  }

  private String fileDetail(JsonNode f) {
    List<String> parts = new ArrayList<>();
    f.path("hashes")
        .properties()
        .forEach(h -> parts.add(h.getKey() + " " + h.getValue().asString()));
    if (f.has("size")) {
      // in the reader's language and digits grouped: 「1,778 バイト」, "1,778 bytes"
      parts.add(
          messages.getMessage(
              "pages.stix.size",
              new Object[] {f.path("size").asLong()},
              org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
    if (f.has("mime_type")) {
      parts.add(f.path("mime_type").asString());
    }
    return String.join(" · ", parts);
  }

  /** A STIX timestamp as every page writes times (the display zone, named); else as given. */
  private String when(String timestamp) {
    if (timestamp.isEmpty()) {
      return timestamp;
    }
    try {
      return time.jstZoned(java.time.Instant.parse(timestamp));
    } catch (java.time.format.DateTimeParseException e) {
      return safe(timestamp);
    }
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? safe(b) : b.isEmpty() ? a : a + " · " + safe(b);
  }

  private static String safe(String s) {
    return Names.escapeInvisible(s);
  }
}
