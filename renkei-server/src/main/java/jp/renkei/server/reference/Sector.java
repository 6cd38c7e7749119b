package jp.renkei.server.reference;

import java.util.Locale;

/** A critical-infrastructure sector (重要インフラ分野) and the ministry that supervises it. */
public record Sector(String code, String nameJa, String nameEn, String ministryCode) {

  public String label(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
  }
}
