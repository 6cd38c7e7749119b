package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A command-line run's members file ({@code renkei mail analyze --members FILE}): the organisations
 * it lists are judged as the hub's are, and a bad line is refused saying the file, the line and
 * what is wrong.
 */
class KnownOrganisationsFileTest {

  private static final String FILE = "members.tsv";

  private static MailReport analyze(KnownOrganisations known, String eml) {
    return new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of(), known, List.of(), null)
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String lure(String fromName, String from) {
    String host = from.substring(from.indexOf('@') + 1);
    return TestMail.mail()
        .from("\"" + fromName + "\" <" + from + ">")
        .to("tanaka@partner.example")
        .subject("Password update")
        .body(
            "text/plain; charset=UTF-8",
            "Please update your password at https://" + host + "/login today.\r\n")
        .text();
  }

  @Test
  void theListedOrganisationsAreImpersonationTargets() {
    KnownOrganisations known =
        KnownOrganisations.read(
            List.of(
                "\uFEFF# 日本語名\tEnglish name\tdomains\taliases",
                "",
                "さくら架空銀行\tSakura Fictional Bank\tsakura-bank.co.jp, sakura.example\tSakura FB",
                "\tKasumi Fictional Telecom\tkasumi-tel.example"),
            FILE);
    assertThat(known.size()).isEqualTo(2);
    assertThat(known.domains())
        .containsExactly("sakura-bank.co.jp", "sakura.example", "kasumi-tel.example");
    MailReport r = analyze(known, lure("Sakura Fictional Bank", "notice@sakura-secure.example"));
    List<MailReport.Finding> claims =
        r.findings().stream().filter(f -> f.flag() == RedFlag.MEMBER_IMPERSONATION).toList();
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).evidence(true)).contains("Sakura Fictional Bank");
    // an organisation given only an English name is named by it in the Japanese evidence too
    MailReport k = analyze(known, lure("Kasumi Fictional Telecom", "it@kasumi-support.example"));
    assertThat(k.findings())
        .filteredOn(f -> f.flag() == RedFlag.MEMBER_IMPERSONATION)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence(false))
                    .contains("会員組織「Kasumi Fictional Telecom」")
                    .doesNotContain("null"));
  }

  @Test
  void aBadLineIsRefusedWithTheFileTheLineAndWhat() {
    assertThatThrownBy(
            () -> KnownOrganisations.read(List.of("# head", "さくら架空銀行 sakura.example"), FILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "members.tsv line 2: expected 3 or 4 columns separated by tabs (Japanese name, English"
                + " name, domains, aliases), found 1");
    assertThatThrownBy(() -> KnownOrganisations.read(List.of("さくら架空銀行\tSakura\t"), FILE))
        .hasMessage("members.tsv line 1: no domain (column 3 is empty)");
    assertThatThrownBy(() -> KnownOrganisations.read(List.of("\t\tsakura.example"), FILE))
        .hasMessage("members.tsv line 1: no name (columns 1, 2 and 4 are empty)");
    assertThatThrownBy(
            () -> KnownOrganisations.read(List.of("さくら\tSakura\thttps://sakura.example/"), FILE))
        .hasMessage(
            "members.tsv line 1: \"https://sakura.example/\" is not a domain name (column 3)");
    assertThatThrownBy(() -> KnownOrganisations.read(List.of("a\tb\tc.example\td\te"), FILE))
        .hasMessageEndingWith("found 5");
  }

  @Test
  void moreOrganisationsThanTheLimitAreRefused() {
    List<String> lines =
        java.util.stream.IntStream.rangeClosed(0, KnownOrganisations.MAX_FILE_ORGANISATIONS)
            .mapToObj(i -> "組織" + i + "\tOrg " + i + "\torg" + i + ".example")
            .toList();
    assertThatThrownBy(() -> KnownOrganisations.read(lines, FILE))
        .hasMessage("members.tsv line 10001: more than 10000 organisations");
  }
}
