package io.tributary.triggers.function;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.runtime.Invocation;
import io.tributary.triggers.runtime.Invoker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions of every region, and their deployment packages, kept in the triggers keyspace
 * (definitions under {@code fn/<region>/<name>}, packages under {@code code/<sha256>}) and cached.
 */
public final class Functions {
  private static final byte[] PREFIX = "fn/".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "fn0".getBytes(StandardCharsets.UTF_8);

  private final Store store;
  private final Clock clock;
  private final String accountId;
  private final Invoker invoker;
  private final Map<String, FunctionDefinition> byKey = new ConcurrentHashMap<>();
  private volatile URI endpoint;

  public Functions(Store store, Clock clock, String accountId, Invoker invoker) {
    this.store = store;
    this.clock = clock;
    this.accountId = accountId;
    this.invoker = invoker;
    try (EntryIterator it = store.scan(Keyspace.TRIGGERS, PREFIX, END, false)) {
      while (it.next()) {
        FunctionDefinition f = decode(it.value());
        byKey.put(key(f.region(), f.name()), f);
      }
    }
  }

  public void serving(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** Where Tributary answers (null until the server listens). */
  public URI endpoint() {
    return endpoint;
  }

  public String accountId() {
    return accountId;
  }

  public Clock clock() {
    return clock;
  }

  public String arn(String region, String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  /** The function with this name (or ARN), or null. */
  public FunctionDefinition find(String region, String nameOrArn) {
    FunctionNames.Ref ref = FunctionNames.parse(nameOrArn, region);
    return byKey.get(key(ref.region(), ref.name()));
  }

  /** The function, or Lambda's ResourceNotFoundException. */
  public FunctionDefinition get(String region, String nameOrArn) {
    FunctionDefinition f = find(region, nameOrArn);
    if (f == null) {
      FunctionNames.Ref ref = FunctionNames.parse(nameOrArn, region);
      throw LambdaException.resourceNotFound(
          "Function not found: " + arn(ref.region(), ref.name()));
    }
    return f;
  }

  /** The functions of a region, by name. */
  public List<FunctionDefinition> list(String region) {
    return byKey.values().stream()
        .filter(f -> f.region().equals(region))
        .sorted(Comparator.comparing(FunctionDefinition::name))
        .toList();
  }

  /** Stores a new function; false when one of that name exists. */
  public synchronized boolean create(FunctionDefinition f, byte[] code) {
    if (byKey.containsKey(key(f.region(), f.name()))) {
      return false;
    }
    save(f, code);
    return true;
  }

  /** Replaces a function's definition (and package, when {@code code} is not null). */
  public synchronized void update(FunctionDefinition f, byte[] code) {
    save(f, code);
    invoker.retire(f.arn());
  }

  public synchronized void delete(FunctionDefinition f) {
    store.write(new WriteBatch().delete(Keyspace.TRIGGERS, definitionKey(f)));
    byKey.remove(key(f.region(), f.name()));
    invoker.retire(f.arn());
  }

  private void save(FunctionDefinition f, byte[] code) {
    WriteBatch batch = new WriteBatch().put(Keyspace.TRIGGERS, definitionKey(f), encode(f));
    if (code != null) {
      batch.put(Keyspace.TRIGGERS, codeKey(f.codeSha256()), code);
    }
    store.write(batch);
    byKey.put(key(f.region(), f.name()), f);
  }

  /** The function's deployment package. */
  public byte[] code(FunctionDefinition f) {
    return store.get(Keyspace.TRIGGERS, codeKey(f.codeSha256()));
  }

  /** Runs the function once and waits for its answer. */
  public Invocation invoke(FunctionDefinition f, byte[] payload, String requestId) {
    return invoker.invoke(f, code(f), payload, requestId);
  }

  public Instant now() {
    return clock.instant();
  }

  private static String key(String region, String name) {
    return region + "/" + name;
  }

  private static byte[] definitionKey(FunctionDefinition f) {
    return ("fn/" + key(f.region(), f.name())).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] codeKey(String sha256) {
    return ("code/" + sha256).getBytes(StandardCharsets.UTF_8);
  }

  // Written to disk: field names never change.
  private static byte[] encode(FunctionDefinition f) {
    JsonBuilder env = JsonBuilder.object();
    f.environment().forEach(env::put);
    return JsonWriter.write(
        JsonBuilder.object()
            .put("v", 1)
            .put("region", f.region())
            .put("name", f.name())
            .put("arn", f.arn())
            .put("runtime", f.runtime())
            .put("handler", f.handler())
            .put("role", f.role())
            .put("description", f.description())
            .put("timeout", f.timeoutSeconds())
            .put("memory", f.memorySize())
            .put("environment", env.build())
            .put("sha256", f.codeSha256())
            .put("codeSize", f.codeSize())
            .put("modified", f.lastModified().toEpochMilli())
            .put("revision", f.revisionId())
            .build());
  }

  private static FunctionDefinition decode(byte[] bytes) {
    Json.Obj o = (Json.Obj) JsonReader.parse(bytes);
    Map<String, String> env = new LinkedHashMap<>();
    ((Json.Obj) o.get("environment")).members().forEach((k, v) -> env.put(k, ((Json.Str) v).value()));
    return new FunctionDefinition(
        text(o, "region"),
        text(o, "name"),
        text(o, "arn"),
        text(o, "runtime"),
        text(o, "handler"),
        text(o, "role"),
        text(o, "description"),
        (int) number(o, "timeout"),
        (int) number(o, "memory"),
        env,
        text(o, "sha256"),
        number(o, "codeSize"),
        Instant.ofEpochMilli(number(o, "modified")),
        text(o, "revision"));
  }

  private static String text(Json.Obj o, String name) {
    return o.get(name) instanceof Json.Str s ? s.value() : null;
  }

  private static long number(Json.Obj o, String name) {
    return Long.parseLong(((Json.Num) o.get(name)).text());
  }
}
