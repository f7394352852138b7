package io.tributary.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.item.ItemStore;
import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.Throughput;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumedCapacityTest {
  static final IndexDefinition GSI = index(11, "byCity", true);
  static final IndexDefinition LSI = index(12, "byScore", false);
  static final TableDefinition PEOPLE = table(7, "people", List.of(GSI, LSI));
  static final TableDefinition OTHER = table(8, "other", List.of());

  static IndexDefinition index(long id, String name, boolean global) {
    return new IndexDefinition(
        id, name, global, List.of(new KeyAttribute(global ? "city" : "pk", "S")),
        global ? List.of() : List.of(new KeyAttribute("score", "N")),
        IndexDefinition.ProjectionType.ALL, List.of(),
        global ? Throughput.of(5, 5) : null, IndexDefinition.IndexStatus.ACTIVE);
  }

  static TableDefinition table(long id, String name, List<IndexDefinition> indexes) {
    return new TableDefinition(
        id, "us-east-1", name, "arn:aws:dynamodb:us-east-1:123456789012:table/" + name, "uuid",
        Instant.EPOCH, new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "S")),
        List.of(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "S")),
        BillingMode.PROVISIONED, null, Throughput.of(5, 5), "STANDARD", null, false,
        TableStatus.ACTIVE, null, indexes, null);
  }

  private static String text(Json json) {
    return json == null ? null : new String(JsonWriter.write(json), StandardCharsets.UTF_8);
  }

  @Test
  void readsCostAUnitPer4KbHalvedWhenEventuallyConsistentAndWritesAUnitPerKb() {
    assertThat(ConsumedCapacity.readUnits(0, true)).isEqualTo(1.0);
    assertThat(ConsumedCapacity.readUnits(0, false)).isEqualTo(0.5);
    assertThat(ConsumedCapacity.readUnits(4096, true)).isEqualTo(1.0);
    assertThat(ConsumedCapacity.readUnits(4097, false)).isEqualTo(1.0);
    assertThat(ConsumedCapacity.writeUnits(0)).isEqualTo(1.0);
    assertThat(ConsumedCapacity.writeUnits(1025)).isEqualTo(2.0);
    // An overwrite costs the larger of the two items; a delete the old one.
    assertThat(ConsumedCapacity.write(OTHER, 3000, 10, List.of()).total()).isEqualTo(3.0);
    assertThat(ConsumedCapacity.write(OTHER, 10, 0, List.of()).total()).isEqualTo(1.0);
  }

  @Test
  void answersNothingForNoneTheTotalForTotalAndThePartsForIndexes() {
    ConsumedCapacity get = ConsumedCapacity.read(OTHER, 100, false);
    assertThat(get.toJson(null)).isNull();
    assertThat(get.toJson("NONE")).isNull();
    assertThat(text(get.toJson("TOTAL"))).isEqualTo("{\"TableName\":\"other\",\"CapacityUnits\":0.5}");
    assertThat(text(get.toJson("INDEXES")))
        .isEqualTo("{\"TableName\":\"other\",\"CapacityUnits\":0.5,\"Table\":{\"CapacityUnits\":0.5}}");
  }

  @Test
  void anIndexReadIsTheIndexsAndNotTheTables() {
    assertThat(text(ConsumedCapacity.read(PEOPLE, GSI, 9000, false).toJson("INDEXES")))
        .isEqualTo("{\"TableName\":\"people\",\"CapacityUnits\":1.5,\"Table\":{\"CapacityUnits\":0.0},"
            + "\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":1.5}}}");
    assertThat(text(ConsumedCapacity.read(PEOPLE, LSI, 10, true).toJson("INDEXES")))
        .isEqualTo("{\"TableName\":\"people\",\"CapacityUnits\":1.0,\"Table\":{\"CapacityUnits\":0.0},"
            + "\"LocalSecondaryIndexes\":{\"byScore\":{\"CapacityUnits\":1.0}}}");
    assertThat(ConsumedCapacity.read(PEOPLE, null, 10, true))
        .isEqualTo(ConsumedCapacity.read(PEOPLE, 10, true));
  }

  @Test
  void aWriteCountsEachIndexEntryPutOrDeleted() {
    // The GSI entry moved (one deleted, one put); the LSI entry was rewritten once at 1.5 KB.
    ConsumedCapacity put =
        ConsumedCapacity.write(PEOPLE, 100, 200, List.of(
            new ItemStore.IndexWrite(GSI, List.of(50L, 60L)),
            new ItemStore.IndexWrite(LSI, List.of(1500L))));
    assertThat(put.total()).isEqualTo(5.0);
    assertThat(text(put.toJson("TOTAL"))).isEqualTo("{\"TableName\":\"people\",\"CapacityUnits\":5.0}");
    assertThat(text(put.toJson("INDEXES")))
        .isEqualTo("{\"TableName\":\"people\",\"CapacityUnits\":5.0,\"Table\":{\"CapacityUnits\":1.0},"
            + "\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":2.0}},"
            + "\"LocalSecondaryIndexes\":{\"byScore\":{\"CapacityUnits\":2.0}}}");
  }

  @Test
  void aTransactionDoublesTheTablesUnitsAndSaysWhetherTheyAreReadsOrWrites() {
    ConsumedCapacity write =
        ConsumedCapacity.write(PEOPLE, 0, 1500, List.of(new ItemStore.IndexWrite(GSI, List.of(40L))))
            .inTransaction();
    assertThat(text(write.toJson("TOTAL")))
        .isEqualTo("{\"TableName\":\"people\",\"CapacityUnits\":5.0,\"WriteCapacityUnits\":5.0}");
    assertThat(text(write.toJson("INDEXES")))
        .isEqualTo("{\"TableName\":\"people\",\"CapacityUnits\":5.0,\"WriteCapacityUnits\":5.0,"
            + "\"Table\":{\"CapacityUnits\":4.0,\"WriteCapacityUnits\":4.0},"
            + "\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0}}}");
    assertThat(text(ConsumedCapacity.read(OTHER, 5000, true).inTransaction().toJson("INDEXES")))
        .isEqualTo("{\"TableName\":\"other\",\"CapacityUnits\":4.0,\"ReadCapacityUnits\":4.0,"
            + "\"Table\":{\"CapacityUnits\":4.0,\"ReadCapacityUnits\":4.0}}");
    // A ConditionCheck is billed as a write of the item it read.
    assertThat(ConsumedCapacity.conditionCheck(OTHER, 2048).inTransaction().total()).isEqualTo(4.0);
    assertThat(ConsumedCapacity.conditionCheck(OTHER, 2048).operation()).isEqualTo(Operation.WRITE);
  }

  @Test
  void unitsAddUpByTableInTheOrderTablesFirstCome() {
    List<ConsumedCapacity> perTable = ConsumedCapacity.perTable(List.of(
        ConsumedCapacity.write(PEOPLE, 0, 10, List.of(new ItemStore.IndexWrite(GSI, List.of(10L)))),
        ConsumedCapacity.write(OTHER, 0, 10, List.of()),
        ConsumedCapacity.write(PEOPLE, 0, 2000, List.of(new ItemStore.IndexWrite(GSI, List.of(10L, 10L))))));
    assertThat(perTable).extracting(c -> c.tableDefinition().name()).containsExactly("people", "other");
    assertThat(perTable.get(0).table()).isEqualTo(3.0);
    assertThat(perTable.get(0).globalSecondaryIndexes()).containsEntry("byCity", 3.0);
    assertThat(text(ConsumedCapacity.toJson("TOTAL", perTable)))
        .isEqualTo("[{\"TableName\":\"people\",\"CapacityUnits\":6.0},{\"TableName\":\"other\",\"CapacityUnits\":1.0}]");
    assertThat(ConsumedCapacity.toJson("NONE", perTable)).isNull();
    assertThatThrownBy(() -> perTable.get(0).plus(perTable.get(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
