package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailCallbackLures.PHONE;
import static jp.renkei.engine.mail.MailRegexStarts.topLevelAlternatives;
import static jp.renkei.engine.mail.MailSigns.phrases;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader's name as a lure fills it in (issue 19): a user-name or recipient-name field written
 * with a link, money or an address into a greeting, a web form's name field, and the lengths such
 * names are read to.
 */
final class MailNameFieldLures {

  private MailNameFieldLures() {}

  /**
   * Where a service writes a name its user chose: a user-name field of an account notice (WordPress
   * "Login Details", "your account has been created"), a greeting line, in the languages the lures
   * come in (lower-cased text).
   */
  private static final Pattern NAME_FIELD =
      Pattern.compile(
          "(?m)(?:user ?name|benutzername|nom d'utilisateur|identifiant|nome de usu[áa]rio|usu[áa]rio"
              + "|nombre de usuario|gebruikersnaam|nome utente|ユーザー名|ユーザーid|ログインid"
              + "|نام\u200c?\\s?کاربری|اسم المستخدم|имя пользователя)[ \\t]*[:：]"
              + "[ \\t]*([^\\n]{1,120})|^[ \\t]*(?:hi|hello|hey|dear|ol[áa]|hola|hallo|bonjour|ciao"
              + "|beste)[ \\t]+([^,!\\n]{1,120})[,!]");

  /** {@link #NAME_FIELD}'s first alternative, the field names: where such a field can start. */
  static final Pattern NAME_FIELD_NAMES =
      Pattern.compile(topLevelAlternatives(NAME_FIELD.pattern().substring("(?m)".length())).get(0));

  /** A web address in a name: a URL, a www. host, or a page on a free site builder. */
  private static final Pattern NAME_WEB =
      Pattern.compile(
          "(?:https?://|(?<![\\w.-])www\\.)[^\\s]+|(?<![\\w.-])[a-z0-9-]+\\.(?:blogspot|wordpress|weebly"
              + "|wixsite|tumblr|pages|web|github|netlify|vercel)\\.[a-z.]+");

  /** An amount of money in a name: a currency sign or code, or a crypto-currency, with digits. */
  private static final Pattern NAME_MONEY =
      Pattern.compile(
          "[$€£¥￥]\\s?[0-9０-９]|[0-9０-９][0-9０-９ ,.，．]*\\s?(?:usd|eur|euros?|btc|eth|usdt|usdc"
              + "|dollars?|円|ドル)(?![a-z])");

  private static final Pattern NAME_ADDRESS =
      Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+){1,127}");

  /** Longer sender names are not read for "(via …)" (the pattern is quadratic in blanks). */
  static final int VIA_NAME_LENGTH = 200;

  private static final Pattern VIA_NAME =
      Pattern.compile("^(.*?)\\s*[(（](?:via|über|par|por|von|経由)\\s[^)）]*[)）]\\s*$");

  /**
   * A lure written into a name a platform's user chose, which a real service then mails out: a user
   * name that is a web address or an amount ("www.xyz.blogspot.com - BINANCE 136 138 EURO", "75
   * BTC"), or a telephone number, in an account notice's user-name field or a greeting, or in the
   * sender name of a notification sent for a user ("… (via Google Slides)"). People's names carry
   * no web address, amount or telephone number; an e-mail address used as a user name is no lure.
   * Returns the name, or null.
   *
   * @param text the lower-cased text
   * @param fromName the sender's display name (may be null)
   */
  static String userNameLure(String text, String fromName) {
    return userNameLure(phrases(text), fromName);
  }

  /**
   * {@link #userNameLure(String, String)} on a text the automaton has read: the fields are tried
   * only where one can start, at a field name (the automaton's) or at the start of a line (the
   * greeting), in order, each from where the last one ended, as {@code find()} would find them.
   */
  static String userNameLure(MailPhrases.Hits hits, String fromName) {
    String text = hits.text();
    String field = nameField(hits);
    if (field != null) {
      return field;
    }
    for (String line : text.split("\n", 40)) {
      // a Japanese greeting: a line that is a name and 様
      String l = line.strip();
      if (l.length() <= GREETING_WEB_LENGTH && (l.endsWith("様") || l.endsWith("さま"))) {
        String name = l.substring(0, l.length() - (l.endsWith("様") ? 1 : 2));
        // a name with a web address in it may be long (the lure's sentence before the link); an
        // amount or a telephone number counts in a name's length only (recall31)
        if (l.length() <= 80 ? carriesLure(name) : carriesWeb(name)) {
          return l;
        }
      }
    }
    String formName = formNameWeb(text);
    if (formName != null) {
      return formName;
    }
    if (fromName != null && fromName.length() <= VIA_NAME_LENGTH) {
      Matcher v = VIA_NAME.matcher(fromName.toLowerCase(Locale.ROOT));
      if (v.matches() && carriesLure(v.group(1))) {
        return fromName.strip();
      }
    }
    return null;
  }

  /**
   * A recipient's display name (To, Cc) that carries a lure as {@link #userNameLure} reads one: a
   * web address or an amount (not a telephone number: some address books keep one beside a
   * colleague's name). A newsletter or shop writes the name its sign-up form was given; a fraudster
   * who signs strangers' addresses up with the lure as their name has the real platform mail it to
   * them ("Hello. You have a new incoming transaction … order the withdrawal of funds →
   * xyz.pages.dev/…"). People's names hold none of these; a name that is an e-mail address is no
   * lure. Returns the name (at most {@link #RECIPIENT_NAME_LENGTH} characters read), or null.
   */
  static final int RECIPIENT_NAME_LENGTH = 400;

  static String recipientNameLure(List<String> names) {
    for (String name : names) {
      String n = name.strip();
      n = jp.renkei.engine.text.Names.cut(n, RECIPIENT_NAME_LENGTH);
      String l = NAME_ADDRESS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ");
      if (NAME_WEB.matcher(l).find() || NAME_MONEY.matcher(l).find()) {
        return n;
      }
    }
    return null;
  }

  /** The user-name fields found with {@code find()} over the whole text (the reference, tests). */
  static String nameFieldScanningAll(String text) {
    Matcher f = NAME_FIELD.matcher(text);
    while (f.find()) {
      String name = f.group(1) != null ? f.group(1) : f.group(2);
      if (carriesLure(name)) {
        return name.strip();
      }
    }
    return null;
  }

  /** The user-name fields found by {@link #userNameLure(MailPhrases.Hits, String)}'s first step. */
  static String nameField(String text) {
    return nameField(phrases(text));
  }

  private static String nameField(MailPhrases.Hits hits) {
    String text = hits.text();
    int[] names = hits.starts(NAME_FIELD_NAMES);
    int[] lines = lineStarts(text);
    Matcher f = NAME_FIELD.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    for (int a = 0, b = 0; a < names.length || b < lines.length; ) {
      int c =
          b >= lines.length || (a < names.length && names[a] < lines[b]) ? names[a++] : lines[b++];
      if (c < from) {
        continue;
      }
      f.region(c, text.length());
      if (f.lookingAt()) {
        String name = f.group(1) != null ? f.group(1) : f.group(2);
        if (carriesLure(name)) {
          return name.strip();
        }
        from = f.end() > f.start() ? f.end() : f.end() + 1;
      }
    }
    return null;
  }

  /**
   * Where a line may start ({@code ^} in multi-line mode): the text's start and after every line
   * terminator Java's patterns know (the pattern itself rules out the end and the middle of \r\n).
   */
  private static int[] lineStarts(String text) {
    int[] out = new int[16];
    int n = 0;
    for (int i = -1; i < text.length(); i++) {
      if (i >= 0) {
        char c = text.charAt(i);
        if (c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') {
          continue;
        }
      }
      if (n == out.length) {
        out = java.util.Arrays.copyOf(out, n * 2);
      }
      out[n++] = i + 1;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * A web address in a Japanese greeting's name ("… 様", at most {@link #GREETING_WEB_LENGTH}) or in
   * a Japanese form's name field ({@link #formNameWeb}), or null: the readings of {@link
   * #userNameLure} that hold for list mail too (recall31).
   *
   * @param text the lower-cased text
   */
  static String japaneseNameWeb(String text) {
    for (String line : text.split("\n", 40)) {
      String l = line.strip();
      if (l.length() <= GREETING_WEB_LENGTH && (l.endsWith("様") || l.endsWith("さま"))) {
        if (carriesWeb(l.substring(0, l.length() - (l.endsWith("様") ? 1 : 2)))) {
          return l;
        }
      }
    }
    return formNameWeb(text);
  }

  /** The longest greeting line ("… 様") read for a web address in the name (recall31). */
  static final int GREETING_WEB_LENGTH = 200;

  /**
   * The name field of a Japanese web form's echo ("お名前：…", "【氏名】…", "ご氏名: …"), as a contact or
   * sign-up form's automatic reply repeats what was typed in, holding a web address: the field is a
   * person's name, and the lure's writer typed the link into it to have the business's own server
   * mail it out (recall31). Only a web address counts here, not a telephone number or an amount: a
   * form's echo flattened from a table may put the next field, the telephone number, on the name's
   * line. Returns the field's line, or null.
   *
   * @param text the lower-cased text
   */
  static String formNameWeb(String text) {
    for (String key : FORM_NAME_KEYS) {
      int from = 0;
      for (int seen = 0; seen < 20; seen++) {
        int i = text.indexOf(key, from);
        if (i < 0) {
          break;
        }
        from = i + key.length();
        // at a line's start, after at most a bracket or a mark ("■お名前", "【お名前】")
        int start = text.lastIndexOf('\n', i) + 1;
        String before = text.substring(start, i).strip();
        if (before.length() > 1) {
          continue;
        }
        int end = text.indexOf('\n', from);
        String rest = text.substring(from, end < 0 ? text.length() : end);
        Matcher m = FORM_NAME_VALUE.matcher(rest);
        if (!m.lookingAt() || m.group(1).length() > GREETING_WEB_LENGTH) {
          continue;
        }
        // the name alone: up to 様 or the next field's colon (a table flattened into one line:
        // "お名前：山田 太郎 ホームページ：https://…"), not a web address's own colon
        String value = m.group(1);
        Matcher next = NEXT_FIELD.matcher(value);
        if (next.find()) {
          value = value.substring(0, next.start());
        }
        if (carriesWeb(value)) {
          return text.substring(start, end < 0 ? text.length() : end).strip();
        }
      }
    }
    return null;
  }

  private static final Pattern NEXT_FIELD = Pattern.compile("様|：|:(?!//)");

  private static final List<String> FORM_NAME_KEYS = List.of("お名前", "ご氏名", "氏名");

  /** After a form's name field: the colon, or a closing bracket and maybe a colon; the value. */
  private static final Pattern FORM_NAME_VALUE =
      Pattern.compile("(?:[】\\]）)］][ \t　]*[:：]?|[ \t　]*[:：])[ \t　]*(.+)");

  /** A web address in a name, an e-mail address aside ({@link #NAME_WEB}). */
  private static boolean carriesWeb(String name) {
    return NAME_WEB.matcher(NAME_ADDRESS.matcher(name).replaceAll(" ")).find();
  }

  private static boolean carriesLure(String name) {
    String n = NAME_ADDRESS.matcher(name).replaceAll(" ");
    return NAME_WEB.matcher(n).find() || NAME_MONEY.matcher(n).find() || PHONE.matcher(n).find();
  }
}
