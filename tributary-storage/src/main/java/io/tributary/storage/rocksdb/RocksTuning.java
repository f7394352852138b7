package io.tributary.storage.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;

/**
 * The native options of one store, sized for a small server (a few cores, a few GB of memory).
 * Every column family shares one block cache and one bloom filter policy, so memory stays bounded
 * however many keyspaces there are.
 */
final class RocksTuning implements AutoCloseable {

  private static final long MB = 1L << 20;

  final LRUCache blockCache;
  final BloomFilter bloomFilter;
  final ColumnFamilyOptions columnFamilyOptions;
  final DBOptions dbOptions;

  RocksTuning(RocksStore.Options options) {
    blockCache = new LRUCache(options.blockCacheBytes());
    // 10 bits per key: about 1% false positives, so a get of a missing key rarely reads a block.
    bloomFilter = new BloomFilter(10);
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setFilterPolicy(bloomFilter)
            .setBlockSize(16 * 1024)
            // Index and filter blocks count against the cache instead of growing without bound;
            // level-0 ones stay pinned because every read consults them.
            .setCacheIndexAndFilterBlocks(true)
            .setCacheIndexAndFilterBlocksWithHighPriority(true)
            .setPinL0FilterAndIndexBlocksInCache(true);
    columnFamilyOptions =
        new ColumnFamilyOptions()
            .setTableFormatConfig(table)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setCompactionStyle(CompactionStyle.LEVEL)
            .setLevelCompactionDynamicLevelBytes(true)
            .setWriteBufferSize(16 * MB)
            .setMaxWriteBufferNumber(3);
    int cores = Runtime.getRuntime().availableProcessors();
    dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            // One flush and one compaction on a 2-core machine; never more than 4.
            .setMaxBackgroundJobs(Math.clamp(cores, 2, 4))
            .setMaxSubcompactions(1)
            .setMaxOpenFiles(512)
            // All memtables together; the column families flush when they exceed it.
            .setDbWriteBufferSize(64 * MB)
            // The WAL is shared by the column families; this forces a flush of the quiet ones so
            // old WAL files can be deleted.
            .setMaxTotalWalSize(256 * MB)
            .setBytesPerSync(MB)
            .setKeepLogFileNum(5)
            .setMaxLogFileSize(16 * MB);
  }

  @Override
  public void close() {
    dbOptions.close();
    columnFamilyOptions.close();
    bloomFilter.close();
    blockCache.close();
  }
}
