package io.tributary.server.e2e;

import static io.tributary.server.e2e.TablesIT.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Item actions through the AWS SDK for Java v2. */
class ItemsIT {
  private static final DynamoDbClient client = Endpoint.client();
  private static final String TABLE = Endpoint.uniqueTableName("items");

  @BeforeAll
  static void createTable() {
    client.createTable(TablesIT.users(TABLE).build());
    client.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
  }

  @AfterAll
  static void close() {
    client.deleteTable(b -> b.tableName(TABLE));
    client.close();
  }

  private static Map<String, AttributeValue> key(String user, String last) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put("username", AttributeValue.fromS(user));
    key.put("last_name", AttributeValue.fromS(last));
    return key;
  }

  @Test
  void everyTypeRoundTrips() {
    Map<String, AttributeValue> item = key("types", "all");
    item.put("s", AttributeValue.fromS("héllo"));
    item.put("empty", AttributeValue.fromS(""));
    item.put("n", AttributeValue.fromN("1.50"));
    item.put("big", AttributeValue.fromN("1E+125"));
    item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})));
    item.put("bool", AttributeValue.fromBool(true));
    item.put("null", AttributeValue.fromNul(true));
    item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("2"))));
    item.put("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(false))))));
    item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
    item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
    item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
    client.putItem(b -> b.tableName(TABLE).item(item));

    Map<String, AttributeValue> got =
        client.getItem(b -> b.tableName(TABLE).key(key("types", "all")).consistentRead(true)).item();
    assertThat(got.get("s").s()).isEqualTo("héllo");
    assertThat(got.get("empty").s()).isEmpty();
    assertThat(got.get("n").n()).isEqualTo("1.5");
    assertThat(got.get("big").n()).isEqualTo("1" + "0".repeat(125));
    assertThat(got.get("b").b().asByteArray()).containsExactly(0, 1, 0xff);
    assertThat(got.get("bool").bool()).isTrue();
    assertThat(got.get("null").nul()).isTrue();
    assertThat(got.get("l").l()).containsExactly(AttributeValue.fromS("x"), AttributeValue.fromN("2"));
    assertThat(got.get("m").m().get("inner").m().get("deep").bool()).isFalse();
    assertThat(got.get("ss").ss()).containsExactlyInAnyOrder("a", "b");
    assertThat(got.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
    assertThat(got.get("bs").bs()).containsExactly(SdkBytes.fromUtf8String("x"));
  }

  @Test
  void putReplacesAndReturnsTheOldItem() {
    Map<String, AttributeValue> first = key("replace", "me");
    first.put("v", AttributeValue.fromN("1"));
    first.put("gone", AttributeValue.fromS("soon"));
    assertThat(client.putItem(b -> b.tableName(TABLE).item(first).returnValues(ReturnValue.ALL_OLD)).hasAttributes())
        .isFalse();
    Map<String, AttributeValue> second = key("replace", "me");
    second.put("v", AttributeValue.fromN("2"));
    var old = client.putItem(b -> b.tableName(TABLE).item(second).returnValues(ReturnValue.ALL_OLD)).attributes();
    assertThat(old.get("v").n()).isEqualTo("1");
    assertThat(client.getItem(b -> b.tableName(TABLE).key(key("replace", "me"))).item())
        .doesNotContainKey("gone");
  }

  @Test
  void deleteItem() {
    client.putItem(b -> b.tableName(TABLE).item(key("delete", "me")));
    var deleted = client.deleteItem(b -> b.tableName(TABLE).key(key("delete", "me")).returnValues(ReturnValue.ALL_OLD));
    assertThat(deleted.attributes()).containsKey("username");
    GetItemResponse after = client.getItem(b -> b.tableName(TABLE).key(key("delete", "me")));
    assertThat(after.hasItem()).isFalse();
    // Deleting what is not there is not an error.
    assertThat(client.deleteItem(b -> b.tableName(TABLE).key(key("delete", "me"))).hasAttributes()).isFalse();
  }

  @Test
  void itemCountFollowsWrites() {
    String table = Endpoint.uniqueTableName("count");
    client.createTable(TablesIT.users(table).build());
    for (int i = 0; i < 3; i++) {
      String last = "n" + i;
      client.putItem(b -> b.tableName(table).item(key("c", last)));
    }
    client.deleteItem(b -> b.tableName(table).key(key("c", "n0")));
    assertThat(client.describeTable(b -> b.tableName(table)).table().itemCount()).isEqualTo(2);
    client.deleteTable(b -> b.tableName(table));
  }

  @Test
  void consumedCapacity() {
    var put = client.putItem(b -> b.tableName(TABLE).item(key("cap", "x"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(put.consumedCapacity().tableName()).isEqualTo(TABLE);
    var get = client.getItem(b -> b.tableName(TABLE).key(key("cap", "x"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(get.consumedCapacity().capacityUnits()).isEqualTo(0.5);
  }

  @Test
  void keyErrors() {
    assertValidation(
        () -> client.putItem(b -> b.tableName(TABLE).item(Map.of("username", AttributeValue.fromS("a")))),
        "One or more parameter values were invalid: Missing the key last_name in the item");
    assertValidation(
        () -> client.getItem(b -> b.tableName(TABLE).key(Map.of("username", AttributeValue.fromS("a")))),
        "The provided key element does not match the schema");
    assertValidation(
        () -> client.putItem(b -> b.tableName(TABLE).item(key("", "x"))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
            + " contain an empty string value. Key: username");
    assertValidation(
        () -> client.putItem(b -> b.tableName(TABLE).item(key("x".repeat(2049), "x"))),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size"
            + " limit of2048 bytes");
  }

  @Test
  void valueErrors() {
    Map<String, AttributeValue> badNumber = key("bad", "n");
    badNumber.put("n", AttributeValue.fromN("1" + "0".repeat(38) + "1"));
    assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(badNumber)))
        .hasMessageContaining("Attempting to store more than 38 significant digits in a Number");
    Map<String, AttributeValue> tooBig = key("bad", "size");
    tooBig.put("v", AttributeValue.fromS("x".repeat(400 * 1024)));
    assertValidation(
        () -> client.putItem(b -> b.tableName(TABLE).item(tooBig)),
        "Item size has exceeded the maximum allowed size");
    assertThat(client.getItem(b -> b.tableName(TABLE).key(key("bad", "size"))).hasItem()).isFalse();
  }

  @Test
  void missingTable() {
    assertThatThrownBy(() -> client.getItem(b -> b.tableName("no-such-table").key(key("a", "b"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found");
  }
}
