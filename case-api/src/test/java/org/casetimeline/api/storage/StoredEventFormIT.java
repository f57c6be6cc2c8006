package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the stored form of every event type: the JSON the service's own event serializer writes, committed under
 * {@code src/test/resources/stored-events/<type>@<revision>.json}. Stored events are never rewritten, so a field
 * renamed, retyped or dropped in a record would leave every event already stored unreadable or, since the store
 * reads leniently, silently without that field's value. A change to an event's shape therefore fails here until it
 * gets a new {@code @Revision} (and an upcaster where old JSON no longer fits) and its new form is committed beside
 * the old one; the old forms stay, and must still be read without losing a value.
 * <p>
 * A new event type, or a new revision, has no file yet: run this test with {@code -Dstored-events.write=true} to
 * write the missing files (it still fails that run), then read and commit them.
 */
@EmbeddedServiceTest
class StoredEventFormIT {

    private static final Path PINNED = Path.of("src/test/resources/stored-events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    Configuration axon;

    static Stream<Class<?>> storedTypes() {
        return EventSamples.storedTypes().stream();
    }

    @ParameterizedTest
    @MethodSource("storedTypes")
    void givenEveryFieldFilled_whenStored_thenTheJsonIsThePinnedFormOfItsRevision(Class<?> type) throws IOException {
        assertPinned(EventSamples.of(type), "");
    }

    @ParameterizedTest
    @MethodSource("storedTypes")
    void givenEveryFieldThatMayBeAbsentLeftOut_whenStored_thenTheJsonIsThePinnedMinimalForm(Class<?> type) throws IOException {
        assertPinned(EventSamples.minimal(type), ".minimal");
    }

    private void assertPinned(Object sample, String variant) throws IOException {
        SerializedObject<String> stored = serializer.serialize(sample, String.class);
        Path pinned = PINNED.resolve(fileName(stored.getType(), variant));
        if (!Files.exists(pinned)) {
            write(pinned, JSON.readTree(stored.getData()));
            fail("no pinned form " + pinned + " for the stored form " + stored.getData()
                    + ": a new event type or revision; run with -Dstored-events.write=true, read the file and commit it");
        }
        assertThat(JSON.readTree(stored.getData()))
                .as("%s is stored as its pinned form; a changed shape needs a new @Revision (and an upcaster where old JSON no"
                        + " longer fits)", pinned)
                .isEqualTo(JSON.readTree(Files.readString(pinned)));
        assertThat(read(stored.getType(), Files.readString(pinned))).isEqualTo(sample);
    }

    /**
     * Stored events hold enum constants by name: one renamed or removed leaves every event holding it unreadable, so
     * the constants are pinned too. A constant added is pinned by running with {@code -Dstored-events.write=true}.
     */
    @Test
    void givenEveryEnumAStoredEventHolds_whenItsConstantsAreListed_thenEveryPinnedOneIsStillThere() throws IOException {
        Map<String, List<String>> current = new TreeMap<>();
        EventSamples.storedEnums().forEach(type -> current.put(type.getName(), Stream.of(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name()).toList()));
        Path pinned = PINNED.resolve("enums.json");
        // writing adds what is new and keeps every constant pinned before, so a removal still fails below
        Map<String, List<String>> merged = Files.exists(pinned) ? new TreeMap<>(readEnums(pinned)) : new TreeMap<>();
        current.forEach((type, constants) -> merged.merge(type, constants, (old, now) -> Stream.concat(old.stream(),
                now.stream().filter(constant -> !old.contains(constant))).toList()));
        write(pinned, JSON.valueToTree(merged));
        assertThat(pinned).as("the constants are pinned; run with -Dstored-events.write=true").exists();
        Map<String, List<String>> stored = readEnums(pinned);
        stored.forEach((type, constants) -> assertThat(current.getOrDefault(type, List.of()))
                .as("%s: a constant stored events may hold was renamed or removed", type).containsAll(constants));
        current.forEach((type, constants) -> assertThat(stored.getOrDefault(type, List.of()))
                .as("%s: a new constant; pin it with -Dstored-events.write=true", type).containsAll(constants));
    }

    /** Every event class that carries a revision is a stored type this test pins, so a new one cannot slip past it. */
    @Test
    void givenEveryClassWithARevision_whenListed_thenEachIsAPinnedStoredType() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Set<String> revised = scan.findCandidateComponents("org.casetimeline").stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());

        assertThat(revised).containsExactlyInAnyOrderElementsOf(EventSamples.storedTypes().stream().map(Class::getName).toList());
    }

    @Test
    void givenEveryPinnedForm_whenReadThroughTheUpcasters_thenEachIsAStoredTypeAndKeepsEveryValue() throws IOException {
        Map<String, Class<?>> byName = EventSamples.storedTypes().stream()
                .collect(Collectors.toMap(Class::getName, Function.identity()));
        List<Path> files;
        try (Stream<Path> listed = Files.list(PINNED)) {
            files = listed.filter(file -> !file.getFileName().toString().equals("enums.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2 * byName.size());
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertThat(name).as("a pinned form is named <type>@<revision>[.minimal].json").matches("[A-Za-z]+@\\d+(\\.minimal)?\\.json");
            String typeName = "org.casetimeline.core.event." + name.substring(0, name.indexOf('@'));
            assertThat(byName).as("%s names an event type the store holds", file).containsKey(typeName);
            String revision = name.substring(name.indexOf('@') + 1, name.indexOf('.'));
            String json = Files.readString(file);
            Object read = read(new SimpleSerializedType(typeName, revision), json);
            assertThat(read).isInstanceOf(byName.get(typeName));
            // an older form, read into today's record: every value it held is still there, or under a new name (a field
            // added since reads as absent)
            JsonNode now = JSON.readTree(serializer.serialize(read, String.class).getData());
            assertThat(lostValues(JSON.readTree(json), now)).as("values of %s lost in reading it", file).isEmpty();
        }
    }

    /** Reads stored JSON as the event store does: through the configured upcasters, then the event serializer. */
    private Object read(SerializedType type, String json) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("PrisonerCase", "case", 0,
                "event", "2026-11-24T00:00:00Z", type.getName(), type.getRevision(), json, "{}");
        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).as("an upcaster neither drops nor splits an event here").hasSize(1);
        return serializer.deserialize(upcast.get(0).getData());
    }

    /**
     * The paths of {@code old} whose value {@code now} holds neither there nor under a field {@code old} does not have
     * (where an upcaster that renames a field moves it; the samples' text values name their own field, so a moved value
     * is found again).
     */
    private static List<String> lostValues(JsonNode old, JsonNode now) {
        Map<String, JsonNode> before = leaves(old, "", new TreeMap<>());
        Map<String, JsonNode> after = leaves(now, "", new TreeMap<>());
        List<JsonNode> moved = after.entrySet().stream().filter(leaf -> !before.containsKey(leaf.getKey()))
                .map(Map.Entry::getValue).toList();
        return before.entrySet().stream()
                .filter(leaf -> !leaf.getValue().equals(after.get(leaf.getKey())) && !moved.contains(leaf.getValue()))
                .map(leaf -> leaf.getKey() + ": " + leaf.getValue() + " read as " + after.get(leaf.getKey()))
                .toList();
    }

    private static Map<String, JsonNode> leaves(JsonNode node, String path, Map<String, JsonNode> into) {
        if (node.isObject()) {
            node.properties().forEach(field -> leaves(field.getValue(), path + "." + field.getKey(), into));
        } else {
            into.put(path, node);
        }
        return into;
    }

    private static String fileName(SerializedType type, String variant) {
        return type.getName().substring(type.getName().lastIndexOf('.') + 1) + "@" + type.getRevision() + variant + ".json";
    }

    private static Map<String, List<String>> readEnums(Path pinned) throws IOException {
        Map<String, List<String>> enums = new TreeMap<>();
        JSON.readTree(Files.readString(pinned)).properties().forEach(entry -> enums.put(entry.getKey(),
                entry.getValue().valueStream().map(JsonNode::asString).toList()));
        return enums;
    }

    /** Writes a pinned form when asked to ({@code -Dstored-events.write=true}); the test still fails that run. */
    private static void write(Path pinned, JsonNode json) throws IOException {
        if (Boolean.getBoolean("stored-events.write")) {
            Files.createDirectories(PINNED);
            Files.writeString(pinned, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        }
    }
}
