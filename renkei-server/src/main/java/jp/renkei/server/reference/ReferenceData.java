package jp.renkei.server.reference;

import java.util.List;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the current edition of the reference vocabularies (retired rows excluded). The
 * tables are small and change only with a migration, so every call reads them fresh.
 */
@Service
public class ReferenceData {

  private final JdbcClient jdbc;

  ReferenceData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Sector> sectors() {
    return jdbc.sql(
            "select code, name_ja, name_en, ministry_code from sector"
                + " where retired_edition is null order by sort_order")
        .query(Rows.of(Sector.class))
        .list();
  }

  public Optional<Sector> sector(String code) {
    return sectors().stream().filter(s -> s.code().equals(code)).findFirst();
  }

  public List<Term> ministries() {
    return jdbc.sql(
            "select code, name_ja, name_en, null as group_code from ministry"
                + " where retired_edition is null order by sort_order")
        .query(Rows.of(Term.class))
        .list();
  }

  public List<Term> organisationTypes() {
    return jdbc.sql(
            "select code, name_ja, name_en, null as group_code from organisation_type"
                + " where retired_edition is null order by sort_order")
        .query(Rows.of(Term.class))
        .list();
  }

  /** Whether organisations of this type belong to a sector (operators and CEPTOARs do). */
  public boolean typeHasSector(String typeCode) {
    return jdbc.sql("select has_sector from organisation_type where code = ?")
        .param(typeCode)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** The classification vocabularies of DESIGN.md §2, e.g. {@code cause_type}, {@code tlp}. */
  public List<String> vocabularies() {
    return jdbc.sql("select distinct vocabulary from classification_term order by vocabulary")
        .query(String.class)
        .list();
  }

  public List<Term> vocabulary(String name) {
    return jdbc.sql(
            "select code, name_ja, name_en, group_code from classification_term"
                + " where vocabulary = ? and retired_edition is null order by sort_order")
        .param(name)
        .query(Rows.of(Term.class))
        .list();
  }
}
