package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.RequestContext;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import org.junit.jupiter.api.Test;

class LogGroupsAndStreamsTest extends LogsFixture {

  @Test
  void aNewGroupIsDescribedAsTheServiceDescribesIt() {
    createGroup("/aws/lambda/f");
    assertThat(callText("DescribeLogGroups", "{}"))
        .isEqualTo(
            "{\"logGroups\":[{\"logGroupName\":\"/aws/lambda/f\",\"creationTime\":"
                + now()
                + ",\"metricFilterCount\":0,"
                + "\"arn\":\"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*\","
                + "\"storedBytes\":0,\"logGroupClass\":\"STANDARD\","
                + "\"logGroupArn\":\"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f\"}]}");
  }

  @Test
  void groupsAreListedByNameAPageAtATime() {
    for (String name : new String[] {"c", "/aws/lambda/b", "/aws/lambda/a", "a"}) {
      createGroup(name);
    }
    Json.Obj first = call("DescribeLogGroups", "{\"limit\":3}");
    assertThat(strings(first, "logGroups", "logGroupName"))
        .containsExactly("/aws/lambda/a", "/aws/lambda/b", "a");
    Json.Obj second =
        call(
            "DescribeLogGroups",
            "{\"limit\":3,\"nextToken\":" + quote(text(first, "nextToken")) + "}");
    assertThat(strings(second, "logGroups", "logGroupName")).containsExactly("c");
    assertThat(second.get("nextToken")).as("no token on the last page").isNull();
    assertThat(
            strings(
                call("DescribeLogGroups", "{\"logGroupNamePrefix\":\"/aws/lambda/\"}"),
                "logGroups",
                "logGroupName"))
        .containsExactly("/aws/lambda/a", "/aws/lambda/b");
    assertThat(
            strings(
                call("DescribeLogGroups", "{\"logGroupNamePattern\":\"lambda/b\"}"),
                "logGroups",
                "logGroupName"))
        .containsExactly("/aws/lambda/b");
    assertThat(call("DescribeLogGroups", "{\"limit\":4}").get("nextToken")).isNull();
  }

  @Test
  void groupsBelongToTheirRegion() {
    createGroup("g");
    Json.Obj elsewhere =
        logs.execute(
            "DescribeLogGroups",
            new Json.Obj(java.util.Map.of()),
            new RequestContext("r", "eu-west-1", ACCOUNT));
    assertThat(strings(elsewhere, "logGroups", "logGroupName")).isEmpty();
  }

  @Test
  void aGroupExistsOnce() {
    createGroup("g");
    refused(
        "CreateLogGroup",
        "{\"logGroupName\":\"g\"}",
        ErrorType.LOGS_RESOURCE_ALREADY_EXISTS,
        "The specified log group already exists");
  }

  @Test
  void groupsStartingWithAwsAreReserved() {
    refused(
        "CreateLogGroup",
        "{\"logGroupName\":\"aws/cwagent\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "Log groups starting with AWS/ are reserved for AWS.");
  }

  @Test
  void deletingAGroupDeletesItsStreamsAndEvents() {
    createGroup("g");
    createStream("g", "s");
    put("g", "s", now(), "hello");
    call("DeleteLogGroup", "{\"logGroupName\":\"g\"}");
    refused(
        "DeleteLogGroup",
        "{\"logGroupName\":\"g\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    createGroup("g");
    assertThat(
            strings(
                call("DescribeLogStreams", "{\"logGroupName\":\"g\"}"),
                "logStreams",
                "logStreamName"))
        .isEmpty();
    refused(
        "GetLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log stream does not exist.");
    assertThat(strings(call("FilterLogEvents", "{\"logGroupName\":\"g\"}"), "events", "message"))
        .isEmpty();
  }

  @Test
  void aStreamNeedsItsGroupAndExistsOnce() {
    refused(
        "CreateLogStream",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    createGroup("g");
    createStream("g", "s");
    refused(
        "CreateLogStream",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}",
        ErrorType.LOGS_RESOURCE_ALREADY_EXISTS,
        "The specified log stream already exists");
  }

  @Test
  void aStreamIsDescribedWithItsEventTimesOnceItHasEvents() {
    createGroup("g");
    createStream("g", "s");
    long created = now();
    assertThat(callText("DescribeLogStreams", "{\"logGroupName\":\"g\"}"))
        .isEqualTo(
            "{\"logStreams\":[{\"logStreamName\":\"s\",\"creationTime\":"
                + created
                + ","
                + "\"arn\":\"arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s\","
                + "\"storedBytes\":0}]}");
    clock.advance(1000);
    put("g", "s", created - 5, "one", created + 7, "two");
    Json.Obj stream =
        (Json.Obj)
            ((Json.Arr) call("DescribeLogStreams", "{\"logGroupName\":\"g\"}").get("logStreams"))
                .elements()
                .get(0);
    assertThat(stream.members().keySet())
        .containsExactly(
            "logStreamName",
            "creationTime",
            "firstEventTimestamp",
            "lastEventTimestamp",
            "lastIngestionTime",
            "uploadSequenceToken",
            "arn",
            "storedBytes");
    assertThat(stream.get("firstEventTimestamp"))
        .isEqualTo(new Json.Num(Long.toString(created - 5)));
    assertThat(stream.get("lastEventTimestamp"))
        .isEqualTo(new Json.Num(Long.toString(created + 7)));
    assertThat(stream.get("lastIngestionTime")).isEqualTo(new Json.Num(Long.toString(now())));
    assertThat(((Json.Str) stream.get("uploadSequenceToken")).value())
        .hasSize(56)
        .containsOnlyDigits();
    // The group counts the bytes of its events' messages.
    assertThat(strings(call("DescribeLogGroups", "{}"), "logGroups", "storedBytes"))
        .containsExactly("6");
  }

  @Test
  void streamsAreOrderedByNameOrByLastEventTime() {
    createGroup("g");
    for (String s : new String[] {"b", "a", "c", "empty"}) {
      createStream("g", s);
    }
    put("g", "a", now() + 30, "x");
    put("g", "b", now() + 10, "x");
    put("g", "c", now() + 20, "x");
    assertThat(
            strings(
                call("DescribeLogStreams", "{\"logGroupName\":\"g\"}"),
                "logStreams",
                "logStreamName"))
        .containsExactly("a", "b", "c", "empty");
    assertThat(
            strings(
                call("DescribeLogStreams", "{\"logGroupName\":\"g\",\"descending\":true}"),
                "logStreams",
                "logStreamName"))
        .containsExactly("empty", "c", "b", "a");
    assertThat(
            strings(
                call(
                    "DescribeLogStreams", "{\"logGroupName\":\"g\",\"orderBy\":\"LastEventTime\"}"),
                "logStreams",
                "logStreamName"))
        .containsExactly("empty", "b", "c", "a");
    Json.Obj newest =
        call(
            "DescribeLogStreams",
            "{\"logGroupName\":\"g\",\"orderBy\":\"LastEventTime\",\"descending\":true,\"limit\":2}");
    assertThat(strings(newest, "logStreams", "logStreamName")).containsExactly("a", "c");
    Json.Obj rest =
        call(
            "DescribeLogStreams",
            "{\"logGroupName\":\"g\",\"orderBy\":\"LastEventTime\",\"descending\":true,\"limit\":2,\"nextToken\":"
                + quote(text(newest, "nextToken"))
                + "}");
    assertThat(strings(rest, "logStreams", "logStreamName")).containsExactly("b", "empty");
    assertThat(rest.get("nextToken")).isNull();
    assertThat(
            strings(
                call(
                    "DescribeLogStreams",
                    "{\"logGroupIdentifier\":\"arn:aws:logs:us-east-1:123456789012:log-group:g\",\"logStreamNamePrefix\":\"e\"}"),
                "logStreams",
                "logStreamName"))
        .containsExactly("empty");
  }

  @Test
  void describingStreamsChecksItsParameters() {
    createGroup("g");
    refused(
        "DescribeLogStreams",
        "{\"logGroupName\":\"g\",\"orderBy\":\"LastEventTime\",\"logStreamNamePrefix\":\"a\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "Cannot order by LastEventTime with a logStreamNamePrefix.");
    refused(
        "DescribeLogStreams",
        "{\"logGroupName\":\"nope\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    refused(
        "DescribeLogStreams",
        "{\"logGroupName\":\"g\",\"nextToken\":\"!!\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "The specified nextToken is invalid.");
  }

  @Test
  void deletingAStreamDeletesItsEvents() {
    createGroup("g");
    createStream("g", "s");
    put("g", "s", now(), "old");
    call("DeleteLogStream", "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}");
    refused(
        "DeleteLogStream",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log stream does not exist.");
    refused(
        "DeleteLogStream",
        "{\"logGroupName\":\"h\",\"logStreamName\":\"s\"}",
        ErrorType.LOGS_RESOURCE_NOT_FOUND,
        "The specified log group does not exist.");
    createStream("g", "s");
    put("g", "s", now(), "new");
    assertThat(
            strings(
                call("GetLogEvents", "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}"),
                "events",
                "message"))
        .containsExactly("new");
  }

  /** The messages of CloudWatch Logs' answers, which are Coral's with its own error type. */
  @Test
  void modelViolationsAreInvalidParameterExceptionsInCoralsWords() {
    refused(
        "DescribeLogGroups",
        "{\"limit\":100}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "1 validation error detected: Value '100' at 'limit' failed to satisfy constraint: "
            + "Member must have value less than or equal to 50");
    refused(
        "DescribeLogGroups",
        "{\"logGroupNamePrefix\":\"\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "2 validation errors detected: Value '' at 'logGroupNamePrefix' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+; "
            + "Value '' at 'logGroupNamePrefix' failed to satisfy constraint: Member must have "
            + "length greater than or equal to 1");
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[]}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
    refused(
        "PutLogEvents",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"message\":\"x\"}]}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "1 validation error detected: Value null at 'logEvents.1.member.timestamp' failed to "
            + "satisfy constraint: Member must not be null");
    refused(
        "CreateLogStream",
        "{\"logGroupName\":\"g\",\"logStreamName\":\"a:b\"}",
        ErrorType.LOGS_INVALID_PARAMETER,
        "1 validation error detected: Value 'a:b' at 'logStreamName' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: [^:*]*");
  }

  @Test
  void operationsTributaryDoesNotServeAreUnknown() {
    refused(
        "PutRetentionPolicy",
        "{\"logGroupName\":\"g\",\"retentionInDays\":1}",
        ErrorType.UNKNOWN_OPERATION,
        null);
  }
}
