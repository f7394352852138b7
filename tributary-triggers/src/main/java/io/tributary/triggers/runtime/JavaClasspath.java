package io.tributary.triggers.runtime;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jars of a Java function's JVM: AWS's runtime interface client, its serialization and the
 * handler interfaces, the event types, and what they need. Tributary carries them as runtime
 * dependencies of its own (the packaged server has them in {@code lib/}; tests, in the local Maven
 * repository); they are found where this server's class loader found one class of each.
 */
final class JavaClasspath {
  /** One class of each jar; those marked required cannot be done without. */
  private record Marker(String resource, boolean required) {}

  private static final List<Marker> MARKERS =
      List.of(
          new Marker("com/amazonaws/services/lambda/runtime/api/client/AWSLambda.class", true),
          new Marker(
              "com/amazonaws/services/lambda/runtime/serialization/PojoSerializer.class", true),
          new Marker("com/amazonaws/services/lambda/runtime/RequestHandler.class", true),
          new Marker("software/amazon/awssdk/utilslite/SdkInternalThreadLocal.class", true),
          new Marker("com/amazonaws/services/lambda/runtime/events/DynamodbEvent.class", false),
          new Marker("org/joda/time/DateTime.class", false));

  private static volatile List<Path> jars;

  private JavaClasspath() {}

  /** The jars, in the order the JVM should search them. */
  static List<Path> jars() throws Bootstrap.NotStartable {
    List<Path> found = jars;
    if (found == null) {
      found = locate();
      jars = found;
    }
    return found;
  }

  static String classpath() throws Bootstrap.NotStartable {
    List<String> paths = new ArrayList<>();
    for (Path jar : jars()) {
      paths.add(jar.toString());
    }
    return String.join(File.pathSeparator, paths);
  }

  /** The java launcher of the JDK that runs Tributary. */
  static String java() {
    Optional<String> command = ProcessHandle.current().info().command();
    return command.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static List<Path> locate() throws Bootstrap.NotStartable {
    ClassLoader loader = JavaClasspath.class.getClassLoader();
    Set<Path> found = new LinkedHashSet<>();
    for (Marker marker : MARKERS) {
      URL url = loader.getResource(marker.resource());
      Path root = url == null ? null : root(url, marker.resource());
      if (root != null) {
        found.add(root);
      } else if (marker.required()) {
        throw new Bootstrap.NotStartable(
            "Runtime.InvalidEntrypoint",
            "The Java runtime interface client is not on Tributary's classpath (no "
                + marker.resource()
                + ")");
      }
    }
    return List.copyOf(found);
  }

  /** The jar (or classes directory) that {@code url}, the location of {@code resource}, is in. */
  private static Path root(URL url, String resource) {
    try {
      String text = url.toString();
      if (text.startsWith("jar:file:")) {
        int bang = text.indexOf("!/");
        return Path.of(URI.create(text.substring(4, bang)));
      }
      if (text.startsWith("file:") && text.endsWith(resource)) {
        return Path.of(URI.create(text.substring(0, text.length() - resource.length())));
      }
      return null;
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }
}
