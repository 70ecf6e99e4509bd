package dev.parley.web.api;

import dev.parley.projections.json.ParleyJson;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Writes and reads Parley's own types with Parley's one mapper configuration, the one the command line's
 * {@code --json} uses, so that the API's answers are the command line's byte for byte; the host application's other
 * types keep the host's own mapper.
 */
public class ParleyJsonConverter extends MappingJackson2HttpMessageConverter {

    /** A converter on a mapper of Parley's own configuration, apart from the host's. */
    public ParleyJsonConverter() {
        super(ParleyJson.create());
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return ours(type) && super.canRead(type, mediaType);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return ours(type) && super.canRead(type, contextClass, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return ours(type) && super.canWrite(type, mediaType);
    }

    @Override
    public boolean canWrite(Type type, Class<?> type2, MediaType mediaType) {
        return (type == null ? ours(type2) : ours(type)) && super.canWrite(type, type2, mediaType);
    }

    static boolean ours(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isArray() ? ours(plain.getComponentType()) : plain.getName().startsWith("dev.parley.");
        }
        if (type instanceof ParameterizedType generic) {
            return ours(generic.getRawType()) || Arrays.stream(generic.getActualTypeArguments())
                    .anyMatch(ParleyJsonConverter::ours);
        }
        if (type instanceof GenericArrayType array) {
            return ours(array.getGenericComponentType());
        }
        return false;
    }
}
