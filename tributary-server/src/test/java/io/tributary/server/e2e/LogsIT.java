package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The CloudWatch Logs API through the AWS SDK for Java v2's {@link CloudWatchLogsClient}, on the
 * same endpoint as DynamoDB's: write with PutLogEvents, read with the four read calls, and the
 * errors arrive as the SDK's own exception classes.
 */
class LogsIT {
  private static final CloudWatchLogsClient logs =
      Endpoint.configure(CloudWatchLogsClient.builder(), Endpoint.uri()).build();

  @AfterAll
  static void close() {
    logs.close();
  }

  private static String uniqueGroup() {
    return "/aws/lambda/logs-it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<InputLogEvent> events(long from, String... messages) {
    List<InputLogEvent> out = new ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      out.add(InputLogEvent.builder().timestamp(from + i).message(messages[i]).build());
    }
    return out;
  }

  @Test
  void whatPutLogEventsWritesTheFourReadCallsRead() {
    String group = uniqueGroup();
    long t0 = Instant.now().toEpochMilli() - 10_000;
    logs.createLogGroup(b -> b.logGroupName(group));
    logs.createLogStream(b -> b.logGroupName(group).logStreamName("2026/11/22/[$LATEST]aaaa"));
    logs.createLogStream(b -> b.logGroupName(group).logStreamName("2026/11/22/[$LATEST]bbbb"));
    logs.putLogEvents(
        b ->
            b.logGroupName(group)
                .logStreamName("2026/11/22/[$LATEST]aaaa")
                .logEvents(
                    events(
                        t0,
                        "START RequestId: 1 Version: $LATEST",
                        "hello from a",
                        "END RequestId: 1")));
    logs.putLogEvents(
        b ->
            b.logGroupName(group)
                .logStreamName("2026/11/22/[$LATEST]bbbb")
                .logEvents(events(t0 - 5, "START RequestId: 2 Version: $LATEST", "ERROR in b")));

    List<LogGroup> groups = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups();
    assertThat(groups).extracting(LogGroup::logGroupName).containsExactly(group);
    assertThat(groups.get(0).arn()).endsWith(":log-group:" + group + ":*");
    assertThat(groups.get(0).storedBytes()).isPositive();

    List<LogStream> streams =
        logs.describeLogStreams(
                b -> b.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).descending(true))
            .logStreams();
    assertThat(streams)
        .extracting(LogStream::logStreamName)
        .containsExactly("2026/11/22/[$LATEST]aaaa", "2026/11/22/[$LATEST]bbbb");
    assertThat(streams.get(0).lastEventTimestamp()).isEqualTo(t0 + 2);
    assertThat(streams.get(0).firstEventTimestamp()).isEqualTo(t0);

    GetLogEventsResponse head =
        logs.getLogEvents(
            b ->
                b.logGroupName(group)
                    .logStreamName("2026/11/22/[$LATEST]aaaa")
                    .startFromHead(true)
                    .limit(2));
    assertThat(head.events())
        .extracting(OutputLogEvent::message)
        .containsExactly("START RequestId: 1 Version: $LATEST", "hello from a");
    GetLogEventsResponse rest =
        logs.getLogEvents(
            b ->
                b.logGroupName(group)
                    .logStreamName("2026/11/22/[$LATEST]aaaa")
                    .nextToken(head.nextForwardToken()));
    assertThat(rest.events())
        .extracting(OutputLogEvent::message)
        .containsExactly("END RequestId: 1");
    GetLogEventsResponse end =
        logs.getLogEvents(
            b ->
                b.logGroupName(group)
                    .logStreamName("2026/11/22/[$LATEST]aaaa")
                    .nextToken(rest.nextForwardToken()));
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(rest.nextForwardToken());

    List<FilteredLogEvent> all = new ArrayList<>();
    logs.filterLogEventsPaginator(
            FilterLogEventsRequest.builder().logGroupName(group).limit(2).build())
        .forEach(page -> all.addAll(page.events()));
    assertThat(all)
        .extracting(FilteredLogEvent::message)
        .containsExactly(
            "START RequestId: 2 Version: $LATEST",
            "ERROR in b",
            "START RequestId: 1 Version: $LATEST",
            "hello from a",
            "END RequestId: 1");
    assertThat(all).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
    assertThat(logs.filterLogEvents(b -> b.logGroupName(group).filterPattern("ERROR")).events())
        .extracting(FilteredLogEvent::logStreamName, FilteredLogEvent::message)
        .containsExactly(tuple("2026/11/22/[$LATEST]bbbb", "ERROR in b"));

    logs.deleteLogGroup(b -> b.logGroupName(group));
    assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups()).isEmpty();
  }

  @Test
  void errorsArriveAsTheSdksExceptions() {
    String group = uniqueGroup();
    assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(group)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("The specified log group does not exist.");
    logs.createLogGroup(b -> b.logGroupName(group));
    assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName(group)))
        .isInstanceOf(ResourceAlreadyExistsException.class)
        .hasMessageStartingWith("The specified log group already exists");
    assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(group).logStreamName("none")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("The specified log stream does not exist.");
    assertThatThrownBy(() -> logs.describeLogGroups(b -> b.limit(100)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(
            "1 validation error detected: Value '100' at 'limit' failed to "
                + "satisfy constraint: Member must have value less than or equal to 50");
    logs.deleteLogGroup(b -> b.logGroupName(group));
  }
}
