package org.wsca.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/** The lease file of {@link RunLease} on any Hadoop file system: created atomically, and read. */
final class LeaseFile {
  private LeaseFile() {}

  /**
   * Creates {@code file} with {@code content} only if it does not exist, atomically. Hadoop's local
   * file system checks and then creates; a local file is therefore created with O_EXCL.
   */
  static boolean createExclusive(FileSystem fs, Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(file.toUri().getScheme())) {
      java.nio.file.Path local = Paths.get(file.toUri());
      for (int attempt = 0; ; attempt++) {
        Files.createDirectories(local.getParent());
        try (OutputStream out =
            Files.newOutputStream(local, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          out.write(bytes);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (NoSuchFileException e) {
          if (attempt == 2) {
            throw e; // the folder keeps vanishing: another run releasing its lease
          }
        }
      }
    }
    OutputStream created;
    try {
      created = fs.create(file, false);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // HDFS: being created by another client
      }
      throw e;
    }
    try (OutputStream out = created) {
      out.write(bytes);
    } catch (IOException e) {
      fs.delete(file, false); // ours, unwritable (a full disk, a quota): leave no lease behind
      throw e;
    }
    return true;
  }

  /** Locally, the lease is written with O_EXCL, outside Hadoop's checksum files. */
  static FileSystem raw(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  /** The holder written in {@code file}; an empty holder when the file is gone. */
  static LeaseHolder read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return LeaseHolder.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException e) {
      return LeaseHolder.decode("");
    }
  }
}
