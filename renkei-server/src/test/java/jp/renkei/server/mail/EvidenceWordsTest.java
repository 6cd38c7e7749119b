package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.RedFlag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A look-alike finding said in words (ux36): which real domain or name the sender's or link's
 * domain imitates, and how, in Japanese and English, read from the engine's evidence as it is
 * written today (each evidence here is one the engine wrote for a lure of the tuning halves, with
 * the domains changed).
 */
class EvidenceWordsTest {

  private final EvidenceWords words = new EvidenceWords(messages());

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasenames("messages");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  private String ja(String evidence) {
    return words.said(new MailReport.Finding(RedFlag.LOOKALIKE_DOMAIN, evidence), Locale.JAPANESE);
  }

  private String en(String evidence) {
    return words.said(new MailReport.Finding(RedFlag.LOOKALIKE_DOMAIN, evidence), Locale.ENGLISH);
  }

  @Test
  void aRealDomainWrittenAtTheStartOfAnotherIsSaid() {
    String e = "https://www.eki-net.jp.badhost.example/login ≈ eki-net.jp (えきねっと)";
    assertThat(en(e))
        .isEqualTo(
            "→ The link's host www.eki-net.jp.badhost.example starts with the real domain"
                + " eki-net.jp (えきねっと), but belongs to another domain, badhost.example (a domain"
                + " is read from its right end): the link leads to badhost.example.");
    assertThat(ja(e))
        .isEqualTo(
            "→ リンク先のドメイン www.eki-net.jp.badhost.example は本物のドメイン eki-net.jp (えきねっと)"
                + " で始まっていますが、実際には別のドメイン badhost.example のものです (ドメインは右端から読みます)。"
                + "行き先は badhost.example です。");
  }

  @Test
  void oneLetterChangedAddedOrLeftOutIsNamed() {
    assertThat(en("From: info@examp1e-bank.co.jp ≈ example-bank.co.jp"))
        .startsWith("→ The sender's address info@examp1e-bank.co.jp is spelled one place apart")
        .contains("(\"1\" in place of \"l\")", "another domain, examp1e-bank.co.jp");
    assertThat(ja("https://sakura-bannk.example/ ≈ sakura-bank.example"))
        .contains("綴りが 1 か所だけ違う (「n」が足されています)");
    assertThat(en("https://skura-bank.example/ ≈ sakura-bank.example"))
        .contains("(\"a\" left out)");
    assertThat(en("https://sakrua-bank.example/ ≈ sakura-bank.example"))
        .contains("(\"ur\" written as \"ru\")");
  }

  @Test
  void theSameNameUnderAnotherEndingIsSaid() {
    assertThat(en("https://login.sakura-bank.net/ ≈ sakura-bank.co.jp"))
        .contains(
            "same name as the real domain sakura-bank.co.jp with another ending (.net instead of .co.jp)");
  }

  @Test
  void theEnginesOwnWaysAreSaidInWords() {
    assertThat(
            ja(
                "From: support-amazon.jp@28703.example ≈ amazon.jp (Amazon), a brand's domain as the mailbox name"))
        .isEqualTo(
            "→ 差出人のアドレス support-amazon.jp@28703.example は、企業のドメイン amazon.jp (Amazon)"
                + " を @ の前に書いていますが、実際に送ったドメインは 28703.example です。");
    assertThat(en("https://www.co.jp.trackio.example/ ≈ www.co.jp"))
        .contains("starts with \"www.co.jp\"", "its real domain is trackio.example");
    assertThat(
            en("https://my-jcb-co-jp.cyyan.example ≈ jcb.co.jp (JCB), its dots written as hyphens"))
        .contains(
            "writes the real domain jcb.co.jp (JCB) with hyphens for its dots", "cyyan.example");
    assertThat(
            en(
                "https://www.eki-net.tsdgd.example/ ≈ eki-net (えきねっと), a brand's name in front of another domain"))
        .contains(
            "puts the brand name \"eki-net (えきねっと)\" in front of another domain, tsdgd.example");
    assertThat(en("http://verify.cexodus.example/ ≈ Exodus"))
        .contains("contains the name \"Exodus\" but is not Exodus's domain");
    assertThat(en("https://appledger.example/recover/ ≈ Ledger ≠ sender.example"))
        .contains("named after \"Ledger\"", "not the sender's own domain (sender.example)");
    assertThat(en("https://evil.example/sakura-bank.co.jp/login ≈ sakura-bank.co.jp"))
        .contains(
            "writes the real domain sakura-bank.co.jp into the path", "leads to evil.example");
    assertThat(en("https://xn--pypal-4ve.example/ (xn--pypal-4ve.example → pаypal.example)"))
        .contains(
            "The internationalised domain xn--pypal-4ve.example is displayed as pаypal.example");
  }

  @Test
  void aMemberOrganisationIsNamedInTheReadersLanguage() {
    MailReport.Finding f =
        new MailReport.Finding(
            RedFlag.LOOKALIKE_DOMAIN,
            "https://sakura-bank-login.example/ ≈ member organisation Sakura Bank",
            "https://sakura-bank-login.example/ ≈ 会員組織「さくら銀行」のドメイン");
    assertThat(words.said(f, Locale.JAPANESE)).contains("会員組織「さくら銀行」のドメインに似せた");
    assertThat(words.said(f, Locale.ENGLISH)).contains("the member organisation Sakura Bank");
  }

  @Test
  void aClaimedBrandAndALoginLinkElsewhereAreSaid() {
    MailReport.Finding claimed =
        new MailReport.Finding(RedFlag.BRAND_IMPERSONATION, "えきねっと ≠ ozexohv.example");
    assertThat(words.said(claimed, Locale.JAPANESE))
        .isEqualTo("→ このメールは「えきねっと」を名乗っていますが、送信元のドメイン ozexohv.example は「えきねっと」のものではありません。");
    MailReport.Finding listed =
        new MailReport.Finding(
            RedFlag.BRAND_IMPERSONATION, "Amazon ≠ 28703.example (through a mailing list)");
    assertThat(words.said(listed, Locale.ENGLISH))
        .isEqualTo(
            "→ The mail presents itself as Amazon, but the domain it was sent from, 28703.example,"
                + " is not Amazon's.");
    MailReport.Finding rewritten =
        new MailReport.Finding(
            RedFlag.BRAND_IMPERSONATION, "東京電力 ≠ faith.example (through a mailing list, Reply-To)");
    assertThat(words.said(rewritten, Locale.JAPANESE))
        .isEqualTo(
            "→ このメールは「東京電力」を名乗っていますが、メーリングリストが差出人を書き換えたため、書いた人のアドレスは返信先 (Reply-To)"
                + " にあり、そのドメイン faith.example は「東京電力」のものではありません。");
    assertThat(words.said(rewritten, Locale.ENGLISH))
        .isEqualTo(
            "→ The mail presents itself as 東京電力, but the mailing list rewrote its sender, and the"
                + " writer's own address, kept in Reply-To, is on faith.example, which is not"
                + " 東京電力's.");
    MailReport.Finding login =
        new MailReport.Finding(
            RedFlag.LOGIN_LINK_ELSEWHERE,
            "https://www.eki-net.jp.uuskfhh.example/ ≠ ozexohv.example");
    assertThat(words.said(login, Locale.ENGLISH))
        .startsWith(
            "→ The link asking you to log in or verify leads to www.eki-net.jp.uuskfhh.example, a"
                + " domain unrelated to the sender's, ozexohv.example;");
    assertThat(
            words.said(
                new MailReport.Finding(
                    RedFlag.BRAND_IMPERSONATION, "mailbox \"police\" ≠ free.example"),
                Locale.ENGLISH))
        .isNull();
  }

  @Test
  void otherFindingsAndUnreadableEvidenceGetNoSentence() {
    assertThat(
            words.said(
                new MailReport.Finding(RedFlag.SUSPICIOUS_LINK, "https://a.example ≈ b.example"),
                Locale.ENGLISH))
        .isNull();
    assertThat(en("something the engine may write one day")).isNull();
    assertThat(en("≈ nothing before")).isNull();
  }

  /** ux37: "shown → href" said as what the text shows and where the link leads. */
  @Test
  void aLinkWhoseTextShowsAnotherAddressSaysWhereItLeads() {
    MailReport.Finding shown =
        new MailReport.Finding(
            RedFlag.LINK_TEXT_MISMATCH,
            "https://www.smbc-card.com/mem/index.jsp → http://smbc-card.verify-login.example/login");
    assertThat(words.said(shown, Locale.JAPANESE))
        .isEqualTo(
            "→ 本文には「https://www.smbc-card.com/mem/index.jsp」と表示されていますが、実際のリンク先は"
                + " http://smbc-card.verify-login.example/login です。");
    assertThat(words.said(shown, Locale.ENGLISH))
        .isEqualTo(
            "→ The text shows “https://www.smbc-card.com/mem/index.jsp”, but the link leads"
                + " to http://smbc-card.verify-login.example/login.");
    MailReport.Finding forwarded =
        new MailReport.Finding(
            RedFlag.LINK_TEXT_MISMATCH,
            "www.bank.example → https://t.example/r?u=1 → https://bank-login.example/");
    assertThat(words.said(forwarded, Locale.ENGLISH))
        .endsWith(
            "leads to https://t.example/r?u=1, which forwards to https://bank-login.example/.");
    // the same words for a shared finding, read from its English evidence
    assertThat(words.said("LINK_TEXT_MISMATCH", "a.example → b.example", null, Locale.JAPANESE))
        .isEqualTo("→ 本文には「a.example」と表示されていますが、実際のリンク先は b.example です。");
    // an evidence of another form gets no sentence
    assertThat(
            words.said(
                new MailReport.Finding(RedFlag.LINK_TEXT_MISMATCH, "image map"), Locale.ENGLISH))
        .isNull();
  }

  /**
   * share38: the .msg lure's "login link elsewhere" named the brand's address its text shows; with
   * the link-text mismatch beside it, the sentence names where the link really leads.
   */
  @Test
  void aLoginLinkThatIsOnlyShownTextIsSaidWithWhereItsLinkLeads() {
    MailReport.Finding login =
        new MailReport.Finding(
            RedFlag.LOGIN_LINK_ELSEWHERE,
            "https://www.card.example/mem/index.jsp ≠ example.net (the other links: example.net)");
    MailReport.Finding shown =
        new MailReport.Finding(
            RedFlag.LINK_TEXT_MISMATCH,
            "https://www.card.example/mem/index.jsp → http://card.verify-login.example.net/login");
    java.util.List<MailReport.Finding> all = java.util.List.of(shown, login);
    assertThat(words.said(login, all, Locale.ENGLISH))
        .isEqualTo(
            "→ https://www.card.example/mem/index.jsp is only the address the mail shows as the text"
                + " of a link; that link really leads to http://card.verify-login.example.net/login,"
                + " and that is where the page asking you to log in or verify is.");
    assertThat(words.said(login, all, Locale.JAPANESE))
        .startsWith("→ https://www.card.example/mem/index.jsp は、別のリンクの表示文字として")
        .contains("実際の行き先は http://card.verify-login.example.net/login で");
    // without the mismatch, the sentence is the sign's own
    assertThat(words.said(login, java.util.List.of(login), Locale.ENGLISH))
        .contains("leads to www.card.example, a domain unrelated to the sender's, example.net");
  }
}
