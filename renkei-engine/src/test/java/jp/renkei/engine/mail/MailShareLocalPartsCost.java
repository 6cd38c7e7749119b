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
 * What taking the recipients' local parts out of a shared copy changes on real mail, the tuning
 * halves only, against the copy that took out whole addresses and display names: how many messages,
 * links and subjects it changes, under attackshare33's rule and under share34's (no list's or
 * platform's recipient; a Latin word of a local part taken in text as a word only), in the same
 * run, with the changes listed (-Dmail.list=local-parts) for reading whether each was the recipient
 * or a false take. Asserts nothing; prints its counts.
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailShareLocalPartsCost -Dmail.corpora=/work/mail-corpora
 * </pre>
 */
class MailShareLocalPartsCost {

  /** A fictitious organisation none of the corpora's own: the share's redaction as a member's. */
  static final Redactor ORG =
      new Redactor(
          new Identity(
              List.of("架空事業者"), List.of("operator.invalid"), List.of(), List.of(), List.of()),
          Map.of());

  /** phish-pot, Nazario and SpamAssassin's ham, then each of {@code extras} the directory holds. */
  static Map<String, List<MailCorporaBench.Eml>> corpora(Path dir, List<String> extras)
      throws java.io.IOException {
    Map<String, List<MailCorporaBench.Eml>> corpora = new LinkedHashMap<>();
    corpora.put("phish-pot", MailCorporaBench.messages(dir.resolve("phish-pot")));
    corpora.put("nazario", MailCorporaBench.mbox(dir.resolve("nazario/phishing0.mbox")));
    corpora.put("ham", MailCorporaBench.messages(dir.resolve("ham")));
    for (String extra : extras) {
      if (MailCorporaBench.present(dir, extra)) {
        corpora.put(extra, MailCorporaBench.messages(dir.resolve(extra)));
      }
    }
    return corpora;
  }

  @Test
  void cost() throws Exception {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    boolean list = "local-parts".equals(System.getProperty("mail.list", ""));
    Path dir = Path.of(root);
    Map<String, List<MailCorporaBench.Eml>> corpora =
        corpora(dir, List.of("ham-csdmc", "ham-ja", "ham-list", "ham-newsletters"));
    Redactor org = ORG;
    MailAnalyzer analyzer = new MailAnalyzer();
    for (Map.Entry<String, List<MailCorporaBench.Eml>> c : corpora.entrySet()) {
      int messages = 0;
      int links = 0;
      int subjects = 0;
      // [0] attackshare33's rule (every recipient's local part, words matched anywhere in text),
      // [1] share34's (no list's or platform's recipient, Latin words matched as words)
      int[] withLocal = new int[2];
      int[] linksChanged = new int[2];
      int[] subjectsChanged = new int[2];
      int[] namesChanged = new int[2];
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
        List<String> names = MailRedaction.names(r.recipientNames());
        List<List<String>> locals =
            List.of(MailRedaction.localParts(victims), MailRedaction.localParts(r));
        Redactor withNames = org.withEmails(victims).withPersonNames(names);
        List<Redactor> rules = new ArrayList<>();
        List<java.util.Set<String>> urlWords = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          List<String> people = new ArrayList<>(names);
          people.addAll(locals.get(k));
          urlWords.add(MailRedaction.urlWords(people));
          rules.add(
              k == 0
                  ? org.withEmails(victims).withPersonNames(people)
                  : withNames.withPersonWords(MailRedaction.textWords(locals.get(k))));
          if (!locals.get(k).isEmpty()) {
            withLocal[k]++;
          }
        }
        for (MailReport.Link l : r.links()) {
          links++;
          // before: a link lost only whole addresses; then also the victims' local parts and names
          String a = MailRedaction.scrub(l.url(), org.withEmails(victims));
          for (int k = 0; k < 2; k++) {
            String b = MailRedaction.victimsOut(a, urlWords.get(k));
            if (!a.equals(b)) {
              linksChanged[k]++;
              changes.add(
                  RULES[k]
                      + " "
                      + e.name()
                      + " "
                      + locals.get(k)
                      + " link "
                      + l.url()
                      + " -> "
                      + b);
            }
          }
        }
        for (String text : texts(r)) {
          boolean subject = text.equals(r.subject());
          if (subject) {
            subjects++;
          }
          String a = withNames.redact(text).text();
          for (int k = 0; k < 2; k++) {
            String b = rules.get(k).redact(text).text();
            if (!a.equals(b)) {
              if (subject) {
                subjectsChanged[k]++;
              } else {
                namesChanged[k]++;
              }
              changes.add(
                  RULES[k] + " " + e.name() + " " + locals.get(k) + " text " + text + " -> " + b);
            }
          }
        }
      }
      System.out.printf(
          "LOCALPARTS %s: tune %d messages, with a local part taken %d -> %d; links %d, changed"
              + " %d -> %d; subjects %d, changed %d -> %d; link texts and attachment names changed"
              + " %d -> %d (attackshare33 -> share34)%n",
          c.getKey(),
          messages,
          withLocal[0],
          withLocal[1],
          links,
          linksChanged[0],
          linksChanged[1],
          subjects,
          subjectsChanged[0],
          subjectsChanged[1],
          namesChanged[0],
          namesChanged[1]);
      if (list) {
        changes.forEach(x -> System.out.println("  " + x));
      }
    }
  }

  private static final String[] RULES = {"a33", "s34"};

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
