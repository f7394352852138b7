package io.tributary.triggers.function;

import io.tributary.triggers.rest.LambdaException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FunctionName as Lambda takes it: a name, a full ARN, or a partial ARN ({@code
 * 123456789012:function:name}), each optionally with {@code :$LATEST}.
 */
public final class FunctionNames {
  private static final Pattern ARN =
      Pattern.compile(
          "(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):)?(?:\\d{12}:)?(?:function:)?([a-zA-Z0-9_-]{1,64})(?::(\\$LATEST))?");

  private FunctionNames() {}

  /** A function's region and name. */
  public record Ref(String region, String name) {}

  public static Ref parse(String nameOrArn, String requestRegion) {
    Matcher m = ARN.matcher(nameOrArn == null ? "" : nameOrArn);
    if (!m.matches()) {
      throw LambdaException.validation(
          "1 validation error detected: Value '"
              + nameOrArn
              + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
              + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    }
    return new Ref(m.group(1) != null ? m.group(1) : requestRegion, m.group(2));
  }
}
