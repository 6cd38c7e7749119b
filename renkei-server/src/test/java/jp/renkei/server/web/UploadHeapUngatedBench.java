package jp.renkei.server.web;

import jp.renkei.server.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@link UploadHeapBench} with the gate opened wide: the baseline, as main read uploads. */
@TestPropertySource(properties = "renkei.web.uploads-per-person=1000")
class UploadHeapUngatedBench extends jp.renkei.server.support.ServerTest {

  @Test
  void heapHeldByOnePersonsOpenUploads() throws Exception {
    UploadHeapBench.measure(
        port,
        fixtures.token(fixtures.user(fixtures.operator("finance"), Role.MEMBER)),
        "ungated (uploads-per-person 1000, as main)");
  }
}
