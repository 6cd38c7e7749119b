package jp.renkei.engine.mail;

import java.util.List;

/**
 * Whether a recipient's mailbox name can follow a greeting in a text ({@link
 * MailImpersonation#GREETING}), asked before the greeting's pattern for that name is compiled and
 * searched: most texts hold the name, if at all, after no greeting ("the linux-kernel list").
 */
final class MailGreetingPrecheck {

  private MailGreetingPrecheck() {}

  /**
   * Every word {@link MailImpersonation#GREETING} can end with before its run of spaces, commas and
   * colons, each alternative written out (none ends with a space, comma or colon).
   */
  static final List<String> WORDS =
      List.of(
          "dear",
          "hello",
          "hi",
          "hey",
          "greetings",
          "attention",
          "attn",
          "olá",
          "ola",
          "oi",
          "prezado",
          "prezada",
          "caro",
          "cara",
          "hola",
          "sr(a)",
          "sr.(a)",
          "sr.",
          "sra.",
          "senhor(a)",
          "señor(a)",
          "mr.",
          "mrs.",
          "ms.",
          "estimado",
          "estimada",
          "hallo",
          "liebe",
          "lieber",
          "sehr geehrte",
          "sehr geehrter",
          "bonjour",
          "cher",
          "chère",
          "beste",
          "geachte",
          "beste klant");

  /**
   * False when no occurrence of {@code local} in {@code text} follows a run of spaces, commas and
   * colons that follows one of {@link #WORDS}: then neither {@code local} nor an address starting
   * with it can be what the greeting names (a match of the greeting's pattern ends its greeting
   * word, which ends with none of those, right before that run, and its name starts right after).
   */
  static boolean mayFollowGreeting(String text, String local) {
    if (local.isEmpty()) {
      return true;
    }
    for (int p = text.indexOf(local); p >= 0; p = text.indexOf(local, p + 1)) {
      int q = p;
      while (q > 0 && separator(text.charAt(q - 1))) {
        q--;
      }
      if (q == p) {
        continue;
      }
      for (String w : WORDS) {
        if (q >= w.length() && text.startsWith(w, q - w.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean separator(char c) {
    return c == ' ' || c == ',' || c == ':';
  }
}
