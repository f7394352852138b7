/**
 * The Lambda REST API (rest-json, paths under {@code /2015-03-31/}): requests and answers as the
 * HTTP layer hands them over, and Lambda's errors ({@code x-amzn-ErrorType} and a JSON body).
 */
package io.tributary.triggers.rest;
