package io.tributary.bench.ycsb;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import site.ycsb.Utils;

/**
 * Prints the keys a YCSB load of N records inserts, one a line, so that the driver's wrk scripts
 * read and overwrite records that exist. YCSB's defaults are assumed: {@code insertorder=hashed},
 * {@code zeropadding=1}, key prefix "user" (CoreWorkload.buildKeyName).
 *
 * <pre>{@code java -cp tributary-bench/target/benchmarks.jar io.tributary.bench.ycsb.KeyList 100000}</pre>
 */
public final class KeyList {
  private KeyList() {}

  public static void main(String[] args) throws IOException {
    long count = Long.parseLong(args[0]);
    try (BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
      for (long i = 0; i < count; i++) {
        out.write("user");
        out.write(Long.toString(Utils.hash(i)));
        out.newLine();
      }
    }
  }
}
