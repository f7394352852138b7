package io.tributary.engine.shape;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service's API model: which operations exist and the input shape of each, generated from
 * botocore's model by {@code scripts/service-model.py} into a resource next to this class.
 * Immutable; the bundled models are loaded once.
 */
public final class ServiceModel {
  private final String namespace;
  private final Map<String, String> operations;
  private final Map<String, Shape> shapes;

  private ServiceModel(
      String namespace, Map<String, String> operations, Map<String, Shape> shapes) {
    this.namespace = namespace;
    this.operations = operations;
    this.shapes = shapes;
  }

  /** DynamoDB's API (X-Amz-Target prefix DynamoDB_20120810). */
  public static ServiceModel dynamoDb() {
    return DynamoDbHolder.MODEL;
  }

  /** DynamoDB Streams' API (X-Amz-Target prefix DynamoDBStreams_20120810). */
  public static ServiceModel dynamoDbStreams() {
    return StreamsHolder.MODEL;
  }

  /** Loads a model resource of the format {@code scripts/service-model.py} writes. */
  public static ServiceModel load(String resourceName) {
    try (InputStream in = ServiceModel.class.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + resourceName);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model resource " + resourceName, e);
    }
  }

  static ServiceModel parse(String text) {
    Json.Obj root = (Json.Obj) JsonReader.parse(text.getBytes(StandardCharsets.UTF_8));
    Map<String, String> operations = new HashMap<>();
    ((Json.Obj) root.get("operations"))
        .members()
        .forEach((op, input) -> operations.put(op, ((Json.Str) input).value()));
    Map<String, Shape> shapes = new HashMap<>();
    ((Json.Obj) root.get("shapes"))
        .members()
        .forEach((name, shape) -> shapes.put(name, shape(name, (Json.Obj) shape)));
    for (String input : operations.values()) {
      if (!(shapes.get(input) instanceof Shape.Structure)) {
        throw new IllegalStateException("input shape " + input + " is not a structure");
      }
    }
    return new ServiceModel(
        ((Json.Str) root.get("namespace")).value(), Map.copyOf(operations), Map.copyOf(shapes));
  }

  public boolean hasOperation(String operation) {
    return operations.containsKey(operation);
  }

  /** The input structure of {@code operation}, or null if the service has no such operation. */
  public Shape.Structure input(String operation) {
    String name = operations.get(operation);
    return name == null ? null : (Shape.Structure) shapes.get(name);
  }

  /** The shape named {@code name}; every name a shape of this model refers to resolves. */
  public Shape shape(String name) {
    Shape shape = shapes.get(name);
    if (shape == null) {
      throw new IllegalArgumentException("no shape " + name);
    }
    return shape;
  }

  /** The Java package of DynamoDB's request classes, which some of its messages name. */
  public String namespace() {
    return namespace;
  }

  private static Shape shape(String name, Json.Obj json) {
    String type = text(json, "type");
    Long min = bound(json, "min");
    Long max = bound(json, "max");
    return switch (type) {
      case "structure" -> structure(name, json);
      case "list" -> new Shape.ListShape(name, text(json, "member"), min, max);
      case "map" -> new Shape.MapShape(name, text(json, "key"), text(json, "value"), min, max);
      case "string" -> {
        String pattern = json.get("pattern") == null ? null : text(json, "pattern");
        yield new Shape.StringShape(
            name,
            min,
            max,
            pattern == null ? null : Pattern.compile(pattern),
            strings(json.get("enum")));
      }
      case "integer" -> new Shape.NumberShape(name, Shape.NumberKind.INTEGER, min, max);
      case "long" -> new Shape.NumberShape(name, Shape.NumberKind.LONG, min, max);
      case "double", "float" -> new Shape.NumberShape(name, Shape.NumberKind.DOUBLE, min, max);
      case "boolean" -> new Shape.BooleanShape(name);
      case "blob" -> new Shape.BlobShape(name, min, max);
      case "timestamp" -> new Shape.TimestampShape(name);
      default -> throw new IllegalStateException("shape " + name + " has unknown type " + type);
    };
  }

  private static Shape.Structure structure(String name, Json.Obj json) {
    Set<String> required = new HashSet<>(strings(json.get("required")));
    List<Shape.Member> members = new ArrayList<>();
    ((Json.Obj) json.get("members"))
        .members()
        .forEach(
            (member, shape) -> {
              String shapeName = ((Json.Str) shape).value();
              members.add(new Shape.Member(member, shapeName, required.contains(member)));
            });
    List<Shape.Member> report = members;
    if (json.get("order") != null) {
      report = new ArrayList<>();
      for (String member : strings(json.get("order"))) {
        report.add(members.stream().filter(m -> m.name().equals(member)).findFirst().orElseThrow());
      }
    }
    return new Shape.Structure(name, List.copyOf(members), List.copyOf(report));
  }

  private static String text(Json.Obj json, String field) {
    return ((Json.Str) json.get(field)).value();
  }

  private static Long bound(Json.Obj json, String field) {
    Json value = json.get(field);
    return value == null ? null : Long.valueOf(((Json.Num) value).text());
  }

  private static List<String> strings(Json array) {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Json element : ((Json.Arr) array).elements()) {
      out.add(((Json.Str) element).value());
    }
    return List.copyOf(out);
  }

  /** Holders so each bundled model is read on first use only. */
  private static final class DynamoDbHolder {
    static final ServiceModel MODEL = load("dynamodb-2012-08-10.json");
  }

  private static final class StreamsHolder {
    static final ServiceModel MODEL = load("dynamodbstreams-2012-08-10.json");
  }
}
