package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What reads as a message before it is analysed (MailService.isMessage). */
class MailHeadTest {

  static boolean message(String text) {
    return MailService.isMessage(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void headersInRawUtf8AreAMessage() {
    // 公 is E5 85 AC in UTF-8: read as ISO-8859-1 its 0x85 is U+0085, which '.' took for a line end
    assertThat(message("From: jimu@example.jp\r\nSubject: 公的年金の調査票\r\n\r\n本文")).isTrue();
    assertThat(message("From: \"事務局\" <jimu@example.jp>\nTo: <a@b.example>\n\nx")).isTrue();
    assertThat(message("Received: from x\r\n\tby y\r\nSubject: =?UTF-8?B?5YWs?=\r\n\r\n")).isTrue();
  }

  @Test
  void otherFilesAreNot() {
    assertThat(message("kind,value,product\nip,192.0.2.1,nginx\n")).isFalse();
    assertThat(message("%PDF-1.7\n%âãÏÓ\n")).isFalse();
    assertThat(message("just some text\n\nmore")).isFalse();
    assertThat(message("X-Custom: only unusual fields\r\n\r\nbody")).isFalse();
    assertThat(message("")).isFalse();
  }
}
