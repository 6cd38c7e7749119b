package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.renkei.engine.exposure.KevReader;
import jp.renkei.engine.exposure.Reason;
import jp.renkei.engine.exposure.Rejected;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** Refused knowledge imports are said in the reader's language, every reason in both. */
class KnowledgeRefusalsTest {

  static ReloadableResourceBundleMessageSource messages() {
    ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
    m.setBasenames("classpath:i18n/exposure");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  @Test
  void everyReasonTheReadersGiveHasAJapaneseAndAnEnglishText() {
    var m = messages();
    for (String code : Reason.codes()) {
      String key = "exposure.refusal." + code;
      String ja = m.getMessage(key, null, null, Locale.JAPANESE);
      String en = m.getMessage(key, null, null, Locale.ENGLISH);
      assertThat(ja).as(key).isNotNull().isNotEqualTo(en);
      assertThat(en).as(key).isNotNull();
    }
  }

  @Test
  void aRefusedKevEntrySaysWhereWhichAndWhyInTheReadersLanguage() {
    String kev =
        "{\"catalogVersion\":\"1\",\"vulnerabilities\":[{\"cveID\":\"CVE-2024-12345\","
            + "\"vendorProject\":\"v\",\"product\":\"p\",\"dateAdded\":\"2024-13-40\"}]}";
    Rejected r =
        KevReader.read(new ByteArrayInputStream(kev.getBytes(StandardCharsets.UTF_8)))
            .rejected()
            .get(0);
    var m = messages();
    assertThat(m.getMessage(KnowledgeRefusals.line(r), Locale.JAPANESE))
        .isEqualTo(
            "vulnerabilities[0]（CVE-2024-12345）: dateAdded の「2024-13-40」は日付（yyyy-mm-dd）ではありません");
    assertThat(m.getMessage(KnowledgeRefusals.line(r), Locale.ENGLISH))
        .isEqualTo(r.toString())
        .isEqualTo(
            "vulnerabilities[0] (CVE-2024-12345): dateAdded is not a date (yyyy-mm-dd): 2024-13-40");
  }

  @Test
  void positionsAreWordedAndPathsKept() {
    var m = messages();
    Reason why = Reason.of("notJsonObject");
    assertThat(
            m.getMessage(
                KnowledgeRefusals.line(new Rejected(null, "line 4", why)), Locale.JAPANESE))
        .isEqualTo("4 行目: JSON オブジェクトではありません");
    assertThat(
            m.getMessage(
                KnowledgeRefusals.line(new Rejected(null, "record 3", why)), Locale.JAPANESE))
        .startsWith("3 件目のレコード: ");
    assertThat(
            m.getMessage(
                KnowledgeRefusals.line(new Rejected(null, "Vulinfo[2] (line 9)", why)),
                Locale.JAPANESE))
        .startsWith("Vulinfo[2]（9 行目）: ");
    assertThat(
            m.getMessage(
                KnowledgeRefusals.line(new Rejected(null, "line 7, column 3", why)),
                Locale.ENGLISH))
        .startsWith("line 7, column 3: ");
    // the file's own paths stay as they are
    assertThat(
            m.getMessage(
                KnowledgeRefusals.line(new Rejected(null, "vulnerabilities[12]", why)),
                Locale.JAPANESE))
        .startsWith("vulnerabilities[12]: ");
  }
}
