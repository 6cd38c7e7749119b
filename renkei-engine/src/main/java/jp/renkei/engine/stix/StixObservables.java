package jp.renkei.engine.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import tools.jackson.databind.JsonNode;

/**
 * The observable values a STIX object names, in normal form, for indexing and correlation: the
 * value of an ipv4/ipv6-addr (a CIDR stays a CIDR), domain-name, url or email-addr SCO, a file's
 * hashes, and the observables of an indicator's STIX pattern (the matchable subset; others name
 * none). Values that do not parse are left out, never guessed.
 */
public final class StixObservables {

  private static final Map<String, ObservableType> HASHES =
      Map.of(
          "MD5", ObservableType.MD5,
          "SHA-1", ObservableType.SHA1,
          "SHA-256", ObservableType.SHA256,
          "SHA-512", ObservableType.SHA512);

  private StixObservables() {}

  public static List<Observable> of(JsonNode o) {
    List<Observable> out = new ArrayList<>();
    String type = o.path("type").asString("");
    String value = o.path("value").asString(null);
    switch (type) {
      case "ipv4-addr" ->
          add(
              out,
              value != null && value.contains("/") ? ObservableType.CIDR : ObservableType.IPV4,
              value);
      case "ipv6-addr" ->
          add(
              out,
              value != null && value.contains("/") ? ObservableType.CIDR : ObservableType.IPV6,
              value);
      case "domain-name" -> add(out, ObservableType.DOMAIN, value);
      case "url" -> add(out, ObservableType.URL, value);
      case "email-addr" -> add(out, ObservableType.EMAIL, value);
      case "file", "artifact" -> {
        for (Map.Entry<String, JsonNode> h : o.path("hashes").properties()) {
          ObservableType t = HASHES.get(h.getKey().toUpperCase(java.util.Locale.ROOT));
          if (t != null) {
            add(out, t, h.getValue().asString(null));
          }
        }
      }
      case "indicator" -> {
        if ("stix".equals(o.path("pattern_type").asString("stix"))) {
          StixPattern.Result r = StixPattern.parse(o.path("pattern").asString(null));
          out.addAll(r.observables());
        }
      }
      default -> {}
    }
    return out;
  }

  private static void add(List<Observable> out, ObservableType type, String value) {
    if (value == null) {
      return;
    }
    try {
      out.add(Observables.parse(type, value));
    } catch (InvalidObservable e) {
      // not indexable; the object itself is still stored as sent
    }
  }
}
