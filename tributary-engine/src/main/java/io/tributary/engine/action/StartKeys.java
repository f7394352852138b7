package io.tributary.engine.action;

import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.util.Map;

/** ExclusiveStartKey: the table's key attributes, checked as a Key is, with DynamoDB's prefix. */
final class StartKeys {
  private StartKeys() {}

  static PrimaryKey of(TableDefinition table, Map<String, AttributeValue> startKey) {
    try {
      return PrimaryKey.ofKey(table.keySchema(), startKey);
    } catch (DynamoDbException e) {
      if (e.type() != ErrorType.VALIDATION) {
        throw e;
      }
      throw DynamoDbException.validation("The provided starting key is invalid: " + e.getMessage());
    }
  }
}
