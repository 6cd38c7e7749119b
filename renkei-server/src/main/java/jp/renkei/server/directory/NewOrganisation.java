package jp.renkei.server.directory;

import java.util.List;

/**
 * What it takes to add an organisation. {@code ministryCode} only for ministries; {@code
 * ceptoarCodes} names the CEPTOARs it joins.
 */
public record NewOrganisation(
    String code,
    String nameJa,
    String nameEn,
    String typeCode,
    String sectorCode,
    String ministryCode,
    String dutyEmail,
    List<String> ceptoarCodes) {

  public NewOrganisation {
    code = trim(code);
    nameJa = trim(nameJa);
    nameEn = trim(nameEn);
    typeCode = trim(typeCode);
    sectorCode = trim(sectorCode);
    ministryCode = trim(ministryCode);
    dutyEmail = trim(dutyEmail);
    ceptoarCodes = ceptoarCodes == null ? List.of() : List.copyOf(ceptoarCodes);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
