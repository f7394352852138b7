package io.tributary.triggers.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Runtime API (2018-06-01) of one execution environment. Each environment gets a server
 * of its own on a free port of 127.0.0.1, so a runtime can only ever be handed its own function's
 * events, and every client library (which joins {@code AWS_LAMBDA_RUNTIME_API} and the path as it
 * likes) finds the paths where Lambda has them.
 */
final class RuntimeApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeApi.class);
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String INVOCATION = PREFIX + "invocation/";

  /** Lambda's limit on a synchronous result, as its error message states it. */
  static final int MAX_RESPONSE_BYTES = 6_291_556;

  /** One event for the runtime, from the moment it is offered until its outcome is known. */
  static final class Event {
    final String requestId;
    final byte[] payload;
    final String functionArn;
    final long timeoutMillis;
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    /** Completed when the runtime takes the event (its Timeout starts then). */
    final CompletableFuture<Void> delivery = new CompletableFuture<>();

    /**
     * Completed when the runtime, having answered, asks for its next event: only then is the
     * invocation over (a runtime may log after it answers, as AWS's Java client logs errors).
     */
    final CompletableFuture<Void> runtimeDone = new CompletableFuture<>();

    private volatile long deliveredNanos;
    private volatile long deadlineEpochMillis;

    Event(String requestId, byte[] payload, String functionArn, long timeoutMillis) {
      this.requestId = requestId;
      this.payload = payload;
      this.functionArn = functionArn;
      this.timeoutMillis = timeoutMillis;
    }

    boolean delivered() {
      return deliveredNanos != 0;
    }

    long deliveredNanos() {
      return deliveredNanos;
    }
  }

  /** Handed to a runtime still waiting for an event when the environment goes away. */
  private static final Event CLOSED = new Event("", new byte[0], "", 0);

  private final HttpServer server;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Consumer<Event> delivering;
  private Event waiting;
  private volatile Event current;
  private volatile Event answered;
  private Outcome.InitError initError;
  private boolean closed;

  /**
   * @param delivering called just before an event goes to the runtime (the invocation starts)
   */
  RuntimeApi(ExecutorService handlers, Consumer<Event> delivering) throws IOException {
    this.delivering = delivering;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** What {@code AWS_LAMBDA_RUNTIME_API} says: host and port. */
  String address() {
    InetSocketAddress bound = server.getAddress();
    return bound.getAddress().getHostAddress() + ":" + bound.getPort();
  }

  /** Queues an event for the runtime's next {@code GET .../invocation/next}. */
  synchronized void offer(Event event) {
    if (initError != null) {
      event.outcome.complete(initError);
      return;
    }
    waiting = event;
    events.add(event);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    events.add(CLOSED);
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // The JDK's server would drop the connection without a word; say what went wrong.
      LOG.warn(
          "Runtime API {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      throw e;
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("GET") && path.equals(INVOCATION + "next")) {
      next(exchange);
    } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
      initError(exchange);
    } else if (method.equals("POST") && path.startsWith(INVOCATION)) {
      String rest = path.substring(INVOCATION.length());
      int slash = rest.indexOf('/');
      String verb = slash < 0 ? "" : rest.substring(slash + 1);
      if (verb.equals("response") || verb.equals("error")) {
        answer(exchange, rest.substring(0, slash), verb.equals("response"));
      } else {
        reply(exchange, 404, error("InvalidRequest", "Unknown path: " + path));
      }
    } else {
      reply(exchange, 404, error("InvalidRequest", "Unknown path: " + path));
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Event done = answered;
    if (done != null) {
      answered = null;
      done.runtimeDone.complete(null);
    }
    Event event;
    try {
      do {
        event = events.take();
        // An event whose outcome is already known timed out while the runtime was starting.
      } while (event != CLOSED && event.outcome.isDone());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      event = CLOSED;
    }
    if (event == CLOSED) {
      events.add(CLOSED);
      reply(exchange, 500, error("Runtime.Stopped", "The execution environment is shutting down."));
      return;
    }
    synchronized (this) {
      waiting = null;
    }
    event.deadlineEpochMillis = System.currentTimeMillis() + event.timeoutMillis;
    event.deliveredNanos = System.nanoTime();
    event.delivery.complete(null);
    current = event;
    delivering.accept(event);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Lambda-Runtime-Aws-Request-Id", event.requestId);
    headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineEpochMillis));
    headers.set("Lambda-Runtime-Invoked-Function-Arn", event.functionArn);
    headers.set("Lambda-Runtime-Trace-Id", traceId());
    exchange.sendResponseHeaders(200, event.payload.length == 0 ? -1 : event.payload.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(event.payload);
    }
  }

  private void answer(HttpExchange exchange, String requestId, boolean success) throws IOException {
    Event event = current;
    if (event == null || !event.requestId.equals(requestId)) {
      drain(exchange.getRequestBody());
      reply(exchange, 400, error("InvalidRequestID", "Invalid request ID"));
      return;
    }
    byte[] body = readAtMost(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
    current = null;
    answered = event;
    if (body == null) {
      event.outcome.complete(new Outcome.ResponseTooLarge());
      reply(exchange, 413, error("RequestEntityTooLarge", "Payload too large"));
      return;
    }
    if (success) {
      event.outcome.complete(new Outcome.Response(body));
    } else {
      String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
      ErrorDocument document = ErrorDocument.of(body, type);
      event.outcome.complete(new Outcome.FunctionError(document.bytes(), document.errorType()));
    }
    reply(exchange, 202, JsonBuilder.object().put("status", "OK").build());
  }

  private void initError(HttpExchange exchange) throws IOException {
    byte[] body = readAtMost(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
    String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    ErrorDocument document = ErrorDocument.of(body == null ? new byte[0] : body, type);
    synchronized (this) {
      initError = new Outcome.InitError(document.bytes(), document.errorType());
      if (waiting != null) {
        waiting.outcome.complete(initError);
      }
    }
    reply(exchange, 202, JsonBuilder.object().put("status", "OK").build());
  }

  /** An X-Ray trace header as Lambda passes one: the epoch seconds in hex, then random digits. */
  private static String traceId() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%024x;Parent=%016x;Sampled=0",
        System.currentTimeMillis() / 1000, new java.math.BigInteger(96, random), random.nextLong());
  }

  /** The body, or null when it is longer than {@code limit} bytes. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (out.size() + n > limit) {
        drain(in);
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static Json.Obj error(String type, String message) {
    return JsonBuilder.object().put("errorMessage", message).put("errorType", type).build();
  }

  private static void reply(HttpExchange exchange, int status, Json.Obj body) throws IOException {
    byte[] bytes = JsonWriter.write(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * An error document as a runtime posted it: kept byte for byte when it is a JSON object (each
   * runtime has its own members: Python's {@code stackTrace}, Node's {@code trace}), otherwise
   * wrapped in the two members every Lambda error has.
   */
  record ErrorDocument(byte[] bytes, String errorType) {
    static ErrorDocument of(byte[] body, String headerType) {
      try {
        if (JsonReader.parse(body) instanceof Json.Obj obj) {
          String type = obj.get("errorType") instanceof Json.Str s ? s.value() : headerType;
          return new ErrorDocument(body, type == null ? "Unhandled" : type);
        }
      } catch (RuntimeException notJson) {
        // Wrapped below.
      }
      String type = headerType == null || headerType.isEmpty() ? "Unhandled" : headerType;
      byte[] wrapped = JsonWriter.write(error(type, new String(body, StandardCharsets.UTF_8)));
      return new ErrorDocument(wrapped, type);
    }
  }
}
