package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanTest {
  private static final int ITEMS = 300;
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @BeforeEach
  void fill() {
    db.call("CreateTable",
        "{'TableName':'scanned','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
            + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':["
            + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}],"
            + "'BillingMode':'PAY_PER_REQUEST'}");
    for (int i = 0; i < ITEMS; i++) {
      db.call("PutItem", "{'TableName':'scanned','Item':{'pk':{'S':'p" + (i % 37) + "'},'sk':{'N':'" + i + "'}}}");
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Every item's sort key, following LastEvaluatedKey from page to page. */
  private List<String> scanAll(String extra) {
    List<String> seen = new ArrayList<>();
    String startKey = null;
    do {
      String request = "{'TableName':'scanned'" + extra
          + (startKey == null ? "" : ",'ExclusiveStartKey':" + startKey.replace('"', '\'')) + "}";
      Json.Obj page = (Json.Obj) JsonReader.parse(db.call("Scan", request).getBytes(StandardCharsets.UTF_8));
      for (Json item : ((Json.Arr) page.get("Items")).elements()) {
        Json.Obj sk = (Json.Obj) ((Json.Obj) item).get("sk");
        seen.add(((Json.Str) sk.get("N")).value());
      }
      Json last = page.get("LastEvaluatedKey");
      startKey = last == null ? null : new String(JsonWriter.write(last), StandardCharsets.UTF_8);
    } while (startKey != null);
    return seen;
  }

  @Test
  void pagesCoverEveryItemOnce() {
    List<String> all = scanAll(",'Limit':7");
    assertThat(all).hasSize(ITEMS).doesNotHaveDuplicates();
    assertThat(scanAll("")).containsExactlyElementsOf(all);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
  void segmentsAreDisjointAndCoverTheTable(int total) {
    List<String> union = new ArrayList<>();
    for (int segment = 0; segment < total; segment++) {
      union.addAll(scanAll(",'Limit':50,'Segment':" + segment + ",'TotalSegments':" + total));
    }
    assertThat(union).hasSize(ITEMS).doesNotHaveDuplicates();
  }

  @Test
  void limitEndingOnTheLastItemStillGivesAKey() {
    String page = db.call("Scan", "{'TableName':'scanned','Limit':" + ITEMS + "}");
    assertThat(page).contains("\"Count\":" + ITEMS).contains("\"LastEvaluatedKey\"");
    String whole = db.call("Scan", "{'TableName':'scanned','Limit':" + (ITEMS + 1) + "}");
    assertThat(whole).doesNotContain("LastEvaluatedKey");
  }

  @Test
  void countOnly() {
    assertThat(db.call("Scan", "{'TableName':'scanned','Select':'COUNT'}"))
        .isEqualTo("{\"Count\":" + ITEMS + ",\"ScannedCount\":" + ITEMS + "}");
  }

  @Test
  void pagesStopAtOneMegabyte() {
    db.call("CreateTable",
        "{'TableName':'big','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
            + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
    String blob = "x".repeat(100_000);
    for (int i = 0; i < 25; i++) {
      db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'k" + i + "'},'v':{'S':'" + blob + "'}}}");
    }
    String page = db.call("Scan", "{'TableName':'big','Select':'COUNT'}");
    // 100 KB items: the page stops with the item that reaches 1 MB, the 11th.
    assertThat(page).startsWith("{\"Count\":11,\"ScannedCount\":11,\"LastEvaluatedKey\"");
  }

  @Test
  void segmentErrors() {
    assertError(() -> db.call("Scan", "{'TableName':'scanned','Segment':1}"), ErrorType.VALIDATION,
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    assertError(() -> db.call("Scan", "{'TableName':'scanned','Segment':5,'TotalSegments':5}"), ErrorType.VALIDATION,
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not less than TotalSegments: 5");
  }

  @Test
  void startKeyMustMatchTheSchema() {
    assertError(() -> db.call("Scan", "{'TableName':'scanned','ExclusiveStartKey':{'pk':{'S':'a'}}}"),
        ErrorType.VALIDATION, "The provided starting key is invalid: The provided key element does not match the schema");
  }
}
