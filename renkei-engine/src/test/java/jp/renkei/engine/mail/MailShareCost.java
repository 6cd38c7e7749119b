package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the whole share redaction ({@link MailRedaction#apply}, analyser included) changes on real
 * mail, the tuning halves only: links, subjects, link texts and attachment names, evidence texts
 * and relay addresses that differ between the analysis and its shared copy. Run at two commits, its
 * counts give what a change to the redaction costs (share35: main b887d7e7 -> share35); with
 * -Dmail.list=share every change is printed, to be read as a victim taken out or a false take. Uses
 * only the public share API, so that it runs unchanged on the baseline. Asserts nothing.
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailShareCost -Dmail.corpora=/work/mail-corpora
 * </pre>
 */
class MailShareCost {

  @Test
  void cost() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    boolean list = "share".equals(System.getProperty("mail.list", ""));
    Path dir = Path.of(root);
    Map<String, List<MailCorporaBench.Eml>> corpora =
        MailShareLocalPartsCost.corpora(
            dir,
            List.of(
                "phish-ja", "ham-csdmc", "ham-ja", "ham-list", "ham-modern", "ham-newsletters"));
    // the same fictitious organisation as MailShareLocalPartsCost: none of the corpora's own
    Redactor org = MailShareLocalPartsCost.ORG;
    MailAnalyzer analyzer = new MailAnalyzer();
    for (Map.Entry<String, List<MailCorporaBench.Eml>> c : corpora.entrySet()) {
      int messages = 0;
      int[] total = new int[5];
      int[] changed = new int[5];
      List<String> changes = new ArrayList<>();
      for (MailCorporaBench.Eml e : c.getValue()) {
        if (MailCorporaBench.half(e) != 0) {
          continue;
        }
        messages++;
        MailReport r = analyzer.analyze(new ByteArrayInputStream(e.bytes()));
        MailReport s = MailRedaction.apply(r, org).shared();
        // [0] links, [1] subject, [2] link texts and attachment names, [3] evidence, [4] relay IPs
        List<List<String>> before = parts(r);
        List<List<String>> after = parts(s);
        for (int k = 0; k < 5; k++) {
          total[k] += before.get(k).size();
          for (int i = 0; i < before.get(k).size(); i++) {
            String b = before.get(k).get(i);
            String a = k == 4 ? (after.get(4).contains(b) ? b : null) : at(after.get(k), i);
            if (!Objects.equals(a, b)) {
              changed[k]++;
              if (list) {
                changes.add(KINDS[k] + " " + e.name() + " " + b + " -> " + a);
              }
            }
          }
        }
      }
      System.out.printf(
          "SHARECOST %s: tune %d messages; links %d changed %d; subjects %d changed %d;"
              + " link texts and attachment names %d changed %d; evidence %d changed %d;"
              + " relay addresses %d removed %d%n",
          c.getKey(),
          messages,
          total[0],
          changed[0],
          total[1],
          changed[1],
          total[2],
          changed[2],
          total[3],
          changed[3],
          total[4],
          changed[4]);
      changes.forEach(x -> System.out.println("  " + x));
    }
  }

  private static final String[] KINDS = {"link", "subject", "name", "evidence", "relay"};

  private static String at(List<String> l, int i) {
    return i < l.size() ? l.get(i) : null;
  }

  /** A report's shared texts, in order, by kind (links to own sites dropped count as changed). */
  private static List<List<String>> parts(MailReport r) {
    List<String> links = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (MailReport.Link l : r.links()) {
      links.add(l.url());
      names.add(String.valueOf(l.text()));
    }
    r.attachments().forEach(a -> names.add(a.name()));
    List<String> evidence = new ArrayList<>();
    r.findings().forEach(f -> evidence.add(f.evidence()));
    List<String> relays = new ArrayList<>();
    r.received().forEach(h -> relays.addAll(h.ips()));
    return List.of(
        links, r.subject() == null ? List.of() : List.of(r.subject()), names, evidence, relays);
  }
}
