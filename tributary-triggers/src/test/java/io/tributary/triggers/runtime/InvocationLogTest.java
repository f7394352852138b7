package io.tributary.triggers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

  @Test
  void theReportLineHasLambdasFieldsEachFollowedByATab() {
    var cold = new InvocationLog.Report("id", 15.734, 128, 56, 130.491, null, null);
    var warm = new InvocationLog.Report("id", 2.0, 512, 60, null, null, null);
    var timedOut = new InvocationLog.Report("id", 3000.4, 128, 40, null, "timeout", null);
    var crashed = new InvocationLog.Report("id", 1.5, 128, 40, null, "error", "Runtime.ExitError");

    assertThat(cold.message())
        .isEqualTo(
            "REPORT RequestId: id\tDuration: 15.73 ms\tBilled Duration: 16 ms\tMemory Size: 128"
                + " MB\tMax Memory Used: 56 MB\tInit Duration: 130.49 ms\t");
    assertThat(warm.message())
        .isEqualTo(
            "REPORT RequestId: id\tDuration: 2.00 ms\tBilled Duration: 2 ms\tMemory Size: 512"
                + " MB\tMax Memory Used: 60 MB\t");
    assertThat(timedOut.message())
        .endsWith(
            "\tBilled Duration: 3001 ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: 40 MB\tStatus: timeout\t");
    assertThat(crashed.message()).endsWith("\tStatus: error\tError Type: Runtime.ExitError\t");
  }

  @Test
  void startEndAndLinesEndWithANewline() {
    InvocationLog log = new InvocationLog();
    log.start(1, "id");
    log.line(2, "hello");
    log.end(3, "id");

    assertThat(log.events())
        .extracting(e -> e.message())
        .containsExactly(
            "START RequestId: id Version: $LATEST\n", "hello\n", "END RequestId: id\n");
    assertThat(log.events()).extracting(e -> e.timestamp()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void theTailIsTheLastFourKilobytesCutAtACharacter() {
    InvocationLog log = new InvocationLog();
    log.start(1, "id");
    for (int i = 0; i < 500; i++) {
      log.line(2, "é line " + i);
    }
    log.end(3, "id");

    String tail = log.tail();
    assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4090);
    assertThat(tail).endsWith("é line 499\nEND RequestId: id\n").doesNotContain("\uFFFD");
  }
}
