package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.Cond;
import io.tributary.expressions.syntax.Syntax.ProjectionTree;
import io.tributary.expressions.syntax.Syntax.UpdateTree;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Parses and checks expression text, remembering the outcome (a tree, or the client error) by
 * grammar and text: applications send the same few expressions over and over, and nothing in a
 * syntax tree depends on the request's placeholders. The cache is bounded; when full, an
 * arbitrary eighth of it is dropped.
 *
 * <p>The parser is recursive. Expressions are at most 4 KB, so nesting is at most a few thousand
 * levels; text that opens more than a few hundred levels is parsed on a short-lived thread with a
 * large stack rather than risking a StackOverflowError on the caller's.
 */
public final class SyntaxCache {
  static final int MAX_ENTRIES = 4096;
  private static final int DEEP = 256;
  private static final long BIG_STACK = 256L << 20;

  private enum Grammar {
    CONDITION,
    UPDATE,
    PROJECTION
  }

  private record Key(Grammar grammar, String text) {}

  private static final ConcurrentHashMap<Key, Object> CACHE = new ConcurrentHashMap<>();

  private SyntaxCache() {}

  /** A checked condition tree, or an {@link ExpressionException}. */
  public static Cond condition(String text) {
    return (Cond) lookup(Grammar.CONDITION, text);
  }

  public static UpdateTree update(String text) {
    return (UpdateTree) lookup(Grammar.UPDATE, text);
  }

  public static ProjectionTree projection(String text) {
    return (ProjectionTree) lookup(Grammar.PROJECTION, text);
  }

  private static Object lookup(Grammar grammar, String text) {
    Key key = new Key(grammar, text);
    Object result = CACHE.get(key);
    if (result == null) {
      result = parse(grammar, text);
      if (CACHE.size() >= MAX_ENTRIES) {
        evict();
      }
      CACHE.put(key, result);
    }
    if (result instanceof ExpressionException e) {
      throw e;
    }
    return result;
  }

  private static void evict() {
    int toDrop = MAX_ENTRIES / 8;
    Iterator<Key> keys = CACHE.keySet().iterator();
    while (toDrop-- > 0 && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  /** Parses and checks, returning the tree or the ExpressionException (never throwing it). */
  private static Object parse(Grammar grammar, String text) {
    List<Token> tokens = Lexer.tokens(text);
    Supplier<Object> work =
        () -> {
          try {
            return switch (grammar) {
              case CONDITION -> {
                Cond tree = new ConditionParser(text, tokens).parse();
                SyntaxChecks.check(tree);
                yield tree;
              }
              case UPDATE -> {
                UpdateTree tree = new UpdateParser(text, tokens).parse();
                SyntaxChecks.check(tree);
                yield tree;
              }
              case PROJECTION -> {
                ProjectionTree tree = new ProjectionParser(text, tokens).parse();
                SyntaxChecks.check(tree);
                yield tree;
              }
            };
          } catch (ExpressionException e) {
            return e;
          }
        };
    return nesting(tokens) > DEEP ? onBigStack(work) : work.get();
  }

  /** An upper bound on how deep the parser can recurse: every '(' and NOT may open a level. */
  private static int nesting(List<Token> tokens) {
    int count = 0;
    for (Token token : tokens) {
      if (token.type() == TokenType.LPAREN || token.type() == TokenType.NOT) {
        count++;
      }
    }
    return count;
  }

  private static Object onBigStack(Supplier<Object> work) {
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.get());
              } catch (RuntimeException e) {
                failure.set(e);
              }
            },
            "tributary-deep-expression",
            BIG_STACK);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
