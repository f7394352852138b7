package io.tributary.engine.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceModelTest {
  private final ServiceModel dynamoDb = ServiceModel.dynamoDb();

  @Test
  void knowsEveryDynamoDbOperation() {
    for (String op :
        List.of(
            "CreateTable", "DescribeTable", "UpdateTable", "DeleteTable", "ListTables", "PutItem",
            "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
            "BatchWriteItem", "TransactWriteItems", "TransactGetItems", "ExecuteStatement",
            "UpdateTimeToLive", "DescribeTimeToLive", "TagResource", "ListTagsOfResource")) {
      assertThat(dynamoDb.hasOperation(op)).as(op).isTrue();
      assertThat(dynamoDb.input(op).name()).isEqualTo(op + "Input");
    }
    assertThat(dynamoDb.hasOperation("DescribeStream")).isFalse();
    assertThat(ServiceModel.dynamoDbStreams().hasOperation("DescribeStream")).isTrue();
    assertThat(dynamoDb.input("NoSuchOperation")).isNull();
  }

  @Test
  void tableNameMembersUseTheArnShape() {
    Shape.Member tableName = dynamoDb.input("CreateTable").member("TableName");
    assertThat(tableName.required()).isTrue();
    assertThat(dynamoDb.shape(tableName.shape()))
        .isEqualTo(new Shape.StringShape("TableArn", 1L, 1024L, null, List.of()));
  }

  @Test
  void reportOrderIsDynamoDbsAndMembersKeepModelOrder() {
    Shape.Structure throughput = (Shape.Structure) dynamoDb.shape("ProvisionedThroughput");
    assertThat(throughput.members()).extracting(Shape.Member::name)
        .containsExactly("ReadCapacityUnits", "WriteCapacityUnits");
    assertThat(throughput.reportOrder()).extracting(Shape.Member::name)
        .containsExactly("WriteCapacityUnits", "ReadCapacityUnits");
  }

  @Test
  void everyReferencedShapeResolves() {
    for (String op : List.of("CreateTable", "UpdateTable", "Query", "TransactWriteItems")) {
      walk(dynamoDb, dynamoDb.input(op), 0);
    }
  }

  private static void walk(ServiceModel model, Shape shape, int depth) {
    if (depth > 12) {
      return;
    }
    switch (shape) {
      case Shape.Structure s -> s.members().forEach(m -> walk(model, model.shape(m.shape()), depth + 1));
      case Shape.ListShape l -> walk(model, model.shape(l.member()), depth + 1);
      case Shape.MapShape m -> {
        walk(model, model.shape(m.key()), depth + 1);
        walk(model, model.shape(m.value()), depth + 1);
      }
      default -> {}
    }
  }
}
