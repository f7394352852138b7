/**
 * What transactions keep beside the items: the client request tokens that make a retried
 * TransactWriteItems apply once. The atomic write of a transaction's items is {@code
 * item.ItemStore#transact}; the actions are {@code action.TransactWriteItems} and {@code
 * action.TransactGetItems}.
 */
package io.tributary.engine.transaction;
