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
import org.junit.jupiter.api.Assumptions;
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

  @Test
  void kinds() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    String dump = System.getProperty("mail.dump");
    Path dir = Path.of(root);
    Map<String, List<MailCorporaBench.Eml>> sets = new java.util.LinkedHashMap<>();
    sets.put("phish-pot", MailCorporaBench.messages(dir.resolve("phish-pot")));
    sets.put("nazario", MailCorporaBench.mbox(dir.resolve("nazario/phishing0.mbox")));
    sets.put("phish-ja2", MailCorporaBench.messages(dir.resolve("phish-ja2")));
    MailAnalyzer analyzer = new MailAnalyzer();
    StixValidator validator = new StixValidator();
    try (PrintWriter out =
        dump == null
            ? new PrintWriter(java.io.OutputStream.nullOutputStream())
            : new PrintWriter(Files.newBufferedWriter(Path.of(dump), StandardCharsets.UTF_8))) {
      for (Map.Entry<String, List<MailCorporaBench.Eml>> set : sets.entrySet()) {
        int shares = 0;
        int invalid = 0;
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (MailCorporaBench.Eml e : set.getValue()) {
          if (MailCorporaBench.half(e) != 0) {
            continue;
          }
          MailReport r = analyzer.analyze(new ByteArrayInputStream(e.bytes()));
          MailReport s = MailRedaction.apply(r, MailShareLocalPartsCost.ORG).shared();
          JsonNode b = MailStix.bundle(s, Tlp.AMBER, Instant.EPOCH, false);
          shares++;
          for (JsonNode o : b.path("objects")) {
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
            "SHAREKINDS %s: tune %d shares; objects not valid STIX 2.1 %d; %s%n",
            set.getKey(),
            shares,
            invalid,
            kinds);
      }
    }
  }
}
