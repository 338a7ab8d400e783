package io.iechor.prune.core.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the {@code -----BEGIN label-----} blocks of a PEM file.
 *
 * <p>Text outside blocks is skipped, because OpenSSL and Docker tooling often leave a
 * human-readable dump or "Bag Attributes" before the block. Inside a block everything must be
 * well formed: a damaged file should fail here, naming the file, rather than later as an
 * obscure TLS error.
 */
final class Pem {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private Pem() {}

  /**
   * One block.
   *
   * @param headers RFC 1421 headers such as {@code Proc-Type}, which mark a legacy encrypted key
   */
  record Block(String label, Map<String, String> headers, byte[] der) {}

  /** All blocks of {@code file}; fails when there are none, so callers always get something. */
  static List<Block> read(Path file) {
    String text;
    try {
      // ISO-8859-1 decodes any byte, so a binary file reaches the "no PEM block" message.
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new TlsSetupException("Cannot read " + file + ": " + e
          + ". Check that the file exists and is readable by this process.", e);
    }
    List<Block> blocks = parse(file, text);
    if (blocks.isEmpty()) {
      throw new TlsSetupException(file + " contains no PEM block (no '-----BEGIN ...-----' line)."
          + " It must hold PEM text; convert a binary DER file with"
          + " 'openssl x509 -inform der' (certificates) or 'openssl pkey -inform der' (keys).");
    }
    return blocks;
  }

  /** The labels of {@code blocks}, for messages such as "found CERTIFICATE". */
  static String labels(List<Block> blocks) {
    return blocks.stream().map(Block::label).distinct().collect(Collectors.joining(", "));
  }

  private static List<Block> parse(Path file, String text) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r");
    String label = null;
    Map<String, String> headers = null;
    StringBuilder base64 = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (label == null) {
        if (line.startsWith(BEGIN) && line.endsWith(DASHES)) {
          label = line.substring(BEGIN.length(), line.length() - DASHES.length());
          headers = new LinkedHashMap<>();
          base64 = new StringBuilder();
        }
      } else if (line.startsWith(END)) {
        if (!line.equals(END + label + DASHES)) {
          throw new TlsSetupException(file + " line " + (i + 1) + ": '" + line
              + "' does not close '" + BEGIN + label + DASHES + "'. The file is damaged;"
              + " copy it again from where it was issued.");
        }
        blocks.add(new Block(label, Map.copyOf(headers), decode(file, label, base64)));
        label = null;
      } else if (line.indexOf(':') > 0 && base64.length() == 0) {
        // Base64 never contains ':', so before the data this can only be a header.
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      } else {
        base64.append(line);
      }
    }
    if (label != null) {
      throw new TlsSetupException(file + ": '" + BEGIN + label + DASHES + "' has no matching '"
          + END + label + DASHES + "' line. The file is truncated; copy it again.");
    }
    return blocks;
  }

  private static byte[] decode(Path file, String label, StringBuilder base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64.toString());
      if (der.length == 0) {
        throw new IllegalArgumentException("the block is empty");
      }
      return der;
    } catch (IllegalArgumentException e) {
      throw new TlsSetupException(file + ": the " + label + " block is not valid base64 ("
          + e.getMessage() + "). The file is damaged; copy it again from where it was issued.", e);
    }
  }
}
