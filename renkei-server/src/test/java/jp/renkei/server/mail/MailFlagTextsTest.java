package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import jp.renkei.engine.mail.RedFlag;
import org.junit.jupiter.api.Test;

/**
 * Every red flag has a short name in both languages, so the browser never shows a raw code such as
 * LINK_TEXT_MISMATCH (issue 14), and the Japanese names are Japanese.
 */
class MailFlagTextsTest {

  static Properties bundle(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = MailFlagTextsTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyFlagIsNamedInJapaneseAndEnglish() throws Exception {
    Properties ja = bundle("mailcheck.properties");
    Properties en = bundle("mailcheck_en.properties");
    for (RedFlag f : RedFlag.values()) {
      String key = "mailcheck.flag." + f.name();
      assertThat(ja.getProperty(key))
          .as(key)
          .isNotBlank()
          .matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*");
      assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContain("_");
      assertThat(f.ja()).matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*");
      assertThat(f.en()).isNotBlank();
    }
    assertThat(ja.getProperty("mailcheck.auth.none")).isEqualTo("認証結果なし");
    assertThat(en.getProperty("mailcheck.auth.none")).isEqualTo("no authentication results");
  }
}
