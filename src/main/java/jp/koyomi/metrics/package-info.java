/**
 * What operators scrape at {@code /q/metrics} (Micrometer, Prometheus format): the counters the run
 * pipeline and the senders bump through {@link jp.koyomi.metrics.PipelineMetrics}, and gauges of
 * runs and the outbox read from the database by {@link jp.koyomi.metrics.OutboxGauges}.
 */
package jp.koyomi.metrics;
