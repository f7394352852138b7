package io.tributary.expressions;

/**
 * The key a Query reads by (the table's or an index's): attribute names and their types ("S",
 * "N" or "B"); the sort key's are null when there is none.
 */
public record KeyAttributes(
    String partitionKey, String partitionKeyType, String sortKey, String sortKeyType) {
  public static KeyAttributes of(String partitionKey, String partitionKeyType) {
    return new KeyAttributes(partitionKey, partitionKeyType, null, null);
  }

  int count() {
    return sortKey == null ? 1 : 2;
  }
}
