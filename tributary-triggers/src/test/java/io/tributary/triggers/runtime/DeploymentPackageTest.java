package io.tributary.triggers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentPackageTest {
  @TempDir Path work;

  @Test
  void filesKeepTheUnixPermissionsTheZipRecorded() throws IOException {
    Path zip = work.resolve("package.zip");
    try (FileSystem files =
        FileSystems.newFileSystem(
            URI.create("jar:" + zip.toUri()),
            Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
      Path tool = files.getPath("/bin/tool");
      Files.createDirectories(tool.getParent());
      Files.writeString(tool, "#!/bin/sh\necho hi\n");
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(files.getPath("/data.txt"), "plain");
      Files.setPosixFilePermissions(
          files.getPath("/data.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    Path root = work.resolve("task");
    DeploymentPackage.unpack(Files.readAllBytes(zip), root);

    assertThat(Files.isExecutable(root.resolve("bin/tool"))).isTrue();
    assertThat(Files.isExecutable(root.resolve("data.txt"))).isFalse();
    assertThat(Files.readString(root.resolve("data.txt"))).isEqualTo("plain");
  }

  @Test
  void aZipWithoutPermissionsUnpacksReadable() throws IOException {
    Path root = work.resolve("task");
    DeploymentPackage.unpack(Fixtures.zip("a/b.txt", "x", "c.py", "y"), root);

    assertThat(Files.readString(root.resolve("a/b.txt"), StandardCharsets.UTF_8)).isEqualTo("x");
    assertThat(Files.isReadable(root.resolve("c.py"))).isTrue();
  }

  @Test
  void somethingThatIsNotAZipIsRefusedAndLeavesNothing() {
    Path root = work.resolve("task");

    assertThatThrownBy(() -> DeploymentPackage.unpack("not a zip".getBytes(), root))
        .isInstanceOf(IOException.class);
    assertThat(root).doesNotExist();
  }

  @Test
  void twoThreadsDeletingOneTreeBothSucceed() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path tree = work.resolve("tree" + round);
      for (int d = 0; d < 20; d++) {
        Path dir = Files.createDirectories(tree.resolve("d" + d).resolve("sub"));
        for (int f = 0; f < 20; f++) {
          Files.writeString(dir.resolve("f" + f), "x");
        }
      }
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var first = pool.submit(() -> {
          DeploymentPackage.delete(tree);
          return null;
        });
        var second = pool.submit(() -> {
          DeploymentPackage.delete(tree);
          return null;
        });
        first.get();
        second.get();
      } finally {
        pool.shutdown();
      }
      assertThat(tree).doesNotExist();
    }
  }

  @Test
  void deletingWhatIsNotThereDoesNothing() throws IOException {
    DeploymentPackage.delete(work.resolve("absent"));
    assertThat(work).isDirectory();
  }
}
