package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.stream.StreamLog;
import io.tributary.engine.stream.StreamView;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamSpecification on CreateTable and UpdateTable, with DynamoDB's refusals, and the stream
 * members of a TableDescription: StreamSpecification while a stream is enabled, and the newest
 * stream's LatestStreamArn and LatestStreamLabel even after it was disabled.
 */
final class StreamSpecifications {
  private StreamSpecifications() {}

  /** CreateTable's view type to enable a stream with, or null for none. */
  static String forCreate(Request request) {
    Request spec = request.object("StreamSpecification");
    if (spec == null) {
      return null;
    }
    boolean enabled = Boolean.TRUE.equals(spec.bool("StreamEnabled"));
    if (enabled && !spec.has("StreamViewType")) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Table is being created with a stream"
              + " enabled, UpdateViewType is required");
    }
    if (!enabled && spec.has("StreamViewType")) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Table is being created with a stream"
              + " disabled, UpdateViewType should not be specified");
    }
    return enabled ? spec.string("StreamViewType") : null;
  }

  /** A checked UpdateTable StreamSpecification: enable with a view type, or disable. */
  record Change(boolean enable, String viewType) {}

  /** UpdateTable's stream change, checked on its own and against the rest of the request; or null. */
  static Change forUpdate(Request request) {
    Request spec = request.object("StreamSpecification");
    if (spec == null) {
      return null;
    }
    boolean enable = Boolean.TRUE.equals(spec.bool("StreamEnabled"));
    if (enable && !spec.has("StreamViewType")) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: If stream is being enabled then"
              + " UpdateViewType is required");
    }
    if (!enable && spec.has("StreamViewType")) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: If stream is being disabled, then"
              + " UpdateViewType must not be specified");
    }
    if (request.has("ProvisionedThroughput")
        || "PROVISIONED".equals(request.string("BillingMode"))) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: You cannot modify stream status while"
              + " updating table IOPS");
    }
    if (request.list("GlobalSecondaryIndexUpdates") != null
        && !request.list("GlobalSecondaryIndexUpdates").isEmpty()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: You cannot create or delete index while"
              + " changing stream status");
    }
    return new Change(enable, enable ? spec.string("StreamViewType") : null);
  }

  /** Applies a checked change to the table's stream. */
  static void apply(Database db, TableDefinition table, Change change) {
    StreamLog streams = db.streams();
    boolean hasEnabled = streams.hasEnabled(table.tableId());
    if (change.enable() && hasEnabled) {
      throw DynamoDbException.validation(
          "Table already has an enabled stream: TableName: " + table.name());
    }
    if (!change.enable() && !hasEnabled) {
      throw DynamoDbException.validation(
          "Table has no stream to disable: TableName: " + table.name());
    }
    if (change.enable()) {
      streams.enable(table, change.viewType());
    } else {
      streams.disable(table.tableId());
    }
  }

  /** The description with the table's stream members added. */
  static Json.Obj describe(Database db, TableDefinition table, Json.Obj description) {
    StreamView latest = db.streams().latestView(table.tableId());
    if (latest == null) {
      return description;
    }
    Map<String, Json> members = new LinkedHashMap<>(description.members());
    if (latest.enabled()) {
      Map<String, Json> spec = new LinkedHashMap<>();
      spec.put("StreamEnabled", new Json.Bool(true));
      spec.put("StreamViewType", new Json.Str(latest.viewType()));
      members.put("StreamSpecification", new Json.Obj(spec));
    }
    members.put("LatestStreamLabel", new Json.Str(latest.label()));
    members.put("LatestStreamArn", new Json.Str(latest.arn()));
    return new Json.Obj(members);
  }
}
