package io.tributary.engine.action;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import java.util.regex.Pattern;

/**
 * Table names as requests give them: a name, or the table's ARN (which DynamoDB accepts in
 * TableName since resource-based policies). Names are 3 to 255 characters of [a-zA-Z0-9_.-].
 */
final class TableNames {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([^/]+)");

  private TableNames() {}

  /** A table reference: the region it lives in and its name. */
  record TableRef(String region, String name) {}

  /** Resolves {@code nameOrArn} (the request member {@code member}, for messages). */
  static TableRef resolve(String nameOrArn, RequestContext context, String member) {
    var arn = ARN.matcher(nameOrArn);
    if (arn.matches()) {
      return new TableRef(arn.group(1), check(arn.group(3), member));
    }
    return new TableRef(context.region(), check(nameOrArn, member));
  }

  private static String check(String name, String member) {
    String path = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    if (name.length() < 3) {
      throw constraint(name, path, "Member must have length greater than or equal to 3");
    }
    if (name.length() > 255) {
      throw constraint(name, path, "Member must have length less than or equal to 255");
    }
    if (!NAME.matcher(name).matches()) {
      throw constraint(
          name, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return name;
  }

  private static DynamoDbException constraint(String value, String path, String constraint) {
    return DynamoDbException.validation(
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + path
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
