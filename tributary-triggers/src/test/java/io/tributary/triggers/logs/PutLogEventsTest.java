package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PutLogEventsTest extends LogsFixture {

  @BeforeEach
  void stream() {
    createGroup("g");
    createStream("g", "s");
  }

  private String messages() {
    return String.join(
        ",",
        strings(
            call(
                "GetLogEvents",
                "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"startFromHead\":true}"),
            "events",
            "message"));
  }

  @Test
  void eventsAreStoredAndASequenceTokenComesBack() {
    Json.Obj first = put("g", "s", now(), "one", now() + 1, "two");
    Json.Obj second = put("g", "s", now() + 2, "three");
    assertThat(first.members().keySet()).containsExactly("nextSequenceToken");
    assertThat(text(first, "nextSequenceToken")).matches("\\d{56}");
    assertThat(text(second, "nextSequenceToken")).isGreaterThan(text(first, "nextSequenceToken"));
    assertThat(messages()).isEqualTo("one,two,three");
  }

  @Test
  void theGroupAndTheStreamMustExist() {
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"h\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":1,\"message\":\"x\"}]}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"t\",\"logEvents\":[{\"timestamp\":"
            + now()
            + ",\"message\":\"x\"}]}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log stream does not exist.");
  }

  @Test
  void eventsMustBeInChronologicalOrder() {
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":"
            + now()
            + ",\"message\":\"b\"},{\"timestamp\":"
            + (now() - 1)
            + ",\"message\":\"a\"}]}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "Log events in a single PutLogEvents request must be in chronological order.");
  }

  @Test
  void aBatchSpansAtMostADay() {
    long day = Duration.ofDays(1).toMillis();
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":"
            + (now() - day - 1)
            + ",\"message\":\"a\"},{\"timestamp\":"
            + now()
            + ",\"message\":\"b\"}]}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
  }

  @Test
  void aBatchHoldsAtMostAMegabyteCountingTwentySixBytesAnEvent() {
    String big = "x".repeat(1_048_576 - 2 * 26 - 24);
    put("g", "s", now(), big, now(), "y".repeat(24));
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":"
            + now()
            + ",\"message\":\""
            + big
            + "\"},{\"timestamp\":"
            + now()
            + ",\"message\":\""
            + "y".repeat(25)
            + "\"}]}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "Upload too large: 1048577 bytes exceeds limit of 1048576");
  }

  @Test
  void eventsTooOldOrTooNewAreRejectedAndTheRestStored() {
    long old = now() - Duration.ofDays(15).toMillis();
    Json.Obj tooOld = put("g", "s", old, "ancient", old + 1, "ancient too");
    assertThat(
            callText(
                "PutLogEvents",
                "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":"
                    + now()
                    + ",\"message\":\"now\"},{\"timestamp\":"
                    + (now() + Duration.ofHours(3).toMillis())
                    + ",\"message\":\"future\"}]}"))
        .contains("\"rejectedLogEventsInfo\":{\"tooNewLogEventStartIndex\":1}");
    assertThat(tooOld.get("rejectedLogEventsInfo"))
        .isEqualTo(new Json.Obj(java.util.Map.of("tooOldLogEventEndIndex", new Json.Num("2"))));
    assertThat(messages()).isEqualTo("now");
  }
}
