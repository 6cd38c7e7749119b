package jp.renkei.server.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link FormBodyHeapBench}'s baseline: Spring's form filter on (its default, as on main) and the
 * REST body limit opened wide, so that a PUT form is read as main read it.
 */
@TestPropertySource(
    properties = {"spring.mvc.formcontent.filter.enabled=true", "renkei.web.max-body=2GB"})
class FormBodyHeapUnlimitedBench extends FormBodyHeapBench {

  @Override
  @Test
  void heapHeldByOnePutFormOfNobodySignedIn() throws Exception {
    measure(port, "baseline (form filter on, body limit wide: main's reading)");
  }
}
