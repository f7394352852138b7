package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.Json;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.triggers.logs.LogSink.LogEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogSinkTest extends LogsFixture {

  @Test
  void theSinkCreatesTheGroupAndTheStreamOnFirstUse() {
    logs.sink()
        .append(
            "us-east-1",
            "/aws/lambda/f",
            "2026/11/22/[$LATEST]0123",
            List.of(
                new LogEvent(now(), "START RequestId: r1 Version: $LATEST\n"),
                new LogEvent(now() + 1, "hello\n")));
    assertThat(strings(call("DescribeLogGroups", "{}"), "logGroups", "logGroupName"))
        .containsExactly("/aws/lambda/f");
    assertThat(
            strings(
                call("FilterLogEvents", "{\"logGroupName\":\"/aws/lambda/f\"}"),
                "events",
                "message"))
        .containsExactly("START RequestId: r1 Version: $LATEST\n", "hello\n");
  }

  @Test
  void concurrentAppendsLoseNothingAndNumberEveryEventOnce() throws Exception {
    int threads = 8;
    int appends = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < appends; i++) {
                  // Half the threads share one stream; every thread also shares the group.
                  String stream = thread % 2 == 0 ? "shared" : "own-" + thread;
                  logs.sink()
                      .append(
                          "us-east-1",
                          "/aws/lambda/f",
                          stream,
                          List.of(
                              new LogEvent(now() + i, "t" + thread + " i" + i + " a"),
                              new LogEvent(now() + i, "t" + thread + " i" + i + " b")));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    Set<String> ids = new HashSet<>();
    Set<String> messages = new HashSet<>();
    String token = null;
    do {
      Json.Obj page =
          call(
              "FilterLogEvents",
              "{\"logGroupName\":\"/aws/lambda/f\",\"limit\":1000"
                  + (token == null ? "" : ",\"nextToken\":" + quote(token))
                  + "}");
      ids.addAll(strings(page, "events", "eventId"));
      messages.addAll(strings(page, "events", "message"));
      token = text(page, "nextToken");
    } while (token != null);
    assertThat(messages).hasSize(threads * appends * 2);
    assertThat(ids).hasSize(threads * appends * 2);
    // Each append's two events are next to each other in the shared stream.
    List<String> shared =
        strings(
            call(
                "GetLogEvents",
                "{\"logGroupName\":\"/aws/lambda/f\",\"logStreamName\":\"shared\",\"startFromHead\":true}"),
            "events",
            "message");
    for (int i = 0; i < shared.size(); i += 2) {
      assertThat(shared.get(i + 1)).isEqualTo(shared.get(i).replace(" a", " b"));
    }
  }

  @Test
  void afterARestartNewEventsGetNewIds() {
    logs.sink().append("us-east-1", "g", "s", List.of(new LogEvent(now(), "before")));
    logs = new Logs(store, clock, ACCOUNT); // a new server over the same store
    logs.sink().append("us-east-1", "g", "s", List.of(new LogEvent(now(), "after")));
    List<String> ids =
        strings(call("FilterLogEvents", "{\"logGroupName\":\"g\"}"), "events", "eventId");
    assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    assertThat(ids.get(1)).isGreaterThan(ids.get(0));
  }

  @Test
  void theSequenceMarkIsWrittenBeforeNumbersAboveItAreUsed() {
    EventSequence sequence = new EventSequence(store);
    long first = sequence.reserve(3);
    long next = sequence.reserve((int) EventSequence.BLOCK);
    EventSequence restarted = new EventSequence(store);
    assertThat(restarted.reserve(1)).isGreaterThanOrEqualTo(next + EventSequence.BLOCK);
    assertThat(next).isEqualTo(first + 3);
  }

  @Test
  void deletingAGroupLargerThanOneDeleteBatchLeavesNoKeyBehind() {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < LogStore.DELETE_BATCH + 5; i++) {
      events.add(new LogEvent(now() + i, "line " + i));
    }
    logs.sink().append("us-east-1", "g", "a", events);
    logs.sink().append("us-east-1", "g", "b", events);
    call("DeleteLogGroup", "{\"logGroupName\":\"g\"}");
    byte[] everything = LogKeys.groupEvents("us-east-1", "g");
    try (EntryIterator left =
        store.scan(Keyspace.TRIGGERS, everything, LogKeys.end(everything), false)) {
      assertThat(left.next()).isFalse();
    }
  }
}
