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
 *
 * <p>The checks come in DynamoDB's order: a body that is not JSON is a SerializationException
 * even when the target is wrong; then an unknown target is an UnknownOperationException; then an
 * empty body, or JSON that is not an object, is a SerializationException.
 */
final class JsonCall {
  private static final Logger LOG = LoggerFactory.getLogger(JsonCall.class);
  static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";

  private final Operations operations;
  private final String accountId;
  private final int maxBodyBytes;

  JsonCall(Operations operations, String accountId, int maxBodyBytes) {
    this.operations = operations;
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
      String target,
      String contentType,
      String contentEncoding,
      String acceptEncoding,
      byte[] body) {}

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
    String operation = operation(call.target());
    if (!(parsed instanceof Json.Obj request)) {
      throw DynamoDbException.serialization(null);
    }
    return operations.execute(
        operation, request, new RequestContext(call.requestId(), call.region(), accountId));
  }

  /**
   * The action named by an {@code X-Amz-Target} of DynamoDB's API. DynamoDB Streams
   * ("DynamoDBStreams_20120810."), CloudWatch Logs ("Logs_20140328.") and anything else are
   * unknown operations until they are served.
   */
  private static String operation(String target) {
    if (target == null || !target.startsWith(DYNAMODB_TARGET_PREFIX)) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    String operation = target.substring(DYNAMODB_TARGET_PREFIX.length());
    if (operation.isEmpty() || operation.indexOf('.') >= 0) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    return operation;
  }
}
