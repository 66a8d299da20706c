/**
 * LINE as Koyomi uses it: push messages through the Messaging API SDK with a retry key, checked
 * against LINE's limits first and paced by a shared rate limiter, and the webhook that tells
 * Koyomi when a customer follows or blocks the brand's account.
 */
package jp.koyomi.channel.line;
