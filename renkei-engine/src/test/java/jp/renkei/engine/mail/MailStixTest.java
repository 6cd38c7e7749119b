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
import tools.jackson.databind.node.ObjectNode;

class MailStixTest {

  @Test
  void aMaliciousMailBecomesAValidBundleWithIndicators() {
    String eml =
        MailAnalyzerTest.withAttachment(
                MailAnalyzerTest.rfc2231("報告書.pdf.exe"), MailAnalyzerTest.EXE)
            .replace(
                "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + MailAnalyzerTest.b64("ご確認ください。".getBytes(StandardCharsets.UTF_8)),
                "Content-Type: text/plain; charset=UTF-8\r\n\r\nhxxp://dl[.]pension-info[.]example/x");
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    ObjectNode bundle = MailStix.bundle(r, Tlp.AMBER, Instant.parse("2026-11-22T00:00:00Z"), false);
    StixValidator v = new StixValidator();
    List<String> types = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
      types.add(o.path("type").asString());
    }
    assertThat(types)
        .contains(
            "email-message", "email-addr", "ipv4-addr", "url", "domain-name", "file", "indicator");
    assertThat(bundle.toString())
        .contains("[email-addr:value = 'jimu@pension-info.example']")
        .contains("[domain-name:value = 'dl.pension-info.example']")
        .contains("[file:hashes.'SHA-256' = '")
        .doesNotContain("soumu@sakura-bank.co.jp");
    assertThat(MailStix.internal("10.20.30.40")).isTrue();
    assertThat(MailStix.internal("100.64.1.1")).isTrue();
    assertThat(MailStix.internal("fd00::1")).isTrue();
    assertThat(MailStix.internal("203.0.113.45")).isFalse();
    assertThat(MailStix.bundle(r, Tlp.AMBER, Instant.now(), true).toString())
        .contains("soumu@sakura-bank.co.jp");
  }
}
