package nl.steunpunt.buddy.ui.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes {@code manifest.json}. */
public final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Manifests() {
    }

    public static BackupManifest read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + BackupManifest.FILE + " in " + file.getParent() + ": not a complete backup");
        }
        BackupManifest manifest = JSON.readValue(file.toFile(), BackupManifest.class);
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new IllegalArgumentException("Unknown backup format " + manifest.format());
        }
        return manifest;
    }

    static void write(BackupManifest manifest, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), manifest);
        Files.move(partial, file);
    }
}
