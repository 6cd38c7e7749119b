package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What taking the recipients' local parts out of a shared copy (attackshare33) changes on real
 * mail, the tuning halves only: how many messages, links and subjects it changes, with the changes
 * listed (-Dmail.list=local-parts) for reading whether each was the recipient or a false take.
 * Asserts nothing; prints its counts.
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailShareLocalPartsCost -Dmail.corpora=/work/mail-corpora
 * </pre>
 */
class MailShareLocalPartsCost {

  @Test
  void cost() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    boolean list = "local-parts".equals(System.getProperty("mail.list", ""));
    Path dir = Path.of(root);
    Map<String, List<MailCorporaBench.Eml>> corpora = new LinkedHashMap<>();
    corpora.put("phish-pot", MailCorporaBench.messages(dir.resolve("phish-pot")));
    corpora.put("nazario", MailCorporaBench.mbox(dir.resolve("nazario/phishing0.mbox")));
    corpora.put("ham", MailCorporaBench.messages(dir.resolve("ham")));
    for (String extra : List.of("ham-csdmc", "ham-ja", "ham-list", "ham-newsletters")) {
      if (MailCorporaBench.present(dir, extra)) {
        corpora.put(extra, MailCorporaBench.messages(dir.resolve(extra)));
      }
    }
    Redactor org =
        new Redactor(
            new Identity(
                List.of("架空事業者"), List.of("operator.invalid"), List.of(), List.of(), List.of()),
            Map.of());
    MailAnalyzer analyzer = new MailAnalyzer();
    for (Map.Entry<String, List<MailCorporaBench.Eml>> c : corpora.entrySet()) {
      int messages = 0;
      int withLocal = 0;
      int links = 0;
      int linksChanged = 0;
      int subjects = 0;
      int subjectsChanged = 0;
      int namesChanged = 0;
      List<String> changes = new ArrayList<>();
      for (MailCorporaBench.Eml e : c.getValue()) {
        if (MailCorporaBench.half(e) != 0) {
          continue;
        }
        messages++;
        MailReport r = analyzer.analyze(new ByteArrayInputStream(e.bytes()));
        List<String> victims =
            Stream.concat(r.recipients().stream(), r.forwardedRecipients().stream())
                .filter(x -> !r.listAddresses().contains(x))
                .distinct()
                .toList();
        List<String> locals = MailRedaction.localParts(victims);
        if (locals.isEmpty()) {
          continue;
        }
        withLocal++;
        List<String> names = MailRedaction.names(r.recipientNames());
        List<String> people = new ArrayList<>(names);
        people.addAll(locals);
        java.util.Set<String> after = MailRedaction.urlWords(people);
        for (MailReport.Link l : r.links()) {
          links++;
          // before: a link lost only whole addresses; now also the victims' local parts and names
          String a = MailRedaction.scrub(l.url(), org.withEmails(victims));
          String b = MailRedaction.victimsOut(a, after);
          if (!a.equals(b)) {
            linksChanged++;
            changes.add(e.name() + " " + locals + " link " + l.url() + " -> " + b);
          }
        }
        Redactor withNames = org.withEmails(victims).withPersonNames(names);
        Redactor withLocals = org.withEmails(victims).withPersonNames(people);
        for (String text : texts(r)) {
          boolean subject = text.equals(r.subject());
          if (subject) {
            subjects++;
          }
          String a = withNames.redact(text).text();
          String b = withLocals.redact(text).text();
          if (!a.equals(b)) {
            if (subject) {
              subjectsChanged++;
            } else {
              namesChanged++;
            }
            changes.add(e.name() + " " + locals + " text " + text + " -> " + b);
          }
        }
      }
      System.out.printf(
          "LOCALPARTS %s: tune %d messages, %d with a local part taken; links %d, changed %d;"
              + " subjects %d, changed %d; link texts and attachment names changed %d%n",
          c.getKey(),
          messages,
          withLocal,
          links,
          linksChanged,
          subjects,
          subjectsChanged,
          namesChanged);
      if (list) {
        changes.forEach(x -> System.out.println("  " + x));
      }
    }
  }

  private static List<String> texts(MailReport r) {
    List<String> out = new ArrayList<>();
    if (r.subject() != null) {
      out.add(r.subject());
    }
    r.links().stream().map(MailReport.Link::text).filter(x -> x != null).forEach(out::add);
    r.attachments().stream().map(MailReport.Attachment::name).forEach(out::add);
    return out;
  }
}
