package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.poi.hmef.CompressedRTF;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.ByteChunk;
import org.apache.poi.hsmf.datatypes.Chunk;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.PropertyValue;
import org.apache.poi.hsmf.datatypes.RecipientChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An Outlook message (.msg: a Compound File Binary container of MAPI properties, read by Apache
 * POI's HSMF) rewritten as the Internet message it stands for, so that the analyser judges it with
 * every sign it has for .eml. The header block is the received message's own when Outlook kept it
 * (PR_TRANSPORT_MESSAGE_HEADERS: Received, Authentication-Results and all), less its Content-*
 * fields; otherwise From, To, Cc, Subject, Date and Message-ID are rebuilt from the MAPI
 * properties, and the note says which headers are then missing. The bodies (plain, HTML, or the
 * HTML Outlook encapsulated in compressed RTF, see {@link MailRtf}) and the attachments follow as
 * MIME parts; an Outlook item attached inside (an embedded message) becomes a message/rfc822 part,
 * read the same way up to {@link #MAX_NESTED} levels.
 *
 * <p>Limits: the container is the analyser's message (its byte limit applies before); at most
 * {@link #MAX_ATTACHMENTS} attachments and {@link #MAX_RECIPIENTS} recipients per message are
 * taken, and the rebuilt message is cut at {@link #MAX_OUT_FACTOR} times the container's size (a
 * corrupt container can point many streams at the same sectors). Each limit reached is said.
 */
public final class MailOutlook {

  /** The first bytes of every Compound File Binary file (MS-CFB 2.2). */
  static final byte[] MAGIC = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  /** Outlook items attached inside one another that are read: the rest are named, not read. */
  static final int MAX_NESTED = 4;

  static final int MAX_ATTACHMENTS = 200;
  static final int MAX_RECIPIENTS = 1000;
  static final int MAX_OUT_FACTOR = 4;

  /**
   * Entries (streams and storages) a container may hold: POI builds every attachment and recipient
   * when it opens a message, however few are read (attack34: 20,000 empty attachments in 6.5 MB
   * cost 148 bytes allocated per byte of file and 5 s; 40,000 in 13 MB, 246 and 10 s). 200
   * attachments and 1,000 recipients of a dozen properties each hold about 14,500.
   */
  static final int MAX_ENTRIES = 20_000;

  /** Header fields of the kept header block that describe the body Outlook no longer has. */
  private static final Set<String> BODY_FIELDS =
      Set.of("content-type", "content-transfer-encoding", "mime-version", "content-disposition");

  private MailOutlook() {}

  /** A container that cannot be read as an Outlook message, said with what and where. */
  static final class NotOutlook extends Exception {
    private static final long serialVersionUID = 1L;
    final String ja;

    /** "notOutlook": a readable container of something else; "unreadable": a broken one. */
    final String kind;

    NotOutlook(String en, String ja) {
      this("unreadable", en, ja);
    }

    NotOutlook(String kind, String en, String ja) {
      super(en);
      this.kind = kind;
      this.ja = ja;
    }
  }

  /**
   * The kind of the report's problem for a Compound File that holds no Outlook message (a Word or
   * Excel 97-2003 file): the server refuses such an upload as it refuses a PDF.
   */
  public static final String NOT_OUTLOOK = "notOutlook";

  /**
   * The kind of the report's problem for an Outlook file whose container declares more than it
   * holds (streams sharing sectors) or holds more than {@link #MAX_ENTRIES} entries: the server
   * refuses such an upload, naming the limits.
   */
  public static final String LIMIT = "outlookLimit";

  /**
   * The rebuilt message and what the analyst should know about it (kind "outlook": read from an
   * Outlook file and which headers it lacks; kind "limit" or "unreadable": what was not read), and
   * the recipient tables' addresses (lower case) and names of the messages whose internet headers
   * were kept: the table holds the Bcc'd recipients those headers do not.
   */
  record Read(
      byte[] mime,
      List<MailReport.Problem> notes,
      boolean senderUnknown,
      List<String> tableAddresses,
      List<String> tableNames) {}

  /** One row of a message's recipient table: 1 To, 2 Cc, 3 Bcc. */
  private record TableEntry(String name, String address, int type) {}

  /**
   * Whether the first {@code length} bytes of {@code b} start as a Compound File Binary file (an
   * Outlook .msg, or an Office 97-2003 document: which of the two, only reading it tells).
   */
  public static boolean compoundFile(byte[] b, int length) {
    if (length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (b[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** The Outlook message in the first {@code length} bytes of {@code b}, as MIME. */
  static Read read(byte[] b, int length) throws NotOutlook {
    POIFSFileSystem fs;
    try {
      fs = new POIFSFileSystem(new ByteArrayInputStream(b, 0, length));
    } catch (IOException | RuntimeException e) {
      throw new NotOutlook(
          "an Outlook (.msg) file whose Compound File container cannot be opened (at its header"
              + " or sector tables): "
              + reason(e),
          "Outlook (.msg) ファイルの複合ファイル形式の格納構造を開けません (ヘッダまたはセクタ表): " + reason(e));
    }
    try (fs) {
      DirectoryNode root = fs.getRoot();
      if (!outlook(root)) {
        throw new NotOutlook(
            NOT_OUTLOOK,
            "a Compound File that is no Outlook message (no MAPI property streams at its root;"
                + " it holds "
                + names(root)
                + (root.hasEntry("WordDocument") ? ": a Word document" : "")
                + ")",
            "Outlook のメッセージではない複合ファイルです (ルートに MAPI プロパティがありません。中身: "
                + names(root)
                + (root.hasEntry("WordDocument") ? "、Word 文書" : "")
                + ")");
      }
      declaredWithin(root, length);
      Writer w = new Writer((long) length * MAX_OUT_FACTOR);
      w.message(root, "the message", "メッセージ", 0);
      return new Read(
          w.out.toByteArray(),
          List.copyOf(w.notes),
          w.senderUnknown,
          List.copyOf(w.tableAddresses),
          List.copyOf(w.tableNames));
    } catch (IOException | RuntimeException e) {
      throw new NotOutlook(
          "an Outlook (.msg) file that cannot be read: " + reason(e),
          "Outlook (.msg) ファイルを読めません: " + reason(e));
    }
  }

  /**
   * Refuses a container of more than {@link #MAX_ENTRIES} entries, or whose streams together
   * declare more bytes than the file holds: each stream of a sound Compound File has sectors of its
   * own, so only a corrupt or crafted one (many directory entries pointing at the same sector
   * chain) declares more, and POI would read every such stream whole, each a copy of the same
   * sectors (attack34: a 1 MB file made POI allocate 660 MB, a 25 MB one more than any heap).
   * Walked without recursion, before any stream is read.
   */
  private static void declaredWithin(DirectoryNode root, int length) throws NotOutlook {
    long declared = 0;
    int entries = 0;
    java.util.ArrayDeque<DirectoryEntry> dirs = new java.util.ArrayDeque<>();
    dirs.push(root);
    while (!dirs.isEmpty()) {
      for (Entry e : dirs.pop()) {
        if (++entries > MAX_ENTRIES) {
          throw new NotOutlook(
              LIMIT,
              "an Outlook (.msg) file holding more than "
                  + MailReport.grouped(MAX_ENTRIES)
                  + " entries (streams and storages): POI would build every attachment and"
                  + " recipient of it before any is read; not read",
              "Outlook (.msg) ファイルの項目 (ストリームとストレージ) が "
                  + MailReport.grouped(MAX_ENTRIES)
                  + " 個を超えています。POI はすべての添付ファイルと宛先を読む前に組み立てるため、読んでいません");
        }
        if (e instanceof DocumentEntry d) {
          declared += d.getSize();
        } else if (e instanceof DirectoryEntry sub) {
          dirs.push(sub);
        }
      }
      if (declared > length) {
        throw new NotOutlook(
            LIMIT,
            "an Outlook (.msg) file whose streams declare more than its own "
                + MailReport.grouped(length)
                + " bytes (the streams of a sound file never hold more than the file): several"
                + " streams point at the same sectors, and reading them would take many times the"
                + " file's size; not read",
            "Outlook (.msg) ファイルのストリームが宣言するサイズの合計が、ファイル自体の "
                + MailReport.grouped(length)
                + " バイトを超えています (正常なファイルではファイルを超えることはありません)。複数のストリームが同じセクタを指しており、"
                + "読むとファイルの何倍ものメモリを使うため、読んでいません");
      }
    }
  }

  /** Whether a container directory holds a message's MAPI properties. */
  static boolean outlook(DirectoryNode dir) {
    for (Entry e : dir) {
      String n = e.getName();
      if (n.startsWith("__substg1.0_") || n.equals("__properties_version1.0")) {
        return true;
      }
    }
    return false;
  }

  private static String names(DirectoryNode dir) {
    List<String> names = new ArrayList<>();
    for (Entry e : dir) {
      if (names.size() == 5) {
        names.add("…");
        break;
      }
      names.add(printable(e.getName()));
    }
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }

  /** What went wrong, in words: the exception's message (its class when it has none). */
  static String reason(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return printable(m.length() > 200 ? m.substring(0, 200) + "…" : m);
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<MailReport.Problem> notes = new ArrayList<>();
    final long maxOut;
    boolean cut;

    /** The top message's headers were rebuilt and no sender property holds an internet address. */
    boolean senderUnknown;

    /** The recipient tables' addresses and names of messages whose internet headers were kept. */
    final List<String> tableAddresses = new ArrayList<>();

    final List<String> tableNames = new ArrayList<>();

    Writer(long maxOut) {
      this.maxOut = maxOut;
    }

    void message(DirectoryNode dir, String where, String whereJa, int nested) throws IOException {
      MAPIMessage msg = new MAPIMessage(dir);
      msg.setReturnNullOnMissingChunk(true);
      try {
        msg.guess7BitEncoding();
      } catch (RuntimeException e) {
        // the 8-bit strings stay in the default code page
      }
      String[] headerLines = get(msg::getHeaders, where, "its internet headers");
      String headers =
          headerLines == null || String.join("", headerLines).isBlank()
              ? null
              : String.join("\r\n", headerLines);
      if (nested == 0) {
        notes.add(
            headers == null
                ? new MailReport.Problem(
                    "outlook",
                    "Outlook のファイル (.msg) から読みました。受信時のインターネットヘッダが残っていないため、差出人・宛先・件名・日時は"
                        + " Outlook のプロパティから組み立てました。Received、Authentication-Results、Return-Path、"
                        + "Reply-To、DKIM-Signature、List-* などのヘッダはなく、送信元の認証と配送経路は判断できません",
                    "Read from an Outlook file (.msg). It kept no internet headers of its own, so"
                        + " sender, recipients, subject and date were rebuilt from Outlook's"
                        + " properties; Received, Authentication-Results, Return-Path, Reply-To,"
                        + " DKIM-Signature and List-* headers are missing: the sender's"
                        + " authentication and the relays cannot be judged")
                : new MailReport.Problem(
                    "outlook",
                    "Outlook のファイル (.msg) から読みました。受信時のヘッダは Outlook が保存したものです。本文と添付ファイルは"
                        + " Outlook のプロパティから組み立て直しました",
                    "Read from an Outlook file (.msg). The headers are those Outlook kept from"
                        + " the received message; the body and attachments were rebuilt from"
                        + " Outlook's properties"));
      }
      String boundary = "=_renkei_msg_" + UUID.randomUUID();
      if (headers != null) {
        keptHeaders(headers);
        // the internet headers Outlook kept name the To and Cc the sender wrote; the recipient
        // table also holds whom the message was Bcc'd to, the victim a kit names all the same in
        // its subject and links (share34): for the redaction of a shared copy, never a sign
        for (TableEntry r : recipientTable(msg, where)) {
          if (r.address() != null && tableAddresses.size() < MAX_RECIPIENTS) {
            tableAddresses.add(r.address().toLowerCase(Locale.ROOT));
          }
          if (r.name() != null && !r.name().isBlank() && tableNames.size() < MAX_RECIPIENTS) {
            tableNames.add(r.name());
          }
        }
      } else {
        builtHeaders(msg, where, nested);
      }
      line("MIME-Version: 1.0");
      line("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"");
      line("");
      bodies(msg, boundary, where);
      AttachmentChunks[] attachments = msg.getAttachmentFiles();
      int n = 0;
      for (AttachmentChunks a : attachments) {
        if (cut) {
          break;
        }
        n++;
        if (n > MAX_ATTACHMENTS) {
          limit(
              "more than "
                  + MAX_ATTACHMENTS
                  + " attachments in "
                  + where
                  + ": the rest were not read",
              whereJa + "の添付ファイルが " + MAX_ATTACHMENTS + " 個を超えています。残りは読んでいません");
          break;
        }
        attachment(a, boundary, where + ", attachment " + n, whereJa + "の添付 " + n, nested);
      }
      line("--" + boundary + "--");
    }

    void keptHeaders(String headers) {
      String[] lines = headers.split("\r?\n", -1);
      boolean skipping = false;
      for (String l : lines) {
        if (l.isEmpty()) {
          continue;
        }
        boolean continuation = l.charAt(0) == ' ' || l.charAt(0) == '\t';
        if (!continuation) {
          int colon = l.indexOf(':');
          String name = colon > 0 ? l.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
          skipping = colon <= 0 || BODY_FIELDS.contains(name);
        }
        if (!skipping) {
          line(l);
        }
      }
    }

    /**
     * The message's recipient table (name, internet address or null, PR_RECIPIENT_TYPE), at most
     * {@link #MAX_RECIPIENTS}; an Exchange name (/O=...) is no address.
     */
    List<TableEntry> recipientTable(MAPIMessage msg, String where) {
      List<TableEntry> out = new ArrayList<>();
      RecipientChunks[] recipients = msg.getRecipientDetailsChunks();
      if (recipients == null) {
        return out;
      }
      for (RecipientChunks r : recipients) {
        if (out.size() == MAX_RECIPIENTS) {
          limit(
              "more than "
                  + MAX_RECIPIENTS
                  + " recipients in "
                  + where
                  + ": the rest were not read",
              "宛先が " + MAX_RECIPIENTS + " 件を超えています。残りは読んでいません");
          break;
        }
        String address = r.getRecipientEmailAddress();
        String name = r.getRecipientName();
        if (address != null && (address.indexOf('@') < 0 || address.indexOf('/') >= 0)) {
          address = null; // an Exchange name (/O=...), no internet address
        }
        if (address == null && name == null) {
          continue;
        }
        out.add(new TableEntry(name, address, recipientType(r)));
      }
      return out;
    }

    void builtHeaders(MAPIMessage msg, String where, int nested) {
      String fromName = get(msg::getDisplayFrom, where, "the sender's name");
      String from = senderAddress(msg);
      if (from == null && nested == 0) {
        senderUnknown = true;
        notes.add(
            new MailReport.Problem(
                "outlook",
                "差出人のインターネットアドレスが Outlook のファイルに残っていません (Exchange 内の名前だけです)。差出人は判断できません",
                "the sender's internet address is not in the Outlook file (only its name inside"
                    + " Exchange): the sender cannot be judged"));
      }
      if (from != null || fromName != null) {
        line("From: " + mailbox(fromName, from));
      }
      List<String> to = new ArrayList<>();
      List<String> cc = new ArrayList<>();
      for (TableEntry r : recipientTable(msg, where)) {
        (r.type() == 2 ? cc : to).add(mailbox(r.name(), r.address()));
      }
      if (!to.isEmpty()) {
        line("To: " + String.join(",\r\n ", to));
      }
      if (!cc.isEmpty()) {
        line("Cc: " + String.join(",\r\n ", cc));
      }
      String subject = get(msg::getSubject, where, "its subject");
      if (subject != null) {
        line(
            "Subject: "
                + EncoderUtil.encodeIfNecessary(oneLine(subject), EncoderUtil.Usage.TEXT_TOKEN, 9));
      }
      Calendar date = get(msg::getMessageDate, where, "its date");
      if (date != null) {
        line(
            "Date: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    date.toInstant().atOffset(ZoneOffset.UTC)));
      }
      StringChunk id = msg.getMainChunks().getMessageId();
      if (id != null && id.getValue() != null && !id.getValue().isBlank()) {
        line("Message-ID: " + oneLine(id.getValue()));
      }
    }

    void bodies(MAPIMessage msg, String boundary, String where) {
      String text = get(msg::getTextBody, where, "its plain-text body");
      String html = get(msg::getHtmlBody, where, "its HTML body");
      if (html == null) {
        String rtf = get(() -> rtf(msg, where), where, "its RTF body");
        if (rtf != null) {
          String read = MailRtf.read(rtf);
          if (MailRtf.fromHtml(rtf)) {
            html = read;
          } else if (text == null) {
            text = read;
          }
        }
      }
      String alternative = boundary + "_alt";
      if (text != null || html != null) {
        line("--" + boundary);
        line("Content-Type: multipart/alternative; boundary=\"" + alternative + "\"");
        line("");
        if (text != null) {
          textPart(alternative, "text/plain", text);
        }
        if (html != null) {
          textPart(alternative, "text/html", html);
        }
        line("--" + alternative + "--");
      }
    }

    /**
     * The RTF body, decompressed only as far as the rebuilt message still has room (POI's {@code
     * getRtfBody} decompresses it whole: compressed RTF grows up to about 8.5 times, and the text
     * was copied three times over, 84 bytes allocated per byte of file; attack34). The rest is
     * said, not read.
     */
    String rtf(MAPIMessage msg, String where) throws IOException {
      ByteChunk chunk = msg.getMainChunks().getRtfBodyChunk();
      if (chunk == null || chunk.getValue() == null) {
        return null;
      }
      // the text read from it is written in base64: 3 bytes of it take 4 of the room
      Room sink = new Room(Math.max(0, maxOut - out.size()) / 4 * 3);
      CompressedRTF rtf = new CompressedRTF();
      try {
        rtf.decompress(new ByteArrayInputStream(chunk.getValue()), sink);
      } catch (Room.Full full) {
        limit(
            "the RTF body of "
                + where
                + " decompresses past the "
                + MailReport.grouped(sink.room)
                + " bytes left of the rebuilt message ("
                + MAX_OUT_FACTOR
                + " times the file): the rest was not read",
            "RTF の本文を展開すると、組み立てるメッセージの残り "
                + MailReport.grouped(sink.room)
                + " バイト (ファイルの "
                + MAX_OUT_FACTOR
                + " 倍まで) を超えます。残りは読んでいません");
      }
      int size = rtf.getDeCompressedSize();
      return sink.text(size > 0 ? size : Integer.MAX_VALUE);
    }

    void textPart(String boundary, String type, String content) {
      line("--" + boundary);
      line("Content-Type: " + type + "; charset=UTF-8");
      line("Content-Transfer-Encoding: base64");
      line("");
      if (fits((long) content.length() * 4 / 3)) { // UTF-8 has at least a byte per char
        base64(content.getBytes(StandardCharsets.UTF_8));
      }
    }

    void attachment(AttachmentChunks a, String boundary, String where, String whereJa, int nested)
        throws IOException {
      String name = string(a.getAttachLongFileName());
      if (name == null) {
        name = string(a.getAttachFileName());
      }
      if (a.isEmbeddedMessage()) {
        DirectoryNode inner = a.getAttachmentDirectory().getDirectory();
        if (nested + 1 > MAX_NESTED) {
          limit(
              "Outlook items attached inside one another deeper than "
                  + MAX_NESTED
                  + " levels ("
                  + where
                  + "): the deeper ones were not read",
              "Outlook のアイテムの入れ子が " + MAX_NESTED + " 段を超えています (" + whereJa + ")。それより深いものは読んでいません");
          return;
        }
        line("--" + boundary);
        line("Content-Type: message/rfc822");
        line("Content-Disposition: attachment" + filename(name));
        line("");
        message(inner, where, whereJa, nested + 1);
        return;
      }
      byte[] data = null;
      ByteChunk chunk = a.getAttachData();
      if (chunk != null) {
        data = chunk.getValue();
      } else if (a.getAttachmentDirectory() != null) {
        // an OLE object attached (attach method 6): its container, read as the attachment
        data = a.getEmbeddedAttachmentObject();
      }
      if (data == null) {
        notes.add(
            new MailReport.Problem(
                "unreadable",
                whereJa + (name == null ? "" : " (" + name + ")") + " にはデータがなく、読んでいません",
                where + (name == null ? "" : " (" + name + ")") + " holds no data: not read"));
        return;
      }
      String type = string(a.getAttachMimeTag());
      if (type == null || !type.matches("[\\w.+-]+/[\\w.+-]+")) {
        type = "application/octet-stream";
      }
      line("--" + boundary);
      line("Content-Type: " + type);
      line("Content-Transfer-Encoding: base64");
      String cid = string(a.getAttachContentId());
      if (cid != null && cid.matches("[!-~&&[^<>]]+")) {
        line("Content-ID: <" + cid + ">");
      }
      line("Content-Disposition: attachment" + filename(name));
      line("");
      base64(data);
    }

    String filename(String name) {
      if (name == null || name.isBlank()) {
        return "";
      }
      return "; filename*=UTF-8''" + jp.renkei.engine.text.FileNames.rfc5987(oneLine(name));
    }

    void limit(String en, String ja) {
      notes.add(new MailReport.Problem("limit", ja, en));
    }

    <T> T get(Getter<T> g, String where, String what) {
      try {
        return g.get();
      } catch (Exception e) {
        notes.add(
            new MailReport.Problem(
                "unreadable",
                "Outlook のファイルの " + what + " (" + where + ") を読めません: " + reason(e),
                what + " of " + where + " in the Outlook file cannot be read: " + reason(e)));
        return null;
      }
    }

    void line(String s) {
      write(s.getBytes(StandardCharsets.UTF_8));
      write(new byte[] {'\r', '\n'});
    }

    void base64(byte[] data) {
      long encoded = 4 * (((long) data.length + 2) / 3);
      if (!fits(encoded + (encoded + 75) / 76 * 2)) {
        return; // not encoded only to be dropped
      }
      write(java.util.Base64.getMimeEncoder().encode(data));
      write(new byte[] {'\r', '\n'});
    }

    void write(byte[] b) {
      if (fits(b.length)) {
        out.write(b, 0, b.length);
      }
    }

    /** Whether {@code n} more bytes fit the rebuilt message; the first time not, it is cut. */
    boolean fits(long n) {
      if (cut) {
        return false;
      }
      if (out.size() + n > maxOut) {
        cut = true;
        limit(
            "the Outlook file rebuilt as a message grew past "
                + MailReport.grouped(maxOut)
                + " bytes ("
                + MAX_OUT_FACTOR
                + " times the file): the rest was not read",
            "Outlook のファイルから組み立てたメッセージが "
                + MailReport.grouped(maxOut)
                + " バイト (ファイルの "
                + MAX_OUT_FACTOR
                + " 倍) を超えました。残りは読んでいません");
        return false;
      }
      return true;
    }
  }

  /** A byte sink that holds at most {@code room} bytes and says when more come. */
  private static final class Room extends ByteArrayOutputStream {
    /** More bytes came than the room holds. */
    static final class Full extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("full", null, false, false);
      }
    }

    final long room;

    Room(long room) {
      this.room = room;
    }

    @Override
    public void write(int b) {
      if (count >= room) {
        throw new Full();
      }
      super.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int fits = (int) Math.min(len, room - count);
      super.write(b, off, Math.max(fits, 0));
      if (fits < len) {
        throw new Full();
      }
    }

    /** The first {@code max} bytes held, as the ISO-8859-1 text RTF is. */
    String text(int max) {
      return new String(buf, 0, Math.min(count, max), StandardCharsets.ISO_8859_1);
    }
  }

  @FunctionalInterface
  private interface Getter<T> {
    T get() throws Exception;
  }

  private static String string(StringChunk c) {
    if (c == null) {
      return null;
    }
    String v = c.getValue();
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** The sender's internet address: the first of the MAPI sender properties that is one. */
  private static String senderAddress(MAPIMessage msg) {
    List<String> candidates = new ArrayList<>();
    StringChunk email = msg.getMainChunks().getEmailFromChunk();
    if (email != null) {
      candidates.add(email.getValue());
    }
    Map<MAPIProperty, List<Chunk>> all = msg.getMainChunks().getAll();
    for (int id : new int[] {0x5D01, 0x0C1F, 0x5D02, 0x0065}) {
      for (Map.Entry<MAPIProperty, List<Chunk>> e : all.entrySet()) {
        if (e.getKey().id == id) {
          for (Chunk c : e.getValue()) {
            if (c instanceof StringChunk s) {
              candidates.add(s.getValue());
            }
          }
        }
      }
    }
    for (String c : candidates) {
      if (c != null && c.indexOf('@') > 0 && c.indexOf('/') < 0) {
        return oneLine(c.strip());
      }
    }
    return null;
  }

  /** 1 To, 2 Cc, 3 Bcc (PR_RECIPIENT_TYPE); To when the property is absent. */
  private static int recipientType(RecipientChunks r) {
    List<PropertyValue> v = r.getProperties().get(MAPIProperty.RECIPIENT_TYPE);
    if (v != null && !v.isEmpty() && v.get(0).getValue() instanceof Number n) {
      return n.intValue() & 0xff;
    }
    return 1;
  }

  private static String mailbox(String name, String address) {
    String n = name == null ? null : oneLine(name).strip();
    if (n != null && (n.isEmpty() || n.equalsIgnoreCase(address))) {
      n = null;
    }
    if (address == null) {
      return EncoderUtil.encodeAddressDisplayName(n) + " :;";
    }
    String a = address.replaceAll("[\\s<>\"]", "");
    return n == null ? "<" + a + ">" : EncoderUtil.encodeAddressDisplayName(n) + " <" + a + ">";
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t\\x00]+", " ");
  }
}
