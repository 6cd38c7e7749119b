package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.SamePath;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An indicator's sightings asked for by someone outside its audience: one published with an
 * advisory they may not see (the advisories collection, judged by the advisory's own audience) is
 * answered with the same statements to PostgreSQL as an indicator id never used (attack30b). The
 * route sweep's hidden indicator is of a community collection; this one is of an advisory.
 */
@Import(StatementLog.class)
class SightingWorkIT extends ServerTest {

  @Autowired AdvisoryService advisories;
  @Autowired JdbcClient jdbc;

  @Test
  void anIndicatorOfAnAdvisoryOneMayNotSeeIsAskedForWithTheWorkOfAMissingOne() {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long advisory =
        advisories.issue(
            nisc,
            new NewAdvisory(
                Fixtures.unique("work"),
                "本文",
                null,
                List.of("198.51.100.78"),
                List.of(),
                "amber",
                false,
                List.of(),
                List.of(),
                List.of("op-sakura-bank"),
                null,
                null,
                null));
    String indicator =
        jdbc.sql(
                "select stix_id from stix_object where source_advisory = ?"
                    + " and stix_id like 'indicator--%' limit 1")
            .param(advisory)
            .query(String.class)
            .single();
    Http api =
        http().bearer(fixtures.token(fixtures.user(fixtures.operator("water"), Role.ORG_ADMIN)));

    SamePath.Work<HttpResponse<String>> hidden =
        SamePath.of(() -> api.get("/api/v1/indicators/" + indicator + "/sightings"));
    SamePath.Work<HttpResponse<String>> missing =
        SamePath.of(
            () -> api.get("/api/v1/indicators/indicator--" + UUID.randomUUID() + "/sightings"));

    assertThat(hidden.answer().statusCode()).isEqualTo(404);
    assertThat(missing.answer().statusCode()).isEqualTo(404);
    assertThat(hidden.statements()).isNotEmpty();
    assertThat(SamePath.difference(hidden.statements(), missing.statements())).isNull();
  }
}
