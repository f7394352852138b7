package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.Path;
import io.tributary.expressions.syntax.Syntax.ProjectionTree;
import java.util.ArrayList;
import java.util.List;

/** The projection grammar: {@code path (',' path)*}. */
final class ProjectionParser extends TokenCursor {
  ProjectionParser(String text, List<Token> tokens) {
    super(text, tokens);
  }

  ProjectionTree parse() {
    List<Path> paths = new ArrayList<>();
    paths.add(path());
    while (type() == TokenType.COMMA) {
      advance();
      paths.add(path());
    }
    expectEnd();
    return new ProjectionTree(List.copyOf(paths));
  }
}
