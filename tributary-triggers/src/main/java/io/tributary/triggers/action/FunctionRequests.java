package io.tributary.triggers.action;

import io.tributary.triggers.rest.LambdaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The checks CreateFunction and the updates share, with Lambda's messages. */
final class FunctionRequests {
  static final Pattern ROLE =
      Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");

  /** The runtimes of Lambda's model that Tributary runs. */
  static final List<String> RUNTIMES =
      List.of(
          "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x",
          "java11", "java17", "java21", "java25",
          "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
          "provided", "provided.al2", "provided.al2023");

  /** Every runtime Lambda's model names, for its enum message. */
  static final List<String> MODEL_RUNTIMES =
      List.of(
          "nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x",
          "nodejs14.x", "nodejs16.x", "java8", "java8.al2", "java11", "python2.7", "python3.6",
          "python3.7", "python3.8", "python3.9", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
          "dotnetcore3.1", "dotnet6", "dotnet8", "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7",
          "provided", "provided.al2", "nodejs18.x", "python3.10", "java17", "ruby3.2", "ruby3.3",
          "ruby3.4", "python3.11", "nodejs20.x", "provided.al2023", "python3.12", "java21",
          "python3.13", "nodejs22.x", "nodejs24.x", "python3.14", "java25", "dotnet10", "ruby4.0");

  private FunctionRequests() {}

  static void checkRole(String role) {
    if (role == null) {
      throw LambdaException.validation(
          "1 validation error detected: Value null at 'role' failed to satisfy constraint: Member"
              + " must not be null");
    }
    if (!ROLE.matcher(role).matches()) {
      throw LambdaException.validation(
          "1 validation error detected: Value '"
              + role
              + "' at 'role' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    }
  }

  static void checkRuntime(String runtime) {
    if (!MODEL_RUNTIMES.contains(runtime)) {
      throw LambdaException.invalidParameter(
          "Value "
              + runtime
              + " at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: "
              + RUNTIMES
              + " or be a valid ARN");
    }
    if (!RUNTIMES.contains(runtime)) {
      throw LambdaException.invalidParameter(
          "Tributary does not run the runtime " + runtime + " (it runs " + RUNTIMES + ")");
    }
  }

  static int timeout(Bodies body, int current) {
    return body.integer("Timeout", "timeout", current, 1, 900);
  }

  static int memorySize(Bodies body, int current) {
    return body.integer("MemorySize", "memorySize", current, 128, 10240);
  }

  static Map<String, String> environment(Bodies body, Map<String, String> current) {
    Bodies env = body.object("Environment");
    if (env == null) {
      return current;
    }
    Map<String, String> out = new LinkedHashMap<>();
    Bodies variables = env.object("Variables");
    if (variables != null) {
      variables.body().members().forEach((k, v) -> out.put(k, v instanceof io.tributary.model.json.Json.Str s ? s.value() : String.valueOf(v)));
    }
    return out;
  }

  /** The zip of Code.ZipFile (or of UpdateFunctionCode's ZipFile), checked to be a zip. */
  static byte[] zip(Bodies code) {
    if (code == null || !code.has("ZipFile")) {
      if (code != null && (code.has("S3Bucket") || code.has("ImageUri"))) {
        throw LambdaException.invalidParameter(
            "Tributary takes a function's code as ZipFile only (not from S3 or an image) yet");
      }
      throw LambdaException.invalidParameter("Please provide a source for function code.");
    }
    byte[] zip;
    try {
      zip = Base64.getDecoder().decode(code.string("ZipFile"));
    } catch (IllegalArgumentException e) {
      throw unzip();
    }
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry first = in.getNextEntry();
      if (first == null) {
        throw unzip();
      }
      while (in.getNextEntry() != null) {
        // read through every entry: a truncated zip fails here
      }
    } catch (IOException e) {
      throw unzip();
    }
    return zip;
  }

  private static LambdaException unzip() {
    return LambdaException.invalidParameter(
        "Could not unzip uploaded file. Please check your file, then try to upload again.");
  }

  /** RevisionId, when given, must be the function's current one. */
  static void checkRevision(Bodies body, io.tributary.triggers.function.FunctionDefinition f) {
    String revision = body.string("RevisionId");
    if (revision != null && !revision.equals(f.revisionId())) {
      throw new LambdaException(
          "PreconditionFailedException",
          412,
          false,
          "The Revision Id provided does not match the latest Revision Id. Call the"
              + " GetFunction/GetAlias API to retrieve the latest Revision Id");
    }
  }

  /** CodeSha256: base64 of the package's SHA-256. */
  static String sha256(byte[] zip) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
