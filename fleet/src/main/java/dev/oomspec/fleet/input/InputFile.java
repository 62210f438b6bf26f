package dev.oomspec.fleet.input;

import java.io.Serializable;

/**
 * One host log to replay: its fully qualified Hadoop path ({@code file:/…}, {@code hdfs://…}, {@code s3a://…}) and
 * its size in bytes as listed (stored size: compressed files count compressed).
 */
public record InputFile(String path, long bytes) implements Serializable {}
