package org.casetimeline.core.timeline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.casetimeline.core.event.RecordedFact;

/**
 * Kinds of fact, such as those a compliance check reads ({@link Timeline#restrictedTo}). A kind is one record of the
 * vocabulary, so a fact is of a kind exactly when its class is.
 */
public final class FactKinds {

    private final Set<Class<? extends RecordedFact>> kinds;

    private FactKinds(Set<Class<? extends RecordedFact>> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    @SafeVarargs
    public static FactKinds of(Class<? extends RecordedFact>... kinds) {
        return new FactKinds(Set.copyOf(Arrays.asList(kinds)));
    }

    /** These kinds and {@code others}. */
    public FactKinds and(FactKinds... others) {
        Set<Class<? extends RecordedFact>> union = new HashSet<>(kinds);
        Arrays.stream(others).forEach(other -> union.addAll(other.kinds));
        return new FactKinds(union);
    }

    @SafeVarargs
    public final FactKinds and(Class<? extends RecordedFact>... others) {
        return and(of(others));
    }

    /** The kinds both include. */
    public FactKinds common(FactKinds other) {
        Set<Class<? extends RecordedFact>> both = new HashSet<>(kinds);
        both.retainAll(other.kinds);
        return new FactKinds(both);
    }

    public boolean includes(TimelineFact fact) {
        return kinds.contains(fact.fact().getClass());
    }

    public boolean includes(Class<? extends RecordedFact> kind) {
        return kinds.contains(kind);
    }

    /** The kinds by name, in alphabetical order. */
    public List<String> names() {
        return kinds.stream().map(Class::getSimpleName).sorted(Comparator.naturalOrder()).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof FactKinds that && kinds.equals(that.kinds);
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }

    @Override
    public String toString() {
        return names().stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
