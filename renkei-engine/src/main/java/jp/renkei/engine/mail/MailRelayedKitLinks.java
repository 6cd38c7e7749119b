package jp.renkei.engine.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link that carries the mailing list's own address to its page, in a post the list only relayed
 * (lists43, issue 19). A phishing kit fills in its victim: the lure's link holds the address it was
 * sent to, so the page can greet it and show its log-in form ready. Relayed by a list, that address
 * is the list's — written in the query ({@code ?email=dev@lists…}) or the fragment, or
 * base64-encoded in the path or the fragment ({@code /NTQxNjdl…bGlzdHMub3…}); base64 in the query
 * is not read (a calendar platform's invitation to the list carries it there). A member pasting a
 * link for the list writes no list's address into it, encoded least of all; the relief for
 * written-out links ({@link MailRelayedPosts#relievesLink}) is for members' pastes. Only posts the
 * list only relayed ({@link MailRelayedPosts#readDirect}) are read: an address in a direct mail's
 * link is the reader's own, which newsletters' click counters carry too. The address in a link's
 * path as written (an archive's {@code /dev@lists…/msg01234.html}) is not read.
 */
final class MailRelayedKitLinks {

  private MailRelayedKitLinks() {}

  /** The list's address this link carries, or null; only in a post the list only relayed. */
  static String carried(MailReport.Link l, String host, MailState st) {
    if (st.listAddresses.isEmpty()
        || !MailLinks.webLink(l.url())
        || st.listDomains.contains(MailLinks.registrable(host))
        || MailLinks.registrable(host).equals(st.senderDomain)
        || !MailRelayedPosts.readDirect(st)) {
      return null;
    }
    Set<String> lists = new LinkedHashSet<>(st.listAddresses);
    String url = l.url();
    int q = url.indexOf('?');
    int h = url.indexOf('#');
    int tail = q < 0 ? h : (h < 0 ? q : Math.min(q, h));
    if (tail >= 0) {
      String after = url.substring(tail).replace("%40", "@").toLowerCase(Locale.ROOT);
      for (String a : lists) {
        if (after.contains(a)) {
          return a;
        }
      }
    }
    // base64 in the path or the fragment, not the query: a calendar platform's invitation to the
    // list carries the invitee's address in its event id (Google Calendar's ?eid=, ham-calendar's
    // openbmc invitations), as click counters carry their reader's
    int scheme = url.indexOf("://");
    String read = scheme < 0 ? url : url.substring(scheme + 3);
    if (q >= 0) {
      int qq = read.indexOf('?');
      int hh = read.indexOf('#');
      read = read.substring(0, qq) + (hh > qq ? read.substring(hh) : "");
    }
    Matcher t = TOKEN.matcher(read);
    for (int n = 0; n < TOKENS_READ && t.find(); n++) {
      String plain = decoded(t.group());
      if (plain == null) {
        continue;
      }
      plain = plain.toLowerCase(Locale.ROOT);
      for (String a : lists) {
        if (plain.contains(a)) {
          return a;
        }
      }
    }
    return null;
  }

  /** How many base64-like parts of one link are decoded, at most. */
  static final int TOKENS_READ = 6;

  /** A run of base64 characters long enough to hold an address ("a@b.cc" is 8 bytes, 12 chars). */
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+_-]{12,512}={0,2}");

  /** The bytes a base64 (standard or URL-safe) token stands for, as ISO-8859-1 text, or null. */
  static String decoded(String token) {
    String t = token.replace('-', '+').replace('_', '/');
    int end = t.indexOf('=');
    if (end >= 0) {
      t = t.substring(0, end);
    }
    if (t.length() % 4 == 1) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      return new String(Base64.getDecoder().decode(pad(t)), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static String pad(String t) {
    return switch (t.length() % 4) {
      case 2 -> t + "==";
      case 3 -> t + "=";
      default -> t;
    };
  }
}
