package io.tributary.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.engine.Engine;
import io.tributary.engine.EngineConfig;
import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Feeds arbitrary bytes through the request path a body takes: the JSON parser, then an action
 * (its shape check, attribute values, expressions, and the action itself) against a table that
 * exists. The only failures allowed out are the client errors DynamoDB gives for bad input.
 *
 * <p>Without JAZZER_FUZZ this replays the seeds under
 * src/test/resources/io/tributary/engine/fuzz/RequestDecodingFuzzTestInputs/decode.
 */
class RequestDecodingFuzzTest {
  private static final List<String> ACTIONS =
      List.of("PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchWriteItem",
          "BatchGetItem", "CreateTable", "UpdateTable");
  private static final Set<ErrorType> CLIENT_ERRORS =
      Set.of(
          ErrorType.VALIDATION,
          ErrorType.SERIALIZATION,
          ErrorType.RESOURCE_NOT_FOUND,
          ErrorType.RESOURCE_IN_USE,
          ErrorType.CONDITIONAL_CHECK_FAILED,
          ErrorType.LIMIT_EXCEEDED);
  private static final RequestContext CONTEXT = new RequestContext("fuzz", "us-east-1", "000000000000");
  private static final Engine ENGINE = engine();

  private static Engine engine() {
    Engine engine = Engine.open(new MemoryStore(), EngineConfig.defaults());
    engine.execute("CreateTable", (Json.Obj) JsonReader.parse(("{\"TableName\":\"fuzz\","
        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],"
        + "\"BillingMode\":\"PAY_PER_REQUEST\"}").getBytes(StandardCharsets.UTF_8)), CONTEXT);
    return engine;
  }

  @FuzzTest(maxDuration = "60s")
  void decode(byte[] data) {
    if (data == null || data.length == 0) {
      return;
    }
    String action = ACTIONS.get((data[0] & 0xff) % ACTIONS.size());
    byte[] body = java.util.Arrays.copyOfRange(data, 1, data.length);
    try {
      if (JsonReader.parse(body) instanceof Json.Obj request) {
        ENGINE.execute(action, request, CONTEXT);
      }
    } catch (DynamoDbException e) {
      if (!CLIENT_ERRORS.contains(e.type())) {
        throw new AssertionError("not a client error: " + e.type() + " " + e.getMessage(), e);
      }
    }
  }
}
