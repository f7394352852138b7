package io.tributary.engine.shape;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One shape of a service's API model, as the validator needs it. Shapes refer to each other by
 * name (the model has cycles, through AttributeValue), resolved with {@link ServiceModel#shape}.
 * A null {@code min} or {@code max} means the model sets no such bound.
 */
public sealed interface Shape {
  String name();

  /** A member of a structure; {@code name} is the wire name, e.g. "TableName". */
  record Member(String name, String shape, boolean required) {}

  /**
   * {@code members} are in the model's order (also the field order DynamoDB prints a structure
   * in); {@code reportOrder} is the order DynamoDB reports their violations in.
   */
  record Structure(String name, List<Member> members, List<Member> reportOrder) implements Shape {
    /**
     * Whether this is DynamoDB's AttributeValue: its contents are checked by the item model with
     * DynamoDB's own messages, so the shape validator only sees that it is a JSON object.
     */
    public boolean isAttributeValue() {
      return name.equals("AttributeValue");
    }

    public Member member(String wireName) {
      for (Member m : members) {
        if (m.name().equals(wireName)) {
          return m;
        }
      }
      return null;
    }
  }

  record ListShape(String name, String member, Long min, Long max) implements Shape {}

  record MapShape(String name, String key, String value, Long min, Long max) implements Shape {}

  /** {@code enumValues} is empty when the string is not an enum; in DynamoDB's listing order. */
  record StringShape(String name, Long min, Long max, Pattern pattern, List<String> enumValues)
      implements Shape {}

  record NumberShape(String name, NumberKind kind, Long min, Long max) implements Shape {}

  record BooleanShape(String name) implements Shape {}

  record BlobShape(String name, Long min, Long max) implements Shape {}

  record TimestampShape(String name) implements Shape {}

  /** The Java type DynamoDB reads a number member into, named in its messages. */
  enum NumberKind {
    INTEGER("Integer"),
    LONG("Long"),
    DOUBLE("Double");

    private final String javaName;

    NumberKind(String javaName) {
      this.javaName = javaName;
    }

    /** "Integer", "Long" or "Double". */
    public String javaName() {
      return javaName;
    }
  }
}
