package io.tributary.engine.shape;

import io.tributary.model.json.Json;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a request value the way DynamoDB's "Value '...' at '...'" messages do: what Java's
 * toString gives for the object DynamoDB deserialized it into. Strings print bare, numbers as the
 * Java number, lists as {@code [a, b]}, maps as {@code {k=v}}, structures as {@code
 * KeySchemaElement(attributeName=pk, keyType=HASH)}, and an AttributeValue as its class name and
 * hash code.
 */
final class ValueText {
  /** java.util.Date's toString, in the UTC that DynamoDB's hosts run in. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
          .withZone(ZoneId.of("UTC"));

  private final ServiceModel model;

  ValueText(ServiceModel model) {
    this.model = model;
  }

  String of(Shape shape, Json value) {
    if (value == null || value instanceof Json.Null) {
      return "null";
    }
    return switch (shape) {
      case Shape.StringShape s -> ((Json.Str) value).value();
      case Shape.NumberShape n -> number(n, ((Json.Num) value).text());
      case Shape.BooleanShape b -> String.valueOf(booleanValue(value));
      case Shape.BlobShape b -> blob(value).toString();
      case Shape.TimestampShape t -> DATE.format(Instant.ofEpochMilli(timestampMillis(value)));
      case Shape.ListShape l -> list(l, (Json.Arr) value);
      case Shape.MapShape m -> map(m, (Json.Obj) value);
      case Shape.Structure s -> structure(s, (Json.Obj) value);
    };
  }

  /** The number DynamoDB reads into an Integer, Long or Double member, printed as Java does. */
  static String number(Shape.NumberShape shape, String text) {
    BigDecimal decimal = new BigDecimal(text);
    return switch (shape.kind()) {
      case INTEGER -> Integer.toString(decimal.intValue());
      case LONG -> Long.toString(decimal.longValue());
      case DOUBLE -> Double.toString(decimal.doubleValue());
    };
  }

  private String list(Shape.ListShape shape, Json.Arr value) {
    Shape member = model.shape(shape.member());
    List<String> parts = new ArrayList<>();
    for (Json element : value.elements()) {
      parts.add(of(member, element));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  private String map(Shape.MapShape shape, Json.Obj value) {
    Shape member = model.shape(shape.value());
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Json> entry : value.members().entrySet()) {
      parts.add(entry.getKey() + "=" + of(member, entry.getValue()));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private String structure(Shape.Structure shape, Json.Obj value) {
    if (shape.isAttributeValue()) {
      return model.namespace() + ".AttributeValue@" + Integer.toHexString(hash(shape, value));
    }
    List<String> parts = new ArrayList<>();
    for (Shape.Member member : shape.members()) {
      parts.add(
          ShapeValidator.lowerFirst(member.name())
              + "="
              + of(model.shape(member.shape()), value.get(member.name())));
    }
    return shape.name() + "(" + String.join(", ", parts) + ")";
  }

  /**
   * A Lombok-style hash code (59-based, 43 for null) over the members in model order, which is
   * how DynamoDB's generated request classes appear to hash. Not confirmed against the service.
   */
  private int hash(Shape shape, Json value) {
    if (value == null || value instanceof Json.Null) {
      return 43;
    }
    return switch (shape) {
      case Shape.StringShape s -> ((Json.Str) value).value().hashCode();
      case Shape.NumberShape n -> number(n, ((Json.Num) value).text()).hashCode();
      case Shape.BooleanShape b -> booleanValue(value) ? 79 : 97;
      case Shape.BlobShape b -> blob(value).hashCode();
      case Shape.TimestampShape t -> Long.hashCode(timestampMillis(value));
      case Shape.ListShape l -> {
        int h = 1;
        Shape member = model.shape(l.member());
        for (Json element : ((Json.Arr) value).elements()) {
          h = 31 * h + hash(member, element);
        }
        yield h;
      }
      case Shape.MapShape m -> {
        int h = 0;
        Shape member = model.shape(m.value());
        for (Map.Entry<String, Json> entry : ((Json.Obj) value).members().entrySet()) {
          h += entry.getKey().hashCode() ^ hash(member, entry.getValue());
        }
        yield h;
      }
      case Shape.Structure s -> {
        int h = 1;
        for (Shape.Member member : s.members()) {
          h = h * 59 + hash(model.shape(member.shape()), ((Json.Obj) value).get(member.name()));
        }
        yield h;
      }
    };
  }

  private static boolean booleanValue(Json value) {
    return value instanceof Json.Bool b
        ? b.value()
        : ((Json.Str) value).value().equalsIgnoreCase("true");
  }

  private static ByteBuffer blob(Json value) {
    return ByteBuffer.wrap(Base64.getDecoder().decode(((Json.Str) value).value()));
  }

  /** DynamoDB's JSON protocol sends timestamps as epoch seconds, possibly with a fraction. */
  private static long timestampMillis(Json value) {
    return new BigDecimal(((Json.Num) value).text()).movePointRight(3).longValue();
  }
}
