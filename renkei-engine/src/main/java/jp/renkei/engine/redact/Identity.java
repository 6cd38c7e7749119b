package jp.renkei.engine.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * What identifies a reporter: the organisation's names and aliases, its domains, known e-mail
 * addresses, the names of its people and units, its phone numbers, its own IP ranges (CIDR), and
 * free terms the relaying secretariat chose to hide. Anonymisation removes all of these from what
 * leaves the CEPTOAR.
 */
public record Identity(
    List<String> names,
    List<String> domains,
    List<String> emails,
    List<String> personNames,
    List<String> ipRanges,
    List<String> units,
    List<String> phones,
    List<String> terms) {

  public Identity {
    names = clean(names);
    domains = clean(domains);
    emails = clean(emails);
    personNames = clean(personNames);
    ipRanges = clean(ipRanges);
    units = clean(units);
    phones = clean(phones);
    terms = clean(terms);
  }

  /** The directory's view of an organisation: names, domains, addresses, people, ranges. */
  public Identity(
      List<String> names,
      List<String> domains,
      List<String> emails,
      List<String> personNames,
      List<String> ipRanges) {
    this(names, domains, emails, personNames, ipRanges, List.of(), List.of(), List.of());
  }

  /**
   * Adds what a report says about its reporter's contact: the unit, the person, the phone number
   * and the e-mail address (any of them may be null).
   */
  public Identity withContact(String unit, String person, String phone, String email) {
    return new Identity(
        names,
        domains,
        plus(emails, email),
        plus(personNames, person),
        ipRanges,
        plus(units, unit),
        plus(phones, phone),
        terms);
  }

  /** Adds free terms the secretariat chose to hide (labelled neutrally, not as a name). */
  public Identity withTerms(List<String> extra) {
    List<String> all = new ArrayList<>(terms);
    all.addAll(clean(extra));
    return new Identity(names, domains, emails, personNames, ipRanges, units, phones, all);
  }

  private static List<String> plus(List<String> list, String value) {
    if (value == null) {
      return list;
    }
    List<String> all = new ArrayList<>(list);
    all.add(value);
    return all;
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
