package io.tributary.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import org.junit.jupiter.api.Test;

/**
 * ValidationException texts. Strings marked "DynamoDB" were recorded from the real service (see
 * research/shape-messages.md); the rest follow the same rules applied to today's model.
 */
class ShapeValidatorTest {
  private final ShapeValidator dynamoDb = ShapeValidator.dynamoDb();

  static Json.Obj json(String text) {
    return (Json.Obj) io.tributary.model.json.JsonReader.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private String validationMessage(String operation, String request) {
    DynamoDbException e =
        catchThrowableOfType(
            DynamoDbException.class, () -> dynamoDb.validate(operation, json(request)));
    assertThat(e).as("expected a ValidationException").isNotNull();
    assertThat(e.type()).isEqualTo(ErrorType.VALIDATION);
    assertThat(e.type().wireType()).isEqualTo("com.amazon.coral.validate#ValidationException");
    return e.getMessage();
  }

  @Test
  void missingRequiredMembersInDynamoDbsOrder() {
    // DynamoDB: PutItem without TableName.
    assertThat(validationMessage("PutItem", "{\"Item\":{\"pk\":{\"S\":\"test\"}}}"))
        .isEqualTo(
            "1 validation error detected: Value null at 'tableName' failed to satisfy constraint:"
                + " Member must not be null");
    assertThat(validationMessage("PutItem", "{}"))
        .isEqualTo(
            "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint:"
                + " Member must not be null; Value null at 'item' failed to satisfy constraint:"
                + " Member must not be null");
  }

  @Test
  void jsonNullIsAnAbsentMember() {
    assertThat(validationMessage("DescribeTable", "{\"TableName\":null}"))
        .isEqualTo(
            "1 validation error detected: Value null at 'tableName' failed to satisfy constraint:"
                + " Member must not be null");
  }

  @Test
  void tableNameFollowsTheTableArnShapeOfTodaysModel() {
    // DynamoDB: PutItem with TableName "" (TableName members now accept an ARN: 1..1024, no pattern).
    assertThat(validationMessage("PutItem", "{\"TableName\":\"\",\"Item\":{}}"))
        .isEqualTo(
            "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint:"
                + " Member must have length greater than or equal to 1");
    assertThatCode(() -> dynamoDb.validate("DescribeTable", json("{\"TableName\":\"ab\"}")))
        .doesNotThrowAnyException();
    assertThat(validationMessage("DescribeTable", "{\"TableName\":\"" + "a".repeat(1025) + "\"}"))
        .endsWith("' at 'tableName' failed to satisfy constraint: Member must have length less"
            + " than or equal to 1024");
  }

  @Test
  void patternIsReportedBeforeLength() {
    assertThat(validationMessage("ListTables", "{\"ExclusiveStartTableName\":\"a;\"}"))
        .isEqualTo(
            "2 validation errors detected: Value 'a;' at 'exclusiveStartTableName' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern:"
                + " [a-zA-Z0-9_.-]+; Value 'a;' at 'exclusiveStartTableName' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 3");
    assertThat(validationMessage("CreateBackup", "{\"TableName\":\"t\",\"BackupName\":\"" + "b".repeat(256) + "\"}"))
        .isEqualTo(
            "1 validation error detected: Value '"
                + "b".repeat(256)
                + "' at 'backupName' failed to satisfy constraint: Member must have length less"
                + " than or equal to 255");
  }

  @Test
  void numberRangesPrintTheNumberDynamoDbRead() {
    assertThat(validationMessage("ListTables", "{\"Limit\":0}"))
        .isEqualTo(
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint:"
                + " Member must have value greater than or equal to 1");
    // An Integer member takes a fraction and truncates it, as DynamoDB's reader does.
    assertThat(validationMessage("ListTables", "{\"Limit\":101.9}"))
        .isEqualTo(
            "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint:"
                + " Member must have value less than or equal to 100");
    assertThatCode(() -> dynamoDb.validate("ListTables", json("{\"Limit\":1.5}")))
        .doesNotThrowAnyException();
  }

  @Test
  void createTableViolationsInDynamoDbsMemberOrder() {
    // DynamoDB (dynalite's suite against the service): write before read, then keySchema.
    assertThat(
            validationMessage(
                "CreateTable",
                "{\"TableName\":\"abc\",\"AttributeDefinitions\":[],\"KeySchema\":[],"
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":-1,\"WriteCapacityUnits\":-1}}"))
        .isEqualTo(
            "3 validation errors detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits'"
                + " failed to satisfy constraint: Member must have value greater than or equal to 1;"
                + " Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy"
                + " constraint: Member must have value greater than or equal to 1; Value '[]' at"
                + " 'keySchema' failed to satisfy constraint: Member must have length greater than or"
                + " equal to 1");
  }

  @Test
  void listElementsAreOneBasedMemberPaths() {
    assertThat(
            validationMessage(
                "CreateTable",
                "{\"TableName\":\"abc\",\"AttributeDefinitions\":[{}],"
                    + "\"KeySchema\":[{\"KeyType\":\"HASH\"},{\"AttributeName\":\"a\",\"KeyType\":\"INVALID\"}]}"))
        .isEqualTo(
            "4 validation errors detected: Value null at 'attributeDefinitions.1.member.attributeName'"
                + " failed to satisfy constraint: Member must not be null; Value null at"
                + " 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint:"
                + " Member must not be null; Value null at 'keySchema.1.member.attributeName' failed"
                + " to satisfy constraint: Member must not be null; Value 'INVALID' at"
                + " 'keySchema.2.member.keyType' failed to satisfy constraint: Member must satisfy"
                + " enum value set: [HASH, RANGE]");
  }

  @Test
  void enumValuesAreListedInDynamoDbsOrder() {
    // DynamoDB: [B, N, S] although the model lists S, N, B.
    assertThat(
            validationMessage(
                "CreateTable",
                "{\"TableName\":\"abc\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"INVALID\"}]}"))
        .isEqualTo(
            "1 validation error detected: Value 'INVALID' at"
                + " 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint:"
                + " Member must satisfy enum value set: [B, N, S]");
    assertThat(validationMessage("CreateTable", "{\"TableName\":\"abc\",\"BillingMode\":\"X\"}"))
        .isEqualTo(
            "1 validation error detected: Value 'X' at 'billingMode' failed to satisfy constraint:"
                + " Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    // DynamoDB: Query with Select 'INVALID_VALUE'.
    assertThat(validationMessage("Query", "{\"TableName\":\"t\",\"Select\":\"INVALID_VALUE\"}"))
        .isEqualTo(
            "1 validation error detected: Value 'INVALID_VALUE' at 'select' failed to satisfy"
                + " constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT,"
                + " ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
  }

  @Test
  void streamViewTypesAreListedInDynamoDbsOrder() {
    // DynamoDB: CreateTable with StreamViewType 'new_image'; the model lists NEW_IMAGE first.
    assertThat(
            validationMessage(
                "CreateTable",
                "{\"TableName\":\"abc\",\"StreamSpecification\":"
                    + "{\"StreamEnabled\":true,\"StreamViewType\":\"new_image\"}}"))
        .isEqualTo(
            "1 validation error detected: Value 'new_image' at"
                + " 'streamSpecification.streamViewType' failed to satisfy constraint: Member must"
                + " satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]");
  }

  @Test
  void putItemEnumsInDynamoDbsOrder() {
    assertThat(
            validationMessage(
                "PutItem",
                "{\"TableName\":\"t\",\"Item\":{},\"ReturnValues\":\"hi\","
                    + "\"ReturnItemCollectionMetrics\":\"hi\",\"ReturnConsumedCapacity\":\"hi\"}"))
        .isEqualTo(
            "3 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy"
                + " constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value"
                + " 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum"
                + " value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; Value 'hi' at"
                + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy"
                + " enum value set: [SIZE, NONE]");
  }

  @Test
  void mapValuesAreWalkedInReverseOrderAtKeyDotMember() {
    // DynamoDB (dynalite's suite): entry b is reported before entry a.
    assertThat(
            validationMessage(
                "Query",
                "{\"TableName\":\"abc\",\"Limit\":-1,"
                    + "\"KeyConditions\":{\"a\":{},\"b\":{\"ComparisonOperator\":\"\"}}}"))
        .isEqualTo(
            "3 validation errors detected: Value '-1' at 'limit' failed to satisfy constraint:"
                + " Member must have value greater than or equal to 1; Value '' at"
                + " 'keyConditions.b.member.comparisonOperator' failed to satisfy constraint: Member"
                + " must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT,"
                + " NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]; Value null at"
                + " 'keyConditions.a.member.comparisonOperator' failed to satisfy constraint: Member"
                + " must not be null");
  }

  @Test
  void mapLengthAndMapValueConstraints() {
    assertThat(validationMessage("BatchWriteItem", "{\"RequestItems\":{}}"))
        .isEqualTo(
            "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 1");
    assertThat(validationMessage("BatchWriteItem", "{\"RequestItems\":{\"tbl\":[]}}"))
        .isEqualTo(
            "1 validation error detected: Value '{tbl=[]}' at 'requestItems' failed to satisfy"
                + " constraint: Map value must satisfy constraint: [Member must have length less than"
                + " or equal to 25, Member must have length greater than or equal to 1]");
  }

  @Test
  void nestedPathsThroughAMapOfLists() {
    // DynamoDB (dynalite's suite): deleteRequest before putRequest.
    assertThat(
            validationMessage(
                "BatchWriteItem",
                "{\"RequestItems\":{\"aa\":[{\"PutRequest\":{},\"DeleteRequest\":{}}]}}"))
        .isEqualTo(
            "2 validation errors detected: Value null at"
                + " 'requestItems.aa.member.1.member.deleteRequest.key' failed to satisfy constraint:"
                + " Member must not be null; Value null at"
                + " 'requestItems.aa.member.1.member.putRequest.item' failed to satisfy constraint:"
                + " Member must not be null");
  }

  @Test
  void mapKeyConstraints() {
    assertThat(validationMessage("BatchGetItem", "{\"RequestItems\":{\"\":{\"Keys\":[]}}}"))
        .isEqualTo(
            "2 validation errors detected: Value '{=KeysAndAttributes(keys=[],"
                + " attributesToGet=null, consistentRead=null, projectionExpression=null,"
                + " expressionAttributeNames=null)}' at 'requestItems' failed to satisfy constraint:"
                + " Map keys must satisfy constraint: [Member must have length less than or equal to"
                + " 1024, Member must have length greater than or equal to 1]; Value '[]' at"
                + " 'requestItems..member.keys' failed to satisfy constraint: Member must have length"
                + " greater than or equal to 1");
  }

  @Test
  void listElementConstraintsAreReportedAtTheList() {
    assertThat(
            validationMessage(
                "UpdateTable",
                "{\"TableName\":\"t\",\"GlobalSecondaryIndexUpdates\":[{\"Create\":{"
                    + "\"IndexName\":\"idx\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"\",\"ok\"]}}}]}"))
        .isEqualTo(
            "1 validation error detected: Value '[, ok]' at"
                + " 'globalSecondaryIndexUpdates.1.member.create.projection.nonKeyAttributes' failed"
                + " to satisfy constraint: Member must satisfy constraint: [Member must have length"
                + " less than or equal to 255, Member must have length greater than or equal to 1]");
  }

  @Test
  void emptyListIsPrintedAsBrackets() {
    // DynamoDB: TransactWriteItems with an empty list.
    assertThat(validationMessage("TransactWriteItems", "{\"TransactItems\":[]}"))
        .isEqualTo(
            "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void atMostTenViolationsAreReported() {
    String nineEmptyIndexes = "[{},{},{},{},{},{},{},{},{}]";
    String message =
        validationMessage(
            "CreateTable",
            "{\"TableName\":\"abc\",\"LocalSecondaryIndexes\":" + nineEmptyIndexes + "}");
    assertThat(message)
        .startsWith(
            "10 validation errors detected: Value null at 'localSecondaryIndexes.1.member.projection'"
                + " failed to satisfy constraint: Member must not be null; Value null at"
                + " 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member"
                + " must not be null; Value null at 'localSecondaryIndexes.1.member.keySchema'");
    assertThat(message.split("; ")).hasSize(10);
    assertThat(message).endsWith("'localSecondaryIndexes.4.member.projection' failed to satisfy"
        + " constraint: Member must not be null");
  }

  @Test
  void unknownMembersAreIgnored() {
    assertThatCode(
            () ->
                dynamoDb.validate(
                    "DescribeTable", json("{\"TableName\":\"abc\",\"NoSuchMember\":[1,{}]}")))
        .doesNotThrowAnyException();
  }

  @Test
  void attributeValueContentsAreLeftToTheItemModel() {
    assertThatCode(
            () ->
                dynamoDb.validate(
                    "PutItem",
                    json("{\"TableName\":\"t\",\"Item\":{\"a\":{},\"b\":{\"S\":\"\",\"N\":\"x\"},"
                        + "\"c\":{\"L\":[{\"Q\":1}]}}}")))
        .doesNotThrowAnyException();
  }

  @Test
  void streamsOperations() {
    ShapeValidator streams = ShapeValidator.dynamoDbStreams();
    assertThat(streams.hasOperation("GetShardIterator")).isTrue();
    assertThat(streams.hasOperation("PutItem")).isFalse();
    DynamoDbException e =
        catchThrowableOfType(
            DynamoDbException.class, () -> streams.validate("GetShardIterator", json("{}")));
    assertThat(e.getMessage())
        .isEqualTo(
            "3 validation errors detected: Value null at 'streamArn' failed to satisfy constraint:"
                + " Member must not be null; Value null at 'shardId' failed to satisfy constraint:"
                + " Member must not be null; Value null at 'shardIteratorType' failed to satisfy"
                + " constraint: Member must not be null");
  }

  @Test
  void unknownOperationIsLeftToTheCaller() {
    assertThat(dynamoDb.hasOperation("CreateTable")).isTrue();
    assertThat(dynamoDb.hasOperation("createTable")).isFalse();
    assertThatCode(() -> dynamoDb.validate("NoSuchOperation", json("{\"TableName\":5}")))
        .doesNotThrowAnyException();
  }
}
