package jp.renkei.server.directory;

import java.util.List;

/**
 * The identifying details an organisation keeps in the directory for anonymisation: other names it
 * goes by, its domains, and its own IPv4 ranges.
 */
public record OrganisationIdentity(
    List<String> aliases, List<String> domains, List<String> ipRanges) {

  public OrganisationIdentity {
    aliases =
        aliases == null
            ? List.of()
            : aliases.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    domains =
        domains == null
            ? List.of()
            : domains.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    ipRanges =
        ipRanges == null
            ? List.of()
            : ipRanges.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
