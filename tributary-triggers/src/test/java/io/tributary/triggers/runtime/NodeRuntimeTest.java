package io.tributary.triggers.runtime;

import static io.tributary.triggers.runtime.Fixtures.deploy;
import static io.tributary.triggers.runtime.Fixtures.text;
import static io.tributary.triggers.runtime.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.triggers.runtime.Fixtures.Deployed;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built-in Node bootstrap: handler styles, console output and errors as AWS's client has them.
 */
@Timeout(60)
class NodeRuntimeTest extends InvokerFixture {
  @BeforeAll
  static void nodeIsThere() {
    assumeTrue(
        Interpreters.find(List.of("node"), "console.log(process.execPath)").isPresent(),
        "node is not on the PATH");
  }

  private static Deployed node(String name, String source) {
    return deploy(name, "nodejs20.x", "index.handler", 3, zip("index.js", source));
  }

  @Test
  void anAsyncHandlerAnswersWithWhatItReturns() {
    Deployed f =
        node(
            "async",
            """
            exports.handler = async (event, context) => {
              console.log('got', event);
              return { doubled: event.n * 2, id: context.awsRequestId, fn: context.functionName,
                       left: context.getRemainingTimeInMillis() > 0 };
            };
            """);

    Invocation result = f.invoke(invoker, "{\"n\": 21}", "req-a");

    assertThat(result.failed()).isFalse();
    assertThat(text(result.payload()))
        .isEqualTo("{\"doubled\":42,\"id\":\"req-a\",\"fn\":\"async\",\"left\":true}");
    assertThat(logs.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .matches(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\treq-a\tINFO\tgot \\{"
                            + " n: 21 }\n"));
    assertThat(result.logTail()).startsWith("START RequestId: req-a Version: $LATEST\n");
  }

  @Test
  void aCallbackHandlerAnswersThroughTheCallback() {
    Deployed f =
        node(
            "callback",
            """
            exports.handler = function (event, context, callback) {
              setTimeout(() => callback(null, { late: true }), 50);
            };
            """);

    assertThat(text(f.invoke(invoker, "{}", "req-cb").payload())).isEqualTo("{\"late\":true}");
    // Warm: the same environment answers again.
    assertThat(text(f.invoke(invoker, "{}", "req-cb2").payload())).isEqualTo("{\"late\":true}");
  }

  @Test
  void anEsModuleHandlerLoadsToo() {
    Deployed f =
        deploy(
            "esm",
            "nodejs22.x",
            "index.handler",
            3,
            zip("index.mjs", "export const handler = async () => 'from esm';\n"));

    assertThat(text(f.invoke(invoker, "{}", "req-m").payload())).isEqualTo("\"from esm\"");
  }

  @Test
  void aThrownErrorIsAnUnhandledFunctionErrorWithItsTrace() {
    Deployed f =
        node(
            "throws",
            """
            exports.handler = async () => { throw new TypeError('not a number'); };
            """);

    Invocation result = f.invoke(invoker, "{}", "req-e");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .startsWith(
            "{\"errorType\":\"TypeError\",\"errorMessage\":\"not a number\","
                + "\"trace\":[\"TypeError: not a number\",\"    at ");
    assertThat(logs.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "\treq-e\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\","
                            + "\"errorMessage\":\"not a number\""));
  }

  @Test
  void aMissingModuleIsAnImportModuleError() {
    Deployed f = deploy("missing", "nodejs20.x", "nothere.handler", 3, zip("index.js", ""));

    Invocation result = f.invoke(invoker, "{}", "req-i");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .startsWith(
            "{\"errorType\":\"Runtime.ImportModuleError\",\"errorMessage\":\"Error: Cannot find"
                + " module 'nothere'");
    assertThat(result.logTail()).contains("\tStatus: error\tError Type: Runtime.ImportModuleError");
  }

  @Test
  void aMissingHandlerIsHandlerNotFound() {
    Deployed f = node("nohandler", "exports.other = () => 1;\n");

    Invocation result = f.invoke(invoker, "{}", "req-h");

    assertThat(text(result.payload()))
        .startsWith(
            "{\"errorType\":\"Runtime.HandlerNotFound\",\"errorMessage\":\"index.handler is"
                + " undefined or not exported\",\"trace\":[\"Runtime.HandlerNotFound: index.handler"
                + " is undefined or not exported\",");
  }
}
