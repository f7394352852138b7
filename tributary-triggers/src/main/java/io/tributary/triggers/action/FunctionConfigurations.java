package io.tributary.triggers.action;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.function.FunctionDefinition;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** FunctionConfiguration, as CreateFunction, GetFunction and the updates answer it. */
final class FunctionConfigurations {
  private static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private FunctionConfigurations() {}

  /** Creating: State Pending, as Lambda answers CreateFunction; afterwards it reads Active. */
  static Json created(FunctionDefinition f) {
    return of(f, false);
  }

  static Json of(FunctionDefinition f) {
    return of(f, true);
  }

  private static Json of(FunctionDefinition f, boolean active) {
    JsonBuilder b =
        JsonBuilder.object()
            .put("FunctionName", f.name())
            .put("FunctionArn", f.arn())
            .put("Runtime", f.runtime())
            .put("Role", f.role())
            .put("Handler", f.handler())
            .put("CodeSize", f.codeSize())
            .put("Description", f.description())
            .put("Timeout", f.timeoutSeconds())
            .put("MemorySize", f.memorySize())
            .put("LastModified", LAST_MODIFIED.format(f.lastModified()))
            .put("CodeSha256", f.codeSha256())
            .put("Version", "$LATEST");
    if (!f.environment().isEmpty()) {
      JsonBuilder variables = JsonBuilder.object();
      f.environment().forEach(variables::put);
      b.put("Environment", JsonBuilder.object().put("Variables", variables.build()).build());
    }
    b.put("TracingConfig", JsonBuilder.object().put("Mode", "PassThrough").build())
        .put("RevisionId", f.revisionId());
    if (active) {
      b.put("State", "Active").put("LastUpdateStatus", "Successful");
    } else {
      b.put("State", "Pending")
          .put("StateReason", "The function is being created.")
          .put("StateReasonCode", "Creating");
    }
    return b.put("PackageType", "Zip")
        .put("Architectures", JsonBuilder.strings(List.of("x86_64")))
        .put("EphemeralStorage", JsonBuilder.object().put("Size", 512).build())
        .put(
            "SnapStart",
            JsonBuilder.object().put("ApplyOn", "None").put("OptimizationStatus", "Off").build())
        .put(
            "LoggingConfig",
            JsonBuilder.object().put("LogFormat", "Text").put("LogGroup", f.logGroup()).build())
        .build();
  }
}
