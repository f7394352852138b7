package io.tributary.engine.action;

import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KeySchema and AttributeDefinitions of CreateTable, checked against each other. */
final class KeySchemas {
  private KeySchemas() {}

  /**
   * @param types the attribute definitions, name to type, in request order
   */
  record Parsed(KeySchema schema, List<KeyAttribute> definitions, Map<String, String> types) {}

  static Parsed parse(List<Json> keySchema, List<Json> attributeDefinitions) {
    return parse(keySchema, attributeDefinitions, false);
  }

  /**
   * @param hasIndexes whether the request defines secondary indexes, whose keys may use the
   *     definitions the table key does not
   */
  static Parsed parse(List<Json> keySchema, List<Json> attributeDefinitions, boolean hasIndexes) {
    if (attributeDefinitions == null) {
      throw missing("attributeDefinitions");
    }
    if (keySchema == null) {
      throw missing("keySchema");
    }
    List<String> definedNames = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    List<KeyAttribute> definitions = new ArrayList<>();
    for (Json d : attributeDefinitions) {
      Request definition = new Request((Json.Obj) d);
      definedNames.add(definition.string("AttributeName"));
      types.putIfAbsent(definition.string("AttributeName"), definition.string("AttributeType"));
      definitions.add(
          new KeyAttribute(definition.string("AttributeName"), definition.string("AttributeType")));
    }
    if (keySchema.size() > 2) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value '"
              + render(keySchema)
              + "' at 'keySchema' failed to satisfy constraint: Member must have length less than"
              + " or equal to 2");
    }
    List<String> keyNames = new ArrayList<>();
    for (Json e : keySchema) {
      keyNames.add(new Request((Json.Obj) e).string("AttributeName"));
    }
    if (keyNames.size() > definedNames.size()) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: Some index key attribute have no definition");
    }
    List<String> undefined = keyNames.stream().filter(n -> !types.containsKey(n)).toList();
    if (!undefined.isEmpty()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Some index key attributes are not defined in"
              + " AttributeDefinitions. Keys: "
              + undefined
              + ", AttributeDefinitions: "
              + definedNames);
    }
    if (keyNames.size() == 2 && keyNames.get(0).equals(keyNames.get(1))) {
      throw DynamoDbException.validation(
          "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!"HASH".equals(new Request((Json.Obj) keySchema.get(0)).string("KeyType"))) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keyNames.size() == 2
        && !"RANGE".equals(new Request((Json.Obj) keySchema.get(1)).string("KeyType"))) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    for (int i = 0; i < definedNames.size(); i++) {
      if (definedNames.indexOf(definedNames.get(i)) != i) {
        throw DynamoDbException.validation("Attribute Name is duplicated: " + definedNames.get(i));
      }
    }
    if (!hasIndexes && definedNames.size() != keyNames.size()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Number of attributes in KeySchema does not"
              + " exactly match number of attributes defined in AttributeDefinitions");
    }
    KeyAttribute partition = new KeyAttribute(keyNames.get(0), types.get(keyNames.get(0)));
    KeyAttribute sort =
        keyNames.size() == 1 ? null : new KeyAttribute(keyNames.get(1), types.get(keyNames.get(1)));
    return new Parsed(
        new KeySchema(partition, sort), List.copyOf(definitions), java.util.Collections.unmodifiableMap(types));
  }

  private static DynamoDbException missing(String path) {
    return DynamoDbException.validation(
        "1 validation error detected: Value null at '"
            + path
            + "' failed to satisfy constraint: Member must not be null");
  }

  /** The list as DynamoDB prints it in messages. */
  private static String render(List<Json> keySchema) {
    List<String> parts = new ArrayList<>();
    for (Json e : keySchema) {
      Request element = new Request((Json.Obj) e);
      parts.add(
          "KeySchemaElement(attributeName="
              + element.string("AttributeName")
              + ", keyType="
              + element.string("KeyType")
              + ")");
    }
    return parts.toString();
  }
}
