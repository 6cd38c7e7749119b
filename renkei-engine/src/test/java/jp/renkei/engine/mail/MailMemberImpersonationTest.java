package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hub's own members as impersonation targets: a lure naming a member organisation (display
 * name, subject tag, signature) from a domain that is not the member's, and domains imitating a
 * member's; the member's own mail and text that only mentions it stay clean.
 */
class MailMemberImpersonationTest {

  static final KnownOrganisations MEMBERS =
      KnownOrganisations.of(
          List.of(
              new KnownOrganisations.Organisation(
                  "さくら架空銀行", "Sakura Fictional Bank", List.of(), List.of("sakura-bank.co.jp")),
              new KnownOrganisations.Organisation(
                  "かすみ架空通信株式会社",
                  "Kasumi Fictional Telecom Co.",
                  List.of(),
                  List.of("kasumi-tel.example")),
              new KnownOrganisations.Organisation(
                  "銀行等CEPTOAR", "Banks CEPTOAR", List.of(), List.of("ceptoar-bank.example")),
              new KnownOrganisations.Organisation(
                  "ひばり架空電力", "Hibari Fictional Power", List.of(), List.of("hibari.example")),
              // no domain: cannot be told from a claim, so not known
              new KnownOrganisations.Organisation(
                  "あおば架空ガス", "Aoba Fictional Gas", List.of(), List.of())));

  private static MailReport analyze(String eml) {
    return new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of(), MEMBERS, List.of(), null)
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String word(String s) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  private static String mail(
      String fromName, String from, String subject, String auth, String body) {
    return "Received: from mx.sender.example (unknown [203.0.113.45]) by mx.partner.example"
        + " (Postfix) with ESMTP id 4F; Mon, 17 Nov 2026 09:12:03 +0900 (JST)\r\n"
        + "Authentication-Results: mx.partner.example; "
        + auth
        + "\r\nFrom: "
        + (fromName == null ? "" : "\"" + word(fromName) + "\" ")
        + "<"
        + from
        + ">\r\nTo: tanaka@partner.example\r\nSubject: "
        + word(subject)
        + "\r\nDate: Mon, 17 Nov 2026 09:12:00 +0900\r\nMessage-ID: <a1@sender.example>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
        + "\r\n";
  }

  private static String passing(String domain) {
    return "spf=pass smtp.mailfrom="
        + domain
        + "; dkim=pass header.d="
        + domain
        + "; dmarc=pass header.from="
        + domain;
  }

  private static List<MailReport.Finding> of(MailReport r, RedFlag flag) {
    return r.findings().stream().filter(f -> f.flag() == flag).toList();
  }

  @Test
  void aMembersExactNameFromALookAlikeDomainIsImpersonationAndALookAlike() {
    MailReport r =
        analyze(
            mail(
                "さくら架空銀行",
                "info@sakura-bannk.jp",
                "パスワード更新のお願い",
                passing("sakura-bannk.jp"),
                "いつもご利用ありがとうございます。下記よりお手続きください。\nhttps://sakura-bannk.jp/login\n"));
    List<MailReport.Finding> claims = of(r, RedFlag.MEMBER_IMPERSONATION);
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).evidence(false))
        .contains("会員組織「さくら架空銀行」")
        .contains("差出人名")
        .contains("sakura-bannk.jp");
    assertThat(claims.get(0).evidence(true))
        .contains("Sakura Fictional Bank")
        .contains("display name")
        .contains("sakura-bannk.jp");
    List<MailReport.Finding> lookalike = of(r, RedFlag.LOOKALIKE_DOMAIN);
    assertThat(lookalike).isNotEmpty();
    assertThat(lookalike.get(0).evidence(false)).contains("会員組織「さくら架空銀行」のドメイン");
    assertThat(lookalike.get(0).evidence(true))
        .contains("member organisation Sakura Fictional Bank");
    // the member's registered domain is the directory admins' to read, never the evidence's
    r.findings()
        .forEach(
            f -> {
              assertThat(f.evidence(true)).doesNotContain("sakura-bank.co.jp");
              assertThat(f.evidence(false)).doesNotContain("sakura-bank.co.jp");
            });
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void variantsOfTheNameClaimItToo() {
    for (String name :
        List.of(
            "さくら　架空銀行 情報システム部",
            "株式会社さくら架空銀行",
            "(株)かすみ架空通信",
            "㈱かすみ架空通信 カスタマーセンター",
            "かすみ架空通信",
            "SAKURA FICTIONAL BANK",
            "Ｓａｋｕｒａ Fictional Bank",
            "Kasumi Fictional Telecom Support")) {
      MailReport r =
          analyze(
              mail(
                  name,
                  "support@notice-center.example",
                  "ご確認",
                  passing("notice-center.example"),
                  "x"));
      assertThat(of(r, RedFlag.MEMBER_IMPERSONATION)).as(name).hasSize(1);
    }
  }

  @Test
  void aSubjectTagOrASignatureClaimsAMember() {
    MailReport tagged =
        analyze(
            mail(
                "お客様サポート",
                "support@notice-center.example",
                "【さくら架空銀行】お取引の確認",
                passing("notice-center.example"),
                "お取引を確認してください。"));
    assertThat(of(tagged, RedFlag.MEMBER_IMPERSONATION))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence(false)).contains("件名"));
    MailReport signed =
        analyze(
            mail(
                "Security desk",
                "desk@notice-center.example",
                "Account review",
                passing("notice-center.example"),
                "Please review your account at the link below.\n\nBest regards,\n"
                    + "Sakura Fictional Bank\nSecurity Operations\n"));
    assertThat(of(signed, RedFlag.MEMBER_IMPERSONATION))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence(true)).contains("signature"));
  }

  @Test
  void lookAlikesOfAMembersDomainAreNamedByTheMember() {
    for (String domain :
        List.of("sakura-bank.jp", "sakurabank.net", "sakura-bamk.co.jp", "sakura-barnk.com")) {
      MailReport r = analyze(mail("Notice", "info@" + domain, "Notice", passing(domain), "Hello."));
      assertThat(of(r, RedFlag.LOOKALIKE_DOMAIN))
          .as(domain)
          .anySatisfy(f -> assertThat(f.evidence(true)).contains("Sakura Fictional Bank"));
    }
    // under another suffix, a short label one letter away is another name, not an imitation;
    // its own letters are
    MailReport other =
        analyze(mail("Notice", "info@hibiri.jp", "Notice", passing("hibiri.jp"), "Hi."));
    assertThat(of(other, RedFlag.LOOKALIKE_DOMAIN)).isEmpty();
    // another member's own domain, however near, is that member
    MailReport member =
        analyze(
            mail(
                "Notice",
                "info@kasumi-tel.example",
                "Notice",
                passing("kasumi-tel.example"),
                "Hi."));
    assertThat(of(member, RedFlag.LOOKALIKE_DOMAIN)).isEmpty();
    MailReport swapped =
        analyze(mail("Notice", "info@hibari.jp", "Notice", passing("hibari.jp"), "Hi."));
    assertThat(of(swapped, RedFlag.LOOKALIKE_DOMAIN))
        .anySatisfy(f -> assertThat(f.evidence(true)).contains("Hibari Fictional Power"));
  }

  @Test
  void theMembersOwnMailIsNotAClaim() {
    MailReport r =
        analyze(
            mail(
                "さくら架空銀行 情報システム部",
                "it@mail.sakura-bank.co.jp",
                "【さくら架空銀行】システムメンテナンスのお知らせ",
                passing("sakura-bank.co.jp"),
                "メンテナンスを実施します。\n\nさくら架空銀行\n情報システム部\n"));
    assertThat(of(r, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
    assertThat(of(r, RedFlag.LOOKALIKE_DOMAIN)).isEmpty();
  }

  @Test
  void anotherMemberRelayingAMembersNoticeIsNotAClaim() {
    MailReport r =
        analyze(
            mail(
                "銀行等CEPTOAR事務局 (さくら架空銀行からの情報提供)",
                "office@ceptoar-bank.example",
                "【銀行等CEPTOAR】情報提供",
                passing("ceptoar-bank.example"),
                "会員各位\n\nさくら架空銀行より以下の情報提供がありました。\n"));
    assertThat(of(r, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
  }

  @Test
  void aThirdPartyMentioningAMemberIsNotAClaim() {
    MailReport news =
        analyze(
            mail(
                "Example News",
                "news@news.example",
                "本日のニュース",
                passing("news.example"),
                "さくら架空銀行は本日、新しいサービスを発表した。\n" + "かすみ架空通信株式会社との提携による。\n\n配信: Example News\n"));
    assertThat(of(news, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
    MailReport addressed =
        analyze(
            mail(
                "山田 太郎",
                "yamada@vendor.example",
                "【さくら架空銀行 御中】お見積りのご送付",
                passing("vendor.example"),
                "さくら架空銀行 御中\n\nお見積りをお送りします。\n\n株式会社ベンダー 山田\n"));
    assertThat(of(addressed, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
    MailReport reply =
        analyze(
            mail(
                "山田 太郎",
                "yamada@vendor.example",
                "Re: 【さくら架空銀行】お問い合わせ",
                passing("vendor.example"),
                "承知しました。\n\n> ご連絡ありがとうございます。\n> さくら架空銀行\n"));
    assertThat(of(reply, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
  }

  @Test
  void aMemberWithoutADomainAndAnAnalyserWithoutMembersClaimNothing() {
    assertThat(MEMBERS.size()).isEqualTo(4);
    MailReport gas =
        analyze(mail("あおば架空ガス", "info@aoba-gas.example", "ご確認", passing("aoba-gas.example"), "x"));
    assertThat(of(gas, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
    MailReport plain =
        new MailAnalyzer()
            .analyze(
                new ByteArrayInputStream(
                    mail("さくら架空銀行", "info@sakura-bannk.jp", "ご確認", passing("sakura-bannk.jp"), "x")
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(of(plain, RedFlag.MEMBER_IMPERSONATION)).isEmpty();
  }

  @Test
  void documentationDomainsAreNobodysImitation() {
    // a member known by a host under a documentation name (as test and demo directories have) does
    // not make every link to example.net or example.com an imitation of it (a full verify found
    // one IT's example.net link judged an imitation of another IT's sc-….example.jp member)
    KnownOrganisations docs =
        KnownOrganisations.of(
            List.of(
                new KnownOrganisations.Organisation(
                    "シナリオ事業者", "Scenario Operator", List.of(), List.of("sc-1.example.jp")),
                new KnownOrganisations.Organisation(
                    "さくら架空銀行", "Sakura Fictional Bank", List.of(), List.of("sakura-bank.co.jp"))));
    assertThat(docs.imitated("example.net")).isNull();
    assertThat(docs.imitated("www.example.com")).isNull();
    assertThat(docs.imitated("example.co.jp")).isNull();
    // the real member's look-alike is still one
    assertThat(docs.imitated("sakura-bannk.jp")).isNotNull();
  }

  @Test
  void aMembersTenantNameOnASharedServiceDoesNotMakeTheOtherTenantsMembers() {
    // attack38: a member known by its tenant's name on a shared service (every Microsoft 365
    // tenant has one under onmicrosoft.com) owned the whole service through its registrable
    // domain, so a lure from any other tenant naming a member was no claim and no look-alike
    KnownOrganisations tenants =
        KnownOrganisations.of(
            List.of(
                new KnownOrganisations.Organisation(
                    "さくら架空銀行",
                    "Sakura Fictional Bank",
                    List.of(),
                    List.of("sakura-bank.co.jp", "sakurabank.onmicrosoft.com"))));
    MailReport lure =
        new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of(), tenants, List.of(), null)
            .analyze(
                new ByteArrayInputStream(
                    mail(
                            "さくら架空銀行 お客様窓口",
                            "notice@kaizoku1.onmicrosoft.com",
                            "【さくら架空銀行】ご本人様確認のお願い",
                            passing("kaizoku1.onmicrosoft.com"),
                            "お客様の口座を一時的に制限しました。\n\nさくら架空銀行\n")
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(of(lure, RedFlag.MEMBER_IMPERSONATION)).isNotEmpty();
    // the member's own tenant is still the member, and another tenant is no imitation of it
    assertThat(KnownOrganisations.owns(tenants.named("さくら架空銀行"), "sakurabank.onmicrosoft.com"))
        .isTrue();
    assertThat(KnownOrganisations.owns(tenants.named("さくら架空銀行"), "kaizoku1.onmicrosoft.com"))
        .isFalse();
    assertThat(tenants.imitated("kaizoku1.onmicrosoft.com")).isNull();
    // a host under the member's registrable domain is still the member
    assertThat(KnownOrganisations.owns(tenants.named("さくら架空銀行"), "mail.sakura-bank.co.jp"))
        .isTrue();
  }

  @Test
  void theLongestNameFoundIsTheOrganisationClaimed() {
    KnownOrganisations two =
        KnownOrganisations.of(
            List.of(
                new KnownOrganisations.Organisation(
                    "さくら架空銀行", "Sakura Fictional Bank", List.of(), List.of("sakura-bank.co.jp")),
                new KnownOrganisations.Organisation(
                    "さくら架空銀行証券",
                    "Sakura Fictional Securities",
                    List.of(),
                    List.of("sakura-sec.co.jp"))));
    assertThat(two.named("さくら架空銀行証券 お客様窓口").nameEn()).isEqualTo("Sakura Fictional Securities");
    assertThat(two.named("さくら架空銀行 お客様窓口").nameEn()).isEqualTo("Sakura Fictional Bank");
    assertThat(two.signature("さくら架空銀行証券").nameEn()).isEqualTo("Sakura Fictional Securities");
    assertThat(two.named("さくら架空銀行 御中")).isNull();
  }

  @Test
  void theFindingIsCarriedToStix() {
    MailReport r =
        analyze(mail("さくら架空銀行", "info@sakura-bannk.jp", "ご確認", passing("sakura-bannk.jp"), "x"));
    String bundle =
        MailStix.bundle(r, jp.renkei.engine.policy.Tlp.AMBER, java.time.Instant.now(), false)
            .toString();
    assertThat(bundle).contains("MEMBER_IMPERSONATION").contains("会員組織「さくら架空銀行」");
    // shared under C4TAP by the member itself, its name leaves the evidence (anonymisation); the
    // finding and the lure's domain stay
    jp.renkei.engine.redact.Redactor bank =
        new jp.renkei.engine.redact.Redactor(
            new jp.renkei.engine.redact.Identity(
                List.of("さくら架空銀行", "Sakura Fictional Bank"),
                List.of("sakura-bank.co.jp"),
                List.of(),
                List.of(),
                List.of()),
            java.util.Map.of());
    MailReport shared = MailRedaction.apply(r, bank).shared();
    String c4tap =
        MailStix.bundle(shared, jp.renkei.engine.policy.Tlp.AMBER, java.time.Instant.now(), true)
            .toString();
    assertThat(c4tap)
        .contains("MEMBER_IMPERSONATION", "sakura-bannk.jp")
        .doesNotContain("さくら架空銀行")
        .doesNotContain("Sakura Fictional Bank");
  }
}
