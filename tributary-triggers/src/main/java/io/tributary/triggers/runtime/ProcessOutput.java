package io.tributary.triggers.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What a runtime's process prints, cut into lines and handed on with the time each was read.
 *
 * <p>The process writes stdout and stderr to one file (so their order holds) rather than to a pipe,
 * because a file can be read to its end at any moment: a runtime prints, then posts its answer, and
 * {@link #drain} then hands on every line printed before the answer, exactly. (A pipe's stream in
 * the JDK cannot even be asked how much it holds while a thread waits on it.) A thread reads the
 * file as it grows, so that lines carry the time they were printed.
 */
final class ProcessOutput implements AutoCloseable {
  /** CloudWatch Logs keeps events up to 256 KB; a longer line is cut into several. */
  private static final int MAX_LINE_BYTES = 256 * 1024 - 26;

  /** How often the file is read while the process prints, and at most while it is quiet. */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final long QUIET_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** Where lines go. Called with this object's lock held, one line at a time. */
  @FunctionalInterface
  interface Lines {
    void line(long timestamp, String text);
  }

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;
  private final Lines lines;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long position;
  private volatile boolean closed;

  private ProcessOutput(Path file, FileChannel channel, Clock clock, Lines lines) {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
    this.lines = lines;
  }

  /**
   * Creates the (empty) file the process will write to and starts following it.
   *
   * @param threadName the name of the thread that follows the file
   */
  static ProcessOutput follow(Path file, Clock clock, Lines lines, String threadName)
      throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.createFile(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    ProcessOutput output = new ProcessOutput(file, channel, clock, lines);
    Thread.ofPlatform().daemon().name(threadName).start(output::run);
    return output;
  }

  Path file() {
    return file;
  }

  /** How many bytes the process has printed so far (and been read). */
  synchronized long size() {
    return position;
  }

  private void run() {
    long pause = POLL_NANOS;
    while (!closed) {
      if (readSome() > 0) {
        pause = POLL_NANOS;
      } else {
        // A warm environment mostly waits; it need not be looked at a hundred times a second.
        LockSupport.parkNanos(pause);
        pause = Math.min(pause * 2, QUIET_POLL_NANOS);
      }
    }
  }

  /** Reads what the file holds beyond what was read; the number of bytes read. */
  private synchronized int readSome() {
    if (closed) {
      return 0;
    }
    try {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        return 0;
      }
      position += n;
      take(buffer.array(), n);
      return n;
    } catch (IOException e) {
      return 0;
    }
  }

  private void take(byte[] bytes, int length) {
    int from = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        partial.write(bytes, from, i - from);
        emit();
        from = i + 1;
      } else if (partial.size() + (i - from) >= MAX_LINE_BYTES) {
        partial.write(bytes, from, i - from);
        emit();
        from = i;
      }
    }
    partial.write(bytes, from, length - from);
  }

  private void emit() {
    byte[] bytes = partial.toByteArray();
    partial.reset();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    lines.line(clock.millis(), new String(bytes, 0, length, StandardCharsets.UTF_8));
  }

  /**
   * Hands on everything printed until now, an unfinished last line included (a runtime that answers
   * without printing a newline has still printed it within the invocation).
   */
  synchronized void drain() {
    while (readSome() > 0) {
      // Until the end of the file.
    }
    if (partial.size() > 0) {
      emit();
    }
  }

  /** Hands on what is left and stops following the file, which is deleted. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    drain();
    closed = true;
    try {
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A file left behind in the work directory; the next start clears it.
    }
  }
}
