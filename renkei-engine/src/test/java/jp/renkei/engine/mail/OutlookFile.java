package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An Outlook .msg file written here (no Outlook on this machine): a Compound File written by Apache
 * POI's POIFS, holding the MAPI property streams Outlook writes for a message (MS-OXMSG: one {@code
 * __substg1.0_PPPPTTTT} stream per variable-length property, a storage per recipient and per
 * attachment, an embedded message in its attachment's {@code __substg1.0_3701000D} storage). Only
 * what the tests need; no internet headers unless {@link #headers} is set, as Outlook saves a
 * message it has not received (or one from Exchange without them).
 */
final class OutlookFile {

  private final Map<String, byte[]> streams = new LinkedHashMap<>();
  private final List<String[]> recipients = new ArrayList<>();
  private final List<Object[]> attachments = new ArrayList<>();

  OutlookFile subject(String s) {
    return string(0x0037, s);
  }

  OutlookFile from(String name, String address) {
    string(0x0C1A, name);
    string(0x0042, name);
    return string(0x0C1F, address);
  }

  OutlookFile text(String s) {
    return string(0x1000, s);
  }

  OutlookFile html(String s) {
    return string(0x1013, s);
  }

  /** The body as RTF only, stored uncompressed ("MELA", MS-OXRTFCP 2.1.3.1). */
  OutlookFile rtf(String rtf) {
    byte[] raw = rtf.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(16 + raw.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(raw.length + 12).putInt(raw.length).putInt(0x414C454D).putInt(0).put(raw);
    streams.put(name(0x1009, 0x0102), b.array());
    return this;
  }

  /** The received message's header block, as Outlook keeps it (PR_TRANSPORT_MESSAGE_HEADERS). */
  OutlookFile headers(String block) {
    return string(0x007D, block);
  }

  /** A stream of the message's own storage, named and filled as given (a crafted file). */
  OutlookFile stream(String name, byte[] data) {
    streams.put(name, data);
    return this;
  }

  OutlookFile to(String name, String address) {
    recipients.add(new String[] {name, address});
    return this;
  }

  OutlookFile attach(String name, String type, byte[] data) {
    attachments.add(new Object[] {name, type, data});
    return this;
  }

  OutlookFile attach(String name, OutlookFile message) {
    attachments.add(new Object[] {name, null, message});
    return this;
  }

  private OutlookFile string(int id, String s) {
    streams.put(name(id, 0x001F), s.getBytes(StandardCharsets.UTF_16LE));
    return this;
  }

  private static String name(int id, int type) {
    return String.format("__substg1.0_%04X%04X", id, type);
  }

  byte[] bytes() {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      write(fs.getRoot(), true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(DirectoryEntry dir, boolean top) throws IOException {
    put(dir, name(0x001A, 0x001F), "IPM.Note".getBytes(StandardCharsets.UTF_16LE));
    for (Map.Entry<String, byte[]> e : streams.entrySet()) {
      put(dir, e.getKey(), e.getValue());
    }
    // the property stream's header: reserved, next recipient and attachment ids, their counts
    ByteBuffer props = ByteBuffer.allocate(top ? 32 : 24).order(ByteOrder.LITTLE_ENDIAN);
    props.putLong(0).putInt(recipients.size()).putInt(attachments.size());
    props.putInt(recipients.size()).putInt(attachments.size());
    put(dir, "__properties_version1.0", props.array());
    for (int i = 0; i < recipients.size(); i++) {
      DirectoryEntry r = dir.createDirectory(String.format("__recip_version1.0_#%08X", i));
      put(r, name(0x3001, 0x001F), recipients.get(i)[0].getBytes(StandardCharsets.UTF_16LE));
      put(r, name(0x3003, 0x001F), recipients.get(i)[1].getBytes(StandardCharsets.UTF_16LE));
      put(r, name(0x39FE, 0x001F), recipients.get(i)[1].getBytes(StandardCharsets.UTF_16LE));
      put(r, "__properties_version1.0", new byte[8]);
    }
    for (int i = 0; i < attachments.size(); i++) {
      Object[] a = attachments.get(i);
      DirectoryEntry d = dir.createDirectory(String.format("__attach_version1.0_#%08X", i));
      put(d, name(0x3707, 0x001F), ((String) a[0]).getBytes(StandardCharsets.UTF_16LE));
      put(d, "__properties_version1.0", new byte[8]);
      if (a[2] instanceof OutlookFile inner) {
        inner.write(d.createDirectory(name(0x3701, 0x000D)), false);
      } else {
        put(d, name(0x370E, 0x001F), ((String) a[1]).getBytes(StandardCharsets.UTF_16LE));
        put(d, name(0x3701, 0x0102), (byte[]) a[2]);
      }
    }
  }

  private static void put(DirectoryEntry dir, String name, byte[] data) throws IOException {
    dir.createDocument(name, new ByteArrayInputStream(data));
  }
}
