package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site list's order by name (and by owner) as a reader of the language expects: Japanese names
 * by the Japanese collation, not by code point (katakana, half-width katakana and full-width
 * letters were sorted after every hiragana name); English names ignoring case and accents; names
 * equal at that strength in the order of the further keys, so that paging stays exact.
 */
class MonitorNameOrderTest {

  private static MonitorService.Listed site(long id, String name) {
    return new MonitorService.Listed(
        new SiteRepository.Key(
            id,
            Instant.parse("2026-12-01T00:00:00Z"),
            1L,
            "gas",
            "green",
            "green",
            false,
            "up",
            false,
            name,
            null),
        true,
        true);
  }

  private static List<String> sorted(List<String> names, boolean english) {
    List<MonitorService.Listed> walked = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      walked.add(site(i + 1, names.get(i)));
    }
    List<MonitorService.Listed> out = new ArrayList<>(walked);
    out.sort(
        MonitorService.collated(walked, v -> v.key().name(), english)
            .thenComparing(v -> v.key().id()));
    return out.stream().map(v -> v.key().id() + ":" + v.key().name()).toList();
  }

  @Test
  void japaneseNamesSortAsAJapaneseReaderExpects() {
    List<String> names =
        List.of("かもめ鉄道", "ｶﾀｶﾅ電力", "Ａ空港", "いろは銀行", "がっこう", "あおば病院", "b-site", "アオバ電力", "かっこう");
    assertThat(sorted(names, false))
        .containsExactly(
            "3:Ａ空港",
            "7:b-site",
            "8:アオバ電力",
            "6:あおば病院",
            "4:いろは銀行",
            "2:ｶﾀｶﾅ電力",
            "9:かっこう",
            "5:がっこう",
            "1:かもめ鉄道");
    // by code point the katakana, half-width and full-width names came after every hiragana one
    List<String> byCodePoint = new ArrayList<>(names);
    byCodePoint.sort(String.CASE_INSENSITIVE_ORDER);
    assertThat(byCodePoint.indexOf("アオバ電力")).isGreaterThan(byCodePoint.indexOf("かもめ鉄道"));
  }

  @Test
  void englishNamesIgnoreCaseAndAccentsAndTiesKeepTheFurtherKeys() {
    assertThat(sorted(List.of("charlie", "ALPHA", "Émile", "bravo", "alpha", "Echo", ""), true))
        .containsExactly("7:", "2:ALPHA", "5:alpha", "4:bravo", "1:charlie", "6:Echo", "3:Émile");
  }

  @Test
  void aMissingNameSortsAsAnEmptyOne() {
    List<MonitorService.Listed> walked = List.of(site(1, null), site(2, "a"), site(3, " "));
    Comparator<MonitorService.Listed> c =
        MonitorService.collated(walked, v -> v.key().name(), false);
    assertThat(c.compare(walked.get(0), walked.get(2))).isZero();
    assertThat(c.compare(walked.get(0), walked.get(1))).isNegative();
  }
}
