package org.goldenthread.infra.store;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.query.readstore.ReadModelVersion;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The read models of this application, read off the projection beans' types (without creating them): each
 * processing group, the version of its documents, and the query types it answers.
 */
public record ReadModels(Map<String, Integer> versions, Map<Class<?>, String> groupOfQuery) {

    public static ReadModels of(ListableBeanFactory beans) {
        Map<String, Integer> versions = new TreeMap<>();
        Map<Class<?>, String> groupOfQuery = new LinkedHashMap<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            ProcessingGroup group = type == null ? null : AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group == null) {
                continue;
            }
            ReadModelVersion version = AnnotationUtils.findAnnotation(type, ReadModelVersion.class);
            versions.merge(group.value(), version == null ? 1 : version.value(), Math::max);
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(QueryHandler.class) && m.getParameterCount() > 0) {
                    groupOfQuery.put(m.getParameterTypes()[0], group.value());
                }
            }
        }
        return new ReadModels(Map.copyOf(versions), Map.copyOf(groupOfQuery));
    }
}
