package jp.renkei.server.reference;

import java.util.Locale;

/** One row of a reference vocabulary, labelled in Japanese and English. */
public record Term(String code, String nameJa, String nameEn, String groupCode) {

  public String label(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
  }
}
