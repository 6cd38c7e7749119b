package jp.renkei.engine.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sums in millions in a newsletter ("secured $100 million for public safety", "$2 million" in a
 * news digest, "use $500 million in sales as a rough boundary"): in bulk mail (list headers, or an
 * unsubscribe line) they are the news it reports or a company's figures, not money offered to the
 * reader, which is what an advance-fee letter's "$10.5 million" is. PAYMENT_LURE does not count
 * them there; every other lure word in the same mail still counts (hamout37).
 */
final class MailNewsFigures {

  private MailNewsFigures() {}

  /** A {@link MailFraudWords#LURES} phrase that is a sum in millions (lower-cased, as found). */
  static final Pattern SUM_IN_MILLIONS = Pattern.compile("\\$\\d+(?:[.,]\\d+)? ?million");

  /**
   * The lure phrases of bulk mail with its sums in millions left out; when only such sums were
   * found (three at most are), the text is read again without them, so that a lure word past them
   * still counts.
   */
  static List<String> withoutNewsSums(MailState st, List<String> lures, String text) {
    if (lures.isEmpty() || !st.bulk()) {
      return lures;
    }
    if (lures.stream().noneMatch(x -> SUM_IN_MILLIONS.matcher(x).matches())) {
      return lures;
    }
    return MailSigns.found(MailFraudWords.LURES, SUM_IN_MILLIONS.matcher(text).replaceAll(" "));
  }
}
