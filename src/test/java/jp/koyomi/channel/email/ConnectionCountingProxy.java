package jp.koyomi.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A TCP relay in front of the test SMTP server that counts the connections clients open. */
final class ConnectionCountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();

    ConnectionCountingProxy(int targetPort) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    pipe(client.getInputStream(), target.getOutputStream(), target);
                    pipe(target.getInputStream(), client.getOutputStream(), client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return accepted.get();
    }

    private static void pipe(InputStream in, OutputStream out, Socket outSocket) {
        Thread t = new Thread(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed: the relay ends with it
            } finally {
                try {
                    outSocket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "smtp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
