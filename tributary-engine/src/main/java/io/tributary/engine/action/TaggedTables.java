package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.DynamoDbException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The table a tagging request's ResourceArn names, with DynamoDB's errors for bad ARNs. */
final class TaggedTables {
  private static final Pattern TABLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");

  private TaggedTables() {}

  static TableDefinition find(Database db, Request request, RequestContext context) {
    String arn = request.string("ResourceArn");
    Matcher m = TABLE_ARN.matcher(arn);
    if (!m.matches()) {
      throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    TableDefinition table = db.catalog().find(m.group(1), m.group(3));
    if (table == null || !m.group(2).equals(db.config().accountId())) {
      throw DynamoDbException.resourceNotFound(
          "Requested resource not found: ResourcArn: " + arn + " not found");
    }
    return table;
  }
}
