package dev.uploadgateway.configuration.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every problem of a {@code @ConfigProperties} group, each naming its key: a value that does not
 * convert to the field's type (Payara leaves such a field at its default without a word, measured),
 * then Bean Validation's constraints on the fields.
 */
final class SettingsCheck {

    private SettingsCheck() {
    }

    static List<String> problems(Object group, Config config, Validator validator) {
        Class<?> type = group.getClass();
        while (!type.isAnnotationPresent(ConfigProperties.class) && type.getSuperclass() != null) {
            type = type.getSuperclass(); // a container subclass of the group
        }
        String prefix = type.getAnnotation(ConfigProperties.class).prefix();
        List<String> problems = new ArrayList<>();
        Set<String> unconverted = new HashSet<>();
        for (Field field : type.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property == null) {
                continue;
            }
            String key = prefix + "." + property.name();
            String raw = config.getOptionalValue(key, String.class).orElse(null);
            try {
                config.getOptionalValue(key, boxed(field.getType()));
            } catch (IllegalArgumentException e) {
                unconverted.add(field.getName());
                problems.add(key + " must be " + article(field.getType()) + ", was '" + raw + "'");
            }
        }
        for (ConstraintViolation<Object> violation : validator.validate(group)) {
            String field = violation.getPropertyPath().toString();
            if (!unconverted.contains(field)) {
                problems.add(key(type, prefix, field) + " " + violation.getMessage() + ", was '"
                        + violation.getInvalidValue() + "'");
            }
        }
        return problems;
    }

    private static String key(Class<?> type, String prefix, String field) {
        try {
            return prefix + "." + type.getDeclaredField(field).getAnnotation(ConfigProperty.class).name();
        } catch (NoSuchFieldException e) {
            return prefix + "." + field;
        }
    }

    private static Class<?> boxed(Class<?> type) {
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == double.class ? Double.class
                : type == boolean.class ? Boolean.class : type;
    }

    private static String article(Class<?> type) {
        return type == long.class || type == int.class ? "a whole number" : type == double.class ? "a number"
                : type == boolean.class ? "true or false" : "a " + type.getSimpleName();
    }
}
