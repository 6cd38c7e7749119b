package jp.renkei.engine.observable;

/**
 * The kinds of observable a report or indicator carries. Codes are STIX-like and stable: they are
 * stored and appear in the API.
 */
public enum ObservableType {
  IPV4("ipv4-addr"),
  IPV6("ipv6-addr"),
  CIDR("cidr"),
  DOMAIN("domain-name"),
  URL("url"),
  EMAIL("email-addr"),
  MD5("md5"),
  SHA1("sha1"),
  SHA256("sha256"),
  SHA512("sha512");

  private final String code;

  ObservableType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static java.util.Optional<ObservableType> fromCode(String code) {
    for (ObservableType t : values()) {
      if (t.code.equals(code)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
