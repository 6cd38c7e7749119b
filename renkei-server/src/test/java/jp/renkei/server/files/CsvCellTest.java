package jp.renkei.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaIsText() {
    assertThat(CsvCell.of("=HYPERLINK(\"http://x.example/\",\"click\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\"");
    assertThat(CsvCell.of("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(CsvCell.of("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCell.of("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(CsvCell.of("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvCell.of("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    assertThat(CsvCell.quoted("=1+1")).isEqualTo("\"'=1+1\"");
  }

  @Test
  void fullWidthSignsLeadingSpacesAndALineFeedAreDefusedToo() {
    assertThat(CsvCell.of("＝HYPERLINK(1)")).isEqualTo("'＝HYPERLINK(1)");
    assertThat(CsvCell.of("＋cmd")).isEqualTo("'＋cmd");
    assertThat(CsvCell.of("－2＋3")).isEqualTo("'－2＋3");
    assertThat(CsvCell.of("＠SUM(A1)")).isEqualTo("'＠SUM(A1)");
    assertThat(CsvCell.of("  =1+1")).isEqualTo("'  =1+1");
    assertThat(CsvCell.of("\u3000=1+1")).isEqualTo("'\u3000=1+1");
    assertThat(CsvCell.of("\n=1+1")).isEqualTo("\"'\n=1+1\"");
    assertThat(CsvCell.of(" -3")).isEqualTo(" -3");
    assertThat(CsvCell.of(" ")).isEqualTo(" ");
    assertThat(CsvCell.of("電力 = 3")).isEqualTo("電力 = 3");
  }

  @Test
  void ordinaryValuesAreUnchanged() {
    assertThat(CsvCell.of("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(CsvCell.of("1700000000.123")).isEqualTo("1700000000.123");
    assertThat(CsvCell.of("-3")).isEqualTo("-3");
    assertThat(CsvCell.of("+81.5")).isEqualTo("+81.5");
    assertThat(CsvCell.of("-")).isEqualTo("-");
    assertThat(CsvCell.of("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCell.of("")).isEmpty();
    assertThat(CsvCell.of(null)).isEmpty();
    assertThat(CsvCell.quoted("電力")).isEqualTo("\"電力\"");
  }
}
