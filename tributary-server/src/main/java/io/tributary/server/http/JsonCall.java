package io.tributary.server.http;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of the JSON protocol ({@code POST} with {@code X-Amz-Target}), run on a worker thread:
 * undo the content coding, parse, find the action, run it, render the answer and compress it.
 * DynamoDB's API and DynamoDB Streams' share the endpoint; the target's prefix picks the service.
 *
 * <p>The checks come in DynamoDB's order: a body that is not JSON is a SerializationException
 * even when the target is wrong; then an unknown target is an UnknownOperationException; then an
 * empty body, or JSON that is not an object, is a SerializationException.
 */
final class JsonCall {
  private static final Logger LOG = LoggerFactory.getLogger(JsonCall.class);
  static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";
  static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";
  static final String LOGS_TARGET_PREFIX = "Logs_20140328.";

  private final Operations dynamoDb;
  private final Operations streams;
  private final Operations logs;
  private final String accountId;
  private final int maxBodyBytes;

  JsonCall(Services services, String accountId, int maxBodyBytes) {
    this(services.dynamoDb(), services.streams(), services.logs(), accountId, maxBodyBytes);
  }

  JsonCall(
      Operations dynamoDb,
      Operations streams,
      Operations logs,
      String accountId,
      int maxBodyBytes) {
    this.logs = logs;
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.accountId = accountId;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * A call as read off the wire (header values may be null).
   *
   * @param body the body bytes as received, still content-coded
   */
  record Request(
      String requestId,
      String region,
      String host,
      String target,
      String contentType,
      String contentEncoding,
      String acceptEncoding,
      byte[] body) {}

  /**
   * Whether the call may be answered on the thread that read it: a DynamoDB action its service
   * says never waits, in a body sent without content coding (inflating a large body is work for
   * a worker).
   */
  boolean neverWaits(Request call) {
    String target = call.target();
    return target != null
        && call.contentEncoding() == null
        && target.startsWith(DYNAMODB_TARGET_PREFIX)
        && dynamoDb.neverWaits(target.substring(DYNAMODB_TARGET_PREFIX.length()));
  }

  /** The answer; never throws for anything a client can send. */
  HttpReply answer(Request call) {
    String contentType = ContentTypes.responseType(call.contentType());
    HttpReply reply;
    try {
      reply = HttpReply.json(contentType, JsonWriter.write(execute(call)));
    } catch (DynamoDbException e) {
      reply = HttpReply.error(e, contentType);
    } catch (RuntimeException | StackOverflowError e) {
      // The one place where a bug becomes a 500.
      LOG.error("Request {} ({}) failed", call.requestId(), call.target(), e);
      reply = HttpReply.error(ErrorBody.internalServerError(), contentType);
    }
    return reply.encoded(call.acceptEncoding());
  }

  private Json.Obj execute(Request call) {
    byte[] body = RequestEncoding.decode(call.contentEncoding(), call.body(), maxBodyBytes);
    Json parsed = body.length == 0 ? null : JsonReader.parse(body);
    Operations service = service(call.target());
    String operation = operation(call.target());
    if (!(parsed instanceof Json.Obj request)) {
      throw DynamoDbException.serialization(null);
    }
    return service.execute(
        operation, request, new RequestContext(call.requestId(), call.region(), accountId, call.host()));
  }

  /**
   * The service an {@code X-Amz-Target} names: DynamoDB ("DynamoDB_20120810.", tested first as
   * by far the most frequent), DynamoDB Streams ("DynamoDBStreams_20120810.") or CloudWatch Logs
   * ("Logs_20140328."); anything else is an unknown operation.
   */
  private Operations service(String target) {
    if (target != null) {
      if (target.startsWith(DYNAMODB_TARGET_PREFIX)) {
        return dynamoDb;
      }
      if (target.startsWith(STREAMS_TARGET_PREFIX)) {
        return streams;
      }
      if (target.startsWith(LOGS_TARGET_PREFIX)) {
        return logs;
      }
    }
    throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
  }

  /** The action named by a target {@link #service} accepted: what follows the prefix's dot. */
  private static String operation(String target) {
    String operation = target.substring(target.indexOf('.') + 1);
    if (operation.isEmpty() || operation.indexOf('.') >= 0) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    return operation;
  }
}
