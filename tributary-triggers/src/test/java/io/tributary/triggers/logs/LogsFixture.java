package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.Store;
import io.tributary.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/** A Logs over an in-memory store and a clock the test moves, called with JSON text. */
class LogsFixture {
  static final String ACCOUNT = "123456789012";
  static final Instant START = Instant.parse("2026-11-22T07:00:00Z");

  final TestClock clock = new TestClock(START);
  final Store store = new MemoryStore();
  Logs logs = new Logs(store, clock, ACCOUNT);
  final RequestContext context = new RequestContext("request-1", "us-east-1", ACCOUNT);

  long now() {
    return clock.millis();
  }

  Json.Obj call(String operation, String json) {
    return logs.execute(
        operation, (Json.Obj) JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)), context);
  }

  String callText(String operation, String json) {
    return new String(JsonWriter.write(call(operation, json)), StandardCharsets.UTF_8);
  }

  AbstractThrowableAssert<?, ? extends Throwable> refused(
      String operation, String json, ErrorType type, String message) {
    return assertThatThrownBy(() -> call(operation, json))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.type()).isEqualTo(type))
        .hasMessage(message);
  }

  void createGroup(String group) {
    call("CreateLogGroup", "{\"logGroupName\":\"" + group + "\"}");
  }

  void createStream(String group, String stream) {
    call(
        "CreateLogStream",
        "{\"logGroupName\":\"" + group + "\",\"logStreamName\":\"" + stream + "\"}");
  }

  /** PutLogEvents of messages at the given timestamps. */
  Json.Obj put(String group, String stream, Object... timestampsAndMessages) {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < timestampsAndMessages.length; i += 2) {
      if (i > 0) {
        events.append(',');
      }
      events
          .append("{\"timestamp\":")
          .append(timestampsAndMessages[i])
          .append(",\"message\":")
          .append(quote((String) timestampsAndMessages[i + 1]))
          .append('}');
    }
    return call(
        "PutLogEvents",
        "{\"logGroupName\":\""
            + group
            + "\",\"logStreamName\":\""
            + stream
            + "\",\"logEvents\":["
            + events
            + "]}");
  }

  static String quote(String text) {
    return new String(JsonWriter.write(new Json.Str(text)), StandardCharsets.UTF_8);
  }

  static List<String> strings(Json.Obj response, String list, String member) {
    List<String> out = new ArrayList<>();
    for (Json element : ((Json.Arr) response.get(list)).elements()) {
      Json value = ((Json.Obj) element).get(member);
      out.add(value instanceof Json.Str s ? s.value() : ((Json.Num) value).text());
    }
    return out;
  }

  static String text(Json.Obj response, String member) {
    return response.get(member) instanceof Json.Str s ? s.value() : null;
  }
}
