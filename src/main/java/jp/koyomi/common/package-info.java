/** What every feature shares: the one problem+json mapper, the injected clock. */
package jp.koyomi.common;
