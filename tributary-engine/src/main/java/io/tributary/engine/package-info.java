/**
 * The database behind the wire protocol: {@link io.tributary.engine.Engine} opens a store, keeps
 * the catalog and item statistics, and runs DynamoDB actions by their wire names.
 */
package io.tributary.engine;
