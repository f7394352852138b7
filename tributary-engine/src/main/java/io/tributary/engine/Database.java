package io.tributary.engine;

import io.tributary.engine.capacity.Throttling;
import io.tributary.engine.item.IndexBuilds;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.TableStatistics;
import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.Tags;
import io.tributary.engine.table.TimeToLive;
import io.tributary.engine.stream.StreamLog;
import io.tributary.engine.transaction.ClientRequestTokens;
import java.time.Clock;

/**
 * What the actions work on: the catalog, tags, time to live, the items, their statistics, the
 * clock, settings, the background work of index changes, transactions' client tokens, the
 * tables' streams, and the throughput limits of provisioned tables.
 */
public record Database(
    Catalog catalog,
    Tags tags,
    TimeToLive timeToLive,
    ItemStore items,
    TableStatistics statistics,
    Clock clock,
    EngineConfig config,
    IndexBuilds indexBuilds,
    ClientRequestTokens tokens,
    StreamLog streams,
    Throttling throttling) {}
