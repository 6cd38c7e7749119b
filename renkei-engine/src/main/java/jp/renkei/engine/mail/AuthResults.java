package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Authentication-Results header body read by the RFC 8601 grammar: the authserv-id, then
 * results separated by ';', each "method=result" with its "ptype.property=value" properties.
 * Comments are left out wherever they stand, however deeply they nest and whatever they hold (a ';'
 * in "(2048-bit key; unprotected)" ends no result); a quoted string is one value (a ';' or a '('
 * inside it is text); folded lines are white space. Bad input is read as far as it goes: an
 * unclosed comment or quoted string runs to the end of the body, words that are no result or no
 * property are skipped. One pass over the characters, no recursion.
 *
 * @param authservId the host name (or other id) of the server that wrote the results, lower case,
 *     or null when none was written
 * @param results the results in the order written
 */
record AuthResults(String authservId, List<Result> results) {

  /**
   * One result: {@code method} ("spf", "dkim", "dmarc", "compauth" ...) and {@code result} ("pass",
   * "fail" ...), both lower case, and its properties by "ptype.property" in lower case
   * ("smtp.mailfrom", "header.d", "header.from"), values as written.
   */
  record Result(String method, String result, Map<String, String> properties) {

    /**
     * The domain a property names, lower case: the part after '@' of "user@example.com" or
     * "@example.com", the whole value otherwise; null when the property is absent or names none.
     */
    String domain(String property) {
      String v = properties.get(property);
      if (v == null) {
        return null;
      }
      String d = v.substring(v.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
      while (d.endsWith(".")) {
        d = d.substring(0, d.length() - 1);
      }
      return d.indexOf('.') > 0 ? d : null;
    }

    boolean passed() {
      return result.equals("pass");
    }
  }

  /** Reads {@code body} (the header's value without its name); never throws. */
  static AuthResults parse(String body) {
    List<List<Token>> parts = tokens(body == null ? "" : body);
    List<Token> head = parts.get(0);
    // authserv-id [ version ]; Microsoft writes none and begins with its first result
    boolean noId = head.size() > 1 && head.get(1).is('=');
    String id = !noId && !head.isEmpty() ? head.get(0).text().toLowerCase(Locale.ROOT) : null;
    List<Result> results = new ArrayList<>();
    for (List<Token> part : noId ? parts : parts.subList(1, parts.size())) {
      Result r = result(part);
      if (r != null) {
        results.add(r);
      }
    }
    return new AuthResults(id, List.copyOf(results));
  }

  /** The results of {@code method}, in order. */
  List<Result> of(String method) {
    return results.stream().filter(r -> r.method().equals(method)).toList();
  }

  /** The first result of {@code method} ("pass", "fail" ...), or null. */
  String first(String method) {
    for (Result r : results) {
      if (r.method().equals(method)) {
        return r.result();
      }
    }
    return null;
  }

  /** A word (quoted strings included), or the separator '='. */
  record Token(String text, boolean word) {
    boolean is(char separator) {
      return !word && text.charAt(0) == separator;
    }
  }

  /**
   * One resinfo: "method[/version] = result", then "key = value" pairs (reason=, ptype.property=).
   * Tokens that fit neither are skipped.
   */
  private static Result result(List<Token> t) {
    if (t.size() < 3 || !t.get(0).word() || !t.get(1).is('=') || !t.get(2).word()) {
      return null;
    }
    String method = t.get(0).text().toLowerCase(Locale.ROOT);
    // a method version ("dkim/1") is no part of its name
    method = method.indexOf('/') > 0 ? method.substring(0, method.indexOf('/')) : method;
    String result = t.get(2).text().toLowerCase(Locale.ROOT);
    Map<String, String> properties = new LinkedHashMap<>();
    for (int k = 3; k + 2 < t.size(); k++) {
      if (t.get(k).word() && t.get(k + 1).is('=') && t.get(k + 2).word()) {
        String key = t.get(k).text().toLowerCase(Locale.ROOT);
        if (key.indexOf('.') > 0) {
          properties.putIfAbsent(key, t.get(k + 2).text());
        }
        k += 2;
      }
    }
    return new Result(method, result, Map.copyOf(properties));
  }

  /**
   * The body cut into its ';'-separated parts, each a list of tokens. Comments are dropped (nested,
   * with quoted-pairs), a quoted string is text of the word it stands in, white space (folding
   * included) ends a word.
   */
  static List<List<Token>> tokens(String body) {
    List<List<Token>> parts = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false; // a quoted "" is a word, if an empty one
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < body.length()) {
          word.append(body.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else if (c != '\r' && c != '\n') {
          word.append(c);
        }
      } else if (depth > 0) {
        if (c == '\\') {
          i++;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
      } else if (c == '"') {
        quoted = true;
        inWord = true;
      } else if (c == '(' || c == ';' || c == '=' || Character.isWhitespace(c)) {
        if (inWord) {
          tokens.add(new Token(word.toString(), true));
          word.setLength(0);
          inWord = false;
        }
        if (c == '(') {
          depth = 1;
        } else if (c == ';') {
          parts.add(tokens);
          tokens = new ArrayList<>();
        } else if (c == '=') {
          tokens.add(new Token("=", false));
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      tokens.add(new Token(word.toString(), true));
    }
    parts.add(tokens);
    return parts;
  }
}
