package io.tributary.engine.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.storage.WriteBatch;
import io.tributary.storage.memory.MemoryStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a write meets while a transaction holds its item: the transaction's ItemWrites run while
 * it holds its items, so a write started from inside one collides with it deterministically.
 */
class ItemStoreTransactionTest {
  private final ItemStore items = new ItemStore(new MemoryStore(), new TableStatistics());
  private final TableDefinition table =
      new TableDefinition(
          7, "us-east-1", "t", "arn", "uuid", Instant.EPOCH,
          new KeySchema(new KeyAttribute("id", "S"), null),
          List.of(new KeyAttribute("id", "S")),
          BillingMode.PAY_PER_REQUEST, Instant.EPOCH, null, "STANDARD", null, false,
          TableStatus.ACTIVE, null, List.of(), null);

  private static PrimaryKey key(String id) {
    return new PrimaryKey(new AttributeValue.S(id), null);
  }

  private static Map<String, AttributeValue> item(String id, String v) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("id", new AttributeValue.S(id));
    m.put("v", new AttributeValue.S(v));
    return m;
  }

  @Test
  void aSingleWriteToAHeldItemIsATransactionConflict() {
    ItemWrite collide =
        old -> {
          assertThatThrownBy(() -> items.write(table, key("a"), o -> item("a", "plain")))
              .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.type()).isEqualTo(ErrorType.TRANSACTION_CONFLICT);
                assertThat(e.getMessage()).isEqualTo("Transaction is ongoing for the item");
              });
          // An item the transaction does not hold is free to write.
          items.write(table, key("free"), o -> item("free", "plain"));
          return item("a", "transaction");
        };
    items.transact(List.of(new ItemStore.Mutation(table, key("a"), collide)), new WriteBatch());
    assertThat(items.get(table, key("a")).get("v")).isEqualTo(new AttributeValue.S("transaction"));
    assertThat(items.get(table, key("free"))).isNotNull();
    // Released once written: a plain write goes through again.
    items.write(table, key("a"), o -> item("a", "after"));
  }

  @Test
  void anotherTransactionOnAHeldItemIsCancelledWithTransactionConflict() {
    ItemWrite nested =
        old -> {
          assertThatThrownBy(
                  () ->
                      items.transact(
                          List.of(
                              new ItemStore.Mutation(table, key("b"), o -> item("b", "x")),
                              new ItemStore.Mutation(table, key("a"), o -> item("a", "x"))),
                          new WriteBatch()))
              .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.type()).isEqualTo(ErrorType.TRANSACTION_CANCELED);
                assertThat(e.getMessage()).endsWith("[None, TransactionConflict]");
              });
          return item("a", "outer");
        };
    items.transact(List.of(new ItemStore.Mutation(table, key("a"), nested)), new WriteBatch());
    // The cancelled transaction wrote nothing and let "b" go.
    assertThat(items.get(table, key("b"))).isNull();
    items.write(table, key("b"), o -> item("b", "after"));
  }

  @Test
  void aFailedConditionWritesNothingAndReleasesEveryItem() {
    assertThatThrownBy(
            () ->
                items.transact(
                    List.of(
                        new ItemStore.Mutation(table, key("c"), o -> item("c", "x")),
                        new ItemStore.Mutation(
                            table,
                            key("d"),
                            o -> {
                              throw DynamoDbException.conditionalCheckFailed(
                                  "The conditional request failed", null);
                            })),
                    new WriteBatch()))
        .hasMessageEndingWith("[None, ConditionalCheckFailed]");
    assertThat(items.get(table, key("c"))).isNull();
    items.write(table, key("c"), o -> item("c", "after"));
    items.write(table, key("d"), o -> item("d", "after"));
  }
}
