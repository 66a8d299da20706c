/**
 * Settings an admin changes at run time, stored in the database (sender identity, legal footer,
 * frequency cap, quiet hours) with values set in the environment or configuration still winning;
 * the effective values every sender and run reads; and the channels' status (SMTP reachable, LINE
 * token and quota, paused channels).
 */
package jp.koyomi.settings;
