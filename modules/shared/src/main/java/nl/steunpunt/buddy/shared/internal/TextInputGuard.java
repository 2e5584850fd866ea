package nl.steunpunt.buddy.shared.internal;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.InvalidInputException;

/**
 * Refuses, at every module's API, a text that no database column can hold: one with a NUL character
 * (PostgreSQL stores no {@code \u0000} in text). The modules check lengths and formats field by field;
 * this one character would otherwise reach the database, fail there and show as an unexpected error.
 * Looks into the arguments themselves, the components of records (forms), and collections and maps.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TextInputGuard {

    static final String KEY = "error.text.invalid-characters";
    private static final int DEPTH = 4;
    /** The accessors of a record type, looked up and opened once per type (this runs on every API call). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    /** Public methods of the types in a module's API package (nl.steunpunt.buddy.&lt;module&gt;), not its internals. */
    @Around("execution(public * nl.steunpunt.buddy.*.*.*(..))"
            + " && !within(@org.springframework.context.annotation.Configuration *)"
            + " && !within(@org.springframework.boot.context.properties.ConfigurationProperties *)")
    Object guard(ProceedingJoinPoint call) throws Throwable {
        for (Object argument : call.getArgs()) {
            check(argument, DEPTH);
        }
        return call.proceed();
    }

    static void check(Object value, int depth) {
        if (value == null || depth < 0) {
            return;
        }
        if (value instanceof CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\u0000') {
                    throw new InvalidInputException(KEY);
                }
            }
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                check(item, depth - 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                check(entry.getKey(), depth - 1);
                check(entry.getValue(), depth - 1);
            }
        } else if (value.getClass().isRecord()) {
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                try {
                    check(accessor.invoke(value), depth - 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + accessor, e);
                }
            }
        }
    }
}
