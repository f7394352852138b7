package io.tributary.triggers.function;

import java.time.Instant;
import java.util.Map;

/**
 * One function as CreateFunction and UpdateFunction* left it ({@code $LATEST}; no versions or
 * aliases yet).
 *
 * @param arn the unqualified function ARN, {@code arn:aws:lambda:<region>:<account>:function:<name>}
 * @param runtime such as {@code python3.12}, {@code java21}, {@code nodejs20.x}, {@code provided.al2023}
 * @param handler {@code module.function}, {@code pkg.Class::method}, or what a custom runtime reads
 * @param timeoutSeconds how long one invocation may run before it is stopped
 * @param environment the function's own environment variables
 * @param codeSha256 base64 of the SHA-256 of the deployment package, which also names its stored copy
 * @param codeSize the deployment package's bytes
 */
public record FunctionDefinition(
    String region,
    String name,
    String arn,
    String runtime,
    String handler,
    String role,
    String description,
    int timeoutSeconds,
    int memorySize,
    Map<String, String> environment,
    String codeSha256,
    long codeSize,
    Instant lastModified,
    String revisionId) {

  public FunctionDefinition {
    environment = Map.copyOf(environment);
  }

  /** The same function with a new deployment package. */
  public FunctionDefinition withCode(String sha256, long size, Instant now, String revision) {
    return new FunctionDefinition(
        region, name, arn, runtime, handler, role, description, timeoutSeconds, memorySize,
        environment, sha256, size, now, revision);
  }

  /** The same function with a new configuration. */
  public FunctionDefinition withConfiguration(
      String newRuntime,
      String newHandler,
      String newRole,
      String newDescription,
      int newTimeout,
      int newMemory,
      Map<String, String> newEnvironment,
      Instant now,
      String revision) {
    return new FunctionDefinition(
        region, name, arn, newRuntime, newHandler, newRole, newDescription, newTimeout, newMemory,
        newEnvironment, codeSha256, codeSize, now, revision);
  }

  /** The log group its output goes to. */
  public String logGroup() {
    return "/aws/lambda/" + name;
  }
}
