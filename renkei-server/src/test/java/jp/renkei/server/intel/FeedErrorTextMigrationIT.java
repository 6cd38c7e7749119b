package jp.renkei.server.intel;

import static jp.renkei.server.support.MigratedHub.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.renkei.server.support.MigratedHub;
import org.junit.jupiter.api.Test;

/**
 * V290: feeds whose last answer was not JSON kept the parser's message, quoting the remote's text;
 * after the migration no stored error carries it, and the reason reads in the two-argument form the
 * feeds page now uses. Other failures are left as they were.
 */
class FeedErrorTextMigrationIT {

  static final String REMOTE = "東京の被害組織名_RED_only";

  @Test
  void theRemotesQuotedTextIsDroppedFromStoredFeedErrors() {
    MigratedHub.migrate(
        "renkei-feedmig-",
        "290",
        jdbc -> {
          long org =
              id(
                  jdbc,
                  "insert into organisation (code, name_ja, name_en, type_code, sector_code,"
                      + " ministry_code) values ('feedmig', 'フィード移行', 'Feed migration',"
                      + " 'operator', 'finance', null)");
          // the organisation's own collection, made with it
          UUID collection =
              jdbc.sql("select id from stix_collection where organisation_id = ?")
                  .param(org)
                  .query(UUID.class)
                  .single();
          String feed =
              "insert into taxii_feed (name, api_root, remote_collection, local_collection,"
                  + " originator_org, last_error, last_error_code, last_error_args)"
                  + " values (?, 'https://feed.example/api/', 'c', ?, ?, ?, ?, ?)";
          String old = "Unrecognized token '" + REMOTE + "': was expecting JSON";
          // as the code after V276 stored it, as the code before V276 did, and another failure
          id(
              jdbc,
              feed,
              "coded",
              collection,
              org,
              "the remote's envelope is not JSON: " + old,
              "notJson",
              new String[] {old});
          id(
              jdbc,
              feed,
              "uncoded",
              collection,
              org,
              "the remote's envelope is not JSON: " + old,
              null,
              null);
          id(
              jdbc,
              feed,
              "http",
              collection,
              org,
              "the remote answered HTTP 503",
              "http",
              new String[] {"503"});
        },
        jdbc -> {
          List<Map<String, Object>> rows =
              jdbc.sql(
                      "select name, last_error, last_error_code,"
                          + " array_to_string(last_error_args, '|') as args"
                          + " from taxii_feed order by name")
                  .query()
                  .listOfRows();
          assertThat(rows.toString()).doesNotContain(REMOTE).doesNotContain("Unrecognized");
          assertThat(rows)
              .extracting(r -> r.get("name") + " " + r.get("last_error_code") + " " + r.get("args"))
              .containsExactly("coded notJson ?|?", "http http 503", "uncoded notJson ?|?");
          assertThat(rows.get(1).get("last_error")).isEqualTo("the remote answered HTTP 503");
        });
  }
}
