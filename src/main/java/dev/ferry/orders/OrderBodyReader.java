package dev.ferry.orders;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads an order from a request body the way intake does, for every API that takes one: the size
 * limit (413), the content type (415), malformed JSON (400 with line and column) and a number with an exponent
 * (400 at its pointer) each get their own answer.
 */
@Component
public class OrderBodyReader {

    private final ObjectReader reader;
    private final int maxBodyBytes;

    OrderBodyReader(ObjectMapper json, @Value("${ferry.intake.max-body-bytes}") int maxBodyBytes) {
        // money arrives as decimals, never doubles; "{...} junk" and duplicate keys are not an order
        this.reader = json.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @throws InvalidOrderException when the body is not a JSON object; the schema is not checked here */
    public ObjectNode read(HttpServletRequest request) throws IOException {
        requireJson(request.getContentType());
        return parse(readLimited(request));
    }

    /**
     * Reads an order a person typed or pasted (the inbox page's JSON field) as strictly as a request body.
     *
     * @throws InvalidOrderException when the text is not a JSON object or is over the size limit
     */
    public ObjectNode read(String text) {
        byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (body.length > maxBodyBytes) {
            throw new InvalidOrderException("The order is too large.",
                    List.of(new Violation("", "The order is larger than the limit of " + maxBodyBytes + " bytes")));
        }
        return parse(body);
    }

    private static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !(MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix()))) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the order as application/json" + (contentType == null ? "." : ", not " + contentType + "."));
        }
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The order is larger than the limit of " + maxBodyBytes + " bytes.");
    }

    private ObjectNode parse(byte[] body) {
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidOrderException("The body is not valid JSON.",
                    List.of(new Violation("", "Malformed JSON" + at + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidOrderException("The body could not be read.", List.of(new Violation("", e.getMessage())));
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw new InvalidOrderException("The body is not a JSON object.",
                    List.of(new Violation("", "An order must be a JSON object")));
        }
        refuseExponents(body);
        return (ObjectNode) node;
    }

    /**
     * An exponent (1e2, 1e-999999999) is refused where it is written: the tree keeps the value, not how it was
     * written, and no system downstream should have to read money or a quantity in that notation.
     */
    private void refuseExponents(byte[] body) {
        List<Violation> found = new ArrayList<>();
        try (JsonParser parser = reader.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && hasExponent(parser.getText())) {
                    found.add(new Violation(parser.getParsingContext().pathAsPointer().toString(),
                            "must be written without an exponent: 100 or 0.01, not 1e2 or 1e-2"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The body parsed once but not a second time", e);
        }
        if (!found.isEmpty()) {
            throw new InvalidOrderException("Numbers in an order are written out, without an exponent.", found);
        }
    }

    private static boolean hasExponent(String number) {
        return number.indexOf('e') >= 0 || number.indexOf('E') >= 0;
    }
}
