package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.redact.Redactor;

/**
 * Takes the receiving organisation out of an analysed mail before it is shared (C4TAP): its
 * recipients, the relays inside its network (its address ranges, private addresses), links to its
 * own sites, and its names, people and addresses wherever they appear in the subject and in
 * attachment names. What is removed is listed, for the preview the sharer checks before sending.
 */
public final class MailRedaction {

  /** The mail as it will be shared, and every piece taken out (for the preview). */
  public record Result(MailReport shared, List<String> removed) {}

  private MailRedaction() {}

  public static Result apply(MailReport r, Redactor identity) {
    List<String> removed = new ArrayList<>();
    r.recipients().forEach(x -> removed.add("recipient " + x));
    String subject = r.subject();
    if (subject != null) {
      Redactor.Result s = identity.redact(subject);
      s.spans().forEach(x -> removed.add("subject: " + x.original()));
      subject = s.text();
    }
    List<MailReport.Hop> hops = new ArrayList<>();
    for (MailReport.Hop h : r.received()) {
      List<String> ips = new ArrayList<>();
      for (String ip : h.ips()) {
        if (MailStix.internal(ip)
            || identity.identifies(ip.contains(":") ? "ipv6-addr" : "ipv4-addr", ip)) {
          removed.add("relay address " + ip);
        } else {
          ips.add(ip);
        }
      }
      hops.add(
          new MailReport.Hop(
              host(h.from(), identity, removed), host(h.by(), identity, removed), ips, h.at()));
    }
    List<MailReport.Link> links = new ArrayList<>();
    for (MailReport.Link l : r.links()) {
      if (identifies(identity, ObservableType.URL, l.url())) {
        removed.add("link to own site " + l.url());
      } else {
        links.add(l);
      }
    }
    List<MailReport.Attachment> attachments = new ArrayList<>();
    for (MailReport.Attachment a : r.attachments()) {
      attachments.add(attachment(a, identity, removed));
    }
    String from = r.from();
    String fromName = r.fromName();
    if (from != null && identifies(identity, ObservableType.EMAIL, from)) {
      // a forged own address: worth knowing, but it names the victim
      removed.add("sender (an address of the receiving organisation) " + from);
      from = null;
      fromName = null;
    } else if (fromName != null) {
      Redactor.Result n = identity.redact(fromName);
      n.spans().forEach(x -> removed.add("sender name: " + x.original()));
      fromName = n.text();
    }
    List<MailReport.Finding> findings = new ArrayList<>();
    for (MailReport.Finding f : r.findings()) {
      findings.add(new MailReport.Finding(f.flag(), identity.redact(f.evidence()).text()));
    }
    MailReport shared =
        new MailReport(
            subject,
            from,
            fromName,
            r.replyTo(),
            r.returnPath(),
            List.of(),
            r.date(),
            null,
            hops,
            r.authentication(),
            links,
            attachments,
            findings,
            r.score(),
            r.verdict(),
            List.of(),
            r.work());
    return new Result(shared, List.copyOf(removed));
  }

  private static String host(String host, Redactor identity, List<String> removed) {
    if (host == null) {
      return null;
    }
    String h = host.replaceAll("[\\[\\]()]", "").toLowerCase(java.util.Locale.ROOT);
    if (identifies(identity, ObservableType.DOMAIN, h)) {
      removed.add("relay host " + host);
      return "[receiving organisation]";
    }
    return host;
  }

  private static MailReport.Attachment attachment(
      MailReport.Attachment a, Redactor identity, List<String> removed) {
    Redactor.Result n = identity.redact(a.name());
    n.spans().forEach(x -> removed.add("attachment name: " + x.original()));
    List<MailReport.Attachment> members = new ArrayList<>();
    for (MailReport.Attachment m : a.members()) {
      members.add(attachment(m, identity, removed));
    }
    return new MailReport.Attachment(
        n.text(),
        a.declaredType(),
        a.detectedType(),
        a.size(),
        a.md5(),
        a.sha1(),
        a.sha256(),
        a.encrypted(),
        List.copyOf(members));
  }

  private static boolean identifies(Redactor identity, ObservableType type, String value) {
    try {
      return identity.identifies(type.code(), Observables.parse(type, value).value());
    } catch (InvalidObservable e) {
      return false;
    }
  }
}
