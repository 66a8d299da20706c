package jp.koyomi.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test JVM that Koyomi sends to with AUTH. It can go down
 * and come back on the same port; what arrived before an outage is kept. Counts by Message-ID and
 * by recipient.
 */
final class SmtpSink implements AutoCloseable {

    /** GreenMail logs every recipient it creates a mailbox for; that is noise in the suite's output. */
    private static final java.util.logging.Logger GREENMAIL_LOG = java.util.logging.Logger.getLogger("com.icegreen.greenmail");

    static {
        GREENMAIL_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    static final String USER = "koyomi-smtp";
    static final String PASSWORD = "smtp-pw-that-must-never-be-logged-5e2b";

    /** One message as the server received it. */
    record Mail(String messageId, String recipient, String subject, String unsubscribeToken) {
    }

    private final int port;
    private final List<Mail> earlier = new ArrayList<>();
    private final java.util.Set<String> inFlightAtStop = new java.util.HashSet<>();
    private GreenMail server;

    SmtpSink() throws IOException {
        port = KoyomiProcess.freePort();
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
        server.start();
    }

    /** The outage: connections are refused until {@link #start()}. */
    synchronized void stop() {
        // GreenMail forgets its mailboxes when it stops: keep them and read them once it no longer accepts.
        Managers store = server.getManagers();
        java.util.Set<String> before = read(store).stream().map(Mail::messageId).collect(Collectors.toSet());
        server.stop();
        List<Mail> stored = read(store);
        // Stored while the server stopped: their senders may never have read the 250, so SMTP cannot
        // tell them they arrived (a sender that retries them is right to).
        stored.stream().map(Mail::messageId).filter(id -> !before.contains(id)).forEach(inFlightAtStop::add);
        earlier.addAll(stored);
        server = null;
    }

    /** Message-IDs whose transaction was under way when the server stopped. */
    synchronized java.util.Set<String> inFlightAtStop() {
        return java.util.Set.copyOf(inFlightAtStop);
    }

    boolean running() {
        return server != null;
    }

    /** Every message received so far, in arrival order, outages included. */
    synchronized List<Mail> received() {
        List<Mail> all = new ArrayList<>(earlier);
        if (server != null) {
            all.addAll(read(server.getManagers()));
        }
        return all;
    }

    /** Message-ID → how many times it arrived. */
    Map<String, Long> byMessageId() {
        return received().stream().collect(Collectors.groupingBy(Mail::messageId, Collectors.counting()));
    }

    /** Recipient → how many different messages (by Message-ID) they got. */
    Map<String, Long> distinctMessagesByRecipient() {
        return received().stream().collect(Collectors.groupingBy(Mail::recipient,
                Collectors.collectingAndThen(Collectors.mapping(Mail::messageId, Collectors.toSet()), s -> (long) s.size())));
    }

    static <K> long moreThanOnce(Map<K, Long> counts) {
        return counts.values().stream().filter(n -> n > 1).count();
    }

    static <T> Map<T, Long> count(List<Mail> mails, Function<Mail, T> key) {
        return mails.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static List<Mail> read(Managers store) {
        List<Mail> mails = new ArrayList<>();
        for (StoredMessage stored : store.getImapHostManager().getAllMessages()) {
            MimeMessage m = stored.getMimeMessage();
            try {
                mails.add(new Mail(m.getMessageID(), ((InternetAddress) m.getAllRecipients()[0]).getAddress(), m.getSubject(),
                        unsubscribeToken(m.getHeader("List-Unsubscribe", null))));
            } catch (MessagingException e) {
                throw new IllegalStateException("A message the sink cannot read", e);
            }
        }
        return mails;
    }

    /** The token of {@code <https://host/unsubscribe/TOKEN>, <mailto:...>}. */
    private static String unsubscribeToken(String header) {
        if (header == null || !header.contains("/unsubscribe/")) {
            return null;
        }
        String rest = header.substring(header.indexOf("/unsubscribe/") + "/unsubscribe/".length());
        return rest.substring(0, rest.indexOf('>'));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }
}
