/**
 * One class per DynamoDB API action, registered by wire name in {@link
 * io.tributary.engine.action.Actions}. Each action checks what the API model cannot express, with
 * DynamoDB's messages, before it reads or writes anything.
 */
package io.tributary.engine.action;
