/**
 * The HTTP front end on Netty: a short pipeline (codec, size limit, CORS, router) that answers
 * the way DynamoDB's endpoint does, byte for byte where clients can tell. Actions run on worker
 * threads, never on the event loop; answers carry x-amzn-RequestId and x-amz-crc32.
 */
package io.tributary.server.http;
