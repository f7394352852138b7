package io.tributary.storage.rocksdb;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.StorageException;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * A {@link Store} in a RocksDB database: one column family per {@link Keyspace}, writes through
 * the write-ahead log (never disabled), snapshots as RocksDB snapshots.
 *
 * <p>Every native handle this store hands out (iterators, snapshots) is tracked, and {@link
 * #close} frees whatever the caller left open; calls made after that throw {@link
 * StorageException} instead of touching freed memory.
 */
public final class RocksStore implements Store {

  static {
    RocksDB.loadLibrary();
  }

  /**
   * How a store is opened.
   *
   * @param syncWrites fsync the write-ahead log before {@link #write} returns. When false (the
   *     default) a write is in the WAL, in the operating system's page cache, when it returns: it
   *     survives a crash or SIGKILL of the process, but not a power loss or kernel crash, which
   *     may lose the last writes (never half a batch). When true it survives those too, at the
   *     cost of one fsync per write.
   * @param blockCacheBytes the LRU block cache shared by all keyspaces (64 MB by default)
   */
  public record Options(boolean syncWrites, long blockCacheBytes) {

    public Options {
      if (blockCacheBytes < 0) {
        throw new IllegalArgumentException("blockCacheBytes must not be negative");
      }
    }

    public static Options defaults() {
      return new Options(false, 64L << 20);
    }

    public Options withSyncWrites(boolean syncWrites) {
      return new Options(syncWrites, blockCacheBytes);
    }
  }

  /** A native resource that the store frees on close if its owner did not. */
  interface Releasable {
    /** Frees the native handles; called once no call can be using them. */
    void release();
  }

  private static final byte[] DEFAULT_COLUMN_FAMILY = RocksDB.DEFAULT_COLUMN_FAMILY;

  private final Path directory;
  private final RocksTuning tuning;
  private final WriteOptions writeOptions;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> allHandles;
  private final ColumnFamilyHandle[] keyspaceHandles;
  private final CloseGate gate = new CloseGate();
  private final Set<Releasable> open = ConcurrentHashMap.newKeySet();

  private RocksStore(
      Path directory,
      RocksTuning tuning,
      WriteOptions writeOptions,
      RocksDB db,
      List<ColumnFamilyHandle> allHandles,
      ColumnFamilyHandle[] keyspaceHandles) {
    this.directory = directory;
    this.tuning = tuning;
    this.writeOptions = writeOptions;
    this.db = db;
    this.allHandles = allHandles;
    this.keyspaceHandles = keyspaceHandles;
  }

  /**
   * Opens the database in {@code directory}, creating it and any missing column family. Column
   * families this version does not know (written by a newer one) are opened and left alone.
   */
  public static RocksStore open(Path directory, Options options) {
    Objects.requireNonNull(options, "options");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StorageException("cannot create the store directory", e, "directory", directory);
    }
    // RocksDB refuses to open a database unless every existing column family is named.
    Set<String> names = new LinkedHashSet<>();
    names.add(new String(DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
    for (Keyspace keyspace : Keyspace.values()) {
      names.add(keyspace.columnFamily());
    }
    RocksTuning tuning = new RocksTuning(options);
    WriteOptions writeOptions = new WriteOptions().setSync(options.syncWrites());
    try {
      names.addAll(existingColumnFamilies(directory));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String name : names) {
        descriptors.add(
            new ColumnFamilyDescriptor(
                name.getBytes(StandardCharsets.UTF_8), tuning.columnFamilyOptions));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(tuning.dbOptions, directory.toString(), descriptors, handles);
      List<String> order = List.copyOf(names);
      ColumnFamilyHandle[] keyspaceHandles = new ColumnFamilyHandle[Keyspace.values().length];
      for (Keyspace keyspace : Keyspace.values()) {
        keyspaceHandles[keyspace.ordinal()] = handles.get(order.indexOf(keyspace.columnFamily()));
      }
      return new RocksStore(directory, tuning, writeOptions, db, handles, keyspaceHandles);
    } catch (RocksDBException e) {
      writeOptions.close();
      tuning.close();
      throw failure("cannot open the store", e, directory, null);
    }
  }

  private static List<String> existingColumnFamilies(Path directory) throws RocksDBException {
    if (!Files.exists(directory.resolve("CURRENT"))) {
      return List.of();
    }
    try (org.rocksdb.Options options = new org.rocksdb.Options()) {
      List<String> names = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
        names.add(new String(name, StandardCharsets.UTF_8));
      }
      return names;
    }
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    Objects.requireNonNull(key, "key");
    enter();
    try {
      return db.get(handle(keyspace), key);
    } catch (RocksDBException e) {
      throw failure("get failed", e, directory, keyspace);
    } finally {
      exit();
    }
  }

  @Override
  public EntryIterator scan(Keyspace keyspace, byte[] from, byte[] to, boolean reverse) {
    enter();
    try {
      return openScan(keyspace, from, to, reverse, null);
    } finally {
      exit();
    }
  }

  @Override
  public void write(WriteBatch batch) {
    enter();
    if (batch.isEmpty()) {
      exit();
      return;
    }
    try (org.rocksdb.WriteBatch rocksBatch = new org.rocksdb.WriteBatch()) {
      for (WriteBatch.Operation op : batch.operations()) {
        if (op.value() == null) {
          rocksBatch.delete(handle(op.keyspace()), op.key());
        } else {
          rocksBatch.put(handle(op.keyspace()), op.key(), op.value());
        }
      }
      db.write(writeOptions, rocksBatch);
    } catch (RocksDBException e) {
      throw failure("write failed", e, directory, null);
    } finally {
      exit();
    }
  }

  @Override
  public Snapshot snapshot() {
    enter();
    try {
      RocksSnapshot snapshot = new RocksSnapshot(this, db, db.getSnapshot());
      open.add(snapshot);
      return snapshot;
    } finally {
      exit();
    }
  }

  /**
   * Writes a consistent copy of the database to {@code target}, which must not exist yet (its
   * parent must). SST files are hard-linked when {@code target} is on the same file system, so
   * this is cheap; the copy opens with {@link #open} like any store.
   */
  public void checkpoint(Path target) {
    enter();
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(target.toString());
    } catch (RocksDBException e) {
      throw failure("checkpoint failed", e, directory, null, "target", target);
    } finally {
      exit();
    }
  }

  /** The directory the database lives in. */
  public Path directory() {
    return directory;
  }

  /**
   * Frees every native handle, including iterators and snapshots left open, after syncing the
   * write-ahead log so a clean shutdown survives a power loss even without {@code syncWrites}.
   */
  @Override
  public void close() {
    if (!gate.closeAndDrain()) {
      return;
    }
    for (Releasable resource : open) {
      resource.release();
    }
    open.clear();
    StorageException failure = null;
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      failure = failure("sync of the write-ahead log failed on close", e, directory, null);
    }
    for (ColumnFamilyHandle handle : allHandles) {
      handle.close();
    }
    try {
      db.closeE();
    } catch (RocksDBException e) {
      if (failure == null) {
        failure = failure("close failed", e, directory, null);
      }
    }
    writeOptions.close();
    tuning.close();
    if (failure != null) {
      throw failure;
    }
  }

  /** Opens a scan; the caller is inside the gate. */
  EntryIterator openScan(
      Keyspace keyspace,
      byte[] from,
      byte[] to,
      boolean reverse,
      org.rocksdb.Snapshot snapshot) {
    Objects.requireNonNull(from, "from");
    RocksEntryIterator iterator =
        new RocksEntryIterator(this, db, handle(keyspace), keyspace, from, to, reverse, snapshot);
    open.add(iterator);
    return iterator;
  }

  ColumnFamilyHandle handle(Keyspace keyspace) {
    return keyspaceHandles[keyspace.ordinal()];
  }

  /** Enters the store's gate, or throws if the store is closed; pair with {@link #exit}. */
  void enter() {
    if (!gate.tryEnter()) {
      throw new StorageException("the store is closed", "directory", directory);
    }
  }

  /** Enters unless the store is closed (then the store frees everything itself). */
  boolean tryEnter() {
    return gate.tryEnter();
  }

  void exit() {
    gate.exit();
  }

  /** Called by a resource that its owner closed and freed. */
  void forget(Releasable resource) {
    open.remove(resource);
  }

  /** How many iterators and snapshots are open; for tests that check nothing leaks. */
  int openResources() {
    return open.size();
  }

  static StorageException failure(
      String message, RocksDBException e, Path directory, Keyspace keyspace, Object... more) {
    List<Object> context = new ArrayList<>();
    context.add("directory");
    context.add(directory);
    if (keyspace != null) {
      context.add("keyspace");
      context.add(keyspace.columnFamily());
    }
    if (e.getStatus() != null) {
      context.add("status");
      context.add(e.getStatus().getCodeString());
    }
    context.add("rocksdb");
    context.add(e.getMessage());
    context.addAll(List.of(more));
    return new StorageException(message, e, context.toArray());
  }
}
