package io.tributary.triggers.runtime;

import static io.tributary.triggers.runtime.Fixtures.deploy;
import static io.tributary.triggers.runtime.Fixtures.text;
import static io.tributary.triggers.runtime.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.triggers.runtime.Fixtures.Deployed;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in Python bootstrap: results, context, logs and errors worded as awslambdaric's. */
@Timeout(60)
class PythonRuntimeTest extends InvokerFixture {
  @BeforeAll
  static void pythonIsThere() {
    assumePython();
  }

  @Test
  void printsTheEventAndAnswersWithTheResult() {
    Deployed f =
        python(
            "echo",
            """
            def handler(event, context):
                print(event)
                print("héllo ✓")
                return {"ok": True, "got": event, "request": context.aws_request_id}
            """);

    Invocation result = f.invoke(invoker, "{\"a\": 1}", "req-1");

    assertThat(result.failed()).isFalse();
    assertThat(text(result.payload()))
        .isEqualTo("{\"ok\": true, \"got\": {\"a\": 1}, \"request\": \"req-1\"}");
    assertThat(logs.messages())
        .containsSubsequence(
            "START RequestId: req-1 Version: $LATEST\n", "{'a': 1}\n", "END RequestId: req-1\n");
    String report = logs.messages().getLast();
    assertThat(report)
        .startsWith("REPORT RequestId: req-1\tDuration: ")
        .contains("\tBilled Duration: ", " ms\tMemory Size: 128 MB\tMax Memory Used: ")
        .contains("\tInit Duration: ")
        .endsWith("\t\n");
    assertThat(logs.events())
        .allSatisfy(
            e -> {
              assertThat(e.group()).isEqualTo("/aws/lambda/echo");
              assertThat(e.region()).isEqualTo("us-east-1");
              assertThat(e.stream()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
            });
    assertThat(result.logTail())
        .startsWith(
            "START RequestId: req-1 Version: $LATEST\n{'a': 1}\nhéllo ✓\nEND RequestId: req-1\n")
        .contains("REPORT RequestId: req-1\t");
  }

  @Test
  void givesTheHandlerLambdasContextAndEnvironment() {
    Deployed f =
        deploy(
            "context",
            "python3.12",
            "app.handler",
            3,
            zip(
                "app.py",
                """
                import os
                def handler(event, context):
                    return {
                        "name": context.function_name,
                        "version": context.function_version,
                        "memory": context.memory_limit_in_mb,
                        "arn": context.invoked_function_arn,
                        "group": context.log_group_name,
                        "stream": context.log_stream_name,
                        "remaining": 0 < context.get_remaining_time_in_millis() <= 3000,
                        "cwd": os.getcwd() == os.environ["LAMBDA_TASK_ROOT"],
                        "region": os.environ["AWS_REGION"],
                        "endpoint": os.environ.get("AWS_ENDPOINT_URL"),
                        "mine": os.environ.get("MY_SETTING"),
                        "handler": os.environ["_HANDLER"],
                        "key": os.environ["AWS_ACCESS_KEY_ID"],
                        "trace": "_X_AMZN_TRACE_ID" in os.environ,
                    }
                """),
            Map.of("MY_SETTING", "on", "AWS_REGION", "cannot-override"));
    invoker.serving(URI.create("http://127.0.0.1:8000"));

    Invocation result = f.invoke(invoker, "{}", "req-ctx");

    assertThat(text(result.payload()))
        .contains("\"name\": \"context\"", "\"version\": \"$LATEST\"", "\"memory\": \"128\"")
        .contains("\"arn\": \"arn:aws:lambda:us-east-1:123456789012:function:context\"")
        .contains("\"group\": \"/aws/lambda/context\"", "\"stream\": \"20")
        .contains("\"remaining\": true", "\"cwd\": true", "\"region\": \"us-east-1\"")
        .contains("\"endpoint\": \"http://127.0.0.1:8000\"", "\"mine\": \"on\"")
        .contains("\"handler\": \"app.handler\"", "\"key\": \"tributary\"", "\"trace\": true");
  }

  @Test
  void anExceptionIsAnUnhandledFunctionErrorAsAwslambdaricWordsIt() {
    Deployed f =
        python(
            "fails",
            """
            def handler(event, context):
                raise ValueError("bad input")
            """);

    Invocation result = f.invoke(invoker, "{}", "req-err");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .startsWith(
            "{\"errorMessage\": \"bad input\", \"errorType\": \"ValueError\","
                + " \"requestId\": \"req-err\", \"stackTrace\": [\"  File \\\"")
        .contains(
            "app.py\\\", line 2, in handler\\n    raise ValueError(\\\"bad input\\\")\\n\"]}");
    assertThat(logs.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "[ERROR] ValueError: bad input\rTraceback (most recent call last):\r"
                            + "\u00a0\u00a0File \""));
    assertThat(result.logTail()).doesNotContain("Status: error");
  }

  @Test
  void aModuleThatIsNotThereIsAnInitError() {
    Deployed f = deploy("noimport", "python3.12", "missing.handler", 3, zip("app.py", "x = 1\n"));

    Invocation result = f.invoke(invoker, "{}", "req-init");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorMessage\": \"Unable to import module 'missing': No module named 'missing'\","
                + " \"errorType\": \"Runtime.ImportModuleError\", \"requestId\": \"\","
                + " \"stackTrace\": []}");
    assertThat(result.logTail())
        .contains("START RequestId: req-init", "END RequestId: req-init")
        .contains("\tStatus: error\tError Type: Runtime.ImportModuleError\t");
    assertThat(logs.messages())
        .containsSubsequence(
            "[ERROR] Runtime.ImportModuleError: Unable to import module 'missing':"
                + " No module named 'missing'\rTraceback (most recent call last):\n",
            "START RequestId: req-init Version: $LATEST\n");
  }

  @Test
  void aHandlerThatIsNotThereIsAnInitError() {
    Deployed f = deploy("nohandler", "python3.12", "app.nothing", 3, zip("app.py", "x = 1\n"));

    Invocation result = f.invoke(invoker, "{}", "req-h");

    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorMessage\": \"Handler 'nothing' missing on module 'app'\","
                + " \"errorType\": \"Runtime.HandlerNotFound\", \"requestId\": \"\","
                + " \"stackTrace\": []}");
  }

  @Test
  void aBadHandlerNameIsAnInitError() {
    Deployed f = deploy("badname", "python3.12", "handler", 3, zip("app.py", "x = 1\n"));

    Invocation result = f.invoke(invoker, "{}", "req-b");

    assertThat(text(result.payload()))
        .contains(
            "\"errorMessage\": \"Bad handler 'handler': not enough values to unpack (expected 2,"
                + " got 1)\", \"errorType\": \"Runtime.MalformedHandlerName\"");
  }

  @Test
  void loggingGoesOutInLambdasFormatWithTheRequestId() {
    Deployed f =
        python(
            "logging",
            """
            import logging
            logger = logging.getLogger()
            logger.setLevel(logging.INFO)
            def handler(event, context):
                logger.info("two\\nlines")
                return None
            """);

    Invocation result = f.invoke(invoker, "{}", "req-log");

    assertThat(text(result.payload())).isEqualTo("null");
    assertThat(logs.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .matches(
                        "\\[INFO]\t\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\treq-log"
                            + "\ttwo\r"
                            + "lines\n"));
  }
}
