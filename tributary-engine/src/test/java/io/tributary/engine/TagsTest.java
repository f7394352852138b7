package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TagsTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/tagged";
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  private void createTable(String tags) {
    db.call("CreateTable", "{'TableName':'tagged','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'"
        + tags + "}");
  }

  @Test
  void tagUntagList() {
    createTable(",'Tags':[{'Key':'team','Value':'core'}]");
    db.call("TagResource", "{'ResourceArn':'" + ARN + "','Tags':[{'Key':'env','Value':'dev'},{'Key':'team','Value':'data'}]}");
    assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + ARN + "'}"))
        .isEqualTo("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"data\"},{\"Key\":\"env\",\"Value\":\"dev\"}]}");
    db.call("UntagResource", "{'ResourceArn':'" + ARN + "','TagKeys':['team','nope']}");
    assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + ARN + "'}"))
        .isEqualTo("{\"Tags\":[{\"Key\":\"env\",\"Value\":\"dev\"}]}");
  }

  @Test
  void tagsGoWithTheTable() {
    createTable(",'Tags':[{'Key':'team','Value':'core'}]");
    db.call("DeleteTable", "{'TableName':'tagged'}");
    assertError(() -> db.call("ListTagsOfResource", "{'ResourceArn':'" + ARN + "'}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: " + ARN + " not found");
    createTable("");
    assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + ARN + "'}")).isEqualTo("{\"Tags\":[]}");
  }

  @Test
  void rules() {
    createTable("");
    assertError(() -> db.call("TagResource", "{'ResourceArn':'" + ARN + "','Tags':[{'Key':'aws:x','Value':'v'}]}"),
        ErrorType.VALIDATION, "Tag Key cannot be prefixed with aws:, Key: aws:x");
    assertError(() -> db.call("TagResource", "{'ResourceArn':'" + ARN + "','Tags':[{'Key':'a','Value':'1'},{'Key':'a','Value':'2'}]}"),
        ErrorType.VALIDATION, "Duplicate Tag Keys provided as input: Duplicate Tag Key found a");
    assertError(() -> db.call("TagResource", "{'ResourceArn':'" + ARN + "','Tags':[{'Key':'a#b','Value':'1'}]}"),
        ErrorType.VALIDATION, "The Tag Key provided is invalid, Key: a#b");
    StringJoiner many = new StringJoiner(",");
    for (int i = 0; i < 51; i++) {
      many.add("{'Key':'k" + i + "','Value':'v'}");
    }
    assertError(() -> db.call("TagResource", "{'ResourceArn':'" + ARN + "','Tags':[" + many + "]}"),
        ErrorType.VALIDATION, "Number of Tags exceed the current limit for the provided ResourceArn");
    assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + ARN + "'}")).isEqualTo("{\"Tags\":[]}");
  }

  @Test
  void limits() {
    assertThat(db.call("DescribeLimits", "{}")).isEqualTo("{\"AccountMaxReadCapacityUnits\":80000,"
        + "\"AccountMaxWriteCapacityUnits\":80000,\"TableMaxReadCapacityUnits\":40000,\"TableMaxWriteCapacityUnits\":40000}");
  }
}
