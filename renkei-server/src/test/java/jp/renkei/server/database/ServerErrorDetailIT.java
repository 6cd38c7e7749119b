package jp.renkei.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * attack39's note: a statement PostgreSQL refuses answers with a detail that repeats the row
 * ("Failing row contains (…)"), and the driver put it in the exception's message, which the server
 * logs on a 500 — a TLP:RED title or an organisation's alias in the log. The hub's pool asks the
 * driver to leave it out; the error itself (which constraint) still says what went wrong.
 */
class ServerErrorDetailIT extends ServerTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void aRefusedRowIsNotRepeatedInTheErrorMessage() {
    Throwable t =
        catchThrowable(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      jdbc.sql(
                              "create temporary table detail_probe (title text constraint"
                                  + " short_title check (length(title) < 5)) on commit drop")
                          .update();
                      // bound as the hub binds every value, so only the detail could repeat it
                      jdbc.sql("insert into detail_probe values (?)")
                          .param("TLP:RED secret title")
                          .update();
                    }));
    assertThat(t).isNotNull();
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    assertThat(all.toString()).contains("short_title").doesNotContain("secret title");
  }
}
