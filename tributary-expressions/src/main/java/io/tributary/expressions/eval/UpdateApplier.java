package io.tributary.expressions.eval;

import io.tributary.expressions.tree.PathStep;
import io.tributary.expressions.tree.PathTree;
import io.tributary.expressions.tree.UpdateAction;
import io.tributary.expressions.tree.UpdatePlan;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies an update plan to an item, as DynamoDB builds the new document: walking the tree of the
 * update's paths over the old item, every value computed from the old item, every path's parent
 * required to exist. Updates to one list (SET past the end, REMOVE of elements) are merged by
 * index and the list compacted, so "REMOVE a[0], a[1]" removes the first two elements.
 */
public final class UpdateApplier {
  public static final String INVALID_PATH =
      "The document path provided in the update expression is invalid for update";
  public static final String TOO_DEEP = "Nesting Levels have exceeded supported limits";
  /** AttributeUpdates words a mismatched ADD or DELETE differently from UpdateExpression. */
  public static final String LEGACY_MISMATCH = "Type mismatch for attribute to update";

  private static final int MAX_LEVELS = 32;

  private final UpdatePlan plan;
  private final Map<String, AttributeValue> old;
  private final boolean legacy;

  private UpdateApplier(UpdatePlan plan, Map<String, AttributeValue> old, boolean legacy) {
    this.plan = plan;
    this.old = old;
    this.legacy = legacy;
  }

  /**
   * The new item.
   *
   * @param old the item before the update (for a new item, its key attributes)
   * @param legacy whether the plan came from AttributeUpdates, which words errors differently and
   *     may ADD to a list
   */
  public static Map<String, AttributeValue> apply(
      UpdatePlan plan, Map<String, AttributeValue> old, boolean legacy) {
    AttributeValue.M result =
        (AttributeValue.M)
            new UpdateApplier(plan, old, legacy).node(plan.tree().root(), new AttributeValue.M(old));
    for (AttributeValue value : result.values().values()) {
      checkDepth(value, 1);
    }
    return result.values();
  }

  private AttributeValue node(PathTree.Node<Integer> node, AttributeValue doc) {
    return switch (doc) {
      case AttributeValue.M m -> map(node, m.values());
      case AttributeValue.L l -> list(node, l.values());
      default -> throw DynamoDbException.validation(INVALID_PATH);
    };
  }

  private AttributeValue map(PathTree.Node<Integer> node, Map<String, AttributeValue> doc) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(doc);
    for (Map.Entry<PathStep, PathTree.Node<Integer>> child : node.children().entrySet()) {
      if (!(child.getKey() instanceof PathStep.Key key)) {
        throw DynamoDbException.validation(INVALID_PATH);
      }
      AttributeValue result = result(child.getValue(), doc.get(key.name()));
      if (result == null) {
        out.remove(key.name());
      } else {
        out.put(key.name(), result);
      }
    }
    return new AttributeValue.M(Collections.unmodifiableMap(out));
  }

  private AttributeValue list(PathTree.Node<Integer> node, List<AttributeValue> doc) {
    TreeMap<Integer, AttributeValue> out = new TreeMap<>();
    for (int i = 0; i < doc.size(); i++) {
      out.put(i, doc.get(i));
    }
    for (Map.Entry<PathStep, PathTree.Node<Integer>> child : node.children().entrySet()) {
      if (!(child.getKey() instanceof PathStep.Index index)) {
        throw DynamoDbException.validation(INVALID_PATH);
      }
      int i = index.index();
      AttributeValue result = result(child.getValue(), i < doc.size() ? doc.get(i) : null);
      if (result == null) {
        out.remove(i);
      } else {
        out.put(i, result);
      }
    }
    return new AttributeValue.L(List.copyOf(out.values()));
  }

  /** The new value at one child: the action's result at a leaf, else the updated sub-document. */
  private AttributeValue result(PathTree.Node<Integer> child, AttributeValue existing) {
    if (child.isLeaf()) {
      return action(plan.actions().get(child.value()), existing);
    }
    if (existing == null) {
      throw DynamoDbException.validation(INVALID_PATH);
    }
    return node(child, existing);
  }

  private AttributeValue action(UpdateAction action, AttributeValue existing) {
    return switch (action) {
      case UpdateAction.Set s -> UpdateValues.evaluate(s.value(), old);
      case UpdateAction.Remove r -> null;
      case UpdateAction.Add a -> add(existing, a.value());
      case UpdateAction.Delete d -> delete(existing, d.value());
    };
  }

  private AttributeValue add(AttributeValue existing, AttributeValue value) {
    if (existing == null) {
      return value;
    }
    if (!existing.type().equals(value.type())) {
      throw mismatch();
    }
    return switch (existing) {
      case AttributeValue.N n ->
          new AttributeValue.N(UpdateValues.storable(n.value().add(((AttributeValue.N) value).value())));
      case AttributeValue.SS s ->
          new AttributeValue.SS(union(s.values(), ((AttributeValue.SS) value).values()));
      case AttributeValue.NS s -> new AttributeValue.NS(numberUnion(s.values(), ((AttributeValue.NS) value).values()));
      case AttributeValue.BS s -> new AttributeValue.BS(binaryUnion(s.values(), ((AttributeValue.BS) value).values()));
      case AttributeValue.L l -> {
        List<AttributeValue> joined = new ArrayList<>(l.values());
        joined.addAll(((AttributeValue.L) value).values());
        yield new AttributeValue.L(List.copyOf(joined));
      }
      default -> throw mismatch();
    };
  }

  /** DELETE: the set without the given members; an emptied set removes the attribute. */
  private AttributeValue delete(AttributeValue existing, AttributeValue members) {
    if (existing == null) {
      return null;
    }
    if (!existing.type().equals(members.type())) {
      throw mismatch();
    }
    return switch (existing) {
      case AttributeValue.SS s -> {
        Set<String> gone = Set.copyOf(((AttributeValue.SS) members).values());
        List<String> kept = s.values().stream().filter(v -> !gone.contains(v)).toList();
        yield kept.isEmpty() ? null : new AttributeValue.SS(kept);
      }
      case AttributeValue.NS s -> {
        List<BigDecimal> gone = ((AttributeValue.NS) members).values();
        List<BigDecimal> kept =
            s.values().stream().filter(v -> gone.stream().noneMatch(g -> g.compareTo(v) == 0)).toList();
        yield kept.isEmpty() ? null : new AttributeValue.NS(kept);
      }
      case AttributeValue.BS s -> {
        Set<ByteBuffer> gone = new LinkedHashSet<>();
        ((AttributeValue.BS) members).values().forEach(v -> gone.add(ByteBuffer.wrap(v)));
        List<byte[]> kept = s.values().stream().filter(v -> !gone.contains(ByteBuffer.wrap(v))).toList();
        yield kept.isEmpty() ? null : new AttributeValue.BS(kept);
      }
      default -> throw mismatch();
    };
  }

  private DynamoDbException mismatch() {
    return DynamoDbException.validation(legacy ? LEGACY_MISMATCH : UpdateValues.WRONG_TYPE);
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static List<BigDecimal> numberUnion(List<BigDecimal> a, List<BigDecimal> b) {
    List<BigDecimal> out = new ArrayList<>(a);
    for (BigDecimal v : b) {
      if (out.stream().noneMatch(x -> x.compareTo(v) == 0)) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  private static List<byte[]> binaryUnion(List<byte[]> a, List<byte[]> b) {
    Set<ByteBuffer> seen = new LinkedHashSet<>();
    a.forEach(v -> seen.add(ByteBuffer.wrap(v)));
    List<byte[]> out = new ArrayList<>(a);
    for (byte[] v : b) {
      if (seen.add(ByteBuffer.wrap(v))) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }

  /** A map or list may sit at most 31 levels below an attribute (the attribute is level 1). */
  private static void checkDepth(AttributeValue value, int level) {
    switch (value) {
      case AttributeValue.M m -> {
        if (level >= MAX_LEVELS) {
          throw DynamoDbException.validation(TOO_DEEP);
        }
        m.values().values().forEach(v -> checkDepth(v, level + 1));
      }
      case AttributeValue.L l -> {
        if (level >= MAX_LEVELS) {
          throw DynamoDbException.validation(TOO_DEEP);
        }
        l.values().forEach(v -> checkDepth(v, level + 1));
      }
      default -> {}
    }
  }
}
