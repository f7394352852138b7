package io.tributary.triggers.runtime;

import io.tributary.triggers.function.FunctionDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a function's process, as Lambda's "defined runtime environment variables":
 * nothing of the server's own environment but PATH, then the function's own variables, then the
 * reserved ones, which the function cannot override.
 */
final class EnvironmentVariables {
  /** Credentials that sign SDK calls well enough for Tributary, which does not check them. */
  static final String ACCESS_KEY_ID = "tributary";

  private EnvironmentVariables() {}

  /**
   * @param runtimeApi the host and port of the environment's Runtime API
   * @param endpoint where Tributary answers (so SDK calls in handlers come back to it), or null
   */
  static Map<String, String> of(
      FunctionDefinition function,
      Bootstrap bootstrap,
      Path taskRoot,
      Path runtimeDir,
      String runtimeApi,
      String logStream,
      URI endpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    // Unreserved: the function may set its own.
    env.put("LANG", "en_US.UTF-8");
    String path = System.getenv("PATH");
    env.put("PATH", path == null ? "/usr/local/bin:/usr/bin/:/bin:/opt/bin" : path);
    env.put("LD_LIBRARY_PATH", taskRoot + ":" + taskRoot.resolve("lib"));
    if (endpoint != null) {
      env.put("AWS_ENDPOINT_URL", endpoint.toString());
    }
    env.putAll(bootstrap.environment(taskRoot));
    env.putAll(function.environment());
    // Reserved.
    env.put("_HANDLER", function.handler() == null ? "" : function.handler());
    env.put("AWS_REGION", function.region());
    env.put("AWS_DEFAULT_REGION", function.region());
    bootstrap.executionEnv(function.runtime()).ifPresent(v -> env.put("AWS_EXECUTION_ENV", v));
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", function.logGroup());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", "tributary");
    env.put("AWS_SESSION_TOKEN", "tributary");
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
    env.put("TZ", ":UTC");
    return env;
  }
}
