package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The link targets and active actions of a PDF attachment, read from the document already loaded
 * for the QR search (one parse for both). A PDF lure often holds nothing but a button: a link
 * annotation whose action opens a sign-in page, a shortener or a file-sharing preview, out of reach
 * of the checks on the message's own links. Its targets become links of the message and are judged
 * like them; a PDF that launches a program, runs JavaScript, submits a form, imports data or opens
 * a web page by itself when opened is a sign of its own ({@link RedFlag#PDF_ACTIVE_CONTENT}).
 *
 * <p>Read are: the document's open action and additional actions, its document-level JavaScript,
 * and, on the first {@link #MAX_PAGES} pages, the page's additional actions and each annotation's
 * action and additional actions, each followed through its chain of next actions. Only the
 * dictionaries are read (no content stream is parsed, nothing is drawn). Bounded: at most {@link
 * #MAX_ACTIONS} actions are looked at per PDF (an action seen twice is not followed again), at most
 * {@link #MAX_LINKS} distinct links and {@link #MAX_ACTIVE} active actions are kept, each target
 * cut to {@link #MAX_TARGET} characters. A damaged dictionary ends the reading; what was read is
 * kept.
 */
final class PdfLinks {

  /** Pages whose annotations are read (a lure's button is on its first page). */
  static final int MAX_PAGES = 20;

  /** Action dictionaries looked at per PDF. */
  static final int MAX_ACTIONS = 2_000;

  /** Distinct link targets kept per PDF. */
  static final int MAX_LINKS = 20;

  /** Active actions (launch, script, form) kept per PDF. */
  static final int MAX_ACTIVE = 10;

  /** Characters of a link or an action's target kept. */
  static final int MAX_TARGET = 2_048;

  private static final COSName AA = COSName.getPDFName("AA");
  private static final COSName NEXT = COSName.getPDFName("Next");
  private static final COSName URI = COSName.getPDFName("URI");
  private static final COSName JS = COSName.getPDFName("JS");
  private static final COSName WIN = COSName.getPDFName("Win");
  private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");

  private PdfLinks() {}

  /** What an active action does. */
  enum Kind {
    /** Starts a program or opens a file (/Launch). */
    LAUNCH("launches %s", "%s を起動します", "a program", "プログラム"),
    /** Runs JavaScript (/JavaScript, document-level or in an action). */
    JAVASCRIPT("runs JavaScript", "JavaScript を実行します", "", ""),
    /** Sends the form's fields to an address (/SubmitForm). */
    SUBMIT_FORM("submits its form to %s", "入力欄の内容を %s へ送信します", "an address", "外部"),
    /** Reads form data from a file or address (/ImportData). */
    IMPORT_DATA("imports data from %s", "%s からデータを読み込みます", "a file", "外部"),
    /** Opens a web page by itself when the document is opened (/OpenAction → /URI). */
    OPEN_URI("opens %s by itself when opened", "開いただけで %s を開きます", "a web page", "Web ページ");

    final String en;
    final String ja;
    final String someEn;
    final String someJa;

    Kind(String en, String ja, String someEn, String someJa) {
      this.en = en;
      this.ja = ja;
      this.someEn = someEn;
      this.someJa = someJa;
    }
  }

  /** An active action and its target (a program, an address; empty when it has none). */
  record Action(Kind kind, String target) {

    String evidence() {
      return kind.en.replace("%s", target.isEmpty() ? kind.someEn : target);
    }

    String evidenceJa() {
      return kind.ja.replace("%s", target.isEmpty() ? kind.someJa : target);
    }
  }

  /** The links (web addresses) and the active actions of one PDF. */
  record Found(List<String> links, List<Action> actions) {}

  /** Reads {@code doc}'s links and active actions within the limits above; never throws. */
  static Found read(PDDocument doc) {
    Reader r = new Reader();
    try {
      COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
      r.action(catalog.getDictionaryObject(COSName.OPEN_ACTION), true);
      r.additional(catalog.getDictionaryObject(AA));
      if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names
          && names.getDictionaryObject(JAVASCRIPT) != null) {
        r.active(Kind.JAVASCRIPT, "");
      }
      int pages = Math.min(doc.getNumberOfPages(), MAX_PAGES);
      for (int i = 0; i < pages && r.budget > 0; i++) {
        COSDictionary page = doc.getPage(i).getCOSObject();
        r.additional(page.getDictionaryObject(AA));
        if (page.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
          for (int j = 0; j < annots.size() && r.budget > 0; j++) {
            if (annots.getObject(j) instanceof COSDictionary annot) {
              r.budget--;
              r.action(annot.getDictionaryObject(COSName.A), false);
              r.additional(annot.getDictionaryObject(AA));
            }
          }
        }
      }
    } catch (RuntimeException | java.io.IOError e) {
      // a damaged dictionary: what was read before it stays
    }
    return new Found(List.copyOf(r.links), List.copyOf(r.actions));
  }

  private static final class Reader {
    final Set<String> links = new LinkedHashSet<>();
    final List<Action> actions = new ArrayList<>();
    final Map<COSDictionary, Boolean> seen = new IdentityHashMap<>();
    int budget = MAX_ACTIONS;

    /** The actions of an additional-actions dictionary (/AA: on opening, on closing, ...). */
    void additional(COSBase aa) {
      if (aa instanceof COSDictionary d) {
        for (COSName key : d.keySet()) {
          if (budget <= 0) {
            return;
          }
          action(d.getDictionaryObject(key), false);
        }
      }
    }

    /** An action and its chain of next actions (/Next: one action or an array of them). */
    void action(COSBase base, boolean onOpen) {
      if (base instanceof COSArray chain) {
        for (int i = 0; i < chain.size() && budget > 0; i++) {
          action(chain.getObject(i), onOpen);
        }
        return;
      }
      if (!(base instanceof COSDictionary a) || budget <= 0 || seen.put(a, Boolean.TRUE) != null) {
        return;
      }
      budget--;
      String type = a.getNameAsString(COSName.S);
      if (type != null) {
        switch (type) {
          case "URI" -> {
            String uri = text(a.getDictionaryObject(URI));
            if (link(uri) && onOpen) {
              active(Kind.OPEN_URI, cut(uri));
            }
          }
          case "Launch" -> {
            String file = file(a.getDictionaryObject(COSName.F));
            if (file.isEmpty() && a.getDictionaryObject(WIN) instanceof COSDictionary win) {
              file = file(win.getDictionaryObject(COSName.F));
            }
            active(Kind.LAUNCH, file);
          }
          case "JavaScript" -> active(Kind.JAVASCRIPT, "");
          case "SubmitForm" -> {
            String to = file(a.getDictionaryObject(COSName.F));
            link(to);
            active(Kind.SUBMIT_FORM, to);
          }
          case "ImportData" -> {
            String from = file(a.getDictionaryObject(COSName.F));
            link(from);
            active(Kind.IMPORT_DATA, from);
          }
          case "GoToR", "GoToE" -> link(file(a.getDictionaryObject(COSName.F)));
          default -> {
            // a move inside the document, a sound, a named menu item: nothing leaves the file
          }
        }
        if (a.getDictionaryObject(JS) != null && !"JavaScript".equals(type)) {
          active(Kind.JAVASCRIPT, ""); // a rendition's script
        }
      }
      action(a.getDictionaryObject(NEXT), onOpen);
    }

    /** Keeps a web address; whether {@code target} is one. */
    boolean link(String target) {
      String t = target == null ? "" : target.strip();
      String lower = t.toLowerCase(Locale.ROOT);
      boolean web =
          lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.");
      if (web && links.size() < MAX_LINKS) {
        links.add(cut(lower.startsWith("www.") ? "http://" + t : t));
      }
      return web;
    }

    void active(Kind kind, String target) {
      Action x = new Action(kind, cut(target == null ? "" : target.strip()));
      if (actions.size() < MAX_ACTIVE && !actions.contains(x)) {
        actions.add(x);
      }
    }
  }

  /** A string or a file specification's name (/UF, /F, or the /URL of a URL specification). */
  private static String file(COSBase spec) {
    if (spec instanceof COSDictionary d) {
      for (String key : List.of("UF", "F", "Unix", "DOS", "Mac")) {
        String s = text(d.getDictionaryObject(COSName.getPDFName(key)));
        if (s != null && !s.isBlank()) {
          return s;
        }
      }
      return "";
    }
    String s = text(spec);
    return s == null ? "" : s;
  }

  private static String text(COSBase base) {
    return base instanceof COSString s ? s.getString() : null;
  }

  private static String cut(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "");
    return jp.renkei.engine.text.Names.cut(clean, MAX_TARGET);
  }
}
