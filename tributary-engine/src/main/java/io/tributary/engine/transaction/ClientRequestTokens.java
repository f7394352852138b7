package io.tributary.engine.transaction;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TransactWriteItems' ClientRequestToken: for ten minutes after a transaction with a token went
 * through, the same request with the same token succeeds again without applying anything; a
 * different request with it is refused. (The SDKs put a fresh token on every call and keep it
 * across their retries.) The record of a token is written in
 * the transaction's own batch, so a retry after a crash finds it exactly when the transaction
 * committed.
 */
public final class ClientRequestTokens {
  /** How long a token is remembered after its transaction went through. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private static final byte[] PREFIX = "client-request-token/".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "client-request-token0".getBytes(StandardCharsets.UTF_8);

  /** Where a token stands. */
  private sealed interface State {}

  /** A token whose transaction is running. */
  private record Running(byte[] fingerprint) implements State {}

  /** A token whose transaction went through. */
  private record Used(byte[] fingerprint, Instant at) implements State {}

  private final Store store;
  private final Clock clock;

  /**
   * Every token running or remembered. One map, changed one token at a time, so a retry that
   * arrives as the first request ends finds the token either running or used, never neither.
   */
  private final Map<String, State> tokens = new ConcurrentHashMap<>();

  public ClientRequestTokens(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    try (EntryIterator it = store.scan(Keyspace.SYSTEM, PREFIX, END, false)) {
      while (it.next()) {
        String token =
            new String(
                it.key(), PREFIX.length, it.key().length - PREFIX.length, StandardCharsets.UTF_8);
        tokens.put(token, decode(it.value()));
      }
    }
  }

  /** A transaction with a token, between {@link #begin} and {@link #end}. */
  public record Claim(String token, byte[] fingerprint, boolean replay) {}

  /**
   * Claims {@code token} for a request whose members other than the token are {@code request}.
   *
   * @throws DynamoDbException IdempotentParameterMismatchException when the token went with a
   *     different request, TransactionInProgressException when a request with it is running
   */
  public Claim begin(String token, Json.Obj request) {
    byte[] fingerprint = fingerprint(request);
    boolean[] replay = new boolean[1];
    tokens.compute(
        token,
        (t, state) ->
            switch (state) {
              case null -> new Running(fingerprint);
              case Used u when expired(u) -> new Running(fingerprint);
              case Used u -> {
                requireSame(u.fingerprint(), fingerprint);
                // The same request went through before: answer it again, changing nothing.
                replay[0] = true;
                yield u;
              }
              case Running r -> {
                requireSame(r.fingerprint(), fingerprint);
                throw DynamoDbException.of(
                    ErrorType.TRANSACTION_IN_PROGRESS,
                    "Transaction from previous request is still in progress");
              }
            });
    return new Claim(token, fingerprint, replay[0]);
  }

  /** Adds the record of the claimed token to the transaction's batch. */
  public void record(Claim claim, WriteBatch batch) {
    batch.put(
        Keyspace.SYSTEM, key(claim.token()), encode(new Used(claim.fingerprint(), clock.instant())));
  }

  /**
   * Lets the token go: remembered when its transaction went through, free for another try when
   * it did not.
   */
  public void end(Claim claim, boolean committed) {
    if (claim.replay()) {
      return;
    }
    if (committed) {
      tokens.put(claim.token(), new Used(claim.fingerprint(), clock.instant()));
    } else {
      tokens.remove(claim.token());
    }
  }

  /** Forgets the tokens whose window has passed, here and in storage. */
  public void expire() {
    WriteBatch batch = new WriteBatch();
    for (Map.Entry<String, State> e : tokens.entrySet()) {
      if (e.getValue() instanceof Used u && expired(u) && tokens.remove(e.getKey(), u)) {
        batch.delete(Keyspace.SYSTEM, key(e.getKey()));
      }
    }
    if (!batch.isEmpty()) {
      store.write(batch);
    }
  }

  private boolean expired(Used u) {
    return u.at().plus(WINDOW).isBefore(clock.instant());
  }

  private static void requireSame(byte[] before, byte[] fingerprint) {
    if (!Arrays.equals(before, fingerprint)) {
      throw DynamoDbException.of(
          ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
          "Request has the same ClientRequestToken as a previous request but is not identical");
    }
  }

  /**
   * A digest of the request without its token. Members are taken in name order at every level:
   * DynamoDB compares requests, not the order a client wrote their members in.
   */
  private static byte[] fingerprint(Json.Obj request) {
    Map<String, Json> members = new LinkedHashMap<>(request.members());
    members.remove("ClientRequestToken");
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(JsonWriter.write(canonical(new Json.Obj(members))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Json canonical(Json value) {
    return switch (value) {
      case Json.Obj o -> {
        Map<String, Json> sorted = new java.util.TreeMap<>();
        o.members().forEach((k, v) -> sorted.put(k, canonical(v)));
        yield new Json.Obj(new LinkedHashMap<>(sorted));
      }
      case Json.Arr a -> new Json.Arr(a.elements().stream().map(ClientRequestTokens::canonical).toList());
      default -> value;
    };
  }

  private static byte[] key(String token) {
    byte[] t = token.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(PREFIX.length + t.length).put(PREFIX).put(t).array();
  }

  // Written to disk: version byte 1, then the fingerprint (32 bytes), then epoch millis (8).
  private static byte[] encode(Used u) {
    return ByteBuffer.allocate(1 + 32 + 8)
        .put((byte) 1)
        .put(u.fingerprint())
        .putLong(u.at().toEpochMilli())
        .array();
  }

  private static Used decode(byte[] value) {
    ByteBuffer b = ByteBuffer.wrap(value);
    b.get();
    byte[] fingerprint = new byte[32];
    b.get(fingerprint);
    return new Used(fingerprint, Instant.ofEpochMilli(b.getLong()));
  }
}
