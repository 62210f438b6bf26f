package dev.oomspec.fleet.replay;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A file system whose reads break half way, as a remote store's connection does: {@code broken:///PATH} serves the
 * local file PATH and fails with an IOException once half of its bytes have been read.
 */
public final class BrokenFileSystem extends FileSystem {
  static final String MESSAGE = "connection reset by peer (test file system)";

  private Path cwd = new Path("/");

  @Override
  public String getScheme() {
    return "broken";
  }

  @Override
  public URI getUri() {
    return URI.create("broken:///");
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    byte[] data = Files.readAllBytes(java.nio.file.Path.of(f.toUri().getPath()));
    return new FSDataInputStream(new HalfStream(data, data.length / 2));
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    java.nio.file.Path local = java.nio.file.Path.of(f.toUri().getPath());
    if (!Files.exists(local)) {
      throw new java.io.FileNotFoundException(f.toString());
    }
    return new FileStatus(Files.size(local), false, 1, 1 << 20, 0, makeQualified(f));
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission p, boolean o, int b, short r, long s, Progressable pr) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public boolean rename(Path src, Path dst) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public boolean delete(Path f, boolean recursive) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    return new FileStatus[] {getFileStatus(f)};
  }

  @Override
  public void setWorkingDirectory(Path dir) {
    cwd = dir;
  }

  @Override
  public Path getWorkingDirectory() {
    return cwd;
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) {
    throw new UnsupportedOperationException("read-only");
  }

  /** The bytes up to {@code failAt}, then an IOException. */
  private static final class HalfStream extends FSInputStream {
    private final byte[] data;
    private final int failAt;
    private int pos;

    HalfStream(byte[] data, int failAt) {
      this.data = data;
      this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
      if (pos >= failAt) {
        throw new IOException(MESSAGE);
      }
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= failAt) {
        throw new IOException(MESSAGE);
      }
      int n = Math.min(len, failAt - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void seek(long p) throws IOException {
      if (p < 0 || p > data.length) {
        throw new EOFException("seek to " + p);
      }
      pos = (int) p;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }
  }
}
