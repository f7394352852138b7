package io.tributary.engine;

import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.TableStatistics;
import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.Tags;
import java.time.Clock;

/** What the actions work on: the catalog, tags, the items, their statistics, the clock and settings. */
public record Database(
    Catalog catalog,
    Tags tags,
    ItemStore items,
    TableStatistics statistics,
    Clock clock,
    EngineConfig config) {}
