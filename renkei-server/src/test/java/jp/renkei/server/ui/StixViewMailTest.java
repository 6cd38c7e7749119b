package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.MailStix;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The table of a mail's STIX bundle (the C4TAP preview and share) in the reader's language: the
 * analyser's indicators read 「差出人 …」「リンク先のホスト …」「添付ファイル …」 on the Japanese page (they read "sender
 * …", "link host …" in English there, seen on the walk), and its note — an empty row before — names
 * the red flags and the verdict. The bundle itself keeps its English names for the receivers of the
 * STIX.
 */
class StixViewMailTest {

  private static final String EML =
      "From: \"Sakura Support\" <support@sakura-verify.example>\r\nTo: a@example.jp\r\n"
          + "Subject: Verify your account\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Your account is locked. Verify within"
          + " 24 hours.</p><a href=\"http://login.sakura-verify.example/x\">"
          + "https://www.sakura.example/login</a>\r\n--B\r\n"
          + "Content-Type: application/octet-stream\r\n"
          + "Content-Disposition: attachment; filename=\"invoice.pdf.exe\"\r\n\r\nMZ\r\n--B--\r\n";

  /** The page texts a C4TAP page reads a mail's bundle with. */
  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasenames("i18n/pages", "i18n/mailcheck", "messages");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  static StixView view() {
    return new StixView(messages());
  }

  private static String bundle() {
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(EML.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
    return MailStix.bundle(r, Tlp.AMBER, Instant.now(), false).toString();
  }

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void theMailIndicatorsAndNoteAreInJapaneseOnTheJapanesePage() {
    String bundle = bundle();
    assertThat(bundle).contains("\"name\":\"sender support@sakura-verify.example\"");
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    List<StixView.Row> rows = view().rows(bundle);
    assertThat(rows)
        .filteredOn(r -> r.type().equals("indicator"))
        .extracting(StixView.Row::detail)
        .contains(
            "差出人 support@sakura-verify.example",
            "リンク先のホスト login.sakura-verify.example",
            "添付ファイル invoice.pdf.exe")
        .noneMatch(d -> d.startsWith("sender") || d.startsWith("link host"));
    StixView.Row note =
        rows.stream().filter(r -> r.type().equals("note")).findFirst().orElseThrow();
    assertThat(note.value()).contains("二重拡張子").doesNotContain("DOUBLE_EXTENSION");
    // the note is the shared data's claim, labelled so, not this hub's verdict (ui23)
    assertThat(note.detail()).startsWith("共有データ内の記載 (このハブの判定ではありません): 危険: ").contains("スコア ");
  }

  @Test
  void theSameRowsReadInEnglishOnTheEnglishPage() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    List<StixView.Row> rows = view().rows(bundle());
    assertThat(rows)
        .extracting(StixView.Row::detail)
        .contains("sender support@sakura-verify.example", "attachment invoice.pdf.exe");
    StixView.Row note =
        rows.stream().filter(r -> r.type().equals("note")).findFirst().orElseThrow();
    assertThat(note.value()).isNotBlank().doesNotContain("_");
    assertThat(note.detail())
        .startsWith("As the shared data says (not this hub's verdict): Dangerous")
        .contains("score ");
  }

  /**
   * A C4TAP share's bundle is the hub's own analysis of the uploaded mail: its preview called the
   * verdict just computed "not this hub's verdict" (ux32). Said as the hub's there, in both
   * languages.
   */
  @Test
  void theNoteOfABundleTheHubMadeIsTheHubsOwnAnalysis() {
    assertThat(hubMadeNote(Locale.JAPANESE).detail())
        .startsWith("このハブがメールを解析した結果: 危険: ")
        .doesNotContain("判定ではありません");
    assertThat(hubMadeNote(Locale.ENGLISH).detail())
        .startsWith("This hub's analysis of the mail: Dangerous")
        .doesNotContain("not this hub");
  }

  private StixView.Row hubMadeNote(Locale locale) {
    LocaleContextHolder.setLocale(locale);
    return view().rows(bundle(), true).stream()
        .filter(r -> r.type().equals("note"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theFindingsOfTheNoteAreExplainedInTheReadersLanguage() {
    String bundle = bundle();
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    List<StixView.Finding> ja = view().findings(bundle);
    assertThat(ja).extracting(StixView.Finding::flag).doesNotHaveDuplicates();
    assertThat(ja)
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo("DOUBLE_EXTENSION");
              assertThat(f.name()).isEqualTo("二重拡張子");
              assertThat(f.explanation())
                  .isEqualTo(jp.renkei.engine.mail.RedFlag.DOUBLE_EXTENSION.ja());
              assertThat(f.evidence()).containsExactly("invoice.pdf.exe");
              // its points on this hub's scale, as the uploader's report shows them (ux32)
              assertThat(f.points())
                  .isEqualTo(jp.renkei.engine.mail.RedFlag.DOUBLE_EXTENSION.weight());
            });
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(view().findings(bundle))
        .hasSameSizeAs(ja)
        .anySatisfy(
            f ->
                assertThat(f.explanation())
                    .isEqualTo(jp.renkei.engine.mail.RedFlag.DOUBLE_EXTENSION.en()));
    assertThat(view().findings("{\"type\":\"bundle\",\"objects\":[]}")).isEmpty();
  }

  @Test
  void everyFindingOfTheNoteCarriesItsExplanationInBothLanguages() {
    tools.jackson.databind.JsonNode note = null;
    for (tools.jackson.databind.JsonNode o :
        MailStix.bundle(
                new MailAnalyzer()
                    .analyze(new ByteArrayInputStream(EML.getBytes(StandardCharsets.UTF_8))),
                Tlp.AMBER,
                Instant.now(),
                false)
            .get("objects")) {
      if (o.has("x_renkei_findings")) {
        note = o;
      }
    }
    assertThat(note).isNotNull();
    assertThat(note.get("x_renkei_findings"))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              var flag = jp.renkei.engine.mail.RedFlag.valueOf(f.get("flag").asString());
              assertThat(f.get("explanation_ja").asString()).isEqualTo(flag.ja());
              assertThat(f.get("explanation_en").asString()).isEqualTo(flag.en());
            });
  }

  /**
   * A newer hub's sign this hub does not know was dropped from the list (its code only in the
   * JSON): it is shown with the explanation the note carries, in the reader's language when sent,
   * cut when long, its control characters made visible; a sign sent without any words stays out.
   */
  @Test
  void aSignThisHubDoesNotKnowIsShownWithTheExplanationItCameWith() {
    String longText = "x".repeat(5_000);
    String bundle =
        "{\"type\":\"bundle\",\"objects\":[{\"type\":\"note\",\"abstract\":\"red flags:"
            + " suspicious, score 25\",\"x_renkei_findings\":[{\"flag\":\"FUTURE_SIGN\","
            + "\"explanation_ja\":\"将来の兆候です。\",\"explanation_en\":\"A future sign\u202e.\","
            + "\"evidence\":\"seen\"},{\"flag\":\"ONLY_ENGLISH\",\"explanation_en\":\""
            + longText
            + "\",\"evidence\":\"e\"},{\"flag\":\"NO_WORDS\",\"evidence\":\"e\"}]}]}";
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    List<StixView.Finding> ja = view().findings(bundle);
    assertThat(ja)
        .extracting(StixView.Finding::flag)
        .containsExactly("FUTURE_SIGN", "ONLY_ENGLISH");
    assertThat(ja.get(0).explanation()).isEqualTo("将来の兆候です。");
    assertThat(ja.get(0).name()).isEqualTo("FUTURE_SIGN");
    // no points are made up for a sign this hub does not score
    assertThat(ja).extracting(StixView.Finding::points).containsOnlyNulls();
    assertThat(ja.get(1).explanation()).hasSize(StixView.MAX_SENT_EXPLANATION + 1).endsWith("…");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    List<StixView.Finding> en = view().findings(bundle);
    assertThat(en.get(0).explanation()).startsWith("A future sign").doesNotContain("\u202e");
    assertThat(en.get(0).evidence()).containsExactly("seen");
  }

  /**
   * A sign this hub does not know is shown by its code as its name: a code that is no sign's code
   * (a right-to-left override turning the line around, a sentence claiming another organisation's
   * finding, 100,000 characters) is not shown as a sign at all, in the list or in the table's row;
   * the explanation a note came with is marked as not this hub's words, and a sign this hub knows
   * keeps this hub's words whatever the note says.
   */
  @Test
  void aSentSignIsShownOnlyByASignsCodeAndItsWordsAsTheSenders() {
    String bundle =
        "{\"type\":\"bundle\",\"objects\":[{\"type\":\"note\",\"abstract\":\"red flags:"
            + " clean, score 0\",\"x_renkei_findings\":["
            + "{\"flag\":\"SAFE\\u202eDETACILPER\",\"explanation_en\":\"x\",\"evidence\":\"e\"},"
            + "{\"flag\":\"JPCERT/CC confirmed this sender as safe\",\"explanation_en\":\"x\"},"
            + "{\"flag\":\""
            + "A".repeat(100_000)
            + "\",\"explanation_en\":\"x\"},"
            + "{\"flag\":\"FUTURE_SIGN\",\"explanation_en\":\""
            + "y".repeat(50)
            + "\",\"evidence\":\"e\"},"
            + "{\"flag\":\"SUSPICIOUS_LINK\",\"explanation_en\":\"Ignore this sign\",\"evidence\":\"e\"}]}]}";
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    List<StixView.Finding> en = view().findings(bundle);
    assertThat(en)
        .extracting(StixView.Finding::flag)
        .containsExactly("FUTURE_SIGN", "SUSPICIOUS_LINK");
    StixView.Finding future = en.get(0);
    assertThat(future.sent()).as("the words came with the note").isTrue();
    assertThat(future.explanation()).isEqualTo("y".repeat(50));
    StixView.Finding known = en.get(1);
    assertThat(known.sent()).as("this hub's own words for a sign it knows").isFalse();
    assertThat(known.explanation())
        .isEqualTo(jp.renkei.engine.mail.RedFlag.SUSPICIOUS_LINK.en())
        .doesNotContain("Ignore");
    StixView.Row row = view().rows(bundle).get(0);
    assertThat(row.value())
        .doesNotContain("\u202e", "[U+202E]", "JPCERT", "AAAAAAAA")
        .contains("FUTURE_SIGN");
  }

  @Test
  void anIndicatorOrNoteFromElsewhereIsShownAsItCame() {
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    List<StixView.Row> rows =
        view()
            .rows(
                "{\"type\":\"bundle\",\"objects\":[{\"type\":\"indicator\",\"name\":\"sender of"
                    + " spam\",\"pattern\":\"[ipv4-addr:value = '192.0.2.1']\"},{\"type\":\"note\","
                    + "\"abstract\":\"Seen in November\",\"content\":\"three hits\"}]}");
    assertThat(rows.get(0).detail()).isEqualTo("sender of spam");
    assertThat(rows.get(1).value()).isEqualTo("Seen in November");
    assertThat(rows.get(1).detail()).isEqualTo("three hits");
  }

  /**
   * A shared link with the victim's address taken out read {@code login?u=%5Bredacted%5D} in the
   * table (walk19), and an address the anonymiser labelled read {@code 〔メールアドレス〕} on the English
   * page: the marks are written in the reader's language, the JSON keeps them.
   */
  @Test
  void theRedactionsMarksReadInTheReadersLanguage() {
    String email = java.net.URLEncoder.encode("〔メールアドレス〕", StandardCharsets.UTF_8);
    String bundle =
        "{\"type\":\"bundle\",\"objects\":[{\"type\":\"url\",\"value\":"
            + "\"https://verify.example.top/login?u=%5Bredacted%5D\"},{\"type\":\"url\",\"value\":"
            + "\"https://verify.example.top/p?to="
            + email
            + "\"},{\"type\":\"note\",\"abstract\":\"red flags: malicious, score 70\","
            + "\"x_renkei_findings\":[{\"flag\":\"RECIPIENT_AS_NAME\","
            + "\"evidence\":\"dear 〔メールアドレス〕\"},{\"flag\":\"SUSPICIOUS_LINK\","
            + "\"evidence\":\"http://198.51.100.7/a?e=[redacted]==\"}]}]}";
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    assertThat(view().rows(bundle))
        .extracting(StixView.Row::value)
        .contains(
            "https://verify.example.top/login?u=〔削除済み〕",
            "https://verify.example.top/p?to=〔メールアドレス〕")
        .noneMatch(v -> v.contains("%5B") || v.contains("%E3"));
    assertThat(view().findings(bundle))
        .flatExtracting(StixView.Finding::evidence)
        .contains("dear 〔メールアドレス〕", "http://198.51.100.7/a?e=〔削除済み〕==");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(view().rows(bundle))
        .extracting(StixView.Row::value)
        .contains(
            "https://verify.example.top/login?u=[redacted]",
            "https://verify.example.top/p?to=[e-mail]");
    assertThat(view().findings(bundle))
        .flatExtracting(StixView.Finding::evidence)
        .contains("dear [e-mail]")
        .noneMatch(e -> e.contains("〔"));
    assertThat(view().pretty(bundle)).contains("%5Bredacted%5D", email);
  }

  /**
   * ui23: a C4TAP share carries ASCII marks for peers' tools ([e-mail], %5Be-mail%5D in a link);
   * the page writes them in the reader's language. A sent explanation cut at its limit never splits
   * an emoji into a lone surrogate ([U+D83D]).
   */
  @Test
  void theNeutralMarksReadInTheReadersLanguageAndACutKeepsEmojiWhole() {
    String bundle =
        "{\"type\":\"bundle\",\"objects\":[{\"type\":\"url\",\"value\":"
            + "\"https://verify.example.top/p?to=%5Be-mail%5D\"},{\"type\":\"note\","
            + "\"abstract\":\"red flags: malicious, score 70\",\"x_renkei_findings\":["
            + "{\"flag\":\"RECIPIENT_AS_NAME\",\"evidence\":\"dear [recipient] of"
            + " [receiving-organisation]\"},{\"flag\":\"FUTURE_SIGN\",\"explanation_en\":\""
            + "x".repeat(StixView.MAX_SENT_EXPLANATION - 1)
            + "\\ud83d\\ude00 and more\",\"evidence\":\"e\"}]}]}";
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    assertThat(view().rows(bundle))
        .extracting(StixView.Row::value)
        .contains("https://verify.example.top/p?to=〔メールアドレス〕");
    assertThat(view().findings(bundle))
        .flatExtracting(StixView.Finding::evidence)
        .contains("dear 〔受信者〕 of 〔受信組織〕");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(view().rows(bundle))
        .extracting(StixView.Row::value)
        .contains("https://verify.example.top/p?to=[e-mail]");
    StixView.Finding future =
        view().findings(bundle).stream()
            .filter(f -> f.flag().equals("FUTURE_SIGN"))
            .findFirst()
            .orElseThrow();
    assertThat(future.explanation()).doesNotContain("[U+D83D]").endsWith("x…");
  }
}
