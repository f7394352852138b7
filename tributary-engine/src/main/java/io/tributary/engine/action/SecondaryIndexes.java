package io.tributary.engine.action;

import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.IndexDefinition.ProjectionType;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LocalSecondaryIndexes and GlobalSecondaryIndexes of CreateTable (and a Create of UpdateTable),
 * checked in DynamoDB's order: every local index, then every global one, each for its key
 * attributes' definitions, key types, projection and throughput, then the count limits.
 */
final class SecondaryIndexes {
  static final int MAX_LOCAL = 5;
  static final int MAX_GLOBAL = 20;
  static final int MAX_KEY_ATTRIBUTES_PER_TYPE = 4;
  /**
   * NonKeyAttributes summed over a table's indexes (an attribute in two indexes counts twice);
   * DynamoDB raised this from 20 to 100. One index's list is limited to 20 by the API model.
   */
  static final int MAX_PROJECTED_ATTRIBUTES = 100;

  private static final String INVALID = "One or more parameter values were invalid: ";

  private SecondaryIndexes() {}

  /** An index as the request defines it, before it has an id. */
  record Spec(
      String name,
      boolean global,
      List<KeyAttribute> hashKeys,
      List<KeyAttribute> rangeKeys,
      ProjectionType projectionType,
      List<String> nonKeyAttributes,
      Throughput throughput) {

    IndexDefinition withId(long indexId) {
      return new IndexDefinition(
          indexId, name, global, hashKeys, rangeKeys, projectionType, nonKeyAttributes, throughput,
          IndexDefinition.IndexStatus.ACTIVE);
    }
  }

  /**
   * Parses and checks the indexes of a CreateTable request.
   *
   * @param types the attribute definitions, name to type, in request order
   */
  static List<Spec> parse(
      Request request, KeySchema table, Map<String, String> types, BillingMode billing) {
    List<Spec> specs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Json> local = request.list("LocalSecondaryIndexes");
    if (local != null) {
      if (local.isEmpty()) {
        throw DynamoDbException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
      }
      if (!table.hasSortKey()) {
        throw DynamoDbException.validation(
            INVALID
                + "Table KeySchema does not have a range key, which is required when specifying a"
                + " LocalSecondaryIndex");
      }
      for (Json e : local) {
        Spec spec = parseOne(new Request((Json.Obj) e), false, types, billing, false);
        if (spec.rangeKeys().isEmpty()) {
          throw DynamoDbException.validation(
              INVALID + "Index KeySchema does not have a range key for index: " + spec.name());
        }
        String hash = spec.hashKeys().get(0).name();
        if (!hash.equals(table.partitionKey().name())) {
          throw DynamoDbException.validation(
              INVALID
                  + "Index KeySchema does not have the same leading hash key as table KeySchema"
                  + " for index: "
                  + spec.name()
                  + ". index hash key: "
                  + hash
                  + ", table hash key: "
                  + table.partitionKey().name());
        }
        checkProjection(new Request((Json.Obj) e).object("Projection"));
        addName(names, spec.name());
        specs.add(spec);
      }
      if (local.size() > MAX_LOCAL) {
        throw DynamoDbException.validation(
            INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL);
      }
    }
    List<Json> global = request.list("GlobalSecondaryIndexes");
    if (global != null) {
      if (global.isEmpty()) {
        throw DynamoDbException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
      }
      for (Json e : global) {
        Request index = new Request((Json.Obj) e);
        Spec spec = parseOne(index, true, types, billing, false);
        checkProjection(index.object("Projection"));
        addName(names, spec.name());
        specs.add(spec);
      }
      if (global.size() > MAX_GLOBAL) {
        throw DynamoDbException.validation(
            INVALID
                + "GlobalSecondaryIndex count exceeds the per-table limit of "
                + MAX_GLOBAL);
      }
    }
    checkProjectedCount(specs);
    return specs;
  }

  /**
   * One index's key schema, projection and throughput.
   *
   * @param added whether UpdateTable adds the index to a table, which words the throughput
   *     rules otherwise than CreateTable
   */
  static Spec parseOne(
      Request index,
      boolean global,
      Map<String, String> types,
      BillingMode billing,
      boolean added) {
    String name = index.string("IndexName");
    List<Json> keySchema = index.list("KeySchema");
    List<String> keyNames = new ArrayList<>();
    List<String> keyTypes = new ArrayList<>();
    for (Json k : keySchema) {
      Request element = new Request((Json.Obj) k);
      keyNames.add(element.string("AttributeName"));
      keyTypes.add(element.string("KeyType"));
    }
    if (keyNames.stream().anyMatch(n -> !types.containsKey(n))) {
      throw DynamoDbException.validation(
          INVALID
              + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
              + keyNames
              + ", AttributeDefinitions: "
              + List.copyOf(types.keySet()));
    }
    if (new HashSet<>(keyNames).size() != keyNames.size()) {
      throw DynamoDbException.validation(
          "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!"HASH".equals(keyTypes.get(0))) {
      throw DynamoDbException.validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (!global || keyNames.size() <= 2) {
      if (keyNames.size() > 2) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value '"
                + keySchema.size()
                + "' at 'keySchema' failed to satisfy constraint: Member must have length less"
                + " than or equal to 2");
      }
      if (keyNames.size() == 2 && !"RANGE".equals(keyTypes.get(1))) {
        throw DynamoDbException.validation(
            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
    }
    List<KeyAttribute> hash = new ArrayList<>();
    List<KeyAttribute> range = new ArrayList<>();
    for (int i = 0; i < keyNames.size(); i++) {
      KeyAttribute a = new KeyAttribute(keyNames.get(i), types.get(keyNames.get(i)));
      if ("HASH".equals(keyTypes.get(i))) {
        if (!range.isEmpty()) {
          throw DynamoDbException.validation(
              INVALID + "All HASH key attributes must precede RANGE key attributes in the KeySchema");
        }
        hash.add(a);
      } else {
        range.add(a);
      }
    }
    if (hash.size() > MAX_KEY_ATTRIBUTES_PER_TYPE) {
      throw DynamoDbException.validation(
          INVALID + "The KeySchema exceeds the maximum allowed number of HASH key attributes");
    }
    if (range.size() > MAX_KEY_ATTRIBUTES_PER_TYPE) {
      throw DynamoDbException.validation(
          INVALID + "The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }
    Request projection = index.object("Projection");
    String projectionType = projection.string("ProjectionType");
    if (projectionType == null) {
      throw DynamoDbException.validation(INVALID + "Unknown ProjectionType: null");
    }
    List<String> nonKey = new ArrayList<>();
    if (projection.list("NonKeyAttributes") != null) {
      if (!projectionType.equals("INCLUDE")) {
        throw DynamoDbException.validation(
            INVALID + "ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
      }
      for (Json n : projection.list("NonKeyAttributes")) {
        nonKey.add(((Json.Str) n).value());
      }
    }
    Throughput throughput = null;
    if (global) {
      Request pt = index.object("ProvisionedThroughput");
      if (billing == BillingMode.PAY_PER_REQUEST) {
        if (pt != null) {
          throw DynamoDbException.validation(
              added
                  ? INVALID
                      + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for"
                      + " index: "
                      + name
                      + " when BillingMode is PAY_PER_REQUEST"
                  : INVALID
                      + "ProvisionedThroughput should not be specified for index: "
                      + name
                      + " when BillingMode is PAY_PER_REQUEST");
        }
        throughput = Throughput.ON_DEMAND;
      } else {
        if (pt == null) {
          throw DynamoDbException.validation(
              added
                  ? INVALID
                      + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: "
                      + name
                  : INVALID + "ProvisionedThroughput is not specified for index: " + name);
        }
        throughput =
            Throughput.of(
                BillingModes.checkBounds(pt, "ReadCapacityUnits"),
                BillingModes.checkBounds(pt, "WriteCapacityUnits"));
      }
    }
    return new Spec(
        name, global, hash, range, ProjectionType.valueOf(projectionType), nonKey, throughput);
  }

  private static void checkProjection(Request projection) {
    if ("INCLUDE".equals(projection.string("ProjectionType"))
        && projection.list("NonKeyAttributes") == null) {
      throw DynamoDbException.validation(
          INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
  }

  private static void addName(Set<String> names, String name) {
    if (!names.add(name)) {
      throw DynamoDbException.validation(INVALID + "Duplicate index name: " + name);
    }
  }

  /** DynamoDB counts projected non-key attributes across all of a table's indexes. */
  // The message's wording is not confirmed against DynamoDB.
  static void checkProjectedCount(List<Spec> specs) {
    int total = 0;
    for (Spec s : specs) {
      total += new LinkedHashSet<>(s.nonKeyAttributes()).size();
    }
    if (total > MAX_PROJECTED_ATTRIBUTES) {
      throw DynamoDbException.validation(
          INVALID
              + "The number of projected attributes in all indexes exceeds the limit of "
              + MAX_PROJECTED_ATTRIBUTES
              + ", provided: "
              + total);
    }
  }

  /** The attribute names the table and index keys use, table key first. */
  static List<String> keysUsed(KeySchema table, List<Spec> specs) {
    Set<String> used = new LinkedHashSet<>(table.names());
    for (Spec s : specs) {
      s.hashKeys().forEach(k -> used.add(k.name()));
      s.rangeKeys().forEach(k -> used.add(k.name()));
    }
    return List.copyOf(used);
  }
}
