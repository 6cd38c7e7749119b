package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

class MailRedactionTest {

  @Test
  void theReceivingOrganisationLeavesNoTraceInTheSharedCopy() {
    String eml =
        "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx.sakura-bank.co.jp (Postfix);"
            + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Received: from mx.sakura-bank.co.jp ([192.0.2.10]) by mbox.sakura-bank.co.jp;"
            + " Mon, 16 Nov 2026 09:12:04 +0900\r\n"
            + "From: \"さくら架空銀行 情報システム部\" <it-support@sakura-bank-login.example>\r\n"
            + "To: \"山田 花子\" <yamada@sakura-bank.co.jp>\r\n"
            + "Subject: さくら架空銀行 様 パスワード更新のお願い\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<a href=\"http://sakura-bank-login.example/reset\">https://www.sakura-bank.co.jp/reset</a>"
            + " <a href=\"https://www.sakura-bank.co.jp/privacy\">privacy</a>";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行", "Sakura Fictional Bank"),
                List.of("sakura-bank.co.jp"),
                List.of("yamada@sakura-bank.co.jp"),
                List.of("山田 花子"),
                List.of("192.0.2.0/24")),
            Map.of());
    MailRedaction.Result shared = MailRedaction.apply(r, identity);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
    assertThat(bundle)
        .doesNotContain("さくら架空銀行")
        .doesNotContain("yamada")
        .doesNotContain("192.0.2.10")
        .doesNotContain("www.sakura-bank.co.jp/privacy")
        .contains("sakura-bank-login.example") // the phishing domain is the intelligence
        .contains("203.0.113.45");
    assertThat(shared.removed())
        .contains("recipient yamada@sakura-bank.co.jp", "relay address 192.0.2.10")
        .anyMatch(x -> x.startsWith("subject: "))
        .anyMatch(x -> x.startsWith("link to own site https://www.sakura-bank.co.jp/privacy"));
  }
}
