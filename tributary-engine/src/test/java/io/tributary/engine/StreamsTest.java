package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.stream.StreamSettings;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.storage.rocksdb.RocksStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsTest {
  @TempDir Path directory;
  private EngineFixture db;

  private EngineFixture open(StreamSettings settings) {
    db =
        new EngineFixture(
            RocksStore.open(directory, RocksStore.Options.defaults()),
            new EngineConfig("123456789012", Duration.ZERO).withStreams(settings));
    return db;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private void createTable(String viewType) {
    db.call("CreateTable",
        "{'TableName':'tbl','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
            + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
            + "'BillingMode':'PAY_PER_REQUEST',"
            + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'" + viewType + "'}}");
  }

  private static Json.Obj parse(String json) {
    return (Json.Obj) JsonReader.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private String streamArn() {
    return ((Json.Str) ((Json.Obj) parse(db.call("DescribeTable", "{'TableName':'tbl'}")).get("Table"))
            .get("LatestStreamArn")).value();
  }

  private List<Json.Obj> shards(String arn) {
    Json.Obj d = (Json.Obj) parse(db.callStreams("DescribeStream", "{'StreamArn':'" + arn + "'}"))
        .get("StreamDescription");
    List<Json.Obj> out = new ArrayList<>();
    for (Json j : ((Json.Arr) d.get("Shards")).elements()) {
      out.add((Json.Obj) j);
    }
    return out;
  }

  private static String text(Json.Obj o, String member) {
    return o.get(member) instanceof Json.Str s ? s.value() : null;
  }

  /** Every record of a shard from TRIM_HORIZON to its end (or to the open end). */
  private List<Json.Obj> readShard(String arn, String shardId) {
    String iterator = text(parse(db.callStreams("GetShardIterator",
        "{'StreamArn':'" + arn + "','ShardId':'" + shardId + "','ShardIteratorType':'TRIM_HORIZON'}")),
        "ShardIterator");
    List<Json.Obj> records = new ArrayList<>();
    while (iterator != null) {
      Json.Obj page = parse(db.callStreams("GetRecords", "{'ShardIterator':'" + iterator + "','Limit':7}"));
      List<Json> got = ((Json.Arr) page.get("Records")).elements();
      got.forEach(r -> records.add((Json.Obj) r));
      iterator = text(page, "NextShardIterator");
      if (got.isEmpty() && iterator != null) {
        break; // the open end
      }
    }
    return records;
  }

  private static Json.Obj dynamodb(Json.Obj record) {
    return (Json.Obj) record.get("dynamodb");
  }

  @Test
  void recordsEveryChangeOnceWithTheViewTypesImages() {
    open(StreamSettings.DEFAULTS);
    createTable("NEW_AND_OLD_IMAGES");
    String described = db.call("DescribeTable", "{'TableName':'tbl'}");
    assertThat(described).contains(
        "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}",
        "\"LatestStreamLabel\":\"2026-01-01T00:00:00.000\"",
        "\"LatestStreamArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/tbl/stream/2026-01-01T00:00:00.000\"");

    db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'101'},'Message':{'S':'New item!'}}}");
    db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'101'},'Message':{'S':'New item!'}}}");
    db.call("UpdateItem", "{'TableName':'tbl','Key':{'id':{'S':'101'}},"
        + "'UpdateExpression':'SET Message = :m','ExpressionAttributeValues':{':m':{'S':'This item has changed'}}}");
    db.call("DeleteItem", "{'TableName':'tbl','Key':{'id':{'S':'101'}}}");
    db.call("DeleteItem", "{'TableName':'tbl','Key':{'id':{'S':'101'}}}");

    String arn = streamArn();
    List<Json.Obj> shards = shards(arn);
    assertThat(shards).hasSize(1);
    List<Json.Obj> records = readShard(arn, text(shards.get(0), "ShardId"));
    assertThat(records).extracting(r -> text(r, "eventName")).containsExactly("INSERT", "MODIFY", "REMOVE");
    Json.Obj insert = records.get(0);
    assertThat(text(insert, "eventVersion")).isEqualTo("1.1");
    assertThat(text(insert, "eventSource")).isEqualTo("aws:dynamodb");
    assertThat(text(insert, "awsRegion")).isEqualTo("us-east-1");
    assertThat(text(insert, "eventID")).matches("[0-9a-f]{32}");
    assertThat(dynamodb(insert).get("OldImage")).isNull();
    assertThat(dynamodb(insert).get("NewImage").toString()).contains("New item!");
    // Keys 5 bytes ("id" + "101"), NewImage 5 + 16 ("Message" + "New item!").
    assertThat(((Json.Num) dynamodb(insert).get("SizeBytes")).text()).isEqualTo("26");
    Json.Obj modify = records.get(1);
    assertThat(dynamodb(modify).get("OldImage").toString()).contains("New item!");
    assertThat(dynamodb(modify).get("NewImage").toString()).contains("This item has changed");
    assertThat(dynamodb(records.get(2)).get("NewImage")).isNull();
    List<java.math.BigInteger> sequence = records.stream()
        .map(r -> new java.math.BigInteger(text(dynamodb(r), "SequenceNumber"))).toList();
    assertThat(sequence).isSorted().doesNotHaveDuplicates();
    assertThat(text(dynamodb(insert), "SequenceNumber")).hasSizeGreaterThanOrEqualTo(21);
  }

  @Test
  void keysOnlyCarriesNoImagesAndTimeToLiveDeletesNameTheService() {
    open(StreamSettings.DEFAULTS);
    createTable("KEYS_ONLY");
    db.call("UpdateTimeToLive", "{'TableName':'tbl','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'exp'}}");
    db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'a'},'exp':{'N':'1767225000'}}}");
    db.engine.sweepExpiredItems();
    String arn = streamArn();
    List<Json.Obj> records = readShard(arn, text(shards(arn).get(0), "ShardId"));
    assertThat(records).hasSize(2);
    assertThat(dynamodb(records.get(0)).get("NewImage")).isNull();
    assertThat(records.get(0).get("userIdentity")).isNull();
    assertThat(text(records.get(1), "eventName")).isEqualTo("REMOVE");
    assertThat(records.get(1).get("userIdentity").toString())
        .contains("dynamodb.amazonaws.com", "Service");
  }

  @Test
  void refusesStreamChangesDynamoDbRefuses() {
    open(StreamSettings.DEFAULTS);
    assertError(() -> db.call("CreateTable",
            "{'TableName':'xyz','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
                + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
                + "'BillingMode':'PAY_PER_REQUEST','StreamSpecification':{'StreamEnabled':true}}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Table is being created"
            + " with a stream enabled, UpdateViewType is required");
    createTable("NEW_IMAGE");
    assertError(() -> db.call("UpdateTable", "{'TableName':'tbl','StreamSpecification':"
            + "{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}"),
        ErrorType.VALIDATION, "Table already has an enabled stream: TableName: tbl");
    String first = streamArn();
    db.call("UpdateTable", "{'TableName':'tbl','StreamSpecification':{'StreamEnabled':false}}");
    String described = db.call("DescribeTable", "{'TableName':'tbl'}");
    assertThat(described).doesNotContain("StreamSpecification").contains(first);
    assertError(() -> db.call("UpdateTable", "{'TableName':'tbl','StreamSpecification':{'StreamEnabled':false}}"),
        ErrorType.VALIDATION, "Table has no stream to disable: TableName: tbl");
    assertThat(db.callStreams("DescribeStream", "{'StreamArn':'" + first + "'}"))
        .contains("\"StreamStatus\":\"DISABLED\"", "EndingSequenceNumber");
    db.call("UpdateTable", "{'TableName':'tbl','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}");
    assertThat(streamArn()).isNotEqualTo(first);
    assertThat(db.callStreams("ListStreams", "{'TableName':'tbl'}")).contains(first, streamArn());
    assertError(() -> db.callStreams("DescribeStream",
            "{'StreamArn':'arn:aws:dynamodb:us-east-1:123456789012:table/tbl/stream/2000-01-01T00:00:00.000'}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: "
            + "arn:aws:dynamodb:us-east-1:123456789012:table/tbl/stream/2000-01-01T00:00:00.000 not found");
  }

  @Test
  void splitsAndRolloversKeepEveryRecordOnceAndInOrderPerItem() {
    open(new StreamSettings(Duration.ofHours(1), 20, Duration.ofHours(24)));
    createTable("NEW_IMAGE");
    Map<String, Integer> lastWritten = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      String id = "k" + (i % 13);
      db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'" + id + "'},'n':{'N':'" + i + "'}}}");
      lastWritten.put(id, i);
      if (i == 120) {
        db.clock.advance(Duration.ofHours(2));
      }
    }
    String arn = streamArn();
    List<Json.Obj> shards = shards(arn);
    assertThat(shards.size()).isGreaterThan(3);
    assertThat(shards).anyMatch(s -> s.get("ParentShardId") != null);
    // Read parents before children, as a consumer must.
    Map<String, List<Integer>> seen = new HashMap<>();
    int total = 0;
    List<String> done = new ArrayList<>();
    while (done.size() < shards.size()) {
      for (Json.Obj s : shards) {
        String id = text(s, "ShardId");
        String parent = text(s, "ParentShardId");
        if (done.contains(id) || (parent != null && !done.contains(parent))) {
          continue;
        }
        for (Json.Obj r : readShard(arn, id)) {
          Json.Obj image = (Json.Obj) dynamodb(r).get("NewImage");
          String key = text((Json.Obj) image.get("id"), "S");
          int n = Integer.parseInt(text((Json.Obj) image.get("n"), "N"));
          seen.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
          total++;
        }
        done.add(id);
      }
    }
    assertThat(total).isEqualTo(200);
    for (Map.Entry<String, List<Integer>> e : seen.entrySet()) {
      assertThat(e.getValue()).isSorted();
      assertThat(e.getValue().get(e.getValue().size() - 1)).isEqualTo(lastWritten.get(e.getKey()));
    }
  }

  @Test
  void recordsSurviveARestartAndNumberingGoesOn() {
    open(StreamSettings.DEFAULTS);
    createTable("KEYS_ONLY");
    db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'a'}}}");
    db.close();
    open(StreamSettings.DEFAULTS);
    db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'b'}}}");
    String arn = streamArn();
    List<Json.Obj> records = readShard(arn, text(shards(arn).get(0), "ShardId"));
    assertThat(records).hasSize(2);
    assertThat(new java.math.BigInteger(text(dynamodb(records.get(1)), "SequenceNumber")))
        .isGreaterThan(new java.math.BigInteger(text(dynamodb(records.get(0)), "SequenceNumber")));
  }

  @Test
  void expiredRecordsAreTrimmed() {
    // Shards live longer than records here, so the shard is still there, its record not.
    open(new StreamSettings(Duration.ofHours(48), 1_000_000, Duration.ofHours(24)));
    createTable("KEYS_ONLY");
    db.call("PutItem", "{'TableName':'tbl','Item':{'id':{'S':'a'}}}");
    String arn = streamArn();
    String shardId = text(shards(arn).get(0), "ShardId");
    String first = text(dynamodb(readShard(arn, shardId).get(0)), "SequenceNumber");
    db.clock.advance(Duration.ofHours(25));
    db.engine.maintainStreams();
    assertError(() -> db.callStreams("GetShardIterator", "{'StreamArn':'" + arn + "','ShardId':'"
            + shardId + "','ShardIteratorType':'AT_SEQUENCE_NUMBER','SequenceNumber':'" + first + "'}"),
        ErrorType.TRIMMED_DATA_ACCESS, "The data you are trying to access has been trimmed");
  }

  @Test
  void aTransactionRecordsEachItsChanges() {
    open(StreamSettings.DEFAULTS);
    createTable("NEW_IMAGE");
    db.call("TransactWriteItems", "{'TransactItems':["
        + "{'Put':{'TableName':'tbl','Item':{'id':{'S':'x'}}}},"
        + "{'Put':{'TableName':'tbl','Item':{'id':{'S':'y'}}}},"
        + "{'ConditionCheck':{'TableName':'tbl','Key':{'id':{'S':'z'}},'ConditionExpression':'attribute_not_exists(id)'}}]}");
    String arn = streamArn();
    assertThat(readShard(arn, text(shards(arn).get(0), "ShardId"))).hasSize(2);
  }
}
