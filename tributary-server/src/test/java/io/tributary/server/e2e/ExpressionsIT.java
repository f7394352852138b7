package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** UpdateItem, conditional writes, projections and Query through the AWS SDK for Java v2. */
class ExpressionsIT {
  private static final DynamoDbClient client = Endpoint.client();
  private static final String TABLE = Endpoint.uniqueTableName("expr");

  @BeforeAll
  static void createTable() {
    client.createTable(TablesIT.users(TABLE).build());
  }

  @AfterAll
  static void close() {
    client.deleteTable(b -> b.tableName(TABLE));
    client.close();
  }

  private static Map<String, AttributeValue> key(String user, String last) {
    return Map.of("username", AttributeValue.fromS(user), "last_name", AttributeValue.fromS(last));
  }

  @Test
  void updateExpressionClauses() {
    var created = client.updateItem(b -> b.tableName(TABLE).key(key("upd", "x"))
        .updateExpression("SET #c = :zero, tags = :t, elems = :l")
        .expressionAttributeNames(Map.of("#c", "count"))
        .expressionAttributeValues(Map.of(
            ":zero", AttributeValue.fromN("0"),
            ":t", AttributeValue.fromSs(List.of("a", "b")),
            ":l", AttributeValue.fromL(List.of(AttributeValue.fromS("first"), AttributeValue.fromS("second")))))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(created.get("count").n()).isEqualTo("0");

    var updated = client.updateItem(b -> b.tableName(TABLE).key(key("upd", "x"))
        .updateExpression("SET #c = #c + :one, elems = list_append(elems, :more) DELETE tags :a")
        .expressionAttributeNames(Map.of("#c", "count"))
        .expressionAttributeValues(Map.of(
            ":one", AttributeValue.fromN("1"),
            ":more", AttributeValue.fromL(List.of(AttributeValue.fromS("third"))),
            ":a", AttributeValue.fromSs(List.of("a"))))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertThat(updated.get("count").n()).isEqualTo("1");
    assertThat(updated.get("tags").ss()).containsExactly("b");

    client.updateItem(b -> b.tableName(TABLE).key(key("upd", "x")).updateExpression("REMOVE elems[0]"));
    var item = client.getItem(b -> b.tableName(TABLE).key(key("upd", "x"))
        .projectionExpression("elems[0], #c").expressionAttributeNames(Map.of("#c", "count"))).item();
    assertThat(item).containsOnlyKeys("elems", "count");
    assertThat(item.get("elems").l()).containsExactly(AttributeValue.fromS("second"));
  }

  @Test
  void conditionalWrites() {
    client.putItem(b -> b.tableName(TABLE).item(Map.of(
        "username", AttributeValue.fromS("cond"), "last_name", AttributeValue.fromS("x"),
        "version", AttributeValue.fromN("1"))));
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE)
            .item(Map.of("username", AttributeValue.fromS("cond"), "last_name", AttributeValue.fromS("x")))
            .conditionExpression("attribute_not_exists(username)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
          assertThat(e.item().get("version").n()).isEqualTo("1");
        });
    client.updateItem(b -> b.tableName(TABLE).key(key("cond", "x"))
        .updateExpression("SET version = :two").conditionExpression("version = :one")
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":two", AttributeValue.fromN("2"))));
    assertThat(client.getItem(b -> b.tableName(TABLE).key(key("cond", "x"))).item().get("version").n())
        .isEqualTo("2");
  }

  @Test
  void syntaxErrorsAreDynamoDbs() {
    assertThatThrownBy(() -> client.updateItem(b -> b.tableName(TABLE).key(key("s", "x"))
            .updateExpression("SET = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"=\", near: \"SET = :v\""));
    assertThatThrownBy(() -> client.updateItem(b -> b.tableName(TABLE).key(key("s", "x"))
            .updateExpression("SET status = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status"));
  }

  @Test
  void queryPaginatorWalksAPartitionInOrder() {
    for (int i = 0; i < 40; i++) {
      String sk = String.format("%03d", i);
      client.putItem(b -> b.tableName(TABLE).item(Map.of(
          "username", AttributeValue.fromS("q"), "last_name", AttributeValue.fromS(sk),
          "even", AttributeValue.fromBool(Integer.parseInt(sk) % 2 == 0))));
    }
    List<String> seen = new ArrayList<>();
    client.queryPaginator(b -> b.tableName(TABLE).keyConditionExpression("username = :u AND last_name >= :from")
            .filterExpression("even = :t").limit(7)
            .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("q"), ":from", AttributeValue.fromS("010"),
                ":t", AttributeValue.fromBool(true))))
        .items().forEach(item -> seen.add(item.get("last_name").s()));
    assertThat(seen).hasSize(15).isSorted().startsWith("010", "012");
    var count = client.query(b -> b.tableName(TABLE).keyConditionExpression("username = :u")
        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("q"))).select(Select.COUNT)
        .scanIndexForward(false));
    assertThat(count.count()).isEqualTo(40);
  }
}
