package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetLogEventsTest extends LogsFixture {
  private long t0;

  @BeforeEach
  void fiveEvents() {
    createGroup("g");
    createStream("g", "s");
    t0 = now();
    put("g", "s", t0, "e1", t0 + 1, "e2", t0 + 2, "e3", t0 + 3, "e4", t0 + 4, "e5");
  }

  private Json.Obj get(String extra) {
    return call("GetLogEvents", "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"" + extra + "}");
  }

  private static String token(Json.Obj page, String which) {
    return text(page, which);
  }

  @Test
  void eventsComeWithTheirTimesAndTokens() {
    Json.Obj page = get(",\"startFromHead\":true,\"limit\":1");
    Json.Obj event = (Json.Obj) ((Json.Arr) page.get("events")).elements().get(0);
    assertThat(event.members().keySet()).containsExactly("timestamp", "message", "ingestionTime");
    assertThat(event.get("timestamp")).isEqualTo(new Json.Num(Long.toString(t0)));
    assertThat(event.get("ingestionTime")).isEqualTo(new Json.Num(Long.toString(now())));
    assertThat(token(page, "nextForwardToken")).matches("f/\\d{56}");
    assertThat(token(page, "nextBackwardToken")).matches("b/\\d{56}");
  }

  @Test
  void withoutATokenTheLastEventsComeFirst() {
    assertThat(strings(get(",\"limit\":2"), "events", "message")).containsExactly("e4", "e5");
    assertThat(strings(get(""), "events", "message")).containsExactly("e1", "e2", "e3", "e4", "e5");
  }

  @Test
  void forwardTokensReadOnAndRepeatAtTheEnd() {
    Json.Obj first = get(",\"startFromHead\":true,\"limit\":2");
    assertThat(strings(first, "events", "message")).containsExactly("e1", "e2");
    Json.Obj second = get(",\"limit\":2,\"nextToken\":" + quote(token(first, "nextForwardToken")));
    assertThat(strings(second, "events", "message")).containsExactly("e3", "e4");
    Json.Obj third = get(",\"limit\":2,\"nextToken\":" + quote(token(second, "nextForwardToken")));
    assertThat(strings(third, "events", "message")).containsExactly("e5");
    String end = token(third, "nextForwardToken");
    Json.Obj fourth = get(",\"limit\":2,\"nextToken\":" + quote(end));
    assertThat(strings(fourth, "events", "message")).isEmpty();
    assertThat(token(fourth, "nextForwardToken")).isEqualTo(end);
    // What is appended later is read on from the same token.
    put("g", "s", t0 + 5, "e6");
    assertThat(strings(get(",\"nextToken\":" + quote(end)), "events", "message"))
        .containsExactly("e6");
  }

  @Test
  void backwardTokensReadBack() {
    Json.Obj last = get(",\"limit\":2");
    Json.Obj before = get(",\"limit\":2,\"nextToken\":" + quote(token(last, "nextBackwardToken")));
    assertThat(strings(before, "events", "message")).containsExactly("e2", "e3");
    Json.Obj first = get(",\"limit\":2,\"nextToken\":" + quote(token(before, "nextBackwardToken")));
    assertThat(strings(first, "events", "message")).containsExactly("e1");
    Json.Obj none = get(",\"limit\":2,\"nextToken\":" + quote(token(first, "nextBackwardToken")));
    assertThat(strings(none, "events", "message")).isEmpty();
    assertThat(token(none, "nextBackwardToken")).isEqualTo(token(first, "nextBackwardToken"));
    // Reading forward from there starts at the beginning again.
    assertThat(
            strings(
                get(",\"limit\":2,\"nextToken\":" + quote(token(none, "nextForwardToken"))),
                "events",
                "message"))
        .containsExactly("e1", "e2");
  }

  @Test
  void anEmptyStreamGivesTokensThatLaterReadItsEvents() {
    createStream("g", "empty");
    Json.Obj page = call("GetLogEvents", "{\"logGroupName\":\"g\",\"logStreamName\":\"empty\"}");
    assertThat(strings(page, "events", "message")).isEmpty();
    put("g", "empty", t0, "late");
    Json.Obj next =
        call(
            "GetLogEvents",
            "{\"logGroupName\":\"g\",\"logStreamName\":\"empty\",\"nextToken\":"
                + quote(token(page, "nextForwardToken"))
                + "}");
    assertThat(strings(next, "events", "message")).containsExactly("late");
  }

  @Test
  void startTimeIsInclusiveAndEndTimeExclusive() {
    assertThat(
            strings(
                get(",\"startTime\":" + (t0 + 1) + ",\"endTime\":" + (t0 + 3)),
                "events",
                "message"))
        .containsExactly("e2", "e3");
  }

  @Test
  void aBadTokenIsAnInvalidParameter() {
    for (String token : new String[] {"x", "f/123", "c/" + "0".repeat(56), "f" + "0".repeat(57)}) {
      refused(
          "GetLogEvents",
          "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"nextToken\":\"" + token + "\"}",
          ErrorType.LOGS_INVALID_PARAMETER,
          "The specified nextToken is invalid.");
    }
  }

  @Test
  void theGroupAndTheStreamMustExist() {
    refused(
        "GetLogEvents",
        "{\"logGroupName\":\"h\",\"logStreamName\":\"s\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    refused(
        "GetLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"t\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log stream does not exist.");
    refused(
        "GetLogEvents",
        "{\"logStreamName\":\"t\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "Either logGroupName or logGroupIdentifier must be specified.");
  }
}
