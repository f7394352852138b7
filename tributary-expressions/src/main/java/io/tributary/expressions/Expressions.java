package io.tributary.expressions;

import io.tributary.expressions.syntax.ExpressionException;
import io.tributary.expressions.syntax.Syntax;
import io.tributary.expressions.syntax.SyntaxCache;
import io.tributary.expressions.tree.Binder;
import io.tributary.expressions.tree.PathTree;
import io.tributary.expressions.tree.Predicate;
import io.tributary.expressions.tree.UpdatePlan;
import io.tributary.model.DynamoDbException;
import java.util.Collection;
import java.util.Set;

/**
 * Parses a request's expressions: text to a cached syntax tree, then bound to the request's
 * placeholders, with every error DynamoDB reports at that stage, prefixed with the request member
 * ("Invalid UpdateExpression: ...").
 *
 * <p>Parse a request's expressions in DynamoDB's order, then call {@link
 * ExpressionAttributes#checkAllUsed()}: UpdateItem: UpdateExpression, ConditionExpression;
 * Query: FilterExpression, ProjectionExpression, KeyConditionExpression; Scan: FilterExpression,
 * ProjectionExpression.
 */
public final class Expressions {
  /** The longest expression text DynamoDB accepts, in UTF-16 units (Java string length). */
  public static final int MAX_LENGTH = 4096;

  private Expressions() {}

  /**
   * A ConditionExpression or FilterExpression.
   *
   * @param member the request member the text came from ("ConditionExpression" or
   *     "FilterExpression"), named in messages
   */
  public static Condition parseCondition(String member, String text, ExpressionAttributes attrs) {
    checkLength(member, text, true);
    try {
      Syntax.Cond tree = SyntaxCache.condition(text);
      Binder binder = new Binder(attrs);
      Predicate predicate = binder.condition(tree);
      return new Condition(predicate, binder.attributes(), binder.nestedAccess());
    } catch (ExpressionException e) {
      throw invalid(member, e);
    }
  }

  public static Update parseUpdate(String text, ExpressionAttributes attrs) {
    String member = "UpdateExpression";
    checkLength(member, text, false);
    try {
      Syntax.UpdateTree tree = SyntaxCache.update(text);
      Binder binder = new Binder(attrs);
      UpdatePlan plan = binder.update(tree);
      return new Update(plan, false, binder.nestedAccess());
    } catch (ExpressionException e) {
      throw invalid(member, e);
    }
  }

  public static Projection parseProjection(String text, ExpressionAttributes attrs) {
    String member = "ProjectionExpression";
    checkLength(member, text, false);
    try {
      Syntax.ProjectionTree tree = SyntaxCache.projection(text);
      Binder binder = new Binder(attrs);
      PathTree<Void> paths = binder.projection(tree);
      return new Projection(paths, binder.nestedAccess());
    } catch (ExpressionException e) {
      throw invalid(member, e);
    }
  }

  /**
   * A KeyConditionExpression, checked as far as it can be without the table: the grammar, the
   * placeholders, and what a key condition may say. Call {@link KeyConditions#resolve} once the
   * table's (or index's) key is known.
   */
  public static KeyConditions parseKeyConditions(String text, ExpressionAttributes attrs) {
    String member = "KeyConditionExpression";
    checkLength(member, text, false);
    Predicate predicate;
    try {
      predicate = new Binder(attrs).condition(SyntaxCache.condition(text));
    } catch (ExpressionException e) {
      throw invalid(member, e);
    }
    return KeyConditions.of(predicate);
  }

  /** {@link #parseKeyConditions} and {@link KeyConditions#resolve} in one step. */
  public static KeyCondition parseKeyCondition(
      String text, ExpressionAttributes attrs, KeyAttributes keys) {
    return parseKeyConditions(text, attrs).resolve(keys);
  }

  /**
   * Refuses '.' or '[]' on a key attribute in any expression of the request: "Key attributes must
   * be scalars; list random access '[]' and map lookup '.' are not allowed: Key: a" (for an
   * index's keys, "IndexKey: a"). Check the table's keys first, then each index's.
   *
   * @param nestedAccess the expressions' {@code nestedAccessAttributeNames()}, together
   */
  public static void requireScalarKeyAccess(
      Set<String> nestedAccess, Collection<String> keyAttributeNames, boolean indexKeys) {
    for (String key : keyAttributeNames) {
      if (nestedAccess.contains(key)) {
        throw DynamoDbException.validation(
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
                + " allowed: "
                + (indexKeys ? "IndexKey: " : "Key: ")
                + key);
      }
    }
  }

  /**
   * Empty text, then text over 4 KB. Only conditions and filters show the size, as DynamoDB does.
   */
  private static void checkLength(String member, String text, boolean showSize) {
    if (text.isEmpty()) {
      throw invalid(member, ExpressionException.of("The expression can not be empty"));
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid(
          member,
          showSize
              ? ExpressionException.of(
                  "Expression size has exceeded the maximum allowed size",
                  "expression size",
                  text.length())
              : ExpressionException.of("Expression size has exceeded the maximum allowed size"));
    }
  }

  private static DynamoDbException invalid(String member, ExpressionException e) {
    return DynamoDbException.validation("Invalid " + member + ": " + e.getMessage());
  }
}
