package jp.renkei.server.directory;

/** A directory search: by type, sector and free text (name or code). Null fields do not filter. */
public record OrganisationQuery(String typeCode, String sectorCode, String text) {

  public static final OrganisationQuery ALL = new OrganisationQuery(null, null, null);

  public OrganisationQuery {
    typeCode = blankToNull(typeCode);
    sectorCode = blankToNull(sectorCode);
    text = blankToNull(text);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
