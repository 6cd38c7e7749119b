package jp.renkei.server.directory;

import java.util.Locale;

/**
 * An organisation in the directory, with the labels of its type, sector and supervising ministry
 * (the ministry of its sector, for operators and CEPTOARs) already resolved. {@code ministryCode}
 * is set only on a ministry's own entry and says which ministry it is.
 */
public record Organisation(
    long id,
    String code,
    String nameJa,
    String nameEn,
    String typeCode,
    String typeNameJa,
    String typeNameEn,
    String sectorCode,
    String sectorNameJa,
    String sectorNameEn,
    String supervisingMinistryCode,
    String supervisingMinistryNameJa,
    String supervisingMinistryNameEn,
    String ministryCode,
    String dutyEmail,
    boolean active) {

  public String name(Locale locale) {
    return en(locale) ? nameEn : nameJa;
  }

  public String typeName(Locale locale) {
    return en(locale) ? typeNameEn : typeNameJa;
  }

  public String sectorName(Locale locale) {
    return sectorCode == null ? null : en(locale) ? sectorNameEn : sectorNameJa;
  }

  public String supervisingMinistryName(Locale locale) {
    return supervisingMinistryCode == null
        ? null
        : en(locale) ? supervisingMinistryNameEn : supervisingMinistryNameJa;
  }

  private static boolean en(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
