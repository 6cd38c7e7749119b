package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jp.renkei.engine.text.Names;

/**
 * The hub's own member organisations as the analyser knows them: each one's names (Japanese,
 * English, other names it goes by) and its domains. A lure that names a member (the display name
 * "さくら架空銀行 情報システム部") from a domain that is none of the member's, or whose domain imitates a
 * member's (sakura-bannk.jp for sakura-bank.co.jp), is the attack the partnership exists to stop;
 * the global brand list ({@link MailSigns}) cannot know these names.
 *
 * <p>Immutable and thread-safe; the caller (the hub) builds one from its directory, holding only
 * the organisations the person analysing may see, and passes it to each analyser. An organisation
 * with no domain is left out: without its domains nothing can tell its own mail from a claim.
 *
 * <p>Names are compared by their {@link Names#skeleton} (NFKC, case, spaces and separators folded,
 * confusable letters mapped), after the legal-form words (株式会社, (株), Co., Ltd. ...) are taken off:
 * "ｻｸﾗ架空銀行", "さくら 架空銀行" and "株式会社さくら架空銀行" all name さくら架空銀行. A Japanese name must be three
 * characters long at least, a Latin one six letters, or it would be found inside ordinary words.
 */
public final class KnownOrganisations {

  /** One member organisation: its names and its (registrable or full) domains. */
  public record Organisation(
      String nameJa, String nameEn, List<String> aliases, List<String> domains) {
    public Organisation {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
      // the evidence names the organisation in both languages: a missing name is the other one
      // (or the first alias), never "null"
      if (blank(nameJa)) {
        nameJa = !blank(nameEn) ? nameEn : aliases.isEmpty() ? "?" : aliases.get(0);
      }
      if (blank(nameEn)) {
        nameEn = nameJa;
      }
      domains =
          domains == null
              ? List.of()
              : domains.stream()
                  .map(d -> d.strip().toLowerCase(Locale.ROOT))
                  .filter(d -> !d.isEmpty())
                  .distinct()
                  .toList();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** A claim found: the organisation, and where (display name, subject or signature). */
  record Claim(Organisation organisation, String where) {}

  public static final KnownOrganisations NONE = new KnownOrganisations(List.of());

  /** The organisation and the skeletons of its names. */
  private record Entry(Organisation organisation, List<String> keys, Set<String> registrable) {}

  private final List<Entry> entries;
  private final List<String> domains;

  private KnownOrganisations(List<Entry> entries) {
    this.entries = entries;
    Set<String> all = new LinkedHashSet<>();
    entries.forEach(e -> all.addAll(e.organisation().domains()));
    this.domains = List.copyOf(all);
  }

  /** The known organisations, leaving out those without a domain. */
  public static KnownOrganisations of(Collection<Organisation> organisations) {
    List<Entry> entries = new ArrayList<>();
    for (Organisation o : organisations) {
      if (o.domains().isEmpty()) {
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      List<String> names = new ArrayList<>();
      names.add(o.nameJa());
      names.add(o.nameEn());
      names.addAll(o.aliases());
      for (String n : names) {
        if (n != null) {
          variants(n).forEach(v -> addKey(keys, v));
        }
      }
      Set<String> reg = new LinkedHashSet<>();
      for (String d : o.domains()) {
        String r = MailDomains.registrable(d);
        reg.add(r == null ? d : r);
      }
      // kept without a usable name too: its domains still count for the look-alike check
      entries.add(new Entry(o, List.copyOf(keys), Set.copyOf(reg)));
    }
    return new KnownOrganisations(List.copyOf(entries));
  }

  /** At most this many organisations are read from a members file ({@link #read}). */
  public static final int MAX_FILE_ORGANISATIONS = 10_000;

  /**
   * Reads a members file (a command-line run's list of the community's organisations), one
   * organisation per line: {@code 日本語名 TAB English name TAB domains TAB aliases}, domains separated
   * by commas or spaces, aliases by {@code |}; the aliases column may be left out, a name column
   * may be empty. Blank lines and lines starting with {@code #} are skipped.
   *
   * @param source how the file is named in errors
   * @throws IllegalArgumentException saying the file, the line and what is wrong, for a line
   *     without a domain, with the wrong number of columns, without any name, with a domain that is
   *     not a host name, or past {@link #MAX_FILE_ORGANISATIONS}
   */
  public static KnownOrganisations read(List<String> lines, String source) {
    List<Organisation> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String where = source + " line " + (i + 1) + ": ";
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f.length > 4) {
        throw new IllegalArgumentException(
            where
                + "expected 3 or 4 columns separated by tabs (Japanese name, English name,"
                + " domains, aliases), found "
                + f.length);
      }
      String ja = f[0].strip();
      String en = f[1].strip();
      List<String> aliases = new ArrayList<>();
      if (f.length == 4) {
        for (String a : f[3].split("\\|")) {
          if (!a.isBlank()) {
            aliases.add(a.strip());
          }
        }
      }
      if (ja.isEmpty() && en.isEmpty() && aliases.isEmpty()) {
        throw new IllegalArgumentException(where + "no name (columns 1, 2 and 4 are empty)");
      }
      List<String> domains = new ArrayList<>();
      for (String d : f[2].split("[,\\s]+")) {
        if (d.isEmpty()) {
          continue;
        }
        String host = d.toLowerCase(Locale.ROOT);
        if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
          throw new IllegalArgumentException(
              where + "\"" + Names.cut(d, 80) + "\" is not a domain name (column 3)");
        }
        domains.add(host);
      }
      if (domains.isEmpty()) {
        throw new IllegalArgumentException(where + "no domain (column 3 is empty)");
      }
      if (out.size() == MAX_FILE_ORGANISATIONS) {
        throw new IllegalArgumentException(
            where + "more than " + MAX_FILE_ORGANISATIONS + " organisations");
      }
      out.add(new Organisation(ja, en, aliases, domains));
    }
    return of(out);
  }

  /** Every known organisation's domains (for the look-alike checks). */
  public List<String> domains() {
    return domains;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /**
   * The legal forms taken off a name (NFKC has already made ㈱ and （株） into (株)); matched whole, at
   * the start or the end.
   */
  private static final Pattern LEGAL_FORM =
      Pattern.compile(
          "(?i)^(?:株式会社|有限会社|合同会社|(?:一般|公益)(?:社団|財団)法人|独立行政法人|国立研究開発法人|\\(株\\)|\\(有\\))"
              + "|(?:株式会社|有限会社|合同会社|\\(株\\)|\\(有\\))$"
              + "|[ ,]+(?:co\\.?,? ?ltd\\.?|co\\.|inc\\.?|corp\\.?|corporation|limited|ltd\\.?|k\\.k\\.)$");

  /** A part in brackets at the end ("情報処理推進機構(IPA)"): the name without it, and the part. */
  private static final Pattern BRACKETED = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");

  static List<String> variants(String name) {
    Set<String> out = new LinkedHashSet<>();
    String n = Names.normalise(name);
    if (n == null || n.isEmpty()) {
      return List.of();
    }
    out.add(n);
    java.util.regex.Matcher m = BRACKETED.matcher(n);
    if (m.matches()) {
      out.add(m.group(1).strip());
      out.add(m.group(2).strip());
    }
    for (String v : List.copyOf(out)) {
      String s = v;
      for (int i = 0; i < 3; i++) {
        String t = LEGAL_FORM.matcher(s).replaceAll("").strip();
        if (t.equals(s)) {
          break;
        }
        s = t;
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private static void addKey(Set<String> keys, String variant) {
    String k = Names.skeleton(variant);
    boolean latin = k.chars().allMatch(c -> c < 0x80);
    if (latin ? k.length() >= 6 : k.codePointCount(0, k.length()) >= 3) {
      keys.add(k);
    }
  }

  /** Words after a name that address the organisation rather than speak for it. */
  private static final List<String> ADDRESSED =
      List.of("様", "さま", "御中", "殿", "各位", "宛", "ご担当", "御担当", "担当者", "の皆", "のみな", "皆様", "職員", "社員");

  /**
   * The known organisation {@code text} names (its skeleton holding one of the organisation's),
   * unless every mention is followed by an honorific ("さくら架空銀行 御中": the text is addressed to it).
   * Null when none.
   */
  Organisation named(String text) {
    if (text == null || text.isBlank() || entries.isEmpty()) {
      return null;
    }
    String s = Names.skeleton(text);
    // the longest name found wins: さくら架空銀行証券 is not さくら架空銀行
    Organisation best = null;
    int longest = 0;
    for (Entry e : entries) {
      for (String k : e.keys()) {
        if (k.length() <= longest) {
          continue;
        }
        for (int at = s.indexOf(k); at >= 0; at = s.indexOf(k, at + 1)) {
          if (!addressed(s, at + k.length()) && !insideLatinWord(s, at, k)) {
            best = e.organisation();
            longest = k.length();
            break;
          }
        }
      }
    }
    return best;
  }

  /** Words that make the rest of a line a sentence, not a department (particles, punctuation). */
  private static final Pattern SENTENCE = Pattern.compile("[。、!?！？「」]|が|は|を|に|へ|より|から|です|ます");

  /**
   * The organisation a signature line is: the line starts with one of its names and what follows is
   * at most a department (twenty characters, no sentence): "さくら架空銀行 情報システム部", "Sakura Fictional
   * Bank". Null otherwise.
   */
  Organisation signature(String line) {
    if (line == null || line.isBlank() || entries.isEmpty()) {
      return null;
    }
    String s = Names.skeleton(line);
    Organisation best = null;
    int longest = 0;
    for (Entry e : entries) {
      for (String k : e.keys()) {
        if (k.length() > longest && s.startsWith(k)) {
          String rest = s.substring(k.length());
          if (rest.codePointCount(0, rest.length()) <= 20
              && !addressed(s, k.length())
              && !SENTENCE.matcher(rest).find()) {
            best = e.organisation();
            longest = k.length();
          }
        }
      }
    }
    return best;
  }

  private static boolean addressed(String s, int end) {
    for (String h : ADDRESSED) {
      if (s.startsWith(h, end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Latin name found inside a longer run of letters that merely contains it; the skeleton has no
   * spaces, so only a name that is the whole run or starts or ends it is taken. The Japanese names
   * are not split by spaces and are taken where they are.
   */
  private static boolean insideLatinWord(String s, int at, String k) {
    if (!k.chars().allMatch(c -> c < 0x80)) {
      return false;
    }
    boolean before = at > 0 && latinLetter(s.charAt(at - 1));
    int end = at + k.length();
    boolean after = end < s.length() && latinLetter(s.charAt(end));
    return before && after;
  }

  private static boolean latinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Whether {@code host} is one of the organisation's domains or under one. A domain given below
   * its registrable domain owns only itself and what is under it, never its siblings: a tenant's
   * name on a shared service ({@code acme.onmicrosoft.com}, {@code acme.sendgrid.net}) must not
   * make every other tenant of that service the member (attack38).
   */
  static boolean owns(Organisation o, String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String d : o.domains()) {
      if (h.equals(d) || h.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code host} belongs to any known organisation. */
  boolean anyOwns(String host) {
    for (Entry e : entries) {
      if (owns(e.organisation(), host)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The organisation whose domain {@code host} imitates, with the domain imitated, or null: the
   * same first label under another public suffix (sakura-bank.jp for sakura-bank.co.jp), one or two
   * letters away in that label (sakura-bannk; one letter for a label of seven to nine letters, none
   * below), or the same after confusable letters are folded (rn for m, a Cyrillic а); or, the rule
   * from before the organisations were known by name, the whole registrable domain one or two
   * letters away (six letters at least). The label must be five letters long at least; a domain any
   * known organisation owns is never an imitation. Returns the organisation's Japanese name, the
   * domain imitated, its English name.
   */
  String[] imitated(String host) {
    if (host == null || entries.isEmpty()) {
      return null;
    }
    String reg = MailDomains.registrable(host.toLowerCase(Locale.ROOT));
    if (reg == null) {
      return null;
    }
    if (anyOwns(host)) {
      // a member's own domain is that member, however near another member's it is
      return null;
    }
    String label = firstLabel(reg);
    if (documentation(label)) {
      return null;
    }
    String skeleton = Names.skeleton(label);
    for (Entry e : entries) {
      for (String r : e.registrable()) {
        if (reg.equals(r)) {
          // a sibling of a member's host under the same registrable domain (another tenant of a
          // shared service the member named its own name on) is neither the member nor an imitation
          continue;
        }
        if (documentation(firstLabel(r))) {
          // a member's host under example.jp / example.com owns the host, not the documentation
          // name above it, which anyone may write (example.net is nobody's imitation of it)
          continue;
        }
        if (!reg.equals(r)
            && Math.min(reg.length(), r.length()) >= 6
            && MailSenders.distance(reg, r) <= 2) {
          // the whole registrable domain one or two letters away (the analyser's member-domain
          // rule before the organisations were known by name)
          return new String[] {e.organisation().nameJa(), r, e.organisation().nameEn()};
        }
        String own = firstLabel(r);
        if (own.length() < 5 || label.length() < 4) {
          continue;
        }
        int d = own.equals(label) ? 0 : MailSenders.distance(own, label);
        // a short label is one letter from many real names (mizuho, mizuno): only its own letters
        // under another suffix, or the same look, count there
        int allowed = own.length() >= 10 ? 2 : own.length() >= 7 ? 1 : 0;
        if (d <= allowed || Names.skeleton(own).equals(skeleton)) {
          return new String[] {e.organisation().nameJa(), r, e.organisation().nameEn()};
        }
      }
    }
    return null;
  }

  /**
   * Whether a registrable domain's first label is {@code example}: the names reserved for
   * documentation (RFC 2606 example.com/.net/.org, JPRS's example.jp and example.co.jp), which no
   * organisation owns and every manual writes.
   */
  private static boolean documentation(String label) {
    return label.equals("example");
  }

  private static String firstLabel(String registrable) {
    int dot = registrable.indexOf('.');
    return dot < 0 ? registrable : registrable.substring(0, dot);
  }
}
