/**
 * The command line's subcommands (picocli). {@code serve} takes Tributary's own options and
 * DynamoDB Local's single-dash flags, so either set of scripts starts the server.
 */
package io.tributary.server.cli;
