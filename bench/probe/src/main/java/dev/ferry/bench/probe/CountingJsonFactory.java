package dev.ferry.bench.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;

/**
 * A mapper's JsonFactory that counts every parser and generator it makes: one per parse and one per write, whichever
 * way the mapper is called (ObjectMapper, or an ObjectReader or ObjectWriter made from it, as Spring MVC uses).
 */
final class CountingJsonFactory extends MappingJsonFactory {

    private static final long serialVersionUID = 1L;

    private final transient Counts.Json counts;

    CountingJsonFactory(JsonFactory source, Counts.Json counts) {
        super(source, null);
        this.counts = counts;
    }

    @Override
    public JsonFactory copy() {
        return new CountingJsonFactory(this, counts);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        counts.parse().increment();
        return super._createParser(in, context);
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        counts.parse().increment();
        return super._createParser(reader, context);
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        counts.parse().increment();
        return super._createParser(data, offset, length, context, recyclable);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        counts.parse().increment();
        return super._createParser(data, offset, length, context);
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        counts.parse().increment();
        return super._createParser(input, context);
    }

    @Override
    public JsonParser createNonBlockingByteArrayParser() throws IOException {
        counts.parse().increment();
        return super.createNonBlockingByteArrayParser();
    }

    @Override
    public JsonParser createNonBlockingByteBufferParser() throws IOException {
        counts.parse().increment();
        return super.createNonBlockingByteBufferParser();
    }

    @Override
    protected JsonGenerator _createGenerator(Writer out, IOContext context) throws IOException {
        counts.write().increment();
        return super._createGenerator(out, context);
    }

    @Override
    protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext context) throws IOException {
        counts.write().increment();
        return super._createUTF8Generator(out, context);
    }
}
