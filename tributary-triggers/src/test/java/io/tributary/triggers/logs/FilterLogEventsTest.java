package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterLogEventsTest extends LogsFixture {
  private long t0;

  @BeforeEach
  void twoStreams() {
    createGroup("g");
    createStream("g", "a");
    createStream("g", "b");
    createStream("g", "other");
    t0 = now();
    put("g", "a", t0, "a1 START", t0 + 2, "a2 ERROR boom", t0 + 4, "a3 END");
    put("g", "b", t0 + 1, "b1 START", t0 + 2, "b2 ERROR bang", t0 + 3, "b3 END");
  }

  private Json.Obj filter(String extra) {
    return call("FilterLogEvents", "{\"logGroupName\":\"g\"" + extra + "}");
  }

  @Test
  void eventsOfAllStreamsComeInterleavedInTimeOrder() {
    Json.Obj page = filter(",\"interleaved\":true");
    assertThat(strings(page, "events", "message"))
        .containsExactly(
            "a1 START", "b1 START", "a2 ERROR boom", "b2 ERROR bang", "b3 END", "a3 END");
    assertThat(strings(page, "events", "logStreamName"))
        .containsExactly("a", "b", "a", "b", "b", "a");
    Json.Obj event = (Json.Obj) ((Json.Arr) page.get("events")).elements().get(0);
    assertThat(event.members().keySet())
        .containsExactly("logStreamName", "timestamp", "message", "ingestionTime", "eventId");
    assertThat(page.get("nextToken")).isNull();
    assertThat(strings(page, "searchedLogStreams", "logStreamName"))
        .containsExactly("a", "b", "other");
    assertThat(((Json.Arr) page.get("searchedLogStreams")).elements())
        .allMatch(s -> ((Json.Obj) s).get("searchedCompletely").equals(Json.Bool.TRUE));
  }

  @Test
  void eventIdsAreUniqueAndStable() {
    List<String> ids = strings(filter(""), "events", "eventId");
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d{56}"));
    assertThat(strings(filter(""), "events", "eventId")).isEqualTo(ids);
    assertThat(strings(filter(",\"filterPattern\":\"ERROR\""), "events", "eventId"))
        .containsExactly(ids.get(2), ids.get(3));
  }

  @Test
  void theFilterPatternPicksEvents() {
    assertThat(strings(filter(",\"filterPattern\":\"ERROR\""), "events", "message"))
        .containsExactly("a2 ERROR boom", "b2 ERROR bang");
    assertThat(strings(filter(",\"filterPattern\":\"?START ?END -b1\""), "events", "message"))
        .containsExactly("a1 START", "b3 END", "a3 END");
    assertThat(strings(filter(",\"filterPattern\":\"\\\"ERROR bang\\\"\""), "events", "message"))
        .containsExactly("b2 ERROR bang");
  }

  @Test
  void streamsCanBeChosenByNameOrPrefix() {
    assertThat(strings(filter(",\"logStreamNames\":[\"b\",\"missing\"]"), "events", "message"))
        .containsExactly("b1 START", "b2 ERROR bang", "b3 END");
    assertThat(strings(filter(",\"logStreamNamePrefix\":\"o\""), "events", "message")).isEmpty();
    refused(
        "FilterLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamNames\":[\"a\"],\"logStreamNamePrefix\":\"a\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "Cannot specify both logStreamNames and logStreamNamePrefix.");
  }

  @Test
  void startAndEndTimesAreInclusive() {
    assertThat(
            strings(
                filter(",\"startTime\":" + (t0 + 2) + ",\"endTime\":" + (t0 + 3)),
                "events",
                "message"))
        .containsExactly("a2 ERROR boom", "b2 ERROR bang", "b3 END");
  }

  @Test
  void pagesFollowNextTokenUntilItIsLeftOut() {
    List<String> messages = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    String token = null;
    do {
      Json.Obj page =
          filter(",\"limit\":2" + (token == null ? "" : ",\"nextToken\":" + quote(token)));
      messages.addAll(strings(page, "events", "message"));
      token = text(page, "nextToken");
      if (token != null) {
        tokens.add(token);
      }
    } while (token != null);
    assertThat(messages)
        .containsExactly(
            "a1 START", "b1 START", "a2 ERROR boom", "b2 ERROR bang", "b3 END", "a3 END");
    assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
    // A page that holds the last matching event has no token, even when it is full.
    assertThat(filter(",\"limit\":2,\"filterPattern\":\"ERROR\"").get("nextToken")).isNull();
  }

  @Test
  void badRequestsAreRefused() {
    refused(
        "FilterLogEvents",
        "{\"logGroupName\":\"h\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    refused(
        "FilterLogEvents",
        "{\"logGroupName\":\"g\",\"nextToken\":\"f/1\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "The specified nextToken is invalid.");
    refused(
        "FilterLogEvents",
        "{\"logGroupName\":\"g\",\"limit\":0}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
  }
}
