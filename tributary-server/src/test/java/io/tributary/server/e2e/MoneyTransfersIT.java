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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Many clients move money between a few accounts at once, each transfer one TransactWriteItems
 * with its own ClientRequestToken. Clients retry the way real ones do: now and then one sends a
 * transfer that went through again with the same token (it did not hear the answer), and now
 * and then one sends a transfer twice at once (it gave up waiting too early). Meanwhile other
 * clients read every balance in one TransactGetItems and add them up, and one more visits the
 * accounts with plain UpdateItems that leave the balances alone.
 *
 * <p>What must hold: every total read is what the accounts opened with; no transfer is applied
 * twice, however often it is sent; at the end there is one record per committed transfer, every
 * balance is its opening balance plus the recorded transfers in minus those out, and no
 * acknowledged visit is lost. It prints one line of what happened: throughput, commits,
 * cancellations by reason, retries and how they were answered, conflicts met by plain writes.
 */
class MoneyTransfersIT {
  private static final int ACCOUNTS = 16;
  private static final int WRITERS = 4;
  private static final int READERS = 2;
  private static final Duration RUN = Duration.ofSeconds(10);
  /** One committed transfer in this many is sent again after its answer. */
  private static final int RESENT_ONE_IN = 8;
  /** One transfer in this many is sent twice at once. */
  private static final int SENT_TWICE_ONE_IN = 16;

  private final Bank bank = new Bank(Endpoint.uniqueTableName("bank"), ACCOUNTS);
  private final DynamoDbClient client = Endpoint.clientWithoutRetries(Endpoint.uri());
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Queue<String> problems = new ConcurrentLinkedQueue<>();
  private final Map<String, Transfer> committed = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> visited = new ConcurrentHashMap<>();

  // What the clients saw, counted as they saw it.
  private final LongAdder answered = new LongAdder();
  private final Map<String, LongAdder> cancellations = new ConcurrentHashMap<>();
  private final LongAdder resent = new LongAdder();
  private final LongAdder sentTwice = new LongAdder();
  private final LongAdder inProgress = new LongAdder();
  private final LongAdder totalsRead = new LongAdder();
  private final LongAdder readsCancelled = new LongAdder();
  private final LongAdder visits = new LongAdder();
  private final LongAdder visitConflicts = new LongAdder();

  @Test
  void noMoneyIsMadeOrLostAndNoTransferIsAppliedTwice() throws Exception {
    bank.open(client);
    List<Thread> clients = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      clients.add(Thread.ofPlatform().start(() -> guarded("writer " + writer, () -> transfer(writer))));
    }
    for (int r = 0; r < READERS; r++) {
      clients.add(Thread.ofPlatform().start(() -> guarded("reader", this::readTotals)));
    }
    clients.add(Thread.ofPlatform().start(() -> guarded("visitor", this::visit)));

    long started = System.nanoTime();
    Thread.sleep(RUN.toMillis());
    stop.set(true);
    for (Thread t : clients) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Long> byReason = new TreeMap<>();
    cancellations.forEach((code, n) -> byReason.put(code, n.sum()));
    System.out.printf(
        "Money transfers: %d accounts, %d writers, %d readers, 1 plain writer, %.1f s:"
            + " %.0f transactions/s (%d TransactWriteItems answered); %d transfers committed;"
            + " cancelled by reason %s; %d re-sent after their answer and %d sent twice at once"
            + " (%d TransactionInProgressException); %d snapshot totals read (%d reads"
            + " cancelled); %d plain writes, %d TransactionConflictException; %d problems seen%n",
        ACCOUNTS, WRITERS, READERS, seconds, answered.sum() / seconds, answered.sum(),
        committed.size(), byReason, resent.sum(), sentTwice.sum(), inProgress.sum(),
        totalsRead.sum(), readsCancelled.sum(), visits.sum(), visitConflicts.sum(),
        problems.size());

    assertThat(problems).isEmpty();
    assertThat(committed).isNotEmpty();
    assertThat(resent.sum()).isPositive();
    assertThat(sentTwice.sum()).isPositive();
    assertThat(totalsRead.sum()).isPositive();

    Map<String, Transfer> records = bank.assertBooksBalance(client);
    assertThat(records).isEqualTo(committed);
    Map<String, Long> acknowledged = new HashMap<>();
    visited.forEach((account, n) -> acknowledged.put(account, n.sum()));
    Map<String, Long> stored = new HashMap<>(bank.visits(client));
    stored.values().removeIf(n -> n == 0);
    assertThat(stored).as("visits").isEqualTo(acknowledged);
    bank.close(client);
    client.close();
  }

  private void guarded(String who, Runnable story) {
    try {
      story.run();
    } catch (RuntimeException | AssertionError e) {
      problems.add(who + ": " + e);
    }
  }

  /** A writer: transfers between random accounts until told to stop, retrying as clients do. */
  private void transfer(int writer) {
    Random random = new Random(writer);
    try (ExecutorService impatient = Executors.newSingleThreadExecutor()) {
      for (int i = 0; !stop.get(); i++) {
        Transfer t = bank.randomTransfer("w" + writer + "-" + i, random);
        TransactWriteItemsRequest request = bank.request(t);
        List<RuntimeException> answers = new ArrayList<>();
        if (random.nextInt(SENT_TWICE_ONE_IN) == 0) {
          // The client gave up waiting and sent it again at once: one runs, the other finds it
          // running (TransactionInProgressException) or done (a replay); never both run.
          Future<RuntimeException> copy = impatient.submit(() -> send(request));
          answers.add(send(request));
          answers.add(copy.get());
          sentTwice.increment();
        } else {
          answers.add(send(request));
        }
        if (answers.contains(null)) {
          committed.put(t.id(), Bank.recordOf(t));
          if (random.nextInt(RESENT_ONE_IN) == 0) {
            // The client missed the answer and sends the same request with the same token: it
            // succeeds and changes nothing. Run again, its record's condition would fail.
            assertThat(send(request)).as("re-sent transfer %s", t.id()).isNull();
            resent.increment();
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a transfer once; null when it went through, else why it did not. */
  private RuntimeException send(TransactWriteItemsRequest request) {
    try {
      client.transactWriteItems(request);
      return null;
    } catch (TransactionCanceledException e) {
      List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
      codes.stream().filter(code -> !code.equals("None")).distinct()
          .forEach(code -> cancellations.computeIfAbsent(code, c -> new LongAdder()).increment());
      // Only this transfer ever writes its record: anything but None there means it ran twice.
      if (!codes.get(Bank.RECORD_ACTION).equals("None")) {
        problems.add("transfer " + request.clientRequestToken() + " and its record: " + codes);
      }
      return e;
    } catch (TransactionInProgressException e) {
      inProgress.increment();
      return e;
    } finally {
      answered.increment();
    }
  }

  /** A reader: adds up every balance, read in one snapshot, until told to stop. */
  private void readTotals() {
    while (!stop.get()) {
      try {
        bank.checkTotal(client, problems);
        totalsRead.increment();
      } catch (TransactionCanceledException e) {
        // DynamoDB may cancel a read that meets a running transaction; the reader tries again.
        readsCancelled.increment();
      }
    }
  }

  /** The plain writer: counts visits to random accounts with UpdateItem. */
  private void visit() {
    Random random = new Random(-1);
    while (!stop.get()) {
      String account = bank.account(random.nextInt(bank.size()));
      try {
        bank.visit(client, account);
        visited.computeIfAbsent(account, a -> new LongAdder()).increment();
        visits.increment();
      } catch (TransactionConflictException e) {
        visitConflicts.increment();
      }
    }
  }
}
