package dev.oomspec.spec.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Strict Jackson YAML reading; every mapping problem becomes a {@link SpecFormatException}. */
final class YamlReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private YamlReader() {}

  /** Reads a top-level YAML list, element by element, remembering where each element starts. */
  static <T> List<Located<T>> readList(String file, Reader in, Class<T> type) {
    String text;
    try {
      text = new String(readAll(in));
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
    List<Located<T>> out = new ArrayList<>();
    int index = 0;
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return out;
      }
      if (first != JsonToken.START_ARRAY) {
        throw new SpecFormatException(file, line(p.currentTokenLocation()), "(document)",
            "expected a YAML list of " + type.getSimpleName() + " entries");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int line = line(p.currentTokenLocation());
        try {
          out.add(new Located<>(MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).<T>readValue(p), file, line));
        } catch (UnrecognizedPropertyException e) {
          SpecFormatException t = translate(file, "[" + index + "]", e);
          int where = lineOfField(text, index, e);
          throw where > 0 ? new SpecFormatException(file, where, t.field(), problemOf(t)) : t;
        } catch (JsonMappingException e) {
          throw translate(file, "[" + index + "]", e);
        }
        index++;
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw new SpecFormatException(file, line(p.currentTokenLocation()), "[" + index + "]",
            "expected a mapping (one entry per list item)");
      }
    } catch (JsonProcessingException e) {
      throw new SpecFormatException(file, line(e.getLocation()), "(syntax)", firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
    return out;
  }

  /** Reads a single YAML document into {@code type}. */
  static <T> T readOne(String file, Reader in, Class<T> type) {
    try {
      return MAPPER.readValue(in, type);
    } catch (JsonMappingException e) {
      throw translate(file, "", e);
    } catch (JsonProcessingException e) {
      throw new SpecFormatException(file, line(e.getLocation()), "(syntax)", firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }

  private static char[] readAll(Reader in) throws IOException {
    java.io.CharArrayWriter w = new java.io.CharArrayWriter();
    in.transferTo(w);
    return w.toCharArray();
  }

  private static String problemOf(SpecFormatException t) {
    String m = t.getMessage();
    return m.substring(m.indexOf("': ") + 3);
  }

  /**
   * Records are bound through a buffered creator, so Jackson reports an unknown property at the end of
   * the object. Re-scan element {@code index} and return the line of the offending field name.
   */
  private static int lineOfField(String text, int index, UnrecognizedPropertyException e) {
    List<String> names = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) names.add(r.getFieldName());
    }
    try (JsonParser p = MAPPER.createParser(text)) {
      p.nextToken();
      int element = -1;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        element++;
        if (element < index) {
          p.skipChildren();
          continue;
        }
        List<String> stack = new ArrayList<>();
        int depth = 1;
        String pending = null;
        List<Integer> fieldDepth = new ArrayList<>();
        while (depth > 0 && (t = p.nextToken()) != null) {
          switch (t) {
            case FIELD_NAME -> {
              pending = p.currentName();
              List<String> candidate = new ArrayList<>(stack);
              candidate.add(pending);
              if (candidate.equals(names)) return p.currentTokenLocation().getLineNr();
            }
            case START_OBJECT -> {
              depth++;
              if (pending != null) {
                stack.add(pending);
                fieldDepth.add(depth);
              }
              pending = null;
            }
            case END_OBJECT -> {
              if (!fieldDepth.isEmpty() && fieldDepth.get(fieldDepth.size() - 1) == depth) {
                fieldDepth.remove(fieldDepth.size() - 1);
                stack.remove(stack.size() - 1);
              }
              depth--;
            }
            case START_ARRAY -> p.skipChildren();
            default -> pending = null;
          }
        }
        return 0;
      }
    } catch (IOException ignored) {
      return 0;
    }
    return 0;
  }

  static SpecFormatException translate(String file, String prefix, JsonMappingException e) {
    StringBuilder path = new StringBuilder(prefix);
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() > 0 ? "." : "").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    String problem;
    if (e instanceof UnrecognizedPropertyException u) {
      problem = "unknown field '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
    } else if (e instanceof InvalidTypeIdException t) {
      path.append(path.length() > 0 ? "." : "").append("op");
      problem = "unknown op '" + t.getTypeId() + "' (known: kfunc, filter, attach, dispatch, report, none)";
    } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
      problem = firstLine(e.getCause().getMessage());
    } else if (e.getCause() instanceof IllegalArgumentException iae) {
      problem = firstLine(iae.getMessage());
    } else {
      problem = firstLine(e.getOriginalMessage());
    }
    return new SpecFormatException(file, line(e.getLocation()), path.length() == 0 ? "(root)" : path.toString(), problem);
  }

  private static int line(JsonLocation loc) {
    return loc == null ? 0 : loc.getLineNr();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
