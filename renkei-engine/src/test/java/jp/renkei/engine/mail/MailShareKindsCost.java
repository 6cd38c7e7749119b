package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every observable and indicator a C4TAP share's STIX publishes on real lures, tuning halves only
 * (share39): per set the count of each kind, the objects that fail the STIX 2.1 schemas, and with
 * {@code -Dmail.dump=FILE.tsv} one line per object (set, message, type, value or pattern, the
 * wrapper it was read out of) to read by hand. Uses only {@link MailRedaction#apply} and {@link
 * MailStix#bundle}, so the same file runs on the baseline. Asserts nothing.
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailShareKindsCost -Dmail.corpora=/work/corpus38-corpora \
 *   -Dmail.dump=/tmp/share39.tsv -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true \
 *   -Djacoco.skip=true
 * </pre>
 */
class MailShareKindsCost {

  /** An address as a header writes it, its domain a single label too (phish-pot's phishing@pot). */
  private static final java.util.regex.Pattern ANY_ADDRESS =
      java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)*");

  @Test
  void kinds() throws Exception {
    Map<String, List<MailCorporaBench.Eml>> sets = MailShareObservablesTest.lures();
    String dump = System.getProperty("mail.dump");
    MailAnalyzer analyzer = new MailAnalyzer();
    StixValidator validator = new StixValidator();
    try (PrintWriter out =
        dump == null
            ? new PrintWriter(java.io.OutputStream.nullOutputStream())
            : new PrintWriter(Files.newBufferedWriter(Path.of(dump), StandardCharsets.UTF_8))) {
      for (Map.Entry<String, List<MailCorporaBench.Eml>> set : sets.entrySet()) {
        int shares = 0;
        int invalid = 0;
        int naming = 0;
        int selfSent = 0;
        int selfSentIndicator = 0;
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (MailCorporaBench.Eml e : set.getValue()) {
          if (MailCorporaBench.half(e) != 0) {
            continue;
          }
          MailReport r = analyzer.analyze(new ByteArrayInputStream(e.bytes()));
          MailReport s = MailRedaction.apply(r, MailShareLocalPartsCost.ORG).shared();
          JsonNode b = MailStix.bundle(s, Tlp.AMBER, Instant.EPOCH, false);
          shares++;
          // the victims' own addresses, as the receiving side wrote them: no shared object may
          // carry one (a file name, a link's query, a sender forged as the victim)
          List<String> victims =
              r.recipients().stream()
                  .map(x -> ANY_ADDRESS.matcher(x == null ? "" : x))
                  .filter(java.util.regex.Matcher::find)
                  .map(m -> m.group().toLowerCase(Locale.ROOT))
                  .toList();
          String sender = r.from() == null ? "" : r.from().toLowerCase(Locale.ROOT);
          if (victims.stream().anyMatch(sender::contains)) {
            selfSent++;
            if (b.toString().contains("[email-addr:value = '")
                && victims.stream()
                    .anyMatch(v -> b.toString().contains("[email-addr:value = '" + v + "']"))) {
              selfSentIndicator++;
              System.out.println("  SELFSENT " + e.name() + " " + sender);
            }
          }
          for (JsonNode o : b.path("objects")) {
            String all = o.toString().toLowerCase(Locale.ROOT);
            if (victims.stream().anyMatch(all::contains)) {
              naming++;
              System.out.println(
                  "  NAMES-VICTIM " + e.name() + " " + o.path("type").asString("") + " " + all);
            }
            String type = o.path("type").asString("");
            if (!validator.validate(o).isEmpty()) {
              invalid++;
              System.out.println(
                  "  INVALID " + e.name() + " " + type + " " + validator.validate(o));
            }
            String value;
            String kind;
            if (type.equals("indicator")) {
              value = o.path("pattern").asString("");
              kind = "indicator " + value.substring(1, Math.max(1, value.indexOf(':')));
            } else if (type.equals("file")) {
              value = o.path("name").asString("");
              kind = type;
            } else if (o.has("value")) {
              value = o.path("value").asString("");
              kind =
                  type
                      + (o.has(MailStix.HOP_ROLE)
                          ? " " + o.path(MailStix.HOP_ROLE).asString()
                          : "");
            } else {
              continue;
            }
            kinds.merge(kind, 1, Integer::sum);
            out.println(
                String.join(
                    "\t",
                    set.getKey(),
                    e.name(),
                    kind,
                    value.replaceAll("[\\t\\r\\n]", " "),
                    o.path(MailStix.WRAPPED_IN).asString("")));
          }
        }
        System.out.printf(
            Locale.ROOT,
            "SHAREKINDS %s: tune %d shares; objects not valid STIX 2.1 %d; objects naming a"
                + " recipient's address %d; sent as a recipient %d (with an indicator on it %d);"
                + " %s%n",
            set.getKey(),
            shares,
            invalid,
            naming,
            selfSent,
            selfSentIndicator,
            kinds);
      }
    }
  }
}
