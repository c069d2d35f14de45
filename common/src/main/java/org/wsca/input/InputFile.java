package org.wsca.input;

import java.io.Serializable;

/** One input file and its size, recorded in the manifest so a run can be traced to its data. */
public record InputFile(String path, long sizeBytes) implements Serializable {}
