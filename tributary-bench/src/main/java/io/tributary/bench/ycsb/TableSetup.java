package io.tributary.bench.ycsb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates YCSB's table when {@code dynamodb.createTable=true}, once per process (every thread's
 * binding calls it; the first does the work), and waits until it is ACTIVE.
 */
final class TableSetup {
  private static boolean done;

  private TableSetup() {}

  static synchronized void ensureTable(
      DynamoDbClient dynamoDb, String table, BindingSettings settings) {
    if (done) {
      return;
    }
    List<AttributeDefinition> attributes = new ArrayList<>();
    List<KeySchemaElement> keySchema = new ArrayList<>();
    if (settings.hashAndRange()) {
      attributes.add(definition(settings.hashKeyName()));
      keySchema.add(element(settings.hashKeyName(), KeyType.HASH));
      keySchema.add(element(settings.primaryKey(), KeyType.RANGE));
    } else {
      keySchema.add(element(settings.primaryKey(), KeyType.HASH));
    }
    attributes.add(definition(settings.primaryKey()));
    try {
      dynamoDb.describeTable(r -> r.tableName(table));
    } catch (ResourceNotFoundException absent) {
      try {
        dynamoDb.createTable(
            r ->
                r.tableName(table)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
      } catch (ResourceInUseException raced) {
        // Another process made it first.
      }
    }
    waitUntilActive(dynamoDb, table);
    done = true;
  }

  private static void waitUntilActive(DynamoDbClient dynamoDb, String table) {
    for (int i = 0; i < 600; i++) {
      TableStatus status = dynamoDb.describeTable(r -> r.tableName(table)).table().tableStatus();
      if (status == TableStatus.ACTIVE) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + table, e);
      }
    }
    throw new IllegalStateException("table " + table + " did not become ACTIVE in 60 s");
  }

  private static AttributeDefinition definition(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement element(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
