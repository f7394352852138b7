package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.ErrorType;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexBackfillTest {
  private static final int ITEMS = 3000;
  private static final String CREATE_GSI =
      "{'TableName':'big','AttributeDefinitions':[{'AttributeName':'color','AttributeType':'S'}],"
          + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byColor','KeySchema':["
          + "{'AttributeName':'color','KeyType':'HASH'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['n']}}}]}";

  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  private void createTable() {
    db.call("CreateTable", "{'TableName':'big','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
  }

  private void write(int i) {
    int kind = ThreadLocalRandom.current().nextInt(4);
    String key = "{'pk':{'S':'k" + i + "'}}";
    switch (kind) {
      case 0 -> db.call("DeleteItem", "{'TableName':'big','Key':" + key + "}");
      case 1 -> db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'k" + i + "'},'n':{'N':'" + i + "'}}}");
      default -> db.call("UpdateItem", "{'TableName':'big','Key':" + key + ",'UpdateExpression':'SET color = :c, n = :n',"
          + "'ExpressionAttributeValues':{':c':{'S':'c" + ThreadLocalRandom.current().nextInt(7) + "'},':n':{'N':'"
          + ThreadLocalRandom.current().nextInt(1000) + "'}}}");
    }
  }

  private String indexStatus() {
    Matcher m = Pattern.compile("\"IndexStatus\":\"([A-Z]+)\"").matcher(db.call("DescribeTable", "{'TableName':'big'}"));
    return m.find() ? m.group(1) : "GONE";
  }

  /** Every page of a scan, as one string per item. */
  private Set<String> scanAll(String extra) {
    Set<String> out = new TreeSet<>();
    String start = "";
    while (true) {
      String page = db.call("Scan", "{'TableName':'big'" + extra + start + "}");
      String items = page.substring(0, page.indexOf("\"Count\""));
      for (String one : items.substring(items.indexOf('[') + 1, items.lastIndexOf(']')).split("\\},\\{\"pk\"")) {
        if (!one.isBlank()) {
          out.add(normalize(one));
        }
      }
      int at = page.indexOf("\"LastEvaluatedKey\":");
      if (at < 0) {
        return out;
      }
      String lek = page.substring(at + "\"LastEvaluatedKey\":".length(), page.length() - 1);
      start = ",'ExclusiveStartKey':" + lek.replace('"', '\'');
    }
  }

  /** One item's attributes in name order, whatever order the JSON had them in. */
  private static String normalize(String item) {
    String body = item.startsWith("{") ? item.substring(1) : item;
    body = body.startsWith("\"pk\"") ? body : "\"pk\"" + body;
    body = body.endsWith("}}") ? body.substring(0, body.length() - 1) : body;
    List<String> parts = new ArrayList<>(List.of(body.split(",(?=\")")));
    parts.sort(null);
    return String.join(",", parts);
  }

  @Test
  void backfillUnderConcurrentWritesMatchesTheTable() throws Exception {
    createTable();
    for (int i = 0; i < ITEMS; i++) {
      db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'k" + i + "'},'color':{'S':'c" + (i % 7) + "'},"
          + "'n':{'N':'" + i + "'},'other':{'S':'x'}}}");
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      writers.add(Thread.ofPlatform().start(() -> {
        while (!stop.get()) {
          write(ThreadLocalRandom.current().nextInt(ITEMS));
        }
      }));
    }
    Thread.sleep(20);
    String response = db.call("UpdateTable", CREATE_GSI);
    assertThat(response).contains("\"IndexName\":\"byColor\"").contains("\"IndexStatus\":\"CREATING\"");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!indexStatus().equals("ACTIVE") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(20);
    stop.set(true);
    for (Thread t : writers) {
      t.join();
    }
    assertThat(indexStatus()).isEqualTo("ACTIVE");

    Set<String> expected = new TreeSet<>();
    for (String item : scanAll("")) {
      if (item.contains("\"color\"")) {
        expected.add(String.join(",", List.of(item.split(",(?=\")")).stream()
            .filter(p -> !p.startsWith("\"other\"")).toList()));
      }
    }
    assertThat(expected.size()).isGreaterThan(ITEMS / 4);
    Set<String> entries = scanAll(",'IndexName':'byColor','Limit':250");
    assertThat(entries).hasSize(expected.size()).isEqualTo(expected);
    assertThat(db.call("DescribeTable", "{'TableName':'big'}")).contains("\"ItemCount\":" + expected.size() + ",\"IndexArn\"");
  }

  @Test
  void createAndDeleteAnIndexOfAnExistingTable() throws Exception {
    createTable();
    db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'a'},'color':{'S':'red'}}}");
    db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'b'},'color':{'N':'1'}}}");
    db.call("UpdateTable", CREATE_GSI);
    while (!indexStatus().equals("ACTIVE")) {
      Thread.sleep(5);
    }
    // The item whose color had another type was left out, as DynamoDB does.
    assertThat(db.call("Scan", "{'TableName':'big','IndexName':'byColor','Select':'COUNT'}")).isEqualTo("{\"Count\":1,\"ScannedCount\":1}");
    assertThat(db.call("DescribeTable", "{'TableName':'big'}"))
        .contains("\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"color\",\"AttributeType\":\"S\"}]");
    assertError(() -> db.call("UpdateTable", CREATE_GSI), ErrorType.VALIDATION,
        "Attempting to create an index which already exists");
    assertError(() -> db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'c'},'color':{'N':'1'}}}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Type mismatch for Index Key color Expected: S Actual: N IndexName: byColor");
    assertError(() -> db.call("UpdateTable", "{'TableName':'big','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byColor'}},"
        + "{'Delete':{'IndexName':'other'}}]}"), ErrorType.LIMIT_EXCEEDED,
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    // An on-demand table's indexes take no provisioned throughput, in an Update or in a Create.
    assertError(() -> db.call("UpdateTable", "{'TableName':'big','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byColor',"
            + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: The only Updates for index: byColor when TableThroughputMode is PAY_PER_REQUEST"
            + " can be to OnDemandThroughput, WarmThroughput");
    assertError(() -> db.call("UpdateTable", "{'TableName':'big','AttributeDefinitions':[{'AttributeName':'n','AttributeType':'N'}],"
            + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byN','KeySchema':[{'AttributeName':'n','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
            + " specified for index: byN when BillingMode is PAY_PER_REQUEST");
    // Its on-demand and warm throughput are taken, without effect yet.
    db.call("UpdateTable", "{'TableName':'big','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byColor',"
        + "'OnDemandThroughput':{'MaxReadRequestUnits':100}}}]}");
    assertError(() -> db.call("UpdateTable", "{'TableName':'big','GlobalSecondaryIndexUpdates':[]}"), ErrorType.VALIDATION,
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification,"
            + " ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled,"
            + " OnDemandThroughput, WarmThroughput or TableClass is required");

    db.call("UpdateTable", "{'TableName':'big','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byColor'}}]}");
    while (!indexStatus().equals("GONE")) {
      Thread.sleep(5);
    }
    assertError(() -> db.call("Scan", "{'TableName':'big','IndexName':'byColor'}"), ErrorType.VALIDATION,
        "The table does not have the specified index: byColor");
    assertError(() -> db.call("UpdateTable", "{'TableName':'big','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byColor'}}]}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Index byColor for table big");
    // Without the index, any type is welcome again, and the definition is gone.
    db.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'c'},'color':{'N':'1'}}}");
    assertThat(db.call("DescribeTable", "{'TableName':'big'}"))
        .contains("\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]");
  }

  @Test
  void provisionedIndexesAndTheirThroughput() throws Exception {
    db.call("CreateTable", "{'TableName':'prov','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'},"
        + "{'AttributeName':'g','AttributeType':'S'},{'AttributeName':'l','AttributeType':'N'}],"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5},"
        + "'LocalSecondaryIndexes':[{'IndexName':'byL','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'l','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':2,'WriteCapacityUnits':3}}]}");
    db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG',"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':3}}}]}");
    assertThat(db.call("DescribeTable", "{'TableName':'prov'}"))
        .contains("\"IndexStatus\":\"ACTIVE\",\"ProvisionedThroughput\":{\"LastIncreaseDateTime\":1767225600.000,"
            + "\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":7,\"WriteCapacityUnits\":3}");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],"
            + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byH','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'}}}]}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: byH");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','AttributeDefinitions':[{'AttributeName':'l','AttributeType':'S'}],"
            + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byH','KeySchema':[{'AttributeName':'l','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Attributes cannot be redefined. Please check that your"
            + " attribute has the same type as previously defined. Existing schema: Schema:[SchemaElement: key{l:N:RANGE}]"
            + " New schema: Schema:[SchemaElement: key{l:S:HASH}]");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byH',"
            + "'KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
            + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: AttributeDefinitions is not specified for index: byH");
    // Not confirmed: DynamoDB's words for an Update that leaves out the throughput of a provisioned table's index.
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG'}}]}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: ProvisionedThroughput must be specified for index: byG");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byL'}}]}"),
        ErrorType.VALIDATION, "Cannot delete an index that is not a GlobalSecondaryIndex: byL");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byL',"
            + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"),
        ErrorType.VALIDATION, "Cannot update an index that is not a GlobalSecondaryIndex: byL");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'ghost',"
            + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Index ghost for table prov");
    // A local index's name is taken as well.
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],"
            + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byL','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"),
        ErrorType.VALIDATION, "Attempting to create an index which already exists");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{}]}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
            + " GlobalSecondaryIndexUpdate.Delete must not be null");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG',"
            + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}},'Delete':{'IndexName':'byG'}}]}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Only one global secondary index action is allowed per"
            + " GlobalSecondaryIndexUpdate object");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byG'}},"
            + "{'Update':{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Only one global secondary index update per index is"
            + " allowed simultaneously. Index: byG");
  }

  @Test
  void aBackfillCutShortByACrashResumesAtStartUp() throws Exception {
    MemoryStore memory = new MemoryStore();
    Store store = new Store() {
      @Override public byte[] get(Keyspace keyspace, byte[] key) { return memory.get(keyspace, key); }
      @Override public EntryIterator scan(Keyspace k, byte[] from, byte[] to, boolean reverse) { return memory.scan(k, from, to, reverse); }
      @Override public void write(WriteBatch batch) { memory.write(batch); }
      @Override public Snapshot snapshot() { return memory.snapshot(); }
      @Override public void close() {}
    };
    try (EngineFixture first = new EngineFixture(store, Duration.ZERO)) {
      first.call("CreateTable", "{'TableName':'big','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
          + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'color','AttributeType':'S'}],"
          + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'byColor','KeySchema':["
          + "{'AttributeName':'color','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
      for (int i = 0; i < 50; i++) {
        first.call("PutItem", "{'TableName':'big','Item':{'pk':{'S':'k" + i + "'},'color':{'S':'c" + (i % 3) + "'}}}");
      }
    }
    // The state a crash right after UpdateTable's Create leaves: the index CREATING, no entries yet.
    Catalog catalog = new Catalog(store, java.time.Clock.systemUTC(), id -> {});
    TableDefinition table = catalog.find("us-east-1", "big");
    catalog.update(table.withIndexes(table.attributeDefinitions(),
        List.of(table.indexes().get(0).withStatus(IndexDefinition.IndexStatus.CREATING))));
    WriteBatch wipe = new WriteBatch();
    try (EntryIterator it = store.scan(Keyspace.INDEXES, new byte[0], null, false)) {
      while (it.next()) {
        wipe.delete(Keyspace.INDEXES, it.key());
      }
    }
    store.write(wipe);

    try (EngineFixture second = new EngineFixture(store, Duration.ZERO)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!second.call("DescribeTable", "{'TableName':'big'}").contains("\"IndexStatus\":\"ACTIVE\"")
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(second.call("DescribeTable", "{'TableName':'big'}")).contains("\"IndexStatus\":\"ACTIVE\"")
          .contains("\"ItemCount\":50,\"IndexArn\"");
      assertThat(second.call("Query", "{'TableName':'big','IndexName':'byColor','KeyConditionExpression':'color = :c',"
          + "'ExpressionAttributeValues':{':c':{'S':'c1'}},'Select':'COUNT'}")).isEqualTo("{\"Count\":17,\"ScannedCount\":17}");
    }
  }
}
