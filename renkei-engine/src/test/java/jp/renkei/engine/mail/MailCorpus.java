package jp.renkei.engine.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A corpus of real-world-shaped messages — Japanese and English, benign and malicious, and
 * malformed — each with the verdict a duty officer would expect (null: any verdict, it only must
 * not break the analyser). Generated, so it can grow without shipping anyone's mail.
 */
final class MailCorpus {

  record Sample(String name, byte[] eml, MailReport.Verdict expected) {}

  static final MailReport.Verdict CLEAN = MailReport.Verdict.CLEAN;
  static final MailReport.Verdict SUSPICIOUS = MailReport.Verdict.SUSPICIOUS;
  static final MailReport.Verdict MALICIOUS = MailReport.Verdict.MALICIOUS;
  static final byte[] EXE = MailAnalyzerTest.EXE;
  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
  static final byte[] LNK = {0x4C, 0, 0, 0, 1, 0x14, 2, 0, 0, 0, 0, 0};

  private MailCorpus() {}

  static String head(String from, String subject, String extra) {
    return "Received: from mail.sender.example (mail.sender.example [198.51.100.20]) by mx.sakura-bank.co.jp"
        + " (Postfix) with ESMTPS id 9A; Wed, 19 Nov 2026 10:01:02 +0900\r\n"
        + "Received: from [10.20.30.40] (helo=pc-42) by mail.sender.example with ESMTPSA;"
        + " Wed, 19 Nov 2026 10:01:00 +0900\r\n"
        + "Authentication-Results: mx.sakura-bank.co.jp; spf=pass; dkim=pass; dmarc=pass\r\n"
        + "From: "
        + from
        + "\r\nTo: \"総務部\" <soumu@sakura-bank.co.jp>\r\nSubject: "
        + subject
        + "\r\nDate: Wed, 19 Nov 2026 10:00:00 +0900\r\nMessage-ID: <"
        + Math.abs(subject.hashCode())
        + "@sender.example>\r\nMIME-Version: 1.0\r\n"
        + extra;
  }

  static String enc(String s, String charset) {
    return "=?"
        + charset
        + "?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(Charset.forName(charset)))
        + "?=";
  }

  static byte[] bytes(String ascii, byte[]... tail) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
    for (byte[] t : tail) {
      b.writeBytes(t);
    }
    return b.toByteArray();
  }

  static String text(String charset, String body) {
    return "Content-Type: text/plain; charset="
        + charset
        + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(body.getBytes(Charset.forName(charset)))
        + "\r\n";
  }

  static String mixed(
      String from, String subject, String body, String name, String type, byte[] content) {
    return head(from, subject, "Content-Type: multipart/mixed; boundary=\"=_b\"\r\n\r\n")
        + "--=_b\r\n"
        + text("UTF-8", body)
        + "--=_b\r\nContent-Type: "
        + type
        + "\r\n"
        + "Content-Disposition: attachment; filename*=UTF-8''"
        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
        + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(content)
        + "\r\n--=_b--\r\n";
  }

  static String html(String from, String subject, String html) {
    return head(from, subject, "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n")
        + "--alt\r\n"
        + text("UTF-8", "HTML版をご覧ください")
        + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
        + html
        + "\r\n--alt--\r\n";
  }

  static byte[] zip(String name, byte[] content) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] docx(boolean macros) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry("[Content_Types].xml"));
        z.write("<Types/>".getBytes(StandardCharsets.US_ASCII));
        z.putNextEntry(new ZipEntry("word/document.xml"));
        z.write("<w:document/>".getBytes(StandardCharsets.US_ASCII));
        if (macros) {
          z.putNextEntry(new ZipEntry("word/vbaProject.bin"));
          z.write(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        }
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Sample> all() {
    List<Sample> c = new ArrayList<>();
    String partner = "\"田中 太郎\" <tanaka@partner.co.jp>";
    // ---- benign ----
    c.add(
        new Sample(
            "meeting-iso2022jp",
            bytes(
                head(
                    partner,
                    enc("定例会議のご案内", "ISO-2022-JP"),
                    "Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n"),
                "来週の定例会議は11月26日です。".getBytes(Charset.forName("ISO-2022-JP"))),
            CLEAN));
    c.add(
        new Sample(
            "newsletter-html",
            bytes(
                html(
                    "news@partner.co.jp",
                    enc("ニュースレター 11月号", "UTF-8"),
                    "<p><a href=\"https://www.partner.co.jp/news/11\">https://www.partner.co.jp/news/11</a> と"
                        + " <a href=\"https://partner.co.jp/x\">こちら</a></p>")),
            CLEAN));
    c.add(
        new Sample(
            "invoice-sjis-pdf",
            bytes(
                mixed(
                    partner,
                    enc("請求書送付の件", "Shift_JIS"),
                    "請求書を添付します。",
                    "請求書_2026年11月.pdf",
                    "application/pdf",
                    PDF)),
            CLEAN));
    c.add(
        new Sample(
            "photo-english",
            bytes(
                mixed(
                    "Alice <alice@example.org>",
                    "Photos from the drill",
                    "Attached the photo from the exercise.",
                    "drill.png",
                    "image/png",
                    PNG)),
            CLEAN));
    c.add(
        new Sample(
            "eucjp-notice",
            bytes(
                head(
                    partner,
                    enc("停電のお知らせ", "EUC-JP"),
                    "Content-Type: text/plain; charset=EUC-JP\r\n\r\n"),
                "計画停電のお知らせです。".getBytes(Charset.forName("EUC-JP"))),
            CLEAN));
    c.add(
        new Sample(
            "zip-of-pdf",
            bytes(mixed(partner, "資料", "資料一式です。", "資料.zip", "application/zip", zip("資料.pdf", PDF))),
            CLEAN));
    c.add(
        new Sample(
            "docx-no-macros",
            bytes(
                mixed(
                    partner,
                    "議事録",
                    "議事録です。",
                    "議事録.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx(false))),
            CLEAN));
    c.add(
        new Sample(
            "forwarded-benign",
            bytes(
                head(partner, "Fwd: 連絡", "Content-Type: multipart/mixed; boundary=\"f\"\r\n\r\n")
                    + "--f\r\n"
                    + text("UTF-8", "転送します。")
                    + "--f\r\nContent-Type: message/rfc822\r\n\r\n"
                    + head(
                        "suzuki@partner.co.jp",
                        "連絡",
                        "Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                    + "了解しました。\r\n--f--\r\n"),
            CLEAN));
    c.add(
        new Sample(
            "calendar",
            bytes(
                mixed(
                    partner,
                    "会議招集",
                    "招集です。",
                    "invite.ics",
                    "text/calendar",
                    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII))),
            CLEAN));
    c.add(
        new Sample(
            "english-plain-link",
            bytes(
                head("ops@example.org", "Maintenance window", "Content-Type: text/plain\r\n\r\n")
                    + "Details at https://status.example.org/maint/2026-11"),
            CLEAN));
    // ---- malicious and suspicious ----
    String fake = "\"年金機構 総務\" <soumu@nenkin-info.example>";
    c.add(
        new Sample(
            "double-extension",
            bytes(
                mixed(
                    fake,
                    enc("【至急】調査票", "UTF-8"),
                    "ご回答ください。",
                    "調査票.docx.exe",
                    "application/octet-stream",
                    EXE)),
            MALICIOUS));
    c.add(
        new Sample(
            "rlo",
            bytes(
                mixed(
                    fake, "請求書", "ご確認ください。", "請求書\u202Efdp.scr", "application/octet-stream", EXE)),
            MALICIOUS));
    c.add(
        new Sample(
            "space-padding",
            bytes(
                mixed(
                    fake,
                    "報告書",
                    "ご確認ください。",
                    "報告書.pdf" + " ".repeat(60) + ".exe",
                    "application/pdf",
                    EXE)),
            MALICIOUS));
    c.add(
        new Sample(
            "link-mismatch",
            bytes(
                html(
                    "info@nenkin-info.example",
                    "アカウント確認",
                    "<p>以下から確認: <a href=\"http://198.51.100.77/nenkin/login\">https://www.nenkin.go.jp/login</a></p>")),
            MALICIOUS)); // issue 19: the link, brand and wording signs add up
    byte[] encrypted = zip("見積書.pdf", PDF);
    encrypted[6] |= 1;
    c.add(
        new Sample(
            "encrypted-zip",
            bytes(mixed(fake, "見積書", "パスワードは別途お送りします。", "見積書.zip", "application/zip", encrypted)),
            MALICIOUS)); // issue 19: the link, brand and wording signs add up
    c.add(
        new Sample(
            "macro-docm",
            bytes(
                mixed(
                    fake,
                    "採用応募",
                    "履歴書を添付します。",
                    "履歴書.docm",
                    "application/vnd.ms-word.document.macroEnabled.12",
                    docx(true))),
            MALICIOUS));
    c.add(
        new Sample(
            "lnk-in-zip",
            bytes(
                mixed(
                    fake, "写真", "写真です。", "photos.zip", "application/zip", zip("写真.jpg.lnk", LNK))),
            MALICIOUS));
    c.add(
        new Sample(
            "iso",
            bytes(
                mixed(
                    "Bob <bob@shipping-notice.example>",
                    "Your parcel",
                    "See attached.",
                    "parcel.iso",
                    "application/octet-stream",
                    new byte[] {1, 2, 3})),
            MALICIOUS));
    c.add(
        new Sample(
            "freemail-organisation",
            bytes(
                head(
                        "\"内閣サイバーセキュリティセンター\" <nisc.center.2026@gmail.com>",
                        "注意喚起",
                        "Reply-To: reply@collect.example\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                    + "至急ご対応ください。"),
            MALICIOUS));
    c.add(
        new Sample(
            "display-name-address-spf-fail",
            bytes(
                head(
                            "\"support@sakura-bank.co.jp\" <noreply@mailer.example>",
                            "Password expiry",
                            "Content-Type: text/plain\r\n\r\n")
                        .replace("spf=pass", "spf=fail")
                    + "Reset now."),
            MALICIOUS));
    c.add(
        new Sample(
            "punycode-link",
            bytes(
                head("info@partner.co.jp", "ログイン", "Content-Type: text/plain\r\n\r\n")
                    + "http://xn--80ak6aa92e.com/login"),
            MALICIOUS)); // issue 19: the link, brand and wording signs add up
    c.add(
        new Sample(
            "lookalike-sender",
            bytes(
                head("info@sakura-banc.co.jp", "振込先変更", "Content-Type: text/plain\r\n\r\n")
                    + "口座変更"),
            MALICIOUS)); // issue 19: the link, brand and wording signs add up
    c.add(
        new Sample(
            "exe-named-pdf",
            bytes(mixed("x@files.example", "資料", "資料", "資料.pdf", "application/pdf", EXE)),
            SUSPICIOUS));
    c.add(
        new Sample(
            "js-in-zip",
            bytes(
                mixed(
                    fake,
                    "Invoice",
                    "Invoice attached",
                    "invoice.zip",
                    "application/zip",
                    zip("invoice.js", "WScript.Shell".getBytes(StandardCharsets.US_ASCII)))),
            MALICIOUS));
    c.add(
        new Sample(
            "defanged-c2",
            bytes(
                head("a@partner.co.jp", "IOC共有", "Content-Type: text/plain\r\n\r\n")
                    + "C2: hxxp://update-check[.]example[.]net/gate.php"),
            CLEAN));
    // ---- malformed ----
    c.add(
        new Sample(
            "truncated-base64",
            bytes(
                head(partner, "途中で切れた", "Content-Type: multipart/mixed; boundary=\"t\"\r\n\r\n")
                    + "--t\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjcK%%%"),
            null));
    c.add(
        new Sample(
            "no-closing-boundary",
            bytes(
                head(partner, "x", "Content-Type: multipart/mixed; boundary=\"n\"\r\n\r\n")
                    + "--n\r\nContent-Type: text/plain\r\n\r\nbody without end"),
            null));
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    c.add(new Sample("binary-garbage", garbage, null));
    c.add(
        new Sample(
            "unknown-charset",
            bytes(
                head(
                        partner,
                        "=?x-unknown?B?AAAA?=",
                        "Content-Type: text/plain; charset=x-unknown\r\n\r\n")
                    + "text"),
            null));
    c.add(new Sample("headers-only", bytes(head(partner, "件名のみ", "")), CLEAN));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      many.append("X-Filler-").append(i).append(": y\r\n");
    }
    c.add(new Sample("too-many-headers", bytes(many + head(partner, "x", "") + "\r\nbody"), null));
    StringBuilder deep = new StringBuilder(head(partner, "deep", ""));
    for (int i = 0; i < 40; i++) {
      deep.append("Content-Type: multipart/mixed; boundary=\"d")
          .append(i)
          .append("\"\r\n\r\n--d")
          .append(i)
          .append("\r\n");
    }
    c.add(new Sample("deep-nesting", bytes(deep.toString()), null));
    c.add(new Sample("empty", new byte[0], null));
    c.add(
        new Sample(
            "bad-received-dates",
            bytes(
                head(partner, "x", "")
                        .replace("Wed, 19 Nov 2026 10:01:02 +0900", "yesterday at noon")
                    + "Content-Type: text/plain\r\n\r\nok"),
            CLEAN));
    return c;
  }
}
