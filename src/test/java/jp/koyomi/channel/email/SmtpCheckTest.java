package jp.koyomi.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The status page's SMTP check against GreenMail: it connects and says EHLO and NOOP, and sends nothing. */
class SmtpCheckTest {

    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void shouldFindARunningServerReachableWithoutSendingAnything() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        SmtpCheck.Result result = SmtpCheck.check(SmtpSettings.plain("127.0.0.1", port));

        assertTrue(result.reachable(), result.detail());
        assertEquals("127.0.0.1:" + port, result.server());
        assertEquals(0, smtp.getReceivedMessages().length, "a check is not a send");
    }

    @Test
    void shouldReportAServerThatDoesNotAnswerAsUnreachableWithTheReason() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.stop();

        SmtpCheck.Result result = SmtpCheck.check(SmtpSettings.plain("127.0.0.1", port));

        assertFalse(result.reachable());
        assertTrue(result.detail().contains("Connect"), result.detail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
