/** Customers: identity, address, consents per channel, topics, points; their import and reading API. */
package jp.koyomi.customer;
