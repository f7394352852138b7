package io.tributary.expressions.tree;

import java.util.List;

/**
 * A bound update: its actions in the order written, and the tree of their paths, whose leaves hold
 * each action's index in that list.
 */
public record UpdatePlan(PathTree<Integer> tree, List<UpdateAction> actions) {
  public UpdatePlan {
    actions = List.copyOf(actions);
  }
}
