package jp.renkei.engine.redact;

import java.util.List;

/**
 * What identifies a reporter: the organisation's names and aliases, its domains, known e-mail
 * addresses, the names of its people, and its own IP ranges (CIDR). Anonymisation removes all of
 * these from what leaves the CEPTOAR.
 */
public record Identity(
    List<String> names,
    List<String> domains,
    List<String> emails,
    List<String> personNames,
    List<String> ipRanges) {

  public Identity {
    names = clean(names);
    domains = clean(domains);
    emails = clean(emails);
    personNames = clean(personNames);
    ipRanges = clean(ipRanges);
  }

  /** Adds further terms the secretariat chose to redact (treated as names). */
  public Identity withExtraNames(List<String> extra) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(names);
    all.addAll(clean(extra));
    return new Identity(all, domains, emails, personNames, ipRanges);
  }

  private static List<String> clean(List<String> in) {
    return in == null
        ? List.of()
        : in.stream()
            .filter(s -> s != null && s.strip().length() >= 2)
            .map(String::strip)
            .distinct()
            .toList();
  }
}
