package io.tributary.expressions.tree;

import io.tributary.expressions.syntax.Comparator;
import java.util.Set;

/**
 * Every operator and function of the expression language, with what DynamoDB checks about its
 * operands before evaluating anything: how many, of which types (for constants and function
 * results; a path may hold anything), and whether the first operand must differ from the others.
 */
enum Operator {
  EQ("=", 2, false, null, true),
  NE("<>", 2, false, null, true),
  LT("<", 2, false, Types.ORDERED, true),
  LE("<=", 2, false, Types.ORDERED, true),
  GT(">", 2, false, Types.ORDERED, true),
  GE(">=", 2, false, Types.ORDERED, true),
  BETWEEN("BETWEEN", 3, false, Types.ORDERED, true),
  IN("IN", 1, true, null, true),
  ATTRIBUTE_EXISTS("attribute_exists", 1, false, null, true),
  ATTRIBUTE_NOT_EXISTS("attribute_not_exists", 1, false, null, true),
  ATTRIBUTE_TYPE("attribute_type", 2, false, null, true),
  BEGINS_WITH("begins_with", 2, false, Set.of("S", "B"), true),
  CONTAINS("contains", 2, false, null, true),
  SIZE("size", 1, false, Set.of("S", "B", "SS", "NS", "BS", "L", "M"), true),
  NOT("NOT", 1, false, null, false),
  AND("AND", 2, false, null, false),
  OR("OR", 2, false, null, false),
  PLUS("+", 2, false, Set.of("N"), false),
  MINUS("-", 2, false, Set.of("N"), false),
  LIST_APPEND("list_append", 2, false, Set.of("L"), false),
  IF_NOT_EXISTS("if_not_exists", 2, false, null, true);

  private final String symbol;
  private final int operands;
  private final boolean moreOperands;
  private final Set<String> operandTypes;
  private final boolean distinctFirst;

  Operator(
      String symbol,
      int operands,
      boolean moreOperands,
      Set<String> operandTypes,
      boolean distinctFirst) {
    this.symbol = symbol;
    this.operands = operands;
    this.moreOperands = moreOperands;
    this.operandTypes = operandTypes;
    this.distinctFirst = distinctFirst;
  }

  /** The name DynamoDB's messages use: the symbol or the function name. */
  String symbol() {
    return symbol;
  }

  boolean operandCountOk(int count) {
    return moreOperands ? count >= operands : count == operands;
  }

  /** The types a constant or function result may have here; null for any. */
  Set<String> operandTypes() {
    return operandTypes;
  }

  boolean distinctFirst() {
    return distinctFirst;
  }

  static Operator of(Comparator comparator) {
    return switch (comparator) {
      case EQ -> EQ;
      case NE -> NE;
      case LT -> LT;
      case LE -> LE;
      case GT -> GT;
      case GE -> GE;
    };
  }

  /** The function of that name (names are case-sensitive); the syntax checks vetted it. */
  static Operator function(String name) {
    return switch (name) {
      case "attribute_exists" -> ATTRIBUTE_EXISTS;
      case "attribute_not_exists" -> ATTRIBUTE_NOT_EXISTS;
      case "attribute_type" -> ATTRIBUTE_TYPE;
      case "begins_with" -> BEGINS_WITH;
      case "contains" -> CONTAINS;
      case "size" -> SIZE;
      case "list_append" -> LIST_APPEND;
      case "if_not_exists" -> IF_NOT_EXISTS;
      default -> throw new IllegalStateException("not a function: " + name);
    };
  }

  private static final class Types {
    static final Set<String> ORDERED = Set.of("S", "N", "B");
  }
}
