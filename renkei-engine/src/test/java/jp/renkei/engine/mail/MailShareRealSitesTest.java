package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * share39, from the indicators real shares of phish-pot's tuning half published: a government
 * agency's real site a lure copies (detran.gov.br), a messaging service's contact link (wa.me), a
 * sending service's tracker the signs' tables do not list (click.pstmrk.it) and Microsoft's own
 * short links (aka.ms) are no domain objects or indicators; the kit's host and the attacker's
 * number stay.
 */
class MailShareRealSitesTest {

  @Test
  void governmentSuffixesAreKnown() {
    for (String h :
        List.of("detran.gov.br", "www.pederneiras.sp.gov.br", "www.ato.gov.au", "sat.gob.mx")) {
      assertThat(MailSharedHosts.government(h)).as(h).isTrue();
      assertThat(MailSharedHosts.known(h, report("<p>x</p>"))).as(h).isNotNull();
    }
    // a government's mailbox sending a lure is a taken-over account: its indicator stays
    assertThat(MailStix.platformSender(report("<p>x</p>"), "gabriel.c@aluno.edu.es.gov.br"))
        .isFalse();
    for (String h :
        List.of(
            "pague-alfandega.co.ua",
            "governo-detran.top",
            "gov.br-pt-br.kit.top",
            "function-9-961349030461.us-central1.run.app")) {
      assertThat(MailSharedHosts.government(h)).as(h).isFalse();
    }
  }

  @Test
  void aShareKeepsTheKitAndTheAttackersNumberAndLeavesTheRealSitesOut() {
    MailReport r =
        report(
            "<p>Detran: sua CNH sera suspensa. Pague a multa pendente em 24 horas para evitar o"
                + " bloqueio da sua conta. Verify your account within 24 hours or it will be"
                + " suspended.</p>"
                + "<p><a href=\"https://function-9-961349030461.us-central1.run.app/det\">Pagar</a>"
                + " <a href=\"https://detran.gov.br/\">Detran</a>"
                + " <a href=\"https://wa.me/5511987654321?text=Oi\">WhatsApp</a>"
                + " <a href=\"https://click.pstmrk.it/3s/abc/def\">Ajuda</a>"
                + " <a href=\"https://aka.ms/JoinTeamsMeeting\">Teams</a></p>");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    JsonNode bundle = MailStix.bundle(r, Tlp.AMBER, Instant.EPOCH, false);
    StixValidator v = new StixValidator();
    List<String> urls = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
      switch (o.path("type").asString("")) {
        case "url" -> urls.add(o.path("value").asString());
        case "domain-name" -> domains.add(o.path("value").asString());
        case "indicator" -> patterns.add(o.path("pattern").asString());
        default -> {}
      }
    }
    assertThat(domains).containsExactly("function-9-961349030461.us-central1.run.app");
    assertThat(urls)
        .contains("https://function-9-961349030461.us-central1.run.app/det")
        .noneMatch(u -> u.contains("detran") || u.contains("pstmrk") || u.contains("aka.ms"));
    assertThat(urls).anyMatch(u -> u.startsWith("https://wa.me/5511987654321"));
    assertThat(patterns)
        .contains(
            "[domain-name:value = 'function-9-961349030461.us-central1.run.app']",
            "[url:value = 'https://wa.me/5511987654321']")
        .noneMatch(
            p ->
                p.contains("detran")
                    || p.contains("'wa.me'")
                    || p.contains("pstmrk")
                    || p.contains("aka.ms"));
  }

  private static MailReport report(String body) {
    String eml =
        "From: \"Detran\" <aviso@kit-verify.top>\r\nTo: a@b.example\r\n"
            + "Subject: Multa pendente - sua conta sera bloqueada\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + body
            + "\r\n";
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }
}
