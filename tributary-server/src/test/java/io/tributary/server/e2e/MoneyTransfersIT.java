package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.e2e.Bank.Transfer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Many clients move money between a few accounts at once, each transfer one TransactWriteItems
 * with its own ClientRequestToken; now and then a client sends a transfer that went through
 * again with the same token, as a client does when it did not hear the answer. Meanwhile other
 * clients read every balance in one TransactGetItems and add them up, and one more visits the
 * accounts with plain UpdateItems that leave the balances alone.
 *
 * <p>What must hold: every total read is what the accounts opened with; no re-sent transfer is
 * applied again; at the end there is one record per committed transfer, every balance is its
 * opening balance plus the recorded transfers in minus those out, and no acknowledged visit is
 * lost. It prints one line with what happened (throughput, commits, cancellations by reason,
 * conflicts met by the plain writes, replays).
 */
class MoneyTransfersIT {
  private static final int ACCOUNTS = 16;
  private static final int WRITERS = 4;
  private static final int READERS = 2;
  private static final Duration RUN = Duration.ofSeconds(10);
  /** One transfer in this many is sent twice. */
  private static final int RESENT_ONE_IN = 8;

  /** What the clients saw, counted as they saw it. */
  private static final class Tally {
    final LongAdder commits = new LongAdder();
    final Map<String, LongAdder> cancellations = new ConcurrentHashMap<>();
    final LongAdder replays = new LongAdder();
    final LongAdder totalsRead = new LongAdder();
    final LongAdder readsCancelled = new LongAdder();
    final LongAdder visits = new LongAdder();
    final LongAdder visitConflicts = new LongAdder();

    /** Counts a cancelled transfer once under each reason code it carries. */
    void cancelled(TransactionCanceledException e) {
      e.cancellationReasons().stream()
          .map(CancellationReason::code)
          .filter(code -> !code.equals("None"))
          .distinct()
          .forEach(code -> cancellations.computeIfAbsent(code, c -> new LongAdder()).increment());
    }
  }

  @Test
  void noMoneyIsMadeOrLostAndNoTransferIsAppliedTwice() throws Exception {
    Bank bank = new Bank(Endpoint.uniqueTableName("bank"), ACCOUNTS);
    try (DynamoDbClient client = Bank.client(Endpoint.uri())) {
      bank.open(client);
      Tally tally = new Tally();
      Queue<String> problems = new ConcurrentLinkedQueue<>();
      Map<String, Transfer> committed = new ConcurrentHashMap<>();
      Map<String, LongAdder> visited = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();

      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        clients.add(Thread.ofPlatform().start(() -> {
          Random random = new Random(writer);
          for (int i = 0; !stop.get(); i++) {
            Transfer t = bank.randomTransfer("w" + writer + "-" + i, random);
            TransactWriteItemsRequest request = bank.request(t);
            try {
              client.transactWriteItems(request);
            } catch (TransactionCanceledException e) {
              tally.cancelled(e);
              // Only this transfer ever writes its record: nothing but None is right for it.
              if (!e.cancellationReasons().get(Bank.RECORD_ACTION).code().equals("None")) {
                problems.add("transfer " + t.id() + " and its record: " + e.cancellationReasons());
              }
              continue;
            } catch (RuntimeException e) {
              problems.add("transfer " + t.id() + ": " + e);
              return;
            }
            committed.put(t.id(), Bank.recordOf(t));
            tally.commits.increment();
            if (random.nextInt(RESENT_ONE_IN) == 0) {
              // The client missed the answer and sends the same request with the same token:
              // it succeeds and changes nothing. Run again, its record's condition would fail.
              try {
                client.transactWriteItems(request);
                tally.replays.increment();
              } catch (RuntimeException e) {
                problems.add("re-sent transfer " + t.id() + ": " + e);
              }
            }
          }
        }));
      }

      for (int r = 0; r < READERS; r++) {
        clients.add(Thread.ofPlatform().start(() -> {
          while (!stop.get()) {
            try {
              long total = Bank.total(bank.balances(client));
              if (total != bank.expectedTotal()) {
                problems.add("a snapshot read a total of " + total);
              }
              tally.totalsRead.increment();
            } catch (TransactionCanceledException e) {
              // DynamoDB may cancel a read that meets a running transaction; the reader tries again.
              tally.readsCancelled.increment();
            } catch (RuntimeException e) {
              problems.add("read: " + e);
              return;
            }
          }
        }));
      }

      clients.add(Thread.ofPlatform().start(() -> {
        Random random = new Random(-1);
        while (!stop.get()) {
          String account = bank.account(random.nextInt(bank.size()));
          try {
            bank.visit(client, account);
            visited.computeIfAbsent(account, a -> new LongAdder()).increment();
            tally.visits.increment();
          } catch (TransactionConflictException e) {
            tally.visitConflicts.increment();
          } catch (RuntimeException e) {
            problems.add("visit: " + e);
            return;
          }
        }
      }));

      long started = System.nanoTime();
      Thread.sleep(RUN.toMillis());
      stop.set(true);
      for (Thread t : clients) {
        t.join();
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      Map<String, Long> cancellations = new TreeMap<>();
      tally.cancellations.forEach((code, n) -> cancellations.put(code, n.sum()));
      long cancelled = cancellations.values().stream().mapToLong(Long::longValue).sum();
      long commits = tally.commits.sum();
      System.out.printf(
          "Money transfers: %d accounts, %d writers, %d readers, 1 plain writer, %.1f s:"
              + " %.0f transactions/s (%d committed, %d cancelled %s); %d re-sent with their"
              + " token, none applied twice; %d totals read, all %d (%d reads cancelled);"
              + " %d plain writes, %d TransactionConflictException%n",
          ACCOUNTS, WRITERS, READERS, seconds, (commits + cancelled) / seconds, commits, cancelled,
          cancellations, tally.replays.sum(), tally.totalsRead.sum(), bank.expectedTotal(),
          tally.readsCancelled.sum(), tally.visits.sum(), tally.visitConflicts.sum());

      assertThat(problems).isEmpty();
      assertThat(commits).isPositive();
      assertThat(tally.replays.sum()).isPositive();
      assertThat(tally.totalsRead.sum()).isPositive();

      Map<String, Transfer> records = bank.assertBooksBalance(client);
      assertThat(records).hasSize((int) commits).isEqualTo(committed);
      Map<String, Long> visits = new HashMap<>();
      visited.forEach((account, n) -> visits.put(account, n.sum()));
      Map<String, Long> stored = new HashMap<>(bank.visits(client));
      stored.values().removeIf(n -> n == 0);
      assertThat(stored).as("visits acknowledged").isEqualTo(visits);
      bank.close(client);
    }
  }
}
