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
 * @param recipients the organisations its community names besides each object's originator, as they
 *     were when the collection was read: the sector's active CEPTOARs, the national coordinator for
 *     the hub, the owner of a private one, the members of a configured one (none for advisories:
 *     each object has its advisory's own audience)
 */
public record StixCollection(
    UUID id,
    Kind kind,
    String sectorCode,
    Long organisationId,
    String titleJa,
    String titleEn,
    Tlp defaultTlp,
    java.util.Set<Long> members,
    java.util.Set<Long> recipients) {

  public StixCollection {
    members = members == null ? java.util.Set.of() : java.util.Set.copyOf(members);
    recipients = recipients == null ? java.util.Set.of() : java.util.Set.copyOf(recipients);
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
