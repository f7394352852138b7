package io.tributary.engine.table;

import java.util.ArrayList;
import java.util.List;

/**
 * One secondary index of a table. A local index shares the table's partition key; a global one
 * has a key of its own, of up to four HASH and four RANGE attributes (DynamoDB's multi-attribute
 * keys), each with its own type.
 *
 * @param indexId the stable numeric id every entry key of the index starts with; drawn from the
 *     table-id counter, so never reused
 * @param hashKeys the HASH attributes in key-schema order (one for a local index)
 * @param rangeKeys the RANGE attributes in key-schema order (possibly none for a global index)
 * @param nonKeyAttributes the attributes an INCLUDE projection adds; empty otherwise
 * @param throughput a global index's provisioned throughput; null for a local index
 * @param status ACTIVE, or CREATING while UpdateTable's backfill runs, or DELETING until its
 *     entries are purged
 */
public record IndexDefinition(
    long indexId,
    String name,
    boolean global,
    List<KeyAttribute> hashKeys,
    List<KeyAttribute> rangeKeys,
    ProjectionType projectionType,
    List<String> nonKeyAttributes,
    Throughput throughput,
    IndexStatus status) {

  /** A global index's status. Written to disk by name: never rename. */
  public enum IndexStatus {
    CREATING,
    UPDATING,
    DELETING,
    ACTIVE
  }

  /** What an index stores besides the keys. Written to disk by name: never rename. */
  public enum ProjectionType {
    KEYS_ONLY,
    INCLUDE,
    ALL
  }

  public IndexDefinition {
    hashKeys = List.copyOf(hashKeys);
    rangeKeys = List.copyOf(rangeKeys);
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }

  /** Every key attribute of the index, HASH ones first. */
  public List<KeyAttribute> keyAttributes() {
    List<KeyAttribute> all = new ArrayList<>(hashKeys);
    all.addAll(rangeKeys);
    return all;
  }

  /** Whether the key is a plain one (one HASH attribute, at most one RANGE attribute). */
  public boolean simpleKey() {
    return hashKeys.size() == 1 && rangeKeys.size() <= 1;
  }

  /** The index key as a KeySchema, for a simple key. */
  public KeySchema keySchema() {
    return new KeySchema(hashKeys.get(0), rangeKeys.isEmpty() ? null : rangeKeys.get(0));
  }

  /** Whether {@code attribute} is stored in this index's entries of table {@code table}. */
  public boolean projects(KeySchema table, String attribute) {
    if (projectionType == ProjectionType.ALL || table.isKey(attribute)) {
      return true;
    }
    for (KeyAttribute k : keyAttributes()) {
      if (k.name().equals(attribute)) {
        return true;
      }
    }
    return nonKeyAttributes.contains(attribute);
  }

  /** Whether writes keep this index's entries: from the start of its backfill until deleted. */
  public boolean maintained() {
    return status != IndexStatus.DELETING;
  }

  public IndexDefinition withThroughput(Throughput newThroughput) {
    return new IndexDefinition(
        indexId, name, global, hashKeys, rangeKeys, projectionType, nonKeyAttributes,
        newThroughput, status);
  }

  public IndexDefinition withStatus(IndexStatus newStatus) {
    return new IndexDefinition(
        indexId, name, global, hashKeys, rangeKeys, projectionType, nonKeyAttributes, throughput,
        newStatus);
  }
}
