package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @BeforeEach
  void fill() {
    db.call("CreateTable",
        "{'TableName':'events','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
            + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':["
            + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'}],"
            + "'BillingMode':'PAY_PER_REQUEST'}");
    for (String sk : new String[] {"a", "ab", "abc", "b", "ba", "c"}) {
      db.call("PutItem", "{'TableName':'events','Item':{'pk':{'S':'p'},'sk':{'S':'" + sk + "'},'n':{'N':'" + sk.length() + "'}}}");
      db.call("PutItem", "{'TableName':'events','Item':{'pk':{'S':'other'},'sk':{'S':'" + sk + "'}}}");
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String sortKeys(String condition, String values) {
    String page = db.call("Query", "{'TableName':'events','KeyConditionExpression':'" + condition + "',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'}" + values + "}}");
    return page.replaceAll(".*?\"sk\":\\{\"S\":\"([a-z]*)\"\\}", "$1 ").replaceAll("\\s*[^a-z ].*$", "").trim();
  }

  @Test
  void sortKeyOperators() {
    assertThat(sortKeys("pk = :p", "")).isEqualTo("a ab abc b ba c");
    assertThat(sortKeys("pk = :p AND sk = :v", ",':v':{'S':'ab'}")).isEqualTo("ab");
    assertThat(sortKeys("pk = :p AND sk < :v", ",':v':{'S':'ab'}")).isEqualTo("a");
    assertThat(sortKeys("pk = :p AND sk <= :v", ",':v':{'S':'ab'}")).isEqualTo("a ab");
    assertThat(sortKeys("pk = :p AND sk > :v", ",':v':{'S':'ab'}")).isEqualTo("abc b ba c");
    assertThat(sortKeys("pk = :p AND sk >= :v", ",':v':{'S':'ab'}")).isEqualTo("ab abc b ba c");
    assertThat(sortKeys("pk = :p AND begins_with(sk, :v)", ",':v':{'S':'b'}")).isEqualTo("b ba");
  }

  @Test
  void rangesAndDirections() {
    assertThat(db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p AND begins_with(sk, :v)',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':v':{'S':'ab'}},'Select':'COUNT'}"))
        .isEqualTo("{\"Count\":2,\"ScannedCount\":2}");
    assertThat(db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p AND sk BETWEEN :v AND :w',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':v':{'S':'ab'},':w':{'S':'b'}},'Select':'COUNT'}"))
        .isEqualTo("{\"Count\":3,\"ScannedCount\":3}");
    String backwards = db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p AND sk > :v',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':v':{'S':'ab'}},'ScanIndexForward':false,'Limit':2}");
    assertThat(backwards).contains("\"Count\":2").containsSubsequence("\"c\"", "\"ba\"")
        .contains("\"LastEvaluatedKey\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"ba\"}}");
    String next = db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p AND sk > :v',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':v':{'S':'ab'}},'ScanIndexForward':false,"
        + "'ExclusiveStartKey':{'pk':{'S':'p'},'sk':{'S':'ba'}}}");
    assertThat(next).contains("\"Count\":2").containsSubsequence("\"b\"", "\"abc\"").doesNotContain("LastEvaluatedKey");
  }

  @Test
  void filterCountsAfterReading() {
    assertThat(db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p',"
        + "'FilterExpression':'n >= :two','ExpressionAttributeValues':{':p':{'S':'p'},':two':{'N':'2'}},'Select':'COUNT'}"))
        .isEqualTo("{\"Count\":3,\"ScannedCount\":6}");
  }

  @Test
  void errors() {
    assertError(() -> db.call("Query", "{'TableName':'events'}"), ErrorType.VALIDATION,
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    assertError(() -> db.call("Query", "{'TableName':'events','KeyConditionExpression':'sk = :v',"
            + "'ExpressionAttributeValues':{':v':{'S':'a'}}}"), ErrorType.VALIDATION,
        "Query condition missed key schema element: pk");
    assertError(() -> db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p',"
            + "'FilterExpression':'sk = :v','ExpressionAttributeValues':{':p':{'S':'p'},':v':{'S':'a'}}}"),
        ErrorType.VALIDATION, "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    // The key-attribute rule comes before the nested-path rule.
    assertError(() -> db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p',"
            + "'FilterExpression':'attribute_exists(pk.b)','ExpressionAttributeValues':{':p':{'S':'p'}}}"),
        ErrorType.VALIDATION, "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk");
    assertError(() -> db.call("Query", "{'TableName':'events','KeyConditionExpression':'pk = :p AND sk > :v',"
            + "'ExpressionAttributeValues':{':p':{'S':'p'},':v':{'S':'b'}},'ExclusiveStartKey':{'pk':{'S':'p'},'sk':{'S':'a'}}}"),
        ErrorType.VALIDATION, "The provided starting key does not match the range key predicate");
  }

  @Test
  void legacyKeyConditions() {
    assertThat(db.call("Query", "{'TableName':'events','Select':'COUNT','KeyConditions':{"
        + "'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'p'}]},"
        + "'sk':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'b'}]}}}"))
        .isEqualTo("{\"Count\":2,\"ScannedCount\":2}");
  }
}
