package jp.renkei.server.mail;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.MailStix;
import jp.renkei.engine.policy.Tlp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Targeted-mail analysis at the hub: the engine's analyser with the community's own domains (the
 * organisations' identity domains, for look-alike checks) and the hub's allow-list. Nothing about
 * an analysed message is stored.
 */
@Service
public class MailService {

  private final JdbcClient jdbc;
  private final List<String> allowList;

  MailService(JdbcClient jdbc, @Value("${renkei.mail.allow-list:}") List<String> allowList) {
    this.jdbc = jdbc;
    this.allowList = allowList.stream().filter(s -> !s.isBlank()).toList();
  }

  public MailReport analyze(InputStream message) {
    List<String> domains =
        jdbc.sql("select distinct value from organisation_identity where kind = 'domain'")
            .query(String.class)
            .list();
    return new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, domains, allowList).analyze(message);
  }

  /** The STIX bundle of an analysed message, without its recipients (they name the receiver). */
  public ObjectNode stix(MailReport r, Tlp tlp) {
    return MailStix.bundle(r, tlp, Instant.now(), false);
  }
}
