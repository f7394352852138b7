package io.tributary.triggers.action;

import io.tributary.model.json.JsonReader;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import io.tributary.triggers.runtime.Invocation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Invoke: RequestResponse runs the function and answers its result (200, with
 * X-Amz-Function-Error when it failed, and the log's last 4 KB with X-Amz-Log-Type Tail); Event
 * queues it and answers 202; DryRun only checks (204).
 */
final class Invoke implements LambdaAction {
  static final int MAX_PAYLOAD = 6 * 1024 * 1024;

  private final Functions functions;
  private final ExecutorService events =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("lambda-event-", 0).factory());

  Invoke(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String name) {
    FunctionDefinition f = functions.get(request.region(), name);
    String type = request.header("X-Amz-Invocation-Type");
    type = type == null ? "RequestResponse" : type;
    byte[] payload = request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
    if (payload.length > MAX_PAYLOAD) {
      throw new LambdaException(
          "RequestTooLargeException",
          413,
          false,
          "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
    }
    try {
      JsonReader.parse(payload);
    } catch (RuntimeException e) {
      throw new LambdaException(
          "InvalidRequestContentException", 400, false, "Could not parse request body into json");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Amz-Executed-Version", "$LATEST");
    switch (type) {
      case "DryRun":
        return new RestResponse(204, headers, new byte[0]);
      case "Event":
        events.execute(() -> functions.invoke(f, payload, request.requestId()));
        return new RestResponse(202, headers, new byte[0]);
      case "RequestResponse":
        break;
      default:
        throw LambdaException.validation(
            "1 validation error detected: Value '"
                + type
                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum"
                + " value set: [Event, RequestResponse, DryRun]");
    }
    Invocation result = functions.invoke(f, payload, request.requestId());
    if (result.failed()) {
      headers.put("X-Amz-Function-Error", result.functionError());
    }
    if ("Tail".equals(request.header("X-Amz-Log-Type"))) {
      headers.put(
          "X-Amz-Log-Result",
          Base64.getEncoder().encodeToString(result.logTail().getBytes(StandardCharsets.UTF_8)));
    }
    return new RestResponse(200, headers, result.payload());
  }
}
