package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Builds the raw text of a test message: header lines in the order they are added, each ending in
 * CRLF, an empty line, then one body exactly as the body method writes it. Nothing is added that
 * the test did not ask for (no Date, no Message-ID, no folding), so a test that moves to it keeps
 * the bytes it had.
 */
final class TestMail {

  private final StringBuilder head = new StringBuilder();
  private Charset charset = StandardCharsets.UTF_8;
  private String body = "";

  private TestMail() {}

  static TestMail mail() {
    return new TestMail();
  }

  /** Starts with header lines already written out, each ending in CRLF; "" starts with none. */
  static TestMail withLines(String lines) {
    return mail().lines(lines);
  }

  /** Appends header lines already written out, each ending in CRLF. */
  TestMail lines(String lines) {
    head.append(lines);
    return this;
  }

  TestMail header(String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
    return this;
  }

  TestMail from(String from) {
    return header("From", from);
  }

  TestMail to(String to) {
    return header("To", to);
  }

  TestMail replyTo(String replyTo) {
    return header("Reply-To", replyTo);
  }

  TestMail subject(String subject) {
    return header("Subject", subject);
  }

  /** An Authentication-Results header as the reader's own server, mx.example.jp, writes it. */
  TestMail authResults(String results) {
    return header("Authentication-Results", "mx.example.jp; " + results);
  }

  /** The charset the whole message is written in (UTF-8 unless told). */
  TestMail charset(Charset charset) {
    this.charset = charset;
    return this;
  }

  /** A single-part body written as it is, under the Content-Type given whole. */
  TestMail body(String contentType, String text) {
    header("Content-Type", contentType);
    body = text;
    return this;
  }

  /** A MIME 1.0 body in base64 (76-column lines) of the text's UTF-8, then CRLF. */
  TestMail base64(String mediaType, String text) {
    header("MIME-Version", "1.0");
    header("Content-Type", mediaType + "; charset=UTF-8");
    header("Content-Transfer-Encoding", "base64");
    body = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    return this;
  }

  /** The message as text, before it is written in its charset. */
  String text() {
    return head + "\r\n" + body;
  }

  byte[] bytes() {
    return text().getBytes(charset);
  }

  MailReport analyze() {
    return new MailAnalyzer().analyze(new ByteArrayInputStream(bytes()));
  }

  /**
   * Analyzes header lines already written out (each ending in CRLF) over a base64 body, the form
   * most mail tests write: {@code withLines(headers).base64(mediaType, text).analyze()}.
   */
  static MailReport analyzeBase64(String headers, String mediaType, String text) {
    return withLines(headers).base64(mediaType, text).analyze();
  }

  /** Analyzes a message written out whole, in UTF-8. */
  /** A US-ASCII HTML message from {@code from} to a customer, analysed. */
  static MailReport asciiHtml(String from, String subject, String html) {
    return mail()
        .from(from)
        .to("customer@example.org")
        .subject(subject)
        .body("text/html; charset=US-ASCII", html)
        .charset(java.nio.charset.StandardCharsets.US_ASCII)
        .analyze();
  }

  static MailReport analyze(String raw) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
  }

  /** A text block's LF line ends made CRLF, as mail is carried. */
  static String crlf(String textBlock) {
    return textBlock.replace("\n", "\r\n");
  }

  /** An RFC 2047 encoded word (UTF-8, base64) for a header value. */
  static String encodedWord(String text) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  /** The distinct flags of a report, in the order they were found. */
  static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).distinct().toList();
  }
}
