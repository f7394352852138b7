package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The bank of the money-transfer stories: accounts that all open with the same balance, and a
 * table with one record per transfer that went through. A transfer is one TransactWriteItems:
 * take the amount from an account that has it, give it to another, and write the transfer's
 * record, which must not exist yet, so no transfer is ever applied twice.
 *
 * <p>Its books balance when the accounts hold what they opened with in total, and each
 * account holds its opening balance plus what the records say came in, minus what went out.
 */
final class Bank {
  static final int OPENING_BALANCE = 1_000;

  /** TransactGetItems reads at most 100 items, and the total must be read in one snapshot. */
  private static final int MAX_ACCOUNTS = 100;

  /** One transfer, with the ClientRequestToken its client sends it with (and re-sends it with). */
  record Transfer(String id, String token, String from, String to, int amount) {}

  private final String accounts;
  private final String transfers;
  private final List<String> names = new ArrayList<>();

  Bank(String name, int accounts) {
    if (accounts < 2 || accounts > MAX_ACCOUNTS) {
      throw new IllegalArgumentException("between 2 and 100 accounts");
    }
    this.accounts = name + "-accounts";
    this.transfers = name + "-transfers";
    for (int i = 0; i < accounts; i++) {
      names.add(String.format("account-%03d", i));
    }
  }

  int size() {
    return names.size();
  }

  long expectedTotal() {
    return (long) OPENING_BALANCE * names.size();
  }

  private static Map<String, AttributeValue> id(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  /** Creates both tables and opens every account. */
  void open(DynamoDbClient client) {
    for (String table : List.of(accounts, transfers)) {
      client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder()
              .attributeName("id").attributeType(ScalarAttributeType.S).build()));
      client.waiter().waitUntilTableExists(b -> b.tableName(table));
    }
    List<WriteRequest> batch = new ArrayList<>();
    for (String name : names) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
          "id", AttributeValue.fromS(name),
          "balance", AttributeValue.fromN(Integer.toString(OPENING_BALANCE)))).build()).build());
      if (batch.size() == 25 || name.equals(names.get(names.size() - 1))) {
        List<WriteRequest> requests = List.copyOf(batch);
        assertThat(client.batchWriteItem(b -> b.requestItems(Map.of(accounts, requests)))
            .unprocessedItems()).isEmpty();
        batch.clear();
      }
    }
  }

  void close(DynamoDbClient client) {
    client.deleteTable(b -> b.tableName(accounts));
    client.deleteTable(b -> b.tableName(transfers));
  }

  /** A transfer of up to 400 between two different accounts, with a fresh token. */
  Transfer randomTransfer(String id, Random random) {
    int from = random.nextInt(names.size());
    int to = (from + 1 + random.nextInt(names.size() - 1)) % names.size();
    return new Transfer(
        id, UUID.randomUUID().toString(), names.get(from), names.get(to), 1 + random.nextInt(400));
  }

  /**
   * The request that applies {@code t}. Its actions: the debit (cancelled with
   * ConditionalCheckFailed when the account has less than the amount), the credit, the record.
   */
  TransactWriteItemsRequest request(Transfer t) {
    Map<String, AttributeValue> amount = Map.of(":amount", AttributeValue.fromN(Integer.toString(t.amount())));
    return TransactWriteItemsRequest.builder()
        .clientRequestToken(t.token())
        .transactItems(
            TransactWriteItem.builder().update(u -> u.tableName(accounts).key(id(t.from()))
                .updateExpression("SET balance = balance - :amount")
                .conditionExpression("balance >= :amount")
                .expressionAttributeValues(amount)).build(),
            TransactWriteItem.builder().update(u -> u.tableName(accounts).key(id(t.to()))
                .updateExpression("SET balance = balance + :amount")
                .expressionAttributeValues(amount)).build(),
            TransactWriteItem.builder().put(p -> p.tableName(transfers).item(Map.of(
                    "id", AttributeValue.fromS(t.id()),
                    "from", AttributeValue.fromS(t.from()),
                    "to", AttributeValue.fromS(t.to()),
                    "amount", AttributeValue.fromN(Integer.toString(t.amount()))))
                .conditionExpression("attribute_not_exists(id)")).build())
        .build();
  }

  String account(int i) {
    return names.get(i);
  }

  /**
   * A plain UpdateItem beside the transfers: counts a visit to the account and leaves its
   * balance alone. A transaction that wrote back an older copy of the account would lose it.
   */
  void visit(DynamoDbClient client, String account) {
    client.updateItem(b -> b.tableName(accounts).key(id(account))
        .updateExpression("SET visits = if_not_exists(visits, :zero) + :one")
        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"))));
  }

  /** The visits each account has had, by account. */
  Map<String, Long> visits(DynamoDbClient client) {
    Map<String, Long> visits = new HashMap<>();
    client.scanPaginator(b -> b.tableName(accounts).consistentRead(true)).items().forEach(item ->
        visits.put(item.get("id").s(), item.containsKey("visits") ? Long.parseLong(item.get("visits").n()) : 0L));
    return visits;
  }

  /** Index of the record's action in {@link #request}: a failed condition there is a double apply. */
  static final int RECORD_ACTION = 2;

  /** Every account's balance, read in one TransactGetItems: one moment of the bank. */
  Map<String, Long> balances(DynamoDbClient client) {
    List<TransactGetItem> gets = new ArrayList<>();
    for (String name : names) {
      gets.add(TransactGetItem.builder().get(g -> g.tableName(accounts).key(id(name))
          .projectionExpression("balance")).build());
    }
    List<ItemResponse> responses = client.transactGetItems(b -> b.transactItems(gets)).responses();
    Map<String, Long> balances = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      balances.put(names.get(i), Long.parseLong(responses.get(i).item().get("balance").n()));
    }
    return balances;
  }

  /**
   * Reads every balance in one snapshot, as the stories' readers do while transfers run, and
   * adds to {@code problems} when the total is not what the accounts opened with.
   */
  void checkTotal(DynamoDbClient client, Queue<String> problems) {
    long total = total(balances(client));
    if (total != expectedTotal()) {
      problems.add("a snapshot read a total of " + total);
    }
  }

  static long total(Map<String, Long> balances) {
    return balances.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The record of every transfer that went through, by transfer id. */
  Map<String, Transfer> records(DynamoDbClient client) {
    Map<String, Transfer> records = new HashMap<>();
    client.scanPaginator(b -> b.tableName(transfers).consistentRead(true)).items().forEach(item ->
        records.put(item.get("id").s(), new Transfer(
            item.get("id").s(), null, item.get("from").s(), item.get("to").s(),
            Integer.parseInt(item.get("amount").n()))));
    return records;
  }

  boolean recorded(DynamoDbClient client, String transferId) {
    return client.getItem(b -> b.tableName(transfers).key(id(transferId)).consistentRead(true)).hasItem();
  }

  /**
   * Checks that the books balance: the total is what the accounts opened with, and each
   * account's balance is its opening balance plus the records of what came in, minus what went
   * out. A transfer applied twice, half applied, or applied without its record breaks it.
   *
   * @return the records checked
   */
  Map<String, Transfer> assertBooksBalance(DynamoDbClient client) {
    Map<String, Long> balances = balances(client);
    Map<String, Transfer> records = records(client);
    assertThat(total(balances)).as("money in the bank").isEqualTo(expectedTotal());
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String name : names) {
      expected.put(name, (long) OPENING_BALANCE);
    }
    for (Transfer t : records.values()) {
      expected.merge(t.from(), (long) -t.amount(), Long::sum);
      expected.merge(t.to(), (long) t.amount(), Long::sum);
    }
    assertThat(balances).as("balances against the transfer records").isEqualTo(expected);
    assertThat(balances.values()).as("no account overdrawn").allSatisfy(b -> assertThat(b).isNotNegative());
    return records;
  }

  /** The part of a transfer its record keeps (no token), to compare with a record. */
  static Transfer recordOf(Transfer t) {
    return new Transfer(t.id(), null, t.from(), t.to(), t.amount());
  }
}
