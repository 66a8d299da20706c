package jp.koyomi.channel.email;

import java.time.Duration;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import jp.koyomi.delivery.SendResult;

/** What an SMTP failure means for the delivery: try again, give up, or stop the channel. */
final class SmtpOutcome {

    private SmtpOutcome() {
    }

    static SendResult of(MessagingException failure) {
        if (failure instanceof AuthenticationFailedException) {
            // Not this message's fault, and every other message would fail the same way.
            return new SendResult.ChannelPaused("SMTP authentication failed");
        }
        int code = replyCode(failure);
        if (code == 530 || code == 535) {
            return new SendResult.ChannelPaused("SMTP server requires authentication that failed (" + code + ")");
        }
        if (code >= 500) {
            return new SendResult.Failed(reply(code, failure));
        }
        if (code >= 400) {
            return new SendResult.Retry(reply(code, failure), Duration.ZERO);
        }
        // No reply code: the connection failed (refused, reset, timed out), so the server may come back.
        return new SendResult.Retry("SMTP connection problem: " + firstLine(failure), Duration.ZERO);
    }

    /** The server's reply code anywhere in the exception chain, or 0 when there was none. */
    private static int replyCode(Exception failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SMTPAddressFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException e) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException e) {
                return e.getReturnCode();
            }
            Throwable next = t instanceof MessagingException m ? m.getNextException() : null;
            t = next != null ? next : t.getCause();
        }
        return 0;
    }

    private static String reply(int code, Exception failure) {
        String line = firstLine(failure);
        return line.startsWith(Integer.toString(code)) ? "SMTP " + line : "SMTP " + code + " " + line;
    }

    private static String firstLine(Throwable failure) {
        Throwable t = failure;
        // The innermost SMTP reply says more than the "Invalid Addresses" wrapper.
        while (t instanceof MessagingException m && m.getNextException() != null && !(t instanceof SMTPSendFailedException)) {
            t = m.getNextException();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
