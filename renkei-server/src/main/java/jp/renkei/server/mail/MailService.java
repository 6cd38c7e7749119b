package jp.renkei.server.mail;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailModel;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.MailStix;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.MailProperties;
import jp.renkei.server.directory.TokenScope;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Targeted-mail analysis at the hub: the engine's analyser with the community's own organisations
 * (names and identity domains, for impersonation and look-alike checks, {@link
 * MemberOrganisations}) and the hub's allow-list. Nothing about an analysed message is stored.
 */
@Service
public class MailService {

  private final List<String> allowList;
  private final MailAnalyzer.Limits limits;
  private final AnalysisGate gate;
  private final MailModel model;

  private final MemberOrganisations members;

  MailService(MailProperties properties, MemberOrganisations members) {
    this.members = members;
    String file = properties.model();
    this.model = MailModels.load(file == null || file.isBlank() ? null : Path.of(file));
    this.allowList = properties.allowList().stream().filter(s -> !s.isBlank()).toList();
    this.limits = MailAnalyzer.Limits.DEFAULT.withMaxTime(properties.analysisTime());
    this.gate =
        new AnalysisGate(properties.slots(), properties.queueWait(), properties.retryAfter());
  }

  /**
   * Analyses one message for {@code actor} in a signed-in session, within the per-message limits
   * and the gate: one analysis at a time per person, a bounded number at once on the hub.
   *
   * @throws jp.renkei.server.failure.Busy when it cannot be taken on now (429 or 503)
   */
  public MailReport analyze(Actor actor, InputStream message) {
    return analyze(actor, TokenScope.Granting.SESSION, message);
  }

  /**
   * As {@link #analyze(Actor, InputStream)}, for a caller with {@code granting}: a token that may
   * only submit is named no member organisation (the directory's API would answer it nothing).
   */
  public MailReport analyze(Actor actor, TokenScope.Granting granting, InputStream message) {
    return analyzeRead(actor, granting, message);
  }

  /**
   * The upload, after its start is checked to read as a message (inside the gate: the upload is
   * read from the client only once a slot is held).
   */
  private static InputStream messageOnly(InputStream message) {
    java.io.BufferedInputStream in = new java.io.BufferedInputStream(message, HEAD);
    in.mark(HEAD);
    try {
      byte[] head = in.readNBytes(HEAD);
      in.reset();
      if (!isMessage(head)) {
        String kind = container(head);
        if (kind != null) {
          // a mail sent in for analysis zipped (as many organisations ask), or a PDF of it: the
          // analyst is told what the file is and what to upload instead, not that it "does not
          // begin with header lines" (ux39)
          throw new jp.renkei.server.failure.InvalidInput(
              "message", "error.mail.notMessage." + kind);
        }
        throw new jp.renkei.server.failure.InvalidInput("message", "error.mail.notMessage");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return in;
  }

  /**
   * What a file that is no message is, when its first bytes tell it and the analyst can do
   * something about it: {@code archive} (ZIP, RAR, 7-Zip, gzip: the mail is inside), {@code pdf} (a
   * mail printed or converted: its headers are gone); null otherwise.
   */
  static String container(byte[] head) {
    if (startsWith(head, 'P', 'K', 3, 4)
        || startsWith(head, 'P', 'K', 5, 6)
        || startsWith(head, 'R', 'a', 'r', '!')
        || startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)
        || startsWith(head, 0x1F, 0x8B)) {
      return "archive";
    }
    if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
      return "pdf";
    }
    return null;
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** How much of the start of an upload is read to tell whether it is a message at all. */
  private static final int HEAD = 64 * 1024;

  // DOTALL: the head is read as ISO-8859-1, and a raw UTF-8 header (件名 in 8-bit, RFC 6532) has
  // bytes such as 0x85 that read as U+0085, a line end to '.' otherwise
  private static final java.util.regex.Pattern FIELD =
      java.util.regex.Pattern.compile("([!-9;-~]+)[ \\t]*:.*", java.util.regex.Pattern.DOTALL);

  private static final java.util.Set<String> USUAL =
      java.util.Set.of(
          "from",
          "to",
          "cc",
          "subject",
          "date",
          "received",
          "message-id",
          "return-path",
          "mime-version",
          "delivered-to",
          "reply-to",
          "sender",
          "content-type");

  /**
   * Whether the start of an upload reads as an Internet message: header lines (a name, a colon;
   * continuation lines indented) up to the first empty line, at least one of them a usual field
   * (From, Subject, Received…). A CSV, a PDF or plain text is no message, and analysing it would
   * give a verdict about nothing (a sender "null").
   */
  static boolean isMessage(byte[] head) {
    if (jp.renkei.engine.mail.MailOutlook.compoundFile(head, head.length)) {
      return true; // an Outlook .msg, told by content; another Office file is refused once read
    }
    String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n", -1);
    int i = 0;
    if (lines.length > 0 && lines[0].startsWith("From ")) {
      i = 1; // an mbox separator line
    }
    boolean usual = false;
    boolean first = true;
    int last = lines.length - (head.length >= HEAD ? 1 : 0); // a cut line is not judged
    for (; i < last; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        break;
      }
      if (!first && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        continue;
      }
      java.util.regex.Matcher m = FIELD.matcher(line);
      if (!m.matches()) {
        return false;
      }
      usual |= USUAL.contains(m.group(1).toLowerCase(java.util.Locale.ROOT));
      first = false;
    }
    return usual;
  }

  private MailReport analyzeRead(Actor actor, TokenScope.Granting granting, InputStream message) {
    Object who = actor.userId() != null ? actor.userId() : "login:" + actor.login();
    return notOtherOfficeFile(
        gate.run(
            who,
            () -> {
              // the members by name: the evidence names a member a lure claims or imitates, never
              // its registered domains (its admins' to read); the analysing organisation's own
              // ranges tell its boundary servers from a sender's forged ones (attack41)
              return new MailAnalyzer(
                      limits,
                      List.of(),
                      members.visibleTo(actor, granting),
                      allowList,
                      model,
                      members.ownNetwork(actor))
                  .analyze(messageOnly(message));
            }));
  }

  /**
   * The report, unless the upload was a Compound File holding no Outlook message (a Word or Excel
   * 97-2003 file passes the first check by its magic, as an .msg does): refused as a PDF is; or an
   * Outlook file whose streams declare more than the file holds, or of more entries than the reader
   * takes: refused naming those limits.
   */
  private static MailReport notOtherOfficeFile(MailReport r) {
    if (r.problems().stream()
        .anyMatch(p -> p.kind().equals(jp.renkei.engine.mail.MailOutlook.NOT_OUTLOOK))) {
      throw new jp.renkei.server.failure.InvalidInput("message", "error.mail.notOutlook");
    }
    if (r.problems().stream()
        .anyMatch(p -> p.kind().equals(jp.renkei.engine.mail.MailOutlook.LIMIT))) {
      // streams sharing sectors, or too many entries (attack34): refused before POI builds them
      throw new jp.renkei.server.failure.InvalidInput("message", "error.mail.outlookLimit");
    }
    return r;
  }

  /** The STIX bundle of an analysed message, without its recipients (they name the receiver). */
  public ObjectNode stix(MailReport r, Tlp tlp) {
    return MailStix.bundle(r, tlp, Instant.now(), false);
  }
}
