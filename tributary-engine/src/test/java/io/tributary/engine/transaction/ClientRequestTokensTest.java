package io.tributary.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.storage.WriteBatch;
import io.tributary.storage.memory.MemoryStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientRequestTokensTest {
  private final ClientRequestTokens tokens = new ClientRequestTokens(new MemoryStore(), Clock.systemUTC());
  private final Json.Obj request = new Json.Obj(Map.of("TransactItems", new Json.Str("same")));

  /**
   * A client's retry that arrives while its first request finishes: whichever claims the token
   * first runs the transaction, and the other must then see it as done, never run it again.
   * (When "used" and "running" were two maps, a retry could look at the first, miss the end, and
   * take the token from the second as free. The window is narrow: this many rounds found it in
   * three runs out of four.)
   */
  @Test
  void aRetryRacingTheFirstRequestsEndNeverRunsTheTransactionTwice() throws Exception {
    int rounds = 100_000;
    CyclicBarrier start = new CyclicBarrier(2);
    AtomicInteger ran = new AtomicInteger();
    Runnable client = () -> {
      try {
        for (int round = 0; round < rounds; round++) {
          String token = "token-" + round;
          start.await();
          while (true) {
            ClientRequestTokens.Claim claim;
            try {
              claim = tokens.begin(token, request);
            } catch (DynamoDbException e) {
              assertThat(e.type()).isEqualTo(ErrorType.TRANSACTION_IN_PROGRESS);
              continue; // the SDKs retry TransactionInProgressException
            }
            if (!claim.replay()) {
              ran.incrementAndGet();
              tokens.record(claim, new WriteBatch());
            }
            tokens.end(claim, true);
            break;
          }
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    Thread other = Thread.ofPlatform().start(client);
    client.run();
    other.join();
    assertThat(ran.get()).isEqualTo(rounds);
  }
}
