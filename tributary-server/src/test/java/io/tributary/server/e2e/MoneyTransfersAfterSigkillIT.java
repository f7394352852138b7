package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.e2e.Bank.Transfer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The money-transfer story against Tributary as a separate process, killed with SIGKILL while
 * clients move money. The clients do not retry: each one knows which of its transfers were
 * acknowledged, and which one was on the wire when the server died (its outcome unknown).
 *
 * <p>After a restart on the same data directory the books balance, so no transfer is half
 * applied; every acknowledged transfer is recorded; every record is a transfer a client sent.
 * Then the clients re-send with their tokens, which went to disk in their transactions' batch:
 * acknowledged transfers succeed without being applied again, and a transfer whose client never
 * heard back is applied exactly once, whether or not it had committed before the kill.
 */
class MoneyTransfersAfterSigkillIT {
  private static final int ACCOUNTS = 16;
  private static final int WRITERS = 4;
  /** Transfers each writer has acknowledged before the server is killed. */
  private static final int WARM_UP = 50;
  private static final int RESENT_AFTER_RESTART = 10;

  @TempDir Path data;

  @Test
  void noTransferIsHalfAppliedAndTokensSurviveTheCrash() throws Exception {
    Bank bank = new Bank("bank", ACCOUNTS);
    Map<String, Transfer> acknowledged = new ConcurrentHashMap<>();
    Map<String, Transfer> inDoubt = new ConcurrentHashMap<>();
    LongAdder cancelled = new LongAdder();
    LongAdder totalsRead = new LongAdder();
    Queue<String> problems = new ConcurrentLinkedQueue<>();

    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient client = Endpoint.clientWithoutRetries(server.endpoint())) {
      bank.open(client);
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch warmedUp = new CountDownLatch(WRITERS);
      List<Thread> clients = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        clients.add(Thread.ofPlatform().start(() -> {
          Random random = new Random(writer);
          int acknowledgedHere = 0;
          for (int i = 0; !stop.get(); i++) {
            Transfer t = bank.randomTransfer("w" + writer + "-" + i, random);
            try {
              client.transactWriteItems(bank.request(t));
            } catch (TransactionCanceledException e) {
              cancelled.increment();
              if (!e.cancellationReasons().get(Bank.RECORD_ACTION).code().equals("None")) {
                problems.add("transfer " + t.id() + " and its record: " + e.cancellationReasons());
              }
              continue;
            } catch (RuntimeException e) {
              inDoubt.put(t.id(), t); // the server is gone, with or without this transfer
              return;
            }
            acknowledged.put(t.id(), t);
            if (++acknowledgedHere == WARM_UP) {
              warmedUp.countDown();
            }
          }
        }));
      }
      clients.add(Thread.ofPlatform().start(() -> {
        while (!stop.get()) {
          try {
            bank.checkTotal(client, problems);
            totalsRead.increment();
          } catch (TransactionCanceledException e) {
            // Tried again.
          } catch (RuntimeException e) {
            return;
          }
        }
      }));
      warmedUp.await();
      Thread.sleep(300);
      server.kill();
      stop.set(true);
      for (Thread t : clients) {
        t.join();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(WRITERS * WARM_UP);

    long restartStarted = System.nanoTime();
    try (ServerProcess restarted = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient client = Endpoint.clientWithoutRetries(restarted.endpoint())) {
      double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
      Map<String, Transfer> records = bank.assertBooksBalance(client);
      for (Transfer t : acknowledged.values()) {
        assertThat(records.get(t.id())).as("acknowledged transfer %s", t.id()).isEqualTo(Bank.recordOf(t));
      }
      for (Transfer record : records.values()) {
        Transfer sent = acknowledged.getOrDefault(record.id(), inDoubt.get(record.id()));
        assertThat(sent).as("the transfer recorded as %s", record.id()).isNotNull();
        assertThat(record).isEqualTo(Bank.recordOf(sent));
      }
      long committedInDoubt = inDoubt.keySet().stream().filter(records::containsKey).count();

      // Acknowledged transfers re-sent with their tokens succeed and change nothing.
      Map<String, Long> balances = bank.balances(client);
      List<Transfer> resent = acknowledged.values().stream().limit(RESENT_AFTER_RESTART).toList();
      for (Transfer t : resent) {
        client.transactWriteItems(bank.request(t));
      }
      assertThat(bank.balances(client)).isEqualTo(balances);
      assertThat(bank.records(client)).isEqualTo(records);

      // A client that never heard back re-sends with its token: applied once, before or now.
      int replayed = 0;
      int appliedNow = 0;
      int refused = 0;
      for (Transfer t : inDoubt.values()) {
        boolean committedBefore = records.containsKey(t.id());
        Map<String, Long> before = bank.balances(client);
        try {
          client.transactWriteItems(bank.request(t));
        } catch (TransactionCanceledException e) {
          // Not committed before the kill, and the account no longer has the amount.
          assertThat(committedBefore).as("in-doubt transfer %s was recorded", t.id()).isFalse();
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
              .containsExactly("ConditionalCheckFailed", "None", "None");
          refused++;
          continue;
        }
        assertThat(bank.recorded(client, t.id())).isTrue();
        if (committedBefore) {
          assertThat(bank.balances(client)).as("replay of %s", t.id()).isEqualTo(before);
          replayed++;
        } else {
          appliedNow++;
        }
      }
      Map<String, Transfer> finalRecords = bank.assertBooksBalance(client);
      assertThat(finalRecords).hasSize(records.size() + appliedNow);

      System.out.printf(
          "Money transfers across SIGKILL: %d accounts, %d writers: %d transfers acknowledged and"
              + " %d cancelled before the kill, %d totals read, %d in doubt (%d had committed);"
              + " restarted in %.1f s, books balanced, every acknowledged transfer recorded;"
              + " %d acknowledged transfers re-sent with their tokens changed nothing; in-doubt"
              + " transfers re-sent: %d replayed, %d applied now, %d cancelled for lack of funds%n",
          ACCOUNTS, WRITERS, acknowledged.size(), cancelled.sum(), totalsRead.sum(), inDoubt.size(),
          committedInDoubt, restartSeconds, resent.size(), replayed, appliedNow, refused);
    }
  }
}
