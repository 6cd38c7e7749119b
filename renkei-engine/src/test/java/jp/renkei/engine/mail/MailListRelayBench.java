package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The evidence for attack31b's decision on a mailing list's relays in a C4TAP share: over the
 * tuning half of the mailing-list set (never the held-out half), how many public relay addresses a
 * shared copy carried (every public relay: what a share carried when the sharing organisation's
 * directory lists no range of it) and carries now, and how many messages of how many senders each
 * address would tie together. Prints; asserts nothing.
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailListRelayBench -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dspotless.skip=true -Dmail.corpora=/work/mail-corpora
 * </pre>
 */
class MailListRelayBench {

  @Test
  void listRelaysInSharedCopies() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    Redactor reader =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"),
                List.of("sakura-bank.example"),
                List.of(),
                List.of(),
                List.of()),
            Map.of());
    int messages = 0;
    int listed = 0;
    int before = 0;
    int after = 0;
    int withRelayBefore = 0;
    int withRelayAfter = 0;
    Map<String, Set<String>> sendersByRelay = new HashMap<>();
    Map<String, Integer> messagesByRelay = new HashMap<>();
    Set<String> afterDistinct = new HashSet<>();
    Map<String, Integer> messagesByKept = new HashMap<>();
    for (MailCorporaBench.Eml e : MailCorporaBench.messages(Path.of(root, "ham-list"))) {
      if (MailCorporaBench.half(e) != 0) {
        continue; // the held-out half is never read
      }
      MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(e.bytes()));
      messages++;
      if (!r.listAddresses().isEmpty()) {
        listed++;
      }
      Map<String, String> roles = MailStix.hopRoles(r.received());
      Set<String> relays = new HashSet<>();
      roles.forEach(
          (ip, role) -> {
            if (role.equals(MailStix.RELAY)) {
              relays.add(ip);
            }
          });
      before += relays.size();
      withRelayBefore += relays.isEmpty() ? 0 : 1;
      for (String ip : relays) {
        sendersByRelay.computeIfAbsent(ip, k -> new HashSet<>()).add(String.valueOf(r.from()));
        messagesByRelay.merge(ip, 1, Integer::sum);
      }
      JsonNode bundle =
          MailStix.bundle(MailRedaction.apply(r, reader).shared(), Tlp.AMBER, Instant.now(), false);
      int kept = 0;
      for (JsonNode o : bundle.path("objects")) {
        if (MailStix.RELAY.equals(o.path(MailStix.HOP_ROLE).asString(""))) {
          kept++;
          afterDistinct.add(o.path("value").asString());
          messagesByKept.merge(o.path("value").asString(), 1, Integer::sum);
        }
      }
      after += kept;
      withRelayAfter += kept == 0 ? 0 : 1;
    }
    List<Map.Entry<String, Integer>> top =
        messagesByRelay.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(5)
            .toList();
    System.out.printf(
        "LISTRELAY ham-list tune: %d messages, %d with list headers; relay addresses in shared"
            + " copies before %d (in %d messages, %d distinct), after %d (in %d messages, %d"
            + " distinct)%n",
        messages,
        listed,
        before,
        withRelayBefore,
        messagesByRelay.size(),
        after,
        withRelayAfter,
        afterDistinct.size());
    for (Map.Entry<String, Integer> t : top) {
      System.out.printf(
          "LISTRELAY top relay before: in %d messages from %d senders; shared now in %d%n",
          t.getValue(),
          sendersByRelay.get(t.getKey()).size(),
          messagesByKept.getOrDefault(t.getKey(), 0));
    }
    messagesByKept.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(5)
        .forEach(
            t ->
                System.out.printf(
                    "LISTRELAY top relay still shared: in %d messages from %d senders%n",
                    t.getValue(), sendersByRelay.get(t.getKey()).size()));
  }
}
