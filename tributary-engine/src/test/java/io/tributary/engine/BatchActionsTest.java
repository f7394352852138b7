package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchActionsTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @BeforeEach
  void createTables() {
    for (String name : new String[] {"tb1", "tb2"}) {
      db.call("CreateTable",
          "{'TableName':'" + name + "','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
              + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
              + "'BillingMode':'PAY_PER_REQUEST'}");
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static String put(String id) {
    return "{'PutRequest':{'Item':{'id':{'S':'" + id + "'},'v':{'N':'1'}}}}";
  }

  @Test
  void writesAndReadsOverTables() {
    assertThat(db.call("BatchWriteItem",
            "{'RequestItems':{'tb1':[" + put("a") + "," + put("b") + "],'tb2':[" + put("c") + "]}}"))
        .isEqualTo("{\"UnprocessedItems\":{}}");
    String got = db.call("BatchGetItem",
        "{'RequestItems':{'tb1':{'Keys':[{'id':{'S':'a'}},{'id':{'S':'missing'}}],'AttributesToGet':['id']},"
            + "'tb2':{'Keys':[{'id':{'S':'c'}}]}}}");
    assertThat(got).isEqualTo("{\"Responses\":{\"tb1\":[{\"id\":{\"S\":\"a\"}}],"
        + "\"tb2\":[{\"id\":{\"S\":\"c\"},\"v\":{\"N\":\"1\"}}]},\"UnprocessedKeys\":{}}");
    db.call("BatchWriteItem", "{'RequestItems':{'tb1':[{'DeleteRequest':{'Key':{'id':{'S':'a'}}}}]}}");
    assertThat(db.call("GetItem", "{'TableName':'tb1','Key':{'id':{'S':'a'}}}")).isEqualTo("{}");
  }

  @Test
  void nothingIsWrittenWhenOneRequestIsBad() {
    assertError(() -> db.call("BatchWriteItem",
            "{'RequestItems':{'tb1':[" + put("a") + ",{'PutRequest':{'Item':{'other':{'S':'x'}}}}]}}"),
        ErrorType.VALIDATION, "The provided key element does not match the schema");
    assertThat(db.call("GetItem", "{'TableName':'tb1','Key':{'id':{'S':'a'}}}")).isEqualTo("{}");
    assertError(() -> db.call("BatchWriteItem",
            "{'RequestItems':{'tb1':[" + put("a") + "],'nope':[" + put("b") + "]}}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
    assertThat(db.call("GetItem", "{'TableName':'tb1','Key':{'id':{'S':'a'}}}")).isEqualTo("{}");
  }

  @Test
  void duplicatesAreRefused() {
    assertError(() -> db.call("BatchWriteItem", "{'RequestItems':{'tb1':[" + put("a") + "," + put("a") + "]}}"),
        ErrorType.VALIDATION, "Provided list of item keys contains duplicates");
    assertError(() -> db.call("BatchGetItem", "{'RequestItems':{'tb1':{'Keys':[{'id':{'S':'a'}},{'id':{'S':'a'}}]}}}"),
        ErrorType.VALIDATION, "Provided list of item keys contains duplicates");
  }

  @Test
  void limitsAreEnforced() {
    StringJoiner puts = new StringJoiner(",");
    for (int i = 0; i < 13; i++) {
      puts.add(put("k" + i));
    }
    // 13 + 13: each table's list is within the model's 25, the whole batch is not.
    assertError(() -> db.call("BatchWriteItem", "{'RequestItems':{'tb1':[" + puts + "],'tb2':[" + puts + "]}}"),
        ErrorType.VALIDATION, "Too many items requested for the BatchWriteItem call");
    StringJoiner keys1 = new StringJoiner(",");
    StringJoiner keys2 = new StringJoiner(",");
    for (int i = 0; i < 60; i++) {
      keys1.add("{'id':{'S':'k" + i + "'}}");
      keys2.add("{'id':{'S':'k" + i + "'}}");
    }
    assertError(() -> db.call("BatchGetItem",
            "{'RequestItems':{'tb1':{'Keys':[" + keys1 + "]},'tb2':{'Keys':[" + keys2 + "]}}}"),
        ErrorType.VALIDATION, "Too many items requested for the BatchGetItem call");
  }
}
