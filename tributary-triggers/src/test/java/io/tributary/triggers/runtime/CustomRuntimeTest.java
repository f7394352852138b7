package io.tributary.triggers.runtime;

import static io.tributary.triggers.runtime.Fixtures.deploy;
import static io.tributary.triggers.runtime.Fixtures.text;
import static io.tributary.triggers.runtime.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.triggers.runtime.Fixtures.Deployed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code provided} runtime: the package's own {@code bootstrap}, here the shell script of
 * Lambda's custom-runtime tutorial, talking to the Runtime API with curl.
 */
@Timeout(60)
class CustomRuntimeTest extends InvokerFixture {
  /** Lambda's tutorial bootstrap, answering with the event it got wrapped in an object. */
  static final String BOOTSTRAP =
      """
      #!/bin/bash
      set -euo pipefail
      echo "init of $_HANDLER in $LAMBDA_TASK_ROOT"
      while true; do
        HEADERS="$(mktemp)"
        EVENT_DATA=$(curl -sS -LD "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")
        REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
        rm -f "$HEADERS"
        echo "handling $EVENT_DATA"
        if [ "$EVENT_DATA" = '"fail"' ]; then
          curl -sS -o /dev/null -X POST -H "Lambda-Runtime-Function-Error-Type: Custom.Failure" \\
            "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/error" \\
            -d '{"errorMessage":"asked to fail","errorType":"Custom.Failure"}'
        else
          curl -sS -o /dev/null -X POST \\
            "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" \\
            -d "{\\"echo\\":$EVENT_DATA}"
        fi
      done
      """;

  @BeforeAll
  static void curlIsThere() {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
        "curl is not installed");
  }

  @Test
  void thePackagesBootstrapAnswersThroughTheRuntimeApi() {
    Deployed f =
        deploy("custom", "provided.al2023", "function.handler", 3, zip("bootstrap", BOOTSTRAP));

    Invocation first = f.invoke(invoker, "{\"x\":1}", "req-1");
    Invocation second = f.invoke(invoker, "[2]", "req-2");

    assertThat(text(first.payload())).isEqualTo("{\"echo\":{\"x\":1}}");
    assertThat(text(second.payload())).isEqualTo("{\"echo\":[2]}");
    assertThat(logs.messages())
        .filteredOn(m -> !m.startsWith("REPORT"))
        .containsSubsequence(
            "START RequestId: req-1 Version: $LATEST\n",
            "handling {\"x\":1}\n",
            "END RequestId: req-1\n",
            "START RequestId: req-2 Version: $LATEST\n",
            "handling [2]\n",
            "END RequestId: req-2\n");
    assertThat(logs.messages().getFirst()).startsWith("init of function.handler in ");
  }

  @Test
  void anErrorPostedByTheRuntimeIsTheInvocationsError() {
    Deployed f = deploy("customfail", "provided", "x", 3, zip("bootstrap", BOOTSTRAP));

    Invocation result = f.invoke(invoker, "\"fail\"", "req-f");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .isEqualTo("{\"errorMessage\":\"asked to fail\",\"errorType\":\"Custom.Failure\"}");
  }
}
