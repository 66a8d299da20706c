package jp.koyomi.channel.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A folder of message files, each written whole or not at all. */
final class OutboxDirectory {

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path directory;

    OutboxDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Writes the file through a temporary sibling and a move, so readers never see half a message. */
    Path write(String fileName, Content content) throws IOException {
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

    Path path() {
        return directory;
    }
}
