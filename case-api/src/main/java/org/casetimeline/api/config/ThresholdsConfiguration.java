package org.casetimeline.api.config;

import java.lang.reflect.RecordComponent;

import org.casetimeline.core.compliance.Thresholds;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds every compliance threshold from {@code case-timeline.thresholds.<name>} (e.g.
 * {@code case-timeline.thresholds.transfer-notice=12h}), each defaulting to the value in rules.md, so the
 * domain's {@link Thresholds} stays free of Spring.
 */
@Configuration(proxyBeanMethods = false)
public class ThresholdsConfiguration {

    static final String PREFIX = "case-timeline.thresholds.";

    @Bean
    Thresholds thresholds(Environment environment) throws ReflectiveOperationException {
        Binder binder = Binder.get(environment);
        Thresholds defaults = Thresholds.defaults();
        RecordComponent[] components = Thresholds.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            Object fallback = component.getAccessor().invoke(defaults);
            String name = PREFIX + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            values[i] = binder.bind(name, boxed(component.getType())).orElse(fallback);
        }
        return Thresholds.class.getDeclaredConstructor(types).newInstance(values);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> boxed(Class<?> type) {
        return (Class<T>) (type == double.class ? Double.class : type);
    }
}
