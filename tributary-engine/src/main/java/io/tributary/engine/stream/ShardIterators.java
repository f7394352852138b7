package io.tributary.engine.stream;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shard iterators in DynamoDB Streams' shape, {@code <StreamArn>|1|<base64 blob>}: the blob holds
 * the shard, the position in it and the time of issue, and ends with an HMAC-SHA256 of the stream
 * ARN and all of that. Clients treat iterators as opaque, and the MAC makes sure they are: one
 * that was altered, forged or cut short is refused, so a position read from an iterator is one
 * this server handed out. The HMAC secret lives in the store, so iterators stay good across a
 * restart, as DynamoDB's do within their 15 minutes. Thread-safe.
 */
public final class ShardIterators {
  /** How long an iterator stays good after it was issued (DynamoDB's 15 minutes). */
  public static final Duration MAX_AGE = Duration.ofMinutes(15);

  /** The longest ShardIterator the Streams model allows. */
  public static final int MAX_LENGTH = 2048;

  /** Where the HMAC secret is kept, in {@link Keyspace#SYSTEM}. */
  static final byte[] SECRET_KEY = "shard-iterator-secret".getBytes(StandardCharsets.UTF_8);

  // The "1" is the blob's format version: a new layout gets a new number, and old iterators
  // (at most 15 minutes' worth) are refused rather than misread.
  private static final String SEPARATOR = "|1|";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int SECRET_BYTES = 32;
  private static final int MAC_BYTES = 32;
  private static final int MAX_FIELD_BYTES = 255;

  /**
   * Where a read starts: at the record with {@code sequenceNumber} ({@code inclusive}), or just
   * after it. TRIM_HORIZON and LATEST are resolved to such a position before it is encoded.
   *
   * @param sequenceNumber a decimal string, as DynamoDB's sequence numbers are
   * @param issuedAt when the iterator was handed out; it expires {@link #MAX_AGE} later
   */
  public record Position(
      String streamArn,
      String shardId,
      String sequenceNumber,
      boolean inclusive,
      Instant issuedAt) {
    public Position {
      Objects.requireNonNull(streamArn, "streamArn");
      Objects.requireNonNull(shardId, "shardId");
      Objects.requireNonNull(sequenceNumber, "sequenceNumber");
      Objects.requireNonNull(issuedAt, "issuedAt");
    }
  }

  private final Store store;
  private final Clock clock;
  private volatile SecretKeySpec secret;

  public ShardIterators(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The iterator, issued now, that reads {@code shard} of {@code stream} from record number
   * {@code first} on: what GetShardIterator hands out and GetRecords answers with next.
   */
  String startingAt(StreamState stream, Shard shard, long first) {
    return encode(
        new Position(
            stream.arn, shard.shardId(), SequenceNumbers.format(first), true, clock.instant()));
  }

  /**
   * The iterator for {@code p}.
   *
   * @throws IllegalArgumentException if the sequence number is not a decimal string, or a field
   *     is too long for an iterator of at most {@link #MAX_LENGTH} characters; the Streams
   *     model's limits on ARNs, shard ids and sequence numbers keep clear of both
   */
  public String encode(Position p) {
    if (!isDecimal(p.sequenceNumber())) {
      throw new IllegalArgumentException("sequence number not decimal: " + p.sequenceNumber());
    }
    byte[] shardId = p.shardId().getBytes(StandardCharsets.UTF_8);
    byte[] sequenceNumber = p.sequenceNumber().getBytes(StandardCharsets.US_ASCII);
    if (shardId.length > MAX_FIELD_BYTES || sequenceNumber.length > MAX_FIELD_BYTES) {
      throw new IllegalArgumentException("shard id or sequence number too long: " + p);
    }
    ByteBuffer blob =
        ByteBuffer.allocate(8 + 4 + 1 + 1 + shardId.length + 1 + sequenceNumber.length + MAC_BYTES);
    blob.putLong(p.issuedAt().getEpochSecond())
        .putInt(p.issuedAt().getNano())
        .put((byte) (p.inclusive() ? 1 : 0))
        .put((byte) shardId.length)
        .put(shardId)
        .put((byte) sequenceNumber.length)
        .put(sequenceNumber);
    blob.put(mac(p.streamArn(), blob.array(), blob.position()));
    String iterator =
        p.streamArn() + SEPARATOR + Base64.getEncoder().encodeToString(blob.array());
    if (iterator.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("shard iterator over " + MAX_LENGTH + " characters");
    }
    return iterator;
  }

  /**
   * The position an iterator of {@link #encode} stands for.
   *
   * @throws DynamoDbException ValidationException for anything this server did not hand out (or
   *     handed out under another secret); ExpiredIteratorException once it is older than {@link
   *     #MAX_AGE}
   */
  public Position decode(String iterator) {
    Position p = verified(iterator);
    if (p == null) {
      // TODO(issue 7): unconfirmed text; the model says only that the iterator is invalid.
      throw DynamoDbException.validation("Invalid ShardIterator");
    }
    if (Duration.between(p.issuedAt(), clock.instant()).compareTo(MAX_AGE) > 0) {
      // TODO(issue 7): unconfirmed text; the model's member doc reads "The provided iterator
      // exceeds the maximum age allowed."
      throw DynamoDbException.of(ErrorType.EXPIRED_ITERATOR, "Iterator expired");
    }
    return p;
  }

  /** The iterator's position if its MAC is right, else null. */
  private Position verified(String iterator) {
    if (iterator == null || iterator.length() > MAX_LENGTH) {
      return null;
    }
    // Base64 has no '|', so the blob starts after the last one, whatever the ARN holds.
    int bar = iterator.lastIndexOf('|');
    int arnEnd = bar - (SEPARATOR.length() - 1);
    if (arnEnd < 0 || !iterator.startsWith(SEPARATOR, arnEnd)) {
      return null;
    }
    String streamArn = iterator.substring(0, arnEnd);
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(iterator.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
    int payloadLength = blob.length - MAC_BYTES;
    if (payloadLength <= 0
        || !MessageDigest.isEqual(
            mac(streamArn, blob, payloadLength),
            Arrays.copyOfRange(blob, payloadLength, blob.length))) {
      return null;
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(blob, 0, payloadLength);
      Instant issuedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
      boolean inclusive = in.get() != 0;
      String shardId = text(in, StandardCharsets.UTF_8);
      String sequenceNumber = text(in, StandardCharsets.US_ASCII);
      return in.hasRemaining()
          ? null
          : new Position(streamArn, shardId, sequenceNumber, inclusive, issuedAt);
    } catch (BufferUnderflowException | DateTimeException e) {
      // Only a bug of ours could get here: the MAC says this server wrote the blob.
      return null;
    }
  }

  private static String text(ByteBuffer in, Charset charset) {
    byte[] bytes = new byte[Byte.toUnsignedInt(in.get())];
    in.get(bytes);
    return new String(bytes, charset);
  }

  private static boolean isDecimal(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** HMAC of the stream ARN (length first, so ARN and blob cannot trade bytes) and the blob. */
  private byte[] mac(String streamArn, byte[] blob, int length) {
    byte[] arn = streamArn.getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret());
      mac.update(ByteBuffer.allocate(4).putInt(arn.length).array());
      mac.update(arn);
      mac.update(blob, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private SecretKeySpec secret() {
    SecretKeySpec s = secret;
    if (s == null) {
      synchronized (this) {
        s = secret;
        if (s == null) {
          s = new SecretKeySpec(storedSecret(), ALGORITHM);
          secret = s;
        }
      }
    }
    return s;
  }

  /**
   * The secret in the store, made on first use. The engine has one ShardIterators per store, so
   * no one else writes the key between the read and the write here.
   */
  private byte[] storedSecret() {
    byte[] stored = store.get(Keyspace.SYSTEM, SECRET_KEY);
    if (stored == null) {
      stored = new byte[SECRET_BYTES];
      new SecureRandom().nextBytes(stored);
      store.write(new WriteBatch().put(Keyspace.SYSTEM, SECRET_KEY, stored));
    } else if (stored.length != SECRET_BYTES) {
      throw new IllegalStateException(
          "shard iterator secret has " + stored.length + " bytes, not " + SECRET_BYTES);
    }
    return stored;
  }
}
