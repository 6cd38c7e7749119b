package jp.renkei.server.intel;

import java.util.List;
import jp.renkei.server.directory.Organisation;

/**
 * The e-mail a platform admin's ask sends an organisation's admins ({@link
 * MisnamedIdentities#ask}): which of its identities carry another organisation's name, why it
 * matters, and what to do — in Japanese, then English. Only the organisation's own identities are
 * named (id, name, rule).
 */
final class MisnamedMail {

  private MisnamedMail() {}

  static String subject() {
    return "[Renkei] 他組織の名前を名乗る識別情報の訂正のお願い / Please correct identities named as another"
        + " organisation";
  }

  static String body(Organisation o, List<StoredIdentityNames.Named> mine) {
    StringBuilder ja = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (StoredIdentityNames.Named n : mine) {
      String name = oneLine(n.name());
      boolean unit = n.misnamed().why().equals("unit");
      ja.append("- ")
          .append(n.misnamed().stixId())
          .append(" 「")
          .append(name)
          .append("」 (")
          .append(unit ? "他組織の部署・チームの名前" : "他組織の名前")
          .append(")\n");
      en.append("- ")
          .append(n.misnamed().stixId())
          .append(" \"")
          .append(name)
          .append("\" (")
          .append(unit ? "a unit or team of another organisation" : "another organisation's name")
          .append(")\n");
    }
    return o.nameJa()
        + " 管理者各位\n\n"
        + "貴組織が連携基盤に保存した次の STIX 識別情報 (identity) は、名簿にある他の組織の名前、またはその部署・チームの名前に見えます。"
        + "これらを作成者 (created_by_ref) や観測場所とする情報は、受け取った組織や他のハブ・SIEM から"
        + "その組織のものとして読まれます。現在の取込みではこのような名前は拒否されますが、以下は確認の導入前に保存されたものです。\n\n"
        + ja
        + "\n貴組織の名前 (または貴組織の部署名) に改めた新しい版を送るか、失効 (revoked) させてください。"
        + "保存した組織だけが版の作成・失効を行えます。誤判定と考える場合は基盤管理者に返信してください。\n\n"
        + "-- \n\nTo the administrators of "
        + o.nameEn()
        + "\n\nThe following STIX identities your organisation stored on the hub are named as"
        + " another organisation of the directory, or as a unit or team of it. Objects that name"
        + " them as their author (created_by_ref) or where something was sighted are read by"
        + " the receiving organisations, peer hubs and SIEMs as that organisation's. Ingest now"
        + " refuses such names; these were stored before the check.\n\n"
        + en
        + "\nPlease send a new version with your own organisation's name (or one of your units),"
        + " or revoke them. Only the storing organisation versions or revokes its objects. If you"
        + " think one is flagged wrongly, reply to the platform admins.\n";
  }

  /** A stored name on one line of the mail (it came from a writer). */
  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
  }
}
