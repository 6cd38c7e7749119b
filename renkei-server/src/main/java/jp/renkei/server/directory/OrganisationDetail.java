package jp.renkei.server.directory;

import java.util.List;
import jp.renkei.server.reference.Sector;

/**
 * An organisation with its relations: the CEPTOARs it belongs to, its members (for a CEPTOAR), and
 * the sectors it supervises (for a ministry).
 */
public record OrganisationDetail(
    Organisation organisation,
    List<Organisation> ceptoars,
    List<Organisation> members,
    List<Sector> supervisedSectors) {}
