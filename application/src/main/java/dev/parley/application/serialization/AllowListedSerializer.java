package dev.parley.application.serialization;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.function.Predicate;

/**
 * Axon's Jackson serializer, resolving only the class names an allow-list accepts. Stored data names the class it is
 * read as; without the list a forged row could have Jackson build any class on the classpath. A name off the list
 * reads as Axon's {@link UnknownSerializedType}, which handlers skip and verify and import report.
 */
final class AllowListedSerializer extends JacksonSerializer {

    private final Predicate<String> allowed;

    AllowListedSerializer(Builder builder, Predicate<String> allowed) {
        super(builder);
        this.allowed = allowed;
    }

    @Override
    public Class classForType(SerializedType type) {
        if (SerializedType.isEmptyType(type) || allowed.test(type.getName())) {
            return super.classForType(type);
        }
        return UnknownSerializedType.class;
    }
}
