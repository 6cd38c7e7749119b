package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.internal.ParserStreamContentHandler;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MessageImpl;
import org.apache.james.mime4j.parser.ContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * A message read by mime4j as its {@code DefaultMessageBuilder} reads it (lenient, content
 * decoded), with its nesting bounded while it is read rather than after (hostile27).
 *
 * <p>The reader follows each level of nesting with a boundary stream inside the one above, and the
 * bytes of a part are scanned for the boundary of every level open around it: a message nested ten
 * thousand levels deep (900 KB) cost the square of its depth, and past a few thousand levels the
 * reader's recursion exhausted the stack, so that the message was read by its headers only. Here an
 * entity (body part or attached message) deeper than {@code maxDepth} is read flat: its header is
 * read and its body kept as bytes, neither split into parts nor read as a message. Its siblings and
 * everything around it are read as usual; the analyser's walk, which reads no entity deeper than
 * the same limit, says the nesting was past it (BEYOND_LIMITS). The cost is then linear in the
 * message's size times at most {@code maxDepth} open boundaries.
 */
final class MailMime {

  private MailMime() {}

  /** The message in {@code in}; entities deeper than {@code maxDepth} (root 0) read flat. */
  static Message parse(InputStream in, MimeConfig config, int maxDepth) throws IOException {
    MessageImpl message = new MessageImpl();
    MimeStreamParser parser =
        new MimeStreamParser(
            config,
            DecodeMonitor.SILENT,
            new DefaultBodyDescriptorBuilder(
                null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
    parser.setContentHandler(
        new DepthBound(new ParserStreamContentHandler(message, new Bodies()), parser, maxDepth));
    // decoded by DepthBound#body, as mime4j decodes, quoted-printable by MailQuotedPrintable
    parser.setContentDecoding(false);
    parser.setRecurse();
    try {
      parser.parse(in);
    } catch (MimeException e) {
      throw new MimeIOException(e);
    } finally {
      parser.stop();
    }
    return message;
  }

  /**
   * mime4j's lenient body factory (a part in a charset Java does not read is read in the default
   * charset), the charset found through {@link MailCharsetLabels}.
   */
  private static final class Bodies extends BasicBodyFactory {
    Bodies() {
      super(true);
    }

    @Override
    protected java.nio.charset.Charset resolveCharset(String label) {
      java.nio.charset.Charset found = MailCharsetLabels.forName(label);
      return found != null ? found : getDefaultCharset();
    }
  }

  /**
   * Hands the reader's events on, and switches the reader to flat for each entity it begins deeper
   * than the limit (the switch applies to the entity just begun; its parent, and so its siblings,
   * keep recursing).
   */
  private static final class DepthBound implements ContentHandler {
    private final ContentHandler next;
    private final MimeStreamParser parser;
    private final int maxDepth;
    private int depth = -1;

    DepthBound(ContentHandler next, MimeStreamParser parser, int maxDepth) {
      this.next = next;
      this.parser = parser;
      this.maxDepth = maxDepth;
    }

    private void entered() {
      if (++depth > maxDepth) {
        parser.setFlat();
      }
    }

    @Override
    public void startMessage() throws MimeException {
      entered();
      next.startMessage();
    }

    @Override
    public void endMessage() throws MimeException {
      depth--;
      next.endMessage();
    }

    @Override
    public void startBodyPart() throws MimeException {
      entered();
      next.startBodyPart();
    }

    @Override
    public void endBodyPart() throws MimeException {
      depth--;
      next.endBodyPart();
    }

    @Override
    public void startHeader() throws MimeException {
      next.startHeader();
    }

    @Override
    public void field(Field field) throws MimeException {
      next.field(field);
    }

    @Override
    public void endHeader() throws MimeException {
      next.endHeader();
    }

    @Override
    public void preamble(InputStream is) throws MimeException, IOException {
      next.preamble(is);
    }

    @Override
    public void epilogue(InputStream is) throws MimeException, IOException {
      next.epilogue(is);
    }

    @Override
    public void startMultipart(BodyDescriptor bd) throws MimeException {
      next.startMultipart(bd);
    }

    @Override
    public void endMultipart() throws MimeException {
      next.endMultipart();
    }

    /**
     * The body decoded as mime4j's own content decoding does ({@code MimeEntity#decodedStream}),
     * quoted-printable in one pass over the bytes ({@link MailQuotedPrintable}).
     */
    @Override
    public void body(BodyDescriptor bd, InputStream is) throws MimeException, IOException {
      String encoding = bd.getTransferEncoding();
      if (MimeUtil.isBase64Encoding(encoding)) {
        Base64InputStream decoded = new Base64InputStream(is, DecodeMonitor.SILENT);
        next.body(bd, decoded);
        decoded.close();
      } else if (MimeUtil.isQuotedPrintableEncoded(encoding)) {
        byte[] raw = is.readAllBytes();
        next.body(bd, new ByteArrayInputStream(MailQuotedPrintable.decode(raw, raw.length)));
      } else {
        next.body(bd, is);
      }
    }

    @Override
    public void raw(InputStream is) throws MimeException, IOException {
      next.raw(is);
    }
  }
}
