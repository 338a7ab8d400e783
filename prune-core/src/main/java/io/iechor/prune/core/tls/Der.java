package io.iechor.prune.core.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to unwrap and rewrap private keys: read a tag-length-value tree, and encode
 * sequences, integers, object identifiers and octet strings.
 *
 * <p>Only single-byte tags and definite lengths: that is all DER allows for the key structures
 * read here, and rejecting the rest turns corrupted input into an error instead of a guess.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int SEQUENCE = 0x30;
  /** {@code [0]} EXPLICIT, as used for the curve in SEC1's ECPrivateKey. */
  static final int CONTEXT_0 = 0xA0;

  private Der() {}

  /** Input that is not the DER expected; the message says where it went wrong. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** One decoded element: its tag, its content, and its whole encoding (to copy it unchanged). */
  static final class Value {
    private final int tag;
    private final byte[] encoded;
    private final int contentOffset;

    private Value(int tag, byte[] encoded, int contentOffset) {
      this.tag = tag;
      this.encoded = encoded;
      this.contentOffset = contentOffset;
    }

    int tag() {
      return tag;
    }

    byte[] content() {
      return Arrays.copyOfRange(encoded, contentOffset, encoded.length);
    }

    byte[] encoded() {
      return encoded.clone();
    }

    /** The elements inside a constructed value such as a SEQUENCE. */
    List<Value> children() throws MalformedException {
      if ((tag & 0x20) == 0) {
        throw new MalformedException("tag 0x" + Integer.toHexString(tag) + " is not a constructed type");
      }
      return parseAll(encoded, contentOffset, encoded.length);
    }

    /** The children of a SEQUENCE, checked to be one. */
    List<Value> sequence() throws MalformedException {
      expect(SEQUENCE);
      return children();
    }

    void expect(int expectedTag) throws MalformedException {
      if (tag != expectedTag) {
        throw new MalformedException("expected tag 0x" + Integer.toHexString(expectedTag)
            + " but found 0x" + Integer.toHexString(tag));
      }
    }
  }

  /** Decodes exactly one element spanning all of {@code der}. */
  static Value parse(byte[] der) throws MalformedException {
    List<Value> values = parseAll(der, 0, der.length);
    if (values.size() != 1) {
      throw new MalformedException("expected one DER element but found " + values.size());
    }
    return values.get(0);
  }

  private static List<Value> parseAll(byte[] in, int from, int to) throws MalformedException {
    List<Value> values = new ArrayList<>();
    int pos = from;
    while (pos < to) {
      int start = pos;
      int tag = in[pos++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new MalformedException("multi-byte tag at offset " + start);
      }
      if (pos >= to) {
        throw new MalformedException("truncated length at offset " + pos);
      }
      int first = in[pos++] & 0xFF;
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int count = first & 0x7F;
        if (count == 0 || count > 4) {
          throw new MalformedException("unsupported length encoding at offset " + (pos - 1));
        }
        if (pos + count > to) {
          throw new MalformedException("truncated length at offset " + pos);
        }
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (in[pos++] & 0xFF);
        }
      }
      if (length > to - pos) {
        throw new MalformedException("element at offset " + start + " claims " + length
            + " bytes but only " + (to - pos) + " remain");
      }
      int end = pos + (int) length;
      values.add(new Value(tag, Arrays.copyOfRange(in, start, end), pos - start));
      pos = end;
    }
    return values;
  }

  /** The dotted form of an OBJECT IDENTIFIER, e.g. {@code 1.2.840.10045.3.1.7}. */
  static String oid(Value value) throws MalformedException {
    value.expect(OBJECT_IDENTIFIER);
    byte[] c = value.content();
    if (c.length == 0 || (c[c.length - 1] & 0x80) != 0) {
      throw new MalformedException("malformed object identifier");
    }
    StringBuilder dotted = new StringBuilder();
    long arc = 0;
    boolean firstArc = true;
    for (byte b : c) {
      if (arc > (Long.MAX_VALUE >>> 7)) {
        throw new MalformedException("object identifier arc too large");
      }
      arc = (arc << 7) | (b & 0x7F);
      if ((b & 0x80) != 0) {
        continue;
      }
      if (firstArc) {
        // The first encoded number packs the first two arcs as 40 * first + second.
        long top = Math.min(arc / 40, 2);
        dotted.append(top).append('.').append(arc - 40 * top);
        firstArc = false;
      } else {
        dotted.append('.').append(arc);
      }
      arc = 0;
    }
    return dotted.toString();
  }

  /** Encodes a dotted OBJECT IDENTIFIER such as {@code 1.2.840.113549.1.1.1}. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    writeArc(content, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      writeArc(content, Long.parseLong(parts[i]));
    }
    return tlv(OBJECT_IDENTIFIER, content.toByteArray());
  }

  private static void writeArc(ByteArrayOutputStream out, long arc) {
    int groups = 1;
    while ((arc >>> (7 * groups)) != 0) {
      groups++;
    }
    for (int g = groups - 1; g >= 0; g--) {
      int bits = (int) ((arc >>> (7 * g)) & 0x7F);
      out.write(g == 0 ? bits : bits | 0x80);
    }
  }

  static byte[] sequence(byte[]... elements) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] e : elements) {
      content.writeBytes(e);
    }
    return tlv(SEQUENCE, content.toByteArray());
  }

  /** A small non-negative INTEGER such as a structure's version number. */
  static byte[] integer(int value) {
    if (value < 0 || value > 0x7F) {
      throw new IllegalArgumentException("only 0..127 needed here: " + value);
    }
    return tlv(INTEGER, new byte[] {(byte) value});
  }

  static byte[] octetString(byte[] content) {
    return tlv(OCTET_STRING, content);
  }

  static byte[] nullValue() {
    return tlv(NULL, new byte[0]);
  }

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int count = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | count);
      for (int i = count - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
