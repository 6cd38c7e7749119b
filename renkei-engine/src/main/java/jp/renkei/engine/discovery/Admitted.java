package jp.renkei.engine.discovery;

import java.net.InetAddress;

/**
 * A target {@link Scope} admitted: only that class makes one, so a probe can never be pointed at an
 * address nobody checked.
 */
public final class Admitted {

  private final long organisationId;
  private final String name;
  private final InetAddress address;

  Admitted(long organisationId, String name, InetAddress address) {
    this.organisationId = organisationId;
    this.name = name;
    this.address = address;
  }

  public long organisationId() {
    return organisationId;
  }

  /** The name it was admitted for (server name indication in TLS), or null for an address. */
  public String name() {
    return name;
  }

  public InetAddress address() {
    return address;
  }

  @Override
  public String toString() {
    return (name == null ? "" : name + "/") + address.getHostAddress();
  }
}
