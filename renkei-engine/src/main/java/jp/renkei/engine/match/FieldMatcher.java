package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Logs whose lines are records of named fields (JSON lines, CSV with a header): a field mapping
 * says which fields hold host names or addresses, which hold URLs, and which say the client and the
 * time; subclasses fill in the values of one line.
 */
public abstract class FieldMatcher extends LogMatcher {

  /**
   * Which fields mean what. Keys may contain dots (Zeek's {@code id.orig_h} is one flat key).
   *
   * @param hosts fields holding a domain name or an IP address
   * @param urls fields holding a full URL
   * @param client the field naming the internal host
   * @param time the field holding the event's time
   */
  public record Fields(Set<String> hosts, Set<String> urls, String client, String time) {

    /** Zeek's JSON logs (http, dns, conn, ssl, ...). */
    public static final Fields ZEEK =
        new Fields(
            Set.of("host", "query", "server_name", "id.resp_h"), Set.of(), "id.orig_h", "ts");

    /**
     * From {@code role=field,...}: roles {@code host} and {@code url} repeat, {@code client} and
     * {@code time} are single, e.g. {@code
     * host=dest_host,host=dest_ip,client=src_ip,time=@timestamp}.
     */
    public static Fields parse(String spec) {
      java.util.Set<String> hosts = new java.util.HashSet<>();
      java.util.Set<String> urls = new java.util.HashSet<>();
      String client = null;
      String time = null;
      for (String part : spec.split(",")) {
        String[] kv = part.strip().split("=", 2);
        if (kv.length != 2 || kv[1].isBlank()) {
          throw new IllegalArgumentException(
              "field mapping '" + part.strip() + "': expected role=field");
        }
        switch (kv[0].strip()) {
          case "host" -> hosts.add(kv[1].strip());
          case "url" -> urls.add(kv[1].strip());
          case "client" -> client = kv[1].strip();
          case "time" -> time = kv[1].strip();
          default ->
              throw new IllegalArgumentException(
                  "field mapping role '" + kv[0].strip() + "': expected host, url, client or time");
        }
      }
      if (hosts.isEmpty() && urls.isEmpty()) {
        throw new IllegalArgumentException("field mapping names no host or url field to check");
      }
      return new Fields(Set.copyOf(hosts), Set.copyOf(urls), client, time);
    }
  }

  protected final Fields fields;
  protected final Map<String, String> values = new java.util.HashMap<>();

  protected FieldMatcher(IndicatorIndex index, Fields fields) {
    super(index);
    this.fields = fields;
  }

  /** Matches the values of the current line; the number of hits. */
  protected final int matchValues(long lineNo, Consumer<Hit> hits) {
    int found = 0;
    for (String f : fields.hosts()) {
      String v = values.get(f);
      if (v != null && !v.isEmpty()) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        int n = host(bytes, 0, bytes.length);
        if (n >= 0) {
          hits.accept(hit(lineNo, n, f));
          found++;
        }
      }
    }
    for (String f : fields.urls()) {
      String v = values.get(f);
      if (v != null && !v.isEmpty()) {
        int n = url(v);
        if (n >= 0) {
          hits.accept(hit(lineNo, n, f));
          found++;
        }
      }
    }
    return found;
  }

  private int url(String v) {
    try {
      String normal =
          jp.renkei.engine.observable.Observables.parse(
                  jp.renkei.engine.observable.ObservableType.URL, v)
              .value();
      int n = index.matchExact("url", normal);
      if (n >= 0) {
        return n;
      }
      int sep = normal.indexOf("://") + 3;
      int end = sep;
      while (end < normal.length() && "/?#".indexOf(normal.charAt(end)) < 0) {
        end++;
      }
      sep = Math.max(sep, normal.lastIndexOf('@', end - 1) + 1); // after any user info
      if (sep < end && normal.charAt(sep) == '[') {
        end = normal.indexOf(']', sep); // an IPv6 host (normal form: the bracket is there)
        sep++;
      } else {
        int colon = normal.indexOf(':', sep);
        end = colon >= 0 && colon < end ? colon : end;
      }
      byte[] host = normal.substring(sep, end).getBytes(StandardCharsets.UTF_8);
      return host(host, 0, host.length);
    } catch (jp.renkei.engine.observable.InvalidObservable e) {
      return -1;
    }
  }

  private Hit hit(long lineNo, int n, String field) {
    String time = fields.time() == null ? "-" : values.getOrDefault(fields.time(), "-");
    String client = fields.client() == null ? "-" : values.getOrDefault(fields.client(), "-");
    return new Hit(lineNo, time, client, n, field);
  }
}
