package jp.renkei.engine.exposure;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/**
 * Reads JVN iPedia entries in VULDEF, the XML the MyJVN API's {@code getVulnDetailInfo} answers
 * ({@code VULDEF-Document/Vulinfo}: {@code VulinfoID} JVNDB-…, {@code Title} kept as written,
 * usually 日本語, {@code Affected/AffectedItem} with the vendor, product, a CPE 2.2 name and {@code
 * VersionNumber} texts, {@code Impact/Cvss/Vector}, {@code Related/RelatedItem} naming the CVE
 * ids), with the paging of its {@code status:Status} ({@code totalRes}, {@code totalResRet}, {@code
 * firstRes}; {@code retCd="1"} refuses the whole document with {@code errMsg}).
 *
 * <p>One {@link CveRecord} per CVE the entry names (the JVNDB id when it names none). A {@code
 * VersionNumber} is a text, not a range: Renkei reads {@code 1.2.3} (that version), {@code 1.2.3
 * およびそれ以前}/{@code 以前}/{@code and earlier} (up to and including), {@code 1.2.3 より前}/{@code
 * 未満}/{@code prior to 1.2.3} (below), {@code 1.0 から 1.2 まで} (between, inclusive), {@code 1.2 以降}
 * (from); any other text is kept unread, and every version that no read text covers is
 * <em>unknown</em> (JVN lists are not exhaustive), so a match there is "possible", never "not
 * affected".
 *
 * <p>An entry with no or a malformed JVNDB id, a CPE that is not a CPE name, a malformed CVE id, or
 * over a limit is refused alone with its id and reason. Limits: {@value #MAX_ENTRIES} entries,
 * {@value #MAX_ELEMENTS} elements, depth {@value #MAX_DEPTH}, {@value #MAX_ITEMS} affected products
 * per entry, {@value #MAX_TEXT} characters per text. No DTD, no external entity, no entity
 * expansion.
 */
public final class JvnReader {

  public static final int MAX_ENTRIES = 100_000;
  public static final int MAX_ELEMENTS = 5_000_000;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_ITEMS = 1_000;
  public static final int MAX_TEXT = 10_000;

  /** One JVN iPedia entry read: its id, title and the records it gives (one per CVE). */
  public record Entry(String jvnId, String title, List<CveRecord> records) {
    public Entry {
      records = List.copyOf(records);
    }
  }

  /**
   * A document read.
   *
   * @param first {@code firstRes} (1-based), returned {@code totalResRet}, total {@code totalRes};
   *     0 when the document has no status
   */
  public record Result(
      List<Entry> entries, List<Rejected> rejected, int first, int returned, int total) {
    public Result {
      entries = List.copyOf(entries);
      rejected = List.copyOf(rejected);
    }

    /** The {@code startItem} of the next page, or -1. */
    public int nextStart() {
      int next = first + returned;
      return first > 0 && returned > 0 && next <= total ? next : -1;
    }
  }

  private static final XMLInputFactory XML = hardened();

  private static XMLInputFactory hardened() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private JvnReader() {}

  /** What is gathered of one {@code Vulinfo} before it is judged. */
  private static final class Raw {
    final int line;
    String id;
    String title;
    final List<Item> items = new ArrayList<>();
    final Set<String> cves = new LinkedHashSet<>();
    String cvss;
    Reason problem;

    Raw(int line) {
      this.line = line;
    }
  }

  private static final class Item {
    String vendor;
    String product;
    String cpe;
    final List<String> versions = new ArrayList<>();
  }

  public static Result read(InputStream in) {
    List<Entry> entries = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int first = 0;
    int returned = 0;
    int total = 0;
    XMLStreamReader x = null;
    int index = 0;
    try {
      x = XML.createXMLStreamReader(in, "UTF-8");
      int elements = 0;
      int depth = 0;
      boolean root = false;
      Raw raw = null;
      Item item = null;
      String related = null;
      String relatedName = null;
      String cvssVersion = null;
      StringBuilder text = new StringBuilder();
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new XMLStreamException(
              "entity reference &" + x.getLocalName() + "; is not allowed", x.getLocation());
        }
        if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
          if (text.length() + x.getTextLength() > MAX_TEXT) {
            if (raw != null && raw.problem == null) {
              raw.problem = Reason.of("textTooLong", MAX_TEXT);
            }
          } else {
            text.append(x.getText());
          }
          continue;
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          text.setLength(0);
          if (++elements > MAX_ELEMENTS || ++depth > MAX_DEPTH) {
            throw new ExposureInputException(
                "line " + x.getLocation().getLineNumber(),
                Reason.of("xmlTooBig", MAX_ELEMENTS, MAX_DEPTH));
          }
          String name = x.getLocalName();
          if (!root) {
            if (!name.equals("VULDEF-Document")) {
              throw new ExposureInputException(
                  "line " + x.getLocation().getLineNumber(),
                  Reason.of("notVuldef", KevReader.clip(name)));
            }
            root = true;
            continue;
          }
          switch (name) {
            case "Vulinfo" -> {
              if (++index > MAX_ENTRIES) {
                throw new ExposureInputException(
                    "Vulinfo[" + index + "]", Reason.of("tooManyInFile", MAX_ENTRIES));
              }
              raw = new Raw(x.getLocation().getLineNumber());
            }
            case "AffectedItem" -> {
              if (raw != null) {
                item = new Item();
                if (raw.items.size() >= MAX_ITEMS && raw.problem == null) {
                  raw.problem = Reason.of("tooManyAffected", MAX_ITEMS);
                } else {
                  raw.items.add(item);
                }
              }
            }
            case "RelatedItem" -> {
              related = x.getAttributeValue(null, "type");
              relatedName = null;
            }
            case "Cvss" -> cvssVersion = x.getAttributeValue(null, "version");
            case "Status" -> {
              first = attribute(x, "firstRes");
              returned = attribute(x, "totalResRet");
              total = attribute(x, "totalRes");
              if ("1".equals(x.getAttributeValue(null, "retCd"))) {
                String msg = x.getAttributeValue(null, "errMsg");
                throw new ExposureInputException(
                    "status:Status",
                    Reason.of(
                        "myJvnError",
                        KevReader.clip(msg == null ? "" : msg),
                        KevReader.clip(String.valueOf(x.getAttributeValue(null, "errCd")))));
              }
            }
            default -> {}
          }
          continue;
        }
        if (ev != XMLStreamConstants.END_ELEMENT) {
          continue;
        }
        depth--;
        String name = x.getLocalName();
        String value = text.toString().strip();
        text.setLength(0);
        if (raw == null) {
          continue;
        }
        switch (name) {
          case "VulinfoID" -> {
            if (related != null) {
              if (relatedName != null && relatedName.contains("CVE") || value.startsWith("CVE-")) {
                if (KevReader.CVE_ID.matcher(value).matches()) {
                  raw.cves.add(value);
                } else if (raw.problem == null) {
                  raw.problem = Reason.of("notCveId", "Related", KevReader.clip(value));
                }
              }
            } else {
              raw.id = value;
            }
          }
          case "Name" -> {
            if (item != null) {
              item.vendor = value;
            } else if (related != null) {
              relatedName = value;
            }
          }
          case "Title" -> {
            if (related == null && item == null && raw.title == null) {
              raw.title = KevReader.clip(value);
            }
          }
          case "ProductName" -> {
            if (item != null) {
              item.product = value;
            }
          }
          case "Cpe" -> {
            if (item != null) {
              item.cpe = value;
            }
          }
          case "VersionNumber" -> {
            if (item != null && !value.isEmpty()) {
              item.versions.add(value);
            }
          }
          case "Vector" -> {
            if (cvssVersion != null && cvssVersion.startsWith("3") && raw.cvss == null) {
              raw.cvss = value.startsWith("CVSS:") ? value : "CVSS:" + cvssVersion + "/" + value;
            } else if (cvssVersion != null && cvssVersion.startsWith("4")) {
              raw.cvss = value.startsWith("CVSS:") ? value : "CVSS:4.0/" + value;
            }
          }
          case "AffectedItem" -> item = null;
          case "RelatedItem" -> related = null;
          case "Vulinfo" -> {
            String where = "Vulinfo[" + (index - 1) + "] (line " + raw.line + ")";
            try {
              entries.add(entry(raw));
            } catch (CveReader.Bad e) {
              String id = raw.id == null || raw.id.isEmpty() ? null : KevReader.clip(raw.id);
              rejected.add(new Rejected(id, where, e.reason));
            }
            raw = null;
          }
          default -> {}
        }
      }
      if (!root) {
        throw new ExposureInputException("document", Reason.of("emptyVuldef"));
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new ExposureInputException(
          line < 0 ? "document" : "line " + line, Reason.of("notXml", firstLine(e)));
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
    }
    return new Result(entries, rejected, first, returned, total);
  }

  private static String firstLine(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    return KevReader.clip(i >= 0 ? m.substring(i + 9) : m);
  }

  private static int attribute(XMLStreamReader x, String name) {
    String v = x.getAttributeValue(null, name);
    try {
      return v == null || v.isBlank() ? 0 : Math.max(0, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      throw new ExposureInputException("status:Status", Reason.of("notNumber", name, v));
    }
  }

  private static Entry entry(Raw raw) {
    if (raw.id == null || raw.id.isEmpty()) {
      throw new CveReader.Bad("missing", "VulinfoID");
    }
    if (!CveReader.JVNDB_ID.matcher(raw.id).matches()) {
      throw new CveReader.Bad("notJvnId", "VulinfoID", KevReader.clip(raw.id));
    }
    if (raw.problem != null) {
      throw new CveReader.Bad(raw.problem);
    }
    if (raw.items.isEmpty()) {
      throw new CveReader.Bad("noAffectedItem");
    }
    List<CveRecord.Affected> affected = new ArrayList<>();
    for (int i = 0; i < raw.items.size(); i++) {
      affected.add(affected(raw.items.get(i), "AffectedItem[" + i + "]"));
    }
    List<CveRecord> records = new ArrayList<>();
    String title = raw.title;
    if (raw.cves.isEmpty()) {
      records.add(new CveRecord(raw.id, "PUBLISHED", affected, raw.cvss, title));
    }
    for (String cve : raw.cves) {
      records.add(new CveRecord(cve, "PUBLISHED", affected, raw.cvss, title));
    }
    return new Entry(raw.id, title, records);
  }

  private static CveRecord.Affected affected(Item item, String where) {
    List<String> cpes = new ArrayList<>();
    String vendor = item.vendor;
    String product = item.product;
    if (item.cpe != null && !item.cpe.isEmpty()) {
      try {
        Cpe c = CpeParser.parse(item.cpe);
        cpes.add(c.toCpe23FS());
        vendor = c.getVendor();
        product = c.getProduct();
      } catch (CpeParsingException | RuntimeException e) {
        throw new CveReader.Bad("notCpeName", where + ".Cpe", KevReader.clip(item.cpe));
      }
    }
    if (vendor == null || product == null || vendor.isEmpty() || product.isEmpty()) {
      throw new CveReader.Bad("needsCpe", where);
    }
    List<CveRecord.VersionEntry> versions = new ArrayList<>();
    for (String v : item.versions) {
      CveRecord.VersionEntry e = version(v);
      if (e != null) {
        versions.add(e);
      }
    }
    // JVN's lists are not exhaustive: what no text covers stays unknown
    return new CveRecord.Affected(vendor, product, null, null, cpes, null, versions);
  }

  private static final String V = "(?:v|ver\\.?|version|バージョン)?\\s*([0-9][0-9A-Za-z._+\\-]*)";
  private static final Pattern AT_MOST =
      Pattern.compile(
          "(?i)(?:.*\\s)?"
              + V
              + "\\s*(?:およびそれ以前|及びそれ以前|ならびにそれ以前|とそれ以前|以前|and earlier|and prior|or earlier)"
              + "(?:\\s*の.*)?");
  private static final Pattern BELOW =
      Pattern.compile(
          "(?i)(?:(?:.*\\s)?"
              + V
              + "\\s*(?:より前|未満)(?:\\s*の.*)?|(?:.*\\s)?(?:prior to|before|earlier than)\\s+"
              + V
              + ".*)");
  private static final Pattern BETWEEN =
      Pattern.compile(
          "(?i)(?:.*\\s)?"
              + V
              + "\\s*(?:から|\\s[-~〜]\\s|\\sto\\s)\\s*"
              + V
              + "\\s*(?:まで|以前)?(?:\\s*の.*)?");
  private static final Pattern FROM =
      Pattern.compile("(?i)(?:.*\\s)?" + V + "\\s*(?:以降|and later)(?:\\s*の.*)?");
  private static final Pattern EXACT = Pattern.compile("(?i)" + V);

  /**
   * A {@code VersionNumber} text as a version entry, or null when it says no version Renkei reads.
   */
  static CveRecord.VersionEntry version(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    Matcher m;
    if ((m = BETWEEN.matcher(t)).matches()) {
      return new CveRecord.VersionEntry(
          m.group(1), "affected", "custom", null, m.group(2), List.of());
    }
    if ((m = AT_MOST.matcher(t)).matches()) {
      return new CveRecord.VersionEntry("0", "affected", "custom", null, m.group(1), List.of());
    }
    if ((m = BELOW.matcher(t)).matches()) {
      String v = m.group(1) != null ? m.group(1) : m.group(2);
      return new CveRecord.VersionEntry("0", "affected", "custom", v, null, List.of());
    }
    if ((m = FROM.matcher(t)).matches()) {
      return new CveRecord.VersionEntry(m.group(1), "affected", "custom", "*", null, List.of());
    }
    if ((m = EXACT.matcher(t)).matches()) {
      return new CveRecord.VersionEntry(m.group(1), "affected", "custom", null, null, List.of());
    }
    return null;
  }
}
