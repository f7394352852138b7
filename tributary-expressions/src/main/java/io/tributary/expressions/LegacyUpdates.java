package io.tributary.expressions;

import io.tributary.expressions.tree.AttributePath;
import io.tributary.expressions.tree.Operand;
import io.tributary.expressions.tree.PathTree;
import io.tributary.expressions.tree.UpdateAction;
import io.tributary.expressions.tree.UpdatePlan;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AttributeUpdates and AttributesToGet translated onto the expression machinery. AttributeUpdates
 * actions: PUT (the default) sets, DELETE without a value removes, DELETE with a set removes its
 * members, ADD adds a number, adds set members, or appends to a list.
 */
public final class LegacyUpdates {
  private static final String PREFIX = ComparisonOperator.PREFIX;
  private static final Set<String> DELETE_TYPES = Set.of("SS", "NS", "BS");
  private static final Set<String> ADD_TYPES = Set.of("N", "SS", "NS", "BS", "L");

  private LegacyUpdates() {}

  /** AttributeUpdates as an update; absent gives an update that changes nothing. */
  public static Update attributeUpdates(Json attributeUpdates, Wording wording) {
    PathTree<Integer> tree = new PathTree<>();
    List<UpdateAction> actions = new ArrayList<>();
    for (Map.Entry<String, Json> entry : LegacyConditions.members(attributeUpdates).entrySet()) {
      String name = entry.getKey();
      if (!LegacyConditions.present(entry.getValue())) {
        throw DynamoDbException.validation(
            "Supplied AttributeValueUpdate is empty, must contain one of the supported actions: "
                + name
                + " is null");
      }
      Json.Obj update = (Json.Obj) entry.getValue();
      Json actionJson = update.get("Action");
      String action = LegacyConditions.present(actionJson) ? ((Json.Str) actionJson).value() : "PUT";
      Json valueJson = update.get("Value");
      AttributeValue value =
          LegacyConditions.present(valueJson) ? AttributeValues.fromJson(valueJson, wording) : null;
      AttributePath path = AttributePath.of(name);
      actions.add(action(path, action, value));
      tree.add(path, actions.size() - 1);
    }
    return new Update(new UpdatePlan(tree, actions), true, Set.of());
  }

  private static UpdateAction action(AttributePath path, String action, AttributeValue value) {
    boolean delete = action.equals("DELETE");
    if (value == null) {
      if (!delete) {
        throw invalid("Only DELETE action is allowed when no attribute value is specified");
      }
      return new UpdateAction.Remove(path);
    }
    if (delete) {
      if (!DELETE_TYPES.contains(value.type())) {
        throw invalid("DELETE action with value is not supported for the type " + value.type());
      }
      return new UpdateAction.Delete(path, value);
    }
    if (action.equals("ADD")) {
      if (!ADD_TYPES.contains(value.type())) {
        throw invalid("ADD action is not supported for the type " + value.type());
      }
      return new UpdateAction.Add(path, value);
    }
    return new UpdateAction.Set(path, new Operand.Constant(value));
  }

  /** AttributesToGet as a projection of top-level attributes. */
  public static Projection attributesToGet(Json attributesToGet) {
    PathTree<Void> tree = new PathTree<>();
    Set<String> seen = new HashSet<>();
    if (attributesToGet instanceof Json.Arr arr) {
      for (Json element : arr.elements()) {
        String name = ((Json.Str) element).value();
        if (!seen.add(name)) {
          throw invalid("Duplicate value in attribute name: " + name);
        }
        tree.add(AttributePath.of(name), null);
      }
    }
    return new Projection(tree, Set.of());
  }

  private static DynamoDbException invalid(String detail) {
    return DynamoDbException.validation(PREFIX + detail);
  }
}
