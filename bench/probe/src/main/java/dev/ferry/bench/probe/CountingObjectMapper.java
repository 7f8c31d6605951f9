package dev.ferry.bench.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A copy of a configured ObjectMapper (same modules, features and settings) that counts its work: parses and writes
 * through its {@link CountingJsonFactory}, and conversions between values and trees, which never parse or write text.
 */
final class CountingObjectMapper extends ObjectMapper {

    private static final long serialVersionUID = 1L;

    private final transient Counts.Json counts;

    CountingObjectMapper(ObjectMapper source, Counts.Json counts) {
        this(source, source.getFactory(), counts);
    }

    private CountingObjectMapper(ObjectMapper source, JsonFactory factory, Counts.Json counts) {
        super(source, new CountingJsonFactory(factory, counts));
        this.counts = counts;
    }

    @Override
    public ObjectMapper copy() {
        return new CountingObjectMapper(this, counts);
    }

    @Override
    public ObjectMapper copyWith(JsonFactory factory) {
        return new CountingObjectMapper(this, factory, counts);
    }

    @Override
    public <T extends JsonNode> T valueToTree(Object fromValue) throws IllegalArgumentException {
        counts.toTree().increment();
        return super.valueToTree(fromValue);
    }

    // treeToValue(TreeNode, TypeReference) calls the JavaType one
    @Override
    public <T> T treeToValue(TreeNode n, Class<T> valueType) throws IllegalArgumentException, JsonProcessingException {
        counts.fromTree().increment();
        return super.treeToValue(n, valueType);
    }

    @Override
    public <T> T treeToValue(TreeNode n, JavaType valueType) throws IllegalArgumentException, JsonProcessingException {
        counts.fromTree().increment();
        return super.treeToValue(n, valueType);
    }

    // every convertValue(...) comes here
    @Override
    protected Object _convert(Object fromValue, JavaType toValueType) throws IllegalArgumentException {
        counts.convert().increment();
        return super._convert(fromValue, toValueType);
    }

    @Override
    public <T> T updateValue(T valueToUpdate, Object overrides) throws JsonMappingException {
        counts.convert().increment();
        return super.updateValue(valueToUpdate, overrides);
    }
}
