package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.engine.shape.ServiceModel;
import io.tributary.engine.shape.ShapeValidator;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.storage.Store;
import java.time.Clock;
import java.util.Map;

/**
 * The log groups and the CloudWatch Logs API over them: what functions print comes in through
 * {@link #sink()}, and {@link #execute} serves the {@code Logs_20140328.*} actions, so {@code aws
 * logs tail /aws/lambda/<name>} shows it. Thread-safe.
 *
 * <p>A request is checked against CloudWatch Logs' model before its action runs, with Coral's
 * messages, which the service reports as InvalidParameterException ("1 validation error detected:
 * Value '100' at 'limit' failed to satisfy constraint: Member must have value less than or equal to
 * 50").
 */
public final class Logs {
  static final String MODEL = "/io/tributary/triggers/logs/logs-2014-03-28.json";

  private final LogStore store;
  private final ShapeValidator shapes;
  private final Map<String, LogsAction> actions;

  public Logs(Store store, Clock clock, String accountId) {
    this.store = new LogStore(store, clock);
    this.shapes = new ShapeValidator(ServiceModel.load(MODEL));
    // The one list of the actions, by wire name.
    this.actions =
        Map.of(
            "CreateLogGroup", new CreateLogGroup(this.store),
            "CreateLogStream", new CreateLogStream(this.store),
            "DeleteLogGroup", new DeleteLogGroup(this.store),
            "DeleteLogStream", new DeleteLogStream(this.store),
            "PutLogEvents", new PutLogEvents(this.store),
            "DescribeLogGroups", new DescribeLogGroups(this.store, accountId),
            "DescribeLogStreams", new DescribeLogStreams(this.store, accountId),
            "GetLogEvents", new GetLogEvents(this.store),
            "FilterLogEvents", new FilterLogEvents(this.store));
  }

  /**
   * Where function runtimes write: each call appends its events to the stream in one atomic batch,
   * creating the group and the stream on first use. Calls for different streams run in parallel;
   * calls for one stream are applied one after the other.
   */
  public LogSink sink() {
    return (region, group, stream, events) -> {
      if (!events.isEmpty()) {
        store.append(region, group, stream, events, true);
      }
    };
  }

  /**
   * Runs the action {@code operation} (the part of X-Amz-Target after "Logs_20140328.").
   *
   * @throws DynamoDbException with CloudWatch Logs' error for anything the request got wrong,
   *     UnknownOperationException for an action Tributary does not serve
   */
  public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
    LogsAction action = actions.get(operation);
    if (action == null || !shapes.hasOperation(operation)) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    shapes.checkTypes(operation, request);
    try {
      shapes.checkConstraints(operation, request);
    } catch (DynamoDbException e) {
      throw LogErrors.invalidParameter(e.getMessage());
    }
    return action.handle(request, context);
  }
}
