package io.tributary.expressions.tree;

import io.tributary.model.AttributeValue;
import io.tributary.model.Numbers;
import java.util.Base64;

/** How DynamoDB names types and shows values in expression messages. */
public final class TypeNames {
  /** The types attribute_type accepts, in the order DynamoDB lists them. */
  public static final String ATTRIBUTE_TYPES = "{N,BS,L,B,NULL,M,S,SS,NS,BOOL}";

  /**
   * What DynamoDB shows as the "operand type" of a document path, which may hold any type.
   * UNCONFIRMED for the current service: this is the set rendering captured in 2015-2019.
   */
  public static final String ANY_TYPE = "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";

  private TypeNames() {}

  /** The long type name of ADD/DELETE operand messages: STRING, NUMBER, STRING_SET, .... */
  public static String documentType(AttributeValue value) {
    return switch (value.type()) {
      case "S" -> "STRING";
      case "N" -> "NUMBER";
      case "B" -> "BINARY";
      case "BOOL" -> "BOOLEAN";
      case "NULL" -> "NULL";
      case "L" -> "LIST";
      case "M" -> "MAP";
      case "SS" -> "STRING_SET";
      case "NS" -> "NUMBER_SET";
      case "BS" -> "BINARY_SET";
      default -> value.type();
    };
  }

  /** A scalar value as BETWEEN messages show it: {@code AttributeValue: {N:5}}. */
  public static String shown(AttributeValue value) {
    String text =
        switch (value) {
          case AttributeValue.S s -> s.value();
          case AttributeValue.N n -> Numbers.toText(n.value());
          case AttributeValue.B b -> Base64.getEncoder().encodeToString(b.value());
          default -> value.toString();
        };
    return "AttributeValue: {" + value.type() + ":" + text + "}";
  }
}
