package jp.renkei.engine.notice;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who holds an address: networks mapped to holders, overlaps resolved by the longest prefix (a /24
 * assigned to a customer ISP wins over the /16 of its upstream). A lookup tries each prefix length
 * in use, longest first: a hash probe per length, so its cost does not grow with the number of
 * networks. Not thread-safe while being filled; read-only use afterwards is safe.
 *
 * @param <T> the holder
 */
public final class RangeRegistry<T> {

  /** A match: the holder and the network that decided it. */
  public record Match<T>(Cidr range, T holder) {}

  // address width -> prefix (descending) -> masked network -> match
  private final Map<Integer, TreeMap<Integer, Map<ByteBuffer, Match<T>>>> byWidth = new HashMap<>();
  private int size;

  /**
   * Adds a network; the same network twice keeps the first holder.
   *
   * @return false when the network was already held
   */
  public boolean put(Cidr range, T holder) {
    Map<ByteBuffer, Match<T>> level =
        byWidth
            .computeIfAbsent(range.width(), w -> new TreeMap<>((a, b) -> Integer.compare(b, a)))
            .computeIfAbsent(range.prefix(), p -> new HashMap<>());
    boolean added =
        level.putIfAbsent(ByteBuffer.wrap(range.network()), new Match<>(range, holder)) == null;
    if (added) {
      size++;
    }
    return added;
  }

  /** The holder of the most specific network containing the address, if any. */
  public Optional<Match<T>> lookup(InetAddress address) {
    byte[] b = address.getAddress();
    TreeMap<Integer, Map<ByteBuffer, Match<T>>> levels = byWidth.get(b.length);
    if (levels == null) {
      return Optional.empty();
    }
    for (Map.Entry<Integer, Map<ByteBuffer, Match<T>>> e : levels.entrySet()) {
      Match<T> m = e.getValue().get(ByteBuffer.wrap(Cidr.mask(b, e.getKey())));
      if (m != null) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  public int size() {
    return size;
  }
}
