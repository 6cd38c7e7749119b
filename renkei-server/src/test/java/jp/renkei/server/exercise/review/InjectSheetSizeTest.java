package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import jp.renkei.server.exposure.InventorySheetSizeTest;
import jp.renkei.server.failure.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * The exercise workbook import has the inventory's problem: within 2 MB and POI's zip ratios a
 * sheet can hold 800,000 empty rows, which POI would build one object each. Refused unread.
 */
class InjectSheetSizeTest {

  @Test
  void aMillionRowsAreRefusedUnread() throws Exception {
    byte[] xlsx = InventorySheetSizeTest.workbook("", 1_048_576, r -> "<row r=\"" + r + "\"/>", 0);
    InvalidInput e =
        catchThrowableOfType(
            InvalidInput.class, () -> InjectSheet.read(new ByteArrayInputStream(xlsx)));
    assertThat(e).isNotNull();
    assertThat(e.messageKey()).isEqualTo("aar.xlsx.size");
    assertThat(e.args()).containsExactly(InjectSheet.MAX_ROWS, InjectSheet.MAX_CELLS);
  }

  @Test
  void aSmallWorkbookIsNotRefusedForItsSize() throws Exception {
    byte[] xlsx = InventorySheetSizeTest.workbook("", 3, r -> "<row r=\"" + r + "\"/>", 0);
    InvalidInput e =
        catchThrowableOfType(
            InvalidInput.class, () -> InjectSheet.read(new ByteArrayInputStream(xlsx)));
    // not the injects workbook it expects (no 状況付与 sheet), but not refused for its size
    if (e != null) {
      assertThat(e.messageKey()).isNotEqualTo("aar.xlsx.size");
    }
  }
}
