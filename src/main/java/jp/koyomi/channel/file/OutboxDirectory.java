package jp.koyomi.channel.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A folder of message files, each written whole or not at all. */
public final class OutboxDirectory {

    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path directory;

    public OutboxDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Writes the file through a temporary sibling and a move, so readers never see half a message. */
    public Path write(String fileName, Content content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        Path temporary = Files.createTempFile(directory, "." + fileName, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public Path path() {
        return directory;
    }
}
