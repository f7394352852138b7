package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.JsonBuilder;
import io.tributary.server.http.HttpFrontEnd;
import io.tributary.server.http.Operations;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls a service says never wait are answered on the event loop that read them; the others on a
 * worker; and a connection's answers still leave in the order its requests came, whichever thread
 * made them. Stand-in actions answer with the name of the thread that ran them; "Slow" sleeps.
 */
class EventLoopCallsIT {
  private static HttpFrontEnd server;

  @BeforeAll
  static void start() {
    Operations threadNames =
        (operation, request, context) -> {
          if (operation.equals("Slow")) {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return JsonBuilder.object()
              .put("Operation", operation)
              .put("Thread", Thread.currentThread().getName())
              .build();
        };
    server =
        HttpFrontEnd.bind(
            "127.0.0.1",
            0,
            Operations.of(threadNames, Set.of("Quick")::contains),
            "000000000000",
            List.of("*"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aCallThatNeverWaitsRunsOnTheEventLoopAndOthersOnAWorker() throws IOException {
    try (RawHttp connection = new RawHttp(server.port())) {
      connection.send(RawHttp.post("DynamoDB_20120810.Quick", "{}"));
      assertThat(connection.read().text()).contains("\"Thread\":\"tributary-io-");
      connection.send(RawHttp.post("DynamoDB_20120810.Other", "{}"));
      assertThat(connection.read().text()).contains("\"Thread\":\"tributary-worker-");
    }
  }

  @Test
  void aQuickCallBehindASlowOneIsAnsweredAfterIt() throws IOException {
    try (RawHttp connection = new RawHttp(server.port())) {
      connection.send(
          RawHttp.post("DynamoDB_20120810.Slow", "{}")
              + RawHttp.post("DynamoDB_20120810.Quick", "{}")
              + RawHttp.get("/")
              + RawHttp.post("DynamoDB_20120810.Quick", "{}"));
      assertThat(connection.read().text()).contains("\"Operation\":\"Slow\"");
      assertThat(connection.read().text()).contains("\"Operation\":\"Quick\"");
      assertThat(connection.read().text()).startsWith("healthy:");
      assertThat(connection.read().text()).contains("\"Operation\":\"Quick\"");
    }
  }

  @Test
  void aCompressedBodyGoesToAWorker() throws IOException {
    try (RawHttp connection = new RawHttp(server.port())) {
      connection.send(
          RawHttp.post("DynamoDB_20120810.Quick", "{}")
              .replace("Content-Length", "Content-Encoding: identity\r\nContent-Length"));
      assertThat(connection.read().text()).contains("\"Thread\":\"tributary-worker-");
    }
  }
}
