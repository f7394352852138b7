package io.tributary.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DescribeEndpointsTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void namesTheAddressTheRequestReached() {
    Json.Obj answer = db.engine.execute("DescribeEndpoints", new Json.Obj(java.util.Map.of()),
        new RequestContext("r", "eu-west-1", "123456789012", "localhost:8000"));
    assertThat(new String(JsonWriter.write(answer), StandardCharsets.UTF_8))
        .isEqualTo("{\"Endpoints\":[{\"Address\":\"localhost:8000\",\"CachePeriodInMinutes\":1440}]}");
  }

  @Test
  void withoutAHostNamesDynamoDbsRegionalAddress() {
    assertThat(db.call("DescribeEndpoints", "{}"))
        .isEqualTo("{\"Endpoints\":[{\"Address\":\"dynamodb.us-east-1.amazonaws.com\",\"CachePeriodInMinutes\":1440}]}");
  }
}
