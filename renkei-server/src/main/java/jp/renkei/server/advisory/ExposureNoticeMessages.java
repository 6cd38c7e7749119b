package jp.renkei.server.advisory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.server.config.HubProperties;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.database.Rows;
import jp.renkei.server.outbound.SignedWebhooks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's messages for exposure notices (a KEV CVE newly matching an organisation's
 * inventory): TLP:AMBER+STRICT, to the owning organisation's duty e-mail or webhook (the outbox row
 * names it), with the KEV entry's facts and a link to the organisation's exposure page. The
 * inventory's hosts are not in the message: they are read on the hub, signed in.
 */
final class ExposureNoticeMessages {

  record Notice(
      long organisationId,
      String cveId,
      int findings,
      String name,
      String vendorProject,
      String product,
      LocalDate dateAdded,
      LocalDate dueDate,
      String requiredAction,
      String shortDescription) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;
  private final HubProperties hub;
  private final SignedWebhooks webhooks;
  private final JsonMapper json = JsonMapper.builder().build();

  ExposureNoticeMessages(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      HubProperties hub,
      SignedWebhooks webhooks) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.notify = notify;
    this.hub = hub;
    this.webhooks = webhooks;
  }

  void send(OutboxSender.Due due) throws Exception {
    Notice n =
        jdbc.sql(
                "select n.organisation_id, n.cve_id, n.findings, k.name, k.vendor_project,"
                    + " k.product, k.date_added, k.due_date, k.required_action, k.short_description"
                    + " from exposure_notice n left join vuln_kev k on k.cve_id = n.cve_id"
                    + " where n.id = ?")
            .param(due.exposureNoticeId())
            .query(Rows.of(Notice.class))
            .single();
    if (n.organisationId() != due.organisationId()) {
      // written together in one statement; a row that disagrees is never sent elsewhere
      throw new IllegalStateException("notice and delivery name different organisations");
    }
    if (due.channel().equals("email")) {
      email(due, n);
    } else {
      webhook(due, n);
    }
  }

  private String link() {
    return hub.publicUrl().replaceAll("/+$", "") + "/exposure";
  }

  private void email(OutboxSender.Due due, Notice n) throws Exception {
    StringBuilder sb = new StringBuilder();
    sb.append("TLP:AMBER+STRICT — この通知は貴組織内でのみ取り扱ってください。\n\n");
    sb.append("CISA の既知の悪用された脆弱性 (KEV) カタログに追加された脆弱性が、貴組織の資産目録に該当しました。\n");
    sb.append(
        "A vulnerability added to CISA's KEV catalogue matches your organisation's inventory.\n\n");
    sb.append("CVE: ").append(n.cveId()).append('\n');
    line(sb, "脆弱性 / Vulnerability", n.name());
    line(
        sb,
        "製品 / Product",
        n.vendorProject() == null ? null : n.vendorProject() + " " + n.product());
    line(sb, "KEV 追加日 / Date added", n.dateAdded());
    line(sb, "KEV 対応期限 / Due date", n.dueDate());
    sb.append("該当する検出 / Findings: ").append(n.findings()).append('\n');
    line(sb, "概要 / Description", n.shortDescription());
    line(sb, "必要な対応 / Required action", n.requiredAction());
    sb.append("\n詳細 (要サインイン) / Details (sign in): ").append(link()).append('\n');
    OutboxMail.send(
        mail,
        notify,
        due,
        "[TLP:AMBER+STRICT] 【KEV 該当通知】" + n.cveId() + (n.name() == null ? "" : " " + n.name()),
        sb.toString());
  }

  private static void line(StringBuilder sb, String label, Object value) {
    if (value != null) {
      sb.append(label).append(": ").append(value).append('\n');
    }
  }

  private void webhook(OutboxSender.Due due, Notice n) throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", "exposure.kev_match");
    payload.put("noticeId", due.exposureNoticeId());
    payload.put("tlp", "TLP:AMBER+STRICT");
    payload.put("cveId", n.cveId());
    payload.put("vulnerabilityName", n.name());
    payload.put("dateAdded", n.dateAdded() == null ? null : n.dateAdded().toString());
    payload.put("dueDate", n.dueDate() == null ? null : n.dueDate().toString());
    payload.put("findings", n.findings());
    payload.put("link", link());
    webhooks.post(
        due.organisationId(),
        due.target(),
        String.valueOf(due.id()),
        json.writeValueAsString(payload));
  }
}
