package io.tributary.triggers.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A function's deployment package unpacked into its task root (Lambda's {@code /var/task}). Files
 * keep the Unix permissions the zip recorded, so a {@code bootstrap} or a binary the handler runs
 * stays executable.
 */
final class DeploymentPackage {
  private DeploymentPackage() {}

  /**
   * Unpacks {@code zip} into {@code taskRoot}, which must not exist yet. The files appear all at
   * once: they are unpacked beside it and moved into place.
   */
  static void unpack(byte[] zip, Path taskRoot) throws IOException {
    Path parent = taskRoot.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path archive = Files.createTempFile(parent, "package", ".zip");
    Path staging = Files.createTempDirectory(parent, "unpacking");
    try {
      Files.write(archive, zip);
      try (FileSystem files =
          FileSystems.newFileSystem(
              URI.create("jar:" + archive.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
        Path root = files.getPath("/");
        try (Stream<Path> entries = Files.walk(root)) {
          for (Path entry : (Iterable<Path>) entries::iterator) {
            copy(root, entry, staging);
          }
        }
      }
      Files.move(staging, taskRoot, StandardCopyOption.ATOMIC_MOVE);
    } catch (RuntimeException e) {
      // The zip file system's own complaints about a broken archive.
      throw new IOException("Not a valid zip: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(archive);
      delete(staging);
    }
  }

  private static void copy(Path root, Path entry, Path staging) throws IOException {
    String relative = root.relativize(entry).toString();
    if (relative.isEmpty()) {
      return;
    }
    Path target = staging.resolve(relative).normalize();
    if (!target.startsWith(staging)) {
      throw new IOException("Entry outside the package: " + relative);
    }
    if (Files.isDirectory(entry)) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
    Set<PosixFilePermission> permissions = permissions(entry);
    if (permissions != null
        && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
      // The owner can always read and write what it unpacked (Lambda's files are read-only, but
      // Tributary has to delete them again).
      permissions.add(PosixFilePermission.OWNER_READ);
      permissions.add(PosixFilePermission.OWNER_WRITE);
      Files.setPosixFilePermissions(target, permissions);
    }
  }

  private static Set<PosixFilePermission> permissions(Path entry) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(entry, PosixFileAttributeView.class);
      return view == null ? null : EnumSet.copyOf(view.readAttributes().permissions());
    } catch (IOException | RuntimeException unknown) {
      return null;
    }
  }

  /** Makes {@code file} executable by everyone who may read it. */
  static void makeExecutable(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    permissions.add(PosixFilePermission.OWNER_EXECUTE);
    if (permissions.contains(PosixFilePermission.GROUP_READ)) {
      permissions.add(PosixFilePermission.GROUP_EXECUTE);
    }
    if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
      permissions.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    Files.setPosixFilePermissions(file, permissions);
  }

  /**
   * Deletes a directory tree, if there is one. Another thread may be deleting the same tree (an
   * invocation ending as the invoker closes): what it removed first is skipped, not an error.
   */
  static void delete(Path directory) throws IOException {
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
