/** Readiness beyond the database check Quarkus adds: the scheduler that runs the cadences. */
package jp.koyomi.health;
