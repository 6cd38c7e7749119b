package jp.renkei.engine.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brand's own address handed to the receiver by a machine no brand sends from (naz37, {@link
 * RedFlag#BRAND_SENDER_HOST}): the From is on a domain of a brand of {@link MailBrands#BRANDS} (a
 * bank, a payment service, a shop, a card), nothing the receiver recorded vouches for that domain,
 * and the host that connected to the receiver's servers has no reverse DNS name, or one that names
 * a home or dynamic internet line (an address written into the name, "adsl", "cable", "dhcp",
 * "pool" …). A brand sends from its own named servers or its mailing service's; a lure that writes
 * the brand's address into From is sent from whatever machine the sender has, most often a
 * compromised home computer or a rented server nobody named. This is what a careful reader of the
 * headers sees before the text: it holds whatever the wording and the links are.
 *
 * <p>Not counted: a sender domain authenticated by the receiver (DMARC, or DKIM or SPF for it), a
 * free-mail domain (a person's mailbox there is written from any line), mail a list delivered (the
 * list's server hands it over), a bounce. The first Received line from a public address, reading
 * from the top, is the receiver's record of who connected; lines between private addresses above it
 * are the receiver's own relays. When that line names its host in a way not read here (another mail
 * server's format), the sign says nothing.
 */
final class MailBrandSenderHost {

  private MailBrandSenderHost() {}

  /** At most this many Received lines are kept for {@link #judge} (MailState#receivedLines). */
  static final int LINES = 40;

  /**
   * "from HELO (NAME [IP])" (Postfix, Sendmail; NAME "unknown" or absent when the address has no
   * reverse name), and Exim's "from NAME ([IP] helo=…)" / "from [IP] (helo=…)".
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "^from\\s++\\S++\\s++\\(([^()\\[\\]]{0,255}?)\\s*+\\[(?:ipv6:)?([0-9a-fA-F.:]{3,45})\\]");

  private static final Pattern EXIM_BARE =
      Pattern.compile("^from\\s++\\[(?:ipv6:)?([0-9a-fA-F.:]{3,45})\\]\\s++\\(");

  /**
   * Mail programs of a person's own computer (X-Mailer): a company's notices to its customers are
   * written by its mailing systems, not typed in Outlook Express.
   */
  static final Pattern HOME_CLIENT =
      Pattern.compile(
          "(?i)outlook express|the bat!|foxmail|windows live mail|microsoft windows mail|eudora"
              + "|pegasus mail|incredimail|opera mail");

  /** Words of the reverse names access providers give their subscribers' lines. */
  static final Set<String> ACCESS_WORDS =
      Set.of(
          "adsl",
          "dsl",
          "xdsl",
          "vdsl",
          "cable",
          "dyn",
          "dynamic",
          "dynamicip",
          "dhcp",
          "dial",
          "dialup",
          "ppp",
          "pppoe",
          "pool",
          "client",
          "clients",
          "cust",
          "customer",
          "hsd",
          "res",
          "user",
          "users",
          "broadband",
          "catv",
          "ftth",
          "fttx",
          "bbtec",
          "dip",
          "dsl-dyn");

  /**
   * Who the From address speaks for: the brand whose own domain {@code fromDomain} is, or a
   * government's domain (.gov, .go.jp …), or a sender name that calls itself a bank or a credit
   * union or claims a brand ("Accounts PayPal"); null when none.
   */
  static String institution(String fromDomain, String fromName) {
    String label = MailDomains.label(fromDomain);
    if (label.isEmpty()) {
      return null;
    }
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      if (b.labels().contains(label) && MailBrands.ownedBy(b, fromDomain)) {
        return b.name();
      }
    }
    if (GOVERNMENT.matcher(fromDomain.toLowerCase(Locale.ROOT)).find()) {
      return "government";
    }
    if (fromName != null) {
      Matcher bank = BANK_NAME.matcher(fromName);
      if (bank.find()) {
        return fromName.strip();
      }
      // a sender name claiming a brand ("Accounts PayPal") from another domain: who it says it is
      String lower = fromName.toLowerCase(Locale.ROOT);
      for (MailBrands.Brand b : MailBrands.BRANDS) {
        if (b.claim().matcher(lower).find()) {
          return b.name();
        }
      }
    }
    return null;
  }

  /** A government's own domain (not a university's: students write from anywhere). */
  private static final Pattern GOVERNMENT =
      Pattern.compile("(?:^|\\.)(?:gov|mil|(?:gov|go|gob|gouv|govt|lg)\\.[a-z]{2})$");

  /** A sender name speaking as a bank or a credit union. */
  private static final Pattern BANK_NAME =
      Pattern.compile(
          "(?i)\\b(?:bank|banking|credit union|savings|bancorp|building society)\\b|銀行|信用金庫|信用組合");

  static void judge(MailState st, String fromDomain) {
    if (fromDomain == null
        || st.senderDomain == null
        || st.listMail
        || st.bounce
        || MailHosts.FREEMAIL.contains(st.senderDomain)
        || MailAlignment.fromAligned(st)
        || st.passedDomains.contains(st.senderDomain)) {
      return;
    }
    String brand = institution(fromDomain, st.fromName);
    if (brand == null) {
      return;
    }
    String[] entry = entryHost(st.receivedLines);
    String name = entry == null ? null : entry[0];
    String ip = entry == null ? null : entry[1];
    if (entry == null || !name.isEmpty() && !accessLine(name, ip)) {
      Matcher client = st.xMailer == null ? null : HOME_CLIENT.matcher(st.xMailer);
      if (client != null && client.find()) {
        String program = st.xMailer.strip();
        program = program.length() > 80 ? program.substring(0, 80) + "…" : program;
        st.flag(
            RedFlag.BRAND_SENDER_HOST,
            "From: " + st.from + " (" + brand + ") — X-Mailer: " + program,
            "From: " + st.from + " (" + brand + ") — X-Mailer: " + program + " (個人向けのメールソフト)");
      }
      return;
    }
    if (name.isEmpty()) {
      st.flag(
          RedFlag.BRAND_SENDER_HOST,
          "From: " + st.from + " (" + brand + ") ← " + ip + " (no reverse DNS name)",
          "From: " + st.from + " (" + brand + ") ← " + ip + " (逆引きの名前なし)");
    } else if (accessLine(name, ip)) {
      st.flag(
          RedFlag.BRAND_SENDER_HOST,
          "From: " + st.from + " (" + brand + ") ← " + name + " [" + ip + "]",
          "From: " + st.from + " (" + brand + ") ← " + name + " [" + ip + "] (家庭・動的な回線)");
    }
  }

  /**
   * The reverse name (empty: none) and address of the first host outside the receiver, read from
   * the top of the Received lines; null when the first line from a public address is not read here.
   */
  static String[] entryHost(List<String> lines) {
    for (String line : lines) {
      String name;
      String ip;
      Matcher m = NAMED.matcher(line);
      if (m.find()) {
        name = m.group(1).strip().toLowerCase(Locale.ROOT);
        ip = m.group(2);
      } else {
        Matcher e = EXIM_BARE.matcher(line);
        if (!e.find()) {
          continue;
        }
        name = "";
        ip = e.group(1);
      }
      boolean v6 = ip.contains(":");
      if (!v6 && !MailDomains.isIpLiteral(ip)) {
        return null;
      }
      if (MailDomains.internalIp(v6 ? "[" + ip + "]" : ip)) {
        // the receiver's own relays, one behind the other
        continue;
      }
      if (name.equals("unknown") || name.isEmpty()) {
        return new String[] {"", ip};
      }
      if (name.contains(" ") || !name.contains(".")) {
        // "may be forged", a comment not read here, or no host name
        return null;
      }
      return new String[] {name, ip};
    }
    return null;
  }

  /**
   * A reverse name of a home or dynamic line: an address written in it (the connecting address in
   * hexadecimal or zero-padded digits too), or an access word.
   */
  static boolean accessLine(String name, String ip) {
    if (MailDomains.ipNamedHost(name) || carriesAddress(name, ip)) {
      return true;
    }
    for (String token : name.split("[.-]")) {
      String word = token.replaceAll("[0-9]+$", "");
      if (ACCESS_WORDS.contains(word)) {
        return true;
      }
      // a long run of digits in a label (YahooBB219206005021, 200164213025): the line's number
      if (token.matches(".*[0-9]{9,}.*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code name} spells the IPv4 address {@code ip} as a whole: its four numbers
   * zero-padded into twelve digits, or in eight hexadecimal digits, in either order
   * (200164213025.user…, c9113f06.rjo… for 201.17.63.6).
   */
  static boolean carriesAddress(String name, String ip) {
    String[] o = ip.split("\\.");
    if (o.length != 4) {
      return false;
    }
    int[] n = new int[4];
    try {
      for (int i = 0; i < 4; i++) {
        n[i] = Integer.parseInt(o[i]);
      }
    } catch (NumberFormatException e) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (boolean reverse : new boolean[] {false, true}) {
      StringBuilder digits = new StringBuilder();
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        int v = n[reverse ? 3 - i : i];
        digits.append(String.format(Locale.ROOT, "%03d", v));
        hex.append(String.format(Locale.ROOT, "%02x", v));
      }
      if (lower.contains(digits) || lower.contains(hex)) {
        return true;
      }
    }
    return false;
  }
}
