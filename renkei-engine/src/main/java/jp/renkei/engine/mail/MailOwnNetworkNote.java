package jp.renkei.engine.mail;

import java.util.List;
import java.util.Locale;

/**
 * What the analysing organisation's own ranges ({@link OwnNetwork}) said of a message whose
 * receiver's "boundary" hop its own record contradicts ({@link MailHops#contradicted}), told to the
 * reader as a note of kind {@link #KIND} (ux42): the ranges were used and the relay was inside
 * them, or outside them; or they were not used, because none are set or because the receiver is not
 * the organisation's. Said only where such a hop was met (the one case the ranges decide), with the
 * relay's name and the address its receiver recorded, never the ranges themselves. A note, not a
 * reading problem: it changes no finding and no score.
 */
final class MailOwnNetworkNote {

  /** {@link MailReport.Problem#kind} of the note. */
  static final String KIND = "own-network";

  private MailOwnNetworkNote() {}

  /**
   * Adds the note for the receiver {@code own} (a registrable domain) whose first {@code k} hops
   * are its own, after the ranges answered {@code word}; nothing when none of those hops is
   * contradicted.
   */
  static void say(MailState st, OwnNetwork.Word word, int k, String own) {
    if (own == null || own.isBlank()) {
      return;
    }
    MailReport.Hop hop =
        contradicted(st.hops, k, own, word == OwnNetwork.Word.OUTSIDE ? st.ownNetwork : null);
    if (hop == null) {
      return;
    }
    String relay = hop.from() == null ? "?" : hop.from();
    String at = address(hop, false);
    String atJa = address(hop, true);
    switch (word) {
      case OUTSIDE ->
          st.problem(
              KIND,
              "自組織の IP アドレス範囲で受信経路を確かめました。受信側 ("
                  + own
                  + ") の境界サーバーを名乗る中継 "
                  + relay
                  + " は、受信サーバーの記録では範囲外のアドレス "
                  + atJa
                  + " から届いています。送信者が書き込んだ見せかけの境界とみなし、その中継より下に書かれた認証結果"
                  + " (SPF / DKIM / DMARC) は使っていません。",
              "Checked the route against the organisation's own IP ranges: the relay "
                  + relay
                  + ", which calls itself the receiver's ("
                  + own
                  + ") boundary server, came from "
                  + at
                  + " by the receiving server's record, outside the ranges. It is taken as a"
                  + " boundary the sender wrote, and the authentication results (SPF, DKIM, DMARC)"
                  + " written below it are not used.");
      case OWN ->
          st.problem(
              KIND,
              "自組織の IP アドレス範囲で受信経路を確かめました。受信側 ("
                  + own
                  + ") の境界サーバーを名乗る中継 "
                  + relay
                  + " は範囲内のアドレス "
                  + atJa
                  + " から届いているため、自組織の境界サーバーとみなし、その認証結果を使いました。",
              "Checked the route against the organisation's own IP ranges: the relay "
                  + relay
                  + ", which calls itself the receiver's ("
                  + own
                  + ") boundary server, came from "
                  + at
                  + ", inside the ranges. It is taken as the organisation's own boundary server"
                  + " and its authentication results are used.");
      case UNSAID -> {
        if (st.ownNetwork.known()) {
          st.problem(
              KIND,
              "組織の IP アドレス範囲は使っていません: このメールの受信側 ("
                  + own
                  + ") は組織の登録ドメインではありません (範囲は、ほかの組織が受け取ったメールには当てはまりません)。",
              "The organisation's IP ranges were not used: this message's receiver ("
                  + own
                  + ") is none of the organisation's registered domains (its ranges say nothing"
                  + " of mail another organisation received).");
        } else {
          st.problem(
              KIND,
              "受信側 ("
                  + own
                  + ") の境界サーバーを名乗る中継 "
                  + relay
                  + " は、受信サーバーの記録では "
                  + atJa
                  + " から届いており、名乗った名前と食い違います。組織の IP アドレス範囲が設定されていないため、"
                  + "自組織のサーバー (ホスティング事業者にあるものなど) か送信者の偽装かは確かめていません。"
                  + "組織の管理者が組織の識別情報に IP アドレス範囲を設定すると確かめられます。",
              "The relay "
                  + relay
                  + ", which calls itself the receiver's ("
                  + own
                  + ") boundary server, came from "
                  + at
                  + " by the receiving server's record, which contradicts the name it gave. The"
                  + " organisation's IP ranges are not set, so whether it is the organisation's"
                  + " own server (at a hosting provider, say) or the sender's forgery was not"
                  + " checked; an organisation admin can set the ranges in the organisation's"
                  + " identity.");
        }
      }
    }
  }

  /**
   * The first of the first {@code k} hops the receiver's record contradicts; with {@code outsideOf}
   * given, the first such hop not from its ranges (the one that decided).
   */
  private static MailReport.Hop contradicted(
      List<MailReport.Hop> hops, int k, String own, OwnNetwork outsideOf) {
    for (int i = 0; i < k && i < hops.size(); i++) {
      MailReport.Hop h = hops.get(i);
      if (MailHops.contradicted(h, own) && (outsideOf == null || !outsideOf.fromOwn(h))) {
        return h;
      }
    }
    return null;
  }

  /**
   * The name and addresses the receiving server recorded for the hop (not the sender's HELO
   * literal), in Japanese or English where it recorded no name or marked it as forged.
   */
  private static String address(MailReport.Hop hop, boolean ja) {
    String helo = hop.from() == null ? "" : hop.from().toLowerCase(Locale.ROOT);
    List<String> recorded =
        hop.ips().stream().filter(ip -> !helo.contains(ip.toLowerCase(Locale.ROOT))).toList();
    List<String> shown = recorded.isEmpty() ? hop.ips() : recorded;
    String addresses = shown.isEmpty() ? "?" : String.join(", ", shown);
    if (hop.peer() == null) {
      return addresses;
    }
    if (hop.peer().equals(MailHops.FORGED)) {
      return addresses
          + (ja ? " (名乗った名前は偽装の疑いありと記録)" : " (its name recorded as \"may be forged\")");
    }
    if (hop.peer().equals("unknown")) {
      return addresses + (ja ? " (逆引きの名前なし)" : " (no reverse name)");
    }
    return hop.peer() + " [" + addresses + "]";
  }
}
