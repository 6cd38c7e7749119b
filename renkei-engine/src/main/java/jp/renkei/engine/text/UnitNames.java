package jp.renkei.engine.text;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a name reads as a unit of an organisation: the organisation's name with only words of a
 * department, a team or a legal form around it — "Bank A SOC", "CSIRT of Bank A", "A銀行 情報セキュリティ部",
 * "株式会社A銀行". An analyst reads an identity so named as that organisation's (attack28). A name with
 * any other word beside the organisation's — "Energy ISAC" beside an organisation named "Energy",
 * "Bank Alpha" beside "Bank A" — names something else: an ISAC or a CEPTOAR is an organisation of
 * its own, and a sector's name in it is the sector's. Names are compared as {@link Names#skeleton}
 * shows them (no spaces, case or separators), so the words are found by splitting the rest of the
 * name into known words, whatever spaces it had.
 */
public final class UnitNames {

  private UnitNames() {}

  /**
   * Words that name a part of an organisation, its legal form, or join them ("of", "の"). Kept to
   * what names a unit of the same body: never a word that names a body of its own (ISAC, CEPTOAR,
   * council, association).
   */
  private static final List<String> WORDS =
      Stream.of(
              // English: security and IT units
              "soc",
              "csirt",
              "cert",
              "sirt",
              "psirt",
              "cirt",
              "secops",
              "security",
              "cybersecurity",
              "cyber",
              "information",
              "infosec",
              "it",
              "ict",
              "system",
              "systems",
              "operations",
              "operation",
              "ops",
              "incident",
              "response",
              "threat",
              "intelligence",
              "intel",
              "analysis",
              "monitoring",
              "management",
              "risk",
              "control",
              "technology",
              "network",
              "computer",
              "emergency",
              "readiness",
              // English: units and forms
              "department",
              "dept",
              "division",
              "div",
              "section",
              "team",
              "unit",
              "office",
              "center",
              "centre",
              "headquarters",
              "hq",
              "bureau",
              "branch",
              "desk",
              "staff",
              "group",
              "lab",
              "labs",
              "co",
              "ltd",
              "inc",
              "corp",
              "corporation",
              "company",
              "kk",
              "limited",
              // English: joining words and the possessive s
              "of",
              "the",
              "at",
              "for",
              "and",
              "&",
              "s",
              // Japanese
              "の",
              "部",
              "課",
              "室",
              "班",
              "係",
              "局",
              "本部",
              "事業部",
              "部門",
              "センター",
              "情報",
              "セキュリティ",
              "サイバー",
              "システム",
              "統括",
              "管理",
              "推進",
              "対策",
              "運用",
              "監視",
              "企画",
              "総務",
              "リスク",
              "危機管理",
              "インシデント",
              "対応",
              "チーム",
              "グループ",
              "事務局",
              "支店",
              "本店",
              "技術",
              "基盤",
              "担当",
              "株式会社",
              "(株)",
              "㈱",
              "有限会社",
              "本社")
          .map(Names::skeleton)
          .filter(w -> !w.isEmpty())
          .distinct()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  /**
   * Whether {@code name} reads as a unit of the organisation named {@code organisation}: the
   * organisation's name itself, or it with only {@link #WORDS} before and after it. An organisation
   * whose own name is made of such words alone ("Security Center") is matched only by its name
   * itself, so common words never make a name another's.
   */
  public static boolean readsAsUnitOf(String name, String organisation) {
    return looksAsUnitOf(Names.skeleton(name), Names.skeleton(organisation));
  }

  /**
   * As {@link #readsAsUnitOf}, for names already made {@link Names#skeleton skeletons} (a caller
   * comparing one name with many organisations makes each skeleton once).
   */
  public static boolean looksAsUnitOf(String n, String o) {
    if (o.isEmpty()) {
      return false;
    }
    if (n.equals(o)) {
      return true;
    }
    if (o.codePointCount(0, o.length()) < 2 || unitWords(o)) {
      return false;
    }
    for (int at = n.indexOf(o); at >= 0; at = n.indexOf(o, at + 1)) {
      if (unitWords(n.substring(0, at)) && unitWords(n.substring(at + o.length()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} (a skeleton) is made of {@link #WORDS} alone (the empty string is). */
  static boolean unitWords(String s) {
    boolean[] ends = new boolean[s.length() + 1];
    ends[0] = true;
    for (int i = 0; i < s.length(); i++) {
      if (!ends[i]) {
        continue;
      }
      for (String w : WORDS) {
        if (s.startsWith(w, i)) {
          ends[i + w.length()] = true;
        }
      }
    }
    return ends[s.length()];
  }
}
