package io.tributary.engine.shape;

import static io.tributary.engine.shape.ShapeValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.Json;
import org.junit.jupiter.api.Test;

class ValueTextTest {
  private final ServiceModel model = ServiceModel.dynamoDb();
  private final ValueText text = new ValueText(model);

  private String print(String shape, String memberJson) {
    Json value = ((Json.Obj) json("{\"v\":" + memberJson + "}")).get("v");
    return text.of(model.shape(shape), value);
  }

  @Test
  void structuresPrintAsDynamoDbsRequestClasses() {
    // DynamoDB: CreateTable with three KeySchema elements (when KeySchema had a maximum of 2).
    assertThat(
            print(
                "KeySchema",
                "[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                    + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"},"
                    + "{\"AttributeName\":\"extra\",\"KeyType\":\"RANGE\"}]"))
        .isEqualTo(
            "[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=sk,"
                + " keyType=RANGE), KeySchemaElement(attributeName=extra, keyType=RANGE)]");
  }

  @Test
  void absentFieldsPrintNullAndFieldsKeepModelOrder() {
    // WriteRequest prints putRequest first although deleteRequest is reported first.
    assertThat(print("WriteRequest", "{\"DeleteRequest\":{\"Key\":{}}}"))
        .isEqualTo("WriteRequest(putRequest=null, deleteRequest=DeleteRequest(key={}))");
  }

  @Test
  void scalars() {
    assertThat(print("ListTablesInputLimit", "7.9")).isEqualTo("7");
    assertThat(print("PositiveLongObject", "-3")).isEqualTo("-3");
    assertThat(print("DoubleObject", "1e20")).isEqualTo("1.0E20");
    assertThat(print("ConsistentRead", "\"TRUE\"")).isEqualTo("true");
    assertThat(print("NonKeyAttributeNameList", "[\"a\",\"b\"]")).isEqualTo("[a, b]");
    assertThat(print("ExpressionAttributeNameMap", "{\"#a\":\"x\",\"#b\":\"y\"}"))
        .isEqualTo("{#a=x, #b=y}");
    assertThat(print("TimeRangeLowerBound", "0")).isEqualTo("Thu Jan 01 00:00:00 UTC 1970");
  }

  @Test
  void attributeValuePrintsItsClassAndHash() {
    assertThat(print("AttributeValue", "{\"S\":\"a\"}"))
        .startsWith("com.amazonaws.dynamodb.v20120810.AttributeValue@");
    assertThat(print("AttributeValue", "{\"S\":\"a\"}"))
        .isEqualTo(print("AttributeValue", "{\"S\":\"a\"}"))
        .isNotEqualTo(print("AttributeValue", "{\"S\":\"b\"}"));
  }
}
