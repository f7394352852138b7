package io.tributary.engine.shape;

import static io.tributary.engine.shape.ShapeValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import org.junit.jupiter.api.Test;

/** SerializationException texts, from DynamoDB's JSON reader (see research/shape-messages.md). */
class TypeCheckTest {
  private final ShapeValidator dynamoDb = ShapeValidator.dynamoDb();

  private String serializationMessage(ShapeValidator validator, String operation, String request) {
    DynamoDbException e =
        catchThrowableOfType(
            DynamoDbException.class, () -> validator.validate(operation, json(request)));
    assertThat(e).as("expected a SerializationException").isNotNull();
    assertThat(e.type()).isEqualTo(ErrorType.SERIALIZATION);
    assertThat(e.type().wireType()).isEqualTo("com.amazon.coral.service#SerializationException");
    return e.getMessage();
  }

  private String serializationMessage(String operation, String request) {
    return serializationMessage(dynamoDb, operation, request);
  }

  private void accepted(String operation, String request) {
    assertThatCode(() -> dynamoDb.checkTypes(operation, json(request))).doesNotThrowAnyException();
  }

  @Test
  void stringMemberNamesTheTokenItGot() {
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":23}"))
        .isEqualTo("NUMBER_VALUE cannot be converted to String");
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":34.56}"))
        .isEqualTo("DECIMAL_VALUE cannot be converted to String");
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":1e3}"))
        .isEqualTo("DECIMAL_VALUE cannot be converted to String");
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":true}"))
        .isEqualTo("TRUE_VALUE cannot be converted to String");
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":false}"))
        .isEqualTo("FALSE_VALUE cannot be converted to String");
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":{}}"))
        .isEqualTo("Start of structure or map found where not expected");
    assertThat(serializationMessage("DescribeTable", "{\"TableName\":[]}"))
        .isEqualTo("Unrecognized collection type class java.lang.String");
  }

  @Test
  void numberMembersTakeAnyNumber() {
    assertThat(serializationMessage("ListTables", "{\"Limit\":\"23\"}"))
        .isEqualTo("STRING_VALUE cannot be converted to Integer");
    assertThat(serializationMessage("ListTables", "{\"Limit\":true}"))
        .isEqualTo("TRUE_VALUE cannot be converted to Integer");
    assertThat(serializationMessage("ListTables", "{\"Limit\":[]}"))
        .isEqualTo("Unrecognized collection type class java.lang.Integer");
    assertThat(
            serializationMessage(
                "CreateTable",
                "{\"TableName\":\"t\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":\"5\"}}"))
        .isEqualTo("STRING_VALUE cannot be converted to Long");
    assertThat(
            serializationMessage(
                "UpdateTableReplicaAutoScaling",
                "{\"TableName\":\"t\",\"ProvisionedWriteCapacityAutoScalingUpdate\":{"
                    + "\"ScalingPolicyUpdate\":{\"TargetTrackingScalingPolicyConfiguration\":"
                    + "{\"TargetValue\":\"50\"}}}}"))
        .isEqualTo("STRING_VALUE cannot be converted to Double");
    accepted("ListTables", "{\"Limit\":1.5}");
    accepted("ListTables", "{\"Limit\":99999999999999999999}");
  }

  @Test
  void booleanMemberTakesItsWordsAsStrings() {
    accepted("Scan", "{\"TableName\":\"t\",\"ConsistentRead\":\"TRUE\"}");
    accepted("Scan", "{\"TableName\":\"t\",\"ConsistentRead\":\"false\"}");
    assertThat(serializationMessage("Scan", "{\"TableName\":\"t\",\"ConsistentRead\":\"23\"}"))
        .isEqualTo("Unexpected token received from parser");
    assertThat(serializationMessage("Scan", "{\"TableName\":\"t\",\"ConsistentRead\":23}"))
        .isEqualTo("NUMBER_VALUE cannot be converted to Boolean");
    assertThat(serializationMessage("Scan", "{\"TableName\":\"t\",\"ConsistentRead\":34.56}"))
        .isEqualTo("DECIMAL_VALUE cannot be converted to Boolean");
    assertThat(serializationMessage("Scan", "{\"TableName\":\"t\",\"ConsistentRead\":[]}"))
        .isEqualTo("Unrecognized collection type class java.lang.Boolean");
  }

  @Test
  void timestampMemberTakesEpochSeconds() {
    accepted("ListBackups", "{\"TimeRangeLowerBound\":1577836800.5}");
    assertThat(serializationMessage("ListBackups", "{\"TimeRangeLowerBound\":\"2020-01-01\"}"))
        .isEqualTo("STRING_VALUE cannot be converted to Date");
  }

  @Test
  void structureMessagesDependOnWhereItSits() {
    assertThat(
            serializationMessage(
                "CreateTable", "{\"TableName\":\"t\",\"ProvisionedThroughput\":\"a\"}"))
        .isEqualTo("Unexpected field type");
    assertThat(
            serializationMessage(
                "CreateTable", "{\"TableName\":\"t\",\"ProvisionedThroughput\":[]}"))
        .isEqualTo(
            "Unrecognized collection type class"
                + " com.amazonaws.dynamodb.v20120810.ProvisionedThroughput");
    assertThat(serializationMessage("CreateTable", "{\"TableName\":\"t\",\"KeySchema\":[\"a\"]}"))
        .isEqualTo("Unexpected value type in payload");
    assertThat(serializationMessage("CreateTable", "{\"TableName\":\"t\",\"KeySchema\":[[]]}"))
        .isEqualTo(
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement");
  }

  @Test
  void listAndMapMessages() {
    assertThat(serializationMessage("CreateTable", "{\"TableName\":\"t\",\"KeySchema\":\"a\"}"))
        .isEqualTo("Unexpected field type");
    assertThat(serializationMessage("CreateTable", "{\"TableName\":\"t\",\"KeySchema\":{}}"))
        .isEqualTo("Start of structure or map found where not expected");
    assertThat(serializationMessage("PutItem", "{\"TableName\":\"t\",\"Item\":5}"))
        .isEqualTo("Unexpected field type");
    assertThat(serializationMessage("PutItem", "{\"TableName\":\"t\",\"Item\":[]}"))
        .isEqualTo(
            "Unrecognized collection type java.util.Map<java.lang.String,"
                + " com.amazonaws.dynamodb.v20120810.AttributeValue>");
    assertThat(serializationMessage("BatchWriteItem", "{\"RequestItems\":[]}"))
        .isEqualTo(
            "Unrecognized collection type java.util.Map<java.lang.String,"
                + " java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>");
    assertThat(serializationMessage("BatchWriteItem", "{\"RequestItems\":{\"t\":5}}"))
        .isEqualTo(TypeCheck.PARAMETERIZED_CAST);
  }

  @Test
  void attributeValuesAreCheckedForTheirWireFormToo() {
    assertThat(serializationMessage("PutItem", "{\"TableName\":\"t\",\"Item\":{\"a\":5}}"))
        .isEqualTo("Unexpected value type in payload");
    assertThat(serializationMessage("PutItem", "{\"TableName\":\"t\",\"Item\":{\"a\":[]}}"))
        .isEqualTo(
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
    assertThat(
            serializationMessage(
                "UpdateItem",
                "{\"TableName\":\"t\",\"Key\":{},\"Expected\":{\"a\":{\"Value\":\"x\"}}}"))
        .isEqualTo("Unexpected field type");
    assertThat(serializationMessage("PutItem", "{\"TableName\":\"t\",\"Item\":{\"a\":{\"S\":5}}}"))
        .isEqualTo("NUMBER_VALUE cannot be converted to String");
    accepted("PutItem", "{\"TableName\":\"t\",\"Item\":{\"a\":{\"S\":\"x\",\"N\":\"1\"}}}");
  }

  @Test
  void firstMismatchInDocumentOrderWins() {
    assertThat(serializationMessage("Scan", "{\"Limit\":\"5\",\"TableName\":5}"))
        .isEqualTo("STRING_VALUE cannot be converted to Integer");
    assertThat(serializationMessage("Scan", "{\"TableName\":5,\"Limit\":\"5\"}"))
        .isEqualTo("NUMBER_VALUE cannot be converted to String");
  }

  @Test
  void typeErrorsComeBeforeConstraintViolations() {
    assertThat(serializationMessage("PutItem", "{\"ReturnValues\":\"bad\",\"TableName\":5}"))
        .isEqualTo("NUMBER_VALUE cannot be converted to String");
  }

  @Test
  void nullsAndUnknownMembersPass() {
    accepted("Scan", "{\"TableName\":\"t\",\"IndexName\":null,\"Limit\":null,\"Unknown\":5}");
    accepted("Scan", "{\"TableName\":\"t\",\"AttributesToGet\":[null]}");
  }

  @Test
  void blobMemberTakesBase64() {
    ServiceModel model =
        ServiceModel.parse(
            "{\"namespace\":\"ns\",\"operations\":{\"Op\":\"In\"},\"shapes\":{"
                + "\"In\":{\"type\":\"structure\",\"members\":{\"Data\":\"Bytes\"}},"
                + "\"Bytes\":{\"type\":\"blob\"}}}");
    ShapeValidator validator = new ShapeValidator(model);
    assertThatCode(() -> validator.validate("Op", json("{\"Data\":\"YWJj\"}")))
        .doesNotThrowAnyException();
    assertThat(serializationMessage(validator, "Op", "{\"Data\":true}"))
        .isEqualTo("only base-64-encoded strings are convertible to bytes");
    assertThat(serializationMessage(validator, "Op", "{\"Data\":23}"))
        .isEqualTo("only base-64-encoded strings are convertible to bytes");
    assertThat(serializationMessage(validator, "Op", "{\"Data\":[]}"))
        .isEqualTo("Unrecognized collection type class java.nio.ByteBuffer");
    assertThat(serializationMessage(validator, "Op", "{\"Data\":\"23456\"}"))
        .isEqualTo("Base64 encoded length is expected a multiple of 4 bytes but found: 5");
    assertThat(serializationMessage(validator, "Op", "{\"Data\":\"=+/=\"}"))
        .isEqualTo("Invalid last non-pad Base64 character dectected");
  }
}
