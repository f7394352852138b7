package io.tributary.expressions.tree;

import io.tributary.expressions.syntax.ExpressionException;
import io.tributary.expressions.syntax.Syntax;
import io.tributary.expressions.syntax.SyntaxChecks;
import io.tributary.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a checked syntax tree to one request's placeholders, checking as it goes, in DynamoDB's
 * order: each operator's operands first, then the operator (a post-order walk), with a running
 * operator count. One binder serves one expression.
 */
public final class Binder {
  static final int MAX_PATH_DEPTH = 32;
  static final int MAX_OPERATORS = 300;
  private static final Set<String> ADD_TYPES = Set.of("N", "SS", "NS", "BS");
  private static final Set<String> DELETE_TYPES = Set.of("SS", "NS", "BS");

  private final Placeholders placeholders;
  private final Set<String> attributes = new LinkedHashSet<>();
  private final Set<String> nested = new LinkedHashSet<>();
  private int operators;

  public Binder(Placeholders placeholders) {
    this.placeholders = placeholders;
  }

  /** Top-level attributes the bound expression names, in the order met. */
  public Set<String> attributes() {
    return Collections.unmodifiableSet(attributes);
  }

  /** Top-level attributes the bound expression reaches into with '.' or '[]'. */
  public Set<String> nestedAccess() {
    return Collections.unmodifiableSet(nested);
  }

  public Predicate condition(Syntax.Cond condition) {
    return switch (condition) {
      case Syntax.Compare c -> {
        Operand left = operand(c.left());
        Operand right = operand(c.right());
        counted(Operator.of(c.comparator()), List.of(left, right));
        yield new Predicate.Compare(c.comparator(), left, right);
      }
      case Syntax.Between b -> {
        Operand value = operand(b.value());
        Operand low = operand(b.low());
        Operand high = operand(b.high());
        counted(Operator.BETWEEN, List.of(value, low, high));
        yield new Predicate.Between(value, low, high);
      }
      case Syntax.In in -> {
        List<Operand> all = new ArrayList<>();
        all.add(operand(in.value()));
        in.candidates().forEach(c -> all.add(operand(c)));
        counted(Operator.IN, all);
        yield new Predicate.In(all.get(0), List.copyOf(all.subList(1, all.size())));
      }
      case Syntax.FunctionCond f -> (Predicate) call(f.call());
      case Syntax.And a -> {
        Predicate left = condition(a.left());
        Predicate right = condition(a.right());
        counted(Operator.AND, List.of(left, right));
        yield new Predicate.And(left, right);
      }
      case Syntax.Or o -> {
        Predicate left = condition(o.left());
        Predicate right = condition(o.right());
        counted(Operator.OR, List.of(left, right));
        yield new Predicate.Or(left, right);
      }
      case Syntax.Not n -> {
        Predicate inner = condition(n.inner());
        counted(Operator.NOT, List.of(inner));
        yield new Predicate.Not(inner);
      }
      case Syntax.CondGroup g -> condition(g.inner());
    };
  }

  /**
   * Binds an update as DynamoDB does, last action first: every target path (checking overlaps),
   * then every value with its operand checks.
   */
  public UpdatePlan update(Syntax.UpdateTree tree) {
    List<Syntax.Action> written = new ArrayList<>();
    tree.sections().forEach(s -> written.addAll(s.actions()));
    PathTree<Integer> paths = new PathTree<>();
    List<AttributePath> targets = new ArrayList<>(Collections.nCopies(written.size(), null));
    for (int i = written.size() - 1; i >= 0; i--) {
      AttributePath path = path(written.get(i).path());
      paths.add(path, i);
      targets.set(i, path);
    }
    List<UpdateAction> actions = new ArrayList<>(Collections.nCopies(written.size(), null));
    for (int i = written.size() - 1; i >= 0; i--) {
      AttributePath path = targets.get(i);
      actions.set(
          i,
          switch (written.get(i)) {
            case Syntax.SetAction s -> new UpdateAction.Set(path, setValue(s.value()));
            case Syntax.RemoveAction r -> new UpdateAction.Remove(path);
            case Syntax.AddAction a -> new UpdateAction.Add(path, setMember("ADD", a.value()));
            case Syntax.DeleteAction d ->
                new UpdateAction.Delete(path, setMember("DELETE", d.value()));
          });
    }
    return new UpdatePlan(paths, actions);
  }

  public PathTree<Void> projection(Syntax.ProjectionTree tree) {
    PathTree<Void> paths = new PathTree<>();
    List<Syntax.Path> written = tree.paths();
    for (int i = written.size() - 1; i >= 0; i--) {
      paths.add(path(written.get(i)), null);
    }
    return paths;
  }

  private Operand setValue(Syntax.SetValue value) {
    return switch (value) {
      case Syntax.PlainValue p -> operand(p.operand());
      case Syntax.Arithmetic a -> {
        Operand left = operand(a.left());
        Operand right = operand(a.right());
        counted(a.plus() ? Operator.PLUS : Operator.MINUS, List.of(left, right));
        yield new Operand.Arithmetic(a.plus(), left, right);
      }
      case Syntax.ArithmeticGroup g -> setValue(g.inner());
    };
  }

  private AttributeValue setMember(String action, String placeholder) {
    AttributeValue value = value(placeholder);
    Set<String> allowed = action.equals("ADD") ? ADD_TYPES : DELETE_TYPES;
    if (!allowed.contains(value.type())) {
      throw ExpressionException.of(
          "Incorrect operand type for operator or function",
          "operator",
          action,
          "operand type",
          TypeNames.documentType(value),
          "typeSet",
          "ALLOWED_FOR_" + action + "_OPERAND");
    }
    return value;
  }

  private Operand operand(Syntax.Operand operand) {
    return switch (operand) {
      case Syntax.PathOperand p -> new Operand.PathRef(path(p.path()));
      case Syntax.ValueRef v -> new Operand.Constant(value(v.name()));
      case Syntax.OperandGroup g -> operand(g.inner());
      case Syntax.Call c -> (Operand) call(c);
    };
  }

  /** A function call: an {@link Operand} (size, list_append, if_not_exists) or a Predicate. */
  private Object call(Syntax.Call call) {
    List<Operand> args = new ArrayList<>();
    call.args().forEach(a -> args.add(operand(a)));
    Operator op = Operator.function(call.function());
    counted(op, args);
    return switch (op) {
      case ATTRIBUTE_EXISTS -> new Predicate.Exists(((Operand.PathRef) args.get(0)).path());
      case ATTRIBUTE_NOT_EXISTS -> new Predicate.NotExists(((Operand.PathRef) args.get(0)).path());
      case ATTRIBUTE_TYPE ->
          new Predicate.TypeIs(
              args.get(0),
              ((AttributeValue.S) ((Operand.Constant) args.get(1)).value()).value());
      case BEGINS_WITH -> new Predicate.BeginsWith(args.get(0), args.get(1));
      case CONTAINS -> new Predicate.Contains(args.get(0), args.get(1));
      case SIZE -> new Operand.Size(args.get(0));
      case LIST_APPEND -> new Operand.ListAppend(args.get(0), args.get(1));
      case IF_NOT_EXISTS ->
          new Operand.IfNotExists(((Operand.PathRef) args.get(0)).path(), args.get(1));
      default -> throw new IllegalStateException("not a function: " + op);
    };
  }

  private void counted(Operator op, List<?> operands) {
    OperatorRules.check(op, operands);
    if (++operators > MAX_OPERATORS) {
      throw ExpressionException.of(
          "The expression contains too many operators", "operator count", operators);
    }
  }

  private AttributeValue value(String placeholder) {
    AttributeValue value = placeholders.value(placeholder);
    if (value == null) {
      throw ExpressionException.of(
          "An expression attribute value used in expression is not defined",
          "attribute value",
          placeholder);
    }
    return value;
  }

  /** Resolves a path: its depth is checked before any of its placeholders. */
  AttributePath path(Syntax.Path path) {
    List<Syntax.Element> elements = path.elements();
    if (elements.size() > MAX_PATH_DEPTH) {
      throw ExpressionException.of(
          "The document path has too many nesting levels", "nesting levels", elements.size());
    }
    List<PathStep> steps = new ArrayList<>(elements.size());
    for (Syntax.Element element : elements) {
      steps.add(
          switch (element) {
            case Syntax.Name name -> new PathStep.Key(name(name));
            case Syntax.Index index -> new PathStep.Index(SyntaxChecks.parseIndex(index.digits()));
          });
    }
    AttributePath resolved = new AttributePath(steps);
    attributes.add(resolved.attribute());
    if (steps.size() > 1) {
      nested.add(resolved.attribute());
    }
    return resolved;
  }

  private String name(Syntax.Name name) {
    if (!name.isPlaceholder()) {
      return name.text();
    }
    String resolved = placeholders.name(name.text());
    if (resolved == null) {
      throw ExpressionException.of(
          "An expression attribute name used in the document path is not defined",
          "attribute name",
          name.text());
    }
    return resolved;
  }
}
