package jp.renkei.server.exposure;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.renkei.engine.exposure.ProductId;
import jp.renkei.engine.net.AddressPolicy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/**
 * Reads an inventory file — CSV with a header, or nmap's XML output — into {@link NewAsset}s, or
 * the list of every problem with its line and reason. All or nothing: one problem and nothing is
 * imported. Limits: {@value #MAX_BYTES} bytes, {@value #MAX_ROWS} assets, {@value #MAX_ELEMENTS}
 * XML elements, XML depth {@value #MAX_DEPTH}; XML without DTD processing or external entities (a
 * DOCTYPE is tolerated, as nmap writes one, but no entity it declares is ever expanded).
 */
final class InventoryFile {

  static final long MAX_BYTES = 16L * 1024 * 1024;
  static final int MAX_ROWS = 100_000;
  static final int MAX_ELEMENTS = 2_000_000;
  static final int MAX_DEPTH = 32;
  static final int MAX_PROBLEMS = 200;

  static final List<String> COLUMNS =
      List.of(
          "kind",
          "value",
          "port",
          "protocol",
          "product",
          "version",
          "cpe",
          "purl",
          "owner",
          "criticality",
          "public");

  /**
   * One problem: the line (0 when the whole file), the workbook cell or row it is at (or null), and
   * what is wrong as a code of the {@code exposure.problem.*} texts with its arguments, so that a
   * page says it in the reader's language.
   */
  record Problem(long line, String at, String code, List<String> args) {
    Problem {
      args = List.copyOf(args);
    }

    Problem(long line, String code, Object... args) {
      this(line, null, code, words(args));
    }

    /** The same problem, at a workbook cell or row. */
    Problem at(String where) {
      return new Problem(line, where, code, args);
    }

    /** The text key of the problem, for {@code #messages.msgWithParams}. */
    public String key() {
      return "exposure.problem." + code;
    }

    /** The arguments, for {@code #messages.msgWithParams}. */
    public Object[] params() {
      return args.toArray();
    }
  }

  private static List<String> words(Object... args) {
    List<String> out = new ArrayList<>();
    for (Object a : args) {
      out.add(String.valueOf(a));
    }
    return out;
  }

  /**
   * A field refused: the field (a column name) and the problem's code and arguments; its message
   * (for logs) is the code and arguments, never shown to a person as such.
   */
  static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    final String field;
    final String code;
    final transient Object[] args;

    /** Every field refused in the row, this one first (a row may have several bad cells). */
    final transient List<Refused> all;

    Refused(String field, String code, Object... args) {
      super(field + ": " + code + " " + java.util.Arrays.toString(args), null);
      this.field = field;
      this.code = code;
      this.args = args;
      this.all = List.of(this);
    }

    private Refused(List<Refused> all) {
      super(all.get(0).getMessage(), null);
      this.field = all.get(0).field;
      this.code = all.get(0).code;
      this.args = all.get(0).args;
      this.all = List.copyOf(all);
    }

    Problem problem(long line) {
      return new Problem(line, code, args);
    }

    /** Every refused field of the row as a problem at the line. */
    List<Problem> problems(long line) {
      return all.stream().map(r -> r.problem(line)).toList();
    }
  }

  /** The assets read, or the problems (then nothing may be imported). */
  record Result(List<NewAsset> assets, List<Problem> problems, int skipped) {
    Result {
      assets = List.copyOf(assets);
      problems = List.copyOf(problems);
    }
  }

  private InventoryFile() {}

  // ---------------------------------------------------------------- CSV

  static Result csv(InputStream raw) {
    List<NewAsset> assets = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader in = withoutBom(utf8(new Bounded(raw, MAX_BYTES)));
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).toLowerCase(Locale.ROOT);
        if (!COLUMNS.contains(h)) {
          problems.add(new Problem(1, "column", clip(header.get(i)), String.join(", ", COLUMNS)));
        } else if (col.putIfAbsent(h, i) != null) {
          // otherwise the last of the two would be read, silently
          problems.add(new Problem(1, "column.twice", h));
        }
      }
      if (!col.containsKey("kind") || !col.containsKey("value")) {
        problems.add(new Problem(1, "header"));
      }
      if (!problems.isEmpty()) {
        return new Result(List.of(), problems, 0);
      }
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        if (assets.size() >= MAX_ROWS) {
          problems.add(new Problem(line, "rows", MAX_ROWS));
          break;
        }
        if (r.size() == 1 && r.get(0).isEmpty()) {
          continue;
        }
        if (r.size() != header.size()) {
          problems.add(new Problem(line, "columns", header.size(), r.size()));
          continue;
        }
        try {
          assets.add(row(name -> col.containsKey(name) ? empty(r.get(col.get(name))) : null));
        } catch (Refused e) {
          problems.addAll(e.problems(line));
        }
        if (problems.size() >= MAX_PROBLEMS) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(fileProblem(e, "file.csv", 0));
    }
    return problems.isEmpty()
        ? new Result(assets, List.of(), 0)
        : new Result(List.of(), problems, 0);
  }

  private static String empty(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * One asset from named fields, or {@link Refused} naming every bad field of the row (not only the
   * first, so that one upload shows all that is to be corrected).
   */
  static NewAsset row(java.util.function.Function<String, String> f) {
    List<Refused> bad = new ArrayList<>();
    for (String column : COLUMNS) {
      String v = f.apply(column);
      if (v != null && v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
        // a NUL would reach PostgreSQL, which refuses it in text; the others are never meant
        bad.add(new Refused(column, "control", column));
      }
    }
    String kind = f.apply("kind");
    String value = f.apply("value");
    if (kind == null) {
      bad.add(new Refused("kind", "kind.missing"));
    } else {
      kind = kind.toLowerCase(Locale.ROOT);
      if (!Set.of("domain", "host", "ip_range", "service").contains(kind)) {
        bad.add(new Refused("kind", "kind", clip(kind)));
      }
    }
    if (value == null) {
      bad.add(new Refused("value", "value.missing"));
    } else if (value.length() > 253) {
      bad.add(new Refused("value", "tooLong", "value", 253));
      value = null;
    }
    String owner = f.apply("owner");
    if (owner != null && owner.length() > 200) {
      bad.add(new Refused("owner", "tooLong", "owner", 200));
    }
    String criticality = f.apply("criticality");
    if (criticality != null) {
      criticality = criticality.toLowerCase(Locale.ROOT);
      if (!Set.of("low", "medium", "high").contains(criticality)) {
        bad.add(new Refused("criticality", "criticality", clip(criticality)));
      }
    }
    boolean publicFacing = true;
    try {
      publicFacing = bool(f.apply("public"));
    } catch (Refused e) {
      bad.add(e);
    }
    String v = null;
    Integer port = null;
    String protocol = null;
    String product = null;
    String version = null;
    String cpe = null;
    String purl = null;
    if (kind != null) {
      switch (kind) {
        case "domain" -> {
          if (value != null) {
            v = value.toLowerCase(Locale.ROOT);
            if (!InternetDomainName.isValid(v) || !v.contains(".")) {
              bad.add(new Refused("value", "value.domain", clip(value)));
            }
          }
        }
        case "host" -> v = value == null ? null : hostOr(value, bad);
        case "ip_range" -> {
          if (value != null) {
            v = value.strip();
            try {
              AddressPolicy.Range.parse(value);
            } catch (IllegalArgumentException e) {
              boolean prefix = String.valueOf(e.getMessage()).startsWith("prefix");
              bad.add(new Refused("value", prefix ? "value.prefix" : "value.range", clip(value)));
            }
          }
        }
        case "service" -> {
          v = value == null ? null : hostOr(value, bad);
          try {
            port = port(f.apply("port"));
          } catch (Refused e) {
            bad.add(e);
          }
          protocol =
              f.apply("protocol") == null ? "tcp" : f.apply("protocol").toLowerCase(Locale.ROOT);
          if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            bad.add(new Refused("protocol", "protocol", clip(protocol)));
          }
          cpe = f.apply("cpe");
          purl = f.apply("purl");
          version = f.apply("version");
          product = f.apply("product");
          boolean tooLong = false;
          if (cpe != null && cpe.length() > 500) {
            bad.add(new Refused("cpe", "tooLong", "cpe", 500));
            tooLong = true;
          }
          if (purl != null && purl.length() > 500) {
            bad.add(new Refused("purl", "tooLong", "purl", 500));
            tooLong = true;
          }
          if (version != null && version.length() > 100
              || product != null && product.length() > 200) {
            bad.add(
                new Refused(
                    product != null && product.length() > 200 ? "product" : "version",
                    "product.tooLong"));
          }
          if (cpe == null && purl == null) {
            bad.add(new Refused("cpe", "product.missing"));
          } else if (!tooLong) {
            productId(cpe, purl, version, bad);
          }
        }
        default -> {
          // refused above
        }
      }
    }
    if (!bad.isEmpty()) {
      throw bad.size() == 1 ? bad.get(0) : new Refused(bad);
    }
    return new NewAsset(
        kind, v, port, protocol, product, version, cpe, purl, owner, criticality, publicFacing);
  }

  /** Checks the product identifiers, each on its own so that the bad one is named. */
  private static void productId(String cpe, String purl, String version, List<Refused> bad) {
    boolean each = false;
    if (cpe != null) {
      try {
        ProductId.of(cpe, null, version);
      } catch (IllegalArgumentException e) {
        bad.add(new Refused("cpe", "product.cpe", clip(cpe)));
        each = true;
      }
    }
    if (purl != null) {
      try {
        ProductId.of(null, purl, version);
      } catch (IllegalArgumentException e) {
        bad.add(new Refused("purl", "product.purl", clip(purl)));
        each = true;
      }
    }
    if (!each) {
      try {
        ProductId.of(cpe, purl, version);
      } catch (IllegalArgumentException e) {
        bad.add(new Refused(cpe != null ? "cpe" : "purl", "product.pair"));
      }
    }
  }

  private static String hostOr(String value, List<Refused> bad) {
    try {
      return host(value);
    } catch (Refused e) {
      bad.add(e);
      return null;
    }
  }

  private static String host(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (InetAddresses.isInetAddress(v) || InternetDomainName.isValid(v)) {
      return v;
    }
    throw new Refused("value", "value.host", clip(value));
  }

  private static boolean bool(String s) {
    if (s == null) {
      return true;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "1", "はい" -> true;
      case "no", "false", "0", "いいえ" -> false;
      default -> throw new Refused("public", "public", clip(s));
    };
  }

  // ---------------------------------------------------------------- nmap XML

  private static final XMLInputFactory XML = hardened();

  private static XMLInputFactory hardened() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /**
   * nmap's XML output ({@code -oX}): one host asset per host that is up (its first name, else its
   * address) and one service per open port that nmap identified with a CPE (converted to CPE 2.3,
   * the version from {@code service/@version} when the CPE has none). Open ports without a CPE
   * cannot be matched and are counted as skipped.
   */
  static Result nmap(InputStream raw) {
    List<NewAsset> assets = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int skipped = 0;
    XMLStreamReader x = null;
    try {
      x = XML.createXMLStreamReader(new Bounded(raw, MAX_BYTES), "UTF-8");
      int elements = 0;
      int depth = 0;
      boolean root = false;
      Host host = null;
      Port port = null;
      boolean inHostnames = false;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new XMLStreamException(
              "entity reference &" + x.getLocalName() + "; is not allowed", x.getLocation());
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          if (++elements > MAX_ELEMENTS || ++depth > MAX_DEPTH) {
            problems.add(
                new Problem(
                    x.getLocation().getLineNumber(), "nmap.elements", MAX_ELEMENTS, MAX_DEPTH));
            break;
          }
          String name = x.getLocalName();
          long line = x.getLocation().getLineNumber();
          if (!root) {
            if (!name.equals("nmaprun")) {
              problems.add(new Problem(line, "nmap.root", clip(name)));
              break;
            }
            root = true;
            continue;
          }
          switch (name) {
            case "host" -> host = new Host(line);
            case "status" -> {
              if (host != null) {
                host.up = "up".equals(x.getAttributeValue(null, "state"));
              }
            }
            case "address" -> {
              if (host != null && host.address == null) {
                String type = x.getAttributeValue(null, "addrtype");
                if ("ipv4".equals(type) || "ipv6".equals(type)) {
                  host.address = x.getAttributeValue(null, "addr");
                }
              }
            }
            case "hostnames" -> inHostnames = true;
            case "hostname" -> {
              if (host != null && inHostnames && host.name == null) {
                host.name = x.getAttributeValue(null, "name");
              }
            }
            case "port" -> {
              if (host != null) {
                port =
                    new Port(
                        line,
                        x.getAttributeValue(null, "protocol"),
                        x.getAttributeValue(null, "portid"));
              }
            }
            case "state" -> {
              if (port != null) {
                port.open = "open".equals(x.getAttributeValue(null, "state"));
              }
            }
            case "service" -> {
              if (port != null) {
                port.product = x.getAttributeValue(null, "product");
                port.version = x.getAttributeValue(null, "version");
              }
            }
            case "cpe" -> {
              if (port != null && port.cpe == null) {
                port.cpe = x.getElementText().strip();
                depth--;
              }
            }
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          String name = x.getLocalName();
          if (name.equals("hostnames")) {
            inHostnames = false;
          } else if (name.equals("port") && port != null && host != null) {
            host.ports.add(port);
            port = null;
          } else if (name.equals("host") && host != null) {
            skipped += host(host, assets, problems);
            host = null;
            if (assets.size() > MAX_ROWS) {
              problems.add(new Problem(x.getLocation().getLineNumber(), "nmap.assets", MAX_ROWS));
              break;
            }
            if (problems.size() >= MAX_PROBLEMS) {
              break;
            }
          }
        }
      }
      if (!root && problems.isEmpty()) {
        problems.add(new Problem(0, "nmap.noRoot"));
      }
    } catch (XMLStreamException e) {
      // the reader says -1 where it knows no line (e.g. a processing instruction named xml...)
      long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      problems.add(fileProblem(e, "file.xmlMalformed", line));
    } catch (RuntimeException e) {
      problems.add(fileProblem(e, "file.xml", 0));
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException e) {
          // closing a reader of an in-memory upload
        }
      }
    }
    return problems.isEmpty()
        ? new Result(assets, List.of(), skipped)
        : new Result(List.of(), problems, 0);
  }

  /**
   * What went wrong with the whole file: over the size limit, not UTF-8, or {@code code} with the
   * parser's words.
   */
  private static Problem fileProblem(Throwable e, String code, long line) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return new Problem(0, "file.tooLarge", MAX_BYTES);
      }
      if (t instanceof CharacterCodingException) {
        return new Problem(0, "file.utf8");
      }
    }
    String m = String.valueOf(e.getMessage());
    int at = m.indexOf("Message: ");
    return new Problem(line, code, clip(at >= 0 ? m.substring(at + 9) : m));
  }

  private static final class Host {
    final long line;
    boolean up = true;
    String address;
    String name;
    final List<Port> ports = new ArrayList<>();

    Host(long line) {
      this.line = line;
    }
  }

  private static final class Port {
    final long line;
    final String protocol;
    final String portid;
    boolean open;
    String product;
    String version;
    String cpe;

    Port(long line, String protocol, String portid) {
      this.line = line;
      this.protocol = protocol;
      this.portid = portid;
    }
  }

  /** A port field as a number from 1 to 65535, or why it is not one. */
  private static int port(String p) {
    int port;
    try {
      port = Integer.parseInt(p == null ? "" : p);
    } catch (NumberFormatException e) {
      throw new Refused("port", "port.number", clip(String.valueOf(p)));
    }
    if (port < 1 || port > 65535) {
      throw new Refused("port", "port.range", port);
    }
    return port;
  }

  /** Adds the host and its identified open ports; returns how many open ports were skipped. */
  private static int host(Host h, List<NewAsset> assets, List<Problem> problems) {
    if (!h.up) {
      return 0;
    }
    if (h.address == null) {
      problems.add(new Problem(h.line, "nmap.address"));
      return 0;
    }
    String where = h.name != null ? h.name : h.address;
    try {
      where = host(where);
    } catch (Refused e) {
      problems.add(e.problem(h.line));
      return 0;
    }
    assets.add(new NewAsset("host", where, null, null, null, null, null, null, null, null, true));
    int skipped = 0;
    Set<String> seen = new HashSet<>();
    for (Port p : h.ports) {
      if (!p.open) {
        continue;
      }
      try {
        port(p.portid); // a bad port is refused with its line, even on a port nobody identified
      } catch (Refused e) {
        problems.add(e.problem(p.line));
        continue;
      }
      if (p.cpe == null || p.cpe.isEmpty()) {
        skipped++;
        continue;
      }
      String cpe23;
      try {
        cpe23 = CpeParser.parse(p.cpe).toCpe23FS();
      } catch (CpeParsingException | RuntimeException e) {
        problems.add(new Problem(p.line, "cpe", clip(p.cpe)));
        continue;
      }
      Map<String, String> fields = new HashMap<>();
      fields.put("kind", "service");
      fields.put("value", where);
      fields.put("port", p.portid);
      fields.put("protocol", p.protocol);
      fields.put("product", empty(p.product));
      fields.put("version", empty(p.version));
      fields.put("cpe", cpe23);
      try {
        NewAsset a = row(fields::get);
        if (seen.add(a.port() + "/" + a.protocol())) {
          assets.add(a);
        }
      } catch (Refused e) {
        problems.addAll(e.problems(p.line));
      }
    }
    return skipped;
  }

  // ---------------------------------------------------------------- limits

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * The reader past a leading byte order mark: Excel's "CSV UTF-8" writes one, and it would
   * otherwise be read as part of the first column's name.
   */
  static Reader withoutBom(Reader in) throws IOException {
    java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
    int first = p.read();
    if (first >= 0 && first != '\uFEFF') {
      p.unread(first);
    }
    return p;
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** Over the byte limit. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("too large", null, false, false);
    }
  }

  /** An input stream that refuses to read past a limit. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (left -= n) < 0) {
        throw new TooLarge();
      }
      return n;
    }
  }
}
