/**
 * The file outbox: when no SMTP server or LINE channel is configured, every email lands as an
 * {@code .eml} file and every LINE push as its JSON request body, so a newcomer can open and read
 * each message a demo run sends. {@link jp.koyomi.channel.file.OutboxDirectory} writes them whole;
 * the email and LINE packages provide the file messengers. Files are named by delivery id: a
 * retry replaces, never duplicates.
 */
package jp.koyomi.channel.file;
