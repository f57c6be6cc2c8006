package org.casetimeline.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.casetimeline.api.vocabulary.FactTypeController.FieldView;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The form stores nothing the API would refuse: a value it does not offer goes on as text, for the translator to refuse. */
class FactFormTest {

    private static final List<FieldView> FIELDS = List.of(new FieldView("noticeGiven", "Boolean", List.of()));

    @Test
    void givenTheFormsTwoAnswers_whenRead_thenTrueOrFalse_andAnythingElseGoesOnAsText() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(FactForm.data(FIELDS, Map.of("data.noticeGiven", "yes"), json).get("noticeGiven").asBoolean()).isTrue();
        assertThat(FactForm.data(FIELDS, Map.of("data.noticeGiven", "no"), json).get("noticeGiven").isBoolean()).isTrue();
        ObjectNode tampered = FactForm.data(FIELDS, Map.of("data.noticeGiven", "maybe"), json);
        assertThat(tampered.get("noticeGiven").isString()).as("not stored as no").isTrue();
        assertThat(FactForm.data(FIELDS, Map.of("data.noticeGiven", ""), json).has("noticeGiven")).as("not known").isFalse();
    }
}
