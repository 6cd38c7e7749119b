package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.refang;
import static jp.renkei.engine.mail.MailLinks.urls;
import static jp.renkei.engine.mail.MailText.DOMAIN_LIKE;
import static jp.renkei.engine.mail.MailText.URL;
import static jp.renkei.engine.mail.MailText.extension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The attachments room: reads each attached file (its detected type, its name's tricks, archives
 * unpacked within the analyser's limits, HTML and calendar files' links, PDFs' links) and searches
 * images and PDFs for QR codes, keeping what the search found by SHA-256 for the analyser's life.
 */
final class MailAttachments {

  private final MailAnalyzer.Limits limits;
  private final Set<String> allowed;

  MailAttachments(MailAnalyzer.Limits limits, Set<String> allowed) {
    this.limits = limits;
    this.allowed = allowed;
  }

  /**
   * What the QR search found in the images and PDFs this analyser has read, by SHA-256: a campaign
   * sends the same picture or PDF in message after message, and decoding it (rendering a PDF's
   * pages) is the dearest step of an analysis. It lives as long as the analyser: the server makes
   * one per message analysed, so that nothing is shared between users (not even the time a message
   * takes); a command-line run reuses one for the files of one operator. Bounded to the {@value
   * #DECODED} most recently used.
   */
  final Map<String, MailImages.Decoded> decoded =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MailImages.Decoded> eldest) {
              return size() > DECODED;
            }
          });

  /** Images and PDFs whose QR search results an analyser keeps. */
  static final int DECODED = 256;

  MailReport.Attachment attachment(
      String name, String declared, byte[] data, int archiveDepth, MailState st) {
    String detected = detect(data);
    boolean encrypted = false;
    List<MailReport.Attachment> members = new ArrayList<>();
    if (("zip".equals(detected) || "office-open-xml".equals(detected))
        && archiveDepth < limits.maxArchiveDepth()) {
      encrypted = unzip(name, data, archiveDepth, members, st);
      if (members.stream()
          .anyMatch(x -> x.name().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
        detected = "office-with-macros";
      }
    }
    if ("ole2".equals(detected) && containsUtf16(data, "_VBA_PROJECT")) {
      detected = "office-with-macros";
    }
    if ("data".equals(detected) && openedAsPage(name, declared)) {
      // no tags inside, but a browser opens it as a page by its name or type (HTML_ATTACHMENT
      // says so): its kind says the same (ux40: a 36-byte Attachment.html read "no known format")
      detected = OPENED_AS_PAGE;
    }
    MailReport.Attachment a =
        new MailReport.Attachment(
            name,
            declared,
            detected,
            data.length,
            hash("MD5", data),
            hash("SHA-1", data),
            hash("SHA-256", data),
            encrypted,
            List.copyOf(members));
    if (!allowed.contains(a.sha256())) {
      nameFlags(name, detected, st);
      declaredAsPicture(name, declared, st);
      if (encrypted) {
        st.flag(RedFlag.ENCRYPTED_ARCHIVE, name);
      }
      htmlAttachment(name, declared, data, st);
      calendarLinks(name, declared, data, st);
      if ("image".equals(detected) || "pdf".equals(detected)) {
        qrCodes(name, data, a.sha256(), "pdf".equals(detected), st);
      }
    }
    return a;
  }

  /**
   * The names of the entries unpacking did not reach (the one it stopped inside among them), judged
   * by their names alone: read from the archive's central directory, so that an executable behind
   * an entry of a gigabyte of zeros is still named (hostile27). At most {@link #UNREAD_NAMES} names
   * a message are read so.
   */
  static void unreadNames(byte[] data, List<MailReport.Attachment> members, MailState st) {
    Set<String> read = new java.util.HashSet<>();
    for (MailReport.Attachment m : members) {
      read.add(m.name());
    }
    List<String> names = ZipNames.of(data, UNREAD_NAMES - st.unreadNames);
    st.unreadNames += names.size();
    for (String member : names) {
      if (read.add(member) && !member.endsWith("/")) {
        nameFlags(member, "", st);
      }
    }
  }

  /** Names of archive entries not unpacked, judged by name, per message at most. */
  static final int UNREAD_NAMES = 10_000;

  /**
   * Unpacks a ZIP within the limits of the archive and what is left of the message's; returns
   * whether an entry was encrypted.
   */
  boolean unzip(
      String name, byte[] data, int depth, List<MailReport.Attachment> members, MailState st) {
    long unpacked = 0;
    st.archiveDepth = Math.max(st.archiveDepth, depth + 1);
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry entry;
      while (true) {
        if (st.outOfTime()) {
          st.flag(RedFlag.ARCHIVE_LIMIT, name + ": > " + limits.maxTime().toMillis() + " ms");
          return false;
        }
        if (st.entries >= limits.maxEntriesPerMessage()) {
          st.reached(
              "archive entries per message " + limits.maxEntriesPerMessage(),
              "1 通あたりの圧縮ファイルのエントリ数 " + limits.maxEntriesPerMessage());
          st.flag(RedFlag.ARCHIVE_LIMIT, name + ": > " + limits.maxEntriesPerMessage());
          unreadNames(data, members, st);
          return false;
        }
        if ((entry = z.getNextEntry()) == null) {
          break;
        }
        st.entries++;
        if (members.size() >= limits.maxArchiveEntries()) {
          st.flag(
              RedFlag.ARCHIVE_LIMIT,
              name + ": more than " + MailReport.grouped(limits.maxArchiveEntries()) + " entries",
              name + ": 中のファイルが " + MailReport.grouped(limits.maxArchiveEntries()) + " 個を超えています");
          unreadNames(data, members, st);
          return false;
        }
        if (entry.isDirectory()) {
          continue;
        }
        long messageRoom = limits.maxUnpackedPerMessage() - st.unpacked;
        long room =
            Math.min(
                Math.min(limits.maxUnpacked() - unpacked, (long) data.length * limits.maxRatio()),
                messageRoom);
        byte[] content = z.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
        unpacked += content.length;
        st.unpacked += Math.min(content.length, Math.max(0, messageRoom));
        if (content.length > room) {
          if (content.length > messageRoom) {
            st.reached(
                "bytes unpacked per message " + limits.maxUnpackedPerMessage(),
                "1 通あたりの展開バイト数 " + limits.maxUnpackedPerMessage());
          }
          st.flag(
              RedFlag.ARCHIVE_LIMIT, name + ": > " + Math.min(room, limits.maxUnpacked()) + " B");
          unreadNames(data, members, st);
          return false;
        }
        String member = entry.getName();
        if (member.toLowerCase(Locale.ROOT).endsWith(".zip")
            && depth + 1 < limits.maxArchiveDepth()) {
          members.add(attachment(member, null, content, depth + 1, st));
        } else {
          String detected = detect(content);
          if ("zip".equals(detected)) {
            st.reached(
                "archives nested deeper than " + limits.maxArchiveDepth(),
                "圧縮ファイルの入れ子 " + limits.maxArchiveDepth() + " 段");
          }
          String sha256 = hash("SHA-256", content);
          members.add(
              new MailReport.Attachment(
                  member,
                  null,
                  detected,
                  content.length,
                  hash("MD5", content),
                  hash("SHA-1", content),
                  sha256,
                  false,
                  List.of()));
          if (!allowed.contains(sha256)) {
            nameFlags(member, detected, st);
          }
        }
      }
      return false;
    } catch (ZipException e) {
      if (String.valueOf(e.getMessage()).contains("encrypted")) {
        return true;
      }
      st.problem(
          "archive",
          name + ": 壊れた圧縮ファイルです: " + e.getMessage(),
          name + ": a damaged archive: " + e.getMessage());
      return false;
    } catch (IOException e) {
      st.problem(
          "archive",
          name + ": 展開できません: " + e.getMessage(),
          name + ": cannot unpack: " + e.getMessage());
      return false;
    }
  }

  /**
   * An image or a PDF to search for QR codes once the parts are walked: {@code cost} is its pixels
   * from its header ({@link MailImages#PDF_COST} for a PDF), {@code order} its place in the
   * message, {@code returned} whether it belongs to a returned message.
   */
  record QrCandidate(
      String name,
      byte[] data,
      String sha256,
      boolean pdf,
      long cost,
      int order,
      boolean returned) {}

  /**
   * Queues an image or a PDF for the QR search ({@link #searchQrCodes}); an image too small to hold
   * a code (spacers, tracking pixels, bullets) is not queued, and a copy of one queued already is
   * searched once.
   */
  void qrCodes(String name, byte[] data, String sha256, boolean pdf, MailState st) {
    long cost = MailImages.PDF_COST;
    if (!pdf && data.length <= MailImages.MAX_BYTES) {
      int[] size = MailImages.dimensions(data);
      if (size != null && MailImages.tooSmallForQr(size[0], size[1])) {
        return;
      }
      // what the search looks at: a large photo is searched subsampled (photos24)
      cost = size == null ? 1 : Math.max(1, MailImages.searchedPixels(size[0], size[1]));
    }
    st.qrQueue.add(
        new QrCandidate(name, data, sha256, pdf, cost, st.qrQueue.size(), st.inReturned > 0));
  }

  /**
   * Searches the queued images and PDFs for QR codes, the cheapest first (fewest pixels; the order
   * of the message among equals), so a lure's code is not hidden behind a row of logos or large
   * pictures: within {@link MailImages#MAX_IMAGES} distinct ones, {@link
   * MailImages#MAX_MESSAGE_PIXELS} pixels and the analysis's deadline less a fifth of its time
   * (kept for judging the rest). What is left unsearched is BEYOND_LIMITS, saying how many and why.
   */
  void searchQrCodes(MailState st) {
    List<QrCandidate> queue = new ArrayList<>(st.qrQueue);
    queue.sort(
        java.util.Comparator.comparingLong(QrCandidate::cost).thenComparingInt(QrCandidate::order));
    long qrDeadline = st.deadline - limits.maxTime().toNanos() / 5;
    Map<String, MailImages.Decoded> searched = new java.util.HashMap<>();
    Set<String> read = new java.util.HashSet<>();
    long pixels = 0;
    int left = 0;
    String why = null;
    String whyJa = null;
    for (QrCandidate c : queue) {
      MailImages.Decoded d = searched.get(c.sha256());
      if (d == null) {
        if (searched.size() >= MailImages.MAX_IMAGES) {
          left++;
          why = why != null ? why : "over " + MailImages.MAX_IMAGES + " images and PDFs";
          whyJa = whyJa != null ? whyJa : "画像と PDF が " + MailImages.MAX_IMAGES + " 個を超えています";
          continue;
        }
        if (pixels + c.cost() > MailImages.MAX_MESSAGE_PIXELS) {
          left++;
          why =
              why != null
                  ? why
                  : "over " + MailReport.grouped(MailImages.MAX_MESSAGE_PIXELS) + " pixels";
          whyJa =
              whyJa != null
                  ? whyJa
                  : "画素数の合計が " + MailReport.grouped(MailImages.MAX_MESSAGE_PIXELS) + " を超えています";
          continue;
        }
        if (System.nanoTime() - qrDeadline >= 0) {
          // decoding cannot be stopped half-way: none is begun past the search's time
          left++;
          why = why != null ? why : "out of analysis time";
          whyJa = whyJa != null ? whyJa : "解析時間を超えました";
          continue;
        }
        pixels += c.cost();
        d = decoded.get(c.sha256());
        if (d == null) {
          d = c.pdf() ? MailImages.pdfQrCodes(c.data(), qrDeadline) : MailImages.qrCodes(c.data());
          decoded.put(c.sha256(), d);
        }
        searched.put(c.sha256(), d);
      }
      int before = st.links.size();
      qrFound(c.name(), d, st);
      if (c.returned()) {
        st.returnedActs |= st.returnedLinksSince(before);
      }
      if (!d.pageText().isEmpty() && read.add(c.sha256())) {
        // the words of a PDF's first page are the message's too (recall34): a lure sending its
        // invoice, renewal or threat as a PDF behind one line of text is read as its reader sees it
        if (c.returned()) {
          st.returnedText(d.pageText());
        } else {
          st.text(d.pageText());
        }
      }
    }
    if (left > 0) {
      st.reached("QR search: " + why, "QR コードの探索 (" + whyJa + ")");
      st.flag(
          RedFlag.BEYOND_LIMITS,
          left + " image(s) or PDF(s) not searched for QR codes: " + why,
          "画像または PDF " + left + " 個は QR コードを探していません (" + whyJa + ")");
    }
  }

  /** What the QR search found in one image or PDF, made links and findings of the message. */
  void qrFound(String name, MailImages.Decoded d, MailState st) {
    if (MailQrUnread.is(d)) {
      st.problem(
          "qr",
          name + ": QR コードを読み取れませんでした: " + d.problemJa(),
          name + ": a QR code could not be read: " + d.problem());
    } else if (d.problem() != null) {
      st.problem(
          "qr",
          name + ": QR コードを探せませんでした: " + d.problemJa(),
          name + ": not searched for QR codes: " + d.problem());
    }
    if (d.beyondLimits()) {
      st.flag(RedFlag.BEYOND_LIMITS, name + ": " + d.problem(), name + ": " + d.problemJa());
    }
    pdfLinks(name, d, st);
    for (String text : d.texts()) {
      Matcher u = URL.matcher(text);
      String url =
          u.find()
              ? refang(u.group())
              : DOMAIN_LIKE.matcher(text).matches() ? "http://" + text : null;
      if (url != null) {
        st.link(new MailReport.Link(url, null, "qr " + name));
        st.flag(RedFlag.QR_CODE_LINK, name + " → " + url);
      }
    }
  }

  /** Where a link inside a PDF attachment was found: this prefix and the attachment's name. */
  static final String IN_PDF = "pdf ";

  /**
   * A PDF's link targets (its buttons and link annotations, {@link PdfLinks}): links of the
   * message, judged like its own, each finding on them naming the attachment; its active actions
   * (launch, JavaScript, form submission, a page opened by itself) a finding of their own.
   */
  static void pdfLinks(String name, MailImages.Decoded d, MailState st) {
    Set<String> known = new java.util.HashSet<>();
    for (MailReport.Link l : st.links) {
      if ((IN_PDF + name).equals(l.where())) {
        known.add(l.url());
      }
    }
    for (String url : d.links()) {
      if (known.add(url) && !st.link(new MailReport.Link(url, null, IN_PDF + name))) {
        break;
      }
    }
    if (d.actions().isEmpty()) {
      return;
    }
    List<String> en = new ArrayList<>();
    List<String> ja = new ArrayList<>();
    for (PdfLinks.Action a : d.actions()) {
      en.add(a.evidence());
      ja.add(a.evidenceJa());
    }
    st.flag(
        RedFlag.PDF_ACTIVE_CONTENT,
        name + ": " + String.join("; ", en),
        name + ": " + String.join("。", ja));
  }

  /**
   * The findings from {@code from} on, made on a link found inside a PDF attachment, with the
   * attachment named in their evidence (a reader looks for the link in the message otherwise).
   */
  static void namePdf(MailReport.Link l, int from, MailState st) {
    if (l.where() == null || !l.where().startsWith(IN_PDF)) {
      return;
    }
    String pdf = l.where().substring(IN_PDF.length());
    for (int i = from; i < st.findings.size(); i++) {
      MailReport.Finding f = st.findings.get(i);
      st.findings.set(
          i,
          new MailReport.Finding(
              f.flag(),
              f.evidence() + " (inside the attachment \"" + pdf + "\")",
              f.evidenceJa() + " (添付ファイル「" + pdf + "」の中のリンク)"));
    }
  }

  /**
   * The kind of an attachment whose content is no known format while its name or declared type is
   * HTML or SVG ({@link #openedAsPage}): a browser opens it as a page whatever it holds.
   */
  static final String OPENED_AS_PAGE = "opened-as-page";

  /**
   * Whether a browser opens the attachment as a web page, by its name's extension (.html, .svg,
   * .mht …) or its declared type (text/html, image/svg+xml), whatever it holds.
   */
  static boolean openedAsPage(String name, String declared) {
    String ext = extension(BIDI.matcher(name).replaceAll(""));
    String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    return Set.of("htm", "html", "shtml", "xhtml", "svg", "mht", "mhtml").contains(ext)
        || type.equals("text/html")
        || type.equals("image/svg+xml");
  }

  /** An HTML or SVG attachment, and whether it holds a form, a script or a redirect. */
  static void htmlAttachment(String name, String declared, byte[] data, MailState st) {
    if (!openedAsPage(name, declared)) {
      return;
    }
    st.flag(RedFlag.HTML_ATTACHMENT, name);
    String head =
        new String(
            data, 0, Math.min(data.length, 1 << 20), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher active = HTML_ACTIVE.matcher(head);
    if (active.find()) {
      st.flag(RedFlag.HTML_FORM, name + ": " + active.group().strip());
    }
  }

  /**
   * The links of an attached calendar invitation (.ics): a meeting lure puts its sign-in page in
   * the event's description or location, where the reader's calendar shows it as a link; they are
   * judged as the message's own links. Folded lines (a line break and one space) are joined first.
   */
  static void calendarLinks(String name, String declared, byte[] data, MailState st) {
    String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    if (!type.equals("text/calendar")
        && !extension(BIDI.matcher(name).replaceAll("")).equals("ics")) {
      return;
    }
    st.invitation = true;
    String text =
        new String(data, 0, Math.min(data.length, 1 << 20), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\r\n ", "")
            .replace("\n ", "")
            .replace("\\n", " ")
            .replace("\\,", ",");
    urls(text, name, st);
  }

  /**
   * What a document, archive, web page or calendar entry is named by: the extensions {@link
   * #declaredAsPicture} reads.
   */
  static final Set<String> DOCUMENT_NAMES =
      Set.of(
          "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "rtf", "odt", "zip",
          "rar", "7z", "htm", "html", "ics");

  /**
   * An attachment the message declares a picture (Content-Type: image/jpeg) while its name says a
   * document (invoice.pdf): a mail program shows the part as a picture beside the text, or not at
   * all, and the list of attachments a document. No mail program labels a PDF as a JPEG; a spam
   * tool filling a template does, so that the part neither looks like a document to a filter nor
   * opens like a picture for the reader (a TYPE_MISMATCH by the part's label, not its bytes).
   */
  static void declaredAsPicture(String name, String declared, MailState st) {
    if (declared == null || !declared.toLowerCase(Locale.ROOT).startsWith("image/")) {
      return;
    }
    String visible = BIDI.matcher(name).replaceAll("");
    String extension = extension(visible);
    if (DOCUMENT_NAMES.contains(extension)) {
      st.flag(
          RedFlag.TYPE_MISMATCH,
          visible + " ← Content-Type: " + declared.toLowerCase(Locale.ROOT),
          visible + " ← 宣言された形式: " + declared.toLowerCase(Locale.ROOT));
    }
  }

  static void nameFlags(String name, String detected, MailState st) {
    String visible = BIDI.matcher(name).replaceAll("");
    String extension = extension(visible);
    if (BIDI.matcher(name).find()) {
      st.flag(RedFlag.BIDI_CONTROL, escape(name) + " → ." + extension);
    }
    if (SPACES_BEFORE_EXTENSION.matcher(visible).find()) {
      st.flag(RedFlag.SPACE_PADDING, visible.replaceAll("[\\s\\u3000\\u00A0]{5,}", " … "));
    }
    Matcher d = DOUBLE_EXTENSION.matcher(visible);
    if (d.find() && !d.group(1).equalsIgnoreCase(d.group(2))) {
      st.flag(RedFlag.DOUBLE_EXTENSION, visible);
    }
    if (DANGEROUS.contains(extension) || "office-with-macros".equals(detected)) {
      st.flag(RedFlag.EXECUTABLE_ATTACHMENT, visible);
    }
    if (EXECUTABLE_TYPES.contains(detected)
        && !Set.of("exe", "dll", "scr", "com", "pif", "cpl", "lnk", "sys", "bin")
            .contains(extension)) {
      st.flag(RedFlag.TYPE_MISMATCH, visible + " → " + detected);
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (BIDI.matcher(new String(Character.toChars(c))).matches()) {
                b.append(String.format("<U+%04X>", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** The type by content (magic bytes), whatever the name says. */
  static String detect(byte[] d) {
    if (starts(d, 'M', 'Z')) {
      return "pe-executable";
    }
    if (starts(d, 0x7F, 'E', 'L', 'F')) {
      return "elf";
    }
    if (starts(d, 0x4C, 0, 0, 0, 1, 0x14, 2, 0)) {
      return "windows-shortcut";
    }
    if (starts(d, '%', 'P', 'D', 'F')) {
      return "pdf";
    }
    if (starts(d, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "ole2";
    }
    if (starts(d, 'P', 'K', 3, 4) || starts(d, 'P', 'K', 5, 6)) {
      return containsAscii(d, "[Content_Types].xml") ? "office-open-xml" : "zip";
    }
    if (starts(d, 'R', 'a', 'r', '!')) {
      return "rar";
    }
    if (starts(d, '7', 'z', 0xBC, 0xAF)) {
      return "7z";
    }
    if (starts(d, 0x1F, 0x8B)) {
      return "gzip";
    }
    if (d.length > 0x8006 && d[0x8001] == 'C' && d[0x8002] == 'D' && d[0x8003] == '0') {
      return "iso9660";
    }
    if (starts(d, 0x89, 'P', 'N', 'G') || starts(d, 0xFF, 0xD8, 0xFF) || starts(d, 'G', 'I', 'F')) {
      return "image";
    }
    return text(d);
  }

  /** Tags that only an HTML document starts with (after a comment or the XML declaration). */
  static final Pattern HTML_START =
      Pattern.compile("<(?:!doctype\\s+html|html|head|body|meta|title|script|iframe|form)[\\s>/]");

  /**
   * The kinds of text an attachment can be, by its first kilobyte (ASCII whatever the charset,
   * after a UTF-8 byte-order mark and white space): a calendar invitation ({@code
   * BEGIN:VCALENDAR}), an SVG image, an HTML document (a page, a saved form, an .htm "invoice");
   * anything else is {@code data}.
   */
  static String text(byte[] d) {
    String head =
        new String(d, 0, Math.min(d.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "")
            .strip()
            .toLowerCase(Locale.ROOT);
    if (head.startsWith("begin:vcalendar")) {
      return "calendar";
    }
    if (!head.startsWith("<")) {
      return "data";
    }
    if (head.contains("<svg")) {
      return "svg";
    }
    return HTML_START.matcher(head).find() ? "html" : "data";
  }

  static boolean starts(byte[] d, int... magic) {
    if (d.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((d[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean containsAscii(byte[] d, String s) {
    return indexOf(d, s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) >= 0;
  }

  static boolean containsUtf16(byte[] d, String s) {
    return indexOf(d, s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)) >= 0;
  }

  static int indexOf(byte[] d, byte[] p) {
    outer:
    for (int i = 0; i + p.length <= d.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (d[i + j] != p[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String hash(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  static final Set<String> DANGEROUS =
      Set.of(
          "exe", "scr", "com", "pif", "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "lnk", "iso",
          "img", "bat", "cmd", "ps1", "msi", "jar", "cpl", "docm", "xlsm", "pptm", "dotm", "xlam",
          "one", "vhd", "vhdx", "chm", "reg");
  static final Set<String> EXECUTABLE_TYPES = Set.of("pe-executable", "elf", "windows-shortcut");
  static final Pattern BIDI =
      Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
  static final Pattern SPACES_BEFORE_EXTENSION =
      Pattern.compile("[\\s\\u3000\\u00A0_]{5,}\\.[A-Za-z0-9]{1,5}$");
  static final Pattern DOUBLE_EXTENSION =
      Pattern.compile(
          "(?i)\\.(pdf|docx?|xlsx?|pptx?|txt|rtf|csv|jpe?g|png|gif|bmp|zip|html?|hwp|jtd)[\\s\\u3000]*\\.([a-z0-9]{2,4})$");
  static final Pattern HTML_ACTIVE =
      Pattern.compile(
          "(?is)<form\\b|<input[^>]+type\\s*=\\s*[\"']?password|<script\\b|http-equiv\\s*=\\s*[\"']?refresh"
              + "|window\\.location|location\\.(?:href|replace)|document\\.write|\\batob\\s*\\(|unescape\\s*\\(");
}
