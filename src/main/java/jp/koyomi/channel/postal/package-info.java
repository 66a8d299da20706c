/**
 * Postal direct mail: a run's POSTAL deliveries become one CSV file for the DM printer, in the
 * encoding the printer reads (windows-31j by default), sorted by postal code, with Japan Post's
 * customer-barcode data per row. Format: docs/postal.md.
 */
package jp.koyomi.channel.postal;
