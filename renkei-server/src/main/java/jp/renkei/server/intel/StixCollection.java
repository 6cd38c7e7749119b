package jp.renkei.server.intel;

import java.util.Locale;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;

/**
 * A collection of STIX objects, shared with one community: the whole hub, one sector, one
 * organisation (private), or one configured for a purpose.
 *
 * @param defaultTlp the TLP of objects that arrive without a TLP marking
 * @param members for a configured (custom) collection: the organisations that share it
 */
public record StixCollection(
    UUID id,
    Kind kind,
    String sectorCode,
    Long organisationId,
    String titleJa,
    String titleEn,
    Tlp defaultTlp,
    java.util.Set<Long> members) {

  public StixCollection {
    members = members == null ? java.util.Set.of() : java.util.Set.copyOf(members);
  }

  /** Which community a collection belongs to. */
  public enum Kind {
    HUB,
    SECTOR,
    ORGANISATION,
    /** advisories as STIX; each object read under its advisory's own audience */
    ADVISORIES,
    CUSTOM;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public String title(Locale locale) {
    return "en".equals(locale.getLanguage()) ? titleEn : titleJa;
  }
}
