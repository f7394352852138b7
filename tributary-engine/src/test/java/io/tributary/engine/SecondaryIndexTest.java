package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecondaryIndexTest {
  private static final String DEFS =
      "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
          + "{'AttributeName':'sk','AttributeType':'S'},{'AttributeName':'score','AttributeType':'N'},"
          + "{'AttributeName':'city','AttributeType':'S'}]";
  private static final String KEY =
      "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]";
  private static final String LSI =
      "'LocalSecondaryIndexes':[{'IndexName':'byScore','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
          + "{'AttributeName':'score','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]";
  private static final String GSI =
      "'GlobalSecondaryIndexes':[{'IndexName':'byCity','KeySchema':[{'AttributeName':'city','KeyType':'HASH'},"
          + "{'AttributeName':'score','KeyType':'RANGE'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['name']}}]";

  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  private String create(String extra) {
    return db.call("CreateTable", "{'TableName':'people'," + KEY + "," + DEFS + ",'BillingMode':'PAY_PER_REQUEST'," + extra + "}");
  }

  private void put(String pk, String sk, String rest) {
    db.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'" + pk + "'},'sk':{'S':'" + sk + "'}" + rest + "}}");
  }

  @Test
  void describesIndexes() {
    String created = create(LSI + "," + GSI);
    assertThat(created)
        .contains("\"LocalSecondaryIndexes\":[{\"IndexName\":\"byScore\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
            + "{\"AttributeName\":\"score\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"},"
            + "\"IndexSizeBytes\":0,\"ItemCount\":0,\"IndexArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/people/index/byScore\"}]")
        .contains("\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byCity\"")
        .contains("\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"name\"]},\"IndexStatus\":\"ACTIVE\","
            + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0}");
    put("p", "1", ",'score':{'N':'5'},'city':{'S':'Oslo'},'name':{'S':'Ann'},'age':{'N':'40'}");
    String described = db.call("DescribeTable", "{'TableName':'people'}");
    // The sizes of the items and entries themselves (pk 3 + sk 3 + score 7 for the local entry,
    // + city 8 + name 7 for the global one): DynamoDB's 100 bytes of overhead per index item are
    // counted for storage billing, not in IndexSizeBytes, as TableSizeBytes leaves out its own.
    assertThat(described).contains("\"TableSizeBytes\":33,\"ItemCount\":1,")
        .contains("\"IndexSizeBytes\":13,\"ItemCount\":1,\"IndexArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/people/index/byScore\"")
        .contains("\"IndexSizeBytes\":28,\"ItemCount\":1,\"IndexArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/people/index/byCity\"");
  }

  @Test
  void createTableValidation() {
    assertError(() -> create("'GlobalSecondaryIndexes':[]"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
    assertError(() -> db.call("CreateTable", "{'TableName':'tt1','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
            + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'score','AttributeType':'N'}],"
            + "'BillingMode':'PAY_PER_REQUEST'," + LSI + "}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when"
            + " specifying a LocalSecondaryIndex");
    assertError(() -> create("'GlobalSecondaryIndexes':[{'IndexName':'byCity','KeySchema':[{'AttributeName':'city','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'}}]"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions:"
            + " [pk, sk, score, city], keys used: [pk, sk, city]");
    assertError(() -> create("'GlobalSecondaryIndexes':[{'IndexName':'gg1','KeySchema':[{'AttributeName':'nope','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'}}]"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions."
            + " Keys: [nope], AttributeDefinitions: [pk, sk, score, city]");
    assertError(() -> create(LSI.replace("'pk','KeyType':'HASH'},{'AttributeName':'score'", "'city','KeyType':'HASH'},{'AttributeName':'score'")
            + "," + GSI), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table"
            + " KeySchema for index: byScore. index hash key: city, table hash key: pk");
    assertError(() -> create(GSI.replace("'INCLUDE','NonKeyAttributes':['name']", "'ALL','NonKeyAttributes':['name']") + "," + LSI),
        ErrorType.VALIDATION, "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified");
    assertError(() -> create(GSI.replace(",'NonKeyAttributes':['name']", "") + "," + LSI),
        ErrorType.VALIDATION, "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    assertError(() -> create(GSI.replace("byCity", "byScore") + "," + LSI), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Duplicate index name: byScore");
    assertError(() -> create(GSI.replace("'Projection'", "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},'Projection'") + "," + LSI),
        ErrorType.VALIDATION, "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index:"
            + " byCity when BillingMode is PAY_PER_REQUEST");
    assertError(() -> db.call("CreateTable", "{'TableName':'tt1'," + KEY + "," + DEFS + ",'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
            + LSI + "," + GSI + "}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: ProvisionedThroughput is not specified for index: byCity");
    assertError(() -> create(LSI + ",'GlobalSecondaryIndexes':[{'IndexName':'multi','KeySchema':["
            + "{'AttributeName':'city','KeyType':'RANGE'},{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'}}]"), ErrorType.VALIDATION,
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    assertError(() -> create(LSI + ",'GlobalSecondaryIndexes':[{'IndexName':'multi','KeySchema':["
            + "{'AttributeName':'city','KeyType':'HASH'},{'AttributeName':'pk','KeyType':'RANGE'},{'AttributeName':'sk','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'ALL'}}]"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema");
  }

  @Test
  void projectedAttributesAreLimitedAcrossIndexes() {
    StringBuilder indexes = new StringBuilder("'GlobalSecondaryIndexes':[");
    for (int i = 0; i < 6; i++) {
      StringBuilder names = new StringBuilder();
      for (int n = 0; n < 17; n++) {
        names.append(n == 0 ? "" : ",").append("'a").append(n).append("'");
      }
      indexes.append(i == 0 ? "" : ",").append("{'IndexName':'g").append(i).append("xx','KeySchema':[{'AttributeName':'city','KeyType':'HASH'},"
          + "{'AttributeName':'score','KeyType':'RANGE'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':[").append(names).append("]}}");
    }
    assertError(() -> create(LSI + "," + indexes + "]"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: The number of projected attributes in all indexes exceeds the limit of 100, provided: 102");
  }

  @Test
  void indexLimits() {
    StringBuilder many = new StringBuilder("'GlobalSecondaryIndexes':[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("{'IndexName':'g").append(i).append("xx','KeySchema':[{'AttributeName':'city','KeyType':'HASH'},"
          + "{'AttributeName':'score','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}");
    }
    assertError(() -> create(LSI + "," + many + "]"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
    // The same limit reached through UpdateTable is a LimitExceededException.
    create(LSI + "," + many.substring(0, many.lastIndexOf(",{'IndexName':'g20xx'")) + "]");
    assertError(() -> db.call("UpdateTable", "{'TableName':'people','AttributeDefinitions':[{'AttributeName':'city','AttributeType':'S'}],"
            + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'g20xx','KeySchema':[{'AttributeName':'city','KeyType':'HASH'}],"
            + "'Projection':{'ProjectionType':'KEYS_ONLY'}}}]}"),
        ErrorType.LIMIT_EXCEEDED, "Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of 20");
  }

  @Test
  void maintainsEntriesSparsely() {
    create(LSI + "," + GSI);
    put("p", "1", ",'score':{'N':'5'},'city':{'S':'Oslo'},'name':{'S':'Ann'},'age':{'N':'40'}");
    put("p", "2", ",'score':{'N':'3'},'city':{'S':'Oslo'},'name':{'S':'Bob'}");
    put("p", "3", ",'score':{'N':'4'}");
    put("q", "1", ",'city':{'S':'Oslo'},'name':{'S':'Cy'}");
    String byCity = db.call("Query", "{'TableName':'people','IndexName':'byCity','KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}");
    assertThat(byCity).isEqualTo("{\"Items\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"2\"},\"score\":{\"N\":\"3\"},\"city\":{\"S\":\"Oslo\"},\"name\":{\"S\":\"Bob\"}},"
        + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"score\":{\"N\":\"5\"},\"city\":{\"S\":\"Oslo\"},\"name\":{\"S\":\"Ann\"}}],\"Count\":2,\"ScannedCount\":2}");
    // Moving an item within the index and out of it.
    put("p", "2", ",'score':{'N':'9'},'city':{'S':'Oslo'}");
    db.call("UpdateItem", "{'TableName':'people','Key':{'pk':{'S':'p'},'sk':{'S':'1'}},'UpdateExpression':'REMOVE city'}");
    assertThat(db.call("Query", "{'TableName':'people','IndexName':'byCity','KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}"))
        .isEqualTo("{\"Items\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"2\"},\"score\":{\"N\":\"9\"},\"city\":{\"S\":\"Oslo\"}}],\"Count\":1,\"ScannedCount\":1}");
    db.call("DeleteItem", "{'TableName':'people','Key':{'pk':{'S':'p'},'sk':{'S':'2'}}}");
    assertThat(db.call("Scan", "{'TableName':'people','IndexName':'byCity','Select':'COUNT'}"))
        .isEqualTo("{\"Count\":0,\"ScannedCount\":0}");
    assertThat(db.call("Scan", "{'TableName':'people','IndexName':'byScore'}"))
        .isEqualTo("{\"Items\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"3\"},\"score\":{\"N\":\"4\"}},"
            + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"score\":{\"N\":\"5\"}}],\"Count\":2,\"ScannedCount\":2}");
    assertThat(db.call("DescribeTable", "{'TableName':'people'}"))
        .contains("\"IndexSizeBytes\":0,\"ItemCount\":0,\"IndexArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/people/index/byCity\"");
  }

  @Test
  void writesCountIndexCapacity() {
    create(LSI + "," + GSI);
    assertThat(db.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'p'},'sk':{'S':'1'},'score':{'N':'5'},'city':{'S':'Oslo'}},"
        + "'ReturnConsumedCapacity':'INDEXES'}"))
        .isEqualTo("{\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":3.0,\"Table\":{\"CapacityUnits\":1.0},"
            + "\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":1.0}},\"LocalSecondaryIndexes\":{\"byScore\":{\"CapacityUnits\":1.0}}}}");
    // Moving the item in the global index deletes one entry and puts another; the local one is unchanged.
    assertThat(db.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'p'},'sk':{'S':'1'},'score':{'N':'5'},'city':{'S':'Rome'}},"
        + "'ReturnConsumedCapacity':'TOTAL'}"))
        .isEqualTo("{\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":3.0}}");
    assertThat(db.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'p'},'sk':{'S':'1'},'score':{'N':'5'},'city':{'S':'Rome'},'x':{'S':'y'}},"
        + "'ReturnConsumedCapacity':'TOTAL'}"))
        .isEqualTo("{\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":1.0}}");
  }

  @Test
  void refusesWrongIndexKeyTypes() {
    create(LSI + "," + GSI);
    assertError(() -> put("p", "1", ",'score':{'S':'high'}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Type mismatch for Index Key score Expected: N Actual: S IndexName: byCity");
    assertError(() -> put("p", "1", ",'city':{'S':''}"), ErrorType.VALIDATION,
        "One or more parameter values are not valid. A value specified for a secondary index key is not supported."
            + " The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byCity, IndexKey: city");
    // In a batch, one bad item refuses the whole batch before anything is written.
    assertError(() -> db.call("BatchWriteItem", "{'RequestItems':{'people':[{'PutRequest':{'Item':{'pk':{'S':'p'},'sk':{'S':'1'}}}},"
            + "{'PutRequest':{'Item':{'pk':{'S':'p'},'sk':{'S':'2'},'city':{'N':'1'}}}}]}}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Type mismatch for Index Key city Expected: S Actual: N IndexName: byCity");
    assertThat(db.call("Scan", "{'TableName':'people','Select':'COUNT'}")).isEqualTo("{\"Count\":0,\"ScannedCount\":0}");
  }

  @Test
  void queriesIndexesWithSelectRulesAndPages() {
    create(LSI + "," + GSI);
    for (int i = 0; i < 5; i++) {
      put("p", "s" + i, ",'score':{'N':'" + (10 - i) + "'},'city':{'S':'Oslo'},'name':{'S':'n" + i + "'},'age':{'N':'" + i + "'}");
    }
    assertError(() -> db.call("Query", "{'TableName':'people','IndexName':'nope','KeyConditionExpression':'pk = :p',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'}}}"), ErrorType.VALIDATION, "The table does not have the specified index: nope");
    assertError(() -> db.call("Query", "{'TableName':'people','IndexName':'byCity','ConsistentRead':true,'KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}"), ErrorType.VALIDATION, "Consistent reads are not supported on global secondary indexes");
    assertError(() -> db.call("Query", "{'TableName':'people','IndexName':'byCity','Select':'ALL_ATTRIBUTES','KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byCity"
            + " because its projection type is not ALL");
    assertError(() -> db.call("Query", "{'TableName':'people','IndexName':'byCity','KeyConditionExpression':'pk = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'p'}}}"), ErrorType.VALIDATION, "Query condition missed key schema element: city");
    assertError(() -> db.call("Scan", "{'TableName':'people','IndexName':'byCity','ProjectionExpression':'city.x'}"),
        ErrorType.VALIDATION, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: city");
    // An LSI with ALL_ATTRIBUTES reads the rest from the table.
    String all = db.call("Query", "{'TableName':'people','IndexName':'byScore','Select':'ALL_ATTRIBUTES','KeyConditionExpression':'pk = :p AND score < :s',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':s':{'N':'7'}}}");
    assertThat(all).startsWith("{\"Items\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s4\"},\"score\":{\"N\":\"6\"},\"city\":{\"S\":\"Oslo\"},\"name\":{\"S\":\"n4\"},\"age\":{\"N\":\"4\"}}");
    String projected = db.call("Query", "{'TableName':'people','IndexName':'byScore','KeyConditionExpression':'pk = :p AND score = :s',"
        + "'ExpressionAttributeValues':{':p':{'S':'p'},':s':{'N':'7'}}}");
    assertThat(projected).isEqualTo("{\"Items\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s3\"},\"score\":{\"N\":\"7\"}}],\"Count\":1,\"ScannedCount\":1}");
    // Pages: LastEvaluatedKey holds the table key and the index key.
    String first = db.call("Query", "{'TableName':'people','IndexName':'byCity','Limit':2,'ScanIndexForward':false,'KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}");
    assertThat(first).endsWith("\"Count\":2,\"ScannedCount\":2,\"LastEvaluatedKey\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s1\"},\"city\":{\"S\":\"Oslo\"},\"score\":{\"N\":\"9\"}}}");
    String second = db.call("Query", "{'TableName':'people','IndexName':'byCity','ScanIndexForward':false,'KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}},'ExclusiveStartKey':{'pk':{'S':'p'},'sk':{'S':'s1'},'city':{'S':'Oslo'},'score':{'N':'9'}}}");
    assertThat(second).contains("\"Count\":3").containsSubsequence("\"s2\"", "\"s3\"", "\"s4\"");
    assertError(() -> db.call("Query", "{'TableName':'people','IndexName':'byCity','KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}},'ExclusiveStartKey':{'pk':{'S':'p'},'sk':{'S':'s1'}}}"),
        ErrorType.VALIDATION, "The provided starting key is invalid");
    assertThat(db.call("Query", "{'TableName':'people','IndexName':'byCity','KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}},'Select':'COUNT','ReturnConsumedCapacity':'INDEXES'}"))
        .isEqualTo("{\"Count\":5,\"ScannedCount\":5,\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":0.5,"
            + "\"Table\":{\"CapacityUnits\":0.0},\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":0.5}}}}");
    assertThat(db.call("Scan", "{'TableName':'people','IndexName':'byScore','Select':'COUNT','ReturnConsumedCapacity':'INDEXES'}"))
        .contains("\"LocalSecondaryIndexes\":{\"byScore\":{\"CapacityUnits\":0.5}}");
    // Parallel scan over the index: the segments together hold every entry once.
    int total = 0;
    for (int segment = 0; segment < 3; segment++) {
      String page = db.call("Scan", "{'TableName':'people','IndexName':'byScore','Segment':" + segment + ",'TotalSegments':3,'Select':'COUNT'}");
      total += Integer.parseInt(page.replaceAll(".*\"Count\":(\\d+).*", "$1"));
    }
    assertThat(total).isEqualTo(5);
  }

  @Test
  void definitionsAndEntriesSurviveARestart() {
    MemoryStore memory = new MemoryStore();
    // The engine closes its store; this one outlives the first engine, as a disk would.
    Store store = new Store() {
      @Override public byte[] get(Keyspace keyspace, byte[] key) { return memory.get(keyspace, key); }
      @Override public EntryIterator scan(Keyspace k, byte[] from, byte[] to, boolean reverse) { return memory.scan(k, from, to, reverse); }
      @Override public void write(WriteBatch batch) { memory.write(batch); }
      @Override public Snapshot snapshot() { return memory.snapshot(); }
      @Override public void close() {}
    };
    try (EngineFixture first = new EngineFixture(store, Duration.ZERO)) {
      first.call("CreateTable", "{'TableName':'people'," + KEY + "," + DEFS + ",'BillingMode':'PAY_PER_REQUEST'," + LSI + "," + GSI + "}");
      first.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'p'},'sk':{'S':'1'},'score':{'N':'1'},'city':{'S':'x'}}}");
    }
    try (EngineFixture second = new EngineFixture(store, Duration.ZERO)) {
      assertThat(second.call("DescribeTable", "{'TableName':'people'}"))
          .contains("\"IndexName\":\"byScore\"")
          .contains("\"IndexSizeBytes\":18,\"ItemCount\":1,\"IndexArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/people/index/byCity\"");
      assertThat(second.call("Query", "{'TableName':'people','IndexName':'byCity','KeyConditionExpression':'city = :c',"
          + "'ExpressionAttributeValues':{':c':{'S':'x'}},'Select':'COUNT'}")).isEqualTo("{\"Count\":1,\"ScannedCount\":1}");
      // A new table's id comes after the indexes' ids: nothing of the first table shows.
      second.call("DeleteTable", "{'TableName':'people'}");
      second.call("CreateTable", "{'TableName':'other'," + KEY + ",'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
          + "{'AttributeName':'sk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
      assertThat(second.call("Scan", "{'TableName':'other','Select':'COUNT'}")).isEqualTo("{\"Count\":0,\"ScannedCount\":0}");
    }
  }

  @Test
  void multiAttributeGlobalIndexKeys() {
    db.call("CreateTable", "{'TableName':'matches','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},{'AttributeName':'tournament','AttributeType':'S'},"
        + "{'AttributeName':'region','AttributeType':'S'},{'AttributeName':'round','AttributeType':'N'},{'AttributeName':'bracket','AttributeType':'S'}],"
        + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{'IndexName':'byTournament','KeySchema':["
        + "{'AttributeName':'tournament','KeyType':'HASH'},{'AttributeName':'region','KeyType':'HASH'},"
        + "{'AttributeName':'round','KeyType':'RANGE'},{'AttributeName':'bracket','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
    String[][] rows = {
      {"m1", "WINTER", "EU", "1", "A"}, {"m2", "WINTER", "EU", "1", "B"}, {"m3", "WINTER", "EU", "2", "A"},
      {"m4", "WINTER", "US", "1", "A"}, {"m5", "SUMMER", "EU", "1", "A"}, {"m6", "WINTER", "EU", "10", "C"},
    };
    for (String[] r : rows) {
      db.call("PutItem", "{'TableName':'matches','Item':{'id':{'S':'" + r[0] + "'},'tournament':{'S':'" + r[1] + "'},'region':{'S':'"
          + r[2] + "'},'round':{'N':'" + r[3] + "'},'bracket':{'S':'" + r[4] + "'}}}");
    }
    db.call("PutItem", "{'TableName':'matches','Item':{'id':{'S':'m7'},'tournament':{'S':'WINTER'},'round':{'N':'1'},'bracket':{'S':'A'}}}");
    assertThat(ids("tournament = :t AND #r = :r", "")).isEqualTo("m1 m2 m3 m6");
    assertThat(ids("tournament = :t AND #r = :r AND round = :one", ",':one':{'N':'1'}")).isEqualTo("m1 m2");
    assertThat(ids("tournament = :t AND #r = :r AND round >= :two", ",':two':{'N':'2'}")).isEqualTo("m3 m6");
    assertThat(ids("tournament = :t AND #r = :r AND round = :one AND bracket > :a", ",':one':{'N':'1'},':a':{'S':'A'}")).isEqualTo("m2");
    assertError(() -> db.call("Query", "{'TableName':'matches','IndexName':'byTournament','KeyConditionExpression':'tournament = :t',"
        + "'ExpressionAttributeValues':{':t':{'S':'WINTER'}}}"), ErrorType.VALIDATION, "Query condition missed key schema element: region");
    assertError(() -> ids("tournament = :t AND #r = :r AND bracket = :a", ",':a':{'S':'A'}"), ErrorType.VALIDATION,
        "Query condition missed key schema element: round");
    assertError(() -> ids("tournament = :t AND #r = :r AND round > :one AND bracket = :a", ",':one':{'N':'1'},':a':{'S':'A'}"),
        ErrorType.VALIDATION, "Query key condition not supported");
    assertThat(db.call("Scan", "{'TableName':'matches','IndexName':'byTournament','Select':'COUNT'}"))
        .isEqualTo("{\"Count\":6,\"ScannedCount\":6}");
    String page = db.call("Query", "{'TableName':'matches','IndexName':'byTournament','Limit':1,'KeyConditionExpression':'tournament = :t AND #r = :r',"
        + "'ExpressionAttributeNames':{'#r':'region'},'ExpressionAttributeValues':{':t':{'S':'WINTER'},':r':{'S':'EU'}}}");
    assertThat(page).contains("\"LastEvaluatedKey\":{\"id\":{\"S\":\"m1\"},\"tournament\":{\"S\":\"WINTER\"},\"region\":{\"S\":\"EU\"},"
        + "\"round\":{\"N\":\"1\"},\"bracket\":{\"S\":\"A\"}}");
    String next = db.call("Query", "{'TableName':'matches','IndexName':'byTournament','KeyConditionExpression':'tournament = :t AND #r = :r',"
        + "'ExpressionAttributeNames':{'#r':'region'},'ExpressionAttributeValues':{':t':{'S':'WINTER'},':r':{'S':'EU'}},"
        + "'ExclusiveStartKey':{'id':{'S':'m1'},'tournament':{'S':'WINTER'},'region':{'S':'EU'},'round':{'N':'1'},'bracket':{'S':'A'}},'Select':'COUNT'}");
    assertThat(next).isEqualTo("{\"Count\":3,\"ScannedCount\":3}");
  }

  private String ids(String condition, String values) {
    String page = db.call("Query", "{'TableName':'matches','IndexName':'byTournament','KeyConditionExpression':'" + condition + "',"
        + "'ExpressionAttributeNames':{'#r':'region'},'ExpressionAttributeValues':{':t':{'S':'WINTER'},':r':{'S':'EU'}" + values + "}}");
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\\{\"S\":\"(m\\d+)\"").matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return String.join(" ", out);
  }
}
