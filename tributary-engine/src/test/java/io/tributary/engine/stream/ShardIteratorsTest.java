package io.tributary.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.stream.ShardIterators.Position;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.storage.Keyspace;
import io.tributary.storage.memory.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShardIteratorsTest {
  private static final String ARN =
      "arn:aws:dynamodb:us-east-1:123456789012:table/Forum/stream/2026-01-01T00:00:00.000";
  private static final String SHARD = "shardId-00000001767225600000-1a2b3c4d";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

  /** A clock that stands still until moved. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = T0;

    void move(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final MemoryStore store = new MemoryStore();
  private final MovableClock clock = new MovableClock();
  private final ShardIterators iterators = new ShardIterators(store, clock);

  @AfterEach
  void close() {
    store.close();
  }

  private static Position at(String sequenceNumber, boolean inclusive) {
    return new Position(ARN, SHARD, sequenceNumber, inclusive, T0);
  }

  @Test
  void roundTrip() {
    for (Position p :
        new Position[] {
          at("300000000000000499659", true),
          at("21258800000000008186106757", false),
          at("1", true),
          new Position(
              ARN, SHARD, "400000000024465870661", true, Instant.parse("2025-12-31T23:59:00Z"))
        }) {
      assertThat(iterators.decode(iterators.encode(p))).isEqualTo(p);
    }
  }

  @Test
  void hasDynamoDbsShape() {
    String iterator = iterators.encode(at("300000000000000499659", true));
    assertThat(iterator).matches(Pattern.quote(ARN) + "\\|1\\|[A-Za-z0-9+/]+=*");
    assertThat(iterator).doesNotContain(SHARD).doesNotContain("300000000000000499659");
  }

  @Test
  void theLongestIdentifiersTheModelAllowsFitIn2048Characters() {
    // StreamArn up to 1024, ShardId up to 65, SequenceNumber up to 40 characters.
    String arn = ARN + "x".repeat(1024 - ARN.length());
    Position p = new Position(arn, "s".repeat(65), "9".repeat(40), false, T0);
    String iterator = iterators.encode(p);
    assertThat(iterator.length()).isLessThanOrEqualTo(ShardIterators.MAX_LENGTH);
    assertThat(iterators.decode(iterator)).isEqualTo(p);
  }

  @Test
  void anArnWithBarsInItStillDecodes() {
    Position p = new Position("a|1|b|1|", SHARD, "5", true, T0);
    assertThat(iterators.decode(iterators.encode(p))).isEqualTo(p);
  }

  @Test
  void everyFlippedBitIsRefused() {
    String iterator = iterators.encode(at("300000000000000499659", true));
    int start = iterator.lastIndexOf('|') + 1;
    byte[] blob = Base64.getDecoder().decode(iterator.substring(start));
    for (int i = 0; i < blob.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = blob.clone();
        flipped[i] ^= (byte) (1 << bit);
        String forged =
            iterator.substring(0, start) + Base64.getEncoder().encodeToString(flipped);
        assertInvalid(forged);
      }
    }
  }

  @Test
  void anotherStreamsArnIsRefused() {
    String iterator = iterators.encode(at("300000000000000499659", true));
    String otherArn = ARN.replace("Forum", "Forun");
    assertInvalid(otherArn + iterator.substring(ARN.length()));
    assertInvalid(iterator.substring(1));
  }

  @Test
  void malformedIteratorsAreRefused() {
    String good = iterators.encode(at("300000000000000499659", true));
    String blob = good.substring(good.lastIndexOf('|') + 1);
    for (String bad :
        new String[] {
          "",
          "x",
          "|1|",
          ARN,
          ARN + "|1|",
          ARN + "|2|" + blob,
          ARN + "|1" + blob,
          ARN + "|1|" + blob.substring(0, blob.length() - 8),
          ARN + "|1|" + blob + "AAAA",
          ARN + "|1|" + "!!!!",
          ARN + "|1|" + blob + "|",
          good + "x".repeat(ShardIterators.MAX_LENGTH),
        }) {
      assertInvalid(bad);
    }
    assertInvalid(null);
  }

  @Test
  void anIteratorOfAnotherStoreIsRefused() {
    try (MemoryStore other = new MemoryStore()) {
      String foreign =
          new ShardIterators(other, clock).encode(at("300000000000000499659", true));
      assertInvalid(foreign);
    }
  }

  @Test
  void expiresFifteenMinutesAfterIssue() {
    Position p = at("300000000000000499659", true);
    String iterator = iterators.encode(p);
    clock.move(ShardIterators.MAX_AGE);
    assertThat(iterators.decode(iterator)).isEqualTo(p);
    clock.move(Duration.ofMillis(1));
    assertThatThrownBy(() -> iterators.decode(iterator))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.EXPIRED_ITERATOR))
        .hasMessage("Iterator expired");
  }

  @Test
  void aForgedIteratorIsInvalidEvenWhenOld() {
    String iterator = iterators.encode(at("300000000000000499659", true));
    clock.move(Duration.ofHours(1));
    assertInvalid(ARN.replace("Forum", "Forun") + iterator.substring(ARN.length()));
  }

  @Test
  void survivesARestart() {
    Position p = at("300000000000000499659", false);
    String iterator = iterators.encode(p);
    assertThat(store.get(Keyspace.SYSTEM, ShardIterators.SECRET_KEY)).hasSize(32);
    assertThat(new ShardIterators(store, clock).decode(iterator)).isEqualTo(p);
  }

  @Test
  void theSecretIsMadeOnFirstUseOnly() {
    assertThat(store.get(Keyspace.SYSTEM, ShardIterators.SECRET_KEY)).isNull();
    iterators.encode(at("1", true));
    byte[] secret = store.get(Keyspace.SYSTEM, ShardIterators.SECRET_KEY);
    new ShardIterators(store, clock).encode(at("2", true));
    assertThat(store.get(Keyspace.SYSTEM, ShardIterators.SECRET_KEY)).isEqualTo(secret);
  }

  @Test
  void onlyDecimalSequenceNumbersAreEncoded() {
    for (String bad : new String[] {"", "12a", "-1", "1.0", " 1"}) {
      assertThatThrownBy(() -> iterators.encode(at(bad, true)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private AbstractThrowableAssert<?, ?> assertInvalid(String iterator) {
    return assertThatThrownBy(() -> iterators.decode(iterator))
        .as(String.valueOf(iterator))
        .isInstanceOfSatisfying(
            DynamoDbException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.VALIDATION))
        .hasMessage("Invalid ShardIterator");
  }
}
