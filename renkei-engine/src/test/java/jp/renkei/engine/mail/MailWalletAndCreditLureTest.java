package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fake crypto-wallet announcements (a wallet or NFT market named by a sender on another domain, a
 * download on a domain dressed in the sender's name), sums said to be credited to the reader, and
 * words broken by invisible characters, on hand-written messages; and modern legitimate mail that
 * looks like them (an exchange's own security notice, a wallet maker's newsletter, a GitHub
 * notification, a Google Docs share, a Zendesk reply, a broker's daily summary, a Japanese
 * newsletter) that stays clean (issue 19, mail13).
 */
class MailWalletAndCreditLureTest {

  static final String AUTH =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=%1$s;"
          + " dkim=pass header.d=%1$s; dmarc=pass header.from=%1$s\r\n"
          + "DKIM-Signature: v=1; a=rsa-sha256; d=%1$s; s=s1; h=from:to:subject; bh=x; b=y\r\n";

  MailReport analyze(String headers, String contentType, String body) {
    return TestMail.analyzeBase64(headers, contentType, body);
  }

  static List<RedFlag> flags(MailReport r) {
    return TestMail.flags(r);
  }

  static String evidence(MailReport r, RedFlag f) {
    return r.findings().stream()
        .filter(x -> x.flag() == f)
        .map(MailReport.Finding::evidence)
        .toList()
        .toString();
  }

  @Test
  void aWalletsDesktopAppAnnouncedFromAnotherDomainAndDownloadedFromADressedOneIsMalicious() {
    MailReport r =
        analyze(
            String.format(AUTH, "garden-bulletin.com")
                + "From: Trezor <news@garden-bulletin.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Introducing the new Trezor Suite Desktop App\r\n",
            "text/html",
            "<p>Dear Trezor community, our new desktop application is here, with faster sync"
                + " and a refreshed interface.</p><p><a"
                + " href=\"https://www.trezordesktop-app.com/download\">Download the latest"
                + " version</a></p>");
    assertThat(flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.LOOKALIKE_DOMAIN);
    assertThat(evidence(r, RedFlag.BRAND_IMPERSONATION)).contains("Trezor ≠ garden-bulletin.com");
    assertThat(evidence(r, RedFlag.LOOKALIKE_DOMAIN))
        .contains("trezordesktop-app.com/download ≈ Trezor ≠ garden-bulletin.com");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aNameNoBrandListKnowsIsStillReadWhenTheLinkDressesInIt() {
    // a wallet the brand list does not know: the sender calls itself Corvid, writes from a
    // Vietnamese company's domain and links corviddesktop.com
    MailReport r =
        analyze(
            String.format(AUTH, "dragon-lab.com.vn")
                + "From: Corvid <info@dragon-lab.com.vn>\r\nTo: a@example.jp\r\n"
                + "Subject: Corvid Desktop: a new standard for self-custody\r\n",
            "text/html",
            "<p>We are introducing Corvid Desktop for crypto holders.</p><p><a"
                + " href=\"https://corviddesktop.com/get\">Get Corvid Desktop</a></p>");
    assertThat(flags(r)).contains(RedFlag.LOOKALIKE_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // the same announcement from the maker's own domain, linking it: nothing dressed
    MailReport own =
        analyze(
            String.format(AUTH, "corvid.com")
                + "From: Corvid <info@corvid.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Corvid Desktop: a new standard for self-custody\r\n",
            "text/html",
            "<p>We are introducing Corvid Desktop.</p><p><a"
                + " href=\"https://corviddesktop.com/get\">Get Corvid Desktop</a> · <a"
                + " href=\"https://corvid.com/blog\">Blog</a></p>");
    assertThat(flags(own)).doesNotContain(RedFlag.LOOKALIKE_DOMAIN);
    assertThat(own.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aDisplayNameThatIsOnlyAWalletsOrMarketsNameClaimsIt() {
    for (String[] m :
        List.of(
            new String[] {"Ledger", "support@canix-tools.com", "Data Breach"},
            new String[] {"OpenSea", "noreply@jfp-events.com", "An offer was made on your item"},
            new String[] {"Magic Eden", "help@pdi-demeter.com", "New bid on your listing"},
            new String[] {"ELECTRUM WALLET", "info@bulls-letter.today", "Extension release"},
            new String[] {"Crypto.com", "support@survey-byte.com", "Onchain Wallet Desktop"})) {
      MailReport r =
          analyze(
              "From: \""
                  + m[0]
                  + "\" <"
                  + m[1]
                  + ">\r\nTo: a@example.jp\r\nSubject: "
                  + m[2]
                  + "\r\n",
              "text/plain",
              "Read more: https://" + m[1].substring(m[1].indexOf('@') + 1) + "/n/1");
      assertThat(flags(r)).as(m[0]).contains(RedFlag.BRAND_IMPERSONATION);
    }
    // on free mail a name is a person's or a nickname, not a claim by itself
    MailReport person =
        analyze(
            "From: Kraken <kraken.gamer1990@gmail.com>\r\nTo: a@example.jp\r\nSubject: lunch?\r\n",
            "text/plain",
            "Are you free on Friday?");
    assertThat(flags(person))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION, RedFlag.FREEMAIL_CLAIMS_ORGANISATION);
  }

  @Test
  void aSumCreditedToTheReaderIsAPaymentLureAndOnFreeMailSuspicious() {
    for (String body :
        List.of(
            "Your balance has been replenished +29,738$ https://drive.google.com/file/d/1x/view",
            "Your account already has +23.774$ Write back to withdraw.",
            "Score released: +$354 — https://docs.google.com/document/d/7/view",
            "お客様の残高が追加されました。https://drive.google.com/file/d/2/view")) {
      MailReport r =
          analyze(
              "From: Lance Webb <lance.webb4471@gmail.com>\r\nTo: a@example.jp\r\n"
                  + "Subject: "
                  + TestMail.encodedWord("Avalyn")
                  + "\r\n",
              "text/plain",
              body);
      assertThat(flags(r)).as(body).contains(RedFlag.PAYMENT_LURE, RedFlag.FREEMAIL_LURE);
      assertThat(r.verdict()).as(body).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void creditedAmountsTriedAtTheirStartsFindWhatAFullScanFinds() {
    assertThat(MailRegexStarts.starts(MailFraudWords.CREDITED_AMOUNTS.pattern())).isNotNull();
    for (String s :
        List.of(
            "your balance has been credited. +$354 and +1,200 usdt",
            "a+$5 b +5$ c x+5$",
            "残高が追加されました / 500円が入金されました",
            "saldo disponível para saque",
            "dow +1.2% today")) {
      assertThat(MailSigns.found(MailFraudWords.CREDITED_AMOUNTS, s))
          .as(s)
          .isEqualTo(MailSigns.foundScanningAll(MailFraudWords.CREDITED_AMOUNTS, s));
    }
    assertThat(MailSigns.found(MailFraudWords.CREDITED_AMOUNTS, "dow +1.2% today")).isEmpty();
  }

  @Test
  void wordsBrokenByInvisibleCharactersAreObfuscatedButPersianEmojiAndSoftHyphensAreNot() {
    String zwnj = "\u200C";
    String broken =
        String.join(zwnj, "H", "el", "lo this is L", "eon on be", "half of the Stu", "dent Lo")
            + "an De"
            + zwnj
            + "bt De"
            + zwnj
            + "part"
            + zwnj
            + "ment. We tr"
            + zwnj
            + zwnj
            + "ied to con"
            + zwnj
            + "tact you ab"
            + zwnj
            + "out your ba"
            + zwnj
            + "lance.";
    MailReport r =
        analyze(
            "From: Leon Ima <leon.ima@hotmail.com>\r\nTo: a@example.jp\r\nSubject: Corvo\r\n",
            "text/plain",
            "Corvo, " + broken);
    assertThat(flags(r)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(evidence(r, RedFlag.OBFUSCATED_TEXT)).contains("inside words").contains("\"hello");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // Persian needs the non-joiner, emoji sequences the joiner, German newsletters soft hyphens
    MailReport persian =
        analyze(
            "From: Sara <sara@example-univ.ac.ir>\r\nTo: a@example.jp\r\nSubject: "
                + TestMail.encodedWord("جلسه")
                + "\r\n",
            "text/plain",
            ("می" + zwnj + "خواهم ").repeat(20) + "کتاب" + zwnj + "ها را بفرستم.");
    MailReport emoji =
        analyze(
            "From: Aiko <aiko@example-corp.co.jp>\r\nTo: a@example.jp\r\nSubject: team\r\n",
            "text/plain",
            "Family: 👨\u200D👩\u200D👧 ".repeat(12) + "see you");
    MailReport soft =
        analyze(
            "From: Stadtwerke <news@stadtwerke-beispiel.de>\r\nTo: a@example.jp\r\nSubject: News\r\n",
            "text/plain",
            "Ener\u00ADgie\u00ADspar\u00ADtipps ".repeat(12) + "für den Winter.");
    for (MailReport clean : List.of(persian, emoji, soft)) {
      assertThat(flags(clean)).as(clean.subject()).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    }
  }

  /** Modern legitimate mail that looks like the lures above and stays clean. */
  @Test
  void modernLegitimateLookAlikesStayClean() {
    // an exchange's genuine security notice, its own domain's links
    MailReport exchange =
        analyze(
            String.format(AUTH, "kraken.com")
                + "From: Kraken <noreply@kraken.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Security notice: a new withdrawal address was added 🔐\r\n",
            "text/html",
            "<p>Hello Aiko,</p><p>A new withdrawal address was added to your account at 10:42"
                + " UTC. If this was you, no action is needed.</p><p>Not you? <a"
                + " href=\"https://www.kraken.com/sign-in\">Sign in</a> and see <a"
                + " href=\"https://support.kraken.com/hc/en-us/articles/360000\">our help"
                + " article</a>.</p>");
    // a wallet maker's own newsletter, sent as bulk senders must
    MailReport newsletter =
        analyze(
            String.format(AUTH, "ledger.com")
                + "From: Ledger <hello@ledger.com>\r\nTo: a@example.jp\r\n"
                + "Subject: What's new in Ledger Live this month\r\n"
                + "List-Unsubscribe: <https://www.ledger.com/u/Qx1>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
            "text/html",
            "<p>Staking dashboards and a new NFT gallery. <a"
                + " href=\"https://www.ledger.com/ledger-live\">Read more</a> · <a"
                + " href=\"https://shop.ledger.com/\">Shop</a></p><p><a"
                + " href=\"https://www.ledger.com/u/Qx1\">Unsubscribe</a></p>");
    // a colleague's pull request on GitHub
    MailReport github =
        analyze(
            String.format(AUTH, "github.com")
                + "From: Sato Hanako <notifications@github.com>\r\nTo: a@example.jp\r\n"
                + "Subject: [example-corp/renkei] Wallet address validation (PR #412)\r\n"
                + "List-Id: example-corp/renkei <renkei.example-corp.github.com>\r\n"
                + "List-Unsubscribe: <mailto:unsub+abc@reply.github.com>,"
                + " <https://github.com/notifications/unsubscribe/abc>\r\n",
            "text/plain",
            "Adds a checksum check for crypto wallet addresses in the indicator import.\n\n"
                + "You can view, comment on, or merge this pull request online at:\n"
                + "  https://github.com/example-corp/renkei/pull/412\n\n"
                + "Reply to this email directly, view it on GitHub:\n"
                + "https://github.com/example-corp/renkei/pull/412#issue-1\n"
                + "You are receiving this because you were mentioned.");
    // a Google Docs share from a colleague
    MailReport share =
        analyze(
            String.format(AUTH, "google.com")
                + "From: "
                + TestMail.encodedWord("田中 一郎 (Google ドキュメント経由)")
                + " <drive-shares-dm-noreply@google.com>\r\n"
                + "Reply-To: tanaka@example-corp.co.jp\r\nTo: a@example-corp.co.jp\r\n"
                + "Subject: "
                + TestMail.encodedWord("ドキュメント「12月 演習計画」が共有されました")
                + "\r\n",
            "text/html",
            "<p>田中 一郎 さんが次のドキュメントへの編集者として招待しました:</p><p><a"
                + " href=\"https://docs.google.com/document/d/1AbC/edit?usp=sharing\">12月"
                + " 演習計画</a></p><p>Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA"
                + " 94043, USA</p>");
    // a vendor's support answering a ticket through Zendesk
    MailReport zendesk =
        analyze(
            String.format(AUTH, "zendesk.com")
                + "From: Nimbus Support <support@nimbus-help.zendesk.com>\r\nTo: a@example.jp\r\n"
                + "Subject: [Nimbus] Re: Export fails with error 502 (#48213)\r\n",
            "text/html",
            "<p>Hi Aiko,</p><p>Thanks for the log. The export failed because of a timeout on"
                + " our side; it is fixed in 4.2.1. You can download it from <a"
                + " href=\"https://nimbusapp.io/download\">our download page</a> or see <a"
                + " href=\"https://nimbus-help.zendesk.com/hc/articles/1\">the release"
                + " notes</a>.</p><p>Ken, Nimbus Support</p>");
    // a broker's daily summary with a plus-signed sum, from its own domain
    MailReport broker =
        analyze(
            String.format(AUTH, "kabu-broker.example.co.jp")
                + "From: Kabu Broker <report@kabu-broker.example.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: Your portfolio today\r\n",
            "text/plain",
            "Your portfolio closed at $12,480, +$354 today.\n"
                + "Details: https://www.kabu-broker.example.co.jp/portfolio");
    // a Japanese newsletter
    MailReport japanese =
        analyze(
            String.format(AUTH, "mag.example-books.jp")
                + "From: "
                + TestMail.encodedWord("みらい書店メールマガジン")
                + " <news@mag.example-books.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + TestMail.encodedWord("【みらい書店】12月の新刊とおすすめ 📚")
                + "\r\n"
                + "List-Unsubscribe: <https://mag.example-books.jp/unsub?u=9>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
            "text/html",
            "<p>いつもご利用ありがとうございます。12月の新刊をご紹介します。</p><p><a"
                + " href=\"https://www.example-books.jp/new/2026-12\">新刊一覧</a></p>"
                + "<p>配信停止は<a href=\"https://mag.example-books.jp/unsub?u=9\">こちら</a></p>");
    // the same share sent by a stranger replying from elsewhere keeps its Reply-To sign
    MailReport strangersShare =
        analyze(
            String.format(AUTH, "google.com")
                + "From: Benoy Dealy (via Google Docs) <drive-shares-dm-noreply@google.com>\r\n"
                + "Reply-To: sitami0@jvxalq.tewusi.makeup\r\nTo: a@example-corp.co.jp\r\n"
                + "Subject: Coin exchange completed\r\n",
            "text/html",
            "<p><a href=\"https://docs.google.com/document/d/9/edit\">Coin exchange</a></p>");
    assertThat(flags(strangersShare)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    // a sign-in alert from the service itself, linking its own domains
    MailReport alert =
        analyze(
            String.format(AUTH, "accounts.google.com")
                + "From: Google <no-reply@accounts.google.com>\r\nTo: aiko@example.jp\r\n"
                + "Subject: Security alert\r\n",
            "text/html",
            "<p>A new sign-in on Windows</p><p>aiko@example.jp</p><p>We noticed a new sign-in to"
                + " your Google Account on a Windows device. If this was you, you don't need to do"
                + " anything. If not, we'll help you secure your account.</p><p><a"
                + " href=\"https://accounts.google.com/AccountChooser?continue=x\">Check"
                + " activity</a></p><p>You can also see security activity at <a"
                + " href=\"https://myaccount.google.com/notifications\">myaccount.google.com/notifications</a></p>");
    for (MailReport r :
        List.of(exchange, newsletter, github, share, zendesk, broker, japanese, alert)) {
      assertThat(flags(r))
          .as(r.subject() + " " + r.findings())
          .doesNotContain(
              RedFlag.BRAND_IMPERSONATION, RedFlag.LOOKALIKE_DOMAIN, RedFlag.OBFUSCATED_TEXT);
      assertThat(r.verdict())
          .as(r.subject() + " " + r.findings())
          .isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aSecurityAlertLinkingElsewhereOrWithoutDmarcIsStillACredentialRequest() {
    String text =
        "<p>Security alert: unusual sign-in activity on your mailbox.</p><p><a"
            + " href=\"%s\">Review the activity</a></p>";
    // DMARC passes, but the link leads to another domain
    MailReport elsewhere =
        analyze(
            String.format(AUTH, "example-corp-mail.com")
                + "From: IT Service <it@example-corp-mail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Security alert\r\n",
            "text/html",
            String.format(text, "https://sso-review.example.net/login"));
    // its own domain's link, but no receiver's verdict on the sender
    MailReport unverified =
        analyze(
            "From: IT Service <it@example-corp-mail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Security alert\r\n",
            "text/html",
            String.format(text, "https://example-corp-mail.com/review"));
    // its own notice that also asks to verify the account
    MailReport asks =
        analyze(
            String.format(AUTH, "example-corp-mail.com")
                + "From: IT Service <it@example-corp-mail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Security alert\r\n",
            "text/html",
            String.format(text, "https://example-corp-mail.com/review")
                + "<p>Verify your account within 24 hours.</p>");
    for (MailReport r : List.of(elsewhere, unverified, asks)) {
      assertThat(flags(r)).as(r.findings().toString()).contains(RedFlag.CREDENTIAL_REQUEST);
    }
    assertThat(evidence(asks, RedFlag.CREDENTIAL_REQUEST))
        .contains("Verify your account"); // as written (ui25)
  }

  @Test
  void aStrangersLureRelayedByARealPlatformIsRelayedLure() {
    String github =
        String.format(AUTH, "github.com")
            + "List-Id: aiko/notes <notes.aiko.github.com>\r\n"
            + "List-Unsubscribe: <https://github.com/notifications/unsubscribe/x>\r\n";
    // an issue opened in the reader's repository by a stranger "from the security team"
    MailReport issue =
        analyze(
            github
                + "From: qw7rt9 <notifications@github.com>\r\nTo: aiko@example.jp\r\n"
                + "Subject: [aiko/notes] Security vulnerability detected in your repository"
                + " (Issue #3)\r\n",
            "text/plain",
            "Hello! A security vulnerability was detected in your repository. Contact us at"
                + " https://repo-scan-advisory.com to fix it.\nGitHub Security Team\n\n--\nReply to"
                + " this email directly or view it on GitHub:\n"
                + "https://github.com/aiko/notes/issues/3");
    // a comment promising tokens, with the platform's own image host
    MailReport tokens =
        analyze(
            github
                + "From: Token Whitelist <notifications@github.com>\r\nTo: aiko@example.jp\r\n"
                + "Subject: Re: [aiko/notes] Install problems (#1)\r\n",
            "text/html",
            "<p>Congratulations, claim your 1500 tokens before Friday:</p><p><a"
                + " href=\"https://go.token-claims.online/x\"><img"
                + " src=\"https://private-user-images.githubusercontent.com/1.png\"></a></p><p><a"
                + " href=\"https://github.com/aiko/notes/issues/1#c2\">view it on GitHub</a></p>");
    // a chat transcript a help-desk widget mailed
    MailReport transcript =
        analyze(
            String.format(AUTH, "zohosalesiq.com")
                + "From: noreply@zohosalesiq.com\r\nTo: aiko@example.jp\r\n"
                + "Subject: Transcript of the chat session with Donate\r\n",
            "text/plain",
            "Chat transcript #8\nACCEPT YOUR FREE BTC >> https://forms.example-forms.ru/c/6581\n");
    for (MailReport r : List.of(issue, tokens, transcript)) {
      assertThat(flags(r)).as(r.subject()).contains(RedFlag.RELAYED_LURE);
      assertThat(r.verdict()).as(r.subject()).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
    assertThat(evidence(issue, RedFlag.RELAYED_LURE))
        .contains("github.com: ")
        .contains("security vulnerability detected")
        .contains("→ repo-scan-advisory.com");
    assertThat(evidence(tokens, RedFlag.RELAYED_LURE)).doesNotContain("githubusercontent");
    // a colleague's issue about a giveaway bug that links only GitHub is no relayed lure
    MailReport colleague =
        analyze(
            github
                + "From: Sato Hanako <notifications@github.com>\r\nTo: aiko@example.jp\r\n"
                + "Subject: [aiko/notes] Giveaway form: claim your reward button broken (#9)\r\n",
            "text/plain",
            "The claim your reward button of the giveaway page throws 500. Trace in"
                + " https://github.com/aiko/notes/issues/9#trace\n");
    assertThat(flags(colleague)).doesNotContain(RedFlag.RELAYED_LURE);
  }

  @Test
  void aDressedDomainNeedsTheNameMissingFromTheSenderAndOnlyDressingWords() {
    // the maker's own domain under its name alone, or the sender's own name in its address
    assertThat(MailBrands.dressedAs("notion.so", "Notion", "makenotion.com")).isNull();
    assertThat(MailBrands.dressedAs("slackhq.com", "Slack", "slack.com")).isNull();
    // support and help portals are no dressing
    assertThat(MailBrands.dressedAs("acmesupport.com", "Acme", "acme-mail.net")).isNull();
    // a person's name in a link to a blog
    assertThat(MailBrands.dressedAs("marcbaaden.de", "Marc Baaden", "smplinux.de")).isNull();
    // a brand's known domain is the brand's
    assertThat(MailBrands.dressedAs("trustwallet.com", "Trust Wallet Team", "exprealty.com"))
        .isNull();
    assertThat(MailBrands.dressedAs("bisqnetwork.site", "Bisq", "trezorbulletin.uno"))
        .isEqualTo("Bisq");
    assertThat(MailBrands.dressedAs("appledger.live", "Ledger", "e.neredekalsak.com"))
        .isEqualTo("Ledger");
    assertThat(MailBrands.dressedAs("exodus-walletdesktopapp.io", "Exodus", "arbrasil.com"))
        .isEqualTo("Exodus");
  }

  /** What a C4TAP share carries: the findings reach the redacted bundle's note. */
  @Test
  void walletAndCreditFindingsReachTheSharedBundleWithoutTheOrganisation() {
    MailReport r =
        analyze(
            "From: Trezor <news@garden-bulletin.com>\r\nTo: soumu@sakura-bank.co.jp\r\n"
                + "Subject: Your balance has been credited +$1,200\r\n",
            "text/plain",
            "Download the app: https://trezordesktop-app.com/get?to=soumu@sakura-bank.co.jp\n"
                + "Intranet copy: https://portal.sakura-bank.co.jp/x\n"
                + "Ca"
                + "\u200Bll".repeat(12)
                + " us.");
    List<RedFlag> expected =
        List.of(
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.LOOKALIKE_DOMAIN,
            RedFlag.PAYMENT_LURE,
            RedFlag.OBFUSCATED_TEXT);
    assertThat(flags(r)).containsAll(expected);
    JsonNode note = MailStixTest.explainsWithoutTheBank(r, expected);
    assertThat(note.path("content").asString()).contains("trezordesktop-app.com");
    // a relayed lure, its platform and where it leads kept, the reader's address taken out
    MailReport relayed =
        analyze(
            String.format(AUTH, "zohosalesiq.com")
                + "From: noreply@zohosalesiq.com\r\nTo: soumu@sakura-bank.co.jp\r\n"
                + "Subject: Transcript of the chat session with Donate\r\n",
            "text/plain",
            "FREE BTC for soumu@sakura-bank.co.jp >> https://forms.example-forms.ru/c/6581\n");
    assertThat(
            MailStixTest.explainsWithoutTheBank(relayed, List.of(RedFlag.RELAYED_LURE))
                .path("content")
                .asString())
        .contains("example-forms.ru");
  }
}
