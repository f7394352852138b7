package io.tributary.engine.action;

import io.tributary.engine.Database;
import java.util.Map;

/** The one list of DynamoDB actions, keyed by their wire names. Nothing else dispatches. */
public final class Actions {
  private Actions() {}

  public static Map<String, Action> all(Database db) {
    return Map.ofEntries(
        Map.entry("CreateTable", new CreateTable(db)),
        Map.entry("DescribeTable", new DescribeTable(db)),
        Map.entry("ListTables", new ListTables(db)),
        Map.entry("UpdateTable", new UpdateTable(db)),
        Map.entry("DeleteTable", new DeleteTable(db)),
        Map.entry("PutItem", new PutItem(db)),
        Map.entry("GetItem", new GetItem(db)),
        Map.entry("DeleteItem", new DeleteItem(db)),
        Map.entry("UpdateItem", new UpdateItem(db)),
        Map.entry("Query", new Query(db)),
        Map.entry("BatchGetItem", new BatchGetItem(db)),
        Map.entry("BatchWriteItem", new BatchWriteItem(db)),
        Map.entry("Scan", new Scan(db)),
        Map.entry("TagResource", new TagResource(db)),
        Map.entry("UntagResource", new UntagResource(db)),
        Map.entry("ListTagsOfResource", new ListTagsOfResource(db)),
        Map.entry("DescribeLimits", new DescribeLimits()),
        Map.entry("DescribeEndpoints", new DescribeEndpoints()),
        Map.entry("UpdateTimeToLive", new UpdateTimeToLive(db)),
        Map.entry("DescribeTimeToLive", new DescribeTimeToLive(db)),
        Map.entry("TransactWriteItems", new TransactWriteItems(db)),
        Map.entry("TransactGetItems", new TransactGetItems(db)));
  }
}
