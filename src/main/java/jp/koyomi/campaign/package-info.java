/** Campaigns and their editorial cadence: when they run, in which time zone. */
package jp.koyomi.campaign;
